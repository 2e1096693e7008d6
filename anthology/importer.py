"""Import prior-semester posts from a handout's Markdown list of `[Tool](url)` links."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlsafe
from .plaintext import text_problem, url_problem
from .prior import catalog_path, clean_name, dump_catalog, host_of, url_identity
from .prior_urls import derive, spellings_for
from .tools import ToolRegistry, normalize

# Fields the address can tell; an entry keeps any value already there (a hand edit, or
# what `anthology enrich-prior` read from the page).
DERIVED_FIELDS = ("title", "author", "published")

# A Markdown inline link; the text may hold escaped brackets, the target may be empty.
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)>\s]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class FoundLink:
    """A link to import: its text (the tool), where it was found, and who wrote the post."""

    name: str
    url: str
    line: int
    column: int
    author: str | None = None


@dataclass
class ImportReport:
    """What an import did: entries written, kept, and the problems to look at."""

    catalog: Path
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    unknown_tools: list[str] = field(default_factory=list)
    # Links already catalogued under another label, counted per label.
    elsewhere: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _is_link_list(block: str) -> bool:
    """A Markdown list of two or more items, each of which starts with a link."""
    items = [line for line in block.splitlines() if line.strip()]
    starts = [_LIST_ITEM.sub("", line, count=1) for line in items if _LIST_ITEM.match(line)]
    return (
        len(starts) >= 2
        and len(starts) == len(items)
        and all(_LINK.match(start.lstrip("*_ ")) for start in starts)
    )


def find_links(markdown: str, min_links: int = 5) -> list[FoundLink]:
    """The links of the catalog: every paragraph or list holding at least `min_links` links,
    or else every Markdown list whose items all start with a link.

    A handout mentions other links too (reading lists, course pages); the catalog is the
    block that is mostly links. A text with neither (a README, an essay) has no catalog:
    the result is empty, and nothing should be imported.
    """
    blocks: list[list[FoundLink]] = []
    lists: list[bool] = []
    offset = 0
    for block in _BLANK_LINES.split(markdown):
        start = markdown.index(block, offset) if block else offset
        offset = start + len(block)
        found = []
        for match in _LINK.finditer(block):
            absolute = start + match.start()
            line = markdown.count("\n", 0, absolute) + 1
            column = absolute - (markdown.rfind("\n", 0, absolute) + 1) + 1
            name = clean_name(match.group(1).replace("\\]", "]").replace("\\[", "["))
            found.append(FoundLink(name, match.group(2).strip(), line, column))
        blocks.append(found)
        lists.append(_is_link_list(block))
    dense = [link for block in blocks if len(block) >= min_links for link in block]
    return dense or [link for block, ok in zip(blocks, lists, strict=True) if ok for link in block]


def most_links_in_a_block(markdown: str) -> int:
    """The largest number of links in one paragraph or list (for the refusal message)."""
    return max((len(_LINK.findall(block)) for block in _BLANK_LINES.split(markdown)), default=0)


def _catalogued_elsewhere(prior_dir: Path, path: Path) -> dict[str, str]:
    """Identity of every url in the other catalog files -> that file's semester label."""
    found: dict[str, str] = {}
    for other in sorted(prior_dir.glob("*.yaml")) if prior_dir.is_dir() else []:
        if other.resolve() == path.resolve():
            continue
        raw = yamlsafe.read_data(
            other,
            str(other),
            "prior-catalog",
            "Fix the YAML syntax, or move the file away and import again.",
        )
        label = str(raw.get("semester") or other.stem) if isinstance(raw, dict) else other.stem
        for entry in _existing_entries(other):
            found.setdefault(url_identity(str(entry["url"])), label)
    return found


def _existing_entries(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    raw = yamlsafe.read_data(
        path,
        str(path),
        "prior-catalog",
        "Fix the YAML syntax, or move the file away and import again.",
    )
    posts = raw.get("posts") if isinstance(raw, dict) else None
    return [p for p in posts or [] if isinstance(p, dict) and p.get("url")]


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically_bytes(path: Path, data: bytes) -> None:
    """`write_atomically` for bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_links(
    links: Iterable[FoundLink],
    *,
    semester: str,
    source: str,
    prior_dir: Path,
    registry: ToolRegistry,
    source_label: str = "line",
) -> ImportReport:
    """Merge links into the semester's catalog file.

    An earlier post is one url (compared by `url_identity`) across every catalog file: a
    link already in this file updates its entry, one already in another file is left
    there and counted in `report.elsewhere`.
    """
    path = catalog_path(prior_dir, semester)
    report = ImportReport(path)
    entries = _existing_entries(path)
    spellings = spellings_for(
        name for tool in registry.tools for name in (tool.name, *tool.aliases)
    )
    elsewhere = _catalogued_elsewhere(prior_dir, path)
    by_url = {url_identity(str(entry["url"])): entry for entry in entries}
    for link in links:
        where = (
            f"{source}:{link.line}:{link.column}"
            if source_label == "line"
            else f"{source}:{source_label} {link.line}"
        )
        if not link.name:
            report.skipped.append(f"{where}: a link with no text ({link.url or 'no url'})")
            continue
        if not link.url:
            report.skipped.append(f"{where}: [{link.name}] has an empty url")
            continue
        if not re.match(r"^https?://[^/\s]+", link.url, re.IGNORECASE):
            report.skipped.append(
                f"{where}: [{link.name}] has a url that is not http(s): {link.url}"
            )
            continue
        # What the catalog would refuse to load is not written (see anthology.plaintext).
        url_trouble = url_problem(link.url)
        if url_trouble:
            report.skipped.append(f"{where}: [{link.name}] has a url that {url_trouble}")
            continue
        name_trouble = text_problem(link.name) or (link.author and text_problem(link.author))
        if name_trouble:
            report.skipped.append(
                f"{where}: {link.name!r} (by {link.author!r}) {name_trouble}; names are plain text"
                if link.author
                else f"{where}: {link.name!r} {name_trouble}; names are plain text"
            )
            continue
        identity = url_identity(link.url)
        if identity in elsewhere and identity not in by_url:
            label = elsewhere[identity]
            report.elsewhere[label] = report.elsewhere.get(label, 0) + 1
            continue
        resolution = registry.resolve(link.name)
        tools = [tool.name for tool in resolution.tools]
        if not resolution.ok:
            report.unknown_tools.append(f"{where}: {link.name!r} (add it to content/tools.yaml)")
            tools = [tool.name for tool in resolution.tools] + list(resolution.unknown)
        entry = {
            "name": link.name,
            "tools": tools,
            "url": link.url,
            "semester": semester,
            "host": host_of(link.url),
        }
        if link.author:
            entry["author"] = link.author
        previous = by_url.get(identity) or {}
        derived = derive(link.url, spellings)
        title = _informative(derived.title, link.name, resolution.tools) or _subtitled_name(
            link.name, resolution.tools
        )
        for key, value in (
            ("title", title),
            ("author", derived.author),
            ("published", derived.published),
        ):
            if value and key not in entry and not previous.get(key):
                entry[key] = value
        previous = previous or None
        if previous is not None and not resolution.ok and previous.get("tools"):
            entry["tools"] = previous["tools"]  # keep a hand-corrected resolution
        if previous is None:
            by_url[identity] = entry
            report.added += 1
        else:
            entry["url"] = previous["url"]  # the url as first catalogued stays its name
            merged = {**previous, **entry}
            if merged != previous:
                report.updated += 1
            else:
                report.unchanged += 1
            by_url[identity] = merged
    if by_url:  # every link catalogued elsewhere: no empty file for this label
        write_atomically(path, dump_catalog(semester, list(by_url.values()), source))
    return report


def _subtitled_name(name: str, tools: Iterable[Any]) -> str | None:
    """The link text as a title when it says more than the tool's name
    ("Aporia: Monitor ML Models in Production")."""
    names = {tool.name.casefold() for tool in tools}
    if ":" in name and name.split(":", 1)[1].strip() and name.casefold() not in names:
        return name
    return None


def _informative(title: str | None, name: str, tools: Iterable[Any]) -> str | None:
    """A derived title, unless it only repeats the tool's name ("Data robot")."""
    if not title:
        return None
    names = {normalize(name), *(normalize(tool.name) for tool in tools)}
    return None if normalize(title) in names else title
