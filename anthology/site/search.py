"""The Pagefind search index over the written site.

Only pages marked `data-pagefind-body` are indexed: post pages and the stubs written for
earlier posts published elsewhere (their results link out through `external_url`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import shutil
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from ..tools import ToolRegistry
from .tools import ToolEntry

# Only post pages and earlier-post stubs carry `data-pagefind-body`; reading the listing
# pages too would double the work for nothing.
SEARCHED_FOLDERS = ("posts", "earlier")
SEARCHABLE = "{" + ",".join(SEARCHED_FOLDERS) + "}/**/*.html"


async def _index(site: Path, language: str) -> int:
    # The bundle's folder goes in the config: leaving the `async with` writes the files
    # to the configured path (relative to the working directory when unset), so an
    # explicit write_files() elsewhere would leave a second bundle in ./pagefind.
    bundle = site / "pagefind"
    # Pagefind adds its files beside an earlier bundle's; the fragments of pages that are
    # gone (a post turned draft) would stay downloadable, text and all.
    shutil.rmtree(bundle, ignore_errors=True)
    config = IndexConfig(force_language=language, output_path=str(bundle))
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(path=str(site), glob=SEARCHABLE)
    return int(result.get("page_count", 0))


def build_index(site: Path, language: str = "en") -> int:
    """Index `site` in place; returns the number of pages indexed.

    Works whether or not the caller already runs an event loop (a test driving a browser
    does): then the index is built on a worker thread with its own loop.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_index(site, language))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _index(site, language)).result()


def write_tool_names(output: Path, registry: ToolRegistry, entries: dict[str, ToolEntry]) -> None:
    """`search/tools.json`: every tool's name, aliases and page, for the search page's
    "did you mean" when a query finds nothing (a few KB, fetched only then)."""
    tools = []
    for tool in sorted(registry.tools, key=lambda t: t.name.casefold()):
        entry = entries.get(tool.slug)
        tools.append(
            {
                "name": tool.name,
                "aliases": list(tool.aliases),
                "url": entry.url if entry else None,
            }
        )
    target = output / "search" / "tools.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(tools, ensure_ascii=False, separators=(",", ":")), "utf-8")
