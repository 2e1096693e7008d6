"""Tool names: registered in content/tools.yaml, and not a near-miss of a registered one."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...spelling import disguises
from ..context import PostContext


def _spelled_alike(ctx: PostContext, line: int) -> Iterator[Finding]:
    """A name found only by its look-alike key: say which characters disguise it."""
    post = ctx.post
    assert post is not None
    registry = ctx.gate.registry
    for written in post.tool_written:
        if registry.exact(written) is not None:
            continue
        tool = registry.lookalike(written)
        if tool is None:
            continue
        odd = disguises(written)
        how = (
            "it contains " + ", ".join(d.name for d in odd[:3])
            if odd
            else "it differs only in look-alike characters or a version number"
        )
        yield ctx.warning(
            "tool-lookalike",
            line,
            f"“{written}” is read as the registered tool {tool.name} ({how})",
            f"Write `tool: {tool.name}`. Versions of a tool are the same tool; if this is "
            "really a different tool, add it to content/tools.yaml under its own name.",
        )


def tool_names(ctx: PostContext) -> Iterator[Finding]:
    """A warning per tool name the registry does not know, with "did you mean" when close."""
    post = ctx.post
    if post is None:
        return
    line = ctx.line_of("tool") if post.line_of("tool") else ctx.line_of("tools")
    yield from _spelled_alike(ctx, line)
    for tool in post.tools:
        if tool.registered:
            continue
        close = ctx.gate.registry.suggest(tool.name)
        if close:
            names = " or ".join(t.name for t in close)
            yield ctx.warning(
                "tool-near-duplicate",
                line,
                f"“{tool.name}” is not a registered tool; did you mean {names}?",
                f"If you meant {close[0].name}, write `tool: {close[0].name}`; if it is a "
                "different tool, add it to content/tools.yaml.",
            )
        else:
            yield ctx.warning(
                "tool-unregistered",
                line,
                f"“{tool.name}” is not in content/tools.yaml",
                "Add the tool to content/tools.yaml with its category, homepage and other "
                "spellings as aliases (in the same pull request).",
            )
