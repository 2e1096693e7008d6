"""A quick look at other posts' front matter: which tools and slug each one names.

Checking one post needs only the posts that share a tool (or a slug) with it. Reading the
`tool:` and `slug:` lines needs no YAML parser, so thousands of posts are sifted in a few
milliseconds and only the related ones are parsed in full. Whenever a line is not in a
plain form this module can read with certainty, the post counts as related.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..tools import ToolRegistry

_KEY = re.compile(r"^(tools?|slug|title)[ \t]*:(.*)$", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+")
_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@`")
_END = re.compile(r"^(?:---|\.\.\.)[ \t\r]*$", re.MULTILINE)
_FIRST_LINE = re.compile(r"---[ \t\r]*\n")
_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*)$")
_UNSURE = set("{}&*!|>%@`\\\"'#")
_READ_LIMIT = 65_536


@dataclass(frozen=True)
class Glimpse:
    """What a quick read found: tool slugs and slug, or None where it could not be sure."""

    tool_slugs: frozenset[str] | None
    slug: str | None
    title: str | None = None


def title_key(title: str) -> str:
    """What makes two titles the same: their words, case and Unicode forms aside."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", title).casefold()))


def _title(value: str) -> str | None:
    """A title written on one line as a plain or simply quoted scalar; None when unsure."""
    value = value.strip()
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        inner = value[1:-1]
        return inner if inner and '"' not in inner and "\\" not in inner else None
    if len(value) >= 2 and value[0] == "'" and value[-1] == "'":
        inner = value[1:-1].replace("''", "")
        return value[1:-1].replace("''", "'") if inner and "'" not in inner else None
    value = value.split(" #", 1)[0].rstrip()
    if not value or value[0] in _PLAIN_START or ": " in value or value.endswith(":"):
        return None
    return value


def _scalar(value: str) -> str | None:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if not value or any(ch in _UNSURE for ch in value):
        return None
    return value


def _names(value: str, following: list[str]) -> list[str] | None:
    value = value.split(" #", 1)[0].strip()
    if not value:
        items = []
        for line in following:
            if not line.strip():
                continue
            item = _ITEM.match(line)
            if not item:
                break
            items.append(item.group(1).split(" #", 1)[0])
        raw = items
    elif value.startswith("[") and value.endswith("]"):
        raw = value[1:-1].split(",")
    else:
        raw = [value]
    names = [_scalar(item) for item in raw]
    if not names or any(name is None for name in names):
        return None
    return [name for name in names if name]


def tool_slugs(registry: ToolRegistry, names: list[str]) -> frozenset[str]:
    """Slugs of the tools that written names mean, resolved as the post model does."""
    resolution = registry.resolve(names if len(names) > 1 else names[0])
    slugs = {tool.key for tool in resolution.tools}
    slugs.update(registry.unregistered(name).key for name in resolution.unknown)
    return frozenset(slugs)


def _head(path: Path) -> str | None:
    """The text up to the end of the front matter (or the read limit); None if unreadable."""
    try:
        with path.open("rb") as handle:
            data = handle.read(4096)
            if b"\n---" not in data[3:] and b"\n..." not in data:
                data += handle.read(_READ_LIMIT)
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def glimpse(path: Path, registry: ToolRegistry) -> Glimpse:
    """Read the front matter of `path` without YAML."""
    head = _head(path)
    if head is None:
        return Glimpse(None, None)
    head = head.lstrip("\ufeff")
    if not head.startswith("---"):
        return Glimpse(frozenset(), None)
    end = _END.search(head, 3)
    if end is None:
        return Glimpse(None, None)
    front = head[: end.start()]
    if _FIRST_LINE.match(front) is None:
        return Glimpse(frozenset(), None)
    tools: frozenset[str] | None = frozenset()
    slug: str | None = path.stem.lower()
    title: str | None = None
    for match in _KEY.finditer(front):
        if match.group(1) == "slug":
            slug = _scalar(match.group(2).split(" #", 1)[0])
            continue
        if match.group(1) == "title":
            title = _title(match.group(2))
            continue
        following = front[match.end() :].split("\n")[1:]
        names = _names(match.group(2), following)
        try:
            tools = tool_slugs(registry, names) if names else None
        except Exception:  # any surprise means "not sure"
            tools = None
    return Glimpse(tools, slug, title)
