"""Claims end to end: `anthology claim`, the pull-request check, changing a claim, and two
claims on one tool that reach main together (merge order decides, both are named)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Runner
from .test_cli import git

STUB_RULES = {
    "placement",
    "post names",
    "front matter",
    "uniqueness",
    "previously covered",
    "tool names",
}


@pytest.fixture
def repo(content: Path) -> Path:
    root = content.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base", when="2026-09-01T12:00:00+00:00")
    return root


def claim(run: Runner, content: Path, tool: str, author: str) -> tuple[int, str, str]:
    return run(
        "--content", str(content), "claim", "--tool", tool, "--author-id", author, "--name", author
    )


def check(run: Runner, content: Path, *args: str) -> tuple[int, list[dict]]:
    code, out, err = run("--content", str(content), "check", "--format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)["findings"]


def commit(root: Path, message: str, when: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def merge(root: Path, branch: str, when: str) -> None:
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "--no-edit", branch, when=when)


def test_stubs_get_only_the_claim_rules() -> None:
    from anthology.gate.context import STUB
    from anthology.gate.rules import RULES

    assert {rule.name for rule in RULES if STUB in rule.kinds} == STUB_RULES


def test_a_pull_request_with_only_a_stub_passes(repo: Path, content: Path, run: Runner) -> None:
    git(repo, "checkout", "-q", "-b", "claim-dagster")
    code, out, _err = claim(run, content, "Dagster", "ghopper")
    assert code == 0 and "Wrote content/posts/F2026/ghopper-dagster.md" in out
    commit(repo, "Claim Dagster", "2026-10-02T09:00:00+00:00")
    code, findings = check(run, content, "--strict", "--changed-since", "main")
    assert (code, findings) == (0, [])


def test_a_claim_on_an_earlier_covered_tool_is_reminded_of_its_added_value(
    content: Path, run: Runner
) -> None:
    code, out, _err = claim(run, content, "MLflow", "ghopper")
    assert code == 0 and "before you publish, write `added_value`" in out
    stub = content / "posts" / "F2026" / "ghopper-mlflow.md"
    assert [f["rule"] for f in check(run, content, str(stub))[1]] == ["added-value-too-short"]
    value = " ".join(["Model registry stages and rollbacks, which the earlier post skipped."] * 4)
    stub.write_text(
        stub.read_text(encoding="utf-8").replace(
            "status: claimed", f"added_value: {value}\nstatus: claimed"
        ),
        encoding="utf-8",
    )
    assert check(run, content, "--strict", str(stub)) == (0, [])


def test_claims_of_two_students_never_touch_the_same_file(
    repo: Path, content: Path, run: Runner
) -> None:
    for branch, tool, author, when in (
        ("ada", "Dagster", "alovelace", "2026-10-02T09:00:00+00:00"),
        ("bob", "Evidently", "bbaker", "2026-10-02T09:05:00+00:00"),
    ):
        git(repo, "checkout", "-q", "-b", branch, "main")
        assert claim(run, content, tool, author)[0] == 0
        commit(repo, f"Claim {tool}", when)
    merge(repo, "ada", "2026-10-02T10:00:00+00:00")
    merge(repo, "bob", "2026-10-02T10:01:00+00:00")  # raises on a conflict
    stubs = sorted(p.name for p in (content / "posts" / "F2026").glob("*.md"))
    assert stubs == ["alovelace-dagster.md", "bbaker-evidently.md", "holder-kserve.md"]
    assert check(run, content, str(content / "posts" / "F2026")) == (0, [])


def test_changing_a_claim_frees_the_old_tool(repo: Path, content: Path, run: Runner) -> None:
    assert claim(run, content, "Dagster", "alovelace")[0] == 0
    commit(repo, "Claim Dagster", "2026-10-02T09:00:00+00:00")
    assert claim(run, content, "Dagster", "bbaker")[0] == 1  # taken
    stub = content / "posts" / "F2026" / "alovelace-dagster.md"
    stub.write_text(
        stub.read_text(encoding="utf-8").replace('tool: "Dagster"', 'tool: "Evidently"'),
        encoding="utf-8",
    )
    commit(repo, "Claim Evidently instead", "2026-10-03T09:00:00+00:00")
    assert claim(run, content, "Dagster", "bbaker")[0] == 0
    assert claim(run, content, "Evidently", "cclark")[0] == 1
    assert check(run, content, str(content / "posts" / "F2026")) == (0, [])


def test_two_claims_reaching_main_together_fail_in_merge_order(
    repo: Path, content: Path, run: Runner
) -> None:
    # Bob commits first, but Ada's pull request is merged first: merge order decides.
    git(repo, "checkout", "-q", "-b", "bob")
    assert claim(run, content, "Dagster", "bbaker")[0] == 0
    commit(repo, "Claim Dagster", "2026-10-02T08:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "ada", "main")
    assert claim(run, content, "Dagster", "alovelace")[0] == 0
    commit(repo, "Claim Dagster", "2026-10-02T09:00:00+00:00")
    for branch in ("ada", "bob"):  # each pull request alone passes its check
        git(repo, "checkout", "-q", branch)
        assert check(run, content, "--changed-since", "main") == (0, [])
    merge(repo, "ada", "2026-10-03T10:00:00+00:00")
    merge(repo, "bob", "2026-10-03T10:00:00+00:00")  # the same second: order still holds
    code, findings = check(run, content)  # what the publish workflow runs on main
    claimed = [f for f in findings if f["rule"] == "tool-claimed"]
    assert code == 1
    assert [f["path"] for f in claimed] == ["content/posts/F2026/bbaker-dagster.md"]
    message = claimed[0]["message"]
    first = message.index("content/posts/F2026/alovelace-dagster.md (alovelace, on main since")
    second = message.index("content/posts/F2026/bbaker-dagster.md (bbaker, on main since")
    assert first < second
    assert "on main since 2026-10-03" in message


def test_github_format_names_both_claims_for_the_publish_workflow(
    repo: Path, content: Path, run: Runner
) -> None:
    for name, author, when in (
        ("ada", "alovelace", "2026-10-02T09:00:00+00:00"),
        ("bob", "bbaker", "2026-10-02T09:30:00+00:00"),
    ):
        git(repo, "checkout", "-q", "-b", name, "main")
        assert claim(run, content, "Dagster", author)[0] == 0
        commit(repo, "Claim Dagster", when)
    merge(repo, "ada", "2026-10-03T10:00:00+00:00")
    merge(repo, "bob", "2026-10-03T11:00:00+00:00")
    code, out, _err = run("--content", str(content), "check", "--format", "github")
    (line,) = [line for line in out.splitlines() if "title=tool-claimed" in line]
    assert code == 1
    assert line.startswith("::error file=content/posts/F2026/bbaker-dagster.md,line=")
    assert line.index("alovelace-dagster.md") < line.index("bbaker-dagster.md (bbaker")
