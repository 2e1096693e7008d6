"""Link rot: external links checked with linkchecker against a local server.

The server answers 200, a 301 redirect, 404, 429 (with Retry-After) and a response slower
than the configured timeout, and counts the requests it gets.
"""

from __future__ import annotations

import csv
import io
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from anthology.cli import main
from anthology.corpus import load_corpus
from anthology.findings import ContentError
from anthology.linkrot.cache import is_fresh
from anthology.linkrot.checker import read_rows
from anthology.linkrot.command import run_linkrot
from anthology.linkrot.results import DEAD, OK, REDIRECTED, UNKNOWN, Check, classify

from .localhttp import PageHandler, QuietServer, base_url, serving

ROOT = Path(__file__).resolve().parent.parent
SLOW_SECONDS = 3.0


class _Handler(PageHandler):
    counts: Counter[str]
    lock: threading.Lock
    release: threading.Event

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        with self.lock:
            self.counts[self.path] += 1
        if self.path == "/ok":
            self._reply(200)
        elif self.path == "/moved":
            self._reply(301, Location="/ok")
        elif self.path == "/busy":
            self._reply(429, **{"Retry-After": "1"})
        elif self.path == "/slow":
            self.release.wait(SLOW_SECONDS)
            self._reply(200)
        else:
            self._reply(404)


@pytest.fixture
def server() -> Iterator[tuple[str, Counter[str]]]:
    counts: Counter[str] = Counter()
    release = threading.Event()
    handler = type(
        "Handler", (_Handler,), {"counts": counts, "lock": threading.Lock(), "release": release}
    )
    httpd = QuietServer(("127.0.0.1", 0), handler)
    with serving(httpd):
        yield base_url(httpd), counts
        release.set()  # let a handler that still waits finish before the shutdown


POST = """\
---
title: Office hours move to Thursdays
authors:
  - name: Course Staff
    id: staff
date: 2026-10-01
format: video
media_url: {base}/moved
evidence:
  - {base}/ok
  - {base}/gone
---

Office hours are on Thursdays from now on.
"""


def replace_linkcheck(course: Path, block: str) -> None:
    """course.yaml with its `linkcheck:` block replaced by `block`."""
    kept, inside = [], False
    for line in course.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("linkcheck:"):
            inside = True
            continue
        if inside and line[:1] not in (" ", "\n", ""):
            inside = False
        if not inside:
            kept.append(line)
    course.write_text("".join(kept) + "\n" + block, encoding="utf-8")


def make_content(folder: Path, base: str) -> Path:
    content = folder / "content"
    (content / "prior").mkdir(parents=True)
    for name in ("course.yaml", "tools.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    replace_linkcheck(
        content / "course.yaml",
        "linkcheck:\n  max_requests_per_second: 100\n  timeout: 1\n  retries: 1\n"
        f"  cache_days: 7\n  retry_backoff: 0.1\n  probe: [{base}/]\n",
    )
    entries = [
        {"name": name, "tools": [name], "url": f"{base}/{path}", "semester": "2020-2022"}
        for name, path in (
            ("MLflow", "ok"),
            ("DVC", "moved"),
            ("Kedro", "gone"),
            ("Apache Airflow", "busy"),
            ("Feast", "slow"),
        )
    ]
    (content / "prior" / "2020-2022.yaml").write_text(
        yaml.safe_dump({"semester": "2020-2022", "posts": entries}, sort_keys=False),
        encoding="utf-8",
    )
    (content / "posts" / "F2026").mkdir(parents=True)
    (content / "posts" / "F2026" / "office-hours.md").write_text(
        POST.format(base=base), encoding="utf-8"
    )
    return content


def linkrot_cli(content: Path, tmp_path: Path, *args: str) -> int:
    folders = ["--report-dir", str(tmp_path / "reports"), "--cache-dir", str(tmp_path / "cache")]
    return main(["--content", str(content), "linkrot", *folders, *args])


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_links_are_classified_reported_cached_and_recorded(server, tmp_path: Path) -> None:
    base, counts = server
    content = make_content(tmp_path, base)
    reports, cache = tmp_path / "reports", tmp_path / "cache"
    waits: list[float] = []
    out, err = io.StringIO(), io.StringIO()

    code = run_linkrot(
        content, report_dir=reports, cache_dir=cache, sleep=waits.append, out=out, err=err
    )

    assert code == 1  # a dead link was found
    rows = {
        row["url"]: row
        for row in csv.DictReader(
            io.StringIO((reports / "linkrot.csv").read_text(encoding="utf-8"))
        )
    }
    status = {url.removeprefix(base): row["status"] for url, row in rows.items()}
    assert status == {
        "/ok": OK,
        "/moved": REDIRECTED,
        "/gone": DEAD,
        "/busy": UNKNOWN,
        "/slow": UNKNOWN,
    }
    assert rows[f"{base}/moved"]["final_url"] == f"{base}/ok"
    assert "429" in rows[f"{base}/busy"]["detail"]
    assert rows[f"{base}/slow"]["detail"] == "timed out"
    # Where each link appears: the catalog entry's line, and the post's evidence line.
    catalog_line = line_of(content / "prior" / "2020-2022.yaml", f"url: {base}/gone")
    assert rows[f"{base}/gone"]["where"] == (
        f"content/prior/2020-2022.yaml:{catalog_line}; content/posts/F2026/office-hours.md:11"
    )
    # 429 and the timeout were tried again (retries: 1) after waiting Retry-After; 404 was not.
    assert counts["/busy"] == 2
    assert counts["/slow"] == 2
    assert counts["/gone"] == 1
    assert waits == [1.0]

    report = (reports / "linkrot.md").read_text(encoding="utf-8")
    dead_row = next(line for line in report.splitlines() if line.startswith("| dead"))
    assert f"<{base}/gone>" in dead_row
    assert f"https://web.archive.org/web/*/{base}/gone" in dead_row
    assert f"content/prior/2020-2022.yaml:{catalog_line}" in dead_row
    assert f"| <{base}/ok> |" in next(line for line in report.splitlines() if "/moved>" in line)
    assert f"/office-hours.md:11: dead link {base}/gone (404 Not Found)" in err.getvalue()

    ok_requests, moved_requests = counts["/ok"], counts["/moved"]
    code = run_linkrot(
        content,
        report_dir=reports,
        cache_dir=cache,
        record_status=True,
        sleep=waits.append,
        out=out,
        err=err,
    )

    assert code == 1
    assert (counts["/ok"], counts["/moved"]) == (ok_requests, moved_requests)  # from the cache
    assert counts["/gone"] == 2
    assert "5 links checked (2 from the cache)" in out.getvalue()
    recorded = yaml.safe_load((content / "link-status.yaml").read_text(encoding="utf-8"))
    assert recorded[f"{base}/gone"]["status"] == "dead"
    assert recorded[f"{base}/moved"] == {
        "status": "redirected",
        "checked": recorded[f"{base}/moved"]["checked"],
        "archive_url": f"https://web.archive.org/web/*/{base}/moved",
        "final_url": f"{base}/ok",
    }
    assert f"{base}/ok" not in recorded and f"{base}/busy" not in recorded

    prior = {entry.url.removeprefix(base): entry for entry in load_corpus(content).prior}
    assert prior["/gone"].dead
    assert prior["/gone"].archive_url == f"https://web.archive.org/web/*/{base}/gone"
    assert not prior["/ok"].dead and not prior["/moved"].dead


def _row(
    result: str, valid: bool, url: str = "https://a.example/x", warning: str = "", info: str = ""
) -> dict[str, str]:
    return {
        "result": result,
        "valid": str(valid),
        "url": url,
        "warningstring": warning,
        "infostring": info,
    }


@pytest.mark.parametrize(
    ("row", "status", "retry"),
    [
        (_row("200 OK", True), OK, False),
        (_row("404 Not Found", False), DEAD, False),
        (_row("410 Gone", False), DEAD, False),
        (_row("503 Service Unavailable", False), UNKNOWN, True),
        (_row("403 Forbidden", False), UNKNOWN, False),
        (_row("ConnectionError: ... Failed to resolve 'a.example'", False), UNKNOWN, False),
        (_row("ConnectionError: ... [Errno 111] Connection refused", False), UNKNOWN, False),
        (_row("SSLError: ... CERTIFICATE_VERIFY_FAILED", False), UNKNOWN, False),
        (_row("TooManyRedirects: Exceeded 30 redirects.", False), UNKNOWN, False),
        (_row("InvalidURL: Failed to parse: http://[x", False), DEAD, False),
        (_row("ReadTimeout: HTTPConnectionPool(...): Read timed out.", False), UNKNOWN, True),
        (_row("syntax OK", True, info="Access denied by robots.txt"), UNKNOWN, False),
        (
            _row(
                "200 OK",
                True,
                url="https://b.example/y",
                warning="Redirected to `https://b.example/y' status: 301.",
            ),
            REDIRECTED,
            False,
        ),
        (
            _row(
                "200 OK",
                True,
                url="https://A.example/x",
                warning="Redirected to `https://A.example/x' status: 301.",
            ),
            OK,
            False,
        ),
    ],
)
def test_classification(row: dict[str, str], status: str, retry: bool) -> None:
    check = classify("https://a.example/x", row, "2026-11-01T00:00:00Z")
    assert (check.status, check.retry) == (status, retry)


def test_csv_output_with_comments_and_short_rows_is_read() -> None:
    text = (
        "# created by LinkChecker\n"
        "urlname;parentname;base;result;warningstring;infostring;valid;url;line;column\n"
        "file:///tmp/links.html;;;;;;True;file:///tmp/links.html;\n"
        'https://a.example/;file:///tmp/links.html;;"404 Not Found";;;False;https://a.example/;4;1\n'
        "# Stopped checking\n"
    )
    rows = read_rows(text)
    assert rows[1]["result"] == "404 Not Found" and rows[1]["line"] == "4"


def test_only_recent_working_links_are_fresh() -> None:
    now = datetime(2026, 11, 10, tzinfo=UTC)
    checked = (now - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    old = (now - timedelta(days=8)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert is_fresh(Check("u", OK, "200 OK", checked_at=checked), now, 7)
    assert is_fresh(Check("u", REDIRECTED, "200 OK", checked_at=checked), now, 7)
    assert not is_fresh(Check("u", OK, "200 OK", checked_at=old), now, 7)
    assert not is_fresh(Check("u", DEAD, "404", checked_at=checked), now, 7)


def test_bad_settings_exit_2_naming_the_course_file(tmp_path: Path, capsys) -> None:
    content = make_content(tmp_path, "http://127.0.0.1:9")
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("timeout: 1", "timeout: soon"), encoding="utf-8"
    )
    code = linkrot_cli(content, tmp_path)
    assert code == 2
    err = capsys.readouterr().err
    assert "course.yaml" in err and "`linkcheck.timeout` must be a whole number" in err
    assert not (tmp_path / "reports").exists()


def test_a_broken_status_file_is_named(tmp_path: Path) -> None:
    content = make_content(tmp_path, "http://127.0.0.1:9")
    (content / "link-status.yaml").write_text(
        "http://x.example/: {status: gone}\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_corpus(content)
    finding = raised.value.findings[0]
    assert finding.path.endswith("link-status.yaml") and finding.line == 1
    assert "dead, redirected" in finding.message


def test_retries_back_off_and_stop_after_the_configured_number(monkeypatch) -> None:
    from anthology.linkrot import checker
    from anthology.linkrot.settings import LinkcheckSettings

    runs: list[list[str]] = []

    def fake_run(urls: list[str], settings: LinkcheckSettings, deadline) -> dict[str, Check]:
        runs.append(list(urls))
        return {
            url: Check(url, UNKNOWN, "429", retry=True, retry_after=2.0)
            if url.endswith("busy")
            else Check(url, OK, "200 OK")
            for url in urls
        }

    monkeypatch.setattr(checker, "_check_batch", fake_run)
    waits: list[float] = []
    settings = LinkcheckSettings(retries=2, retry_backoff=1.5)
    results = checker.check_links(
        ["https://a.example/ok", "https://a.example/busy"], settings, sleep=waits.append
    )
    assert runs == [
        ["https://a.example/ok", "https://a.example/busy"],
        ["https://a.example/busy"],
        ["https://a.example/busy"],
    ]
    assert waits == [2.0, 3.0]  # Retry-After, then the doubled back-off
    assert results["https://a.example/busy"].status == UNKNOWN


def test_cli_with_no_links_writes_an_empty_report_and_status(tmp_path: Path, capsys) -> None:
    content = make_content(tmp_path, "http://127.0.0.1:9")
    shutil.rmtree(content / "prior")
    shutil.rmtree(content / "posts")
    reports = tmp_path / "reports"
    code = linkrot_cli(content, tmp_path, "--record")
    assert code == 0
    assert "Every link works." in (reports / "linkrot.md").read_text(encoding="utf-8")
    assert (reports / "linkrot.csv").read_text(encoding="utf-8").startswith("status,url,")
    assert yaml.safe_load((content / "link-status.yaml").read_text(encoding="utf-8")) == {}
    assert "0 links checked" in capsys.readouterr().out


def test_the_site_marks_a_recorded_dead_prior_link(tmp_path: Path, site_builder) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    entry = yaml.safe_load((content / "prior" / "2020-2022.yaml").read_text(encoding="utf-8"))
    url = next(post["url"] for post in entry["posts"] if post["name"] == "Algorithmia")
    (content / "link-status.yaml").write_text(
        yaml.safe_dump(
            {
                url: {
                    "status": "dead",
                    "checked": "2026-11-02",
                    "archive_url": f"https://web.archive.org/web/*/{url}",
                }
            }
        ),
        encoding="utf-8",
    )
    output = site_builder(content, ANTHOLOGY={"SEARCH": False})
    page = (output / "tools" / "algorithmia" / "index.html").read_text(encoding="utf-8")
    listed = page[page.index(f'href="{url}"') :]
    listed = listed[: listed.index("</li>")]
    assert "(link may be dead)" in listed
    assert f'href="https://web.archive.org/web/*/{url}"' in listed
