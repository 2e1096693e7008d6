"""Findings: what the model and the gate report about content, with a fix for each."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is: errors fail the gate, warnings only inform."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem in one file, with the rule that found it and how to fix it."""

    rule: str
    severity: Severity
    path: str
    line: int | None
    message: str
    fix: str
    column: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """`path:line:column` as editors and CI logs understand it."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def error(rule: str, path: str, line: int | None, message: str, fix: str) -> Finding:
    return Finding(rule, Severity.ERROR, path, line, message, fix)


def warning(rule: str, path: str, line: int | None, message: str, fix: str) -> Finding:
    return Finding(rule, Severity.WARNING, path, line, message, fix)


class ContentError(Exception):
    """Content that cannot be used at all; carries the findings that explain why."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("\n".join(f"{f.location()}: {f.message} Fix: {f.fix}" for f in findings))
