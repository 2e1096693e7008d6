"""The course configuration (`content/course.yaml`): rules as data, not code."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import yamlsafe
from .findings import ContentError, error
from .plaintext import text_problem


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
    evidence_voice: tuple[str, ...] = ()  # the weaker evidence needs one of these words
    # Sentences with one of these words are about the post or the assignment ("for this
    # assignment we had to pick a tool"), not about its subject: they carry no evidence.
    aside: tuple[str, ...] = ()
    # The scenario may be named once, earlier: a section that refers to "our scripts" when
    # another requirement's part describes those scripts in the scenario's words shows it
    # too. `story_ignores` are words too common to tie two sections together ("our model").
    scenario_from_story: bool = False
    story_ignores: tuple[str, ...] = ()
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
    # sentences with one of these speak of the course, not of the writer's use of the tool
    # ("a system like the one in our course scenario"): their voice words do not count
    scenario_aside: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # heading words that count only when the text agrees
    cues: Cues = Cues()
    min_words_blocking: bool = False  # too few words is an error, not advice
    # heading words right after one of these ("without the pain") neither name nor hint at it
    negated_by: tuple[str, ...] = ()
    # heading words anywhere after one of these ("the fix for problem 1", "solving the
    # cold-start problem") name what the tool remedies: the heading is about the remedy
    remedied_by: tuple[str, ...] = ()
    # a heading with one of these anywhere praises the tool ("Why I like it", "Why it was a
    # great fit"): its words neither name nor hint at the section
    praised_by: tuple[str, ...] = ()
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
    needs_tool: bool = True
    supplementary: tuple[str, ...] = ()  # headings that never name a required section


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


class _Reader:
    """Reads typed values out of the raw mapping, collecting findings as it goes."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.lines = yamlsafe.top_level_key_lines(text)
        self.findings = []

    def fail(self, key: str, message: str, fix: str) -> None:
        self.findings.append(error("course-config", self.path, self.lines.get(key), message, fix))

    def mapping_list(self, raw: dict[str, Any], key: str, required: tuple[str, ...]) -> list[dict]:
        items = raw.get(key)
        if not isinstance(items, list) or not items:
            self.fail(key, f"`{key}` must be a non-empty list", f"Add a `{key}:` list.")
            return []
        good = []
        for index, item in enumerate(items, 1):
            missing = [
                name for name in required if not isinstance(item, dict) or not item.get(name)
            ]
            if missing:
                self.fail(
                    key,
                    f"entry {index} of `{key}` lacks {', '.join(missing)}",
                    f"Give every entry of `{key}` the keys {', '.join(required)}.",
                )
            else:
                good.append(item)
        return good


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(item) for item in value if item is not None)
    return ()


def _lowered(value: Any) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _strings(value))


def _number(value: Any, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def _cues(raw: Any, reader: _Reader, section_id: str) -> Cues:
    if not isinstance(raw, dict):
        return Cues()
    groups = raw.get("cues") if isinstance(raw.get("cues"), dict) else {}
    position = str(raw.get("position", "any"))
    if position not in POSITIONS:
        reader.fail(
            "options",
            f"section `{section_id}`: content position {position!r} is not one of "
            + ", ".join(POSITIONS),
            "Use start, middle, end, between or any.",
        )
    defaults = Cues()
    return Cues(
        groups=tuple((str(name), _strings(terms)) for name, terms in groups.items()),
        required=_strings(raw.get("required")),
        scenario=bool(raw.get("scenario", False)),
        position=position,
        position_bonus=_number(raw.get("position_bonus"), defaults.position_bonus),
        scenario_cap=_number(raw.get("scenario_cap"), defaults.scenario_cap),
        min_score=_number(raw.get("min_score"), defaults.min_score),
        confirm_score=_number(raw.get("confirm_score"), defaults.confirm_score),
        evidence_score=_number(raw.get("evidence_score"), defaults.evidence_score),
        evidence_words=_number(raw.get("evidence_words"), defaults.evidence_words),
        evidence_voice=_strings(raw.get("evidence_voice")),
        aside=_lowered(raw.get("aside")),
        scenario_from_story=bool(raw.get("scenario_from_story", False)),
        story_ignores=_strings(raw.get("story_ignores")),
        spread_terms=_number(raw.get("spread_terms"), defaults.spread_terms),
        spread_sections=_number(raw.get("spread_sections"), defaults.spread_sections),
        spread_firm=_number(raw.get("spread_firm"), defaults.spread_firm),
        closing=_lowered(raw.get("closing")),
        weak=_lowered(raw.get("weak")),
    )


def _words_setting(reader: _Reader, item: dict[str, Any], key: str) -> int:
    """A section's word count setting (`min_words`, `unplaced_words`): a whole number ≥ 0,
    0 when absent; anything else is a course-config error naming the section."""
    value = item.get(key)
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    reader.fail(
        "options",
        f"section `{item['id']}`: `{key}` is not a whole number of words: {value!r}",
        f"Write `{key}: 120` (a whole number, 0 for none).",
    )
    return 0


def _section(item: dict[str, Any], reader: _Reader) -> Section:
    headings = item.get("headings", item.get("keywords"))
    return Section(
        id=str(item["id"]),
        name=str(item.get("name", item["id"])),
        keywords=tuple(word.casefold() for word in _strings(headings)),
        min_words=_words_setting(reader, item, "min_words"),
        rubric=item.get("rubric"),
        scenario_required=bool(item.get("scenario_required", False)),
        scenario_voice=_lowered(item.get("scenario_voice")),
        scenario_hypothetical=_lowered(item.get("scenario_hypothetical")),
        scenario_aside=_lowered(item.get("scenario_aside")),
        hints=tuple(word.casefold() for word in _strings(item.get("hints"))),
        cues=_cues(item.get("content"), reader, str(item["id"])),
        min_words_blocking=bool(item.get("min_words_blocking", False)),
        negated_by=tuple(word.casefold() for word in _strings(item.get("negated_by"))),
        remedied_by=tuple(word.casefold() for word in _strings(item.get("remedied_by"))),
        praised_by=tuple(word.casefold() for word in _strings(item.get("praised_by"))),
        unplaced_words=_words_setting(reader, item, "unplaced_words"),
    )


def _day(reader: _Reader, item: dict[str, Any], key: str) -> date | None:
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


def _semester(reader: _Reader, item: dict[str, Any]) -> Semester:
    """One `semesters` entry: id, label, and optional `start`/`end` dates."""
    start, end = _day(reader, item, "start"), _day(reader, item, "end")
    if start is not None and end is not None and end < start:
        reader.fail(
            "semesters",
            f"semester {item['id']} ends ({end}) before it starts ({start})",
            "Swap or correct `start` and `end`.",
        )
    return Semester(str(item["id"]), str(item.get("label", item["id"])), start, end)


def parse_course(text: str, path: str = "content/course.yaml") -> Course:
    """Build a Course from YAML text; raise ContentError naming every problem found."""
    raw = yamlsafe.load_data(text, path, "course-config")
    if not isinstance(raw, dict):
        raise ContentError(
            [error("course-config", path, 1, "the course file must be a mapping", "See docs.")]
        )
    reader = _Reader(path, text)
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
    for item in reader.mapping_list(raw, "options", ("id",)):
        sections = tuple(
            _section(s, reader)
            for s in item.get("required_sections") or []
            if isinstance(s, dict) and s.get("id")
        )
        options.append(
            Option(
                id=str(item["id"]),
                name=str(item.get("name", item["id"])),
                sections=sections,
                scenario_keywords=tuple(
                    w.casefold() for w in _strings(item.get("scenario_keywords"))
                ),
                needs_tool=bool(item.get("needs_tool", True)),
                supplementary=tuple(w.casefold() for w in _strings(item.get("supplementary"))),
            )
        )
    rubric = [
        RubricLine(
            str(r["id"]), int(r.get("points", 0)), str(r.get("text", "")), bool(r.get("bonus"))
        )
        for r in reader.mapping_list(raw, "rubric", ("id",))
    ]
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
