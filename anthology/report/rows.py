"""One row per student of the current semester: their post, findings, comments and dates.

A student is their course id (compared ignoring case). Both authors of a pair post get a
row naming the other as partner. A student with several posts is graded on the most
advanced one (published, then draft, then claimed, then unusable; the newest first); the
others are listed. A roster adds the students who have claimed nothing yet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePosixPath

from ..comments import Comment
from ..course import Course
from ..findings import Finding, warning
from ..gate.context import STUB
from ..gate.words import count_words
from ..model import Author, Post
from . import timing
from .config import ReportConfig
from .roster import Student, student_key
from .rubric import rubric_cells, rubric_ids
from .sources import PostRecord, Sources
from .table import LINKS, NUMBER, Column, Table

NO_CLAIM, INVALID = "no claim", "invalid"
COMMENT_COUNT = "comment-count"  # a report-only rule id; maps to the comments rubric line
_STATUS_RANK = {"published": 3, "draft": 2, "claimed": 1}
_FIXED_BEFORE = (
    Column("id", "id"),
    Column("name", "name"),
    Column("partner", "partner"),
    Column("on_roster", "on roster"),
    Column("status", "status"),
    Column("title", "title"),
    Column("option", "option"),
    Column("format", "format"),
    Column("tools", "tools"),
    Column("category", "category"),
    Column("post", "post file"),
    Column("url", "post url", LINKS),
    Column("previously_covered", "previously covered"),
    Column("added_value_words", "added value words", NUMBER),
)
_FIXED_AFTER = (
    Column("errors", "errors", NUMBER),
    Column("warnings", "warnings", NUMBER),
    Column("words", "words", NUMBER),
    Column("grade_level", "grade level", NUMBER),
    Column("post_added", "post first on main"),
    Column("post_on_time", "post on time"),
    Column("post_bulk", "post added in bulk"),
    Column("comments_given", "comments given", NUMBER),
    Column("comments_given_links", "comments given links", LINKS),
    Column("comments_received", "comments received", NUMBER),
    Column("comments_received_from", "comments received from"),
    Column("comments_on_time", "comments on time"),
    Column("other_posts", "other posts"),
)


def columns(course: Course) -> list[Column]:
    """Fixed columns, then one per rubric line (named by its id), then the rest."""
    taken = {column.label for column in (*_FIXED_BEFORE, *_FIXED_AFTER)}
    rubric = [
        Column(f"rubric:{line}", line if line not in taken else f"rubric {line}")
        for line in rubric_ids(course)
    ]
    return [*_FIXED_BEFORE, *rubric, *_FIXED_AFTER]


@dataclass
class _Student:
    id: str
    name: str = ""
    on_roster: bool = False
    records: list[PostRecord] = field(default_factory=list)
    given: list[Comment] = field(default_factory=list)
    broken_given: list[str] = field(default_factory=list)


def _rank(record: PostRecord) -> tuple[int, datetime, str]:
    post = record.post
    if post is None:
        return (0, datetime.min, record.path)
    return (_STATUS_RANK.get(post.status, 0), post.date, record.path)


def _in_semester(record: PostRecord, course: Course) -> bool:
    if record.post is not None:
        return record.post.semester == course.semester
    folder = PurePosixPath(record.path).parent.name
    return folder == course.semester or folder not in {s.id for s in course.semesters}


class _Builder:
    """Collects students from posts, comments and the roster, then writes their rows."""

    def __init__(self, sources: Sources, config: ReportConfig, roster: list[Student] | None):
        self.sources = sources
        self.config = config
        self.course = sources.corpus.course
        self.roster = roster
        self.students: dict[str, _Student] = {}
        self.orphans: list[PostRecord] = []
        records = [r for r in sources.records if _in_semester(r, self.course)]
        self.posts: dict[str, Post] = {}
        for record in sources.records:
            if record.post is not None:
                self.posts.setdefault(record.post.slug, record.post)
        self.received: dict[str, list[Comment]] = defaultdict(list)
        for comment in sources.comments:
            self.received[comment.post].append(comment)
        # Posts that reached main in one commit with many others were imported, not
        # submitted: their first commit says nothing about the student's punctuality.
        self.bulk_min = int(self.course.setting("bulk_import_min_posts", default=5))
        self.per_commit = Counter(
            moment for moment in (self.added(r.path) for r in records) if moment is not None
        )
        for record in records:
            if not record.authors:
                self.orphans.append(record)
            for author in record.authors:
                self.student(author).records.append(record)
        for comment in sources.comments:
            target = self.posts.get(comment.post)
            if target is None or target.semester == self.course.semester:
                self.student(comment.author).given.append(comment)
        for path, authors in sources.broken_comments.items():
            for author in authors:
                self.student(author).broken_given.append(path)
        for entry in roster or []:
            student = self.student(Author(entry.name, entry.id))
            student.on_roster = True
            student.name = entry.name or student.name

    def student(self, author: Author) -> _Student:
        key = student_key(author.id)
        student = self.students.setdefault(key, _Student(author.id.strip()))
        student.name = student.name or author.name
        return student

    def post_url(self, slug: str) -> str:
        return f"{self.config.site_url or ''}posts/{slug}/"

    def target_link(self, comment: Comment) -> str:
        target = self.posts.get(comment.post)
        link = self.post_url(comment.post)
        if target is None:
            return f"{link} (no such post)"
        return link if target.is_public else f"{link} ({target.status})"

    def added(self, path: str) -> datetime | None:
        moment = self.sources.added(path)
        if moment is not None and moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment

    def bulk(self, added: datetime | None) -> str:
        """E.g. "yes: 12 posts in one commit" when the post came in a bulk import."""
        together = self.per_commit.get(added, 0) if added is not None else 0
        return f"yes: {together} posts in one commit" if together >= self.bulk_min else ""

    def row(self, student: _Student) -> dict[str, str]:
        row = {
            "id": student.id,
            "name": student.name,
            "on_roster": "" if self.roster is None else ("yes" if student.on_roster else "no"),
        }
        primary = max(student.records, key=_rank) if student.records else None
        found: list[Finding] = []
        if primary is None:
            row["status"] = NO_CLAIM
        else:
            row.update(self.post_cells(primary, student))
            found += self.sources.findings.get(primary.path, [])
            others = [r.path for r in student.records if r is not primary]
            row["other_posts"] = "; ".join(sorted(others))
        comment_paths = [c.path for c in student.given] + student.broken_given
        for path in comment_paths:
            found += self.sources.findings.get(path, [])
        row.update(self.comment_cells(student, primary))
        found += self.too_few_comments(student)
        if primary is not None or student.given or student.broken_given:
            post = primary.post if primary else None
            option = self.course.find_option(post.option) if post and post.option else None
            written = primary is not None and primary.kind != STUB
            cells = rubric_cells(self.course, option, found, written=written)
            row.update({f"rubric:{line}": cell for line, cell in cells.items()})
            row["errors"] = str(sum(f.is_error for f in found))
            row["warnings"] = str(sum(not f.is_error for f in found))
        return row

    def too_few_comments(self, student: _Student) -> list[Finding]:
        """A warning when the student gave fewer comments than course.yaml asks for."""
        required = int(self.course.setting("comments", "required_per_student", default=0) or 0)
        given = len(student.given)
        if given >= required:
            return []
        return [
            warning(
                COMMENT_COUNT,
                "",
                None,
                f"{given} of {required} comments given",
                "Comment on other students' published posts.",
            )
        ]

    def post_cells(self, record: PostRecord, student: _Student) -> dict[str, str]:
        partners = [a for a in record.authors if student_key(a.id) != student_key(student.id)]
        added = self.added(record.path)
        cells = {
            "partner": "; ".join(f"{a.name} ({a.id})" if a.name else a.id for a in partners),
            "post": record.path,
            "words": str(record.words),
            "grade_level": f"{record.grade:.1f}" if record.grade is not None else "",
            "post_added": timing.shown(added, self.config.timezone),
            "post_on_time": timing.punctuality(added, self.config.deadlines.get("post")),
            "post_bulk": self.bulk(added),
        }
        post = record.post
        if post is None:
            cells["status"] = INVALID
            return cells
        cells.update(
            {
                "status": post.status,
                "title": post.title,
                "option": post.option or "",
                "format": post.format,
                "tools": " + ".join(tool.name for tool in post.tools),
                "category": post.category.name if post.category else "",
                "url": self.post_url(post.slug) if post.is_public else "",
                "previously_covered": "yes" if post.previously_covered else "no",
                "added_value_words": str(count_words(post.added_value)) if post.added_value else "",
            }
        )
        return cells

    def comment_cells(self, student: _Student, primary: PostRecord | None) -> dict[str, str]:
        deadline = self.config.deadlines.get("comments")
        verdicts = [timing.punctuality(self.added(c.path), deadline) for c in student.given]
        verdicts += [timing.punctuality(self.added(p), deadline) for p in student.broken_given]
        post = primary.post if primary else None
        authors = {student_key(a.id) for a in post.authors} if post else set()
        received = [
            c
            for c in (self.received.get(post.slug, []) if post else [])
            if student_key(c.author.id) not in authors
        ]
        return {
            "comments_given": str(len(student.given)),
            "comments_given_links": "; ".join(self.target_link(c) for c in student.given),
            "comments_received": str(len(received)),
            "comments_received_from": "; ".join(sorted({c.author.id for c in received})),
            "comments_on_time": timing.summary(verdicts),
        }

    def orphan_row(self, record: PostRecord) -> dict[str, str]:
        row = {"status": INVALID, "post": record.path, "name": "(no author id in the file)"}
        cells = rubric_cells(self.course, None, self.sources.findings.get(record.path, []))
        row.update({f"rubric:{line}": cell for line, cell in cells.items()})
        return row


def status_counts(rows: list[dict[str, str]]) -> str:
    """E.g. "12 rows: 1 claimed, 2 no claim, 9 published"."""
    statuses = Counter(row.get("status", "") for row in rows)
    return f"{len(rows)} rows: " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))


def _notes(course: Course, config: ReportConfig, rows: list[dict[str, str]]) -> list[str]:
    zone = config.timezone
    deadlines = ", ".join(
        f"{kind} {timing.shown(moment, zone)}" for kind, moment in config.deadlines.items()
    )
    bulk = sum(1 for row in rows if row.get("post_bulk"))
    notes = [
        course.assignment or course.name,
        f"Deadlines ({zone}): {deadlines or 'none set in course.yaml'}; on time means the "
        "commit that first added the file to main is no later than the deadline.",
    ]
    if bulk:
        notes.append(
            f"{bulk} post(s) reached main in a bulk commit (see “post added in bulk”): "
            "their on-time verdict dates the import, not the student's submission."
        )
    return [
        *notes,
        status_counts(rows),
        "Rubric cells list the gate's rule ids (errors marked); ok means no automatic finding, "
        "n/a a line of another option. Grading is still the staff's.",
    ]


def build_table(sources: Sources, config: ReportConfig, roster: list[Student] | None) -> Table:
    """The gradebook: a row per student, sorted by course id, unusable unsigned posts last."""
    course = sources.corpus.course
    builder = _Builder(sources, config, roster)
    students = sorted(builder.students.values(), key=lambda s: (student_key(s.id), s.id))
    rows = [builder.row(student) for student in students]
    rows += [builder.orphan_row(record) for record in builder.orphans]
    title = f"{course.name}: gradebook, {course.semester_label(course.semester)}"
    return Table(title, columns(course), rows, _notes(course, config, rows))
