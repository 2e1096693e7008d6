"""`content/link-status.yaml`: links recorded as dead or redirected, read by the site.

The file maps each link to `{status, checked, archive_url}` (and `final_url` for a
redirect). It is written by `anthology linkrot --record`; prior posts whose link is
recorded dead are shown as "(link may be dead)" with the archived copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import yamlsafe
from ..findings import ContentError, error
from .results import DEAD, REDIRECTED, UNKNOWN, Check, archive_lookup

STATUS_FILE = "link-status.yaml"
_RECORDED = (DEAD, REDIRECTED)
_FIX = "Fix the entry, or delete the file and run `invoke linkcheck --external --record`."


@dataclass(frozen=True)
class LinkStatus:
    """A link's recorded state."""

    url: str
    status: str
    checked: str
    archive_url: str | None = None
    final_url: str | None = None


def _fail(shown: str, line: int | None, message: str) -> ContentError:
    return ContentError([error("link-status", shown, line, message, _FIX)])


def load_link_status(path: Path, shown: str) -> dict[str, LinkStatus]:
    """Read the status file; no file means no recorded links."""
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
        raw = yamlsafe.load(text)
    except yamlsafe.YamlProblem as problem:
        raise _fail(shown, problem.line, problem.message) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(shown, None, f"cannot read: {exc}") from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _fail(shown, 1, "expected a mapping of link → {status, checked, archive_url}")
    statuses: dict[str, LinkStatus] = {}
    for url, entry in raw.items():
        line = _line_of(text, str(url))
        if not isinstance(entry, dict) or entry.get("status") not in _RECORDED:
            raise _fail(shown, line, f"{url}: `status` must be one of {', '.join(_RECORDED)}")
        statuses[str(url)] = LinkStatus(
            url=str(url),
            status=str(entry["status"]),
            checked=str(entry.get("checked") or ""),
            archive_url=_optional(entry.get("archive_url")),
            final_url=_optional(entry.get("final_url")),
        )
    return statuses


def _optional(value: Any) -> str | None:
    return str(value) if value else None


def _line_of(text: str, url: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if url in line and not line.startswith((" ", "\t", "#")):
            return number
    return None


def dead_links(statuses: Mapping[str, LinkStatus]) -> dict[str, str | None]:
    """Dead links and their archive lookup, as the prior catalog wants them."""
    return {url: s.archive_url for url, s in statuses.items() if s.status == DEAD}


def record(previous: Mapping[str, LinkStatus], checks: Iterable[Check]) -> dict[str, LinkStatus]:
    """New statuses: dead and redirected links; an inconclusive check keeps the old record."""
    statuses: dict[str, LinkStatus] = {}
    for check in checks:
        if check.status in _RECORDED:
            statuses[check.url] = LinkStatus(
                url=check.url,
                status=check.status,
                checked=check.checked_at[:10],
                archive_url=archive_lookup(check.url),
                final_url=check.final_url if check.status == REDIRECTED else None,
            )
        elif check.status == UNKNOWN and check.url in previous:
            statuses[check.url] = previous[check.url]
    return dict(sorted(statuses.items()))


def dump_link_status(statuses: Mapping[str, LinkStatus]) -> str:
    header = (
        "# Dead and redirected external links, written by `anthology linkrot --record`.\n"
        "# The site marks prior posts whose link is dead here; re-run to refresh.\n"
    )
    data = {
        url: {
            key: value
            for key, value in (
                ("status", s.status),
                ("checked", s.checked),
                ("archive_url", s.archive_url),
                ("final_url", s.final_url),
            )
            if value
        }
        for url, s in statuses.items()
    }
    if not data:
        return header + "{}\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
