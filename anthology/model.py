"""Posts: read a Markdown file with YAML front matter into a validated Post.

This is the one place that decides what a post says. The gate, the Pelican build and the
report all go through :func:`parse_post`, so they cannot disagree.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

from . import frontmatter, yamlsafe
from .course import Category, Course
from .findings import Finding, error, warning
from .plaintext import PLAIN_NAME_FIX, text_problem, url_problem
from .schema import FIELD_NAMES, FIELDS, STATUSES
from .tools import Tool, ToolRegistry

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")


@dataclass(frozen=True)
class Author:
    name: str
    id: str
    github: str | None = None  # GitHub account, binds the author's files to their pull requests


@dataclass
class Post:
    """One post as the anthology understands it."""

    path: str
    slug: str
    title: str
    authors: tuple[Author, ...]
    semester: str
    date: datetime
    status: str
    body: str
    body_line: int
    tools: tuple[Tool, ...] = ()
    tool_written: tuple[str, ...] = ()
    category: Category | None = None
    tags: tuple[str, ...] = ()
    option: str | None = None
    previously_covered: bool = False
    added_value: str | None = None
    evidence: tuple[str, ...] = ()
    format: str = "article"
    media_url: str | None = None
    modified: datetime | None = None
    summary: str | None = None
    sections: dict[str, str] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def is_announcement(self) -> bool:
        """An ordinary post that follows no assignment option (no tool fields)."""
        return self.option is None

    @property
    def is_public(self) -> bool:
        return self.status == "published"

    @property
    def tool_key(self) -> frozenset[str]:
        """Order-insensitive identity of the tool set, for uniqueness checks."""
        return frozenset(tool.key for tool in self.tools)

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)


@dataclass
class ParsedPost:
    """The outcome of reading one file: a Post when usable, and every finding."""

    post: Post | None
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def parse_date(value: Any) -> datetime | None:
    """Accept YAML dates, datetimes and the common string forms (with or without seconds)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
    return None


def is_http_url(value: str) -> bool:
    """A plain http(s) link (see anthology.plaintext.url_problem)."""
    return url_problem(value.strip()) is None


class _Validator:
    """Collects findings while turning raw front matter into typed values."""

    def __init__(self, path: str, key_lines: dict[str, int], first_line: int):
        self.path = path
        self.key_lines = key_lines
        self.first_line = first_line
        self.findings: list[Finding] = []

    def line(self, key: str) -> int:
        return self.key_lines.get(key, self.first_line)

    def error(self, rule: str, key: str, message: str, fix: str) -> None:
        self.findings.append(error(rule, self.path, self.line(key), message, fix))

    def warn(self, rule: str, key: str, message: str, fix: str) -> None:
        self.findings.append(warning(rule, self.path, self.line(key), message, fix))

    def text(self, raw: dict[str, Any], key: str) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.error(
                "front-matter-type",
                key,
                f"`{key}` must be text, not a {'list' if isinstance(value, list) else 'mapping'}",
                f'Write `{key}: "..."` on one line.',
            )
            return None
        text = str(value).strip()
        return text or None

    def plain(self, key: str, what: str, values: tuple[str, ...] | list[str]) -> None:
        """An error for each value that is not plain text (no markup characters)."""
        for value in values:
            problem = text_problem(value)
            if problem:
                self.error(
                    "front-matter-text",
                    key,
                    f"the {what} {value!r} {problem}",
                    PLAIN_NAME_FIX,
                )

    def strings(self, raw: dict[str, Any], key: str) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return tuple(str(v).strip() for v in value if str(v).strip())
        self.error(
            "front-matter-type",
            key,
            f"`{key}` must be a list of words",
            f"Write `{key}: [first, second]`.",
        )
        return ()


def _split_and_load(
    path: str, text: str
) -> tuple[dict[str, Any] | None, frontmatter.SplitDocument, list[Finding]]:
    doc = frontmatter.split(text)
    if doc.front_matter is None:
        return (
            None,
            doc,
            [
                error(
                    "front-matter-missing",
                    path,
                    1,
                    "the file does not start with YAML front matter",
                    "Start the file with a `---` line, the fields, and another `---`.",
                )
            ],
        )
    if not doc.closed:
        return (
            None,
            doc,
            [
                error(
                    "front-matter-unclosed",
                    path,
                    1,
                    "the front matter is never closed",
                    "Add a line `---` after the last front-matter field.",
                )
            ],
        )
    try:
        raw = yamlsafe.load(doc.front_matter, doc.front_matter_line)
    except yamlsafe.YamlProblem as problem:
        duplicate = problem.kind == "duplicate-key"
        return (
            None,
            doc,
            [
                error(
                    "front-matter-duplicate-key" if duplicate else "front-matter-yaml",
                    path,
                    problem.line,
                    problem.message,
                    "Keep the key once, with the value you mean."
                    if duplicate
                    else "Fix the YAML: quote values containing `: `, `#` or a leading "
                    "`*`/`&`, and indent lists consistently.",
                )
            ],
        )
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return (
            None,
            doc,
            [
                error(
                    "front-matter-yaml",
                    path,
                    doc.front_matter_line,
                    "the front matter must be `key: value` lines",
                    "Write one `key: value` per line between the `---` lines.",
                )
            ],
        )
    return raw, doc, []


def _authors(v: _Validator, raw: dict[str, Any], max_authors: int) -> tuple[Author, ...]:
    value = raw.get("authors", raw.get("author"))
    if value is None:
        return ()
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        v.error(
            "front-matter-authors",
            "authors",
            "`authors` must be a list of {name, id}",
            "Write `authors:` then lines `  - name: Your Name` and `    id: yourid`.",
        )
        return ()
    authors: list[Author] = []
    for index, item in enumerate(value, 1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            v.error(
                "front-matter-authors",
                "authors",
                f"author {index} has no `name`",
                "Give each author `name:` and `id:`.",
            )
            continue
        author_id = str(item.get("id") or "").strip()
        if not author_id:
            v.error(
                "front-matter-authors",
                "authors",
                f"author {item['name']!r} has no course `id`",
                "Add `id: yourid` (your course id) under the author's name.",
            )
            continue
        extra = set(item) - {"name", "id", "github"}
        if extra:
            v.error(
                "front-matter-authors",
                "authors",
                f"author {item['name']!r} has unknown keys: {', '.join(sorted(map(str, extra)))}",
                "An author has only `name`, `id` and (optionally) `github`.",
            )
        github = str(item.get("github") or "").strip().removeprefix("@") or None
        if github is not None and not GITHUB_LOGIN.match(github):
            v.error(
                "front-matter-authors",
                "authors",
                f"author {item['name']!r} has {github!r} as `github`, which is not a GitHub "
                "account name",
                "Write your GitHub user name, e.g. `github: octocat`, or leave the key out.",
            )
            github = None
        authors.append(Author(str(item["name"]).strip(), author_id, github))
    if len(authors) > max_authors:
        v.error(
            "front-matter-authors",
            "authors",
            f"{len(authors)} authors; at most {max_authors} may write one post",
            "Keep one author, or two for a pair.",
        )
    if len({a.id for a in authors}) < len(authors):
        v.error(
            "front-matter-authors",
            "authors",
            "the same author id is listed twice",
            "List each author once.",
        )
    return tuple(authors)


def _check_keys(v: _Validator, raw: dict[str, Any]) -> None:
    for key in raw:
        name = str(key)
        if name in FIELD_NAMES or name == "author":
            continue
        close = difflib.get_close_matches(name.lower(), sorted(FIELD_NAMES), n=1, cutoff=0.6)
        hint = (
            f"Did you mean `{close[0]}`?"
            if close
            else ("Remove it; the fields are: " + ", ".join(s.name for s in FIELDS) + ".")
        )
        v.error("front-matter-unknown-key", name, f"unknown front-matter key `{name}`", hint)


def _tools(
    v: _Validator, raw: dict[str, Any], registry: ToolRegistry
) -> tuple[tuple[Tool, ...], tuple[str, ...]]:
    value = raw.get("tool", raw.get("tools"))
    if value is None:
        return (), ()
    if isinstance(value, str):
        written = [value]
    elif isinstance(value, list) and value and all(isinstance(x, (str, int, float)) for x in value):
        written = [str(x) for x in value]
    else:
        v.error(
            "front-matter-type",
            "tool",
            "`tool` must be a name or a list of names",
            "Write `tool: MLflow`, or `tool: [Databricks, MLflow]` for a combination.",
        )
        return (), ()
    written = [w.strip() for w in written if w.strip()]
    if not written:
        return (), ()
    resolution = registry.resolve(written if len(written) > 1 else written[0])
    tools = list(resolution.tools)
    for name in resolution.unknown:
        tools.append(registry.unregistered(name))
    return tuple(dict.fromkeys(tools)), tuple(written)


def _course_enums(
    v: _Validator, raw: dict[str, Any], course: Course, is_assignment: bool
) -> tuple[Category | None, str | None, str, str]:
    category = None
    category_text = v.text(raw, "category")
    if category_text:
        category = course.find_category(category_text)
        if category is None:
            names = ", ".join(c.id for c in course.categories)
            close = difflib.get_close_matches(
                category_text.lower(), [c.id for c in course.categories], n=1, cutoff=0.5
            )
            hint = f"Did you mean `{close[0]}`? " if close else ""
            v.error(
                "front-matter-category",
                "category",
                f"unknown category {category_text!r}",
                f"{hint}Use one of: {names}.",
            )
    option = v.text(raw, "option")
    if option is None and is_assignment and course.options:
        option = course.options[0].id
    if option is not None and course.find_option(option) is None:
        v.error(
            "front-matter-option",
            "option",
            f"unknown assignment option {option!r}",
            "Use one of: " + ", ".join(o.id for o in course.options) + ".",
        )
    status = v.text(raw, "status") or "published"
    if status not in STATUSES:
        v.error(
            "front-matter-status",
            "status",
            f"unknown status {status!r}",
            "Use one of: " + ", ".join(STATUSES) + ".",
        )
    post_format = v.text(raw, "format") or "article"
    if post_format not in course.formats:
        v.error(
            "front-matter-format",
            "format",
            f"unknown format {post_format!r}",
            "Use one of: " + ", ".join(course.formats) + ".",
        )
    return category, option, status, post_format


def _urls(v: _Validator, raw: dict[str, Any], key: str) -> tuple[str, ...]:
    values = v.strings(raw, key) if not isinstance(raw.get(key), str) else (str(raw[key]).strip(),)
    for url in values:
        problem = url_problem(url)
        if problem:
            v.error(
                "front-matter-url",
                key,
                f"`{key}` has a link that is not a plain http(s) link ({problem}): {url!r}",
                "Use a full link starting with https://, with spaces and quotes encoded.",
            )
    return tuple(u for u in values if is_http_url(u))


def _option_needs_tool(raw: dict[str, Any], course: Course) -> bool:
    """Whether the post's option (the first one when none is given) asks for a tool."""
    option_id = raw.get("option")
    if option_id is None:
        return course.options[0].needs_tool if course.options else True
    option = course.find_option(str(option_id).strip())
    return option.needs_tool if option is not None else True


def parse_post(path: str, text: str, course: Course, registry: ToolRegistry) -> ParsedPost:
    """Validate one post's front matter; return the Post (when usable) and all findings."""
    raw, doc, findings = _split_and_load(path, text)
    if raw is None:
        return ParsedPost(None, findings)
    v = _Validator(
        path,
        yamlsafe.top_level_key_lines(doc.front_matter or "", doc.front_matter_line),
        doc.front_matter_line,
    )
    _check_keys(v, raw)
    is_assignment = any(raw.get(k) is not None for k in ("tool", "tools", "option"))
    needs_tool = is_assignment and _option_needs_tool(raw, course)
    for spec in FIELDS:
        needed = (
            spec.required_for == "all"
            or (spec.required_for == "assignment" and is_assignment)
            or (spec.required_for == "tool" and needs_tool)
        )
        if (
            needed
            and (raw.get(spec.name) in (None, "", []))
            and not (spec.name == "authors" and raw.get("author"))
        ):
            v.error(
                "front-matter-required",
                spec.name,
                f"required field `{spec.name}` is missing",
                f"Add `{spec.name}:` — {spec.description}",
            )
    title = v.text(raw, "title")
    authors = _authors(v, raw, int(course.setting("max_authors", default=2)))
    tools, written = _tools(v, raw, registry)
    if is_assignment and not tools and raw.get("tool") is not None:
        v.error("front-matter-required", "tool", "`tool` is empty", "Name the tool you cover.")
    category, option, status, post_format = _course_enums(v, raw, course, is_assignment)
    semester = v.text(raw, "semester") or course.semester
    if raw.get("semester") is not None and semester not in {s.id for s in course.semesters}:
        v.error(
            "front-matter-semester",
            "semester",
            f"unknown semester {semester!r}",
            f"This semester is {course.semester}; the known ones are "
            + ", ".join(s.id for s in course.semesters)
            + ".",
        )
    folder = PurePosixPath(path).parent.name
    known_folders = {s.id for s in course.semesters}
    if folder in known_folders and semester != folder:
        v.error(
            "front-matter-semester",
            "semester",
            f"the post is in the folder of {folder} but says semester {semester!r}",
            f"Set `semester: {folder}` or move the file to the folder of {semester}.",
        )
    when = None
    if raw.get("date") is not None:
        when = parse_date(raw["date"])
        if when is None:
            v.error(
                "front-matter-date",
                "date",
                f"`date` is not a valid date: {raw['date']!r}",
                "Write the date as YYYY-MM-DD, e.g. `date: 2026-10-05`.",
            )
    modified = parse_date(raw["modified"]) if raw.get("modified") is not None else None
    if raw.get("modified") is not None and modified is None:
        v.error(
            "front-matter-date",
            "modified",
            f"`modified` is not a valid date: {raw['modified']!r}",
            "Write the date as YYYY-MM-DD.",
        )
    covered = raw.get("previously_covered", False)
    if not isinstance(covered, bool):
        v.error(
            "front-matter-type",
            "previously_covered",
            "`previously_covered` must be true or false",
            "Write `previously_covered: true` or `previously_covered: false`.",
        )
        covered = False
    evidence = _urls(v, raw, "evidence")
    media = _urls(v, raw, "media_url")
    if post_format in ("video", "podcast") and not media and raw.get("media_url") is None:
        v.error(
            "front-matter-required",
            "format",
            f"a {post_format} post needs `media_url`",
            f"Add `media_url: https://...` pointing to the {post_format}.",
        )
    sections_raw = raw.get("sections") or {}
    sections: dict[str, str] = {}
    if not isinstance(sections_raw, dict):
        v.error(
            "front-matter-type",
            "sections",
            "`sections` must map section ids to headings",
            'Write `sections:` then lines like `  problem: "Your heading"`.',
        )
    else:
        valid_ids = {s.id for o in course.options for s in o.sections}
        for key, heading in sections_raw.items():
            if str(key) not in valid_ids:
                v.error(
                    "front-matter-sections",
                    "sections",
                    f"unknown section id `{key}`",
                    "Use one of: " + ", ".join(sorted(valid_ids)) + ".",
                )
            else:
                sections[str(key)] = str(heading).strip()
    slug = v.text(raw, "slug") or PurePosixPath(path).stem.lower()
    if not _SLUG.match(slug):
        slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "post"
    tags = v.strings(raw, "tags")
    v.plain("tags", "tag", tags)
    v.plain("tool", "tool name", written)
    v.plain("authors", "author name", [a.name for a in authors])
    v.plain("authors", "author id", [a.id for a in authors])
    summary = v.text(raw, "summary")
    added_value = v.text(raw, "added_value")
    findings.extend(v.findings)
    if any(f.is_error for f in findings) or title is None or when is None:
        return ParsedPost(None, findings)
    post = Post(
        path=path,
        slug=slug,
        title=title,
        authors=authors,
        semester=semester,
        date=when,
        status=status,
        body=doc.body,
        body_line=doc.body_line,
        tools=tools,
        tool_written=written,
        category=category,
        tags=tags,
        option=option if is_assignment else None,
        previously_covered=covered,
        added_value=added_value,
        evidence=evidence,
        format=post_format,
        media_url=media[0] if media else None,
        modified=modified,
        summary=summary,
        sections=sections,
        key_lines=v.key_lines,
    )
    return ParsedPost(post, findings)
