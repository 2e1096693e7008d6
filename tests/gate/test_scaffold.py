"""`anthology claim` and `anthology new`: what they write and when they refuse."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .conftest import Runner


def scaffold(run: Runner, content: Path, command: str, *args: str) -> tuple[int, str, str]:
    return run(
        "--content",
        str(content),
        command,
        "--author-id",
        "ghopper",
        "--name",
        "Grace Hopper",
        *args,
    )


def test_claim_writes_a_stub_that_passes_the_check(content: Path, run: Runner) -> None:
    code, out, _err = scaffold(run, content, "claim", "--tool", "dagster")
    path = content / "posts" / "F2026" / "ghopper-dagster.md"
    assert code == 0 and "Wrote content/posts/F2026/ghopper-dagster.md" in out
    text = path.read_text(encoding="utf-8")
    assert 'tool: "Dagster"' in text and "status: claimed" in text
    assert "category: pipeline-automation" in text and f"date: {date.today()}" in text
    assert run("--content", str(content), "check", "--strict", str(path))[0] == 0


def test_new_writes_the_required_sections(content: Path, run: Runner) -> None:
    code, _out, _err = scaffold(
        run, content, "new", "--tool", "Label Studio and Cleanlab", "--title", "Fixing labels"
    )
    text = (content / "posts" / "F2026" / "fixing-labels.md").read_text(encoding="utf-8")
    assert code == 0
    assert 'tool: ["Label Studio", "Cleanlab"]' in text and "status: draft" in text
    for heading in (
        "## The problem the tool addresses",
        "## Strengths and limitations",
        "## How the tool helps, with examples from the movie-streaming scenario",
    ):
        assert heading in text
    assert "evidence:" in text
    _code, out, _err = run(
        "--content",
        str(content),
        "check",
        "--format",
        "json",
        str(content / "posts" / "F2026" / "fixing-labels.md"),
    )
    found = json.loads(out)["findings"]
    empty = [f for f in found if f["rule"] == "section-missing"]
    # the scaffold's headings are recognised, but an empty heading is never a section
    assert len(empty) == 3 and all("has no text under it" in f["message"] for f in empty)
    assert all(f["severity"] == "warning" for f in empty)  # a draft: warnings until published
    assert "evidence-missing" in {f["rule"] for f in found}


def test_claimed_tool_is_refused(content: Path, run: Runner) -> None:
    code, _out, err = scaffold(run, content, "claim", "--tool", "KServe")
    assert code == 1
    assert "already claimed this semester by content/posts/F2026/holder-kserve.md" in err
    assert not (content / "posts" / "F2026" / "ghopper-kserve.md").exists()


def test_own_claim_is_recognised(content: Path, run: Runner) -> None:
    assert scaffold(run, content, "claim", "--tool", "Dagster")[0] == 0
    code, _out, err = scaffold(run, content, "new", "--tool", "Dagster", "--title", "Other")
    assert code == 1 and "you already claimed Dagster" in err


def test_previously_covered_tool_is_marked(content: Path, run: Runner) -> None:
    code, out, _err = scaffold(run, content, "claim", "--tool", "mlflow")
    text = (content / "posts" / "F2026" / "ghopper-mlflow.md").read_text(encoding="utf-8")
    assert code == 0 and "https://example.org/prior/mlflow-tracking" in out
    assert "previously_covered: true" in text and "# added_value:" in text


def test_unknown_tool_is_allowed_with_a_suggestion(content: Path, run: Runner) -> None:
    code, _out, err = scaffold(
        run, content, "claim", "--tool", "Dagsterr", "--category", "pipeline-automation"
    )
    assert code == 0 and "Did you mean Dagster?" in err


def test_existing_file_is_never_overwritten(content: Path, run: Runner) -> None:
    assert scaffold(run, content, "claim", "--tool", "Pandera", "--title", "Same")[0] == 0
    path = content / "posts" / "F2026" / "same.md"
    before = path.read_text(encoding="utf-8")
    code, _out, err = scaffold(run, content, "claim", "--tool", "Polars", "--title", "Same")
    assert code == 1 and "not overwritten" in err
    assert path.read_text(encoding="utf-8") == before


def test_usage_problems_exit_2(content: Path, run: Runner) -> None:
    assert scaffold(run, content, "claim", "--tool", "Dagster", "--category", "nope")[0] == 2
    assert scaffold(run, content, "claim", "--tool", "Brand New Tool")[0] == 2  # no category
    assert scaffold(run, content, "claim", "--tool", "Dagster", "--option", "essay")[0] == 2


def test_claim_on_an_earlier_covered_tool_passes_with_a_notice(content: Path, run: Runner) -> None:
    assert scaffold(run, content, "claim", "--tool", "MLflow")[0] == 0
    stub = content / "posts" / "F2026" / "ghopper-mlflow.md"
    code, out, _err = run("--content", str(content), "check", str(stub))
    assert code == 0, out
    assert "added-value-too-short" in out and "claimed: an error once published" in out
    assert run("--content", str(content), "check", "--strict", str(stub))[0] == 1


APP_OPTION = """
  - id: app
    name: Analyse an open-source application
    needs_tool: false
    required_sections:
      - id: purpose
        name: Purpose of the application
        keywords: [purpose]
        min_words: 10
    scenario_keywords: [rides]
"""


def test_new_for_an_option_without_a_tool(content: Path, run: Runner) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    course.write_text(text.replace("\noptions:\n", "\noptions:" + APP_OPTION, 1), encoding="utf-8")
    code, _out, err = scaffold(run, content, "new", "--option", "app", "--category", "testing")
    assert code == 0, err
    written = content / "posts" / "F2026" / "ghopper-app.md"
    post = written.read_text(encoding="utf-8")
    assert "tool:" not in post and "option: app" in post
    assert "## Purpose of the application" in post
    code, _out, err = scaffold(run, content, "claim", "--option", "app", "--category", "testing")
    assert code != 0 and "nothing to claim" in err
    code, _out, err = scaffold(run, content, "new", "--option", "tool", "--title", "No tool")
    assert code != 0 and "--tool is missing" in err
