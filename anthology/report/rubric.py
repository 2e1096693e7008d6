"""One cell per rubric line: the gate's findings that speak to it, or "ok".

A rubric line named by some option's sections but not by the student's option does not
apply to that student ("n/a"); lines no section names apply to every option.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..course import Course, Option
from ..findings import Finding
from ..gate.rubric import OTHER, rubric_of

OK, NOT_APPLICABLE, NOT_WRITTEN = "ok", "n/a", "not written"
ERROR_MARK = " (error)"


def rubric_ids(course: Course) -> list[str]:
    """Every rubric line of the course, in course.yaml order, then "other"."""
    return [line.id for line in course.rubric] + [OTHER]


def applicable(course: Course, option: Option | None) -> set[str]:
    """The rubric lines that apply to a post of `option` (all when the option is unknown)."""
    every = set(rubric_ids(course))
    if option is None:
        return every
    named = {s.rubric for o in course.options for s in o.sections if s.rubric}
    own = {s.rubric for s in option.sections if s.rubric}
    return every - (named - own)


def describe(findings: Iterable[Finding]) -> str:
    """Rule ids, errors first and marked, with a count when a rule fired more than once."""
    counts = Counter((not f.is_error, f.rule) for f in findings)
    parts = []
    for (is_warning, rule), count in sorted(counts.items()):
        text = rule + ("" if is_warning else ERROR_MARK)
        parts.append(f"{text} ×{count}" if count > 1 else text)
    return "; ".join(parts)


def rubric_cells(
    course: Course, option: Option | None, findings: Iterable[Finding], written: bool = True
) -> dict[str, str]:
    """The cell of every rubric line for one student's post and comments.

    `written` is False for a claim without a post yet: the lines of its option's sections
    then say "not written" rather than "ok".
    """
    by_line: dict[str, list[Finding]] = {line: [] for line in rubric_ids(course)}
    for finding in findings:
        by_line.setdefault(rubric_of(finding, course), []).append(finding)
    lines = applicable(course, option)
    unwritten = set() if written or option is None else {s.rubric for s in option.sections}
    cells = {}
    for line, found in by_line.items():
        if found:
            cells[line] = describe(found)
        elif line not in lines:
            cells[line] = NOT_APPLICABLE
        else:
            cells[line] = NOT_WRITTEN if line in unwritten else OK
    return cells
