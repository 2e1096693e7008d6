"""The course configuration (`content/course.yaml`): rules as data, not code."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import yamlsafe
from .course_values import SettingsReader
from .findings import ContentError, error
from .plaintext import text_problem
from .yamlsafe import KeyPath


@dataclass(frozen=True)
class Semester:
    """A semester; `start` and `end` (optional) bound the dates of its posts."""

    id: str
    label: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Category:
    id: str
    name: str


POSITIONS = ("start", "middle", "end", "between", "any")


@dataclass(frozen=True)
class Cues:
    """What a section's text says when it serves a requirement (see `gate/reading.py`).

    `groups` are named lists of words and phrases; a text scores one point per distinct
    term found, plus up to `scenario_cap` for the option's scenario keywords when
    `scenario` is set, plus `position_bonus` when it sits where such text usually is.
    """

    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    required: tuple[str, ...] = ()  # groups that need at least one term
    scenario: bool = False
    position: str = "any"  # start | middle | end | between | any
    position_bonus: int = 2
    scenario_cap: int = 3
    min_score: int = 5  # a section with no matching heading serves the requirement from here
    confirm_score: int = 3  # a heading that only hints at the requirement needs this much
    # When no run reaches `min_score`: a run of at least `evidence_words` words that sits
    # where such text usually is, has every `required` group and scores `evidence_score`
    # still serves it (a complete post told in unusual words). 0 turns this off.
    evidence_score: int = 0
    evidence_words: int = 40
    # ... and starts within the first `evidence_reach` percent of the post's lines (a
    # "wait" halfway through a tutorial's steps is no problem it opens with); 100: anywhere
    evidence_reach: int = 100
    evidence_voice: tuple[str, ...] = ()  # the weaker evidence needs one of these words
    # Sentences with one of these words are about the post or the assignment ("for this
    # assignment we had to pick a tool"), not about its subject: they carry no evidence.
    aside: tuple[str, ...] = ()
    # A heading that asks the writer why they chose the tool ("Why did you pick it?"): the
    # answer gives reasons for a choice, and a few trouble words there are no evidence.
    choice_asked: tuple[str, ...] = ()
    # A heading that describes the tool ("What it is", "What profiles are", the tool's name
    # read as "it"): a few trouble words in the description are no evidence of a need.
    evidence_describes: tuple[str, ...] = ()
    # The scenario may be named once, earlier: a section that refers to "our scripts" when
    # another requirement's part describes those scripts in the scenario's words shows it
    # too. `story_ignores` are words too common to tie two sections together ("our model").
    scenario_from_story: bool = False
    story_ignores: tuple[str, ...] = ()
    # A paragraph in the writer's voice that shares `story_topics` distinct words of at
    # least `story_topic_letters` letters with that story ("the nightly scoring job" after
    # "our nightly batch job scores every user") goes on with it too; the section's own
    # cue words and `story_ignores` do not count. 0 turns this off.
    story_topics: int = 0
    story_topic_letters: int = 6
    # A walkthrough whose paragraphs together share `story_section_topics` such words with
    # the story, one of them in the writer's voice, goes on with it as a whole (several
    # short paragraphs and outputs, none of which shares enough alone); one more when a
    # paragraph of it works on someone else's material. 0 turns this off.
    story_section_topics: int = 0
    # ... but not a paragraph with one of these: it works on someone else's material ("the
    # tutorial's sample image"), and tells no use of the scenario either
    story_borrowed: tuple[str, ...] = ()
    # ... and so is a dataset of the scenario's own domain (MovieLens): its movies and
    # ratings are its own, not the writer's, until a sentence names one of `story_system`,
    # the writer's own system ("our Kafka stream", "the team's VM")
    story_domain: tuple[str, ...] = ()
    story_system: tuple[str, ...] = ()
    # A part under a heading that describes the tool ("What ElasticJob is", "What is it?",
    # the tool's name read as "it") goes on with no story: the tool's description shares
    # the words of the problem it solves ("a scheduler that coordinates machines")
    story_describes: tuple[str, ...] = ()
    # Discussed along the way: when no part serves it, at least `spread_terms` distinct
    # terms of the `required` groups over `spread_sections` sections (outside the text of a
    # `start` requirement such as the problem), and a term of every other group, serve it.
    # 0 turns this off.
    spread_terms: int = 0
    spread_sections: int = 3
    spread_firm: int = 0  # of the `spread_terms`, how many must not be `weak`
    # Told in the last words: when no part serves it, one of the post's last two paragraphs
    # that opens with one of these ("Overall, …", "All in all …") and scores `min_score`
    # with every group serves it.
    closing: tuple[str, ...] = ()
    # Terms that add to the score but alone do not make a `required` group present: as
    # common in praise or in the problem told ("it needs no code", "our fragile scripts")
    # as in a limitation.
    weak: tuple[str, ...] = ()
    # The tool at work: paragraphs before the post first names its tool or shows code set
    # the scene ("During our last deploy, each pod needed 11 seconds…"); they do not read
    # like this requirement.
    after_tool: bool = False
    # Words that name a drawback outright ("limitations", "learning curve", "lock-in"):
    # when a post serves this requirement but no heading or paragraph of it has one, the
    # gate warns that the section may weigh only one side (`section-one-sided`); an error
    # under the section's `drawbacks_blocking` when its text does not weigh the tool either
    # (see `gate/weighing.py`).
    drawbacks: tuple[str, ...] = ()
    # Words that name a drawback only as a short label leading into a list or a sentence
    # ("Limits:" over the tool's limits); elsewhere they are common words ("rate limits").
    drawback_labels: tuple[str, ...] = ()
    # Praise told in limitation words (see `gate/weighing.py`): a cue inside one of
    # `praise_phrases` ("paid off", "turned … into"), at most `solved_gap` words after a
    # `solved_by` verb ("caught a stale-data incident and a bug") or `denied_gap` words
    # after a `denied_by` word ("never had to"), or in a clause with a `solved_clause`
    # word ("anymore") names what the tool solved; it does not weigh it.
    praise_phrases: tuple[str, ...] = ()
    solved_by: tuple[str, ...] = ()
    solved_gap: int = 3
    denied_by: tuple[str, ...] = ()  # like `solved_by`, within `denied_gap` words
    denied_gap: int = 3
    solved_clause: tuple[str, ...] = ()  # a clause with one of these tells a solved problem
    # the writer's opinion ("I found the docs confusing"): a `solved_by` word in one of
    # these frames nothing
    opinion_by: tuple[str, ...] = ()
    # like `denied_by`, for the cue right after it only ("not slow", "isn't limited to")
    denied_close: tuple[str, ...] = ()
    # Limitation words a verdict mostly uses for what the tool found ("the week 6 bug",
    # "three serious bugs in three weeks"): they still mark the text when the post is
    # read, but do not weigh a verdict alone, like `weak` words.
    found_words: tuple[str, ...] = ()
    # Plain complaints that weigh a verdict only when said of the tool ("it only runs on
    # Linux", "its error messages don't tell you which column failed"), as `found_words`
    # do, but leave the reading alone: told of the old way or of what the tool spared the
    # team ("the old script only runs on Fridays") they are no limitation.
    said_of_tool: tuple[str, ...] = ()
    # Words that open a situation ("if your", "when anything"): a cue after one, up to
    # the next comma, tells whom the tool is for ("If your endpoint is slow, try it"), not
    # what it lacks (see `gate/weighing.py`).
    situation_by: tuple[str, ...] = ()
    # A clause whose only cue is a `contrast` word ("but") weighs when it has a
    # `contrast_hedges` word ("but not faster"), or turns to the tool right after the
    # contrast word (its name or one of `tool_subjects`: "but its docs are thin")
    # without a `contrast_praise` word ("small, but powerful"); else the story goes on.
    contrast: tuple[str, ...] = ()
    contrast_praise: tuple[str, ...] = ()
    contrast_hedges: tuple[str, ...] = ()
    # Words that stand for the tool ("it", "its", "setup", "docs"), its name aside: also
    # what lets a `found_words` word weigh when said of them ("it is slow").
    tool_subjects: tuple[str, ...] = ()
    # Words of the writer's own scope ("I did not have time to try", "ran out of time"):
    # a clause with one weighs nothing, and a heading naming a drawback ("Limitations")
    # over text mostly of such sentences names none (see `gate/rules/sections.py`).
    scope_by: tuple[str, ...] = ()
    # Words of a lead-in naming the alternatives a list then tells ("other options", "the
    # alternatives we considered"): items opening with another product's name weigh that
    # product, not the tool (see `gate/alternatives.py`).
    alternatives_by: tuple[str, ...] = ()
    # Words that, right after the words naming the alternatives, say they do better ("in
    # some places the alternatives do better:"): such a lead-in's list tells where the tool
    # falls behind them, so it is no list of the alternatives (see `gate/alternatives.py`).
    others_better: tuple[str, ...] = ()
    # Words that answer a heading naming drawbacks with none ("What about downsides?"
    # over "Honestly, I can't think of any"): that heading names no drawback (see
    # `gate/rules/sections.py`).
    none_found: tuple[str, ...] = ()
    # Short answers that find none when they open the reply to a yes-or-no question on
    # drawbacks ("Any downsides? Honestly, not really."): that question names no drawback.
    # Only read there: "not really" elsewhere weighs ("it is not really fast").
    none_answers: tuple[str, ...] = ()
    # Words that take back the drawback just named, in their sentence or the one before
    # ("That is more of a me problem", "Then again, that is exactly the point",
    # "…, but honestly that is good practice anyway"): neither sentence weighs the tool.
    retracted_by: tuple[str, ...] = ()
    # Words that announce the writer's own slips at the start of a paragraph ("I also made
    # a few mistakes of my own."): every sentence of that paragraph tells the writer's
    # doings and names no drawback of the tool (see `gate/rules/sections.py`).
    slips_by: tuple[str, ...] = ()
    # Words that tell why the writer picked the tool rather than a need it meets ("I came
    # across it in the plugin catalog", "nobody had written about it"): an opening section
    # that serves nothing and tells them was read, as the writer's choice, so a missing
    # requirement is an error there, not a warning that the gate may have missed it.
    picked_by: tuple[str, ...] = ()

    @property
    def borrowed(self) -> tuple[str, ...]:
        """All the words that name someone else's material, `story_domain` among them."""
        return (*self.story_borrowed, *self.story_domain)


@dataclass(frozen=True)
class Section:
    """A section an option requires: heading words, content cues, minimum length."""

    id: str
    name: str
    keywords: tuple[str, ...]  # heading words and phrases that name the section outright
    min_words: int = 0
    rubric: str | None = None
    scenario_required: bool = False
    # The scenario counts only where the writer tells their own use of it: a paragraph with
    # one of these words ("our ratings", "I replayed the watch events"), inline code, or a
    # paragraph of things done or measured without a `scenario_hypothetical` word. "A
    # recommender could monitor its genres" describes the scenario; it does not try it.
    scenario_voice: tuple[str, ...] = ()
    scenario_hypothetical: tuple[str, ...] = ()
    # a sentence with one of these says the use was not made ("I didn't get to connect it
    # to our recommender"): it tells none, whatever its voice
    scenario_not_made: tuple[str, ...] = ()
    # sentences with one of these speak of the course, not of the writer's use of the tool
    # ("a system like the one in our course scenario"): their voice words do not count
    scenario_aside: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # heading words that count only when the text agrees
    cues: Cues = Cues()
    min_words_blocking: bool = False  # too few words is an error, not advice
    # `section-one-sided` is an error, not advice, when the text taken for the requirement
    # has no term of its `required` groups either, besides `weak` ones (see `one_sided`)
    drawbacks_blocking: bool = False
    # heading words right after one of these ("without the pain") neither name nor hint at it
    negated_by: tuple[str, ...] = ()
    # heading words anywhere after one of these ("the fix for problem 1", "solving the
    # cold-start problem") name what the tool remedies: the heading is about the remedy
    remedied_by: tuple[str, ...] = ()
    # a heading with one of these anywhere praises the tool ("Why I like it", "Why it was a
    # great fit"): its words neither name nor hint at the section
    praised_by: tuple[str, ...] = ()
    # heading words anywhere before one of these ("Problems with the tool", "What went wrong
    # with the fix") are the tool's own, not what it addresses; its name reads as "the tool"
    owned_by: tuple[str, ...] = ()
    # heading words that may only set the scene ("The setup"): a first section named by
    # nothing else and with no fenced code may tell a missing requirement instead when its
    # text reads like it (see `gate/reading.py`)
    scene_headings: tuple[str, ...] = ()
    # not found while a section of at least this many words serves nothing: the gate may have
    # missed it, so it warns instead of blocking (0: always an error)
    unplaced_words: int = 0


@dataclass(frozen=True)
class Option:
    """One way to do the assignment (e.g. "explore a tool"), with its sections."""

    id: str
    name: str
    sections: tuple[Section, ...]
    scenario_keywords: tuple[str, ...] = ()
    # scenario keywords other domains share ("recommendations", "ratings"): a use told only
    # in these shows the scenario unless the post names the others only as imagined
    scenario_shared: tuple[str, ...] = ()
    # the team's own system in the scenario ("our Kafka stream", "/recommend"): scenario
    # words (shared ones) in a post that names none of the others' own (not shared) words
    scenario_system: tuple[str, ...] = ()
    needs_tool: bool = True
    supplementary: tuple[str, ...] = ()  # headings that never name a required section

    @property
    def scenario_own(self) -> tuple[str, ...]:
        """The scenario keywords other domains do not share ("movie", not "ratings")."""
        shared = set(self.scenario_shared)
        return tuple(word for word in self.scenario_keywords if word not in shared)


@dataclass(frozen=True)
class RubricLine:
    id: str
    points: int
    text: str
    bonus: bool = False


@dataclass(frozen=True)
class Course:
    """Everything that differs between courses and semesters."""

    name: str
    number: str
    semester: str
    semesters: tuple[Semester, ...]
    categories: tuple[Category, ...]
    options: tuple[Option, ...]
    rubric: tuple[RubricLine, ...]
    assignment: str = ""
    site_description: str = ""
    announcement_category: str = "Announcements"
    formats: tuple[str, ...] = ("article", "video", "podcast")
    media_hosts: tuple[str, ...] = ()
    evidence_hosts: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)

    def semester_label(self, semester_id: str) -> str:
        for semester in self.semesters:
            if semester.id == semester_id:
                return semester.label
        return semester_id

    def find_semester(self, semester_id: str) -> Semester | None:
        return next((s for s in self.semesters if s.id == semester_id), None)

    def semester_order(self, semester_id: str) -> int:
        """Position of a semester, oldest first; unknown semesters sort first."""
        for index, semester in enumerate(self.semesters):
            if semester.id == semester_id:
                return index
        return -1

    def find_category(self, value: str) -> Category | None:
        """Find a category by id or by name, ignoring case."""
        wanted = value.strip().casefold()
        for category in self.categories:
            if wanted in (category.id.casefold(), category.name.casefold()):
                return category
        return None

    def find_option(self, option_id: str) -> Option | None:
        for option in self.options:
            if option.id == option_id:
                return option
        return None

    def setting(self, *keys: str, default: Any = None) -> Any:
        """Read a nested free-form setting such as `setting("prose", "min_words")`."""
        value: Any = self.settings
        for key in keys:
            if not isinstance(value, dict) or key not in value:
                return default
            value = value[key]
        return value


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(item) for item in value if item is not None)
    return ()


def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.casefold() for word in words)


# The keys each part of an option may have; any other is a misspelt setting.
_OPTION_KEYS = frozenset(
    {
        "id",
        "name",
        "required_sections",
        "scenario_keywords",
        "scenario_shared",
        "scenario_system",
        "needs_tool",
        "supplementary",
    }
)
_SECTION_KEYS = frozenset(
    {
        "id", "name", "headings", "keywords", "hints", "content", "min_words",
        "min_words_blocking", "drawbacks_blocking", "unplaced_words", "rubric",
        "scenario_required", "scenario_voice", "scenario_hypothetical", "scenario_not_made",
        "scenario_aside", "negated_by", "remedied_by", "praised_by", "owned_by", "scene_headings",
    }
)  # fmt: skip
_CUE_NUMBERS = (
    "position_bonus", "scenario_cap", "min_score", "confirm_score", "evidence_score",
    "evidence_words", "evidence_reach", "spread_terms", "spread_sections", "spread_firm",
    "story_topics", "story_topic_letters", "story_section_topics", "solved_gap", "denied_gap",
)  # fmt: skip
_CUE_WORDS = (
    "required", "evidence_voice", "aside", "choice_asked", "evidence_describes",
    "story_ignores", "story_borrowed",
    "story_domain", "story_system", "story_describes", "closing", "weak", "drawbacks",
    "drawback_labels",
    "praise_phrases", "solved_by", "solved_clause", "denied_by", "found_words",
    "said_of_tool", "denied_close", "opinion_by", "situation_by", "contrast", "contrast_praise",
    "contrast_hedges",
    "tool_subjects", "scope_by", "alternatives_by", "others_better", "none_found", "none_answers",
    "retracted_by", "slips_by", "picked_by",
)  # fmt: skip
# word lists kept folded (matched against a text's stems, not compiled as phrases)
_FOLDED_WORDS = frozenset({"found_words", "aside", "closing", "weak"})
_CUE_KEYS = frozenset(
    {
        "cues",
        "position",
        "scenario",
        "scenario_from_story",
        "after_tool",
        *_CUE_NUMBERS,
        *_CUE_WORDS,
    }
)


def _cues(raw: Any, reader: SettingsReader, where: KeyPath, owner: str) -> Cues:
    """A section's `content` settings: what its text says when it serves the section."""
    if raw is None:
        return Cues()
    if not isinstance(raw, dict):
        reader.fail(
            where,
            f"{owner}: `content` must be a mapping of settings, not {raw!r}",
            "Write `content:` with its settings indented under it (see docs/architecture.md).",
        )
        return Cues()
    reader.known_keys(raw, where, _CUE_KEYS, f"{owner}, `content`")
    position = str(raw.get("position", "any"))
    if position not in POSITIONS:
        reader.fail(
            (*where, "position"),
            f"{owner}: content position {position!r} is not one of " + ", ".join(POSITIONS),
            "Use start, middle, end, between or any.",
        )
    groups = reader.word_groups(raw, where, "cues", owner)
    required = reader.words(raw, where, "required", owner)
    named = {name for name, _terms in groups} | {"scenario"}
    for group in required:
        if group not in named:
            reader.fail(
                (*where, "required"),
                f"{owner}: `required` names the group {group!r}, which `cues` does not have",
                "Name groups of `cues` (or `scenario`): " + ", ".join(sorted(named)) + ".",
            )
    defaults = Cues()
    numbers = {
        key: reader.whole(raw, where, key, getattr(defaults, key), owner) for key in _CUE_NUMBERS
    }
    words = {key: reader.words(raw, where, key, owner) for key in _CUE_WORDS}
    return Cues(
        groups=groups,
        scenario=reader.flag(raw, where, "scenario", owner),
        position=position,
        scenario_from_story=reader.flag(raw, where, "scenario_from_story", owner),
        after_tool=reader.flag(raw, where, "after_tool", owner),
        **{key: _folded(value) if key in _FOLDED_WORDS else value for key, value in words.items()},
        **numbers,
    )


def _words_setting(reader: SettingsReader, item: dict[str, Any], where: KeyPath, key: str) -> int:
    """A section's word count setting (`min_words`, `unplaced_words`): a whole number ≥ 0,
    0 when absent; anything else is a course-config error naming the section."""
    value = item.get(key)
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    reader.fail(
        (*where, key),
        f"section `{item['id']}`: `{key}` is not a whole number of words: {value!r}",
        f"Write `{key}: 120` (a whole number, 0 for none).",
    )
    return 0


def _section(item: dict[str, Any], reader: SettingsReader, where: KeyPath) -> Section:
    owner = f"section `{item['id']}`"
    reader.known_keys(item, where, _SECTION_KEYS, owner)
    heading_key = "headings" if "headings" in item else "keywords"

    def words(key: str) -> tuple[str, ...]:
        return _folded(reader.words(item, where, key, owner))

    return Section(
        id=str(item["id"]),
        name=str(item.get("name", item["id"])),
        keywords=words(heading_key),
        min_words=_words_setting(reader, item, where, "min_words"),
        rubric=item.get("rubric"),
        scenario_required=reader.flag(item, where, "scenario_required", owner),
        scenario_voice=words("scenario_voice"),
        scenario_hypothetical=words("scenario_hypothetical"),
        scenario_not_made=words("scenario_not_made"),
        scenario_aside=words("scenario_aside"),
        hints=words("hints"),
        cues=_cues(item.get("content"), reader, (*where, "content"), owner),
        min_words_blocking=reader.flag(item, where, "min_words_blocking", owner),
        drawbacks_blocking=reader.flag(item, where, "drawbacks_blocking", owner),
        negated_by=words("negated_by"),
        remedied_by=words("remedied_by"),
        praised_by=words("praised_by"),
        owned_by=words("owned_by"),
        scene_headings=words("scene_headings"),
        unplaced_words=_words_setting(reader, item, where, "unplaced_words"),
    )


def _day(reader: SettingsReader, item: dict[str, Any], key: str) -> date | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        reader.fail(
            "semesters",
            f"semester {item['id']}: `{key}` is not a date: {value!r}",
            f"Write `{key}: YYYY-MM-DD`.",
        )
        return None


def _semester(reader: SettingsReader, item: dict[str, Any]) -> Semester:
    """One `semesters` entry: id, label, and optional `start`/`end` dates."""
    start, end = _day(reader, item, "start"), _day(reader, item, "end")
    if start is not None and end is not None and end < start:
        reader.fail(
            "semesters",
            f"semester {item['id']} ends ({end}) before it starts ({start})",
            "Swap or correct `start` and `end`.",
        )
    return Semester(str(item["id"]), str(item.get("label", item["id"])), start, end)


def _index(items: list[Any], item: Any) -> int:
    """The position of `item` itself (not an equal one) in `items`."""
    return next(index for index, other in enumerate(items) if other is item)


def parse_course(text: str, path: str = "content/course.yaml") -> Course:
    """Build a Course from YAML text; raise ContentError naming every problem found."""
    raw = yamlsafe.load_data(text, path, "course-config")
    if not isinstance(raw, dict):
        raise ContentError(
            [error("course-config", path, 1, "the course file must be a mapping", "See docs.")]
        )
    reader = SettingsReader(path, text)
    info = raw.get("course") if isinstance(raw.get("course"), dict) else {}
    if not info.get("name"):
        reader.fail("course", "`course.name` is missing", "Add `course: {name: ..., number: ...}`.")
    semesters = [_semester(reader, s) for s in reader.mapping_list(raw, "semesters", ("id",))]
    current = str(raw.get("semester", ""))
    if current not in {s.id for s in semesters}:
        reader.fail(
            "semester",
            f"current semester {current!r} is not listed in `semesters`",
            "Add it to `semesters` or correct `semester`.",
        )
    categories = [
        Category(str(c["id"]), str(c["name"]))
        for c in reader.mapping_list(raw, "categories", ("id", "name"))
    ]
    names = [("semesters", "label", s.label) for s in semesters]
    names += [("categories", "name", c.name) for c in categories]
    names += [("categories", "id", c.id) for c in categories]
    for key, what, value in names:
        problem = text_problem(value)
        if problem:
            reader.fail(
                key,
                f"the {what} {value!r} in `{key}` {problem}",
                'Write it as plain text: no `<`, `>`, `"`, backticks or control characters.',
            )
    options = []
    raw_options = raw.get("options") if isinstance(raw.get("options"), list) else []
    for item in reader.mapping_list(raw, "options", ("id",)):
        where: KeyPath = ("options", _index(raw_options, item))
        owner = f"option `{item['id']}`"
        reader.known_keys(item, where, _OPTION_KEYS, owner)
        listed = item.get("required_sections")
        if listed is not None and not isinstance(listed, list):
            reader.fail(
                (*where, "required_sections"),
                f"{owner}: `required_sections` must be a list, not {listed!r}",
                "Write `required_sections:` with one `- id: …` entry per section.",
            )
        listed = listed if isinstance(listed, list) else []
        sections = tuple(
            _section(s, reader, (*where, "required_sections", index))
            for index, s in enumerate(listed)
            if isinstance(s, dict) and s.get("id")
        )
        options.append(
            Option(
                id=str(item["id"]),
                name=str(item.get("name", item["id"])),
                sections=sections,
                scenario_keywords=_folded(reader.words(item, where, "scenario_keywords", owner)),
                scenario_shared=_folded(reader.words(item, where, "scenario_shared", owner)),
                scenario_system=_folded(reader.words(item, where, "scenario_system", owner)),
                needs_tool=reader.flag(item, where, "needs_tool", owner)
                if "needs_tool" in item
                else True,
                supplementary=_folded(reader.words(item, where, "supplementary", owner)),
            )
        )
    raw_rubric = raw.get("rubric") if isinstance(raw.get("rubric"), list) else []
    rubric = []
    for line in reader.mapping_list(raw, "rubric", ("id",)):
        where = ("rubric", _index(raw_rubric, line))
        owner = f"rubric line `{line['id']}`"
        points = reader.whole(line, where, "points", 0, owner)
        bonus = reader.flag(line, where, "bonus", owner)
        rubric.append(RubricLine(str(line["id"]), points, str(line.get("text", "")), bonus))
    prose = raw.get("prose")
    if isinstance(prose, dict):  # the rest of `prose` is advice read leniently
        reader.words(prose, ("prose",), "draft_markers", "`prose`")
    if reader.findings:
        raise ContentError(reader.findings)
    known = {"course", "semester", "semesters", "categories", "options", "rubric"}
    return Course(
        name=str(info["name"]),
        number=str(info.get("number", "")),
        assignment=str(info.get("assignment", "")),
        site_description=str(info.get("site_description", "")).strip(),
        semester=current,
        semesters=tuple(semesters),
        categories=tuple(categories),
        options=tuple(options),
        rubric=tuple(rubric),
        announcement_category=str(raw.get("announcement_category", "Announcements")),
        formats=_strings(raw.get("formats")) or ("article", "video", "podcast"),
        media_hosts=_strings(raw.get("media_hosts")),
        evidence_hosts=_strings(raw.get("evidence_hosts")),
        settings={key: value for key, value in raw.items() if key not in known},
    )


def load_course(path: Path) -> Course:
    """Load the course file; a missing or unreadable file is a ContentError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(
            [
                error(
                    "course-config",
                    str(path),
                    None,
                    f"cannot read the course file: {exc}",
                    "Create content/course.yaml (see the README).",
                )
            ]
        ) from None
    return parse_course(text, str(path))
