"""`anthology claim` and `anthology new`: what they write and when they refuse."""

from __future__ import annotations

import json
from datetime import date, timedelta
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
    # today's date, or yesterday's when the stub was written just before midnight
    dated = {f"date: {day}" for day in (date.today(), date.today() - timedelta(days=1))}
    assert "category: pipeline-automation" in text and any(d in text for d in dated)
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


def test_new_on_own_claim_turns_the_stub_into_a_draft(content: Path, run: Runner) -> None:
    assert scaffold(run, content, "claim", "--tool", "Dagster")[0] == 0
    stub = content / "posts" / "F2026" / "ghopper-dagster.md"
    # The student adds a tag and a first paragraph to the claim before writing.
    text = stub.read_text(encoding="utf-8").replace(
        "status: claimed", "tags: [orchestration]\nstatus: claimed"
    )
    stub.write_text(text + "\nDagster runs our nightly retraining.\n", encoding="utf-8")
    code, out, err = scaffold(run, content, "new", "--tool", "Dagster", "--title", "Other")
    assert code == 0, err
    assert "Turned your claim content/posts/F2026/ghopper-dagster.md into a draft" in out
    assert "status: published" in out and "invoke livereload" in out
    assert not (content / "posts" / "F2026" / "other.md").exists()
    draft = stub.read_text(encoding="utf-8")
    front, body = draft.split("\n---\n", 1)
    assert "status: draft" in front and "status: claimed" not in front
    assert "tags: [orchestration]" in front and "evidence:" in front and "format: article" in front
    assert front.count("title:") == 1 and front.count("tool:") == 1
    assert "Dagster runs our nightly retraining." in body
    for heading in (
        "## The problem the tool addresses",
        "## Strengths and limitations",
        "## How the tool helps, with examples from the movie-streaming scenario",
    ):
        assert body.count(heading) == 1
    code, out, _err = run("--content", str(content), "check", str(stub))
    assert code == 0 and out.splitlines()[-1].startswith(
        "Draft: when it is ready, set `status: published`"
    )
    # Running it again neither duplicates headings nor writes another file.
    code, _out, err = scaffold(run, content, "new", "--tool", "Dagster")
    assert code == 1 and "keep writing there" in err
    assert stub.read_text(encoding="utf-8") == draft


def test_new_keeps_headings_the_claim_already_has(content: Path, run: Runner) -> None:
    assert scaffold(run, content, "claim", "--tool", "Polars")[0] == 0
    stub = content / "posts" / "F2026" / "ghopper-polars.md"
    stub.write_text(
        stub.read_text(encoding="utf-8") + "\n## Why we needed it\n\nSlow joins.\n",
        encoding="utf-8",
    )
    assert scaffold(run, content, "new", "--tool", "Polars")[0] == 0
    body = stub.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "## Why we needed it" in body and "## The problem the tool addresses" not in body
    assert "## Strengths and limitations" in body


def test_previously_covered_tool_is_marked(content: Path, run: Runner) -> None:
    code, out, _err = scaffold(run, content, "claim", "--tool", "mlflow")
    text = (content / "posts" / "F2026" / "ghopper-mlflow.md").read_text(encoding="utf-8")
    assert code == 0 and "https://example.org/prior/mlflow-tracking" in out
    assert "previously_covered: true" in text and "# added_value:" in text


def test_name_close_to_a_known_tool_is_refused_unless_new(content: Path, run: Runner) -> None:
    code, _out, err = scaffold(
        run, content, "claim", "--tool", "Dagsterr", "--category", "pipeline-automation"
    )
    assert code == 1 and 'Did you mean --tool "Dagster"?' in err and "--new-tool" in err
    assert not list((content / "posts" / "F2026").glob("ghopper-*.md"))
    code, _out, err = scaffold(
        run,
        content,
        "claim",
        "--tool",
        "Dagsterr",
        "--category",
        "pipeline-automation",
        "--new-tool",
    )
    assert code == 0 and (content / "posts" / "F2026" / "ghopper-dagsterr.md").exists()


def test_name_close_to_an_earlier_posts_tool_is_refused(content: Path, run: Runner) -> None:
    prior = content / "prior" / "older.yaml"
    prior.write_text(
        "semester: 2019\nposts:\n  - name: Quokkaflow\n    tools: [Quokkaflow]\n"
        "    url: https://example.org/quokka\n",
        encoding="utf-8",
    )
    code, _out, err = scaffold(
        run, content, "claim", "--tool", "QuokkaFlo", "--category", "testing"
    )
    assert code == 1 and "Quokkaflow" in err


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
