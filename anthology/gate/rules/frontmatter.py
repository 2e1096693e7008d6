"""Front matter: the model's field rules, slug clashes, and the size limit."""

from __future__ import annotations

from collections.abc import Iterator

from ... import yamlsafe
from ...findings import Finding
from ...frontmatter import split
from ..context import PostContext

DEFAULT_MAX_FRONT_MATTER_BYTES = 10_000


def _too_large(ctx: PostContext) -> Iterator[Finding]:
    if ctx.text is None:
        return
    doc = split(ctx.text)
    limit = int(
        ctx.course.setting(
            "limits", "max_front_matter_bytes", default=DEFAULT_MAX_FRONT_MATTER_BYTES
        )
    )
    size = len((doc.front_matter or "").encode("utf-8"))
    if size > limit:
        yield ctx.error(
            "front-matter-size",
            1,
            f"the front matter is {size:,} bytes; the limit is {limit:,}",
            "Keep front matter to short fields; long text belongs in the post body.",
        )


def front_matter(ctx: PostContext) -> Iterator[Finding]:
    """Findings of the post model (YAML, fields, types, enums, dates, URLs)."""
    if ctx.parsed is not None:
        yield from ctx.parsed.findings
    yield from _too_large(ctx)


def page_front_matter(ctx: PostContext) -> Iterator[Finding]:
    """A page's front matter need only be readable YAML within the size limit."""
    doc = split(ctx.text or "")
    if doc.front_matter is not None and not doc.closed:
        yield ctx.error(
            "front-matter-unclosed",
            1,
            "the front matter is never closed",
            "Add a line `---` after the last front-matter field.",
        )
        return
    if doc.front_matter is not None:
        try:
            yamlsafe.load(doc.front_matter, doc.front_matter_line)
        except yamlsafe.YamlProblem as problem:
            yield ctx.error(
                "front-matter-yaml",
                problem.line,
                problem.message,
                "Fix the YAML syntax of the front matter.",
            )
    yield from _too_large(ctx)
