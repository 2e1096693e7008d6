"""A student's and an instructor's whole path, through the real commands, on fresh copies.

Every step is a subprocess of `anthology` or `invoke`, run in a copy of the repository
(content, theme, settings, tasks) that is its own git repository. Servers are started on a
free loopback port and polled until they answer; nothing waits for a fixed time.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PRIOR_LINKS = ROOT / "tests" / "data" / "prior-links.md"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Course Staff",
    "GIT_AUTHOR_EMAIL": "staff@example.org",
    "GIT_COMMITTER_NAME": "Course Staff",
    "GIT_COMMITTER_EMAIL": "staff@example.org",
}
WAIT_LIMIT = 180  # seconds before a server that never answers fails the test


def fresh_copy(target: Path) -> Path:
    """The repository as a new user clones it: content, theme, settings and tasks, in git."""
    target.mkdir()
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py", "pyproject.toml", ".gitignore"):
        shutil.copy(ROOT / name, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Fork of the anthology")
    return target


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, env={**os.environ, **GIT_ENV})


def run(
    repo: Path, *command: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the venv's `anthology` or `invoke` (or another command) in `repo`."""
    program = str(BIN / command[0]) if (BIN / command[0]).exists() else command[0]
    environment = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    return subprocess.run(
        [program, *command[1:]],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env={**environment, **(env or {})},
        timeout=600,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def _log(process: subprocess.Popen) -> str:
    log = getattr(process, "log_path", None)
    return log.read_text(encoding="utf-8", errors="replace")[-3000:] if log else ""


def wait_until(condition: Callable[[], bool], what: str, process: subprocess.Popen) -> None:
    """Poll `condition` until it holds; fail if the server exits or the limit passes."""
    deadline = time.monotonic() + WAIT_LIMIT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited ({process.returncode}) before {what}:\n{_log(process)}")
        try:
            if condition():
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.2)  # between polls only: the condition, not the time, ends the wait
    pytest.fail(f"gave up waiting for {what}:\n{_log(process)}")


@contextmanager
def server(repo: Path, *command: str) -> Iterator[subprocess.Popen]:
    """Start `invoke <command>` in its own process group; stop the whole group afterwards."""
    log_path = repo.parent / f"{command[0]}.log"
    log = log_path.open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(BIN / "invoke"), *command],
        cwd=repo,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log_path = log_path  # type: ignore[attr-defined]
    try:
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def write_sections(path: Path) -> None:
    """What a student writes: every prompt replaced by prose about the scenario."""
    text = path.read_text(encoding="utf-8")
    paragraph = (
        "Our movie streaming service retrains its recommendation model every night from "
        "fresh viewer ratings, and Deepchecks runs a suite of data integrity and drift checks "
        "on each batch before training starts. When a batch of ratings arrives with a shifted "
        "distribution, for example because a popular film was released, the suite flags the "
        "drift, shows which features moved, and stops the pipeline so the recommender keeps "
        "serving yesterday's model. We kept the checks in a small configuration file, "
        "reviewed it with the team, and tuned the thresholds after two false alarms. "
    )
    text = re.sub(r"<!-- Write [^>]*-->", paragraph * 2, text)
    text = text.replace(
        "<!-- One or two sentences: what the tool is and why a reader should care. -->",
        "Deepchecks tests data and models before they reach production. " + paragraph,
    )
    text = text.replace(
        "  # - https://github.com/you/repository-where-you-tried-the-tool",
        "  - https://github.com/jdoe/deepchecks-ratings",
    )
    path.write_text(text, encoding="utf-8")


def test_student_claims_writes_checks_previews_and_publishes(tmp_path: Path) -> None:
    repo = fresh_copy(tmp_path / "fork")
    me = ("--author-id", "jdoe", "--name", "Jordan Doe")

    # Claim: a near-miss name is refused with the right one; the right one is claimed.
    near = run(repo, "invoke", "claim", "--tool", "Deepcheck", *me)
    assert near.returncode != 0 and 'Did you mean --tool "Deepchecks"?' in near.stderr
    claimed = run(repo, "invoke", "claim", "--tool", "Deepchecks", *me)
    assert claimed.returncode == 0, claimed.stderr
    post = repo / "content" / "posts" / "F2026" / "jdoe-deepchecks.md"
    assert "status: claimed" in post.read_text(encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Claim Deepchecks")

    # New: the claim becomes a draft with every required heading.
    new = run(repo, "invoke", "new", "--tool", "Deepchecks", *me)
    assert new.returncode == 0, new.stderr
    assert "Turned your claim content/posts/F2026/jdoe-deepchecks.md into a draft" in new.stdout
    draft = post.read_text(encoding="utf-8")
    assert "status: draft" in draft and draft.count("## ") == 3

    # Write, then check: no errors, and a reminder of what publishing requires.
    write_sections(post)
    checked = run(repo, "anthology", "check", "content/posts/F2026/jdoe-deepchecks.md")
    assert checked.returncode == 0, checked.stdout
    lines = checked.stdout.strip().splitlines()
    assert lines[-2] == "1 file checked: 0 errors, 0 warnings" or "1 file checked: 0 errors" in (
        checked.stdout
    )
    assert lines[-1].startswith("Draft: when it is ready, set `status: published`")

    # A draft is not in the real build.
    built = run(repo, "invoke", "build")
    assert built.returncode == 0, built.stderr
    assert not (repo / "output" / "posts" / "jdoe-deepchecks").exists()

    # Preview: livereload serves the draft, marked, and shows an edit once saved.
    port = free_port()
    page = f"http://127.0.0.1:{port}/posts/jdoe-deepchecks/"
    with server(repo, "livereload", "--port", str(port)) as process:
        wait_until(lambda: fetch(page)[0] == 200, "the draft to be served", process)
        _status, html = fetch(page)
        assert "draft-banner" in html and "<strong>Draft</strong>" in html
        assert "data-pagefind-body" not in html  # never indexed
        assert "nightly retraining" not in html
        post.write_text(
            post.read_text(encoding="utf-8")
            + "\nWe also wired the nightly retraining alerts to the team chat.\n",
            encoding="utf-8",
        )
        wait_until(lambda: "nightly retraining alerts" in fetch(page)[1], "the edit", process)
        status, missing = fetch(f"http://127.0.0.1:{port}/posts/jdoe-deepchecks/")
        assert status == 200 and "draft-banner" in missing

    # Publish: status published, the check still passes, and the build has the post.
    post.write_text(
        re.sub(r"^status: draft.*$", "status: published", post.read_text(), flags=re.M),
        encoding="utf-8",
    )
    final = run(repo, "anthology", "check", "content/posts/F2026/jdoe-deepchecks.md")
    assert final.returncode == 0, final.stdout
    assert "Draft:" not in final.stdout
    built = run(repo, "invoke", "build")
    assert built.returncode == 0, built.stderr
    html = (repo / "output" / "posts" / "jdoe-deepchecks" / "index.html").read_text("utf-8")
    assert "draft-banner" not in html and "data-pagefind-body" in html
    assert "jdoe-deepchecks" in (repo / "output" / "feeds" / "all.atom.xml").read_text("utf-8")


def test_instructor_imports_twice_builds_reports_and_publishes(tmp_path: Path) -> None:
    repo = fresh_copy(tmp_path / "course")
    shipped = (repo / "content" / "prior" / "2020-2022.yaml").read_text(encoding="utf-8")

    # The same handout again under its label changes nothing.
    handout = tmp_path / "assignment-handout.md"
    shutil.copy(PRIOR_LINKS, handout)
    again = run(repo, "anthology", "import-prior", str(handout), "--semester", "2020-2022")
    assert again.returncode == 0, again.stderr
    assert "0 added" in again.stdout and "106 unchanged" in again.stdout
    assert (repo / "content" / "prior" / "2020-2022.yaml").read_text(encoding="utf-8") == shipped

    # A new semester's handout re-lists every earlier link and adds two.
    handout = tmp_path / "handout-2025.md"
    handout.write_text(
        PRIOR_LINKS.read_text(encoding="utf-8")
        + "- [Evidently](https://blog.example.org/evidently-drift)\n"
        + "- [NannyML](https://blog.example.org/nannyml-estimates)\n",
        encoding="utf-8",
    )
    second = run(repo, "anthology", "import-prior", str(handout), "--semester", "S2025-test")
    assert second.returncode == 0, second.stderr
    assert "2 added" in second.stdout and "106 already in 2020-2022" in second.stdout

    # A file with no link list is refused and writes nothing.
    readme = tmp_path / "README.md"
    readme.write_text("# Notes\n\nBuilt with [Pelican](https://getpelican.com).\n", "utf-8")
    refused = run(repo, "anthology", "import-prior", str(readme), "--semester", "X")
    assert refused.returncode == 2 and "no list of earlier posts found" in refused.stderr
    assert not (repo / "content" / "prior" / "x.yaml").exists()

    built = run(repo, "invoke", "build")
    assert built.returncode == 0, built.stderr
    stubs = list((repo / "output" / "earlier").glob("*/index.html"))
    assert len(stubs) == 108
    assert any("evidently" in stub.parent.name for stub in stubs)

    # The report without a roster says so, and explains on-time and bulk imports.
    report = run(repo, "anthology", "report")
    assert report.returncode == 0, report.stderr
    assert "no roster found at private/roster.csv" in report.stdout
    assert "commit that first added the file to main" in report.stdout
    assert "bulk commit" in report.stdout
    with (repo / "reports" / "gradebook.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    published = [row for row in rows if row.get("status") == "published"]
    assert published and all(row["post added in bulk"].startswith("yes: ") for row in published)

    # Publishing needs the site's address; without it nothing is touched.
    before = {p: p.stat().st_mtime for p in (repo / "output").rglob("index.html")}
    refused = run(repo, "invoke", "publish")
    assert refused.returncode == 1 and "publish refused: SITEURL is not set" in refused.stderr
    assert {p: p.stat().st_mtime for p in (repo / "output").rglob("index.html")} == before

    published_run = run(
        repo, "invoke", "publish", env={"SITEURL": "https://staff.example.github.io/anthology"}
    )
    assert published_run.returncode == 0, published_run.stderr[-2000:]
    assert "link check:" in published_run.stdout and "0 errors found" in published_run.stdout
    feed = (repo / "output" / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "https://staff.example.github.io/anthology/posts/" in feed and "localhost" not in feed

    # The dev server answers an unknown path with the site's 404 page.
    port = free_port()
    with server(repo, "serve", "--port", str(port)) as process:
        home = f"http://127.0.0.1:{port}/"
        wait_until(lambda: fetch(home)[0] == 200, "the dev server", process)
        status, html = fetch(f"http://127.0.0.1:{port}/no/such/page/")
        assert status == 404 and "Page not found" in html
