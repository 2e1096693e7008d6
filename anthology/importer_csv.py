"""Import prior-semester posts from a CSV export of a claims spreadsheet.

The columns for student, tool, link and semester are found by their header names
(`import_csv:` in course.yaml, matched ignoring case). Tool and link are required; a
semester cell overrides `--semester`, so one file may fill several catalog files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .course import Course
from .importer import FoundLink, ImportReport, import_links
from .model import is_http_url
from .plaintext import text_problem
from .tools import ToolRegistry

DEFAULT_HEADERS: dict[str, str] = {
    "student": "Student",
    "tool": "Tool",
    "link": "Blog post link",
    "semester": "Semester",
}
REQUIRED = ("tool", "link")
_DELIMITERS = ",;\t|"
_FIX_HEADERS = (
    "Rename the header cells, or set `import_csv:` in content/course.yaml to the "
    "spreadsheet's names, e.g. `import_csv: {tool: Tool, link: Blog post link}`."
)


class CsvImportError(Exception):
    """The file cannot be imported at all; nothing was written."""


@dataclass(frozen=True)
class ClaimRow:
    """One spreadsheet row: its number (the header is row 1) and its cells."""

    row: int
    tool: str
    link: str
    student: str
    semester: str


def header_names(course: Course) -> dict[str, str]:
    """The configured header name of each column, defaults filled in."""
    raw: Any = course.setting("import_csv", default=None)
    if raw is None:
        return dict(DEFAULT_HEADERS)
    if not isinstance(raw, dict) or any(
        key not in DEFAULT_HEADERS or not isinstance(value, str) or not value.strip()
        for key, value in raw.items()
    ):
        raise CsvImportError(
            "content/course.yaml: `import_csv` must map some of "
            f"{', '.join(DEFAULT_HEADERS)} to header names, e.g. `import_csv: {{link: URL}}`"
        )
    return {**DEFAULT_HEADERS, **{key: value.strip() for key, value in raw.items()}}


def _read_text(path: Path) -> str:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise CsvImportError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise CsvImportError(
            f"{path}: not UTF-8 text (bad byte at offset {exc.start}); export the spreadsheet "
            'again as "CSV UTF-8"'
        ) from None
    if "\x00" in text:
        raise CsvImportError(f"{path}: a binary file, not CSV; export the spreadsheet as CSV")
    if not text.strip():
        raise CsvImportError(f"{path}: the file is empty; export the spreadsheet as CSV")
    return text


def _records(path: Path, text: str) -> list[list[str]]:
    try:
        dialect: Any = csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        return [[cell.strip() for cell in record] for record in reader]
    except csv.Error as exc:
        raise CsvImportError(
            f"{path}:{reader.line_num}: not valid CSV ({exc}); export the spreadsheet as CSV"
        ) from None


def read_claims(path: Path, headers: Mapping[str, str], semester: str | None) -> list[ClaimRow]:
    """Read the rows; a missing column raises CsvImportError naming found and expected headers."""
    records = _records(path, _read_text(path))
    start = next((i for i, record in enumerate(records) if any(record)), None)
    if start is None:
        raise CsvImportError(f"{path}: no header row found; export the spreadsheet as CSV")
    found = {cell.casefold(): index for index, cell in reversed(list(enumerate(records[start])))}
    columns = {key: found.get(name.casefold()) for key, name in headers.items()}
    missing = [headers[key] for key in REQUIRED if columns[key] is None]
    if columns["semester"] is None and not semester:
        missing.append(f"{headers['semester']} (or pass --semester)")
    if missing:
        shown = ", ".join(repr(cell) for cell in records[start] if cell) or "none"
        expected = ", ".join(repr(headers[key]) for key in DEFAULT_HEADERS)
        raise CsvImportError(
            f"{path}:{start + 1}: missing column {', '.join(missing)}; the header row has "
            f"{shown}; expected {expected}. {_FIX_HEADERS}"
        )

    def cell(record: list[str], key: str) -> str:
        index = columns[key]
        return record[index] if index is not None and index < len(record) else ""

    rows = []
    for number, record in enumerate(records[start + 1 :], start + 2):
        if any(record):
            rows.append(
                ClaimRow(
                    number,
                    cell(record, "tool"),
                    cell(record, "link"),
                    cell(record, "student"),
                    cell(record, "semester") or semester or "",
                )
            )
    return rows


def row_problem(row: ClaimRow) -> str | None:
    """Why a row cannot be imported, or None."""
    what = f"{row.tool or 'a row with no tool'}" + (f" ({row.student})" if row.student else "")
    if not row.tool:
        return f"{what} names no tool"
    if not row.link:
        return f"{what} has no link"
    if not is_http_url(row.link):
        return f"{what} has a link that is not http(s): {row.link}"
    if not row.semester:
        return f"{what} has no semester (fill the cell, or pass --semester)"
    for label, value in (("tool", row.tool), ("student", row.student), ("semester", row.semester)):
        problem = text_problem(value)
        if problem:
            return f"{what}: the {label} cell {problem}; names are plain text"
    return None


def import_claims(
    rows: list[ClaimRow],
    *,
    source: str,
    prior_dir: Path,
    registry: ToolRegistry,
) -> tuple[list[ImportReport], list[str]]:
    """Merge usable rows into one catalog file per semester; return reports and skipped rows."""
    skipped: list[str] = []
    by_semester: dict[str, list[FoundLink]] = {}
    for row in rows:
        problem = row_problem(row)
        if problem:
            skipped.append(f"{source}:row {row.row}: {problem}")
            continue
        link = FoundLink(row.tool, row.link, row.row, 0, author=row.student or None)
        by_semester.setdefault(row.semester, []).append(link)
    reports = [
        import_links(
            links,
            semester=semester,
            source=source,
            prior_dir=prior_dir,
            registry=registry,
            source_label="row",
        )
        for semester, links in by_semester.items()
    ]
    return reports, skipped
