"""Whether the text taken for a verdict weighs the tool or only praises it.

A verdict weighs the tool when one of its clauses has a limitation cue: a term of the
requirement's `required` content groups that is not `weak` ("but", "slow", "missing").
Praise uses the same words for what the tool solved, and the section's lists say how:

- a cue inside one of `praise_phrases` ("it paid off", "I can't think of a simpler way"),
  or between the two parts of one written with "…" ("it turned our slowest job into a
  two-minute one");
- a cue at most `solved_gap` words after a `solved_by` word ("it caught a stale-data
  incident and a parser bug"; not in the writer's opinion, `opinion_by`: "I found the docs
  confusing"), or `denied_gap` words after a `denied_by` one ("we never
  had to", "no more crashes"), or right after a `denied_close` one ("not slow", "didn't
  get slower");
- any cue of a clause with a `solved_clause` term ("it can't happen silently anymore");
- a cue right after a setting word of the section's `negated_by` ("CPU limits", "cache
  misses");
- a cue in a situation, from a `situation_by` word to the next comma (across clauses):
  whom the tool is for ("If your endpoint is slow, try it first"), not what it lacks;
- a clause whose only cues are `contrast` words unless it hedges (`contrast_hedges`:
  "but not faster") or turns to the tool (its name or `tool_subjects`: "but its
  docs are thin") without praising it (`contrast_praise`: "small, but powerful"): past
  a "but" the story as often goes on ("but 41% for everyone else");
- a cue inside double quotes: someone's words or a symptom ("from “is the database slow?”
  to numbers"), not the writer weighing the tool (`drawbacks` words, matched as written,
  still count there: a card headed “Things it can't do” names drawbacks).

Words a verdict mostly uses for what the tool found or a setting it met (`found_words`:
"the week 6 bug", "the slow endpoint", "the 8 GB limit") do not weigh it alone, like
`weak` ones, unless said of the tool: its name or a `tool_subjects` word just before,
with only linking words between ("it is slow", "the free tier is limited"); so do the
plain complaints of `said_of_tool` ("it only runs on Linux"), which no reading uses. Nor
does a clause of the writer's own scope (`scope_by`: "I ran out of time to try the cluster
mode"), nor the contrast that turns from it without naming a part of the tool ("I haven't
tried those, but they look easy if we need them"), nor one about another product's part,
named in the possessive, that does not name the tool ("Spring Boot's test context is slow
to start"), nor the clauses of a sentence, or of its part after a colon or a short
opening phrase ("Compared to what we had before, Docker Hub was slow"), that opens with
another product the text names inside its sentences, up to one naming the tool ("The
Serverless Framework does the same, but it needs a Node.js toolchain").

Each clause is read on its own, so "It caught two bugs, but the setup was slow" and "It
found the bug, and the docs were confusing" still weigh the tool.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Sequence
from functools import lru_cache

from ..course import Cues, Section
from .memo import IdentityMemo
from .vocabulary import MAX_GAP, Vocabulary, singulars, stems, vocabulary

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# a clause set against the one before, or giving its reason, begins at its conjunction
# ("we never used the GPU build because it was slow"); one joined after a comma too ("It
# found the bug, and the docs were confusing") (English)
_CLAUSE = re.compile(
    r"\s*;\s*|\s+(?=(?:but|yet|though|although|however|because|whereas|while|unless)\b)"
    r"|,\s+(?=(?:and|so|which|since)\b)",
    re.IGNORECASE,
)
_PIECE = re.compile(r"[,:\u2013\u2014]")
# how far after a contrast word its subject may start ("but the first setup")
_SUBJECT_REACH = 3
# ... unless a person is it ("but I think it deserves a post", "but we moved on") (English)
_PERSONS = frozenset(stems("I we you they he she") + singulars("I we you they he she"))
# ... and words that may stand for anything said before them ("but it looks easy") (English)
_PRONOUNS = _PERSONS | frozenset(
    stems("it its it's this that these those") + singulars("it its it's this that these those")
)
# between the tool and what is said of it ("it is slow", "the UI felt a bit slow", "it
# does have limits") (English)
_LINKING = frozenset(
    stems("is was are were be been being feels felt seems seemed gets got becomes became")
    + stems("very quite a bit little rather pretty really still too so noticeably")
    + stems("turned out to be has have had does do did")
)
_LINK_REACH = 5
# words whose possessive is no product's ("It's", "That's", "Today's"), nor a name that opens a
# sentence ("The setup is slow" where a title says "The Matrix") (English)
_FUNCTION = frozenset(stems("the it that there here what this let who he she today yesterday"))
_QUOTED = re.compile(r"\"[^\"\n]{1,120}\"|“[^”\n]{1,120}”")
# one word in quotes: a drawback word in scare quotes is irony ("the only \"downside\" is
# that our latency dashboard has become boring"); a phrase in quotes still names one
_SCARE_QUOTED = re.compile(
    r"\"[^\W\d_]+(?:-[^\W\d_]+)?\"|“[^\W\d_]+(?:-[^\W\d_]+)?”"
    r"|‘[^\W\d_]+(?:-[^\W\d_]+)?’|(?<!\w)'[^\W\d_]+(?:-[^\W\d_]+)?'(?!\w)"
)
# another product's own part, by a capitalised name in the possessive ("Python's unittest
# is much more verbose", "Spring Boot's test context is slow to start")
_OWNER = re.compile(r"\b([A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*){0,2})['’]s\b")
# ... unless the name is what the tool is compared with ("as magic as Heroku's", "slower
# than Redis's", "unlike Airflow's")
_COMPARED = re.compile(r"\b(?:as|than|like|unlike)\s+$", re.I)
# a sentence opening with a name in the possessive ("OWASP ZAP's active scan")
_LEADING_OWNER = re.compile(r"^\W*(?P<name>[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*){0,2})['’]s\b")


# a capitalised name inside a sentence ("than the Serverless Framework", "with GitHub
# pull requests": after a word, a comma, a colon or a bracket and a space, `NamesIn`; "it
# looks good: Faust is unmaintained"), and one that leads a sentence ("The Serverless
# Framework needs …")
_INSIDE = r"(?<=[\w,;:)] )"
_NAME_END = r"(?![\w+-]|\.(?=\w))"
_LEADING_NAME = re.compile(
    r"^\W*(?P<article>(?:[Tt]he|[Aa]n?)\s+)?(?P<name>[A-Z](?:[\w+-]|\.(?=\w))*)\s*(?P<next>[\w+-]*)"
)
# names that lead a sentence together ("Trivy and Grype are great at CVEs")
_LEADING_NAMES = re.compile(
    r"^\W*(?P<names>[A-Z][\w+.-]*(?:,\s+[A-Z][\w+.-]*)*,?\s+(?:and|or)\s+[A-Z][\w+.-]*)"
    r"\s+[\w+-]+"
)
_NAME = re.compile(r"[A-Z][\w+.-]*")
_AFTER_COLON = re.compile(r"(?<=\S):\s+")
# how many words a label before a colon may have ("Less good:", "The one real downside:")
_LABEL_WORDS = 4
# a sentence's opening phrase, up to its first comma ("Compared to what we had before, ")
_OPENING_PHRASE = re.compile(r"^[^,:;.!?]{1,60},\s+")
_WORD = re.compile(r"[A-Za-z][\w'.+-]*")
# what a name before them qualifies: the tool's part ("Python bindings are missing")
# (English)
_PART_NOUNS = frozenset(
    stems("support bindings client integration connector plugin version docs documentation")
    + stems("package library driver wrapper mode backend")
)
# how many letters a part of the tool shares with its name ("PromQL", "Prometheus")
_KIN_LETTERS = 4


class NamesIn:
    """The capitalised names a text uses inside its prose sentences, asked one name at a
    time: lines mostly in lower case (a Title Case heading capitalises every word). Only
    the names that open a sentence are ever asked for, so each is looked up on demand
    rather than every line of a post split into words."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name not in self._known:
            self._known[name] = self._uses(name)
        return self._known[name]

    def _uses(self, name: str) -> bool:
        if name not in self._text:
            return False
        inside = re.compile(_INSIDE + re.escape(name) + _NAME_END)
        return any(
            name in line and inside.search(line) and _prose(line)
            for line in self._text.splitlines()
        )


def _prose(line: str) -> bool:
    """Whether a line is mostly in lower case: a sentence, not a Title Case heading."""
    words = _WORD.findall(line)
    return sum(word[0].isupper() for word in words) * 2 < len(words)


def _led_by_another(sentence: str, names: Container[str], tool: frozenset[str]) -> bool:
    """Whether `sentence` is about another product than the tool: it opens with a name the
    text uses as one inside its prose ("The Serverless Framework does similar things, but
    it needs a Node.js toolchain", "Postgres cannot write"), not the tool's, a part of it
    ("PromQL" in a post on Prometheus) or a name that qualifies the tool's part ("The
    Python API is still changing", "the Kafka connector"). Names that lead together ("Trivy
    and Grype are great at CVEs") are another product's when the text uses one of them
    inside its prose and none is the tool's."""
    lead = _LEADING_NAME.match(sentence)
    if lead is None:
        return False
    if lead["name"] not in names:
        # one of several names that lead together, the others opening sentences only
        together = _LEADING_NAMES.match(sentence)
        if together is None:
            return False
        led = _NAME.findall(together["names"])
        return any(n in names and a_product(n, tool) for n in led) and all(
            not _kin(n, tool) for n in led
        )
    after = lead["next"]
    if not after:  # a list or a label: "heavy: ChaosCenter, a database, agents"
        return False
    part = any(word in _PART_NOUNS for word in stems(after)[:1])
    if after.isupper() or (lead["article"] and after[:1].islower()) or part:
        return False  # a modifier: "The Python API", "the Kafka connector", "Python support"
    return a_product(lead["name"], tool)


def _led_by_owner(sentence: str, tool: frozenset[str]) -> bool:
    """Whether `sentence` opens with another product's part, its name in the possessive
    ("OWASP ZAP's active scan is powerful, but it crawls an application"): not the tool's,
    a function word ("That's") or a person's."""
    owner = _LEADING_OWNER.match(sentence)
    return owner is not None and a_product(owner["name"], tool)


def a_product(name: str, tool: frozenset[str]) -> bool:
    """Whether a capitalised `name` may be another product than the tool: no function
    word or person ("I", "The", "Team") and not the tool's kin (`_kin`)."""
    root = stems(name)
    return (
        bool(root) and root[0] not in _FUNCTION and root[0] not in _PERSONS and not _kin(name, tool)
    )


def _kin(name: str, tool: frozenset[str]) -> bool:
    """Whether `name` is the tool's or a part of it: its first `_KIN_LETTERS` letters are
    those of a word of the tool's name ("PromQL" in a post on Prometheus)."""
    root = stems(name)
    return bool(root) and any(word[:_KIN_LETTERS] == root[0][:_KIN_LETTERS] for word in tool)


def _clauses(
    sentence: str,
    names: Container[str],
    tool: frozenset[str],
    alternatives: Vocabulary | None = None,
    label: Callable[[str], bool] | None = None,
) -> Iterator[tuple[str, bool]]:
    """The clauses of `sentence`, each with whether it speaks of another product than the
    tool: from where the sentence, its part after a short opening phrase ("Compared to
    what we had before, Docker Hub was slow"), or its part after a colon ("the difference
    is clear: GitHub PRs review a whole branch at once", but not after a `label` that
    weighs the tool: "Less good: Docker is required"), opens with another product's name
    (`_led_by_another`), with words naming the alternatives (`alternatives`: "Looking
    back, the old setup's drawbacks were serious") or with what the team had before the
    tool ("the pain we had before Unit came from gunicorn"), up to the first clause naming
    the tool ("whereas SAM is maintained by AWS"); and a clause that goes on with "it"
    right after one that ended naming another product ("We first looked at UptimeRobot,
    but its free plan is coarse"), with the clauses that go on from it with "which" or
    "and" ("…, which is too slow for us")."""
    another = bool(names) and (
        _led_by_another(sentence, names, tool) or _led_by_owner(sentence, tool)
    )
    opening = _OPENING_PHRASE.match(sentence) if names and not another else None
    if opening is not None:
        # past a short opening phrase: "Compared to what we had before, Docker Hub was slow"
        another = _led_by_another(sentence[opening.end() :], names, tool)
    if names and not another and alternatives is not None:
        another = _led_by_alternatives(sentence, alternatives) or (
            opening is not None and _led_by_alternatives(sentence[opening.end() :], alternatives)
        )
    met_another = False  # the clause before ended naming another product
    went_on = False  # the clause before went on with it ("but its free plan …")
    clauses = _split_clauses(sentence)
    # "Most of the pain we had before Unit came from gunicorn": the old way's
    old_way = bool(tool) and bool(clauses) and bool(_named_after_before(clauses[0], tool))
    another = another or old_way
    for clause in clauses:
        if names and not another:
            parts = _AFTER_COLON.split(clause)
            another = len(parts) > 1 and _led_by_another(parts[-1], names, tool)
            if another and label is not None and label(parts[-2]):
                another = False  # "Less good: Docker is required" is the tool's drawback
        named = set(stems(clause)) - _named_after_before(clause, tool)
        another = another and not named & tool
        # "We first looked at UptimeRobot, but its free plan is coarse": "its" is the
        # product just named, in that clause
        went_on = (met_another and bool(_GOES_ON_WITH_IT.match(clause))) or (
            went_on and bool(_GOES_ON_WITH_WHICH.match(clause)) and not named & tool
        )
        met_another = bool(names) and _ends_naming_another(clause, names, tool)
        yield clause, another or went_on


def of_another(
    sentence: str,
    names: Container[str],
    tool: frozenset[str],
    alternatives: Vocabulary | None = None,
) -> bool:
    """Whether every clause of `sentence` speaks of another product than the tool, or of
    the old way (`_clauses`): "uWSGI, which we tried for a day, has hundreds of options"."""
    return all(another for _clause, another in _clauses(sentence, names, tool, alternatives))


def clauses_of_another(
    sentence: str,
    span: tuple[int, int],
    names: Container[str],
    tool: frozenset[str],
    alternatives: Vocabulary | None = None,
) -> bool:
    """Whether every clause of `sentence` (`_clauses`) that overlaps `sentence[start:end]`
    speaks of another product than the tool, or of the old way: "and keyword checks are
    limited" after "We first looked at Healthchecks, but its free plan …"."""
    start, end = span
    found = False
    at = 0
    for clause, another in _clauses(sentence, names, tool, alternatives):
        begin = sentence.find(clause, at)
        if begin < 0:
            return False
        at = begin + len(clause)
        if begin < end and start < at:
            if not another:
                return False
            found = True
    return found


_BEFORE = stems("before")[0]


def _named_after_before(clause: str, tool: frozenset[str]) -> set[str]:
    """The tool's words that follow "before" in `clause` ("the pain we had before Unit"):
    that names the old way, not the tool."""
    words = stems(clause)
    return {
        word for at, word in enumerate(words[1:], 1) if word in tool and words[at - 1] == _BEFORE
    }


# a clause that goes on with "it" after its conjunction ("but its free plan …") (English)
_GOES_ON_WITH_IT = re.compile(
    r"\W*(?:(?:but|yet|though|although|whereas|while|and|so)\s+)?(?:its?|it['’]s)\b", re.I
)
# ... and what says more of that ("…, which is far too coarse", "…, and keyword checks
# are not as flexible") (English)
_GOES_ON_WITH_WHICH = re.compile(r"\W*(?:which|and)\b", re.I)
# words that make "it" the tool in a clause naming another product ("Compared to
# Nagios, it is easy", "it is faster than Nagios") (English)
_COMPARING = frozenset(stems("it its than like unlike compared versus vs instead replaced"))


def _ends_naming_another(clause: str, names: Container[str], tool: frozenset[str]) -> bool:
    """Whether `clause` ends by naming another product the text uses inside its prose,
    and names neither the tool, "it" nor a comparison ("We first looked at UptimeRobot",
    not "The UDP handler is fire-and-forget"): "it" in the next clause is that product."""
    words = set(stems(clause))
    if words & tool or words & _COMPARING:
        return False
    last = _WORD.findall(clause)[-_OBJECT_REACH:]
    return any(word[0].isupper() and word in names and a_product(word, tool) for word in last)


# how near its clause's end a product named as the object stands ("tried Grafana first")
_OBJECT_REACH = 2


# a clause that ends in an article and one word, before "but": two words of one noun
# phrase ("solved a small but very real annoyance") (English)
_INSIDE_A_PHRASE = re.compile(r"\b(?:an?|the)\s+[\w-]+$", re.IGNORECASE)
_SET_AGAINST = re.compile(r"(?:but|yet)\b", re.IGNORECASE)


def _split_clauses(sentence: str) -> list[str]:
    """`sentence` split at its clauses (`_CLAUSE`), but not at a "but" between two words
    of one noun phrase ("a small but very real annoyance", "a simple yet fast queue")."""
    clauses: list[str] = []
    for clause in _CLAUSE.split(sentence):
        if clauses and _SET_AGAINST.match(clause) and _INSIDE_A_PHRASE.search(clauses[-1]):
            clauses[-1] += " " + clause
        else:
            clauses.append(clause)
    return clauses


# the words that may stand before those naming the alternatives ("the", "our old setup")
_DETERMINERS = frozenset(singulars("the our my their these those all"))
_COPULAS = frozenset(singulars("is was are were"))
_BELONGS = frozenset(singulars("of about with"))


def _led_by_alternatives(text: str, alternatives: Vocabulary) -> bool:
    """Whether `text` opens with words naming the alternatives as its subject ("The old
    setup's drawbacks were serious", "Other tools need a daemon"), not as what it
    compares the tool with ("Compared to the old setup, it is slower")."""
    words = singulars(text)
    lead = next((at for at, word in enumerate(words) if word not in _DETERMINERS), len(words))
    # after a determiner, one word may qualify them: "The raw alternative, diffing by hand"
    reach = lead + 1 if lead else lead
    spans = alternatives.spans(words)
    if any(start <= reach for start, _end in spans):
        return True
    # ... or the subject is said to be theirs: "The biggest downside is of the old approach"
    return any(
        start >= 2 and words[start - 1] in _BELONGS and words[start - 2] in _COPULAS
        for start, _end in spans
    )


def unquoted(text: str) -> str:
    """`text` with what it puts in double quotes blanked: someone's words."""
    return _QUOTED.sub(" ", text)


def _asks(sentence: str) -> bool:
    """Whether `sentence` is a question."""
    return sentence.rstrip().endswith("?")


def sentences_of(text: str) -> list[str]:
    """The sentences of plain text (a line break ends one too), blank ones left out."""
    return [sentence for sentence in _SENTENCE.split(text) if sentence.strip()]


def taken_back(
    sentences: list[str],
    retracted_by: Vocabulary,
    fold: Callable[[str], tuple[str, ...]],
    tool: frozenset[str] = frozenset(),
) -> set[int]:
    """The indices of the sentences a `retracted_by` phrase takes back: its own, and the
    one before when it opens by pointing back to it ("I had to learn some Go. That is
    more of a me problem.", "Then again, that is exactly the point"). With `tool`, so
    does a sentence whose first clause lays the blame elsewhere than on the tool ("That
    was my code, not Feast.", see `blames_another`)."""
    if not retracted_by.terms and not tool:
        return set()
    taken: set[int] = set()
    for index, sentence in enumerate(sentences):
        words = fold(sentence)
        found = _unnegated(words, retracted_by, fold) if retracted_by.terms else {}
        if not found and tool:
            blamed = _blame_at(_CLAUSE.split(sentence, 1)[0], tool)
            found = {"": blamed} if blamed is not None else {}
        if found:
            taken.add(index)
            opening = min(found.values()) < _POINTING_REACH  # "Totally my fault; …"
            if index and (opening or _POINTING_BACK.intersection(words[:_POINTING_REACH])):
                taken.add(index - 1)
    return taken


def _unnegated(
    words: Sequence[str], phrases: Vocabulary, fold: Callable[[str], tuple[str, ...]]
) -> dict[str, int]:
    """The phrases found in `words`, with where each starts, but for those a negation
    splits or comes right before (a phrase may leave a word out between two of its own):
    "in fact it is not useful" is no "in fact it is useful", "not exactly the point" no
    "exactly the point", "this was not my fault" no "my fault"."""
    found: dict[str, int] = {}
    for shown, start, end in phrases.occurrences(words):
        own = set(fold(shown))
        # ... unless the phrase is a denial itself ("No, not really a downside")
        before = () if any(map(_negates, own)) else words[start - 1 : start]
        if any(_negates(word) and word not in own for word in (*before, *words[start:end])):
            continue
        found.setdefault(shown, start)
    return found


def _negates(word: str) -> bool:
    """Whether a folded word negates (English)."""
    return word in _NEGATIONS or word.endswith("n't")


_NEGATIONS = frozenset({"not", "never", "no", "hardly"})


# a clause that lays the blame elsewhere, then denies it is the tool's: "That was my code,
# not Feast.", "a bug in our service, not in Mittens" (English; the name is checked apart)
_BLAME = re.compile(
    r",\s+not\s+(?P<at>(?:in|on|of|with|from)\s+)?(?P<the>the\s+)?(?P<name>[\w][\w.+-]*?)"
    r"(?:['’]s)?(?:\s+(?:itself|either))?\s*(?:[.!;)]|,|$)",
    re.IGNORECASE,
)
# what a tool's own kind is called when it stands for the tool ("not the library's")
_TOOL_KINDS = frozenset(stems("tool library package plugin framework"))
# what a clause blames when it says where a fault lies ("the bug is in our code, not in
# X"); without one, "Thresholds live in my scripts, not in Vigil" tells what the tool
# lacks (English)
_FAULTS = frozenset(
    stems("bug fault mistake problem issue error cost overhead limitation weakness drawback flaw")
)


def blames_another(clause: str, tool: frozenset[str]) -> bool:
    """Whether `clause` lays a fault elsewhere and then denies it is the tool's: ", not
    <the tool>" by its name or as "the tool" ("That's grep buffering, not ktail", "my
    mistake, not the library's"); with "in", "from" or "with" before the name only when
    the clause names a fault ("a bug in our service, not in Mittens"). "It's a spec, not
    a tool" and "Config lives in the UI, not in git" blame nothing."""
    return _blame_at(clause, tool) is not None


def _blame_at(clause: str, tool: frozenset[str]) -> int | None:
    """How many words of `clause` come before its ", not <the tool>" (see
    `blames_another`), or None: "My mistake, not the tool's" opens with it, and so takes
    back the sentence before, as a `retracted_by` phrase among a sentence's first words
    does."""
    for match in _BLAME.finditer(clause):
        name = stems(match.group("name"))
        if not name:
            continue
        generic = match.group("the") is not None and name[0] in _TOOL_KINDS
        if not generic and name[0] not in tool:
            continue
        at = (match.group("at") or "").strip().lower()
        before = clause[: match.start()]
        if at in ("", "on") or _FAULTS.intersection(stems(before)):
            return len(before.split())
    return None


# words that point back to the sentence before, among the first few of a sentence
# ("That is…", "Then again, this is…"), as does a retraction among them (English)
_POINTING_BACK = frozenset({*singulars("that this which"), *stems("that this which")})
_POINTING_REACH = 4


def only_asks(paragraph: str) -> bool:
    """Whether every sentence of a paragraph is a question ("Me: And on our movie
    data?")."""
    asked = sentences_of(paragraph.strip().rstrip("*_ "))
    return bool(asked) and all(sentence.rstrip("*_ )").endswith("?") for sentence in asked)


def first_sentences(text: str, count: int) -> list[str]:
    """`sentences_of(text)[:count]`, without splitting the rest of a long text."""
    found: list[str] = []
    start = 0
    for end in _SENTENCE.finditer(text):
        if text[start : end.start()].strip():
            found.append(text[start : end.start()])
            if len(found) == count:
                return found
        start = end.end()
    if text[start:].strip() and len(found) < count:
        found.append(text[start:])
    return found


def weighs(
    text: str,
    section: Section,
    tool: frozenset[str] = frozenset(),
    names: Container[str] | None = None,
) -> bool:
    """Whether `text` has a clause with a limitation cue of `section` that praise does
    not explain; true when the section has no such cues. `tool`: the stemmed words of
    the tool's name; `names`: the products the post names (`NamesIn`), by default those
    `text` names."""
    cues = section.cues
    firm = _firm(cues.groups, cues.required, cues.weak + cues.found_words)
    if not firm or unexplained(text, vocabulary(firm), section, tool=tool, names=names):
        return True
    # what a verdict mostly says of what the tool found, said of the tool ("it is slow",
    # "Couchbase is slower", "the free tier is limited"), and plain complaints said of it
    # ("it only runs on Linux"): one reading of the text for both
    found = vocabulary(_of_tool_terms(cues))
    return bool(found) and unexplained(text, found, section, tool=tool, of_tool=True, names=names)


# the joined list is made once per course, found by identity as `vocabulary` finds its
# lists: a new tuple per weighed text would miss that memo and crowd the course's out
_OF_TOOL_TERMS: IdentityMemo[tuple[str, ...]] = IdentityMemo(64)


def _of_tool_terms(cues: Cues) -> tuple[str, ...]:
    """`found_words` and `said_of_tool`, the terms that weigh when said of the tool."""
    lists = (cues.found_words, cues.said_of_tool)
    return _OF_TOOL_TERMS.remembered("", lists, lambda: lists[0] + lists[1])


@lru_cache(maxsize=64)
def _firm(
    groups: tuple[tuple[str, tuple[str, ...]], ...],
    required: tuple[str, ...],
    weak: tuple[str, ...],
) -> tuple[str, ...]:
    """The terms of the `required` groups that weigh alone: not `weak` (nor the section's
    `found_words`), nor an inflection of one ("lagged" is "lag")."""
    weak_stems = {stems(term) for term in weak}
    named = dict(groups)
    return tuple(
        term
        for group in required
        for term in named.get(group, ())
        if term not in weak and stems(term) not in weak_stems
    )


def unexplained(
    text: str,
    terms: Vocabulary,
    section: Section,
    exact: bool = False,
    tool: frozenset[str] = frozenset(),
    of_tool: bool = False,
    names: Container[str] | None = None,
) -> bool:
    """Whether a clause of `text` has one of `terms` that the section's praise lists do
    not explain; `exact` when the terms match as written (`singulars`), not stemmed.
    With `tool`, a clause about another product (`_clauses`) is left out: `names` are the
    products the post names, by default those `text` names."""
    fold = singulars if exact else stems
    cues = section.cues
    solved_clause = vocabulary(cues.solved_clause, exact)
    frames = (
        (vocabulary(cues.solved_by, exact), cues.solved_gap),
        (vocabulary(cues.denied_by, exact), cues.denied_gap),
        (vocabulary(cues.denied_close, exact), MAX_GAP),
    )
    settings = vocabulary(section.negated_by, exact)
    situations = vocabulary(cues.situation_by, exact)
    opinions = vocabulary(cues.opinion_by, exact)
    scope = vocabulary(cues.scope_by, exact)
    none_found = vocabulary(cues.none_found, exact)
    # as written: stemmed, "alternatives" would also be "alternatively"
    alternatives = vocabulary(cues.alternatives_by, exact=True) if cues.alternatives_by else None
    # quoted words are someone's question or a symptom ("is the database slow?"); a
    # drawback phrase as written names one even in quotes ('Things it can't do'), a
    # drawback word alone in quotes none (`_SCARE_QUOTED`)
    names = (NamesIn(text) if names is None else names) if tool else frozenset[str]()

    def labelled(text: str) -> bool:
        """A short label weighing the tool ("Less good:"), not one naming the
        alternatives ("Why not the alternatives:")."""
        return (
            len(text.split()) <= _LABEL_WORDS
            and bool(terms.find(fold(text)))
            and not (alternatives is not None and alternatives.find(singulars(text)))
        )

    written = sentences_of(_SCARE_QUOTED.sub(" ", text if exact else _QUOTED.sub(" ", text)))
    retracted = taken_back(written, vocabulary(cues.retracted_by, exact), fold, tool)
    for index, sentence in enumerate(written):
        if index in retracted:
            continue  # "I had to learn some Go. That is more of a me problem."
        if _asks(sentence):
            continue  # a question asks ("Were there any drawbacks?"); its answer tells
        open_situation = False  # a situation goes on to its comma, across clauses
        after_scope = False  # the clause before told the writer's own scope
        for clause, another in _clauses(sentence, names, tool, alternatives, labelled):
            if another:
                after_scope = False
                continue  # "The Serverless Framework …, but it needs a Node.js toolchain"
            words, open_situation = _outside_situations(clause, fold, situations, open_situation)
            if scope and scope.find(words):
                after_scope = True
                continue  # the writer's own scope ("I had no time to try the cluster mode")
            turned, after_scope = after_scope, False
            if turned and _contrast_of_scope(words, terms, cues, exact, tool):
                continue  # "I haven't tried those, but they look easy": turns from the scope
            if none_found and none_found.find(words):
                continue  # none found ("there isn't much to complain about")
            if tool and blames_another(clause, tool):
                continue  # "…, and most answers online are for mamba, not micromamba"
            if solved_clause.find(words):
                continue
            # before praise and opinions are blanked: "I found it slow" (only read `of_tool`)
            said = list(words) if of_tool else words
            for start, end in _praise_spans(words, cues.praise_phrases, exact):
                words[start:end] = [""] * (end - start)  # praise: its words weigh nothing
            for start, end in opinions.spans(words):
                if _written_whole(words[start:end], opinions):  # not "we found that the"
                    words[start:end] = [""] * (end - start)  # "I found it slow": no frame
            spans = terms.spans(words)
            if not spans:
                continue
            if tool and _of_another(clause, tool):
                continue  # "Python's unittest is more verbose": another product's drawback
            if _contrast_only(words, spans, cues, exact, tool):
                continue  # "small, but powerful", "but 41% for everyone else": no weighing
            if any(
                not _solved(words, span, frames, settings, exact, terms)
                and (not of_tool or _said_of_tool(said, span, cues, exact, tool))
                for span in spans
            ):
                return True
    return False


def _contrast_of_scope(
    words: list[str], terms: Vocabulary, cues: Cues, exact: bool, tool: frozenset[str]
) -> bool:
    """Whether the clause `words`, right after one telling the writer's own scope, has no
    cue but its contrast word and does not turn to a part of the tool: "I haven't tried
    the Portuguese output, but it looks easy if we need it" turns from what was not tried,
    not against the tool; "…, but the docs say it needs ZooKeeper" still weighs."""
    spans = terms.spans(words)
    contrast = vocabulary(cues.contrast, exact)
    if not spans or not all(contrast.find(words[start:end]) for start, end in spans):
        return False
    after = [word for word in words[spans[0][1] : spans[0][1] + _SUBJECT_REACH] if word]
    parts = [word for word in after if word not in _PRONOUNS]
    return not any(word in tool for word in parts) and not vocabulary(
        cues.tool_subjects, exact
    ).find(parts)


def _of_another(clause: str, tool: frozenset[str]) -> bool:
    """Whether `clause` speaks of another product's part ("Spring Boot's test context is
    slow to start"): a capitalised name in the possessive that is not the tool's, in a
    clause that does not name the tool ("it", "its" may be either: they do not count)."""
    owner = _OWNER.search(clause)
    if owner is None or stems(owner.group(1))[0] in _FUNCTION:  # "It's", "That's"
        return False
    if _COMPARED.search(clause, 0, owner.start()):
        return False  # "not quite as magic as Heroku's env vars": the tool, compared
    return not (set(stems(clause)) & tool)


def _outside_situations(
    clause: str,
    fold: Callable[[str], tuple[str, ...]],
    situations: Vocabulary,
    open_situation: bool = False,
) -> tuple[list[str], bool]:
    """The folded words of `clause`, with each situation blanked: from a `situation_by`
    word to the next comma, colon or dash ("If your endpoint is slow, try it first": whom
    the tool is for, not what it lacks), from the clause's start when one is
    `open_situation` ("If your metrics look fine but you still aren't sure, ask people");
    and whether one is still open at its end."""
    words: list[str] = []
    pieces = _PIECE.split(clause)
    for index, piece in enumerate(pieces):
        piece_words = list(fold(piece))
        starts = [0] if index == 0 and open_situation else []
        starts += [start for start, _end in situations.spans(piece_words)[:1]]
        if starts:
            piece_words[starts[0] :] = [""] * (len(piece_words) - starts[0])
            open_situation = index == len(pieces) - 1
        else:
            open_situation = False
        words += piece_words
    return words, open_situation


def _contrast_only(
    words: list[str],
    spans: list[tuple[int, int]],
    cues: Cues,
    exact: bool,
    tool: frozenset[str],
) -> bool:
    """Whether the clause `words` weighs nothing though it has a contrast word: every cue
    (`spans`) is one of `contrast`, and the clause neither hedges (`contrast_hedges`: "but
    not faster", "but only on small tables") nor turns to the tool within a few words of
    its contrast word (its name, or one of `tool_subjects`: "But its input format is
    cryptic", "but MLRun is big", "but the setup took a day") unless to praise it
    (`contrast_praise`: "small, but powerful"). A story goes on past a "but" as often as
    a verdict turns on one ("but the new model had 4 more movies")."""
    contrast = vocabulary(cues.contrast, exact)
    if not all(contrast.find(words[start:end]) for start, end in spans):
        return False
    if vocabulary(cues.contrast_hedges, exact).find(words):
        return False
    if vocabulary(cues.contrast_praise, exact).find(words):
        return True
    after = words[spans[0][1] : spans[0][1] + _SUBJECT_REACH]
    if after and after[0] in _PERSONS:  # "but I think it deserves a post": the writer's
        return True
    if any(word in tool for word in after):
        return False
    return not vocabulary(cues.tool_subjects, exact).find(after)


def _said_of_tool(
    words: list[str], span: tuple[int, int], cues: Cues, exact: bool, tool: frozenset[str]
) -> bool:
    """Whether the cue at `words[start:end]` is said of the tool: its name or one of
    `tool_subjects` just before it, with at most linking words between ("it is slow",
    "Couchbase is slower", "the UI felt a bit slow"; not "install term-missing")."""
    start = span[0]
    subjects = vocabulary(cues.tool_subjects, exact)
    at = start
    while at > 0 and start - at < _LINK_REACH and words[at - 1] in _LINKING:
        at -= 1
    before = words[max(0, at - 2) : at]
    if before and before[-1] in tool:
        return True
    return any(end == len(before) for _start, end in subjects.spans(before))


def _praise_spans(words: list[str], phrases: tuple[str, ...], exact: bool) -> list[tuple[int, int]]:
    """Where the clause `words` praises: each occurrence of a phrase, and for a phrase
    with "…" in it ("turned … into"), all from its first part to the next occurrence of
    its last part ("it turned our slowest job into a two-minute one")."""
    whole, apart = _praise(phrases, exact)
    spans = whole.spans(words)
    for first, last in apart:
        starts = first.spans(words)
        if not starts:
            continue
        ends = sorted(last.spans(words))
        for start, after in starts:
            end = next((end for begin, end in ends if begin >= after), None)
            if end is not None:
                spans.append((start, end))
    return spans


@lru_cache(maxsize=64)
def _praise(
    phrases: tuple[str, ...], exact: bool
) -> tuple[Vocabulary, tuple[tuple[Vocabulary, Vocabulary], ...]]:
    """`praise_phrases` compiled: the whole ones, and the two parts of each with "…"."""
    whole = vocabulary(tuple(phrase for phrase in phrases if "…" not in phrase), exact)
    apart = tuple(
        (vocabulary((first.strip(),), exact), vocabulary((last.strip(),), exact))
        for first, _gap, last in (phrase.partition("…") for phrase in phrases if "…" in phrase)
    )
    return whole, apart


def _solved(
    words: list[str],
    cue: tuple[int, int],
    frames: tuple[tuple[Vocabulary, int], ...],
    settings: Vocabulary,
    exact: bool,
    terms: Vocabulary,
) -> bool:
    """Whether the cue at `words[start:end]` follows a `solved_by` or `denied_by` word
    (`frames`, each with its reach) closely enough ("caught a bug", "never had to"), or has
    one inside it ("I never had to"), or names a setting (`negated_by` of the section's
    headings, `settings`: "CPU limits").

    Inside a cue, a word of the terms themselves is theirs where words are matched as
    written ("catch" in "the second catch was"); stemmed, it is only theirs in a term
    written out whole ("the catch is"), while "the suite catches" is the verb."""
    start, end = cue
    for frame, gap in frames:
        for before, after in frame.spans(words):
            inside = start <= before < end
            if inside and before == start:
                continue
            if inside and (
                _own_word(words[before], terms)
                if exact
                else _written_whole(words[start:end], terms)
            ):
                continue
            if before < end and start - after <= gap:
                return True
    return any(after <= start <= after + MAX_GAP for _before, after in settings.spans(words))


def _own_word(word: str, terms: Vocabulary) -> bool:
    """Whether `word` is a word of one of the terms."""
    return any(word in term_words for _term, term_words in terms.terms)


def _written_whole(words: list[str], terms: Vocabulary) -> bool:
    """Whether `words` are one of the terms, with no other word between its words."""
    return any(tuple(words) == term_words for _term, term_words in terms.terms)
