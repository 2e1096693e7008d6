"""Where a post first shows its tool: the first line that names it or shows code.

Hand-written because it is a few lines over the gate's own view of the body; a
walkthrough of a tool comes after the post has named the tool or shown it at work, so the
paragraphs before that line set the scene (see `Cues.after_tool`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .scan import Body

_WORD = re.compile(r"[^\W_]+")
# "Docker Slim", "docker-slim" and "DockerSlim" are one name: a name written in up to this
# many more words than its own is still found
_SPLIT_MORE = 2


def tool_keys(tools: Iterable[str]) -> list[tuple[str, int]]:
    """Each name folded to its letters and digits, and how many words it is written in."""
    keys = [_WORD.findall(name.casefold()) for name in tools]
    return [("".join(words), len(words)) for words in keys if words]


def names(line: str, keys: Iterable[tuple[str, int]]) -> bool:
    """Whether `line` names one of the tools (`tool_keys`), however its words are split or
    joined."""
    words = _WORD.findall(line.casefold())
    for key, size in keys:
        reach = size + _SPLIT_MORE
        for start in range(len(words)):
            joined = ""
            for word in words[start : start + reach]:
                joined += word
                if joined == key:
                    return True
                if len(joined) >= len(key) or not key.startswith(joined):
                    break
    return False


def first_shown(body: Body, tools: Iterable[str]) -> int | None:
    """The file line of the body's first code line or first line naming one of `tools`;
    None when the body does neither."""
    keys = tool_keys(tools)
    for index, line in enumerate(body.lines):
        if index in body.code or names(line, keys):
            return body.file_line(index)
    return None
