"""The link rot report: `linkrot.md` (problems, for people) and `linkrot.csv` (every link)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..importer import write_atomically
from .collect import Target
from .results import DEAD, OK, REDIRECTED, STATUSES, UNKNOWN, Check, archive_lookup

MARKDOWN, CSV = "linkrot.md", "linkrot.csv"
_ORDER = {DEAD: 0, UNKNOWN: 1, REDIRECTED: 2, OK: 3}
_CSV_COLUMNS = ("status", "url", "detail", "final_url", "where", "archive_lookup", "checked_at")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _link(url: str) -> str:
    return f"<{_cell(url)}>"


def summary(checks: Sequence[Check]) -> str:
    counts = Counter(check.status for check in checks)
    cached = sum(check.cached for check in checks)
    parts = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
    return f"{len(checks)} links checked ({cached} from the cache): {parts}"


def markdown(targets: Sequence[Target], checks: dict[str, Check], date: str) -> str:
    ordered = sorted(checks.values(), key=lambda c: (_ORDER[c.status], c.url))
    lines = [
        "# Link rot report",
        "",
        f"Checked on {date}. {summary(ordered)}.",
        "",
    ]
    problems = [check for check in ordered if check.status != OK]
    if not problems:
        lines.append("Every link works.")
        return "\n".join(lines) + "\n"
    where = {target.url: target.places for target in targets}
    lines += [
        "Dead links are gone or failing; unknown ones could not be checked (rate limits, "
        "timeouts, refusals): try them by hand. The archive lookup lists saved copies.",
        "",
        "| Status | Link | Where it appears | Redirected to | Archive lookup |",
        "| --- | --- | --- | --- | --- |",
    ]
    for check in problems:
        places = "<br>".join(_cell(place) for place in where.get(check.url, []))
        final = _link(check.final_url) if check.final_url else ""
        lines.append(
            f"| {check.status} ({_cell(check.detail)}) | {_link(check.url)} | {places} | "
            f"{final} | [saved copies](<{archive_lookup(check.url)}>) |"
        )
    return "\n".join(lines) + "\n"


def csv_text(targets: Sequence[Target], checks: dict[str, Check]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for target in targets:
        check = checks[target.url]
        writer.writerow(
            [
                check.status,
                check.url,
                check.detail,
                check.final_url or "",
                "; ".join(target.places),
                archive_lookup(check.url),
                check.checked_at,
            ]
        )
    return out.getvalue()


def write_reports(
    folder: Path, targets: Sequence[Target], checks: dict[str, Check], date: str
) -> list[Path]:
    """Write both reports atomically; return their paths."""
    texts = {MARKDOWN: markdown(targets, checks, date), CSV: csv_text(targets, checks)}
    for name, text in texts.items():
        write_atomically(folder / name, text)
    return [folder / name for name in texts]
