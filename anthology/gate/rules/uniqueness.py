"""Uniqueness: one post per tool (or combination) per semester, first come, first served."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..claims import authors_of, holder, since, tool_names
from ..context import PostContext


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
