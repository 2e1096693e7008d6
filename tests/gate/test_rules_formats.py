"""Output formats: escaping, grouping, summary and the rubric table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anthology.course import Course, load_course
from anthology.findings import Finding, Severity, error, warning
from anthology.gate.formats import Report, as_json, github, markdown, text
from anthology.gate.rubric import OTHER, RubricFinding, rubric_of

from .conftest import REPO


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(REPO / "content" / "course.yaml")


def test_github_escapes_data_and_properties(course: Course) -> None:
    finding = Finding(
        "front-matter-yaml",
        Severity.ERROR,
        "content/a,b:c.md",
        3,
        "100% wrong\nsecond line",
        "fix it",
        7,
    )
    out = github(Report([finding], 1, course)).splitlines()[0]
    assert out == (
        "::error file=content/a%2Cb%3Ac.md,line=3,col=7,title=front-matter-yaml::"
        "100%25 wrong%0Asecond line — fix it"
    )


def test_github_omits_missing_line(course: Course) -> None:
    out = github(Report([error("internal-error", "x.md", None, "m", "f")], 1, course))
    assert out.splitlines()[0] == "::error file=x.md,title=internal-error::m — f"


def test_text_groups_and_summarizes(course: Course) -> None:
    findings = [
        error("link-broken", "a.md", 2, "m1", "f1"),
        warning("prose-acronym", "a.md", 5, "m2", "f2"),
        error("html-unsafe", "b.md", 1, "m3", "f3"),
    ]
    out = text(Report(findings, 4, course))
    assert out.split("\n\n") == [
        "a.md:2: error: m1 [link-broken]\n    fix: f1\na.md:5: warning: m2 [prose-acronym]\n"
        "    fix: f2",
        "b.md:1: error: m3 [html-unsafe]\n    fix: f3",
        "4 files checked: 2 errors, 1 warning (in 2 files)",
    ]


def test_strict_report_fails_on_warnings(course: Course) -> None:
    findings = [warning("prose-acronym", "a.md", 5, "m", "f")]
    assert not Report(findings, 1, course).failed
    assert Report(findings, 1, course, strict=True).failed


def test_json_is_machine_readable(course: Course) -> None:
    data = json.loads(as_json(Report([error("evidence-missing", "a.md", 2, "m", "f")], 1, course)))
    assert data["findings"][0]["rubric"] == "evidence"
    assert data["summary"] == {
        "errors": 1,
        "warnings": 0,
        "files_checked": 1,
        "files_with_findings": 1,
        "strict": False,
        "passed": False,
    }


def test_rubric_mapping(course: Course) -> None:
    assert rubric_of(error("tool-claimed", "a", 1, "m", "f"), course) == "unique"
    assert rubric_of(error("front-matter-date", "a", 1, "m", "f"), course) == "spreadsheet"
    assert rubric_of(error("internal-error", "a", 1, "m", "f"), course) == OTHER
    section = RubricFinding("section-missing", Severity.ERROR, "a", 1, "m", "f", rubric="strengths")
    assert rubric_of(section, course) == "strengths"


def test_markdown_escapes_student_text(course: Course) -> None:
    finding = error("link-broken", "a.md", 2, "the link “<img src=x onerror=y>|” is bad", "f")
    out = markdown(Report([finding], 1, course))
    assert "\\<img" in out and "\\|" in out
    assert out.startswith("## Anthology check: ❌ failed")


def test_markdown_all_clear(course: Course, tmp_path: Path) -> None:
    out = markdown(Report([], 3, course))
    assert "✅ passed" in out and "### Findings" not in out


# Student text that would become live markup in a job summary or break out of a workflow
# command: links, images, autolinks, HTML, entities, emphasis, code, table pipes, newlines.
HOSTILE_TEXT = [
    "[Sign in again](https://evil.example/login)",
    "![tracking pixel](https://tracker.example/p.gif?id=1)",
    "https://evil.example/login and www.evil.example",
    "<img src=x onerror=alert(1)> <script>alert(2)</script>",
    "&lt;b&gt;not bold&lt;/b&gt; &#60;i&#62;",
    "<details open><summary>x</summary></details> <a href='javascript:alert(1)'>y</a>",
    "*emphasis* __strong__ `code` ~~strike~~ | pipe | [ref]: https://evil.example",
    "line one\n# heading\n\n- list\n| a | b |",
    "[x]( https://evil.example ) [y](<https://evil.example>) <https://evil.example>",
    "\\[escaped\\](https://evil.example) \\\\[double](https://evil.example)",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_job_summary_shows_student_text_literally(course: Course, text: str) -> None:
    from bs4 import BeautifulSoup
    from markdown_it import MarkdownIt

    path = f"content/posts/F2026/{text[:20]}.md"
    finding = error("link-broken", path, 2, f"the link “{text}” is bad", f"Fix {text}")
    out = markdown(Report([finding], 1, course))
    # A CommonMark renderer with tables and raw HTML on, as GitHub renders job summaries.
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(out)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["a", "img", "script", "details", "em", "del", "h1"])
    ours = {line.id for line in course.rubric} | {"line 2"}
    assert {s.get_text() for s in soup.find_all("strong")} <= ours
    assert [c.get_text() for c in soup.find_all("code")] == ["link-broken"] * 2  # ours only
    assert [len(soup.find_all(h)) for h in ("h2", "h3", "h4", "ul", "li")] == [1, 1, 1, 1, 1]
    shown = " ".join(soup.get_text(" ").split())
    assert " ".join(text.split()) in shown
    assert len(soup.find_all("table")) == 1  # no pipe opened a table of its own


@pytest.mark.parametrize("text", [*HOSTILE_TEXT, "50% done::error::x,y:z\r\n::warning::fake"])
def test_annotations_keep_student_text_inside_one_workflow_command(
    course: Course, text: str
) -> None:
    path = f"content/posts/F2026/a,b:{text[:12]}.md"
    finding = error("link-broken", path, 2, f"the link “{text}” is bad", "Fix it.")
    lines = github(Report([finding], 1, course)).splitlines()
    command, summary = lines
    assert command.startswith("::error file=") and "Anthology" not in summary
    head, _, message = command.partition("::")[2].partition("::")
    props = dict(part.split("=", 1) for part in head.removeprefix("error ").split(","))
    assert set(props) == {"file", "line", "title"}
    decoded = (
        props["file"]
        .replace("%2C", ",")
        .replace("%3A", ":")
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
    )
    assert decoded == path
    body = message.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    assert body.startswith(f"the link “{text}” is bad")
    assert "\n" not in command and "\r" not in command
