"""Which parts of a post serve each required section, read the way a TA reads a post.

Hand-written because no library reads the structure of a blog post against a rubric; it is
a small scorer whose every decision can be printed (`anthology check --explain`).

1. **Headings.** A heading serves a requirement when it names it (`headings` in
   course.yaml: whole words and phrases, stemmed) or when it only hints at it (`hints`,
   e.g. "Final thoughts") and its text confirms it (content score ≥ `confirm_score`).
   A section includes its subsections, unless a subsection names another requirement.
   Adjacent sibling sections that serve the same requirement, or continue a series
   ("Step 1", "Step 2", …), count together and their words add up. A heading with no
   words under it (a subtitle) never serves anything, nor does the post's title (a first
   heading with every other heading under it).
   A heading naming two requirements belongs to the one it names first. Under a hinting
   heading, paragraphs that clearly read like a requirement no heading names are left
   for that requirement.
2. **Choice.** Every requirement's candidates are ranked (words under it first, then a
   named over a hinted heading, the longer matching phrase, the content score); the best
   is taken first and the others are rebuilt around it, each heading serving one
   requirement.
3. **Content.** A requirement no heading serves is looked for, in the option's order, in
   the paragraphs nobody took: each scores one point per distinct cue term
   (`content.cues`), plus scenario keywords, plus a bonus where such text usually sits.
   The best run of adjacent paragraphs reaching `min_score` serves it (neighbouring
   sections that read the same way join; short sections are read together when none is
   enough alone), with a warning that a clearer heading would help. Position follows the
   post's own order: the problem is anything before the examples, the assessment anything
   after them.
4. **Leftovers.** Further sections that name a requirement outright join it; free
   sections between the examples' neighbours join the examples; a requirement that needs
   the scenario may take it from an earlier part that told it ("our scripts", see
   `_story`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from itertools import dropwhile, pairwise
from typing import NamedTuple

from ..course import Cues, Option, Section
from .engagement import STOP_WORDS
from .naming import is_summary, names_tool
from .sections import Heading, Paragraph, clean
from .vocabulary import (
    MAX_GAP,
    Vocabulary,
    folded_words,
    followed,
    longest,
    negated,
    singulars,
    stem,
    stems,
    vocabulary,
)
from .weighing import only_asks
from .words import count_words

HEADING, HINT, SERIES, NESTED, MAPPED, CONTENT, BETWEEN = (
    "heading",
    "hint",
    "series",
    "nested",
    "mapped",
    "content",
    "between",
)
# what `_release_run` moves besides a series or subsections: a series with the members
# only its noun gave ("Lesson 4: drift detection found things" to the lessons learned)
_PLACES = "places"
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SERIES = re.compile(
    r"^\s*(step|part|stage|phase|day|week|round|experiment|exp|trial|task|lesson|example)\.?\s*#?\s*"
    r"(\d+|" + "|".join(_NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# a diary's days by name: "Tuesday", "Wed 12 Nov", "Thu. 13/11"
_WEEKDAY = re.compile(
    r"^\s*(?:(" + "|".join(_WEEKDAYS) + r")\b|(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+\d)",
    re.IGNORECASE,
)


class _Place(NamedTuple):
    """A heading's place in a series: its kind ("day" for "Day 3" and for "Wednesday"),
    the word that says so and the text of the place ("Day 3")."""

    kind: str
    word: str
    number: int
    text: str


@lru_cache(maxsize=4096)
def _place(text: str) -> _Place | None:
    """Where heading `text` stands in a series of steps, parts or days, if it does."""
    series = _SERIES.match(text)
    if series:
        word = series.group(1).casefold()
        number = series.group(2).casefold()
        at = int(number) if number.isdigit() else _NUMBER_WORDS.index(number) + 1
        return _Place(word, word, at, series.group(0).strip())
    day = _WEEKDAY.match(text)
    if day is None:
        return None
    said = day.group(1) or day.group(2)
    at = next(i for i, name in enumerate(_WEEKDAYS, 1) if name.startswith(said[:3].casefold()))
    return _Place("day", said.casefold(), at, said)


@cache
def _common_stems() -> frozenset[str]:
    """Function words ("the", "our", "with"), which tie no two texts together."""
    return frozenset(stem(word) for word in STOP_WORDS)


_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# the reader addressed ("you have probably met it") (English)
_READER = frozenset(singulars("you your yours you're you've you'd you'll"))
_ROMAN = re.compile(r"^\s*(?:part\s+)?[ivxlc]{1,5}[.):]\s+", re.IGNORECASE)


# a sentence defining something by its name ("Digger is an open-source tool that runs
# Terraform in your CI — in our case GitHub Actions")
_DEFINED = r"(?:\s+[A-Z][\w.+-]*)?(?:\s*\([^()\n]{1,80}\))?\s+(?:is|are)\s+(?:an?|the)\b"
_DEFINITION = re.compile(r"^\W*([A-Z][\w.+-]*)" + _DEFINED)
# ... and the tool's, whose name may be written in lower case ("pgdatadiff is a small
# command line tool")
_TOOL_DEFINITION = re.compile(r"^\W*([A-Za-z][\w.+-]*)" + _DEFINED)


# the writer's voice, for a paragraph that defines the tool (English)
_WRITERS = re.compile(
    r"\b(?:I(?:'m|'ve)?(?![/\w'])|[Mm]y|[Mm]e|[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|[Uu]s)\b"
)


def _without_definitions(text: str) -> str:
    """`text` less its sentences that define something by its name: a description of the
    tool, whoever it says uses it."""
    return " ".join(
        sentence
        for sentence in _SENTENCE.split(text)
        if not (
            (found := _DEFINITION.match(sentence))
            and stem(found.group(1).casefold()) not in _common_stems()
        )
    )


def without_asides(text: str, aside: tuple[str, ...]) -> str:
    """`text` less its sentences that name an `aside` term: sentences about the post, the
    assignment or the course ("for this assignment we had to pick a tool"), not about the
    subject."""
    if not aside:
        return text
    skip = vocabulary(aside)
    return " ".join(s for s in _SENTENCE.split(text) if not skip.find(stems(s)))


def in_writers_voice(text: str, section: Section) -> bool:
    """Whether text is in the writer's voice (`Section.scenario_voice`: "we", "our", "I"),
    leaving out its words about the course (`scenario_aside`: "like the one in our course
    scenario")."""
    voice = vocabulary(section.scenario_voice, exact=True)
    # as written: stemmed, "us" would be "use", "used" and "using"
    if not voice.may_find(singulars(text)):
        return False  # leaving words out finds none
    told = _aside_phrases(section.scenario_aside).sub(" ", text)
    told = _SOMEONES_TEAM.sub(" ", told)
    return bool(voice.find(singulars(told)))


# A team named with an indefinite word ("a streaming team could", "any ML team") is
# somebody else's, whatever voice words it holds: English, not a course setting.
_SOMEONES_TEAM = re.compile(
    r"\b(?:a|an|any|every|each|another|some|such)\s+"
    r"(?:(?!(?:our|my|the|of|in)\b)[\w-]+\s+){0,2}?teams?\b",
    re.IGNORECASE,
)


@cache
def _aside_phrases(aside: tuple[str, ...]) -> re.Pattern[str]:
    """The `aside` phrases as written, any case and spacing: "our course" lends no voice,
    while "Our team runs a recommender for the course" is still the writer speaking."""
    if not aside:
        return re.compile(r"(?!x)x")  # matches nothing
    phrases = sorted((r"\s+".join(map(re.escape, a.split())) for a in aside), key=len)
    return re.compile(
        r"\b(?:" + "|".join(reversed(phrases)) + r")\b" + _OWN_AFTER_ASIDE, re.IGNORECASE
    )


# ... unless it names what the writer's team made in it: "our course project is a
# movie-streaming recommender" is the writer speaking (English)
_OWN_AFTER_ASIDE = r"(?!\s+(?:project|projects|team|teams|group|service|system)\b)"


def hypotheticals(words: tuple[str, ...], section: Section) -> int:
    """How many `scenario_hypothetical` words ("could", "would") stemmed `words` have. A
    "would have" that tells what happened instead ("without it we would have merged") is
    a counterfactual of a story, not a plan; "I would have liked to" still wishes."""
    if _WOULD in words:
        words = _without_counterfactuals(words)
    return len(vocabulary(section.scenario_hypothetical).find(words))


# English, not a course setting: "would have" and what follows it, and what "it would
# have" done, which is the tool's imagined use ("it would have caught the label")
_WISHES = frozenset(map(stem, ("liked", "loved", "wanted", "preferred", "hoped", "wished")))
_WOULD, _HAVE = stem("would"), stem("have")
_TOOL_PRONOUNS = frozenset(map(stem, ("it", "which", "this", "they")))
_NEGATIONS = frozenset(map(stem, ("never", "not")))
_OPINIONS = frozenset(map(stem, ("say", "argue", "guess")))


def _without_counterfactuals(words: tuple[str, ...]) -> tuple[str, ...]:
    """Stemmed `words` less each "would" of a counterfactual of the story: "we would have
    merged it", "that would have been two deploys", "we would never have found that"; not
    "it would have fit our service" nor "I would have liked to"; and each "would" of an
    opinion ("I would say it is stable")."""
    kept = []
    for i, word in enumerate(words):
        after = words[i + 1 : i + 4]
        if after[:1] and after[0] in _NEGATIONS:  # "we would never have found that"
            after = after[1:]
        before = words[i - 1] if i else ""
        if (
            word == _WOULD
            and after[:1] == (_HAVE,)
            and not set(after[1:2]) & _WISHES
            and before not in _TOOL_PRONOUNS
        ):
            continue
        if word == _WOULD and after[:1] and after[0] in _OPINIONS:
            continue  # "I would say", "I would argue": an opinion, not a plan
        kept.append(word)
    return tuple(kept)


def speculation(text: str, section: Section, not_made: bool = True) -> bool:
    """Whether text tells what could be done rather than what was ("a team could train a
    recommender … the API would …"): two hypothetical words, or one without the writer's
    voice, or (unless `not_made` is False) a sentence that says the use was not made
    (`scenario_not_made`)."""
    if not section.scenario_voice:
        return False
    if not_made and says_not_made(text, section):
        return True  # "I didn't get to connect it to our recommender"
    # counted sentence by sentence: "could" in each of five bullets is five, not one
    maybe = sum(hypotheticals(stems(sentence), section) for sentence in _SENTENCE.split(text))
    return maybe >= 2 or (maybe == 1 and not in_writers_voice(text, section))


def not_made_on_own(text: str, section: Section) -> bool:
    """Whether `text` says the use on the writer's own system was not made: a
    `scenario_not_made` phrase right before what the writer calls their own ("Honestly, I
    did not get to our repo", "we never tried it on our data"); not "We ran out of time"
    nor "Our project has no UI, so this didn't apply"."""
    if not says_not_made(text, section):
        return False
    words = singulars(text)
    for term in vocabulary(section.scenario_not_made, exact=True).find(words):
        said = singulars(term)
        for at in range(len(words) - len(said) + 1):
            after = words[at + len(said) : at + len(said) + _OWN_REACH]
            if words[at : at + len(said)] == said and POSSESSIVES.intersection(after):
                return True
    return False


# how far after a phrase of the use not made "our" or "my" may come ("never tried it on
# all our data")
_OWN_REACH = 2


def says_not_made(text: str, section: Section) -> bool:
    """Whether a sentence of `text` says the use was not made (`scenario_not_made`: "I
    didn't finish the conversion today")."""
    not_made = vocabulary(section.scenario_not_made)
    return not_made.may_find(stems(text)) and any(
        not_made.find(stems(sentence)) and _not_made(sentence, section, not_made)
        for sentence in _SENTENCE.split(text)
    )


# clauses a sentence sets against each other: "I didn't get to the drift suite, but we ran
# the integrity suite on our ratings" tells one use not made and one made (English)
_CONTRAST = re.compile(r"\s*(?:[;,]\s*)?\b(?:but|yet|though|although|however)\b\s*", re.I)


def _not_made(sentence: str, section: Section, not_made: Vocabulary) -> bool:
    """Whether a sentence with a `scenario_not_made` phrase says the use was not made: no
    clause of it without such a phrase is in the writer's voice."""
    clauses = _CONTRAST.split(sentence)
    made = [clause for clause in clauses if not not_made.find(stems(clause))]
    return len(made) < len(clauses) and not any(in_writers_voice(c, section) for c in made)


def without_course_plans(text: str, section: Section) -> str:
    """`text` less its sentences that speak of the post or the course (`scenario_aside`)
    and say what could be ("This post looks at how it could fit the movie recommender we
    are building in this course"): they plan a use, they tell none."""
    aside = _aside_phrases(section.scenario_aside)
    return " ".join(
        sentence
        for sentence in _SENTENCE.split(text)
        if not (aside.search(sentence) and hypotheticals(stems(sentence), section))
    )


# A thing a paragraph names: a capitalised word inside a sentence ("our Kafka consumer",
# "the Redis cache") or an identifier in its inline code (`reco-api`, `load_model.py`).
_NAME = re.compile(r"(?<=[a-z0-9,;:)] )[A-Z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")
_IDENTIFIER = re.compile(r"[A-Za-z][\w.-]*\w(?![\w.-]|:/)")  # not a scheme: "docker://"


def named_things(paragraph: Paragraph) -> set[str]:
    """The things a paragraph names (`_NAME`, `_IDENTIFIER`), folded; three letters or
    more."""
    # not acronyms: "API", "CPU" and "VM" are in every walkthrough, the vendor's demo too
    found = {m.group(0) for m in _NAME.finditer(paragraph.text) if not m.group(0).isupper()}
    found |= {m.group(0) for m in _IDENTIFIER.finditer(paragraph.code) if not m.group(0).isupper()}
    return {name.casefold() for name in found if len(name) >= 3}


def told_as_own(
    paragraphs: Sequence[Paragraph],
    section: Section,
    scenario: Vocabulary,
    before: int,
    others: Collection[int] = (),
    title: str = "",
) -> list[Paragraph]:
    """The paragraphs above line `before` that tell the scenario as the writer's own and
    as real ("Our team runs a movie recommender: a Kafka consumer …"), not as what a
    streaming service could do, and after the first of them (or after a `title` that
    tells it so: "Keeping secrets out of our recommender's repo") those of another
    requirement (`others`: their lines, the problem's) that go on in the writer's voice
    without naming it again ("Our model API runs in a Docker container"); none when the
    section asks for no voice."""
    if not section.scenario_voice:
        return []
    told = []
    titled = bool(title) and tells_as_real(title, section, scenario)
    for index, paragraph in enumerate(paragraphs):
        if paragraph.line >= before:
            continue
        text = with_code(paragraph)
        lead = paragraphs[index - 1] if index else None
        if lead is not None and _leads_into(lead, paragraph):
            # "our retraining is three scripts that cron calls:", then the list of them
            text = f"{with_code(lead)} {text}"
        goes_on = (
            (titled or bool(told)) and paragraph.line in others and in_writers_voice(text, section)
        )
        if tells_as_real(text, section, scenario) or (goes_on and not speculation(text, section)):
            told.append(paragraph)
    return told


def story_parts(parts: Iterable[Part]) -> list[Part]:
    """The parts whose text may go on with a story without naming the scenario: not the
    members of a series ("Day 1: first environment" after "Day 0: why we even looked"),
    which may be the walkthrough the series runs into."""
    return [part for part in parts if part.how != SERIES]


def _leads_into(lead: Paragraph, paragraph: Paragraph) -> bool:
    """Whether `lead` ends in a colon right above `paragraph` (a list, most often), so that
    the two are one sentence."""
    return (
        lead.region == paragraph.region
        and lead.text.rstrip().endswith(":")
        and 0 < paragraph.line - lead.last <= 2
    )


def tells_as_real(text: str, section: Section, words: Vocabulary) -> bool:
    """Whether `text`, a paragraph naming `words`, tells them in the writer's voice and not
    as speculation: as a whole, or in one of its sentences ("For our movie recommendation
    service, the first kind is one endpoint"), however many "should" and "would" the rest
    of the paragraph has."""
    return any(
        words.find(singulars(part))
        and in_writers_voice(part, section)
        and not speculation(part, section)
        for part in (text, *_SENTENCE.split(text))
    )


# the words that call a thing the writer's own (English)
POSSESSIVES = frozenset({"our", "my"})
_OUR = re.compile(r"\bour\b", re.I)
_THE = re.compile(r"\bthe\b", re.I)
_THE_REACH = 3  # words after "our" that "the" may refer back to
_ARTICLE = frozenset(stems("the"))
POSSESSION_WORDS = 4  # words after "our" that may name what a story calls the writer's own


def possessions(text: str, ignores: set[str], reach: int = POSSESSION_WORDS) -> dict[str, str]:
    """What `text` calls the writer's own: up to `reach` words after "our" or "my", up to
    the first function word, but for those too common to tie two texts (`ignores`); by
    stem, each with the word as written. A story's "our movie recommender repo" owns
    "repo"; a walkthrough's "the first run on our repo", read with a reach of two, refers
    to it."""
    words = folded_words(text)
    found: dict[str, str] = {}
    for i, word in enumerate(words):
        if word not in POSSESSIVES:
            continue
        for after in words[i + 1 : i + 1 + reach]:
            root = stem(after)
            if root in _common_stems():
                break
            if len(root) >= 3 and root not in ignores and not after.isdigit():
                found.setdefault(root, after)
    return found


@dataclass(frozen=True)
class StoryTie:
    """A paragraph that goes on with a story told earlier, and what ties them."""

    paragraph: Paragraph
    things: list[str]  # what both name: "reco-api", "our repo"
    told: Paragraph  # the paragraph of the story that names the first of them


def _topics(text: str, ignores: set[str], letters: int) -> dict[str, str]:
    """The words of `text` that may name what a story is about: `letters` letters or
    more, neither function words nor `ignores`; by stem, each with the word as written."""
    found: dict[str, str] = {}
    for word in folded_words(text):
        if len(word) < letters or not word.isalpha():
            continue
        root = stem(word)
        if root not in _common_stems() and root not in ignores:
            found.setdefault(root, word)
    return found


@cache
def _cue_stems(cues: Cues) -> frozenset[str]:
    """The stems of a requirement's cue words: how any such section talks ("we ran",
    "latency"), which says nothing of whose story it is."""
    return frozenset(stems(" ".join(t for _name, terms in cues.groups for t in terms)))


def _distinct(roots: Iterable[str]) -> set[str]:
    """`roots` less those that extend another of them ("failur" after "fail")."""
    kept = sorted(roots)
    return {root for root in kept if not any(root != o and root.startswith(o) for o in kept)}


# what the writer made something for is their own occasion ("we built the UI for the
# demo", "For the demo I wrote a small callback"), not someone else's demo
_MADE_FOR = frozenset(singulars("for"))
_NOT_LENT_AFTER = POSSESSIVES | _MADE_FOR
_SNAKE_CASE = re.compile(r"\S*\w_\w\S*")  # `sample_id`: one name, not "sample" and "id"


def names_material(borrowed: Vocabulary, text: str) -> bool:
    """Whether `text` names someone else's material (`story_borrowed`): not when "our"
    or "my" owns it ("I wrote the steps in our README"), nor in the parts of an
    identifier ("`sample_id` /data/m/…" is no "sample data"), nor what the writer made
    something for ("for the demo")."""
    words = singulars(_SNAKE_CASE.sub(" ", text)) if "_" in text else singulars(text)
    return any(
        start == 0 or words[start - 1] not in _NOT_LENT_AFTER
        for start, _end in borrowed.spans(words)
    )


def goes_on_with(
    told: Sequence[Paragraph],
    paragraphs: Sequence[Paragraph],
    section: Section,
    own: set[str],
    described: Collection[int] = (),
    voiced_by_heading: Collection[int] = (),
) -> StoryTie | None:
    """The first of `paragraphs` that goes on with the story `told`: in the writer's
    voice, not speculation, and naming a thing the story named (`named_things`), a thing
    it called the writer's own (`possessions`), or `story_topics` of the words it is about
    (`_topics`); or, failing those, all of them together sharing `story_section_topics`
    such words (one more when one of them is borrowed material), one in the writer's
    voice. The tool's and the title's words, `own`, tie nothing, and neither does a
    paragraph on someone else's material (`story_borrowed`: "Rather than instrumenting
    our own service, I used the demo application") nor the topics of those after it,
    which go on with that material. The paragraphs at lines `described` describe the
    tool, which shares the topics of the problem it solves ("a scheduler that coordinates
    machines"): alone, they tie only by what they name. "I ran it on the
    `reco-api` Deployment" after "our movie recommender: the `reco-api` Deployment and a
    Kafka consumer" tells the tool used on the scenario without naming it again, and so
    do "the first run on our repo" after "our movie recommender repo" and "the nightly
    scoring job writes each user's candidates" after "our nightly batch job scores every
    user's candidate movies"; "I ran it on the sample data" does not. The paragraphs at
    lines `voiced_by_heading` stand under a heading in the writer's voice ("How did I use
    it?"): their terse notes ("Two counters in the proxy:") are in that voice too."""
    if not told:
        return None
    cues = section.cues
    ignores = set(stems(" ".join((*cues.story_ignores, *own))))
    names = {p.line: named_things(p) - own for p in told}
    owned = {p.line: set(possessions(p.text, ignores)) for p in told}
    talk = ignores | _cue_stems(cues)
    letters = cues.story_topic_letters
    about = {p.line: set(_topics(with_code(p), talk, letters)) for p in told}
    story = set().union(*names.values())
    kept = set().union(*owned.values())
    topics = set().union(*about.values())
    borrowed = vocabulary(cues.borrowed, exact=True)
    # the walkthrough as a whole: the words of its paragraphs, less speculation and
    # borrowed material, and the first of them in the writer's voice
    pooled: dict[str, str] = {}
    voiced: Paragraph | None = None
    lent = False  # a paragraph of the walkthrough works on someone else's material

    # a paragraph hedged by a "would" ("For our repo, the first step would be …") that
    # the next one goes on to hedge or imagine ("the team would see it before the nightly
    # run") plans the walkthrough: it tells no use
    @cache
    def imagines(index: int) -> bool:
        return speculation(with_code(paragraphs[index]), section)

    def hedged(index: int) -> bool:
        if index >= len(paragraphs):
            return False
        text = with_code(paragraphs[index])
        return imagines(index) or hypotheticals(stems(text), section) > 0

    for index, paragraph in enumerate(paragraphs):
        text = with_code(paragraph)
        own_voice = in_writers_voice(text, section)
        voice = own_voice or paragraph.line in voiced_by_heading
        if not (voice or cues.story_section_topics) or imagines(index):
            continue
        if hedged(index) and hedged(index + 1):
            continue
        if names_material(borrowed, text):
            # "Rather than instrumenting our own service, I used the demo application":
            # someone else's material, whatever of the writer's it names
            lent = True
            continue
        if voice:
            mine = possessions(paragraph.text, ignores, 1 + MAX_GAP)
            shared = ((named_things(paragraph) - own) & story) | (mine.keys() & kept)
            if shared:
                first = min(shared)
                where = next(p for p in told if first in names[p.line] | owned[p.line])
                things = sorted(f"our {mine[t]}" if t in mine else t for t in shared)
                return StoryTie(paragraph, things, where)
        if lent:
            continue  # what follows someone else's material is about it, topics and all
        written = _topics(text, talk, letters)
        if voice and paragraph.line not in described:
            common = _distinct(written.keys() & topics)
            if cues.story_topics and len(common) >= cues.story_topics:
                where = max(told, key=lambda p: len(about[p.line] & common))
                return StoryTie(paragraph, sorted(written[root] for root in common), where)
            if own_voice:  # the pooled words need a paragraph that speaks for itself
                voiced = voiced or paragraph
        for root, word in written.items():
            pooled.setdefault(root, word)
    # "the gunicorn worker … every slow request … our code" over short paragraphs and
    # outputs after "our API runs four gunicorn workers … slow requests", none of which
    # shares enough alone
    common = _distinct(pooled.keys() & topics)
    if voiced is None or not cues.story_section_topics:
        return None
    # a walkthrough that also works on someone else's material ("I followed the tutorial
    # notebook") shares words with any post on the tool ("generators", "sampling"): it
    # needs one more of the story's
    if len(common) < cues.story_section_topics + lent:
        return None
    where = max(told, key=lambda p: len(about[p.line] & common))
    return StoryTie(voiced, sorted(pooled[root] for root in common), where)


def with_code(paragraph: Paragraph) -> str:
    """A paragraph's text and its inline code, which the scenario check reads too."""
    return f"{paragraph.text} {paragraph.code}" if paragraph.code else paragraph.text


@dataclass(frozen=True)
class Part:
    """One heading's section (or some paragraphs) taken for a requirement, and why."""

    how: str  # heading, hint, series, nested, mapped or content
    heading: Heading | None  # None: paragraphs before the first heading
    words: int
    text: str
    terms: tuple[str, ...] = ()  # heading words that matched
    cues: tuple[str, ...] = ()  # content terms found
    score: int = 0
    lines: tuple[int, ...] = ()  # paragraphs taken (content only)
    defines: bool = False  # an unplaced section that opens defining the tool ("X is a …")
    # an unplaced section whose heading hints at the requirement over text with none of
    # its words ("Aim" over "to try out the features"): read, and not serving it
    answered: bool = False
    opens: bool = False  # an unplaced section that opens a post with headings

    @property
    def line(self) -> int | None:
        if self.heading is not None and self.heading.line is not None:
            return self.heading.line
        return self.lines[0] if self.lines else None

    @property
    def label(self) -> str:
        if self.heading is not None:
            return self.heading.text
        return "the text before the first heading"

    @property
    def shown(self) -> str:
        """‘Heading’ in quotes, or the text before the first heading as it is."""
        return f"‘{self.label}’" if self.heading is not None else self.label


@dataclass(frozen=True)
class Reading:
    """How one requirement is served: by which parts, or not at all."""

    section: Section
    parts: tuple[Part, ...] = ()
    mapped: str | None = None  # the heading named in front matter, if any
    considered: tuple[str, ...] = ()  # candidates passed over, and why
    empty: tuple[Heading, ...] = ()  # headings naming it with no text under them
    # where the scenario was told, when this text only refers to it ("our script", in …)
    story: str = ""
    # sections whose text no requirement took, with their words (the largest first)
    unplaced: tuple[tuple[Part, int], ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.parts)

    @property
    def unrecognised(self) -> tuple[Part, int] | None:
        """The longest unplaced section when it is long enough (`unplaced_words`) that the
        gate may have missed how the post words this requirement; None when the post maps
        or names it (an empty heading) or the course does not ask."""
        limit = self.section.unplaced_words
        if self.found or not limit or self.mapped is not None or self.empty:
            return None
        # a section that opens by defining the tool ("Redoc is a documentation renderer")
        # was read, as what the tool is: the gate can tell what it serves
        # as is one whose heading hints at this requirement over text with none of its
        # words ("Introduction" over what the tool is)
        # and so is an opening that tells why the writer picked the tool (`picked_by`: "I
        # came across it in the plugin catalog")
        picked = vocabulary(self.section.cues.picked_by, exact=True)
        longest = next(
            (
                item
                for item in self.unplaced
                if not item[0].defines
                and not item[0].answered
                and not (item[0].opens and picked.find(singulars(item[0].text)))
            ),
            None,
        )
        return longest if longest is not None and longest[1] >= limit else None

    @property
    def by_content(self) -> bool:
        return bool(self.parts) and all(p.how == CONTENT for p in self.parts)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.parts)

    @property
    def line(self) -> int | None:
        return next((p.line for p in self.parts if p.line is not None), None)

    @property
    def names(self) -> str:
        """'What worked well' + 'Where it falls short'."""
        labels = [p.label for p in self.parts if p.how != NESTED]
        return " + ".join(f"‘{label}’" for label in dict.fromkeys(labels))

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.parts)


# how a heading's words read the tool's name, for `owned_by` ("Problems with sshguard")
_THE_TOOL = stems("the tool")


class _Owner(NamedTuple):
    """A heading's words with each run that spells the tool's name read as "the tool",
    and the index in the heading's words of each."""

    words: tuple[str, ...]
    at: tuple[int, ...]


# ... and as "it", where a heading would say it ("Where TensorRec hurts")
_IT = stems("it")


def _as_the_tool(
    words: tuple[str, ...], names: Collection[tuple[str, ...]], read_as: tuple[str, ...] = _THE_TOOL
) -> _Owner:
    """`words` with the tool's `names` read as "the tool" ("problems with the tool"), or
    as `read_as`."""
    out: list[str] = []
    at: list[int] = []
    index = 0
    while index < len(words):
        name = next((n for n in names if words[index : index + len(n)] == n), None)
        taken = read_as if name else words[index : index + 1]
        out += taken
        at += [index] * len(taken)
        index += len(name) if name else 1
    return _Owner(tuple(out), tuple(at))


def as_it(text: str, names: Iterable[str]) -> tuple[str, ...]:
    """The stemmed words of `text` with the tool's `names` read as "it" ("What ElasticJob
    is" is "what it is")."""
    return _as_the_tool(stems(text), {n for n in map(stems, names) if n}, _IT).words


@dataclass
class _Post:
    """The outline and paragraphs of one post, with lazily computed scores."""

    headings: list[Heading]
    paragraphs: list[Paragraph]
    scenario: tuple[str, ...]
    total_lines: tuple[int, int]  # first and last line of the body
    supplementary: tuple[str, ...] = ()
    tool_shown: int | None = None  # the first line naming the tool or showing code
    tool_names: tuple[str, ...] = ()  # the tool's names, as written and as registered
    _para_stems: dict[tuple[int, tuple[str, ...]], tuple[str, ...]] = field(default_factory=dict)
    _para_singulars: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def story_shown(self) -> int | None:
        """`tool_shown`, but past a summary opening the post that names the tool ("**TL;DR**
        — OutlierTree finds suspicious values …"): the first paragraph after it that names
        the tool or shows code. The summary tells the whole post; its story starts after.
        So does a title heading over the post (`is_title`) that names the tool: "# Shipping
        a new model with scp-action" shows nothing of it yet."""
        shown, paragraphs = self.tool_shown, self.paragraphs
        if shown is None or not paragraphs:
            return shown
        if self.is_title and self.headings[0].line == shown:
            return next(
                (
                    p.line
                    for p in paragraphs
                    if p.line > shown
                    and (p.fenced or names_tool(f"{p.text} {p.code}", self.tool_names))
                ),
                None,
            )
        first = paragraphs[0]
        if not (first.line <= shown <= max(first.last, first.line) and is_summary(first.text)):
            return shown
        return next(
            (
                p.line
                for p in paragraphs[1:]
                if p.code or p.fenced or names_tool(p.text, self.tool_names)
            ),
            None,
        )

    @cached_property
    def end(self) -> list[int]:
        """Index after each heading's last subsection."""
        out = []
        for i, h in enumerate(self.headings):
            j = i + 1
            while j < len(self.headings) and self.headings[j].level > h.level:
                j += 1
            out.append(j)
        return out

    @cached_property
    def parent(self) -> list[int]:
        out = []
        for i, h in enumerate(self.headings):
            p = i - 1
            while p >= 0 and self.headings[p].level >= h.level:
                p -= 1
            out.append(p)
        return out

    @cached_property
    def heading_stems(self) -> list[tuple[str, ...]]:
        """Stemmed heading words, without a leading number ("3. Value Constraints", "IV.");
        none for a supplementary heading ("Appendix A: setup"), which names nothing."""
        supplementary = vocabulary(self.supplementary)
        out = []
        for index, h in enumerate(self.headings):
            text = h.text
            if _step_key(h) is not None:  # the step's own title, not its aside
                text = _STEP_ASIDE.sub("", text)
            words = tuple(dropwhile(str.isdigit, stems(_ROMAN.sub("", text, count=1))))
            found = supplementary.where(words) if supplementary else {}
            title = index == 0 and self.is_title
            out.append(() if title or (found and min(found.values()) == 0) else words)
        return out

    @cached_property
    def _tool_name_stems(self) -> set[tuple[str, ...]]:
        return {name for name in (stems(n) for n in self.tool_names) if name}

    @cached_property
    def owner_stems(self) -> list[_Owner]:
        """`heading_stems` with the tool's name read as "the tool", for `owned_by`."""
        return [_as_the_tool(words, self._tool_name_stems) for words in self.heading_stems]

    @cached_property
    def it_stems(self) -> list[tuple[str, ...]]:
        """`heading_stems` with the tool's name read as "it" ("where it hurts")."""
        names = self._tool_name_stems
        return [_as_the_tool(words, names, _IT).words for words in self.heading_stems]

    @cached_property
    def is_title(self) -> bool:
        """Whether the first heading is the post's title: every other heading (two or more)
        lies under it ("# Local student asks the recommender 'why?'", then `##` sections).
        A title names no section, whatever its words; its sections are read one by one."""
        return len(self.headings) > 2 and self.end[0] == len(self.headings)

    @cached_property
    def by_region(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for index, paragraph in enumerate(self.paragraphs):
            out.setdefault(paragraph.region, []).append(index)
        return out

    @cached_property
    def paragraphs_before(self) -> list[Paragraph]:
        """The paragraphs before the first heading."""
        return [self.paragraphs[p] for p in self.by_region.get(-1, [])]

    def para_stems(
        self, index: int, aside: tuple[str, ...] = (), defined: bool = True
    ) -> tuple[str, ...]:
        """A paragraph's stemmed words; without its sentences that name an `aside` term
        (sentences about the post or the assignment, not about its subject), and, unless
        `defined`, without those defining the tool ("ContainerSSH is an SSH server that,
        instead of logging a user into the host, …"): what it is, not what goes wrong."""
        key = (index, aside if defined else (*aside, "\0"))
        if key not in self._para_stems:
            text = without_asides(self.paragraphs[index].text, aside)
            if not defined:
                text = self._undefined(text)
            self._para_stems[key] = stems(text)
        return self._para_stems[key]

    @cached_property
    def tool_stems(self) -> frozenset[str]:
        """The stems of the first word of each of the tool's names."""
        return frozenset(word for name in self.tool_names for word in stems(name)[:1])

    def _undefined(self, text: str) -> str:
        """`text` less its sentences defining the tool by its name; nothing of a paragraph
        that opens with one and never speaks in the writer's voice: all of it describes
        the tool ("LTTng is a tracing framework. … block I/O …")."""
        if not self.tool_stems:
            return text
        sentences = _SENTENCE.split(text)
        kept = [sentence for sentence in sentences if not self.defines_the_tool(sentence)]
        opens = len(kept) < len(sentences) and self.defines_the_tool(sentences[0])
        return "" if opens and not _WRITERS.search(text) else " ".join(kept)

    def defines_the_tool(self, sentence: str) -> bool:
        """Whether `sentence` defines the tool by its name ("Redoc is a renderer …")."""
        found = _TOOL_DEFINITION.match(sentence)
        return found is not None and stem(found.group(1).casefold()) in self.tool_stems

    def para_singulars(self, index: int) -> tuple[str, ...]:
        if index not in self._para_singulars:
            self._para_singulars[index] = singulars(self.paragraphs[index].text)
        return self._para_singulars[index]

    def position(self, line: int) -> float:
        first, last = self.total_lines
        return (line - first) / max(1, last - first)


@dataclass(frozen=True)
class _Score:
    score: int
    cues: tuple[str, ...]
    ok: bool  # required cue groups present
    used: tuple[int, ...]  # paragraphs with at least one cue
    bonus: int = 0  # the part of the score that is for the position
    in_place: bool = False  # the text starts where such text usually is
    firm: bool = True  # required groups present without the `weak` terms


def _score(
    post: _Post,
    cues: Cues,
    indexes: Sequence[int],
    heading: tuple[str, ...] = (),
    window: tuple[int, int] | None = None,
) -> _Score:
    """Distinct cue terms over the paragraphs (and heading), scenario words, position bonus."""
    found: dict[str, list[str]] = {}
    scenario: list[str] = []
    used: list[int] = []
    scenario_words = vocabulary(post.scenario, exact=True)
    for index in (-1, *indexes) if heading else indexes:
        words = (
            heading
            if index == -1
            else post.para_stems(index, cues.aside, defined=cues.position != "start")
        )
        hit = False
        for name, terms in cues.groups:
            matched = vocabulary(terms).find(words)
            if matched:
                hit = True
                bucket = found.setdefault(name, [])
                bucket.extend(t for t in matched if t not in bucket)
        if cues.scenario:
            if index == -1:  # a heading's words are only at hand stemmed
                matched = vocabulary(post.scenario).find(words)
            else:
                matched = scenario_words.find(post.para_singulars(index))
            if not matched and index >= 0 and post.paragraphs[index].code:
                # names in code (`viewer_features`) show the scenario as well as prose does
                matched = scenario_words.find(singulars(post.paragraphs[index].code))
            if not matched and index >= 0 and post.paragraphs[index].fenced:
                # and so does the fenced code right under it ("movie recommender pipeline")
                matched = scenario_words.find(singulars(post.paragraphs[index].fenced))
            if matched:
                hit = True
                scenario.extend(t for t in matched if t not in scenario)
        if hit and index >= 0:
            used.append(index)
    score = sum(len(terms) for terms in found.values())
    score += min(len(scenario), cues.scenario_cap)
    placed = bool(used) and _in_place(post, cues.position, post.paragraphs[used[0]].line, window)
    bonus = cues.position_bonus if placed else 0
    listed = tuple(t for terms in found.values() for t in terms) + tuple(scenario)
    ok = all(scenario if group == "scenario" else found.get(group) for group in cues.required)
    firm = all(
        scenario if group == "scenario" else set(found.get(group, ())) - set(cues.weak)
        for group in cues.required
    )
    return _Score(
        score + bonus, listed, ok, tuple(used), bonus, placed or cues.position == "any", firm
    )


def _shortfall(cues: Cues, score: _Score, needed: int, placed: bool = True) -> str:
    """Why a text was not enough: "scores 4 < 6, has no scenario words"."""
    value = score.score if placed else score.score - score.bonus
    reasons = [f"scores {value} < {needed}" if value < needed else f"scores {value}"]
    if not score.ok:
        reasons.append(f"has no {'/'.join(cues.required)} words")
    if placed and not score.in_place:
        reasons.append("is not where such text usually is")
    return ", ".join(reasons)


def _without_scenario(cues: Cues) -> Cues:
    """The cues with the scenario no longer required: text that reads like the examples in
    every other way, for a story told elsewhere to tie to the scenario."""
    return replace(cues, required=tuple(g for g in cues.required if g != "scenario"))


def _in_place(post: _Post, position: str, line: int, window: tuple[int, int] | None) -> bool:
    """Whether text starting at `line` sits where the requirement's text usually is.

    "between" means after the parts taken for the requirement before it in the option and
    before those of the one after it (the handout's order); without them, the middle.
    "start" is anywhere before the text of the next requirement's parts when they are
    known (a post that opens with its verdict tells its backstory after it; problem words
    in the middle of a walkthrough are advice, not the post's problem), and "end" anywhere
    after the previous one's.
    """
    if position == "between" and window is not None:
        return window[0] < line < window[1]
    if window is not None:
        first, last = post.total_lines
        if position == "start" and window[1] <= last:
            return line < window[1]
        if position == "end" and window[0] >= first and line > window[0]:
            return True
    where = post.position(line)
    if position == "between":
        if post.paragraphs and line <= post.paragraphs[0].line:
            return False  # the post's opening text lies after nothing
        position = "middle"
    return {
        "start": where < 0.5,
        "middle": 0.1 <= where < 0.9,
        "end": where >= 0.4,
    }.get(position, False)


_NUMBERED = re.compile(r"^\s*\d+\s*[.):]")


# a diary's days and weeks tell its backstory too ("Day 0: The itch"): no steps
_DATED = frozenset({"day", "week", "round"})


# what a step's heading adds in brackets ("Step 2: Describe the API (and the first
# annoyance)"): the step stays the walkthrough's, its aside names no section (English)
_STEP_ASIDE = re.compile(r"\s*\((?:and|plus|with|&)\s[^()]*\)\s*$", re.IGNORECASE)


def _past_first_step(heading: Heading) -> bool:
    """Whether a heading is a numbered step or part after the first of its series ("5.
    Every column is independent", "Part 3: …"); days and weeks aside."""
    place = _place(heading.text)
    if place is not None:
        return place.kind not in _DATED and place.number > 1
    numbered = _NUMBERED.match(heading.text)
    return numbered is not None and int(re.sub(r"\D", "", numbered.group(0))) > 1


def _step_key(heading: Heading) -> tuple[str, int] | None:
    """The series of steps a heading belongs to, with its level: ("part", 2) for "## Part
    1: …", ("#", 2) for "## 3. The real pipeline"; None for any other heading."""
    place = _place(heading.text)
    if place:
        return None if place.kind in _DATED else (place.kind, heading.level)
    return ("#", heading.level) if _NUMBERED.match(heading.text) else None


@dataclass(frozen=True)
class _Candidate:
    section: int  # index into option.sections
    members: tuple[int, ...]  # headings whose own text is taken
    paragraphs: tuple[int, ...]  # the paragraphs taken
    tops: tuple[int, ...]  # the sibling headings that were matched
    parts: tuple[Part, ...]
    strength: int  # 2 named, 1 hinted
    phrase: int  # words in the longest matching term
    score: int
    words: int

    @property
    def rank(self) -> tuple[int, int, int, int, int]:
        return (self.words > 0, self.strength, self.phrase, self.score, -self.tops[0])


def _affirmed(
    found: dict[str, int], words: Sequence[str], section: Section, owner: _Owner
) -> dict[str, int]:
    """Heading terms `found` in `words` less those the heading negates ("without the pain",
    `negated_by`) or names as what the tool remedies ("the fix for problem 1",
    `remedied_by`, anywhere after the remedy word) or as the tool's own ("problems we hit
    with sshguard", `owned_by` anywhere after the term, read in `owner`); none when the
    heading praises the tool ("why I like it", `praised_by`)."""
    if found and vocabulary(section.praised_by).find(words):
        return {}
    if found and section.owned_by:
        owners = vocabulary(section.owned_by).where(owner.words)
        found = followed(found, [owner.at[at] for at in owners.values()], gap=len(words))
    found = negated(found, words, vocabulary(section.negated_by))
    return negated(found, words, vocabulary(section.remedied_by), gap=len(words))


def _noun_only(part: Part) -> bool:
    """Whether a part was taken for a hint that is only its series' noun ("Lesson 4: drift
    detection found things we didn't know about" hints at the lessons learned): a place in
    the series, as much as one that continues it."""
    place = _place(part.heading.text) if part.heading is not None else None
    noun = stems(place.word) if place else None
    return part.how == HINT and bool(part.terms) and all(stems(t) == noun for t in part.terms)


def _holding(part: Part, paragraphs: Sequence[Paragraph]) -> Part:
    """A part of paragraphs taken by content, now holding `paragraphs` instead."""
    return replace(
        part,
        words=sum(count_words(p.text) for p in paragraphs),
        text="\n".join(with_code(p) for p in paragraphs),
        lines=tuple(p.line for p in paragraphs),
    )


def _firm(parts: list[Part]) -> list[Part]:
    """The parts taken for more than their place in a series, when there are any."""
    firm = [p for p in parts if p.how != SERIES and not _noun_only(p)]
    return firm or parts


def _later_step(part: Part) -> bool:
    """Whether a part's heading is a step of a series after its first ("Step 4: Questions
    we actually had"), which goes on with what the steps before it began."""
    heading = part.heading
    if heading is None or part.how not in (HEADING, SERIES):
        return False
    place = _place(heading.text)
    return place is not None and place.number != 1


class _Reader:
    def __init__(
        self,
        option: Option,
        post: _Post,
        mapping: dict[str, str],
        own: frozenset[str],
        title: str = "",
    ):
        self.option = option
        self.own = own  # the tool's and the title's words: they tie no story
        self.title = title
        self.sections = option.sections
        self.post = post
        self.mapping = mapping
        self.considered: dict[int, list[str]] = {i: [] for i in range(len(self.sections))}
        self._qualifies: dict[tuple[int, int], tuple[str, list[str], _Score] | None] = {}
        self._named: dict[int, list[list[str]]] = {}
        self._free_candidates: dict[tuple[int, int], _Candidate | None] = {}
        self._ratios: dict[int, list[float]] = {}
        self._announces: dict[int, set[int]] = {}
        self._names_of: dict[int, set[int]] = {}
        # headings that hint at a requirement over text with none of its words ("Aim" over
        # "to try out the features"): read, and found not to serve it
        self.hinted_empty: dict[int, set[int]] = {i: set() for i in range(len(self.sections))}

    # --- heading matches ---------------------------------------------------------------

    def named(self, h: int, s: int) -> list[str]:
        """Heading words naming requirement `s`; when a heading names several, it names
        the one whose words come first ("Why serving models is hard" is about the problem).
        None (empty) for a heading that tells what came before the tool
        (`_before_the_tool`)."""
        if h not in self._named:
            words, owner = self.post.heading_stems[h], self.post.owner_stems[h]
            found = [
                _affirmed(vocabulary(sec.keywords).where(words), words, sec, owner)
                for sec in self.sections
            ]
            if not any(found) and self.post.it_stems[h] != words:
                # the tool's name where a heading says "it" ("Where TensorRec hurts" is
                # "Where it hurts")
                words = self.post.it_stems[h]
                found = [
                    _affirmed(vocabulary(sec.keywords).where(words), words, sec, owner)
                    for sec in self.sections
                ]
            first = min((min(f.values()) for f in found if f), default=-1)
            self._named[h] = [list(f) if f and min(f.values()) == first else [] for f in found]
            if sum(map(bool, self._named[h])) > 1:
                # named by words that open a post as well as close it ("Pain points",
                # "What hurt before"): in its first half it opens it, in its second half
                # it closes it
                away = "start" if self._late(h) else "end"
                self._named[h] = [
                    [] if sec.cues.position == away else terms
                    for sec, terms in zip(self.sections, self._named[h], strict=True)
                ]
            for o, terms in enumerate(self._named[h]):
                if terms and self._before_the_tool(h, o):
                    self._named[h][o] = []
        return self._named[h][s]

    def _before_the_tool(self, h: int, s: int) -> bool:
        """Whether heading `h`, naming a requirement that closes a post (`position: end`)
        or shows the tool at work (`after_tool`), comes before the post first names its
        tool or shows code (past a summary opening it: `story_shown`), while a heading
        after that names it too: "What hurt" over the
        backstory, "What was hard" after the walkthrough; "Our serving path, before" over
        the old setup, "Results" after. The first tells what came before the tool. For a
        walkthrough the text under the heading must end before the tool too: "Installation"
        over `pip install` shows it. A diary's first day comes before the tool whatever its
        opening says of it (`_opens_a_diary`)."""
        shown = self.post.story_shown
        line = self.headings[h].line
        if line is not None and self._opens_a_diary(h):
            shown = max(shown or 0, line + 1)  # its first day tells what came before
        if shown is None or line is None or line >= shown:
            return False
        cues = self.sections[s].cues
        if cues.position != "end":
            if not cues.after_tool:
                return False
            ends = min((o.line for o in self.headings if (o.line or 0) > line), default=None)
            if ends is None or ends > shown:
                return False
        # a heading after `shown` is never before the tool: `named` asks nothing back
        return any(
            (later.line or 0) > shown and self.named(o, s) for o, later in enumerate(self.headings)
        )

    def _opens_a_diary(self, h: int) -> bool:
        """Whether heading `h` is the first day of a diary with two or more days after it
        ("Monday — the annoyance" before "Tuesday — install", "Wednesday"): its day tells
        what came before the days of trying the tool."""
        place = _place(self.headings[h].text)
        if place is None or place.kind not in _DATED:
            return False
        days = [
            other
            for other in (_place(heading.text) for heading in self.headings[h + 1 :])
            if other is not None and other.kind == place.kind
        ]
        return len(days) >= 2 and all(day.number > place.number for day in days)

    def _hint_spans(self, h: int, s: int) -> dict[str, tuple[int, int]]:
        section = self.sections[s]
        terms = section.hints + (self.post.scenario if section.cues.scenario else ())
        words, owner = self.post.heading_stems[h], self.post.owner_stems[h]
        found = _affirmed(vocabulary(terms).where(words), words, section, owner)
        return {term: (at, at + len(stems(term))) for term, at in found.items()}

    def hinted(self, h: int, s: int) -> list[str]:
        """Heading words hinting at requirement `s`, less those inside a longer hint at
        another requirement ("step" in "Next steps" is the assessment's phrase)."""
        mine = self._hint_spans(h, s)
        if not self.sections[s].cues.scenario:
            # "Step 3 – The recommendation route": a scenario word is the scenario's, not a
            # hint at the verdict ("My recommendation") or the problem
            scenario = self._scenario_stems
            mine = {term: span for term, span in mine.items() if stems(term) not in scenario}
        series = _place(self.headings[h].text)
        if series and self._naming(s) - {h}:
            # "Lesson 3: …" is a place in a series of lessons, not the lessons learned,
            # when another heading names the requirement ("Verdict")
            noun = stems(series.word)
            mine = {term: span for term, span in mine.items() if stems(term) != noun}
        if not mine:
            return []
        longer = [
            span
            for o in range(len(self.sections))
            if o != s
            for span in self._hint_spans(h, o).values()
        ]
        return [
            term
            for term, (start, end) in mine.items()
            if not any(a <= start and end <= b and b - a > end - start for a, b in longer)
        ]

    @cached_property
    def _scenario_stems(self) -> set[tuple[str, ...]]:
        """The option's scenario keywords, stemmed as heading terms are."""
        return {stems(word) for word in self.post.scenario}

    def _naming(self, s: int) -> set[int]:
        """The headings that name requirement `s`."""
        if s not in self._names_of:
            self._names_of[s] = {h for h in range(len(self.headings)) if self.named(h, s)}
        return self._names_of[s]

    def names_other(self, h: int, s: int) -> bool:
        return any(self.named(h, other) for other in range(len(self.sections)) if other != s)

    def serves_other(self, h: int, s: int) -> bool:
        """Whether heading `h` names, or hints at and is confirmed for, another requirement."""
        return any(self.qualifies(h, o) for o in range(len(self.sections)) if o != s)

    def members(self, h: int, s: int) -> list[int]:
        """The heading and its subsections, less those naming another requirement. Under
        a requirement that opens a post (`position: start`), a subsection naming a later
        one ends them: "Why we looked at LXD" over "1. Install and initialize", "2. Launch
        a container", … has told its problem, and the walkthrough has begun."""
        opens = self.sections[s].cues.position == "start"
        out, j = [h], h + 1
        while j < self.post.end[h]:
            if self.names_other(j, s) and self.headings[j].words > 0:
                if opens and any(self.named(j, o) for o in range(s + 1, len(self.sections))):
                    break
                j = self.post.end[j]
                continue
            out.append(j)
            j += 1
        return out

    @property
    def headings(self) -> list[Heading]:
        return self.post.headings

    def content_of(self, members: Sequence[int]) -> list[int]:
        return [p for m in members for p in self.post.by_region.get(m, [])]

    def qualifies(self, h: int, s: int) -> tuple[str, list[str], _Score] | None:
        """How heading `h` serves section `s`: named, hinted and confirmed, or not at all."""
        if (h, s) not in self._qualifies:
            self._qualifies[h, s] = self._qualify(h, s)
        return self._qualifies[h, s]

    def _qualify(self, h: int, s: int) -> tuple[str, list[str], _Score] | None:
        section = self.sections[s]
        named = self.named(h, s)
        if named and self._only_asides(h, s):
            # "Motivation" over "this assignment seemed a good chance to learn …": the
            # writer's reasons for the choice, not what the heading names
            self.considered[s].append(
                f"‘{self.headings[h].text}’ names it ({', '.join(named)}) but its text only "
                "speaks of the post or the writer's choice, not of a need"
            )
            return None
        if named:  # the heading decides; the text is not read
            return HEADING, named, _Score(0, (), True, ())
        hinted = self.hinted(h, s)
        if not hinted or self.names_other(h, s):
            return None
        members = self.members(h, s)
        own = self.post.heading_stems[h]
        score = _score(self.post, section.cues, self.content_of(members), own)
        if self._confirmed(h, section.cues, score):
            if not score.in_place and section.cues.position == "end" and h == 0:
                self.considered[s].append(
                    f"‘{self.headings[h].text}’ hints at it ({', '.join(hinted)}) but opens "
                    "the post, far from where such text usually is"
                )
                return None
            if not score.in_place and section.cues.position == "start" and self._late(h):
                self.considered[s].append(
                    f"‘{self.headings[h].text}’ hints at it ({', '.join(hinted)}) but stands "
                    "late in the post, far from where such text usually is"
                )
                return None
            rival = None if score.in_place else self._rival(h, s)
            if rival is None:
                return HINT, hinted, score
            self.considered[s].append(
                f"‘{self.headings[h].text}’ hints at it ({', '.join(hinted)}) but stands where "
                f"“{self.sections[rival].name}” usually is, which it hints at too"
            )
            return None
        self.considered[s].append(
            f"‘{self.headings[h].text}’ hints at it ({', '.join(hinted)}) but its text "
            + _shortfall(section.cues, score, section.cues.confirm_score, placed=False)
        )
        if not score.cues:
            self.hinted_empty[s].add(h)
        return None

    def _only_asides(self, h: int, s: int) -> bool:
        """Whether the text of a heading's section has words, all in sentences that speak
        of the post, the assignment or the writer's choice (`aside`); or some in such
        sentences and none of the requirement's `required` cue words in the others ("Why
        did I choose it?" over "Honestly, personal reason. I always wanted to learn …"),
        when the heading names the requirement only in words of its `hints` too and no
        heading before it serves it."""
        cues = self.sections[s].cues
        if not cues.aside:
            return False
        skip = vocabulary(cues.aside)
        content = self.content_of(self.members(h, s))
        sentences = (
            sentence
            for p in content
            for sentence in _SENTENCE.split(self.post.paragraphs[p].text)
            if sentence.strip()
        )
        weak = {stems(term) for term in self.sections[s].hints}
        if not cues.groups or not all(stems(term) in weak for term in self.named(h, s)):
            # stopping at the first sentence that is no aside (most are not)
            said = False
            for sentence in sentences:
                if not skip.find(stems(sentence)):
                    return False
                said = True
            return said
        asides = [bool(skip.find(stems(sentence))) for sentence in sentences]
        if asides and all(asides):
            return True
        # a reason for the choice beside sentences with no trouble word tells no need, under
        # a heading that names the requirement only in words that also merely hint at it
        # ("Why …?"), before any other heading serves it
        return (
            any(asides)
            and not any(self.qualifies(other, s) for other in range(h))
            and not _score(self.post, cues, content).ok
        )

    def _late(self, h: int) -> bool:
        """Whether heading `h` stands in the second half of the post."""
        line = self.headings[h].line
        return line is not None and self.post.position(line) >= 0.5

    def _confirmed(self, h: int, cues: Cues, score: _Score) -> bool:
        """Whether the text under heading `h` confirms what the heading hints at: enough
        cue terms, and the required groups met by more than `weak` terms (one heading of a
        series, "Lesson 3", may say less than the others)."""
        firm = score.firm or bool(_place(self.headings[h].text))
        return score.score - score.bonus >= cues.confirm_score and score.ok and firm

    def _rival(self, h: int, s: int) -> int | None:
        """Another requirement that heading `h` hints at, whose text confirms it and stands
        where that requirement's text usually is ("Chapter 1: A model nobody could
        rebuild" opens the post: "model" hints at the examples, "nobody" at the problem)."""
        for o, other in enumerate(self.sections):
            if o == s or not self.hinted(h, o) or self.names_other(h, o):
                continue
            members = self.members(h, o)
            own = self.post.heading_stems[h]
            score = _score(self.post, other.cues, self.content_of(members), own)
            if self._confirmed(h, other.cues, score) and score.in_place:
                return o
        return None

    def siblings(self, h: int) -> tuple[int | None, int | None]:
        """The previous and next heading at the same level under the same parent."""
        level, parent = self.headings[h].level, self.post.parent[h]
        after = self.post.end[h]
        nxt = (
            after
            if after < len(self.headings)
            and self.headings[after].level == level
            and self.post.parent[after] == parent
            else None
        )
        prev = None
        for j in range(h - 1, parent, -1):
            if self.post.parent[j] == parent:
                prev = j if self.headings[j].level == level else None
                break
        return prev, nxt

    def candidate(self, h: int, s: int, blocked: set[int]) -> _Candidate | None:
        """Heading `h` and the adjacent siblings serving `s` with it, none of them `blocked`."""
        if self.qualifies(h, s) is None or h in blocked:
            return None
        free = self._free_candidates.get((h, s))
        if free is None:
            free = self._free_candidates[h, s] = self._candidate(h, s, set())
        if free is not None and blocked.isdisjoint(free.members):
            return free
        return self._candidate(h, s, blocked)

    def _series_shared(self, h: int, s: int, kind: str) -> bool:
        """Whether another member of heading `h`'s series ("Day 1", "Day 2", …) names
        another requirement: then the series tells several of them, and only its members
        that qualify serve `s` (a diary's "Day 5: what's missing" does not make Days 2 to
        4 the verdict when "Day 1: install and first jobs" names the walkthrough)."""
        for step in (0, 1):
            current = h
            while True:
                other = self.siblings(current)[step]
                if other is None:
                    break
                same = _place(self.headings[other].text)
                if not same or same.kind != kind:
                    break
                if self.names_other(other, s):
                    return True
                current = other
        return False

    def _candidate(self, h: int, s: int, blocked: set[int]) -> _Candidate | None:
        first = None if h in blocked else self.qualifies(h, s)
        if first is None:
            return None
        run = [(h, first)]
        series = _place(self.headings[h].text)
        if series and self._series_shared(h, s, series.kind):
            series = None
        for step in (1, -1) if self.headings[h].words else ():  # an empty one stays alone
            current = h
            while True:
                prev, nxt = self.siblings(current)
                other = nxt if step == 1 else prev
                if other is None or other in blocked:
                    break
                how = None if self.names_other(other, s) else self.qualifies(other, s)
                # a verdict at the end of a series ("Day 14, wrap-up", "Part 4: strengths
                # and limitations") does not reach back over the parts of the story before
                # it, nor does a diary's day that hints at or names it ("Friday: would I
                # recommend it?") take others
                dated = series is not None and series.kind in _DATED
                back = (dated or step == -1) and self.sections[s].cues.position == "end"
                if how is None and series and not back and not self.names_other(other, s):
                    same = _place(self.headings[other].text)
                    if same and same.kind == series.kind:
                        how = (SERIES, [same.text], _Score(0, (), True, ()))

                if how is None:
                    break
                if self.headings[other].words:  # an empty heading joins nothing
                    run.append((other, how))
                current = other
        run.sort()
        parts: list[Part] = []
        members_all: list[int] = []
        claimed: list[int] = []
        filtered = False  # a generic heading's paragraphs all read like something else
        for top, (how, terms, score) in run:
            for m in self.members(top, s):
                if m in blocked:
                    continue
                heading = self.headings[m]
                own = self.post.by_region.get(m, [])
                if how == HINT and own:  # a generic heading: not the paragraphs that read
                    # like a requirement no heading names (that one may need them)
                    own = [p for p in own if self._keeps(p, s)]
                    if not own:
                        filtered = True
                        continue
                members_all.append(m)
                if how == HINT:
                    kept = [self.post.paragraphs[p] for p in own]
                    words = sum(count_words(p.text) for p in kept)
                    lines = tuple(p.line for p in kept)
                else:
                    words, lines = heading.own_words, ()
                claimed += own
                parts.append(
                    Part(
                        how if m == top else NESTED,
                        heading,
                        words,
                        heading.text
                        + "\n"
                        + "\n".join(with_code(self.post.paragraphs[p]) for p in own),
                        tuple(terms) if m == top else (),
                        score.cues if m == top else (),
                        score.score if m == top else 0,
                        lines,
                    )
                )
        if filtered and not any(p.words for p in parts):
            return None
        named = [terms for _t, (how, terms, _s) in run if how == HEADING]
        return _Candidate(
            s,
            tuple(members_all),
            tuple(claimed),
            tuple(t for t, _ in run),
            tuple(parts),
            2 if named else 1,
            longest(t for terms in (named or [run[0][1][1]]) for t in terms),
            max(score.score for _t, (_h, _terms, score) in run),
            sum(p.words for p in parts),
        )

    @cached_property
    def unnamed(self) -> set[int]:
        """Requirements that no heading with text under it names."""
        return {
            s
            for s in range(len(self.sections))
            if not any(
                self.named(h, s) and self.headings[h].words for h in range(len(self.headings))
            )
        }

    def _keeps(self, paragraph: int, s: int) -> bool:
        """Whether a generic heading for `s` keeps the paragraph: unless the paragraph reads
        more like a requirement that no heading names, and clearly so (its cue words alone
        reach that requirement's `confirm_score`)."""
        best = self.prefers(paragraph, range(len(self.sections)))
        if s in best:
            return True
        for other in best & self.unnamed:
            cues = replace(self.sections[other].cues, scenario=False, position="any")
            if _score(self.post, cues, [paragraph]).score >= cues.confirm_score:
                return False
        return True

    def _own_text(self, h: int) -> str:
        return "\n".join(with_code(self.post.paragraphs[p]) for p in self.post.by_region.get(h, []))

    # --- the whole post -----------------------------------------------------------------

    def read(self) -> list[Reading]:
        chosen: dict[int, list[Part]] = {}
        used: set[int] = set()  # headings taken
        claimed: set[int] = set()  # paragraphs taken
        for s, section in enumerate(self.sections):
            if section.id in self.mapping:
                wanted = clean(self.mapping[section.id]).casefold()
                match = next(
                    (i for i, h in enumerate(self.headings) if h.text.casefold() == wanted), None
                )
                if match is not None:
                    members = self.members(match, s)
                    used.update(members)
                    claimed.update(self.content_of(members))
                    chosen[s] = [
                        Part(
                            MAPPED if m == match else NESTED,
                            self.headings[m],
                            self.headings[m].own_words,
                            self.headings[m].text + "\n" + self._own_text(m),
                        )
                        for m in members
                    ]
                else:
                    chosen[s] = []
        empty: dict[int, list[Heading]] = {}
        first = True
        while True:  # the best candidate first; the others are rebuilt around what it took
            candidates = self.candidates(
                [s for s in range(len(self.sections)) if s not in chosen], used
            )
            if first:
                for c in candidates:
                    if c.words == 0:
                        self.considered[c.section].append(
                            f"‘{self.headings[c.tops[0]].text}’ has no text under it"
                        )
                        empty.setdefault(c.section, []).append(self.headings[c.tops[0]])
                first = False
            candidates = [c for c in candidates if c.words > 0]
            if not candidates:
                break
            best = max(candidates, key=lambda c: c.rank)
            chosen[best.section] = list(best.parts)
            used.update(best.members)
            claimed.update(best.paragraphs)
        self._by_content(chosen, used, claimed)
        self._give_back(chosen, claimed)
        self._misplaced_hints(chosen, used, claimed)
        self._release_hinted(chosen)
        while True:  # further sections that name a requirement outright join it
            more = [
                c
                for c in self.candidates([s for s in chosen if chosen[s]], used)
                if c.strength == 2 and c.words > 0 and not self._past_later(c, chosen)
            ]
            if not more:
                break
            best = max(more, key=lambda c: c.rank)
            chosen[best.section].extend(best.parts)
            used.update(best.members)
            claimed.update(best.paragraphs)
        self._late_named(chosen, used, claimed)
        self._fill_between(chosen, used)
        # the walkthrough may now hold more than the section that opened it ("The day we
        # shipped the wrong model" before "What is Hydra?"): that one may be the problem
        self._release_hinted(chosen)
        self._release_series_tail(chosen)
        self._tails(chosen)
        self._shared_heading(chosen)
        self._spread(chosen)
        self._closing(chosen)
        self._by_story(chosen, used)
        self._essay_tails(chosen)
        self._essay_between(chosen)
        self._opened_late(chosen)
        # what `_opened_late` left unserved may share the heading that opened the
        # walkthrough ("The setup, and what was wrong with it")
        self._shared_heading(chosen)
        self._went_well(chosen)
        self._verdict_opens_with_use(chosen)
        self._note_scene(chosen)
        readings = []
        missing = any(not chosen.get(s) for s in range(len(self.sections)))
        unplaced = self._unplaced(chosen) if missing else ()
        for s, section in enumerate(self.sections):
            parts = sorted(chosen.get(s, []), key=lambda p: p.line or 0)
            text = "\n".join(p.text for p in parts)
            taken = [f"‘{p.heading.text}’" if p.heading else "text before" for p in parts]
            notes = [n for n in self.considered[s] if not any(label in n for label in taken)]
            readings.append(
                Reading(
                    section,
                    tuple(parts),
                    self.mapping.get(section.id),
                    tuple(dict.fromkeys(notes)),
                    tuple(empty.get(s, ())),
                    self._told_story(s, text, chosen, parts),
                    () if parts else self._unplaced_for(s, unplaced),
                )
            )
        return readings

    def _unplaced_for(
        self, s: int, unplaced: tuple[tuple[Part, int], ...]
    ) -> tuple[tuple[Part, int], ...]:
        """The unplaced sections, those whose heading hints at requirement `s` over text
        with none of its words marked as read (`Part.answered`)."""
        read = {id(self.headings[h]) for h in self.hinted_empty[s]}
        return tuple(
            (replace(part, answered=True), words) if id(part.heading) in read else (part, words)
            for part, words in unplaced
        )

    def _told_story(
        self, s: int, text: str, chosen: dict[int, list[Part]], parts: Sequence[Part]
    ) -> str:
        """The story requirement `s`'s parts go on with (see `_story`), "" when one of their
        paragraphs says the use on the writer's own system was not made (`not_made_on_own`:
        "Honestly, I did not get to our repo. I worked through the example from the docs"):
        the story stopped short of the tool."""
        paragraphs = self._paragraphs_of(parts)
        if not parts or any(not_made_on_own(p.text, self.sections[s]) for p in paragraphs):
            return ""
        return self._story(s, text, chosen, paragraphs)

    def _past_later(self, candidate: _Candidate, chosen: dict[int, list[Part]]) -> bool:
        """Whether a further section naming a requirement that opens a post (`position:
        start`) is another's: it comes after every part of the later requirements served,
        in the half of the post where no problem is told, and a later requirement nothing
        serves yet takes it (`_late_part`). "Challenges" after the walkthrough tells what
        was hard with the tool, not the problem it addresses; one amid the walkthrough
        ("The problem shows up", day 3 of a story) still joins the problem."""
        if self.sections[candidate.section].cues.position != "start":
            return False
        h = candidate.tops[0]
        line = self.headings[h].line or 0
        later = [
            p.line
            for o, parts in chosen.items()
            if o > candidate.section
            for p in parts
            if p.line is not None
        ]
        if not later or line <= max(later) or _in_place(self.post, "start", line, None):
            return False
        return any(
            not chosen.get(s) and self._late_part(h, s, set())[1]
            for s in range(candidate.section + 1, len(self.sections))
        )

    def _late_part(self, h: int, s: int, used: set[int]) -> tuple[list[int], list[Part]]:
        """Heading `h` and its subsections for requirement `s` when the heading hints at
        it and the text agrees ("Challenges", a hint at the verdict, over "the report is
        slow and we had to sample the ratings"), whatever else the heading names: the
        headings taken and their parts, or nothing."""
        heading = self.headings[h]
        if h in used or not heading.words or not self.hinted(h, s):
            return [], []
        if self.sections[s].id in self.mapping:  # the post said where it is
            return [], []
        cues = self.sections[s].cues
        members = [m for m in self.members(h, s) if m not in used]
        own = self.content_of(members)
        score = _score(self.post, cues, own, self.post.heading_stems[h])
        if not own or not self._confirmed(h, cues, score):
            return [], []
        return members, [
            Part(
                HINT if m == h else NESTED,
                self.headings[m],
                self.headings[m].own_words,
                self.headings[m].text + "\n" + self._own_text(m),
                tuple(self.hinted(h, s)) if m == h else (),
                score.cues if m == h else (),
                score.score if m == h else 0,
            )
            for m in members
        ]

    def _late_named(self, chosen: dict[int, list[Part]], used: set[int], claimed: set[int]) -> None:
        """The sections `_past_later` kept from the requirement that opens the post serve
        the later requirement that takes them."""
        for s in range(len(self.sections)):
            if chosen.get(s):
                continue
            for h in range(len(self.headings)):
                named = [o for o in range(s) if self.named(h, o)]
                if h in used or not named:
                    continue
                if not all(
                    self.sections[o].cues.position == "start" and chosen.get(o) for o in named
                ):
                    continue
                members, parts = self._late_part(h, s, used)
                if parts:
                    chosen[s] = parts
                    used.update(members)
                    claimed.update(self.content_of(members))
                    break

    def _note_scene(self, chosen: dict[int, list[Part]]) -> None:
        """For `--explain`: an `after_tool` requirement, read from text or not found, that a
        paragraph before the post first names its tool (or shows code) would otherwise read
        like."""
        shown = self.post.tool_shown
        if shown is None:
            return
        opening = [p for p, par in enumerate(self.post.paragraphs) if par.line < shown]
        for s, section in enumerate(self.sections):
            parts = chosen.get(s, [])
            by_heading = bool(parts) and all(p.how != CONTENT for p in parts)
            if (
                section.cues.after_tool
                and not by_heading
                and any(
                    0 < (ratios := self._likeness([p], scene=False))[s] == max(ratios)
                    for p in opening
                )
            ):
                self.considered[s].append(
                    f"paragraphs before line {shown} set the scene: the post first names "
                    "its tool or shows code there"
                )

    def _unplaced(self, chosen: dict[int, list[Part]]) -> tuple[tuple[Part, int], ...]:
        """The sections (and the text before the first heading) with text that no
        requirement took, each with the words of that text, the largest first."""
        lines = {
            p.line
            for parts in chosen.values()
            for part in parts
            for p in self._part_paragraphs(part)
        }
        free: dict[int, list[Paragraph]] = {}
        for paragraph in self.post.paragraphs:
            if paragraph.line not in lines:
                free.setdefault(paragraph.region, []).append(paragraph)
        found = []
        first = self.post.paragraphs[0] if self.post.paragraphs else None
        for region, paragraphs in free.items():
            words = sum(count_words(p.text) for p in paragraphs)
            heading = self.headings[region] if region >= 0 else None
            text = "\n".join(with_code(p) for p in paragraphs)
            # a section of its own, or the text before the first heading of a post that
            # has headings; not an essay with no headings that opens so
            opening = _SENTENCE.split(paragraphs[0].text.strip(), maxsplit=1)[0]
            own_part = heading is not None or bool(self.headings)
            defines = own_part and (
                self.post.defines_the_tool(opening) or self._describes_unvoiced(region)
            )
            # ... nor is an essay's opening when the essay's other paragraphs were taken:
            # the opening alone is left ("I found it while browsing …")
            alone = paragraphs[0] is first and len(paragraphs) < len(self.post.paragraphs)
            part = Part(
                CONTENT,
                heading,
                words,
                text,
                lines=tuple(p.line for p in paragraphs),
                defines=defines,
                opens=(own_part and region == first.region) or alone,
            )
            found.append((part, words))
        return tuple(sorted(found, key=lambda item: -item[1]))

    def _describes_unvoiced(self, region: int) -> bool:
        """Whether a section's heading describes the tool ("What is Kindling?", "What it
        does") and its text tells nothing as what happened to anyone (`_unvoiced_description`,
        for the requirements whose cues list such headings): read, as what the tool is."""
        if region < 0:
            return False
        own = self.post.by_region.get(region, [])
        return any(
            self._unvoiced_description(section.cues, own)
            for section in self.sections
            if section.cues.evidence_describes
        )

    def _story(
        self,
        s: int,
        text: str,
        chosen: dict[int, list[Part]],
        paragraphs: Sequence[Paragraph] = (),
    ) -> str:
        """Where the scenario was told, when `text` (for requirement `s`, which needs the
        scenario) names none of it but refers to something that part describes: "our
        existing scripts" after a problem section about the scripts that pull the day's
        watch events; or when one of its `paragraphs` goes on with the scenario the post
        told earlier as the writer's own (`goes_on_with`). Empty when the text names the
        scenario itself or tells no such story."""
        section = self.sections[s]
        cues = section.cues
        scenario = vocabulary(self.post.scenario, exact=True)
        if not cues.scenario_from_story or scenario.find(singulars(text)):
            return ""
        return self._refers(s, text, chosen, scenario) or self._goes_on(
            section, paragraphs, scenario, chosen
        )

    def _others(self, section: Section, chosen: dict[int, list[Part]]) -> set[int]:
        """The lines of the paragraphs that requirements other than `section` took, but for
        the members of a series (see `story_parts`)."""
        return {
            p.line
            for o, parts in chosen.items()
            if self.sections[o] is not section
            for part in story_parts(parts)
            for p in self._part_paragraphs(part)
        }

    def _goes_on(
        self,
        section: Section,
        paragraphs: Sequence[Paragraph],
        scenario: Vocabulary,
        chosen: dict[int, list[Part]],
    ) -> str:
        """How `paragraphs` go on with the scenario told earlier as the writer's own."""
        if not paragraphs:
            return ""
        told = told_as_own(
            self.post.paragraphs,
            section,
            scenario,
            paragraphs[0].line,
            self._others(section, chosen),
            self.title,
        )
        describes = vocabulary(section.cues.story_describes)
        described = {
            p.line
            for p in paragraphs
            if describes and p.region >= 0 and describes.find(self.post.it_stems[p.region])
        }
        tie = goes_on_with(told, paragraphs, section, self.own, described)
        if tie is None:
            return ""
        # the story begins where the scenario is told as the writer's own; the paragraph
        # tied to may go on with it in the writer's voice without naming it again
        begun = told[0]
        named = ", ".join(scenario.find(singulars(with_code(begun)))[:4])
        shown = ", ".join(f"“{thing}”" for thing in tie.things[:3])
        said = f"(line {tie.paragraph.line}) goes on with the story told at line {tie.told.line}"
        if not named:  # begun by the title ("… our recommender's secrets …")
            named = ", ".join(scenario.find(singulars(self.title))[:4])
            titled = "after a title that names the scenario as the writer's own"
            return f"{shown} {said}, {titled} ({named})"
        if tie.told is begun:
            return f"{shown} {said}, which names the scenario as the writer's own ({named})"
        return (
            f"{shown} {said}, part of the writer's own story begun at line {begun.line} ({named})"
        )

    def _refers(
        self, s: int, text: str, chosen: dict[int, list[Part]], scenario: Vocabulary
    ) -> str:
        """“Our X” in `text`, where X is a word of another requirement's part that names
        the scenario; not in a paragraph on someone else's material (`story_borrowed`:
        "Rather than instrumenting our own service, I used the demo application"), nor in
        one that plans the use ("Hooking our consumer into this page is the next step")."""
        if not _OUR.search(text) and not _THE.search(text):
            return ""
        section = self.sections[s]
        cues = section.cues
        borrowed = vocabulary(cues.borrowed, exact=True)
        words = stems(
            "\n".join(
                line
                for line in text.split("\n")
                if not names_material(borrowed, line)
                and not speculation(line, section)
                and not only_asks(line)  # "Q: And for our tasks?" asks; its answer tells
            )
        )
        ours = [i for i, word in enumerate(words) if word == "our"]
        thes = [i for i, word in enumerate(words) if word in _ARTICLE]
        if not ours and not thes:
            return ""
        common = _common_stems() | set(stems(" ".join(cues.story_ignores)))
        for o, parts in sorted(chosen.items()):
            for part in parts if o != s else ():
                named = scenario.find(singulars(part.text))
                if not named:
                    continue
                told = stems(part.text)
                things = {w for w in told if len(w) >= 3 and w not in common}
                # what an earlier requirement's part calls the writer's own ("Our
                # model-serving image was 2.1 GB") is what "the image" means after it;
                # read close: "Our nightly retraining sometimes trained" owns no "train"
                close = part.text.replace("-", "")
                owned = set(possessions(close, common, _THE_REACH)) if o < s else set()
                for article, at, known in (("our", ours, things), ("the", thes, owned)):
                    for i in at:
                        thing = next(
                            (w for w in words[i + 1 : i + 2 + MAX_GAP] if w in known), None
                        )
                        if thing is not None:
                            return (
                                f"“{article} {thing}” refers to ‘{part.label}’, which names the "
                                f"scenario ({', '.join(named[:4])})"
                            )
        return ""

    def _closing(self, chosen: dict[int, list[Part]]) -> None:
        """A requirement nothing serves that the post weighs in its last words (`Cues.
        closing`): "overall it was super useful …; the downsides for us were …" ending
        the walkthrough of a post with two headings. One of the last two paragraphs of
        prose must open as a verdict and weigh the tool on its own."""
        prose = [i for i, p in enumerate(self.post.paragraphs) if p.text.strip()]
        for s, section in enumerate(self.sections):
            cues = section.cues
            if chosen.get(s) or not cues.closing:
                continue
            openers = vocabulary(cues.closing)
            for index in reversed(prose[-2:]):
                opening = self.post.para_stems(index)[:4]
                if not any(at <= 1 for at in openers.where(opening).values()):
                    continue
                score = _score(self.post, cues, [index])
                every = all(any(t in score.cues for t in terms) for _name, terms in cues.groups)
                if score.firm and every and score.score >= cues.min_score:
                    chosen[s] = [self._content_part(self.post.paragraphs[index].region, score)]
                    break
                self.considered[s].append(
                    "the closing paragraph opens as a verdict but "
                    + _shortfall(cues, score, cues.min_score)
                )

    def _spread(self, chosen: dict[int, list[Part]]) -> None:
        """A requirement nothing serves that the post discusses along the way (`Cues.
        spread_terms`): "What works: … What doesn't: …" under each feature of a review.
        The text of a requirement told at the start (the problem) does not count, up to its
        last paragraph in each of its sections: its words for what went wrong ("That test
        has two problems") are not the tool's limitations, even in a paragraph between
        those the problem took."""
        told_until: dict[int, int] = {}  # a section's text up to the problem's last paragraph
        for o, parts in chosen.items():
            if self.sections[o].cues.position == "start":
                for part in parts:
                    for p in self._part_paragraphs(part):
                        told_until[p.region] = max(told_until.get(p.region, 0), p.line)
        told = {p.line for p in self.post.paragraphs if p.line <= told_until.get(p.region, -1)}
        for s, section in enumerate(self.sections):
            cues = section.cues
            if chosen.get(s) or not cues.spread_terms or not cues.required:
                continue
            found: dict[str, set[str]] = {}
            regions: dict[int, list[int]] = {}
            for index, paragraph in enumerate(self.post.paragraphs):
                if paragraph.line in told:
                    continue
                words = self.post.para_stems(index)
                for name, terms in cues.groups:
                    hits = vocabulary(terms).find(words)
                    found.setdefault(name, set()).update(hits)
                    if hits and name in cues.required:
                        regions.setdefault(paragraph.region, []).append(index)
            weighed = sum(len(found.get(name, ())) for name in cues.required)
            weak = set(cues.weak)
            firm = sum(len(found.get(name, set()) - weak) for name in cues.required)
            every = all(found.get(name) for name, _terms in cues.groups)
            if (
                weighed < cues.spread_terms
                or firm < cues.spread_firm
                or len(regions) < cues.spread_sections
                or not every
            ):
                if weighed >= cues.confirm_score:
                    self.considered[s].append(
                        f"{'/'.join(cues.required)} words are spread over {len(regions)} "
                        f"section(s): {weighed} different, fewer than {cues.spread_terms} "
                        f"over {cues.spread_sections}"
                    )
                continue
            window = self._window(chosen, s)
            chosen[s] = [
                self._content_part(region, _score(self.post, cues, indexes, (), window))
                for region, indexes in sorted(regions.items())
            ]
            spread = tuple(sorted(t for name in cues.required for t in found[name]))
            chosen[s][0] = replace(chosen[s][0], cues=(*spread, "along the way"))

    def _tails(self, chosen: dict[int, list[Part]]) -> None:
        """A requirement nothing serves, told at the end of the section of the one before
        it: "Why a gateway at all" states the problem, then runs on into the setup and
        what happened. The section keeps its first paragraphs, up to the earlier
        requirement's `min_words`; the paragraphs from there to its end serve the missing
        one when each reads more like it and together they score its `min_score`."""
        for s, section in enumerate(self.sections):
            cues = section.cues
            if chosen.get(s) or not cues.groups or s == 0 or not chosen.get(s - 1):
                continue
            o = s - 1
            parts = chosen[o]
            for at, part in enumerate(parts):
                if part.how not in (HEADING, HINT) or part.heading is None:
                    continue
                region = next(i for i, h in enumerate(self.headings) if h is part.heading)
                own = self.post.by_region.get(region, [])
                split = self._tail_of(own, s, o, chosen)
                if split is None:
                    continue
                kept, score = split
                parts[at] = replace(
                    part,
                    words=part.heading.own_words - self._words(score.used),
                    text=part.heading.text + "\n" + "\n".join(with_code(p) for p in kept),
                )
                chosen[s] = [self._content_part(region, score)]
                break

    def _tail_of(
        self, own: Sequence[int], s: int, o: int, chosen: dict[int, list[Part]]
    ) -> tuple[list[Paragraph], _Score] | None:
        """The paragraphs of `own` that requirement `o` keeps, and the score for `s` of
        those after them (`used`), which serve `s` instead: past `o`'s first `min_words`,
        each reading more like `s`, and together scoring `s`'s `min_score` where such text
        usually is; None if none do."""
        keep, words = 0, 0
        while keep < len(own) and words < self.sections[o].min_words:
            words += self._words([own[keep]])
            keep += 1
        start = len(own)
        while start > max(keep, 1) and s in self.prefers(own[start - 1], (o, s)):
            start -= 1
        if start == len(own):
            return None
        cues = self.sections[s].cues
        tail = own[start:]
        score = _score(self.post, cues, tail, (), self._window(chosen, s))
        if score.score < cues.min_score or not score.firm or not score.in_place:
            return None
        return [self.post.paragraphs[p] for p in own[:start]], replace(score, used=tuple(tail))

    def _essay_tails(self, chosen: dict[int, list[Part]]) -> None:
        """In a post with no headings, the paragraphs that end the run of text the
        requirement before a missing one took serve the missing one, as under `_tails`:
        "Now, what I did not like" and the verdict after the story of the setup."""
        if self.headings:
            return
        for s in range(1, len(self.sections)):
            parts = chosen.get(s - 1, [])
            if not chosen.get(s) and len(parts) == 1 and parts[0].how == CONTENT:
                self._content_tail(chosen, s, s - 1)

    def _essay_between(self, chosen: dict[int, list[Part]]) -> None:
        """In a post with no headings, the paragraphs between the text its neighbours took
        that serve nothing else serve a requirement told between them (`position:
        between`, the walkthrough), as `_fill_between` does with sections: a TA reads the
        config and "I let it run for five days" between the problem and the verdict as
        the examples, though only the paragraph with the findings reads like them."""
        if self.headings:
            return
        for s, section in enumerate(self.sections):
            if section.cues.position != "between" or not 0 < s < len(self.sections) - 1:
                continue
            parts = [chosen.get(s - 1, []), chosen.get(s, []), chosen.get(s + 1, [])]
            if any(len(p) != 1 or p[0].how != CONTENT or not p[0].lines for p in parts):
                continue
            before, own, after = (p[0] for p in parts)
            low, high = max(before.lines), min(after.lines)
            if not low < min(own.lines) <= max(own.lines) < high:
                continue
            taken = {line for ps in chosen.values() for part in ps for line in part.lines}
            between = [
                p
                for p in self.post.paragraphs
                if low < p.line < high and (p.line in own.lines or p.line not in taken)
            ]
            if len(between) == len(own.lines):
                continue
            chosen[s] = [_holding(own, between)]

    def _content_tail(self, chosen: dict[int, list[Part]], s: int, o: int) -> None:
        """Requirement `s` takes the paragraphs that end `o`'s one part (see `_tails`)."""
        part = chosen[o][0]
        own = self._indexes(part)
        split = self._tail_of(own, s, o, chosen)
        if split is None:
            return
        kept, score = split
        chosen[o] = [_holding(part, kept)]
        chosen[s] = [self._content_part(-1, score)]

    def _paragraphs_of(self, parts: Sequence[Part]) -> list[Paragraph]:
        return [p for part in parts for p in self._part_paragraphs(part)]

    def _part_paragraphs(self, part: Part) -> list[Paragraph]:
        """The paragraphs of a part: those listed, or all of its heading's own."""
        if part.lines:
            return [p for p in self.post.paragraphs if p.line in part.lines]
        if part.heading is None:
            return self.post.paragraphs_before
        region = next((i for i, h in enumerate(self.headings) if h is part.heading), None)
        return [self.post.paragraphs[p] for p in self.post.by_region.get(region, [])]

    def _by_story(self, chosen: dict[int, list[Part]], used: set[int]) -> None:
        """A requirement that needs the scenario and that nothing serves takes the section
        that reads like it in every other way, where such text is, when it refers to what
        another requirement's part told in the scenario's words (see `_story`)."""
        for s, section in enumerate(self.sections):
            cues = section.cues
            if chosen.get(s) or not cues.scenario_from_story:
                continue
            plain = _without_scenario(cues)
            window = self._window(chosen, s)
            best: tuple[int, int, Part] | None = None
            for h, heading in enumerate(self.headings):
                own = self.post.by_region.get(h, [])
                if h in used or not own or self.post.parent[h] in used:
                    continue
                if self.serves_other(h, s):
                    continue
                score = _score(self.post, plain, own, self.post.heading_stems[h], window)
                hinted = self.hinted(h, s)
                if not (score.firm and score.in_place) or not (
                    score.score >= cues.min_score
                    or (hinted and score.score - score.bonus >= cues.confirm_score)
                ):
                    continue
                story = self._story(s, self._own_text(h), chosen, self._paragraphs(own))
                if story and (best is None or score.score > best[0]):
                    part = replace(
                        self._content_part(h, score),
                        how=HINT if hinted else CONTENT,
                        terms=tuple(hinted),
                        words=heading.own_words if hinted else self._words(score.used),
                    )
                    best = (score.score, h, part)
            if best is not None:
                chosen[s] = [best[2]]
                used.add(best[1])
                label = f"‘{self.headings[best[1]].text}’"  # taken after all
                self.considered[s] = [n for n in self.considered[s] if label not in n]
            elif (opening := self._story_opening(s, plain, window, chosen)) is not None:
                chosen[s] = [opening]
            else:
                self._story_run(s, plain, window, chosen, used)

    def _story_opening(
        self, s: int, plain: Cues, window: tuple[int, int], chosen: dict[int, list[Part]]
    ) -> Part | None:
        """The text before the first heading, less what other requirements took of it and
        what lies outside `window`, when it reads like requirement `s` by every cue but the
        scenario (`plain`) and goes on with the story (`_story`): a post of bold lead-ins
        ("**The problem.** Our movie recommendation service …", then "**First test.**",
        "**Retries.** Our health checker retries …") whose one heading comes at its end."""
        taken = {line for parts in chosen.values() for part in parts for line in part.lines}
        free = [
            i
            for i in self.post.by_region.get(-1, [])
            if (line := self.post.paragraphs[i].line) not in taken and window[0] < line < window[1]
        ]
        if not free:
            return None
        score = _score(self.post, plain, free, (), window)
        if not (score.firm and score.in_place and score.score >= plain.min_score):
            return None
        mine = self._paragraphs(free)
        if not self._story(s, "\n".join(with_code(p) for p in mine), chosen, mine):
            return None
        return self._content_part(-1, score)

    STORY_RUN = 4  # sections a walkthrough told over several may span
    # a paragraph with no cue goes on with a run when it is at least a sentence, not a
    # transcript's "Jonas: Okay, show me."
    BLANK_WORDS = 8

    def _story_run(
        self,
        s: int,
        plain: Cues,
        window: tuple[int, int],
        chosen: dict[int, list[Part]],
        used: set[int],
    ) -> None:
        """Consecutive sections that no requirement took (at most `STORY_RUN`) serve
        requirement `s` when, read together, they read like it in every way but the
        scenario, where such text is, and one of them goes on with a story that names it
        ("The Kaniko job" refers to "our Dockerfile", "Head-to-head" has the numbers). The
        first such run is taken, at its shortest."""
        free = [
            h
            for h in range(len(self.headings))
            if h not in used
            and self.post.by_region.get(h)
            and self.post.parent[h] not in used
            and not self.serves_other(h, s)
        ]
        best: list[int] | None = None
        for at, first in enumerate(free):
            run = [first]
            for h in free[at + 1 : at + self.STORY_RUN]:
                if h != run[-1] + 1:
                    break
                run.append(h)
                own = self.content_of(run)
                score = _score(self.post, plain, own, self.post.heading_stems[first], window)
                if not (score.firm and score.in_place and score.score >= plain.min_score):
                    continue
                if any(
                    self._story(
                        s, self._own_text(m), chosen, self._paragraphs(self.content_of([m]))
                    )
                    for m in run
                ):
                    best = run
                    break
            if best is not None:
                break
        if best is None:
            return
        chosen[s] = [
            self._content_part(h, replace(self._region_score(s, h, window), used=tuple(mine)))
            for h in best
            if (mine := self.content_of([h]))
        ]
        used.update(best)
        labels = [f"‘{self.headings[h].text}’" for h in best]
        self.considered[s] = [
            n for n in self.considered[s] if not any(label in n for label in labels)
        ]

    def _paragraphs(self, indices: Iterable[int]) -> list[Paragraph]:
        return [self.post.paragraphs[p] for p in indices]

    def _misplaced_hints(
        self, chosen: dict[int, list[Part]], used: set[int], claimed: set[int]
    ) -> None:
        """A requirement served only by sections standing out of its place, whose generic
        headings hint at it ("Alerts and workflow" near the end for the problem, after the
        walkthrough's "Setup") or whose headings name it but whose text does not read like
        it ("Why Terraform is great for ML teams" before the conclusion), takes instead the
        free text that reads like it where it usually is ("Errors you never see", which
        opens the post), when there is such text. The sections it gives up are free again."""
        for s in range(len(self.sections)):
            parts = chosen.get(s)
            named = bool(parts) and all(p.how in (HEADING, NESTED) for p in parts)
            if not parts or (not named and any(p.how not in (HINT, NESTED) for p in parts)):
                continue
            low, high = self._window(chosen, s)
            if any(low < line < high for p in parts if (line := p.line) is not None):
                continue
            members = {i for i, h in enumerate(self.headings) for p in parts if h is p.heading}
            paragraphs = set(self.content_of(sorted(members)))
            if named:  # the heading decides, unless its text reads unlike it too
                cues = self.sections[s].cues
                score = _score(self.post, cues, sorted(paragraphs))
                if not cues.groups or (
                    score.score - score.bonus >= cues.confirm_score and score.ok
                ):
                    continue
            trial = {o: chosen.get(o, []) for o in range(len(self.sections)) if o != s}
            self._by_content(trial, used - members, claimed - paragraphs)
            if not trial.get(s):
                continue
            chosen[s] = trial[s]
            used -= members
            claimed -= paragraphs
            claimed.update(p for part in trial[s] for p in self._indexes(part))
            self.considered[s].append(
                f"‘{parts[0].label}’ {'names' if named else 'hints at'} it but stands out of "
                "its place; text that reads like it where it usually is serves it instead"
            )

    def _indexes(self, part: Part) -> list[int]:
        """The indexes of a part's paragraphs."""
        mine = {id(p) for p in self._part_paragraphs(part)}
        return [i for i, p in enumerate(self.post.paragraphs) if id(p) in mine]

    def _release_hinted(self, chosen: dict[int, list[Part]]) -> None:
        """A requirement still missing takes a section that only a generic heading, or its
        place in a series, gave to another requirement, when that requirement keeps a part
        with text without it and the section's text reads like the missing one where such
        text usually is ("Myth 1: We'll see it on the dashboard" tells the problem; "Myth 2:
        … set up" has the examples; "Step 0: The mess we start with" opens a tutorial). So
        does a section only its place gave, before any section the other's headings name,
        when its text reads like the missing one in full ("The bug" after "Background: our
        little streaming service"): what a generic heading gave before it sets its scene.
        And so does the first section, named only by `scene_headings` words, with no fenced
        code (`_scene`: "The setup"), and for a requirement that opens a post, the first of
        a run only generic headings gave (`_opens_run`: "Day 0 (the night that started
        it)" before "Day 1", "Day 2")."""
        for s, section in enumerate(self.sections):
            if chosen.get(s) or not (section.cues.groups or section.cues.scenario):
                continue
            cues = section.cues
            for o, parts in chosen.items():
                hinted = [p for p in parts if p.how in (HINT, SERIES) and p.heading is not None]
                scene = self._scene(o, parts, s)
                # a section only its place gave, before any the walkthrough's headings name
                # ("The bug" after "Background: our little streaming service")
                named = min(
                    (p.line for p in parts if p.how in (HEADING, MAPPED) and p.line), default=None
                )
                hinted += [
                    p
                    for p in parts
                    if p.how == BETWEEN
                    and p.heading is not None
                    and hinted
                    and (named is None or (p.line or 0) < named)
                ]
                hinted += scene
                rest = [
                    p
                    for p in parts
                    if p.how not in (HINT, SERIES, NESTED) and p.words and p not in scene
                ]
                if o == s or not hinted:
                    continue
                for part in hinted:
                    # the whole requirement is a run of such sections: only its first, read
                    # plainly as the missing one (past `min_score`), may go
                    opening = not rest
                    if opening and not self._opens_run(part, hinted, o, section):
                        continue
                    if section.cues.position == "start" and _past_first_step(part.heading):
                        # what opens a post is not told as "5." of a listicle's items
                        continue
                    h = self.headings.index(part.heading)
                    # with its subsections ("Task-by-task comparison" over "1. Appending
                    # the hourly events", "2. …"), where it would stand once given up
                    below = {id(x) for x in self.headings[h + 1 : self.post.end[h]]}
                    given = [part] + [
                        q for q in parts if q.how == NESTED and id(q.heading) in below
                    ]
                    kept = [q for q in parts if all(q is not g for g in given)]
                    # what only a generic heading gave before it sets the scene for it
                    after = [q for q in kept if q.how != HINT or (q.line or 0) > (part.line or 0)]
                    span = self._later_span({**chosen, o: after}, s)
                    if span is not None and span[0] < (part.line or 0) < span[1]:
                        # "4. Watching it" amid "2. The schema" and "5. Using it"
                        self.considered[s].append(
                            f"‘{part.label}’ lies amid the parts of “{self.sections[o].name}”, "
                            "which this comes before"
                        )
                        continue
                    window = self._window({**chosen, o: after}, s)
                    own = self.content_of(range(h, self.post.end[h]))
                    score = _score(self.post, cues, own, self.post.heading_stems[h], window)
                    enough = (
                        score.score > cues.min_score
                        or (
                            score.score >= cues.confirm_score
                            and self._before_its_tool(own, [q for q in hinted if q is not part])
                        )
                        if opening
                        else score.score >= cues.min_score
                        if part.how == BETWEEN
                        else self._enough(cues, score)
                    )
                    if not (own and score.firm and score.in_place and enough):
                        continue
                    parts[:] = kept
                    chosen[s] = [self._content_part(h, score)]
                    how = "may only set the scene" if part in scene else "hints at it"
                    self.considered[o].append(
                        f"‘{part.label}’ {how} but reads like “{section.name}”, "
                        "which nothing else serves"
                    )
                    break
                if chosen.get(s):
                    break

    def _before_its_tool(self, own: list[int], later: list[Part]) -> bool:
        """Whether the paragraphs `own` of a run's first section neither name the tool nor
        show code while a `later` section of the run names it: a diary's "Monday: bad news
        in standup" before "Tuesday: installed it" tells what the tool was for, not a use
        of it, even in words of a walkthrough ("the load test we built")."""
        post = self.post
        if not post.tool_stems or any(
            post.paragraphs[i].fenced or post.tool_stems & set(post.para_stems(i)) for i in own
        ):
            return False
        return any(
            post.tool_stems & set(stems(p.text)) for q in later for p in self._part_paragraphs(q)
        )

    def _opens_run(self, part: Part, hinted: list[Part], o: int, section: Section) -> bool:
        """Whether `part` opens a run of sections that only generic headings gave to
        requirement `o` ("Day 0 (the night that started it)", "Day 1", "Day 2"), which
        keeps enough words without it, and `section` opens a post: the run's first
        section may tell the problem the others work on."""
        others = [q for q in hinted if q is not part]
        return (
            section.cues.position == "start"
            and bool(others)
            and all((part.line or 0) < (q.line or 0) for q in others)
            and sum(q.words for q in others) >= self.sections[o].min_words
        )

    def _scene(self, o: int, parts: list[Part], missing: int | None = None) -> list[Part]:
        """The part of requirement `o` that may only set the scene: the post's first
        section, named by `scene_headings` words alone ("The setup", "Some context on our
        setup"), or also hinting at the `missing` requirement ("The slow five minutes
        after every deploy"), with no fenced code in it; when the missing one opens a
        post, its code may be the old way's ("Our deploy numbers, before")."""
        if not self.headings:
            return []
        first = self.headings[0]
        opening = [p for p in parts if p.how == HEADING and p.heading is first and p.terms]
        if not opening:
            return []
        # "The setup and the problem" names the problem too: `_shared_heading` gives it
        if any(self._also_named(0, other) for other in range(len(self.sections)) if other != o):
            return []
        own = self.content_of(range(0, self.post.end[0]))
        fenced = any(self.post.paragraphs[i].fenced for i in own)
        if missing is not None and self.hinted(0, missing):
            # code under a heading that hints at the problem may be the old way's ("Our
            # deploy numbers, before" over the tutorial's Dockerfile)
            if fenced and self.sections[missing].cues.position != "start":
                return []
            return opening
        if fenced:
            return []
        scene = vocabulary(self.sections[o].scene_headings)
        return [p for p in opening if all(scene.find(stems(term)) for term in p.terms)]

    def _shared_heading(self, chosen: dict[int, list[Part]]) -> None:
        """A requirement nothing serves takes a section whose heading names it beside the
        requirement it was taken for ("The setup and the problem"), when that requirement
        keeps another part with text."""
        for s, section in enumerate(self.sections):
            if chosen.get(s):
                continue
            for o, parts in chosen.items():
                for at, part in enumerate(parts):
                    if o == s or part.how != HEADING or part.heading is None or not part.words:
                        continue
                    h = self.headings.index(part.heading)
                    also = self._also_named(h, s)
                    below = self.headings[h + 1 : self.post.end[h]]
                    rest = [q for q in parts if q is not part and q.how != NESTED and q.words]
                    if not also or not rest or any(q.heading in below for q in parts):
                        continue
                    del parts[at]
                    chosen[s] = [replace(part, terms=tuple(also))]
                    self.considered[o].append(
                        f"‘{part.label}’ names “{section.name}” too, which nothing else serves"
                    )
                    break
                if chosen.get(s):
                    break

    def _went_well(self, chosen: dict[int, list[Part]]) -> None:
        """A walkthrough nothing serves takes the half of a verdict split into what went
        well and what did not ("What went well" + "What didn't go well" in a retrospective)
        whose heading names no drawback, when its own text reads like the walkthrough
        there: in a retrospective, what went well is what the team did."""
        for s, section in enumerate(self.sections):
            if chosen.get(s) or "scenario" not in section.cues.required:
                continue
            for o, parts in chosen.items():
                if o == s:
                    continue
                drawbacks = vocabulary(self.sections[o].cues.drawbacks, exact=True)
                headed = [p for p in parts if p.how == HEADING and p.heading and p.words]
                against = [p for p in headed if drawbacks.find(singulars(p.label))]
                if not drawbacks or not against:
                    continue
                for part in (p for p in headed if p not in against):
                    h = self.headings.index(part.heading)
                    if self.headings[h + 1 : self.post.end[h]]:
                        continue  # a half with subsections of its own stays as it is
                    # out of the verdict while it is weighed: the walkthrough's window is
                    # drawn from the verdict's other parts; put back if it does not read so
                    parts.remove(part)
                    own = self.content_of([h])
                    window = self._window(chosen, s)
                    score = _score(self.post, section.cues, own, self.post.heading_stems[h], window)
                    # its own words show the scenario: a "Pros" tied to it only by a story
                    # is the strengths of a post that shows none
                    if score.firm and score.in_place and self._enough(section.cues, score):
                        lines = tuple(self.post.paragraphs[p].line for p in score.used)
                        chosen[s] = [
                            replace(
                                part,
                                how=CONTENT,
                                terms=(),
                                cues=score.cues,
                                score=score.score,
                                lines=lines,
                            )
                        ]
                        self.considered[o].append(
                            f"‘{part.label}’ tells what was done ({', '.join(score.cues)}), "
                            f"beside {against[0].shown}: it is “{section.name}”"
                        )
                        break
                    parts.append(part)
                    parts.sort(key=lambda p: p.line or 0)
                if chosen.get(s):
                    break

    def _verdict_opens_with_use(self, chosen: dict[int, list[Part]]) -> None:
        """A walkthrough nothing serves takes the paragraphs that open the text of the next
        requirement served, when that was taken by its words, with the free paragraphs right
        before them, when those read like the walkthrough by themselves and the rest still
        serves that one: an essay with no headings shows its code, then what came of it ("the
        groupby went from 47 minutes to 14"), then "Now the part which is less nice"."""
        claimed: set[int] | None = None
        for s, section in enumerate(self.sections):
            if chosen.get(s) or "scenario" not in section.cues.required:
                continue
            if claimed is None:
                claimed = {i for ps in chosen.values() for part in ps for i in self._indexes(part)}
            # the next requirement served, when its first part was read from its text
            o = next((o for o in range(s + 1, len(self.sections)) if chosen.get(o)), None)
            if o is None:
                continue
            parts = chosen[o]
            first = min(parts, key=lambda p: p.line or 0)
            own = self._indexes(first)
            if first.how != CONTENT or not own:
                continue
            region = self.post.paragraphs[own[0]].region
            lead: list[int] = []
            for p in range(own[0] - 1, -1, -1):  # the code the verdict's text explains
                if p in claimed or self.post.paragraphs[p].region != region:
                    break
                lead.insert(0, p)
            later = self.sections[o].cues
            for k in range(1, len(own)):
                left = _score(self.post, later, own[k:])
                rest = self._content_part(region, left)
                window = self._window({**chosen, o: [rest, *parts[1:]]}, s)
                score = _score(self.post, section.cues, lead + own[:k], (), window)
                if not (score.firm and score.in_place):
                    break
                if score.score < section.cues.min_score:
                    continue
                if left.firm and left.score >= later.min_score:
                    chosen[s] = [self._content_part(region, score)]
                    chosen[o] = [rest, *parts[1:]]
                    self.considered[o].append(
                        f"{self._region_label(region)} opens with what was done "
                        f"({', '.join(score.cues)}): it is “{section.name}”"
                    )
                break

    def _also_named(self, h: int, s: int) -> list[str]:
        """Heading words naming requirement `s`, wherever they stand in the heading."""
        words, owner = self.post.heading_stems[h], self.post.owner_stems[h]
        section = self.sections[s]
        return list(_affirmed(vocabulary(section.keywords).where(words), words, section, owner))

    def _release_series_tail(self, chosen: dict[int, list[Part]]) -> None:
        """A requirement still missing takes the members another requirement took for one
        heading's sake, when together they read like it where such text usually is
        (`_reads_like`): the series after "Day 0: why we even looked" ("Day 1" to "Day 5" of
        trying the tool), or the subsections of "Why an ML service needs real auth" ("Part
        1: Running Keycloak" to "Part 6"). The longest run that ends with their last; for a
        requirement that opens a post, the shortest from their first."""
        for s, section in enumerate(self.sections):
            if chosen.get(s) or not (section.cues.groups or section.cues.scenario):
                continue
            for o in list(chosen):
                if o != s and any(
                    self._release_run(s, o, how, chosen) for how in (SERIES, NESTED, _PLACES)
                ):
                    break

    def _release_run(self, s: int, o: int, how: str, chosen: dict[int, list[Part]]) -> bool:
        """Move to requirement `s` the longest run of requirement `o`'s parts joined as
        `how` (a series, subsections, or a series with the members only its noun gave)
        that reads like `s`, or for a requirement that opens a post the shortest from the
        first; whether one moved."""
        section = self.sections[s]
        parts = chosen[o]
        if how == _PLACES:
            # the series with the members only its noun gave: "Lesson 2", "Lesson 4" of a
            # lessons-learned series may tell the walkthrough the lessons come from; they
            # tell no problem ("Part 1: Starting the cluster" of a walkthrough is not one)
            if not section.cues.scenario:
                return False
            series = [
                p for p in parts if p.heading is not None and (p.how == SERIES or _noun_only(p))
            ]
        else:
            series = [p for p in parts if p.how == how and p.heading is not None]
            if how == SERIES and section.cues.position == "start":
                series = self._with_dated_head(parts, series)
        if not series or len(series) == len(parts):
            return False
        if o < s:  # an earlier requirement keeps what comes before the heading that named it
            named = [p.line for p in parts if p.how in (HEADING, HINT, MAPPED) and p.line]
            series = [p for p in series if not named or (p.line or 0) > min(named)]
        # the series' last member hinting at a verdict still missing ("Day 5: would I keep
        # it?") is left for that verdict to take
        closing = [
            r
            for r, other in enumerate(self.sections)
            if r not in (s, o) and not chosen.get(r) and other.cues.position == "end"
        ]
        while len(series) > 1 and any(self.hinted(self._index(series[-1]), r) for r in closing):
            series = series[:-1]
        others = {
            self._index(q) for r, theirs in chosen.items() if r != o for q in theirs if q.heading
        }
        # what opens a post is told first: the shortest run from the series' start ("Part 0:
        # Where we started", not the parts of trying the tool after it); else the longest
        # run that ends with its last
        if section.cues.position == "start":
            runs = [series[:end] for end in range(1, len(series) + 1)]
        else:
            runs = [series[start:] for start in range(len(series))]
        for run in runs:
            heads = [self._index(p) for p in run]
            regions = sorted(
                {r for h in heads for r in range(h, self.post.end[h])} - others
            )  # with their subsections, less those another requirement took
            kept = [q for q in parts if q.heading is None or self._index(q) not in regions]
            own = self.content_of(regions)
            # what an earlier requirement keeps after the run (a verdict day the problem took
            # after the days of trying) does not push the run's place past it
            first = self.headings[heads[0]].line or 0
            near = [q for q in kept if (q.line or 0) < first] if o < s else kept
            window = self._window({**chosen, o: near}, s)
            score = _score(self.post, section.cues, own, self.post.heading_stems[heads[0]], window)
            if not own or not self._reads_like(s, heads[0], own, score, window, chosen):
                continue
            taken = [
                part
                for r in regions
                if self.content_of([r])
                and (part := self._content_part(r, self._region_score(s, r, window))).lines
            ]
            if not taken:
                continue
            parts[:] = kept
            chosen[s] = taken
            joined = "subsections" if how == NESTED else "series"
            self.considered[o].append(
                f"the {joined} from ‘{run[0].label}’ on read like “{section.name}”, "
                "which nothing else serves"
            )
            return True
        return False

    @staticmethod
    def _with_dated_head(parts: list[Part], series: list[Part]) -> list[Part]:
        """A diary's days with the day they go on from, when a heading took that one
        ("Monday — The ghost in the pipeline" before "Tuesday", "Wednesday"): the first
        day may tell the backstory that what opens a post needs."""
        at = parts.index(series[0]) if series else 0  # the series is taken from `parts`
        head = parts[at - 1] if at > 0 else None
        if head is None or head.heading is None or head.how not in (HEADING, HINT):
            return series
        assert series[0].heading is not None  # series members are taken under headings
        first, place = _place(series[0].heading.text), _place(head.heading.text)
        if first is None or place is None or place.kind != first.kind or place.kind not in _DATED:
            return series
        return [head, *series]

    def _index(self, part: Part) -> int:
        """The index of the heading a part was taken under (-1 for the opening text)."""
        return self.headings.index(part.heading) if part.heading is not None else -1

    def _region_score(self, s: int, h: int, window: tuple[int, int]) -> _Score:
        """Heading `h`'s own text scored for requirement `s`, for what `--explain` shows."""
        cues = self.sections[s].cues
        return _score(self.post, cues, self.content_of([h]), self.post.heading_stems[h], window)

    def _reads_like(
        self,
        s: int,
        h: int,
        own: list[int],
        score: _Score,
        window: tuple[int, int],
        chosen: dict[int, list[Part]],
    ) -> bool:
        """Whether the text `own` under heading `h` and the sections after it (scored
        `score`) reads like requirement `s` where such text usually is: by its words, or, for
        one that needs the scenario, by every other word when it goes on with a story that
        names it (`_story`)."""
        cues = self.sections[s].cues
        if score.firm and score.in_place and self._enough(cues, score):
            return True
        if not cues.scenario_from_story or "scenario" not in cues.required:
            return False
        plain = _without_scenario(cues)
        bare = _score(self.post, plain, own, self.post.heading_stems[h], window)
        mine = self._paragraphs(own)
        text = "\n".join(with_code(p) for p in mine)
        return (
            bare.firm
            and bare.in_place
            and self._enough(plain, bare)
            and bool(self._story(s, text, chosen, mine))
        )

    def _fill_between(self, chosen: dict[int, list[Part]], used: set[int]) -> None:
        """A requirement whose text sits between its neighbours' (`position: between`, the
        walkthrough) and that a heading serves also takes the other sections with text
        between those neighbours that serve nothing else ("3. Track the data",
        "4. A pipeline" between "2. Install" and "5. Gotchas"), subsections too ("Our
        config, rewritten" under "What tyro does"), and sections of code alone ("Install
        on the VM" over its commands, with no words): a TA reads what lies between the
        problem and the assessment as the examples. Without a problem, what lies between
        its own first part and the assessment."""
        for s, section in enumerate(self.sections):
            parts = chosen.get(s)
            if section.cues.position != "between" or not parts:
                continue
            if all(p.how == CONTENT for p in parts):
                continue
            low, high = self._window(chosen, s)
            if not chosen.get(s + 1):
                # Without a verdict after it, a walkthrough runs on to the post's closing
                # section, which is left out: it may be that verdict in words the gate
                # cannot read ("Project 2", "Exporting" before "Summary")
                closing = [h.line for h in self.headings if h.own_words and h.line is not None]
                if not closing:
                    continue
                high = max(closing)
            first = min((p.line for p in parts if p.line is not None), default=high)
            if high <= first:
                # a verdict told first ("The scorecard (verdict first, details after)")
                # ends the walkthrough where its next part after it is
                later = [p.line for p in _firm(chosen.get(s + 1, [])) if (p.line or 0) > first]
                high = min((line for line in later if line is not None), default=high)
            high = self._past_catches(chosen, s, high, used)
            if not chosen.get(s - 1):  # nothing before it served: from its own first part
                low = first
                # ... or from the free section whose heading hints at it and that it
                # opens ("What I did", whose first subsection is "Setup")
                opening = next((p for p in parts if p.line == first and p.heading), None)
                h = self.headings.index(opening.heading) if opening and opening.heading else -1
                parent = self.post.parent[h] if h >= 0 else -1
                if (
                    parent >= 0
                    and parent + 1 == h
                    and self._free(parent, s, used)
                    and self.hinted(parent, s)
                ):
                    low = (self.headings[parent].line or first) - 1
            else:
                # a part of the requirement before it that lies after its own first part
                # ("The window size problem" after "Trying the streaming version") does not
                # move its start: what lies between the problem's opening and it is still its;
                # one told only after its first part ("The quieter risk" after "The setup")
                # leaves it to start there, as if nothing before it served
                earlier = [p.line for p in chosen[s - 1] if p.line is not None and p.line < first]
                low = max(earlier, default=first)
            for h, heading in enumerate(self.headings):
                line = heading.line
                if line is None or not low < line < high or not self._free(h, s, used):
                    continue
                used.add(h)
                parts.append(
                    Part(
                        BETWEEN,
                        heading,
                        heading.own_words,
                        heading.text + "\n" + self._own_text(h),
                    )
                )

    def _free(self, h: int, s: int, used: set[int]) -> bool:
        """Whether heading `h` is free for the walkthrough `s` to take: not taken, with
        text under it or code alone ("Install on the VM" over its commands, a step with no
        words of its own), and serving no other requirement."""
        heading = self.headings[h]
        return (
            h not in used
            and (bool(heading.own_words) or self.post.end[h] == h + 1)
            and not self.serves_other(h, s)
        )

    def _past_catches(
        self, chosen: dict[int, list[Part]], s: int, high: int, used: set[int]
    ) -> int:
        """Where the walkthrough `s` ends: at the verdict's part at `high`, unless free
        sections follow that part before the verdict goes on ("Entry 3: First contact, and
        the catch", then "Entry 4: Latency per model", "Entry 5", before "Entry 7: Things
        that didn't work"). That part is a catch met along the way, and the walkthrough
        runs on to the verdict's next part."""
        lines = sorted(
            {p.line for p in _firm(chosen.get(s + 1, [])) if p.line is not None and p.line >= high}
        )
        for this, following in pairwise(lines):
            if this != high:
                break
            if not any(
                this < (heading.line or 0) < following and self._free(h, s, used)
                for h, heading in enumerate(self.headings)
            ):
                break
            high = following
        return high

    def candidates(self, sections: list[int], used: set[int]) -> list[_Candidate]:
        return [
            c
            for s in sections
            for h in range(len(self.headings))
            if (c := self.candidate(h, s, used)) is not None
        ]

    def _window(self, chosen: dict[int, list[Part]], s: int) -> tuple[int, int]:
        """The lines between the parts of the requirements before and after `s`, less those
        taken only for their place in a series ("Lesson 1: the configuration is one file"
        joins the lessons learned but does not start them)."""
        low, high = self.post.total_lines
        before = [p.line for p in _firm(chosen.get(s - 1, [])) if p.line is not None]
        after = [p.line for p in _firm(chosen.get(s + 1, [])) if p.line is not None]
        if self.sections[s].cues.position == "start":
            # text that opens the post ends where the next requirement's text starts: one
            # heading over a whole post gives that requirement only the paragraphs it took
            after = [
                min(p.lines) if p.lines else line
                for p in chosen.get(s + 1, [])
                if (line := p.line) is not None
            ]
        return (max(before) if before else low - 1, min(after) if after else high + 1)

    def _steps_of_later(self, chosen: dict[int, list[Part]], s: int) -> set[int]:
        """The paragraphs of sections in a series ("Part 1", "3. …") whose other members a
        later requirement took: a step of the walkthrough ("Part 1: Running Clair locally"
        before "Part 2: Getting our image into Clair") is not where the problem is told.
        When several later requirements took members, the series is a list of topics, and
        its first member ("1. Our service computed the same answer again and again") may
        tell the problem."""
        index = {id(h): i for i, h in enumerate(self.headings)}
        later: set[int] = set()  # the headings a later requirement took
        takers: dict[tuple[str, int], set[int]] = {}  # each series: who took its members
        for o, parts in chosen.items():
            if o <= s:
                continue
            for part in parts:
                if part.heading is not None and id(part.heading) in index:
                    later.add(index[id(part.heading)])
                    key = _step_key(part.heading)
                    if key is not None:
                        takers.setdefault(key, set()).add(o)
        if not takers:
            return set()
        # a series whose members several requirements took is a list of topics ("1. Our
        # service was computing the same answer", "2. Setting it up", "6. The downsides"),
        # not one requirement's steps: its first member may tell the problem
        series = [_step_key(heading) for heading in self.headings]
        # ... and so is one with a member no requirement took yet that names or hints at
        # another later one ("6. Final thoughts" after the walkthrough's "3. Setup")
        for h, key in enumerate(series):
            if key in takers and h not in later:
                takers[key] |= {
                    o
                    for o in range(s + 1, len(self.sections))
                    if self.named(h, o) or self.hinted(h, o)
                }
        firsts = {
            series.index(key) for key, owners in takers.items() if len(owners) > 1
        }  # the first member of each list of topics
        return {
            p
            for h, key in enumerate(series)
            if h not in later and key in takers and h not in firsts
            for p in self.post.by_region.get(h, [])
        }

    def _by_content(self, chosen: dict[int, list[Part]], used: set[int], claimed: set[int]) -> None:
        """Requirements no heading serves: the best-scoring run of free paragraphs, in the
        option's order (posts follow the handout, so each comes after the one before it).
        A paragraph counts for the requirement, of those still looked for, it reads most
        like; a run is paragraphs next to each other in one section."""
        taken = set(claimed)
        missing = [s for s in range(len(self.sections)) if s not in chosen]
        for position, s in enumerate(missing):
            cues = self.sections[s].cues
            if not cues.groups and not cues.scenario:
                continue
            # a section whose heading names another requirement ("Installation") is that
            # one's, even before it joins it: its text serves no other by its words
            theirs = {
                p
                for h in range(len(self.headings))
                if self.names_other(h, s)
                for p in self.post.by_region.get(h, [])
            }
            theirs |= self._inside_later(chosen, s)
            if cues.position == "start":
                theirs |= self._steps_of_later(chosen, s)
            best_for = self._best_for(missing[position:], taken | theirs)
            window = self._window(chosen, s)
            best = self._best_run(s, taken | theirs, best_for, window, used, chosen)
            if best is None:
                continue
            picked = [
                (r, self._run_score(r, run, cues, window)) if len(best[0]) > 1 else (r, best[1])
                for r, run in best[0]
            ]
            regions = sorted(self.post.by_region)
            owner = self._owners(chosen)
            # neighbouring sections that read the same way join it, up to a section that
            # another requirement's heading took
            for step in (1, -1):
                edge_region = best[0][-1][0] if step == 1 else best[0][0][0]
                at = regions.index(edge_region) + step
                while 0 <= at < len(regions) and regions[at] not in used:
                    runs = self._runs(regions[at], s, taken, best_for)
                    edge = self.post.by_region[regions[at]][0 if step == 1 else -1]
                    run = next((r for r in runs if edge in r), None)
                    more = self._run_score(regions[at], run, cues, window) if run else None
                    if more is None or more.score < cues.confirm_score:
                        break
                    beyond = regions[at + step] if 0 <= at + step < len(regions) else None
                    if self._leans_to(more.used, owner.get(beyond), s):
                        break  # reads like the served requirement right past it
                    picked.append((regions[at], more))
                    at += step
            chosen[s] = [self._content_part(r, sc) for r, sc in sorted(picked)]
            for _r, sc in picked:
                taken.update(sc.used)

    def _give_back(self, chosen: dict[int, list[Part]], claimed: set[int]) -> None:
        """The paragraphs a generic heading of a requirement that must show the scenario
        left for one no heading names (`_keeps`) go back to it when that one did not take
        them: "Nine packages instead of 163, which I love … answered with 20 movies" reads
        like a verdict, but the verdict was found further on, and it goes on with "What I
        tried"."""
        taken = {line for parts in chosen.values() for part in parts for line in part.lines}
        for s, parts in chosen.items():
            if not self.sections[s].scenario_required:
                continue  # only a walkthrough needs its story's every line to show its use
            for i, part in enumerate(parts):
                if part.how != HINT or part.heading is None or not part.lines:
                    continue
                region = self.post.by_region.get(self.headings.index(part.heading), [])
                kept = set(part.lines)
                own = [
                    p
                    for p in region
                    if self.post.paragraphs[p].line in kept
                    or self.post.paragraphs[p].line not in taken
                ]
                if len(own) == len(kept):
                    continue
                paragraphs = [self.post.paragraphs[p] for p in own]
                parts[i] = replace(
                    part,
                    words=sum(count_words(x.text) for x in paragraphs),
                    text=part.heading.text + "\n" + "\n".join(with_code(x) for x in paragraphs),
                    lines=tuple(x.line for x in paragraphs),
                )
                taken.update(x.line for x in paragraphs)
                claimed.update(own)  # taken again, no later step may give them elsewhere

    def _later_span(self, chosen: dict[int, list[Part]], s: int) -> tuple[int, int] | None:
        """For a requirement that opens a post (`position: start`), the lines the
        requirement right after it spans: from the first to the last of its parts and of
        the headings that name it. What opens a post is not told amid what follows it ("The
        server and reactivity" between the walkthrough's "Installing" and "What it showed
        on our data"), however its text reads. A verdict told first and again at the end
        spans nothing: the problem may come between."""
        if self.sections[s].cues.position != "start" or s + 1 >= len(self.sections):
            return None
        o = s + 1
        lines = [p.line for p in chosen.get(o, []) if p.line is not None]
        lines += [
            h.line
            for i, h in enumerate(self.headings)
            if h.line is not None and h.own_words and self.named(i, o)
        ]
        return (min(lines), max(lines)) if len(lines) > 1 else None

    def _opened_late(self, chosen: dict[int, list[Part]]) -> None:
        """A requirement that opens a post (`position: start`) read only from text, from
        headings that hint at it ("Summary", "Validation before push") or from later steps
        of a series ("Step 4: Questions we actually had"), all after a heading that names
        the requirement right after it ("Step 1: Install"), is not served: the post told
        the walkthrough first, and what it says of trouble afterwards is about that
        walkthrough. Any other heading that names it ("The problem", "Part 1: The problem")
        still serves it, and so does text after a verdict told first ("Would I recommend
        it?")."""
        for s, section in enumerate(self.sections[:-1]):
            parts = chosen.get(s)
            if section.cues.position != "start" or not parts:
                continue
            # subsections go with the part above them
            if any(
                (p.how not in (HINT, CONTENT, NESTED) and not _later_step(p)) or p.line is None
                for p in parts
            ) or all(p.how == NESTED for p in parts):
                continue
            after = chosen.get(s + 1, [])
            # the post's opening scene ("Slide 1: Our setup") begins no walkthrough
            scene = self._scene(s + 1, after)
            named = [p for p in after if p.how in (HEADING, MAPPED) and p.line and p not in scene]
            if not named:
                continue
            opener = min(named, key=lambda p: p.line or 0)
            if (opener.line or 0) < min(p.line or 0 for p in parts):
                self.considered[s].append(
                    f"{' + '.join(p.shown for p in parts)} comes after {opener.shown}, which "
                    f"names “{self.sections[s + 1].name}”: this comes before that"
                )
                chosen[s] = self._free_before(chosen, s, opener.line or 0)

    def _free_before(self, chosen: dict[int, list[Part]], s: int, line: int) -> list[Part]:
        """The best free section before `line` that names or hints at requirement `s`, its
        text agreeing: "How we got here", passed over for a later "Step 3: where it got
        slow, and why" that named the problem after the walkthrough began."""
        used = set(self._owners(chosen)) - {-1}
        found = [
            c
            for h, heading in enumerate(self.headings)
            if (heading.line or 0) < line
            and (c := self.candidate(h, s, used)) is not None
            and c.words > 0
        ]
        return list(max(found, key=lambda c: c.rank).parts) if found else []

    def _inside_later(self, chosen: dict[int, list[Part]], s: int) -> set[int]:
        """The paragraphs inside `_later_span`."""
        span = self._later_span(chosen, s)
        if span is None:
            return set()
        return {i for i, p in enumerate(self.post.paragraphs) if span[0] < p.line < span[1]}

    def _owners(self, chosen: dict[int, list[Part]]) -> dict[int, int]:
        """The requirement each taken section (region) serves."""
        index = {id(h): i for i, h in enumerate(self.headings)}
        return {
            index.get(id(part.heading), -1) if part.heading is not None else -1: o
            for o, parts in chosen.items()
            for part in parts
        }

    def _leans_to(self, paragraphs: Iterable[int], other: int | None, s: int) -> bool:
        """Whether paragraphs read more like `other` (the requirement of the section just
        past them) than like `s`: "Chapter 3: Solving the mystery" lies between the
        examples' "Chapter 2" and the assessment's "Epilogue" and reads like the examples."""
        if other is None or other == s:
            return False
        everyone = range(len(self.sections))
        return any(
            other in self.prefers(p, everyone) and s not in self.prefers(p, everyone)
            for p in paragraphs
        )

    def _runs(
        self, region: int, s: int, taken: set[int], best_for: dict[int, set[int]]
    ) -> list[list[int]]:
        """Runs of adjacent free paragraphs of a section that read most like `s`. A post
        moves on through the handout's order, so a paragraph that reads as much like a
        later requirement ends a run that has begun ("I wrote five properties…" after the
        paragraph on the bugs)."""
        runs: list[list[int]] = [[]]
        own = self.post.by_region.get(region, [])
        for at, p in enumerate(own):
            best = best_for.get(p, ())
            # a sentence or more with no cue at all ("The first line was the culprit.")
            # reads like nothing: it goes on with a run begun by one that reads like `s`
            going = self._goes_on_run(p, runs[-1])
            if s in best:
                joins = going or not (runs[-1] and max(best) > s)
            else:
                joins = (
                    bool(runs[-1])
                    and p in best_for
                    and self._bridges(p, own[at + 1 : at + 2], s, best_for)
                )
            if p not in taken and joins:
                runs[-1].append(p)
            elif runs[-1]:
                runs.append([])
        return [run for run in runs if run]

    def _bridges(self, p: int, after: list[int], s: int, best_for: dict[int, set[int]]) -> bool:
        """Whether paragraph `p`, inside a run for `s`, goes on with it though it reads
        more like another requirement only: it serves `s` by itself, scenario words included
        ("The payoff came the very next week …" reads like an incident, yet it is the
        walkthrough's), and the paragraph after it reads most like `s` alone again, so the
        post has not moved on."""
        if not after or best_for.get(after[0]) != {s}:
            return False
        cues = self.sections[s].cues
        score = _score(self.post, cues, [p])
        return score.score >= cues.min_score and score.firm

    def _goes_on_run(self, p: int, run: list[int]) -> bool:
        """Whether paragraph `p`, with no cue of any requirement and at least
        `BLANK_WORDS` words, follows a run with a paragraph that has cues."""
        blank = not any(self._ratios.get(p, (1,))) and self._words([p]) >= self.BLANK_WORDS
        return blank and any(any(self._ratios.get(q, ())) for q in run)

    def _run_score(
        self, region: int, run: list[int], cues: Cues, window: tuple[int, int]
    ) -> _Score:
        """A run's score; a run that opens its section is read with the heading."""
        opens = region >= 0 and run[0] == self.post.by_region[region][0]
        heading = self.post.heading_stems[region] if opens else ()
        return _score(self.post, cues, run, heading, window)

    def _chains(
        self, s: int, taken: set[int], best_for: dict[int, set[int]], used: set[int]
    ) -> list[list[tuple[int, list[int]]]]:
        """Runs that go on into the next section: a run reaching the end of its section
        and one opening the next free section, and so on ("#1 …", "#2 …", "#3 …": a
        listicle's items are each too short to read like anything alone). Only sections
        whose free text is shorter than the requirement's `min_words` chain: a longer one
        is read alone, or ends a chain that begins with what is left of a section (`_left`)."""
        chains: list[list[tuple[int, list[int]]]] = []
        current: list[tuple[int, list[int]]] = []
        short = self.sections[s].min_words
        for region in sorted(self.post.by_region):
            own = self.post.by_region[region]
            runs = [] if region in used else self._runs(region, s, taken, best_for)
            long = bool(short) and self._words([p for p in own if p not in taken]) >= short
            runs = [r for r in runs if self._run_prefers(r, s)]
            if current and runs and runs[0][0] == own[0] and (not long or self._left(current)):
                current.append((region, runs[0]))
                if long:
                    chains.append(current)
                    current = []
                    continue
            else:
                if len(current) > 1:
                    chains.append(current)
                if long:
                    runs = []
                current = [(region, runs[0])] if runs and len(runs) == 1 else []
                if runs and len(runs) > 1:
                    current = [(region, runs[-1])]
            if current and current[-1][1][-1] != own[-1]:  # the run stops inside the section
                if len(current) > 1:
                    chains.append(current)
                current = []
        if len(current) > 1:
            chains.append(current)
        return chains

    def _left(self, chain: list[tuple[int, list[int]]]) -> bool:
        """Whether a chain begins with what is left of a section whose first paragraphs
        another requirement took: the setup at the end of the opening text, after the
        problem, goes on into a longer section ("612 violations"), which ends the chain."""
        region, run = chain[0]
        return run[0] != self.post.by_region[region][0]

    def _best_run(
        self,
        s: int,
        taken: set[int],
        best_for: dict[int, set[int]],
        window: tuple[int, int],
        used: set[int],
        chosen: dict[int, list[Part]] | None = None,
    ) -> tuple[tuple[tuple[int, list[int]], ...], _Score] | None:
        """The run of free paragraphs that reads most like requirement `s`, if enough so:
        within one section, else going on over the next sections (see `_chains`). With
        `chosen`, a run that names no scenario but reads like `s` in every other way may go
        on with the story the post told (`_story`): a post with no headings tells its
        walkthrough right after its problem, in words that refer back to it."""
        cues = self.sections[s].cues
        plain = (
            _without_scenario(cues)
            if chosen is not None and cues.scenario_from_story and "scenario" in cues.required
            else None
        )
        best: tuple[tuple[tuple[int, list[int]], ...], _Score] | None = None
        weak: tuple[tuple[tuple[int, list[int]], ...], _Score] | None = None  # evidence_score
        for region in sorted(self.post.by_region):
            for run in self._runs(region, s, taken, best_for):
                score = self._run_score(region, run, cues, window)
                if (
                    score.score >= cues.min_score
                    and score.firm
                    and score.in_place
                    and not self._unvoiced_description(cues, score.used)
                ):
                    if best is None or score.score > best[1].score:
                        best = (((region, run),), score)
                    continue
                if plain is not None and chosen is not None and best is None:
                    bare = self._run_score(region, run, plain, window)
                    if bare.score >= cues.min_score and bare.firm and bare.in_place:
                        mine = self._paragraphs(run)
                        text = "\n".join(with_code(p) for p in mine)
                        if self._story(s, text, chosen, mine):
                            best = (((region, run),), bare)
                            continue
                if (
                    score.firm
                    and score.in_place
                    and self._enough(cues, score)  # under min_score here: the evidence
                    and not self._unvoiced_description(cues, score.used)
                    and (weak is None or score.score > weak[1].score)
                ):
                    weak = (((region, run),), score)
                if score.score >= cues.confirm_score:
                    self.considered[s].append(
                        f"{self._region_label(region)} " + _shortfall(cues, score, cues.min_score)
                    )
        if best is None:
            for chain in self._chains(s, taken, best_for, used):
                paragraphs = [p for _region, run in chain for p in run]
                score = self._run_score(chain[0][0], paragraphs, cues, window)
                if (
                    score.score >= cues.min_score
                    and score.firm
                    and score.in_place
                    and not self._unvoiced_description(cues, score.used)
                ):
                    if best is None or score.score > best[1].score:
                        best = (tuple(chain), score)
                elif score.score >= cues.confirm_score:
                    self.considered[s].append(
                        f"{self._region_label(chain[0][0])} and the {len(chain) - 1} "
                        "section(s) after it, read together, "
                        + _shortfall(cues, score, cues.min_score)
                    )
        if best is None and weak is not None:
            self.considered[s].append(
                f"{self._region_label(weak[0][0][0])} is taken on weaker evidence: score "
                f"{weak[1].score} ≥ {cues.evidence_score}, {self._words(weak[1].used)} words, "
                "where such text usually is"
            )
            return weak
        return best

    def _enough(self, cues: Cues, score: _Score) -> bool:
        """Whether a text scores enough to serve a requirement: `min_score`, or the weaker
        evidence of `evidence_score` over `evidence_words` words."""
        if score.score >= cues.min_score:
            return True
        return bool(cues.evidence_score) and (
            score.score >= cues.evidence_score
            and self._early(cues, score.used)
            and self._words(score.used) >= cues.evidence_words
            and self._voiced(cues, self._not_the_pick(cues, score.used))
            and self._told_to_no_reader(cues, score)
            and not self._on_the_choice(cues, score.used)
            and not self._describing(cues, score.used)
        )

    def _not_the_pick(self, cues: Cues, paragraphs: Sequence[int]) -> list[int]:
        """The paragraphs that do not tell why the writer picked the tool (`picked_by`: "I
        came across it", "I was curious"): trouble words around such a story ("every time
        I opened the UI", "I have to try this") tell a whim, and its "I" no one's need."""
        if not cues.picked_by:
            return list(paragraphs)
        picked = vocabulary(cues.picked_by, exact=True)
        return [p for p in paragraphs if not picked.find(self.post.para_singulars(p))]

    def _describing(self, cues: Cues, paragraphs: Sequence[int]) -> bool:
        """Whether the paragraphs all stand under headings that describe the tool
        (`evidence_describes`: "What it is", "What profiles are"): "fails" and "without"
        in a description tell what the tool does, no need it meets."""
        if not cues.evidence_describes or not paragraphs:
            return False
        describes = vocabulary(cues.evidence_describes)
        regions = {self.post.paragraphs[p].region for p in paragraphs}
        return all(
            region >= 0
            and bool(
                describes.find(self.post.heading_stems[region])
                or describes.find(self.post.it_stems[region])
            )
            for region in regions
        )

    def _unvoiced_description(self, cues: Cues, paragraphs: Sequence[int]) -> bool:
        """Whether the paragraphs describe the tool under a heading that says so
        (`_describing`: "What it is", a bare "What?") and tell nothing as what happened to
        anyone (`_voiced`): "it doesn't guess", "one wrong digit" tell what the tool does,
        however many trouble words they hold; a need told there in the team's words still
        serves."""
        return self._describing(cues, paragraphs) and not self._voiced(cues, paragraphs)

    def _on_the_choice(self, cues: Cues, paragraphs: Sequence[int]) -> bool:
        """Whether the paragraphs all stand under headings that ask the writer why they
        chose the tool (`choice_asked`: "Why did you pick it?"): the reasons for a choice
        hint at a need only weakly, so they serve no requirement on weaker evidence; a need
        told in full there still does. A heading telling the choice ("Why I picked this")
        is a common title of the problem itself, and is read as before."""
        if not cues.choice_asked or not paragraphs:
            return False
        skip = vocabulary(cues.choice_asked)
        regions = {self.post.paragraphs[p].region for p in paragraphs}
        return all(region >= 0 and skip.find(self.post.heading_stems[region]) for region in regions)

    def _early(self, cues: Cues, paragraphs: Sequence[int]) -> bool:
        """Whether weaker evidence starts within `Cues.evidence_reach` percent of the post:
        a "drop" or a "wait" halfway through a tutorial's steps is no problem it opens with."""
        if not paragraphs:
            return False
        where = self.post.position(self.post.paragraphs[paragraphs[0]].line)
        return where * 100 < cues.evidence_reach

    def _voiced(self, cues: Cues, paragraphs: Iterable[int]) -> bool:
        """Whether the text is told as what happened to someone (`Cues.evidence_voice`:
        "we", "our", "I"), which a description of the tool is not."""
        if not cues.evidence_voice:
            return True
        # as written: stemmed, "us" would be "use", "used" and "using"; not in a sentence
        # about the post ("In this post I walk through how I used it in our consumer")
        voice = vocabulary(cues.evidence_voice, exact=True)
        return any(
            voice.find(singulars(_without_definitions(without_asides(text, cues.aside))))
            for text in (self.post.paragraphs[p].text for p in paragraphs)
        )

    def _told_to_no_reader(self, cues: Cues, score: _Score) -> bool:
        """Whether a cue of weaker evidence stands in a sentence not addressed to the
        reader alone: "you have used it without knowing it" and "tools you have met
        without choosing them" describe the reader, not a problem anyone had."""
        voice = vocabulary(cues.evidence_voice, exact=True)
        terms = vocabulary(score.cues)
        for index in score.used:
            text = without_asides(self.post.paragraphs[index].text, cues.aside)
            for sentence in _SENTENCE.split(text):
                words = singulars(sentence)
                if _READER.intersection(words) and not voice.find(words):
                    continue
                if terms.find(stems(sentence)):
                    return True
        return False

    def _words(self, paragraphs: Iterable[int]) -> int:
        return sum(count_words(self.post.paragraphs[p].text) for p in paragraphs)

    def _content_part(self, region: int, score: _Score) -> Part:
        paragraphs = [self.post.paragraphs[p] for p in score.used]
        return Part(
            CONTENT,
            self.headings[region] if region >= 0 else None,
            sum(count_words(p.text) for p in paragraphs),
            "\n".join(with_code(p) for p in paragraphs),
            (),
            score.cues,
            score.score,
            tuple(p.line for p in paragraphs),
        )

    ANNOUNCE_WORDS = 16  # a line that announces what follows it, not a paragraph

    def prefers(self, index: int, among: Iterable[int]) -> set[int]:
        """The requirements (of `among`) paragraph `index` reads most like, by cue score
        over `min_score`; all of them when it has no cue. Scenario words are left out:
        every part of a post mentions the scenario."""
        if index not in self._ratios:
            self._ratios[index] = self._likeness([index])
        ratios = {s: self._ratios[index][s] for s in among}
        announced = self._announced(index) & set(ratios)
        if len(announced) == 1:
            return announced  # "Things you should know before you trust it:", then a list
        top = max(ratios.values(), default=0)
        return {s for s, ratio in ratios.items() if ratio == top}

    def _announced(self, index: int) -> set[int]:
        """The requirements whose heading words name the line that leads into paragraph
        `index` (a short paragraph ending in a colon right above it, most often over a
        list): "A few caveats before you adopt it:" announces the verdict."""
        if index not in self._announces:
            found: set[int] = set()
            lead = self.post.paragraphs[index - 1] if index else None
            if (
                lead is not None
                and count_words(lead.text) <= self.ANNOUNCE_WORDS
                and _leads_into(lead, self.post.paragraphs[index])
            ):
                found = self._named_by(stems(lead.text))
            if not found:
                found = self._asked(self.post.paragraphs[index])
            self._announces[index] = found
        return self._announces[index]

    ASK_WORDS = 8  # a question this short opening a paragraph titles it
    LABEL_WORDS = 2  # ... and so does a "sentence" this short ("Why bother.")

    def _asked(self, paragraph: Paragraph) -> set[int]:
        """The requirements whose heading words name the short question that opens a
        paragraph and is answered in it ("Why did I want this? During the last two
        milestones …"), or its label ("Why bother. Our current drift check …"): a run-in
        heading, as a heading-less post titles its parts."""
        opening, *rest = _SENTENCE.split(paragraph.text.strip(), maxsplit=1)
        words = count_words(opening)
        asks = opening.endswith("?") and words <= self.ASK_WORDS
        # a label starts a sentence of its own: not a speaker's turn ("STUDENT: A model.")
        # nor the end of a sentence broken by code ("and nothing after."), and it titles
        # no list's item ("- Zero setup. No test files …" among the tool's strengths)
        label = (
            words <= self.LABEL_WORDS
            and opening[:1].isupper()
            and ":" not in opening
            and not paragraph.items
        )
        if not rest or not (asks or label):
            return set()
        return self._named_by(stems(opening))

    def _named_by(self, words: tuple[str, ...]) -> set[int]:
        """The requirements whose heading words the stemmed `words` name."""
        return {
            s for s, section in enumerate(self.sections) if vocabulary(section.keywords).find(words)
        }

    def _likeness(self, paragraphs: Sequence[int], scene: bool = True) -> list[float]:
        """How much `paragraphs` read like each requirement: cue score over `min_score`,
        scenario words left out; for an `after_tool` requirement, only paragraphs after the
        post first names its tool or shows code count (unless `scene` is False)."""
        shown = self.post.tool_shown if scene else None
        later = [p for p in paragraphs if shown is None or self.post.paragraphs[p].line >= shown]
        return [
            _score(
                self.post,
                replace(section.cues, scenario=False, required=()),
                later if section.cues.after_tool else paragraphs,
            ).score
            / max(1, section.cues.min_score)
            for section in self.sections
        ]

    def _run_prefers(self, run: Sequence[int], s: int) -> bool:
        """Whether the paragraphs of `run`, read together, read most like requirement `s`
        (see `prefers`): a walkthrough's "it copied 310 MB instead of 3.8 GB" alone reads
        like a weighing."""
        ratios = self._likeness(run)
        return ratios[s] == max(ratios)

    def _best_for(self, missing: list[int], taken: set[int]) -> dict[int, set[int]]:
        """For each free paragraph, the missing requirements it reads most like."""
        return {
            index: self.prefers(index, missing)
            for index in range(len(self.post.paragraphs))
            if index not in taken
        }

    def _region_label(self, region: int) -> str:
        if region < 0:
            return "the text before the first heading"
        return f"the text of ‘{self.headings[region].text}’"


def read_sections(
    option: Option,
    headings: list[Heading],
    paragraphs: list[Paragraph],
    mapping: dict[str, str],
    lines: tuple[int, int],
    own: frozenset[str] = frozenset(),
    tool_shown: int | None = None,
    title: str = "",
    tool_names: tuple[str, ...] = (),
) -> list[Reading]:
    """One Reading per required section of the option, in the option's order; `own` are
    the words of the post's tool and title, which tie no story (`goes_on_with`);
    `tool_shown` is the line where the post first names its tool or shows code; a `title`
    that tells the scenario as the writer's own begins the story (`told_as_own`); headings
    read the `tool_names` as "the tool" for `owned_by`."""
    post = _Post(
        headings,
        paragraphs,
        option.scenario_keywords,
        lines,
        option.supplementary,
        tool_shown,
        tool_names,
    )
    return _Reader(option, post, mapping, own, title).read()
