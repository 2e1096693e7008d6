"""A verdict weighs the tool when a clause of it names a limitation that praise does not
explain: the shipped course's lists, read clause by clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.course import Section, load_course
from anthology.gate.vocabulary import stems, vocabulary
from anthology.gate.weighing import unexplained, weighs

COURSE = Path(__file__).resolve().parents[2] / "content" / "course.yaml"


@pytest.fixture(scope="module")
def verdict() -> Section:
    course = load_course(COURSE)
    return next(s for o in course.options for s in o.sections if s.id == "assessment")


@pytest.mark.parametrize(
    "text",
    [
        "It caught a real bug in our join on day one.",
        "In one week it found two data-loss bugs in the export.",
        "We never had to think about the cluster again.",
        "I never had to write a line of glue code.",
        "Three weeks of nightly runs and no crashes.",
        "The rename bug simply can't happen silently anymore.",
        "It paid off the first night.",
        "The pruning alone paid for the time I spent on the setup.",
        "For anyone running an API that is slow, I'd make it the very first step.",
        "I can't think of a simpler way to get there.",
        "Before, every retrain meant slower rollouts.",
        "One page now shows the whole chain I had to explain by hand before.",
        'It turned "is the database slow?" into numbers we could act on.',
        "It gave us exactly what we were missing: one place to look.",
        "We set CPU limits on every container, and the lag alert fires within a minute.",
        "It is not only fast but also simple to run.",
        "It turned our slowest, most painful job into a two-minute one.",
        "We went from a bug-prone cron script to fifteen lines of config.",
        "One small service instead of one heavy app.",
        "Real data safety for the price of one binary.",
        "It caught a stale-data incident and a subtle parser bug in its first week.",
        "Blurbs are cached per movie, so the server only sees cache misses.",
        # a bug is mostly what the tool found (`found_words`), with or without the verb
        "The week 6 bug is exactly the kind of issue schema tests never see.",
        "Three serious bugs in three weeks, each one invisible to every other check.",
        # whom the tool is for (`situation_by`, up to the next comma)
        "If your recommendation endpoint is slow, this should be the first thing you try.",
        "It is the first thing I open when anything in the pipeline looks slow.",
        "For any team whose training logs cannot be collected again, it is a must on day one.",
        "If your offline metrics look fine but you still aren't sure, ask real viewers.",
        # denied (`denied_by`, `denied_close`)
        "The request path didn't get slower.",
        "It is not slow at all, even on the full history.",
        "We rerun the script after each migration to check that nothing got slower.",
        "None of our existing calls had to change.",
        # the contrast is the praise (`contrast_praise`)
        "Small, but powerful.",
        "The report looks plain, but what impressed me is how far the hooks go.",
        "We don't need four brokers, but it's good to know that scaling is a one-line change.",
        "We only wired up the ratings topic, but the plugin API looks simple enough.",
        "There are dozens of options, but the config is easy to read.",
        # the story goes on past a contrast word: no hedge, not about the tool
        "The hit rate was 9% for new users, but 41% for everyone else.",
        "Latency stayed at 80 ms during the day but jumped to 200 ms every night.",
        "We started with matrix factorisation, but then moved to a neural model.",
        "Nobody on the team knew the tool, yet the first dashboard took an hour.",
        "It is a small tool, but I think it deserves a post of its own.",
        # a missing value is mostly what the tool found (`found_words`)
        "Most of the missing rows came from that single day.",
        "It took one query to see that a missing movie id broke half of the lists.",
        # slowness is mostly what the tool found, unless said of the tool
        "The traces showed which endpoint was slow.",
        "Debugging a slow evening now takes a glance at the dashboard.",
        "Every slow request is one click away.",
        "Its top view names the most expensive process every second.",
        # the writer's own scope (`scope_by`), not the tool's
        "I didn't get to test how it handles heavy load.",
        "We run one node, so we couldn't see how it presents scheduling across nodes.",
        # praise told in drawback words
        "The restart counts make crash loops obvious at a glance.",
        # a limit is mostly a setting or a resource the story meets
        "After adding a 4 GB limit to the training job, the pods stayed up.",
        "It read 212 MB/s from disk and pushed memory close to the 8 GB limit.",
        # what the tool spares the team ("without forcing a heavy platform", batch 953)
        "Overall it gave us structure without forcing a heavy platform on our single VM.",
        "It fit into the nightly job without needing a separate scheduler.",
        "The export runs without any slow startup.",
        # none found, next to the old way's flaw (batch 970)
        "Compared to what we had before, the timestamp names, it's hard to find anything bad.",
        # the team's own doing, not the tool's (batch 984)
        "Our history of decisions was thin before the tool, but that's on us, not the tool.",
        # no reservation: done without a second thought
        "You add a log line without thinking twice.",
    ],
)
def test_praise_in_limitation_words_does_not_weigh(text: str, verdict: Section) -> None:
    assert not weighs(text, verdict)


@pytest.mark.parametrize(
    "text",
    [
        "It is slow on large tables.",
        "It caught two real bugs, but the first setup took me a whole day.",
        "I never got the GPU build working, and I had to write the Kafka reader myself.",
        "It can't read Parquet, so we export CSV first.",
        "No support for Windows, which two of us use.",
        "However, the documentation is thin.",
        "The free tier is limited to three users.",
        "Debugging a failed check is hard without the web report.",
        "It did not need a restart, but it is slow on large tables.",
        # what the team does without something is no praise
        "Without a GPU it is slow.",
        'The docs call the streaming mode "experimental", and it crashed twice on our data.',
        "Just don't expect it to be a scheduler.",
        "For anything long-lived I'd rather export to ONNX.",
        "It turned out to be slow on our full history.",
        "We never used the GPU build because it was slow.",
        "It found the bug in minutes, and the docs were confusing.",
        # "no" denies only what follows it closely; a verb's object may be long
        "No setup for our team of four and the free tier is limited to ten thousand rows.",
        # a situation ends at its comma; a hedged contrast weighs
        "If your history does not fit in memory, the export is slow.",
        "When your team has no Kubernetes, the first setup is painful.",
        "If your metrics look fine, but the export is slow to open, look elsewhere.",
        # a negation denies only the cue right after it
        "It wasn't easy: I had to write the Kafka reader myself.",
        "It doesn't scale and it is slow on our history.",
        # the writer's opinion is no finding (`opinion_by`)
        "I found the documentation confusing.",
        "We found it slow on our full history.",
        "It reads small tables well, but only fast ones under a million rows.",
        "Dashboards look nice, but not better than what Grafana gives for free.",
        "The model format is open, but the setup is not simple on a VM without Docker.",
        "I would use it again, with a close eye on the missing Postgres features.",
        # a reservation, and a format closed to other tools (batch 966)
        "I would think twice before betting a long-lived system on a library this quiet.",
        "Its shards are opaque to ad-hoc analytics.",
    ],
)
def test_a_limitation_of_the_tool_weighs_it(text: str, verdict: Section) -> None:
    assert weighs(text, verdict)


@pytest.mark.parametrize(
    "text",
    [
        "It runs every night. But its input format is cryptic.",
        "The runs are reproducible, but it is a dozen containers on a laptop.",
        "Tracking works, but Vowpal Wabbit is terse about what each option does.",
        "It works well for one model, though MLRun is big for a team of three.",
    ],
)
def test_a_contrast_that_turns_to_the_tool_weighs_it(text: str, verdict: Section) -> None:
    """After a contrast word, the tool as the subject (its name, "it", "its") weighs."""
    tool = frozenset(stems("Vowpal Wabbit MLRun"))
    assert weighs(text, verdict, tool)


@pytest.mark.parametrize(
    "text",
    [
        "It is slow on large tables.",
        "Couchbase is slower than Redis for single-key reads.",
        "The web UI felt a bit slow.",
        "Slow startup: forty seconds before the first request is answered.",
        "Its docs are missing for the streaming mode.",
        "The hosted plan is expensive for a team of students.",
        "It does have limits worth knowing: it explains the model, not the world.",
        "It is slow on large tables, and I did not test the Grafana export.",
    ],
)
def test_what_the_tool_finds_weighs_when_said_of_the_tool(text: str, verdict: Section) -> None:
    assert weighs(text, verdict, frozenset(stems("Couchbase")))


def test_a_contrast_word_alone_names_the_tool_only_by_its_name(verdict: Section) -> None:
    text = "Setup took an hour, but MLRun is big for a team of three."
    assert weighs(text, verdict, frozenset(stems("MLRun")))
    assert not weighs(text, verdict, frozenset(stems("Katib")))


def test_each_clause_is_read_on_its_own(verdict: Section) -> None:
    """A praise frame in one clause does not cover a limitation in the next."""
    praise = "It caught every broken export"
    assert not weighs(praise + ".", verdict)
    assert weighs(praise + "; the report is slow to open.", verdict)
    assert weighs(praise + ", though the report is slow to open.", verdict)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The tool I wish someone had shown us in week one.", False),
        ("It fixed the most annoying latency issue we had.", False),
        ("I wish it had a dark mode.", True),
        ('Card: "Things it can\'t do"', True),  # as written, quotes and all
        ("Where it bit us", True),
        ("The ordering is the thing that bit us before the fix.", False),
        ("Day 4: finding the weak spots of our model", False),
        # a bug of the tool is a drawback, named as one anywhere in the post
        ("I hit a bug in the exporter that dropped every second row.", True),
        ("The web UI is a bit buggy on Firefox.", True),
        # a feature's condition, the writer's own means, a dimension the tool explores
        ("Nothing gets killed unless the application opts in.", False),
        ("We did not want to spend our limited time on a monitoring stack.", False),
        ("We limited training to five cores.", False),
        ("The context object isn't limited to user IDs.", False),
        ("Honestly, I found the docs confusing and the CLI awkward.", True),
        ("With it we found that the consumer had crashed on a malformed line.", False),
        ("The trade-off between speed and recall is handled for you.", False),
        ("The free tier is limited to three users.", True),
        ("What bugged me most was the missing retry option.", True),
        ("The trade-off is a second service to run.", True),
        ("It is fast, but memory hungry", True),
        ("What's wrong with it", True),
        ("What was wrong with our deploys before", False),
        # a change kept small, the limits of the writer's own study (batch 593)
        ("The change in our service was limited to configuration.", False),
        ("Limitations of our study: we did not compare the storage options.", False),
        # disappointment, and the writer's warning (batches 672 to 679)
        ("Where it disappointed or where I would warn other teams:", True),
        ("It never disappointed us during the evaluation.", False),
        ("This post is the FAQ I wish I'd had when I started.", False),
        ("I wish it had a Python client.", True),
        # a "but" inside a noun phrase sets nothing against the praise (batches 696 to 703)
        ("It solved a small but very real annoyance in our workflow.", False),
        ("It solved the builds, but the annoyance of slow deploys stayed.", True),
        # "not so" names a drawback before a good quality only (batch 1003)
        ("In other countries not so many people know it yet.", False),
        ("Setting it up was not so hard after all.", False),
        ("The error messages are not so helpful.", True),
    ],
)
def test_drawback_words_in_praise_name_no_drawback(
    text: str, names: bool, verdict: Section
) -> None:
    drawbacks = vocabulary(verdict.cues.drawbacks, exact=True)
    assert unexplained(text, drawbacks, verdict, exact=True) is names


@pytest.mark.parametrize(
    ("text", "weighs_tool"),
    [
        # a sentence about another product, "it" included, until a clause names the tool
        (
            "The Serverless Framework does similar things, but it needs a Node.js toolchain "
            "and its newer versions require an account, whereas SAM is maintained by AWS.",
            False,
        ),
        ("We keep ratings in Postgres. Postgres cannot write its log on a full disk.", False),
        # ... or the part of a sentence after a colon
        (
            "Compared with GitHub pull requests, the difference is clear: GitHub PRs review a "
            "whole branch at once, so large PRs become hard to read.",
            False,
        ),
        # ... or its part after a short opening phrase (batches 672 to 679), unless that
        # part opens with the tool
        (
            "We pushed to Docker Hub. Compared to what we had before, Docker Hub had a steep "
            "learning curve and was public unless we paid.",
            False,
        ),
        (
            "We pushed to Docker Hub. Compared to Docker Hub, SAM has a steep learning curve.",
            True,
        ),
        # the tool named again weighs
        (
            "The Serverless Framework does similar things, but SAM is slow to deploy.",
            True,
        ),
        # a name qualifying the tool's own part, or a part named like the tool, is the tool's
        ("The Python API is still changing between versions.", True),
        ("Our first try used Python for the glue. Python bindings are painful to install.", True),
        ("We wrote rules in PromQL. PromQL has a steep learning curve.", True),
        # a name the text never uses inside a sentence is no product's
        ("Writing rules was painful. Debugging them was painful too.", True),
        # ... unless it leads beside one it uses (batch 606): "Trivy and Grype are …"
        (
            "We compared it with Grype. Trivy and Grype have a steep learning curve.",
            False,
        ),
        ("We compared it with Grype. Trivy and Prometheus have a steep learning curve.", True),
        # ... or with words naming the alternatives, past a short opening phrase too
        # (batches 688 to 695), unless they are what the tool is compared with
        (
            "Looking back at what we had before, the old setup's drawbacks were serious.",
            False,
        ),
        ("Other tools we considered have a steep learning curve.", False),
        ("The previous approach had a steep learning curve.", False),
        # ... or says its subject is theirs (batch 962)
        ("The biggest downside is of the old setup: it had a steep learning curve.", False),
        ("The only cons were about the old approach, which had a steep learning curve.", False),
        ("The previous situation was painful in a way we had not fully realised.", False),
        ("The biggest downside is the setup: it has a steep learning curve.", True),
        ("Compared to the old setup, SAM has a steep learning curve.", True),
        ("Other tools are simpler, but SAM has a steep learning curve.", True),
        # ... or with another product's part, its name in the possessive
        ("OWASP ZAP's active scan is powerful, but it has a steep learning curve.", False),
        ("SAM's template language has a steep learning curve.", True),
        ("That's a steep learning curve.", True),
        # "The" opening a sentence is no product, even where a title carries it inside a
        # sentence ("we don't recommend The Matrix", batch 963)
        ("We no longer recommend The Matrix twice. The setup has a steep learning curve.", True),
    ],
)
def test_a_sentence_about_another_product_does_not_weigh_the_tool(
    text: str, weighs_tool: bool, verdict: Section
) -> None:
    """A sentence that opens with another product the text names ("The Serverless
    Framework …, but it needs …") speaks of that product, not the tool (batch 560 of the
    evaluation set)."""
    tool = frozenset(stems("SAM Prometheus"))
    assert weighs(text, verdict, tool) is weighs_tool


@pytest.mark.parametrize(
    "text",
    [
        "If I had to sum it up: it gave us a production service for one YAML file.",
        'You can\'t "just push to main" by accident anymore.',
        # no drawback found, or none the writer could judge (batches 592 and 594)
        "Honestly, I struggled to come up with real ones.",
        "I haven't tried the cluster mode, so I can't say anything about it.",
        # ... or what the team did not need (batch 954)
        "The snapshots and compaction options were missing features we did not need.",
        # the limits of the writer's own study, and a change kept small (batch 593)
        "Limitations of our study: we did not compare the storage options.",
        # an overhead too small to measure is praise (batch 602)
        "It is light enough that we could not measure any latency overhead on our endpoint.",
        # what the tool tells the writer is what it found (batch 606)
        "It takes a minute, and it might tell you that your base image has been unsupported "
        "for months.",
        # what the team would have done without the tool (batches 680 to 687)
        "With separate tools we would have had to line up the timestamps by hand.",
        # going back to the old way would be hard; a contrast that turns to praise (batches
        # 1313, 1320)
        "Going back to the old way after this would be hard.",
        # ... or no way back to it, and a mistake the tool rules out (batches 1517 to
        # 1526)
        "Our teammates complain about other projects now. Hard to go back once you've seen it.",
        "Once you see the memory column, you can't unsee it.",
        "Reports run in a clean folder, so a script cannot accidentally read a stale file.",
        "It sounds small, but it's what makes the check usable on a stream with daily cycles.",
        # what cannot go wrong with it, and what the writer did not measure (batches 1335,
        # 1344)
        "Docs that can't drift: the page is built from the code on every deploy.",
        "I didn't benchmark it against other embedded stores, so I can't claim it's the "
        "fastest option.",
        # ... or what it spared, told as what would have been (batch 1296)
        "It fixed the duplicated-samples issue I would have otherwise discovered the hard way.",
        # no drawback found (`none_found`, batches 688 to 703)
        "Compared with the alternatives we used before, there isn't much to complain about.",
        # a question asks: its answer tells (batches 712 to 719)
        "The first question became: did the estimated performance drop, and was it slow?",
        # what the writer would like to try next (batches 688 to 703)
        "I'd also like to try the audience claim so staging tokens can't be used on production.",
        # regret at starting late, and a teammate's habit, are no drawback (batch 1007)
        "The only downside is that I wish I had set it up at the beginning of the semester.",
        "Rui still posts updates in chat out of habit, but that's a people problem and not "
        "the tool.",
    ],
)
def test_ways_of_speaking_in_drawback_words_do_not_weigh(text: str, verdict: Section) -> None:
    assert not weighs(text, verdict, frozenset(stems("SAM")))


@pytest.mark.parametrize(
    "text",
    [
        "Units are inconsistent: one class takes milliseconds, the other seconds.",
        "Picky types: an interval of 8.0 is refused, it has to be a whole number.",
        "The config format is rigid: one model per file, no includes.",
    ],
)
def test_the_tools_quirks_weigh(text: str, verdict: Section) -> None:
    """A list of the tool's quirks (batches 1324, 1390) weighs it, with no "but" in sight."""
    assert weighs(text, verdict, frozenset(stems("SAM")))


def test_a_drawback_said_with_regret_still_weighs(verdict: Section) -> None:
    """Regret at starting late is praise; a wish for what the tool lacks is a drawback."""
    for text in (
        "The only downside is that I wish it had a Python client.",
        "The only downside is that the sync is slow at the beginning of each run.",
    ):
        assert weighs(text, verdict, frozenset(stems("SAM"))), text


def test_the_answer_to_a_question_weighs(verdict: Section) -> None:
    text = "Any downsides? It has no Kafka support, so we wrote our own."
    assert weighs(text, verdict, frozenset())


def test_a_missing_feature_beside_a_counterfactual_still_weighs(verdict: Section) -> None:
    """What the team would have had to do names no drawback; a reason beside it may."""
    assert weighs(
        "We would have had to write our own exporter, since it has no Kafka support.",
        verdict,
        frozenset(stems("SAM")),
    )


@pytest.mark.parametrize(
    "text",
    [
        "I haven't tried those, but they look easy if our teammates want the README in Portuguese.",
        "We didn't test the cluster mode, though it should work if we ever need a second node.",
        "I did not try the GPU build, but it looks like a one-line change when we get a GPU.",
    ],
)
def test_a_contrast_that_turns_from_the_writers_scope_does_not_weigh(
    text: str, verdict: Section
) -> None:
    """After a clause on what the writer did not try, a "but" that only hedges ("if we ever
    need it") turns from that scope, not against the tool."""
    assert not weighs(text, verdict)


@pytest.mark.parametrize(
    "text",
    [
        "I didn't try the cluster mode, but the docs say it needs ZooKeeper.",
        "We didn't test the Avro reader, but the setup was painful and the docs are thin.",
        "I haven't tried the web UI, but the CLI's error messages are confusing.",
    ],
)
def test_a_limitation_after_the_writers_scope_still_weighs(text: str, verdict: Section) -> None:
    assert weighs(text, verdict)


@pytest.mark.parametrize(
    ("text", "weighs_tool"),
    [
        # the writer lays the blame elsewhere, pointing back to the sentence before
        ("The restore crashed twice. That was my code, not Feast.", False),
        # ... or opening with the blame itself
        ("The restore crashed twice. Cron's fault, not the library's.", False),
        (
            "The consumer crashed and was painfully slow. That's grep buffering, not the tool.",
            False,
        ),
        # ... or names where the fault lies, "in" something that is not the tool
        ("It crashed on a bug in our service, not in Feast.", False),
        # ... or "of" something that is not the tool, when the clause names a fault
        ("The lift looks too small, a limitation of my simulation, not of Feast.", False),
        ("Slow retries are a weakness of our own consumer, not of the tool.", False),
        ("Exports are slow: a limitation of the free tier, not of Spark.", True),
        # ... in one clause only: the clause before still weighs
        ("The docs are confusing, and most answers online are for Spark, not Feast.", True),
        # where something lives, or what the tool is not, lays no blame: it is a limitation
        ("Thresholds are not supported: they live in my scripts, not in Feast.", True),
        ("It has a steep learning curve: a platform, not a library.", True),
        # another product's name after "not" blames nothing
        ("The setup was slow, not Spark.", True),
    ],
)
def test_a_fault_laid_elsewhere_than_on_the_tool_does_not_weigh_it(
    text: str, weighs_tool: bool, verdict: Section
) -> None:
    """ ", not <the tool>" after a fault of the writer's or another part (batches 1284 and
    1288 of the evaluation set) takes that fault back from the tool."""
    tool = frozenset(stems("Feast"))
    assert weighs(text, verdict, tool) is weighs_tool


@pytest.mark.parametrize(
    "text",
    [
        "Overall, I could not find anything I really disliked about it.",
        "Overall, I couldn't find anything I disliked about Feast itself.",
    ],
)
def test_finding_nothing_to_dislike_does_not_weigh(text: str, verdict: Section) -> None:
    assert not weighs(text, verdict, frozenset(stems("Feast")))


@pytest.mark.parametrize(
    "text",
    [
        # how the old way would hurt again is praise (batches 1281 and 1309)
        "Before this we timed every step with prints. Going back to that would be painful.",
        "Going back to the terminal now feels painful.",
        # the writer's own first try, and problems announced as their own (batch 1306)
        "I first set the page's timezone to UTC and the incident times were confusing.",
        "Most of the problems I had were my own doing: a confusing timezone setting.",
        # the old way's pain (batch 1421)
        "As for downsides, the real downside is how we lived before it.",
        # a limit the tool brought the team under (batch 1434)
        "Twenty minutes from the first click to being under the free-tier limit.",
        # a correction, and an expectation the tool beat (batches 1439, 1453)
        "Every revision stays around, so rollback is not a redeploy but just moving a number.",
        "I was expecting to fight with Docker-in-Docker, but instead it just worked.",
    ],
)
def test_the_old_way_and_the_writers_own_slips_do_not_weigh(text: str, verdict: Section) -> None:
    assert not weighs(text, verdict, frozenset(stems("Hund")))


def test_a_drawback_after_the_writers_own_slips_still_weighs(verdict: Section) -> None:
    text = "Most of the problems I had were my own doing. The docs are confusing at times."
    assert weighs(text, verdict, frozenset(stems("Hund")))


@pytest.mark.parametrize(
    ("text", "weighs_tool"),
    [
        # a phrase that takes a drawback back (`retracted_by`) takes it back ...
        ("It is slow to rebuild. That is exactly the point.", False),
        ("The error pages are verbose and confusing, which is actually useful.", False),
        ("The setup was confusing, but honestly it was my fault.", False),
        # ... but not when a negation splits it or comes right before it
        ("The error pages are confusing, which is not actually useful.", True),
        ("It is slow to rebuild, which is not exactly the point.", True),
        ("The setup was confusing, and it was not my fault.", True),
        # a phrase that denies itself still takes back after "no"
        ("The output is long. No, not really a downside.", False),
    ],
)
def test_a_negation_keeps_a_drawback_from_being_taken_back(
    text: str, weighs_tool: bool, verdict: Section
) -> None:
    """ "which is not actually useful" is no "which is actually useful": a phrase may leave
    a word out between two of its own, but a negation there, or right before the phrase,
    turns it around."""
    assert weighs(text, verdict, frozenset(stems("Hund"))) is weighs_tool


@pytest.mark.parametrize(
    "text",
    [
        "It only runs on Linux.",
        "It eats about 2 GB of RAM even when idle.",
        "Its error messages did not tell us which column failed.",
        "It times out on our biggest join.",
        "The UI freezes when a topic has many partitions.",
        "Its docs are out of date.",
    ],
)
def test_a_plain_complaint_said_of_the_tool_weighs_it(text: str, verdict: Section) -> None:
    """`said_of_tool`: a complaint with no drawback word weighs when the tool is its
    subject."""
    assert weighs(text, verdict)


@pytest.mark.parametrize(
    "text",
    [
        "The old cron script only runs on Fridays.",
        "Our consumer chokes on a burst of rating events.",
        "Because it breaks the cost down by stage, we knew where to optimise.",
        "It never freezes, even on our biggest topic.",
    ],
)
def test_a_plain_complaint_of_something_else_does_not_weigh(text: str, verdict: Section) -> None:
    """The same complaints said of the old way or of the team's own service, or denied,
    weigh nothing."""
    assert not weighs(text, verdict)
