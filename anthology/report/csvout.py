"""The gradebook as CSV: a header row, one row per student, UTF-8 with a BOM for Excel.

A cell a spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading
apostrophe, so a title like `=HYPERLINK(...)` stays text. Line breaks become spaces.
"""

from __future__ import annotations

import csv
import io

from .table import Table

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t")


def neutralise(cell: str) -> str:
    """One line of text that no spreadsheet evaluates."""
    text = " ".join(cell.splitlines())
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(table: Table) -> str:
    """The whole file's text, BOM first, rows ended by CRLF as spreadsheets expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(column.label) for column in table.columns])
    for row in table.rows:
        writer.writerow([neutralise(cell) for cell in table.cells(row)])
    return BOM + buffer.getvalue()
