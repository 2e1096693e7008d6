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

import io
import json
import logging
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

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


class SearchIndexError(RuntimeError):
    """Pagefind failed, or left a bundle a browser cannot load."""


def build_index(site: Path, language: str = "en") -> int:
    """Index `site` in place with Pagefind's command line; returns the pages indexed.

    The command, not Pagefind's Python API: the API's context manager stops the Pagefind
    process as soon as it has answered "files written", and on a busy machine that cut
    off writing often enough (4 runs in 40 under `stress-ng --cpu 4`) to publish an empty
    `pagefind-entry.json`, which breaks every search. The command exits only when its
    files are written; the bundle is still checked before the build goes on.
    """
    bundle = site / BUNDLE
    # Pagefind adds its files beside an earlier bundle's; the fragments of pages that are
    # gone (a post turned draft) would stay downloadable, text and all.
    shutil.rmtree(bundle, ignore_errors=True)
    if not any(next((site / folder).glob("**/*.html"), None) for folder in SEARCHED_FOLDERS):
        logger.warning("anthology: no post or earlier post to index; the site has no search")
        return 0  # Pagefind refuses to write an empty index (exit 1)
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", SEARCHABLE]
    command += ["--output-path", str(bundle), "--force-language", language, "--silent"]
    ran = subprocess.run(command, capture_output=True, text=True, check=False)
    if ran.returncode != 0:
        said = (ran.stderr or ran.stdout).strip()
        raise SearchIndexError(f"Pagefind failed (exit {ran.returncode}): {said}")
    return page_count(bundle)


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
            return page_count(bundle)
        except (OSError, tarfile.TarError, SearchIndexError) as exc:
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


def page_count(bundle: Path) -> int:
    """The pages a Pagefind bundle holds, once its entry file and the metadata and
    WebAssembly files it names are there and not empty; else SearchIndexError."""
    entry_file = bundle / "pagefind-entry.json"
    try:
        languages = json.loads(entry_file.read_text(encoding="utf-8"))["languages"]
        parts = [
            (lang["hash"], lang["wasm"], int(lang["page_count"])) for lang in languages.values()
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SearchIndexError(f"{entry_file} is missing or unreadable ({exc})") from None
    if not parts:
        raise SearchIndexError(f"{entry_file} lists no language")
    for index_hash, wasm, _count in parts:
        for name in (f"pagefind.{index_hash}.pf_meta", f"wasm.{wasm}.pagefind"):
            path = bundle / name
            if not path.is_file() or path.stat().st_size == 0:
                raise SearchIndexError(f"the search bundle lacks {path} or it is empty")
    return sum(count for _hash, _wasm, count in parts)


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
