"""The post model: what front matter means, and the findings for what it gets wrong."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from anthology.course import Course, load_course
from anthology.model import parse_date, parse_post
from anthology.tools import ToolRegistry, load_registry

ROOT = Path(__file__).resolve().parent.parent

GOOD = """---
title: Catching drift with Evidently
authors:
  - name: Ada Lovelace
    id: alovelace
semester: F2026
tool: Evidently AI
category: mlops-deployment
tags: [monitoring, drift]
option: tool
evidence: [https://github.com/example/evidently-demo]
status: published
date: 2026-10-05 14:30
summary: Drift reports for a movie recommender.
---
Intro paragraph.
"""


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(ROOT / "content" / "course.yaml")


@pytest.fixture(scope="module")
def registry() -> ToolRegistry:
    return load_registry(ROOT / "content" / "tools.yaml")


def parse(
    text: str, course: Course, registry: ToolRegistry, path: str = "content/posts/F2026/x.md"
):
    return parse_post(path, text, course, registry)


def test_good_post_becomes_a_post(course: Course, registry: ToolRegistry) -> None:
    parsed = parse(GOOD, course, registry)
    assert parsed.findings == []
    post = parsed.post
    assert post is not None
    assert [t.name for t in post.tools] == ["Evidently"]
    assert post.category is not None and post.category.id == "mlops-deployment"
    assert post.date == datetime(2026, 10, 5, 14, 30)
    assert post.slug == "x"
    assert post.body_line == 16
    assert not post.is_announcement


def test_category_by_display_name(course: Course, registry: ToolRegistry) -> None:
    text = GOOD.replace("category: mlops-deployment", "category: Big data")
    post = parse(text, course, registry).post
    assert post is not None and post.category is not None and post.category.id == "big-data"


def rules_and_lines(text: str, course: Course, registry: ToolRegistry) -> set[tuple[str, int]]:
    return {(f.rule, f.line) for f in parse(text, course, registry).findings}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("category: mlops-deployment", "catgory: mlops-deployment"),
            {("front-matter-unknown-key", 8), ("front-matter-required", 2)},
        ),
        (("category: mlops-deployment", "category: gardening"), {("front-matter-category", 8)}),
        (("status: published", "status: live"), {("front-matter-status", 12)}),
        (("date: 2026-10-05 14:30", "date: 2026-13-45"), {("front-matter-date", 13)}),
        (("semester: F2026", "semester: F1999"), {("front-matter-semester", 6)}),
        (
            ("[https://github.com/example/evidently-demo]", "[ftp://example.org/x]"),
            {("front-matter-url", 11)},
        ),
        (("    id: alovelace\n", ""), {("front-matter-authors", 3)}),
        (("tags: [monitoring, drift]", "tags: {a: 1}"), {("front-matter-type", 9)}),
    ],
)
def test_each_mistake_names_its_rule_and_line(
    course: Course, registry: ToolRegistry, change: tuple[str, str], expected: set[tuple[str, int]]
) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    found = rules_and_lines(text, course, registry)
    assert expected <= found, found


def test_unknown_key_suggests_the_right_one(course: Course, registry: ToolRegistry) -> None:
    parsed = parse(GOOD.replace("category:", "catgory:"), course, registry)
    unknown = [f for f in parsed.findings if f.rule == "front-matter-unknown-key"]
    assert unknown and "`category`" in unknown[0].fix


def test_broken_yaml_reports_its_line(course: Course, registry: ToolRegistry) -> None:
    parsed = parse(
        GOOD.replace("tags: [monitoring, drift]", "tags: [monitoring, drift"), course, registry
    )
    assert parsed.post is None
    [finding] = parsed.findings
    assert finding.rule == "front-matter-yaml"
    assert finding.line == 9  # where the unclosed list starts


def test_three_authors_are_too_many(course: Course, registry: ToolRegistry) -> None:
    authors = "".join(f"  - name: A{i}\n    id: a{i}\n" for i in range(3))
    text = GOOD.replace("  - name: Ada Lovelace\n    id: alovelace\n", authors)
    assert ("front-matter-authors", 3) in rules_and_lines(text, course, registry)


def test_two_authors_and_a_combination(course: Course, registry: ToolRegistry) -> None:
    text = GOOD.replace("tool: Evidently AI", "tool: [Databricks, ML Flow]").replace(
        "    id: alovelace\n", "    id: alovelace\n  - name: Grace Hopper\n    id: ghopper\n"
    )
    post = parse(text, course, registry).post
    assert post is not None
    assert len(post.authors) == 2
    assert post.tool_key == frozenset({"databricks", "mlflow"})


def test_video_needs_media_url(course: Course, registry: ToolRegistry) -> None:
    text = GOOD.replace("status: published", "status: published\nformat: video")
    assert "front-matter-required" in {f.rule for f in parse(text, course, registry).findings}
    ok = text.replace("format: video", "format: video\nmedia_url: https://youtu.be/abcdefgh")
    assert parse(ok, course, registry).findings == []


def test_announcement_needs_no_tool_fields(course: Course, registry: ToolRegistry) -> None:
    text = "---\ntitle: Welcome\nauthors: [{name: Staff, id: staff}]\ndate: 2026-09-01\n---\nHi\n"
    parsed = parse(text, course, registry)
    assert parsed.findings == []
    assert parsed.post is not None and parsed.post.is_announcement


def test_folder_and_semester_must_agree(course: Course, registry: ToolRegistry) -> None:
    found = rules_and_lines(GOOD, course, registry) | {
        (f.rule, f.line) for f in parse(GOOD, course, registry, "content/posts/S2026/x.md").findings
    }
    assert ("front-matter-semester", 6) in found


def test_alias_bomb_is_refused_fast(course: Course, registry: ToolRegistry) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 10):
        ref = f"*{chr(96 + index)}"
        lines.append(f"{chr(97 + index)}: &{chr(97 + index)} [{', '.join([ref] * 9)}]")
    text = "---\n" + "\n".join(lines) + "\n---\n"
    parsed = parse(text, course, registry)
    assert parsed.post is None
    assert parsed.findings[0].rule == "front-matter-yaml"
    assert "anchors" in parsed.findings[0].message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-10-05", datetime(2026, 10, 5)),
        ("2026-10-05 10:00", datetime(2026, 10, 5, 10)),
        ("2026-10-05T10:00:30", datetime(2026, 10, 5, 10, 0, 30)),
        ("yesterday", None),
        (5, None),
    ],
)
def test_dates_with_and_without_seconds(value: object, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def test_schema_documents_every_field(course: Course) -> None:
    import jsonschema

    from anthology.schema import FIELDS, json_schema

    schema = json_schema(course)
    jsonschema.Draft202012Validator.check_schema(schema)
    for field in FIELDS:
        assert schema["properties"][field.name]["description"]
    validator = jsonschema.Draft202012Validator(schema)
    sample = {
        "title": "x",
        "authors": [{"name": "A", "id": "a"}],
        "date": "2026-10-05",
        "category": "testing",
        "semester": "F2026",
        "status": "published",
    }
    assert list(validator.iter_errors(sample)) == []
    assert list(validator.iter_errors({**sample, "catgory": "x"}))
