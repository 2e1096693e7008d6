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
from pathlib import Path

logger = logging.getLogger(__name__)

# File kinds the build writes from content; anything else (static files, the theme's
# assets, the search bundle) is left alone.
SWEPT_SUFFIXES = (".html", ".xml")
SWEPT_FOLDERS = ("cards",)  # every file here comes from a published post
LEFT_ALONE = ("theme", "pagefind")

_lock = threading.Lock()
_written: dict[str, set[str]] = {}


def _key(path: str | Path) -> str:
    return str(Path(os.path.normpath(path)).absolute())


def start(output_path: str | Path) -> None:
    """Forget what earlier builds into `output_path` wrote (one call per build)."""
    with _lock:
        _written[_key(output_path)] = set()


def note(path: str | Path) -> None:
    """Record a file the current build wrote or kept."""
    full = _key(path)
    with _lock:
        for output, files in _written.items():
            if full.startswith(output + os.sep):
                files.add(full)


def note_written(path: str, context: object = None) -> None:
    """Receiver of Pelican's `content_written` signal."""
    note(path)


def _stale(output: Path, keep: set[str], under: Iterable[str] | None) -> list[Path]:
    roots = [output / folder for folder in under] if under is not None else [output]
    stale: list[Path] = []
    for root in roots:
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            if here == output:
                dirs[:] = [d for d in dirs if d not in LEFT_ALONE]
            relative = here.relative_to(output)
            swept_folder = bool(relative.parts) and relative.parts[0] in SWEPT_FOLDERS
            for name in files:
                path = here / name
                if not (swept_folder or name.endswith(SWEPT_SUFFIXES)):
                    continue
                if str(path) not in keep:
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
        written = _written.get(str(output))
        if written is None:
            return 0  # this output was not started: nothing is known, nothing is removed
        noted = set(written)
    removed = 0
    for path in _stale(output, noted, under):
        path.unlink(missing_ok=True)
        removed += 1
        folder = path.parent
        while folder != output and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    if removed:
        logger.info("anthology: removed %d page(s) no longer published", removed)
    return removed
