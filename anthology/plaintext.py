"""Plain text and plain links: what names and URLs in data files may contain.

Names (tools and their aliases, tags, categories, authors, semester labels, earlier posts'
names and hosts) are shown on the site, in feeds and as search filters. They may not
contain markup characters (`<`, `>`, `"`, a backtick) or control characters (nor the
invisible bidirectional controls that reorder text). `&` and `'` are allowed because real
names use them ("W&B", "R&D", "AT&T", "O'Brien"); the templates escape every value, so
they are always shown as the characters they are. Prose (an earlier post's title or
summary, as read from the web) may hold any printable character; only control characters
are refused there (`prose_problem`). URLs must be `http(s)://host/...` with no whitespace, quotes,
angle brackets, backticks, backslashes or control characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

_MARKUP = frozenset('<>"`')
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")

PLAIN_NAME_FIX = (
    "Write names as plain text: no `<`, `>`, double quotes, backticks or control "
    "characters (`&` is fine, e.g. W&B)."
)


def _describe(char: str) -> str:
    if char in _MARKUP:
        return f"the markup character `{char}`"
    return f"the invisible control character U+{ord(char):04X}"


def text_problem(value: str) -> str | None:
    """Why `value` cannot be a name, or None when it is plain text."""
    for char in value:
        if char in _MARKUP or char in _BIDI or unicodedata.category(char) == "Cc":
            return f"contains {_describe(char)}"
    return None


def prose_problem(value: str) -> str | None:
    """Why `value` cannot be shown as a title or summary: control characters only."""
    for char in value:
        if char in _BIDI or (unicodedata.category(char) == "Cc" and char not in "\n\t"):
            return f"contains {_describe(char)}"
    return None


def url_problem(value: str) -> str | None:
    """Why `value` is not a plain http(s) link, or None when it is one."""
    bad = _URL_FORBIDDEN.search(value)
    if bad:
        char = bad.group(0)
        what = "whitespace" if char.isspace() else f"`{char}`" if char.isprintable() else None
        return f"contains {what or f'the control character U+{ord(char):04X}'}"
    for char in value:
        if char in _BIDI:
            return f"contains {_describe(char)}"
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return "is not a valid URL"
    if parts.scheme not in ("http", "https"):
        return "does not start with http:// or https://"
    if not parts.netloc or not host:
        return "has no valid host name after http(s)://"
    return None


def field_problems(
    fields: Iterable[tuple[str, object]], check: Callable[[str], str | None]
) -> Iterator[tuple[str, str, str]]:
    """(field, value, problem) for each given value that `check` refuses; None is skipped."""
    for field, value in fields:
        if value is None:
            continue
        problem = check(str(value))
        if problem:
            yield field, str(value), problem
