"""Tool names: registered in content/tools.yaml, and not a near-miss of a registered one."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..context import PostContext


def tool_names(ctx: PostContext) -> Iterator[Finding]:
    """A warning per tool name the registry does not know, with "did you mean" when close."""
    post = ctx.post
    if post is None:
        return
    line = ctx.line_of("tool") if post.line_of("tool") else ctx.line_of("tools")
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
