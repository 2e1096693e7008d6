"""Plain-text measures of Markdown: words and reading time."""

from __future__ import annotations

import math
import re

_FENCE_LINE = re.compile(r"(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LINK_TARGET = re.compile(r"\]\([^()]*\)")
_HTML_TAG = re.compile(r"<[^<>]+>")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\uffff]+(?:['’.-][A-Za-z0-9\u00c0-\uffff]+)*")
WORDS_PER_MINUTE = 220


def _without_fences(text: str) -> str:
    """The text with ```/~~~ fenced blocks (closed ones) replaced by a blank, in one pass."""
    if "```" not in text and "~~~" not in text:
        return text
    kept: list[str] = []
    block: list[str] = []
    fence = ""
    for line in text.split("\n"):
        if not fence:
            opening = _FENCE_LINE.match(line)
            if opening:
                fence, block = opening.group(1), [line]
            else:
                kept.append(line)
        elif line.rstrip(" \t") == fence:
            fence = ""
            kept.append(" ")
        else:
            block.append(line)
    if fence:  # never closed: not a fence
        kept.extend(block)
    return "\n".join(kept)


def prose(markdown_text: str) -> str:
    """The readable text of a Markdown body: code, link targets and tags removed."""
    text = _without_fences(markdown_text)
    text = _INLINE_CODE.sub(" ", text)
    text = _LINK_TARGET.sub("]", text)
    return _HTML_TAG.sub(" ", text)


def count_words(markdown_text: str) -> int:
    return len(_WORD.findall(prose(markdown_text)))


def reading_minutes(word_count: int) -> int:
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))
