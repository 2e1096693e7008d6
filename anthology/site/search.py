"""The Pagefind search index over the written site.

Only pages marked `data-pagefind-body` are indexed: post pages and the stubs written for
earlier posts published elsewhere (their results link out through `external_url`).

With the build cache on, the finished bundle is also kept there (`anthology-search/`, one
tar file checked by size and sha256 before use), under a key made of the name and sha256
of every page Pagefind reads, the language and the library versions. A rebuild whose
indexed pages are byte for byte the same takes the bundle from there instead of running
Pagefind again; any other change runs Pagefind, and the new bundle replaces the kept one.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import json
import logging
import os
import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from ..images.cache import ImageCache, digest, file_digest
from ..tools import ToolRegistry
from .fingerprint import versions
from .tools import ToolEntry

logger = logging.getLogger(__name__)
CACHE_DIR = "anthology-search"
BUNDLE = "pagefind"
_SUFFIX = ".tar"

# Only post pages and earlier-post stubs carry `data-pagefind-body`; reading the listing
# pages too would double the work for nothing.
SEARCHED_FOLDERS = ("posts", "earlier")
SEARCHABLE = "{" + ",".join(SEARCHED_FOLDERS) + "}/**/*.html"


async def _index(site: Path, language: str) -> int:
    # The bundle's folder goes in the config: leaving the `async with` writes the files
    # to the configured path (relative to the working directory when unset), so an
    # explicit write_files() elsewhere would leave a second bundle in ./pagefind.
    bundle = site / BUNDLE
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


def indexed_pages_digest(
    site: Path, language: str, known: Callable[[str], str | None] = lambda _name: None
) -> str:
    """A digest of every page Pagefind would read (name and sha256), the language and the
    versions; `known(name)` may give a page's sha256 without reading it again."""
    parts = [versions(), language]
    for folder in SEARCHED_FOLDERS:
        root = site / folder
        for path in sorted(root.rglob("*.html")) if root.is_dir() else ():
            name = path.relative_to(site).as_posix()
            parts += [name, known(name) or file_digest(path)]
    return digest("search", *parts)


def cached_index(site: Path, language: str, cache_root: Path, key: str) -> int:
    """`build_index`, or the bundle kept under `cache_root` for `key` (see the module doc)."""
    cache = ImageCache(cache_root)
    kept = cache.get(key, _SUFFIX)
    bundle = site / BUNDLE
    if kept is not None:
        shutil.rmtree(bundle, ignore_errors=True)
        try:
            with tarfile.open(kept) as archive:
                archive.extractall(bundle, filter="data")
            return _page_count(bundle)
        except (OSError, tarfile.TarError, ValueError, KeyError) as exc:
            logger.warning("anthology: kept search index unusable (%s); indexing again", exc)
            shutil.rmtree(bundle, ignore_errors=True)
    count = build_index(site, language)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        archive.add(bundle, arcname=".")
    stored = cache.put_bytes(key, _SUFFIX, buffer.getvalue())
    for folder, _dirs, files in os.walk(cache_root):  # keep only the newest bundle
        for name in files:
            path = Path(folder) / name
            if not name.startswith(stored.name) and name.endswith((_SUFFIX, ".sum")):
                path.unlink(missing_ok=True)
    return count


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(lang.get("page_count", 0)) for lang in entry["languages"].values())


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
