"""Post and page addresses worked out once per build, and reads of their text noted.

Pelican recomputes `url` and `save_as` from the URL settings on every access (formatting
the metadata and an `os.path.relpath` each time), and the templates read a post's `url`
on its own page, in every listing card, in related and earlier posts and in feeds: at
1,000 posts that is tens of thousands of recomputations of the same strings, about a
tenth of a warm build. Pelican has no setting for this, so the plugin moves each built
Article and Page to a subclass that remembers both once they are first read; the
metadata they come from does not change after the generators have read the content.

The same subclasses tell the page cache (`page_cache.note_read`) whenever a page or feed
being rendered reads a post's text (`content`, or a `summary` taken from it), so a cached
page is reused only while the texts it showed are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any

from pelican.contents import Article, Page

from .page_cache import note_read


class _Remembered:
    @cached_property
    def url(self) -> str:
        return super().url  # type: ignore[misc]

    @cached_property
    def save_as(self) -> str:
        return super().save_as  # type: ignore[misc]

    def get_content(self, siteurl: str) -> str:
        note_read(self)
        return super().get_content(siteurl)  # type: ignore[misc]

    def get_summary(self, siteurl: str) -> str:
        if "summary" not in self.metadata:  # type: ignore[attr-defined]
            note_read(self)  # Pelican cuts the summary from the text
        return super().get_summary(siteurl)  # type: ignore[misc]


class RememberedArticle(_Remembered, Article):
    """An Article whose url and save_as are computed once."""


class RememberedPage(_Remembered, Page):
    """A Page whose url and save_as are computed once."""


# Pelican picks the URL settings by class name (ARTICLE_URL, PAGE_URL); pickling uses
# __qualname__, which keeps the subclasses' own names.
RememberedArticle.__name__ = "Article"
RememberedPage.__name__ = "Page"
_SWAP = {Article: RememberedArticle, Page: RememberedPage}


def remember_urls(contents: Iterable[Any]) -> None:
    """Give each plain Article and Page the remembering subclass (same object, same data)."""
    for content in contents:
        remembering = _SWAP.get(type(content))
        if remembering is not None:
            content.__class__ = remembering
