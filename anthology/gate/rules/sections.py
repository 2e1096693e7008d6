"""Required sections of the post's option, their length, and the scenario in the examples.

Which parts of the post serve each requirement is decided in `gate/reading.py`; these rules
only turn that reading into findings.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ..context import PostContext
from ..reading import Reading
from ..rubric import RubricFinding
from ..vocabulary import stems, vocabulary


def _taken(reading: Reading) -> str:
    """“Strengths and limitations” is taken from ‘What worked well’ + ‘Where it falls short’,
    or just “the section ‘Strengths and limitations’” when the heading is the name."""
    name = reading.section.name
    if reading.names.casefold() == f"‘{name}’".casefold():
        return f"the section {reading.names}"
    return f"“{name}” is taken from {reading.names}"


def _words(count: int) -> str:
    return f"{count} word" + ("" if count == 1 else "s")


def _finding(
    ctx: PostContext,
    rule: str,
    line: int | None,
    message: str,
    fix: str,
    rubric: str | None,
    severity: Severity = Severity.ERROR,
) -> Finding:
    return RubricFinding(rule, severity, ctx.shown, line, message, fix, rubric=rubric)


def _missing(ctx: PostContext, reading: Reading) -> Finding:
    section = reading.section
    if reading.mapped is not None:
        return _finding(
            ctx,
            "section-missing",
            ctx.line_of("sections"),
            f"`sections` maps `{section.id}` to the heading “{reading.mapped}”, "
            "but the post has no heading with that text",
            "Copy the heading text exactly into `sections:`, or rename the heading.",
            section.rubric,
        )
    if reading.empty:
        heading = reading.empty[0]
        return _finding(
            ctx,
            "section-missing",
            heading.line or ctx.first_text_line,
            f"no section on “{section.name}” was found: the heading “{heading.text}” has no "
            "text under it",
            f"Write the section under “{heading.text}”: "
            + (
                f"at least {section.min_words} words." if section.min_words else "a few paragraphs."
            ),
            section.rubric,
        )
    examples = ", ".join(term for term, _stems in vocabulary(section.keywords).terms[:5])
    return _finding(
        ctx,
        "section-missing",
        ctx.first_text_line,
        f"no section on “{section.name}” was found: no heading names it ({examples}, …) "
        "and no section's text reads like it",
        f"Add a section on it under a heading such as `## {section.name}`, or map your own "
        f'heading in front matter: `sections: {{{section.id}: "Your heading"}}`. '
        "`anthology check --explain FILE` shows how the post was read.",
        section.rubric,
    )


def _unrecognised(ctx: PostContext, reading: Reading) -> Finding | None:
    """A warning instead of "missing" when a long section serves no requirement the gate
    could tell: the gate may have missed how the post words it, and a TA will read it."""
    if reading.unrecognised is None:
        return None
    part, words = reading.unrecognised
    section = reading.section
    if part.heading is not None:
        fix = (
            f"Give that section a heading that says what it is, such as `## {section.name}`, "
            f'or map it in front matter: `sections: {{{section.id}: "{part.label}"}}`'
        )
    else:
        fix = f"Put that text under a heading that says what it is, such as `## {section.name}`"
    return _finding(
        ctx,
        "section-unrecognised",
        part.line or ctx.first_text_line,
        f"no section on “{section.name}” was recognised, and {part.shown} ({_words(words)}) "
        "serves no requirement the gate could tell: if it is your section on it, the gate "
        "missed it and a TA will read it",
        f"{fix}; if the post has no such section, write one. "
        "`anthology check --explain FILE` shows how the post was read.",
        section.rubric,
        Severity.WARNING,
    )


def required_sections(ctx: PostContext) -> Iterator[Finding]:
    """Each requirement is served by some part of the post, and at some length."""
    if ctx.post is None:
        return
    for reading in ctx.readings:
        section = reading.section
        if not reading.found:
            yield _unrecognised(ctx, reading) or _missing(ctx, reading)
            continue
        line = reading.line or ctx.first_text_line
        if reading.by_content:
            part = reading.parts[0]
            yield _finding(
                ctx,
                "section-heading-unclear",
                line,
                f"“{section.name}” is read from the text of {reading.names} "
                f"({', '.join(part.cues[:6])}): no heading says so",
                f"Give that part a heading a reader can find, such as `## {section.name}`, "
                f'or map it in front matter: `sections: {{{section.id}: "Your heading"}}`.',
                section.rubric,
                Severity.WARNING,
            )
        if reading.words < section.min_words:
            yield _finding(
                ctx,
                "section-too-short",
                line,
                f"{_taken(reading)}, {_words(reading.words)}; "
                f"at least {section.min_words} are expected",
                "Develop the section: explain, give a concrete example, say what you observed.",
                section.rubric,
                Severity.ERROR if section.min_words_blocking else Severity.WARNING,
            )


def scenario(ctx: PostContext) -> Iterator[Finding]:
    """The examples section talks about the course's scenario."""
    option = ctx.option
    if option is None or not option.scenario_keywords:
        return
    for reading in ctx.readings:
        if not reading.section.scenario_required or not reading.found or reading.story:
            continue
        if not vocabulary(option.scenario_keywords).find(stems(reading.text)):
            shown = ", ".join(option.scenario_keywords[:4])
            yield _finding(
                ctx,
                "scenario-missing",
                reading.line or ctx.first_text_line,
                f"{reading.names} ({reading.section.name}) never mentions the scenario "
                f"({shown}, …)",
                f"Tie the section to the scenario: show a concrete case from it ({shown}, …), "
                "the data you used and what changed for its users.",
                reading.section.rubric,
            )
