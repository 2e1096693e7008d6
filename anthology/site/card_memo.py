"""Post cards rendered once per build and reused by every page that shows them.

A post's card (`post_card` in macros.html) appears on the home page, its semester,
category, tool, tag and author pages and in other posts' "related" lists: about ten
renders of the same markup per post at 1,000 posts. Jinja has no memo for macro output,
so the theme's `post_card` calls `card_once`, which renders the card macro the first time
for each (post, heading level, SITEURL) and hands out the same markup afterwards. The
card's text is all the post's own (title, authors, date, summary, tools) and SITEURL, so
nothing else can change between two renders of one build.

The page cache must still learn which posts' text a page shows (a summary Pelican cuts
from the body): the texts read while a card is first rendered are kept with it and noted
again each time the card is reused. One memo lives in each generator's template
environment and so lasts one build; the live preview forgets an edited post's cards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from .page_cache import note_read, recording


class CardMemo:
    """The `card_once(article, level, siteurl, macro)` global of one environment."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cards: dict[tuple[int, int, str], tuple[Any, Any, frozenset[Any]]] = {}

    def __call__(self, article: Any, level: int, siteurl: Any, macro: Callable[..., Any]) -> Any:
        key = (id(article), int(level), str(siteurl))
        with self._lock:
            kept = self._cards.get(key)
        if kept is not None and kept[0] is article:
            _article, html, reads = kept
            for content in reads:
                note_read(content)
            return html
        with recording() as reads:
            html = macro(article, level)
        with self._lock:
            # The article is kept with its card, so its id cannot be reused meanwhile.
            self._cards[key] = (article, html, frozenset(reads))
        return html

    def forget(self, article: Any) -> None:
        """Drop `article`'s cards (its text changed: a live preview refresh)."""
        with self._lock:
            for key in [k for k, kept in self._cards.items() if kept[0] is article]:
                del self._cards[key]


def install(env: Any) -> None:
    """Give `env` a fresh memo (called for each generator of each build)."""
    env.globals["card_once"] = CardMemo()


def forget(env: Any, article: Any) -> None:
    memo = env.globals.get("card_once")
    if isinstance(memo, CardMemo):
        memo.forget(article)
