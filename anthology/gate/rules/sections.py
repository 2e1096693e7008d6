"""Required sections of the post's option, their length, and the scenario in the examples."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ..context import PostContext
from ..rubric import RubricFinding
from ..words import contains_keyword


def _named(heading: str, name: str) -> str:
    """` (the required section's name)` when the heading says something else."""
    return "" if heading.strip().casefold() == name.strip().casefold() else f" ({name})"


def _words(count: int) -> str:
    return f"{count} word" + ("" if count == 1 else "s")


def _finding(
    ctx: PostContext, rule: str, line: int | None, message: str, fix: str, rubric: str | None
) -> Finding:
    return RubricFinding(rule, Severity.ERROR, ctx.shown, line, message, fix, rubric=rubric)


def required_sections(ctx: PostContext) -> Iterator[Finding]:
    """Each required section has a heading (by keyword or mapping) and enough words."""
    post = ctx.post
    if post is None:
        return
    for placement in ctx.placements:
        section, heading = placement.section, placement.heading
        if heading is None and placement.mapped is not None:
            yield _finding(
                ctx,
                "section-missing",
                ctx.line_of("sections"),
                f"`sections` maps `{section.id}` to the heading “{placement.mapped}”, "
                "but the post has no heading with that text",
                "Copy the heading text exactly into `sections:`, or rename the heading.",
                section.rubric,
            )
        elif heading is None:
            examples = ", ".join(section.keywords[:5])
            yield _finding(
                ctx,
                "section-missing",
                ctx.first_text_line,
                f"no section on “{section.name}” was found (no heading mentions {examples}, …)",
                f"Add a heading such as `## {section.name}`, or map your own heading in front "
                f'matter: `sections: {{{section.id}: "Your heading"}}`.',
                section.rubric,
            )
        elif heading.words < section.min_words:
            yield _finding(
                ctx,
                "section-too-short",
                heading.line or ctx.first_text_line,
                f"the section “{heading.text}”{_named(heading.text, section.name)} has "
                f"{_words(heading.words)}; "
                f"at least {section.min_words} are expected",
                "Develop the section: explain, give a concrete example, say what you observed.",
                section.rubric,
            )


def scenario(ctx: PostContext) -> Iterator[Finding]:
    """The examples section talks about the course's scenario."""
    option = ctx.option
    if option is None or not option.scenario_keywords:
        return
    for placement in ctx.placements:
        heading = placement.heading
        if not placement.section.scenario_required or heading is None:
            continue
        text = heading.text + "\n" + heading.section_text
        if contains_keyword(text, option.scenario_keywords) is None:
            shown = ", ".join(option.scenario_keywords[:4])
            yield _finding(
                ctx,
                "scenario-missing",
                heading.line or ctx.first_text_line,
                f"the section “{heading.text}” never mentions the scenario ({shown}, …)",
                f"Tie the section to the scenario: show a concrete case from it ({shown}, …), "
                "the data you used and what changed for its users.",
                placement.section.rubric,
            )
