"""`.cache/linkcheck/status.json`: links found working recently are not requested again."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..importer import write_atomically
from .results import OK, REDIRECTED, STATUSES, Check

CACHE_FILE = "status.json"
_VERSION = 1


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def load_cache(folder: Path) -> tuple[dict[str, Check], str | None]:
    """The cached checks, and a warning when the cache was unreadable (it is then ignored)."""
    path = folder / CACHE_FILE
    if not path.exists():
        return {}, None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = raw["urls"] if isinstance(raw, dict) and raw.get("version") == _VERSION else None
        if not isinstance(entries, dict):
            raise ValueError("not a link cache of this version")
        cached = {
            str(url): Check(
                str(url),
                str(entry["status"]),
                str(entry.get("detail") or ""),
                entry.get("final_url"),
                str(entry["checked_at"]),
                cached=True,
            )
            for url, entry in entries.items()
            if isinstance(entry, dict) and entry.get("status") in STATUSES
        }
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        return {}, f"{path}: ignoring the link cache ({exc}); every link is checked again"
    return cached, None


def is_fresh(check: Check, now: datetime, days: float) -> bool:
    """A working link checked less than `days` ago."""
    when = _parse_time(check.checked_at)
    return (
        check.status in (OK, REDIRECTED) and when is not None and now - when < timedelta(days=days)
    )


def save_cache(folder: Path, checks: Iterable[Check]) -> None:
    entries = {check.url: check.to_dict() for check in sorted(checks, key=lambda c: c.url)}
    text = json.dumps({"version": _VERSION, "urls": entries}, indent=1, ensure_ascii=False)
    write_atomically(folder / CACHE_FILE, text + "\n")
