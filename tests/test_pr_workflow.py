"""The pull-request workflow, run as GitHub runs it: the base's gate decides.

A repository is built in tmp_path from this project's own gate and configuration. A pull
request weakens `anthology/gate/` (the command always says "fine", no rule runs) and
claims a tool another student holds. The gate job of `.github/workflows/pr.yml` is then
executed step by step: its `run:` scripts verbatim, in bash, with the `${{ }}` values
GitHub would give them, in a workspace holding GitHub's merge of the pull request as
`pr/`. The verdict is the base's: exit 1, naming the taken tool and the edited gate. Run
from the pull request's own tree, the same command says "fine", which is what the
workflow must never do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .gate.test_cli import git

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pr.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
WEAKENED_COMMAND = """

def run_check(args):  # the pull request's gate: everything passes
    return 0
"""


def stub(content: Path, name: str, tool: str, author: str) -> None:
    (content / "posts" / "F2026" / name).write_text(
        f'---\ntitle: "Claimed: {tool}"\nauthors:\n  - name: {author.title()}\n'
        f"    id: {author}\nsemester: F2026\ntool: {tool}\ncategory: pipeline-automation\n"
        "option: tool\nprevious" + "ly_covered: false\nstatus: claimed\ndate: 2026-10-02\n---\n",
        encoding="utf-8",
    )


def make_origin(origin: Path) -> None:
    """`main` with this project's gate and configuration; `pr` weakens the gate."""
    shutil.copytree(
        ROOT / "anthology", origin / "anthology", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, origin / name)
    content = origin / "content"
    (content / "posts" / "F2026").mkdir(parents=True)
    for name in ("course.yaml", "tools.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    shutil.copytree(ROOT / "content" / "prior", content / "prior")
    stub(content, "ada-dagster.md", "Dagster", "ada")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "base", when="2026-09-01T12:00:00+00:00")
    git(origin, "checkout", "-q", "-b", "pr")
    command = origin / "anthology" / "gate" / "command.py"
    command.write_text(command.read_text(encoding="utf-8") + WEAKENED_COMMAND, encoding="utf-8")
    rules = origin / "anthology" / "gate" / "rules" / "__init__.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\nRULES = ()\n", encoding="utf-8")
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("min_words: 80", "min_words: 1"),
        encoding="utf-8",
    )
    stub(content, "mallory-dagster.md", "Dagster", "mallory")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "my post", when="2026-10-02T12:00:00+00:00")


def checkout_like_github(origin: Path, workspace: Path) -> Path:
    """`actions/checkout` of a pull_request event: GitHub's merge of the PR into its base."""
    pr = workspace / "pr"
    git(workspace, "clone", "-q", str(origin), str(pr))
    git(pr, "checkout", "-q", "-b", "pull/1/merge", "origin/main")
    git(pr, "merge", "-q", "--no-ff", "-m", "Merge pr into main", "origin/pr")
    return pr


class Runner:
    """Runs a job's steps the way the Actions runner does, for the expressions used here."""

    def __init__(self, workspace: Path, temp: Path, event: dict[str, str]):
        self.workspace = workspace
        self.temp = temp
        self.event = event
        self.outputs: dict[str, dict[str, str]] = {}
        self.outcomes: dict[str, str] = {}
        self.summary = temp / "summary.md"
        self.logs: dict[str, subprocess.CompletedProcess[str]] = {}

    def value(self, expression: str) -> str:
        step = re.fullmatch(r"steps\.(\w+)\.outputs\.(\w+)", expression)
        if step:
            return self.outputs.get(step[1], {}).get(step[2], "")
        return self.event[expression]  # KeyError: an expression this simulation lacks

    def condition(self, text: str | None) -> bool:
        if text is None:
            return all(outcome == "success" for outcome in self.outcomes.values())
        inner = EXPRESSION.fullmatch(text.strip())
        code = inner[1] if inner else text
        code = re.sub(r"always\(\)", "True", code)
        code = re.sub(r"!cancelled\(\)", "True", code)
        code = re.sub(
            r"steps\.(\w+)\.outcome", lambda m: repr(self.outcomes.get(m[1], "skipped")), code
        )
        code = code.replace("&&", " and ").replace("||", " or ")
        return bool(eval(code, {"__builtins__": {}}))  # only the forms replaced above remain

    def run(self, step: dict[str, Any]) -> None:
        name = step["name"]
        if not self.condition(step.get("if")):
            return
        output = self.temp / f"output-{len(self.logs)}"
        output.write_text("", encoding="utf-8")
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "GITHUB_WORKSPACE": str(self.workspace),
            "RUNNER_TEMP": str(self.temp),
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(self.summary),
        }
        env.pop("PYTHONPATH", None)
        for key, raw in (step.get("env") or {}).items():
            env[key] = EXPRESSION.sub(lambda m: self.value(m[1]), str(raw))
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        self.logs[name] = done
        if "id" in step:
            self.outcomes[step["id"]] = "success" if done.returncode == 0 else "failure"
            pairs = output.read_text(encoding="utf-8").splitlines()
            self.outputs[step["id"]] = dict(line.split("=", 1) for line in pairs if "=" in line)
        if done.returncode != 0 and not step.get("continue-on-error"):
            self.outcomes.setdefault(f"_{name}", "failure")


def test_a_pull_request_that_weakens_the_gate_gets_the_bases_verdict(tmp_path: Path) -> None:
    origin, workspace, temp = tmp_path / "origin", tmp_path / "ws", tmp_path / "runner"
    for folder in (origin, workspace, temp):
        folder.mkdir()
    make_origin(origin)
    pr = checkout_like_github(origin, workspace)
    event = {
        "github.event_name": "pull_request",
        "github.event.merge_group.base_sha": "",
        "contains(github.event.pull_request.labels.*.name, 'instructor')": "false",
        "github.event.pull_request.user.login": "mallory-gh",
    }
    runner = Runner(workspace, temp, event)
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["gate"]["steps"]
    for step in steps:
        if "uses" in step:
            continue  # checkout: done above; setup-python: this interpreter
        if step["name"] == "Install the base's gate":
            # Installing would replace the package under test in this environment. The
            # steps after it import the base's tree through PYTHONPATH in any case.
            assert step["run"].splitlines() == [
                'python -m pip install --require-hashes -r "$BASE_TREE/requirements/runtime.txt"',
                'python -m pip install --no-deps "$BASE_TREE"',
            ]
            continue
        runner.run(step)

    base_sha = git(pr, "rev-parse", "origin/main").strip()
    assert runner.outputs["base"] == {"sha": base_sha, "tree": str(temp / "base")}
    assert (temp / "base" / "anthology" / "gate" / "command.py").read_text(encoding="utf-8") == (
        ROOT / "anthology" / "gate" / "command.py"
    ).read_text(encoding="utf-8")

    gate = runner.logs["Check the pull request with the base's gate"]
    assert runner.outcomes["gate"] == "failure" and gate.returncode == 1, gate.stderr
    lines = gate.stdout.splitlines()
    assert any(
        line.startswith("::error file=content/posts/F2026/mallory-dagster.md,")
        and "title=tool-claimed" in line
        for line in lines
    ), gate.stdout
    for edited in (
        "anthology/gate/command.py",
        "anthology/gate/rules/__init__.py",
        "content/course.yaml",
    ):
        assert any(
            line.startswith(f"::error file={edited}") and "title=scope-protected" in line
            for line in lines
        ), gate.stdout
    assert "tool-claimed" in runner.summary.read_text(encoding="utf-8")
    failed = runner.logs["Fail if the post check found problems"]
    assert failed.returncode == 1  # the job fails

    # The control: the pull request's own gate would have let itself through.
    own = subprocess.run(
        [sys.executable, "-P", "-m", "anthology", "--content", "pr/content", "check"],
        cwd=workspace,
        env={**os.environ, "PYTHONPATH": str(pr)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert own.returncode == 0, own.stdout + own.stderr
