"""The lock files pin every dependency with hashes, and everything that installs uses them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = ROOT / "requirements" / "runtime.txt"
DEV = ROOT / "requirements" / "dev.txt"
WORKFLOWS = ROOT / ".github" / "workflows"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pins(lock: Path) -> dict[str, tuple[str, list[str]]]:
    """name → (version, hashes) of every requirement in a pip-compile lock file."""
    found: dict[str, tuple[str, list[str]]] = {}
    name = ""
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            name = canonicalize_name(match.group(1))
            found[name] = (match.group(2), [])
        elif line.strip().startswith("--hash=sha256:") and name:
            found[name][1].append(line.strip().split(":", 1)[1].rstrip(" \\"))
        elif line.strip() and not line.startswith((" ", "#")):
            pytest.fail(f"{lock.name}: unexpected line {line!r} (only pins with hashes)")
    return found


@pytest.mark.parametrize(
    ("lock", "wanted"),
    [
        (RUNTIME, PYPROJECT["dependencies"]),
        (DEV, PYPROJECT["dependencies"] + PYPROJECT["optional-dependencies"]["dev"]),
    ],
    ids=["runtime", "dev"],
)
def test_every_dependency_is_pinned_within_its_range_with_hashes(
    lock: Path, wanted: list[str]
) -> None:
    pinned = pins(lock)
    for text in wanted:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is missing from {lock.name}: run `invoke lock`"
        version, _ = pinned[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock.name} pins {name}=={version}, outside pyproject's {requirement.specifier}:"
            " run `invoke lock`"
        )
    for name, (version, hashes) in pinned.items():
        assert hashes, f"{name}=={version} in {lock.name} has no hash"
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), name


def test_runtime_and_dev_agree_and_runtime_has_no_test_tools() -> None:
    runtime, dev = pins(RUNTIME), pins(DEV)
    for name, (version, _) in runtime.items():
        assert dev[name][0] == version, f"{name}: {version} at runtime, {dev[name][0]} in dev"
    for tool in ("pytest", "playwright", "ruff", "hypothesis", "zizmor"):
        assert tool in dev and tool not in runtime


def test_the_platform_wheels_of_pagefind_are_all_hashed() -> None:
    """pagefind_bin ships one wheel per platform; a lock made on one machine must still
    install on the others (Linux x86_64 and aarch64 at least), so every file is hashed."""
    _, hashes = pins(RUNTIME)["pagefind-bin"]
    assert len(hashes) >= 4


def _install_steps(workflow: str) -> list[str]:
    document = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return [
        step["run"]
        for job in document["jobs"].values()
        for step in job.get("steps", [])
        if "pip install" in step.get("run", "")
    ]


@pytest.mark.parametrize("workflow", ["pr.yml", "publish.yml", "linkrot.yml"])
def test_workflows_install_only_runtime_dependencies_from_the_lock(workflow: str) -> None:
    """Every install is the runtime lock with hashes, then the project without deps."""
    steps = _install_steps(workflow)
    assert steps
    for run in steps:
        lines = [line.strip() for line in run.strip().splitlines()]
        assert len(lines) == 2, run
        lock = r'("\$BASE_TREE/)?requirements/runtime\.txt"?'
        assert re.fullmatch(rf"python -m pip install --require-hashes -r {lock}", lines[0])
        assert re.fullmatch(r'python -m pip install --no-deps (-e \.|"\$BASE_TREE")', lines[1])


def test_ci_installs_from_the_dev_lock() -> None:
    command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert "--require-hashes -r requirements/dev.txt" in command
    assert "--no-deps -e ." in command
    assert '".[dev]"' not in command


def test_dependabot_proposes_python_updates() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"pip", "github-actions", "npm"} <= ecosystems
