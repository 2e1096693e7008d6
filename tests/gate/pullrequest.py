"""A pull request on a real git repository: commit to `main`, branch, change, run the gate."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Runner
from .test_cli import git


def start(content: Path) -> Path:
    """Make the content folder's parent a repository with one commit on `main`."""
    root = content.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base", when="2026-09-01T12:00:00+00:00")
    return root


def on_main(content: Path, files: dict[str, str | bytes], when: str) -> None:
    """Commit `files` (paths relative to the content folder) directly on `main`."""
    root = content.parent
    write(content, files)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "on main", when=when)


def write(content: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


def pull_request(
    run: Runner, content: Path, files: dict[str, str | bytes], *extra: str
) -> tuple[int, list[dict]]:
    """Commit `files` on a new branch and run `anthology check --changed-since main`."""
    root = content.parent
    git(root, "checkout", "-q", "-b", "pull-request")
    write(content, files)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "pull request", when="2026-10-10T12:00:00+00:00")
    code, out, err = run(
        "--content", str(content), "check", "--format", "json", "--changed-since", "main", *extra
    )
    assert code in (0, 1), err
    return code, json.loads(out)["findings"]


def rules_on(findings: list[dict], shown: str) -> set[str]:
    """The rule ids of the errors on one file (`content/...`)."""
    return {f["rule"] for f in findings if f["path"] == shown and f["severity"] == "error"}


def claim_text(tool: str, author: str, *, date: str = "2026-10-05", extra: str = "") -> str:
    """A claim stub's text for `tool` by `author` (an id)."""
    return (
        f'---\ntitle: "Claimed: {tool}"\nauthors:\n  - name: {author.title()}\n'
        f"    id: {author}\nsemester: F2026\ntool: {tool}\ncategory: pipeline-automation\n"
        f"option: tool\npreviously_covered: false\nstatus: claimed\ndate: {date}\n{extra}---\n"
    )
