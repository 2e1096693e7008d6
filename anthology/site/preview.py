"""A writer for live previews that skips pages none of whose posts have changed.

Pelican's content cache only skips re-reading posts; every page is still rendered. While
an author edits one post, re-rendering a thousand unchanged post, author, tag and category
pages is the bulk of a rebuild, so the preview writer leaves such a page alone when it is
newer than the sources of every post it shows, the theme, the course data and the
comments. The home page, archives and other whole-site pages are always rewritten. A
changed title shows on other posts' pages, and a deleted post leaves its listings, only
after a full build (`invoke build`): the price of a fast preview.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import ledger, posts_written
from .page_cache import CachingWriter


def _newest_mtime(folder: Path) -> float:
    newest = 0.0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
    return newest


class PreviewWriter(CachingWriter):
    """Pelican's writer, minus unchanged post and page renders."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None):
        super().__init__(output_path, settings=settings)
        settings = settings or {}
        content = Path(settings.get("PATH", "."))
        # The theme, the course data and the comments shape post pages; a change there
        # rewrites them all.
        data = [content / "course.yaml", content / "tools.yaml", *content.glob("prior/*.yaml")]
        self._baseline = max(
            [
                _newest_mtime(Path(settings.get("THEME", "."))),
                _newest_mtime(content / "comments"),
                *(path.stat().st_mtime for path in data if path.exists()),
            ]
        )

    def _is_current(self, name: str, shown: list[Any]) -> bool:
        """Whether the page `name` is newer than every post it shows and the baseline."""
        try:
            written = (Path(self.output_path) / name).stat().st_mtime
            sources = [os.stat(item.source_path).st_mtime for item in shown]
        except (OSError, AttributeError, TypeError):
            return False
        return written >= max([self._baseline, *sources])

    def write_file(
        self, name: str, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> None:
        single = kwargs.get("article") or kwargs.get("page")
        # Author, tag and category pages pass the posts they list; whole-site pages do not.
        listing = any(key in kwargs for key in ("author", "tag", "category"))
        shown = [single] if single is not None else (kwargs.get("articles") if listing else None)
        if name and shown and self._is_current(name, list(shown)):
            ledger.note(os.path.join(self.output_path, name))  # kept, so not stale
            posts_written.written(self.output_path, name, self)
            return
        super().write_file(name, template, context, *args, **kwargs)
