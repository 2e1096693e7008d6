"""Markdown shapes the renderer cannot read in linear time (see :mod:`anthology.gate.shape`)."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..context import PostContext


def markdown_shape(ctx: PostContext) -> Iterator[Finding]:
    """An error per limit the body goes over: nesting, headings, raw tags, unclosed markup."""
    for excess in ctx.shape:
        yield ctx.error(excess.rule, ctx.body.file_line(excess.index), excess.message, excess.fix)
