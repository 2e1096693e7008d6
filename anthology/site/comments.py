"""Comments as post pages show them: rendered like posts, newest last, under their post."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..comments import Comment
from .render import Renderer

_ID = re.compile(r'\bid="([^"]*)"')
_FRAGMENT = re.compile(r'\bhref="#([^"]*)"')


@dataclass(frozen=True)
class CommentView:
    """One comment on a post page. `html` resolves site links when the page is written."""

    anchor: str
    author: str
    date: datetime
    locale_date: str
    title: str | None
    body: str
    owner: Any  # the article: its links are resolved the same way as its own content

    @property
    def html(self) -> str:
        return str(self.owner._update_content(self.body, self.owner.get_siteurl()))


def _scoped(html: str, anchor: str) -> str:
    """Prefix the comment's own ids (and links to them), so they never clash with the page's.

    Links to the post's ids (e.g. one of its headings) are kept as they are.
    """
    own = set(_ID.findall(html))
    html = _ID.sub(lambda m: f'id="{anchor}-{m.group(1)}"', html)
    return _FRAGMENT.sub(
        lambda m: f'href="#{anchor}-{m.group(1)}"' if m.group(1) in own else m.group(0), html
    )


def by_post(comments: list[Comment]) -> dict[str, list[Comment]]:
    """Comments per post slug, oldest first (ties by file path)."""
    index: dict[str, list[Comment]] = defaultdict(list)
    for comment in sorted(comments, key=lambda c: (c.date, c.path)):
        index[comment.post].append(comment)
    return index


def views(
    comments: list[Comment], article: Any, renderer: Renderer, date_format: str
) -> list[CommentView]:
    """The comments of one article, rendered with the posts' Markdown and sanitizer."""
    found = []
    for number, comment in enumerate(comments, start=1):
        anchor = f"comment-{number}"
        source = comment.path.split("/", 1)[1] if "/" in comment.path else comment.path
        found.append(
            CommentView(
                anchor=anchor,
                author=comment.author.name,
                date=comment.date,
                locale_date=comment.date.strftime(date_format),
                title=comment.title,
                body=_scoped(renderer.render(comment.body, source), anchor),
                owner=article,
            )
        )
    return found
