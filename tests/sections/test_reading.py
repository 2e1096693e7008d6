"""How required sections are read: each wording and structure of the issue, with the
course's own vocabulary (content/course.yaml), passes and true failures alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.course import Option, load_course
from anthology.gate.reading import CONTENT, HEADING, HINT, NESTED, SERIES, Reading, read_sections
from anthology.gate.scan import Body
from anthology.gate.sections import outline, paragraphs

REPO = Path(__file__).resolve().parents[2]
OPTION = load_course(REPO / "content" / "course.yaml").find_option("tool")
assert OPTION is not None

PROBLEM = (
    "Every night our recommender retrains on the ratings viewers gave to movies. When the "
    "export is late the job trains on stale data without telling anyone, and nobody notices "
    "until viewers complain. Checking by hand is tedious and we forgot it twice."
)
EXAMPLES = (
    "I wrote a schema for the movie ratings table and ran it on two weeks of logs. It "
    "flagged the day the TV app sent ratings of 10, and the report listed the movie ids, so "
    "we fixed the mapping before the next training run."
)
STRENGTHS = (
    "Schemas are easy to read and quick to write, and the error reports are clear and useful."
)
LIMITS = (
    "However, checks on large tables are slow, statistical drift is not supported, and we had "
    "to write our own script to store results because there is no history built in."
)


def read(text: str, option: Option = OPTION, mapping: dict[str, str] | None = None):
    body = Body(text, 1)
    found = outline(body)
    readings = read_sections(
        option, found, paragraphs(body, found), mapping or {}, (1, len(body.lines))
    )
    return {r.section.id: r for r in readings}


def post(problem: str, examples: str, assessment: str) -> str:
    return f"{problem}\n\n{examples}\n\n{assessment}\n"


def taken(reading: Reading) -> list[tuple[str, str]]:
    return [(p.how, p.label) for p in reading.parts]


STANDARD_PROBLEM = f"## The problem\n\n{PROBLEM}"
STANDARD_EXAMPLES = f"## How it helps with our movie ratings\n\n{EXAMPLES}"
STANDARD_ASSESSMENT = f"## Strengths and limitations\n\n{STRENGTHS} {LIMITS}"


@pytest.mark.parametrize(
    "heading",
    ["Where it falls short", "What I liked and what I didn't", "Pros and cons", "Trade-offs"],
)
def test_assessment_headings_that_name_it(heading: str) -> None:
    got = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, f"## {heading}\n\n{STRENGTHS} {LIMITS}"))
    assert taken(got["assessment"]) == [(HEADING, heading)]


@pytest.mark.parametrize("heading", ["Final thoughts", "Lessons learned", "Conclusion"])
def test_a_hinting_heading_counts_when_its_text_weighs_the_tool(heading: str) -> None:
    got = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, f"## {heading}\n\n{STRENGTHS} {LIMITS}"))
    assert taken(got["assessment"]) == [(HINT, heading)]


@pytest.mark.parametrize("heading", ["Final thoughts", "Lessons learned"])
def test_a_hinting_heading_without_limitations_is_not_the_assessment(heading: str) -> None:
    text = (
        "We learned to agree on table names early and to pair on the first setup. Meeting "
        "every Friday kept us on track, and the new checks run every night now."
    )
    got = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, f"## {heading}\n\n{text}"))
    assert not got["assessment"].found
    assert any(heading in note for note in got["assessment"].considered)


def test_strengths_and_limitations_in_two_sections_add_up() -> None:
    text = post(
        STANDARD_PROBLEM,
        STANDARD_EXAMPLES,
        f"## What worked well\n\n{STRENGTHS}\n\n## Where it falls short\n\n{LIMITS}",
    )
    got = read(text)["assessment"]
    assert taken(got) == [(HEADING, "What worked well"), (HEADING, "Where it falls short")]
    assert got.words == len(STRENGTHS.split()) + len(LIMITS.split())
    assert got.names == "‘What worked well’ + ‘Where it falls short’"


@pytest.mark.parametrize(
    "heading", ["What I built", "Putting it to work", "Pandera in our pipeline", "Hands-on"]
)
def test_examples_headings_that_name_it(heading: str) -> None:
    got = read(post(STANDARD_PROBLEM, f"## {heading}\n\n{EXAMPLES}", STANDARD_ASSESSMENT))
    assert taken(got["examples"]) == [(HEADING, heading)]


def test_numbered_steps_are_one_examples_section() -> None:
    steps = "\n\n".join(
        f"## Step {n}: {title}\n\n{body}"
        for n, title, body in [
            (1, "Install it", "One pip command installs the library."),
            (2, "Write a schema", "Each column of the ratings table gets a type and a range."),
            (3, "Validate", "The cleaning function validates its input every time."),
            (4, "Run it on our movie data", EXAMPLES),
            (5, "Read the report", "The report lists failing rows and their movie ids."),
            (6, "Schedule it", "The nightly job now runs the checks first."),
        ]
    )
    got = read(post(STANDARD_PROBLEM, steps, STANDARD_ASSESSMENT))["examples"]
    assert [label for _how, label in taken(got)] == [
        f"Step {n}: {t}"
        for n, t in [
            (1, "Install it"),
            (2, "Write a schema"),
            (3, "Validate"),
            (4, "Run it on our movie data"),
            (5, "Read the report"),
            (6, "Schedule it"),
        ]
    ]
    assert {how for how, _label in taken(got)} <= {HEADING, HINT, SERIES}
    assert got.words > len(EXAMPLES.split()) + 30  # every step's words count


def test_subsections_under_a_matching_heading_count_with_it() -> None:
    text = post(
        STANDARD_PROBLEM,
        f"## Walkthrough\n\n### Tracking runs\n\n{EXAMPLES}\n\n### The registry\n\n"
        "The best model of the movie recommender is registered and served by name.",
        STANDARD_ASSESSMENT,
    )
    got = read(text)["examples"]
    assert taken(got) == [
        (HEADING, "Walkthrough"),
        (NESTED, "Tracking runs"),
        (NESTED, "The registry"),
    ]
    assert got.words == len(EXAMPLES.split()) + 13


def test_a_subsection_naming_another_requirement_is_not_swallowed() -> None:
    text = (
        f"# How Pandera keeps our movie ratings clean\n\n## The problem\n\n{PROBLEM}\n\n"
        f"## Using it on the ratings\n\n{EXAMPLES}\n\n## Limitations\n\n{LIMITS}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(HEADING, "The problem")]
    assert taken(got["assessment"]) == [(HEADING, "Limitations")]


def test_weak_supervision_after_about_is_the_problem_not_a_weakness() -> None:
    text = post(
        "## About\n\nThis post is part of a series; I am a master's student.\n\n"
        "## Weak Supervision\n\nOur app needs content warnings for movies, but labelling plots "
        "by hand is slow and expensive, our volunteers disagreed on a fifth of them, and "
        "without labels there is no model, so the warnings stay manual and incomplete.",
        STANDARD_EXAMPLES,
        "## Pros and cons\n\n" + STRENGTHS + " " + LIMITS,
    )
    got = read(text)
    assert taken(got["problem"]) == [(CONTENT, "Weak Supervision")]
    assert taken(got["assessment"]) == [(HEADING, "Pros and cons")]


def test_the_classic_workflow_after_about_is_the_problem() -> None:
    text = post(
        "## About this post\n\nI tried a workflow library on our recommender.\n\n"
        "## The Classic Data Science Workflow\n\nModels start in a notebook that only works "
        "on one laptop, when the cells run in the right order. Moving it to a server means "
        "rewriting it by hand, and nobody can tell which data produced the model in "
        "production. Each handover costs days and mistakes slip in.",
        STANDARD_EXAMPLES,
        STANDARD_ASSESSMENT,
    )
    got = read(text)["problem"]
    assert got.found and got.parts[0].label == "The Classic Data Science Workflow"


def test_a_subtitle_heading_is_never_the_section() -> None:
    text = (
        "# Pandera for ratings\n## Why bad data never crashes anything\n\n"
        f"# About\n\n{PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    )
    got = read(text)["problem"]
    assert got.found and all(p.words > 0 for p in got.parts)
    assert "Why bad data never crashes anything" not in got.names


def test_the_section_with_content_wins_over_an_empty_one() -> None:
    text = post(
        STANDARD_PROBLEM,
        STANDARD_EXAMPLES,
        f"## Strengths\n\n## Our verdict: strengths and limitations\n\n{STRENGTHS} {LIMITS}",
    )
    got = read(text)["assessment"]
    assert taken(got) == [(HEADING, "Our verdict: strengths and limitations")]


@pytest.mark.parametrize("trap", ["Consistency checks across batches", "3. Value Constraints"])
def test_prefix_traps_do_not_stand_in_for_a_deleted_assessment(trap: str) -> None:
    text = post(
        STANDARD_PROBLEM,
        STANDARD_EXAMPLES + f"\n\n### {trap}\n\nEach batch of ratings is compared with the last.",
        "## Conclusion\n\nThe checks now run after every hourly load of movie ratings.",
    )
    got = read(text)["assessment"]
    assert not got.found


def test_a_heading_poor_post_is_read_by_its_paragraphs() -> None:
    text = f"{PROBLEM}\n\n{EXAMPLES}\n\n{STRENGTHS} {LIMITS}\n"
    got = read(text)
    assert all(r.found and r.by_content for r in got.values())
    assert [r.parts[0].lines for r in got.values()] == [(1,), (3,), (5,)]


def test_a_post_that_lacks_the_problem_is_reported_missing() -> None:
    text = post(
        "Giskard is an open-source library. This post shows how to install it.",
        STANDARD_EXAMPLES,
        STANDARD_ASSESSMENT,
    )
    assert not read(text)["problem"].found


def test_front_matter_mapping_wins() -> None:
    text = post(f"## Monday morning\n\n{PROBLEM}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT)
    got = read(text, mapping={"problem": "Monday morning"})["problem"]
    assert [p.how for p in got.parts] == ["mapped"]


# --- plain-worded problems and sections between the problem and the assessment ----------

PLAIN_PROBLEM = (
    "Each of us trained models on a laptop and kept notes in our own way. When the TA asked "
    "which run produced the model in our demo, it took an evening of digging through folders, "
    "and two of us had used different versions of the ratings file without knowing it."
)


def test_a_plain_worded_problem_at_the_start_is_read_with_a_warning() -> None:
    text = post(f"## How we got here\n\n{PLAIN_PROBLEM}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT)
    problem = read(text)["problem"]
    assert problem.by_content and problem.parts[0].label == "How we got here"


def test_too_little_plain_wording_is_still_missing() -> None:
    short = "We kept notes without a system."
    text = post(f"## How we got here\n\n{short}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT)
    assert not read(text)["problem"].found


def test_plain_wording_at_the_end_is_not_a_problem_section() -> None:
    text = post(STANDARD_EXAMPLES, STANDARD_ASSESSMENT, f"## Afterword\n\n{PLAIN_PROBLEM}")
    assert not read(text)["problem"].found


def test_numbered_sections_between_problem_and_assessment_are_examples() -> None:
    text = (
        f"## 1. The trouble\n\n{PROBLEM}\n\n## 2. Install\n\nOne command installed it.\n\n"
        f"## 3. A pipeline\n\n{EXAMPLES}\n\n## 4. Gotchas\n\n{STRENGTHS} {LIMITS}\n"
    )
    examples = read(text)["examples"]
    assert [p.label for p in examples.parts] == ["2. Install", "3. A pipeline"]
    assert "movie ratings" in examples.text


def test_a_section_after_the_assessment_does_not_join_the_examples() -> None:
    text = post(STANDARD_PROBLEM, STANDARD_EXAMPLES, STANDARD_ASSESSMENT) + (
        "\n## Next steps\n\nWe will try the movie ratings of next season too.\n"
    )
    examples = read(text)["examples"]
    assert [p.label for p in examples.parts] == ["How it helps with our movie ratings"]


def test_a_generic_heading_gives_its_section_to_a_requirement_nothing_else_serves() -> None:
    text = (
        f"## Myth 1: we will see it on the dashboard\n\n{PLAIN_PROBLEM} Nobody looked at the "
        "dashboard, so the failure went unnoticed for days.\n\n"
        f"## Myth 2: alerts are hard to set up\n\n{EXAMPLES}\n\n"
        f"## Gotchas\n\n{STRENGTHS} {LIMITS}\n"
    )
    readings = read(text)
    assert readings["problem"].by_content
    assert readings["problem"].parts[0].label.startswith("Myth 1")
    assert [p.label for p in readings["examples"].parts] == ["Myth 2: alerts are hard to set up"]


def test_the_scenario_may_be_named_in_inline_code() -> None:
    examples = (
        "I declared each table as an asset: `viewer_ratings`, `movie_catalogue` and "
        "`ranking_model`. Materialising the model ran only what was out of date, and a "
        "replayed day with a failed step stopped before training."
    )
    text = post(
        STANDARD_PROBLEM, f"## Assets instead of scripts\n\n{examples}", STANDARD_ASSESSMENT
    )
    reading = read(text)["examples"]
    assert reading.found and "movie_catalogue" in reading.text


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        ("run `ratings_daily` then ``a `quoted` name``", "ratings_daily quoted"),
        ("an unclosed `ratings and ``two`", ""),
        ("a line of " + "`" * 5_000, ""),
        ("`a" * 2_000, " ".join(["a"] * 1_000)),
    ],
)
def test_inline_code_spans_pair_runs_of_one_length(line: str, spans: str) -> None:
    body = Body(line + "\n", 1)
    [paragraph] = paragraphs(body, outline(body))
    assert paragraph.code == spans
