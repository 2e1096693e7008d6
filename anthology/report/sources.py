"""What the report reads: every post with its gate findings and prose measures, the
comments, and when git says each file reached the branch."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import frontmatter, yamlsafe
from ..comments import COMMENTS_DIR, Comment
from ..corpus import Corpus, load_corpus
from ..findings import Finding
from ..gate.command import all_files
from ..gate.context import ANNOUNCEMENT, History, PostContext
from ..gate.engine import check_all
from ..gate.loading import load
from ..gate.readability import grade_level, sentences
from ..model import Author, Post


@dataclass
class PostRecord:
    """One assignment post file: the Post when usable, else the authors it names."""

    path: str
    file: Path
    kind: str
    post: Post | None
    authors: tuple[Author, ...]
    words: int
    grade: float | None


@dataclass
class Sources:
    """Everything one report is built from."""

    corpus: Corpus
    records: list[PostRecord]
    history: History
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    broken_comments: dict[str, tuple[Author, ...]] = field(default_factory=dict)

    @property
    def comments(self) -> list[Comment]:
        return self.corpus.comments

    def file_of(self, shown: str) -> Path:
        """The absolute file of a path as shown in messages (relative to the repository)."""
        return self.corpus.paths.root.resolve().parent / shown

    def added(self, shown: str) -> datetime | None:
        """When the file reached the branch (the commit or merge that first added it)."""
        return self.history.added(self.file_of(shown))


def _written_authors(text: str | None) -> tuple[Author, ...]:
    """The authors a broken post names, read as leniently as possible."""
    doc = frontmatter.split(text or "")
    if doc.front_matter is None:
        return ()
    try:
        raw: Any = yamlsafe.load(doc.front_matter, doc.front_matter_line)
    except yamlsafe.YamlProblem:
        return ()
    value = raw.get("authors", raw.get("author")) if isinstance(raw, dict) else None
    items = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
    return tuple(
        Author(str(item.get("name") or "").strip(), str(item["id"]).strip())
        for item in items
        if isinstance(item, dict) and str(item.get("id") or "").strip()
    )


def _record(ctx: PostContext) -> PostRecord:
    found = sentences(ctx.body)
    post = ctx.post
    return PostRecord(
        path=ctx.shown,
        file=ctx.file,
        kind=ctx.kind,
        post=post,
        authors=post.authors if post is not None else _written_authors(ctx.text),
        words=sum(sentence.word_count for sentence in found),
        grade=grade_level(found),
    )


def _read(file: Path) -> str | None:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def gather(root: Path, *, use_git: bool = True) -> Sources:
    """Load the content under `root` and run the gate over every post, page and comment.

    Raises ContentError when the course, the tools or the prior catalog are unusable.
    """
    corpus = load_corpus(root)
    paths = corpus.paths
    gate, contexts = load(paths, corpus.course, corpus.registry, all_files(paths), use_git=use_git)
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in check_all(contexts):
        findings[finding.path].append(finding)
    comments_prefix = paths.shown(paths.root / COMMENTS_DIR) + "/"
    usable = {comment.path for comment in corpus.comments}
    broken = {
        path: _written_authors(_read(paths.root.resolve().parent / path))
        for path in findings
        if path.startswith(comments_prefix) and path not in usable
    }
    posts_folder = paths.posts.resolve()
    records = [
        _record(ctx)
        for ctx in contexts
        if ctx.kind != ANNOUNCEMENT and ctx.file.is_relative_to(posts_folder)
    ]
    return Sources(corpus, records, gate.history, dict(findings), broken)
