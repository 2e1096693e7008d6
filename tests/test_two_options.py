"""Another assignment, by configuration only: two options (a tool, or an open-source
application), a ride-sharing scenario, pairs, and a video post; gate and report both run."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from anthology import cli

ROOT = Path(__file__).resolve().parent.parent

COURSE = """\
course:
  name: Software Engineering for AI Systems
  number: SE-101
  assignment: "Assignment 2: tools or applications"
semester: S2030
semesters:
  - id: F2029
    label: Fall 2029
  - id: S2030
    label: Spring 2030
categories:
  - id: deployment
    name: Deployment
  - id: applications
    name: Open-source applications
options:
  - id: tool
    name: Explore a tool
    required_sections:
      - id: problem
        name: Problem
        keywords: [problem, why]
        min_words: 30
        rubric: problem
      - id: usage
        name: Using the tool for ride-sharing
        keywords: [using, example]
        min_words: 30
        rubric: scenario
        scenario_required: true
      - id: assessment
        name: Strengths and limitations
        keywords: [strength, limitation]
        min_words: 30
        rubric: strengths
    scenario_keywords: [ride, rides, rider, riders, driver, drivers, trip, trips, fare]
  - id: app
    name: Analyse an open-source application
    needs_tool: false
    required_sections:
      - id: purpose
        name: Purpose
        keywords: [purpose, what it does]
        min_words: 30
        rubric: app-purpose
      - id: architecture
        name: Architecture
        keywords: [architecture, components, design overview]
        min_words: 30
        rubric: app-architecture
      - id: decisions
        name: Engineering decisions
        keywords: [decision, trade-off]
        min_words: 30
        rubric: app-decisions
        scenario_required: true
    scenario_keywords: [ride, rides, rider, riders, driver, drivers, trip, trips, dispatch]
formats: [article, video]
media_hosts: [youtube.com, www.youtube.com]
evidence_hosts: [github.com]
prose: {min_words: 100, max_words: 3000, max_grade_level: 16}
comments: {required_per_student: 1, min_words: 10}
timezone: Europe/Berlin
deadlines: {post: 2030-03-01, comments: 2030-03-08T12:00}
roster: {file: private/class.csv, id: Login, name: Full name}
rubric:
  - {id: spreadsheet, points: 10, text: Submission complete.}
  - {id: problem, points: 20, text: The problem the tool addresses.}
  - {id: scenario, points: 20, text: The tool used for ride-sharing.}
  - {id: strengths, points: 10, text: Strengths and limitations.}
  - {id: app-purpose, points: 15, text: What the application is for.}
  - {id: app-architecture, points: 15, text: Its architecture.}
  - {id: app-decisions, points: 20, text: Engineering decisions, shown on ride-sharing.}
  - {id: writing, points: 10, text: Clear writing.}
  - {id: evidence, points: 10, text: A link to the work.}
  - {id: comments, points: 10, text: A comment on another post.}
"""

SENTENCE = (
    "The team looked at how the service behaves when many riders ask for trips at the same "
    "time, and wrote down what they measured so that other engineers can repeat the study. "
)


def _section(heading: str) -> str:
    return f"## {heading}\n\n{SENTENCE * 3}\n"


def _post(
    *,
    title: str,
    authors: list[tuple[str, str]],
    option: str,
    headings: list[str],
    tool: str | None = None,
    category: str = "deployment",
    extra: str = "",
) -> str:
    people = "".join(f"  - name: {name}\n    id: {key}\n" for name, key in authors)
    tool_line = f"tool: {tool}\n" if tool else ""
    body = "".join(_section(heading) for heading in headings)
    return (
        f"---\ntitle: {title}\nauthors:\n{people}semester: S2030\n{tool_line}"
        f"category: {category}\noption: {option}\n"
        "evidence: https://github.com/example/ride-sharing-study\n"
        f"status: published\ndate: 2030-02-20\n{extra}---\n\n"
        f"An introduction to the study of a ride-sharing service.\n\n{body}"
    )


TOOL_HEADINGS = ["Why the problem matters", "Using Kubeflow", "Strengths and limitations"]
APP_HEADINGS = ["Purpose of the app", "Architecture", "Engineering decisions"]
POSTS = {
    "kubeflow-rides.md": _post(
        title="Kubeflow for ride pricing",
        authors=[("Ada Ito", "aito")],
        option="tool",
        tool="Kubeflow",
        headings=TOOL_HEADINGS,
    ),
    "feast-rides-video.md": _post(
        title="Feast for driver features, on video",
        authors=[("Bo Chen", "bchen")],
        option="tool",
        tool="Feast",
        headings=["Why the problem matters", "Using Feast", "Strengths and limitations"],
        extra="format: video\nmedia_url: https://www.youtube.com/watch?v=abc123\n",
    ),
    "openmaps-dispatch.md": _post(
        title="How an open-source dispatch app is built",
        authors=[("Cy Diaz", "cdiaz"), ("Di Eze", "deze")],
        option="app",
        category="applications",
        headings=APP_HEADINGS,
    ),
}
BAD_APP = _post(
    title="An app without its architecture",
    authors=[("Ed Fox", "efox")],
    option="app",
    category="applications",
    headings=["Purpose of the app", "Engineering decisions"],
)
COMMENT = (
    "---\nauthor: {name: Ada Ito, id: aito}\npost: openmaps-dispatch\ndate: 2030-03-02\n---\n\n"
    "How did the dispatch service decide between matching riders greedily and batching "
    "trips for a few seconds, and did you measure what batching did to waiting times?\n"
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "posts" / "S2030").mkdir(parents=True)
    (root / "course.yaml").write_text(COURSE, encoding="utf-8")
    shutil.copy(ROOT / "content" / "tools.yaml", root / "tools.yaml")
    for name, text in POSTS.items():
        (root / "posts" / "S2030" / name).write_text(text, encoding="utf-8")
    (root / "comments" / "openmaps-dispatch").mkdir(parents=True)
    (root / "comments" / "openmaps-dispatch" / "aito.md").write_text(COMMENT, encoding="utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "class.csv").write_text(
        "Full name,Login\nAda Ito,aito\nGus Hale,ghale\n", encoding="utf-8"
    )
    return root


TODAY = "2030-03-31"  # the fictional course's posts are dated in 2029 and 2030


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_good_posts_of_both_options_pass_the_gate(content: Path) -> None:
    code, out, err = _run("--content", str(content), "check", "--today", TODAY, "--format", "json")
    assert code == 0, out + err
    findings = json.loads(out)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []


def test_an_app_post_without_an_architecture_section_is_an_error(content: Path) -> None:
    bad = content / "posts" / "S2030" / "bad-app.md"
    bad.write_text(BAD_APP, encoding="utf-8")
    code, out, _err = _run(
        "--content", str(content), "check", "--today", TODAY, "--format", "json", str(bad)
    )
    assert code == 1
    errors = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert [f["rule"] for f in errors] == ["section-missing"]
    assert "architecture" in errors[0]["message"].casefold()


def test_an_app_post_needs_no_tool_but_a_tool_post_does(content: Path) -> None:
    no_tool = POSTS["kubeflow-rides.md"].replace("tool: Kubeflow\n", "")
    path = content / "posts" / "S2030" / "kubeflow-rides.md"
    path.write_text(no_tool, encoding="utf-8")
    code, out, _err = _run(
        "--content", str(content), "check", "--today", TODAY, "--format", "json", str(path)
    )
    assert code == 1
    rules = {f["rule"] for f in json.loads(out)["findings"] if f["severity"] == "error"}
    assert rules == {"front-matter-required"}


def test_the_report_has_rows_and_rubric_columns_of_both_options(
    content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    code, stdout, err = _run("--content", str(content), "report", "--out", str(out))
    assert code == 0, err
    assert "gradebook.html" in stdout
    with (out / "gradebook.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert sorted(rows) == ["aito", "bchen", "cdiaz", "deze", "ghale"]
    header = list(next(iter(rows.values())))
    for line in ("problem", "scenario", "app-purpose", "app-architecture", "app-decisions"):
        assert line in header
    app, tool = rows["cdiaz"], rows["aito"]
    assert (app["option"], app["tools"], app["partner"]) == ("app", "", "Di Eze (deze)")
    assert rows["deze"]["partner"] == "Cy Diaz (cdiaz)"
    assert app["app-architecture"] == "ok" and app["problem"] == "n/a"
    assert tool["app-architecture"] == "n/a" and tool["problem"] == "ok"
    assert rows["bchen"]["format"] == "video"
    assert app["comments received"] == "1" and tool["comments given"] == "1"
    assert tool["comments"] == "ok" and app["comments"] == "comment-count"
    assert rows["ghale"]["status"] == "no claim" and rows["ghale"]["on roster"] == "yes"
    assert {row["post on time"] for row in rows.values() if row["post file"]} == {"not on main"}
