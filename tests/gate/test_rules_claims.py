"""Uniqueness and previously-covered rules over small corpora (no git)."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Runner


def write(
    content: Path,
    name: str,
    tool: str,
    *,
    semester: str = "F2026",
    when: str = "2026-10-01",
    covered: str = "false",
    extra: str = "",
) -> Path:
    path = content / "posts" / semester / name
    path.write_text(
        f'---\ntitle: "Claimed: {tool}"\nauthors:\n  - name: Student {name}\n    id: s{len(name)}\n'
        f"semester: {semester}\ntool: {tool}\ncategory: pipeline-automation\noption: tool\n"
        f"previously_covered: {covered}\n{extra}status: claimed\ndate: {when}\n---\n",
        encoding="utf-8",
    )
    return path


def rules(run: Runner, content: Path, *files: Path) -> list[tuple[str, str]]:
    _code, out, _err = run("--content", str(content), "check", "--format", "json", *map(str, files))
    return [(f["rule"], f["path"].rsplit("/", 1)[-1]) for f in json.loads(out)["findings"]]


def test_alias_and_order_do_not_hide_a_combination_claim(content: Path, run: Runner) -> None:
    first = write(content, "a.md", "[Label Studio, Cleanlab]", when="2026-10-01")
    second = write(content, "b.md", "Cleanlab and Label Studio", when="2026-10-02")
    assert rules(run, content, first, second) == [("tool-claimed", "b.md")]


def test_alias_counts_as_the_same_tool(content: Path, run: Runner) -> None:
    first = write(content, "a.md", "Apache Airflow", when="2026-10-01")
    second = write(content, "b.md", "airflow", when="2026-10-02")
    assert rules(run, content, first, second) == [("tool-claimed", "b.md")]


def test_a_combination_does_not_conflict_with_a_single_tool(content: Path, run: Runner) -> None:
    single = write(content, "a.md", "Dagster")
    combo = write(
        content,
        "b.md",
        "[Dagster, Great Expectations]",
        covered="true",
        extra="added_value: " + "word " * 40 + "\n",
    )
    assert rules(run, content, single, combo) == []


def test_same_tool_in_another_semester_is_no_claim_conflict(content: Path, run: Runner) -> None:
    spring = write(content, "a.md", "Dagster", semester="S2026")
    fall = write(content, "b.md", "Dagster", covered="false")
    assert rules(run, content, spring, fall) == []  # the S2026 claim is not a published post


def test_ties_fall_back_to_date_then_path(content: Path, run: Runner) -> None:
    late = write(content, "a.md", "Dagster", when="2026-10-09")
    early = write(content, "b.md", "Dagster", when="2026-10-02")
    same_a = write(content, "c.md", "Pandera", when="2026-10-02")
    same_b = write(content, "d.md", "Pandera", when="2026-10-02")
    found = rules(run, content, late, early, same_a, same_b)
    assert found == [("tool-claimed", "a.md"), ("tool-claimed", "d.md")]


def test_the_message_names_the_holder_then_the_later_claim(content: Path, run: Runner) -> None:
    post = write(content, "late.md", "KServe")
    _code, out, _err = run("--content", str(content), "check", "--format", "json", str(post))
    message = json.loads(out)["findings"][0]["message"]
    assert message == (
        "KServe is already claimed this semester by "
        "content/posts/F2026/holder-kserve.md (Ada Lovelace, not yet on main), before this "
        "claim in content/posts/F2026/late.md (Student late.md, not yet on main)"
    )


def test_previously_covered_lists_the_earlier_posts(content: Path, run: Runner) -> None:
    post = write(content, "combo.md", "[Databricks, MLflow]")
    _code, out, _err = run("--content", str(content), "check", "--format", "json", str(post))
    (finding,) = json.loads(out)["findings"]
    assert finding["rule"] == "previously-covered-missing"
    assert "https://example.org/prior/mlflow-tracking" in finding["message"]
    assert "https://example.org/prior/databricks-mlflow" in finding["message"]
