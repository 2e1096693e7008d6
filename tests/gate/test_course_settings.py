"""A wrong value or a misspelt key in `course.yaml`'s reading settings is a configuration
error naming the setting and its line, never a default taken in silence."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.course import load_course
from anthology.gate.vocabulary import singulars, stems, vocabulary
from anthology.yamlsafe import key_lines

from .conftest import Runner

# (text of the shipped course.yaml, its replacement, words the message must have)
BROKEN = [
    ("spread_firm: 2", "spread_firm: two", ["`spread_firm` must be a whole number", "'two'"]),
    ("min_score: 6", "min_score: -1", ["`min_score` must be a whole number", "-1"]),
    ("        praised_by: [", "        praised_by: 5\n        unused: [", ["`praised_by`", "5"]),
    ("          weak: [", "          weak: {a: 1}\n          unused: [", ["`weak`", "{'a': 1}"]),
    ("          scenario: true", '          scenario: "false"', ["`scenario` must", "'false'"]),
    ("scenario_required: true", "scenario_required: yes please", ["`scenario_required`"]),
    ("spread_terms: 5", "spread_trems: 5", ["unknown setting `spread_trems`", "`spread_terms`?"]),
    ("        praised_by: [", "        praise_by: [", ["unknown setting `praise_by`"]),
    ("required: [limitation]", "required: [limitations]", ["the group 'limitations'"]),
    ("points: 30", "points: thirty", ["`points` must be a whole number", "'thirty'"]),
    (
        "story_section_topics: 2",
        "story_section_topics: three",
        ["`story_section_topics` must be a whole number", "'three'"],
    ),
    (
        "  draft_markers: [",
        "  draft_markers: 7\n  unused: [",
        ["`draft_markers` must be a list", "7"],
    ),
    # a bare no (or yes, on, off) is a flag to YAML: as a word it would never match
    (
        "negated_by: [without, 'no', no more,",
        "negated_by: [without, no, no more,",
        ["False", "'no'"],
    ),
    ("denied_gap: 4", "denied_gap: near", ["`denied_gap` must be a whole number", "'near'"]),
    (
        "evidence_reach: 33",
        "evidence_reach: a third",
        ["`evidence_reach` must be a whole number", "'a third'"],
    ),
    ("solved_gap: 8", "solved_gap: four", ["`solved_gap` must be a whole number", "'four'"]),
    ("          solved_by: [", "          solved_by: 3\n          unused: [", ["`solved_by`"]),
    ("found_words: [bug,", "found_words: bug\n          unused: [bug,", ["`found_words`"]),
    ("situation_by: [if your,", "situation_by: 5\n          unused: [if your,", ["`situation_by`"]),
    ("denied_close: [not,", "denied_close: not\n          unused: [not,", ["`denied_close`"]),
    ("opinion_by: [i found it,", "opinion_by: 3\n          unused: [i found it,", ["`opinion_by`"]),
    ("contrast: [but,", "contrast: but\n          unused: [but,", ["`contrast`"]),
    ("scope_by: [had time to,", "scope_by: 3\n          unused: [had time to,", ["`scope_by`"]),
    (
        "tool_subjects: [it,",
        "tool_subjects: it\n          unused: [it,",
        ["`tool_subjects`"],
    ),
]


@pytest.mark.parametrize(("old", "new", "said"), BROKEN)
def test_a_malformed_reading_setting_names_itself_and_its_line(
    content: Path, run: Runner, old: str, new: str, said: list[str]
) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    course.write_text(broken, encoding="utf-8")
    line = broken[: broken.index(new)].count("\n") + 1
    code, _out, err = run("--content", str(content), "check")
    assert code == 2 and "Traceback" not in err
    assert f"course.yaml:{line}: error:" in err, err
    for words in said:
        assert words in err
    assert "fix:" in err


def test_a_mistake_in_an_unused_option_is_reported_too(content: Path, run: Runner) -> None:
    """Every option is read, whether or not a post chose it."""
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    course.write_text(
        text.replace("options:\n", "options:\n  - id: survey\n    needs_tool: nope\n", 1),
        encoding="utf-8",
    )
    code, _out, err = run("--content", str(content), "check")
    assert code == 2 and "option `survey`: `needs_tool` must be true or false" in err


def test_the_shipped_settings_are_all_known(content: Path, run: Runner) -> None:
    code, _out, err = run("--content", str(content), "check")
    assert "course-config" not in err and code in (0, 1)


def test_key_lines_follow_mappings_and_lists() -> None:
    text = "a:\n  - id: x\n    deep:\n      key: 1\n  - id: y\nb: [1, 2]\n"
    lines = key_lines(text)
    assert lines[("a",)] == 1
    assert lines[("a", 0, "deep", "key")] == 4
    assert lines[("a", 1, "id")] == 5
    assert lines[("b", 1)] == 6
    assert key_lines("a: [\n") == {}  # text that does not load has no lines


def test_key_lines_walk_an_aliased_node_once() -> None:
    """A node that names itself (`&x [*x]`) is walked once, not forever."""
    assert key_lines("a: &x [1, *x]\n")[("a", 1)] == 1


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        ("a time series of hourly requests, loaded as a pandas Series", False),
        ("the airline passengers series from the docs", False),
        ("viewers who stopped halfway through a TV series", True),
        ("the second season of a show our viewers binge", True),
    ],
)
def test_the_shipped_scenario_words_leave_time_series_out(text: str, scenario: bool) -> None:
    """ "Series" in a tool post is mostly a time series (or a pandas Series in its code):
    the shipped course names the scenario's "tv series" instead."""
    course = load_course(Path(__file__).parents[2] / "content" / "course.yaml")
    option = next(o for o in course.options if o.scenario_keywords)
    found = vocabulary(option.scenario_keywords, exact=True).find(singulars(text))
    assert bool(found) is scenario, found


@pytest.mark.parametrize(
    ("heading", "named"),
    [
        ("The good, the bad and the ugly", True),
        ("The ugly", True),
        ("Thursday — retries and the ugly surprise", False),
    ],
)
def test_the_shipped_verdict_headings_read_the_ugly_only_at_the_end(
    heading: str, named: bool
) -> None:
    """ "The ugly" names the drawbacks where it ends the heading, not in "the ugly
    surprise" of a diary's walkthrough."""
    course = load_course(Path(__file__).parents[2] / "content" / "course.yaml")
    option = next(o for o in course.options if o.scenario_keywords)
    verdict = next(s for s in option.sections if s.id == "assessment")
    found = vocabulary(verdict.keywords).find(stems(heading))
    assert ("the ugly" in found) is named, found
