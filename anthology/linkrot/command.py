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
from ..workdirs import sweep_temporary
from .cache import is_fresh, load_cache, save_cache
from .checker import Deadline, LinkRotError, check_links
from .collect import collect_targets
from .probe import Offline, require_network
from .report import summary, write_reports
from .results import DEAD, Check, archive_lookup
from .settings import linkcheck_settings
from .status import STATUS_FILE, dump_link_status, load_link_status, record
from .strikes import judge, load_strikes, save_strikes

__all__ = ["LinkRotError", "Offline", "run_linkrot"]


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
    """Check every external link; exit code 1 when a link is dead, 0 otherwise.

    Raises Offline (before and after checking) when the network is down: then nothing is
    written.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    now = now or datetime.now(UTC)
    corpus = load_corpus(root)
    paths = corpus.paths
    settings = linkcheck_settings(corpus.course, paths.course, paths.shown(paths.course))
    deadline = Deadline.after(settings.run_time_limit)
    sweep_temporary()
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
    if to_check:
        require_network(settings.probe)
    print(f"checking {len(to_check)} links ({len(checks)} recently found working)", file=out)
    fresh = check_links(to_check, settings, sleep=sleep or time.sleep, deadline=deadline)
    # The network may have gone during the run: then the failures say nothing.
    if to_check:
        require_network(settings.probe)
    fresh, strikes = judge(
        fresh, load_strikes(cache_dir), now.strftime("%Y-%m-%d"), settings.confirm_runs
    )
    checks.update(fresh)
    save_cache(cache_dir, checks.values())
    save_strikes(cache_dir, strikes)
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
