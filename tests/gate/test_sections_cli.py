"""The sections rules through `anthology check`: advice vs. blocking minimums, messages that
name the sections used, `--explain`, and the job summary's mapping table."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import HERE, Runner

SOURCE = (HERE / "good" / "two-authors.md").read_text(encoding="utf-8")
FRONT, BODY = SOURCE.split("\n---\n", 1)[0] + "\n---\n", SOURCE.split("\n---\n", 1)[1]


def _section(body: str, heading: str) -> str:
    start = body.index(f"## {heading}")
    end = body.find("\n## ", start + 1)
    return body[start : end if end != -1 else len(body)]


def write(content: Path, body: str, name: str = "post.md", front: str = FRONT) -> Path:
    path = content / "posts" / "F2026" / name
    path.write_text(front + body, encoding="utf-8")
    return path


def check(run: Runner, content: Path, *args: str) -> tuple[int, list[dict], str]:
    code, out, err = run("--content", str(content), "check", "--format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)["findings"], err


def shorten_examples(words: int) -> str:
    """The good post with its examples section cut to `words` words."""
    section = _section(BODY, "How Deepchecks helps with our movie ratings")
    kept = " ".join(section.split("\n", 1)[1].split()[:words])
    return BODY.replace(section, f"## How Deepchecks helps with our movie ratings\n\n{kept}\n\n")


def test_a_short_section_is_advice_naming_the_section(content: Path, run: Runner) -> None:
    code, found, _err = check(run, content, str(write(content, shorten_examples(116))))
    short = [f for f in found if f["rule"] == "section-too-short"]
    assert code == 0 and len(short) == 1 and short[0]["severity"] == "warning"
    assert "‘How Deepchecks helps with our movie ratings’, 116 words" in short[0]["message"]
    assert "at least 120" in short[0]["message"]


def test_course_yaml_can_make_a_minimum_blocking(content: Path, run: Runner) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    course.write_text(
        text.replace(
            "        min_words: 120\n", "        min_words: 120\n        min_words_blocking: true\n"
        ),
        encoding="utf-8",
    )
    code, found, _err = check(run, content, str(write(content, shorten_examples(116))))
    short = [f for f in found if f["rule"] == "section-too-short"]
    assert code == 1 and [f["severity"] for f in short] == ["error"]


def test_split_assessment_is_named_in_the_message(content: Path, run: Runner) -> None:
    section = _section(BODY, "Strengths and limitations")
    first, second = section.split("\n", 1)[1].strip().split("\n\n", 1)
    body = BODY.replace(
        section,
        f"## What worked well\n\n{first[:200]}\n\n## Where it falls short\n\n{second[:150]}\n\n",
    )
    _code, found, _err = check(run, content, str(write(content, body)))
    short = [f for f in found if f["rule"] == "section-too-short"]
    assert len(short) == 1
    assert "‘What worked well’ + ‘Where it falls short’" in short[0]["message"]
    assert re.search(r", \d+ words; at least 80", short[0]["message"])


def test_content_without_a_clear_heading_passes_with_a_warning(content: Path, run: Runner) -> None:
    body = BODY.replace("## Strengths and limitations", "## A few weeks later")
    code, found, _err = check(run, content, str(write(content, body)))
    unclear = [f for f in found if f["rule"] == "section-heading-unclear"]
    assert code == 0 and "section-missing" not in {f["rule"] for f in found}
    assert len(unclear) == 1 and unclear[0]["severity"] == "warning"
    assert "‘A few weeks later’" in unclear[0]["message"] and unclear[0]["rubric"] == "strengths"
    assert (
        unclear[0]["line"]
        == BODY.count("\n", 0, BODY.index("## Strengths")) + FRONT.count("\n") + 1
    )


def test_a_post_that_truly_lacks_the_assessment_fails(content: Path, run: Runner) -> None:
    body = BODY.replace(_section(BODY, "Strengths and limitations"), "")
    code, found, _err = check(run, content, str(write(content, body)))
    missing = [f for f in found if f["rule"] == "section-missing"]
    assert code == 1 and len(missing) == 1 and missing[0]["rubric"] == "strengths"
    assert "no section on “Strengths and limitations”" in missing[0]["message"]


def test_explain_names_what_was_taken_and_passed_over(content: Path, run: Runner) -> None:
    post = write(content, BODY)
    code, out, _err = run("--content", str(content), "check", "--explain", str(post))
    assert code == 0
    assert "how the sections were read" in out
    assert "taken: ‘The problem: quiet changes in the data’ (line 24)" in out
    assert "the heading names it (strength, limitation)" in out
    assert "passed over: ‘Conclusion’ hints at it (conclusion)" in out
    # a machine-readable format keeps stdout parseable; the explanation goes to stderr
    code, out, err = run(
        "--content", str(content), "check", "--explain", "--format", "json", str(post)
    )
    assert json.loads(out)["summary"]["passed"] and "how the sections were read" in err


def test_summary_table_maps_sections_and_escapes_headings(content: Path, run: Runner) -> None:
    body = BODY.replace("## Strengths and limitations", "## Strengths & limits (v2.0) <3 | #1!")
    post = write(content, body)
    code, out, _err = run("--content", str(content), "check", "--format", "markdown", str(post))
    assert code == 0
    table = out[out.index("### How the sections were read") :]
    row = next(line for line in table.splitlines() if "Strengths and limitations |" in line)
    assert r"| Strengths &amp; limits \(v2\.0\) &lt;3 \| \#1\! | " in row
    assert "| heading |" in row
    assert r"The problem: quiet changes in the data" in table


def test_a_bad_content_position_is_a_configuration_error(content: Path, run: Runner) -> None:
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("position: start", "position: top"),
        encoding="utf-8",
    )
    code, _out, err = run("--content", str(content), "check")
    assert code == 2 and "course.yaml" in err and "'top'" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("        unplaced_words: 150\n", "        unplaced_words: lots\n"),
        ("        unplaced_words: 150\n", "        unplaced_words: -3\n"),
        ("        min_words: 120\n", "        min_words: 1.5e2\n"),
    ],
)
def test_a_bad_word_count_setting_is_a_configuration_error(
    content: Path, run: Runner, old: str, new: str
) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    assert old in text
    course.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, _out, err = run("--content", str(content), "check")
    key = new.split(":")[0].strip()
    assert code == 2 and "course.yaml" in err and "Traceback" not in err
    assert f"`{key}` is not a whole number of words" in err


STORY_BODY = """
**Part I: the mess**

Our nightly job is a chain of shell scripts started by cron: pull the day's watch events,
clean them, rebuild the viewer features, retrain the ranker and copy it to the server. When
one of the scripts failed, the next ones ran anyway on old files. Nobody got a message, and
twice we served a model trained on half a day of data without knowing it, which is exactly
the kind of silent failure that costs a recommender its viewers' trust.

**Part II: five tasks**

I wrote one flow with five tasks, each calling one of our existing scripts, plus a schedule
at 2 a.m. The path of the cleaned file is passed from one task to the next. I broke the
cleaning step on purpose with a malformed file: the run stopped at that task, kept the logs
of every step and sent a message to our chat. After the fix, restarting from the failed task
resumed the flow without pulling the data again, which saves twenty minutes each night and
means a failure no longer goes unnoticed until the next morning's meeting.

**Part III: strengths and limitations**

The interface is the best part: a new teammate saw the whole pipeline and every past run
without asking. However, anything non-trivial ends up as a script inside a text field, which
is awkward to test, and the server needs a database and about a gigabyte of memory, heavy for
a small machine. Some plugins we wanted are only in the paid edition.
"""


def test_examples_referring_to_the_scenario_told_earlier_pass(content: Path, run: Runner) -> None:
    post = write(content, STORY_BODY)
    code, found, _err = check(run, content, str(post))
    rules = {f["rule"] for f in found}
    assert code == 0 and not rules & {"section-missing", "scenario-missing"}
    code, out, _err = run("--content", str(content), "check", "--explain", str(post))
    assert "taken: ‘Part III: strengths and limitations’" in out  # a bold line as a heading
    assert "scenario: “our script” refers to ‘Part I: the mess’, which names the scenario" in out


def test_examples_on_other_data_still_lack_the_scenario(content: Path, run: Runner) -> None:
    body = STORY_BODY.replace("each calling one of our existing scripts", "on the sample data")
    body = body.replace("sent a message to our chat", "sent a message")
    code, found, _err = check(run, content, str(write(content, body)))
    missing = [f for f in found if f["rule"] in ("section-missing", "scenario-missing")]
    assert code == 1 and [f["rubric"] for f in missing] == ["scenario"]
    assert missing[0]["line"] is not None and missing[0]["path"].endswith("post.md")


@pytest.mark.parametrize(
    ("owner", "passes"),
    [
        # "the scripts" are what the problem called the writer's own (batches 728 to 735)
        ("Our", True),
        # ... not scripts the problem only tells of
        ("Some old", False),
    ],
)
def test_examples_may_refer_to_what_the_problem_called_the_writer_s_own(
    content: Path, run: Runner, owner: str, passes: bool
) -> None:
    """A walkthrough in no scenario word that says "the scripts" goes on with the story
    when the problem told "Our shell scripts …" in the scenario's words."""
    body = (
        STORY_BODY.replace(
            "Our nightly job is a chain of shell scripts started by cron:",
            f"{owner} shell scripts run the nightly job from cron:",
        )
        .replace("one of our existing scripts", "one of the scripts")
        .replace("sent a message to our chat", "raised an alert")
        .replace("restarting from the failed task", "restarting from the broken task")
        .replace("without pulling the data again", "skipping the pull")
    )
    post = write(content, body)
    code, found, _err = check(run, content, str(post))
    missing = [f["rubric"] for f in found if f["rule"] in ("section-missing", "scenario-missing")]
    assert (code, missing) == ((0, []) if passes else (1, ["scenario"]))
    if passes:
        _code, out, _err = run("--content", str(content), "check", "--explain", str(post))
        assert "scenario: “the script” refers to ‘Part I: the mess’" in out


DIARY = """
**Monday**

Bad news at standup. Our endpoint kept answering, but what we served after the nightly
retrain looked off: the same five films for almost every user, and the click-through in
the online evaluation fell by half. Nobody could say which night's export was to blame,
and the dashboard only said the model was new.

**Tuesday**

I installed Deepchecks next to the retraining job and ran its data integrity suite on the
last ten exports of our ratings. It flagged two nights at once: 31 percent of rows without
a movie id, and a duplicated batch of watch events from the Kafka replay.

**Wednesday**

I added the suite to the nightly job so the retrain stops when a check fails, and replayed
last week's exports through it: the broken night stopped the job in 40 seconds, and the
recommendations stayed on the previous model.

**Thursday: what I think of Deepchecks**

The checks are quick to set up and the report is clear. However, the full suite is slow on
our VM, about four minutes per export, and its defaults are confusing: they flag harmless
columns until you tune them.
"""


@pytest.mark.parametrize(
    ("monday", "problem"),
    [
        # the day before the tool arrives tells what it was for, in few problem words
        # (batches 728 to 743)
        ("", "‘Monday’"),
        # ... not a day that already uses it
        (" So I ran Deepchecks on Monday night too.", None),
    ],
)
def test_a_diary_s_day_before_the_tool_tells_the_problem(
    content: Path, run: Runner, monday: str, problem: str | None
) -> None:
    """The first day of a diary whose days the walkthrough took may tell the problem with
    less evidence when it neither names the tool nor shows code and a later day names it."""
    body = DIARY.replace("the model was new.", "the model was new." + monday)
    post = write(content, body)
    code, found, _err = check(run, content, str(post))
    missing = [f["rubric"] for f in found if f["rule"] == "section-missing"]
    errors = [f["rule"] for f in found if f["severity"] == "error"]
    assert (code, missing) == ((0, []) if problem else (1, ["problem"])), errors
    if problem:
        _code, out, _err = run("--content", str(content), "check", "--explain", str(post))
        assert f"The problem the tool addresses [problem]: {problem}" in out


# A section the gate cannot place: a plain history of the service, in words that name no
# requirement (so it reads as none of them), long enough that the gate doubts its verdict.
CHRONICLE = (
    "## Chapter one\n\n"
    + " ".join(
        [
            "Our service opened in 2019 with four hundred documentaries and a few thousand "
            "members in two cities.",
            "Two years later the catalogue held twelve thousand titles, from silent comedies "
            "to this spring's festival winners, and members watched on phones, televisions "
            "and web browsers in four countries.",
            "The home page shows rows of titles for each member, and the order of those rows "
            "comes from a model that our team of five retrains at night.",
            "The model reads the ratings that members give, the titles they finish and the "
            "ones they abandon after a few minutes.",
            "Ratings arrive from the apps all day and land in one table, one row per rating, "
            "with the member, the title, the score, the device and the time.",
            "A second table holds what each member watched and for how long.",
            "Both tables feed the nightly training job, which writes a new model file, and a "
            "small web service loads that file each morning and answers the apps.",
            "Deepchecks entered this picture in the autumn, when we added it to that job.",
        ]
    )
    + "\n\n"
)


def test_a_long_section_the_gate_cannot_place_is_a_warning(content: Path, run: Runner) -> None:
    body = CHRONICLE + BODY[BODY.index("## How Deepchecks") :]  # no opening, no problem
    code, found, _err = check(run, content, str(write(content, body)))
    rules = {f["rule"] for f in found}
    doubt = [f for f in found if f["rule"] == "section-unrecognised"]
    assert code == 0 and "section-missing" not in rules
    assert len(doubt) == 1 and doubt[0]["severity"] == "warning" and doubt[0]["rubric"]
    assert "no section on “The problem the tool addresses” was recognised" in doubt[0]["message"]
    assert "‘Chapter one’ (" in doubt[0]["message"]
    assert 'sections: {problem: "Chapter one"}' in doubt[0]["fix"]
    assert (
        doubt[0]["line"] == FRONT.count("\n") + body[: body.index("## Chapter one")].count("\n") + 1
    )

    # the course can make it blocking again: without `unplaced_words`, it is "missing"
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("        unplaced_words: 150\n", ""),
        encoding="utf-8",
    )
    code, found, _err = check(run, content, str(write(content, body)))
    missing = [f for f in found if f["rule"] == "section-missing"]
    assert (
        code == 1 and len(missing) == 1 and "section-unrecognised" not in {f["rule"] for f in found}
    )


def test_a_section_defining_the_tool_does_not_excuse_a_missing_problem(
    content: Path, run: Runner
) -> None:
    """ "What is Deepchecks?" opening "Deepchecks is an open-source library" was read, as
    what the tool is: however long, it excuses no missing problem. The same long section
    with no definition, under a heading that hints at no problem, still gets the warning
    (the gate may have missed the problem); under one that does ("What is …" hints at the
    background), its text was read and has no word of one."""
    definition = (
        "## What is Deepchecks?\n\n"
        "Deepchecks is an open-source library for testing data and models. "
        + CHRONICLE.split("\n\n", 1)[1]
    )
    body = definition + BODY[BODY.index("## How Deepchecks") :]
    code, found, _err = check(run, content, str(write(content, body)))
    missing = [f for f in found if f["rule"] == "section-missing"]
    assert code == 1 and len(missing) == 1 and missing[0]["rubric"] == "problem"
    assert "section-unrecognised" not in {f["rule"] for f in found}
    undefined = definition.replace("Deepchecks is an open-source library", "We use a library")
    body = undefined + BODY[BODY.index("## How Deepchecks") :]
    code, found, _err = check(run, content, str(write(content, body)))
    assert code == 1 and "section-unrecognised" not in {f["rule"] for f in found}
    unhinted = undefined.replace("## What is Deepchecks?", "## Where Deepchecks sits")
    body = unhinted + BODY[BODY.index("## How Deepchecks") :]
    code, found, _err = check(run, content, str(write(content, body)))
    assert code == 0 and "section-unrecognised" in {f["rule"] for f in found}


# what the tool does, told as no one's story (no "we", "I" or "they"): 150 words and more
DESCRIPTION = (
    "The library groups its checks into suites. A data integrity suite looks at one table: "
    "mixed types in a column, duplicate rows, strings that differ only in case, labels "
    "that conflict for the same input and values outside the range seen before. A train "
    "and test suite compares two tables and reports drift per feature, with a score and a "
    "plot, and it flags features whose new values never appeared in training. A model "
    "evaluation suite needs a fitted model as well and reports weak segments, where the "
    "error is far above the average, and calibration. Each check returns a result object "
    "with a value and a display, and a condition can be attached to it, such as a drift "
    "score below 0.2, so that a suite passes or fails as a whole. Results are saved as an "
    "HTML report or as JSON. The checks run on pandas frames, and a separate package "
    "covers images and text in the same way, with the same result objects."
)


@pytest.mark.parametrize(
    ("heading", "missing"),
    [
        ("## What it does", True),
        ("## What?", True),
        # under a heading that does not describe the tool, its trouble words tell a need
        ("## Where Deepchecks sits", False),
    ],
)
def test_a_description_under_a_describing_heading_does_not_excuse_a_missing_problem(
    content: Path, run: Runner, heading: str, missing: bool
) -> None:
    """A long section under "What it does" or a bare "What?" that describes the tool and
    tells nothing as anyone's story (batches 1398, 1517: "What Compose is", "What?") was
    read, as what the tool is, like one that opens by defining it: its trouble words
    ("duplicate rows", "fails") serve no problem, and it excuses no missing one."""
    body = f"{heading}\n\n{DESCRIPTION}\n\n" + BODY[BODY.index("## How Deepchecks") :]
    code, found, _err = check(run, content, str(write(content, body)))
    rules = {f["rule"] for f in found}
    assert "section-unrecognised" not in rules
    assert ("section-missing" in rules) is missing and code == (1 if missing else 0)


def test_an_opening_defining_the_tool_does_not_excuse_a_missing_problem(
    content: Path, run: Runner
) -> None:
    """In a post with headings, the text before the first one is a section of its own: when
    it opens by defining the tool and tells no problem, however long, the problem is
    missing (batch 1060: a history of the tool and the writer's curiosity)."""
    opening = (
        "Deepchecks is an open-source library for testing data and models. "
        + (CHRONICLE.split("\n\n", 1)[1])
    )
    body = opening + BODY[BODY.index("## How Deepchecks") :]
    code, found, _err = check(run, content, str(write(content, body)))
    missing = [f for f in found if f["rule"] == "section-missing"]
    assert code == 1 and len(missing) == 1 and missing[0]["rubric"] == "problem"
    assert "section-unrecognised" not in {f["rule"] for f in found}
    # the same opening without the definition may tell the problem in words the gate
    # does not know: a warning
    body = body.replace("Deepchecks is an open-source library", "We use a library", 1)
    code, found, _err = check(run, content, str(write(content, body)))
    assert code == 0 and "section-unrecognised" in {f["rule"] for f in found}


CURIOUS_OPENING = (
    "I have always been curious about how data gets tested. When our class asked us to "
    "pick a tool nobody had claimed, I went for Deepchecks, since I never had to write a "
    "single data test myself. {problem}This post is my account of a few weeks with it.\n\n"
)


@pytest.mark.parametrize(
    ("problem", "missing"),
    [
        # curiosity and the choice of a tool: no need of the team's ("had to" is no pain)
        ("", True),
        # ... nor is what the tool is, in words of pain ("without")
        (
            "It is a drop-in replacement for hand-written asserts that checks a table "
            "without loading it twice, which is what made me pick it, and I wanted to "
            "understand how. ",
            True,
        ),
        # ... nor what it spares the team, in words of need (batch 1527)
        (
            "It checks a table fast without needing a cluster, and there is nothing to "
            "install on the servers and nothing to configure. ",
            True,
        ),
        # the team's pain, told in one sentence, is the problem
        (
            "Twice a broken ratings export went unnoticed for days, and viewers got the "
            "same five films until somebody complained. ",
            False,
        ),
    ],
)
def test_curiosity_and_picking_a_tool_tell_no_problem(
    content: Path, run: Runner, problem: str, missing: bool
) -> None:
    body = CURIOUS_OPENING.format(problem=problem) + BODY[BODY.index("## How Deepchecks") :]
    code, found, _err = check(run, content, str(write(content, body)))
    rubrics = [f["rubric"] for f in found if f["rule"] == "section-missing"]
    assert (code, rubrics) == ((1, ["problem"]) if missing else (0, [])), found


def test_a_short_unplaced_section_does_not_excuse_a_missing_one(content: Path, run: Runner) -> None:
    short = CHRONICLE.split(". ")[0] + ".\n\n"  # one sentence: far under `unplaced_words`
    body = short + BODY[BODY.index("## How Deepchecks") :]
    code, found, _err = check(run, content, str(write(content, body)))
    missing = [f for f in found if f["rule"] == "section-missing"]
    assert code == 1 and len(missing) == 1 and missing[0]["rubric"] == "problem"
    assert "section-unrecognised" not in {f["rule"] for f in found}


VENDOR_DEMO = """## How Deepchecks helps

I followed the library's quickstart, which uses the iris flowers dataset. I installed the
package, loaded the sample data into two tables and ran the data integrity suite on them.
The suite wrote a report page with eleven checks, and two of them failed on purpose: the
quickstart adds duplicate rows and a column of mixed types to show what a failure looks
like. I then ran the train-test validation suite and it flagged the feature whose values
had shifted between the two splits, with a chart of both distributions.

"""


def _examples(paragraph: str) -> str:
    section = _section(BODY, "How Deepchecks helps with our movie ratings")
    return BODY.replace(section, VENDOR_DEMO + paragraph + "\n\n")


def _scenario_shown(content: Path, run: Runner, paragraph: str) -> bool:
    """Whether the examples, the vendor demo then `paragraph`, show the scenario: the check
    passes, or it fails with `scenario-missing`."""
    code, found, _err = check(run, content, str(write(content, _examples(paragraph))))
    missing = [f for f in found if f["rule"] == "scenario-missing"]
    assert (code, bool(missing)) in ((0, False), (1, True)), [f["message"] for f in found]
    return not missing


@pytest.mark.parametrize(
    ("paragraph", "shown"),
    [
        ("For our movie service, the same steps would let us A/B test each new model.", False),
        ("On our movie service, these suites could check the ratings before retraining.", False),
        ("For our movie service, the same steps then A/B tested each new model.", True),
        ("I ran it on last night's 40,000 movie ratings, so we could retrain on clean rows.", True),
    ],
)
def test_a_demo_mapped_onto_the_scenario_shows_no_use_of_it(
    content: Path, run: Runner, paragraph: str, shown: bool
) -> None:
    """After a walkthrough of the vendor's sample data, a line that maps it onto the
    scenario with one "would" or "could" in the writer's voice (batch 1393) imagines the
    use; the same line told as done, or a step done "so we could" do more, shows it."""
    assert _scenario_shown(content, run, paragraph) is shown


SANDBOX_THEN_PLAN = """## Trying it on a sandbox

I created a trial project, gave the exporter's account the viewer role and pointed it at
{topic}. In Grafana I built a panel of undelivered messages per subscriber: it climbed to
4,000 while my publish loop ran, and fell to 0 within two minutes of stopping it.

## How we would use it in the movie scenario

If our movie recommender moves to a managed endpoint next milestone, we would scrape its
latency and its queue the same way.

"""


@pytest.mark.parametrize(
    ("topic", "shown"),
    [
        # a sandbox told in words other domains share ("viewer", "subscriber"), the
        # movie service only under a heading that plans (batch 1229)
        ("a test topic", False),
        # ... the same told on the team's movie data is a use
        ("our topic of movie ratings", True),
    ],
)
def test_a_walkthrough_naming_the_scenario_only_in_its_plan_shows_no_use(
    content: Path, run: Runner, topic: str, shown: bool
) -> None:
    """The scenario's own words ("movie") only under a heading that plans ("How we would
    use it in the movie scenario"): what the walkthrough tells in words other domains
    share ("the viewer role", "per subscriber") was tried on something else, though the
    problem tells the team's movie service as real."""
    section = _section(BODY, "How Deepchecks helps with our movie ratings")
    body = BODY.replace(section, SANDBOX_THEN_PLAN.format(topic=topic))
    code, found, _err = check(run, content, str(write(content, body)))
    missing = [f for f in found if f["rule"] == "scenario-missing"]
    assert (code, not missing) == ((0, True) if shown else (1, False)), found


@pytest.mark.parametrize(
    "heading",
    ["How this will fit our movie recommender", "Next: our movie recommender", "Future plans"],
)
def test_a_heading_in_the_future_tense_plans_the_scenario(
    content: Path, run: Runner, heading: str
) -> None:
    """A heading that tells what is to come ("How this will fit our movie recommender",
    batch 1413) plans the use its text names; a sandbox before it shows none."""
    plan = (
        f"## {heading}\n\nOur team's movie service will serve its recommendations from R, "
        "and this is where I am going to use it next. The plan is to log one line per "
        "request with the user id, the 20 movie ids and the latency.\n\n"
    )
    sandbox = SANDBOX_THEN_PLAN.format(topic="a test topic").split("## How we would")[0]
    section = _section(BODY, "How Deepchecks helps with our movie ratings")
    body = BODY.replace(section, sandbox + plan)
    _code, found, _err = check(run, content, str(write(content, body)))
    assert [f for f in found if f["rule"] == "scenario-missing"], found


@pytest.mark.parametrize(
    ("imagined", "quoted"),
    [
        (
            "In a recommendation service the same suites could compare each week of movie "
            "ratings with the last one, and a drop in the ratings of one genre would stand out.",
            "In a recommendation service the same suites could …",
        ),
        (  # "used" is not "us": no voice, and a possibility
            "In the movie streaming scenario the suite could be used to explain why a movie "
            "was recommended, for example to debug strange recommendations.",
            "In the movie streaming scenario the suite could …",
        ),
        (  # the writer's voice and a metric, but told as what they would do
            "The first thing I would do for a movie recommender is to compare precision for "
            "each group of viewers, and if one group is served worse we could retrain.",
            "The first thing I would do for a …",
        ),
        (  # an invitation to imagine, with the writer's "our" only in an aside
            "Consider a movie streaming platform like the one in our course project, where "
            "watches and ratings arrive through Kafka and 20 features feed the recommender.",
            "Consider a movie streaming platform like the one …",
        ),
        (  # an invitation to picture it, however concrete
            "Picture a team that has just retrained on a week of movie ratings and wants to "
            "know whether the new model beats the old one on how often viewers start a "
            "recommended movie.",
            "Picture a team that has just retrained on …",
        ),
        (  # what the tool "would have" done is its imagined use
            "It would have caught the broken batch of movie ratings before it reached our "
            "recommender, I think.",
            "It would have caught the broken batch of …",
        ),
    ],
)
def test_a_scenario_only_imagined_is_not_shown(
    content: Path, run: Runner, imagined: str, quoted: str
) -> None:
    """Examples tried on vendor data, with the scenario only as what could be done: the
    error points at that paragraph and quotes it."""
    post = write(content, _examples(imagined))
    code, found, _err = check(run, content, str(post))
    missing = [f for f in found if f["rule"] == "scenario-missing"]
    assert code == 1 and len(missing) == 1 and missing[0]["severity"] == "error"
    lines = post.read_text(encoding="utf-8").splitlines()
    assert missing[0]["line"] == 1 + next(i for i, x in enumerate(lines) if x == imagined)
    assert "only in general or as what could be done" in missing[0]["message"]
    assert f"“{quoted}”" in missing[0]["message"]
    assert "the data you used" in missing[0]["fix"]


@pytest.mark.parametrize(
    "told",
    [
        # in the writer's voice
        "Then we ran the same suite on our movie ratings of the last two weeks.",
        # done and measured, impersonally
        "A replay of one day of watch events through the suite took 41 seconds and "
        "flagged 3 columns.",
        # a condition is no hypothesis: what the pipeline does with the ratings
        "The check raises an error if fewer than 50,000 ratings arrived, so training stops.",
        # one "could" in a story of what was done
        "I loaded a day of our movie ratings and could see within 2 minutes which checks failed.",
        # a regular verb in the past after "I": done, though the explanation that follows
        # guesses twice
        "I sampled 2,000 requests from the recommendation log before and after the change. "
        "The share of R-rated titles dropped to zero and the watch rate went up a little, I "
        "think because those slots might now go to titles the viewers actually like.",
        # what the team would have done without the tool happened instead: a counterfactual
        # of the story, not a plan
        "Without the report I think we would have merged the new model: it showed that "
        "precision on our movie ratings went up 3% while coverage fell by half.",
        # ... and so is what the team would never have found without it
        "The trends page showed that our slowest test trains a model on movie ratings for 4 "
        "minutes, and I could rerun it from the cache. We would never have found that in "
        "the logs.",
        # the course's offline evaluation, said short (batches 704 to 711)
        "Over the next week one pull request was blocked until its author ran our offline "
        "eval script and pasted the numbers: it had lowered hit@20, so he reworked it.",
    ],
)
def test_the_scenario_told_as_done_is_shown(content: Path, run: Runner, told: str) -> None:
    imagined = "A recommender could run this on every batch of ratings."
    body = _examples(imagined + "\n\n" + told)
    code, found, _err = check(run, content, str(write(content, body)))
    assert code == 0, [f["message"] for f in found if f["severity"] == "error"]
    assert not [f for f in found if f["rule"] == "scenario-missing"]


def test_a_course_without_scenario_voice_takes_any_mention(content: Path, run: Runner) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    kept = "\n".join(line for line in text.splitlines() if "scenario_voice:" not in line)
    course.write_text(kept + "\n", encoding="utf-8")
    imagined = "A recommender could run this on every batch of movie ratings."
    assert _scenario_shown(content, run, imagined)


def test_learning_rates_are_not_ratings(content: Path, run: Runner) -> None:
    """Scenario words match as written (plurals aside): "learning rate" or "error rates"
    in a walkthrough on other data do not name the movie ratings."""
    tuned = (
        "We lowered the learning rate twice, and the error rates of both classes fell by 4 "
        "points on the quickstart data."
    )
    code, found, _err = check(run, content, str(write(content, _examples(tuned))))
    missing = [f for f in found if f["rule"] == "scenario-missing"]
    assert code == 1 and len(missing) == 1
    assert "never mentions the scenario" in missing[0]["message"]


@pytest.mark.parametrize(
    ("code", "flagged"),
    [
        ('provider = Tracer(service_name="movie-recommender")\nscores = model.score(user)', False),
        ("ratings = load_week('ratings.parquet')\nsuite.run(ratings)", False),
        ("adult = fetch_adult()\nsuite.run(adult.data)", True),  # the vendor's demo data
    ],
)
def test_code_the_writer_ran_can_show_the_scenario(
    content: Path, run: Runner, code: str, flagged: bool
) -> None:
    """Prose that never names the scenario, under a walkthrough whose fenced code does."""
    section = _section(BODY, "How Deepchecks helps with our movie ratings")
    walkthrough = (
        "## Hands-on\n\nI added the two calls below and ran the suite on "
        "the data of the last two weeks; it flagged 3 columns within 40 seconds.\n\n"
        f"```python\n{code}\n```\n\nThe report page showed each failed check with a chart, "
        "and the second run after the fix passed every check of the suite.\n\n"
    )
    body = BODY.replace(section, walkthrough)
    _code, found, _err = check(run, content, str(write(content, body)))
    assert not [f for f in found if f["rule"] == "section-missing"]
    missing = [f for f in found if f["rule"] == "scenario-missing"]
    assert bool(missing) == flagged, [f["message"] for f in missing]


@pytest.mark.parametrize(
    ("paragraph", "flagged"),
    [
        # an endpoint named in code, in a paragraph of what a team could do
        (
            "A streaming team could package its recommender and call "
            "`/predictions/movie-recommender` from the home page, and the management API "
            "would let it register a retrained model every night.",
            True,
        ),
        # the same endpoint, called by the writer
        (
            "We packaged our model and called `/predictions/movie-recommender` 500 times "
            "from a replay of one day of requests.",
            False,
        ),
    ],
)
def test_names_in_code_of_an_imagined_use_do_not_show_the_scenario(
    content: Path, run: Runner, paragraph: str, flagged: bool
) -> None:
    code, found, _err = check(run, content, str(write(content, _examples(paragraph))))
    missing = [f for f in found if f["rule"] == "scenario-missing"]
    assert bool(missing) == flagged, [f["message"] for f in missing]
    assert (code == 1) == flagged


def test_a_heading_number_is_no_measurement(content: Path, run: Runner) -> None:
    """ "5. Application to a movie streaming platform" over paragraphs of what could be
    done: the heading's number is not a number measured on the scenario."""
    imagined = (
        "### 5. Application to a movie streaming platform\n\n"
        "A recommender could be evaluated on whether viewers of different age groups get "
        "recommendations of similar quality, and the platform would compare the groups."
    )
    code, found, _err = check(run, content, str(write(content, _examples(imagined))))
    missing = [f for f in found if f["rule"] == "scenario-missing"]
    assert code == 1 and len(missing) == 1, [f["message"] for f in found]


def test_the_courses_voice_is_not_the_writers(content: Path, run: Runner) -> None:
    """ "Our course scenario" is the course speaking: the sentence tells no use of the tool,
    while "our ratings" in the writer's own sentence does."""
    course = (
        "The same pattern maps directly onto a movie recommender like the one in our "
        "course scenario."
    )
    assert not _scenario_shown(content, run, course)
    own = "We loaded our movie ratings the same way."
    assert _scenario_shown(content, run, own)


def test_a_list_introduced_as_a_possibility_is_no_use_of_the_tool(
    content: Path, run: Runner
) -> None:
    """ "The same suites could be extended like this:" then a concrete-sounding list: the
    items tell what could be done, so the scenario is still only imagined."""
    imagined = (
        "For a movie recommendation service, the same suites could be extended like this:\n\n"
        "- The nightly training job runs the suite on 2 weeks of held-out ratings.\n"
        "- A failed check stops the release, and 5% of recommendation requests go to the "
        "new model first.\n"
    )
    assert not _scenario_shown(content, run, imagined)
    told = imagined.replace("could be extended like this", "were extended like this")
    assert _scenario_shown(content, run, told)


def test_a_name_in_the_code_of_a_description_illustrates_the_tool(
    content: Path, run: Runner
) -> None:
    """A glossary entry naming an example service in code ("e.g. `recommender`") describes
    the tool; the same name in the writer's own sentence tells its use."""
    glossary = (
        "- **Applications**: a logical service, e.g. `recommender`.\n"
        "- **Pipelines**: stages triggered by an event such as a new image.\n"
    )
    assert not _scenario_shown(content, run, glossary)
    own = "We registered our service as the application `recommender` and deployed it twice."
    assert _scenario_shown(content, run, own)


def test_a_question_on_the_writers_own_system_refers_to_nothing(content: Path, run: Runner) -> None:
    """An FAQ's "Q: And for our training job?" after a vendor demo (batch 958 of the
    evaluation set) asks about the job the problem told; its answer, a plan that ends
    "That's the next step.", uses nothing. Answered with what was done, it shows the
    scenario."""
    planned = (
        "**Q: And for our training job?**\n\n"
        "The library supports it: you pass your own tables to the suite. For us that means "
        "exporting one week of data per table and failing the run on a red check. "
        "That's the next step."
    )
    assert not _scenario_shown(content, run, planned)
    done = (
        "**Q: And for our training job?**\n\n"
        "We passed it one week of our own movie ratings per table, and it flagged the "
        "night the export sent every rating twice."
    )
    assert _scenario_shown(content, run, done)


@pytest.mark.parametrize("dataset", ["public MovieLens 100k dataset", "Chinook sample database"])
def test_a_walkthrough_on_a_public_dataset_is_not_the_scenario(
    content: Path, run: Runner, dataset: str
) -> None:
    """MovieLens is a public dataset of movie ratings, Chinook a sample database of a
    media shop: a walkthrough on them is borrowed material, however much it speaks of
    movies and ratings; the writer's own data ("our own movie ratings from the stream")
    shows the scenario."""
    public = (
        f"I then loaded the {dataset}, 100,000 ratings of 1,682 movies, "
        "and ran the suite on it. The report listed 12 ratings outside the 1 to 5 scale."
    )
    assert not _scenario_shown(content, run, public)
    own = (
        public + "\n\nI ran the same suite on a week of our own movie ratings from the "
        "stream, and it flagged the night the export was half empty."
    )
    assert _scenario_shown(content, run, own)


@pytest.mark.parametrize(
    "public",
    [
        "I downloaded the MovieLens 1M dataset and loaded it with the tool:\n\n{then}",
        # the IMDB movie reviews every deep-learning library ships as a demo (batch 1172)
        "I trained the standard Keras IMDB movie-review sentiment model in a notebook and "
        "ran the tool on it:\n\n{then}",
    ],
)
@pytest.mark.parametrize(
    "then",
    [
        # what the writer saw in the dataset, told in movies and genres (batch 800)
        "The top ten movies by number of ratings were all 1990s dramas, and I charted "
        "the average rating by genre in two more cells.",
        # the code right under the line that loads it
        "```sql\nCREATE TABLE ratings AS SELECT movie_id, rating FROM 'ml-1m/ratings.csv';"
        "\n```\n\nThe top ten movies were all 1990s dramas.",
    ],
)
def test_a_dataset_of_the_scenarios_domain_goes_on_until_the_writers_system(
    content: Path, run: Runner, public: str, then: str
) -> None:
    """MovieLens and the IMDB reviews speak of movies by nature (`story_domain`): what
    follows them in those words is the dataset's, not the scenario tried, until a sentence
    names the writer's own system (`story_system`: "our Kafka stream")."""
    public = public.format(then=then)
    assert not _scenario_shown(content, run, public)
    own = (
        public + "\n\nThen I ran the same queries on a week of ratings from our Kafka "
        "stream, and the top movies there were mostly this year's releases."
    )
    assert _scenario_shown(content, run, own)


def test_a_proposal_is_no_use_of_the_tool(content: Path, run: Runner) -> None:
    """ "How it fits the service (proposal)" over steps with no one doing them imagines the
    use, as "How it would fit" does (batch 804); told as done, the steps show the scenario."""
    proposal = (
        "### How it fits the service ({word})\n\n"
        "1. Nightly: join the rating events from the stream with the movie metadata.\n"
        "2. Train the model next to ALS and score the top 500 movies for new viewers.\n"
    )
    assert not _scenario_shown(content, run, proposal.format(word="proposal"))
    assert not _scenario_shown(content, run, proposal.format(word="as proposed"))
    done = proposal.format(word="what we did").replace("Nightly: join", "Every night we joined")
    assert _scenario_shown(content, run, done)


def test_under_a_heading_that_imagines_only_the_writers_voice_tells_a_use(
    content: Path, run: Runner
) -> None:
    """ "How this would apply to a movie streaming service": concrete instructions under it
    ("Treat the features … as inputs") still imagine; "we logged" tells a use."""
    imagined = (
        "## How this would apply to a movie streaming service\n\n"
        "Treat the recommendation model's inputs (age, movies watched, favourite genres) as "
        "features and log 20 predictions per request with the ratings that follow."
    )
    assert not _scenario_shown(content, run, imagined)
    voiced = imagined.replace("Treat the", "We treated our").replace("and log", "and logged")
    assert _scenario_shown(content, run, voiced)


@pytest.mark.parametrize(
    "planned",
    [
        # the plan is told in the lead-in of the list
        "## Step 6: wire it in (the plan for our team)\n\n"
        "For our movie service the plan is:\n\n"
        "1. Run the check on our ratings table every night.\n"
        "2. Alert our channel when the watch events drift.",
        # ... or in a note after the items
        "## How it fits our service\n\n"
        "- Run the check on our ratings table every night.\n"
        "- Alert our channel when the watch events drift.\n\n"
        "This is the plan for the next milestone.",
    ],
)
def test_a_plan_under_a_heading_that_imagines_is_no_use_even_in_the_writers_voice(
    content: Path, run: Runner, planned: str
) -> None:
    """Under a heading that imagines ("the plan for our team", "How it would fit our
    service"), a line of its text that plans too makes every line under it a plan: "Run
    the check on our ratings table" is then no use, though it speaks in the writer's voice.
    Told as done under the same heading, it still shows the scenario."""
    planned = planned.replace("How it fits", "How it would fit")
    assert not _scenario_shown(content, run, planned)
    done = (
        planned.replace(" (the plan for our team)", "")
        .replace("the plan is", "we did this")
        .replace("This is the plan for the next milestone.", "Both ran for a week.")
        .replace("How it would fit", "How it fits")
    )
    assert _scenario_shown(content, run, done)


@pytest.mark.parametrize(
    "heading", ["How we will use it in our service", "How we'll use it in our service"]
)
def test_a_heading_that_says_what_the_writer_will_do_plans_the_walkthrough(
    content: Path, run: Runner, heading: str
) -> None:
    """ "How we will use this in our recommender" (batch 965) over "Our plan for the next
    milestone is to …" plans the use, as "How we would use it" does: the writer's "will"
    in a heading reads as "would". Told as done under "How we used it", it shows the
    scenario."""
    planned = (
        f"## {heading}\n\n"
        "Our plan for the next milestone is to replace our three settings files with one. "
        "The nightly training job and the ratings service both read it, so the top-20 "
        "mismatch from last month cannot happen again."
    )
    assert not _scenario_shown(content, run, planned)
    done = planned.replace(heading, "How we used it in our service").replace(
        "Our plan for the next milestone is to replace", "Last week we replaced"
    )
    assert _scenario_shown(content, run, done)


@pytest.mark.parametrize(
    "source", ["from the documentation", "from the docs", "of the toy they ship"]
)
def test_an_example_from_the_documentation_is_someone_elses_material(
    content: Path, run: Runner, source: str
) -> None:
    """A run of an example "from the documentation" (batch 968: "This is the toy from the
    documentation") is the library's material, however much it speaks of ratings: no use
    on the scenario. The writer's own ratings are."""
    paragraph = (
        f"I also ran the ratings example {source}, which loads a small table of movie "
        "ratings, and its report flagged 12 duplicated rows."
    )
    assert not _scenario_shown(content, run, paragraph)
    assert _scenario_shown(content, run, paragraph.replace(source, "on our own data"))


DESCRIBED_TOOL = """## {heading}

Deepchecks compares each new version of a table with the last one before a model \
retrains, and flags the changes that matter clearly, with a simple note per check, long \
before the offline score or the suggestions show them. There is also a paid platform with \
dashboards, which I skipped.

## Trying it out

I installed the package and ran the quickstart on my laptop, which uses the iris flowers \
dataset. The suite wrote a report page with eleven checks in 40 seconds, and two of them \
failed on purpose to show what a failure looks like.

"""


@pytest.mark.parametrize("heading", ["What Deepchecks is", "What is Deepchecks?"])
def test_the_tools_description_alone_does_not_go_on_with_the_story(
    content: Path, run: Runner, heading: str
) -> None:
    """ "What ElasticJob is" (batch 978) describes the tool in the words of the problem it
    solves ("a scheduler that coordinates machines"), then the walkthrough runs only the
    bundled demos: the description's shared topics do not make the walkthrough the team's.
    The same paragraph under a heading that does not describe the tool still ties."""
    section = _section(BODY, "How Deepchecks helps with our movie ratings")
    body = BODY.replace(section, DESCRIBED_TOOL.format(heading=heading))
    code, found, _err = check(run, content, str(write(content, body)))
    assert code == 1 and "scenario-missing" in {f["rule"] for f in found}
    body = BODY.replace(section, DESCRIBED_TOOL.format(heading="How we set it up"))
    code, found, _err = check(run, content, str(write(content, body)))
    assert "scenario-missing" not in {f["rule"] for f in found}


@pytest.mark.parametrize(
    ("lead", "items"),
    [
        # the lead's last sentence plans (batch 986)
        (
            "Our team runs a recommendation API that returns 20 movies per user. This is how "
            "I plan to use it on our service:",
            ["Write a schema for our ratings table.", "Run the suite before each training."],
        ),
        # the list imagines what the tool's model would do for the service (batch 982)
        (
            "The course project is a streaming site whose API returns 20 movies per request. "
            "The tool fits that site well:",
            [
                "A check on the ratings would stop a bad week before training.",
                "A second suite could compare two models on the same viewers.",
            ],
        ),
        # the writer's future in the lead ("I'm going to", "we'll"): a plan (batch 1224)
        (
            "Our team runs a recommendation API that returns 20 movies per user. Here's how "
            "I'm going to set this up for milestone 4:",
            ["A schema for our ratings table.", "The suite before each training of our model."],
        ),
        (
            "Our team runs a recommendation API that returns 20 movies per user. This is "
            "what we'll wire up next:",
            ["A schema for our ratings table.", "The suite before each training of our model."],
        ),
    ],
)
def test_a_line_that_leads_into_a_plan_shows_no_use(
    content: Path, run: Runner, lead: str, items: list[str]
) -> None:
    """A paragraph telling the team's service in the present ("Our team runs a
    recommendation API that returns 20 movies") that leads into a planned or imagined list
    sets the scene for the plan: neither it, nor the list, nor the heading over them
    ("Applying it to our movie service") shows the tool used. The same list told as done
    does."""
    listed = "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))
    planned = f"## Applying it to our movie service\n\n{lead}\n\n{listed}"
    assert not _scenario_shown(content, run, planned)
    done = (
        "## Applying it to our movie service\n\n"
        "Our team runs a recommendation API that returns 20 movies per user. This is how I "
        "used it on our service:\n\n"
        "1. I wrote a schema for our ratings table.\n"
        "2. I ran the suite before each training for two weeks."
    )
    assert _scenario_shown(content, run, done)


@pytest.mark.parametrize(
    ("unfinished", "finished"),
    [
        (
            "I read the wiki on adding datasets. I didn't finish the conversion today: our "
            "ratings export is about 2.3 million rows and I wanted to sample it first.",
            "I read the wiki on adding datasets. I finished the conversion today: our ratings "
            "export is about 2.3 million rows and I sampled it first.",
        ),
        (
            "Then I thought about our own service. The plan:\n\n"
            "1. Export our ratings table every night.\n"
            "2. Register it as a dataset next to the sample.",
            "Then I moved on to our own service:\n\n"
            "1. I exported our ratings table every night.\n"
            "2. I registered it as a dataset next to the sample.",
        ),
        # a plan told as such (batch 1236)
        (
            "Our team's retraining jobs are exactly this shape. The plan is for the nightly "
            "retrain of our ratings to push its three metrics to one gateway.",
            "Our team's retraining jobs are exactly this shape. The nightly retrain of our "
            "ratings now pushes its three metrics to one gateway.",
        ),
        # ... or as about to happen (batch 1252)
        (
            "Our team is about to A/B test two recommenders on 40,000 of our viewers, the "
            "current model and one that also uses the movie genres.",
            "Our team A/B tested two recommenders on 40,000 of our viewers, the current "
            "model and one that also uses the movie genres.",
        ),
    ],
)
def test_a_use_the_writer_did_not_finish_or_only_planned_is_not_shown(
    content: Path, run: Runner, unfinished: str, finished: str
) -> None:
    """A diary's last day (batch 977): "I didn't finish the conversion today", what the
    writer only "wanted" to do, and the steps after "The plan:" tell no use of the team's
    ratings, in a sentence or as the story going on; told as done, they do."""
    assert not _scenario_shown(content, run, unfinished)
    assert _scenario_shown(content, run, finished)


SHARED_WORDS_POST = """
## The problem

A recommender that is retrained every night can get slower or worse without anyone
noticing, because nobody compares one night's model with the last. Doing it by hand is
tedious and error prone, and we had no record of what had changed between two models.

## Trying it

I trained the library's ALS model on the listening data it downloads itself: 360,000 users
and their play counts of artists. Training took 41 seconds on my laptop, and asking for the
recommendations of 500 users took 3 seconds; precision at 10 on a held-out split was 0.21.

{scenario}

## Strengths and limitations

Training is fast and the API is small: three calls took me from data to recommendations.
However, the documentation is thin, the GPU build failed on my machine, and there is no way
to add features of the items, which limits it for new titles nobody has played yet.
"""


def _shared_words_shown(content: Path, run: Runner, scenario: str) -> bool:
    post = write(content, SHARED_WORDS_POST.format(scenario=scenario))
    _code, found, _err = check(run, content, str(post))
    return not [f for f in found if f["rule"] == "scenario-missing"]


@pytest.mark.parametrize(
    ("scenario", "shown"),
    [
        # the movie service only imagined: the recommendations were a music dataset's
        (
            "A movie streaming service could use the same model for its viewers, with "
            "the minutes watched in place of play counts.",
            False,
        ),
        # the same model then tried on the writer's own movie service
        (
            "We then trained it on our movie service's watch events, the minutes each viewer "
            "watched of each film, and it beat our popularity baseline by 0.06.",
            True,
        ),
        # the post never names movies: "recommendations" are the scenario's own words here
        ("We kept the nightly precision in a table next to our other metrics.", True),
        # the movie service told as real in one sentence, though the rest of the
        # paragraph is full of "should", "would" and "could"
        (
            "We run a movie service with a few thousand viewers. It should get the same model "
            "next, but we would rather wait until the people we asked could tell the two "
            "lists apart.",
            True,
        ),
    ],
)
def test_words_other_domains_share_show_the_scenario_only_when_it_is_not_imagined(
    content: Path, run: Runner, scenario: str, shown: bool
) -> None:
    """ "Recommendations" from a music dataset, and a movie service that "could" use them,
    is the tool tried on something else (`scenario_shared` in course.yaml)."""
    assert _shared_words_shown(content, run, scenario) is shown


def test_a_course_without_shared_words_takes_any_scenario_word(content: Path, run: Runner) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    start = text.index("    scenario_shared:")
    end = text.index("]", start) + 2
    course.write_text(text[:start] + text[end:], encoding="utf-8")
    imagined = "A movie streaming service could use the same model for its viewers."
    assert _shared_words_shown(content, run, imagined)


OWN_STORY_POST = """
## Why we needed it

Our movie recommender is two services: the `reco-api` Deployment that answers the apps,
and a nightly job that retrains the ranker from the day's watch events. Twice this term a
retrain made `reco-api` slow for an hour and nobody noticed until viewers complained,
because we only looked at averages, and averages hide the slow calls.

## Trying it

{examples}

## Strengths and limitations

Setting it up took one command and the dashboard is clear. However, the documentation of
its rule language is thin, the agent needs 300 MB of memory, and alerts cannot be grouped,
so a bad hour sends a dozen messages.
"""

TRIED = (
    "I installed the agent with one command, put it in front of `{service}` and replayed an "
    "hour of requests: 3,200 calls, 14 of them slower than 200 ms, all after a retrain. I "
    "configured an alert for that case and saw it fire twice in one week."
)


@pytest.mark.parametrize(
    ("examples", "shown"),
    [
        # goes on with the story told as the writer's own: `reco-api` again
        (TRIED.format(service="reco-api"), True),
        # the same walkthrough on the vendor's sample app names nothing of that story
        (TRIED.format(service="shop-demo"), False),
        # the story's service, but the scenario itself only imagined in the examples
        (
            TRIED.format(service="reco-api")
            + "\n\nA movie streaming service could use the same alerts for its viewers.",
            False,
        ),
    ],
)
def test_examples_that_go_on_with_the_writers_own_story_show_the_scenario(
    content: Path, run: Runner, examples: str, shown: bool
) -> None:
    _assert_shown(run, content, OWN_STORY_POST.format(examples=examples), shown)


def test_a_heading_that_imagines_the_scenario_tells_no_use(content: Path, run: Runner) -> None:
    """ "🍿 How this would fit our movie service" after a walkthrough of the tool's own
    sample data (batch 511 of the evaluation set): its "we could also forecast per-genre
    watch volume" imagines the scenario, so the examples never show the tool used on it."""
    text = (HERE.parent / "sections/corpus/sp02-review-autots.md").read_text(encoding="utf-8")
    _assert_shown(run, content, text.split("\n---\n", 1)[1], False)


@pytest.mark.parametrize(
    "note",
    [
        "- Started `nightly.sh` by hand, then ran the same `run-one` line again",
        "- Launched `nightly.sh` by hand, then ran the same `run-one` line again",
    ],
)
def test_a_note_opening_with_a_step_done_tells_a_use(content: Path, run: Runner, note: str) -> None:
    """Terse notes on run-one (batch 891 of the evaluation set) test the team's nightly
    job in list items with no "we": "Started `nightly.sh` by hand, then ran …" tells a step
    done on it, though only its code names the job."""
    text = (HERE.parent / "sections/corpus/zsf05-notes-runone.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    body = body.replace(
        "- Started `nightly.sh` by hand, then ran the same `run-one` line again", note
    )
    front = FRONT.replace(
        "Catching bad training data for a movie recommender with Deepchecks",
        "Notes on run-one, or how we stopped two trainings from running at once",
    ).replace("tool: Deepchecks", "tool: runone")
    code, found, _err = check(run, content, str(write(content, body, front=front)))
    assert code == 0, [f["message"] for f in found if f["severity"] == "error"]


def _assert_shown(run: Runner, content: Path, body: str, shown: bool) -> None:
    """That `anthology check` reads a post of `body` as meeting every requirement (no
    section or scenario missing) exactly when `shown`."""
    _code, found, _err = check(run, content, str(write(content, body)))
    missing = [f["message"] for f in found if f["rule"] in ("scenario-missing", "section-missing")]
    assert (not missing) is shown, missing


POSSESSED_POST = """
These are my notes from a week of trying the linter on our movie recommender repo.

## Why I looked at it

Almost everything in the project is configured in YAML. Last week a retrained model was
clearly worse and nobody had changed the code: a duplicated key in the training settings
had quietly replaced 64 factors with 16, because the loader keeps the last value and logs
nothing. It took an hour of searching to find it.

## Trying it

The first run on {whose} repo gave 83 problems. Most were style, but one was a duplicated
key in the training settings. I wrote a config that turns two noisy rules off, added the
linter as a step of the build, and a pull request that brought the duplicate back failed
in under a second, naming the file and the line. After the config, 83 problems became 11,
and after an afternoon of fixes, none.

## Strengths and limitations

It is fast and needs nothing beyond one install. However, the default rules are noisy: a
third of the first report was about line length, the documentation of the rule options is
thin, and it cannot check what a value means, only how it is written.
"""


@pytest.mark.parametrize(
    ("whose", "shown"),
    [
        # "our repo" refers to what the opening called the writer's own: "our movie
        # recommender repo"
        ("our", True),
        # the vendor's sample repo is no part of that story
        ("the vendor's sample", False),
    ],
)
def test_a_walkthrough_on_what_the_story_called_the_writers_own_shows_the_scenario(
    content: Path, run: Runner, whose: str, shown: bool
) -> None:
    _assert_shown(run, content, POSSESSED_POST.format(whose=whose), shown)


PARTS_UNDER_PROBLEM = """
Why our recommender API needed real authentication
==================================================

For most of the term our movie recommendation API had no authentication at all. Anyone who
knew the address could ask for any viewer's recommendations, which tell what that viewer
has been watching, and anyone could call the endpoint that swaps the model the service
uses. The retraining job and the web front end called it the same way as a stranger would,
so the logs could not tell them apart, and one wrong script could replace a good model.

Part 1: Running the server
--------------------------

{part1}

Part 2: Clients and roles
-------------------------

{part2}

The good and the bad
====================

It was free, the admin console is clear, and tokens made the logs readable. However, the
server needs 550 MB of memory idle, more than our recommender itself, the audience setting
took two hours to find, and upgrades between major versions changed the configuration
format.
"""

OUR_PARTS = (
    "I started the server in one container on the course VM and created a realm for our "
    "movie service. It took about 25 seconds to start and used 550 MB of memory idle.",
    "I created three clients: the web front end, the retraining job and our recommendation "
    "API as the token audience, and two roles, viewer and model-admin. I tested the reload "
    "endpoint with a viewer's token and got 403, then with the retraining job's token and "
    "got the new model loaded in 2 seconds.",
)
DEMO_PARTS = (
    "I started the server in one container from the vendor's getting-started page. It took "
    "about 25 seconds to start and used 550 MB of memory idle.",
    "I followed the tutorial's demo realm: one client for its sample shop app and two roles, "
    "customer and admin. I tested the sample's admin endpoint with a customer's token and got "
    "403, then with the admin's token and got the order list in 2 seconds.",
)


@pytest.mark.parametrize(("parts", "shown"), [(OUR_PARTS, True), (DEMO_PARTS, False)])
def test_numbered_parts_nested_under_the_problem_may_be_the_walkthrough(
    content: Path, run: Runner, parts: tuple[str, str], shown: bool
) -> None:
    """ "Part 1" and "Part 2" sit one level under "Why our recommender API needed real
    authentication", but they are the walkthrough: on the writer's movie service, not on the
    vendor's sample shop."""
    body = PARTS_UNDER_PROBLEM.format(part1=parts[0], part2=parts[1])
    _assert_shown(run, content, body, shown)


LEAD_IN_NOTES = """
**The problem.** Our movie recommendation service has a small client, `recclient.py`, that
the evaluation script and the fallback checker use. Our old tests for it called the real
API on the course VM: slow, flaky, and failing whenever the model was being redeployed. So
the code that handles timeouts and malformed answers was never tested, and that is the
code that matters when production goes wrong.

**Install.** One command, and a decorator on each test.

{walkthrough}

## Downsides I hit

It only fakes the client side: a test passes against a canned answer even when the real
service has changed its format, so we still need one slow test against the real API. The
ordered registry is poorly documented, and a request that matches nothing fails with a
connection error that took me a while to read.
"""

OUR_WALKTHROUGH = """**First test.** I registered a canned answer for the recommend endpoint and
called the client: the test ran in 4 ms with no network at all.

**Retries.** Our health checker retries three times. I registered two 503 answers and one
200 and checked that the checker returned the version after the third call. It found a bug
on the first run: the retry loop slept after the last failed attempt, wasting 2 seconds.

**Results.** 14 tests now run in 0.31 seconds instead of 40, and coverage of
`recclient.py` went from 38 percent to 94 percent."""

DEMO_WALKTHROUGH = """**First test.** I cloned the example project of the vendor, registered a
canned answer for its weather endpoint and called its client: the test ran in 4 ms with no
network at all.

**Retries.** The example's health check retries three times. I registered two 503 answers
and one 200 and checked that it returned the version after the third call, as the
tutorial promised.

**Results.** The example's 14 tests ran in 0.31 seconds, and coverage of its client went
from 38 percent to 94 percent."""


@pytest.mark.parametrize(
    ("walkthrough", "shown"), [(OUR_WALKTHROUGH, True), (DEMO_WALKTHROUGH, False)]
)
def test_notes_in_bold_lead_ins_whose_one_heading_comes_last(
    content: Path, run: Runner, walkthrough: str, shown: bool
) -> None:
    """Notes told in bold lead-ins, with one heading at the end: the walkthrough shares the
    opening text with the problem and refers to its story ("our health checker")."""
    _assert_shown(run, content, LEAD_IN_NOTES.format(walkthrough=walkthrough), shown)


IDEAS_POST = """
## Why

A lot of ML work stops between the notebook and the product. Someone asks to run it with
other parameters or to compare last week's run with this week's, and the notebook has no
interface, no pipeline and no history of runs, so the team glues a dashboard, a scheduler
and dated folders together until nobody knows which parameters made which chart.

## Demo

I followed the getting-started tutorial on its sample dataset of daily sales for a
fictional store. Moving the slider recomputed the smoothed curve in under a second, and
I wrote no JavaScript at all. It took me about an hour to get the tutorial app running.

## Ideas

{who} its retraining as a pipeline of the tool: a data node reading the last 7 days
of watch events exported from Kafka, a task that builds the user-item matrix and a task
that computes NDCG@20 for each run.

## Strengths and limitations

The interface is compact and runs are easy to compare. However, the documentation skips
the orchestration part, the free version has no authentication, and two of its visual
elements broke after an upgrade.
"""


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        # a team named with "a" is somebody else's: the use is only imagined
        ("A streaming team could model", False),
        ("Any ML team could model", False),
        ("Our team modelled", True),
    ],
)
def test_a_team_named_with_a_could_is_somebody_elses(
    content: Path, run: Runner, who: str, shown: bool
) -> None:
    _assert_shown(run, content, IDEAS_POST.format(who=who), shown)


DIARY_WITH_A_VERDICT_DAY = """
This is my diary of four days with a memory profiler, because that is how it happened.

## Day 0 – the problem

Our team runs the retraining of the movie recommender every night in a container on the
course VM, with a memory limit of 4 GB because the VM is shared with the Kafka consumer
and the API. Since last week the job dies almost every night, killed for memory, and
viewers get yesterday's recommendations. Nothing in our logs says which step uses the
memory, and the job runs fine on a laptop with 16 GB.

## Day 1 – line by line

I installed the profiler, added the decorator to `build_matrix` and ran it on one day of
watch events. The output table showed two lines: the pivot of the ratings took 1.9 GB and
a copy of the matrix another 1.1 GB.

## Day 2 – fixing

I replaced the pivot with a sparse matrix built from the user and movie codes and removed
the copy. I measured again: the peak went from 3.4 GB to 0.9 GB.

## Day 3 – the full job over time

I ran the whole retraining under the plot command on 30 days of data. The peak was 2.1
GB, and the job has not been killed for three nights since we deployed the fix.

## Day 4 – what I think about the tool

**Good things:**

- One decorator and one command, no setup, and teammates understood the output table at
  once.
- The plot of the logged memory is easy to put in our team report and to check the peak
  after every change to the pipeline.

**Not so good things:**

- It is slow: with the decorator the function took 71 seconds instead of 19, measured
  on the same data as we used before.
- It measures the memory of the process, not of Python objects, so small allocations are
  invisible, and the package is no longer maintained.
"""


def test_a_diary_whose_verdict_day_has_only_bold_subsections(content: Path, run: Runner) -> None:
    """Days 1 to 3 joined the problem's series ("Day 0 – the problem"); the verdict day holds
    only bold subsections, one of them the limitations. The days are the walkthrough."""
    code, out, err = run(
        "--content",
        str(content),
        "check",
        "--explain",
        str(write(content, DIARY_WITH_A_VERDICT_DAY)),
    )
    assert "internal error" not in err + out and "Traceback" not in err, err
    examples = out.split("[examples]:", 1)[1].split("\n", 1)[0]
    assert "‘Day 1 – line by line’" in examples and "‘Day 3 – the full job over time’" in examples
    assert code == 0, out


def test_a_series_released_from_a_requirement_never_ends_in_an_internal_error(
    content: Path, run: Runner
) -> None:
    """A diary from the evaluation set whose reading once stopped with "internal error:
    RuntimeError: dictionary changed size during iteration": the verdict day's own text is
    empty, so the series released from the problem had no text of its own."""
    source = HERE.parent / "sections" / "corpus" / "ci03-diary-memoryprofiler.md"
    body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
    code, out, err = run("--content", str(content), "check", "--explain", str(write(content, body)))
    assert "internal error" not in err + out and "Traceback" not in err, err
    assert code == 0, out


SHORT_STEPS_POST = """
These are my notes from a weekend of using the tool for our release process.

**The problem**

Our recommender API image, `movie-recs`, is built in CI and pushed to one registry, while
production pulls from another that the cluster can reach. Every release someone pulled
the 3.8 GB image to a laptop, tagged it and pushed it again: twenty minutes on campus
Wi-Fi, and a running Docker daemon. To see which model version a tag holds, we had to pull
the whole image and inspect it.

**Install**

```bash
sudo apt-get install the-tool
```

{walkthrough}

**Things that annoyed me**

- The package did not create its trust policy, and the error does not say what to do.
- The distribution's package is old, some flags from the docs do not exist, and its
  logins are kept apart from Docker's, so I logged in twice.

**Verdict**

For moving images between registries it is the right tool, and it saves us twenty
minutes a release, but it builds and runs nothing.
"""


OUR_STEPS = """**Inspecting without pulling**

We put the model version and the training data snapshot into labels at build time. I
read them in about a second with `the-tool inspect docker://registry/movie-recs:1.6.0`.

This alone settled a recurring argument about which model runs in production, and
listing all tags at once is easier than in the registry's web page, which makes it
annoying.

**Copying between registries**

I logged in to both registries and copied the 1.6.0 tag from one to the other.

Only the layer with the new model weights had changed, so it copied 310 MB instead of 3.8
GB and finished in 52 seconds from the jump host.

I put both steps into a script that checks the offline score label first, so promotion
is one command now."""

SAMPLE_STEPS = """**Inspecting without pulling**

The tutorial's sample image has a version label and a build date. I read them in about a
second with `the-tool inspect docker://quay.io/vendor/hello-world:latest`.

Listing all its tags at once is easier than in the registry's web page, which makes it
annoying.

**Copying between registries**

I started two throwaway registries from the tutorial and copied the sample from one to
the other.

Only one small layer had changed, so it copied 3 MB instead of 40 MB and finished in 2
seconds on my laptop.

I put both steps into a script, as the tutorial suggests, so a copy is one command."""


@pytest.mark.parametrize(("steps", "shown"), [(OUR_STEPS, True), (SAMPLE_STEPS, False)])
def test_short_walkthrough_sections_read_together_though_one_paragraph_weighs(
    content: Path, run: Runner, steps: str, shown: bool
) -> None:
    """Two short sections, each under the minimum, are the walkthrough read together, though
    "it copied 310 MB instead of 3.8 GB" alone reads like a weighing; on the tutorial's
    sample image they show nothing of the scenario."""
    _assert_shown(run, content, SHORT_STEPS_POST.format(walkthrough=steps), shown)


PARTS_STORY = """
This is the story of one slow endpoint and the profiler that found why.

## Part 1: The slow endpoint

Our movie recommendation API answers the home screen of the app. After we added the
"because you watched" row, the p95 latency went from 180 ms to 620 ms, and the course
simulator started to count timeouts for our viewers every evening.

## Part 2: Why guessing does not work

We guessed three times: the model, the database and the JSON encoding. Each guess cost an
afternoon and changed nothing, because a function-level profile only said that
`recommend()` was slow, not which of its forty lines was.

## Part 3: Using it

{part3}

## Part 4: The boring bug

{part4}

## Part 5: What I think about it

### Good

Nobody needs more than one decorator and one command to find which line is slow, and the
output shows the time of every line.

### Not so good

It slows the profiled function down about five times, it only sees the functions you
mark, and its output is hard to read for functions longer than a screen.

## Part 6: Lesson

Measure before guessing: one hour of profiling saved us a week of guesses.
"""

OUR_PARTS_STORY = (
    "I marked `recommend()` with the decorator and replayed 500 logged requests from our "
    "API. The output showed that 71 percent of the time went to one line that loaded the "
    "movie catalog from disk for every request.",
    "The catalog load was left over from a test. I moved it to start-up, replayed the same "
    "requests and measured again: p95 went from 620 ms to 150 ms, and the rating of the "
    "evening went back to no timeouts at all.",
)
SAMPLE_PARTS_STORY = (
    "I marked the example function of the documentation with the decorator and ran its "
    "sample script. The output showed that 71 percent of the time went to one line that "
    "sorts a list of random numbers.",
    "The sort was there on purpose, to show the tool. I replaced it as the documentation "
    "suggests and measured again: the sample ran in 150 ms instead of 620 ms.",
)


@pytest.mark.parametrize(("parts", "shown"), [(OUR_PARTS_STORY, True), (SAMPLE_PARTS_STORY, False)])
def test_parts_after_the_one_that_names_the_problem_may_be_the_walkthrough(
    content: Path, run: Runner, parts: tuple[str, str], shown: bool
) -> None:
    """ "Part 2: Why guessing does not work" names the problem and "Part 1" tells it; "Part 3"
    and "Part 4" are the walkthrough, though the verdict of "Part 5" lies after them."""
    body = PARTS_STORY.format(part3=parts[0], part4=parts[1])
    _assert_shown(run, content, body, shown)


LATE_PROBLEM_HEADING_POST = """
## The problem we had

Our recommender depends on the stream of watch events. If that stream gets weird, the
popularity fallback, the nightly retraining data and our online metrics all get weird.
We only had threshold alerts, fewer than 2,000 events a minute or more than 12,000, which
catch outages but not a change in the shape of the traffic, and they had to be moved by
hand whenever traffic grew.

## Data

{data}

## Running it

I started with a window of 60 minutes and computed the profile in 14 seconds on my laptop.

## What it found

{found}

## Trying the streaming version

The incremental version updates the profile one point at a time. I fed it one minute at a
time for a day and it kept up easily, at about 2 ms a point.

## The window size problem

The window has to be chosen by hand: with 60 minutes it missed a ten-minute drop, and with
ten minutes it flagged every evening peak.

## Pros and cons

It is fast and needs no training. However, choosing the window is guesswork, the results
need a person to read them, and it only looks at one series at a time.
"""

OUR_STREAM = (
    "I exported 21 days of per-minute counts of our watch events from Postgres, 30,240 "
    "points, with a strong daily cycle: 2,500 a minute at 5am and 9,800 around 9pm.",
    "The two highest peaks of the profile were two real incidents of our service: a "
    "duplicate producer replaying an hour of movie plays, and a consumer stuck for 40 "
    "minutes at night that the threshold alerts missed.",
)
SAMPLE_STREAM = (
    "I loaded the taxi passenger counts that ship with the library's tutorial, 10,320 "
    "points at half-hour steps, with a daily and a weekly cycle.",
    "The two highest peaks of the profile were the holidays the tutorial points out, New "
    "Year's Eve and Thanksgiving, as the tutorial promised.",
)


@pytest.mark.parametrize(("stream", "shown"), [(OUR_STREAM, True), (SAMPLE_STREAM, False)])
def test_a_problem_heading_after_the_walkthrough_leaves_the_sections_before_it(
    content: Path, run: Runner, stream: tuple[str, str], shown: bool
) -> None:
    """ "The window size problem", a limitation headed as a problem after the walkthrough,
    does not take "Data", "Running it" and "What it found" away from the walkthrough that
    "Trying the streaming version" names."""
    body = LATE_PROBLEM_HEADING_POST.format(data=stream[0], found=stream[1])
    _assert_shown(run, content, body, shown)


SCENE_POST = """
{opening}

The model itself had not changed, so I wanted to see what the nightly ratings job fed it.
Deepchecks runs a suite of checks on two datasets and writes one report with every result,
so I ran it on the job's input from before and after the drop.

```python
suite = train_test_validation()
result = suite.run(train_dataset=monday, test_dataset=tuesday)
result.save_as_html("ratings-report.html")
```

The report flagged one check in red: the share of our movie ratings from the mobile app
went from 31 percent on Monday to 2 percent on Tuesday. The app had started to send ratings under a
renamed field, and the job dropped every row without it. I added the suite as a step of the
nightly job, and the next renamed field stopped the run after 40 seconds with the same red
check instead of shipping a model trained on a third of the data.

What I liked: the default suite needed no configuration, and the report reads well. However,
the full suite is slow on our 12 million rows, I had to sample 10 percent to keep it under
two minutes, and the documentation of custom checks is thin, so my check for the rating
scale took an afternoon.
"""

SCENE_OPENING = """During last Tuesday's retraining run, the recommender was deployed on
schedule at 02:00, and by 09:00 the share of viewers who clicked a recommended movie had
gone from 11 percent to 6 percent. Latency was fine at a p95 of 80 ms and the service
answered every request, so the dashboards stayed green for seven hours."""

SCENE_STRAIGHT = """I installed Deepchecks with pip in the training environment and opened the
quickstart notebook, which loads the sample data and runs the default suite in a few
minutes."""


def _pair(name: str, passes: str, fails: str) -> list[Any]:
    """A post that meets every requirement and its twin that must still lack one, as
    parameters of `test_paired_readings`."""
    return [
        pytest.param(passes, True, id=f"{name}-passes"),
        pytest.param(fails, False, id=f"{name}-fails"),
    ]


# the opening tells the incident in numbers a walkthrough also uses (deployed, p95,
# percent): before the post names its tool or shows code, it sets the scene; a post
# that opens on the tool itself still lacks the problem
SCENE_PAIR = _pair(
    "scene",
    SCENE_POST.format(opening=SCENE_OPENING),
    SCENE_POST.format(opening=SCENE_STRAIGHT),
)


LATE_HINT_POST = """
## A quiet month

Our team retrains a movie recommender every night on the day's ratings and watch events.
Twice this month the job trained on a broken export: once half the ratings had no movie id,
once every timestamp was from 1970. Nobody noticed for days, because the job still finished
and the model API still answered; we only found out when viewers complained that every
recommendation was the same five films. There was no check between the export and the
training step, and no one had time to look at the data by hand each night.

## Setup

I installed Deepchecks with pip and wrapped a data frame in its dataset class:

```python
data = Dataset(frame, label="label")
result = data_integrity().run(data)
```

## The first 48 hours

{walkthrough}

## Reports and workflow

The report is one HTML file per night. We keep the last 30 in a bucket, and nobody looks
at it unless a check fails, which has happened twice. Opening an old report is slow, and
a crash of the job before the report is written still goes silently, so the stale report
of the night before looks like tonight's and nobody notices.

## My verdict

What I liked: the default integrity suite needed no configuration and caught both kinds
of broken export. However, the full suite is slow on 12 million rows, I had to sample 10
percent to stay under two minutes, and the documentation of custom checks is thin.
"""

LATE_HINT_OWN = """The first run on our export of last Tuesday flagged the missing movie ids at
once: 48 percent of the ratings rows had none. I added the suite as a step of the nightly
job, and two nights later it stopped the run on a file whose watch timestamps were all from
1970, before any model was trained on it. Our viewers never saw the bad recommendations."""

LATE_HINT_DEMO = """The first run was on the sample credit dataset of the quickstart notebook. It
flagged the duplicated rows the tutorial plants in it, and a column with mixed types. I
added the suite as a step of the tutorial's pipeline, and it stopped the run when I
changed one column by hand, before the tutorial's model was trained on it."""


# "Reports and workflow" near the end hints at the problem ("workflow") and its text
# has problem words; the opening section tells the problem where it usually is, so it
# serves it, and the sections between "Setup" and the verdict are the walkthrough. A
# walkthrough on the quickstart's sample data still lacks the scenario.
LATE_HINT_PAIR = _pair(
    "late-hint",
    LATE_HINT_POST.format(walkthrough=LATE_HINT_OWN),
    LATE_HINT_POST.format(walkthrough=LATE_HINT_DEMO),
)


IMAGINING_POST = """
## Why check training data at all

A model trained on a broken export fails quietly: the job finishes, the service answers,
and nobody notices until the results are wrong for days. Checking the data by hand each
night is tedious, so it does not happen, and the broken file goes straight to training.

## Installing and the sample data

I installed Deepchecks with pip and ran the default integrity suite on the sample
dataset of its quickstart, which flagged the duplicated rows and a mixed-type column the
tutorial plants in it. The report is one HTML file with a table per check.

## How could this be used in a movie-streaming system?

{paragraph}

## Strengths and limitations

What I liked: the default suite needs no configuration and the report reads well.
However, the full suite is slow on large tables, custom checks are poorly documented,
and I had to sample the data to keep a run under two minutes.
"""


# the heading's "could" is one hypothetical word; the writer's "I can imagine" is a
# second: speculation, however concrete ("watch events", "Kafka"). What was run on the
# writer's own export shows the scenario under the same heading.
IMAGINING_PAIR = _pair(
    "imagining",
    IMAGINING_POST.format(
        paragraph=(
            "I ran the suite on our nightly ratings export of last Tuesday: it flagged 48 "
            "percent of the rows with no movie id, and we fixed the export before training."
        )
    ),
    IMAGINING_POST.format(
        paragraph=(
            "In a setup like ours, where the service logs watch events and ratings through "
            "Kafka into nightly files, I can imagine the suite running on each ratings "
            "export before training."
        )
    ),
)


LEAD_IN_POST = """
## The problem

Everybody on our team tests the Python code, but our nightly retraining is three shell
scripts that cron calls:

- `pull_ratings.sh` copies yesterday's rating events from the Kafka dump folder,
- `retrain.sh` trains the model on them,
- `promote_model.sh` copies the new model to the folder the API loads from.

Nobody tested them. When one day's dump was missing, the training ran on an empty folder,
the tiny model was promoted, and for six hours everyone got the same popular films.

## Trying it

{walkthrough}

## Strengths and limitations

What I liked: the checks need no configuration and the report reads well. However, the
full suite is slow on large tables, custom checks are poorly documented, and I had to
sample the data to keep a run under two minutes.
"""


# "our nightly retraining is three shell scripts that cron calls:" lends its voice to
# the list it introduces, whose items name the scenario ("rating events"); the
# walkthrough's `promote_model.sh` goes on with that story, the quickstart's file does not
LEAD_IN_LIST_PAIR = _pair(
    "lead-in-list",
    LEAD_IN_POST.format(
        walkthrough=(
            "First I wrote a check that fails when the file `promote_model.sh` is about to "
            "copy holds fewer than 1,000 rows, and ran it on the empty folder of that day: "
            "it stopped the run in 3 seconds with the row count in the message."
        )
    ),
    LEAD_IN_POST.format(
        walkthrough=(
            "First I wrote a check that fails when the `demo_shop.csv` of the quickstart "
            "holds fewer than 1,000 rows, and ran it on an emptied copy of that file: it "
            "stopped the run in 3 seconds with the row count in the message."
        )
    ),
)


LATE_WHY_POST = """
Our team retrains a movie recommender every night on the day's ratings and watch events.
Twice this month the job trained on a broken export: once half the ratings had no movie id,
once every timestamp was from 1970. Nobody noticed for days, because the job still finished
and the model API still answered; we only found out when viewers complained that every
recommendation was the same five films.

There was no check between the export and the training step. Checking the files by hand
each night is tedious and error prone, so in practice nobody did it, and a broken file went
straight to training. The cost of a bad night is a day of stale recommendations for every
viewer, and the only alarm we had was the support inbox filling up the morning after,
when it was already too late to retrain before the evening peak. A check had to run
before every training, without anyone opening a file.

## Setting up our recommender with Deepchecks

I wrapped each nightly ratings export in a Deepchecks dataset and ran the integrity suite
before training. On the broken export of last Tuesday it flagged 48 percent of the rows
with no movie id; I made the suite a step of the nightly job, and two nights later it
stopped a run on a file whose watch timestamps were all from 1970.

## Why Deepchecks fits ML teams

It needs no configuration, the report is a single page anyone on the team can read, and
it runs wherever the training job runs. It catches what we used to catch by hand.

## Conclusion

{verdict}
"""


# "Why Deepchecks fits ML teams" names the problem ("why") but stands after the
# walkthrough and reads as praise; the opening tells the problem, and a conclusion that
# only praises is then no weighing (before, the opening served nothing and the missing
# verdict was only a warning that the gate might have misread the post)
LATE_WHY_PAIR = _pair(
    "late-why",
    LATE_WHY_POST.format(
        verdict=(
            "Deepchecks turned our worst nights into a red check and a stopped job. However, "
            "the full suite is slow on 12 million rows, I had to sample 10 percent of them, "
            "and the documentation of custom checks is thin."
        )
    ),
    LATE_WHY_POST.format(
        verdict=(
            "Deepchecks turned our worst nights into a red check and a stopped job. The "
            "default suite caught both kinds of broken export on the first try, and the "
            "report made the cause obvious to everyone on the team."
        )
    ),
)


HEADINGLESS_NOTES = """
**Why I looked for something like this.** When our movie recommender acts strangely, the
data I need is in three places: hourly JSON dumps of the watch events from Kafka, a
ratings export, and the movie table in Postgres. Every quick question meant writing a
pandas script that loads all three, fixes the types and joins them. That took 15 minutes
a question, and most scripts were thrown away after one use.

**Setup.** Deepchecks installs with pip; I wrapped each table in its dataset class.

**The first real question.** {walkthrough}

**What's good.** No configuration for the default suite, and the report is one page
everyone on the team can read.

**What's not.** The full suite is slow on big tables: a day of events took 95 seconds.
I could not get custom checks to work without reading the source, and the documentation
of the plugin options is thin.
"""


# a post with no headings, whose paragraphs open with bold phrases: the lead-ins are
# its section titles ("Why I looked …" names the problem, "Setup" the walkthrough),
# not one block of text that reads like a walkthrough from the first line; a
# walkthrough on the library's sample data still lacks the scenario
HEADINGLESS_LEAD_INS_PAIR = _pair(
    "headingless-lead-ins",
    HEADINGLESS_NOTES.format(
        walkthrough=(
            "I ran the integrity suite on yesterday's watch events joined to our ratings: it "
            "flagged 2,310 events whose movie id is missing from the movie table, all from "
            "one hour when the catalog sync had failed."
        )
    ),
    HEADINGLESS_NOTES.format(
        walkthrough=(
            "I ran the integrity suite on the iris sample that ships with the library: it "
            "flagged 2 duplicated rows and one column whose type changes halfway down."
        )
    ),
)


GOES_ON_POST = """
I learned Deepchecks step by step while we chased one strange bug in our movie
recommendation service, so this post is a diary.

## Why I needed it

Our model API retrains from a nightly export and serves from a Docker container on the
course VM. Every few days its answers got worse for no reason we could see: the logs
showed nothing, the job never failed, and nobody knew which export was broken until a
day later. Checking each export by hand was tedious and nobody did it.

## Day 1

{walkthrough}

## What I think

Good: the default suite needs no configuration and the report is easy to read. Bad: the
full suite is slow on large exports, I had to sample a tenth of the rows, and the
documentation of custom checks is thin.
"""


# the scenario is named once ("our movie recommendation service"); "Our model API …"
# goes on with that story in the writer's voice without naming it again, and "our API"
# in the walkthrough refers to it. The vendor's demo API does not.
STORY_GOES_ON_PAIR = _pair(
    "story-goes-on",
    GOES_ON_POST.format(
        walkthrough=(
            "I ran the integrity suite on the last ten nightly exports of our API and it "
            "flagged two of them: in both, 30 percent of the rows had an empty user id. "
            "Those were exactly the nights before the bad answers."
        )
    ),
    GOES_ON_POST.format(
        walkthrough=(
            "I ran the integrity suite on the ten sample exports of the vendor's demo API and "
            "it flagged two of them: in both, 30 percent of the rows had an empty user id, "
            "as the tutorial says it should."
        )
    ),
)


BLANK_POST = """
Our movie recommendation model got worse every few days, and nobody could tell why: the
nightly job never failed, the service answered every request, and by the time anyone
noticed, the broken export was a week old. Guessing which column had changed was hopeless.

Deepchecks compares two datasets and reports how they differ. I added its drift suite
to a test job, deployed that build to staging and replayed one week of data through it:

```python
result = train_test_drift().run(train_dataset=monday, test_dataset=tuesday)
```

After the replay, the report listed one column in red:

```
feature drift: genre_ids  score=0.71  (threshold 0.2)
```

{blank}

What I liked: the drift suite needed no configuration and ran in 40 seconds. However, the
report is one large HTML file that is slow to open, the thresholds are hard to tune, and
I had to write my own script to fail the job on a red check.
"""


# "The first line said it all. …" has no word of any requirement: it neither begins
# nor ends a walkthrough, it goes on with the one begun above it, and here it is where
# the walkthrough names the scenario (a viewer's films); on the tutorial's sample app it
# names none, and the rest shares one word with the story ("column"), too few to tie it
BLANK_PARAGRAPH_PAIR = _pair(
    "blank-paragraph",
    BLANK_POST.format(
        blank=(
            "The first line said it all. That column is the one our app fills with the genres "
            "of the films a viewer watched last, and since the update of the 3rd it held one."
        )
    ),
    BLANK_POST.format(
        blank=(
            "The first line said it all. That column is the one the sample app of the tutorial "
            "fills with its example labels, and since the update of the 3rd it held one."
        )
    ),
)


EVALUATION_STEP = """
## The problem

Our movie recommender is retrained every night, and its model files lived on a shared
volume with names like `als_final2.pkl`. When a bad model went out, it took us 40 minutes
to find which file had been live before; nothing kept the history.

## Setup

I installed Deepchecks with pip next to the training job.

## Pushing a model

The nightly job now runs the suite on the new model's inputs before it publishes the file.

## Attaching the evaluation report

After training, the job attaches the report to the model: last night's flagged 3 percent
of our movie ratings with no user id, and the watch events of one hour missing.

## Strengths and limitations

It needs no configuration and the report is clear. However, the full suite is slow on our
12 million ratings, I had to sample a tenth of them, and custom checks are poorly
documented.
"""

EVALUATION_PRAISE = EVALUATION_STEP.split("## Strengths and limitations")[0].replace(
    "## Attaching the evaluation report", "## What it found"
) + (
    "## Evaluation\n\nDeepchecks made our nightly job safe: every bad export is now caught "
    "before training, and the report is clear enough for the whole team.\n"
)


# "Attaching the evaluation report" is a step of the walkthrough (the model's
# evaluation), not the verdict; an "Evaluation" that only praises is no weighing
EVALUATION_PAIR = _pair(
    "evaluation",
    EVALUATION_STEP,
    EVALUATION_PRAISE,
)


RECOMMENDATION_STEPS = """
## Why

Our nightly retraining sometimes trained on a broken ratings export, and nobody noticed
until viewers complained a day later. Checking the export by hand was tedious and nobody
did it.

## Step 0 – Installation

I installed Deepchecks with pip in the training image.

## Step 1 – The first suite

I wrapped the export in a dataset and ran the default integrity suite; it took 40 seconds.

## Step 2 – The recommendation job

{step}

## Step 3 – Logging every run

I logged each run's result next to the model version, so a bad night shows up in the
history at once.

## What I liked

The default suite needs no configuration, and the report is easy to read for everyone.

## What was not so good

However, the full suite is slow on large exports, I had to sample a tenth of the rows, and
custom checks are poorly documented.
"""


RECOMMENDATION_STEP = (
    "I made the suite a step of our recommendation job: on last Tuesday's export it flagged 3 "
    "percent of the movie ratings with no user id and stopped the run, but it also needs a lot "
    "of memory on the full export."
)


# "Step 2 – The recommendation job" names the scenario, not a recommendation about the
# tool: with a "but" in its text it used to be taken for the verdict with the steps
# after it, leaving the walkthrough two short steps without the scenario
SCENARIO_WORD_HEADING_PAIR = _pair(
    "scenario-word-heading",
    RECOMMENDATION_STEPS.format(step=RECOMMENDATION_STEP),
    RECOMMENDATION_STEPS.format(step=RECOMMENDATION_STEP).split("## What I liked")[0],
)


CATCH_FAQ = """
## What problem does this solve for us?

Our recommender reads rating events from a stream, and twice this month a producer
renamed a field without telling anyone: the consumer dropped every event for hours and
nobody noticed until the morning. Checking each payload by hand is impossible.

## How do I run it?

One install with pip, then one command over the schema file.

## Did it actually catch anything?

{walkthrough}

## Anything annoying?

However, the generated models are verbose, I had to fix two imports by hand after every
run, and the documentation of the options is thin.
"""


# "Did it actually catch anything?" asks what the tool found, not what its catch is
# ("The catch" still names the limitations): the section is the walkthrough
CATCH_PAIR = _pair(
    "catch",
    CATCH_FAQ.format(
        walkthrough=(
            "Yes. I generated the models for our rating events and ran last week's 2.1 "
            "million movie ratings through them: 3,400 events had the rating as a string, "
            "all from the mobile app's new release."
        )
    ),
    CATCH_FAQ.format(
        walkthrough=(
            "Yes. I generated the models for the tutorial's pet store schema and ran its "
            "sample payloads through them: 3 of the 40 had the price as a string, as the "
            "tutorial says they should."
        )
    ),
)


LATE_CHALLENGES_POST = """
## The problem

Our movie recommender retrained every night on a Kafka export, and twice a broken export
went unnoticed for days: half the ratings had no movie id, and nobody knew until viewers
complained that every recommendation was the same five films. Checking by hand was slow
and nobody owned it, so we wanted an automatic check in front of training.

## How we used it

I added the suite to our nightly job and replayed the last ten exports of our ratings
through it: it flagged both broken nights, 31 percent of rows without a movie id, in 40
seconds each. Then I wrote two custom checks for our watch events, one for timestamps in
the future and one for ratings outside 1 to 5, and wired the report into the team channel
so that whoever is on call sees it before the model is retrained.

## Challenges

{challenges}

## Final thoughts

It is now part of our nightly pipeline, and it saved us days of guessing. Ten out of ten.
"""


# "Challenges" names the problem, yet after the walkthrough, in the second half of a post
# whose problem is told, it is the verdict's when its text weighs the tool; one that only
# tells of the old pains still joins the problem, and the verdict is missing
LATE_CHALLENGES_PAIR = _pair(
    "late-challenges",
    LATE_CHALLENGES_POST.format(
        challenges=(
            "Custom checks took me an afternoon each because the documentation skips "
            "their API. The report is slow to open once it has twenty checks, and the "
            "suite reads the whole export into memory, so our biggest day needed a "
            "bigger VM."
        )
    ),
    LATE_CHALLENGES_POST.format(
        challenges=(
            "Before the suite, each of us checked the export by eye on the mornings we "
            "remembered to, and the broken nights were found by viewers first. That is "
            "over: the report arrives in the channel every night at four."
        )
    ),
)


TOPIC_POST = """
Our movie recommender scores every user against the whole catalogue in a nightly batch
job, and the serving API only looks the result up.

## The problem

After the nightly job we hold, for each of 310,000 users, the top 200 candidate movies
with their scores and a user embedding for re-ranking. The first version pickled one large
dictionary that every worker process loaded at startup: four copies per pod, almost a
minute of unpickling after each deploy, and a restart of every worker after retraining.

## Step 1: the store

{walkthrough}

## Step 2: numbers

I measured the pods for a week: memory went from 3.9 GB to 0.9 GB per pod and a cold
start from 52 seconds to under one.

## Strengths and limitations

Reads are fast and the file is shared between processes for free. However, only one
writer may hold the file at a time, the map size must be chosen up front, and the Python
binding's documentation is thin.
"""


# the walkthrough never names the scenario's words; "the nightly scoring job … candidate
# … embedding" are what the writer's own story was about, three words of it: it goes on
# with that story. On the tutorial's sample records it shares none of them.
TOPIC_PAIR = _pair(
    "story-topics",
    TOPIC_POST.format(
        walkthrough=(
            "At the end of the nightly scoring job I write both tables into one LMDB file: "
            "the candidate lists and the embedding of each user, keyed by user id. The API "
            "opens it read-only, and a swap after retraining is a rename of the folder."
        )
    ),
    TOPIC_POST.format(
        walkthrough=(
            "I followed the tutorial and wrote its sample records into one LMDB file: the "
            "example keys and values from the documentation, keyed by number. The demo "
            "opens it read-only, and a swap is a rename of the folder."
        )
    ),
)


INSIDE_POST = """
{opening}

## Installing and a first page

I installed Shiny with pip and wrote a page with one slider and one table for our movie
recommender: the slider picks a viewer id, the table shows the ten movies the model
recommends to that viewer.

```python
app_ui = ui.page_fluid(ui.input_slider("viewer", "Viewer", 1, 500, 42), ui.output_table("recs"))
```

## The server and reactivity

The server function has to declare every output by name, and a table cannot update until
its inputs change, so we had to wait for the slider before anything showed. Without a
button, each move of the slider sent one more request to the server, which was slow and
got worse with every change we tried.

## What it showed on our data

I added a button, cached the API's answers per viewer and showed the genres of the watched
and the recommended movies side by side. For viewer 42 the model recommended four horror
films after one horror film watched to the end; a teammate spotted it in a minute.

## Strengths and limitations

Writing the page in Python was quick, and the reactive model kept the code short. However,
the layout options are limited, the documentation of reactivity is thin, and deploying it
needs a server of its own.
"""


# a section in the middle of the walkthrough ("The server and reactivity" between
# "Installing" and "What it showed on our data")
# whose text reads like a problem ("has to", "had to wait", "slow") is part of the
# walkthrough: a post that opens on it lacks the problem; one that says it first has it
INSIDE_PAIR = _pair(
    "inside-walkthrough",
    INSIDE_POST.format(
        opening=(
            "Our movie recommender's team looked at its recommendations only through SQL "
            "queries in a notebook, and that was a problem: nobody else could see them, and "
            "twice a broken batch went unnoticed for days, because checking one viewer took "
            "ten minutes of typing and nobody had the time. Without a page the whole team "
            "could open, every failure of the model reached the viewers first."
        )
    ),
    INSIDE_POST.format(opening="These are my notes from a weekend with Shiny for Python."),
)


LATE_SUMMARY = """## Summary

Before the linter, style fights and unused imports came back in every review, and twice a
duplicated function name silently shadowed the one the recommender called. Nobody had the
time to read each change that closely, and the bugs grew with the code.
"""

LATE_SUMMARY_POST = """
{before}## Installation

I installed the linter with pip in our recommender's repository and ran it once on the
whole code base: 412 findings in 3 seconds, most of them unused imports.

## First run on our code

I enabled the default rules and fixed the findings in the rating loader and the API. The
linter found the duplicated `score_movies` function that had shadowed the real one for two
weeks, and 40 unused imports in the training scripts.

{after}## Pros and cons

It is very fast and needs one small configuration file. However, some rules are hard to
tune, the documentation of rule groups is thin, and it does not check types.
"""


# a section that only hints at the problem ("Summary") and comes after the walkthrough's
# "Installation" tells of trouble the walkthrough met, not the problem that opens the
# post; before the walkthrough, the same section is the problem
LATE_SUMMARY_PAIR = _pair(
    "late-summary",
    LATE_SUMMARY_POST.format(before=LATE_SUMMARY + "\n", after=""),
    LATE_SUMMARY_POST.format(before="", after=LATE_SUMMARY + "\n"),
)


FENCED_POST = """
By week six our repository had nine scripts, each with forty lines of argument parsing
that had drifted apart: the training script took `--n-factors`, the evaluation script
`--factors`, and for a week the nightly job silently evaluated the wrong model. Nobody
noticed until a teammate re-ran it by hand and got a different number.

I merged the scripts into one command-line class with the tool, in one file:

```python
class PipelineCLI:
    # {docstring}

    def train(self, events="data/events.parquet", factors=64, epochs=15):
        return fit(events, factors=factors, epochs=epochs)
```

Each method's parameters are its flags, so the names cannot drift any more. I ran the
training with `train --factors=64` and the evaluation after it: the nightly script shrank
from 48 lines to 12, converting all nine scripts took two hours, and the help text comes
from the docstrings for free.

I liked how little code it needs and that the same class works in a notebook. However,
a typo in a flag is silently taken as a new argument, the error messages are hard to
read, and the documentation of its chaining rules is thin.
"""


# a post with no headings shows the scenario only in the fenced code right under the
# walkthrough's first paragraph (the class that reads the movie recommender's watch
# events): that is the writer's own code; the tutorial's pet store is not the scenario
FENCED_PAIR = _pair(
    "fenced-code",
    FENCED_POST.format(docstring="Reads watch events for the movie recommender and trains it."),
    FENCED_POST.format(docstring="Reads the orders of the tutorial's pet store and trains it."),
)


BORROWED_POST = """
## Why ranking needs monitoring

Our movie recommender's click-through rate fell by a third over two weeks last month,
and nobody noticed until a weekly report: the service answered every request and the
offline metrics of the last retraining looked fine. Without a view of ranking quality in
production, every drop reaches the viewers first.

## Trying it

{walkthrough}

## Strengths and limitations

The ranking metrics were ready without any code and the drift views are clear. However,
the free tier keeps only two weeks of data, the SDK's error messages are hard to read,
and the dashboards cannot be exported.
"""


# a walkthrough on someone else's material ("the vendor's ranking tutorial notebook",
# "its sample dataset") that happens to name recommendations tells no use of the
# writer's own; the same steps on the writer's own logs do
BORROWED_PAIR = _pair(
    "borrowed-material",
    BORROWED_POST.format(
        walkthrough=(
            "I logged one day of our recommendation responses with the SDK: 48,000 ranked "
            "lists with the clicked position, then opened the ranking view. NDCG at 10 was "
            "0.31 on phones and 0.19 on televisions, which matched the drop we had seen."
        )
    ),
    BORROWED_POST.format(
        walkthrough=(
            "I worked through the vendor's ranking tutorial notebook: its sample dataset of "
            "48,000 ranked recommendation lists with the clicked position, then the ranking "
            "view. NDCG at 10 was 0.31 on phones and 0.19 on televisions in that data."
        )
    ),
)


# "the example notebook in the project's repository" is someone else's material too: its
# public dataset of pages about TV shows is not the writer's own use of the scenario
EXAMPLE_NOTEBOOK_PAIR = _pair(
    "example-notebook",
    BORROWED_POST.format(
        walkthrough=(
            "I wrote a notebook over one day of our recommendation responses: 48,000 ranked "
            "lists of TV shows and movies with the clicked position, then opened the ranking "
            "view. NDCG at 10 was 0.31 on phones and 0.19 on televisions."
        )
    ),
    BORROWED_POST.format(
        walkthrough=(
            "I followed the example notebook in the project's repository: 48,000 ranked "
            "lists of public pages about TV shows with the clicked position, then the ranking "
            "view. NDCG at 10 was 0.31 on phones and 0.19 on televisions."
        )
    ),
)

ROLLOUT_POST = """
## Why rollouts need a safety net

Deployments that replace every pod at once take a service down when the new version
crashes on start. Rolling back by hand takes minutes, and every failed request in those
minutes reaches a user.

## Trying it

{walkthrough}

## How a movie streaming service could use it

A movie streaming service could roll out each new recommender version to a tenth of its
traffic first and promote it only when the error rate stays flat.

## Strengths and limitations

Rollouts and rollbacks took one command each, and the dashboard is clear. However, the
analysis templates are verbose, the documentation of the metrics providers is thin, and
the controller needs cluster-wide permissions.
"""


# "watched the rollout" is the verb every tool post uses, a word other domains share: a
# walkthrough on a hello-world service, with the movie use only imagined, shows no use
# of the scenario; the same steps on the writer's own movie recommender do
WATCH_VERB_PAIR = _pair(
    "watch-verb",
    ROLLOUT_POST.format(
        walkthrough=(
            "I installed the controller on our cluster and deployed our movie recommender's "
            "API with a canary strategy. I watched the rollout in the dashboard: the new "
            "version got 10 percent of the traffic, then 50, then all of it within four "
            "minutes, and a broken image I pushed was rolled back in 40 seconds."
        )
    ),
    ROLLOUT_POST.format(
        walkthrough=(
            "I installed the controller on a local cluster and deployed a hello-world "
            "service with a canary strategy. I watched the rollout in the dashboard: the new "
            "version got 10 percent of the traffic, then 50, then all of it within four "
            "minutes, and a broken image I pushed was rolled back in 40 seconds."
        )
    ),
)

# ... while "watch events" stays the scenario's own term: the course's stream of what
# viewers play, told as the writer's own data, shows the scenario
WATCH_EVENTS_POST = ROLLOUT_POST.format(
    walkthrough=(
        "I installed the controller on our cluster and deployed the API that ranks our "
        "watch events with a canary strategy. I watched the rollout in the dashboard: the "
        "new version got 10 percent of the traffic, then 50, then all of it within four "
        "minutes, and a broken image I pushed was rolled back in 40 seconds."
    )
)


SONG_POST = """
## Why offline metrics are not enough

A model that wins offline can still lose online: the offline split rewards popular items,
and nobody notices until the click-through rate drops a week after the release.

## Trying it

I loaded a public dataset of song ratings, trained two models and compared their
recommendations with the tool's ranking report: the second one had a 12 percent higher
NDCG at 10 and recommended 3 times as many items from the long tail.

## {heading}

{uses}

## Strengths and limitations

The report took two lines of code and the long-tail view is clear. However, it needs all
predictions in memory, the plots cannot be exported, and the documentation is thin.
"""


# a heading names the scenario too: "How a movie streaming team would use it" imagines
# it, so the walkthrough on song ratings (words other domains share) is no use of it
IMAGINED_HEADING_PAIR = _pair(
    "imagined-heading",
    SONG_POST.format(
        heading="How our movie streaming team uses it",
        uses="We run the same report on our ratings after every retraining.",
    ),
    SONG_POST.format(
        heading="How a movie streaming team would use it",
        uses="The same report would work for any catalogue with ratings.",
    ),
)

PLAN_POST = """
This post introduces the profiler and looks at how it could fit the movie recommender we
are building in this course.

## Why profile in production

A service that is fast on a laptop can still be slow under real traffic: the slow path
shows up only with real requests, and a profiler run by hand misses it. Attaching one in
the middle of an incident means a redeploy at the worst moment.

## Trying it

{walkthrough}

## Strengths and limitations

The agent took two lines to attach and cost about 2 percent of CPU. However, it only runs
on the vendor's cloud, its reports lag by five minutes, and its advice was generic.
"""


# the opening plans a use on the course's movie recommender ("could fit … in this
# course"): the walkthrough must then tell the use in the writer's voice. A tool's own
# "recommendations report" on the shop from its documentation shows none; the writer's
# replay of "our ratings requests" does
COURSE_PLAN_PAIR = _pair(
    "course-plan",
    PLAN_POST.format(
        walkthrough=(
            "I attached the agent to our team's recommendation API and replayed a day of "
            "our ratings requests against it. The flame graph showed one wide tower in the "
            "feature lookup, 41 percent of the CPU time; caching it took the p95 latency "
            "from 480 ms to 120 ms."
        )
    ),
    PLAN_POST.format(
        walkthrough=(
            "The shop from the documentation ran its load script for ten minutes with the "
            "agent attached. The recommendations report then flagged one wide tower in the "
            "image resizing function, 41 percent of the CPU time, and suggested caching "
            "its results."
        )
    ),
)

NOT_MADE_POST = """
## Why test models against attacks

A classifier that scores well on clean data can fail on inputs changed by a few pixels,
and nobody finds out until someone abuses it. Checking for that by hand is slow, and most
teams never do it.

## Trying it

I trained a small digits model and attacked it with the library's fast gradient method.
I watched its accuracy drop from 98 percent to 12 percent under noise I could barely see.

{lead}

## Strengths and limitations

Each attack took a few lines and the documentation is clear. However, the API changed
between versions, the attacks are slow on large models, and few of them fit recommenders.
"""


# "I didn't get to connect it to our recommender" says the use was not made: with "it
# would fit in a movie streaming service" the paragraph only imagines the scenario, so "I
# watched its accuracy drop" (a word other domains share) shows no use of it; a use made
# beside one not made does
NOT_MADE_PAIR = _pair(
    "not-made",
    NOT_MADE_POST.format(
        lead=(
            "I didn't get to the text attacks in the time I had, so they would have to "
            "wait. But I connected the library to our team's movie recommender last week."
        )
    ),
    NOT_MADE_POST.format(
        lead=(
            "I didn't get to connect it to our team's recommender in the time I had. But "
            "it is easy to see where it would fit in a movie streaming service."
        )
    ),
)


# "I didn't get as far as trying it on our movie data" says the use was not made, in the
# writer's voice or not (`scenario_not_made`); a clause set against it ("but I connected
# it to our team's movie recommender") still tells one made
NOT_AS_FAR_PAIR = _pair(
    "not-as-far",
    NOT_MADE_POST.format(
        lead=(
            "I didn't get as far as the text attacks, but I connected the library to our "
            "team's movie recommender last week and attacked its poster model."
        )
    ),
    NOT_MADE_POST.format(
        lead=(
            "I didn't get as far as trying it on our team's movie recommendation data; "
            "setting it up ate the time I had planned for it."
        )
    ),
)

NOW_WHAT_POST = """
## {heading}

{opening}

## Sending predictions and ratings

I installed the monitoring agent next to our recommendation API and sent it every
prediction with the user id, the model version and the top movie. A small job sends each
rating when it arrives, up to two days later, as the truth for that prediction. After a
week the dashboard showed the error per age group: users under 25 got 0.31 more error on
new releases, which our offline evaluation never split out.

## Strengths and limitations

The drift charts and the per-group errors were the most useful part and took one
afternoon to set up. However, the free tier keeps only 30 days of data, the agent added
4 ms to each request, and late ratings need their own job that we had to write ourselves.
"""

# "The model is deployed. Now what?" asks what the tool answers: a problem heading,
# though it names deploying; the same heading over setup steps still lacks the problem
NOW_WHAT_PAIR = _pair(
    "now-what",
    NOW_WHAT_POST.format(
        heading="The model is deployed. Now what?",
        opening=(
            "Our recommender has served movies to viewers for a month, and we still do not "
            "know whether it got worse. Ratings arrive days after a recommendation, our "
            "logs only show latency, and nobody would notice if new users got bad "
            "suggestions until they cancelled."
        ),
    ),
    NOW_WHAT_POST.format(
        heading="The model is deployed. Now the agent",
        opening=(
            "I created an account, copied the API key into our secrets file and added the "
            "agent to the API's container image with one line in the Dockerfile. The "
            "container started in 40 seconds and the agent printed its version."
        ),
    ),
)

RUNNING_POST = """
{opening}
## 1. Getting it running

The catalog ships a Docker Compose example with its own Postgres and object storage. On
the course VM I had to use our own Postgres instead, so I had to create the warehouse
myself through the management API; the first call failed because the storage bucket did
not exist yet. After that the server answered in 40 seconds and used 18 MB of memory.

## 2. Loading our data

I loaded one week of our movie ratings from the Kafka export, 2.1 million rows, into a
table partitioned by day. Only then I found out that the timestamps had to be in UTC.

## 3. Using it from the training job

I pointed the nightly training job of our recommender at the table. The job read the same
rows through the catalog in 3 minutes instead of 11 from the raw files, and the
recommendations it trained matched last week's.

## 4. Strengths and limitations

It is small and fast, and every engine we tried read the same tables. However, the
permissions need a separate server, and the documentation skips most error messages.
"""

# "Getting it running" is a walkthrough's setup, whatever went wrong in it ("I had to",
# "failed"): a post that opens there still lacks the problem
RUNNING_PAIR = _pair(
    "getting-it-running",
    RUNNING_POST.format(
        opening=(
            "## Why a catalog\n\nOur recommender trains on movie ratings kept as loose files: "
            "every job lists them itself, two jobs once read different versions of the same "
            "day, and nobody could say which files the model of last Tuesday had seen.\n"
        )
    ),
    RUNNING_POST.format(opening=""),
)


SKETCH_POST = """
## Why serverless GPUs

A GPU that waits for traffic costs as much as one that serves it. Teams keep one running
all night for a few requests, or turn it off and make the first user of the morning wait
minutes for a cold start.

## Getting started

I ran the platform's getting-started example: a function that returns a greeting, then
an image model behind an endpoint. The first request took 38 seconds, the next ones under
2 seconds each, and the machine shut down five minutes after the last one.

## {heading}

{lead}

```python
class UserTower(App, keep_alive=600):
    def setup(self):
        self.model = load_user_tower("s3://models/user_tower.pt")

    @endpoint("/embed")
    def embed(self, request: RecentWatches) -> Embedding:
        return Embedding(self.model(request.movie_ids))
```

## Strengths and limitations

Deploying took one command and idle machines cost nothing. However, cold starts take
half a minute, the logs are only kept for a day, and the free tier allows one GPU.
"""


# code under a heading that imagines ("How this could look for a movie recommender") is a
# sketch of what it would take: its `movie_ids` show no use of the scenario; the same code
# deployed under a heading of the writer's own ("Serving the user tower") does
SKETCH_PAIR = _pair(
    "imagined-code",
    SKETCH_POST.format(
        heading="Serving the user tower",
        lead="I deployed the user tower as this app, and it has served since Monday:",
    ),
    SKETCH_POST.format(
        heading="How this could look for a movie recommender",
        lead="Roughly like this:",
    ),
)

NESTED_BETWEEN_POST = """
# The mess we had

Every training run of our team read its settings from three places: a YAML file, flags
and environment variables. Twice a run used a learning rate nobody had set, and finding
out which of the three had won took an afternoon each time.

# What the library does

It builds a command-line interface from a typed dataclass, so every setting has one
place, one type and one default.

## {subheading}

{walkthrough}

# Results after two weeks

Eleven runs, no setting that nobody could explain, and the help text is now the
documentation of every option.

# Strengths and limitations

The types caught two wrong settings before a run started. However, nested dataclasses
give long flag names, the error messages for unions are hard to read, and it cannot read
environment variables without a helper.
"""


# a subsection of a section that lies between the problem and the verdict is read with
# it ("Our training config, rewritten" under "What the library does"): the walkthrough
# told there shows the scenario; the library's own example told there does not
NESTED_BETWEEN_PAIR = _pair(
    "nested-between",
    NESTED_BETWEEN_POST.format(
        subheading="Our training config, rewritten",
        walkthrough=(
            "I rewrote the training settings of our movie recommender as one dataclass: 14 "
            "fields, from the ratings table to the number of factors. The first run on it "
            "refused a learning rate of 1e2 that an old script still passed."
        ),
    ),
    NESTED_BETWEEN_POST.format(
        subheading="The example from the documentation",
        walkthrough=(
            "The documentation's example is an image classifier with 6 settings: the run "
            "refused a learning rate of 1e2 given as a flag, and the help text listed every "
            "default."
        ),
    ),
)

STEPS_UNDER_WHY_POST = """
Why we looked at it
===================

Our movie recommender runs on one VM: a Kafka consumer, Postgres and the API. Nobody
could reproduce that machine on a laptop, so every bug in the consumer was debugged on
the shared VM, and twice a debugging session took the API down for the whole class.

1. Install and initialize
-------------------------

I installed it from the snap and ran the minimal init, which creates a storage pool and a
bridge network. Five minutes in all.

2. Launch a container that looks like the VM
--------------------------------------------

I launched an Ubuntu container and opened a shell in it: 3 seconds.

3. Put limits on it that match production
-----------------------------------------

I gave it 2 CPUs and 4 GB, as on the VM, so a memory leak shows up here first.

4. Replay a day of traffic
--------------------------

{replay}

5. Snapshots before risky changes
---------------------------------

One snapshot before every upgrade: restoring a broken Postgres took 9 seconds.

What's good about it
====================

It runs cron, systemd and three services in one container, and snapshots are instant.

What's not so good
==================

It only runs on Linux, the documentation mixes two command-line tools, and networking
to the host needed a proxy device I had to look up.
"""


# a post's only first-level heading before its steps ("Why we looked at it", then "1.
# Install", "2. Launch", …) has told its problem when a step names the walkthrough: the
# steps after it are the walkthrough, and "Put limits on it" is one of them, not the
# verdict, so the replay of step 4 is read. A replay of the getting-started page's load
# script still lacks the scenario
STEPS_UNDER_WHY_PAIR = _pair(
    "steps-under-why",
    STEPS_UNDER_WHY_POST.format(
        replay=(
            "I copied our consumer and API into the container and replayed a day of our "
            "watch events from the movielog topic: 1.2 million messages, 41 seconds, the "
            "same ratings table as on the VM."
        )
    ),
    STEPS_UNDER_WHY_POST.format(
        replay=(
            "I ran the load script from the getting-started page against the web server "
            "in the container: 1.2 million requests, 41 seconds, no error."
        )
    ),
)

VIEWER_POST = """
## Why scan the code

Security bugs in a service's code are found by attackers first when nobody looks: a
query built from user input, a secret in a config file, a debug flag left on. Reviews
miss them because reviewers read for logic, and nobody on a small team has the time to
read every change for injection paths.

## Scanning

{walkthrough}

I opened the results in the SARIF viewer of my editor: each finding shows the path from
the input to the query, step by step, and two clicks mark it as a false positive.

## Strengths and limitations

The data-flow paths are easy to follow and the default queries found real bugs. However,
the first database build took eleven minutes, custom queries have a steep learning curve,
and private repositories need a paid licence.
"""


# "viewer" is shared with other domains ("the SARIF viewer of my editor"): a scan of the
# vendor's example app shows no use on the scenario when the post names movies only as
# what a streaming service could do; a scan of the writer's own movie API does
VIEWER_PAIR = _pair(
    "shared-viewer",
    VIEWER_POST.format(
        walkthrough=(
            "I built the database for our movie recommender's API and ran the default "
            "security queries: 3 findings in 9 minutes, one of them a real injection in "
            "the endpoint that searches films by title."
        )
    ),
    VIEWER_POST.format(
        walkthrough=(
            "I built the database for the small Flask app of the getting-started guide and "
            "ran the default security queries: 3 findings in 9 minutes, one of them a "
            "planted injection.\n\nA movie streaming service could run the same queries on "
            "its recommendation API before each release."
        )
    ),
)


LATER_STEP_POST = """
{opening}## Step 1: Install

I installed the query engine's client with pip and pointed it at the bucket where our
movie recommender writes its request logs: 30 days, 41 million rows of Parquet.

## Step 2: A first query

I counted the requests per day and the share answered in time: one query, 4 seconds,
and the numbers matched our own dashboard to the request.

## Step 3: The problem we hit

The first query over all 30 days scanned 9 GB, because I had forgotten the partition
filter, and it cost more than everything else that week. With the filter on the date
column the same answer needed 300 MB.

## Strengths and limitations

No servers to run and plain SQL over files we already had. However, each query is billed
by the data it scans, a forgotten filter is expensive, and the first query of the day
waits a few seconds to start.
"""


# a later step of the walkthrough that names a problem ("Step 3: The problem we hit")
# tells trouble met along the way, not the problem the tool addresses; a post that says
# that first has it
LATER_STEP_PAIR = _pair(
    "later-step",
    LATER_STEP_POST.format(
        opening=(
            "## Why we needed it\n\nEvery question about our recommender's latency meant "
            "copying a day of logs to a laptop and waiting for pandas: an hour per answer, "
            "so most questions were never asked and slow days went unnoticed.\n\n"
        )
    ),
    LATER_STEP_POST.format(opening=""),
)


GUIDE_OPENING_POST = """
In this tutorial I show step by step how I used the tool in our movie recommender, in the
order I did it, including the parts that went wrong. I go from the install to the daily
training table, and at the end I write what I liked and what I did not like.{problem}

## Step 1: Install

I installed it with pip on the team VM and pointed it at the bucket where our Kafka
consumer writes the hourly CSV files of watch events: 14 days, 2.1 million rows.

## Step 2: The training table

One call read the 336 files into a data frame in 41 seconds, and a second wrote the
ratings and watch events as Parquet partitioned by day; the nightly training of our
recommender now reads 90 MB instead of 1.2 GB.

## Strengths and limitations

Reading and writing the bucket took two lines each. However, the package is large, its
error messages hide the real cause, and it only works with one cloud provider.
"""


# what a post says of itself ("in this tutorial I show step by step …, including the
# parts that went wrong") is no evidence of the problem; a post that then says what went
# wrong before the tool has it
GUIDE_OPENING_PAIR = _pair(
    "guide-opening",
    GUIDE_OPENING_POST.format(
        problem=(
            "\n\nBefore, our nightly job downloaded every hourly file one by one with a "
            "shell script, which was slow, failed silently when one file was missing, and "
            "twice trained the model on half a day of data without anyone noticing."
        )
    ),
    GUIDE_OPENING_POST.format(problem=""),
)


HEDGED_POST = """
## Why a time-series database

Our team compared model versions by reading the logs of the recommendation API by hand:
every question took an hour, nobody kept the numbers, and a worse model once stayed in
production for a week before anyone noticed.

## Trying it

I started the database in Docker and pushed the sample metrics of the documentation
with its HTTP API, then queried them back: 1,000 points a second on my laptop, and
answers in under 20 ms.

{use}

## Strengths and limitations

Pushing and querying took one request each and tags make grouping easy. However, it
needs HBase underneath, which is heavy to run, and its query language is limited.
"""


# a use hedged twice ("the mapping seems natural … the team could push") is a plan,
# however much of the scenario it names; the same metrics pushed are a use
HEDGED_PAIR = _pair(
    "hedged-use",
    HEDGED_POST.format(
        use=(
            "For our movie recommender I pushed the share of recommended movies watched, "
            "tagged by model version, for the last 14 days: version 7 kept 31 percent, "
            "version 8 only 24 percent."
        )
    ),
    HEDGED_POST.format(
        use=(
            "For our movie recommender the mapping seems natural: the team could push the "
            "share of recommended movies watched, tagged by model version, for the last 14 "
            "days and compare versions 7 and 8."
        )
    ),
)


# three of those words are enough ("nightly", "candidate", "embedding"); the sample
# records of the tutorial still share none
TOPIC_THREE_PAIR = _pair(
    "story-topics-three",
    TOPIC_POST.format(
        walkthrough=(
            "After the nightly job I write the candidate lists and the embedding of each "
            "user into one LMDB file, keyed by user id. The API opens it read-only, and a "
            "swap is a rename of the folder."
        )
    ),
    TOPIC_POST.format(
        walkthrough=(
            "I wrote the tutorial's sample records into one LMDB file, keyed by number. The "
            "demo opens it read-only, and a swap is a rename of the folder."
        )
    ),
)


# the walkthrough goes on with the story over four short paragraphs, none of which shares
# three of its words alone ("nightly"; "embedding"; "worker", "startup"; "unpickling",
# "retraining"): six together are enough. The same paragraphs about the tutorial's
# sample app tie nothing, however many words they share.
SECTION_TOPICS_PAIR = _pair(
    "story-section-topics",
    TOPIC_POST.format(
        walkthrough=(
            "I wrote one LMDB file after the nightly job from the candidate lists, keyed by "
            "user id.\n\nThe embedding of each user sits next to them in a second table."
            "\n\nEach worker opens the file read-only at startup, with no copy of its own."
            "\n\nNothing is unpickling any more, and after retraining a swap is a rename of "
            "the folder."
        )
    ),
    TOPIC_POST.format(
        walkthrough=(
            "I followed the tutorial and wrote its sample data into one LMDB file after the "
            "nightly job of the example, keyed by number.\n\nThe tutorial's sample data has "
            "an embedding for each key in a second table.\n\nEach worker of the sample app "
            "opens the file read-only at startup, as the tutorial shows.\n\nIn the sample "
            "app nothing is unpickling any more, and after retraining a swap is a rename of "
            "the folder."
        )
    ),
)


# three words of the story over three short paragraphs ("nightly"; "worker", "startup"),
# none of which shares three alone, are enough; the same paragraphs on the tutorial's
# sample app are not
FEW_TOPICS_PAIR = _pair(
    "story-few-topics",
    TOPIC_POST.format(
        walkthrough=(
            "I wrote one LMDB file after the nightly job, keyed by user id.\n\nThe file "
            "sits on a volume that all pods mount.\n\nEach worker opens it read-only at "
            "startup, with no copy of its own."
        )
    ),
    TOPIC_POST.format(
        walkthrough=(
            "I wrote the tutorial's sample data into one LMDB file after the nightly job of "
            "the example.\n\nThe file of the sample app sits on a volume that all pods "
            "mount.\n\nEach worker of the sample app opens it read-only at startup, as the "
            "tutorial shows."
        )
    ),
)


# two words of the story over three short paragraphs ("nightly"; "worker") are enough
# too; a walkthrough that also works on the tutorial's material needs one more
TWO_TOPICS_PAIR = _pair(
    "story-two-topics",
    TOPIC_POST.format(
        walkthrough=(
            "I wrote one LMDB file after the nightly job, keyed by user id.\n\nThe file "
            "sits on a volume that all pods mount.\n\nEach worker opens it read-only, with "
            "no copy of its own."
        )
    ),
    TOPIC_POST.format(
        walkthrough=(
            "I followed the tutorial and wrote its sample records into one LMDB file.\n\n"
            "The file sits on a volume that all pods mount, rebuilt by a nightly job.\n\n"
            "Each worker opens it read-only, with no copy of its own."
        )
    ),
)


# a line of the walkthrough that describes the tool in a word other domains share ("each
# rating"), with a "would", imagines nothing: the walkthrough still goes on with the
# story; the same line with the scenario's own word ("each movie") imagines it
DESCRIBED_PAIR = _pair(
    "story-described-tool",
    TOPIC_POST.format(
        walkthrough=(
            "The store opens a file the way a database would, and each rating of a key "
            "comes back in microseconds.\n\nI wrote one LMDB file after the nightly job, "
            "keyed by user id.\n\nEach worker opens it read-only at startup, with no copy "
            "of its own."
        )
    ),
    TOPIC_POST.format(
        walkthrough=(
            "A streaming service would keep each movie of a user in it, and a recommender "
            "could read them in microseconds.\n\nI wrote one LMDB file after the nightly "
            "job, keyed by user id.\n\nEach worker opens it read-only at startup, with no "
            "copy of its own."
        )
    ),
)


DONE_AMID_MODALS_POST = """
## The problem

Nobody on the team had ever asked whether our API was safe. Last Sunday the access log
showed path traversal attempts and one request that crashed the lookup with a 500.

## What I did with the scanner

{walkthrough}

The scan ran for forty minutes and reported one SQL injection in the path segment, with
the exact request that triggered it. We switched to a parameterised query and a second
scan came back clean.

## Strengths and limitations

It found a real injection in one evening. However, it is slow, noisy for a JSON API, and
the project has barely been maintained for years.
"""


# a paragraph with two modal verbs ("would ever notice", "could run it") still tells a use
# when one of its sentences names the scenario in the writer's voice with something done
# and nothing hypothetical; written as possibilities throughout, it does not
DONE_AMID_MODALS_PAIR = _pair(
    "done-amid-modals",
    DONE_AMID_MODALS_POST.format(
        walkthrough=(
            "Our offline evaluation measured precision on held-out movie ratings, and we "
            "replayed a day of watch events every night. Neither would ever notice that "
            "the endpoint could be abused, so I ran the scanner against our staging copy."
        )
    ),
    DONE_AMID_MODALS_POST.format(
        walkthrough=(
            "A team could measure precision on held-out movie ratings, and it would replay "
            "a day of watch events every night. Neither would ever notice that the "
            "endpoint could be abused, so I ran the scanner against a staging copy."
        )
    ),
)


IMAGINING_STEP_POST = """
## The problem

Our nightly retraining is a cron job that nobody watches. Twice this month it failed
silently and the service kept the old model for days.

## Step 1: start it

I started the server in Docker and opened the web interface on port 3000.

## Step 2: the first pipeline

I ran the vendor's sample Go repository through a pipeline of three stages, and the run
page showed each stage's logs and timing.

## {heading}

{text}

## Strengths and limitations

Setup took ten minutes. However, the documentation is thin and plugins are few.
"""


PLANNED_SETUP_POST = """
## What the agent is for

Our team's movie recommender runs on the course VM, and its logs stay there: when the service
answered slowly during the evaluation last week, nobody could see why until someone logged in
over SSH an hour later, and by then the log file had rotated. We need the logs and the memory
use somewhere we can look at them from anywhere, with an alarm when the p95 latency climbs.

## {heading}

**Step 1: a user for the agent.** {step1}

```ini
[AmazonCloudWatchAgent]
region = us-east-1
```

**Step 2: install.** {step2}

```bash
sudo dpkg -i -E ./amazon-cloudwatch-agent.deb
```

**Step 3: the config.** {step3}

## What it won't do, and what it costs

It is easy to install and the dashboards are quick to build. However, it only ships what
the VM writes, custom metrics cost money per metric, and the configuration file is verbose.
"""


# "How I'd set it up" plans the walkthrough it names: its steps, in the imperative and
# on "our service", go on with no story of the writer's, while "How I set it up" tells
# the same steps as done (batch 1274)
PLANNED_SETUP_PAIR = _pair(
    "planned-setup",
    PLANNED_SETUP_POST.format(
        heading="How I set it up",
        step1="I created an IAM user with the agent policy and put its keys in a profile on "
        "the VM.",
        step2="I downloaded the package and installed it.",
        step3="I collected our service log and our retraining log, with the memory and disk "
        "of our VM every minute.",
    ),
    PLANNED_SETUP_POST.format(
        heading="How I'd set it up",
        step1="Create an IAM user with the agent policy and put its keys in a profile on the VM.",
        step2="Download the package and install it.",
        step3="Collect our service log and our retraining log, with the memory and disk of "
        "our VM every minute.",
    ),
)


# one hypothetical word in sentence after sentence ("would … would … would") imagines the
# use as much as two different ones; one such sentence in a story of what was done does not
# (batch 1258)
WOULD_AGAIN_PAIR = _pair(
    "would-again",
    IMAGINING_STEP_POST.format(
        heading="Step 3: the real thing",
        text="I ran the same three stages on our movie recommender's retraining repository, "
        "triggered by a push to main. The last stage would email the team when a run fails, "
        "and it did: it flagged last night's failed run on the ratings export in 4 minutes.",
    ),
    IMAGINING_STEP_POST.format(
        heading="Step 3: the real thing",
        text="For our movie recommender the mapping is direct. The pipeline would run the "
        "same three stages on the retraining repository. The trigger would be a push to "
        "main. The last stage would email the team when a run fails. Since the "
        "repository already has a Makefile, each stage can call one make target.",
    ),
)


# a heading that imagines the scenario ("what our recommender pipeline would look like")
# tells no use itself, though it names the scenario in the writer's voice
IMAGINING_STEP_PAIR = _pair(
    "imagining-step-heading",
    IMAGINING_STEP_POST.format(
        heading="Step 3: our movie recommender",
        text="I ran the same three stages on our retraining repository: it trained the "
        "model on last week's ratings in 4 minutes and flagged a failed run by email.",
    ),
    IMAGINING_STEP_POST.format(
        heading="Step 3: what our movie recommender pipeline would look like",
        text="The same three stages, pointed at the retraining repository, with a fourth "
        "that sends an email when a stage fails.",
    ),
)


GOT_HERE_POST = """
## {opening}

{backstory}

## Step 1: change the import

I replaced `import pandas as pd` with the tool's import in `build_features.py` and ran it on
the last 30 days of our watch events: 96 million rows, the same features as before.

## Step 2: the joins

The join of ratings and movies ran unchanged and wrote the same training table for the
recommender, checked row by row against last week's pandas output.

## Step 3: where it got slow, and why

The first full run was painfully slow and failed twice: two window functions over each
viewer's history took 11 minutes, because every window shuffles the whole table, and
nobody could tell why from the logs. Sorting once by user id brought them to 3 minutes.

## Strengths and limitations

The pandas API carried over almost unchanged, and the job runs in 9 minutes. However, the
cluster takes two minutes to start, some pandas calls are missing, and errors come back
as long JVM stack traces.
"""


# "How we got here" tells the backstory: a later step that asks why ("Step 3: where it
# got slow, and why") comes after the walkthrough began and is no problem; the free
# section before the walkthrough serves it. A post whose opening only sets the tool up
# still lacks the problem
GOT_HERE_PAIR = _pair(
    "how-we-got-here",
    GOT_HERE_POST.format(
        opening="How we got here",
        backstory=(
            "Once a day a pandas script builds the features of our movie recommender from "
            "30 days of watch events. In week 3 the data grew to 96 million rows and the "
            "script died with a MemoryError on our 16 GB VM, so nobody could retrain, and "
            "rewriting it for Spark by hand would have taken weeks."
        ),
    ),
    GOT_HERE_POST.format(
        opening="How we set it up",
        backstory=(
            "I installed the tool with pip next to Spark 3.3 on the team VM, set the "
            "driver memory to 8 GB and opened a notebook with the default session."
        ),
    ),
)


PUBSUB_POST = """
## The problem

In a movie streaming service, the services often call each other directly: the player
API posts every watch event to the feature service, and when that service restarts during
a deploy, the watch events of those minutes are lost and the next retraining runs without
them.

## Trying it locally with the emulator

I started the emulator and followed the client library's quickstart: create a topic and a
subscription, publish ten messages, and receive them.

```python
publisher.publish(topic_path, b"hello", origin="quickstart")
subscriber.subscribe(sub_path, callback=lambda message: message.ack())
```

Every message arrived once, and a message I did not acknowledge came back after the
ten-second deadline.

## {heading}

{uses}

## Strengths and limitations

Publishing and subscribing took ten lines, and redelivery worked as documented. However,
ordering needs ordering keys, exactly-once delivery costs extra latency, and the emulator
has no dead-letter topics.{notes}
"""


# bullets that each say "could" are speculation, though one of them names the team
# ("the team could replay"); and "subscriber" is the tool's client in code, a word other
# domains share, not a viewer who pays: the quickstart above shows no use of the scenario
BULLETED_IMAGINING_PAIR = _pair(
    "bulleted-imagining",
    PUBSUB_POST.format(
        heading="Moving our watch events to it",
        uses=(
            "- Our player API now publishes each watch event to a `watch-events` topic, "
            "keyed by user id.\n- The feature service and a new archive job each read it "
            "through their own subscription.\n- During Tuesday's deploy the feature service "
            "was down for four minutes and caught up on 3,100 movie plays afterwards."
        ),
        notes="",
    ),
    PUBSUB_POST.format(
        heading="How this could fit a movie streaming service",
        uses=(
            "- The player could publish each watch event to a `watch-events` topic, keyed "
            "by user id.\n- The feature service and an archive job could each read it "
            "through their own subscription.\n- After a bad deploy the team could replay "
            "the last hour with `seek`."
        ),
        notes="",
    ),
)


# a list's items are statements of their own: the "I" of one bullet does not make the
# "watched" of the next the writer's own, so the scenario is still only imagined
LIST_ITEMS = (
    "\n\nWhat I noted while trying it:\n\n- I spent an evening on ordering keys and "
    "acknowledgement deadlines.\n- What a viewer watched a second ago can be late by the "
    "ten-second deadline."
)
LIST_VOICE_PAIR = _pair(
    "list-voice",
    PUBSUB_POST.format(
        heading="Moving our watch events to it",
        uses=(
            "Our player API now publishes each watch event to a `watch-events` topic, and "
            "during Tuesday's deploy the feature service caught up on 3,100 movie plays."
        ),
        notes=LIST_ITEMS,
    ),
    PUBSUB_POST.format(
        heading="How this could fit a movie streaming service",
        uses=(
            "The player could publish each watch event to a `watch-events` topic, and the "
            "feature service could catch up after a deploy."
        ),
        notes=LIST_ITEMS,
    ),
)

STRICT_LINTER_POST = """
Our recommender repository grew fast: a Kafka consumer, feature code, a training script
and a small API, written by three people with different habits. Reviews turned into
arguments about style, and real bugs slipped through: one function in the feature code
kept a stale value for movies without a duration, and the model trained for two days on
wrong watch ratios because nobody could follow that function in review.

The plain linter we had said nothing about it. Strict linters exist for exactly this: they
enforce limits on complexity, naming and consistency, so code stays readable and reviewers
can spend their time on logic instead of style.

{setup}

{findings}

**What I liked:** it finds design problems, not only formatting, and every code is
documented with the reason and an example.

**What I didn't like:** it is very noisy at the start, many rules do not fit data code,
and there is no automatic fix, so every message is manual work. It is also slower than
the linter we had.

**Verdict:** worth it for the messy parts of an ML pipeline once the configuration is tuned.
"""


STRICT_LINTER_SETUP = """
It is a plugin of the linter we already had, so the setup is short:

```bash
pip install strict-linter
lint --select=STR {folder}/
```

First run on {where}:

```
{folder}/{module}.py:41:1: STR210 too many local variables: 14 > 5
{folder}/{module}.py:41:1: STR231 cognitive complexity too high: 19 > 12
```
""".strip()


# the problem takes the opening's first paragraphs; the setup and first run left at its end
# go on into "**412 messages.**", a section long enough to be read alone that alone does
# not read like the walkthrough: together they do. The tutorial's sample shop, with the
# movie use only imagined, is still no use of the scenario
OPENING_LEFT_PAIR = _pair(
    "opening-left",
    STRICT_LINTER_POST.format(
        setup=STRICT_LINTER_SETUP.format(folder="reco", where="our repository", module="features"),
        findings="""
**412 messages.** For 2,400 lines, which felt like a lot at first. Grouped by code, they
told a clearer story. The complexity findings pointed exactly at the functions we had
argued about, including the one with the stale value. The magic numbers were interesting
too: the share of a movie a viewer finishes before it counts as a positive example was
written in three files with two values, 0.85 and 0.8, and I compared them by hand. We
moved it to one constant in the settings module, next to the top-K of the API. The build
now lints the changed files of each pull request, and after three weeks the feature
function is four small functions and reviews talk about logic again.
""".strip(),
    ),
    STRICT_LINTER_POST.format(
        setup=STRICT_LINTER_SETUP.format(
            folder="shop", where="the tutorial's sample shop", module="cart"
        ),
        findings="""
**412 messages.** For 2,400 lines of the sample shop, which felt like a lot at first.
Grouped by code, they told a clearer story. The complexity findings pointed at the
checkout functions the tutorial warns about. The magic numbers were interesting too: the
discount threshold of the sample cart was written in three files with two values, 0.85
and 0.8, and I compared them by hand. A streaming service could move such a threshold to
one constant in its settings module, next to the top-K of its API, and lint the changed
files of each pull request, so that a feature function of its recommender stays four
small functions and reviews talk about logic.
""".strip(),
    ),
)

LESSONS_POST = """
Our team runs a small movie recommender for the course: a Kafka consumer writes watch
events and ratings to Postgres, and a nightly job retrains the model on them. Here is
what I learned moving our hand-written data checks to the tool, in order.

## Why we needed it

Our checks were a folder of SQL files that nobody ran by hand. Twice this month the
nightly job trained on a broken export, once with half the ratings missing a movie id,
and nobody noticed for days because the job still finished. Without a check that runs
before training, a bad night silently becomes a bad model.

## Lesson 1: {first}

{one}

## Lesson 2: {second}

{two}

## Lesson 3: it is powerful, but its language takes time to learn

The check language covers most of what we need, and the messages name the failing rows.
However, anything beyond simple checks needs raw SQL, the free tier keeps only a week of
history, and the documentation of the cloud features is thin. A teammate who does not
know SQL would struggle to maintain these checks.
"""
LESSON_CAVEAT = (
    "It still requires one more database connection in the job, and the first scan "
    "printed too many warnings about columns we never check."
)


# "Lesson 1" joins the lessons learned only for its place in the series, so the
# walkthrough after it ("Lesson 2: the first scan paid off") still lies between the
# problem and the verdict; a demo shop's data is still no use of the scenario
SERIES_PLACE_PAIR = _pair(
    "series-place",
    LESSONS_POST.format(
        first="the configuration is one file",
        one="The configuration lives next to the code, and the team reviews it like any file.",
        second="the first scan paid off",
        two=(
            "I wrote checks for our ratings table and replayed the last ten nightly exports "
            "through `soda scan`. It flagged both broken nights: 31 percent of rows without "
            "a movie id, and a watch event table two days stale. " + LESSON_CAVEAT
        ),
    ),
    LESSONS_POST.format(
        first="the configuration is one file",
        one="The configuration lives next to the code, and the team reviews it like any file.",
        second="the first scan paid off",
        two=(
            "I wrote checks for the vendor's demo shop and replayed its ten sample exports "
            "through `soda scan`. It flagged both broken days: 31 percent of orders without "
            "a customer id, and an orders table two days stale. " + LESSON_CAVEAT
        ),
    ),
)


# "Lesson 2: old exports are not what they seem" hints at the lessons learned by its
# series' noun alone: with "Lesson 1" it tells the walkthrough the lessons come from
LESSON_WALKTHROUGH_PAIR = _pair(
    "lesson-walkthrough",
    LESSONS_POST.format(
        first="the checks live in one file",
        one=(
            "I created `checks.yml` next to our training code, so the team reviews a new "
            "check like any other change."
        ),
        second="old exports are not what they seem",
        two=(
            "I replayed the last ten nights of our movie ratings through it. It found both "
            "broken nights: 31 percent of rows without a movie id, and a watch event table "
            "two days stale.\n\n" + LESSON_CAVEAT
        ),
    ),
    LESSONS_POST.format(
        first="the checks live in one file",
        one="I created `checks.yml` next to the tutorial's code, as its getting started says.",
        second="old exports are not what they seem",
        two=(
            "I replayed the ten sample days of the vendor's demo shop through it. It found "
            "both broken days: 31 percent of orders without a customer id, and an orders "
            "table two days stale.\n\n" + LESSON_CAVEAT
        ),
    ),
)


STICKING_POST = """
{opening}
## Installing

I installed the tool with pip on the team VM and pointed it at the ratings consumer of our
movie recommender. The first run took four minutes and printed a table of 61 columns.

## Running it on our ratings

I ran it on last week's Kafka export of ratings: 1.2 million rows for 9,800 movies. It
flagged 3 percent of rows with a movie id unknown to the catalogue, and 140 users who rated
the same movie twice within a second, which our deduplication had missed.

## Why I'm sticking with it

The checks run in two minutes inside the nightly job, and the report names every bad row.
However, the configuration is verbose, the documentation of custom checks is thin, and it
cannot read Avro without a conversion step, which costs us an extra minute a night.
"""


# "Why I'm sticking with it" is a verdict, not the problem, though it asks why: the
# post that tells why it needed the tool meets every requirement, and without that
# section it lacks the problem, not the assessment
STICKING_PAIR = _pair(
    "sticking-with-it",
    STICKING_POST.format(
        opening=(
            "## Why we needed it\n\nTwice this term a broken ratings export reached "
            "retraining: half the rows had no movie id,\nand nobody noticed until viewers "
            "complained that every recommendation was the same film.\n"
        )
    ),
    STICKING_POST.format(opening=""),
)

DIARY_POST = """
{opening}
## Day 1: install and first jobs

I installed the queue server from the distribution's packages and the Python client with
pip, then pushed and reserved a few test jobs by hand. Everything answered within a
millisecond, and the server used 3 MB of memory.

## Day 2: workers for the ratings consumer

I moved the slow part of our ratings consumer into jobs: each new rating of a movie puts a
job on the `rescore` tube, and two workers update that viewer's recommendations. The
consumer went from 400 to 3,100 ratings per second, because it no longer waits for scoring.

## Day 3: a job that ran twice

On Wednesday a worker took 70 seconds to rescore a viewer with 9,000 watched movies, the
server thought it had died after its 60 second time-to-run, and a second worker ran the same
job. I raised the limit and made the worker touch the job every 20 seconds.

## Day 4: restarts, and what's missing

Jobs survive a restart only with the binlog turned on, which is off by default. There is no
web dashboard, no retry with backoff, and no dead letter queue: buried jobs wait until
someone kicks them by hand.
"""


# a diary's days are one walkthrough: "Day 4: what's missing" names the verdict, and Day
# 1 names the walkthrough, so Days 2 and 3 stay with it instead of following Day 4
DIARY_PAIR = _pair(
    "diary-series",
    DIARY_POST.format(
        opening=(
            "## Why we needed a queue\n\nOur ratings consumer scored every viewer inline, "
            "and at the evening peak it fell\nten minutes behind Kafka: viewers saw "
            "recommendations for movies they had already watched.\n"
        )
    ),
    DIARY_POST.format(opening=""),
)

HEADINGLESS_POST = """
Our movie streaming service retrains its recommender every night on the day's ratings from
Kafka. Twice last month a broken batch went through: once half the rows had no movie id,
once every rating was a 5 because of a client bug, and nobody noticed until viewers
complained that their recommendations made no sense. Checking the batches by hand was
painful, so the goal was simple: stop a bad batch before it reaches training.

For the nightly job I used Deepchecks' data integrity suite with our column types declared
(the mixed-type check depends on them) and kept the list of failed checks, so we could
count them:

```python
suite = data_integrity()
result = suite.run(Dataset(batch, cat_features=["user_id", "movie_id"]))
```

{where}

I tested it on {tested} first. It flagged both {broken}, with 48 percent of rows missing an
id on the first one and a single value in the score column on the second. Two others were
flagged for new ids, though, which is normal for us.

Then I read the HTML reports by hand. The suite takes 90 seconds per batch, which is heavy
for a nightly job, and the default thresholds flag every new user as a drift, but that is
expected of a generic suite.

**Strengths:** it caught both broken batches, the checks need no code of our own, and the
report names every bad column. **Limitations:** slow on a full day, noisy defaults, and the
custom checks are hard to write. We treat it as one layer, next to our own row counts.
"""


# a post with no headings tells its walkthrough right after its problem, in words that go
# on with it (the nightly batches, the broken nights); run on the tutorial's sample data
# instead, it still lacks the examples
HEADINGLESS_PAIR = _pair(
    "headingless-story",
    HEADINGLESS_POST.format(
        where="This now runs in the training job right after the batch is read from the "
        "consumer's\nparquet files, before the features are built.",
        tested="the last 30 nightly batches",
        broken="broken nights",
    ),
    HEADINGLESS_POST.format(
        where="This runs in a notebook over the tutorial's sample data, a table of loan\n"
        "applications, before any features are built.",
        tested="30 copies of the tutorial's sample data",
        broken="copies I broke on purpose",
    ),
)

BACKGROUND_POST = """
## Background: our little streaming service

Our team runs a movie streaming service for the course: an async API that answers each
viewer with twenty recommendations, a Kafka consumer that stores watch events, and a
nightly job that retrains the model.
{incident}
## Instrumenting the handler

I installed the library with pip and wrapped the request handler and its two helpers in
actions, so that every log message knows the request it belongs to. The change was twelve
lines in our API.

## Reading the tree

I replayed an hour of requests and rendered the log as a tree: the empty answers all came
from viewers with fewer than three watched movies, whose candidate list the genre filter
emptied. We fixed the filter, and the share of empty answers went from 1.7 percent to zero.

## Would I use it again?

Yes, for one process: the trees made the bug obvious. But every helper has to be wrapped by
hand, the output is verbose JSON that needs its own viewer, and across services a tracing
system would still be needed.
"""


# a problem told as an incident right after a scene-setting section that only its
# generic heading gave to the walkthrough: "The bug" is the problem, not the walkthrough's
# opening; without it the post still lacks the problem
BACKGROUND_PAIR = _pair(
    "background-then-bug",
    BACKGROUND_POST.format(
        incident=(
            "\n## The bug\n\nOne Monday about 1.7 percent of our answers were an empty "
            "list: no error, no timeout,\njust nothing. The logs interleaved the async "
            "requests, so nobody could tell which request had\nlost its candidates, and "
            "after an afternoon of searching all we knew was that some viewers\nsometimes "
            "got nothing. This is the problem the library exists to solve.\n"
        )
    ),
    BACKGROUND_POST.format(incident=""),
)

OPINION_POST = """
## Why reverse ETL

Once a model has produced something useful, like a churn score, it usually sits in the
warehouse where nobody sees it. Getting it into the tools people use meant a custom script
per destination, and each broke silently when an API changed.

## What I tried

{tried}

## Where it fits a streaming service

I think a movie streaming service with a recommender is a very good fit: each viewer's top
picks belong in the weekly email, and the viewers who stopped halfway through a season
belong in a re-engagement audience.

## Strengths and limitations

Syncs are declarative and every run is logged, but it is batch only, the free tier allows
one destination, and a model table with many columns makes the field mapping tedious.
"""


# "I think a movie streaming service … is a very good fit" is an opinion of what could be
# done: a walkthrough on the vendor's sample shop still lacks the scenario; on the team's
# own viewers, the post meets it
OPINION_PAIR = _pair(
    "opinion-is-no-use",
    OPINION_POST.format(
        tried="I connected our warehouse, where the nightly job writes each viewer's top "
        "ten movies, and\nsynced that table to a test list in our email tool: 4,112 "
        "viewers arrived in 3 minutes,\nand a second run sent only the 58 that changed."
    ),
    OPINION_POST.format(
        tried="I connected the sample warehouse the vendor offers, a small shop's orders "
        "table, and\nsynced a churn score to a test list in an email tool: 4,112 "
        "customers arrived in 3 minutes,\nand a second run sent only the 58 that changed."
    ),
)

VERDICT_FIRST_POST = """
## My verdict up front

Worth it, with caveats: the scanner found two real leaks in our movie recommender's repo
in its first run, but its default rules are noisy and the paid tier is expensive.

## Nine days in March

{backstory}

## Setting it up

I installed the scanner with pip, pointed it at our recommender's repository and ran it
over the full history: 1,900 commits in 40 seconds, 23 findings.

## What it found

Two findings were real: a Kafka password in an old config of the ratings consumer, and a
cloud key in a notebook that loads the watch events. The other 21 were test fixtures.

## Final verdict

I would use it again for every repository of the course project. However, I had to write
an ignore file for the fixtures, and the limitations of the free tier are real.
"""


# a verdict told first and again at the end spans nothing: the section between them
# is the problem; without it the post still lacks one
VERDICT_FIRST_PAIR = _pair(
    "verdict-first",
    VERDICT_FIRST_POST.format(
        backstory=(
            "Last month a teammate pushed a cloud key to our public repository by mistake. "
            "Nobody noticed for nine days, until the bill showed machines we had never "
            "started, and we had no way to check the rest of the history by hand."
        )
    ),
    VERDICT_FIRST_POST.format(
        backstory=(
            "The scanner is an open-source command-line tool that reads a repository's "
            "history, commit by commit, and reports strings that look like credentials."
        )
    ),
)


# the scene post with headings: "The setup" over its opening, the verdict at the end
SETUP_SCENE_POST = SCENE_POST.replace(
    "{opening}\n", "## The setup\n\n{setup}\n\n## Enter Deepchecks\n", 1
).replace("\nWhat I liked:", "\n## Final thoughts\n\nWhat I liked:", 1)

SETUP_PAIN = """Our team runs a movie recommender for the course: ratings and watch events
arrive on a Kafka topic, a nightly job turns them into a training table, and a new model is
deployed at 02:00. Last Tuesday the share of viewers who clicked a recommended movie fell
from 11 percent to 6 percent, yet every dashboard stayed green for seven hours: nothing
checked what the nightly job fed the model, and nobody noticed until viewers complained."""

SETUP_SYSTEM = """Our team runs a movie recommender for the course: ratings and watch
events arrive on a Kafka topic, a nightly job turns them into a training table of about 12
million rows, and a new model is deployed at 02:00 on a virtual machine with eight cores
and 32 gigabytes of memory, next to the model API and its database."""


# "The setup" as the first section, with no fenced code, tells the problem when its text
# reads like one, also after an opening that names the tool; when it only describes the
# system, the problem is still missing
SETUP_SCENE_PAIR = [
    *_pair(
        "setup-scene",
        SETUP_SCENE_POST.format(setup=SETUP_PAIN),
        SETUP_SCENE_POST.format(setup=SETUP_SYSTEM),
    ),
    pytest.param(
        "This post compares my own pandas checks with Deepchecks on our nightly data.\n"
        + SETUP_SCENE_POST.format(setup=SETUP_PAIN),
        True,
        id="setup-scene-after-the-tool-passes",
    ),
]


HEDGED_PLAN_POST = """
These are my notes from a week of looking at the linter for our movie recommender repo.

## Why I looked at it

Almost everything in the project is configured in YAML. Last week a retrained model was
clearly worse and nobody had changed the code: a duplicated key in the training settings
had quietly replaced 64 factors with 16, because the loader keeps the last value and logs
nothing. It took an hour of searching to find it.

## How it would fit our repo

{walkthrough}

## Strengths and limitations

It is fast and needs nothing beyond one install. However, the default rules are noisy: a
third of the first report was about line length, the documentation of the rule options is
thin, and it cannot check what a value means, only how it is written.
"""


# a walkthrough that names what the story called the writer's own ("our repo") in a
# paragraph hedged by one "would", which the next paragraphs go on to imagine, plans
# the use: it goes on with no story; the same paragraphs told as done do
HEDGED_PLAN_PAIR = _pair(
    "hedged-plan",
    HEDGED_PLAN_POST.format(
        walkthrough=(
            "For our repo, I wrote a config that turns two noisy rules off and ran the "
            "linter over every settings file in the training folder.\n\n"
            "A pull request that brought the duplicate back failed in under a second, "
            "naming the file and the line, and the team saw it before the nightly "
            "retraining.\n\n"
            "The same check now runs on the serving settings, and it caught a wrong port "
            "before anyone restarted the service."
        )
    ),
    HEDGED_PLAN_POST.format(
        walkthrough=(
            "For our repo, the first step would be a config that turns two noisy rules off "
            "and runs the linter over every settings file in the training folder.\n\n"
            "A pull request that brought the duplicate back could then fail in under a "
            "second, naming the file and the line, and the team would see it before the "
            "nightly retraining.\n\n"
            "The same check might also run on the serving settings, so a wrong port or a "
            "missing key would be caught before anyone restarted the service."
        )
    ),
)


REFERRING_POST = """
## Why we needed it

Every morning our three scripts pull the day's watch events and ratings from the stream,
clean them and write the training table for the movie recommender. When one of them
failed at night nobody noticed, and twice the model was retrained on half a day of data.

## {heading}

{walkthrough}

## Strengths and limitations

Retries and alerts come for free and the flow is plain Python. However, the server is one
more service to run on the VM, its interface is slow with many runs, and the docs are thin.
"""


# a walkthrough that refers to what the problem told ("our scripts") goes on with the
# scenario, unless the heading that names it imagines it ("How it would slot into our
# pipeline"): then what it refers to was planned, and the scenario is never shown
REFERRING_PAIR = _pair(
    "referring-imagined-heading",
    REFERRING_POST.format(
        heading="How we moved it into our pipeline",
        walkthrough=(
            "Our scripts became three tasks of one flow: pull, clean and write. Each task "
            "retries twice with a delay of a minute, and a failed run sends a message to the "
            "team channel with the name of the task and its log. The flow starts at six, "
            "and the training job waits for it."
        ),
    ),
    REFERRING_POST.format(
        heading="How it would slot into our pipeline",
        walkthrough=(
            "Our scripts would become three tasks of one flow: pull, clean and write. Each "
            "task could retry twice with a delay of a minute, and a failed run would send a "
            "message to the team channel with the name of the task and its log. The flow "
            "starts at six, and the training job waits for it."
        ),
    ),
)


ONLINE_EVALUATION_POST = """
## Why we needed it

In week 7 our serving API timed out for forty minutes and we lost a whole evening of
{lost}. The nightly retraining job had started early, took most of the memory on the
team VM, and two of our three API pods were evicted. Everything we needed to see was in
`kubectl get pods`, but nobody was looking, and we only found out when the requests failed.

## How we set it up

I applied the dashboard's manifests into their own namespace on our cluster and put it on
the screen in the team room. The next Monday the training pod appeared and the memory bar
of our node jumped to almost full within a minute; a teammate saw it and we stopped the job
before anything was evicted. We set a memory limit on the job and moved it to 4 a.m.

When a teammate pushed an image with a missing feature file, the new API pod showed up red
and restarting while the old pods stayed green, and we rolled back in two minutes.

## Strengths and limitations

It took fifteen minutes to install and needs no configuration. However, it only shows the
present state, with no history, it is read-only, and the project is barely maintained.
"""


# the course's own "online evaluation" names the scenario: a story that lost an evening of
# it is the writer's service, and the walkthrough going on with it shows the scenario; the
# same story losing "request logs" names none (batch 567 of the evaluation set)
ONLINE_EVALUATION_PAIR = _pair(
    "online-evaluation",
    ONLINE_EVALUATION_POST.format(lost="online evaluation"),
    ONLINE_EVALUATION_POST.format(lost="request logs"),
)


DEMO_POST = """
## Why we needed tracing

Our movie recommender answers `/recommend/<userid>` from the team VM, and twice last month
its evening latency climbed past two seconds. Our logs only said how long a request took,
not where the time went, so we spent a weekend guessing between the model, the database
and the metadata lookups, and nobody could tell which one was slow.

## Setting it up

The agent is installed with one script and runs as a system service; it ships host
metrics right away and accepts traces over the standard protocol.

{lead}

## What it shows

Service map. The tool draws the services and the calls between them: frontend, the
recommendation service and the product catalog, with request rates and error rates on
each edge. The dependency of the recommendation service on the catalog explained why its
latency tracks the catalog's.

Alerts. I created an alert on p95 latency of the recommendation service above 200 ms over
5 minutes. It fired six minutes after I enabled the failure flag, and the trace view
showed the extra time inside the recommendation service itself.

## Strengths and limitations

Traces, logs and host metrics sit in one place and the setup took an hour. However, all
data leaves our machine, the free plan keeps it for a short time only, and dashboards do
not export to anything standard.
"""


# a walkthrough after "I used the official demo application" goes on with the demo, whose
# "recommendation service" and "product catalog" are words other domains share: it shows
# no use of the writer's own service (batch 569 of the evaluation set); the same
# paragraphs after the writer's own service replayed, or after a tutorial named in passing
# beside the writer's own data, do
DEMO_PAIR = [
    *_pair(
        "demo",
        DEMO_POST.format(
            lead="I instrumented our own service with the agent and replayed an evening of "
            "requests from our logs through it."
        ),
        DEMO_POST.format(
            lead="Rather than instrumenting our own service straight away, I used the "
            "official demo application, which has a recommendation service of its own."
        ),
    ),
    pytest.param(
        DEMO_POST.format(
            lead="I copied the agent's settings from an older tutorial. Then I replayed an "
            "evening of our watch events through our own service."
        ),
        True,
        id="demo-tutorial-aside-passes",
    ),
    # "the demo" is someone else's material too, its ratings included, and named again
    # without the scenario's words ("The demo includes a load generator") it goes on;
    # the line naming it lends its inline code too (batches 664 to 671)
    pytest.param(
        DEMO_POST.format(
            lead="I cloned the repository and started the demo by hand.\n\n"
            "On my laptop the demo trains on its 200,000 ratings in under a second."
        ),
        False,
        id="demo-ratings-fails",
    ),
    pytest.param(
        DEMO_POST.format(
            lead="Rather than instrumenting our own service straight away, I used the "
            "official demo application, which has a recommendation service of its own.\n\n"
            "The demo includes a load generator, so traces start flowing within minutes."
        ),
        False,
        id="demo-named-again-fails",
    ),
    pytest.param(
        DEMO_POST.format(
            lead="Rather than instrumenting our own service straight away, I used the "
            "official demo application.\n\n"
            "The demo answers `GET /api/recommendations` from a recommendation service of "
            "its own."
        ),
        False,
        id="demo-code-fails",
    ),
]


DEMO_TOPICS_POST = """
## Why we needed tracing

Our service answers movie recommendations from the team VM. Last month its container
memory climbed every evening, request latency went past two seconds, and the host metrics
never said which container grew. We spent a weekend guessing, and nobody could tell which
part was slow.

## Setting it up

The agent is installed with one script and runs as a system service.

{lead}

## What it shows

Service map. The tool draws each container and the calls between them, with request rates
and error rates on each edge, and the host metrics of every container beside them.

Alerts. I created an alert on the memory of the cart container above 500 MB. It fired six
minutes after I enabled the failure flag, and the request latency climbed with it.

## Strengths and limitations

Traces, logs and host metrics sit in one place and the setup took an hour. However, all
data leaves our machine, the free plan keeps it for a short time only, and dashboards do
not export to anything standard.
"""


README_POST = """
## The itch

Our team's movie recommendation service produces a lot of live activity: every watch event
and every rating arrives on a Kafka stream, and all we had was a console consumer printing
lines in a terminal. Nobody could follow it, and the browser showed nothing live.

## Getting it

The tool is a single binary. I downloaded the Linux build and put it on my path.

## Walkthrough

{walk}

Then in a browser console on any page I opened a socket to port 8080, and each line the
script printed arrived as a message, one per second, in the console.

{next}

## Strengths and limitations

One binary, no code changes, and any script becomes a live feed. However, every
connection starts a new process, and there is no authentication at all.
"""


# a walkthrough of the README's example goes on with that example: its "browser console"
# is no use of the writer's service, nor is "our consumer" in the plan that closes it
# (batch 607 of the evaluation set); the same walkthrough on the writer's own consumer
# shows the use
README_PAIR = _pair(
    "readme",
    README_POST.format(
        walk="I wrapped our console consumer with it, so that each watch event it prints "
        "becomes a message.",
        next="Our consumer now feeds the team dashboard, and we watch ratings arrive live.",
    ),
    README_POST.format(
        walk="The README's first example is a script that counts to ten, one number per second.",
        next="Hooking our consumer's output into this kind of page is the obvious next "
        "step; in principle it would just replace the counting script.",
    ),
)


STEPS_POST = """
## Why we needed it

Our movie recommender runs as three containers on the team VM, and every deploy was a
hand-typed series of docker commands. Twice last month a teammate restarted the wrong
container, and the recommendation endpoint was down for an hour.

## Step 1: Installing

The tool installs with one script on each machine and needs no central server.

## Step 2: A first service

I deployed the vendor's hello-world image on two test machines and scaled it to three
replicas; the machines found each other and shared the load within a minute.

## {heading}

{text}

## Strengths and limitations

Deploys are one command, and the machines find each other. However, the project is young,
the docs are thin, and there is no web interface at all.
"""


# the place in a series ("Step 3:") is no number measured: a heading that plans the move
# of the recommender over "we have not moved it yet" shows no use (batches 664 to 671)
STEPS_PAIR = _pair(
    "steps",
    STEPS_POST.format(
        heading="Step 3: Moving our recommender",
        text="We moved our recommendation service onto it and replayed 2,000 requests from "
        "our logs: every one was answered.",
    ),
    STEPS_POST.format(
        heading="Step 3: Moving the recommender (next)",
        text="We have not moved the real recommendation service yet; that is planned for the "
        "next milestone.",
    ),
)


# ... and when the walkthrough after the demo names no scenario word at all, what it shares
# with the story ("memory", "request latency", "host metrics") is the demo's, not a
# walkthrough that goes on with the writer's own service
DEMO_TOPICS_PAIR = _pair(
    "demo-topics",
    DEMO_TOPICS_POST.format(
        lead="I instrumented our own service with the agent and replayed an evening of its "
        "requests."
    ),
    DEMO_TOPICS_POST.format(
        lead="Rather than instrumenting our own service straight away, I used the official "
        "demo application, a small web shop."
    ),
)


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        *SCENE_PAIR,
        *SETUP_SCENE_PAIR,
        *VERDICT_FIRST_PAIR,
        *TOPIC_THREE_PAIR,
        *SECTION_TOPICS_PAIR,
        *FEW_TOPICS_PAIR,
        *TWO_TOPICS_PAIR,
        *DESCRIBED_PAIR,
        *DONE_AMID_MODALS_PAIR,
        *STEPS_PAIR,
        # a plan for the scenario in the present tense tells nothing done, however concrete
        pytest.param(
            DONE_AMID_MODALS_POST.format(
                walkthrough=(
                    "The next step is to write the spec for our movie recommender and "
                    "generate a client that our Kafka consumers import. I haven't done that "
                    "yet; the plan is to do it in the next milestone."
                )
            ),
            False,
            id="done-amid-modals-plan-fails",
        ),
        *IMAGINING_STEP_PAIR,
        *PLANNED_SETUP_PAIR,
        *WOULD_AGAIN_PAIR,
        *GOT_HERE_PAIR,
        *BULLETED_IMAGINING_PAIR,
        *LIST_VOICE_PAIR,
        *SERIES_PLACE_PAIR,
        *LESSON_WALKTHROUGH_PAIR,
        *OPENING_LEFT_PAIR,
        *STICKING_PAIR,
        *DIARY_PAIR,
        *HEADINGLESS_PAIR,
        *BACKGROUND_PAIR,
        *OPINION_PAIR,
        *HEDGED_PAIR,
        *GUIDE_OPENING_PAIR,
        *LATER_STEP_PAIR,
        *VIEWER_PAIR,
        *BORROWED_PAIR,
        *EXAMPLE_NOTEBOOK_PAIR,
        *WATCH_VERB_PAIR,
        pytest.param(WATCH_EVENTS_POST, True, id="watch-events-passes"),
        *IMAGINED_HEADING_PAIR,
        *COURSE_PLAN_PAIR,
        *NOT_MADE_PAIR,
        *SKETCH_PAIR,
        *NESTED_BETWEEN_PAIR,
        *STEPS_UNDER_WHY_PAIR,
        *FENCED_PAIR,
        *LATE_SUMMARY_PAIR,
        *INSIDE_PAIR,
        *TOPIC_PAIR,
        *LATE_HINT_PAIR,
        *IMAGINING_PAIR,
        *LEAD_IN_LIST_PAIR,
        *LATE_WHY_PAIR,
        *HEADINGLESS_LEAD_INS_PAIR,
        *STORY_GOES_ON_PAIR,
        *BLANK_PARAGRAPH_PAIR,
        *EVALUATION_PAIR,
        *SCENARIO_WORD_HEADING_PAIR,
        *CATCH_PAIR,
        *LATE_CHALLENGES_PAIR,
        *NOT_AS_FAR_PAIR,
        *NOW_WHAT_PAIR,
        *RUNNING_PAIR,
        *HEDGED_PLAN_PAIR,
        *REFERRING_PAIR,
        *ONLINE_EVALUATION_PAIR,
        *DEMO_PAIR,
        *DEMO_TOPICS_PAIR,
        *README_PAIR,
    ],
)
def test_paired_readings(content: Path, run: Runner, body: str, shown: bool) -> None:
    """Each pair above: a post read as meeting every requirement, and its twin that must
    still lack one; each pair failed on the code before the change it guards."""
    _assert_shown(run, content, body, shown)


TITLED_STORY_POST = """
## Why we needed it

Three weeks in, a teammate committed our `.env` file with the broker password and the
bucket token in it. Our consumer read its secrets from that file, the serving API from a
second copy in `config.yaml`, and the nightly retraining script from a constant. When the
password was rotated we had to edit three files on the team VM, missed one, and the
retraining job failed silently for a day.

## How we set it up

We wrote a provider around the team's password store and gave the consumer its own
`secrets.yml`, so the password never sits in the repository again. The serving API got a
smaller file with only the bucket token, and the retraining job a third one.

When the broker password was rotated again in week 9, one person edited the store and we
restarted two units: nothing else held the password, and the retraining job never noticed.

## Strengths and limitations

One small file per process, and no change to our code. However, the provider had to be
written by hand, and there is no audit log of who read which secret.
"""


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Keeping secrets out of our recommender's repository with Summon", True),
        ("Keeping secrets out of the repository with Summon", False),
        # a title that only imagines the scenario begins no story
        ("How a recommender could keep its secrets out of the repository", False),
    ],
)
def test_a_title_that_tells_the_scenario_as_the_writers_begins_the_story(
    content: Path, run: Runner, title: str, shown: bool
) -> None:
    """A post whose title tells the scenario as the writer's own ("our recommender's
    repository") and whose opening goes on in the writer's voice without naming it again
    ("our consumer", "the nightly retraining script") has told its story: a walkthrough
    that goes on with it shows the scenario. Without such a title, nothing in the post
    names the scenario."""
    _assert_titled(run, content, TITLED_STORY_POST, title, shown)


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Keeping secrets out of our recommender's repository with Summon", True),
        ("Keeping secrets out of the repository with Summon", False),
    ],
)
def test_a_title_that_tells_the_scenario_lets_an_unnamed_walkthrough_go_on_with_it(
    content: Path, run: Runner, title: str, shown: bool
) -> None:
    """... and a section no heading names, whose text reads like the walkthrough in every
    way but the scenario's words ("Round two"), is the walkthrough when it goes on with
    the story the title began."""
    body = TITLED_STORY_POST.replace("## How we set it up", "## Round two").replace(
        "We wrote a provider around the team's password store",
        "I installed it on the team VM, wrote a script for the team's password store, "
        "configured a provider around it, tested it for an hour",
    )
    _assert_titled(run, content, body, title, shown)


def _assert_titled(run: Runner, content: Path, body: str, title: str, shown: bool) -> None:
    """The post with `title` shows the scenario or not, read without the course's
    `scenario_system` words: they would tell it in any post that names no scenario word
    ("the team VM", "the nightly retraining"), and these posts are about the title."""
    _without_system_words(content)
    path = write(content, body)
    text = path.read_text(encoding="utf-8")
    old_title = text.split("\n", 2)[1]
    path.write_text(text.replace(old_title, f"title: {json.dumps(title)}", 1), encoding="utf-8")
    _code, found, _err = check(run, content, str(path))
    missing = [f["message"] for f in found if f["rule"] in ("scenario-missing", "section-missing")]
    assert (not missing) is shown, missing


def _without_system_words(content: Path) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    kept = re.sub(r"\n    scenario_system: \[[^\]]*\]", "", text)
    assert kept != text
    course.write_text(kept, encoding="utf-8")


ONE_SIDED_POST = """
## The problem

Our movie recommender retrained every night on a Kafka export, and twice a broken export
went unnoticed for days: half the ratings had no movie id, and nobody knew until viewers
complained that every recommendation was the same five films.

## How it helped

I added the tool's integrity suite to the nightly job and replayed the last ten exports of
our ratings through it: it flagged both broken nights, 31 percent of rows without a movie
id, in 40 seconds each.

## {heading}

{verdict}
"""


@pytest.mark.parametrize(
    ("heading", "verdict", "expected"),
    [
        # praise only: served by its heading, yet nothing names a drawback
        (
            "Final verdict",
            "Ten out of ten. The suite needed no configuration, caught both broken exports "
            "and now runs every night; it saved us days of guessing.",
            "error",
        ),
        # a drawback in plain words
        (
            "Final verdict",
            "It caught both broken exports with no configuration. The learning curve of "
            "custom checks is steep, though, and the report is slow to open.",
            None,
        ),
        # drawbacks in a hedged voice (batch 1198)
        (
            "Final verdict",
            "It caught both broken exports. A few things could perhaps be improved: it "
            "collects many metrics by default, and dashboards made for the usual exporter "
            "do not work as they are.",
            None,
        ),
        # a drawback named by a heading alone, its text in words no list has
        (
            "What I did not like",
            "Custom checks took me an afternoon each, and the report is one large HTML file.",
            None,
        ),
        # a pros and cons table
        (
            "Scorecard",
            "| Pros | Cons |\n|---|---|\n| no configuration | the HTML report is slow |\n"
            "| caught both exports | custom checks take an afternoon |",
            None,
        ),
        # a drawback side headed in everyday words ("Bad things", "Disadvantages")
        (
            "Bad things",
            "Custom checks took me an afternoon each, and the report is one large HTML file.",
            None,
        ),
        (
            "Verdict",
            "Fast to set up. The disadvantages: custom checks take an afternoon each, and "
            "the hosted tier is paid.",
            None,
        ),
        # ... or as a question ("What's bad about it?", "What are its limits?")
        (
            "What's bad about it?",
            "Custom checks took me an afternoon each, and the report is one large HTML file.",
            None,
        ),
        (
            "Praise, with reservations",
            "No configuration at all, yet custom checks took me an afternoon each.",
            None,
        ),
        # a "Limitations?" that only tells what the writer could not judge names none
        (
            "Limitations?",
            "Nothing blocked us. I haven't tried the cluster mode, so I can't say anything "
            "about it. It saved us days.",
            "error",
        ),
        # ... nor one that only finds none of the tool's, beside other tools' (batch 606)
        (
            "Limitations?",
            "I compared it with Grype. Trivy and Grype are great at CVEs, but both are slow "
            "on large images. For the way we used it, I honestly did not run into problems.",
            "error",
        ),
        # ... or as what hurt, a retrospective's "Didn't go well", what the tool does not do
        (
            "Slide 9 — What hurt",
            "Custom checks took me an afternoon each, and the report is one large HTML file.",
            None,
        ),
        (
            "Didn't go well",
            "Custom checks took me an afternoon each, and the report is one large HTML file.",
            None,
        ),
        (
            "Things that didn't",
            "Custom checks took me an afternoon each, and the report is one large HTML file.",
            None,
        ),
        (
            "Would you recommend it?",
            "Yes. What the suite does not do: checks that span two tables, or alerts.",
            None,
        ),
        # ... or as what to be aware of, or where the tool does not help
        (
            "Verdict",
            "Fast to set up. What to be aware of: custom checks took me an afternoon each.",
            None,
        ),
        (
            "Verdict",
            "Fast to set up. Where it doesn't help: checks that span two tables.",
            None,
        ),
        # "the bad" names a drawback where it ends its clause, not before a noun: the
        # bad export the tool caught is no drawback of the tool
        (
            "Final verdict",
            "It caught the bad export of week 3 within a minute, and the bad model it would "
            "have trained never reached viewers. No configuration, clear reports.",
            "error",
        ),
        # nor is "catch" the verb: "the thresholds catch", "the suite catches them"
        (
            "Final verdict",
            "Its thresholds catch every broken export, and the suite catches them before "
            "training. No configuration, clear reports.",
            "error",
        ),
        (
            "Final verdict",
            "No configuration, clear reports. The catch is that custom checks took me an "
            "afternoon each.",
            None,
        ),
        (
            "The good, the bad",
            "No configuration, clear reports. Custom checks took me an afternoon each.",
            None,
        ),
        (
            "Final verdict",
            "The good: no configuration. The bad: custom checks took me an afternoon each.",
            None,
        ),
        (
            "What was hard",
            "Custom checks took me an afternoon each, and the report is one large HTML file.",
            None,
        ),
        # "expensive" is mostly the cost the tool removed ("the expensive part", "a
        # feature we thought too expensive"), not a drawback of the tool: this verdict
        # only praises
        (
            "Verdict",
            "It made the most expensive call of our API cheap: the ranking that took 900 ms "
            "now comes from the cache in 4 ms. No configuration, clear reports.",
            "error",
        ),
        (
            "Verdict",
            "No configuration, clear reports, but the hosted plan is expensive for a team "
            "of students.",
            "warning",
        ),
        # "Limitations" over the writer's own scope names no drawback of the tool
        (
            "Limitations",
            "I ran out of time before trying the cluster mode, and I did not test the "
            "Grafana export. Maybe for the final project.",
            "error",
        ),
        (
            "Limitations",
            "It is slow on large tables, and I did not test the Grafana export.",
            None,
        ),
        # ... and over a list its scope leads into ("Things I didn't get to:")
        (
            "Limitations",
            "I only had five days. Things I didn't get to:\n\n- the cluster mode\n"
            "- the Grafana export, which could replace our nightly report\n"
            "- a proper load test on a week of ratings",
            "error",
        ),
        (
            "Limitations",
            "Things I didn't get to:\n\n- the cluster mode\n- the Grafana export\n\n"
            "And the one real drawback: custom checks took me an afternoon each.",
            None,
        ),
        # ... or features left for later ("next on the list", "we only used the basics",
        # "but we didn't set that up")
        (
            "Limitations",
            "We only had time to test plain HTTP. It reloads certificates at runtime as "
            "well, but we didn't set that up.",
            "error",
        ),
        (
            "Limitations",
            "We only used the basics. The suite also has a streaming mode, which would suit "
            "our rating events. Those are next on the list.",
            "error",
        ),
        # a heading that names no drawback is a label, not a clause that weighs: a
        # comparison the tool wins throughout only praises it
        (
            "Compared to the alternatives",
            "The other trackers need a server of their own; this one needed two lines in "
            "our training script, and both broken exports were caught in 40 seconds.",
            "error",
        ),
        (
            "Compared to the alternatives",
            "It needed two lines in our training script, but its reports are slow to open.",
            "warning",
        ),
        # inline code names things (`deprecate`, `--limit`): it weighs nothing
        (
            "Final verdict",
            "No configuration, clear reports, and its `deprecate` command keeps old versions tidy.",
            "error",
        ),
        # "isn't without costs", "cryptic" name drawbacks
        (
            "Final verdict",
            "No configuration and clear reports. It isn't without costs, though: error "
            "messages from failed loads were cryptic.",
            None,
        ),
        # a "👎" column lists the cons, whatever words its cells use; a "👎" button in
        # the story is no drawback
        (
            "Verdict",
            "| 👍 | 👎 |\n|---|---|\n| Big speed-up without rewriting tests | Only "
            "unittest-style suites |\n| Output people read | A much smaller plugin "
            "ecosystem than pytest |",
            None,
        ),
        (
            "Verdict",
            "| 👍 | Why |\n|---|---|\n| Big speed-up | no rewriting of tests |\n| Output "
            "people read | the team opens it every day |",
            "error",
        ),
        (
            "Verdict",
            "No configuration, clear reports. Clicking 👎 on a movie card now flags it for "
            "the nightly evaluation.",
            "error",
        ),
        # the limitations of the writer's own evaluation are its scope, not the tool's
        (
            "Limitations of this evaluation",
            "We did not connect our Postgres database, so we cannot say how it would do on "
            "relational data. We never got around to the streaming mode either.",
            "error",
        ),
        (
            "Verdict",
            "No configuration, clear reports. For a small team with a limited VM it is the "
            "easiest choice we found.",
            "error",
        ),
        # another product's drawback, by its name in the possessive, is not the tool's
        (
            "Verdict",
            "No configuration, clear reports. With Docker Hub's free plan we had to wait for "
            "pulls every morning.",
            "error",
        ),
        (
            "Verdict",
            "No configuration, clear reports. With its free plan we had to wait for pulls "
            "every morning.",
            "warning",
        ),
        # whom the tool is for is no drawback ("for teams who have dashboards but no one
        # watching them")
        (
            "Verdict",
            "No configuration, clear reports. Highly recommended for teams who have "
            "dashboards but no one looking at them at night.",
            "error",
        ),
        (
            "Verdict",
            "No configuration, clear reports, but no one looks at the dashboard at night "
            "because it has no alerting.",
            "warning",
        ),
        # praise in a bold lead-in list: "limit" is a number here, not a drawback, and
        # nothing else weighs the tool
        (
            "Final thoughts",
            "**What I loved:**\n\n- no configuration at all\n- it raised the row limit to 10 "
            "million without trouble\n- both broken exports caught in 40 seconds",
            "error",
        ),
        # praise only, but its text weighs something ("but", "slow"): a TA reads it
        (
            "Final verdict",
            "Ten out of ten. The suite needed no configuration, but the first run on our "
            "ratings was slow; since then it runs every night.",
            "warning",
        ),
        # a verdict headed "What I didn't", after "What I liked", weighs the tool
        (
            "What I liked",
            "No configuration, and both broken exports caught in 40 seconds.\n\n"
            "## What I didn't\n\nCustom checks took me an afternoon each, and the report is one "
            "large HTML file.",
            None,
        ),
        # "Where <tool> hurt" is the verdict's: its limitations weigh the praise after it
        (
            "Where the suite hurt",
            "Custom checks took me an afternoon each, the report is slow and heavy to open, "
            "and we had to sample the ratings first.\n\n"
            "## Verdict\n\nTen out of ten: it saved us days of guessing.",
            "warning",
        ),
        # "annoyed" names a drawback
        (
            "Things that annoyed me",
            "Custom checks took me an afternoon each, and the report is one large HTML file.",
            None,
        ),
        # limitation words for what the tool solved weigh nothing: a bug it caught, a
        # crash that can't come back, work we never had to do, a question put in quotes
        (
            "Final thoughts",
            "It caught a real bug in our join on day one, and the empty-id crash can't happen "
            "silently anymore. I never had to touch the config, and it paid off in a week: we "
            'went from "why is the model slow?" to an answer in minutes.',
            "error",
        ),
        # ... while the same praise with a drawback of the tool weighs it
        (
            "Final thoughts",
            "It caught a real bug in our join on day one, but I had to write the Kafka reader "
            "myself.",
            "warning",
        ),
        # "and what isn't" names the drawbacks after the good parts
        (
            "What's good",
            "No configuration, and both broken exports caught in 40 seconds.\n\n"
            "## And what isn't?\n\nCustom checks took me an afternoon each.",
            None,
        ),
        # "Why I loved it" is the verdict, not the problem ("why"): a list of praise
        (
            "💚 Why I loved it",
            "- **No configuration.** It read our ratings export as it was.\n"
            "- **Fast.** Both broken exports were caught in 40 seconds.",
            "error",
        ),
        (
            "Why we like this tool",
            "No configuration, and both broken exports caught in 40 seconds. It has a "
            "learning curve, though: custom checks took me an afternoon each.",
            None,
        ),
        # a model's learning curves are charts: no steep start of the tool
        (
            "Final verdict",
            "Ten out of ten. On its dashboard I could compare the learning curves of every "
            "nightly model, and it caught both broken exports.",
            "error",
        ),
        # "Drawbacks" answered with nothing held against the tool names none
        (
            "Drawbacks",
            "Nothing I could really hold against it. It caught both broken exports and "
            "saved us days.",
            "error",
        ),
        # "I wish I had" closing a sentence regrets not using the tool sooner: praise
        (
            "Final verdict",
            "Ten out of ten. Spend the evening and set it up now. I wish I had.",
            "error",
        ),
        # ... while a wish about the tool is a drawback
        (
            "Final verdict",
            "Ten out of ten. I wish I had a way to run it on one column.",
            None,
        ),
        # the guide the writer wishes they had had at the start praises (batch 804)
        (
            "Final verdict",
            "Ten out of ten. This is the guide I wish I had when our team started.",
            "error",
        ),
        # "could not ask for more" praises, like "couldn't ask for"
        (
            "Final verdict",
            "Ten out of ten. For a team on one VM I could not ask for more.",
            "error",
        ),
        # downsides the sentence puts on the old way: its opening clause names none either
        (
            "Final verdict",
            "Ten out of ten. If I have to name downsides, they are really about how we used "
            "to work: we wasted weeks on cron scripts. It caught both broken exports.",
            "error",
        ),
        # the limits of the writer's own study are no drawback of the tool
        (
            "Final verdict",
            "Ten out of ten. The results have some limitations because of the experiment "
            "design: we only had one VM and could not run the search longer.",
            "error",
        ),
        # ... nor what more machines would bring
        (
            "Final verdict",
            "Ten out of ten. We have not tried the cluster mode yet, but it would make the "
            "suite even faster if we get more machines.",
            "error",
        ),
        # "don't have something to complain" finds none, as non-native writers put it
        (
            "Drawbacks",
            "Honestly, I don't really have something to complain about. It caught both "
            "broken exports and saved us days.",
            "error",
        ),
        # ... while having something to complain about names a drawback
        (
            "Drawbacks",
            "I do have something to complain about: the report is slow to open.",
            None,
        ),
        # "can not say" (written apart) is the writer's scope, like "cannot say"
        (
            "Final verdict",
            "Ten out of ten. I did not try the paid plan, so I can not say if the paid "
            "version is worth it. It caught both broken exports.",
            "error",
        ),
    ],
)
def test_a_verdict_that_names_no_drawback_is_flagged_as_one_sided(
    content: Path, run: Runner, heading: str, verdict: str, expected: str | None
) -> None:
    """`section-one-sided` advises when no heading or paragraph names a drawback in words
    the gate knows: a drawback may be worded in a way no list foresees, and a TA reads the
    verdict. It blocks (`drawbacks_blocking` in course.yaml) only when the verdict's own text
    has no word that weighs anything either ("but", "slow", "limit"): that verdict only
    praises, so the rubric's limitations are missing."""
    body = ONE_SIDED_POST.format(heading=heading, verdict=verdict)
    code, found, _err = check(run, content, str(write(content, body)))
    one_sided = [f for f in found if f["rule"] == "section-one-sided"]
    assert [f["severity"] for f in one_sided] == ([expected] if expected else []), one_sided
    errors = [f["message"] for f in found if f["severity"] == "error"]
    assert code == (1 if expected == "error" else 0), errors
    assert not [f for f in found if f["rule"] == "section-missing"]
    if expected == "warning":
        assert "names no drawback" in one_sided[0]["message"]
    if expected == "error":
        assert errors == [one_sided[0]["message"]]
        assert "only praises the tool" in errors[0] and "limitations are missing" in errors[0]


CLOSING_PRAISE = (
    "Ten out of ten from me. The suite read our ratings export exactly as it was, with no "
    "configuration at all, and it fitted into the nightly job with four lines of YAML. "
    "Both broken exports of the last month were caught in 40 seconds each, long before the "
    "model trained on them, and the report named the rows and the columns, so the team "
    "knew at once which part of the export job to look at. The documentation is clear and "
    "full of examples, the community answered my one question within an hour, and the "
    "free tier covers everything a course team needs. I will keep it in our pipeline after "
    "the course, and I would tell every team that trains on exported data to add it on "
    "day one; it is the best tool I tried this semester. Setting it up took one evening, "
    "the checks run in under a minute on a week of ratings, and the HTML report is the "
    "first thing our team opens every morning now."
)


@pytest.mark.parametrize(
    ("heading", "extra", "expected"),
    [
        # a closing section no requirement took, in praise only, with nothing in the
        # post naming a drawback: the limitations are missing however it is read
        ("Final thoughts", "", "section-one-sided"),
        ("🏁 Wrapping up", "", "section-one-sided"),
        # a drawback named elsewhere in the post: a TA reads the closing section
        (
            "Final thoughts",
            "The one drawback: custom checks took me an afternoon each.\n\n",
            "section-unrecognised",
        ),
        # so is text with no heading over it, here opening the post (an essay with no
        # headings is all such text): it may be the verdict as much as a closing section
        ("", "", "section-one-sided"),
        (
            "",
            "The one drawback: custom checks took me an afternoon each.\n\n",
            "section-unrecognised",
        ),
    ],
)
def test_a_closing_section_in_praise_only_lacks_the_limitations(
    content: Path, run: Runner, heading: str, extra: str, expected: str
) -> None:
    """When no section serves the verdict and the section the gate could not place closes
    the post, hints at the verdict ("Final thoughts") or has no heading, praise only there
    and no drawback named anywhere is the one-sided error, not the advice that the gate may
    have missed it."""
    if heading:
        body = ONE_SIDED_POST.format(heading=heading, verdict=CLOSING_PRAISE)
    else:
        body = CLOSING_PRAISE + ONE_SIDED_POST.format(
            heading="Where next", verdict="We add the suite to the feature pipeline next term."
        )
    body = body.replace("## How it helped\n\n", "## How it helped\n\n" + extra)
    code, found, _err = check(run, content, str(write(content, body)))
    rules = [f["rule"] for f in found if f["rule"].startswith("section-")]
    assert expected in rules, found
    if expected == "section-one-sided":
        error = next(f for f in found if f["rule"] == expected)
        assert code == 1 and error["severity"] == "error"
        assert "which may be meant as it, only praises the tool" in error["message"]
        assert "section-unrecognised" not in rules and "section-missing" not in rules
    else:
        assert code == 0 and "section-one-sided" not in rules


@pytest.mark.parametrize(("named", "expected"), [(True, "error"), (False, "warning")])
def test_another_products_drawback_does_not_weigh_the_tool(
    content: Path, run: Runner, named: bool, expected: str
) -> None:
    """A verdict sentence that opens with another product the post names inside its prose
    ("our dashboards in Grafana") is about that product, "it" included (batches 560 and 570 of the
    evaluation set): praise of the tool beside it stays one-sided. A capitalised word the
    post never uses as a name is read as before."""
    verdict = (
        "Ten out of ten. Grafana is great for latency graphs, but it isn't built for "
        "finding broken rows."
    )
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict)
    if named:
        body = body.replace(
            "I added the tool's", "Our latency graphs live in Grafana. I added the tool's"
        )
    code, found, _err = check(run, content, str(write(content, body)))
    assert [f["severity"] for f in found if f["rule"] == "section-one-sided"] == [expected]
    assert code == (1 if expected == "error" else 0)


@pytest.mark.parametrize(("named", "code_expected"), [(True, 1), (False, 0)])
def test_another_products_drawback_elsewhere_does_not_weigh_the_tool(
    content: Path, run: Runner, named: bool, code_expected: int
) -> None:
    """A drawback named outside the verdict is read by the names of the whole post too: "Excel is
    tedious with a week of ratings" is about Excel when the post names Excel inside a
    sentence elsewhere, so a verdict in praise only stays one-sided."""
    verdict = "Ten out of ten. The suite needed no configuration and saved us days."
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict).replace(
        "I added the tool's", "Excel is tedious with a week of ratings. I added the tool's"
    )
    if named:
        body = body.replace("## How it helped", "We kept the ratings in Excel.\n\n## How it helped")
    code, found, _err = check(run, content, str(write(content, body)))
    one_sided = [f["severity"] for f in found if f["rule"] == "section-one-sided"]
    assert code == code_expected
    assert one_sided == (["error"] if named else [])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the clause after the comma goes on with Jupyter's sentence
        (
            "Jupyter has no database connections, so everyone writes their own boilerplate.",
            "error",
        ),
        # the same clause after a sentence on the tool is the tool's drawback
        (
            "The suite has no database connections, so everyone writes their own boilerplate.",
            None,
        ),
    ],
)
def test_a_clause_after_another_products_sentence_is_that_product_s(
    content: Path, run: Runner, sentence: str, expected: str | None
) -> None:
    """The gate also reads each clause of a verdict alone, for the phrases that end or
    open one ("The bad:"). Read alone, "so everyone writes their own boilerplate" would
    name a drawback, but its sentence opens with Jupyter, a product the post names in its
    prose: the drawback is Jupyter's, and a verdict that otherwise praises stays
    one-sided."""
    verdict = f"Ten out of ten for our team. {sentence} The suite saved us days."
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict).replace(
        "## How it helped", "We explored the ratings in Jupyter before.\n\n## How it helped"
    )
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(("colon", "expected"), [(True, "error"), (False, None)])
def test_a_product_named_after_a_colon_is_named_in_the_prose(
    content: Path, run: Runner, colon: bool, expected: str | None
) -> None:
    """A name after a colon stands inside its sentence ("… it looks good: Faust is no
    longer maintained"), so the post names Faust as a product, and the clauses that open
    with it speak of Faust: a verdict that otherwise praises stays one-sided. Named only
    where a sentence opens, "Faust" may be any capitalised word, and is read as before."""
    lead = "Next to what we looked at, it looks good: " if colon else "It looks good. "
    verdict = (
        f"Ten out of ten for our team. {lead}Faust is no longer maintained, and the raw "
        "clients need a lot more boilerplate. The suite saved us days."
    )
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict)
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    ("cons", "expected"),
    [
        # the cons are all what the writer did not try: "Pros / cons" names none either
        (
            "I did not try the cloud version. I have not tested the SQL integration yet.",
            "error",
        ),
        # ... or could not try, and has no opinion on (batch 955)
        (
            "There are big features I simply could not try on one CPU VM, so I have no "
            "opinion on them yet. I did not test the other backends.",
            "error",
        ),
        # ... or what the team got wrong itself (batch 984)
        (
            "Honestly, nothing serious for a team our size. Our history of decisions was "
            "thin before the tool, but that's on us, not the tool.",
            "error",
        ),
        # a real drawback under "Cons" is still one
        ("The report is slow to open, and custom checks take an afternoon each.", None),
    ],
)
def test_a_heading_over_scope_only_cons_names_no_drawback(
    content: Path, run: Runner, cons: str, expected: str | None
) -> None:
    """ "Pros / cons" names drawbacks only through its "Cons" subsection: when that one
    tells only the writer's own scope ("I did not try the cloud version"), neither
    heading names a drawback, and a verdict that otherwise praises stays one-sided."""
    verdict = (
        "### Pros\n\nTen out of ten. It caught both broken exports and saved us days.\n\n"
        f"### Cons\n\n{cons}"
    )
    body = ONE_SIDED_POST.format(heading="Pros / cons", verdict=verdict)
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    ("limitations", "expected"),
    [
        # a lead-in whose colon leads into the writer's own deadline names no drawback
        # (batch 1132)
        (
            "Honestly I did not run into real limitations in my three days. The only "
            "downside for me was time: I wanted to try the drift suite on a second model, "
            "but I did not get to it before the deadline.",
            "error",
        ),
        # ... one that leads into what the tool does still names one
        (
            "The only downside is memory: it needs 8 GB for our ratings table, and I did "
            "not get to try the sampling mode.",
            None,
        ),
    ],
)
def test_a_lead_in_to_the_writers_scope_names_no_drawback(
    content: Path, run: Runner, limitations: str, expected: str | None
) -> None:
    """ "The only downside was time: I wanted to try X but did not get to it" is told by
    what follows its colon, the writer's own scope, and a verdict of praise beside it is
    one-sided; a lead-in followed by what the tool does still names a drawback."""
    _assert_beside_praise(run, content, "Limitations", limitations, expected)


@pytest.mark.parametrize(
    "limitations",
    [
        # the other half of "What I like:" (batch 1269)
        "What I like:\n\n- Light on memory.\n\nWhat I don't:\n\n- Networking between the "
        "server and the worker took an afternoon of reading old issues.",
        # worries and thin documentation told plainly
        "The worker mounts the Docker socket, which is effectively root on the VM.",
        "On a shared course VM that is a real concern, and I'd be nervous about its upkeep.",
        "The documentation is thin: the tutorial page is one paragraph long.",
    ],
)
def test_limitations_told_as_worries_name_a_drawback(
    content: Path, run: Runner, limitations: str
) -> None:
    """A verdict of praise beside limitations told as worries ("a real concern", "I'd be
    nervous", "effectively root"), thin documentation or under "What I don't:" names a
    drawback: no one-sided error."""
    _assert_beside_praise(run, content, "Verdict", limitations, None)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # a list answers the question by listing them, though its first item opens with
        # "No" (batch 1283)
        (
            "- No plots. Images are shown only from a URL hosted elsewhere.\n"
            "- Artifacts live in the server's SQLite database and vanish with it.",
            None,
        ),
        # ... where a sentence opening with "No" finds none
        ("No, not really. It did everything we needed this month.", "error"),
    ],
)
def test_a_list_under_a_yes_or_no_question_lists_the_limitations(
    content: Path, run: Runner, answer: str, expected: str | None
) -> None:
    """ "Other limitations?" over a list whose first item is "No plots." lists them: the
    "No" is the item's, not an answer finding none."""
    _assert_beside_praise(run, content, "Other limitations?", answer, expected)


def _assert_beside_praise(
    run: Runner, content: Path, heading: str, text: str, expected: str | None
) -> None:
    """`ONE_SIDED_POST` with `text` under `heading` and a "Conclusion" of praise after it:
    see `_assert_one_sided`."""
    verdict = f"{text}\n\n## Conclusion\n\nTen out of ten; it saved us days."
    body = ONE_SIDED_POST.format(heading=heading, verdict=verdict)
    _assert_one_sided(run, content, body, expected)


def _assert_one_sided(run: Runner, content: Path, body: str, expected: str | None) -> None:
    """The post gets `section-one-sided` as `expected` ("error"), or, with None, no error
    of it: weighed, though maybe in words no drawback list has (advice at most)."""
    code, found, _err = check(run, content, str(write(content, body)))
    one_sided = [f["severity"] for f in found if f["rule"] == "section-one-sided"]
    if expected:
        assert one_sided == [expected], found
    else:
        assert "error" not in one_sided, found
    assert code == (1 if expected == "error" else 0)


def _assert_praise_only_verdict(content: Path, run: Runner, verdict: str, expected: int) -> None:
    """A "Final verdict" of "Ten out of ten." and `verdict`: see `_assert_verdict`."""
    _assert_verdict(run, content, "Final verdict", f"Ten out of ten. {verdict}", expected)


def _assert_verdict(run: Runner, content: Path, heading: str, verdict: str, expected: int) -> None:
    """`ONE_SIDED_POST` with `verdict` under `heading`: the check exits with `expected`, and
    its only error, if any, is the one-sided verdict."""
    body = ONE_SIDED_POST.format(heading=heading, verdict=verdict)
    code, found, _err = check(run, content, str(write(content, body)))
    assert code == expected, found
    errors = [f["rule"] for f in found if f["severity"] == "error"]
    assert errors == (["section-one-sided"] if expected else [])


ALTERNATIVES_LIST = (
    "Ten out of ten for our team. {lead}\n\n"
    "- **LightFM**: a nice hybrid model, but we fought with its build for an afternoon.\n"
    "- **RecBole**: very complete, but config-file driven and heavy for one small endpoint.\n"
    "- {third}\n\n"
    "The suite needed no configuration and saved us days."
)


@pytest.mark.parametrize(
    ("heading", "lead", "third", "expected"),
    [
        # the alternatives the writer considered, each item opening with its name: their
        # drawbacks are theirs, and the verdict only praises (batches 664 to 671)
        (
            "How it compares",
            "I had looked at a couple of other options before settling on it:",
            "**`implicit`** (what we had): fast, but with no evaluation protocol at all.",
            "error",
        ),
        # a heading that names drawbacks over nothing but the alternatives names none
        (
            "Trade-offs",
            "It is worth comparing with the alternatives we considered.",
            "**Unleash** (self-hosted): would need its own server on our crowded VM.",
            "error",
        ),
        # an item that names the tool weighs it
        (
            "How it compares",
            "Other options we considered:",
            "**Airflow**: a bigger community than Deepchecks, which is slow to start.",
            None,
        ),
        # an item that opens with a word standing for the tool weighs it
        (
            "How it compares",
            "Other options we considered:",
            "Setup was slow, and the error messages are cryptic.",
            None,
        ),
        # without a lead-in naming alternatives, the items are aspects of the tool
        ("How it compares", "Compared with our old script:", "Memory: higher.", None),
        # a lead-in saying the alternatives do better leads into the tool's shortcomings
        # (`others_better`, batch 1567)
        (
            "How it compares",
            "It is not perfect, and in two places the alternatives do better:",
            "**Evidently**: prettier drift reports out of the box.",
            None,
        ),
        (
            "How it compares",
            "Where the other options we considered win:",
            "**Evidently**: prettier drift reports out of the box.",
            None,
        ),
        # ... but not one where the tool wins
        (
            "How it compares",
            "The other options we considered, and why Deepchecks won:",
            "**Evidently**: prettier drift reports, but no nightly mode.",
            "error",
        ),
    ],
)
def test_the_alternatives_drawbacks_in_a_list_do_not_weigh_the_tool(
    content: Path, run: Runner, heading: str, lead: str, third: str, expected: str | None
) -> None:
    """A verdict that lists the alternatives the writer considered ("I had looked at a
    couple of other options:", then "LightFM: nice, but …") weighs them, not its tool:
    `alternatives_by` in course.yaml names such lead-ins (see `gate/alternatives.py`). An
    item naming the tool, or opening with a word that stands for it ("Setup was
    slow"), weighs the tool; after "Compared with our old script:" the items are the
    tool's aspects ("Memory: higher")."""
    verdict = ALTERNATIVES_LIST.format(lead=lead, third=third)
    body = ONE_SIDED_POST.format(heading=heading, verdict=verdict)
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    ("subheading", "third", "expected"),
    [
        # a heading naming what the team had before leads in the list right under it, and
        # a label before a colon names an alternative in any case (batch 728)
        (
            "Compared to what we did before",
            "**grep and awk**: fast, but one typo in a field index gives wrong numbers.",
            "error",
        ),
        # a label naming the tool weighs it
        (
            "Compared to what we did before",
            "**Deepchecks itself**: slow to start on a cold cache.",
            None,
        ),
        # a heading that only compares leads in nothing: the items are the tool's aspects
        ("Compared with our old script", "**memory**: higher, and it is slow to start.", None),
    ],
)
def test_a_heading_naming_the_old_way_leads_in_its_list(
    content: Path, run: Runner, subheading: str, third: str, expected: str | None
) -> None:
    """A list that opens the text under "Compared to what we did before" tells the
    alternatives as one after a lead-in paragraph does (`alternatives_by`); its items
    labelled "jq:" or "pandas notebooks:" are theirs, their drawbacks too."""
    verdict = (
        "Ten out of ten: the suite needed no configuration and saved us days.\n\n"
        f"### {subheading}\n\n"
        "- **pandas notebooks**: twenty lines of loading code per question, and the kernel "
        "kept eating memory.\n"
        "- **jq**: great for JSON, but the syntax is hard to remember.\n"
        f"- {third}\n"
    )
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict)
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # an item that opens by naming the alternative is the alternative's (batches 680
        # to 687): under a heading that names drawbacks, beside the writer's own scope, the
        # verdict names none
        (
            "The alternative we had before, a README of manual steps, was clearly worse, "
            "but nobody had run it from scratch.",
            "error",
        ),
        # ... unless it names the tool
        (
            "The alternatives we had before were faster to start than Deepchecks, which is "
            "slow on a cold cache.",
            None,
        ),
    ],
)
def test_an_item_naming_the_alternative_weighs_it(
    content: Path, run: Runner, last: str, expected: str | None
) -> None:
    """A list item that opens with the alternatives (`alternatives_by`) speaks of them."""
    verdict = (
        "- We only used the default checks; the custom ones we didn't get to.\n"
        "- We didn't try the cloud version, since the course gives us the VM.\n"
        f"- {last}\n"
    )
    body = ONE_SIDED_POST.format(heading="Limitations", verdict=verdict)
    _assert_one_sided(run, content, body, expected)


UNTRIED = (
    "Ten out of ten. The suite solved a small but very real annoyance in our workflow: it "
    "needed no configuration and saved us days.\n\n"
    "### Things I didn't get to try\n\n"
    "- The Keras integration. Our old baseline uses Keras, but we didn't retrain it this "
    "semester.\n"
    "- {last}\n"
)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # what the writer did not try weighs nothing, "but we didn't retrain it" included,
        # and a "but" inside a noun phrase ("a small but very real annoyance") sets no
        # drawback against the praise (batches 696 to 703)
        ("The plugin system, to post straight to our team chat.", "error"),
        # ... unless the section names a drawback
        ("The plugin system. Its downside, from what I read: it is slow to load.", None),
    ],
)
def test_a_section_on_what_was_not_tried_weighs_nothing(
    content: Path, run: Runner, last: str, expected: str | None
) -> None:
    """A verdict's subsection whose heading tells the writer's scope ("Things I didn't get
    to try") weighs the tool only when it names a drawback."""
    body = ONE_SIDED_POST.format(heading="Conclusion", verdict=UNTRIED.format(last=last))
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    ("heading", "verdict", "expected"),
    [
        # a heading asking for drawbacks, answered with none (earlier batches, 688 to 703)
        (
            "Any downsides?",
            "Honestly, for what we used it for, I can't think of any. The suite needed no "
            "configuration and saved us days.",
            "error",
        ),
        (
            "What about the downsides?",
            "Compared with what we used before, there isn't much to complain about. The suite "
            "needed no configuration and saved us days.",
            "error",
        ),
        (
            "Downsides?",
            "Honestly, the ones we ran into were on our side. The suite needed no "
            "configuration and saved us days.",
            "error",
        ),
        # "haven't hit any" over what the writer did not try, and "can't really give a
        # list of downsides" (batches 760 to 767)
        (
            "Limitations",
            "Honestly, we haven't hit any so far. We only used the free edition, and I don't "
            "know what the paid one adds or whether we'd need it. So I can't really give a "
            "list of downsides.",
            "error",
        ),
        # "can't name real ones" (batch 819)
        (
            "Cons",
            "Honestly I can't name real ones from our two weeks. The suite needed no "
            "configuration and saved us days.",
            "error",
        ),
        # ... unless the text names one
        (
            "Any downsides?",
            "I can't think of many. The one I found: it is slow on tables over a million rows.",
            None,
        ),
        # a heading naming drawbacks over text that names some
        ("Downsides", "It is slow on tables over a million rows.", None),
    ],
)
def test_a_heading_answered_with_no_drawback_names_none(
    content: Path, run: Runner, heading: str, verdict: str, expected: str | None
) -> None:
    """Text that opens by finding no drawback (`none_found` in course.yaml: "I can't think
    of any") leaves the heading over it ("Any downsides?") naming none."""
    body = ONE_SIDED_POST.format(heading=heading, verdict=verdict)
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    ("heading", "verdict", "expected"),
    [
        # a yes-or-no question on drawbacks, answered short with none (batches 712 to 727),
        # in the text or as the heading
        (
            "Verdict",
            "Were there any drawbacks? Honestly, not really for what we needed. The suite "
            "needed no configuration and saved us days.",
            "error",
        ),
        (
            "Verdict",
            "So, any downsides? Nope. The suite needed no configuration and saved us days.",
            "error",
        ),
        (
            "Any downsides?",
            "Not really. The suite needed no configuration and saved us days.",
            "error",
        ),
        # a bare "Cons?" asks yes or no too (batch 818)
        (
            "Verdict",
            "Cons? Not really any from my side. The suite needed no configuration and saved "
            "us days.",
            "error",
        ),
        # ... or answered in a sentence that finds none (`none_found`, batch 939)
        (
            "Verdict",
            "Downsides? For our setup we honestly didn't find any. The suite needed no "
            "configuration and saved us days.",
            "error",
        ),
        (
            "Verdict",
            "Any limitations? After two weeks on the stream I have not found any. The suite "
            "needed no configuration and saved us days.",
            "error",
        ),
        # ... or answered that there are none for the writer's use (batch 950)
        (
            "Q: Any downsides?",
            "Honestly, not for what we used it for. The suite needed no configuration and "
            "saved us days.",
            "error",
        ),
        (
            "Verdict",
            "Any drawbacks? Not for our nightly job. The suite needed no configuration and "
            "saved us days.",
            "error",
        ),
        # ... unless the answer names one, or the question asks what they are
        (
            "Verdict",
            "Were there any drawbacks? Yes: it is slow on tables over a million rows.",
            None,
        ),
        (
            "Any downsides?",
            "Not for small tables, but it is slow on tables over a million rows.",
            None,
        ),
        (
            "Verdict",
            "Downsides? We didn't find any way to export the model, so we keep both copies.",
            None,
        ),
        (
            "Verdict",
            "Any downsides? Not really, but it is slow on tables over a million rows.",
            None,
        ),
        (
            "Verdict",
            "What are the limitations? No streaming input, so every export goes through a "
            "file first.",
            None,
        ),
    ],
)
def test_a_question_on_drawbacks_answered_no_names_none(
    content: Path, run: Runner, heading: str, verdict: str, expected: str | None
) -> None:
    """A yes-or-no question on drawbacks whose answer opens with none (`none_answers` in
    course.yaml: "Not really.") or finds none (`none_found`: "we didn't find any.") names
    none, whether it is a sentence or the heading."""
    body = ONE_SIDED_POST.format(heading=heading, verdict=verdict)
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    ("heading", "verdict", "expected"),
    [
        # a heading naming drawbacks over the old way, another product and what was not
        # tried, then praise, names none (batches 736 to 743)
        (
            "What to watch out for",
            "Most of the pain we had before Deepchecks came from our scripts: they broke "
            "silently. We had also tried Airflow. Airflow has hundreds of options. We did not "
            "get to try the drift checks. The suite saved us days. The report is clear. "
            "Everyone on the team uses it now.",
            "error",
        ),
        # the alternatives qualified by one word ("The raw alternative") and "their own
        # downsides" are theirs; "anything I would complain about" finds none (batches 744
        # to 751)
        (
            "Things to keep in mind",
            "We only tried the S3 backend. Atlantis and Terraform Cloud have their own "
            "downsides: Atlantis needs a webhook server. The raw alternative, diffing by hand, "
            "is honestly miserable. The suite saved us days.",
            "error",
        ),
        (
            "Final verdict",
            "Honestly I couldn't find anything I would complain about; it did everything we "
            "needed.",
            "error",
        ),
        # ... while the tool's own drawback there still weighs
        (
            "What to watch out for",
            "Most of the pain we had before Deepchecks came from our scripts. We did not get "
            "to try the drift checks. It is slow on large exports, and its documentation is "
            "thin.",
            None,
        ),
    ],
)
def test_the_old_way_and_the_alternatives_weigh_nothing(
    content: Path, run: Runner, heading: str, verdict: str, expected: str | None
) -> None:
    """A sentence that opens on what the team had before the tool ("the pain we had before
    Unit came from gunicorn") tells the old way's drawbacks, and one on another product or
    the alternatives theirs: under a heading naming drawbacks, with what the writer did not
    try, they may leave it naming none. "Anything I would complain about" finds none."""
    body = ONE_SIDED_POST.format(heading=heading, verdict=verdict)
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # a "Cons:" label over what the writer did not measure or try names no drawback, nor
        # does the heading over it (batch 804)
        ("We didn't try the newer drafts, so we can't say how well they work.", "error"),
        # ... but a real drawback in its list does
        ("Its error messages are cryptic and hard to map back to a row.", None),
    ],
)
def test_a_label_over_the_writers_scope_names_no_drawback(
    content: Path, run: Runner, last: str, expected: str | None
) -> None:
    """A short line naming drawbacks that leads into a list ("Cons / things to keep in
    mind:") is read as a heading over it: over the writer's own scope only ("We did not
    benchmark it"), it names none, and neither does "Pros and cons" above it."""
    verdict = (
        "Pros:\n\n- It needed no configuration.\n- It caught both broken exports.\n\n"
        "Cons / things to keep in mind:\n\n"
        "- We did not benchmark it on a heavier load than ours.\n"
        f"- {last}\n"
    )
    body = ONE_SIDED_POST.format(heading="Pros and cons", verdict=verdict)
    _assert_one_sided(run, content, body, expected)


@pytest.mark.parametrize(
    "limits",
    [
        # limits said outright name a drawback (batches 728 to 735)
        "There are real limits, though. From the guest network the tunnel simply does not connect.",
        "Still, it has limits. From the guest network the tunnel simply does not connect.",
        # ... and so do the limits the writer hit (batch 814)
        "Limits I hit:\n\n- **Memory**: it reads the whole file at once, so I split the "
        "2 GB watch log first.\n- **SQL**: window functions are out of reach.",
    ],
)
def test_limits_said_outright_name_a_drawback(content: Path, run: Runner, limits: str) -> None:
    """Saying "there are real limits" or "Limits I hit:" names a drawback, whatever words
    tell them."""
    verdict = limits
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict)
    _assert_one_sided(run, content, body, None)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        # "its" just after another product named as the object is that product's
        (
            "We first looked at Healthchecks, but its free plan only pings every five "
            "minutes. The suite needed no configuration and saved us days.",
            "error",
        ),
        # ... and so is what the clauses after it add with "which" or "and"
        (
            "We first looked at Healthchecks, but its free plan only pings every five "
            "minutes, which is too slow for us, and keyword checks are limited to one. The "
            "suite needed no configuration and saved us days.",
            "error",
        ),
        # ... not the tool's when the clause before names it or compares
        (
            "We first ran it next to Healthchecks, but its free plan only covers five "
            "checks. The suite needed no configuration and saved us days.",
            None,
        ),
        (
            "The UDP handler in Healthchecks is fire-and-forget, but it drops messages when "
            "the server restarts. The suite needed no configuration and saved us days.",
            None,
        ),
    ],
)
def test_its_after_another_product_is_that_product_s(
    content: Path, run: Runner, verdict: str, expected: str | None
) -> None:
    """A clause going on with "it" right after one that ends by naming another product
    ("We first looked at UptimeRobot, but its free plan …") weighs that product, and so do
    the clauses that go on from it with "which" or "and"."""
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict)
    _assert_one_sided(run, content, body, expected)


def test_the_old_way_s_drawbacks_do_not_weigh_the_tool(content: Path, run: Runner) -> None:
    """Drawback words in the problem told before the tool ("our tedious scripts") are the
    old way's: a verdict after them that only praises the tool is still one-sided. Told after
    the walkthrough, the same words are the tool's."""
    problem = (
        "Our checks were tedious hand-written scripts, and their limitations showed: twice "
        "a broken export of our ratings went unnoticed for days."
    )
    verdict = "Ten out of ten. The suite needed no configuration and saved us days."
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict).replace(
        "## How it helped", problem + "\n\n## How it helped"
    )
    code, found, _err = check(run, content, str(write(content, body)))
    assert code == 1
    assert [f["severity"] for f in found if f["rule"] == "section-one-sided"] == ["error"]
    after = body.replace(problem + "\n\n", "").replace(verdict, problem + "\n\n" + verdict)
    code, found, _err = check(run, content, str(write(content, after)))
    assert code == 0 and not [f for f in found if f["rule"] == "section-one-sided"]


def test_course_yaml_can_keep_a_praise_only_verdict_as_advice(content: Path, run: Runner) -> None:
    """Without `drawbacks_blocking`, a verdict that only praises gets the warning alone."""
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    assert "        drawbacks_blocking: true\n" in text
    course.write_text(text.replace("        drawbacks_blocking: true\n", ""), encoding="utf-8")
    verdict = "Ten out of ten. The suite needed no configuration and saved us days."
    body = ONE_SIDED_POST.format(heading="Final verdict", verdict=verdict)
    code, found, _err = check(run, content, str(write(content, body)))
    one_sided = [f for f in found if f["rule"] == "section-one-sided"]
    assert code == 0 and [f["severity"] for f in one_sided] == ["warning"]


@pytest.mark.parametrize(
    ("marker", "flagged"),
    [
        ("TODO.", "TODO"),
        ("[TBD]", "TBD"),
        ("We still have to measure the second week. TODO: add the numbers.", "TODO"),
        ("Coming soon!", "coming soon"),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "lorem ipsum"),
        # about the tool, not a gap: news of its roadmap, a word for the comments it finds
        ("Coming soon in version 2: checks that stream from Kafka.", None),
        ("It also lists every TODO comment it meets in the notebooks.", None),
        # the team's next step, not a gap in the post; a note on the post stays a gap
        (
            "Not monitoring. TODO: per-process disk reads on our dashboard, so the next "
            "spike is in its history.",
            None,
        ),
        ("TODO: explain why the second replay of the ratings was slower than the first.", "TODO"),
        ("TODO: the second week of ratings goes here once the Kafka export is fixed.", "TODO"),
        ("The linter flags `TODO:` comments, which we liked.", None),
    ],
)
def test_a_draft_marker_left_in_a_section_is_an_error(
    content: Path, run: Runner, marker: str, flagged: str | None
) -> None:
    """`section-unfinished`: a placeholder in a requirement's section blocks a published
    post, naming the line, the section and the marker; a draft is only told."""
    section = _section(BODY, "Strengths and limitations")
    body = BODY.replace(section, f"{section.rstrip()}\n\n{marker}\n\n")
    path = write(content, body)
    line = 1 + (FRONT + body).split("\n").index(marker)
    code, found, _err = check(run, content, str(path))
    unfinished = [f for f in found if f["rule"] == "section-unfinished"]
    if flagged is None:
        assert not unfinished and code == 0, unfinished
        return
    assert code == 1 and len(unfinished) == 1, unfinished
    finding = unfinished[0]
    assert finding["line"] == line and finding["severity"] == "error"
    assert f"“{flagged}”" in finding["message"]
    assert "‘Strengths and limitations’ (Strengths and limitations)" in finding["message"]
    path.write_text((FRONT + body).replace("status: published", "status: draft"), encoding="utf-8")
    code, found, _err = check(run, content, str(path))
    unfinished = [f for f in found if f["rule"] == "section-unfinished"]
    assert code == 0 and unfinished[0]["severity"] == "warning"


def test_a_draft_marker_outside_every_section_names_the_post(content: Path, run: Runner) -> None:
    """A placeholder under a heading no requirement took still blocks, as the post's."""
    body = f"{BODY.rstrip()}\n\n## Appendix: the Lambda variant\n\nTODO\n"
    code, found, _err = check(run, content, str(write(content, body)))
    unfinished = [f for f in found if f["rule"] == "section-unfinished"]
    assert code == 1 and [f["message"] for f in unfinished] == [
        "the post is unfinished: the text says “TODO” where the writing should be"
    ]


@pytest.mark.parametrize(
    ("sentence", "unfinished"),
    [
        ('Someone had left "TODO: fill in the rollback command" in the runbook.', False),
        ("“TODO: ask the TA” was the only line of the on-call notes.", False),
        ("The rollback command is below. TODO: fill in the rollback command.", True),
    ],
)
def test_a_marker_quoted_as_someones_words_is_no_gap(
    content: Path, run: Runner, sentence: str, unfinished: bool
) -> None:
    """A marker the post quotes ("TODO: fill in the rollback command" found in a runbook)
    is what the post tells about, not a gap the writer left; unquoted, it still is one."""
    section = _section(BODY, "Strengths and limitations")
    body = BODY.replace(section, f"{section.rstrip()}\n\n{sentence}\n\n")
    _code, found, _err = check(run, content, str(write(content, body)))
    assert any(f["rule"] == "section-unfinished" for f in found) is unfinished, found


def test_a_mapped_requirement_is_not_filled_by_a_late_section(content: Path, run: Runner) -> None:
    """A post that maps the verdict to a heading it does not have is told so: a late
    "Challenges" that would serve the verdict otherwise does not stand in for the map."""
    body = LATE_CHALLENGES_PAIR[0].values[0]
    front = FRONT[: -len("---\n")] + 'sections: {assessment: "Verdict"}\n---\n'
    code, found, _err = check(run, content, str(write(content, body, front=front)))
    missing = [f["message"] for f in found if f["rule"] == "section-missing"]
    assert code == 1 and len(missing) == 1, missing
    assert "maps `assessment` to the heading “Verdict”" in missing[0]


def test_code_before_the_first_heading_can_show_the_scenario(content: Path, run: Runner) -> None:
    """A lessons post that shows its pipeline before the first heading ("Here is the
    pipeline after the move, a bit shortened:") and weighs the tool lesson by lesson: the
    code there names the scenario, so the walkthrough taken from that text shows it."""
    intro = (
        "Until this month the nightly retraining was a single shell script that ran six "
        "Python steps in a row. Every run repeated every step, even when only the last one "
        "had changed, and when the trainer failed on memory the next run started again from "
        "the first dump of the topic, which cost us about forty minutes each time.\n\n"
        "We needed something that knows which outputs are out of date and only reruns "
        "those, without the weight of a scheduler with its own database and web server.\n\n"
        "Here is the pipeline after the move, a bit shortened:\n\n"
        "```python\n"
        "@transform(parse_logs, suffix('.parquet'), '.model.pkl')\n"
        "def train(source, target):\n"
        "    fit_movie_recommender(source, target, factors=64)\n"
        "\n"
        "parser = cmdline.get_argparse(description='movie recommender retraining')\n"
        "```\n\n"
        "These are the lessons from two weeks with it.\n\n"
    )
    lessons = "".join(
        f"## Lesson {n}: {title}\n\n{text}\n\n"
        for n, (title, text) in enumerate(
            [
                (
                    "Every step writes a file",
                    "The tool compares the age of inputs and outputs, so each step must "
                    "write its result to disk. That felt strange for the dump step, but it "
                    "means a day already fetched is never fetched again, which is nice.",
                ),
                (
                    "Parallel runs come free",
                    "One flag ran the fourteen parse jobs four at a time: the parse went "
                    "from 23 to 7 minutes on our four-core machine, with no code changed.",
                ),
                (
                    "The decorators are powerful but confusing",
                    "The patterns took me many tries to get right, and the documentation "
                    "is old: most answers I found online were ten years old. Code changes "
                    "do not rerun a step unless you ask for checksums, which cost me an "
                    "evening of stale results.",
                ),
                (
                    "My summary",
                    "Good: light, plain Python, a nightly run down from 41 to 9 minutes. "
                    "Not so good: files only, no scheduler or interface, a quiet project. "
                    "For a small team with one machine I would pick it again.",
                ),
            ],
            start=1,
        )
    )
    _code, found, _err = check(run, content, str(write(content, FRONT + "\n" + intro + lessons)))
    assert not [f for f in found if f["rule"] in ("scenario-missing", "section-missing")], [
        f["message"] for f in found if f["severity"] == "error"
    ]


ESSAY = (HERE.parent / "sections" / "corpus" / "tt04-essay-sccache.md").read_text(encoding="utf-8")
SCENARIO_WORDS = re.compile(
    r"\b(?:movies?|films?|recommend\w*|watch\w*|ratings?|viewers?|online evaluation)\b", re.I
)


@pytest.mark.parametrize("scenario", [True, False], ids=["scenario-told", "scenario-stripped"])
def test_a_walkthrough_no_section_took_is_a_warning_when_it_shows_the_scenario(
    content: Path, run: Runner, scenario: bool
) -> None:
    """An essay with no headings whose walkthrough no section's text reads like (the gate
    finds its problem, nothing else): when the text no requirement took tells the tool
    used on the scenario in the writer's voice, a TA finds the examples there, so the
    gate warns instead of calling them missing; with the scenario's words gone from the
    post, nothing shows it and the error stays."""
    body = ESSAY.split("\n---\n", 1)[1]
    if not scenario:
        body = SCENARIO_WORDS.sub("widget", body)
    path = content / "posts" / "F2026" / "essay.md"
    path.write_text(FRONT.replace("tool: Deepchecks", "tool: sccache") + body, encoding="utf-8")
    _code, found, _err = check(run, content, str(path))
    rules = {(f["rule"], f["severity"]) for f in found if "examples" in f["message"]}
    assert (("section-missing", "error") in rules) is not scenario, rules
    assert (("section-unrecognised", "warning") in rules) is scenario, rules
    _code, out, _err = run("--content", str(content), "check", "--explain", str(path))
    assert ("shows a use: paragraphs no requirement took" in out) is scenario, out


def test_a_verdict_hinted_at_by_the_last_day_does_not_reach_back_over_the_diary(
    content: Path, run: Runner
) -> None:
    """A diary of bold "Day N" lines whose last day is hinted as the verdict ("Day 14,
    wrap-up"): the days before it are the backstory and the walkthrough, not the verdict,
    so the opening day is left to tell the problem."""
    diary = (HERE.parent / "sections" / "corpus" / "ty02-diary-diun.md").read_text(encoding="utf-8")
    path = content / "posts" / "F2026" / "diary.md"
    front = FRONT.replace("tool: Deepchecks", "tool: Diun")
    path.write_text(front + diary.split("\n---\n", 1)[1], encoding="utf-8")
    _code, found, _err = check(run, content, str(path))
    assert not [f for f in found if f["rule"] == "section-missing"], found
    _code, out, _err = run("--content", str(content), "check", "--explain", str(path))
    verdict = next(line for line in out.splitlines() if "[assessment]:" in line)
    assert "‘Day 14, wrap-up’" in verdict and "‘Day 0 (Mon)’" not in verdict, out


CODE_ONLY_STEPS = """
**why we looked**

Our deploys were a wiki page of shell commands. Twice a teammate skipped a step at night
and the service answered with the previous model for a day before anybody noticed it.

**what the tool is**

The tool runs the shell blocks of a Markdown file as commands, one per heading, so the
runbook and the commands are the same file and cannot drift apart.

**our runbook file**

```markdown
## retrain
python pipeline/train.py --data kafka-dump/movie-ratings.csv
```

**using it**

Cron now calls the retrain command every night, and a new teammate shipped a canary on
his first day by reading the rendered runbook only. The existence check in the deploy
command refused a missing model twice this month.

**not so good**

Every code block is a fresh shell, and there is no dependency between commands, so the
nightly job still needs its own glue around it.
"""


def test_a_step_of_code_alone_is_part_of_the_walkthrough(content: Path, run: Runner) -> None:
    """A section with code and no words of its own ("our runbook file" over the commands
    that train on the movie ratings) between the walkthrough's parts is one of its steps
    (batch 808): the scenario its code names counts."""
    code, found, _err = check(run, content, str(write(content, CODE_ONLY_STEPS)))
    assert "scenario-missing" not in [f["rule"] for f in found], found
    assert code == 0
    # without that code the walkthrough names no scenario at all
    body = CODE_ONLY_STEPS.replace("kafka-dump/movie-ratings.csv", "data.csv")
    code, found, _err = check(run, content, str(write(content, body)))
    assert "scenario-missing" in [f["rule"] for f in found]


WEAK_AND_GOOD = """
## Method

I added the tool's integrity suite to the nightly job and replayed the last ten exports of
our movie ratings through it: it flagged both broken nights, 31 percent of rows without a
movie id, in 40 seconds each, and the report named the columns at fault.

## Evaluation of the tool

**What is good**

The suite needed no configuration, the report is readable by the whole team, and the
checks run in under a minute on a week of ratings.

**What is weak**

We had to write our own check for late events, because the suite could not compare two
exports. It also needs the whole export in memory, so a month of ratings did not fit on
the VM and we had to split it by week.
"""


def test_what_is_weak_is_the_verdict_not_the_problem(content: Path, run: Runner) -> None:
    """ "What is weak" beside "What is good" names the tool's limitations (batch 803): its
    "we had to" does not make it the problem a post without one lacks."""
    code, found, _err = check(run, content, str(write(content, WEAK_AND_GOOD)))
    missing = [f["message"] for f in found if f["rule"] == "section-missing"]
    assert code == 1 and len(missing) == 1 and "problem" in missing[0], found


def test_a_list_items_first_word_is_no_name_inside_a_sentence(content: Path, run: Runner) -> None:
    """Each item of a list opens a statement of its own: "Not 100% compatible" after "no
    distro packages" is no product named inside a sentence (batch 819), so "Not so good"
    over the list still names the tool's drawbacks."""
    verdict = (
        "- Install needs a nightly toolchain; no distro packages\n"
        "- Not 100% compatible with the old scripts; one function we used is missing\n"
    )
    body = ONE_SIDED_POST.format(heading="Slide 8: Not so good", verdict=verdict)
    _assert_one_sided(run, content, body, None)


def test_what_was_hurting_opens_the_problem(content: Path, run: Runner) -> None:
    """ "What was hurting" as the post's first heading tells the problem (batch 803), though
    "what hurt" after the walkthrough names the verdict's limitations."""
    body = ONE_SIDED_POST.replace("## The problem", "**What was hurting**").format(
        heading="What hurt", verdict="It is slow on tables over a million rows."
    )
    code, found, _err = check(run, content, str(write(content, body)))
    assert [f for f in found if f["rule"].startswith("section-") and f["severity"] == "error"] == []
    assert code == 0


def test_likes_and_gripes_is_the_verdict(content: Path, run: Runner) -> None:
    """ "Likes and gripes" heads the strengths and limitations (batch 814)."""
    verdict = (
        "The suite needed no configuration and caught both broken exports. On the other "
        "side, it is slow on tables over a million rows, and its report cannot be exported."
    )
    body = ONE_SIDED_POST.format(heading="Likes and gripes", verdict=verdict)
    code, found, _err = check(run, content, str(write(content, body)))
    rules = [f["rule"] for f in found]
    assert code == 0 and "section-heading-unclear" not in rules, found


def test_things_you_should_know_heads_the_verdict(content: Path, run: Runner) -> None:
    """ "Things you should know before you curse at it" heads the limitations (batch 837):
    its text is the verdict's, not read elsewhere. "Things you should know" alone could
    as well be what to install first: "curse at it" says which."""
    verdict = (
        "- It does not help the old endpoint, which returns plain text: nothing is checked "
        "there.\n- It is slow on large payloads: 0.3 ms per request even for ours.\n"
    )
    body = ONE_SIDED_POST.format(
        heading="Things you should know before you curse at it", verdict=verdict
    )
    code, found, _err = check(run, content, str(write(content, body)))
    rules = [f["rule"] for f in found]
    assert code == 0 and "section-heading-unclear" not in rules, found
    assert "section-unrecognised" not in rules and "section-missing" not in rules


HONEST_LETTER = """
Dear teammates,

Every night our movie recommender retrains on the ratings from the stream, and twice this
month a broken export went unnoticed: nobody knew until viewers complained that every
recommendation was the same five films. We needed a check that runs before training.

I added the tool's integrity suite to our nightly job. I wrote a small script that runs
it on each export of our ratings, and I replayed the last ten exports through it: it
flagged both broken nights in 40 seconds each. I also scheduled it with cron, deployed it
on the VM, and logged every report next to the model it guarded.

{lead}

- **It is still cron.** It manages the file; it does not run anything better. No retries,
  no alert when training fails. We still had to add a message at the end of `train.py`.
- **Optional features need extra packages.** Without them you get an error at runtime,
  not at install.
- **User matters.** One of us ran the deploy script with `sudo` once and the jobs went
  into root's crontab. Both copies then ran at 02:30 and fought over the same model file.

See you on Monday,
Ana
"""


@pytest.mark.parametrize(
    "lead",
    [
        "Now the parts I'm less happy about, because I don't want to sell it as perfect:",
        "Now the honest part, because you should know what you are getting:",
    ],
)
def test_a_lead_in_turns_a_letter_to_its_verdict(content: Path, run: Runner, lead: str) -> None:
    """In a letter with no headings, "Now the parts I'm less happy about:" over a list turns
    to the verdict (batches 822 and 834): the list is its limitations, not more of the
    walkthrough before it."""
    body = HONEST_LETTER.format(lead=lead)
    code, found, _err = check(run, content, str(write(content, body)))
    rules = [f["rule"] for f in found if f["severity"] == "error"]
    assert "section-missing" not in rules and "section-one-sided" not in rules, found
    assert code == 0


INFRA_ONLY = """
## What kept breaking

Our nightly retraining calls the course's user info API once for every user seen on the
Kafka stream that day, about twenty thousand calls. Twice last month the API answered 503
for a few minutes, the first error killed the job, and nobody noticed for two days that the
service still ran an old model.

## The fix

I installed the tool with pip and put its decorator on the function that fetches one user:

```python
@retry(max_attempts=5)
def fetch_user(uid):
    return session.get(f"{API}/user/{uid}", timeout=2).json()
```

To try it I replayed that night against a local server that answers 503 for ninety
seconds: the fetch logged 41 retries and all users came through. Since then WHERE has
logged 212 retries in a week and every run finished, and I added the same decorator to
HANDLER with two attempts at most.

## Pros and cons

The defaults are sensible and it is one line of code. But watch out: it only sees
exceptions, so a forgotten status check retries nothing, and its backoff can wait seconds,
which our latency budget cannot afford.
"""


def test_a_post_on_the_teams_own_system_alone_shows_the_scenario(
    content: Path, run: Runner
) -> None:
    """A post that never says "movie" but tells its work on the team's own system ("the
    nightly job", "the `/recommend` handler") is on the course's scenario (batch 850): its
    walkthrough shows the tool used there (`scenario_system`). Words other domains share
    ("watch out") do not name the scenario."""
    front = FRONT.replace(
        "Catching bad training data for a movie recommender with Deepchecks",
        "Retries for a flaky API",
    )
    told = {"WHERE": "the nightly job", "HANDLER": "the `/recommend` handler"}
    path = write(content, _filled(INFRA_ONLY, told), front=front)
    code, found, _err = check(run, content, str(path))
    assert code == 0, [f["message"] for f in found if f["severity"] == "error"]
    # told of nothing of the team's own, the same walkthrough names no scenario
    untold = {"WHERE": "the script", "HANDLER": "a web handler", "on the\nKafka stream": "in logs"}
    code, found, _err = check(
        run, content, str(write(content, _filled(INFRA_ONLY, untold), front=front))
    )
    assert code == 1 and "examples" in str(found), found


@pytest.mark.parametrize("service", ["the rec API", "our rec service", "the recs endpoint"])
def test_the_rec_api_is_the_teams_own_system(content: Path, run: Runner, service: str) -> None:
    """Notes shorten the team's recommendation service to "the rec API" (batch 1031): a
    walkthrough on it shows the scenario as "the `/recommend` handler" does."""
    front = FRONT.replace(
        "Catching bad training data for a movie recommender with Deepchecks",
        "Retries for a flaky API",
    )
    told = {"WHERE": "the script", "HANDLER": service, "on the\nKafka stream": "in logs"}
    path = write(content, _filled(INFRA_ONLY, told), front=front)
    code, found, _err = check(run, content, str(path))
    assert code == 0, [f["message"] for f in found if f["severity"] == "error"]


def _filled(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def test_a_data_catalog_in_the_code_is_not_the_movie_catalogue(content: Path, run: Runner) -> None:
    """dbt writes `catalog.json`, and data tools have catalogs of tables: "catalog" in the
    code of a demo names no scenario (batch 852); the scenario's "catalogue" of movies in
    the writer's own words still does."""
    demo = (
        "I built the demo project's docs with the tool:\n\n"
        "```bash\ndbt docs generate  # writes catalog.json\n```"
    )
    assert not _scenario_shown(content, run, demo)
    own = "We scored all our users against the catalogue every night, in half the time."
    assert _scenario_shown(content, run, own)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # the label finds none: the "cons" in the question names none either
        ("Honestly we did not run into anything. Compared to Redis it is much lighter.", 1),
        ("Honestly, we never ran into anything worth writing down.", 1),
        ("Honestly, for what we used it for we did not hit anything.", 1),
        # the label over a real drawback still names one, and so does the text after a
        # label answered with none
        ("It has no built-in metrics, so we count evictions ourselves.", 0),
        (
            "We never ran into anything serious. It has no built-in metrics, so we count "
            "evictions ourselves.",
            0,
        ),
    ],
)
def test_a_cons_label_answered_with_none_names_no_drawback(
    content: Path, run: Runner, answer: str, expected: int
) -> None:
    """An FAQ's "Q: So, pros and cons?" over "Pros:" items and a "Cons:" label whose one
    item finds nothing (batch 896 of the evaluation set) only praises the tool; the same
    label over a drawback weighs it."""
    verdict = (
        "Pros:\n\n- Big latency win from one decorator.\n- Thread-safe, and no extra "
        f"server to run.\n\nCons:\n- {answer}"
    )
    _assert_verdict(run, content, "Q: So, pros and cons?", verdict, expected)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("cons? honestly nothing big. only that we should have started in week one", 1),
        # a real drawback after the question still weighs the tool
        ("cons? honestly nothing big. the designer does not support versioning", 0),
    ],
)
def test_a_cons_question_in_a_list_item_answered_with_none_names_no_drawback(
    content: Path, run: Runner, item: str, expected: int
) -> None:
    """Terse notes ask "cons?" inside a list item and answer "honestly nothing big"
    (batch 1031): the item is read apart from the one before it, which ends with no full
    stop, so the question finds no drawback; the same item naming one still weighs it."""
    verdict = f"- 10/10, would do again. setup took two hours\n- {item}\n- run history is great"
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    "cons",
    [
        "Nothing that bothered us in practice.",
        'The only real "con" we can name is about what we had before: hand-written '
        "health views that tell you nothing.",
        "The biggest downside is really with our old process: mailing a plaintext CSV "
        "was never a good idea.",
    ],
)
def test_cons_that_find_nothing_or_speak_of_the_old_way_name_no_drawback(
    content: Path, run: Runner, cons: str
) -> None:
    """A review card's "Cons" that finds nothing, or whose only "con" is about what the
    team had before (batch 907 of the evaluation set), names no drawback of the tool."""
    verdict = f"Ten out of ten, it saved us days.\n\n**Cons**\n\n- {cons}\n"
    body = ONE_SIDED_POST.format(heading="Verdict", verdict=verdict)
    code, found, _err = check(run, content, str(write(content, body)))
    assert [f["rule"] for f in found if f["severity"] == "error"] == ["section-one-sided"]
    assert code == 1


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        ("so the endpoint and the pipeline can't disagree", 1),
        ("so our two copies of the schema cannot get out of sync", 1),
        # a "can't" that tells what the tool cannot do still weighs it
        ("but it can't read the Avro files our consumer writes", 0),
    ],
)
def test_a_disagreement_the_tool_rules_out_is_praise(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    """ "The same checks over HTTP and as a command, so the endpoint and the pipeline can't
    disagree" (batch 907 of the evaluation set) praises what the tool rules out: a verdict
    of such praise only is one-sided."""
    _assert_praise_only_verdict(content, run, f"One config for both, {verdict}.", expected)


def test_a_walkthrough_on_a_dataset_the_post_named_before_it_is_not_the_scenario(
    content: Path, run: Runner
) -> None:
    """A tutorial says once, before its steps, "I used the public MovieLens 100K dataset so
    anyone can follow along" (batch 922 of the evaluation set): its steps on movies and
    ratings are that dataset's, even where they share words with the problem the post told
    on its own service (a web server the tool starts is not the writer's). Without that
    sentence, or when it names the writer's own data too
    ("Before our own data, I tried it on MovieLens"), the steps go on with the post's story."""
    section = _section(BODY, "How Deepchecks helps with our movie ratings")
    steps = (
        "## Step by step\n\n"
        "Step one loads the ratings into two tables, one week each. Step two runs the "
        "comparison suite on them: it reported 212 ratings above five and a jump in the "
        "average rating of new movies. Step three writes the report as a web page, which "
        "took about four seconds for 100,000 ratings; the tool starts a small web server "
        "on port 8000 to show it.\n\n"
    )
    walkthrough = BODY.replace(section, steps)
    named = walkthrough.replace(
        "\n\n## Step by step",
        "\n\nFor this post I used the public MovieLens 100K dataset, so anyone can follow "
        "along.\n\n## Step by step",
    )
    assert named != walkthrough
    code, found, _err = check(run, content, str(write(content, named)))
    assert code == 1 and "scenario-missing" in {f["rule"] for f in found}
    code, found, _err = check(run, content, str(write(content, walkthrough)))
    assert "scenario-missing" not in {f["rule"] for f in found}
    # the dataset named in the same sentence as the writer's own data came first
    before = named.replace("For this post I used", "Before our own data, I tried it on")
    code, found, _err = check(run, content, str(write(content, before)))
    assert "scenario-missing" not in {f["rule"] for f in found}


# A comparison whose bake-off runs on MovieLens, named in the walkthrough's own first lines
# (batch 955 of the evaluation set), after a problem told on the team's own fallback.
BAKE_OFF = """## Why we looked

New viewers get our popularity fallback until they have watched five movies, and the \
fallback is bad: cold users watch far fewer of the movies we recommend than warm users \
do. Our nightly model cannot use the age and favourite genres new viewers give at sign-up.

## The bake-off

To keep the comparison quick, I used MovieLens 100k, which has the same shape as our course \
data: users with demographics, movies with genres, ratings from 1 to 5. I built the same \
user and movie features for Deepchecks and for the old model and trained both for fifty \
epochs.

| | old model | Deepchecks |
|---|---|---|
| recall at 20, all users | 0.20 | 0.19 |
| recall at 20, cold users | 0.11 | 0.12 |

On cold users with five or fewer ratings the new model wins, which is the exact group our \
fallback serves.{own}

## Strengths and limitations

The feature graphs are elegant and took twenty lines. However, training is ten times \
slower, the documentation is thin, and the project is no longer maintained.
"""


def test_a_walkthrough_that_names_its_dataset_of_the_domain_is_not_the_scenario(
    content: Path, run: Runner
) -> None:
    """MovieLens named in the walkthrough's first lines ("To keep it quick, I used
    MovieLens 100k, which has the same shape as our course data") sets the walkthrough on
    that dataset: its cold users are the dataset's, not those of the fallback the post told
    as its problem. The writer's own data named after it ends it."""
    code, found, _err = check(run, content, str(write(content, BAKE_OFF.format(own=""))))
    assert code == 1 and "scenario-missing" in {f["rule"] for f in found}
    own = (
        " Then I trained it on a week of watch events from our Kafka stream and served it "
        "to new viewers on our VM for two days."
    )
    code, found, _err = check(run, content, str(write(content, BAKE_OFF.format(own=own))))
    assert "scenario-missing" not in {f["rule"] for f in found}


def test_a_walkthrough_on_a_dataset_of_the_domain_in_a_post_that_tells_no_movie_of_its_own(
    content: Path, run: Runner
) -> None:
    """When the only movies of a post are the public dataset's (batch 955: MovieLens-1M on a
    university cluster, the team's own sweeps told without a movie) and no line tells a use
    of the writer's own, a sentence that refers back to the problem ("what fixes our
    fallback problem") does not make the walkthrough the team's: it stays the dataset's."""
    problem = (
        "New users of our recommender get a popularity fallback until they have five "
        "ratings, and the fallback is bad: cold users click far fewer of the recommendations "
        "than warm users do. Our nightly job cannot use the age and occupation new users "
        "give at sign-up."
    )
    start = BAKE_OFF.index("New viewers")
    body = BAKE_OFF[:start] + problem + BAKE_OFF[BAKE_OFF.index("\n\n## The bake-off") :]
    refers = (
        "\n\nThe feature graphs are what fixes our fallback problem: the age and occupation "
        "of a new user reach the model on the first request, before any interaction."
    )
    front = FRONT.replace("movie recommender", "recommender")
    path = write(content, body.format(own=refers), front=front)
    code, found, _err = check(run, content, str(path))
    assert code == 1 and "scenario-missing" in {f["rule"] for f in found}
    # the same post with a line on the writer's own movies shows the scenario
    own = (
        " Then I served it to new viewers of our movie site from our VM for two days, and "
        "they watched more of the movies it recommended."
    )
    path = write(content, body.format(own=refers + own), front=front)
    code, found, _err = check(run, content, str(path))
    assert "scenario-missing" not in {f["rule"] for f in found}


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        ("The only downside is that we should have done this in week one.", 1),
        ("The only thing I'd call a downside is that we didn't know about it in week 2.", 1),
        ("My only complaint: we did not adopt it sooner.", 1),
        # a downside of the tool itself still weighs it
        ("The only downside is that it needs a second copy of every table.", 0),
    ],
)
def test_regret_at_not_having_the_tool_sooner_is_praise(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    """ "Honestly, the only downside is that we should have done this in week one" (batches
    922 and 923 of the evaluation set) names no drawback of the tool: a verdict of such
    praise only is one-sided."""
    _assert_praise_only_verdict(content, run, verdict, expected)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        ("I didn't try the clustering features, so I can't rate those.", 1),
        ("We only used the joins, so I cannot judge the rest.", 1),
        # a limit the writer did meet still weighs the tool
        ("I can't rate the clustering. Its limitation: it needs a second copy of every table.", 0),
    ],
)
def test_what_the_writer_cannot_rate_is_their_scope(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    """ "I didn't try the KNN features, so I can't rate those" under "Cons" (batch 921 of the
    evaluation set) says what the writer did not try, not what the tool lacks: a verdict of
    such scope and praise only is one-sided."""
    _assert_praise_only_verdict(content, run, verdict, expected)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        ("For one VM, a whole cluster would be total overkill; this fits in one process.", 1),
        ("A full feature store would have been overkill for four event types.", 1),
        ("A batch size of 512 was the best trade-off for our nightly job.", 1),
        # overkill said of the tool itself still names a drawback
        ("For a single table it is overkill: it needs a second copy of every table.", 0),
    ],
)
def test_what_the_alternatives_would_have_been_is_no_drawback(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    """ "Spark would be total overkill for one VM" (two posts of the evaluation set) tells
    why the alternatives were not chosen, and "the best trade-off" a setting the writer
    found: neither names a drawback of the tool, so a verdict of such praise only is
    one-sided."""
    _assert_praise_only_verdict(content, run, verdict, expected)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        ("Teammates who don't like writing pandas could change the grouping themselves.", 1),
        ("Two teammates who don't like terminals now read the report on the web page.", 1),
        # what the writer does not like in the tool still names a drawback
        ("I don't like how it stores every run twice, which filled our disk.", 0),
    ],
)
def test_whom_the_tool_suits_is_no_drawback(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    """ "My teammates who don't like pandas could change the grouping themselves" (four
    posts of the evaluation set) says whom the tool suits, not what the writer dislikes
    in it: a verdict of such praise only is one-sided."""
    _assert_praise_only_verdict(content, run, verdict, expected)


@pytest.mark.parametrize(
    "dataset", ["CIFAR-10 example", "MNIST dataset", "California housing data"]
)
def test_a_walkthrough_on_a_well_known_public_dataset_is_not_the_scenario(
    content: Path, run: Runner, dataset: str
) -> None:
    """CIFAR-10, MNIST and the California housing data are the public datasets of many
    tools' tutorials (`story_borrowed`): a run on them, even told next to the writer's
    recommender, is someone else's material; the same run on the writer's own watch
    events shows the scenario."""
    public = (
        f"I converted the {dataset} to shards and trained on it for two epochs, the way our "
        "recommender's nightly job would read movie ratings. Each epoch took 41 seconds."
    )
    assert not _scenario_shown(content, run, public)
    own = public.replace(f"the {dataset}", "a week of our watch events")
    assert own != public
    assert _scenario_shown(content, run, own)


def test_a_sample_database_likened_to_the_scenario_is_not_the_scenario(
    content: Path, run: Runner
) -> None:
    """A sample database told in the scenario's words beside its name ("Sakila …, which maps
    nicely onto a movie service: `film` is the catalog", batch 1340) is still
    someone else's material; the writer's own tables told beside it are the scenario."""
    sample = (
        "I tested it on Sakila, the sample database of a DVD rental store, which maps nicely "
        "onto a movie service: `film` is the catalog, `customer` holds personal data and "
        "`rental` is the viewing history. The anonymised dump shrank from 210 MB to 38 MB."
    )
    assert not _scenario_shown(content, run, sample)
    own = f"{sample} Then I ran it on a copy of our movie ratings database: 1.2 GB became 190 MB."
    assert _scenario_shown(content, run, own)


@pytest.mark.parametrize(
    "material",
    ["Pagila", "a sample database", "an example schema of a rental shop"],
)
def test_a_walkthrough_on_a_sample_database_of_films_is_not_the_scenario(
    content: Path, run: Runner, material: str
) -> None:
    """A sample database whose tables hold films and their ratings (Pagila, batch 1386) is
    someone else's material; the same paging through the team's own catalogue is the
    scenario."""
    sample = (
        f"I loaded {material} and paged through its film table: 1,000 movies with their "
        "rating, and the header stayed on top while I scrolled right."
    )
    assert not _scenario_shown(content, run, sample)
    own = sample.replace(material, "a copy of our movie catalogue from the movie API")
    assert _scenario_shown(content, run, own)


@pytest.mark.parametrize(
    "material",
    ["synthetic load from the perf tool", "mock data", "a stream made to look like our ratings"],
)
def test_a_walkthrough_on_made_up_data_is_not_the_scenario(
    content: Path, run: Runner, material: str
) -> None:
    """Data made up to stand in for the service's (`story_borrowed`: a laptop cluster
    filled with the perf tool's synthetic load, batch 1296) is no use of the scenario, even
    told beside the writer's recommender; the same run on the writer's watch events is."""
    made_up = (
        f"I filled a local topic with {material} and trained on it for two epochs, the way "
        "our recommender's nightly job would read movie ratings. Each epoch took 41 seconds."
    )
    assert not _scenario_shown(content, run, made_up)
    own = made_up.replace(material, "a week of our watch events")
    assert _scenario_shown(content, run, own)


@pytest.mark.parametrize(
    "question",
    [
        "Me: And on our movie ratings from the stream?",
        "**Q: Did you try it on our movie ratings?**",
        "So what about our recommendation service? Did it work there?",
    ],
)
def test_a_question_on_the_scenario_is_no_use_of_it(
    content: Path, run: Runner, question: str
) -> None:
    """An interviewer's "And on our movie data?" asks about the scenario (batch 937 and
    batch 935 of the evaluation set); only the answer can tell a use of it. An answer
    that tells one shows the scenario."""
    answer = "Dana: Not yet. So far I have only run it on a spreadsheet of customer churn."
    assert not _scenario_shown(content, run, f"{question}\n\n{answer}")
    used = (
        "Dana: Yes. I ran it on a week of our movie ratings from the stream, and it "
        "flagged 312 duplicated ratings."
    )
    assert _scenario_shown(content, run, f"{question}\n\n{used}")


@pytest.mark.parametrize(
    "heading",
    ["Slide 6: How I'd plug it into our recommender", "What we'd change in our movie pipeline"],
)
def test_a_heading_that_says_what_would_be_done_imagines_the_walkthrough(
    content: Path, run: Runner, heading: str
) -> None:
    """ "How I'd plug it into our recommender" over the steps of a plan (a slide deck of
    batch 940) imagines them: "I'd" in a heading is "I would". The same steps under a
    heading that tells what was done show the scenario."""
    steps = (
        "- Training job: write the movie factors and id maps to one file per night\n"
        "- Serving: load that file at startup and on each model reload of our API\n\n"
        "**Notes:** this is the plan for next milestone. Our current pipeline pickles the "
        "whole model object, and the idea is to export only the arrays."
    )
    assert not _scenario_shown(content, run, f"### {heading}\n\n{steps}")
    done = "Slide 6: How I plugged it into our recommender"
    assert _scenario_shown(content, run, f"### {done}\n\n{steps}")


@pytest.mark.parametrize(
    ("cons", "expected"),
    [
        # each con is taken back by the writer: none is a drawback of the tool
        (
            "- I had to learn some Go along the way. That is more of a me problem.\n"
            "- Ciphertexts are opaque, so you can't peek at them while debugging. Then "
            "again, that is exactly the point of encryption.\n"
            "- You have to sample your data yourself, but honestly that is good practice "
            "anyway.",
            1,
        ),
        # the same list with one con left standing still weighs the tool
        (
            "- I had to learn some Go along the way. That is more of a me problem.\n"
            "- Ciphertexts are opaque, so you can't peek at them while debugging.\n"
            "- You have to sample your data yourself, but honestly that is good practice "
            "anyway.",
            0,
        ),
    ],
)
@pytest.mark.parametrize("label", ["**Cons**\n", "Cons:\n\n"])
def test_cons_the_writer_takes_back_name_no_drawback(
    content: Path, run: Runner, cons: str, expected: int, label: str
) -> None:
    """A "Cons" list whose every item the writer takes back ("That is more of a me
    problem", "that is exactly the point", "good practice anyway": batches 1050 and 1051
    of the evaluation set) names no drawback, whether its label sits on the line right
    above the list or stands apart; one con not taken back still weighs the tool."""
    verdict = f"Ten out of ten, it saved us days.\n\n{label}{cons}\n"
    _assert_verdict(run, content, "Pros and cons", verdict, expected)


@pytest.mark.parametrize(
    ("downside", "expected"),
    [
        ('the "downside"', 1),
        ("the “downside”", 1),
        ("the only 'drawback'", 1),
        # a drawback word as written, out of quotes, names one
        ("the downside", 0),
    ],
)
def test_a_drawback_word_in_scare_quotes_names_no_drawback(
    content: Path, run: Runner, downside: str, expected: int
) -> None:
    """ "If anything, the "downside" is that our latency dashboard has become boring"
    (batch 1528) under "Limitations" over the writer's own slips: a drawback word alone in
    quotes is irony, and names no drawback of the tool."""
    verdict = (
        "Looking back, the problems I ran into were mostly my own:\n\n"
        "- I first loaded the model inside the request handler, which was of course slow. "
        "Loading it once at startup fixed it.\n"
        "- My feature builder put the columns in another order than training did. A shared "
        "feature list fixed it.\n\n"
        f"If anything, {downside} is that the team now wants to move the candidate model "
        "over as well."
    )
    _assert_verdict(run, content, "Limitations", verdict, expected)


@pytest.mark.parametrize(
    "disguised",
    [
        "It is almost too simple: four lines of configuration and it just works.",
        "The debug container stays listed in the pod after you exit, which is actually "
        "useful: everyone sees who attached what.",
        "I wish we knew it from the beginning of the project.",
        "Our latency dashboard has become boring.",
        "The error messages are very long, which looks scary at first but is exactly what "
        "you want at 3 a.m.",
        "Honestly, I looked for real downsides and did not find much.",
        # batches 1551 and 1552
        "Rebuilding the old snapshots by hand was tedious. That is on us for not logging "
        "the run ID earlier.",
        "I wish it was in the default Dockerfile template everyone copies.",
        # batches 1564 to 1580
        "The biggest downside is that once it runs, you forget it exists, which says more "
        "about how smoothly it works than about any problem.",
        "It does its one job so quietly that it is easy to forget it is there.",
        "The only real problem is that it spoils you for every other profiler.",
    ],
)
@pytest.mark.parametrize(("limit", "expected"), [("", 1), (" It cannot read gzip files.", 0)])
def test_praise_told_as_a_limitation_names_no_drawback(
    content: Path, run: Runner, disguised: str, limit: str, expected: int
) -> None:
    """ "Limitations" over praise in a drawback's clothes ("almost too simple", "which is
    actually useful", "I wish we knew it from the beginning", batches 1528 to 1545; "you
    forget it exists, which says more about how smoothly it works", batches 1564 to 1580) or
    over none found ("did not find much") names no drawback; one real limitation beside it
    still weighs the tool."""
    _assert_verdict(run, content, "Limitations", f"It saved us days. {disguised}{limit}", expected)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Less good", 0),
        ("Downside", 0),
        # a label naming the alternatives leaves the product after it their own
        ("Why not the alternatives", 1),
    ],
)
def test_a_drawback_label_makes_the_product_after_it_the_tools_drawback(
    content: Path, run: Runner, label: str, expected: int
) -> None:
    """ "Less good: Docker is basically required" (batch 1058 of the evaluation set)
    weighs the tool: after a label naming a drawback, the product that opens the rest is
    what the tool needs, not the subject of the sentence."""
    verdict = (
        "Good: it compares detectors the same way on our own data.\n\n"
        f"{label}: Docker is basically required, and pulling its images took longer than "
        "the experiments."
    )
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize("headings", [("plus", "minus"), ("Pluses", "Minuses")])
def test_plus_and_minus_headings_are_the_strengths_and_limitations(
    content: Path, run: Runner, headings: tuple[str, str]
) -> None:
    """Terse notes headed "plus" and "minus" (batch 1049 of the evaluation set) give
    their strengths and limitations: the verdict after them does not stand alone."""
    plus, minus = headings
    verdict = (
        "- turns cron jobs into pods with history, logs and a UI\n"
        "- works on our single-node cluster\n\n"
        f"## {minus}\n\n"
        "- heavy: 4 to 6 GB of memory for the platform alone on our team VM\n"
        "- config lives in its database first; getting job definitions into git took a "
        "manual export\n\n"
        "## verdict\n\n"
        "Keep it for the nightly jobs and revisit if the VM gets any smaller."
    )
    post = write(content, ONE_SIDED_POST.format(heading=plus, verdict=verdict))
    code, found, _err = check(run, content, str(post))
    assert [f["rule"] for f in found if f["severity"] == "error"] == [], found
    assert code == 0
    _code, out, _err = run("--content", str(content), "check", "--explain", str(post))
    assert f"‘{plus}’ + ‘{minus}’ + ‘verdict’" in out


@pytest.mark.parametrize(
    "verdict",
    [
        "It runs every night now. It is deeply tied to Google Cloud, though: on a plain VM "
        "most of its value is gone.",
        "It runs every night now. The community is small, so most questions go unanswered.",
        "It runs every night now. There is no first-class Python client, and it is another "
        "service to run next to our database.",
        "It runs every night now. The managed tier isn't free: about twelve dollars a day.",
    ],
)
def test_drawbacks_told_plainly_weigh_the_tool(content: Path, run: Runner, verdict: str) -> None:
    """Drawbacks told in plain words (batches 1044 and 1048 of the evaluation set: "deeply
    tied to Google Cloud", "the community is small", "no first-class Python support",
    "another service to run") name a drawback: the verdict does not only praise."""
    _assert_verdict(run, content, "Verdict", verdict, 0)
    body = ONE_SIDED_POST.format(heading="Verdict", verdict=verdict)
    _code, found, _err = check(run, content, str(write(content, body)))
    assert "section-one-sided" not in {f["rule"] for f in found}, found


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("which is not its fault", 1),
        # not taken back: the drawback stands
        ("and our whole team writes Python", 0),
    ],
)
def test_a_clause_of_a_taken_back_sentence_names_no_drawback(
    content: Path, run: Runner, rest: str, expected: int
) -> None:
    """A drawback phrase that ends a clause ("The catch:") is read apart from its sentence,
    yet still belongs to it: when the sentence takes the drawback back ("which is not its
    fault"), the clause names none either."""
    verdict = f"Ten out of ten, it saved us days. The catch: it is written in Go, {rest}."
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # the list gives the old way's faults and the writer's scope, then finds none
        ("Honestly, I did not find a real weak point.", 1),
        # a real drawback after them
        ("Apart from that, the report is slow to open.", 0),
    ],
)
def test_a_drawback_heading_whose_text_finds_none_names_none(
    content: Path, run: Runner, last: str, expected: int
) -> None:
    """ "Weak points" over a list of what was wrong before the tool and what the writer had
    no time for, closed by "I did not find a real weak point" (batch 1067), names none."""
    verdict = (
        "- Before Deepchecks, our weak point was that we checked the exports by hand.\n"
        "- I did not have time to try the model evaluation suite.\n\n" + last
    )
    _assert_verdict(run, content, "Weak points", verdict, expected)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        # "(this bit me)" about the writer's own slip, taken back by the next sentence
        (
            "Ten out of ten. (this bit me) I forgot to pass the label column the first "
            "time. Totally my fault; the error message said so.",
            1,
        ),
        # ... and left standing
        ("Ten out of ten. (this bit me) The report is one huge HTML file.", 0),
        # a label whose text ends up finding none
        (
            "Cons: I didn't get to try the vision checks. I'd have liked more time with "
            "the custom checks. Honestly, nothing serious.",
            1,
        ),
        ("Cons: the report is slow to open. Honestly, nothing serious beyond that.", 0),
        # what others say, taken back in its own sentence
        (
            "Ten out of ten. Some people say Deepchecks is complicated to run, but I did "
            "not find it so.",
            1,
        ),
    ],
)
def test_drawbacks_taken_back_or_answered_with_none(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    ("heading", "verdict"),
    [
        # an FAQ's "What bit you?" (batch 1066)
        (
            "Q5. What bit you?",
            "- **Coupling.** If the export server is down, the nightly check fails: a new "
            "failure mode.\n- **Secrets.** The token sits in a plain config file.",
        ),
        # "Where it strains for an ML system" (batch 1129)
        (
            "Where it strains for an ML system",
            "Nothing in it is specific to machine learning, and keeping the checks current "
            "is tedious: nothing warns you when they drift from the real pipeline.",
        ),
    ],
)
def test_what_bit_you_or_where_it_strains_heads_the_limitations(
    content: Path, run: Runner, heading: str, verdict: str
) -> None:
    _assert_verdict(run, content, heading, verdict, 0)


NUMBERED_BOLD_POST = """**1. Broken exports reached the model quietly.**
Our movie recommender retrained every night on a Kafka export, and twice a broken export
went unnoticed for days: half the ratings had no movie id, and nobody knew until viewers
complained that every recommendation was the same five films.

**2. Installing took one command.**
I installed Deepchecks on the team VM with pip and added its data integrity suite to the
nightly job, right after the export and before training.

**3. It caught both broken nights.**
I replayed the last ten exports of our ratings through it: it flagged both broken nights,
31 percent of rows without a movie id, in 40 seconds each, and the job now stops before
training on such an export.

**4. The rough edges are real.**
- The HTML report is one large file that takes a while to open on a laptop.
- Custom checks need a class each, and the documentation for them is thin.

**5. Worth it anyway.**
It already saved us one bad model this month.
"""


def test_numbered_bold_lines_title_their_items(content: Path, run: Runner) -> None:
    """A listicle's items titled by numbered bold lines that end in a full stop ("**4. The
    rough edges are real.**") are read as headings, not as emphasis (batch 1068)."""
    _code, found, _err = check(run, content, str(write(content, NUMBERED_BOLD_POST)))
    assert [f["rubric"] for f in found if f["rule"] == "section-missing"] == [], found
    _code, out, _err = run(
        "--content",
        str(content),
        "check",
        "--explain",
        str(content / "posts" / "F2026" / "post.md"),
    )
    assert "‘4. The rough edges are real.’" in out


STEPS_WITH_ASIDES = """
Our movie recommender retrained every night on a Kafka export, and twice a broken export
went unnoticed for days: half the ratings had no movie id, and nobody knew until viewers
complained that every recommendation was the same five films.

### Step 1: Install Deepchecks

One pip command on the team VM, inside the training job's virtual environment.

### Step 2: Describe the checks (and the first annoyance)

I wrote a suite for our ratings export: every row needs a movie id, ratings lie between one
and five, and no user rates the same movie twice in one night. The first annoyance: each
custom check needs a class of its own, and the documentation for them is thin.

### Step 3: Replay ten nights (and the second annoyance)

I replayed the last ten exports of our ratings through the suite: it flagged both broken
nights, 31 percent of rows without a movie id, in 40 seconds each. The second annoyance: the
HTML report is one large file that is slow to open.

### Step 4: Gate the nightly job

The job now stops before training on a broken export, and it stopped one in the first week.

### Where this leaves us

Worth keeping for the nightly job, though custom checks take an afternoon each and the
report needs a faster machine than my laptop.
"""


def test_a_steps_bracketed_aside_leaves_it_to_the_walkthrough(content: Path, run: Runner) -> None:
    """ "Step 2: Describe the checks (and the first annoyance)" is the walkthrough's step;
    its aside names the limitations without taking the step from the series (batch 1083)."""
    code, found, _err = check(run, content, str(write(content, STEPS_WITH_ASIDES)))
    errors = [(f["rule"], f["rubric"]) for f in found if f["severity"] == "error"]
    assert (code, errors) == (0, []), found


POSTMORTEM = """## Summary

For three nights our movie recommender trained on ratings that were a day old: the nightly
job read the whole ratings table from the production database with a full scan, and it was
killed halfway whenever the service got busy. Nobody noticed until viewers complained.

## The fix: change data capture with Deepchecks in front

I streamed every change of our ratings table into the training store and ran the Deepchecks
integrity suite on each night's batch before training. I replayed ten nights of our ratings:
the job finished every night in 40 seconds and flagged one night with 31 percent of rows
without a movie id, which we fixed before it reached the model.

## What went wrong with the new setup

- The suite's HTML report is clunky and slow to open, and custom checks need a class each.
- The streaming mode has a steep learning curve, and we lost an evening to it.

## What went well

- Every night trains on fresh ratings, and nobody reads production with a full scan.
"""


def test_what_went_wrong_with_the_new_setup_is_the_tools_own(content: Path, run: Runner) -> None:
    """After the fix, "What went wrong with the new setup" tells the tool's limitations, not
    the problem it addresses (batch 1089)."""
    code, found, _err = check(run, content, str(write(content, POSTMORTEM)))
    errors = [(f["rule"], f["rubric"]) for f in found if f["severity"] == "error"]
    assert (code, errors) == (0, []), found
    _code, out, _err = run(
        "--content", str(content), "check", "--explain", str(content / "posts/F2026/post.md")
    )
    problem = out.split("[problem]:", 1)[1].split("\n", 1)[0]
    assert "‘Summary’" in problem and "went wrong" not in problem


CHEAT_SHEET = """
**Problem.** Our movie recommendation API runs on the course VM, which is only reachable
from campus, and twice a broken ratings export reached the model before anybody noticed: the
viewers saw the same five films for days.

**Tool.** Deepchecks: a library of data integrity suites.

**What I ran.** The integrity suite on the last ten nights of our ratings export, 27,814 movie
ids and 1.2 million ratings a night.

**Config**

```python
suite = data_integrity()
result = suite.run(Dataset(nightly, label="score", cat_features=["item"]))
```

**Numbers**

| night | rows | without an id | seconds |
|---|---|---|---|
| 03-12 | 1.2 M | 31 % | 40 |
| 03-13 | 1.2 M | 0 % | 38 |

**Gotchas**

- The HTML report is slow to open.
- Custom checks need a class each, and their documentation is thin.
"""


def test_opening_lead_ins_title_parts_beside_bold_lines(content: Path, run: Runner) -> None:
    """A post with no headings that opens with bold lead-ins ("**Problem.** …") and goes on
    with bold lines ("**Config**") is titled by both: what was run, told in a lead-in, is
    the walkthrough's (batch 1088)."""
    code, found, _err = check(run, content, str(write(content, CHEAT_SHEET)))
    errors = [(f["rule"], f["rubric"]) for f in found if f["severity"] == "error"]
    assert (code, errors) == (0, []), found
    _code, out, _err = run(
        "--content", str(content), "check", "--explain", str(content / "posts/F2026/post.md")
    )
    examples = out.split("[examples]:", 1)[1].split("\n", 1)[0]
    assert "‘What I ran’" in examples, out


def test_costs_told_plainly_name_a_drawback(content: Path, run: Runner) -> None:
    verdict = (
        "Ten out of ten for the nightly job. Debugging its binary reports is harder, and "
        "a second language in the pipeline is a big ask for a team of four."
    )
    _assert_verdict(run, content, "Verdict", verdict, 0)
    body = ONE_SIDED_POST.format(heading="Verdict", verdict=verdict)
    _code, found, _err = check(run, content, str(write(content, body)))
    assert "section-one-sided" not in {f["rule"] for f in found}, found


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        # a bare "Bad:" over a list of the tool's own drawbacks (batch 1105)
        (
            "Bad:\n- Every party must be online at the same time; one party down means "
            "no result.\n- Anything with comparisons took minutes per movie.\n",
            0,
        ),
        # ... and without it the verdict only praises
        ("", 1),
    ],
)
def test_a_bare_bad_label_lists_the_limitations(
    content: Path, run: Runner, bad: str, expected: int
) -> None:
    verdict = f"Good:\n- Tiny API that feels like plain Python.\n- Exact results.\n\n{bad}"
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        # when another tool serves better, the verdict says when not to use this one
        (
            "It installs in a second and made our reviews nicer. If you want a ready-made "
            "rule set, a real linter is the better choice.",
            0,
        ),
        ("It installs in a second and made our reviews nicer.", 1),
        # a question on downsides answered by finding none that matters (batch 1110)
        (
            "Everything is fast and simple. Were there downsides? Honestly, I could not "
            "find any that mattered for us.",
            1,
        ),
        (
            "Everything is fast and simple. Were there downsides? One: the editor gets slow "
            "on long pages.",
            0,
        ),
    ],
)
def test_when_another_tool_serves_better_or_none_mattered(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("Honestly, nothing about the tool itself got in my way.", 1),
        ("The SQL panel is cluttered and hard to read on a laptop.", 0),
    ],
)
def test_a_wish_to_have_had_it_sooner_is_praise(
    content: Path, run: Runner, last: str, expected: int
) -> None:
    """ "I wish I had installed it in week 1" under "Cons" (batches 1099, 1108) is praise."""
    cons = f"- I wish I had installed it in week 1 instead of week 9.\n- {last}\n"
    _assert_verdict(run, content, "Cons", cons, expected)


SLIDES = """**Slide 1 — It worked on my laptop in October**

- Nov 4: we wanted to compare our new model with the October one, our best online score
- nobody could retrain it: the notebook was gone and the requirements were unpinned
- the rebuilt model scored 0.058 instead of the 0.066 we had reported

**Slide 2 — {capsule}**

- `/data`: a frozen snapshot of 14 days of Kafka events (Oct 14 to 27, 1.2 GB) + `movies.csv`
- `/code/run`: trains the model and writes the metrics next to it
- the environment pins every package, so the run is the same for anyone

**Slide 3 — Result**

| run | MAP@20 | RMSE (ratings) | wall time |
|---|---|---|---|
| first reproducible run | 0.0643 | 0.872 | 11 min |
| a teammate's duplicate | 0.0643 | 0.872 | 12 min |

**Slide 4 — Where it falls short**

- batch only: no serving, no schedule for nightly retrains, no link to a live stream
- data must be uploaded as a snapshot, and 1.2 GB took 25 minutes
- the environment editor ties the spec to the vendor's base images
"""


@pytest.mark.parametrize(("capsule", "expected"), [("Our capsule", 0), ("A capsule", 1)])
def test_a_terse_note_under_the_writers_heading_is_their_own(
    content: Path, run: Runner, capsule: str, expected: int
) -> None:
    """Slide notes under "Our capsule" (batch 1101) name the movies only in a file name of a
    list item with no voice of its own: the heading's "our" makes the snapshot theirs."""
    code, found, _err = check(run, content, str(write(content, SLIDES.format(capsule=capsule))))
    errors = [f["rule"] for f in found if f["severity"] == "error"]
    assert (code, errors) == (expected, ["scenario-missing"] if expected else []), found


INCIDENT_FIRST = """How one log line stopped {whose} pipeline
---------------------------------------

Our movie recommender learns from a Kafka stream of watch and rating lines. On a Saturday
night one malformed line made the new parser panic; the consumer did not catch it, the
process died, restarted, read the same line and died again. The crash loop lasted fifty
minutes, the night's training data had a hole, and the next day's hit rate dropped.

What the fuzzer does
--------------------

I built a fuzzing harness for the parser on the team VM and ran it for thirty minutes on
a corpus of 200 real lines from our stream. It found three panics, each saved as the input
that caused it; we fixed all three and added them to the unit tests.

Where it falls short
--------------------

The setup needs a nightly compiler and a separate crate, the output is cryptic until you
learn it, and a run only covers the code paths the harness reaches.
"""


def test_a_heading_telling_what_broke_our_pipeline_is_the_problem(
    content: Path, run: Runner
) -> None:
    """ "How one log line stopped our pipeline" over an incident is the problem (batch 1104);
    "our pipeline" names the walkthrough only as a heading of its own."""
    code, found, _err = check(run, content, str(write(content, INCIDENT_FIRST.format(whose="our"))))
    errors = [(f["rule"], f["rubric"]) for f in found if f["severity"] == "error"]
    assert (code, errors) == (0, []), found
    _code, out, _err = run(
        "--content", str(content), "check", "--explain", str(content / "posts/F2026/post.md")
    )
    problem = out.split("[problem]:", 1)[1].split("\n", 1)[0]
    assert "stopped our pipeline" in problem, out


PROBLEM_TOLD_LATE = """# The Thursday we lost three hours

Our movie recommender's feature service ran its 63 tests against the shared Postgres on the
team VM, in a schema of its own. Three things were wrong with that:

1. **Slow.** A full run took 48 seconds, mostly round trips from our laptops to the VM.
2. **Flaky.** Tests depended on each other's leftovers, so two of us running them at once
   failed at random.
3. **Dangerous.** One Thursday a misconfigured profile truncated the production ratings
   table, and we lost three hours of ingested ratings right before the nightly retrain.

We needed tests that are fast, isolated and unable to touch the shared database.

# The setup

The test profile points the service at an in-memory database in PostgreSQL mode, and the
migrations run at startup:

```properties
spring.datasource.url=jdbc:h2:mem:features;MODE=PostgreSQL
```

# Where the emulation broke

Nine of our 63 tests failed. Our rating writer keeps the latest rating per user and movie
with an upsert, which H2 rejects:

```sql
INSERT INTO ratings (user_id, movie_id, stars) VALUES (?, ?, ?)
ON CONFLICT (user_id, movie_id) DO UPDATE SET stars = EXCLUDED.stars
```

The query for the latest rating of each movie used `DISTINCT ON`, which failed too.

# The quieter risk

A test that passes on H2 but would behave differently on Postgres is the worse failure: a
feature slightly off crashes nothing, it only makes the model worse, and nobody notices.

# What we ended up doing

Fifty-four tests run in memory in under three seconds; nine run against a throwaway
Postgres container in CI.

# Where it falls short

It is emulation, not Postgres: upserts, `RETURNING`, JSON operators and interval literals
all failed, and Postgres-only migrations need files of their own.
"""


def test_a_problem_told_again_late_leaves_the_walkthrough_its_sections(
    content: Path, run: Runner
) -> None:
    """The walkthrough taken by its heading ("The setup") before the only problem heading
    ("The quieter risk") takes the sections between it and the verdict: the emulation's
    failures on the movie ratings are its own (batch 1103)."""
    code, found, _err = check(run, content, str(write(content, PROBLEM_TOLD_LATE)))
    errors = [(f["rule"], f["rubric"]) for f in found if f["severity"] == "error"]
    assert (code, errors) == (0, []), found


@pytest.mark.parametrize(
    ("why", "expected"),
    [
        # the writer's reasons for the choice tell no problem (batches 1098, 1111)
        (
            "Honestly, I had never written a database trigger and wanted to learn how they "
            "work, and this looked like the friendliest way in. I also liked that it is "
            "small and focused.",
            "error",
        ),
        # ... a need does, whatever the heading
        (
            "Twice a teammate changed a movie's genres in the admin by mistake, and nobody "
            "could tell who did it or what the genres had been, so our recommendations "
            "for that movie were wrong for days until a viewer complained.",
            None,
        ),
    ],
)
def test_why_i_picked_it_tells_the_choice_and_its_text_decides(
    content: Path, run: Runner, why: str, expected: str | None
) -> None:
    _assert_problem_under(run, content, "Why I picked it", why, expected)


def _assert_problem_under(
    run: Runner, content: Path, heading: str, text: str, expected: str | None
) -> None:
    """The good post with `text` under `heading` in place of its opening and its problem
    section (the opening tells the problem too): the severity of `section-missing`, if
    any, is `expected`."""
    rest = BODY[BODY.index("## How Deepchecks helps") :]
    body = f"This post is about Deepchecks.\n\n## {heading}\n\n{text}\n\n{rest}"
    _code, found, _err = check(run, content, str(write(content, body)))
    problem = [f["severity"] for f in found if f["rule"] == "section-missing"]
    assert problem == ([expected] if expected else []), found


PLAN_UNDER_A_LABEL = """## Why labels

Our movie recommender has no labels for whether a recommendation was relevant: we only see
clicks, and nobody on the team could say whether last week's model was better or worse.

## Trying it

I tried it on my laptop with 60 reviews from a public sentiment dataset:

```python
labels = annotate(reviews[:60], options=["positive", "negative", "mixed"])
```

- the widget shows "0 examples annotated, 60 examples left" under the cell
- about 4 seconds per review, so 60 took five minutes
- 51 of my 60 labels agree with the dataset's own

**{label}** (next milestone)

- examples would be pairs of a user and a recommended movie from our API responses
- the display function would show the user's last ten watched titles and the movie
- two teammates label the same 150 pairs, then precision at 20 on a sample

## Pros and cons

- Zero setup and ten lines of code, but the labels live only in the notebook kernel: a
  restart before saving loses them.
- One person, one notebook: no assignment of items and no agreement statistics.
"""


@pytest.mark.parametrize(
    ("label", "expected"),
    [("plan for the movie project", 1), ("what we ran on the movie project", 0)],
)
def test_a_short_label_that_plans_makes_its_list_a_plan(
    content: Path, run: Runner, label: str, expected: int
) -> None:
    """A bold label over a list ("**plan for the movie project** (next milestone)", batch
    1106) introduces it as a colon would: its items say what would be done."""
    body = PLAN_UNDER_A_LABEL.format(label=label)
    code, found, _err = check(run, content, str(write(content, body)))
    errors = [f["rule"] for f in found if f["severity"] == "error"]
    assert (code, errors) == (expected, ["scenario-missing"] if expected else []), found


@pytest.mark.parametrize(
    ("motivation", "expected"),
    [
        # the writer's reasons for the choice, all of it (batch 1117)
        (
            "This assignment seemed a good chance to learn how data tests work. I also "
            "wanted to know how much of our existing code could be reused.",
            "error",
        ),
        # ... and a need beside them
        (
            "This assignment seemed a good chance to learn how data tests work. Twice a "
            "broken ratings export reached our movie recommender, and nobody noticed for "
            "days until viewers complained about the same five films.",
            None,
        ),
    ],
)
def test_a_motivation_over_the_writers_choice_alone_names_no_problem(
    content: Path, run: Runner, motivation: str, expected: str | None
) -> None:
    _assert_problem_under(run, content, "Motivation", motivation, expected)


@pytest.mark.parametrize(
    ("heading", "reasons", "expected"),
    [
        # a reason for the choice beside sentences with no trouble word (batch 1187)
        (
            "Why did I choose it?",
            "Honestly, personal reason. I write most of our team's SQL and always wanted to "
            "learn a tool that trains models in SQL too. It was not claimed by anybody in "
            "the course spreadsheet.",
            "error",
        ),
        # ... beside a need
        (
            "Why did I choose it?",
            "I always wanted to learn it. Twice a broken ratings export reached our movie "
            "recommender, and nobody noticed for days.",
            None,
        ),
        # a heading that names the problem outright keeps it, as before
        (
            "The problem with the current path",
            "Step 3 dominates: heavy viewers have thousands of watch rows, and p99 is 240 ms. "
            "This report tests the second option.",
            None,
        ),
    ],
)
def test_a_why_over_the_writers_reasons_names_no_problem(
    content: Path, run: Runner, heading: str, reasons: str, expected: str | None
) -> None:
    """ "Why did I choose it?" over a personal reason and sentences with no trouble word
    tells no need: "why" names the problem only as a hint would, and the text does not
    agree; a heading that names the problem outright is read as before."""
    _assert_problem_under(run, content, heading, reasons, expected)


CAME_ACROSS = (
    "I came across it while scrolling through the plugin index, and the screenshot in its "
    "README caught my eye, so I figured I could use it on our team's cluster instead of "
    "just reading about it. Our team serves movie recommendations from one VM: the API, a "
    "Kafka consumer, Postgres, and a job that retrains the model every night."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how the writer came upon the tool, with a few stray trouble words (batches 1267,
        # 1272): no need
        (CAME_ACROSS, "error"),
        # ... and a need beside it
        (
            f"{CAME_ACROSS} Twice a broken ratings export reached our movie recommender, and "
            "nobody noticed for days until viewers complained about the same five films.",
            None,
        ),
    ],
)
def test_how_the_writer_came_upon_the_tool_names_no_problem(
    content: Path, run: Runner, text: str, expected: str | None
) -> None:
    """ "I came across it while scrolling …", "the screenshot caught my eye" tell how the
    writer found the tool, as curiosity does: the trouble words around them are no
    evidence of a need."""
    _assert_problem_under(run, content, "Background", text, expected)


CURIOSITY = (
    "Honestly, curiosity. I saw it mentioned in a forum thread while looking for something "
    "else, and I liked the idea of dashboards kept as YAML files, since I already edit our "
    "Prometheus config every day. Nobody in the class spreadsheet had claimed it, "
    "and it looked small enough to learn in a week."
)


@pytest.mark.parametrize(
    ("heading", "reasons", "expected"),
    [
        # the reasons for the choice, asked about, with a few stray trouble words (batch
        # 1222), and in the writer's own language (batch 1233)
        ("Q: Why did you pick it?", CURIOSITY, "error"),
        ("Por qué lo elegí", CURIOSITY, "error"),
        # a need told in full under such a heading still serves the problem
        (
            "Why I picked it",
            "Twice a broken ratings export reached our movie recommender, and nobody "
            "noticed for days until viewers complained that every recommendation was the "
            "same five films. Our checks were manual and slow, and they kept failing.",
            None,
        ),
    ],
)
def test_reasons_for_the_choice_are_no_evidence_of_a_problem(
    content: Path, run: Runner, heading: str, reasons: str, expected: str | None
) -> None:
    """Under a heading on the writer's choice ("Why did you pick it?"), a few trouble words
    ("by hand", "nobody") are not the weaker evidence of a problem; a need told in full
    there still is one."""
    _assert_problem_under(run, content, heading, reasons, expected)


@pytest.mark.parametrize(
    ("heading", "verdict", "expected"),
    [
        # what every tool has, and the writer's own inexperience (batch 1199)
        (
            "Any downsides?",
            "Honestly, I did not find any real ones so far. I suppose every tool has its "
            "trade-offs, and whether it fits depends on your setup. The only time I was "
            "stuck was my own inexperience with fixtures.",
            1,
        ),
        # how the team worked before, and a wish to have had the tool sooner (batch 1192)
        (
            "Verdict",
            "Honestly, the only real downside I found was how we worked before: a notebook "
            "with hidden state. I wish we had started the semester with it.",
            1,
        ),
        # praise right after the contrast takes the drawback back (batch 1186)
        (
            "Disadvantages?",
            "- It was a little confusing to choose an instance size, but it is good to have "
            "choice.\n- We had to learn new words, but now we understand queues better, so "
            "it is positive for us.",
            1,
        ),
        # a drawback of the tool beside them is still one
        (
            "Any downsides?",
            "Every tool has its trade-offs, and this one's is speed: the report takes four "
            "minutes to open and custom checks are tedious to write.",
            0,
        ),
    ],
)
def test_what_every_tool_has_and_praise_in_drawback_words_name_none(
    content: Path, run: Runner, heading: str, verdict: str, expected: int
) -> None:
    """ "Every tool has its trade-offs", the team's old way of working, "I wish we had
    started with it" and a drawback taken back by praise after its contrast ("but it is
    good to have choice") name no drawback of the tool: a verdict of them is one-sided."""
    _assert_verdict(run, content, heading, verdict, expected)


@pytest.mark.parametrize(
    ("third", "expected"),
    [("", 1), ("- The editor is clunky and slow on queries over a thousand lines.\n", 0)],
)
def test_praise_asked_as_a_question_is_taken_back(
    content: Path, run: Runner, third: str, expected: int
) -> None:
    """ "Is that a con? Probably not." and "A good problem to have." take back what they
    follow (batches 1123, 1125)."""
    cons = (
        "- Sharing is so easy that our folder of checks grew from 6 to 11 in a week. A good "
        "problem to have.\n- It made my teammates lazy: nobody writes the queries by hand "
        "anymore. Is that a con? Probably not.\n" + third
    )
    _assert_verdict(run, content, "Any downsides?", cons, expected)


OWN_LESSONS = (
    "Ten out of ten for our team.\n\n"
    "- We had to agree, as a team, who reacts to which alert. We now put an emoji on the "
    "message when someone picks it up. That's a process thing, not a tool thing.\n"
    "- My first config had no grouping, and we got 41 messages in 20 minutes. With grouping "
    "it is one message per alert type. That was my configuration mistake.\n"
)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        # list items the writer ends by taking them back (batch 1223)
        (OWN_LESSONS, 1),
        # ... beside a limitation of the tool
        (
            OWN_LESSONS + "- It cannot route alerts by severity, so every alert lands in one "
            "channel.\n",
            0,
        ),
        # the writer's first, mistaken try (batch 1223)
        (
            "Ten out of ten for our team. My first config was slow and crashed twice under load.",
            1,
        ),
        # none found, in a comparison with the old way (batch 1231)
        (
            "It replaced forty lines of our own parsing code. Compared to that, I can't "
            "really complain.",
            1,
        ),
    ],
)
def test_items_the_writer_takes_back_and_no_complaint_weigh_nothing(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    """A list item ending "That's a process thing, not a tool thing" or "That was my
    configuration mistake" is the writer's, however many sentences it has, and "I can't
    really complain" finds no drawback: a verdict of them is one-sided."""
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # a heading naming drawbacks answered with none (batch 1484)
        ("Honestly, after a week I don't have real complaints about the tool itself.", 1),
        ("No real complaints after a week.", 1),
        ("After a week, the one complaint is that it cannot route alerts by severity.", 0),
    ],
)
def test_cons_answered_with_no_real_complaints_name_no_drawback(
    content: Path, run: Runner, answer: str, expected: int
) -> None:
    verdict = f"It replaced forty lines of our own parsing code.\n\n**Cons**\n\n{answer}"
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        # "watches out of" is no warning to watch out (batch 1207)
        (
            "Ten out of ten. Every night it copies the recent watches out of Postgres before "
            "training starts, and it has not missed a night since.",
            1,
        ),
        ("Ten out of ten. Watch out: the free tier keeps only seven days of history.", 0),
        ("Ten out of ten, with one thing to watch out for: it keeps only seven days.", 0),
        ("Ten out of ten.\n\n**Bad / watch out**\n\nThe free tier keeps seven days.", 0),
    ],
)
def test_watch_out_warns_only_as_a_warning(
    content: Path, run: Runner, verdict: str, expected: int
) -> None:
    """ "Watch out" names a drawback where it warns ("Watch out: …", "to watch out for",
    a "Bad / watch out" label), not in "copies the recent watches out of Postgres"."""
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        # a bare "Limits:" over the tool's own limits (batch 1117)
        (
            "Limits:\n- static: it only draws what you paste, with no link to the running "
            "app\n- every redraw is a manual copy and paste\n",
            0,
        ),
        # ... and "limits" among settings names none
        ("Every change (weights, limits, plugins) is live at once.\n", 1),
    ],
)
def test_a_limits_label_lists_the_limitations(
    content: Path, run: Runner, limits: str, expected: int
) -> None:
    verdict = (
        f"Good:\n- zero install, works in the browser\n- makes repartitions obvious\n\n{limits}"
    )
    _assert_verdict(run, content, "Verdict", verdict, expected)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # the writer's deadline called the only downside (batch 1107)
        ("- The only real downside for me was that I had one week for this assignment.\n", 1),
        # a slip of the writer's own, taken back in its sentence (batch 1108)
        (
            "- I first forgot to pass the label column and had to rerun the whole suite, "
            "but that was my mistake.\n",
            1,
        ),
        # the tool's own cost beside them
        ("- The report is slow to open: 40 MB of HTML for our ratings table.\n", 0),
    ],
)
def test_cons_of_the_old_way_the_writers_time_or_slips_name_no_drawback(
    content: Path, run: Runner, last: str, expected: int
) -> None:
    """A "Cons" list of the writer's scope, the old way's pain and the writer's deadline or
    slip names no drawback of the tool."""
    cons = (
        "- I only tried the tabular checks; I didn't get to test the vision ones, so I "
        "can't say how good those are.\n"
        "- The old way, our hand-written pandas asserts, needed a lot of boilerplate, which "
        "was painful.\n"
        "- There are so many checks in the docs that I didn't have time to read them "
        "all.\n" + last
    )
    _assert_verdict(run, content, "Cons", cons, expected)


TERSE_WALKTHROUGH = """
Short post. I tried Deepchecks on the nightly export job that feeds our team's movie
recommendation model.

## Why would anyone need this?

Every night the export job copies the last day of Kafka events into Parquet for the
retraining of our recommender. Every few days the export lost rows when the upstream
consumer lagged, and the model silently trained on a partial day: the recommendations
drifted towards whatever was popular that morning, and nobody knew until a teammate
compared row counts by hand. We needed a check that fails the nightly run before training.

## {heading}

Two checks and one suite in the export job:

```python
suite = Suite("export", DataDuplicates(), FeatureDrift())
result = suite.run(train_dataset=yesterday, test_dataset=today)
```

Then, on the VM:

```bash
python export_check.py --day 2026-11-02 --fail-on drift
```

After six nightly exports (about 9 million rows) the report told the story: the export
dropped 4 percent of rows each night that the upstream consumer lagged. A retry with
backoff fixed it; the drop now stays under 0.1 percent.

## What's not great?

- The HTML report is heavy: 30 MB for one day of events, slow to open.
- No alerts of its own; the cron job has to turn a failed suite into an email.
"""


@pytest.mark.parametrize(("heading", "expected"), [("How did I use it?", 0), ("Setup", 1)])
def test_terse_notes_under_the_writers_heading_go_on_with_their_story(
    content: Path, run: Runner, heading: str, expected: int
) -> None:
    """Notes with no "I" or "we" ("Two checks and one suite in the export job:") under
    "How did I use it?" go on with the export job the post told as the team's own; under a
    heading that is not in the writer's voice they tell no use."""
    body = TERSE_WALKTHROUGH.format(heading=heading)
    code, found, _err = check(run, content, str(write(content, body)))
    missing = [f["rule"] for f in found if f["severity"] == "error"]
    assert (code, missing) == (expected, ["scenario-missing"] * expected), found


# "What's the catch?" was read so before batch 1146 too: a control
@pytest.mark.parametrize("heading", ["not good", "Not good:", "What's the catch?"])
def test_a_bare_not_good_heads_the_limitations(content: Path, run: Runner, heading: str) -> None:
    """A bare "not good" heads the limitations (batch 1146)."""
    cons = (
        "- The cache is capped at 10 GB per repository; older entries get evicted once a "
        "few sample versions fill it.\n"
        "- Unused caches disappear after 7 days, and the first run after a break is slow "
        "to restore 1.8 GB.\n"
    )
    _assert_verdict(run, content, heading, cons, 0)


OUTAGE_LISTICLE = """Five things I learned putting Deepchecks in front of the deploys of our
movie recommender.

## 1. {heading}

Every night the retraining job built a new model and the deploy script swapped it in for
every viewer at once. When the March 12 model had a bug that returned the same 20 movies
for everyone, everyone got it until morning, and the course simulator counted every one of
those requests against us. Nobody looked at a new model before it went live: we needed a
gate that fails the deploy when the new model is clearly worse than the old one.

## 2. A suite is a list of checks

Deepchecks runs suites of small checks, each with a condition. The model evaluation suite
compares a new model with the one in production on the same data.

## 3. The gate in our deploy job

I added the suite to the deploy job on the team VM and replayed the last 14 nightly models
against a day of our ratings:

```python
result = model_evaluation().run(train_ds, test_ds, new_model)
```

It failed the March 12 model (precision at 20 fell from 0.31 to 0.04) and passed the other
13; the check takes 50 seconds per night.

## 4. The gotchas

- The HTML report is 30 MB for one day of ratings and slow to open.
- Conditions are hard to tune: the default drift threshold failed two good models.

## 5. Verdict

Worth it for a nightly deploy: ten lines in the job, and the worst night of March would
not have happened. Not a monitoring system, though.
"""


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Our deploys were the real outage", 0),
        # a deploy heading alone stays the walkthrough's: the problem is then missing
        ("Our deploys", 1),
    ],
)
def test_an_outage_heading_is_the_problem(
    content: Path, run: Runner, heading: str, expected: int
) -> None:
    """ "Our deploys were the real outage" over the incident is the problem, though
    "deploys" names the walkthrough elsewhere (batch 1134)."""
    body = OUTAGE_LISTICLE.format(heading=heading)
    code, found, _err = check(run, content, str(write(content, body)))
    errors = [f["rule"] for f in found if f["severity"] == "error"]
    assert (code, errors) == (expected, ["section-missing"] * expected), found


@pytest.mark.parametrize(
    ("paragraph", "shown"),
    [
        # "our README" beside the team's ratings is the writer's own (batch 1156) ...
        (
            "Then I restored last night's backup of our ratings on the team VM: 6.1 million "
            "ratings back, the count matching production. I wrote the steps in our README.",
            True,
        ),
        # ... someone else's README is their material
        (
            "Then I restored last night's backup of our ratings on the team VM: 6.1 million "
            "ratings back, the count matching production. I copied the steps from the "
            "README's example.",
            False,
        ),
        # an identifier's parts name no material: `sample_id` then `/data/…` is no
        # "sample data" (batch 1173) ...
        (
            "Every hour a cron job logged the ranking model's inputs and outputs from our "
            "request log, with the request ID as `sample_id` and `/data/` paths, and 48 "
            "hours later the labels: did the viewer finish the movie.",
            True,
        ),
        # ... the vendor's sample data is
        (
            "Every hour a cron job logged the ranking model's inputs and outputs from the "
            "vendor's sample data, and 48 hours later the labels: did the viewer finish the "
            "movie.",
            False,
        ),
        # what the writer made something for is their own occasion (batch 1211) ...
        (
            "Our team serves a small web page in front of the recommendation API (we built "
            "it for the demo). I tagged each session with the model version and watched "
            "15 recordings: the clicks on the movie posters did nothing for 20 percent.",
            True,
        ),
        # ... the demo the writer ran is someone else's
        (
            "I started the demo, which has a recommendation API of its own, tagged each "
            "session with the model version and watched 15 recordings: the clicks on the "
            "movie posters did nothing for 20 percent.",
            False,
        ),
    ],
)
def test_what_the_writer_owns_is_no_borrowed_material(
    content: Path, run: Runner, paragraph: str, shown: bool
) -> None:
    """Borrowed material (`story_borrowed`) is someone else's: not "our README", nor the
    parts of an identifier (`sample_id`), nor what the writer built "for the demo"."""
    assert _scenario_shown(content, run, paragraph) is shown


@pytest.mark.parametrize(
    ("heading", "expected"),
    # "Cons & gotchas" was read so before too: a control
    [("Bad / limits", 0), ("Limits + bad", 0), ("Cons & gotchas", 0)],
)
def test_joined_labels_each_name_a_drawback(
    content: Path, run: Runner, heading: str, expected: int
) -> None:
    """ "Bad / limits" over a list names a drawback, as "Bad" and "Limits" each would
    alone (batch 1180)."""
    cons = (
        "- Discontinued: the company stopped developing it in 2022.\n"
        "- Asking for 5,000 documents froze the window for several seconds.\n"
    )
    _assert_verdict(run, content, heading, cons, expected)


OWN_MISTAKES = (
    "It was a pleasure to use: the suite needed no configuration and saved us days.\n\n"
    "{lead}\n\n"
    "- I forgot to run the migration after installing, and the report page crashed with a "
    "missing-table error.\n"
    "- I typed the check's name wrong in the config and spent an hour wondering why it never "
    "failed. Read your config back before you trust your numbers.\n"
)


def test_a_heading_over_the_writers_own_rough_edges_names_no_drawback(
    content: Path, run: Runner
) -> None:
    """ "My rough edges" in the verdict's heading (batch 1318) are the writer's, not the
    tool's: over praise alone, the verdict only praises; the tool's rough edges name a
    drawback."""
    verdict = "It was a pleasure to use: the suite needed no configuration and saved us days."
    _assert_verdict(run, content, "What I liked, and my rough edges", verdict, 1)
    _assert_verdict(run, content, "What I liked, and its rough edges", verdict, 0)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # a heading that lays its lessons at the writer's door (batch 1478): what cost
        # the writer an evening is their slip, not the tool's drawback
        ("Lessons learned (mostly about me)", 1),
        ("Lessons learned (mostly about us)", 1),
        ("Lessons learned", 0),
    ],
)
def test_a_heading_laying_its_lessons_at_the_writers_door_names_no_drawback(
    content: Path, run: Runner, heading: str, expected: int
) -> None:
    verdict = (
        "- **Don't forget the virtualenv.** I first ran it with the system Python. The "
        "error message was very clear once I read the logs, but it cost me an evening.\n"
        "- **Reload after the model is written.** Our script sent the signal too early."
    )
    _assert_verdict(run, content, heading, verdict, expected)


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # the list is the writer's own slips, announced as such (batch 1280): no drawback
        ("My own mistakes, so you can avoid them:", 1),
        ("Things I didn't get to try:", 1),
        # ... or laid at the writer's door (batches 1301, 1309)
        ("**Things that went wrong (mostly my fault):**", 1),
        ("The biggest con is on our side:", 1),
        ("To be fair, I made plenty of mistakes along the way:", 1),
        # ... or offered as lessons to spare the reader (batches 1402, 1416)
        ("Mostly things I tripped on, so you don't have to:", 1),
        ("A few lessons from my first week, so others can avoid them:", 1),
        # ... or owned for the most part (batch 1486)
        ("To be honest, not everything was smooth, and most of it was my fault:", 1),
        # ... in a whole sentence (batch 1516)
        (
            "Honestly, most of what went wrong for me was my own doing, so here is my "
            "list so you don't repeat it:",
            1,
        ),
        (
            "To be completely honest, nearly everything that went wrong that week was of my "
            "own doing, and here is the list of it:",
            1,
        ),
        # the same list led as the tool's limitations weighs it
        ("What tripped me up:", 0),
        # ... as does a lead that turns from the writer's slips (batch 507)
        ("Beyond my own mistakes, some things are just how the tool works:", 0),
        ("Apart from my own mistakes, a few things are simply how it works:", 0),
    ],
)
def test_a_list_led_as_the_writers_own_mistakes_names_no_drawback(
    content: Path, run: Runner, lead: str, expected: int
) -> None:
    _assert_verdict(
        run,
        content,
        "What I liked and what tripped me up",
        OWN_MISTAKES.format(lead=lead),
        expected,
    )


FAQ_COURSE_PROJECT = """**What does it do?**

It is a small daemon that watches a folder and starts a command when a new file appears
in it.

**Why would an ML team care?**

Our course project is a movie-streaming recommender: a consumer reads the Kafka log, and
every few hours it writes a snapshot of new ratings to disk. Retraining ran from cron at
fixed times, so twice it trained on a half-empty snapshot, and once it ran while no
snapshot had arrived at all and shipped a stale model. Nobody noticed until the
click-through rate dropped.

**Show me the setup.**

I wrote one config file that watches the incoming folder and runs our retraining script,
then started the daemon on the team machine with the system service manager.

**Did it work on the project?**

Yes. Over six days the consumer wrote 17 snapshot files of 40,000 to 210,000 rating
lines each, and the daemon started 15 retraining runs, because twice two files arrived
during one run. During a nine-hour stretch when our consumer crashed, no run started,
which is what we wanted: cron would have retrained three times on stale ratings. Our
recommendation API kept its p95 latency at 120 ms because I could lower the job's
priority.

**What are the limitations?**

- It only sees local folders: files written by another machine on a network mount never
  trigger it.
- There is no retry: a failed run simply fails, and the files stay until the next one.
- There is no user interface, so you read what happened from the system journal.

**Would you recommend it?**

For a team on one machine, yes: it is already installed and it removed a whole class of
stale-model bugs."""


def test_our_course_project_is_the_writers_own(content: Path, run: Runner) -> None:
    """ "Our course project is a movie-streaming recommender" tells the scenario in the
    writer's voice (batch 1297), where "the scenario of our course" is only an aside: an
    FAQ whose answers then name only ratings and a recommendation API shows the tool used
    on it."""
    # a title and summary of the tool alone: the FAQ's own words are all there is
    front = re.sub(r"(?m)^(title|summary): .*$", r"\1: Retraining when the data lands", FRONT)
    code, found, _err = check(run, content, str(write(content, FAQ_COURSE_PROJECT, front=front)))
    assert [f["rule"] for f in found if f["severity"] == "error"] == [], found
    assert code == 0


def test_material_the_tool_made_beside_the_writers_own_system_shows_the_scenario(
    content: Path, run: Runner
) -> None:
    """A synthetic-data generator's output is "the synthetic data" (batch 1308), like a
    vendor's: a paragraph naming it still shows the scenario when another of its sentences
    tells what the writer did on their own system. Told only of the material, it does not."""
    own = (
        "Then I tested the cold-start path of our movie recommender. I loaded 5,000 generated "
        "profiles into a copy of our user service and sent recommendation requests for all "
        "of them to our staging API. Because the synthetic data had rare combinations of "
        "age and occupation, it found a hyphen bug that returned the global top 20."
    )
    section = _section(BODY, "How Deepchecks helps with our movie ratings")

    def shown(paragraph: str) -> bool:
        post = BODY.replace(section, f"## How Deepchecks helps\n\n{paragraph}\n\n")
        _code, found, _err = check(run, content, str(write(content, post)))
        return not [f for f in found if f["rule"] == "scenario-missing"]

    assert shown(own)
    material = (
        "Then I tested the cold-start path of the demo recommender. I loaded 5,000 profiles "
        "from the synthetic data into it and sent recommendation requests for all of them. "
        "Because the synthetic data had rare combinations of age and occupation, it found a "
        "hyphen bug that returned the global top 20."
    )
    assert not shown(material)


LOWER_CASE_TOOL_POST = """{name} is a small command line tool that compares the data in two
PostgreSQL databases, table by table, with row counts and hashes of chunks of rows. I found
it while browsing a list of Postgres utilities, had never used anything like it, and since
our team already runs two databases for the movie recommender, it seemed a good candidate
for this post. It is written in Python, installs with pip, and needs only two connection
strings; it prints one line per table and exits with a non-zero code when a table differs.

Our setup is simple. A consumer reads the course's Kafka stream of watch events, ratings and
recommendation requests and writes them into Postgres on the team's virtual machine. Since
last week a second database is filled by a rewritten consumer that a teammate wrote, reading
the same topic with another consumer group. Both databases have the same three tables: the
watch events, the ratings and the recommendation requests, with about two million rows in
all, and the rest of this post is a few short recipes with the tool on them.

## Recipe 1: compare the two ratings databases

I pointed it at our main database and at the copy filled by the rewritten Kafka consumer,
which reads the same watch events and movie ratings. The first run took 41 seconds for
three tables and reported that the ratings table differed: 1,204 rows of the new copy had
a rating of 0, which the old consumer never wrote. We fixed the parser the same day, ran it
again, and all three tables matched.

## Strengths and limitations

It is fast and needs no setup. However, it only says that a table differs, not which rows,
and it does not support comparing tables with different schemas, so we had to write our
own query to find the 1,204 rows.
"""


@pytest.mark.parametrize("name", ["pgdiffer", "Pgdiffer"])
def test_an_opening_that_defines_a_tool_named_in_lower_case_tells_no_problem(
    content: Path, run: Runner, name: str
) -> None:
    """An opening that defines the tool ("pgdiffer is a small command line tool …", batch
    1306) and tells why the writer picked it, but no trouble it solves, lacks the problem
    whether the name is written in lower case or not: an error, not a warning that the
    gate may have missed the section."""
    front = re.sub(r"(?m)^tool: .*$", "tool: pgdiffer", FRONT)
    body = LOWER_CASE_TOOL_POST.format(name=name)
    code, found, _err = check(run, content, str(write(content, body, front=front)))
    missing = [f["rubric"] for f in found if f["rule"] == "section-missing"]
    assert len(missing) == 1 and "problem" in missing[0].lower(), found
    assert code == 1


SLIPS = (
    "The suite needed no configuration, and the report is clear.\n\n"
    "{slips} I set the report's timezone to UTC while the team reads Eastern time, which made "
    "the first alert confusing until I changed it. I also forgot the API key in the cron "
    "environment, so nothing ran on the first day.\n"
)


@pytest.mark.parametrize(
    ("slips", "expected"),
    [
        # a paragraph that opens by announcing the writer's own slips (batches 1298, 1306)
        ("*Limitations.* Honestly, most of the problems I had were my own.", 1),
        ("I also made a few mistakes of my own.", 1),
        # ... or laid on the writer's side (batch 1449)
        ("The main hiccups were on my side.", 1),
        # ... after a label that names what was hard (batch 1316)
        ("**What was hard for me.** Honestly, most difficulties were my own.", 1),
        # announced after a real drawback, the drawback still weighs
        ("The docs are confusing and out of date. The other problems were my own.", 0),
    ],
)
def test_a_paragraph_opening_on_the_writers_own_slips_names_no_drawback(
    content: Path, run: Runner, slips: str, expected: int
) -> None:
    _assert_verdict(run, content, "Strengths and limitations", SLIPS.format(slips=slips), expected)


@pytest.mark.parametrize(
    ("found_it", "missing"),
    [
        # how the writer came upon the tool (`picked_by`, batch 1307): the opening tells
        # the writer's choice, and no problem
        ("I came across it while browsing", True),
        ("Nobody had written about it yet; I saw it while browsing", True),
        ("I claimed it the same evening after browsing", True),
        ("Its screenshots sold me on it; I saw them while browsing", True),
        # ... who suggested it, and what the writer wanted to learn (batch 1370)
        ("A friend told me about it, and I saw it while browsing", True),
        # ... or the excuse it gave the writer (batch 1513)
        ("I wanted an excuse to write more Go, and I saw it while browsing", True),
        # ... or a whim, found while reading for something else (batches 1551, 1562)
        ("I found it while browsing", True),
        ("Out of curiosity, I looked it up in", True),
        ("I had never heard of it until I read about it in", True),
        # an opening the gate cannot place may tell the problem in words it missed
        ("I read about it in", False),
    ],
)
def test_an_opening_on_how_the_writer_came_upon_the_tool_tells_no_problem(
    content: Path, run: Runner, found_it: str, missing: bool
) -> None:
    """An opening that serves no requirement and tells why the writer picked the tool ("I
    came across it in the plugin catalog") was read as that choice: with no problem found,
    the problem is missing (an error), not a section the gate may have missed (a
    warning)."""
    front = re.sub(r"(?m)^tool: .*$", "tool: pgdiffer", FRONT)
    body = LOWER_CASE_TOOL_POST.format(name="This little utility")
    assert "I found\nit while browsing" in body
    body = body.replace("I found\nit while browsing", found_it)
    code, found, _err = check(run, content, str(write(content, body, front=front)))
    rules = [f["rule"] for f in found]
    assert ("section-missing" in rules) is missing, found
    assert ("section-unrecognised" in rules) is not missing, found
    assert code == (1 if missing else 0)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # limitations told as what the writer could not find out (batch 1498)
        ("Questions I could not answer", 0),
        ("The questions I couldn't answer", 0),
        ("Unanswered questions", 0),
        # the same questions under a verdict's heading that names no drawback only ask
        ("Verdict", 1),
    ],
)
def test_questions_the_writer_could_not_answer_name_drawbacks(
    content: Path, run: Runner, heading: str, expected: int
) -> None:
    verdict = (
        "- **How do I know the recall in production?** I measured it once, offline.\n"
        "- **Is the beta label a real risk?** Could the format change in a minor release?"
    )
    _assert_verdict(run, content, heading, verdict, expected)


def test_a_heading_that_says_where_the_tool_is_weak_names_a_drawback(
    content: Path, run: Runner
) -> None:
    """ "Where it is weak" (batch 1324) names the tool's drawbacks, even over a list told in
    words the gate does not weigh ("Nothing is stored, nothing can be queried later")."""
    verdict = "Nothing is stored, and nothing can be queried later once the terminal is closed."
    _assert_verdict(run, content, "Where it is weak", verdict, 0)


def test_an_opening_scene_before_the_problem_names_no_drawback_of_the_tool(
    content: Path, run: Runner
) -> None:
    """A hook before the problem's own heading ("I have a complicated relationship with my
    laptop fan", batch 1339) sets the problem's scene: its drawback words are no more the
    tool's than the problem's, and a verdict of praise alone is one-sided."""
    hook = (
        "I have a complicated relationship with my laptop fan. Every time our team retrains "
        "the movie recommender, it spins up as if it wanted to take off.\n"
    )
    praise = "It was a pleasure to use: the suite needed no configuration and saved us days."
    body = hook + ONE_SIDED_POST.format(heading="Verdict", verdict=praise)
    code, found, _err = check(run, content, str(write(content, body)))
    assert code == 1, found
    assert [f["rule"] for f in found if f["severity"] == "error"] == ["section-one-sided"]


def test_what_the_writer_will_need_to_do_next_sprint_is_no_use(content: Path, run: Runner) -> None:
    """ "Next sprint I will need to point it at our ratings export" (batch 1365) tells a use
    to come, in the writer's voice: no use of the tool. Told as done, it shows one."""
    planned = (
        "## Trying it\n\n"
        "I loaded the sample traffic CSV from the README into a local database.\n\n"
        "Next sprint I will need to point it at our movie ratings export and load the watch "
        "events the same way."
    )
    assert not _scenario_shown(content, run, planned)
    done = planned.replace("Next sprint I will need to point", "Then I pointed").replace(
        "and load the", "and loaded the"
    )
    assert _scenario_shown(content, run, done)


@pytest.mark.parametrize("heading", ["What held us back", "Why we rolled back"])
def test_a_negative_reviews_reasons_against_the_tool_are_its_limitations(
    content: Path, run: Runner, heading: str
) -> None:
    """A team that tried the tool and went back lists what held it back (batch 1553): that
    heading names the limitations, told as plain reasons with no drawback word."""
    verdict = (
        "- Our monitoring tools still assume the old metadata store.\n"
        "- Moving the existing cluster is a procedure of its own, not a switch.\n"
        "- Fewer answers online when something goes wrong.\n\n"
        "## What we liked\n\n"
        "One system instead of two, and a restart that takes seconds."
    )
    _assert_verdict(run, content, heading, verdict, 0)


@pytest.mark.parametrize(
    "verdict",
    [
        "It runs every night now. It only runs on Linux, and its error messages did not "
        "tell us which column failed.",
        "It runs every night now. The UI is clumsy for more than a handful of flags, and "
        "the nightly export takes forever.",
        "It runs every night now. It chokes on a few thousand segment rules, and its error "
        "messages are unhelpful.",
        "It runs every night now. The docs assume you already run it on AWS.",
        # the parts that ship with the tool are its subjects too (`tool_subjects`)
        "It runs every night now. Its Python SDK is a thin wrapper over the REST API.",
        "It runs every night now. The Helm chart is out of date and we patched it by hand.",
        "It runs every night now. The web console is slow to load for a big project.",
        "It runs every night now. There is no Python client, so we call the API by hand.",
    ],
)
def test_a_plain_complaint_said_of_the_tool_keeps_the_verdict_from_an_error(
    content: Path, run: Runner, verdict: str
) -> None:
    """No drawback word, but complaints with the tool as their subject (`said_of_tool`):
    the verdict weighs the tool, so it is at most advised to name its limitations."""
    _assert_verdict(run, content, "Verdict", verdict, 0)


def test_a_plain_complaint_of_the_old_way_names_no_drawback(content: Path, run: Runner) -> None:
    """The same words told of the old way or in a tutorial's premise ("the old cron job
    took forever", "I assume you have Docker") leave a verdict of praise one-sided."""
    verdict = (
        "Ten out of ten. The old cron job took forever and the old admin page was clumsy; I "
        "assume you have Docker, and the rest takes five minutes."
    )
    _assert_verdict(run, content, "Final verdict", verdict, 1)


def test_what_the_tool_did_not_flag_names_no_drawback(content: Path, run: Runner) -> None:
    """ "What it did not flag" is praise, not the "What did not work" of a verdict (batch
    1556): a verdict of praise with it still only praises."""
    verdict = (
        "Ten out of ten. Just as important is what it did not flag: every weekend peak "
        "passed without a single alert."
    )
    _assert_verdict(run, content, "Final verdict", verdict, 1)


def test_a_decision_records_consequences_are_its_verdict(content: Path, run: Runner) -> None:
    """A decision record's "Positive" and "Negative" consequences (batch 1561) are the
    strengths and limitations, named by their headings."""
    verdict = (
        "- It caught both broken exports in their first night.\n"
        "- No new service to run: it is one more step in the nightly job.\n\n"
        "## Negative\n\n"
        "- Its HTML report takes a minute to open for a full day of ratings.\n"
        "- Custom checks need a plugin class per check."
    )
    post = write(content, ONE_SIDED_POST.format(heading="Positive", verdict=verdict))
    code, found, _err = check(run, content, str(post))
    assert code == 0, found
    assert "section-heading-unclear" not in {f["rule"] for f in found}, found
    _code, out, _err = run("--content", str(content), "check", "--explain", str(post))
    assert "‘Positive’ + ‘Negative’" in out and "by heading" in out
