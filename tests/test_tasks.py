"""Every invoke task answers `--help`, and the tools it runs are the venv's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from invoke import Collection

import tasks

ROOT = Path(__file__).resolve().parent.parent
INVOKE = Path(sys.executable).parent / "invoke"
TASKS = sorted(Collection.from_module(tasks).task_names)


@pytest.mark.parametrize("name", TASKS)
def test_every_task_help_works(name: str) -> None:
    result = subprocess.run(
        [str(INVOKE), "--help", name], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"Usage: inv[oke] [--core-opts] {name}" in result.stdout
    assert "Docstring:" in result.stdout and "none" not in result.stdout.split("Docstring:")[1][:8]


@pytest.mark.parametrize(("name", "needs"), [("claim", "--tool"), ("rollover", "--to")])
def test_missing_arguments_say_what_to_pass(name: str, needs: str) -> None:
    result = subprocess.run(
        [str(INVOKE), name], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert needs in result.stderr and "Traceback" not in result.stderr


def test_lint_uses_the_venvs_ruff_without_an_activated_venv() -> None:
    # PATH without the venv's bin folder, as in a shell where the venv is not activated.
    path = "/usr/bin:/bin"
    result = subprocess.run(
        [str(INVOKE), "lint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": path, "HOME": str(Path.home())},
    )
    assert "command not found" not in result.stderr
    assert "All checks passed!" in result.stdout
