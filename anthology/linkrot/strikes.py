"""`.cache/linkcheck/strikes.json`: on which runs a link failed without an HTTP answer.

A refused connection, a TLS error or a redirect loop on one run says as much about the
network, the host's bad day or its bot defences as about the link. Such a failure is a
strike: the link stays "unknown" until it has struck out on `confirm_runs` runs on
different days with no answer in between; then it is dead. Any HTTP answer clears the
link's strikes; a check that could not tell (a timeout, a 429) leaves them as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from ..importer import write_atomically
from .results import DEAD, UNKNOWN, Check

STRIKES_FILE = "strikes.json"


def load_strikes(folder: Path) -> dict[str, list[str]]:
    """url → the dates (YYYY-MM-DD) of runs on which it struck; unreadable means none."""
    try:
        raw = json.loads((folder / STRIKES_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {
        str(url): sorted({str(day) for day in days})
        for url, days in raw.items()
        if isinstance(days, list)
    }


def judge(
    checks: Mapping[str, Check], history: Mapping[str, list[str]], today: str, needed: int
) -> tuple[dict[str, Check], dict[str, list[str]]]:
    """This run's checks with strikes counted, and the history to save."""
    judged: dict[str, Check] = {}
    kept: dict[str, list[str]] = {}
    for url, check in checks.items():
        if check.strike:
            days = sorted({*history.get(url, []), today})
            kept[url] = days
            if len(days) >= needed:
                span = days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"
                detail = f"{check.detail} on {len(days)} separate runs ({span})"
                check = replace(check, status=DEAD, detail=detail, strike=False)
            else:
                detail = f"{check.detail}; run {len(days)} of {needed} before it counts as dead"
                check = replace(check, detail=detail)
        elif check.status == UNKNOWN and url in history:
            kept[url] = list(history[url])
        judged[url] = check
    return judged, kept


def save_strikes(folder: Path, history: Mapping[str, list[str]]) -> None:
    text = json.dumps(dict(sorted(history.items())), indent=1, ensure_ascii=False)
    write_atomically(folder / STRIKES_FILE, text + "\n")
