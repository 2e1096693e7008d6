"""Post cards rendered once per build: the same pages, and the page cache still told."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from anthology.site import card_memo
from anthology.site.card_memo import CardMemo
from anthology.site.page_cache import note_read, recording

from .conftest import build_site


class Post:
    """Stands in for an article (hashed by identity, as Pelican's are)."""

    def __init__(self, title: str):
        self.title = title


def test_a_card_is_rendered_once_per_post_level_and_siteurl_and_its_reads_noted() -> None:
    memo = CardMemo()
    renders: list[tuple[str, int]] = []

    def macro(article: Post, level: int) -> Markup:
        renders.append((article.title, level))
        note_read(article)  # a summary cut from the body
        return Markup(f"<article>{article.title} h{level}</article>")

    post, other = Post("A"), Post("B")
    with recording() as first:
        assert memo(post, 3, "", macro) == Markup("<article>A h3</article>")
    with recording() as again:
        assert memo(post, 3, "", macro) == Markup("<article>A h3</article>")
    assert renders == [("A", 3)]
    assert first == again == {post}, "a reused card must still tell the page cache"
    memo(post, 2, "", macro)
    memo(post, 3, "https://example.org/site", macro)
    memo(other, 3, "", macro)
    assert renders == [("A", 3), ("A", 2), ("A", 3), ("B", 3)]
    memo.forget(post)  # the live preview re-read the post
    memo(post, 3, "", macro)
    memo(other, 3, "", macro)
    assert renders[4:] == [("A", 3)]


def test_the_site_is_the_same_with_and_without_reused_cards(
    shipped_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = {"ANTHOLOGY": {"SEARCH": False}}
    reused = build_site(shipped_content, tmp_path / "reused", **options)
    monkeypatch.setattr(card_memo, "install", lambda env: None)  # every card rendered
    fresh = build_site(shipped_content, tmp_path / "fresh", **options)
    pages = sorted(p.relative_to(fresh) for p in fresh.rglob("*.html"))
    assert pages == sorted(p.relative_to(reused) for p in reused.rglob("*.html"))
    with_cards = [p for p in pages if 'class="card' in (fresh / p).read_text(encoding="utf-8")]
    assert len(with_cards) > 20
    for page in pages:
        assert (reused / page).read_bytes() == (fresh / page).read_bytes(), page
