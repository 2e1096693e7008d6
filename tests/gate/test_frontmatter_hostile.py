"""Front matter a hostile pull request might try: keys given twice, dates out of range."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from anthology import yamlsafe
from anthology.course import parse_course

from .conftest import HERE, REPO, Runner
from .pullrequest import pull_request, rules_on, start

GOOD = HERE / "good"

MINE = "posts/F2026/mallory-deepchecks.md"
POST = (GOOD / "two-authors.md").read_text(encoding="utf-8")


def with_front(extra: str, replace: tuple[str, str] | None = None) -> str:
    text = POST.replace("status: published\n", "status: published\n" + extra, 1)
    return text.replace(*replace, 1) if replace else text


def lines_starting(text: str, *prefixes: str) -> list[int]:
    lines = text.split("\n")
    return [i + 1 for i, line in enumerate(lines) if line.lstrip().startswith(prefixes)]


@pytest.mark.parametrize(
    ("text", "key", "prefixes"),
    [
        # status: draft early on, status: published further down
        (
            POST.replace("tool: Deepchecks\n", "tool: Deepchecks\nstatus: draft\n", 1),
            "status",
            ("status:",),
        ),
        # quoted spellings are the same key
        (with_front('"title": Another title\n'), "title", ("title:", '"title":')),
        # inside an author
        (
            POST.replace("    id: ghopper\n", "    id: ghopper\n    id: aturing2\n", 1),
            "id",
            ("id: ghopper", "id: aturing2"),
        ),
        # inside a nested mapping
        (
            with_front("sections:\n  problem: The problem\n  problem: How it helps\n"),
            "problem",
            ("problem:",),
        ),
    ],
)
def test_a_key_given_twice_is_an_error_naming_both_lines(
    text: str, key: str, prefixes: tuple[str, ...], content: Path, run: Runner
) -> None:
    first, second = lines_starting(text, *prefixes)
    start(content)
    code, findings = pull_request(run, content, {MINE: text})
    assert code == 1
    dup = [f for f in findings if f["rule"] == "front-matter-duplicate-key"]
    assert [(f["path"], f["line"]) for f in dup] == [("content/" + MINE, second)]
    assert (
        f"`{key}` is given twice, on line {first} and again on line {second}" in (dup[0]["message"])
    )


def test_a_key_twice_in_a_flow_mapping(content: Path, run: Runner) -> None:
    text = with_front("sections: {problem: A, problem: B}\n")
    start(content)
    _code, findings = pull_request(run, content, {MINE: text})
    dup = next(f for f in findings if f["rule"] == "front-matter-duplicate-key")
    line = lines_starting(text, "sections:")[0]
    assert dup["line"] == line and f"twice on line {line}" in dup["message"]


def test_a_comment_with_a_key_twice_is_refused(content: Path, run: Runner) -> None:
    comment = (
        "---\nauthor: {name: Mei Tanaka, id: mtanaka}\npost: earlier-feast\n"
        "post: holder-kserve\ndate: 2026-10-26\n---\n\n" + "Why did Feast need Redis here? " * 8
    )
    start(content)
    code, findings = pull_request(run, content, {"comments/earlier-feast/mtanaka.md": comment})
    assert code == 1
    found = [f for f in findings if f["rule"] == "comment-front-matter"]
    assert found and "on line 3 and again on line 4" in found[0]["message"]


def test_duplicate_keys_in_course_yaml_stop_the_check(content: Path, run: Runner) -> None:
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8") + "comments:\n  min_words: 1\n", encoding="utf-8"
    )
    code, _out, err = run("--content", str(content), "check")
    assert code == 2
    assert "the key `comments` is given twice" in err and "course.yaml" in err


def test_yaml_values_are_unchanged_without_duplicates() -> None:
    text = "a: 1\nb: [1, 2]\nc: {d: 2021-03-04}\n'true': 1\ntrue: 2\n"
    assert yamlsafe.load(text) == {
        "a": 1,
        "b": [1, 2],
        "c": {"d": date(2021, 3, 4)},
        "true": 1,
        True: 2,
    }
    with pytest.raises(yamlsafe.YamlProblem) as problem:
        yamlsafe.load("x:\n  - {k: 1, k: 1}\n", first_line=10)
    assert problem.value.kind == "duplicate-key" and problem.value.line == 11


@pytest.mark.parametrize("when", ["2999-01-01", "+32", "9999-12-31 23:59"])
def test_a_date_far_ahead_is_an_error(when: str, content: Path, run: Runner) -> None:
    """More than 30 days ahead is an error. A date relative to today ("+32", days) is made
    when the test runs, not when it is collected, and a day past the limit: a run that
    crosses midnight between the two still checks a date beyond it."""
    if when.startswith("+"):
        when = (date.today() + timedelta(days=int(when))).isoformat()
    text = POST.replace("date: 2026-10-12", f"date: {when}", 1)
    start(content)
    code, findings = pull_request(run, content, {MINE: text})
    assert code == 1
    found = [f for f in findings if f["rule"] == "front-matter-date-future"]
    assert [(f["path"], f["line"]) for f in found] == [
        ("content/" + MINE, lines_starting(text, "date:")[0])
    ]


def test_a_date_a_few_weeks_ahead_is_fine(content: Path, run: Runner) -> None:
    text = POST.replace(
        "date: 2026-10-12", f"date: {(date.today() + timedelta(days=30)).isoformat()}", 1
    )
    start(content)
    _code, findings = pull_request(run, content, {MINE: text})
    assert "front-matter-date-future" not in rules_on(findings, "content/" + MINE)


def test_a_modified_date_far_ahead_is_an_error(content: Path, run: Runner) -> None:
    start(content)
    _code, findings = pull_request(run, content, {MINE: with_front("modified: 2999-01-01\n")})
    assert "front-matter-date-future" in rules_on(findings, "content/" + MINE)


def test_a_comment_dated_far_ahead_is_an_error(content: Path, run: Runner) -> None:
    comment = (
        "---\nauthor: {name: Mei Tanaka, id: mtanaka}\npost: earlier-feast\n"
        "date: 2999-01-01\n---\n\n" + "Why did Feast need Redis for the online store here? " * 6
    )
    start(content)
    code, findings = pull_request(run, content, {"comments/earlier-feast/mtanaka.md": comment})
    assert code == 1
    assert "front-matter-date-future" in rules_on(
        findings, "content/comments/earlier-feast/mtanaka.md"
    )


def test_a_date_before_the_semester_started_is_an_error(content: Path, run: Runner) -> None:
    text = POST.replace("date: 2026-10-12", "date: 2026-08-23", 1)
    start(content)
    code, findings = pull_request(run, content, {MINE: text})
    assert code == 1
    found = next(f for f in findings if f["rule"] == "front-matter-date-before-semester")
    assert found["path"] == "content/" + MINE and "2026-08-24" in found["message"]


def test_the_semester_start_is_course_data(content: Path, run: Runner) -> None:
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("start: 2026-08-24", "start: 2026-08-01"),
        encoding="utf-8",
    )
    text = POST.replace("date: 2026-10-12", "date: 2026-08-23", 1)
    start(content)
    _code, findings = pull_request(run, content, {MINE: text})
    assert "front-matter-date-before-semester" not in rules_on(findings, "content/" + MINE)


def test_semester_dates_are_checked_in_the_course_file() -> None:
    text = (REPO / "content" / "course.yaml").read_text(encoding="utf-8")
    course = parse_course(text)
    fall = course.find_semester("F2026")
    assert fall is not None and (fall.start, fall.end) == (date(2026, 8, 24), date(2026, 12, 18))
    from anthology.findings import ContentError

    with pytest.raises(ContentError) as bad:
        parse_course(text.replace("end: 2026-12-18", "end: 2026-08-01"))
    assert "ends (2026-08-01) before it starts (2026-08-24)" in bad.value.findings[0].message
    with pytest.raises(ContentError):
        parse_course(text.replace("end: 2026-12-18", "end: soon"))
