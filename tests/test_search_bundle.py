"""The Pagefind bundle a build publishes is whole, or the build says why it is not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from anthology.site import generator
from anthology.site.search import SearchIndexError, build_index, page_count

from .conftest import build_site


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built shipped site without its search bundle."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("pagefind"))
    return copy


def test_the_bundle_lists_every_post_and_earlier_post(site: Path) -> None:
    indexed = [
        page
        for folder in ("posts", "earlier")
        for page in (site / folder).glob("*/index.html")
        if "data-pagefind-body" in page.read_text(encoding="utf-8")
    ]
    count = build_index(site, "en")
    assert count == len(indexed) > 100
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == count
    assert page_count(site / "pagefind") == count


@pytest.mark.parametrize("damage", ["empty entry", "truncated entry", "empty metadata", "no wasm"])
def test_a_damaged_bundle_is_refused(site: Path, damage: str) -> None:
    build_index(site, "en")
    bundle = site / "pagefind"
    entry = bundle / "pagefind-entry.json"
    if damage == "empty entry":  # what an interrupted Pagefind process left behind
        entry.write_bytes(b"")
    elif damage == "truncated entry":
        entry.write_bytes(entry.read_bytes()[:20])
    elif damage == "empty metadata":
        next(bundle.glob("pagefind.*.pf_meta")).write_bytes(b"")
    else:
        next(bundle.glob("wasm.en.pagefind")).unlink()
    with pytest.raises(SearchIndexError):
        page_count(bundle)


def test_a_site_with_nothing_to_search_builds_without_a_bundle(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body><p>Home</p></body></html>")
    assert build_index(tmp_path, "en") == 0
    assert not (tmp_path / "pagefind").exists()


def test_a_pagefind_failure_is_reported_with_what_it_said(site: Path) -> None:
    (site / "pagefind").write_text("a file where the bundle's folder must go")
    with pytest.raises(SearchIndexError, match="Pagefind failed"):
        build_index(site, "en")


def test_indexing_starts_when_the_last_post_page_is_written_beside_the_listings(
    shipped_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind reads only post pages and earlier-post stubs: it is started as soon as
    those are all written, while Pelican and the plugin still write the listing pages."""
    seen: dict[str, object] = {}
    start = generator.AnthologyGenerator._start_indexing
    original = generator.build_index

    def starting(self: generator.AnthologyGenerator, writer: object) -> None:
        site = Path(self.output_path)
        seen["posts"] = sorted(p.parent.name for p in (site / "posts").glob("*/index.html"))
        seen["listings"] = [
            name
            for name in ("index.html", "tags/index.html", "tools/index.html", "404.html")
            if (site / name).exists()
        ]
        start(self, writer)

    def indexing(site: Path, language: str = "en") -> int:
        seen["stubs"] = sorted(p.parent.name for p in (site / "earlier").glob("*/index.html"))
        return original(site, language)

    monkeypatch.setattr(generator.AnthologyGenerator, "_start_indexing", starting)
    monkeypatch.setattr(generator, "build_index", indexing)
    site = build_site(shipped_content, tmp_path / "output")
    posts = sorted(p.parent.name for p in (site / "posts").glob("*/index.html"))
    stubs = sorted(p.parent.name for p in (site / "earlier").glob("*/index.html"))
    assert seen["posts"] == posts and len(posts) > 5
    assert seen["listings"] == [], "indexing waited for listing pages it does not read"
    assert seen["stubs"] == stubs and len(stubs) > 50
    assert page_count(site / "pagefind") == len(posts) + len(stubs)
