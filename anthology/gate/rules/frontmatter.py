"""Front matter: the model's field rules, slug clashes, and the size limit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ... import yamlsafe
from ...findings import Finding
from ...frontmatter import split
from ..context import PostContext

DEFAULT_MAX_FRONT_MATTER_BYTES = 10_000
MAX_DAYS_AHEAD = 30  # a date may be set a little ahead (a planned publication), not more


def future_date(ctx: PostContext, key: str, when: date | None, line: int | None) -> Finding | None:
    """An error when `when` is more than MAX_DAYS_AHEAD days after the check date."""
    if when is None:
        return None
    latest = ctx.gate.today + timedelta(days=MAX_DAYS_AHEAD)
    if when <= latest:
        return None
    return ctx.error(
        "front-matter-date-future",
        line,
        f"`{key}: {when.isoformat()}` is more than {MAX_DAYS_AHEAD} days after today "
        f"({ctx.gate.today.isoformat()})",
        f"Write the date you wrote or published it (no later than {latest.isoformat()}).",
    )


def _dates(ctx: PostContext) -> Iterator[Finding]:
    post = ctx.post
    if post is None:
        return
    for key, value in (("date", post.date), ("modified", post.modified)):
        found = future_date(ctx, key, value.date() if value else None, ctx.line_of(key))
        if found is not None:
            yield found
    semester = ctx.course.find_semester(post.semester)
    if semester is not None and semester.start is not None and post.date.date() < semester.start:
        yield ctx.error(
            "front-matter-date-before-semester",
            ctx.line_of("date"),
            f"`date: {post.date.date().isoformat()}` is before {semester.label} started "
            f"({semester.start.isoformat()})",
            f"A post of {semester.id} is dated within the semester; write the date you wrote it.",
        )


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
    yield from _dates(ctx)


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
                "front-matter-duplicate-key"
                if problem.kind == "duplicate-key"
                else "front-matter-yaml",
                problem.line,
                problem.message,
                "Fix the YAML syntax of the front matter.",
            )
    yield from _too_large(ctx)
