"""Every command and task is documented, and the README states the CI test command."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from invoke import Collection

from anthology.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_anthology_command_is_in_the_readme() -> None:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name in commands.choices:
        assert f"`{name}`" in README, f"`anthology {name}` is not documented in README.md"


def test_every_invoke_task_has_a_docstring_and_is_in_the_readme() -> None:
    import tasks

    collection = Collection.from_module(tasks)
    for name in collection.task_names:
        task = collection[name]
        assert (task.__doc__ or "").strip(), f"invoke {name} has no docstring"
        assert re.search(rf"`(invoke )?{re.escape(name)}[` ]", README), (
            f"invoke {name} is not documented in README.md"
        )


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert "pytest" in command
    assert f"```bash\n{command}\n```" in README
