"""Plain words out of inline Markdown, for counting and for matching headings."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z0-9\u00c0-\uffff]+(?:['’.\-][A-Za-z0-9\u00c0-\uffff]+)*")
# Each inner part stops at the next opening delimiter (`[`, `(`, `<`, `{`), so a failed
# attempt never scans past where the next attempt starts: linear time on any input
# ("![![![…", "<a <a <a …").
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)|\[([^\[\]]*)\]\[[^\[\]]*\]")
_URL = re.compile(r"<?\b(?:https?|ftp|mailto):[^\s>)]*>?", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ATTRS = re.compile(r"\{[:#.][^{}]*\}")
_MARKS = re.compile(r"[*_~`]+")


# A line is made plain by several readers of a post (prose, outline, paragraphs): once.
@lru_cache(maxsize=1 << 13)
def strip_inline(text: str) -> str:
    """Inline Markdown to plain text: images dropped, links kept as their text, no markup."""
    if "[" in text:
        text = _IMAGE.sub(" ", text)
        text = _LINK.sub(lambda m: m.group(1) or m.group(2) or " ", text)
    if ":" in text:
        text = _URL.sub(" ", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "{" in text:
        text = text.rstrip()
        start = text.rfind("{")
        if _ATTRS.fullmatch(text, start):
            text = text[:start]
    if "*" in text or "_" in text or "~" in text or "`" in text:
        text = _MARKS.sub("", text)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """The words of already plain text."""
    return WORD.findall(text)


def count_words(markdown_text: str) -> int:
    return len(words(strip_inline(markdown_text)))
