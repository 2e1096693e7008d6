"""The report as a plain table: ordered columns, one row of text cells per student."""

from __future__ import annotations

from dataclasses import dataclass, field

TEXT, NUMBER, LINKS = "text", "number", "links"


@dataclass(frozen=True)
class Column:
    """A column: its key, its header, and how to show its cells (text, number, links)."""

    key: str
    label: str
    kind: str = TEXT


@dataclass
class Table:
    """What both outputs write; `notes` are the lines printed above the HTML table."""

    title: str
    columns: list[Column]
    rows: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def cells(self, row: dict[str, str]) -> list[str]:
        """The row's cells in column order; a missing cell is empty."""
        return [row.get(column.key, "") for column in self.columns]
