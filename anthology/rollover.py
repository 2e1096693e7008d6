"""Start a new semester: make it current, keep published posts, drop stale claims and drafts.

course.yaml is edited as text, so its comments stay; the edited text is parsed before it
is written (atomically), and stale posts are removed only once it is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import yamlsafe
from .corpus import load_config, load_corpus
from .course import Course, Semester, parse_course
from .findings import ContentError
from .importer import write_atomically

STALE_STATUSES = ("claimed", "draft")
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
_SEASON_ID = re.compile(r"^([SF])(\d{4})$")
_SEASONS = {"S": "Spring", "F": "Fall"}
_SEMESTER_LINE = re.compile(
    r"^semester:[ \t]*(?P<value>[^#\s][^#\n]*?)[ \t]*(?P<comment>#.*)?$", re.M
)
_SEMESTERS_KEY = re.compile(r"^semesters:[ \t]*(?:#.*)?$", re.M)
_ITEM = re.compile(r"^(?P<indent>[ \t]*)-[ \t]+(?P<rest>.*)$")


class RolloverError(Exception):
    """The rollover cannot be done; nothing was changed."""


@dataclass
class RolloverPlan:
    """What a rollover will change."""

    course_file: Path
    current: str
    next: Semester
    course_text: str
    posts_dir: Path
    stale: list[tuple[Path, str]] = field(default_factory=list)
    broken: list[Path] = field(default_factory=list)


def default_label(semester_id: str) -> str:
    """ "Spring 2027" for S2027, "Fall 2027" for F2027, else the id itself."""
    match = _SEASON_ID.match(semester_id)
    return f"{_SEASONS[match.group(1)]} {match.group(2)}" if match else semester_id


def _plain_or_quoted(value: str) -> str:
    """`value` as a YAML scalar: plain when that reads back as the same text."""
    try:
        if yamlsafe.load(f"key: {value}") == {"key": value}:
            return value
    except yamlsafe.YamlProblem:
        pass
    return json.dumps(value, ensure_ascii=False)


def _unexpected(shown: str, what: str) -> RolloverError:
    return RolloverError(
        f"{shown}: {what}; edit the file by hand (set `semester:` and add the new semester "
        "to `semesters:`), or restore the usual layout and run the rollover again"
    )


def _semesters_insert(lines: list[str], shown: str, new: Semester) -> list[str]:
    """Lines with `new` appended to the block list under `semesters:`."""
    keys = [i for i, line in enumerate(lines) if _SEMESTERS_KEY.match(line)]
    if len(keys) != 1:
        raise _unexpected(shown, "expected one `semesters:` key followed by a block list")
    last = keys[0]
    first_item: re.Match[str] | None = None
    for index in range(keys[0] + 1, len(lines)):
        line = lines[index]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace() and not line.startswith("-"):
            break
        first_item = first_item or _ITEM.match(line)
        last = index
    if first_item is None:
        raise _unexpected(shown, "`semesters:` is not followed by a block list (`- id: ...`)")
    indent, rest = first_item.group("indent"), first_item.group("rest")
    new_id = _plain_or_quoted(new.id)
    if rest.startswith("{"):
        label = json.dumps(new.label, ensure_ascii=False)
        added = [f"{indent}- {{id: {new_id}, label: {label}}}"]
    elif rest.startswith("id:"):
        added = [f"{indent}- id: {new_id}", f"{indent}  label: {_plain_or_quoted(new.label)}"]
    else:
        raise _unexpected(shown, "the entries of `semesters:` do not start with `id:`")
    return lines[: last + 1] + added + lines[last + 1 :]


def edit_course_text(text: str, shown: str, new: Semester) -> str:
    """The course file with `new` as current semester, appended to `semesters:`."""
    matches = list(_SEMESTER_LINE.finditer(text))
    if len(matches) != 1:
        raise _unexpected(shown, "expected one top-level `semester:` line")
    match = matches[0]
    comment = f"  {match.group('comment')}" if match.group("comment") else ""
    line = f"semester: {_plain_or_quoted(new.id)}{comment}"
    text = text[: match.start()] + line + text[match.end() :]
    ending = "\n" if text.endswith("\n") else ""
    return "\n".join(_semesters_insert(text.splitlines(), shown, new)) + ending


def _validate(text: str, shown: str, before: Course, new: Semester) -> None:
    try:
        after = parse_course(text, shown)
    except ContentError as exc:
        raise _unexpected(shown, f"the edited file would not load ({exc})") from None
    if after.semester != new.id or after.semesters != (*before.semesters, new):
        raise _unexpected(shown, "the edit did not give the expected semesters")


def _check_pattern(pattern: object, next_id: str, shown: str, known: list[str]) -> None:
    """Refuse an id that does not look like the course's semester ids."""
    if pattern is None:
        return
    try:
        matches = re.fullmatch(str(pattern), next_id) is not None
    except re.error as exc:
        raise RolloverError(
            f"{shown}: `semester_pattern` {pattern!r} is not a valid regular expression ({exc})"
        ) from None
    if not matches:
        raise RolloverError(
            f"--to {next_id!r} does not match the course's semester ids (`semester_pattern: "
            f"{pattern}` in {shown}; known: {', '.join(known)}); nothing was changed. "
            "Check for a typo, or change the pattern if the course names semesters differently."
        )


def plan_rollover(root: Path, next_id: str, label: str | None = None) -> RolloverPlan:
    """Check everything and work out the changes; raise RolloverError when impossible."""
    if not _SAFE_ID.match(next_id):
        raise RolloverError(
            f"--to {next_id!r}: a semester id must be letters, digits, `-` or `_` "
            "(it names the folder content/posts/<id>), e.g. --to S2027"
        )
    paths, course, _registry = load_config(root)
    shown = paths.shown(paths.course)
    known = [s.id for s in course.semesters]
    _check_pattern(course.setting("semester_pattern"), next_id, shown, known)
    if next_id in known:
        raise RolloverError(
            f"{shown}: semester {next_id} already exists (known: {', '.join(known)}; current: "
            f"{course.semester}); roll over to a new id, nothing was changed"
        )
    new = Semester(next_id, (label or "").strip() or default_label(next_id))
    text = paths.course.read_text(encoding="utf-8")
    new_text = edit_course_text(text, shown, new)
    _validate(new_text, shown, course, new)
    plan = RolloverPlan(paths.course, course.semester, new, new_text, paths.posts / next_id)
    if plan.posts_dir.exists() and not plan.posts_dir.is_dir():
        raise RolloverError(f"{paths.shown(plan.posts_dir)} exists but is not a folder")
    unpinned: list[str] = []
    corpus = load_corpus(root)
    base = root.resolve().parent
    current_dir = (paths.posts / course.semester).resolve()
    for shown_path, parsed in sorted(corpus.parsed.items()):
        post = parsed.post
        if post is None:
            if (base / shown_path).resolve().parent == current_dir:
                plan.broken.append(base / shown_path)
        elif post.semester == course.semester and post.status in STALE_STATUSES:
            plan.stale.append((base / post.path, post.status))
        elif post.line_of("semester") is None:
            unpinned.append(post.path)
    if unpinned:
        raise RolloverError(
            f"{', '.join(unpinned)}: no `semester:` in the front matter, so the post would "
            f"move to {next_id}; add `semester: {course.semester}` to each, then run again"
        )
    return plan


def apply_rollover(plan: RolloverPlan, base: Path, out: TextIO, dry_run: bool = False) -> None:
    """Make the changes, printing each once done (with `dry_run`, only print them).

    Order matters: the new folder, then course.yaml (atomically), and only then the removals.
    """
    would = "would " if dry_run else ""

    def show(path: Path) -> str:
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    for path in plan.broken:
        print(f"note: {show(path)} has errors and is left in place; fix or remove it", file=out)
    if not dry_run:
        plan.posts_dir.mkdir(parents=True, exist_ok=True)
        if not any(plan.posts_dir.iterdir()):
            (plan.posts_dir / ".gitkeep").touch()  # so git keeps the empty folder
    print(f"{'would create' if dry_run else 'created'} {show(plan.posts_dir)}/", file=out)
    if not dry_run:
        write_atomically(plan.course_file, plan.course_text)
    print(
        f"{show(plan.course_file)}: {would}set the current semester to {plan.next.id} "
        f"({plan.next.label}), after {plan.current}",
        file=out,
    )
    for path, status in plan.stale:
        if not dry_run:
            path.unlink(missing_ok=True)
        print(
            f"{'would remove' if dry_run else 'removed'} {show(path)} ({status}, never published)",
            file=out,
        )
