"""Previously covered tools: say so, and explain what the new post adds."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..claims import earlier_posts, tool_names
from ..context import PostContext
from ..words import count_words

MAX_LISTED = 5


def previously_covered(ctx: PostContext) -> Iterator[Finding]:
    """Earlier posts on the tool require `previously_covered` and enough `added_value`."""
    post = ctx.post
    if post is None or not post.tools:
        return
    earlier, total = earlier_posts(post.tool_key, post.semester, ctx.gate, MAX_LISTED)
    minimum = int(ctx.course.setting("previously_covered", "min_added_value_words", default=30))
    listed = ", ".join(e.link for e in earlier)
    if total > MAX_LISTED:
        listed += f" and {total - MAX_LISTED} more"
    if earlier and not post.previously_covered:
        yield ctx.error(
            "previously-covered-missing",
            ctx.line_of("previously_covered"),
            f"{tool_names(post)} was covered in an earlier semester: {listed}",
            f"Set `previously_covered: true` and write `added_value:` ({minimum}+ words) on what "
            "your post adds: other features, another use, or what changed since.",
        )
    elif earlier:
        words = count_words(post.added_value or "")
        if words < minimum:
            yield ctx.error(
                "added-value-too-short",
                post.line_of("added_value") or ctx.line_of("previously_covered"),
                f"`added_value` has {words} words; at least {minimum} are needed to explain what "
                f"this post adds to: {listed}",
                "Say concretely what is new: features the earlier posts skipped, a different "
                "scenario, or what changed in the tool since.",
            )
    elif post.previously_covered:
        yield ctx.warning(
            "previously-covered-unneeded",
            ctx.line_of("previously_covered"),
            f"`previously_covered` is true, but no earlier post on {tool_names(post)} is known",
            "Set `previously_covered: false`, or ask the staff to add the earlier post to "
            "content/prior/.",
        )
