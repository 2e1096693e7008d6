"""Comments: one Markdown file per comment, rendered under the post it discusses.

A comment lives at `content/comments/<post-slug>/<author-id>.md` (any name works; the
front matter is what counts) and says who wrote it, on which post, and when.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import frontmatter, yamlsafe
from .course import Course
from .files import read_text
from .findings import Finding, error
from .model import Author, parse_date
from .plaintext import text_problem

COMMENTS_DIR = "comments"
FIELDS: dict[str, str] = {
    "author": "The commenter: `name` and course `id`.",
    "post": "The URL name (slug) of the post the comment discusses.",
    "date": "When the comment was written, YYYY-MM-DD (a time HH:MM may follow).",
    "title": "An optional one-line title.",
}


@dataclass
class Comment:
    """One reader's comment on one post."""

    path: str
    author: Author
    post: str
    date: datetime
    body: str
    body_line: int
    title: str | None = None
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)


@dataclass
class ParsedComment:
    comment: Comment | None
    findings: list[Finding]


def _fail(path: str, line: int | None, rule: str, message: str, fix: str) -> ParsedComment:
    return ParsedComment(None, [error(rule, path, line, message, fix)])


def parse_comment(path: str, text: str) -> ParsedComment:
    """Validate a comment's front matter; return the Comment (when usable) and findings."""
    doc = frontmatter.split(text)
    if doc.front_matter is None or not doc.closed:
        return _fail(
            path,
            1,
            "comment-front-matter",
            "the comment has no closed front matter",
            "Start with `---`, the fields author, post and date, then `---`.",
        )
    try:
        raw = yamlsafe.load(doc.front_matter, doc.front_matter_line) or {}
    except yamlsafe.YamlProblem as problem:
        return _fail(
            path, problem.line, "comment-front-matter", problem.message, "Fix the YAML syntax."
        )
    if not isinstance(raw, dict):
        return _fail(
            path,
            doc.front_matter_line,
            "comment-front-matter",
            "the front matter must be `key: value` lines",
            "Write one field a line.",
        )
    lines = yamlsafe.top_level_key_lines(doc.front_matter, doc.front_matter_line)
    findings: list[Finding] = []

    def problem(key: str, message: str, fix: str) -> None:
        findings.append(error("comment-front-matter", path, lines.get(key, 1), message, fix))

    for key in raw:
        if str(key) not in FIELDS:
            close = difflib.get_close_matches(str(key), list(FIELDS), n=1, cutoff=0.6)
            problem(
                str(key),
                f"unknown key `{key}`",
                f"Did you mean `{close[0]}`?" if close else "Use: " + ", ".join(FIELDS),
            )
    for key in ("author", "post", "date"):
        if raw.get(key) in (None, ""):
            problem(key, f"required field `{key}` is missing", f"Add `{key}:` — {FIELDS[key]}")
    author = raw.get("author")
    if author is not None and not (
        isinstance(author, dict) and author.get("name") and author.get("id")
    ):
        problem(
            "author",
            "`author` needs `name` and `id`",
            "Write `author: {name: Your Name, id: yourid}`.",
        )
    if isinstance(author, dict):
        for part in ("name", "id"):
            trouble = text_problem(str(author.get(part) or ""))
            if trouble:
                problem(
                    "author",
                    f"the author {part} {str(author[part])!r} {trouble}",
                    'Write it as plain text: no `<`, `>`, `"`, backticks or control characters.',
                )
    when = parse_date(raw["date"]) if raw.get("date") is not None else None
    if raw.get("date") is not None and when is None:
        problem("date", f"`date` is not a valid date: {raw['date']!r}", "Write YYYY-MM-DD.")
    if findings:
        return ParsedComment(None, findings)
    assert isinstance(author, dict) and when is not None
    comment = Comment(
        path=path,
        author=Author(str(author["name"]).strip(), str(author["id"]).strip()),
        post=str(raw["post"]).strip().strip("/").rsplit("/", 1)[-1].removesuffix(".md"),
        date=when,
        body=doc.body,
        body_line=doc.body_line,
        title=str(raw["title"]).strip() if raw.get("title") else None,
        key_lines=lines,
    )
    return ParsedComment(comment, [])


def comment_files(root: Path) -> list[Path]:
    folder = root / COMMENTS_DIR
    return sorted(p for p in folder.rglob("*.md") if p.is_file()) if folder.is_dir() else []


def read_comment(path: Path, shown: str, course: Course) -> ParsedComment:
    max_bytes = int(course.setting("limits", "max_post_bytes", default=200_000))
    text_file = read_text(path, shown, max_bytes)
    if text_file.text is None:
        assert text_file.finding is not None
        return ParsedComment(None, [text_file.finding])
    return parse_comment(shown, text_file.text)
