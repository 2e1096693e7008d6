"""Uniqueness, first come, first served: one post per tool (or combination) per semester,
and one post per URL name and per title."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...model import Post
from ..claims import authors_of, claim_order, holder, since, tool_names
from ..context import PostContext
from ..index import title_key


def tool_claimed(ctx: PostContext) -> Iterator[Finding]:
    """Only the later claimant gets the error; the message names both claims, holder first."""
    post = ctx.post
    if post is None or not post.tools:
        return
    other = holder(post, ctx.gate)
    if other is None:
        return
    yield ctx.error(
        "tool-claimed",
        ctx.line_of("tool"),
        f"{tool_names(post)} is already claimed this semester by {other.path} "
        f"({authors_of(other)}, {since(other, ctx.gate)}), before this claim in "
        f"{post.path} ({authors_of(post)}, {since(post, ctx.gate)})",
        "Pick another tool (a competitor of this one is a good choice), or ask the course "
        "staff if you believe the other claim is stale.",
    )


def _earliest(post: Post, others: list[Post], ctx: PostContext) -> Post | None:
    """The earliest of `others` that came before `post`, or None when `post` came first."""
    mine = claim_order(post, ctx.gate)
    earlier = [other for other in others if claim_order(other, ctx.gate) < mine]
    return min(earlier, key=lambda other: claim_order(other, ctx.gate)) if earlier else None


def same_slug_or_title(ctx: PostContext) -> Iterator[Finding]:
    """A URL name or a title another post already has: an error on the later file only.

    Titles of claim stubs are placeholders and are not compared.
    """
    post = ctx.post
    if post is None:
        return
    gate = ctx.gate
    same_slug = [other for other in gate.all_by_slug.get(post.slug, []) if other.path != post.path]
    first = _earliest(post, same_slug, ctx) if same_slug else None
    if first is not None:
        yield ctx.error(
            "post-slug-duplicate",
            ctx.line_of("slug") if post.line_of("slug") else ctx.line_of("title"),
            f"the URL name {post.slug!r} is already used by {first.path} ({authors_of(first)}, "
            f"{since(first, ctx.gate)}); this post ({since(post, ctx.gate)}) came later",
            "Rename the file or set a different `slug:`.",
        )
    if post.status == "claimed":
        return
    key = title_key(post.title)
    same_title = [other for other in gate.by_title.get(key, []) if other.path != post.path]
    first = _earliest(post, same_title, ctx) if same_title else None
    if first is not None:
        yield ctx.error(
            "post-title-duplicate",
            ctx.line_of("title"),
            f"the title {post.title!r} is already used by {first.path} ({authors_of(first)}, "
            f"{since(first, ctx.gate)}); this post ({since(post, ctx.gate)}) came later",
            "Give your post a title of its own, e.g. one that says what you found.",
        )
