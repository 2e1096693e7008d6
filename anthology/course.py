"""The course configuration (`content/course.yaml`): rules as data, not code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlsafe
from .findings import ContentError, error
from .plaintext import text_problem


@dataclass(frozen=True)
class Semester:
    id: str
    label: str


@dataclass(frozen=True)
class Category:
    id: str
    name: str


@dataclass(frozen=True)
class Section:
    """A section an option requires, detected from headings by keyword."""

    id: str
    name: str
    keywords: tuple[str, ...]
    min_words: int = 0
    rubric: str | None = None
    scenario_required: bool = False


@dataclass(frozen=True)
class Option:
    """One way to do the assignment (e.g. "explore a tool"), with its sections."""

    id: str
    name: str
    sections: tuple[Section, ...]
    scenario_keywords: tuple[str, ...] = ()
    needs_tool: bool = True


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


def _section(item: dict[str, Any]) -> Section:
    return Section(
        id=str(item["id"]),
        name=str(item.get("name", item["id"])),
        keywords=tuple(word.casefold() for word in _strings(item.get("keywords"))),
        min_words=int(item.get("min_words", 0) or 0),
        rubric=item.get("rubric"),
        scenario_required=bool(item.get("scenario_required", False)),
    )


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
    semesters = [
        Semester(str(s["id"]), str(s.get("label", s["id"])))
        for s in reader.mapping_list(raw, "semesters", ("id",))
    ]
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
                "Write it as plain text: no `<`, `>`, quotes, backticks or control characters.",
            )
    options = []
    for item in reader.mapping_list(raw, "options", ("id",)):
        sections = tuple(_section(s) for s in item.get("required_sections") or [] if s.get("id"))
        options.append(
            Option(
                id=str(item["id"]),
                name=str(item.get("name", item["id"])),
                sections=sections,
                scenario_keywords=tuple(
                    w.casefold() for w in _strings(item.get("scenario_keywords"))
                ),
                needs_tool=bool(item.get("needs_tool", True)),
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
