"""The "Claimed tools" page: this semester's claims, drafts and posts, one row per post.

Only what students need to choose a tool is shown: the tool, category, status, when it
was claimed and by whom (course ids, or names when `privacy.show_names_on_claims` is on).
A claim's or draft's title and text never appear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..corpus import Corpus
from ..model import Post
from .tools import ToolEntry

SHOWN_STATUSES = ("claimed", "draft", "published")


@dataclass(frozen=True)
class ClaimedTool:
    name: str
    url: str | None  # the tool page, when the site has one
    earlier: int  # posts on the tool from earlier semesters, here or elsewhere


@dataclass(frozen=True)
class ClaimRow:
    tools: tuple[ClaimedTool, ...]
    category: str
    status: str
    claimed_on: date
    claimant: str
    post_url: str | None = None  # published posts only
    post_title: str | None = None  # published posts only

    @property
    def sort_key(self) -> tuple[str, date, str]:
        return (" + ".join(t.name for t in self.tools).casefold(), self.claimed_on, self.claimant)


def _earlier(entry: ToolEntry, corpus: Corpus) -> int:
    order = corpus.course.semester_order
    current = order(corpus.course.semester)
    return len(entry.prior) + sum(1 for a in entry.articles if order(a.semester) < current)


def _claimant(post: Post, show_names: bool) -> str:
    if show_names:
        return " and ".join(author.name for author in post.authors)
    return ", ".join(author.id for author in post.authors)


def claim_rows(
    corpus: Corpus,
    tools_by_slug: dict[str, ToolEntry],
    articles: list[Any],
    first_added: dict[Path, datetime],
) -> list[ClaimRow]:
    """Rows for every tool post of the current semester, sorted by tool name.

    `first_added` maps resolved file paths to the date they reached the branch (from git);
    posts it does not know are dated by their front matter.
    """
    show_names = bool(corpus.course.setting("privacy", "show_names_on_claims", default=False))
    by_slug = {article.slug: article for article in articles}
    base = corpus.paths.root.resolve().parent
    rows = []
    for post in corpus.posts:
        if post.semester != corpus.course.semester or post.status not in SHOWN_STATUSES:
            continue
        if not post.tools:
            continue
        tools = []
        for tool in post.tools:
            entry = tools_by_slug.get(tool.slug)
            tools.append(
                ClaimedTool(
                    entry.name if entry else tool.name,
                    entry.url if entry else None,
                    _earlier(entry, corpus) if entry else 0,
                )
            )
        added = first_added.get((base / post.path).resolve())
        article = by_slug.get(post.slug) if post.is_public else None
        rows.append(
            ClaimRow(
                tools=tuple(tools),
                category=post.category.name if post.category else "",
                status=post.status,
                claimed_on=(added or post.date).date(),
                claimant=_claimant(post, show_names),
                post_url=article.url if article is not None else None,
                post_title=article.title if article is not None else None,
            )
        )
    return sorted(rows, key=lambda row: row.sort_key)
