"""Who holds a tool this semester, and who wrote about it before.

A claim is the set of tools a post covers, compared order-insensitively: "Databricks with
MLflow" and "MLflow and Databricks" are the same claim. A combination is its own claim, so
{Databricks, MLflow} does not block a post on MLflow alone, nor the other way round: the
combination's value is in how the tools work together, which a single-tool post does not cover.

First come, first served: the post first added on the current branch holds the claim, in
merge order (a post merged from a pull request counts from its merge, not from when it was
written). A post in the pull request under check (or not committed at all) comes after every
post already on the branch; ties fall back to the front-matter date, then to the path. A
renamed file keeps the place of the file it was; a file whose tool, slug or title the pull
request changes counts from the pull request (otherwise editing an old file would jump the
queue).
"""

from __future__ import annotations

import heapq
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..model import Post, parse_post
from . import git
from .context import GateContext, PostContext
from .index import title_key
from .pullrequest import PullRequest

_LATEST = datetime.max
_UNKNOWN = sys.maxsize


def claim_order(post: Post, gate: GateContext) -> tuple[bool, int, datetime, datetime, str]:
    """Sort key: the smallest key holds the claim."""
    file = gate.file_of(post.path)
    added = gate.history.added(file)
    in_pr = file.resolve() in gate.in_pull_request
    rank = gate.history.rank(file)
    when = added.replace(tzinfo=None) if added is not None else _LATEST
    return (in_pr or added is None, _UNKNOWN if rank is None else rank, when, post.date, post.path)


def identity(post: Post) -> tuple[frozenset[str], str, str]:
    """What a post holds first-come: its tool set, its URL name and its title."""
    return post.tool_key, post.slug, title_key(post.title)


def renewed_posts(pr: PullRequest, contexts: list[PostContext], gate: GateContext) -> set[Path]:
    """Posts the pull request changed or renamed whose tool, slug or title is not the base's."""
    changed = {
        pr.absolute(c.new): c.old
        for c in pr.changes
        if c.status in ("M", "R", "T") and c.new is not None and c.old is not None
    }
    mine = [ctx for ctx in contexts if ctx.post is not None and ctx.file in changed]
    if not mine:
        return set()
    blobs = git.read_blobs(pr.top, pr.fork_point, [changed[ctx.file] for ctx in mine])
    renewed = set()
    for ctx in mine:
        assert ctx.post is not None
        data = blobs.get(changed[ctx.file])
        try:
            text = data.decode("utf-8") if data is not None else None
            before = parse_post(ctx.shown, text, gate.course, gate.registry).post if text else None
        except Exception:  # an unreadable base version: the post counts as new
            before = None
        if before is None or identity(before) != identity(ctx.post):
            renewed.add(ctx.file)
    return renewed


def claimants(tools: frozenset[str], semester: str, gate: GateContext) -> list[Post]:
    """Posts of `semester` that claim exactly the set of tools `tools`."""
    return list(gate.by_claim.get((semester, tools), [])) if tools else []


def rivals(post: Post, gate: GateContext) -> list[Post]:
    """Other posts of the same semester that claim exactly the same set of tools."""
    return [
        other for other in claimants(post.tool_key, post.semester, gate) if other.path != post.path
    ]


def holder(post: Post, gate: GateContext) -> Post | None:
    """The post that holds the claim instead of `post`, or None when `post` holds it."""
    others = rivals(post, gate)
    if not others:
        return None
    mine = claim_order(post, gate)
    earlier = [other for other in others if claim_order(other, gate) < mine]
    return min(earlier, key=lambda other: claim_order(other, gate)) if earlier else None


def since(post: Post, gate: GateContext) -> str:
    """ "on main since 2026-10-03", or "not yet on main"."""
    file = gate.file_of(post.path)
    added = gate.history.added(file)
    if added is None or file.resolve() in gate.in_pull_request:
        return "not yet on main"
    return f"on main since {added:%Y-%m-%d}"


def authors_of(post: Post) -> str:
    return " and ".join(author.name for author in post.authors) or "unknown author"


def tool_names(post: Post) -> str:
    return " + ".join(tool.name for tool in post.tools)


@dataclass(frozen=True)
class Earlier:
    """An earlier post on one of the same tools."""

    label: str
    link: str


def earlier_posts(
    slugs: frozenset[str], semester: str, gate: GateContext, limit: int | None = None
) -> tuple[list[Earlier], int]:
    """Prior-catalog entries, then earlier semesters' published posts, sharing a tool.

    Returns the first `limit` of them (all when None) and how many there are in total.
    """
    prior = {id(e): e for slug in sorted(slugs) for e in gate.prior_by_tool.get(slug, [])}
    entries = sorted(prior.values(), key=lambda e: (e.semester, e.name, e.url))
    order = gate.semester_rank.get(semester, -1)
    posts: dict[str, tuple[int, Post]] = {}
    for slug in slugs:
        for rank, post in gate.published_by_tool.get(slug, []):
            if rank >= order:
                break
            posts[post.path] = (rank, post)
    total = len(entries) + len(posts)
    wanted = total if limit is None else limit
    found = [Earlier(f"{e.name} ({e.semester})", e.url) for e in entries[:wanted]]
    if len(found) < wanted:
        keys = heapq.nsmallest(wanted - len(found), ((r, path) for path, (r, _p) in posts.items()))
        found += [
            Earlier(f"{posts[path][1].title} ({posts[path][1].semester})", path)
            for _rank, path in keys
        ]
    return found, total
