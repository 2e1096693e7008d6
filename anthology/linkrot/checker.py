"""Run linkchecker over a list of links and read back one Check per link.

linkchecker checks a temporary HTML page that lists the links, one per line, with
`--check-extern` and recursion level 1: each link is requested once, none is crawled.
Its per-host politeness (`maxrequestspersecond`) and timeout come from course.yaml.
"""

from __future__ import annotations

import csv
import html
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from .results import Check, classify, not_checked
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


def _run(urls: Sequence[str], settings: LinkcheckSettings) -> dict[str, Check]:
    """Check `urls` with one linkchecker run."""
    page_text, by_line = _page(urls)
    workdir = Path(tempfile.mkdtemp(prefix="anthology-linkrot-"))
    try:
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
        limit = 120 + len(urls) * (2 * settings.timeout + 6 / settings.max_requests_per_second)
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, env=env, timeout=limit, check=False
            )
        except subprocess.TimeoutExpired:
            raise LinkRotError(f"linkchecker did not finish within {limit:.0f} s") from None
        if done.returncode not in (0, 1) or not output.exists():
            message = (done.stderr or done.stdout).strip().splitlines()[-5:]
            raise LinkRotError(
                f"linkchecker failed (exit code {done.returncode}): " + " / ".join(message)
            )
        rows = _match(read_rows(output.read_text(encoding="utf-8")), by_line)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    checked_at = now_utc()
    return {
        url: classify(url, rows[url], checked_at) if url in rows else not_checked(url, checked_at)
        for url in urls
    }


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
) -> dict[str, Check]:
    """Check every link; retry rate-limited, failing-server and timed-out ones with back-off."""
    results: dict[str, Check] = {}
    pending = list(urls)
    attempt = 0
    while pending:
        results.update(_run(pending, settings))
        again = [results[url] for url in pending if results[url].retry]
        if not again or attempt >= settings.retries:
            break
        attempt += 1
        sleep(backoff(attempt, again, settings))
        pending = [check.url for check in again]
    return results
