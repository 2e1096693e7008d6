"""Link rot never lies: hostile hosts on loopback, a network that is down, time limits.

Local servers on 127.0.0.1 only: one that sends its headers a byte at a time (slower than
any per-URL limit, faster than linkchecker's socket timeout), a port that refuses
connections, a TLS server with a self-signed certificate made here with openssl, a
redirect loop and a 429. None of them may end the run or be called dead at the first
try; the repeatable failures become dead only after `confirm_runs` runs on different days.
"""

from __future__ import annotations

import csv
import io
import shutil
import socket
import ssl
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from anthology.cli import main
from anthology.corpus import load_corpus
from anthology.linkrot.command import run_linkrot
from anthology.linkrot.results import DEAD, OK, UNKNOWN
from anthology.linkrot.settings import (
    RUN_TIME_LIMIT,
    URL_TIME_LIMIT,
    WORKFLOW_MARGIN,
    linkcheck_settings,
)

from .localhttp import PageHandler, QuietServer, base_url, serving
from .test_linkrot import replace_linkcheck

ROOT = Path(__file__).resolve().parent.parent
# Seconds per link in these tests: far above what linkchecker needs for a local answer even
# on a loaded machine (a few seconds, mostly its start-up), far below the trickle's length.
URL_LIMIT = 20
TRICKLE_GAP = 0.25  # seconds between header bytes: under linkchecker's 1 s socket timeout
TRICKLE_MAX = 400  # bytes; the trickle stops by itself after ~100 s at the latest
DAY = datetime(2026, 11, 2, 6, 17, tzinfo=UTC)


class _Hostile(PageHandler):
    counts: Counter[str]
    stop: threading.Event

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.counts[self.path] += 1
        if self.path in ("/ok", "/secure"):
            self._reply(200)
        elif self.path == "/loop-a":
            self._reply(302, Location="/loop-b")
        elif self.path == "/loop-b":
            self._reply(302, Location="/loop-a")
        elif self.path == "/busy":
            self._reply(429, **{"Retry-After": "1"})
        elif self.path.startswith("/trickle"):
            self._trickle()
        else:
            self._reply(404)

    do_HEAD = do_GET  # noqa: N815 (the name http.server calls)

    def _trickle(self) -> None:
        try:
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            for _ in range(TRICKLE_MAX):
                if self.stop.wait(TRICKLE_GAP):
                    return
                self.wfile.write(b"a")
                self.wfile.flush()
        except OSError:
            return  # the checker hung up: that is the point


@dataclass
class Hosts:
    plain: str  # http://127.0.0.1:PORT
    tls: str  # https://127.0.0.1:PORT (self-signed)
    refused: str  # http://127.0.0.1:PORT with nothing listening
    counts: Counter[str]


def _self_signed(folder: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (apt-get install openssl)")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return key, cert


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def hosts(tmp_path: Path) -> Iterator[Hosts]:
    counts: Counter[str] = Counter()
    stop = threading.Event()
    handler = type("Handler", (_Hostile,), {"counts": counts, "stop": stop})
    plain = QuietServer(("127.0.0.1", 0), handler)
    tls = QuietServer(("127.0.0.1", 0), handler)
    key, cert = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    # The handshake happens in the handler's thread, so a stalled client blocks nobody.
    tls.socket = context.wrap_socket(tls.socket, server_side=True, do_handshake_on_connect=False)
    with serving(plain, tls):
        yield Hosts(
            plain=base_url(plain),
            tls=base_url(tls, "https"),
            refused=f"http://127.0.0.1:{_closed_port()}",
            counts=counts,
        )
        stop.set()  # release the trickling handlers before the servers shut down


def make_content(folder: Path, links: dict[str, str], **settings: object) -> Path:
    content = folder / "content"
    (content / "prior").mkdir(parents=True)
    for name in ("course.yaml", "tools.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    block = {
        "max_requests_per_second": 100,
        "timeout": 1,
        "retries": 1,
        "retry_backoff": 0.1,
        "url_time_limit": URL_LIMIT,
        "confirm_runs": 2,
        "parallel": 4,
        **settings,
    }
    replace_linkcheck(content / "course.yaml", yaml.safe_dump({"linkcheck": block}))
    tools = ["MLflow", "DVC", "Kedro", "Apache Airflow", "Feast", "Evidently", "Great Expectations"]
    entries = [
        {"name": tools[i], "tools": [tools[i]], "url": url, "semester": "2020-2022"}
        for i, url in enumerate(links.values())
    ]
    (content / "prior" / "2020-2022.yaml").write_text(
        yaml.safe_dump({"semester": "2020-2022", "posts": entries}, sort_keys=False),
        encoding="utf-8",
    )
    return content


def statuses(reports: Path, links: dict[str, str]) -> dict[str, tuple[str, str]]:
    rows = csv.DictReader(io.StringIO((reports / "linkrot.csv").read_text(encoding="utf-8")))
    by_url = {row["url"]: (row["status"], row["detail"]) for row in rows}
    return {name: by_url[url] for name, url in links.items()}


def test_a_host_trickling_its_headers_is_unknown_and_the_run_goes_on(
    hosts: Hosts, tmp_path: Path
) -> None:
    # Same host, so checked one after the other: the slow link first.
    links = {"trickle": f"{hosts.plain}/trickle", "ok": f"{hosts.plain}/ok"}
    content = make_content(tmp_path, links, probe=[f"{hosts.plain}/"])
    reports = tmp_path / "reports"
    code = run_linkrot(
        content,
        report_dir=reports,
        cache_dir=tmp_path / "cache",
        out=io.StringIO(),
        err=io.StringIO(),
    )
    assert code == 0
    found = statuses(reports, links)
    assert found["trickle"] == (UNKNOWN, f"no complete answer within {URL_LIMIT} s (slow host)")
    assert found["ok"][0] == OK
    assert hosts.counts["/trickle"] >= 1  # it was really asked, and really trickled


def test_hostile_hosts_are_unknown_until_their_failure_repeats_on_separate_runs(
    hosts: Hosts, tmp_path: Path
) -> None:
    links = {
        "ok": f"{hosts.plain}/ok",
        "loop": f"{hosts.plain}/loop-a",
        "busy": f"{hosts.plain}/busy",
        "refused": f"{hosts.refused}/refused",
        "self-signed": f"{hosts.tls}/secure",
    }
    content = make_content(tmp_path, links, probe=[f"{hosts.plain}/"])
    reports, cache = tmp_path / "reports", tmp_path / "cache"
    waits: list[float] = []

    def run(when: datetime) -> int:
        return run_linkrot(
            content,
            report_dir=reports,
            cache_dir=cache,
            record_status=True,
            now=when,
            sleep=waits.append,
            out=io.StringIO(),
            err=io.StringIO(),
        )

    assert run(DAY) == 0  # nothing is dead on a first failure
    first = statuses(reports, links)
    assert first["ok"][0] == OK
    assert first["busy"][0] == UNKNOWN and "429" in first["busy"][1]
    assert hosts.counts["/busy"] == 2  # tried again after Retry-After
    assert waits == [1.0]
    for name, reason in (
        ("loop", "redirect loop"),
        ("refused", "connection refused"),
        ("self-signed", "TLS/SSL error"),
    ):
        assert first[name] == (UNKNOWN, f"{reason}; run 1 of 2 before it counts as dead")
    recorded = yaml.safe_load((content / "link-status.yaml").read_text(encoding="utf-8"))
    assert recorded == {}

    # The same failures again on the same day are not a second, separate run.
    assert run(DAY + timedelta(hours=2)) == 0
    assert statuses(reports, links)["refused"][1].endswith("run 1 of 2 before it counts as dead")

    # The next day they are: now they are dead; the slow host and the 429 are still unknown.
    assert run(DAY + timedelta(days=1)) == 1
    third = statuses(reports, links)
    for name in ("loop", "refused", "self-signed"):
        assert third[name][0] == DEAD
        assert third[name][1].endswith("on 2 separate runs (2026-11-02 to 2026-11-03)")
    assert third["busy"][0] == UNKNOWN
    assert third["ok"][0] == OK
    recorded = yaml.safe_load((content / "link-status.yaml").read_text(encoding="utf-8"))
    assert set(recorded) == {links["loop"], links["refused"], links["self-signed"]}


def test_an_answer_between_failures_starts_the_count_again(hosts: Hosts, tmp_path: Path) -> None:
    from anthology.linkrot.results import Check
    from anthology.linkrot.strikes import judge

    url = f"{hosts.refused}/x"
    refused = Check(url, UNKNOWN, "connection refused", strike=True)
    first, history = judge({url: refused}, {}, "2026-11-02", 2)
    assert first[url].status == UNKNOWN
    _, history = judge({url: Check(url, OK, "200 OK")}, history, "2026-11-03", 2)
    assert history == {}
    again, history = judge({url: refused}, history, "2026-11-04", 2)
    assert again[url].status == UNKNOWN and history == {url: ["2026-11-04"]}
    timed_out = Check(url, UNKNOWN, "timed out", retry=True)
    _, history = judge({url: timed_out}, history, "2026-11-05", 2)
    assert history == {url: ["2026-11-04"]}  # a timeout says nothing either way
    dead, _ = judge({url: refused}, history, "2026-11-06", 2)
    assert dead[url].status == DEAD


def test_the_run_stops_at_its_time_limit_and_still_reports(hosts: Hosts, tmp_path: Path) -> None:
    # One host, checked link after link: the first slow link uses up the run's 6 s.
    links = {f"slow{i}": f"{hosts.plain}/trickle{i}" for i in range(3)}
    content = make_content(tmp_path, links, probe=[f"{hosts.plain}/"], run_time_limit=6, retries=0)
    reports = tmp_path / "reports"
    code = run_linkrot(
        content,
        report_dir=reports,
        cache_dir=tmp_path / "cache",
        out=io.StringIO(),
        err=io.StringIO(),
    )
    assert code == 0
    found = statuses(reports, links)
    assert all(status == UNKNOWN for status, _ in found.values())
    assert found["slow0"][1].startswith("no complete answer within")
    for late in ("slow1", "slow2"):
        assert found[late][1] == "not checked: the run's time limit (6 s) was reached"


def test_network_down_writes_nothing_and_exits_3(hosts: Hosts, tmp_path: Path, capsys) -> None:
    links = {"refused": f"{hosts.refused}/a", "other": f"http://127.0.0.1:{_closed_port()}/b"}
    content = make_content(tmp_path, links, probe=[f"http://127.0.0.1:{_closed_port()}/"])
    before = sorted(p.relative_to(content) for p in content.rglob("*"))
    folders = ["--report-dir", str(tmp_path / "reports"), "--cache-dir", str(tmp_path / "cache")]
    code = main(["--content", str(content), "linkrot", "--record", *folders])
    assert code == 3
    err = capsys.readouterr().err
    assert "network looks down" in err and "Nothing was checked or written" in err
    assert "Traceback" not in err
    assert not (tmp_path / "reports").exists() and not (tmp_path / "cache").exists()
    assert sorted(p.relative_to(content) for p in content.rglob("*")) == before
    assert not (content / "link-status.yaml").exists()


def test_the_limits_end_the_run_before_the_workflow_does() -> None:
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "linkrot.yml").read_text(encoding="utf-8")
    )
    minutes = workflow["jobs"]["linkrot"]["timeout-minutes"]
    # No check starts after the run's limit, and one in flight ends within the link's.
    assert minutes * 60 >= RUN_TIME_LIMIT + URL_TIME_LIMIT + WORKFLOW_MARGIN
    assert WORKFLOW_MARGIN >= 10 * 60  # install, cache, report and upload need minutes
    corpus = load_corpus(ROOT / "content")
    shipped = linkcheck_settings(corpus.course, corpus.paths.course, "content/course.yaml")
    assert minutes * 60 >= shipped.run_time_limit + shipped.url_time_limit + WORKFLOW_MARGIN
    assert shipped.confirm_runs >= 2 and shipped.probe


def test_probe_and_new_limits_are_validated(tmp_path: Path, capsys) -> None:
    content = make_content(tmp_path, {}, probe=["ftp://x.example/"], url_time_limit=0)
    folders = ["--report-dir", str(tmp_path / "reports"), "--cache-dir", str(tmp_path / "cache")]
    assert main(["--content", str(content), "linkrot", *folders]) == 2
    err = capsys.readouterr().err
    assert "`linkcheck.probe` entries must be http(s) addresses" in err
    assert "`linkcheck.url_time_limit` must be a number of at least 1" in err
