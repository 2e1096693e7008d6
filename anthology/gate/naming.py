"""Where a post first shows its tool: the first line that names it or shows code.

Hand-written because it is a few lines over the gate's own view of the body; a
walkthrough of a tool comes after the post has named the tool or shown it at work, so the
paragraphs before that line set the scene (see `Cues.after_tool`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .scan import Body

_WORD = re.compile(r"[^\W_]+")
# "Docker Slim", "docker-slim" and "DockerSlim" are one name: a name written in up to this
# many more words than its own is still found
_SPLIT_MORE = 2


@dataclass(frozen=True)
class ToolName:
    """A tool's name folded to its letters and digits, and how many words it has."""

    key: str
    words: int
    lead: str  # what a text naming it holds where the name starts ("doc" of "docker-slim")

    @classmethod
    def of(cls, name: str) -> ToolName | None:
        words = _WORD.findall(name.casefold())
        return cls("".join(words), len(words), words[0][:3]) if words else None

    def at(self, folded: str, start: int) -> bool:
        """Whether the casefolded text names the tool at `start`, a word's first letter."""
        if start and folded[start - 1].isalnum():
            return False
        joined = ""
        window = folded[start : start + len(self.key) + 4 * (self.words + _SPLIT_MORE)]
        for word in _WORD.findall(window)[: self.words + _SPLIT_MORE]:
            joined += word
            if joined == self.key:
                return True
            if not self.key.startswith(joined):
                return False
        return False


def _first_named(folded: str, tools: Iterable[str], limit: int) -> int | None:
    """The offset of the first name of `tools` in `folded` before `limit`, if any."""
    first: int | None = None
    for tool in filter(None, map(ToolName.of, tools)):
        # only where the name's first letters are is the text split into words
        start = tool.lead
        at = folded.find(start, 0, limit)
        while at != -1 and (first is None or at < first):
            if tool.at(folded, at):
                first = at
                break
            at = folded.find(start, at + 1, limit)
    return first


def first_shown(body: Body, tools: Iterable[str]) -> int | None:
    """The file line of the body's first code line or first line naming one of `tools`;
    None when the body does neither."""
    first = min(body.code, default=len(body.lines))
    folded = body.text.casefold()  # casefolding adds no line breaks: line indexes hold
    limit = sum(len(line) + 1 for line in folded.split("\n")[:first])
    found = _first_named(folded, tools, min(limit, len(folded)))
    if found is not None:
        first = min(first, folded.count("\n", 0, found))
    return body.file_line(first) if first < len(body.lines) else None


# a summary that opens a post ("**TL;DR** — OutlierTree finds …", "Summary: …") tells the
# whole post in a few lines; its story begins after it (English)
_SUMMARY = re.compile(r"^[\s>*_#]*(?:tl;?\s?dr|summary|in short|in a nutshell)\b", re.IGNORECASE)


def is_summary(text: str) -> bool:
    """Whether a paragraph's text opens as a summary of the post ("TL;DR: …")."""
    return bool(_SUMMARY.match(text))


def names_tool(text: str, tools: Iterable[str]) -> bool:
    """Whether `text` names one of `tools`."""
    folded = text.casefold()
    return _first_named(folded, tools, len(folded)) is not None
