"""What a build wrote, and the sweep of pages an earlier build left that this one did not.

Pelican overwrites pages but never removes one: a post that became a draft, or was
deleted, kept its page (and its place in the search index). Deleting the whole output
folder first (`DELETE_OUTPUT_DIRECTORY`) would also throw away the copied images and
cards, and the live preview's unchanged pages, on every build. Instead every page the
build writes (Pelican's `content_written` signal), keeps (the preview writer) or places
(feeds, social cards) is noted, and pages and feeds nobody wrote this time are removed:
post pages and earlier-post stubs before Pagefind indexes them, the rest at the end.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

# Files the build writes from content: pages (".html" anywhere), feeds (every file in
# feeds/) and social cards (every file in cards/). Anything else (static files, the theme's
# assets, the search bundle, sitemap.xml and robots.txt) is left alone, and so are feeds and
# cards when the build does not make them (a live preview).
PAGES = ".html"
FEEDS = "feeds"
CARDS = "cards"
LEFT_ALONE = ("theme", "pagefind")


@dataclass
class _Build:
    folders: tuple[str, ...]  # swept whole
    written: set[str] = field(default_factory=set)


_lock = threading.Lock()
_builds: dict[str, _Build] = {}


def _key(path: str | Path) -> str:
    return str(Path(os.path.normpath(path)).absolute())


def start(output_path: str | Path, *, feeds: bool = True, cards: bool = True) -> None:
    """Forget what earlier builds into `output_path` wrote (one call per build); `feeds`
    and `cards` say whether this build makes them (else old ones are not swept)."""
    folders = (*((FEEDS,) if feeds else ()), *((CARDS,) if cards else ()))
    with _lock:
        _builds[_key(output_path)] = _Build(folders)


def note(path: str | Path) -> None:
    """Record a file the current build wrote or kept."""
    full = _key(path)
    with _lock:
        for output, build in _builds.items():
            if full.startswith(output + os.sep):
                build.written.add(full)


def note_written(path: str, context: object = None) -> None:
    """Receiver of Pelican's `content_written` signal."""
    note(path)


def _stale(output: Path, build: _Build, under: Iterable[str] | None) -> list[Path]:
    roots = [output / folder for folder in under] if under is not None else [output]
    stale: list[Path] = []
    for root in roots:
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            if here == output:
                dirs[:] = [d for d in dirs if d not in LEFT_ALONE]
            relative = here.relative_to(output)
            swept_folder = bool(relative.parts) and relative.parts[0] in build.folders
            for name in files:
                path = here / name
                if not (swept_folder or name.endswith(PAGES)):
                    continue
                if str(path) not in build.written:
                    stale.append(path)
    return stale


def sweep(
    output_path: str | Path, under: Iterable[str] | None = None, keep: Iterable[str] = ()
) -> int:
    """Remove pages, feeds and cards under `output_path` (or its `under` folders) that this
    build did not note; `keep` names output-relative files to spare (static files).
    Returns how many were removed."""
    output = Path(_key(output_path))
    with _lock:
        build = _builds.get(str(output))
        if build is None:
            return 0  # this output was not started: nothing is known, nothing is removed
        build = _Build(build.folders, set(build.written))
    removed = 0
    for path in _stale(output, build, under):
        path.unlink(missing_ok=True)
        removed += 1
        folder = path.parent
        while folder != output and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    if removed:
        logger.info("anthology: removed %d page(s) no longer published", removed)
    return removed
