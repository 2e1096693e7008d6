"""A rebuild into the same output/ shows only what is published now, and writes nowhere else."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from .conftest import build_site, copy_content

SLUG = "prefect-nightly-retraining"
POST = Path("posts") / "F2026" / f"{SLUG}.md"
# Pages that show only this post: its own, its card, and its authors' and unique tag pages.
ONLY_THIS_POST = [
    f"posts/{SLUG}/index.html",
    f"cards/{SLUG}.png",
    "author/jonas-weber/index.html",
    "tag/orchestration/index.html",
]


def searched_urls(site: Path) -> set[str]:
    urls = set()
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        urls.add(json.loads(data[data.index(b"{") :])["url"])
    return urls


def unpublish(content: Path, how: str) -> None:
    post = content / POST
    if how == "deleted":
        post.unlink()
    else:
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace("status: published", f"status: {how}", 1), encoding="utf-8")


@pytest.mark.parametrize("how", ["draft", "deleted"])
def test_a_post_that_is_no_longer_published_leaves_the_site_and_the_search(
    tmp_path: Path, how: str
) -> None:
    content = copy_content(tmp_path / "content")
    output = tmp_path / "output"
    # Files the build did not write and does not own stay: a CNAME, a note in the theme.
    output.mkdir()
    (output / "CNAME").write_text("anthology.example.org\n", encoding="utf-8")
    build_site(content, output)
    (output / "theme" / "notes.html").write_text("kept", encoding="utf-8")
    for name in ONLY_THIS_POST:
        assert (output / name).is_file(), name
    assert f"/posts/{SLUG}/" in searched_urls(output)
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}

    unpublish(content, how)
    build_site(content, output)
    for name in ONLY_THIS_POST:
        assert not (output / name).exists(), f"{name} is still published"
    assert not (output / "posts" / SLUG).exists()
    assert f"/posts/{SLUG}/" not in searched_urls(output)
    assert "Prefect" not in (output / "index.html").read_text(encoding="utf-8")
    # Everything else is still there: other posts, images, the theme, foreign files.
    after = {p.relative_to(output) for p in output.rglob("*") if p.is_file()}
    gone = [p for p in before.keys() - after if p.parts[0] != "pagefind"]
    # Only pages that showed this post went (its category, tool and tag pages, feeds).
    assert set(ONLY_THIS_POST) <= {str(p) for p in gone}
    for page in gone:
        assert SLUG.encode() in before[page] or SLUG in page.name, f"{page} was removed"
    for kept in (
        "CNAME",
        "theme/notes.html",
        "theme/css/main.css",
        "images/lakefs/branch-diagram.png",
        "posts/pandera-rating-schema-checks/index.html",
        "earlier/index.html" if (output / "earlier" / "index.html").exists() else "index.html",
    ):
        assert (output / kept).is_file(), kept


def test_the_live_preview_keeps_unchanged_pages_and_still_drops_unpublished_ones(
    tmp_path: Path,
) -> None:
    content = copy_content(tmp_path / "content")
    output = tmp_path / "output"
    preview = {"SEARCH": False, "FEEDS": False, "PREVIEW_SKIP_UNCHANGED": True}
    build_site(content, output)
    kept = output / "posts" / "pandera-rating-schema-checks" / "index.html"
    written = kept.stat().st_mtime_ns
    unpublish(content, "draft")
    build_site(content, output, ANTHOLOGY=preview)
    assert kept.stat().st_mtime_ns == written, "the unchanged page was rewritten or removed"
    assert not (output / "posts" / SLUG).exists()
    # The preview makes no feeds: the full build's stay until the next full build.
    assert (output / "feeds" / "all.atom.xml").is_file()


def test_the_search_bundle_is_written_only_into_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = copy_content(tmp_path / "content")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    output = build_site(content, tmp_path / "output")
    assert (output / "pagefind" / "pagefind-entry.json").is_file()
    assert list(work.iterdir()) == [], "something was written into the working directory"
