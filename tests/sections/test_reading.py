"""How required sections are read: each wording and structure of the issue, with the
course's own vocabulary (content/course.yaml), passes and true failures alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.course import Option, load_course
from anthology.gate.naming import first_shown
from anthology.gate.reading import (
    BETWEEN,
    CONTENT,
    HEADING,
    HINT,
    NESTED,
    SERIES,
    Reading,
    not_made_on_own,
    possessions,
    read_sections,
    speculation,
)
from anthology.gate.scan import Body
from anthology.gate.sections import Heading, outline, paragraphs, reading_outline

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


def read(
    text: str,
    option: Option = OPTION,
    mapping: dict[str, str] | None = None,
    tool_names: tuple[str, ...] = (),
):
    body = Body(text, 1)
    found, paras = reading_outline(body, outline(body))  # as the gate reads a post
    readings = read_sections(
        option, found, paras, mapping or {}, (1, len(body.lines)), tool_names=tool_names
    )
    return {r.section.id: r for r in readings}


def read_naming_the_tool(text: str, tool: str):
    """`read`, knowing where the post first names its `tool`, as the gate does."""
    body = Body(text, 1)
    found, paras = reading_outline(body, outline(body))
    readings = read_sections(
        OPTION,
        found,
        paras,
        {},
        (1, len(body.lines)),
        tool_shown=first_shown(body, (tool,)),
        tool_names=(tool,),
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
    [
        "Where it falls short",
        "What I liked and what I didn't",
        "Pros and cons",
        "Trade-offs",
        "What bugged me",
        "😬 What's wrong with it",
        "What annoyed me",
        "Where it got less satisfying",
        "Meh",
        "Where it is weak, at least for us",
        "Where Pandera is strong",
        "Good points and difficult points",
        "Strong points",
        "Slide 9 · What I'd warn you about",
        "Things I would warn a teammate about",
        # batches 1324 and 1325
        "What tripped me up or is missing",
        "Weak parts",
        # batch 604
        "Q: Anything that doesn't work?",
        # a sceptic's verdict (batches 1390 to 1392)
        "Where my skepticism was justified",
        "WHERE THE SKEPTICISM HELD UP",
        "My doubts that held",
        # batch 1430
        "Where it stops being enough",
    ],
)
def test_assessment_headings_that_name_it(heading: str) -> None:
    got = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, f"## {heading}\n\n{STRENGTHS} {LIMITS}"))
    assert taken(got["assessment"]) == [(HEADING, heading)]


@pytest.mark.parametrize(
    "heading", ["Final thoughts", "Lessons learned", "Conclusion", "Summing up"]
)
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


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ("What worked well", "Where it falls short"),
        # "Good points" and "Difficult points" (batch 1010) are the verdict, not more steps
        ("Good points", "Difficult points"),
    ],
)
def test_strengths_and_limitations_in_two_sections_add_up(good: str, bad: str) -> None:
    verdict = f"## {good}\n\n{STRENGTHS}\n\n## {bad}\n\n{LIMITS}"
    got = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, verdict))["assessment"]
    assert taken(got) == [(HEADING, good), (HEADING, bad)]
    assert got.words == len(STRENGTHS.split()) + len(LIMITS.split())
    assert got.names == f"‘{good}’ + ‘{bad}’"


@pytest.mark.parametrize(
    "heading",
    [
        "What I built",
        "Putting it to work",
        "Pandera in our pipeline",
        "Hands-on",
        "Replaying the incident",
        "What I changed",
        "What we changed",
        "Running it on our project",
        "How I ran it on the ratings",
    ],
)
def test_examples_headings_that_name_it(heading: str) -> None:
    got = read(post(STANDARD_PROBLEM, f"## {heading}\n\n{EXAMPLES}", STANDARD_ASSESSMENT))
    assert taken(got["examples"]) == [(HEADING, heading)]


# A letter to a teammate titled by bold lead-ins: "What it did for us" tells what the
# tool did on the team's own system (batch 955).
LETTER_OF_USE = """Hi Mara,

you asked why the retrain log looks different now. That was me: it's Snaptrace, my tool for \
the blog post, and there are two things you should know before you touch the alerts.

**Why I tried it.** Last Tuesday the feature job crashed at 03:10 with a division by zero, \
and the traceback told us the line but not which user. You spent the morning re-running the \
job with print statements until you found a movie with a runtime of zero in the catalog.

**What it is.** A small package that replaces the default traceback output. One import at \
the top of the script turns it on.

**{heading}.** I replayed Tuesday's input from the saved parquet file, and the crash now \
shows the row with the user id, the movie id and the zero runtime in our retrain log. That \
would have been a five-minute fix. Since then the real logs had one crash, a timeout on the \
movie API, and the locals showed the bad movie id right away.

**Two warnings.** The locals can print user ids into a log that the whole team can read, \
so I turned them off for the consumer. And it slows the crash path down by a second, which \
does not matter for a nightly job but would for the endpoint.

See you Monday,
Ana
"""


@pytest.mark.parametrize(
    "heading", ["What it did for us", "What it has done for us", "What it did"]
)
def test_what_the_tool_did_for_the_team_hints_at_the_examples(heading: str) -> None:
    got = read(LETTER_OF_USE.format(heading=heading))
    assert (HINT, heading) in taken(got["examples"])


def test_an_incident_heading_tells_the_problem_when_its_text_does() -> None:
    """A weekly status report: "Incident: the night the export was late" hints at the
    problem, and its text tells one, so it is the problem ("Replaying the incident" names
    the walkthrough: see `test_examples_headings_that_name_it`)."""
    text = (
        "## TL;DR this week\n\nOffline eval is up two percent; one incident, now fixed.\n\n"
        "## Done\n\nWe shipped the new genre filter and moved the model to the new VM.\n\n"
        f"## Incident: the night the export was late\n\n{PROBLEM}\n\n"
        f"## Tool spotlight\n\n{EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(HINT, "Incident: the night the export was late")]
    assert [label for _how, label in taken(got["examples"])] == ["Tool spotlight"]


def test_a_walkthrough_keeps_a_paragraph_no_other_requirement_took() -> None:
    """Bold lead-ins: "**What I tried.**" only hints at the walkthrough, and its last
    paragraph reads like a verdict ("which I love", "works well"), so it is first left for
    the verdict; the verdict is found further on, under no heading that names it, so the
    paragraph, the one that names the movies, goes back to the walkthrough."""
    text = (
        f"**What kept going wrong.** {PROBLEM}\n\n"
        "**What I tried.** I installed the tool on our VM and ran it over the repository "
        "of the service, with one option to leave out the notebooks.\n\n"
        "```\npip install the-tool\nthe-tool generate\n```\n\n"
        "Nine packages instead of 163, which I love: it works well and is easy and fast. "
        "I rebuilt the image, and the API answered `/recommend/1234` with 20 movies on the "
        "first try.\n\n"
        f"**What you should know before trusting it.** {LIMITS}\n"
    )
    got = read(text)
    assert "20 movies" in got["examples"].text
    assert "20 movies" not in got["assessment"].text


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


def test_a_walkthrough_opens_at_the_section_its_first_subsection_is_under() -> None:
    """With no problem found, "Setup" names the walkthrough and "What I did" above it
    only hints at it: the walkthrough starts there, with the text that names the
    scenario (batch 1419)."""
    text = (
        "I wanted an excuse to write Ruby again, and nobody had claimed this gem.\n\n"
        "## What I did\n\nI replayed 250,000 lines of our movie log from the Kafka topic "
        "into a local broker.\n\n### Setup\n\nOne gem, one config block.\n\n"
        "### Results\n\nThe batch mode sent 57,000 messages a second.\n\n"
        f"## Limitations\n\n{LIMITS}\n"
    )
    got = read(text)
    assert taken(got["examples"])[0] == (BETWEEN, "What I did")
    assert "movie log" in got["examples"].text


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


RUN_IN_PROBLEM = (
    "{question} Our movie recommender has three containers on the team VM: the Kafka "
    "consumer that writes the ratings to Postgres, the recommendation API and the A/B router. "
    "Each time we deployed a new model or the evaluation looked weird, someone had to connect, "
    "open three panes of docker logs and describe the output in our chat, since only two of us "
    "had SSH set up. Those are the moments when everyone wants to watch the live service."
)


@pytest.mark.parametrize(
    "question", ["Why did we want it?", "So why bother?", "What was the problem?"]
)
def test_a_short_question_opening_a_paragraph_titles_it(question: str) -> None:
    """A heading-less post asks its own heading ("Why did I want this?") and answers it in
    the same paragraph: the answer is the problem even in the team's setup words, not the
    start of the walkthrough that the tool's description before it begins."""
    description = (
        "Dozzle is a small web app that shows the output of running Docker containers live "
        "in a browser tab, one panel per container, with a search box and a logged-in view."
    )
    walkthrough = (
        "I started it with one docker run command, mounted the Docker socket read-only and "
        "opened port 9999 for the team. During Thursday's ramp of model B we all watched the "
        "API panel, filtered on variant B, and saw new users get the same three movies; we "
        "rolled back in two minutes, fixed the cold-start path and measured p95 latency again."
    )
    verdict = (
        "It is easy to run and the search is quick. However, it keeps no history, it cannot "
        "show logs from more than one machine without an agent, and we had to add basic auth "
        "ourselves because there is no login."
    )
    problem = RUN_IN_PROBLEM.format(question=question)
    got = read("\n\n".join([description, problem, walkthrough, verdict]) + "\n")
    assert [[p.lines for p in r.parts] for r in got.values()] == [[(3,)], [(5,)], [(7,)]]


LOAD_TEST_POST = (
    "## Our latency numbers were lying\n\n"
    "Our team's service answers `GET /recommend/<userid>` with 20 movie ids. In the "
    "course's streaming scenario a response that takes too long counts as a failed "
    "recommendation, so speed is part of being correct, not a nice extra: a heavy model "
    "must still answer fast. Before the last milestone we wanted to know how many requests "
    "per second we could serve while keeping 99% of them under 300 ms.\n\n"
    "The quick answer is a script with a fixed number of threads that prints the mean "
    'latency. I wrote one first. With ten threads it said "mean 180 ms, 150 req/s" and '
    "we were happy.\n\n"
    "That test had two problems. Ten threads in a closed loop never send an eleventh "
    "request until one of the ten returns, so when the service gets slower the script "
    "slows down with it and the queue that real viewers build never forms. And the mean "
    "says nothing about the slow tail, which is what breaks a latency target.\n\n"
    "Load testing tools for web services solved this long ago with open arrival models, "
    "and k6 is one of them: you describe the rate at which requests arrive, and it sends "
    "them on schedule whatever the service does, then reports percentiles and checks "
    "thresholds.\n\n"
    'So "how many requests per second at p99 under 300 ms?" is one k6 run.\n\n'
    "## Plugging in our service\n\n"
    "I wrote a k6 script that uses the constant-arrival-rate executor at 60 requests per "
    "second for two minutes, with user ids drawn from last week's Kafka watch log, and ran "
    "it from a teammate's machine against our VM:\n\n"
    "```javascript\nexport const options = { scenarios: { recs: { executor: "
    "'constant-arrival-rate', rate: 60, timeUnit: '1s', duration: '2m', preAllocatedVUs: "
    "200 } } };\n```\n\n"
    "The script needs a pool of pre-allocated virtual users, and the run takes some memory "
    "on the load machine, which was fine on a laptop.\n\n"
    "## Results\n\n"
    "At 60 requests per second the old model's p95 was 140 ms and p99 410 ms. The new "
    "two-tower model, which scores movies on the fly instead of reading a precomputed "
    "list, had p99 of 1.9 s: slower, and exactly what broke us in the evaluation. We kept "
    "the old model for serving and added the k6 run to our deployment checklist.\n\n"
    "## Final thoughts\n\n"
    "k6 is pleasant to work with. The scripts are short JavaScript, the summary is clear, "
    "thresholds turn a run into pass or fail, and the project is well maintained by "
    "Grafana Labs. It took about forty lines of glue to test a movie recommender, and it "
    "now runs before every deploy.\n"
)


def test_the_problems_section_lends_no_limitations_to_a_verdict_read_along_the_way() -> None:
    """The problem's section sets the scene before the paragraphs the problem took ("a
    heavy model must still answer fast"): with those, the limitation words spread over the
    post would make a verdict of a walkthrough and praise; without them there is none."""
    got = read(LOAD_TEST_POST)
    assert got["problem"].found and got["examples"].found
    assert not got["assessment"].found


@pytest.mark.parametrize("label", ["**TL;DR** —", "TL;DR:", "> **Summary:**", "In short:"])
def test_a_summary_opening_the_post_is_not_where_it_first_names_the_tool(label: str) -> None:
    """A summary that opens the post names the tool, yet the story starts after it: "The
    annoying thing about bad data in a recommender" before the walkthrough names the
    trouble before the tool, not its drawbacks, with a verdict heading later on."""
    text = (
        f"{label} Deequ checks tables and says which rows broke which rule. I ran it on "
        "our ratings export and it found real garbage.\n\n"
        f"**The annoying thing about bad data in a recommender**\n\n{PROBLEM}\n\n"
        f"**What I ran**\n\nI set up Deequ on the VM. {EXAMPLES}\n\n"
        f"**Things that went well and things that did not**\n\n{STRENGTHS} {LIMITS}\n"
    )
    got = read_naming_the_tool(text, "Deequ")
    problem = "The annoying thing about bad data in a recommender"
    assert taken(got["problem"]) == [(HEADING, problem)]
    assert taken(got["assessment"]) == [(HEADING, "Things that went well and things that did not")]


FEATURE_TOUR = (
    "This lab report is about Rack Mini Profiler, a small Ruby gem that shows a timing badge "
    "in the corner of every page of a Rails app. Clicking the badge opens a panel with the "
    "time spent in each controller action, each view partial and each SQL query, and a flame "
    "graph of the Ruby calls behind them. It is maintained by the people behind Discourse and "
    "installs as one line in the Gemfile. The aim of this lab was to try out its features one "
    "by one on our team's admin dashboard, which is written in Rails and shows the latest "
    "ratings and the models we trained, and to write down what each panel shows. I also "
    "wanted to learn how it decides what to count as a query, how the flame graph is "
    "sampled, and which settings change what it records. The sections below follow the "
    "order of its README, one feature per section, with the numbers I saw on our dashboard "
    "and a short note on each."
)


@pytest.mark.parametrize("heading", ["Aim", "Introduction", "Background"])
def test_a_heading_hinting_at_the_problem_over_none_of_its_words_was_read(heading: str) -> None:
    """ "Aim" over a tour of the tool's features, with no word of trouble or need: the gate
    read it and it serves no problem, so the problem is missing, not merely unrecognised
    (an unplaced long section otherwise only warns)."""
    text = f"## {heading}\n\n{FEATURE_TOUR}\n\n{STANDARD_EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    problem = read(text)["problem"]
    assert not problem.found
    assert problem.unrecognised is None
    # the same heading over a problem serves it
    assert read(post(f"## {heading}\n\n{PROBLEM}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT))[
        "problem"
    ].found


def test_experiments_that_ask_whether_the_tool_catches_a_problem_are_the_walkthrough() -> None:
    """ "Exp 1: Does it catch a latency problem we know happened?" asks what the tool
    remedies (`remedied_by`: "does it catch"), and "Exp 2" goes on with the series: both
    are the walkthrough's, not the problem's (batch 1279)."""
    text = (
        f"## The problem\n\n{PROBLEM}\n\n## Setup\n\nI installed it on the VM and "
        "pointed it at our metrics store.\n\n"
        f"## Exp 1: Does it catch a latency problem we know happened?\n\n{EXAMPLES}\n\n"
        "## Exp 2: Does it understand our daily rhythm?\n\nI replayed two weeks of our "
        "movie recommender's request rates; it flagged 3 of 14 evening peaks as anomalies."
        f"\n\n## What I think\n\n{STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(HEADING, "The problem")]
    assert [label for _how, label in taken(got["examples"])] == [
        "Setup",
        "Exp 1: Does it catch a latency problem we know happened?",
        "Exp 2: Does it understand our daily rhythm?",
    ]


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


# --- structures of held-out batch 7: bold lines, verdict first, listicles, negated words,
# the scenario told once -------------------------------------------------------------------


def test_bold_lines_standing_alone_are_read_as_headings() -> None:
    text = (
        f"**Why we needed it**\n\n{PROBLEM}\n\n**Trying it on our ratings**\n\n{EXAMPLES}\n\n"
        f"**Pros**\n\n{STRENGTHS}\n\n**Cons:**\n{LIMITS}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(HEADING, "Why we needed it")]
    assert taken(got["examples"]) == [(HEADING, "Trying it on our ratings")]
    assert taken(got["assessment"]) == [(HEADING, "Pros"), (HEADING, "Cons")]
    assert got["assessment"].words == len(STRENGTHS.split()) + len(LIMITS.split())
    assert got["assessment"].parts[1].line == 13  # the bold line's own line


def test_bold_lines_under_a_heading_are_its_subsections() -> None:
    text = post(
        STANDARD_PROBLEM,
        STANDARD_EXAMPLES,
        f"## My take\n\n**Liked**\n\n{STRENGTHS}\n\n**Not so much**\n\n{LIMITS}",
    )
    got = read(text)["assessment"]
    assert taken(got) == [(HEADING, "My take"), (NESTED, "Liked"), (NESTED, "Not so much")]
    assert got.words == len(STRENGTHS.split()) + len(LIMITS.split())


def test_bold_question_lines_of_a_qa_post_are_headings() -> None:
    text = (
        f"**Q: What was wrong before?**\n\nA: {PROBLEM}\n\n"
        f"**Q: How did you use it?**\n\nA: {EXAMPLES}\n\n"
        f"**Q: Is it any good?**\n\nA: {STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert [r.parts[0].label for r in got.values()] == [
        "Q: What was wrong before?",
        "Q: How did you use it?",
        "Q: Is it any good?",
    ]


def test_a_prompt_labelled_q_is_a_heading_though_it_ends_in_a_full_stop() -> None:
    """ "**Q: Show me the new code.**" is the interviewer's prompt, a section title like
    the questions around it; a bold sentence ending in a full stop without the label is
    still emphasis."""
    text = (
        f"**Q: What was wrong before?**\n\nA: {PROBLEM}\n\n"
        f"**Q: Show me what you ran.**\n\n{EXAMPLES}\n\n"
        f"**Q: Is it any good?**\n\nA: {STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert got["examples"].parts[0].label == "Q: Show me what you ran."
    assert EXAMPLES not in got["problem"].text
    plain = read(text.replace("**Q: Show me what you ran.**", "**Show me what you ran.**"))
    assert "Show me what you ran." not in [p.label for p in plain["examples"].parts]


def test_a_named_interviewers_prompt_is_a_heading_though_it_ends_in_a_full_stop() -> None:
    """An interviewer named in each bold prompt ("**Dani: Which models?**") may also prompt
    in a longer sentence with a full stop ("**Dani: Show me you actually ran it on our
    stuff, not on their demo.**", batch 1303): it titles the walkthrough like the
    questions around it. Said once, a name and a bold sentence are still emphasis."""
    prompt = "Dani: Show me you actually ran it on our stuff, not on their Amazon demo."
    text = (
        f"**Dani: What was wrong before?**\n\nMe: {PROBLEM}\n\n"
        f"**{prompt}**\n\nMe: {EXAMPLES}\n\n"
        f"**Dani: Is it any good?**\n\nMe: {STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert got["examples"].parts[0].label == prompt
    assert EXAMPLES not in got["problem"].text
    alone = f"## Notes\n\n**{prompt}**\n\n{EXAMPLES}\n"
    body = Body(alone, 1)
    assert [h.text for h in reading_outline(body, outline(body))[0]] == ["Notes"]


@pytest.mark.parametrize(
    "line",
    [
        "**Remember to back up the ratings first.**",  # a bold sentence is emphasis
        "Text with **Cons** in the middle of it.",
        "- **Cons**",  # a list item
        "**Cons** of the old setup were many, and we listed them for the team.",
        "**A bold line of more than twelve words is a paragraph that someone emphasised here**",
    ],
)
def test_bold_inside_text_is_not_a_heading(line: str) -> None:
    body = Body(f"## Wrap-up\n\n{line}\n\n{STRENGTHS}\n", 1)
    headings, paras = reading_outline(body, outline(body))
    assert [h.text for h in headings] == ["Wrap-up"]
    assert {p.region for p in paras} == {0}


def test_a_bold_lines_post_that_lacks_the_assessment_fails() -> None:
    text = (
        f"**Why we needed it**\n\n{PROBLEM}\n\n**Trying it on our ratings**\n\n{EXAMPLES}\n\n"
        "**Wrap-up**\n\nIt was a fun week and the team will keep the checks in the nightly "
        "job. Next we want to add checks for the movie catalogue too.\n"
    )
    assert not read(text)["assessment"].found


def test_a_post_that_opens_with_its_verdict_tells_its_problem_after_it() -> None:
    text = (
        f"## Would I recommend it?\n\n{STRENGTHS} {LIMITS}\n\n"
        "## Rewind\n\nOur recommender crashed now and then, and we only found out when a "
        "teammate opened the app. The logs were spread over two machines and rotated daily, "
        "so by the time anyone looked the error was lost. Once a broken export went unnoticed "
        "for four days and broke recommendations for every viewer.\n\n"
        f"## How I set it up\n\n{EXAMPLES}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(CONTENT, "Rewind")]
    assert taken(got["assessment"]) == [(HEADING, "Would I recommend it?")]


def test_a_verdict_first_post_without_a_problem_still_lacks_it() -> None:
    text = (
        f"## Would I recommend it?\n\n{STRENGTHS} {LIMITS}\n\n"
        f"## How I set it up\n\n{EXAMPLES}\n\n## Next\n\nI will try the alerts next week.\n"
    )
    assert not read(text)["problem"].found


LISTICLE_ITEMS = [
    ("It reads our files as they are", "Pointing it at the folder of viewer features worked."),
    ("Scoring is a map", "I loaded the ranker once per worker and scored the movie catalogue."),
    ("It got fast", "The nightly job went from four hours to 31 minutes on two machines."),
]


def test_a_listicles_short_items_are_read_together() -> None:
    items = "\n\n".join(
        f"### #{n} — {title}\n\n{body}" for n, (title, body) in enumerate(LISTICLE_ITEMS, 1)
    )
    text = f"{PROBLEM}\n\n{items}\n\n### #4 — Memory is on you\n\n{LIMITS} {STRENGTHS}\n"
    got = read(text)["examples"]
    assert got.by_content
    assert [p.label for p in got.parts][-2:] == ["2 — Scoring is a map", "3 — It got fast"]


def test_listicle_items_without_the_scenario_are_still_not_examples() -> None:
    items = "\n\n".join(
        f"### #{n} — Lesson {n}\n\nI loaded the sample data and ran the command; it worked."
        for n in range(1, 4)
    )
    text = f"{PROBLEM}\n\n{items}\n\n### #4 — Memory is on you\n\n{LIMITS} {STRENGTHS}\n"
    assert not read(text)["examples"].found


def test_sections_long_enough_to_stand_alone_are_not_read_together() -> None:
    remarks = (
        "The checks now run after every data load and the team reads the report each Monday. "
        "Setting it up took two afternoons, and the two catches above already paid for that "
        "time several times over. Next term we want to add the checks to the job that builds "
        "the features for the search page and share the weekly report with the people who "
        "plan the catalogue, so that they see the same picture of the data as we do. We will "
        "also write a short guide for new team members on how to read the report."
    )
    text = post(
        STANDARD_PROBLEM,
        STANDARD_EXAMPLES,
        f"## Final remarks\n\n{remarks}\n\n## Conclusion\n\nFor a small team it is a quick and "
        "easy safety net; it will not "
        "replace careful thought about your data.",
    )
    assert not read(text)["assessment"].found


@pytest.mark.parametrize(
    ("heading", "names_problem"),
    [
        ("Win 2: spot machines without the pain", False),
        ("No more manual steps", False),
        ("The pain", True),
        ("Not without pain", True),
        ("Where the manual steps hurt", True),
    ],
)
def test_a_negated_problem_word_names_what_the_tool_brings(
    heading: str, names_problem: bool
) -> None:
    text = post(f"## {heading}\n\n{PROBLEM}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT)
    problem = read(text)["problem"]
    assert problem.found
    assert (problem.parts[0].how in (HEADING, HINT)) is names_problem


STORY_PROBLEM = (
    "Our nightly job is a chain of shell scripts: pull the day's watch events, clean them, "
    "retrain the ranker. When one of the scripts failed, the next ones ran anyway on old "
    "files, and nobody got a message."
)


def test_examples_may_refer_to_the_scenario_told_in_the_problem() -> None:
    examples = (
        "I wrote one flow with five tasks, each calling one of our existing scripts, and a "
        "schedule at 2 a.m. I broke the cleaning step on purpose: the run stopped there, kept "
        "the logs of each step and sent a message to our chat."
    )
    text = post(
        f"## Part I: the mess\n\n{STORY_PROBLEM}",
        f"## Part II: five tasks\n\n{examples}",
        STANDARD_ASSESSMENT,
    )
    got = read(text)["examples"]
    assert [p.label for p in got.parts] == ["Part II: five tasks"]
    assert "“our script”" in got.story and "‘Part I: the mess’" in got.story
    assert "watch" in got.story


@pytest.mark.parametrize(
    "examples",
    [
        "I wrote one flow with five tasks on the sample dataset of the quickstart, with a "
        "schedule at 2 a.m. I broke a step on purpose: the run stopped there and kept the logs.",
        "I wrote one flow with five tasks that trains our model, with a schedule at 2 a.m. I "
        "broke a step on purpose: the run stopped there and kept the logs of each step.",
    ],
)
def test_examples_that_refer_to_nothing_the_scenario_told_still_lack_it(examples: str) -> None:
    text = post(
        f"## Part I: the mess\n\n{STORY_PROBLEM}",
        f"## Part II: five tasks\n\n{examples}",
        STANDARD_ASSESSMENT,
    )
    assert not read(text)["examples"].found


@pytest.mark.parametrize(
    ("section", "heading"),
    [
        ("problem", "What was wrong"),
        ("problem", "Problematic"),
        ("examples", "Kicking the tires"),
        ("examples", "Porting our jobs"),
        ("examples", "What we shipped"),
        ("examples", "Usage"),
        ("assessment", "The fine print"),
        ("assessment", "My take"),
        ("assessment", "Scorecard"),
        ("assessment", "Pet peeves"),
        ("assessment", "Dealbreakers?"),
    ],
)
def test_more_families_of_section_titles(section: str, heading: str) -> None:
    parts = {
        "problem": STANDARD_PROBLEM,
        "examples": STANDARD_EXAMPLES,
        "assessment": STANDARD_ASSESSMENT,
    }
    body = {"problem": PROBLEM, "examples": EXAMPLES, "assessment": f"{STRENGTHS} {LIMITS}"}
    parts[section] = f"## {heading}\n\n{body[section]}"
    got = read(post(parts["problem"], parts["examples"], parts["assessment"]))[section]
    assert taken(got) == [(HEADING, heading)]


@pytest.mark.parametrize(
    ("section", "heading"),
    [("problem", "Backstory"), ("assessment", "Retrospective"), ("assessment", "Scorekeeping")],
)
def test_generic_titles_count_when_the_text_agrees(section: str, heading: str) -> None:
    parts = {
        "problem": f"## {heading}\n\n{PROBLEM}" if section == "problem" else STANDARD_PROBLEM,
        "assessment": f"## {heading}\n\n{STRENGTHS} {LIMITS}"
        if section == "assessment"
        else STANDARD_ASSESSMENT,
    }
    got = read(post(parts["problem"], STANDARD_EXAMPLES, parts["assessment"]))[section]
    assert taken(got) == [(HINT, heading)]


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        # as the renderer reads them: <code>a `quoted` name</code>, <code>ratings and ``two</code>
        ("run `ratings_daily` then ``a `quoted` name``", "ratings_daily a `quoted` name"),
        ("an unclosed `ratings and ``two`", "ratings and ``two"),
        ("only ``one run", ""),
        ("a line of " + "`" * 5_000, ""),
        ("`a" * 2_000, " ".join(["a"] * 1_000)),
    ],
)
def test_inline_code_spans_pair_runs_of_one_length(line: str, spans: str) -> None:
    body = Body(line + "\n", 1)
    [paragraph] = paragraphs(body, outline(body))
    assert paragraph.code == spans


@pytest.mark.parametrize(
    ("markdown", "items"),
    [
        # each item with its inline code; a lead-in line before the list is a statement too
        (
            "What I noted:\n- I spent an evening on `ack` deadlines\n  and ordering keys.\n"
            "- What a viewer *watched* is late.\n",
            (
                "What I noted:",
                "I spent an evening on deadlines and ordering keys. ack",
                "What a viewer watched is late.",
            ),
        ),
        ("1. Install it.\n2) Run `make`.\n", ("1. Install it.", "2) Run . make")),
        # prose, or a list of one, is one statement: the paragraph itself
        ("We run a movie service.\nIt logs each watch event.\n", ()),
        ("- Only one item here.\n", ()),
        # a memo's header block: each field a statement (batch 1419)
        (
            "**To:** Team 7 (movie recommender)\n**From:** me\nRe: why I think we should\n",
            ("To: Team 7 (movie recommender)", "From: me", "Re: why I think we should"),
        ),
        # a field further down a paragraph of prose is not one
        ("We ran it nightly.\nResult: 4 fewer errors.\n", ()),
    ],
)
def test_a_list_paragraph_keeps_its_items(markdown: str, items: tuple[str, ...]) -> None:
    body = Body(markdown, 1)
    [paragraph] = paragraphs(body, outline(body))
    assert paragraph.items == items


# --- structures of held-out batch 8: lab reports, chapters, feature-by-feature reviews ----


def test_a_lab_report_is_read_by_its_academic_headings() -> None:
    text = (
        f"## Objective\n\n{PROBLEM}\n\n## Procedure\n\n{EXAMPLES}\n\n"
        f"## Discussion\n\n{STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(HINT, "Objective")]
    assert taken(got["examples"]) == [(HINT, "Procedure")]
    assert taken(got["assessment"]) == [(HINT, "Discussion")]


def test_a_discussion_without_limitations_is_not_the_assessment() -> None:
    text = (
        f"## Objective\n\n{PROBLEM}\n\n## Procedure\n\n{EXAMPLES}\n\n## Discussion\n\n"
        "The checks caught every bad export and the team liked the reports. Next we will add "
        "checks for the movie catalogue.\n"
    )
    assert not read(text)["assessment"].found


def test_the_opening_section_goes_to_the_problem_it_reads_like() -> None:
    text = (
        "## Chapter 1: A model nobody could rebuild\n\nIn October someone asked which data "
        "had trained the recommender that was live in September. We could not say: the "
        "ratings table had been rewritten in place, the cleaning notebook had changed, and "
        "the model file pointed to neither. When the new model turned out worse, we could not "
        "even rebuild the old one to compare.\n\n"
        f"## Chapter 2: Putting the data under version control\n\n{EXAMPLES}\n\n"
        "## Chapter 3: Solving the mystery\n\nI loaded six weekly exports and rebuilt the "
        "fourth model from its ratings commit; the good one came back bit for bit.\n\n"
        f"## Epilogue\n\n{STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(HINT, "Chapter 1: A model nobody could rebuild")]
    assert [p.label for p in got["examples"].parts] == [
        "Chapter 2: Putting the data under version control",
        "Chapter 3: Solving the mystery",
    ]
    assert [p.label for p in got["assessment"].parts] == ["Epilogue"]


FEATURES = [
    (
        "Search",
        "I connected it to our warehouse, loaded the viewing history and ratings tables and "
        "wrote descriptions for the movie columns; searching for watch found the viewing "
        "tables at once. What doesn't work: descriptions are only as good as whoever writes "
        "them.",
    ),
    (
        "Lineage",
        "The graph shows which job builds the movie features. However, jobs outside "
        "dbt show no lineage unless you send it by hand.",
    ),
    (
        "Tests",
        "I added four tests on the ratings table. Handy, but the test types are basic "
        "and we still need another tool for drift.",
    ),
    (
        "Running it",
        "It needs a server, a search engine and a database: four services and "
        "4 GB of memory for a student project. Upgrades changed the configuration twice.",
    ),
]


def test_limitations_discussed_feature_by_feature_are_the_assessment() -> None:
    sections = "\n\n".join(f"## Feature: {name}\n\n{body}" for name, body in FEATURES)
    readings = read(f"{PROBLEM}\n\n{sections}\n")
    assert readings["examples"].found
    got = readings["assessment"]
    assert got.by_content  # read together or discussed along the way (v03 in the corpus)
    assert [p.label for p in got.parts] == [
        "Feature: Lineage",
        "Feature: Tests",
        "Feature: Running it",
    ]


def test_incidental_hiccups_in_a_walkthrough_are_not_an_assessment() -> None:
    steps = (
        "## Step 1: Install\n\nI had to install Java first, but then it ran.\n\n"
        "## Step 2: Load the ratings\n\nI loaded our movie ratings; the first run was slow.\n\n"
        "## Step 3: Check them\n\nThe checks flagged the bad day of viewer ratings.\n\n"
        "## Wrap-up\n\nA great tool, easy to set up; we will keep it.\n"
    )
    assert not read(f"{PROBLEM}\n\n{steps}")["assessment"].found


def test_an_untitled_opening_that_tells_the_problem_plainly_is_the_problem() -> None:
    opening = (
        "Our course project has grown to fourteen tables and six jobs, and nobody can tell "
        "what half of them contain. New teammates ask in chat which table holds the cleaned "
        "viewing history and who owns the job that writes the movie features; the answers "
        "live in people's heads, and when someone is away the team pauses."
    )
    lineage = (
        "## Feature: lineage\n\nThe graph answered the question in a minute: nothing reads "
        "the old table. Jobs outside dbt show no lineage at all unless you send it by hand."
    )
    search = (
        "## Feature: search\n\nI connected it to our warehouse and wrote descriptions for the "
        "columns of the ratings table; searching found the viewing history tables at once."
    )
    text = f"{opening}\n\n{search}\n\n{lineage}\n\n{STANDARD_ASSESSMENT}\n"
    problem = read(text)["problem"]
    assert problem.by_content
    assert [p.label for p in problem.parts] == ["the text before the first heading"]


def test_an_untitled_opening_that_tells_a_security_problem_is_the_problem() -> None:
    """A risk told in security words ("leak", "anyone could", "unencrypted") is a problem
    as much as an outage is."""
    opening = (
        "Our admin route switches the live recommendation model and is protected by a "
        "token, but it was called over plain, unencrypted HTTP across the university "
        "network. Anyone could sniff the token and swap our model, and every response "
        "of the endpoint would leak what a given user is likely to watch next."
    )
    setup = (
        "## 1. It only does TLS\n\nI put the proxy in front of gunicorn on the team VM "
        "and moved the admin route behind it; the config fits on one screen and the "
        "recommendation traffic now arrives over TLS."
    )
    text = f"{opening}\n\n{setup}\n\n{STANDARD_ASSESSMENT}\n"
    problem = read(text)["problem"]
    assert [p.label for p in problem.parts] == ["the text before the first heading"]


def test_a_short_untitled_opening_is_not_a_problem_section() -> None:
    text = (
        "This post is about a data catalog; nobody on our team had used one.\n\n"
        f"{STANDARD_EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    )
    assert not read(text)["problem"].found


# --- structures of held-out batch 9: Roman numerals, dated entries, essays with
# appendices, a tool's description before any problem -------------------------------------


def test_roman_numerals_are_numbers_and_ambiguous_words_need_the_text() -> None:
    text = (
        f"## I. A complaint we could not answer\n\n{PROBLEM}\n\n"
        f"## II. Measuring the gap\n\n{EXAMPLES}\n\n"
        f"## III. Where it helps and where it does not\n\n{STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(HINT, "I. A complaint we could not answer")]
    assert [p.label for p in got["examples"].parts] == ["II. Measuring the gap"]
    assert [p.label for p in got["assessment"].parts] == [
        "III. Where it helps and where it does not"
    ]


def test_a_word_inside_a_longer_phrase_hints_only_with_the_phrase() -> None:
    text = post(
        STANDARD_PROBLEM,
        STANDARD_EXAMPLES,
        "## Next steps\n\nI tested it on more viewer ratings and logged the results; next we "
        "will compare two models.",
    )
    got = read(text)
    assert [p.label for p in got["examples"].parts] == ["How it helps with our movie ratings"]
    assert not got["assessment"].found


def test_dated_entries_of_a_walkthrough_are_not_read_as_the_assessment() -> None:
    text = (
        f"## 2026-10-10\n\n{PROBLEM}\n\n## 2026-10-12\n\nI installed it and wrote forty test "
        "cases from our viewer questions; good ones, but a few were like the old ones.\n\n"
        "## 2026-10-13\n\nI ran the suite: the new prompt passed 37 of 40 movie questions, "
        "and the report listed each failure; a limited set, so we added more.\n\n"
        "## 2026-10-14: next steps\n\nWe will add more questions each week.\n"
    )
    assert not read(text)["assessment"].found


def test_a_description_of_the_tool_at_the_start_is_not_the_problem() -> None:
    description = (
        "Guardrails is an open-source Python framework that wraps calls to large language "
        "models with validators. A guard checks the output against rules you declare and can "
        "re-ask the model, fix the output or raise an error when a rule fails."
    )
    text = f"## Meet Guardrails\n\n{description}\n\n{STANDARD_EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    assert not read(text)["problem"].found


@pytest.mark.parametrize(
    ("closing", "found"),
    [
        # the writer's voice only in a sentence about the post: still a description
        (
            "In this post I walk through how I used it in our team's Kafka consumer for "
            "the movie recommendation project, step by step.",
            False,
        ),
        # ... or about the essay, the report, the notes
        (
            "For our course I set it up on the team VM that serves our movie "
            "recommendations, and this essay describes how we used it.",
            False,
        ),
        # the voice inside the definition ("in our case") is the definition's
        (
            "Colander is a library for typed values in any service, in our case the Kafka "
            "consumer of the movie recommender.",
            False,
        ),
        # told as what happened to the team: a problem
        (
            "Until then our consumer cast every field by hand, and a malformed event "
            "crashed it twice in one week without anyone noticing until the next morning.",
            True,
        ),
    ],
)
def test_a_definition_whose_only_voice_is_about_the_post_tells_no_problem(
    closing: str, found: bool
) -> None:
    """An untitled opening that defines the tool ("nothing stops you from using it on
    other data") is read as the problem only when it tells what happened to someone; a
    sentence about the post lends it no voice."""
    opening = (
        "Colander is a small Python library for describing data as schemas and then "
        "deserializing strings into typed values, with validation. It is mostly used for "
        f"web forms, but nothing stops you from using it on other data. {closing}"
    )
    steps = (
        "## Step 1: a schema per event\n\nI wrote one schema for the watch events and one "
        "for the ratings of our movie recommender, and ran them on a day of the stream: "
        "312 of 2.1 million events failed, all of them ratings with an empty movie id."
    )
    text = f"{opening}\n\n{steps}\n\n{STANDARD_ASSESSMENT}\n"
    assert read(text)["problem"].found is found


def _tutorial(early: bool) -> str:
    """A tutorial that defines its tool and goes through numbered steps; one paragraph
    tells, in the writer's voice and weakly, what was wrong: first or halfway through."""
    weak = (
        "We waited a minute for the table to load, then dropped the rows of watch minutes "
        "that have no user id, which the chart had shown as one long bar at zero for the "
        "first day of the stream of our service."
    )
    definition = (
        "Databricks is a hosted platform for Spark notebooks, clusters and jobs. This is "
        "a walkthrough of the steps I followed on it for our movie recommender."
    )
    steps = [
        f"## {title}\n\n{text}"
        for n, title, text in [
            (1, "Create a cluster", "I created a single-node cluster with the ML runtime."),
            (2, "Upload the data", "I uploaded a day of watch events as a CSV file."),
            (3, "Load it in a notebook", "I read the CSV into a DataFrame and cast its columns."),
            (4, "Look at it", weak if not early else "The notebook draws a chart of a table."),
            (
                5,
                "Train",
                "I trained ALS on the watch minutes of our movie recommender: "
                "precision at 20 went from 0.08 to 0.11 on last week's ratings.",
            ),
            (6, "Export", "I exported the model and loaded it in our own API on the VM."),
        ]
    ]
    opening = f"{weak} {definition}" if early else definition
    return "\n\n".join([opening, *steps, STANDARD_ASSESSMENT]) + "\n"


@pytest.mark.parametrize("early", [True, False])
def test_weaker_evidence_of_a_problem_counts_only_early_in_the_post(early: bool) -> None:
    """Text that tells a problem only weakly ("wait", "dropped") in the writer's voice is
    the problem when the post opens with it, not when it lies halfway through its steps."""
    assert read(_tutorial(early))["problem"].found is early


def test_a_course_may_let_weaker_evidence_reach_further() -> None:
    """`evidence_reach` is course data: at 100 (percent of the post) the same late text
    serves the problem."""
    from dataclasses import replace

    sections = tuple(
        replace(section, cues=replace(section.cues, evidence_reach=100))
        for section in OPTION.sections
    )
    assert read(_tutorial(False), replace(OPTION, sections=sections))["problem"].found


@pytest.mark.parametrize(
    ("first", "found"), [("1. Start the database", False), ("Before we started", True)]
)
def test_the_first_step_of_a_walkthrough_is_no_problem_section(first: str, found: bool) -> None:
    """A section of the numbered series whose later members are the walkthrough ("1." before
    "2.", "3.") is one of its steps, even when its text has problem words (a wait, a
    crash); the same text under a heading of its own tells the problem."""
    text = (
        "PostgreSQL is an open-source relational database.\n\n"
        f"## {first}\n\n"
        "The first start took minutes: we had to wait while it initialised the cluster, "
        "it crashed twice on a full disk, and nobody on the team knew which of our "
        "tables were out of date or broken until we looked.\n\n"
        "## 2. Schema for the ratings\n\nI created the tables for the ratings and watch "
        "events of our movie recommender, with a primary key on user and movie.\n\n"
        "## 3. Loading the stream\n\nOur consumer now writes each rating with an upsert: "
        "a day of the stream, 2.1 million events, loads in 4 minutes.\n\n"
        f"{STANDARD_ASSESSMENT}\n"
    )
    assert read(text)["problem"].found is found


def test_an_appendix_names_no_requirement() -> None:
    text = post(
        STANDARD_PROBLEM,
        "## Appendix A: setup\n\nOne pip command installs it.",
        STANDARD_ASSESSMENT,
    )
    assert not read(text)["examples"].found


def test_an_untitled_essay_moves_on_from_the_problem_to_the_examples() -> None:
    essay = (
        f"{PROBLEM}\n\n"
        "Instead of examples, I wrote properties that must hold for every viewer and tested "
        "them on our movie ratings; the first run took two minutes.\n\n"
        f"{EXAMPLES}\n\n{STRENGTHS} {LIMITS}\n\n## Appendix A: setup\n\nOne pip command.\n"
    )
    got = read(essay)
    assert got["problem"].found and got["examples"].found and got["assessment"].found
    assert "Instead of examples" not in got["problem"].text
    assert "Instead of examples" in got["examples"].text


@pytest.mark.parametrize(
    ("heading", "shown"),
    [
        ("## Using `great_expectations` checkpoints", "Using greatexpectations checkpoints"),
        ("## `# TODO: tune hyperparameters properly`", "# TODO: tune hyperparameters properly"),
        ("## `automl.fit(X_train, y_train)`", "automl.fit(Xtrain, ytrain)"),
        ("`pip install feast`\n------------------", "pip install feast"),
    ],
)
def test_a_heading_with_inline_code_keeps_its_line_and_its_text(heading: str, shown: str) -> None:
    body = Body(f"Opening words.\n\n{heading}\n\nThe text under it.\n\n## Next\n\nMore.\n", 1)
    found = outline(body)
    assert [h.line for h in found] == [3, 8 if heading.count("\n") else 7]
    assert found[0].text.replace("_", "") == shown
    regions = {p.text: p.region for p in paragraphs(body, found)}
    assert regions == {"Opening words.": -1, "The text under it.": 0, "More.": 1}


@pytest.mark.parametrize(
    "title",
    [
        "Why our movie recommender needed Pandera",  # "why" names the problem
        "Pandera in practice: a hands-on review",  # "hands on" and "review" name others
        "Pros and cons of schema checks",
    ],
)
def test_a_title_heading_over_the_whole_post_names_nothing(title: str) -> None:
    text = f"# {title}\n\n" + post(STANDARD_PROBLEM, STANDARD_EXAMPLES, STANDARD_ASSESSMENT)
    got = read(text)
    assert taken(got["problem"]) == [(HEADING, "The problem")]
    assert taken(got["examples"]) == [(HEADING, "How it helps with our movie ratings")]
    assert taken(got["assessment"]) == [(HEADING, "Strengths and limitations")]


def test_a_first_heading_with_sections_after_it_at_its_level_is_not_a_title() -> None:
    text = (
        "# Why bother\n\n"
        + PROBLEM
        + "\n\n## Background\n\nWe run a small movie streaming service.\n\n"
        + "# How it helps with our movie ratings\n\n"
        + EXAMPLES
        + "\n\n# Strengths and limitations\n\n"
        + f"{STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert taken(got["problem"])[0] == (HEADING, "Why bother")


def test_problem_words_inside_the_walkthrough_are_no_problem_section() -> None:
    """A feature tour that never says why the tool is needed: a paragraph with problem
    words ("would slow down", "mistake") between two parts of the walkthrough is advice
    in passing, not the post's problem; the same paragraph before the walkthrough is."""
    advice = (
        "Keep the user id out of the labels. One label value per viewer would create "
        "thousands of streams and queries would slow down badly; this is the most common "
        "mistake, and it is hard to undo because old chunks keep the broken labels."
    )
    intro = "This post is a tour of the tool's main features with our movie service logs."
    tour = (
        f"{intro}\n\n## Installation\n\n{EXAMPLES}\n\n## Labels\n\n{advice}\n\n"
        f"## Queries\n\n{EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    )
    assert not read(tour)["problem"].found
    told_first = (
        f"{intro} {advice}\n\n## Installation\n\n{EXAMPLES}\n\n## Queries\n\n{EXAMPLES}\n\n"
        f"{STANDARD_ASSESSMENT}\n"
    )
    problem = read(told_first)["problem"]
    assert taken(problem) == [(CONTENT, "the text before the first heading")]


def test_a_one_section_post_reads_its_problem_before_its_examples() -> None:
    """One heading over the whole post: the problem is the text before the paragraphs the
    examples take, though the examples' heading stands above both."""
    one = f"## My week with the tool\n\n{PROBLEM}\n\n{EXAMPLES}\n\n{STRENGTHS} {LIMITS}\n"
    readings = read(one)
    assert readings["problem"].found and readings["examples"].found
    assert readings["problem"].parts[0].lines[0] < readings["examples"].parts[0].lines[0]


def test_the_assignment_is_no_problem_of_the_tool() -> None:
    """An introduction about the assignment ("we had to pick a tool") or the writer's own
    learning ("the challenge for me") is no problem statement; the same introduction with
    what goes wrong without the tool is."""
    intro = (
        "For this assignment we had to pick a tool we had never used, and I picked an "
        "experiment tracker. The biggest challenge for me was learning its query language. "
        "This post covers installing it and how I used it on our movie recommender."
    )
    rest = f"## Installing\n\n{EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    assert not read(f"{intro}\n\n{rest}")["problem"].found
    problem = read(f"{intro} {PROBLEM}\n\n{rest}")["problem"]
    assert taken(problem) == [(CONTENT, "the text before the first heading")]


def test_without_a_problem_the_walkthrough_still_takes_its_sections() -> None:
    """No problem anywhere: the sections after the examples' first part and before the
    assessment still belong to the walkthrough (nothing before it to bound it)."""
    text = f"## Installing\n\n{EXAMPLES}\n\n## Second pass\n\n{EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    got = read(text)
    assert not got["problem"].found
    assert [p.label for p in got["examples"].parts] == [
        "Installing",
        "Second pass",
    ]


def test_a_tutorials_first_step_can_tell_the_problem() -> None:
    """ "Step 0: …" belongs to the series of steps by its heading, but its text is the
    post's problem, which nothing else tells."""
    step0 = (
        "Every night our team has to export the day's ratings, fetch new movies from the "
        "catalog API, retrain the recommender and copy the model to the serving folder:\n\n"
        "1. Export the ratings\n2. Fetch the movies\n3. Retrain\n4. Copy the model\n\n"
        "Until last week these were four cron entries half an hour apart. Here is what "
        "went wrong in two weeks:\n\n"
        "- The catalog API was slow one night, so training started on incomplete data.\n"
        "- Training crashed out of memory and nobody noticed for three days.\n"
        "- When something failed, the logs were in four different files.\n\n"
        "The problem is not one script but the orchestration: dependencies, retries and "
        "knowing what ran and when."
    )
    text = (
        "# From cron jobs to a flow\n\nIn this tutorial we turn our scripts into a workflow.\n\n"
        f"## Step 0: Our nightly jobs\n\n{step0}\n\n## Step 1: Install\n\n{EXAMPLES}\n\n"
        f"## Step 2: Schedule it\n\n{EXAMPLES}\n\n## Step 3: Get notified\n\n{EXAMPLES}\n\n"
        f"{STANDARD_ASSESSMENT}\n"
    )
    got = read(text)
    assert [p.label for p in got["problem"].parts] == ["Step 0: Our nightly jobs"]
    assert "Step 0: Our nightly jobs" not in [p.label for p in got["examples"].parts]
    assert "Step 3: Get notified" in [p.label for p in got["examples"].parts]


def test_a_comparison_that_is_the_walkthrough_serves_the_examples() -> None:
    """ "Task-by-task comparison" may be a verdict or, as here, the walkthrough itself in
    subsections (with a "but" or two, as comparisons have); the post's own "Where it falls
    short" is its assessment."""
    plain = "With plain files this still had to be a rewrite script, but here it was one call."
    text = (
        f"{STANDARD_PROBLEM}\n\n## Task-by-task comparison\n\n"
        f"### 1. Appending\n\n{EXAMPLES} {plain}\n\n"
        f"### 2. Deleting rows\n\n{EXAMPLES} {plain}\n\n"
        f"## Where it falls short\n\n{STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert [p.label for p in got["examples"].parts] == ["Task-by-task comparison"]
    assert [p.label for p in got["assessment"].parts] == ["Where it falls short"]


def test_a_section_named_for_the_examples_is_not_read_as_the_problem() -> None:
    """Problem words in a section whose heading names the examples ("Installation":
    "you need a cluster", "it fails until…") belong to that section, which the examples
    take; the post never says why the tool is needed."""
    install = (
        "You need a running cluster first, which was hard on our small VM: the manifests "
        "failed until I gave the node more memory, and the dashboard stayed broken until "
        "the next restart. Without the right version of the SDK nothing compiles."
    )
    text = (
        "## Introduction\n\nThis post describes the tool and how I used it on our movie "
        f"recommender.\n\n## Installation\n\n{install}\n\n## Key concepts\n\nA pipeline "
        "is a graph of components; each component runs in its own container.\n\n"
        f"## Our movie pipeline\n\n{EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    )
    got = read(text)
    assert not got["problem"].found
    assert "Installation" in [p.label for p in got["examples"].parts]


@pytest.mark.parametrize(
    ("heading", "names_problem"),
    [
        ("Consumer groups = the fix for problem 1", False),
        ("Solving the cold-start problem with a feature store", False),
        ("How we tackled the flaky-retraining problem", False),
        ("Did it actually help find a problem?", False),
        ("Problem 1: we lost data", True),
        ("The problem nobody fixed", True),
    ],
)
def test_a_problem_word_after_a_remedy_names_the_remedy(heading: str, names_problem: bool) -> None:
    """ "The fix for problem 1" is about the fix: it names the problem only as what the
    tool remedies. A remedy word after the problem word changes nothing."""
    parts = read(f"## {heading}\n\n{PROBLEM}\n")["problem"].parts
    assert bool(parts and parts[0].how in (HEADING, HINT)) is names_problem


def test_remedy_sections_after_the_problem_are_the_walkthrough() -> None:
    """A post that states two problems, then a section fixing each, then its verdict: the
    fixing sections are how the tool helps, not more of the problem."""
    text = (
        f"## The problem (two of them)\n\n{PROBLEM}\n\n"
        f"## Setup\n\n{EXAMPLES}\n\n"
        f"## Consumer groups = the fix for problem 1\n\n{EXAMPLES}\n\n"
        f"## Replaying = the fix for problem 2\n\n{EXAMPLES}\n\n"
        f"{STANDARD_ASSESSMENT}\n"
    )
    got = read(text)
    assert [p.label for p in got["problem"].parts] == ["The problem (two of them)"]
    assert [p.label for p in got["examples"].parts] == [
        "Setup",
        "Consumer groups = the fix for problem 1",
        "Replaying = the fix for problem 2",
    ]


def test_without_a_verdict_the_walkthrough_runs_on_to_the_closing_section() -> None:
    """No assessment after the walkthrough: its later sections are still the walkthrough,
    so only the closing section is left over, and a short one does not soften the
    missing verdict into "the gate may have missed it"."""
    project = (
        "I loaded four hundred movie synopses from our catalogue and tagged each with a mood. "
        "The tagging view showed the poster and the synopsis side by side, and keyboard "
        "shortcuts made each movie take a few seconds. "
    ) * 3
    text = (
        f"## Installing and starting\n\n{EXAMPLES}\n\n"
        f"## Project 1: mood tags\n\n{project}\n\n"
        f"## Project 2: reviewing lists\n\n{project}\n\n"
        f"## Exporting\n\n{EXAMPLES}\n\n"
        "## Summary\n\nWe installed it, tagged movies, reviewed lists and exported the tags.\n"
    )
    got = read(text)
    assert [p.label for p in got["examples"].parts] == [
        "Installing and starting",
        "Project 1: mood tags",
        "Project 2: reviewing lists",
        "Exporting",
    ]
    assessment = got["assessment"]
    assert not assessment.found
    assert [part.label for part, _words in assessment.unplaced] == ["Summary"]


def test_a_series_of_lessons_before_a_verdict_is_not_the_verdict() -> None:
    """ "Lesson 1 … Lesson 3" then "Verdict": the lessons tell what was done with the tool
    and the verdict weighs it. "lessons" hints at the assessment only when no heading names
    it."""
    lessons = [
        (
            "Write down the servers",
            "Our whole movie recommendation service fit in sixty lines of configuration, "
            "and applying it created the bucket, the firewall rule and the machine in two "
            "minutes.",
        ),
        (
            "Always read the plan",
            "The plan shows what would change before anything happens. It saved us once: a "
            "new image meant a new machine and a new address, which would have broken the "
            "service, so we scheduled it for the night. But it only works if you read it.",
        ),
        (
            "The state file is a liability",
            "It remembers what it created in a state file. Lose it and it no longer knows "
            "what it owns; two laptops with two copies get confusing fast, so we had to move "
            "it to shared storage with a lock.",
        ),
    ]
    series = "".join(
        f"## Lesson {n}: {title}\n\n{text}\n\n" for n, (title, text) in enumerate(lessons, 1)
    )
    got = read(f"{PROBLEM}\n\n{series}## Verdict\n\n{STRENGTHS} {LIMITS}\n")
    assert [p.label for p in got["assessment"].parts] == ["Verdict"]
    assert got["examples"].parts[0].label == "Lesson 1: Write down the servers"
    # without a heading naming the verdict, the lessons are the lessons learned
    alone = read(f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n{series}")
    assert "Lesson 3: The state file is a liability" in [p.label for p in alone["assessment"].parts]


def test_a_verdict_in_the_closing_paragraph_is_the_assessment() -> None:
    """Two headings, and the verdict told in the walkthrough's last paragraph."""
    closing = (
        "Overall it was super useful for our recommender and easy to run locally. The "
        "downsides for us were that it only helps with one part of the pipeline, and its "
        "local store got slow after a few thousand traces, so we had to move it to a database."
    )
    text = f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n{EXAMPLES}\n\n{closing}\n"
    assessment = read(text)["assessment"]
    assert assessment.found and assessment.parts[0].how == CONTENT
    assert "downsides" in assessment.parts[0].text
    praise = (
        "Overall it was super useful for our recommender, easy to run locally and fast, "
        "and I would recommend it to every team."
    )
    text = f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n{EXAMPLES}\n\n{praise}\n"
    assert not read(text)["assessment"].found
    unopened = closing.removeprefix("Overall it").replace("was", "It was", 1)
    text = f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n{EXAMPLES}\n\n{unopened}\n"
    assert not read(text)["assessment"].found  # not told as a verdict


def test_what_something_looks_like_is_no_liking() -> None:
    """ "What does the lineage look like?" shows the lineage: "like" is no "liked"."""
    text = (
        f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n"
        f"## What does the lineage look like?\n\n{EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    )
    got = read(text)
    assert "What does the lineage look like?" not in [p.label for p in got["assessment"].parts]
    assert "What does the lineage look like?" in [p.label for p in got["examples"].parts]


def test_a_summary_with_only_weak_limitation_words_is_no_verdict() -> None:
    """A closing summary that retells the problem ("our fragile scripts") and what the tool
    needs no more of weighs nothing: words as common in praise as in a limitation
    (`weak`) do not confirm it. One limitation of the tool does."""
    summary = (
        "It turned our fragile export scripts into a tested pipeline that needs no manual "
        "step, and it depends on the database we already run. It is easy to "
        "learn and a great fit for any team that retrains a recommender every night."
    )
    text = f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n## Conclusion\n\n{summary}\n"
    assert not read(text)["assessment"].found
    weighed = f"{summary} However, its error messages were confusing."
    text = f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n## Conclusion\n\n{weighed}\n"
    assert [p.label for p in read(text)["assessment"].parts] == ["Conclusion"]


def test_limitations_along_the_way_need_more_than_weak_words() -> None:
    """Limitation words spread over a walkthrough serve the assessment only when some of
    them weigh the tool: "needs", "still", "memory", "instead", "separate" alone tell how
    it was used."""
    setup = (
        "The server needs a separate container and keeps its index in memory; we still run "
        "the old export instead of replacing it, and the job must finish before training."
    )
    plain = "We tried it on our movie ratings and it flagged the late export on the first night."
    sections = "".join(f"## Step {n}\n\n{setup} {plain}\n\n" for n in range(1, 4))
    text = f"{STANDARD_PROBLEM}\n\n{sections}## Summary\n\nIt was easy and fast.\n"
    assert not read(text)["assessment"].found
    weighing = (
        "The server needs a separate container and keeps its index in memory, but the docs "
        "are confusing, drift checks are limited and large tables are slow."
    )
    sections = "".join(f"## Step {n}\n\n{weighing} {plain}\n\n" for n in range(1, 4))
    text = f"{STANDARD_PROBLEM}\n\n{sections}## Summary\n\nIt was easy and fast.\n"
    assert read(text)["assessment"].found


@pytest.mark.parametrize(
    ("heading", "names_problem"),
    [
        ("Why I like it for ML systems", False),
        ("Why it worked so well for us", False),
        ("Why it was a great fit", False),
        ("Why I'm a fan", False),
        ("Why we became big fans of it", False),
        ("Why our retraining kept failing", True),
        ("Why nobody liked the old pipeline", True),
        ('The gap between "it works on my VM" and "it is deployed"', True),
        ("Closing the gap between training and serving", False),
    ],
)
def test_a_why_heading_that_praises_the_tool_is_not_the_problem(
    heading: str, names_problem: bool
) -> None:
    """ "Why I like it" gives reasons for liking the tool, not the problem it solves. "The gap
    between A and B" is a problem, though "deployed" names the walkthrough; closing the gap
    is the remedy."""
    parts = read(f"## {heading}\n\n{PROBLEM}\n")["problem"].parts
    assert bool(parts and parts[0].how in (HEADING, HINT)) is names_problem


def test_a_problem_section_that_runs_on_into_the_walkthrough_serves_both() -> None:
    """Two headings: "Why a gateway at all" states the problem, then tells the setup and
    what happened. Its first paragraphs stay the problem; the rest is the walkthrough."""
    walkthrough = (
        "We ran it with docker compose on our team server and moved the movie recommendation "
        "port behind it. I wrote one route with a rate limit and a ten percent split to our "
        "new model, then tested it with a load test of 400 requests per second: the excess "
        "got 429 responses while the simulator's traffic kept flowing, and the logged "
        "requests showed which model served each viewer."
    )
    text = (
        f"## Why a gateway at all\n\n{PROBLEM}\n\n{PROBLEM}\n\n{walkthrough}\n\n{walkthrough}\n\n"
        f"## What we liked and what we did not\n\n{STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert [p.how for p in got["problem"].parts] == [HEADING]
    examples = got["examples"]
    assert [(p.how, p.label) for p in examples.parts] == [(CONTENT, "Why a gateway at all")]
    assert "docker compose" in examples.text and "stale data" not in examples.text
    assert "stale data" in got["problem"].text and "docker compose" not in got["problem"].text
    # a problem section with no walkthrough in it still leaves the examples missing
    lone = text.replace(walkthrough, PROBLEM)
    assert not read(lone)["examples"].found


@pytest.mark.parametrize(
    ("heading", "names_verdict"),
    [
        ("Policy 2: every container needs memory limits", False),
        ("Rate limiting the recommendation API", False),
        ("Resource limits for the training job", False),
        ("3. Put limits on it that match production", False),
        ("Q: How did you limit the TMDB calls?", False),
        ("How to limit what the workers take", False),
        ("Limits we hit", True),
        ("Q: Did you hit its limits?", True),
        ("Where it hits its limits", True),
    ],
)
def test_a_limit_the_post_configures_is_not_the_tools_limit(
    heading: str, names_verdict: bool
) -> None:
    """ "Memory limits" and "rate limiting" are settings of the walkthrough, not a verdict."""
    text = f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n## {heading}\n\n{EXAMPLES}\n"
    parts = read(text)["assessment"].parts
    assert bool(parts and parts[0].how == HEADING) is names_verdict


NAMED_STORY = (
    "Our movie recommender runs as two services on a small cluster: the `reco-api` "
    "Deployment answers the apps, and a nightly Airflow job retrains the ranker from the "
    "day's watch events. When the job failed, nobody noticed until the next morning."
)
TRAFFIC = (
    "I installed the tool with one command, put it in front of the `reco-api` "
    "Deployment and replayed an hour of requests through it: 3,200 calls, 14 of them "
    "slower than 200 ms, all after a retrain. I configured an alert for that case, and "
    "we saw it fire twice in one week; the dashboard showed each slow call."
)


def _traffic(story: str, examples: str = TRAFFIC) -> str:
    """A post whose problem tells `story` and whose walkthrough is `examples`."""
    return post(
        f"## Part I: the mess\n\n{story}",
        f"## Part II: an hour of traffic\n\n{examples}",
        STANDARD_ASSESSMENT,
    )


@pytest.mark.parametrize(
    ("examples", "found"),
    [
        # the walkthrough names a thing of the story told as the writer's own: `reco-api`
        (
            TRAFFIC,
            True,
        ),
        # the same walkthrough on the vendor's sample app names nothing of the story
        (
            TRAFFIC.replace("the `reco-api` Deployment", "the `shop-demo` sample app"),
            False,
        ),
    ],
)
def test_examples_that_go_on_with_the_writers_own_story(examples: str, found: bool) -> None:
    got = read(_traffic(NAMED_STORY, examples))["examples"]
    assert got.found is found
    if found:
        assert "“reco-api”" in got.story and "line 3" in got.story


def test_a_story_only_imagined_ties_nothing() -> None:
    """The scenario told as what a service could do is no story of the writer's own."""
    imagined = NAMED_STORY.replace("Our movie recommender runs", "A movie recommender could run")
    text = _traffic(imagined)
    assert not read(text)["examples"].found


DAY_ZERO = (
    "## Day 0: why we even looked\n\n"
    "Our movie recommender runs on one shared cluster: the `reco-api` Deployment answers the "
    "apps and a Kafka consumer reads the watch events. Staging is one namespace for four of "
    "us, so one teammate's deploy silently replaced another's, and nobody could test a "
    "change to the whole cluster without risking production."
)


def _diary(service: str) -> str:
    days = [
        f"## Day 1: first environment\n\nI installed the command line tool and created an "
        f"environment in 40 seconds, then deployed `{service}` into it with our usual Helm "
        "chart. It started on the first try and I connected to it from my laptop.",
        f"## Day 2: traffic\n\nI replayed an hour of requests against `{service}` in the new "
        "environment and logged the latency: p95 was 48 ms, the same as in staging. Then I "
        "deleted the environment and measured how long a fresh one took: 38 seconds.",
    ]
    return "\n\n".join([DAY_ZERO, *days, STANDARD_ASSESSMENT]) + "\n"


@pytest.mark.parametrize(("service", "found"), [("reco-api", True), ("guestbook-demo", False)])
def test_a_diary_after_its_why_day_is_the_walkthrough(service: str, found: bool) -> None:
    """ "Day 0: why …" names the problem and the days after it would join it as a series;
    they are the walkthrough when they go on with the story of the writer's own service."""
    got = read(_diary(service))
    if found:
        assert taken(got["problem"]) == [(HEADING, "Day 0: why we even looked")]
        assert taken(got["examples"]) == [
            (CONTENT, "Day 1: first environment"),
            (CONTENT, "Day 2: traffic"),
        ]
    else:
        assert not got["examples"].found


def test_a_heading_naming_two_requirements_serves_the_one_nothing_else_serves() -> None:
    """ "The setup and the problem" is taken for the walkthrough ("setup" comes first);
    when the walkthrough has sections of its own, it is the problem's."""
    text = post(
        f"## The setup and the problem\n\n{PROBLEM}",
        f"## Building the index\n\n{EXAMPLES}",
        STANDARD_ASSESSMENT,
    )
    got = read(text)
    assert taken(got["problem"]) == [(HEADING, "The setup and the problem")]
    assert taken(got["examples"]) == [(HEADING, "Building the index")]
    alone = read(post(f"## The setup and the problem\n\n{PROBLEM} {EXAMPLES}", "", ""))
    assert taken(alone["examples"]) == [(HEADING, "The setup and the problem")]


def test_the_writer_still_speaks_in_a_sentence_that_names_the_course() -> None:
    """ "Our team runs a movie recommender for the course project" is the writer's own
    story: only the words about the course lend no voice, not the whole sentence."""
    story = NAMED_STORY.replace(
        "Our movie recommender runs as two services on a small cluster",
        "For the course project our team runs a movie recommender as two services",
    )
    assert "the course project our team" in story
    text = _traffic(story)
    assert read(text)["examples"].found


def test_a_lag_metric_weighs_nothing_in_a_closing_section() -> None:
    """ "Kafka lag" names a metric: a glowing "Final thoughts" that mentions it is no
    verdict; one that names a real drawback is."""
    glowing = (
        "It fits right into the dashboards we already had: the retraining metrics live next "
        "to the API latency and the Kafka lag, and the setup was painless and easy. Compared "
        "to reading log files every morning, it is the best change we made this term."
    )
    got = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, f"## Final thoughts\n\n{glowing}"))
    assert not got["assessment"].found
    weighed = glowing + " However, it keeps only the last value, so history is lost."
    got = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, f"## Final thoughts\n\n{weighed}"))
    assert taken(got["assessment"]) == [(HINT, "Final thoughts")]


BUILD_PROBLEM = (
    "## Why builds hurt\n\n"
    "Our movie recommender ships as one image: its build file copies the trained model into "
    "the API that serves recommendations to viewers. Building it in CI needed a privileged "
    "runner, which the department refused, so every build was done by hand on a laptop."
)


@pytest.mark.parametrize(("whose", "found"), [("our", True), ("the vendor's sample", False)])
def test_a_walkthrough_told_over_two_sections_may_go_on_with_the_story(
    whose: str, found: bool
) -> None:
    """The section that refers to the story ("our build file") is short; the one after it
    has the measurements. Read together, they are the walkthrough."""
    job = f"## The job\n\nI pointed the new CI job at {whose} build file."
    numbers = (
        "## Head-to-head\n\nI ran both builds five times and compared them: the cold build "
        "took 6 minutes 10 seconds against 7 minutes 40 seconds, the cached one 48 seconds, "
        "and the image was 12 percent smaller. I tested the image on staging the same day."
    )
    got = read("\n\n".join([BUILD_PROBLEM, job, numbers, STANDARD_ASSESSMENT]) + "\n")
    if found:
        assert taken(got["examples"]) == [(CONTENT, "The job"), (CONTENT, "Head-to-head")]
        assert "“our build”" in got["examples"].story
    else:
        assert not got["examples"].found


def test_what_a_text_calls_the_writers_own() -> None:
    """The words after "our" or "my" name what the writer owns, up to a function word; words
    too common to tie two texts ("team", "data") are left out; a reach of two reads the
    thing and the word after it."""
    ignores = {"team", "data"}
    story = "These are notes on our movie recommender repo, which my team and our data feed."
    assert set(possessions(story, ignores)) == {"movi", "recommender", "repo", "feed"}
    assert possessions("The first run on our repo gave 83 problems.", ignores, 2) == {
        "repo": "repo",
        "gav": "gave",
    }
    assert possessions("I ran the vendor's sample repo.", ignores) == {}


def test_bold_lead_ins_are_headings_only_in_a_post_without_any() -> None:
    notes = (
        "**The problem.** Our retraining failed twice.\n\n"
        "**Setup.** One install.\n\n"
        "Plain paragraph.\n\n"
        "**Verdict:** fast, but the docs are thin.\n"
    )
    body = Body(notes, 1)
    headings, paras = reading_outline(body, outline(body))
    assert [(h.text, h.line) for h in headings] == [
        ("The problem", 1),
        ("Setup", 3),
        ("Verdict", 7),
    ]
    # the lead-in's line goes on with its section's text, which no longer holds the lead-in
    assert [(p.region, p.text) for p in paras][:2] == [
        (0, "Our retraining failed twice."),
        (1, "One install."),
    ]
    # with a real heading, lead-ins stay emphasis
    body = Body("## Notes\n\n" + notes, 1)
    assert [h.text for h in reading_outline(body, outline(body))[0]] == ["Notes"]
    # among lead-ins, a bold phrase alone on its line titles a section, full stop and all
    lists = notes + "\n**What didn't.**\n- The docs are thin.\n"
    body = Body(lists, 1)
    assert [h.text for h in reading_outline(body, outline(body))[0]][-1] == "What didn't"
    # bold phrases alone with no lead-in are emphasis, as before
    body = Body("**Note.**\n\nText.\n\n**Another note.**\n\nMore.\n", 1)
    assert reading_outline(body, outline(body))[0] == []
    # a lead-in may name a tool or setting written with underscores
    snake = "**What pg_hint_plan fixes:** bad plans.\n\n**Verdict:** fast.\n"
    body = Body(snake, 1)
    assert [h.line for h in reading_outline(body, outline(body))[0]] == [1, 3]
    # labels said again ("Jonas:", "Me:") are a transcript's speakers, not section titles
    chat = "**Jonas:** Why?\n\n**Me:** Because.\n\n**Jonas:** Fine.\n\n**Me:** Good.\n"
    body = Body(chat, 1)
    assert reading_outline(body, outline(body))[0] == []


def titles_read(text: str) -> list[Heading]:
    """The headings the gate reads in `text`, bold and plain labels among them."""
    body = Body(text, 1)
    return reading_outline(body, outline(body))[0]


def test_short_plain_lines_title_the_sections_of_notes_without_headings() -> None:
    notes = (
        "quick notes on the tool, cleaned up.\n\n"
        "why even\n\n"
        "- our ratings export for the movie recommender broke the nightly retrain twice\n"
        "- checking it by hand took an hour each time and we still missed bad rows\n\n"
        "setup (docker)\n"
        "```bash\ndocker run tool\n```\n\n"
        "what I ran\n\n"
        f"{EXAMPLES}\n\n"
        "not good\n\n"
        f"- {LIMITS}\n\n"
        "Thanks for reading\n"
    )
    # the closing line titles nothing; a line above code or a list is a title too
    assert [(h.text, h.line) for h in titles_read(notes)] == [
        ("why even", 3),
        ("setup (docker)", 8),
        ("what I ran", 13),
        ("not good", 17),
    ]
    readings = read(notes)
    assert [p.label for p in readings["problem"].parts] == ["why even"]
    assert [p.label for p in readings["assessment"].parts] == ["not good"]
    # short lines that end a sentence, go on with text, or come once are prose
    for prose in (
        "Then it broke.\n\nSo we rolled back.\n\nIt held.\n",
        "Our ratings export\nbroke twice.\n\nWhy even\ncare about it?\n",
        "why even\n\n- a list\n\nNothing else here is short: just one long closing line.\n",
    ):
        assert titles_read(prose) == [], prose
    # with a real heading, short lines stay prose
    assert [h.text for h in titles_read("## Notes\n\n" + notes)] == ["Notes"]


@pytest.mark.parametrize(
    ("text", "speculates"),
    [
        # a use not made, in the writer's voice: it tells none (`scenario_not_made`)
        ("I didn't get as far as trying this on our team's movie rating data.", True),
        ("We never got around to wiring it into our recommender.", True),
        ("I did not apply the library to our recommender.", True),
        (
            "I ran out of time before I could connect it to our movie data, so this is a "
            "design sketch, not something I tested.",
            True,
        ),
        ("We never tried it on our own ratings stream.", True),
        # a plan told as the next step, or waited for (batch 891 of the evaluation set)
        (
            "For our endpoint, the next step is to point the same script at our VM with "
            "real user ids from the movie stream.",
            True,
        ),
        ("We're waiting for our VM rebuild before we replay the movie ratings.", True),
        (
            "For us that means mounting our tasks file and pinning the broker to Redis. "
            "That's the next step.",
            True,
        ),
        # unfinished, or put off past the deadline (batch 977)
        ("I didn't finish the conversion of our ratings today.", True),
        ("Next step (after the deadline): run it on our own ratings.", True),
        ("We finished the conversion of our ratings on Friday.", False),
        # a clause set against it tells a use that was made
        (
            "I didn't get to the drift suite, but we ran the integrity suite on our movie ratings.",
            False,
        ),
        # a sentence that tells the use
        ("We replayed a day of our movie ratings through it.", False),
        # an ordinary "could" in the writer's voice is one hypothetical word, as before
        ("I could replay a day of our ratings in ten minutes.", False),
        # "I would say" gives an opinion, not a plan (batch 1188)
        (
            "So we planned a backtest (I would say a walk-forward test): train before each "
            "day and evaluate on that day's watch events.",
            False,
        ),
        ("So we planned a backtest that would evaluate each day's watch events.", True),
    ],
)
def test_a_use_not_made_is_speculation(text: str, speculates: bool) -> None:
    examples = next(s for s in OPTION.sections if s.id == "examples")
    assert speculation(text, examples) is speculates


@pytest.mark.parametrize(
    ("text", "on_own"),
    [
        ("Honestly, I did not get to our repo. I ran the docs example instead.", True),
        ("We never tried it on our own ratings stream.", True),
        # the use not made, but not on what the writer calls their own
        ("We ran out of time, so the cluster mode waits.", False),
        ("Our project has no UI, so this didn't apply.", False),
    ],
)
def test_a_use_not_made_on_the_writers_own_system(text: str, on_own: bool) -> None:
    """`not_made_on_own`: the phrase of a use not made right before what the writer calls
    their own ("did not get to our repo") stops a story short of the tool (batch 865)."""
    examples = next(s for s in OPTION.sections if s.id == "examples")
    assert not_made_on_own(text, examples) is on_own


def test_an_essay_with_no_headings_ends_on_its_verdict() -> None:
    """A post with no headings tells its problem, its walkthrough, then "Now, what I did
    not like" and a verdict (batch 1189 of the evaluation set): the paragraphs that end
    the walkthrough's run and read like the verdict serve the verdict."""
    text = (REPO / "tests/sections/corpus/zgj02-story-dlrover.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    assert got["examples"].found and got["assessment"].found
    verdict = "The biggest thing: DLRover is built for large training clusters"
    assert verdict in got["assessment"].text
    assert verdict not in got["examples"].text


def test_a_hint_at_the_verdict_does_not_open_the_post() -> None:
    """ "Logs are training data, evaluation data, and evidence" opens an essay (batch 465 of
    the evaluation set) and tells why logs matter: "evaluation" hints at the verdict, but a
    verdict only hinted at is not told first; the sections after it are the walkthrough."""
    text = (REPO / "tests/sections/corpus/qv06-essay-clp.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    first = "Logs are training data, evaluation data, and evidence"
    assert (HINT, first) not in taken(got["assessment"])
    assert got["examples"].found


def test_the_first_day_of_a_diary_may_tell_the_problem() -> None:
    """A diary's "Day 0 (the night that started it)" tells why the writer started (batch
    488 of the evaluation set): "Day" hints at the walkthrough, but the days after it
    are one, so the first, read plainly as the problem, goes to it."""
    text = (REPO / "tests/sections/corpus/rs03-diary-dockerswarm.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    assert taken(got["problem"]) == [(CONTENT, "Day 0 (the night that started it)")]
    assert taken(got["examples"])[0] == (HINT, "Day 1: Turning it on")


def test_a_first_day_that_only_sets_up_is_not_the_problem() -> None:
    """ "Day 1 (Monday) — getting a cluster that looks like production" only
    sets up (batch 448): its few problem words do not make it the problem the post never tells."""
    text = (REPO / "tests/sections/corpus/qe03-diary-caretta.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    assert not got["problem"].found


def test_a_diary_by_weekday_is_a_series_of_days() -> None:
    """ "Monday" … "Friday — thinking about it" is a diary's series of days like "Day 1" …
    "Day 5" (batch 544 of the evaluation set): Monday tells the problem, and Tuesday on
    are the walkthrough, not more of the problem."""
    text = (REPO / "tests/sections/corpus/tw01-diary-arthas.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    assert taken(got["problem"]) == [(CONTENT, "Monday")]
    assert taken(got["examples"])[:2] == [(HINT, "Tuesday"), (HINT, "Wednesday")]


@pytest.mark.parametrize(
    "days",
    [
        ("Day 1:", "Day 2 to 4:", "Day 5:"),
        ("Monday:", "Tuesday to Thursday:", "Friday:"),
        ("Mon 3 Nov:", "Tue 4 Nov to Thu 6 Nov:", "Fri 7 Nov:"),
    ],
)
def test_the_last_day_hinting_at_the_verdict_is_left_to_it(days: tuple[str, ...]) -> None:
    """A diary's last day "would I keep it?" is the verdict (batch 6 of the evaluation
    set): the walkthrough taken from the days before it stops short of it."""
    text = (REPO / "tests/sections/corpus/q01-diary-wandb-sweeps.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    for old, new in zip(("Monday:", "Tuesday to Thursday:", "Friday:"), days, strict=True):
        body = body.replace(f"## {old}", f"## {new}")
    got = read(body)
    assert [label for _how, label in taken(got["examples"])] == [
        f"{days[1]} sweeps on the ratings log"
    ]
    assert [label for _how, label in taken(got["assessment"])] == [f"{days[2]} would I keep it?"]


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@pytest.mark.parametrize("days", [WEEKDAYS, tuple(f"Day {n}" for n in range(1, 6))])
def test_a_diary_day_naming_the_verdict_takes_no_other_days(days: tuple[str, ...]) -> None:
    """A diary's last day that names the verdict ("Friday — so, would I recommend it?",
    batch 596 of the evaluation set) is the verdict alone: the days before it tell the
    problem (Monday) and the walkthrough."""
    text = (REPO / "tests/sections/corpus/vw01-diary-incron.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    for weekday, day in zip(WEEKDAYS, days, strict=True):
        body = body.replace(f"**{weekday}", f"**{day}")
    got = read(body)
    assert taken(got["problem"]) == [(CONTENT, days[0])]
    assert taken(got["assessment"]) == [(HEADING, f"{days[4]} — so, would I recommend it?")]
    assert (HINT, days[1]) in taken(got["examples"])


@pytest.mark.parametrize(
    ("heading", "owned"),
    [
        ("Problems with sshguard", True),
        ("What went wrong with the fix", True),
        ("Problems we hit with SSHGuard", True),
        ("A problem I hit with the lease", True),
        ("Problems we ran into", True),
        # the problem the tool addresses: no owner after it
        ("What went wrong", False),
        ("The problem with our open SSH port", False),
    ],
)
def test_a_heading_on_the_tool_s_own_problems_is_not_the_problem(heading: str, owned: bool) -> None:
    """ "Problems with sshguard", "What went wrong with the fix" name the tool's own
    problems, its limitations, not the problem it addresses (`owned_by`, the tool's name
    read as "the tool")."""
    text = f"## {heading}\n\n{PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    got = read(text, tool_names=("sshguard",))
    assert ((HEADING, heading) in taken(got["problem"])) is not owned


def test_a_postmortem_s_what_went_wrong_with_the_fix_is_its_verdict() -> None:
    """A postmortem's "What went wrong with the fix" (batch 527 of the evaluation set) is
    the verdict on the tool; "What happened" before it tells the problem."""
    text = (REPO / "tests/sections/corpus/tf02-postmortem-sshguard.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1], tool_names=("sshguard",))
    assert taken(got["problem"])[0][1] == "What happened"
    assert [label for _how, label in taken(got["assessment"])] == ["What went wrong with the fix"]


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ("Went well", "Didn't go well"),
        ("What went well", "What did not go well"),
        ("5. Things that went well", "6. Things that didn't"),
    ],
)
def test_a_retrospective_s_went_well_and_didn_t_are_the_verdict(good: str, bad: str) -> None:
    """A retrospective's "Went well" and "Didn't go well" (batch 605 of the evaluation set)
    are the strengths and the limitations."""
    text = (
        f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n## {good}\n\n{STRENGTHS}\n\n"
        f"## {bad}\n\n{LIMITS}\n"
    )
    got = read(text)
    assert taken(got["assessment"]) == [(HEADING, good), (HEADING, bad)]


@pytest.mark.parametrize(
    "heading", ["What was broken", "What is broken", "The itch", "The itch it scratches"]
)
def test_headings_that_name_the_problem(heading: str) -> None:
    """A letter to a teammate opens on "What was broken" (batch 875 of the evaluation set),
    a short review on "The itch" (batch 880): the state before the tool, its problem."""
    got = read(post(f"## {heading}\n\n{PROBLEM}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT))
    assert taken(got["problem"]) == [(HEADING, heading)]


def test_what_broke_during_the_walkthrough_is_not_the_problem() -> None:
    """ "What broke first" after two attempts with the tool (batch 804 of the evaluation
    set) tells a step of the walkthrough, not the problem the post opened with."""
    text = (REPO / "tests/sections/corpus/zww04-comparison-pgcopydb.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    assert "What broke first" not in [label for _how, label in taken(got["problem"])]
    assert got["examples"].found


@pytest.mark.parametrize("days", [WEEKDAYS, tuple(f"Day {n}" for n in range(1, 6))])
def test_a_diary_s_first_day_named_for_the_walkthrough_may_tell_the_problem(
    days: tuple[str, ...],
) -> None:
    """ "Monday — The ghost in the pipeline" opens a diary (batch 876 of the evaluation set):
    "in the pipeline" names the walkthrough, and the days after it go on with it, but that
    day tells only what went wrong before the tool. Nothing else tells the problem, so
    the first day goes to it and the days after it stay the walkthrough."""
    text = (REPO / "tests/sections/corpus/ztq03-diary-scriptexporter.md").read_text(
        encoding="utf-8"
    )
    body = text.split("\n---\n", 1)[1]
    for weekday, day in zip(WEEKDAYS, days, strict=True):
        body = body.replace(f"**{weekday} —", f"**{day} —")
    got = read(body)
    assert [label for _how, label in taken(got["problem"])] == [
        f"{days[0]} — The ghost in the pipeline"
    ]
    assert f"{days[1]} — Meeting the translator" in [
        label for _how, label in taken(got["examples"])
    ]


@pytest.mark.parametrize(("heading", "how"), [("Summary", HINT), ("Sunday", CONTENT)])
def test_requests_that_timed_out_and_a_slower_endpoint_tell_the_problem(
    heading: str, how: str
) -> None:
    """A postmortem's summary of requests that "timed out" and an endpoint each model made
    "slower" (batch 809 of the evaluation set) tells the problem, under a heading that only
    hints at it or under none that does."""
    text = (
        f"## {heading}\n\nOn Sunday evening 31,000 recommendation requests timed out. Each "
        "model we shipped that month made the endpoint slower than the one before it, and "
        f"we had to restart it.\n\n{STANDARD_EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    )
    assert taken(read(text)["problem"]) == [(how, heading)]


@pytest.mark.parametrize("label", ["Slide 10 — ", "Slide 10 – ", "Slide 10: ", ""])
def test_a_thumbs_down_after_a_label_heads_the_limitations(label: str) -> None:
    """A slide deck's "Slide 10 — 👎" (batch 880 of the evaluation set) lists the tool's
    drawbacks, as "👎" opening a heading does."""
    text = (
        f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n## {label}👍\n\n{STRENGTHS}\n\n"
        f"## {label}👎\n\n{LIMITS}\n"
    )
    assert (HEADING, f"{label}👎") in taken(read(text)["assessment"])


def test_a_thumbs_down_inside_a_heading_s_phrase_names_no_drawback() -> None:
    """ "Slide 4 — readers click 👎 on a movie card" tells a use of the site, not cons."""
    heading = "Slide 4 — readers click 👎 on a movie card"
    text = f"{STANDARD_PROBLEM}\n\n## {heading}\n\n{EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    assert (HEADING, heading) not in taken(read(text)["assessment"])


@pytest.mark.parametrize("days", [WEEKDAYS, tuple(f"Day {n}" for n in range(1, 6))])
def test_a_diary_s_first_day_naming_a_verdict_word_tells_what_came_before(
    days: tuple[str, ...],
) -> None:
    """ "Monday — the annoyance" opens a diary whose "Friday — the limits" and "Verdict
    after a week" weigh the tool (batch 840 of the evaluation set): "annoyances" names the
    verdict, but the first day, before the days of trying the tool, tells the problem."""
    text = (REPO / "tests/sections/corpus/zug06-diary-sqlitebiter.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    for weekday, day in zip(WEEKDAYS, days, strict=True):
        body = body.replace(f"**{weekday} —", f"**{day} —")
    got = read_naming_the_tool(body, "sqlitebiter")
    first = f"{days[0]} — the annoyance"
    assert (CONTENT, first) in taken(got["problem"])
    assert taken(got["assessment"]) == [
        (HEADING, f"{days[4]} — the limits"),
        (HEADING, "Verdict after a week"),
    ]


def test_a_diary_s_first_day_tells_a_loss_as_the_problem() -> None:
    """Ratings that "never arrived", a batch that "was gone", tests that "did not catch it"
    tell the problem (batch 602 of the evaluation set): the diary's Monday is the problem,
    the days after it the walkthrough."""
    text = (REPO / "tests/sections/corpus/wc01-diary-pytestkafka.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    assert taken(got["problem"]) == [(CONTENT, "Monday")]
    assert (HINT, "Wednesday") in taken(got["examples"])


def test_a_manual_checklist_someone_must_remember_is_the_problem() -> None:
    """An essay with no headings opens on a rollout checklist a teammate had to "remember
    to" finish (batch 601 of the evaluation set): that opening is the problem."""
    text = (REPO / "tests/sections/corpus/wb05-essay-operatorsdk.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    assert got["problem"].found
    assert got["problem"].text.startswith("The moment I decided to try Operator SDK")


def test_a_heading_that_sets_the_scene_and_the_problem_serves_the_problem() -> None:
    """ "The setup, and what was wrong with it" opens an essay (batch 595 of the evaluation
    set), "What dehydrated is" and "How we set it up" after it: "setup" names the
    walkthrough first, but what was wrong with the setup is the problem, and nothing before
    the walkthrough tells it otherwise."""
    text = (REPO / "tests/sections/corpus/vv06-essay-dehydrated.md").read_text(encoding="utf-8")
    got = read(text.split("\n---\n", 1)[1])
    assert taken(got["problem"]) == [(HEADING, "The setup, and what was wrong with it")]
    assert (HEADING, "How we set it up") in taken(got["examples"])


def test_a_speaker_alone_on_a_line_is_no_section_title() -> None:
    """An interview's "**Me:**" alone on its line before a code block is the speaker of
    that turn (batch 531 of the evaluation set), as in the turns that go on with text;
    a bold line that is no speaker's label stays a title."""
    chat = (
        "**Priya:** Why a sandbox?\n\n**Me:** Because pickles run code.\n\n"
        "**Priya:** Sure?\n\n**Me:** Yes.\n\n**Priya:** And now?\n\n"
        "**Me:**\n\n```\nfirejail python evaluate.py\n```\n\n"
        "**Pros**\n\nIt is one command.\n"
    )
    body = Body(chat, 1)
    assert [h.text for h in reading_outline(body, outline(body))[0]] == ["Pros"]


def test_a_verdict_told_first_does_not_end_the_walkthrough() -> None:
    """A review that opens on its scorecard ("verdict first, details after", batch 499 of
    the evaluation set): the walkthrough still runs from its first section to the verdict's
    next part, and "What's wrong with it" is that verdict's, not the problem ("what's
    wrong")."""
    graphs = (
        "Every night at three the consumer lag of our ratings stream climbed to 190k "
        "messages and took 70 minutes to drain, so we capped the retraining job to three "
        "cores; the next week the peak was 11k."
    )
    text = (
        f"## The scorecard (verdict first, details after)\n\n{STRENGTHS}\n\n"
        f"## Why we wanted something\n\n{PROBLEM}\n\n"
        f"## What we set up\n\n{EXAMPLES}\n\n"
        f"## What the graphs told us\n\n{graphs}\n\n"
        f"## What's wrong with it\n\n{LIMITS}\n"
    )
    got = read(text)
    assert [label for _how, label in taken(got["examples"])] == [
        "What we set up",
        "What the graphs told us",
    ]
    assert "What's wrong with it" in [label for _how, label in taken(got["assessment"])]
    assert [label for _how, label in taken(got["problem"])] == ["Why we wanted something"]


def test_a_bold_turn_of_a_dialogue_is_no_section_title() -> None:
    """In an interview whose answers open with a run-in speaker ("**M:** Fine."), the
    other speaker's bold question ("**D: So what does it do?**") is a turn of the
    dialogue (batch 532 of the evaluation set); in an FAQ with no run-in speakers the same
    bold line titles its answer."""
    dialogue = (
        "**M:** Our key had admin rights.\n\n**D: So what does it do?**\n\n"
        "**M:** It records the calls.\n\n**D: Would you use it again?**\n\n**M:** Yes.\n"
    )
    body = Body(dialogue, 1)
    assert reading_outline(body, outline(body))[0] == []
    # a numbered title in the same dialogue is no one's turn
    body = Body(dialogue + "\n**Part 2: Results**\n\nThe policy held.\n", 1)
    assert [h.text for h in reading_outline(body, outline(body))[0]] == ["Part 2: Results"]
    faq = "**Q: So what does it do?**\n\nIt records the calls.\n\n**Q: Again?**\n\nYes.\n"
    body = Body(faq, 1)
    assert [h.text for h in reading_outline(body, outline(body))[0]] == [
        "Q: So what does it do?",
        "Q: Again?",
    ]


# A post with no headings: the paragraph on rough edges names things the walkthrough names
# too (the script, the build, log files), but what it says of them is the tool's limits.
ESSAY_WITH_ROUGH_EDGES = """Our team trained the recommender on three laptops this term, and \
the error on the fixed split of movie ratings was different on each. Nobody could tell \
whether a new weighting helped or whether it was a library version, and moving the training \
to a bigger machine cost each of us an evening of driver trouble.

Boxwell wraps a training script in a container image built from the project folder, runs \
it, and records the command. The same image runs on the team VM or in the cloud with one \
flag changed.

I ran the training script through it on my laptop and on the team VM with the same \
snapshot of ratings, and for the first time both runs printed the same error to four \
decimals. A sweep of 27 settings ran overnight on the VM, and the winner went to the \
endpoint the next day.

It was not all smooth, and some rough edges say more about the project than about us. The \
project looks abandoned, so be careful before you build a workflow on it. The cloud part \
only targets one provider, the build was slower on an emulated laptop, and our nightly \
export script didn't fit the way it launches jobs, so it stayed outside. The results of \
the 27 runs ended up in log files I merged by hand into a spreadsheet.

Still, what I took away is that reproducible training is mostly about making the right \
command the easy one, and Boxwell did that for us.
"""


def test_rough_edges_in_a_post_without_headings_are_the_assessment() -> None:
    readings = read(ESSAY_WITH_ROUGH_EDGES)
    assert [p.lines for p in readings["examples"].parts] == [(3, 5)]
    assert [p.lines for p in readings["assessment"].parts] == [(7, 9)]
    assert readings["assessment"].parts[0].how == CONTENT
    assert {"be careful", "didn't fit", "not smooth"} <= set(readings["assessment"].parts[0].cues)


# Slides: "What hurt" tells the backstory before the post names its tool; "What was hard",
# after the walkthrough, is the verdict.
SLIDES_WHAT_HURT = """## Slide 1: What hurt

- Nobody knew which model was serving: the laptop and the VM had different library
  versions, and one deploy silently returned the same 20 movies to every user.
- The join between a recommendation we served and what the viewer watched next was a
  fragile script over raw logs, and it broke twice before a milestone.

## Slide 2: Boxwell in one sentence

Boxwell packages a trained model as a versioned service and logs each request with the
model version that answered it.

## Slide 3: Setup on our VM

We installed it on the team VM, packaged our ALS model trained on last week's movie
ratings, and deployed it behind the recommendation endpoint. For one day we logged 41,000
requests, and a query over the feedback log showed the watch rate of each model version.

## Slide 4: What was hard

However, the setup took two evenings, the documentation is thin, and it needs a cluster
with several heavy components, which is a lot for one small VM. It was easy to use once
it ran.
"""


def test_a_verdict_heading_before_the_tool_tells_the_backstory() -> None:
    readings = read_naming_the_tool(SLIDES_WHAT_HURT, "Boxwell")
    assert [p.label for p in readings["problem"].parts] == ["Slide 1: What hurt"]
    assert [p.label for p in readings["assessment"].parts] == ["Slide 4: What was hard"]
    # without knowing where the tool is first named, "What hurt" is the verdict's
    assert "Slide 1: What hurt" in [p.label for p in read(SLIDES_WHAT_HURT)["assessment"].parts]


# Slides: "Our serving path, before" names a walkthrough's word but tells the old setup,
# before the post names its tool; "Results", after it, is the walkthrough. "Installation"
# over `pip install` shows the tool under its own heading and still names it.
SLIDES_SERVING_BEFORE = """## Slide 1: Our serving path, before

- the recommendation endpoint reads a SQLite file on the team VM
- a nightly batch job rewrites the top 20 movies of each user

## Slide 2: What broke

- the nightly rewrite locks the table, and the reads of the endpoint wait: p95 went to 2.3 s
- two replicas share one file, and there is no backup at all

## Slide 3: Quillstore in one line

Quillstore is a replicated key-value store with an operator for the cluster.

## Slide 4: Results

We loaded 180,000 users' movie lists from the nightly job into Quillstore on our VM, and the
p95 of the recommendation endpoint fell from 2.3 s to 40 ms during the nightly rewrite.

## Slide 5: Limitations

However, it needs three nodes to be safe, and one small VM runs it poorly: repairs took an
hour. The documentation is thin and the operator is hard to debug when it fails.
"""


def test_a_walkthrough_heading_before_the_tool_tells_the_old_setup() -> None:
    readings = read_naming_the_tool(SLIDES_SERVING_BEFORE, "Quillstore")
    assert "Slide 2: What broke" in [p.label for p in readings["problem"].parts]
    examples = [p.label for p in readings["examples"].parts]
    assert "Slide 4: Results" in examples
    assert "Slide 1: Our serving path, before" not in examples
    # without knowing where the tool is first named, "serving" names the walkthrough
    assert "Slide 1: Our serving path, before" in [
        p.label for p in read(SLIDES_SERVING_BEFORE)["examples"].parts
    ]
    before, after = SLIDES_SERVING_BEFORE.split("## Slide 3")
    after = after.split("## Slide 4")[1]
    code = "We installed it on the team VM with one command:\n\n```\npip install quill\n```\n"
    installing = f"{before}## Installation\n\n{code}\n## Slide 4{after}"
    readings = read_naming_the_tool(installing, "Quillstore")
    assert (HEADING, "Installation") in taken(readings["examples"])


# A listicle of learnings: the walkthrough and the verdict each took some of its numbered
# sections, so "1." is a topic of its own and may tell the problem; in a walkthrough's
# steps that only the walkthrough took, it may not.
LISTICLE_OF_LEARNINGS = """For the tool post I tried Cachely, a small caching library for Python.

### 1. Our service was computing the same answer again and again

When I looked at a day of the request log, 41% of the recommendation requests came from a \
user who had asked in the last 30 minutes and had rated nothing since. We computed the same \
list again: wasted work that made the latency worse for everybody at peak time. That is the \
problem I wanted to solve.

### 2. Setting it up is ten lines

We wrapped our recommendation function in a cache region with a 30-minute expiry and \
deployed it to the team VM behind the endpoint, keyed by the user and the model version.

### 3. The results were really good

Over one day of replayed requests, the median latency fell from 180 ms to 9 ms, and 41% \
of the requests were answered from the cache.

### 4. The downsides I found

However, the documentation is old, invalidation is manual, and the library is barely \
maintained: the last release was years ago.
"""


def test_a_listicle_s_first_learning_may_tell_the_problem() -> None:
    readings = read_naming_the_tool(LISTICLE_OF_LEARNINGS, "Cachely")
    problem = [p.label for p in readings["problem"].parts]
    assert "1. Our service was computing the same answer again and again" in problem
    # a walkthrough's steps, all taken by the walkthrough, keep their first step
    steps = LISTICLE_OF_LEARNINGS.replace("### 4. The downsides I found", "## Downsides")
    readings = read_naming_the_tool(steps, "Cachely")
    assert "1. Our service was computing the same answer again and again" not in [
        p.label for p in readings["problem"].parts
    ]


@pytest.mark.parametrize("name", ["Quillstore", "Great Expectations"])
def test_a_heading_that_says_the_tools_name_for_it_names_the_verdict(name: str) -> None:
    """ "Where TensorRec hurts" is "Where it hurts" (batch 955): the tool's name stands
    where the heading would say "it"; another name there does not make it the verdict."""
    verdict = f"## Where {name} hurts\n\n{LIMITS}\n\n## Verdict\n\n{STRENGTHS}"
    text = post(STANDARD_PROBLEM, STANDARD_EXAMPLES, verdict)
    readings = read_naming_the_tool(text, name)
    assert (HEADING, f"Where {name} hurts") in taken(readings["assessment"])
    readings = read_naming_the_tool(text.replace(f"Where {name}", "Where Kafka"), name)
    assert (HEADING, "Where Kafka hurts") not in taken(readings["assessment"])


@pytest.mark.parametrize("name", ["Quillstore", "Great Expectations"])
def test_what_the_tool_did_well_and_badly_names_the_verdict(name: str) -> None:
    """ "What ambiorix did well" and "What ambiorix did badly, or made easy to get wrong"
    (batch 972) are "What it did well" and "What it did badly": both the verdict."""
    verdict = (
        f"## What {name} did well\n\n{STRENGTHS}\n\n"
        f"## What {name} did badly, or made easy to get wrong\n\n{LIMITS}"
    )
    readings = read_naming_the_tool(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, verdict), name)
    assert taken(readings["assessment"]) == [
        (HEADING, f"What {name} did well"),
        (HEADING, f"What {name} did badly, or made easy to get wrong"),
    ]


# A retrospective that opens with the incident that led to the tool ("What happened (the
# trigger)", batch 975), then what the team did.
RETRO = """## What happened (the trigger)

Two weeks ago our nightly training script failed at step 3 because the VM ran out of \
memory, and the deploy step, a separate cron entry, shipped the previous night's model. \
Nobody noticed for two days, until our offline comparison showed the new model was the \
old one. So we had three problems: no dependency between the steps, no resuming, and no \
record of which step did what on which night.

## What we did

We replaced the script with a pipeline of five steps. I wrote each step as a class with \
its inputs and outputs, and the run on our watch events now skips what is done: a re-run \
after a failed training took 6 minutes instead of 40, and a failed evaluation stops the \
deploy.

## What went well

{strengths}

## What didn't go well

{limits}
"""


def test_the_trigger_of_a_retrospective_is_its_problem() -> None:
    readings = read(RETRO.format(strengths=STRENGTHS, limits=LIMITS))
    assert taken(readings["problem"]) == [(HINT, "What happened (the trigger)")]
    assert (HINT, "What happened (the trigger)") not in taken(readings["examples"])


# A letter with no headings whose drawbacks come as a list under a line that announces
# them ("Now the things you should know before you trust it:", batch 956); its items tell
# what the writer did about each, so alone they read like the walkthrough.
LETTER_WITH_CAVEATS = """Hi Sam,

you asked why the stats table stopped double counting. Our old script kept its last \\
position in a state file, and when it crashed between the insert and the file write, the \\
next run counted the same ratings twice. It was hard to see and we lost a week to it.

I replaced the script with Ripple, a Postgres extension that runs a query over each new \\
range of rows. I set up a pipeline on our ratings table that adds new rows to the movie \\
stats every minute, and I replayed an hour of ratings from Kafka while killing the backend \\
three times. The stats matched a full recount every time, for all 27k movies.

I also moved the nightly export for training to a daily pipeline, so the training job \\
reads fixed files instead of a moving table.

{lead}

- It depends on pg_cron, and I scheduled it every minute, but that is not streaming.
- Exact distinct counts are missing; for those I wrote a second pipeline that needs a \\
full day of data before it runs.
- Failed runs only land in a table; I added that table to our dashboard, otherwise we \\
would miss them.
- I wrote the reset steps into our README, because they are easy to get wrong.

Overall it replaced 150 lines of Python with 20 lines of SQL.

Ana
"""


@pytest.mark.parametrize(
    ("lead", "found"),
    [
        ("Now the things you should know before you trust it:", True),
        ("Two things to watch out for:", True),
        # a line that announces no requirement leaves the list to its words
        ("Here is what I changed next:", False),
    ],
)
def test_a_line_that_announces_the_verdict_gives_it_the_list_below(lead: str, found: bool) -> None:
    assessment = read(LETTER_WITH_CAVEATS.format(lead=lead))["assessment"]
    assert assessment.found is found


# A listicle whose first learning says why the team needed the tool ("We needed …
# because …"), whose walkthrough takes the numbered steps after it and whose verdict is
# told in the closing items without naming itself.
LISTICLE_OF_NEEDS = """Snapdiff compares JSON outputs and explains every difference. I used \
it for two weeks on our recommender. Here is what I learned.

### 1. {first}

Our tests only checked that the endpoint returned 20 ids, none twice. When I refactored \
the filter for watched movies, every test stayed green, but the service started to \
recommend movies the user had just finished. We only noticed when the share of watched \
recommendations dropped from 11% to 7% over two days.

### 2. Golden files make a regression test in 20 lines

I saved the answers of model v14 for 200 users and wrote a test that replays those users \
against the service and compares the lists with Snapdiff. Run against my broken refactor, \
31 of the 200 users failed, and the diff named the missing movie for each of them.

### 3. Ignore rules keep timestamps out

Latency and timestamps change on every call, so I listed them in the rules and the test \
stopped flagging them. We replayed the users again after the fix and all 200 passed.

### 4. One catch: lists are compared as sets

However, the order of a ranking is ignored, which is a real gap for a recommender, and we \
had to turn each list into a dict keyed by rank as a workaround. Floats are also rounded \
by default, which hid a change in scores.
"""


def test_a_listicle_s_first_learning_may_say_why_it_was_needed() -> None:
    text = LISTICLE_OF_NEEDS.format(
        first="We needed real diffs because our tests only checked shapes"
    )
    readings = read_naming_the_tool(text, "Snapdiff")
    problem = [p.label for p in readings["problem"].parts]
    assert "1. We needed real diffs because our tests only checked shapes" in problem
    for heading in ("Because our tests only checked shapes", "What we needed: real diffs"):
        readings = read_naming_the_tool(LISTICLE_OF_NEEDS.format(first=heading), "Snapdiff")
        assert f"1. {heading}" in [p.label for p in readings["problem"].parts]


# A diary whose Monday tells the trouble before the days that use the tool: "the numbers
# looked weird, we could not tell whether …" is the problem.
DIARY_WITH_TROUBLE = """I am keeping this as a diary, because that is how the week went. \
I picked Peekaboo, a web view of Kafka topics, for this assignment.

---

**Monday**

Quick recap of where we were. The course stream sends watch events, ratings and the log \
lines of recommendation requests. Our ingest script is a small consumer that parses these \
lines and writes them to Postgres on the team VM, and training reads from there.

{trouble}

---

**Tuesday**

I started Peekaboo in a container on the team VM and opened the topic view through an SSH \
tunnel. It took ten minutes, most of them spent on the broker address.

---

**Wednesday**

With a filter on one user I followed the movies we served at 14:02 and saw the watch event \
at 14:05 that our metric counted as a miss. Our parser had lower-cased the movie ids in \
the watch events, so half of all hits disappeared. The fix took 20 minutes, and the next \
morning the metric was back at the level of the week before, with the same share of served \
movies watched within the hour.

---

**Thursday**

The consumer group page showed a lag of 1.9 million messages on two partitions: our ingest \
had crashed on a broken rating line on Sunday. We added a try/except and a restart policy.

---

**Friday**

However, searching three days of ratings took very long, because the filter runs in the \
backend for every message it reads. It is a browser for messages, not a query engine, and \
there is no alerting on lag, so we still check the page by hand. It was easy to set up and \
the filters are great.
"""


@pytest.mark.parametrize(
    ("trouble", "cues"),
    [
        (
            "The trouble: when the numbers looked weird, we could not tell whether it came "
            "from the stream or from our parser. Today our online metric dropped by half and "
            "nobody could say why.",
            {"trouble", "weird", "could not tell"},
        ),
        (
            "The consumer was written in a hurry in week one and nobody has looked at it "
            "since. A TA said many teams accidentally drop events in such scripts, and we had "
            "no idea whether ours did.",
            {"in a hurry", "accidentally"},
        ),
        (
            "Each request takes about 150 ms, and it gets worse while the nightly training "
            "job is hogging the CPU; the evaluation counts slow answers as failures. What I "
            "want is an answer in under 50 ms for the users who come back often.",
            {"hogging", "what i want"},
        ),
    ],
)
def test_a_diarys_first_day_telling_the_trouble_is_the_problem(
    trouble: str, cues: set[str]
) -> None:
    readings = read_naming_the_tool(DIARY_WITH_TROUBLE.format(trouble=trouble), "Peekaboo")
    assert [p.label for p in readings["problem"].parts] == ["Monday"]
    assert cues <= set(readings["problem"].parts[0].cues)
    assert [p.label for p in readings["examples"].parts] == ["Tuesday", "Wednesday", "Thursday"]


# An essay with no headings: its walkthrough tells of a day the tool paid off, in the
# words of an incident ("fell back", "without it"), between two paragraphs of use. The
# incident reads more like a weighing alone, yet the walkthrough goes on after it.
ESSAY_WITH_A_PAYOFF = """Our team runs the movie recommender on one VM, and for weeks nobody \
could see it from outside: when the service failed at night we only found out the next \
morning, from angry messages, and the logs were lost after every restart. That was the \
problem I wanted Relaypoint to solve.

I installed the Relaypoint agent on the VM in a few minutes and connected it to our \
Prometheus, which now scrapes the recommendation service and the Kafka consumer through it.

The payoff came the next week. The share of fallback answers jumped to 100% at 21:14 on a \
Wednesday: the model file was missing after a deploy. Without the graph we would have \
served popular movies all night instead of the personalised list, but we saw it and \
fixed it in minutes, and it was the best argument for the tool, though it cost us an evening.

A second example is the consumer lag of our watch events. We queried the lag gauge during \
the online evaluation, and within seconds we saw that the ratings stopped arriving while a \
long report held the database.

Still, Relaypoint has real drawbacks. It is a single point of failure: when its process \
died, every target went down at once. It has no authentication of its own, so we had to put \
a proxy with a password in front of it, scrapes are slower through it, and the \
documentation covers only the happy path. On the plus side, it is small and easy to run.
"""


def test_an_incident_inside_the_walkthrough_stays_in_it() -> None:
    readings = read_naming_the_tool(ESSAY_WITH_A_PAYOFF, "Relaypoint")
    payoff = ESSAY_WITH_A_PAYOFF.index("The payoff")
    payoff_line = ESSAY_WITH_A_PAYOFF[:payoff].count("\n") + 1
    examples = {line for part in readings["examples"].parts for line in part.lines}
    assessment = {line for part in readings["assessment"].parts for line in part.lines}
    assert payoff_line in examples
    assert assessment and payoff_line not in assessment


# A walkthrough that opens by defining its tool: "instead of", "drops" and "usually" there
# tell what the tool is, not what goes wrong without it (batches 696 to 703).
DEFINITION_FIRST = """Bastionbox is an SSH gateway that, instead of logging a user into the \
host, starts a fresh container for every connection and drops the user into it. It usually \
runs as a single process, itself in a container, and asks a webhook which image each user gets.

## Installing

I installed Bastionbox on our team VM with its container image, pointed the webhook at a \
small Flask app of ours and gave each teammate an image with the recommender's code, the \
Kafka client and read access to the ratings database. Logging in took two seconds.

## Using it for the movie recommender

Each of us now logs in to a container with the model files of the current release, runs \
the offline evaluation against yesterday's watch events and leaves; the container is \
removed afterwards, so nobody changes the shared VM by accident. We measured 1.8 seconds \
from login to a shell.

## Verdict

It does what it says, but the webhook is one more service to keep alive, the documentation \
is thin, and the start-up delay is annoying for short sessions.
"""


def test_a_definition_of_the_tool_tells_no_problem() -> None:
    readings = read_naming_the_tool(DEFINITION_FIRST, "Bastionbox")
    assert not readings["problem"].parts
    # told as what went wrong, the same words are a problem
    told = DEFINITION_FIRST.replace(
        "Bastionbox is an SSH gateway that,",
        "Our team shared one login on the VM, and we kept breaking each other's setup. "
        "Bastionbox is an SSH gateway that,",
    )
    assert read_naming_the_tool(told, "Bastionbox")["problem"].parts


# A definition with its long name in brackets, and the sentences after it that go on
# describing the tool ("records … block I/O"): no problem either (batches 736 to 743).
DEFINITION_PARAGRAPH = DEFINITION_FIRST.replace(
    "Bastionbox is an SSH gateway that, instead of logging a user into the host, starts a "
    "fresh container for every connection and drops the user into it.",
    "Bastionbox (Bastion Box) is an SSH gateway. It starts a fresh container for every "
    "connection; a session blocked by a stuck webhook fails without a shell.",
)


def test_a_paragraph_that_defines_the_tool_tells_no_problem() -> None:
    assert DEFINITION_PARAGRAPH != DEFINITION_FIRST
    readings = read_naming_the_tool(DEFINITION_PARAGRAPH, "Bastionbox")
    assert not readings["problem"].parts
    # in the writer's voice, the paragraph may tell one
    told = DEFINITION_PARAGRAPH.replace(
        "fails without a shell.", "fails without a shell, and we kept losing our sessions."
    )
    assert read_naming_the_tool(told, "Bastionbox")["problem"].parts


# A FAQ's first question asks what the team did before the tool and what was wrong with
# it: the problem, though "wrong with it" also names a verdict (batches 736 to 743).
BEFORE_FAQ = """### Q: What were we doing before, and what was wrong with it?

Our recommender has two stages: a candidate generator on watch events proposes two hundred \
movies per user, and a ranking model orders them before the endpoint returns twenty.

Tuning the ranking model was a mess. Each of us ran small grid searches in a notebook, and \
nobody could tell which settings produced the model we shipped.

### Q: What does using it look like?

I wrapped our training call for the movie ratings in Tunebox, ran forty trials overnight on \
our VM, and it kept every result with its settings, so the best run was one click away.

### Q: Okay, what's bad about it?

The documentation is thin, and the dashboard is slow once there are a few hundred trials.
"""


def test_a_question_on_what_was_done_before_asks_for_the_problem() -> None:
    readings = read_naming_the_tool(BEFORE_FAQ, "Tunebox")
    labels = {name: [part.label for part in r.parts] for name, r in readings.items()}
    assert labels["problem"] == ["Q: What were we doing before, and what was wrong with it?"]
    assert labels["assessment"] == ["Q: Okay, what's bad about it?"]


# "How we deployed before" names the old way, not the walkthrough's deploying (batches
# 712 to 719, read right with batches 736 to 743)
BEFORE_DIARY = """### Monday — how we deployed before

We copied the model files to the VM by hand and restarted the service; twice a half-copied \
file took the recommendations down for forty minutes, and nobody knew which version was live.

### Tuesday — first recipe

I wrote a Shipit recipe for our movie recommender: it uploads each release to its own \
folder, links the shared model files and switches a symlink, so a deploy took nine seconds.

### Wednesday — verdict

It works well for one VM and the rollback is instant. However, the documentation is thin, \
a failed hook leaves the release folder behind, and it needs PHP on every machine.
"""


def test_how_the_team_did_it_before_names_the_problem() -> None:
    readings = read_naming_the_tool(BEFORE_DIARY, "Shipit")
    labels = {name: [part.label for part in r.parts] for name, r in readings.items()}
    assert labels["problem"] == ["Monday — how we deployed before"]
    assert labels["examples"] == ["Tuesday — first recipe"]


# "What bothers us" names the verdict's drawbacks, said of the team (batches 744 to 751)
BOTHERS = """**Why bother.** Our recommender's only copy of two months of ratings sits in one \
Postgres database, and last week a teammate dropped the ratings table by mistake; four days \
of ratings were lost for good.

**Setting it up.** I ran Backupbox on our VM, pointed it at the database and scheduled a \
nightly dump at 04:30, after the retraining. Restoring last night's dump into a scratch \
database gave the same offline evaluation score as production.

**What we liked.** It was running in minutes, and the history page shows every run.

**What bothers us.**

- It only makes full dumps, with no point-in-time recovery, so a table dropped at 16:00 \
loses everything since 04:30.
- All its settings live in its own database, not in our repository.
"""


def test_what_bothers_us_names_the_verdict() -> None:
    readings = read_naming_the_tool(BOTHERS, "Backupbox")
    labels = [part.label for part in readings["assessment"].parts]
    assert labels == ["What we liked", "What bothers us"]


RETRO_WENT_WELL = (
    "We put the tool in front of the nightly job that trains on our movie ratings. The first "
    "run flagged 3,100 ratings with no movie id from the TV app, and we fixed the mapping in "
    "the consumer the same day. Then we replayed two weeks of logs through it: it took 40 "
    "seconds per night and caught the two broken exports we had missed."
)


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ("☀️ What went well", "🌧️ What didn't go well"),
        ("What went well", "What did not go well"),
        ("Went well", "Didn't go well"),
    ],
)
def test_what_went_well_in_a_retrospective_may_tell_the_walkthrough(good: str, bad: str) -> None:
    """A retrospective tells what the team did under "What went well", beside "What didn't
    go well" (batches 860 and 902 of the evaluation set): with no other walkthrough, that
    half is the walkthrough, and the other half still weighs the tool."""
    text = f"{STANDARD_PROBLEM}\n\n## {good}\n\n{RETRO_WENT_WELL}\n\n## {bad}\n\n{LIMITS}\n"
    got = read(text)
    assert taken(got["examples"]) == [(CONTENT, good)]
    assert taken(got["assessment"]) == [(HEADING, bad)]


def test_what_went_well_that_only_praises_stays_the_verdict() -> None:
    """A "What went well" that only praises shows no use: the walkthrough stays missing."""
    text = (
        f"{STANDARD_PROBLEM}\n\n## What went well\n\n{STRENGTHS}\n\n"
        f"## What didn't go well\n\n{LIMITS}\n"
    )
    got = read(text)
    assert taken(got["examples"]) == []
    assert (HEADING, "What went well") in taken(got["assessment"])


@pytest.mark.parametrize("heading", ["What worries me", "What worried us", "Our worries"])
def test_headings_that_name_what_worries_the_writer_weigh_the_tool(heading: str) -> None:
    """ "What I liked" followed by "What worries me" (batch 902 of the evaluation set):
    the worries are the limitations."""
    text = (
        f"{STANDARD_PROBLEM}\n\n{STANDARD_EXAMPLES}\n\n## What I liked\n\n{STRENGTHS}\n\n"
        f"## {heading}\n\nIt is another server to run and back up, and lots of small files "
        "will be slow through it.\n"
    )
    assert taken(read(text)["assessment"]) == [(HEADING, "What I liked"), (HEADING, heading)]


@pytest.mark.parametrize(
    "heading",
    ["1. The reason: four people, four NDCGs", "The reasons we looked", "2. The reason, in short"],
)
def test_the_reason_over_numbers_not_comparable_tells_the_problem(heading: str) -> None:
    """ "1. The reason: four people, four NDCGs" opens a listicle (batch 904 of the
    evaluation set): teammates had their own metric, the numbers were not comparable, and
    a bug there ships a bad model. "The reason" hints at the problem and the text agrees."""
    text = (
        f"## {heading}\n\nThe four of us had their own NDCG function in a notebook. We spent "
        "an hour on which model was better, and neither number was comparable. A bug "
        "there means a bad model on the endpoint for a day.\n\n"
        f"{STANDARD_EXAMPLES}\n\n{STANDARD_ASSESSMENT}\n"
    )
    assert taken(read(text)["problem"]) == [(HINT, heading)]


ESSAY_PROBLEM = (
    "Our nightly job that builds viewer features ran on one core of the team VM for 50 "
    "minutes, so the new model reached the endpoint after the morning traffic had started, "
    "and when a run failed there was no time to run it again before viewers arrived."
)
ESSAY_CODE = (
    "Switching was a three-line change:\n\n```python\nfrom quickpool import Pool\n"
    "features = Pool(workers=4).map(user_features, watch_events)\n```"
)
ESSAY_RESULTS = (
    "Four workers get four chunks each, so one slow chunk does not hold up the end. The "
    "progress bar is handy, and surprisingly useful when you watch a job at night. The "
    "result: the feature step went from 50 minutes to 16. Not four times faster, because "
    "reading the files is still single-core and the chunks must be pickled first. I "
    "compared the output with last week's table for every movie and user: identical. A "
    "smaller win: the quantiles over movies went from 40 s to 15 s."
)
ESSAY_LIMITS = (
    "Now the less pleasant part. Memory doubled, because each worker holds its own chunk, "
    "and we had to lower the workers on busy nights. Errors inside a worker come back as a "
    "long traceback that is harder to read, and for cheap functions the overhead makes it "
    "slower than plain code."
)


def test_an_essay_whose_results_open_its_verdict_shows_the_walkthrough() -> None:
    """An essay with no headings shows its code, then what came of it ("went from 50
    minutes to 16", "compared the output"), then "Now the less pleasant part" (batches 921
    and 925 of the evaluation set). The paragraph of results reads a little like a verdict
    too ("useful", "still", "a smaller win"): it is the walkthrough, and the verdict is what
    follows it."""
    text = f"{ESSAY_PROBLEM}\n\n{ESSAY_CODE}\n\n{ESSAY_RESULTS}\n\n{ESSAY_LIMITS}\n"
    got = read(text)
    assert [p.lines for p in got["examples"].parts] == [(3, 10)]
    assert [p.lines for p in got["assessment"].parts] == [(12,)]


def test_a_verdict_that_opens_with_a_vendor_demo_keeps_the_walkthrough_missing() -> None:
    """The same essay whose results come from the vendor's toy data shows no use of the
    scenario: the walkthrough stays missing and the verdict keeps its paragraphs."""
    demo = (
        ESSAY_RESULTS.replace("when you watch a job at night", "when you wait for a job")
        .replace("last week's table for every movie and user", "a serial run on the toy rows")
        .replace("the quantiles over movies", "the quantiles over the toy rows")
    )
    code = ESSAY_CODE.replace("user_features, watch_events", "row_total, toy_rows")
    text = f"{ESSAY_PROBLEM}\n\n{code}\n\n{demo}\n\n{ESSAY_LIMITS}\n"
    got = read(text)
    assert got["examples"].parts == ()
    assert len(got["assessment"].text) > len(ESSAY_LIMITS)


@pytest.mark.parametrize(
    "heading", ["Three complaints", "Fri. (thinking about it)", "4 complaints"]
)
def test_a_heading_late_in_the_post_that_hints_at_the_problem_is_not_its_problem(
    heading: str,
) -> None:
    """A post that never says what goes wrong without its tool ends with "3 complaints" or
    a diary's "Fri. (thinking about it)" (five posts of the evaluation set). The heading
    hints at the problem and the text has problem words ("missing", "wrong", "had to"),
    but it stands late in the post, where the problem a post opens with is not: the
    problem is reported missing."""
    late = (
        "The history page keeps growing until it is slow to open, the export is missing the "
        "genre column, and twice the diff showed the wrong run, so I had to check by hand "
        "and lost an hour each time."
    )
    text = (
        f"## 27,000 movies, one week of ratings\n\n{EXAMPLES}\n\n"
        f"## What I liked\n\n{STRENGTHS}\n\n## {heading}\n\n{late}\n"
    )
    got = read(text)
    assert got["problem"].parts == ()
    assert any("late in the post" in note for note in got["problem"].considered)


def test_a_heading_that_hints_at_the_problem_early_in_the_post_still_tells_it() -> None:
    """The same heading and text opening the post tell its problem."""
    opening = (
        "The history page of our old tracker kept growing until it was slow to open, the "
        "export was missing the genre column, and twice it showed the wrong run, so we had "
        "to check by hand."
    )
    text = (
        f"## Three complaints\n\n{opening}\n\n## 27,000 movies, one week of ratings\n\n"
        f"{EXAMPLES}\n\n## What I liked\n\n{STRENGTHS} {LIMITS}\n"
    )
    assert taken(read(text)["problem"]) == [(HINT, "Three complaints")]


@pytest.mark.parametrize("heading", ["Pain points", "[8] Pain points", "Pain point #1: backfill"])
def test_pain_points_after_the_walkthrough_are_the_tools(heading: str) -> None:
    """A "Pain points" heading names the problem a post opens with as well as what hurt in
    the tool. In the second half of a post, after the walkthrough, the heading closes the
    post: its drawbacks are the tool's, and the problem is read from the opening text."""
    text = (
        f"{PROBLEM}\n\n## Setting it up on our VM\n\n{EXAMPLES}\n\n## What I liked\n\n"
        f"{STRENGTHS}\n\n## {heading}\n\n{LIMITS}\n"
    )
    got = read(text)
    assert (HEADING, heading) in taken(got["assessment"])
    assert heading not in [label for _how, label in taken(got["problem"])]
    assert got["problem"].parts


def test_pain_points_opening_the_post_are_its_problem() -> None:
    """The same heading over the opening text names the problem."""
    text = (
        f"## Pain points\n\n{PROBLEM}\n\n## Setting it up on our VM\n\n{EXAMPLES}\n\n"
        f"## Strengths and limitations\n\n{STRENGTHS} {LIMITS}\n"
    )
    assert taken(read(text)["problem"]) == [(HEADING, "Pain points")]


@pytest.mark.parametrize(
    "heading", ["## What hurt before", "**What hurt before**", "### What hurts before"]
)
def test_what_hurt_before_the_tool_is_the_problem(heading: str) -> None:
    """A review card opens with "What hurt before": "what hurt" names drawbacks, but
    before the tool it is the problem the tool addresses, and the verdict is read from the
    pros and cons."""
    text = (
        f"{heading}\n\n{PROBLEM}\n\n## Setting it up on our VM\n\n{EXAMPLES}\n\n"
        f"## Pros and cons\n\n{STRENGTHS} {LIMITS}\n"
    )
    got = read(text)
    assert [label for _how, label in taken(got["problem"])] == [heading.strip("#* ")]
    assert taken(got["assessment"]) == [(HEADING, "Pros and cons")]


READER_OPENING = (
    "simpervisor is a small Python library for starting and watching child processes from "
    "asyncio code. If you have opened a dashboard inside JupyterHub, you have used it "
    "without knowing it. I used it for the deploy tooling of our recommender this "
    "milestone, and here is what I learned, in list form."
)


def test_a_cue_that_describes_the_reader_is_no_problem() -> None:
    """ "You have used it without knowing it" opens a feature tour: its one problem word
    speaks of the reader, so the opening is no weaker evidence of a problem, and a post
    that never says what goes wrong without its tool lacks the problem."""
    text = (
        f"{READER_OPENING}\n\n## Setting it up on our VM\n\n{EXAMPLES}\n\n"
        f"## Strengths and limitations\n\n{STRENGTHS} {LIMITS}\n"
    )
    assert read(text)["problem"].parts == ()


def test_the_same_cue_told_of_the_team_is_weaker_evidence_of_the_problem() -> None:
    """The same opening, its problem word told of the team ("we restarted it by hand
    without knowing why it died"), still tells the problem on weaker evidence."""
    opening = READER_OPENING.replace(
        "If you have opened a dashboard inside JupyterHub, you have used it without knowing it.",
        "Our API kept dying at night and we restarted it by hand without knowing why.",
    )
    assert opening != READER_OPENING
    text = (
        f"{opening}\n\n## Setting it up on our VM\n\n{EXAMPLES}\n\n"
        f"## Strengths and limitations\n\n{STRENGTHS} {LIMITS}\n"
    )
    assert read(text)["problem"].parts


@pytest.mark.parametrize("edges", ["The sharp edges", "Sharp edges we hit"])
def test_sharp_edges_are_limitations(edges: str) -> None:
    """ "The sharp edges" (batch 993) between the walkthrough and a praising "Verdict" is
    where the limitations are, not more of the walkthrough."""
    verdict = f"## {edges}\n\n- {LIMITS}\n\n## Verdict\n\n{STRENGTHS}"
    readings = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, verdict))
    assert taken(readings["assessment"]) == [(HEADING, edges), (HEADING, "Verdict")]
    assert taken(readings["examples"]) == [(HEADING, "How it helps with our movie ratings")]


def test_the_opening_scene_begins_no_walkthrough() -> None:
    """ "Slide 1: Our setup" over the team's service, then "Slide 2: The incident"
    (batch 590): the setup sets the scene, so the incident after it is the problem."""
    scene = (
        "## Slide 1: Our setup\n\n- Movie recommender, 20 movie ids per request\n"
        "- Team VM: Flask service, Kafka consumer, a metrics store and Grafana"
    )
    incident = f"## Slide 2: The incident\n\n{PROBLEM}"
    readings = read(post(f"{scene}\n\n{incident}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT))
    assert taken(readings["problem"]) == [(HINT, "Slide 2: The incident")]
    # a setup with code in it is the walkthrough's first step: trouble after it is its own
    step = f"{scene}\n\n```bash\ndocker compose up\n```"
    readings = read(post(f"{step}\n\n{incident}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT))
    assert not readings["problem"].found


def test_terse_incident_notes_tell_the_problem() -> None:
    """Notes under "context" (batch 1030) tell the problem in a few words: a consumer in a
    crash loop for hours, a hole in the training data."""
    notes = (
        "## context\n\n- ingest consumer: raw Kafka line, then a dict, then Postgres\n"
        "- 03:12 it hit a bad line, restarted at the same offset: a crash loop for ~4h, "
        "nobody awake\n- result: a 4h hole in the training data\n"
        "- want: one written shape for events, reject the bad ones"
    )
    readings = read(post(notes, STANDARD_EXAMPLES, STANDARD_ASSESSMENT))
    assert taken(readings["problem"]) == [(HINT, "context")]


@pytest.mark.parametrize(
    "heading", ["The annoying thing", "The annoying thing about retrains", "the annoyance"]
)
def test_an_annoyance_opening_the_post_is_its_problem(heading: str) -> None:
    """ "the annoying thing" or "the annoyance" over the post's first section (batches 1577
    and 917) names the problem, though "annoying" names a drawback, even where the section
    already names the tool; late, after the walkthrough, an annoyance is the verdict's."""
    problem = f"{PROBLEM} The suite we chose for this runs next to that job."
    text = (
        f"## {heading}\n\n{problem}\n\n## Trying it\n\n{EXAMPLES}\n\n"
        f"## Pros and cons\n\n{STRENGTHS}\n\n## Small annoyances\n\n{LIMITS}\n"
    )
    got = read(text)
    assert taken(got["problem"]) == [(HEADING, heading)]
    assert taken(got["assessment"]) == [(HEADING, "Pros and cons"), (HEADING, "Small annoyances")]


@pytest.mark.parametrize("heading", ["The serving gap", "Our monitoring gap"])
def test_a_gap_in_what_the_team_has_names_the_problem(heading: str) -> None:
    """ "The serving gap" (batch 1302) names the problem, though "serving" alone would
    name the walkthrough."""
    text = (
        f"## {heading}\n\n{PROBLEM}\n\n## Trying it\n\n{EXAMPLES}\n\n"
        f"## Strengths and limitations\n\n{STRENGTHS} {LIMITS}\n"
    )
    assert taken(read(text)["problem"]) == [(HEADING, heading)]


def test_a_numbered_post_whose_last_member_hints_at_the_verdict_opens_with_its_problem() -> None:
    """Numbered sections ("1. …" to "5. …") whose later members the walkthrough took, and
    whose last one hints at the verdict ("5. Final thoughts", batch 1323), are a list of
    topics, not the walkthrough's steps, even while the verdict only praises: the first
    may tell the problem."""
    text = (
        "# 1. Where our prediction logs were going\n\n"
        "Each of our three serving processes wrote its own log file, and rotation was not "
        "safe across workers, so we lost lines around midnight and twice forgot a file in "
        "an analysis. Joining what we recommended with what viewers watched was tedious "
        "and often wrong.\n\n"
        "# 2. What the daemon is\n\n"
        "It is a log aggregation server: a local daemon on every machine forwards messages "
        "by category to a central one, which writes them to files.\n\n"
        "# 3. Setup\n\n"
        "I installed it on the team VM and pointed our Flask recommendation service and its "
        "second model server at the local daemon, one category per model.\n\n"
        "# 4. What happened with our service\n\n"
        "Over four days it logged 212,000 recommendation requests with the movie ids we "
        "served; I stopped the central daemon for ten minutes and no line was lost.\n\n"
        "# 5. Final thoughts\n\n"
        "It turned our scattered logs into one stream per model, and setting it up took one "
        "afternoon. I would recommend it to any team with more than one serving process.\n"
    )
    got = read(text)
    assert [p.label for p in got["problem"].parts] == ["1. Where our prediction logs were going"]


def _problem_found_before_setup(opening: str) -> bool:
    """Whether the problem is found in a post of `opening`, then a walkthrough under a
    plain "Setup" heading and the standard verdict."""
    return read(post(opening, f"## Setup\n\n{EXAMPLES}", STANDARD_ASSESSMENT))["problem"].found


@pytest.mark.parametrize(
    "novelty",
    [
        "The elephant is the mascot of the old big-data stack, and a turtle carries it. So "
        "when I saw the project in a list of old ecosystem tools, I had to know what it "
        "does. Nobody in our class had heard of it, and neither had I.",
        "The elephant is the mascot of the old big-data stack. When I saw the project in a "
        "list of old ecosystem tools, I had to know what the turtle under it does. I had "
        "never heard of it, and it looked like a good excuse to read some Java.",
        # a phrase heard once that stayed with the writer (batch 1568)
        'I first heard about it at a local meetup. One slide said "upserts in an analytics '
        'store", and that phrase stuck with me, because I had always thought of such stores '
        "as append-only. So when the course asked us to pick a tool we had never used, I "
        "picked it.",
    ],
)
def test_an_opening_on_the_tools_novelty_tells_no_problem(novelty: str) -> None:
    """Curiosity told in trouble words ("I had to know what it does", "nobody had heard of
    it", batch 1323; "that phrase stuck with me", batch 1568) is why the writer picked the
    tool, not a problem it addresses."""
    novelty += (
        "\n\nIt is a data collection system from a large web company. Agents on each machine "
        "send logs to collectors, which write them to files that a batch job later turns "
        "into tables."
    )
    assert not _problem_found_before_setup(novelty)
    assert _problem_found_before_setup(PROBLEM)


@pytest.mark.parametrize(
    ("heading", "found"),
    [
        ("What profiles are", False),
        ("What it is", False),
        ("Profiles in a nutshell", False),
        # the same text under a heading that does not describe the tool may tell a need
        ("Background", True),
        ("Compose files", True),
    ],
)
def test_a_description_of_the_tool_is_no_weaker_evidence_of_a_problem(
    heading: str, found: bool
) -> None:
    """ "What profiles are" (batch 1440) over what the tool does: "a job that fails" and
    "only when" describe it, and are no weaker evidence of a need it meets."""
    description = (
        "Profiles let us mark services in our compose file as optional. A service with a "
        "profile starts only when that profile is active, and a job that fails is not "
        "restarted by the others. We can turn on several profiles at once from the command "
        "line or from an environment variable."
    )
    assert _problem_found_before_setup(f"### {heading}\n\n{description}") is found


@pytest.mark.parametrize(
    ("heading", "voice", "found"),
    [
        ("What?", "", False),
        ("🧩 What", "", False),
        ("What it does", "", False),
        # the same text under a heading that does not describe the tool tells a need
        ("Background", "", True),
        # ... and a need told in the team's words serves under any heading
        ("What?", "Our nightly job broke on such records; we had to fix them by hand. ", True),
    ],
)
def test_an_unvoiced_description_is_no_problem_however_many_trouble_words(
    heading: str, voice: str, found: bool
) -> None:
    """A "What?" between "Why?" and "How?" (batch 1517) describing what the tool does in
    trouble words ("it doesn't guess", "one wrong digit", "broken records") tells no need,
    even when the words are many; told as what happened to the team, it does."""
    description = (
        f"{voice}The package has two functions. The first fills in a missing value only "
        "when exactly one value is consistent with the rules: it doesn't guess, and a "
        "value the rules do not pin down stays missing. The second looks at broken records "
        "that fail an equality because of a typo, such as one wrong digit, two swapped "
        "digits or a sign error, and repairs them when exactly one fix exists."
    )
    assert _problem_found_before_setup(f"## {heading}\n\n{description}") is found


@pytest.mark.parametrize(("label", "found"), [("Less good", False), ("Before it", True)])
def test_a_summarys_verdict_line_tells_no_problem(label: str, found: bool) -> None:
    """A TL;DR whose last line weighs the tool ("Good: … Less good: needs a recent cluster,
    … gets confusing", batch 1530) summarises the verdict: its trouble words are the
    tool's drawbacks, not the problem it addresses. The same words told of the time before
    the tool tell one."""
    summary = (
        "> **TL;DR**\n"
        "> - An init container with `restartPolicy: Always` becomes a native sidecar.\n"
        f"> - Good: explicit ordering. {label}: our log shipper stopped before the app, "
        "we lost the last lines of every deploy, we needed manual restarts, and the "
        "shutdown order was confusing for the whole team.\n\n"
        "I read the release notes for another reason and wanted to see what native changes."
    )
    assert _problem_found_before_setup(summary) is found


@pytest.mark.parametrize(
    "unknown", ["without knowing what it does", "and I realized I have no idea how it works"]
)
def test_having_seen_the_tool_without_knowing_what_it_does_tells_no_problem(
    unknown: str,
) -> None:
    """ "I had seen the profiles key in other people's files without knowing what it
    does" (batches 1440, 1455) tells why the writer looked at the tool, not a need."""
    seen = (
        "Our whole movie recommendation project runs from one compose file on the course "
        f"VM, and I had seen the profiles key in other people's files {unknown}. So this "
        "post is me learning it properly and trying it on our real stack, where every "
        "service starts at once."
    )
    assert not _problem_found_before_setup(seen)
    assert _problem_found_before_setup(seen.replace(unknown, "without knowing its name"))


def test_what_kept_drawing_the_writer_to_the_tool_tells_no_problem() -> None:
    """A tool that "keeps coming up", noticed in a plugin list, and a post that covers
    three tools "instead of writing only about" one (batch 1451) tell why the writer
    looked, and what the post covers: no need."""
    drawn = (
        "The log shipper keeps coming up as the lightweight one among log processors, and "
        "when I read its plugin list I noticed a filter that makes metrics straight from "
        "log records, without anything in between. So instead of writing only about that "
        "filter, I set up all three tools on the same data of our team."
    )
    assert not _problem_found_before_setup(drawn)


def test_a_why_heading_over_a_tool_that_kept_showing_up_tells_no_problem() -> None:
    """ "Why Datatron" over a tool that "kept showing up" in lists, picked as one none of
    the writer's classmates had claimed (batch 1448), names the problem only by "why"."""
    why = (
        "### Why this platform\n\nI went through a couple of landscape lists looking for "
        "something none of my classmates had claimed, and this platform kept showing up in "
        "the enterprise column. It describes itself as a platform for deploying and "
        "monitoring models on any infrastructure. There is no free tier, so I asked for a "
        "two-week sandbox account."
    )
    assert not _problem_found_before_setup(why)


def test_a_why_heading_over_the_writers_motives_tells_no_problem() -> None:
    """ "Why this tool" over what made the writer pick it (spare credits, a phrase they
    kept seeing in the docs, a side nobody had looked at, batch 1346) names the problem
    only by its heading: the text speaks of the writer's choice, not of a need."""
    motives = (
        "### Why this tool\n\nI had some cloud credit left from another course, and I kept "
        "seeing the phrase 'deploy with one command' in the docs. The service itself has "
        "been written about before, but nobody had looked at this side of it. I wanted to "
        "see what that one command actually does."
    )
    assert not _problem_found_before_setup(motives)
    needs = motives.replace("I wanted to see", "We needed it, since nobody could say")
    assert _problem_found_before_setup(f"{needs}\n\n{PROBLEM}")


def test_a_first_heading_that_names_a_step_over_a_pain_may_tell_the_problem() -> None:
    """ "1. The slow five minutes after every deploy" (batch 1337) names the walkthrough
    by "deploy", but it opens the post with a pain ("slow") over text that tells the
    problem, and the steps after it ("2. Install") show the tool: it is the problem."""
    opening = f"## 1. The slow five minutes after every deploy\n\n{PROBLEM}"
    steps = f"## 2. Install and first look\n\n{EXAMPLES}"
    readings = read(post(opening, steps, STANDARD_ASSESSMENT))
    assert [p.label for p in readings["problem"].parts] == [opening.splitlines()[0][3:]]
    assert taken(readings["examples"]) == [(HEADING, "2. Install and first look")]
    # with no pain in its heading, a deploy step opening the post is the walkthrough's
    plain = opening.replace("The slow five minutes after every deploy", "Every deploy")
    assert not read(post(plain, steps, STANDARD_ASSESSMENT))["problem"].found


def test_the_old_way_s_code_under_a_first_heading_hinting_at_the_problem_may_tell_it() -> None:
    """ "Our deploy numbers, before" (batch 1443) names the walkthrough by "deploy" and
    hints at the problem by "before"; the code under it is the old Dockerfile, not the
    tool's: its text tells the problem."""
    old_way = "```dockerfile\nFROM python:3.11\nCOPY . /app\n```"
    opening = f"## Our deploy numbers, before\n\n{PROBLEM}\n\n{old_way}"
    steps = f"## Running it on our service\n\n{EXAMPLES}"
    readings = read(post(opening, steps, STANDARD_ASSESSMENT))
    assert [p.label for p in readings["problem"].parts] == ["Our deploy numbers, before"]
    assert taken(readings["examples"]) == [(HEADING, "Running it on our service")]
    # code under a step that opens the post with no hint of trouble shows the tool
    plain = opening.replace("Our deploy numbers, before", "Deploying it")
    assert not read(post(plain, steps, STANDARD_ASSESSMENT))["problem"].found


def test_a_catch_met_along_the_walkthrough_does_not_end_it() -> None:
    """ "Entry 3: First contact, and the catch" (batch 1341) names the verdict amid the
    entries of trying the tool: the entries after it, before the verdict goes on ("Entry
    5: Things that didn't work"), are still the walkthrough's."""
    catch = (
        "It only reads a few fixed log formats, so I wrote a small script that rewrites "
        "our recommendation lines into one of them."
    )
    text = (
        f"### Entry 1: Why a log query tool?\n\n{PROBLEM}\n\n"
        "### Entry 2: Install\n\nFive minutes of compiling on the VM.\n\n"
        f"### Entry 3: First contact, and the catch\n\n{catch}\n\n"
        f"### Entry 4: Latency per model version\n\n{EXAMPLES}\n\n"
        f"### Entry 5: Things that didn't work\n\n{LIMITS}\n\n"
        f"### Entry 6: Assessment\n\n{STRENGTHS}\n"
    )
    examples = read(text)["examples"]
    assert [p.label for p in examples.parts] == [
        "Entry 2: Install",
        "Entry 4: Latency per model version",
    ]
    # with nothing of the verdict after it, what follows the catch is not the walkthrough's
    last = text.split("### Entry 5")[0]
    assert [p.label for p in read(last)["examples"].parts] == ["Entry 2: Install"]


def test_a_title_naming_the_tool_shows_nothing_of_it_yet() -> None:
    """ "# Shipping a new movie model with scp-action" over the post (batch 1352) names the
    tool in its title: the verdict's word in the first section after it ("The annoying
    part of our deployment") still tells what came before the tool, so the problem."""
    text = (
        "# Shipping a new movie model with scp-action\n\n"
        f"## The annoying part of our deployment\n\n{PROBLEM}\n\n"
        f"## Trying it\n\nI added scp-action to our workflow.\n\n```yaml\nuses: scp\n```\n\n"
        f"{EXAMPLES}\n\n## Strengths\n\n{STRENGTHS}\n\n## Limitations\n\n{LIMITS}\n"
    )
    readings = read_naming_the_tool(text, "scp-action")
    assert [p.label for p in readings["problem"].parts] == ["The annoying part of our deployment"]
    assert [p.label for p in readings["assessment"].parts] == ["Strengths", "Limitations"]


def test_a_verdict_that_ends_a_series_does_not_take_the_parts_before_it() -> None:
    """ "Part 4: strengths and limitations" (batch 1362) ends a migration story told in
    parts, after a short story the walkthrough takes: "Part 1: the old way" before it
    still tells the problem, not the verdict."""
    text = (
        "# The short story\n\nThe movie logs of our recommender now reach the archive every "
        "hour, and I trained last week's model from its output.\n\n"
        f"# Part 1: the old way\n\n{PROBLEM}\n\n# Part 2: the move\n\n{EXAMPLES}\n\n"
        "# Part 3: after\n\nThe archive now fills itself every hour.\n\n"
        "# Part 4: strengths and limitations\n\n## Strengths\n\n"
        f"{STRENGTHS}\n\n## Limitations\n\n{LIMITS}\n"
    )
    readings = read(text)
    assert [p.label for p in readings["problem"].parts] == ["Part 1: the old way"]
    assert readings["assessment"].parts[0].label == "Part 4: strengths and limitations"


@pytest.mark.parametrize("heading", ["Old setup: stats.py", "The old way"])
def test_the_old_setup_names_the_problem(heading: str) -> None:
    """ "Old setup: streamstats.py" (batch 1361) opens a migration story with what the
    team did before the tool: the problem, though "setup" alone names the walkthrough."""
    readings = read(post(f"## {heading}\n\n{PROBLEM}", STANDARD_EXAMPLES, STANDARD_ASSESSMENT))
    assert taken(readings["problem"]) == [(HEADING, heading)]


def test_what_the_tool_costs_is_its_limitations() -> None:
    """ "What it costs" (batch 1365) between the walkthrough and a "Scorecard" that only
    praises tells the tool's limitations: the scorecard does not weigh the tool alone."""
    verdict = f"## What it costs\n\n{LIMITS}\n\n## Scorecard\n\n{STRENGTHS}"
    readings = read(post(STANDARD_PROBLEM, STANDARD_EXAMPLES, verdict))
    assert taken(readings["assessment"]) == [(HEADING, "What it costs"), (HEADING, "Scorecard")]


@pytest.mark.parametrize(
    ("opening", "found"),
    [
        (
            "Ormsgpack is a serializer for Python objects that our recommender service could "
            "use. It writes compact bytes instead of JSON text, and it works without a schema "
            "file, so we can keep our dataclasses as they are. I picked it because the "
            "benchmarks looked fun.",
            False,
        ),
        (
            "Each of us trained models on our own laptop. When the TA asked which run produced "
            "the model in our demo, we spent an evening in folders and were still not sure. Two "
            "of us had trained on different versions of the ratings file without knowing it.",
            True,
        ),
    ],
)
def test_instead_of_and_without_alone_tell_no_need(opening: str, found: bool) -> None:
    """What the tool does "instead of" something, or "without" something (batches 995,
    1044), describes it: those words add to a problem's score but meet no need alone.
    Work done "without knowing it", and a team "still not sure" which run it was, is one."""
    assert _problem_found_before_setup(opening) is found


def test_a_run_in_label_titles_its_paragraph() -> None:
    """ "Why bother. Our current check …" (batch 883): in a letter with no headings, a
    two-word label opening a paragraph names its requirement as a heading would, though
    the paragraph's recall figures read like the walkthrough's results."""
    text = (
        "Hi team,\n\nsince you take over monitoring next sprint, here is what I did with the "
        "energy test and why the nightly job now has a step called drift_energy.\n\n"
        "Why bother. Our current script compares the mean of a few features. Means miss a lot. "
        "When short sessions and long binges both grew, the mean barely moved, but our model's "
        "recall@20 on the next day dropped from 0.118 to 0.097, and latency went from 90 to "
        "140 ms.\n\n"
        "What I did. I ran the energy test every night on 2,000 sessions of last week and "
        "today and logged the p-value next to our model's metrics. It flagged 4 days in the "
        "backfill, one to two days before recall dropped, and I compared it with the "
        "mean-based check.\n\n"
        f"**What's not good:**\n\n{LIMITS} {STRENGTHS}\n"
    )
    readings = read(text)
    assert "Means miss a lot" in readings["problem"].text
    assert "Means miss a lot" not in readings["examples"].text


def test_a_fix_and_a_second_try_are_the_walkthroughs_doings() -> None:
    """ "This time I did …" and "Fix was a timeout plus a retry" (batch 251) tell what the
    writer did with the tool."""
    text = (
        "The problem. Every night our movie recommender retrains. Three times in two weeks the "
        "job did not finish: no error, no traceback, nothing after the last log line, so the "
        "API kept serving a model three days old and nobody could see where it stopped.\n\n"
        "What I added. Only a few lines at the top of retrain.py:\n\n"
        "```python\nimport faulthandler\nfaulthandler.dump_traceback_later(3600)\n```\n\n"
        "The result. Two nights later it hung again. This time I did a kill -USR1 into the "
        "pod and read the traceback of every thread in the logs:\n\n"
        '```\nFile "/app/registry_client.py", line 48 in register_model\n```\n\n'
        "The job waited forever for an answer from our model registry. Fix was a timeout of "
        "30 seconds plus a retry, and four weeks later there has been no hang.\n\n"
        f"**What I liked**\n\n{STRENGTHS}\n\n**What is not so good**\n\n{LIMITS}\n"
    )
    cues = {cue for part in read(text)["examples"].parts for cue in part.cues}
    assert {"this time i", "fix was"} <= cues


def test_pieces_to_debug_and_mediocre_numbers_tell_a_problem() -> None:
    """ "Every piece is ours to debug at 2 a.m." and "our online numbers are mediocre"
    (batch 1374) tell what the team lives with: a problem."""
    opening = (
        "Our team's recommender is matrix factorization on the rating events, plus a "
        "popularity fallback, a nightly training script and the Flask service. Every piece is "
        "ours to debug at 2 a.m. Meanwhile our online numbers are mediocre: about 5% of the "
        "movies we recommend get started within 30 minutes."
    )
    assert _problem_found_before_setup(opening)


def test_trouble_words_around_the_writers_pick_tell_no_problem() -> None:
    """An opening that tells how the writer picked the tool (`picked_by`: "I claimed it",
    batch 1469) around a few trouble words ("every time", "budget") tells a whim: weaker
    evidence of a need is none there. The same words with no pick told still hint at one."""
    whim = (
        "Every time I see one of those charts of where a city budget goes, I stare at it for "
        "ten minutes. Our team dashboard, meanwhile, is eleven line charts of request counts "
        "and latency. When I learned there is a panel plugin that draws such charts, I "
        "claimed it on the spreadsheet before anyone else could."
    )
    assert not _problem_found_before_setup(whim)
    told = whim.replace("I claimed it on the spreadsheet before anyone else could", "we tried it")
    assert _problem_found_before_setup(told)


def test_three_bold_phrases_alone_with_full_stops_title_a_memo() -> None:
    """A memo with no headings titles its parts with bold phrases alone on their lines,
    each with a full stop ("**Context.**", "**Findings.**", batch 1476): three of them are
    its sections, beside a lead-in. Two stay emphasis, as do diary labels of two sentences
    ("**Day 4, Thursday. The problems.**")."""
    memo = (
        "**Summary.** I tried it on our repository.\n\n"
        "**Context (why I looked at this).**\n\nOur code grew fast.\n\n"
        "**What I did.**\n\nOne install.\n\n"
        "**Assessment.**\n\nFast, but the graph gets crowded.\n"
    )
    body = Body(memo, 1)
    assert [h.text for h in reading_outline(body, outline(body))[0]] == [
        "Summary",
        "Context (why I looked at this)",
        "What I did",
        "Assessment",
    ]
    two = memo.replace("**What I did.**\n\n", "")
    body = Body(two, 1)
    assert reading_outline(body, outline(body))[0] == []
    diary = memo.replace("What I did.", "Day 2, Tuesday. What I did.")
    body = Body(diary, 1)
    assert reading_outline(body, outline(body))[0] == []
