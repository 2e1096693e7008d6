"""Time the live preview's refresh after editing one post's body (used by bench_build.py).

Usage: python benchmarks/live_edit.py CONTENT OUTPUT CACHE

Builds the preview once (as `invoke livereload` does on start), appends a paragraph to one
published post, refreshes, and prints `<seconds> <kind> <pages written>` as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anthology.site.live import LiveSite  # noqa: E402
from tasks import PREVIEW  # noqa: E402


def main() -> None:
    content, output, cache = (Path(arg) for arg in sys.argv[1:4])
    site = LiveSite(
        str(ROOT / "pelicanconf.py"),
        output,
        PREVIEW,
        PATH=str(content),
        CACHE_PATH=str(cache),
    )
    site.full()
    edited = next(
        p
        for p in sorted((content / "posts").rglob("*.md"))
        if "status: published" in p.read_text(encoding="utf-8")
    )
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nOne more paragraph from the live edit.\n",
        encoding="utf-8",
    )
    refresh = site.refresh()
    assert refresh is not None
    page = output / "posts" / edited.stem / "index.html"
    shows = page.is_file() and "One more paragraph from the live edit." in page.read_text("utf-8")
    print(
        json.dumps(
            {
                "seconds": refresh.seconds,
                "kind": refresh.kind,
                "written": len(refresh.written),
                "shows_edit": shows,
            }
        )
    )


if __name__ == "__main__":
    main()
