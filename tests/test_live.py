"""The live preview: one body edit rewrites the post's page and its cards, nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from anthology.site.live import LiveSite, replace_card
from tasks import PREVIEW

ROOT = Path(__file__).resolve().parent.parent
POST = "posts/F2026/duckdb-watch-history-analytics.md"
PAGE = "posts/duckdb-watch-history-analytics/index.html"
OPENING = "A movie-streaming service logs every minute that every viewer watches."


@pytest.fixture
def site(tmp_path: Path) -> tuple[LiveSite, Path]:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    post = content / POST
    # Without a `summary`, a card shows the post's opening, so a body edit changes the card.
    text = post.read_text(encoding="utf-8")
    post.write_text(
        "\n".join(line for line in text.split("\n") if not line.startswith("summary:")),
        encoding="utf-8",
    )
    live = LiveSite(
        str(ROOT / "pelicanconf.py"),
        tmp_path / "output",
        PREVIEW,
        PATH=str(content),
        CACHE_PATH=str(tmp_path / "cache"),
    )
    assert live.full().kind == "full"
    return live, content


def _stamps(output: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in output.rglob("*.html")}


def test_a_body_edit_rewrites_the_page_and_its_cards_only(site: tuple[LiveSite, Path]) -> None:
    live, content = site
    output = live.output
    before = _stamps(output)
    post = content / POST
    post.write_text(
        post.read_text(encoding="utf-8").replace(OPENING, "Zebra logs opened this post."),
        encoding="utf-8",
    )
    refresh = live.refresh()
    assert refresh is not None and refresh.kind == "post", refresh
    assert PAGE in refresh.written and "category/big-data/index.html" in refresh.written
    assert "Zebra logs opened this post." in (output / PAGE).read_text(encoding="utf-8")
    category = (output / "category" / "big-data" / "index.html").read_text(encoding="utf-8")
    assert "Zebra logs opened this post." in category and OPENING not in category
    after = _stamps(output)
    touched = {p.relative_to(output).as_posix() for p in after if after[p] != before.get(p)}
    assert touched == set(refresh.written)
    assert live.refresh() is None  # nothing changed since


def test_a_title_change_runs_the_full_preview_build(site: tuple[LiveSite, Path]) -> None:
    live, content = site
    post = content / POST
    text = post.read_text(encoding="utf-8")
    title = next(line for line in text.split("\n") if line.startswith("title:"))
    post.write_text(text.replace(title, "title: Zebra analytics"), encoding="utf-8")
    refresh = live.refresh()
    assert refresh is not None and refresh.kind == "full"
    assert "front matter changed" in refresh.reason
    assert "Zebra analytics" in (live.output / "index.html").read_text(encoding="utf-8")


def test_a_new_file_runs_the_full_preview_build(site: tuple[LiveSite, Path]) -> None:
    live, content = site
    page = content / "pages" / "zebra.md"
    page.write_text("---\ntitle: Zebra page\n---\n\nStripes.\n", encoding="utf-8")
    refresh = live.refresh()
    assert refresh is not None and refresh.kind == "full"
    assert (live.output / "zebra-page" / "index.html").is_file()


def test_drafts_are_previewed_marked_and_not_indexed(site: tuple[LiveSite, Path]) -> None:
    live, _content = site
    html = (live.output / "posts" / "draft-seldon-explainers" / "index.html").read_text("utf-8")
    assert "draft-banner" in html and "data-pagefind-body" not in html
    assert "draft-label" in (live.output / "semesters" / "F2026" / "index.html").read_text("utf-8")


def test_replace_card_keeps_the_heading_level_and_other_cards() -> None:
    html = (
        '<article class="card"><h2 class="card__title"><a href="/posts/a/">A</a></h2></article>'
        '<article class="card"><h2 class="card__title"><a href="/posts/b/">B</a></h2></article>'
    )
    patched = replace_card(html, "/posts/b/", lambda level: f"<new level={level}>")
    assert patched == html.split("</article>")[0] + "</article><new level=2>"
    assert replace_card(html, "/posts/c/", lambda level: "x") is None
