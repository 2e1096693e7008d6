"""The `linkcheck:` block of course.yaml: how politely and how often links are checked."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import yamlsafe
from ..course import Course
from ..findings import ContentError, error

# The weekly workflow (.github/workflows/linkrot.yml) stops after `timeout-minutes: 60`.
# The run stops starting checks after RUN_TIME_LIMIT and a check in flight ends within
# URL_TIME_LIMIT, so the run itself is done by 45 minutes; the other 15 cover checking
# out, installing from the lock (about 3 minutes), restoring and saving the cache, and
# writing and uploading the report. tests/test_linkrot_reliability.py keeps these true.
WORKFLOW_MARGIN = 15 * 60
RUN_TIME_LIMIT = 45 * 60 - 60
URL_TIME_LIMIT = 60

# Where the network is tried before (and after) a run: if none of these hosts accepts a
# connection, the network is down and nothing is checked or written.
PROBES = ("https://web.archive.org/", "https://www.wikipedia.org/")


@dataclass(frozen=True)
class LinkcheckSettings:
    """Checking limits; the defaults suit a weekly run against blog hosts."""

    max_requests_per_second: float = 1.0  # per host
    timeout: int = 20  # linkchecker's, per socket operation
    retries: int = 2
    cache_days: float = 7.0
    retry_backoff: float = 10.0
    url_time_limit: float = URL_TIME_LIMIT  # wall clock per link, whatever the host does
    run_time_limit: float = RUN_TIME_LIMIT  # no check starts after this (seconds)
    parallel: int = 4  # links of different hosts checked at once
    # A refused connection, a TLS error or a redirect loop is "unknown" until it has
    # happened on this many runs on different days; then the link is dead.
    confirm_runs: int = 3
    probe: tuple[str, ...] = PROBES


_MINIMUM = {
    "max_requests_per_second": 0.001,
    "timeout": 1,
    "retries": 0,
    "cache_days": 0,
    "retry_backoff": 0,
    "url_time_limit": 1,
    "run_time_limit": 1,
    "parallel": 1,
    "confirm_runs": 1,
}


def _probe_problem(value: Any) -> str | None:
    urls = [value] if isinstance(value, str) else value
    if not isinstance(urls, list) or not urls:
        return "`linkcheck.probe` must be a list of http(s) addresses"
    for url in urls:
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            return f"`linkcheck.probe` entries must be http(s) addresses, not {url!r}"
        if not urlsplit(url).hostname:
            return f"`linkcheck.probe` entry {url!r} has no host"
    return None


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
    values: dict[str, Any] = {}
    if not isinstance(raw, dict):
        problems.append("`linkcheck` must be a mapping of settings")
        raw = {}
    known = {f.name: f for f in fields(LinkcheckSettings)}
    for key, value in raw.items():
        spec = known.get(str(key))
        if spec is None:
            problems.append(f"unknown setting `linkcheck.{key}` (known: {', '.join(known)})")
            continue
        if spec.name == "probe":
            problem = _probe_problem(value)
            if problem:
                problems.append(problem)
            else:
                values["probe"] = (value,) if isinstance(value, str) else tuple(value)
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
