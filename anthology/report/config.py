"""The report's settings in course.yaml: timezone, deadlines, roster and site address."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import yamlsafe
from ..course import Course
from ..model import is_http_url
from .errors import ReportError

DEADLINE_KINDS = ("post", "comments")
DEFAULT_ROSTER_HEADERS = {"id": "id", "name": "name"}


@dataclass(frozen=True)
class RosterSettings:
    """Where the roster is (relative to the repository root) and its header names."""

    file: str | None
    id_header: str = DEFAULT_ROSTER_HEADERS["id"]
    name_header: str = DEFAULT_ROSTER_HEADERS["name"]


@dataclass(frozen=True)
class ReportConfig:
    timezone: tzinfo
    deadlines: dict[str, datetime] = field(default_factory=dict)
    site_url: str | None = None
    roster: RosterSettings = field(default_factory=lambda: RosterSettings(None))


class _Problem:
    """Builds ReportErrors that name course.yaml and the line of the key."""

    def __init__(self, course_file: Path, shown: str):
        self.shown = shown
        try:
            text = course_file.read_text(encoding="utf-8")
            self.lines = yamlsafe.top_level_key_lines(text)
        except (OSError, UnicodeDecodeError):
            self.lines = {}

    def __call__(self, key: str, message: str, fix: str) -> ReportError:
        line = self.lines.get(key.split(".", 1)[0])
        where = f"{self.shown}:{line}" if line else self.shown
        return ReportError(f"{where}: `{key}` {message}; {fix}")


def _timezone(value: Any, problem: _Problem) -> tzinfo:
    if value is None:
        return UTC
    try:
        return ZoneInfo(str(value).strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise problem(
            "timezone",
            f"is not a known time zone: {value!r}",
            "use a name such as America/New_York or Europe/Berlin",
        ) from None


def _moment(value: Any, zone: tzinfo) -> datetime | None:
    """A deadline as an aware datetime; a date alone is the last second of that day."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(23, 59, 59))
    elif isinstance(value, str):
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
        if len(text) == 10:
            moment = datetime.combine(moment.date(), time(23, 59, 59))
    else:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _deadlines(raw: Any, zone: tzinfo, problem: _Problem) -> dict[str, datetime]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise problem(
            "deadlines",
            "must map post and comments to dates",
            "write `deadlines: {post: 2026-10-25T23:59, comments: 2026-10-28T23:59}`",
        )
    found: dict[str, datetime] = {}
    for key, value in raw.items():
        if key not in DEADLINE_KINDS:
            raise problem(
                f"deadlines.{key}",
                "is not a deadline the report knows",
                "use " + " and ".join(DEADLINE_KINDS),
            )
        moment = _moment(value, zone)
        if moment is None:
            raise problem(
                f"deadlines.{key}",
                f"is not a date: {value!r}",
                "write YYYY-MM-DDTHH:MM, e.g. 2026-10-25T23:59",
            )
        found[key] = moment
    return found


def _site_url(value: Any, problem: _Problem) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not is_http_url(value):
        raise problem("site_url", f"is not an http(s) address: {value!r}", "write https://...")
    return value.strip().rstrip("/") + "/"


def _roster(raw: Any, problem: _Problem) -> RosterSettings:
    if raw is None:
        return RosterSettings(None)
    if not isinstance(raw, dict) or any(
        key not in ("file", "id", "name") or not isinstance(value, str) or not value.strip()
        for key, value in raw.items()
    ):
        raise problem(
            "roster",
            "must map file, id and name to text",
            "write `roster: {file: private/roster.csv, id: Andrew ID, name: Name}`",
        )
    return RosterSettings(
        raw.get("file"),
        raw.get("id", DEFAULT_ROSTER_HEADERS["id"]).strip(),
        raw.get("name", DEFAULT_ROSTER_HEADERS["name"]).strip(),
    )


def report_config(course: Course, course_file: Path, shown: str) -> ReportConfig:
    """Read the report's keys of course.yaml; raise ReportError on a bad value."""
    problem = _Problem(course_file, shown)
    zone = _timezone(course.setting("timezone"), problem)
    return ReportConfig(
        timezone=zone,
        deadlines=_deadlines(course.setting("deadlines"), zone, problem),
        site_url=_site_url(course.setting("site_url"), problem),
        roster=_roster(course.setting("roster"), problem),
    )
