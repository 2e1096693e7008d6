"""`anthology check --explain`: how the gate read each required section of a post."""

from __future__ import annotations

from .context import PostContext
from .reading import BETWEEN, HEADING, HINT, MAPPED, NESTED, SERIES, Part, Reading
from .rules.sections import heading_imagines, unplaced_use


def _at(line: int | None) -> str:
    return f" (line {line})" if line is not None else ""


def why(part: Part) -> str:
    """One line on why a part was taken."""
    label = f"‘{part.label}’{_at(part.line)}"
    if part.how == HEADING:
        reason = f"the heading names it ({', '.join(part.terms)})"
    elif part.how == HINT:
        reason = (
            f"the heading hints at it ({', '.join(part.terms)}) and the text agrees "
            f"(score {part.score}: {', '.join(part.cues[:8])})"
        )
    elif part.how == SERIES:
        reason = f"continues the series ({', '.join(part.terms)})"
    elif part.how == NESTED:
        reason = "a subsection of the heading above"
    elif part.how == BETWEEN:
        reason = "lies between the sections of the requirements around it and serves no other"
    elif part.how == MAPPED:
        reason = "named in front matter (`sections:`)"
    else:
        lines = ", ".join(str(line) for line in part.lines)
        reason = (
            f"no heading names it; the text reads like it (score {part.score}: "
            f"{', '.join(part.cues[:8])}), paragraphs at lines {lines}"
        )
    return f"{label}, {part.words} words: {reason}"


def summary(reading: Reading) -> str:
    """'taken from …' / 'missing' in a few words, for tables."""
    if not reading.found:
        return "not recognised" if reading.unrecognised else "missing"
    source = "text of " if reading.by_content else ""
    return f"{source}{reading.names}, {reading.words} words"


def explain_reading(reading: Reading) -> list[str]:
    section = reading.section
    head = f"{section.name} [{section.id}]: "
    if not reading.found:
        lines = [head + "NOT FOUND"]
    else:
        how = "by its text (a clearer heading would help)" if reading.by_content else "by heading"
        minimum = f" (at least {section.min_words} expected)" if section.min_words else ""
        lines = [f"{head}{reading.names}, {reading.words} words{minimum}, {how}"]
        lines += [f"    taken: {why(part)}" for part in reading.parts]
        if reading.story:
            ignored = (
                " (not counted: the heading taken for it imagines it)"
                if heading_imagines(reading)
                else ""
            )
            lines.append(f"    scenario: {reading.story}{ignored}")
    lines += [f"    passed over: {note}" for note in reading.considered]
    if not reading.found:
        lines += [
            f"    serves nothing: {part.shown}{_at(part.line)}, {words} words"
            for part, words in reading.unplaced[:3]
        ]
    return lines


def explain(ctx: PostContext) -> str:
    """Every requirement of the post's option, what served it and why."""
    if ctx.option is None:
        return f"{ctx.shown}: no assignment option, so no required sections"
    out = [f"{ctx.shown}: how the sections were read (option `{ctx.option.id}`)"]
    for reading in ctx.readings:
        out += ["  " + line for line in explain_reading(reading)]
        used = unplaced_use(ctx, reading) if reading.section.scenario_required else None
        if used is not None:
            lines = ", ".join(str(line) for part in used.parts for line in part.lines)
            out.append(
                f"      shows a use: paragraphs no requirement took, {used.words} words at "
                f"lines {lines}, tell the tool used on the scenario (a warning, not an error)"
            )
    return "\n".join(out)
