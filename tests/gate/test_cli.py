"""`anthology check` end to end: exit codes, output formats, git-aware selection and claims."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import HERE, Runner, add_post

GOOD = HERE / "good"
BAD = HERE / "bad"
WORKFLOW_COMMAND = re.compile(
    r"^::(error|warning) file=[^,:]+(,line=\d+(,col=\d+)?)?,title=[a-z-]+::[^\r\n]+$"
)


def check(run: Runner, content: Path, *args: str) -> tuple[int, str, str]:
    return run("--content", str(content), "check", *args)


def git(repo: Path, *args: str, when: str = "2026-10-01T12:00:00+00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def repo(content: Path) -> Path:
    """The content folder's parent as a git repository with one commit on `main`."""
    root = content.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base", when="2026-09-01T12:00:00+00:00")
    return root


def claim(content: Path, name: str, tool: str, author: str, when: str) -> Path:
    path = content / "posts" / "F2026" / name
    path.write_text(
        f'---\ntitle: "Claimed: {tool}"\nauthors:\n  - name: {author}\n    id: {author.lower()}\n'
        f"semester: F2026\ntool: {tool}\ncategory: pipeline-automation\noption: tool\n"
        f"previously_covered: false\nstatus: claimed\ndate: {when}\n---\n",
        encoding="utf-8",
    )
    return path


# -- exit codes ---------------------------------------------------------------------------


def test_clean_post_exits_0(content: Path, run: Runner) -> None:
    post = add_post(content, GOOD / "two-authors.md")
    code, out, _err = check(run, content, str(post))
    assert code == 0
    assert "0 errors, 0 warnings" in out


def test_errors_exit_1(content: Path, run: Runner) -> None:
    post = add_post(content, BAD / "link-broken.md")
    code, out, _err = check(run, content, str(post))
    assert code == 1
    assert "[link-broken]" in out and "    fix: " in out


def test_warnings_pass_unless_strict(content: Path, run: Runner) -> None:
    post = add_post(content, BAD / "claim-unregistered.md")
    assert check(run, content, str(post))[0] == 0
    assert check(run, content, "--strict", str(post))[0] == 1


@pytest.mark.parametrize("problem", ["missing-path", "no-course", "bad-course", "both"])
def test_usage_and_configuration_problems_exit_2(
    problem: str, content: Path, run: Runner, tmp_path: Path
) -> None:
    args: list[str] = []
    if problem == "missing-path":
        args = [str(content / "posts" / "nope.md")]
    elif problem == "no-course":
        (content / "course.yaml").unlink()
    elif problem == "bad-course":
        (content / "course.yaml").write_text("course: [unclosed\n", encoding="utf-8")
    else:
        args = ["--changed-since", "HEAD", str(content)]
    code, out, err = check(run, content, *args)
    assert code == 2
    assert err.strip() and "Traceback" not in out + err


def test_default_checks_all_posts_and_pages(content: Path, run: Runner) -> None:
    code, out, _err = check(run, content, "--format", "json")
    summary = json.loads(out)["summary"]
    assert summary["files_checked"] == 3  # two base posts and the about page
    assert code == 1  # the short base post of an earlier semester has findings


def test_folder_argument_checks_every_post_in_it(content: Path, run: Runner) -> None:
    add_post(content, GOOD / "claim.md")
    code, out, _err = check(run, content, "--format", "json", str(content / "posts" / "F2026"))
    assert json.loads(out)["summary"]["files_checked"] == 2
    assert code == 0


# -- formats ------------------------------------------------------------------------------


def test_json_format(content: Path, run: Runner) -> None:
    post = add_post(content, BAD / "html-script.md")
    _code, out, _err = check(run, content, "--format", "json", str(post))
    data = json.loads(out)
    assert data["summary"]["errors"] == 1 and data["summary"]["passed"] is False
    finding = data["findings"][0]
    assert {"rule", "severity", "path", "line", "column", "message", "fix", "rubric"} <= set(
        finding
    )


def test_github_format_is_workflow_commands(content: Path, run: Runner) -> None:
    posts = [
        add_post(content, BAD / name)
        for name in ("html-script.md", "prose-acronym.md", "fm-unknown-key.md")
    ]
    _code, out, _err = check(run, content, "--format", "github", *map(str, posts))
    lines = out.strip().splitlines()
    assert len(lines) == 5  # four findings and the summary
    for line in lines[:-1]:
        assert WORKFLOW_COMMAND.match(line), line
    assert "::warning " in out and "title=prose-acronym" in out


def test_markdown_format_maps_findings_to_the_rubric(content: Path, run: Runner) -> None:
    post = add_post(content, BAD / "scenario-missing.md")
    _code, out, _err = check(run, content, "--format", "markdown", str(post))
    assert "| Rubric line | Points | Status | Findings |" in out
    scenario_row = next(line for line in out.splitlines() if line.startswith("| **scenario**"))
    assert "❌" in scenario_row and "scenario-missing" in scenario_row
    assert "| **comments**" in out and "not checked" in out


def test_text_format_groups_by_file(content: Path, run: Runner) -> None:
    first = add_post(content, BAD / "link-broken.md")
    second = add_post(content, BAD / "html-script.md")
    _code, out, _err = check(run, content, str(first), str(second))
    blocks = out.strip().split("\n\n")
    assert len(blocks) == 3
    assert blocks[0].startswith("content/posts/F2026/html-script.md:")
    assert blocks[-1] == "2 files checked: 2 errors, 0 warnings (in 2 files)"


# -- --changed-since ----------------------------------------------------------------------


def test_changed_since_checks_only_changed_posts(repo: Path, content: Path, run: Runner) -> None:
    git(repo, "checkout", "-q", "-b", "pull-request")
    committed = add_post(content, GOOD / "claim.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "claim", when="2026-10-02T12:00:00+00:00")
    add_post(content, BAD / "link-broken.md")  # untracked
    code, out, _err = check(run, content, "--format", "json", "--changed-since", "main")
    data = json.loads(out)
    assert data["summary"]["files_checked"] == 2
    assert {f["path"] for f in data["findings"]} == {"content/posts/F2026/link-broken.md"}
    assert code == 1
    assert committed.exists()


def test_an_instructors_configuration_change_checks_everything(
    repo: Path, content: Path, run: Runner
) -> None:
    tools = content / "tools.yaml"
    tools.write_text(tools.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    args = ("--format", "json", "--changed-since", "HEAD", "--instructor")
    _code, out, _err = check(run, content, *args)
    assert json.loads(out)["summary"]["files_checked"] == 3


def test_a_students_configuration_change_is_refused_and_not_used(
    repo: Path, content: Path, run: Runner
) -> None:
    course = content / "course.yaml"
    course.write_text(course.read_text(encoding="utf-8") + "\nextra: 1\n", encoding="utf-8")
    code, out, _err = check(run, content, "--format", "json", "--changed-since", "HEAD")
    data = json.loads(out)
    assert code == 1 and data["summary"]["files_checked"] == 0
    assert [(f["rule"], f["path"]) for f in data["findings"]] == [
        ("scope-protected", "content/course.yaml")
    ]


def test_changed_since_with_nothing_changed(repo: Path, content: Path, run: Runner) -> None:
    code, out, _err = check(run, content, "--format", "json", "--changed-since", "HEAD")
    assert code == 0 and json.loads(out)["summary"]["files_checked"] == 0


def test_changed_since_unknown_ref_exits_2(repo: Path, content: Path, run: Runner) -> None:
    code, _out, err = check(run, content, "--changed-since", "no-such-branch")
    assert code == 2 and "no-such-branch" in err


def test_changed_since_outside_git_exits_2(content: Path, run: Runner) -> None:
    shutil.rmtree(content.parent / ".git", ignore_errors=True)
    code, _out, err = check(run, content, "--changed-since", "main")
    assert code == 2 and "git" in err


# -- uniqueness decided by git history ----------------------------------------------------


def test_first_post_added_on_the_branch_keeps_the_claim(
    repo: Path, content: Path, run: Runner
) -> None:
    # The later commit carries the earlier front-matter date: git history decides, not `date`.
    first = claim(content, "first.md", "Dagster", "Ada", "2026-10-05")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first", when="2026-10-03T09:00:00+00:00")
    second = claim(content, "second.md", "Dagster", "Bob", "2026-10-01")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second", when="2026-10-04T09:00:00+00:00")
    code, out, _err = check(run, content, "--format", "json", str(first), str(second))
    claimed = [f for f in json.loads(out)["findings"] if f["rule"] == "tool-claimed"]
    assert code == 1
    assert [f["path"] for f in claimed] == ["content/posts/F2026/second.md"]
    assert claimed[0]["message"].endswith(
        "content/posts/F2026/first.md (Ada, on main since 2026-10-03), before this claim in "
        "content/posts/F2026/second.md (Bob, on main since 2026-10-04)"
    )


def test_post_in_the_pull_request_loses_to_one_on_main(
    repo: Path, content: Path, run: Runner
) -> None:
    git(repo, "checkout", "-q", "-b", "pull-request")
    mine = claim(content, "mine.md", "Dagster", "Bob", "2026-09-20")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "mine", when="2026-09-20T09:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    theirs = claim(content, "theirs.md", "Dagster", "Ada", "2026-10-05")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "theirs", when="2026-10-05T09:00:00+00:00")
    git(repo, "checkout", "-q", "pull-request")
    git(repo, "merge", "-q", "--no-edit", "main", when="2026-10-06T09:00:00+00:00")
    code, out, _err = check(run, content, "--format", "json", "--changed-since", "main")
    findings = json.loads(out)["findings"]
    assert code == 1
    assert [(f["rule"], f["path"]) for f in findings] == [
        ("tool-claimed", "content/posts/F2026/mine.md")
    ]
    assert "theirs.md (Ada, on main since 2026-10-05)" in findings[0]["message"]
    assert mine.exists() and theirs.exists()


def test_uncommitted_post_loses_to_a_committed_one(repo: Path, content: Path, run: Runner) -> None:
    committed = claim(content, "zz-committed.md", "Dagster", "Ada", "2026-10-09")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "claim")
    fresh = claim(content, "aa-fresh.md", "Dagster", "Bob", "2026-09-01")
    _code, out, _err = check(run, content, "--format", "json", str(fresh), str(committed))
    claimed = [f["path"] for f in json.loads(out)["findings"] if f["rule"] == "tool-claimed"]
    assert claimed == ["content/posts/F2026/aa-fresh.md"]


def test_a_draft_lacking_sections_warns_until_published(content: Path, run: Runner) -> None:
    post = content / "posts" / "F2026" / "half-written.md"
    post.write_text(
        "---\ntitle: Half written\nauthors: [{name: Ada Lovelace, id: alovelace}]\n"
        "semester: F2026\ntool: Evidently\ncategory: mlops-deployment\noption: tool\n"
        "evidence: [https://github.com/ada/evidently-demo]\nstatus: draft\ndate: 2026-10-05\n"
        "---\n\nAn introduction that is all there is so far.\n",
        encoding="utf-8",
    )
    code, out, _ = run("--content", str(content), "check", str(post))
    assert code == 0
    assert "section-missing" in out and "draft: an error once published" in out
    assert run("--content", str(content), "check", "--strict", str(post))[0] == 1
    post.write_text(
        post.read_text(encoding="utf-8").replace("status: draft", "status: published"),
        encoding="utf-8",
    )
    code, out, _ = run("--content", str(content), "check", str(post))
    assert code == 1 and "error" in out and "section-missing" in out
