"""Run linkchecker on each link, under a wall-clock limit per link and per run.

linkchecker's own `timeout` bounds each socket operation, not a request: a host that
sends its headers a byte a second never trips it. So each link is checked by its own
linkchecker process (a temporary HTML page holding that one link, `--check-extern`,
recursion level 1: requested once, never crawled), which is killed when the link's
`url_time_limit` is up; the link is then "unknown" and the run goes on. Links of
different hosts are checked `parallel` at a time; links of one host one after another,
at most `max_requests_per_second`. Nothing starts after the run's `run_time_limit`:
what is left is "unknown" too. All limits come from the `linkcheck:` block of course.yaml.
"""

from __future__ import annotations

import csv
import html
import io
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from ..workdirs import LINKROT_PREFIX, owned_folder
from .results import UNKNOWN, Check, classify, not_checked
from .settings import LinkcheckSettings

MAX_BACKOFF = 300.0


class LinkRotError(Exception):
    """Checking could not run at all; the message says why and what to do."""


def linkchecker_script() -> str:
    """The linkchecker script installed beside this Python, or the one on PATH."""
    beside = Path(sys.executable).parent / "linkchecker"
    found = str(beside) if beside.exists() else shutil.which("linkchecker")
    if not found:
        raise LinkRotError("linkchecker is not installed: run `pip install -e .`")
    return found


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _page(urls: Sequence[str]) -> tuple[str, dict[int, str]]:
    """An HTML page with one link per line, and the line each link is on."""
    lines = [
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>links</title></head>',
        "<body>",
    ]
    by_line: dict[int, str] = {}
    for number, url in enumerate(urls, 1):
        lines.append(f'<a href="{html.escape(url, quote=True)}">link {number}</a>')
        by_line[len(lines)] = url
    lines.append("</body></html>")
    return "\n".join(lines) + "\n", by_line


def _config(settings: LinkcheckSettings) -> str:
    return (
        "[checking]\n"
        f"maxrequestspersecond={settings.max_requests_per_second}\n"
        f"timeout={settings.timeout}\n"
        "[filtering]\n"
        "checkextern=1\n"
    )


def read_rows(text: str) -> list[dict[str, str]]:
    """linkchecker's CSV output (`;`-separated, `#` comments) as dicts keyed by its header."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for cells in csv.reader(io.StringIO(text), delimiter=";"):
        if not cells or cells[0].startswith("#"):
            continue
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def _match(rows: list[dict[str, str]], by_line: dict[int, str]) -> dict[str, dict[str, str]]:
    wanted = set(by_line.values())
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        if not row.get("parentname"):
            continue  # the temporary page itself
        url = row.get("urlname", "")
        if url not in wanted:
            line = row.get("line", "")
            url = by_line.get(int(line), "") if line.isdigit() else ""
        if url:
            found.setdefault(url, row)
    return found


@dataclass
class Deadline:
    """The run's end (time.monotonic() seconds)."""

    at: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds)

    def left(self) -> float:
        return self.at - time.monotonic()


def _out_of_time(url: str, settings: LinkcheckSettings) -> Check:
    detail = f"not checked: the run's time limit ({settings.run_time_limit:g} s) was reached"
    return Check(url, UNKNOWN, detail, None, now_utc())


def _check_one(url: str, settings: LinkcheckSettings, limit: float) -> Check:
    """Check `url` with one linkchecker process, killed after `limit` seconds."""
    page_text, by_line = _page([url])
    with owned_folder(LINKROT_PREFIX) as workdir:
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # linkchecker run as root drops to `nobody`, who must write its report here.
            workdir.chmod(0o777)
        page, config = workdir / "links.html", workdir / "linkcheckerrc"
        output = workdir / "out.csv"
        page.write_text(page_text, encoding="utf-8")
        config.write_text(_config(settings), encoding="utf-8")
        for path in (page, config):
            path.chmod(0o644)
        command = [
            linkchecker_script(), "-f", str(config), "--check-extern", "-r", "1", "--verbose",
            "--no-status", "-o", "none", f"--file-output=csv/utf-8/{output}", str(page),
        ]  # fmt: skip
        # English messages (the redirect warning is matched), UTF-8 everywhere.
        env = {**os.environ, "LC_ALL": "C", "LANGUAGE": "en", "PYTHONUTF8": "1"}
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, env=env, timeout=limit, check=False
            )
        except subprocess.TimeoutExpired:
            detail = f"no complete answer within {limit:.0f} s (slow host)"
            return Check(url, UNKNOWN, detail, None, now_utc())
        if done.returncode not in (0, 1) or not output.exists():
            message = (done.stderr or done.stdout).strip().splitlines()[-5:]
            raise LinkRotError(
                f"linkchecker failed (exit code {done.returncode}): " + " / ".join(message)
            )
        rows = _match(read_rows(output.read_text(encoding="utf-8")), by_line)
    checked_at = now_utc()
    return classify(url, rows[url], checked_at) if url in rows else not_checked(url, checked_at)


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _check_batch(
    urls: Sequence[str], settings: LinkcheckSettings, deadline: Deadline
) -> dict[str, Check]:
    """One check per url: hosts in parallel, each host's links in turn, politely spaced."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[_host(url)].append(url)
    results: dict[str, Check] = {}
    lock = threading.Lock()
    gap = 1.0 / settings.max_requests_per_second

    def host_queue(queue: list[str]) -> None:
        for index, url in enumerate(queue):
            if index:
                time.sleep(min(gap, max(deadline.left(), 0)))
            left = deadline.left()
            if left <= 0:
                check = _out_of_time(url, settings)
            else:
                check = _check_one(url, settings, min(settings.url_time_limit, left))
            with lock:
                results[url] = check

    workers = max(1, min(settings.parallel, len(by_host)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(host_queue, queue) for queue in by_host.values()]:
            future.result()
    return results


def backoff(attempt: int, checks: Sequence[Check], settings: LinkcheckSettings) -> float:
    """Seconds to wait before retry `attempt` (1-based): doubling, at least any Retry-After."""
    wait = settings.retry_backoff * 2 ** (attempt - 1)
    asked = [check.retry_after for check in checks if check.retry_after is not None]
    return min(max([wait, *asked]), MAX_BACKOFF)


def check_links(
    urls: Sequence[str],
    settings: LinkcheckSettings,
    *,
    sleep: Callable[[float], None] = time.sleep,
    deadline: Deadline | None = None,
) -> dict[str, Check]:
    """Check every link; retry rate-limited, failing-server and timed-out ones with back-off.

    Stops at `deadline` (default: `run_time_limit` from now); links not checked by then
    are "unknown".
    """
    deadline = deadline or Deadline.after(settings.run_time_limit)
    results: dict[str, Check] = {}
    pending = list(urls)
    attempt = 0
    while pending:
        results.update(_check_batch(pending, settings, deadline))
        again = [results[url] for url in pending if results[url].retry]
        if not again or attempt >= settings.retries:
            break
        attempt += 1
        wait = backoff(attempt, again, settings)
        if wait >= deadline.left():
            break  # no time left to try again; the failed answers stand
        sleep(wait)
        pending = [check.url for check in again]
    return results
