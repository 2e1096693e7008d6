"""The class roster: a private CSV with one row per student (course id and name).

The header names come from course.yaml (`roster: {id: ..., name: ...}`), matched ignoring
case. Any problem raises ReportError naming the file and line, before anything is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportError

_DELIMITERS = (",", ";", "\t")
_FIX_HEADERS = (
    "rename the header cell, or set `roster: {id: ..., name: ...}` in content/course.yaml "
    "to the roster's header names"
)


@dataclass(frozen=True)
class Student:
    """One roster entry; `line` is where it is in the file."""

    id: str
    name: str
    line: int


def student_key(course_id: str) -> str:
    """Course ids compare ignoring case and surrounding spaces."""
    return course_id.strip().casefold()


def _text(path: Path, shown: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(
            f"{shown}: cannot read the roster ({exc.strerror or exc}); check the path, or "
            "pass --roster FILE"
        ) from None
    if b"\x00" in data:
        raise ReportError(f"{shown}: a binary file, not CSV; export the roster as CSV UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ReportError(
            f"{shown}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); export the "
            'roster again as "CSV UTF-8"'
        ) from None
    if not text.strip():
        raise ReportError(
            f"{shown}: the roster is empty; it needs a header row and one row per student"
        )
    return text


def _delimiter(text: str) -> str:
    """The separator used in the first non-blank line (comma unless another is more common)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(_DELIMITERS, key=lambda sep: (first.count(sep), sep == ","))


def _records(text: str, shown: str) -> list[tuple[int, list[str]]]:
    """(line, cells) of every non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            cells = [cell.strip() for cell in record]
            if any(cells):
                records.append((reader.line_num, cells))
    except csv.Error as exc:
        raise ReportError(
            f"{shown}:{reader.line_num}: not valid CSV ({exc}); check the quotes on that line "
            "or export the roster again as CSV"
        ) from None
    return records


def _column(header: list[str], name: str, line: int, shown: str) -> int:
    wanted = name.casefold()
    for index, cell in enumerate(header):
        if cell.casefold() == wanted:
            return index
    found = ", ".join(repr(cell) for cell in header if cell) or "no names"
    raise ReportError(
        f"{shown}:{line}: no column {name!r}; the header row has {found}; {_FIX_HEADERS}"
    )


def read_roster(path: Path, shown: str, id_header: str, name_header: str) -> list[Student]:
    """Every student of the roster, in file order; raise ReportError on any problem."""
    records = _records(_text(path, shown), shown)
    header_line, header = records[0]
    id_column = _column(header, id_header, header_line, shown)
    name_column = _column(header, name_header, header_line, shown)
    students: list[Student] = []
    seen: dict[str, int] = {}
    for line, cells in records[1:]:
        course_id = cells[id_column] if id_column < len(cells) else ""
        name = cells[name_column] if name_column < len(cells) else ""
        if not course_id:
            raise ReportError(
                f"{shown}:{line}: the row has no {id_header!r}; fill it in or delete the row"
            )
        key = student_key(course_id)
        if key in seen:
            raise ReportError(
                f"{shown}:{line}: {course_id!r} is listed again (first on line {seen[key]}); "
                "keep one row per student"
            )
        seen[key] = line
        students.append(Student(course_id, name, line))
    if not students:
        raise ReportError(
            f"{shown}: the roster has a header row but no students; add one row per student"
        )
    return students
