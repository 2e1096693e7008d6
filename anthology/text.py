"""Plain-text measures of Markdown: words and reading time."""

from __future__ import annotations

import math
import re

_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\uffff]+(?:['’.-][A-Za-z0-9\u00c0-\uffff]+)*")
WORDS_PER_MINUTE = 220


def prose(markdown_text: str) -> str:
    """The readable text of a Markdown body: code, link targets and tags removed."""
    text = _FENCE.sub(" ", markdown_text)
    text = _INLINE_CODE.sub(" ", text)
    text = _LINK_TARGET.sub("]", text)
    return _HTML_TAG.sub(" ", text)


def count_words(markdown_text: str) -> int:
    return len(_WORD.findall(prose(markdown_text)))


def reading_minutes(word_count: int) -> int:
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))
