"""Rolling over to a new semester."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from anthology.cli import main
from anthology.corpus import load_corpus
from anthology.course import Semester, load_course
from anthology.rollover import default_label, edit_course_text

ROOT = Path(__file__).resolve().parent.parent
STALE = ("posts/F2026/claim-nannyml.md", "posts/F2026/draft-seldon-explainers.md")

NEW_PANDERA_POST = f"""\
---
title: Validating streaming ratings with Pandera, again
authors:
  - name: Sam Lee
    id: slee
semester: S2027
tool: Pandera
category: data-cleaning
option: tool
previously_covered: false
status: claimed
date: {date.today().isoformat()}
---
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ROOT / "content", tmp_path / "content"))


def snapshot(content: Path) -> dict[str, bytes]:
    return {
        path.relative_to(content).as_posix(): path.read_bytes()
        for path in sorted(content.rglob("*"))
        if path.is_file()
    }


def rollover(content: Path, *args: str) -> int:
    return main(["--content", str(content), "rollover", *args])


def test_rollover_starts_the_semester_and_drops_stale_claims_and_drafts(
    content: Path, capsys
) -> None:
    before = snapshot(content)
    published = [post.path for post in load_corpus(content).posts if post.status == "published"]

    assert rollover(content, "--to", "S2027") == 0

    out = capsys.readouterr().out
    for name in STALE:
        assert f"removed content/{name} (" in out
        assert not (content / name).exists()
    course = load_course(content / "course.yaml")
    assert course.semester == "S2027"
    assert [s.id for s in course.semesters] == ["S2026", "F2026", "S2027"]
    assert course.semester_label("S2027") == "Spring 2027"
    assert (content / "posts" / "S2027").is_dir()
    text = (content / "course.yaml").read_text(encoding="utf-8")
    assert "# The semester new posts belong to" in text  # comments are kept
    after = snapshot(content)
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == {"course.yaml", *STALE}
    corpus = load_corpus(content)
    assert sorted(post.path for post in corpus.posts) == sorted(published)
    assert not corpus.findings


def test_a_new_post_on_last_semesters_tool_must_say_previously_covered(
    content: Path, capsys
) -> None:
    assert rollover(content, "--to", "S2027", "--label", "Spring semester 2027") == 0
    assert load_course(content / "course.yaml").semester_label("S2027") == "Spring semester 2027"
    post = content / "posts" / "S2027" / "claim-pandera.md"
    post.write_text(NEW_PANDERA_POST, encoding="utf-8")
    capsys.readouterr()

    code = main(["--content", str(content), "check", str(post), "--format", "json"])

    report = capsys.readouterr().out
    assert code == 0  # a claim stub gets the notice as a warning; published, it is an error
    findings = json.loads(report)
    findings = findings.get("findings", findings) if isinstance(findings, dict) else findings
    covered = [f for f in findings if f["rule"] == "previously-covered-missing"]
    assert covered, report
    assert covered[0]["severity"] == "warning"
    assert "pandera-rating-schema-checks" in covered[0]["message"]
    post.write_text(
        NEW_PANDERA_POST.replace("status: claimed", "status: published"), encoding="utf-8"
    )
    assert main(["--content", str(content), "check", str(post)]) == 1


def test_dry_run_changes_nothing(content: Path, capsys) -> None:
    before = snapshot(content)
    assert rollover(content, "--to", "F2027", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "would set the current semester to F2027 (Fall 2027)" in out
    assert "would remove content/posts/F2026/claim-nannyml.md" in out
    assert snapshot(content) == before
    assert not (content / "posts" / "F2027").exists()


@pytest.mark.parametrize("existing", ["F2026", "S2026"])
def test_rolling_over_to_an_existing_semester_changes_nothing(
    content: Path, capsys, existing: str
) -> None:
    before = snapshot(content)
    assert rollover(content, "--to", existing) == 2
    err = capsys.readouterr().err
    assert f"content/course.yaml: semester {existing} already exists" in err
    assert "nothing was changed" in err
    assert snapshot(content) == before


@pytest.mark.parametrize("bad", ["../S2027", "S 2027", "", ".hidden", "S2027/x"])
def test_unsafe_ids_are_refused(content: Path, capsys, bad: str) -> None:
    before = snapshot(content)
    assert rollover(content, "--to", bad) == 2
    assert "a semester id must be letters, digits" in capsys.readouterr().err
    assert snapshot(content) == before


@pytest.mark.parametrize("bad", ["S2027x", "s2027", "Fall2027", "S27", "W2027"])
def test_ids_unlike_the_courses_pattern_are_refused(content: Path, capsys, bad: str) -> None:
    before = snapshot(content)
    assert rollover(content, "--to", bad) == 2
    err = capsys.readouterr().err
    assert f"--to {bad!r} does not match the course's semester ids" in err
    assert "semester_pattern: [FS][0-9]{4}" in err and "nothing was changed" in err
    assert snapshot(content) == before


def test_the_pattern_is_the_courses_own(content: Path, capsys) -> None:
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace(
            'semester_pattern: "[FS][0-9]{4}"', 'semester_pattern: "[FSW][0-9]{4}"'
        ),
        encoding="utf-8",
    )
    assert rollover(content, "--to", "W2027", "--dry-run") == 0


@pytest.mark.parametrize(
    "replace",
    [
        (
            "  - id: S2026\n    label: Spring 2026\n    start: 2026-01-12\n    end: 2026-05-08\n"
            "  - id: F2026\n    label: Fall 2026\n    start: 2026-08-24\n    end: 2026-12-18\n",
            "  [{id: S2026, label: Spring 2026}, {id: F2026, label: Fall 2026}]\n",
        ),
        ("semester: F2026\n", "semester:\n  F2026\n"),
    ],
)
def test_an_unexpected_course_layout_is_refused(
    content: Path, capsys, replace: tuple[str, str]
) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    assert replace[0] in text
    course.write_text(text.replace(replace[0], replace[1]), encoding="utf-8")
    before = snapshot(content)
    assert rollover(content, "--to", "S2027") == 2
    err = capsys.readouterr().err
    assert "content/course.yaml:" in err and "edit the file by hand" in err
    assert snapshot(content) == before


def test_a_published_post_without_a_semester_field_stops_the_rollover(
    content: Path, capsys
) -> None:
    post = content / "posts" / "F2026" / "welcome-fall-2026.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("semester: F2026\n", "", 1), encoding="utf-8"
    )
    before = snapshot(content)
    assert rollover(content, "--to", "S2027") == 2
    err = capsys.readouterr().err
    assert "welcome-fall-2026.md: no `semester:`" in err
    assert "add `semester: F2026`" in err
    assert snapshot(content) == before


def test_flow_style_entries_and_comments_are_kept() -> None:
    text = (
        "course: {name: X}\n"
        "semester: F2026  # the current one\n"
        "semesters:\n"
        "- {id: F2026, label: Fall 2026}\n"
        "# more to come\n"
        "\n"
        "categories: []\n"
    )
    edited = edit_course_text(text, "course.yaml", Semester("S2027", "Spring: 2027"))
    assert edited == (
        "course: {name: X}\n"
        "semester: S2027  # the current one\n"
        "semesters:\n"
        "- {id: F2026, label: Fall 2026}\n"
        '- {id: S2027, label: "Spring: 2027"}\n'
        "# more to come\n"
        "\n"
        "categories: []\n"
    )


def test_default_labels() -> None:
    assert default_label("S2027") == "Spring 2027"
    assert default_label("F2027") == "Fall 2027"
    assert default_label("2027-summer") == "2027-summer"
