"""Load a whole content folder into one Corpus: course, tools, posts, pages, prior posts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .comments import Comment, comment_files, read_comment
from .course import Course, load_course
from .files import read_text
from .findings import ContentError, Finding
from .linkrot.status import STATUS_FILE, dead_links, load_link_status
from .model import ParsedPost, Post, parse_post
from .parse_cache import ParseCache
from .prior import PriorPost, load_catalog
from .tools import ToolRegistry, load_registry

POSTS_DIR = "posts"
PAGES_DIR = "pages"
PRIOR_DIR = "prior"


@dataclass(frozen=True)
class ContentPaths:
    """Where each kind of content lives under the content root."""

    root: Path

    @property
    def course(self) -> Path:
        return self.root / "course.yaml"

    @property
    def tools(self) -> Path:
        return self.root / "tools.yaml"

    @property
    def posts(self) -> Path:
        return self.root / POSTS_DIR

    @property
    def pages(self) -> Path:
        return self.root / PAGES_DIR

    @property
    def prior(self) -> Path:
        return self.root / PRIOR_DIR

    def shown(self, path: Path) -> str:
        """The path as users see it in messages: relative to the content root's parent."""
        try:
            return path.resolve().relative_to(self.root.resolve().parent).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass
class Corpus:
    """Everything the anthology knows, loaded once and shared by gate, build and report."""

    paths: ContentPaths
    course: Course
    registry: ToolRegistry
    posts: list[Post] = field(default_factory=list)
    prior: list[PriorPost] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    parsed: dict[str, ParsedPost] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    @property
    def published(self) -> list[Post]:
        return [post for post in self.posts if post.is_public]


def load_config(root: Path) -> tuple[ContentPaths, Course, ToolRegistry]:
    """The course and the tool registry; raises ContentError when either is unusable."""
    paths = ContentPaths(root)
    course = load_course(paths.course)
    registry = load_registry(paths.tools)
    return paths, course, registry


def post_files(paths: ContentPaths) -> list[Path]:
    """Every post file, in a stable order."""
    if not paths.posts.is_dir():
        return []
    return sorted(p for p in paths.posts.rglob("*.md") if p.is_file())


def read_post(
    path: Path, paths: ContentPaths, course: Course, registry: ToolRegistry
) -> ParsedPost:
    """Read and validate one post file."""
    shown = paths.shown(path)
    max_bytes = int(course.setting("limits", "max_post_bytes", default=200_000))
    text_file = read_text(path, shown, max_bytes)
    if text_file.text is None:
        assert text_file.finding is not None
        return ParsedPost(None, [text_file.finding])
    return parse_post(shown, text_file.text, course, registry)


def load_corpus(
    root: Path,
    *,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    keep_bodies: bool = True,
    cache_file: Path | None = None,
    cache: ParseCache | None = None,
) -> Corpus:
    """Load everything under `root`; per-post problems are findings, config problems raise.

    `keep_bodies=False` drops each post's Markdown body once read (the site build renders
    bodies through Pelican and needs only the front matter here; at 5,000 posts that saves
    tens of megabytes). With `cache_file` (only without bodies), parse results are
    remembered there between runs (see `parse_cache`); or pass the `cache` itself.
    """
    paths, course, registry = load_config(root)
    corpus = Corpus(paths, course, registry)
    status_file = paths.root / STATUS_FILE
    dead = dead_links(load_link_status(status_file, paths.shown(status_file)))
    corpus.prior = load_catalog(paths.prior, registry, root.parent, dead)
    files = post_files(paths)
    if keep_bodies:
        cache = None
    elif cache is None and cache_file is not None:
        cache = ParseCache(cache_file, paths.course, paths.tools)
    for path in progress(files) if progress else files:
        parsed = cache.get(path) if cache is not None else None
        if parsed is None:
            parsed = read_post(path, paths, course, registry)
            if parsed.post is not None and not keep_bodies:
                parsed.post.body = ""
            if cache is not None:
                cache.put(path, parsed)
        corpus.parsed[parsed.post.path if parsed.post else paths.shown(path)] = parsed
        corpus.findings.extend(parsed.findings)
        if parsed.post is not None:
            if not keep_bodies:
                parsed.post.body = ""
            corpus.posts.append(parsed.post)
    if cache is not None:
        cache.save()
    _check_unique_slugs(corpus)
    for path in comment_files(root):
        parsed_comment = read_comment(path, paths.shown(path), course)
        corpus.findings.extend(parsed_comment.findings)
        if parsed_comment.comment is not None:
            corpus.comments.append(parsed_comment.comment)
    return corpus


def _check_unique_slugs(corpus: Corpus) -> None:
    from .findings import error

    seen: dict[str, Post] = {}
    for post in corpus.posts:
        other = seen.get(post.slug)
        if other is not None:
            corpus.findings.append(
                error(
                    "post-slug-duplicate",
                    post.path,
                    post.line_of("slug"),
                    f"the URL name {post.slug!r} is already used by {other.path}",
                    "Rename the file or set a different `slug:`.",
                )
            )
        seen.setdefault(post.slug, post)


__all__ = [
    "ContentError",
    "ContentPaths",
    "Corpus",
    "load_config",
    "load_corpus",
    "post_files",
    "read_post",
]
