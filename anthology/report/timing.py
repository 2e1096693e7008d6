"""On time or late: the date git first saw a file, against a deadline."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, tzinfo

ON_TIME, LATE, NOT_ON_MAIN, ON_MAIN = "on time", "late", "not on main", "on main"


def punctuality(added: datetime | None, deadline: datetime | None) -> str:
    """ "on time", "late", "not on main" (never committed), or "on main" without a deadline."""
    if added is None:
        return NOT_ON_MAIN
    if deadline is None:
        return ON_MAIN
    return ON_TIME if added <= deadline else LATE


def summary(verdicts: list[str]) -> str:
    """E.g. "2 on time, 1 late"; empty when there is nothing to judge."""
    counts = Counter(verdicts)
    order = (ON_TIME, ON_MAIN, LATE, NOT_ON_MAIN)
    return ", ".join(f"{counts[v]} {v}" for v in order if counts[v])


def shown(moment: datetime | None, zone: tzinfo) -> str:
    """A moment in the course's time zone, to the minute; empty for None."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment is not None else ""
