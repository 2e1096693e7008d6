"""The `linkcheck:` block of course.yaml: how politely and how often links are checked."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .. import yamlsafe
from ..course import Course
from ..findings import ContentError, error


@dataclass(frozen=True)
class LinkcheckSettings:
    """Checking limits; the defaults suit a weekly run against blog hosts."""

    max_requests_per_second: float = 1.0
    timeout: int = 20
    retries: int = 2
    cache_days: float = 7.0
    retry_backoff: float = 10.0


_MINIMUM = {
    "max_requests_per_second": 0.001,
    "timeout": 1,
    "retries": 0,
    "cache_days": 0,
    "retry_backoff": 0,
}


def _line(course_file: Path) -> int | None:
    try:
        text = course_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return yamlsafe.top_level_key_lines(text).get("linkcheck")


def linkcheck_settings(course: Course, course_file: Path, shown: str) -> LinkcheckSettings:
    """Read and validate `linkcheck:`; a wrong value is a ContentError naming the key."""
    raw: Any = course.setting("linkcheck", default=None)
    if raw is None:
        return LinkcheckSettings()
    problems: list[str] = []
    values: dict[str, float | int] = {}
    if not isinstance(raw, dict):
        problems.append("`linkcheck` must be a mapping of settings")
        raw = {}
    known = {f.name: f for f in fields(LinkcheckSettings)}
    for key, value in raw.items():
        spec = known.get(str(key))
        if spec is None:
            problems.append(f"unknown setting `linkcheck.{key}` (known: {', '.join(known)})")
            continue
        whole = spec.type == "int"
        ok_type = isinstance(value, int) if whole else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type or value < _MINIMUM[spec.name]:
            kind = "a whole number" if whole else "a number"
            problems.append(
                f"`linkcheck.{key}` must be {kind} of at least {_MINIMUM[spec.name]}, not {value!r}"
            )
            continue
        values[spec.name] = value
    if problems:
        line = _line(course_file)
        raise ContentError(
            [
                error(
                    "course-config",
                    shown,
                    line,
                    problem,
                    "Fix the `linkcheck:` block, or remove it to use the defaults.",
                )
                for problem in problems
            ]
        )
    return LinkcheckSettings(**values)  # type: ignore[arg-type]
