"""The Pagefind search index over the written site.

Only pages marked `data-pagefind-body` are indexed: post pages and the stubs written for
earlier posts published elsewhere (their results link out through `external_url`).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex


async def _index(site: Path, language: str) -> int:
    config = IndexConfig(force_language=language)
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(path=str(site))
        await index.write_files(output_path=str(site / "pagefind"))
    return int(result.get("page_count", 0))


def build_index(site: Path, language: str = "en") -> int:
    """Index `site` in place; returns the number of pages indexed."""
    return asyncio.run(_index(site, language))
