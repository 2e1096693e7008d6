"""Output formats: text for people, GitHub workflow commands, JSON, and a Markdown summary."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING

from ..course import Course
from ..findings import Finding
from .rubric import OTHER, checked_lines, rubric_of

if TYPE_CHECKING:
    from .reading import Reading


@dataclass(frozen=True)
class Report:
    """Everything a format needs: sorted findings and what was checked."""

    findings: list[Finding]
    files_checked: int
    course: Course
    strict: bool = False
    readings: dict[str, list[Reading]] = field(default_factory=dict)  # path → sections read

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    @property
    def files_with_findings(self) -> int:
        return len({f.path for f in self.findings})

    @property
    def failed(self) -> bool:
        return self.errors > 0 or (self.strict and self.warnings > 0)

    def summary(self) -> str:
        """E.g. "1 file checked: 0 errors, 0 warnings" or "12 files checked: 2 errors, 1
        warning (in 2 files)"."""
        found = f"{_plural(self.errors, 'error')}, {_plural(self.warnings, 'warning')}"
        where = (
            f" (in {_plural(self.files_with_findings, 'file')})"
            if self.findings and self.files_checked > 1
            else ""
        )
        return f"{_plural(self.files_checked, 'file')} checked: {found}{where}"


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line or 0, finding.column or 0, finding.rule)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def text(report: Report) -> str:
    """Grouped by file; each finding as `path:line:col: severity: message [rule]` and its fix."""
    blocks = []
    for _path, group in groupby(report.findings, key=lambda f: f.path):
        lines = []
        for f in group:
            lines.append(f"{f.location()}: {f.severity.value}: {f.message} [{f.rule}]")
            lines.append(f"    fix: {f.fix}")
        blocks.append("\n".join(lines))
    blocks.append(report.summary())
    return "\n\n".join(blocks)


def _escape_data(value: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped as GitHub's runner expects."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """A workflow command's property (file, title): also `:` and `,` escaped."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding, on the post's line."""
    lines = []
    for f in report.findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
            if f.column is not None:
                props.append(f"col={f.column}")
        props.append(f"title={_escape_property(f.rule)}")
        lines.append(
            f"::{f.severity.value} {','.join(props)}::{_escape_data(f'{f.message} — {f.fix}')}"
        )
    lines.append(report.summary())
    return "\n".join(lines)


def as_json(report: Report) -> str:
    """`{"findings": [...], "summary": {...}}`; each finding carries its rubric line."""
    findings = []
    for f in report.findings:
        data = f.to_dict()
        data["rubric"] = rubric_of(f, report.course)
        findings.append(data)
    summary = {
        "errors": report.errors,
        "warnings": report.warnings,
        "files_checked": report.files_checked,
        "files_with_findings": report.files_with_findings,
        "strict": report.strict,
        "passed": not report.failed,
    }
    return json.dumps({"findings": findings, "summary": summary}, indent=2, ensure_ascii=False)


_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


def _cell(value: str) -> str:
    """Text shown literally by GitHub's Markdown, also inside a table cell, on one line.

    Every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of
    them): no link, image, HTML, entity, emphasis, code span or table pipe can start, and a
    bare `https://` or `www.` address is no longer one piece that GitHub would autolink.
    """
    return " ".join(_PUNCTUATION.sub(r"\\\1", value).split())


_ICON = {"error": "❌", "warning": "⚠️"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def literal(value: str) -> str:
    """Student text shown as itself in Markdown: `<>&` as HTML entities, every Markdown
    special character backslash-escaped, one line."""
    escaped = html.escape(" ".join(value.split()), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def _reading_row(path: str, reading: Reading) -> str:
    section = reading.section
    if not reading.found:
        taken, how = "—", "❌ not found"
    else:
        taken = " + ".join(literal(part.label) for part in reading.parts if part.how != "nested")
        how = "⚠️ by its text" if reading.by_content else "heading"
        if reading.words < section.min_words:
            how += f" ⚠️ under {section.min_words} words"
    words = str(reading.words) if reading.found else "–"
    return f"| {_cell(path)} | {_cell(section.name)} | {taken} | {words} | {how} |"


def _readings_table(report: Report) -> list[str]:
    if not report.readings:
        return []
    out = [
        "",
        "### How the sections were read",
        "",
        "| Post | Required section | Taken from | Words | How |",
        "|---|---|---|---:|---|",
    ]
    for path, readings in sorted(report.readings.items()):
        out += [_reading_row(path, reading) for reading in readings]
    out += ["", "`anthology check --explain FILE` shows why each part was taken."]
    return out


def markdown(report: Report) -> str:
    """A job-summary / PR-comment view: the rubric lines, then every finding by file."""
    course = report.course
    status = "❌ failed" if report.failed else "✅ passed"
    out = [
        f"## Anthology check: {status}",
        "",
        _cell(report.summary()),
        "",
        "| Rubric line | Points | Status | Findings |",
        "|---|---:|:---:|---|",
    ]
    by_line: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_line.setdefault(rubric_of(f, course), []).append(f)
    checked = checked_lines(course)
    rows = [
        (line.id, line.text, f"{line.points}" + (" (bonus)" if line.bonus else ""))
        for line in course.rubric
    ]
    if OTHER in by_line:
        rows.append((OTHER, "Other checks", "–"))
    for rubric_id, label, points in rows:
        found = by_line.get(rubric_id, [])
        if any(f.is_error for f in found):
            icon = "❌"
        elif found:
            icon = "⚠️"
        else:
            icon = "✅" if rubric_id in checked or rubric_id == OTHER else "➖ not checked"
        rules = sorted({f.rule for f in found})
        detail = f"{len(found)}: " + ", ".join(f"`{r}`" for r in rules) if found else ""
        out.append(f"| **{_cell(rubric_id)}**: {_cell(label)} | {points} | {icon} | {detail} |")
    out += _readings_table(report)
    if report.findings:
        out += ["", "### Findings"]
        for path, group in groupby(report.findings, key=lambda f: f.path):
            out += ["", f"#### {_cell(path)}", ""]
            for f in group:
                where = f"line {f.line}" if f.line is not None else "file"
                out.append(
                    f"- {_ICON[f.severity.value]} **{where}**: {_cell(f.message)} "
                    f"(`{f.rule}`)<br>Fix: {_cell(f.fix)}"
                )
    return "\n".join(out)


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text,
    "github": github,
    "json": as_json,
    "markdown": markdown,
}
