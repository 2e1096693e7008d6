"""Which rubric line of `course.yaml` each finding speaks to."""

from __future__ import annotations

from dataclasses import dataclass

from ..course import Course
from ..findings import Finding

OTHER = "other"

_BY_PREFIX: tuple[tuple[str, str], ...] = (
    ("front-matter-", "spreadsheet"),
    ("file-", "spreadsheet"),
    ("post-slug-", "spreadsheet"),
    ("post-title-", "spreadsheet"),
    ("tool-", "unique"),
    ("previously-covered-", "unique"),
    ("added-value-", "unique"),
    ("comment-", "comments"),
    ("evidence-", "evidence"),
    ("prose-", "writing"),
    ("link-", "writing"),
    ("image-", "writing"),
    ("html-", "writing"),
    ("markdown-", "writing"),
)


@dataclass(frozen=True)
class RubricFinding(Finding):
    """A finding that names its rubric line itself (e.g. a missing section's line)."""

    rubric: str | None = None


def rubric_of(finding: Finding, course: Course) -> str:
    """The rubric id a finding belongs to, or "other" when no rubric line fits."""
    known = {line.id for line in course.rubric}
    rubric = getattr(finding, "rubric", None)
    if rubric in known:
        return str(rubric)
    for prefix, line in _BY_PREFIX:
        if finding.rule.startswith(prefix) and line in known:
            return line
    return OTHER


def checked_lines(course: Course) -> set[str]:
    """Rubric lines some rule speaks to; the others cannot be checked automatically."""
    lines = {line for _prefix, line in _BY_PREFIX}
    lines.update(s.rubric for o in course.options for s in o.sections if s.rubric)
    return lines
