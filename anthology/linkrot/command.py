"""`anthology linkrot`: collect, check (cache first), report, and optionally record."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from ..corpus import load_corpus
from ..importer import write_atomically
from .cache import is_fresh, load_cache, save_cache
from .checker import LinkRotError, check_links
from .collect import collect_targets
from .report import summary, write_reports
from .results import DEAD, Check, archive_lookup
from .settings import linkcheck_settings
from .status import STATUS_FILE, dump_link_status, load_link_status, record

__all__ = ["LinkRotError", "run_linkrot"]

# When this many links were checked and not one host answered, the network is down.
_OFFLINE_MINIMUM = 3


def run_linkrot(
    root: Path,
    *,
    report_dir: Path,
    cache_dir: Path,
    record_status: bool = False,
    now: datetime | None = None,
    sleep: Callable[[float], None] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Check every external link; exit code 1 when a link is dead, 0 otherwise."""
    out = out or sys.stdout
    err = err or sys.stderr
    now = now or datetime.now(UTC)
    corpus = load_corpus(root)
    paths = corpus.paths
    settings = linkcheck_settings(corpus.course, paths.course, paths.shown(paths.course))
    status_path = root / STATUS_FILE
    previous = load_link_status(status_path, paths.shown(status_path)) if record_status else {}
    targets = collect_targets(corpus)
    cached, warning = load_cache(cache_dir)
    if warning:
        print(f"warning: {warning}", file=err)
    checks: dict[str, Check] = {}
    to_check: list[str] = []
    for target in targets:
        hit = cached.get(target.url)
        if hit is not None and is_fresh(hit, now, settings.cache_days):
            checks[target.url] = hit
        else:
            to_check.append(target.url)
    print(f"checking {len(to_check)} links ({len(checks)} recently found working)", file=out)
    fresh = check_links(to_check, settings, sleep=sleep or time.sleep)
    if len(fresh) >= _OFFLINE_MINIMUM and not any(c.responded for c in fresh.values()):
        raise LinkRotError(
            f"none of the {len(fresh)} links answered (e.g. {next(iter(fresh.values())).detail}):"
            " is the network down? Nothing was written; run again when it is back"
        )
    checks.update(fresh)
    save_cache(cache_dir, checks.values())
    written = write_reports(report_dir, targets, checks, now.strftime("%Y-%m-%d"))
    for target in targets:
        check = checks[target.url]
        if check.status != DEAD:
            continue
        for place in target.places:
            print(
                f"{place}: dead link {check.url} ({check.detail}); "
                f"saved copies: {archive_lookup(check.url)}",
                file=err,
            )
    if record_status:
        statuses = record(previous, (checks[t.url] for t in targets))
        write_atomically(status_path, dump_link_status(statuses))
        written.append(status_path)
    print(summary(list(checks.values())), file=out)
    print("wrote " + ", ".join(str(path) for path in written), file=out)
    return 1 if any(check.status == DEAD for check in checks.values()) else 0
