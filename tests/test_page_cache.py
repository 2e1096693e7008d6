"""The build cache: a warm build reuses pages, feeds, templates and the search bundle, gives
the same site as a build without it, renders again what a change shows, and ignores
damaged or foreign cache files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from anthology.site import page_cache

from .conftest import ROOT, build_site, copy_content

NO_SEARCH = {"SEARCH": False}
POST = "posts/F2026/pandera-rating-schema-checks.md"
POST_PAGE = "posts/pandera-rating-schema-checks/index.html"
OTHER = "posts/F2026/mlflow-model-registry-rollbacks.md"
OTHER_URL = "/posts/mlflow-model-registry-rollbacks/"


def cached_build(content: Path, output: Path, cache: Path, **overrides: object) -> Path:
    """A build with the content cache on, as `invoke build` runs it."""
    return build_site(
        content,
        output,
        CACHE_PATH=str(cache),
        LOAD_CONTENT_CACHE=True,
        CACHE_CONTENT=True,
        **overrides,
    )


def report(output: Path) -> page_cache.PageCache:
    built = page_cache.last_build(output)
    assert built is not None, "the build did not use the page cache"
    return built


def site_files(site: Path, *, search: bool = False) -> dict[str, bytes]:
    """Every file of a built site; sitemap dates of undated pages are the build's time."""
    files = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_file() and (search or not name.startswith("pagefind/")):
            data = path.read_bytes()
            if name == "sitemap.xml":
                data = re.sub(rb"<lastmod>[^<]*</lastmod>", b"", data)
            files[name] = data
    return files


def html_pages(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_warm_build_renders_nothing_and_gives_the_same_site(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    cache = tmp_path / "cache"
    fresh = build_site(content, tmp_path / "fresh")  # no cache at all
    first = cached_build(content, tmp_path / "first", cache)
    assert set(report(first).rendered) >= html_pages(first)
    second = cached_build(content, tmp_path / "second", cache)

    assert report(second).rendered == []
    assert report(second).hits >= len(html_pages(second))
    assert site_files(second) == site_files(fresh) == site_files(first)
    # The search bundle was taken from the cache: the first build's, byte for byte.
    first_bundle = {k: v for k, v in site_files(first, search=True).items() if "pagefind/" in k}
    second_bundle = {k: v for k, v in site_files(second, search=True).items() if "pagefind/" in k}
    assert second_bundle == first_bundle
    entry = json.loads(second_bundle["pagefind/pagefind-entry.json"])
    fresh_entry = json.loads((fresh / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == fresh_entry["languages"]["en"]["page_count"]
    assert entry["languages"]["en"]["page_count"] > 100  # posts and earlier-post stubs


def test_the_search_bundle_is_made_again_when_an_indexed_page_changes(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    cache = tmp_path / "cache"
    first = cached_build(content, tmp_path / "first", cache)
    edit(content / POST, "\n## ", "\nThe word zyxwvutsrqp appears only here.\n\n## ")
    second = cached_build(content, tmp_path / "second", cache)
    assert "zyxwvutsrqp" in (second / POST_PAGE).read_text(encoding="utf-8")
    # Pagefind ran again: the names of its content-hashed files changed.
    before = {p.relative_to(first).as_posix() for p in (first / "pagefind").rglob("*")}
    after = {p.relative_to(second).as_posix() for p in (second / "pagefind").rglob("*")}
    assert before != after
    kept = list((cache / "anthology-search").rglob("*.tar"))
    assert len(kept) == 1  # only the newest bundle is kept


def test_each_changed_input_renders_again_the_pages_that_show_it(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    cache = tmp_path / "cache"
    options = {"THEME": str(theme), "ANTHOLOGY": NO_SEARCH}
    site = cached_build(content, tmp_path / "out0", cache, **options)
    every_page = html_pages(site)
    shows_other = {
        name
        for name in every_page
        if f'href="{OTHER_URL}"' in (site / name).read_text(encoding="utf-8")
    }
    assert len(shows_other) > 3  # its page, listings, and other posts' related lists

    def rebuild(step: str) -> tuple[Path, set[str]]:
        out = cached_build(content, tmp_path / f"out-{step}", cache, **options)
        assert site_files(out) == site_files(
            build_site(content, tmp_path / f"fresh-{step}", **options)
        )
        return out, set(report(out).rendered)

    # A typo fixed in one post's body (same words count): only its own page shows the text.
    edit(content / POST, "\n## ", "\nA sentence written later.\n\n## ")
    site, _ = rebuild("grow")  # more words: the reading time on cards may change
    edit(content / POST, "A sentence written later.", "A sentence rewritten later.")
    site, rendered = rebuild("typo")
    assert rendered == {POST_PAGE}
    assert "A sentence rewritten later." in (site / POST_PAGE).read_text(encoding="utf-8")

    # Another post's title: every page that links to that post shows the new title.
    edit(content / OTHER, "title: Rolling back", "title: Renamed, rolling back")
    site, rendered = rebuild("title")
    assert rendered >= every_page
    for name in shows_other:
        assert "Renamed, rolling back" in (site / name).read_text(encoding="utf-8"), name

    # A template: every page.
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n<!-- theme marker 7 -->\n", "utf-8")
    site, rendered = rebuild("theme")
    assert rendered >= every_page
    assert all("theme marker 7" in (site / name).read_text(encoding="utf-8") for name in every_page)

    # course.yaml: the course name is in every page's footer.
    edit(content / "course.yaml", "name: Machine Learning in Production", "name: Production ML")
    site, rendered = rebuild("course")
    assert rendered >= every_page
    assert "Production ML" in (site / "index.html").read_text(encoding="utf-8")
    assert "Production ML" in (site / POST_PAGE).read_text(encoding="utf-8")

    # A new comment shows under its post.
    comment = content / "comments" / "pandera-rating-schema-checks" / "zlee.md"
    comment.write_text(
        "---\nauthor:\n  name: Zoe Lee\n  id: zlee\npost: pandera-rating-schema-checks\n"
        "date: 2026-10-30 09:00\n---\n\nThe lazy validation tip saved me an afternoon.\n",
        encoding="utf-8",
    )
    site, rendered = rebuild("comment")
    assert POST_PAGE in rendered
    assert "saved me an afternoon" in (site / POST_PAGE).read_text(encoding="utf-8")


def test_a_summary_cut_from_the_body_renders_again_the_listings_that_show_it(
    tmp_path: Path,
) -> None:
    content = copy_content(tmp_path / "content")
    cache = tmp_path / "cache"
    options = {"ANTHOLOGY": NO_SEARCH}
    post = content / POST
    text = post.read_text(encoding="utf-8")
    # No `summary:` in the front matter: Pelican cuts one from the start of the body.
    post.write_text(re.sub(r"\nsummary: >-\n(  .*\n)+", "\n", text, count=1), "utf-8")
    assert "summary:" not in post.read_text(encoding="utf-8").split("\n---", 2)[1]
    first_words = post.read_text(encoding="utf-8").split("\n---\n", 1)[1].split()[:3]
    cached_build(content, tmp_path / "out0", cache, **options)

    # Same number of words, so the metadata is unchanged; the first word is not.
    edit(post, f"\n{first_words[0]} ", "\nMeanwhile ")
    site = cached_build(content, tmp_path / "out1", cache, **options)
    rendered = set(report(site).rendered)
    assert POST_PAGE in rendered
    assert "index.html" in rendered and "Meanwhile" in (site / "index.html").read_text("utf-8")
    assert "about/index.html" not in rendered  # it shows no post text
    assert site_files(site) == site_files(build_site(content, tmp_path / "fresh", **options))


def test_damaged_and_foreign_cache_files_are_ignored(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    cache = tmp_path / "cache"
    cached_build(content, tmp_path / "first", cache)
    entries = sorted(p for p in (cache / "anthology-pages").rglob("*") if p.is_file())
    truncated, garbled, moved, older = entries[:4]
    truncated.write_bytes(truncated.read_bytes()[:-40])
    data = bytearray(garbled.read_bytes())
    data[-10] ^= 0xFF  # one byte of the page changed, size kept
    garbled.write_bytes(bytes(data))
    shutil.copy(entries[10], moved)  # another entry's file under this name
    header, body = older.read_bytes().split(b"\n", 1)
    fields = json.loads(header)
    fields["format"] = "anthology-page-cache/0"
    older.write_bytes(json.dumps(fields).encode() + b"\n" + body)
    foreign = cache / "anthology-pages" / "zz" / ("z" * 64)
    foreign.parent.mkdir()
    foreign.write_bytes(b"\x80\x04not a cache entry at all")
    for code in (cache / "anthology-templates").glob("*.code"):
        code.write_bytes(b"garbage" + code.read_bytes()[7:])
    bundle = next((cache / "anthology-search").rglob("*.tar"))
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bundle.write_bytes(bytes(data))

    second = cached_build(content, tmp_path / "second", cache)
    assert len(report(second).rendered) == 4  # the four damaged entries, made again
    fresh = build_site(content, tmp_path / "fresh")
    assert site_files(second) == site_files(fresh)
    assert not foreign.exists()  # unused entries are removed after the build
    entry = json.loads((second / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] > 100
    third = cached_build(content, tmp_path / "third", cache)
    assert report(third).rendered == []


def test_no_cache_with_the_production_settings(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    cache = tmp_path / "cache"
    site = build_site(content, tmp_path / "out", CACHE_PATH=str(cache), ANTHOLOGY=NO_SEARCH)
    assert page_cache.last_build(site) is None
    assert not (cache / "anthology-pages").exists()
    assert not (cache / "anthology-templates").exists()


@pytest.mark.parametrize(
    "value",
    [
        {"b": [1, 2], "a": {"x": None}},
        {"when": __import__("datetime").datetime(2026, 10, 1, 12)},
        {"set": {"b", "a"}, 3: "int key"},
    ],
)
def test_the_settings_fingerprint_is_stable_and_tells_values_apart(value: object) -> None:
    from anthology.site.fingerprint import canonical

    assert canonical(value) == canonical(value)
    assert canonical(value) != canonical({"other": value})
    assert " at 0x" not in canonical(value)
