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
from .prior import catalog_path, clean_name, dump_catalog, host_of
from .tools import ToolRegistry

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

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


def find_links(markdown: str, min_links: int = 5) -> list[FoundLink]:
    """The links of the catalog: every paragraph or list holding at least `min_links` links.

    A handout mentions other links too (reading lists, course pages); the catalog is the
    block that is mostly links. When no block is that dense, every link counts.
    """
    blocks: list[list[FoundLink]] = []
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
    dense = [link for block in blocks if len(block) >= min_links for link in block]
    return dense or [link for block in blocks for link in block]


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


def import_links(
    links: Iterable[FoundLink],
    *,
    semester: str,
    source: str,
    prior_dir: Path,
    registry: ToolRegistry,
    source_label: str = "line",
) -> ImportReport:
    """Merge links into the semester's catalog file; the same url updates its entry."""
    path = catalog_path(prior_dir, semester)
    report = ImportReport(path)
    entries = _existing_entries(path)
    by_url = {str(entry["url"]).strip(): entry for entry in entries}
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
        previous = by_url.get(link.url)
        if previous is not None and not resolution.ok and previous.get("tools"):
            entry["tools"] = previous["tools"]  # keep a hand-corrected resolution
        if previous is None:
            by_url[link.url] = entry
            report.added += 1
        else:
            merged = {**previous, **entry}
            if merged != previous:
                report.updated += 1
            else:
                report.unchanged += 1
            by_url[link.url] = merged
    write_atomically(path, dump_catalog(semester, list(by_url.values()), source))
    return report
