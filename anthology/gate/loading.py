"""Load what a check needs: the files under check in full, other posts only when related."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .. import corpus as corpus_module
from ..comments import COMMENTS_DIR
from ..corpus import ContentPaths
from ..course import Course
from ..files import read_text
from ..model import ParsedPost, Post, parse_post
from ..prior import PriorPost, load_catalog
from ..tools import ToolRegistry
from .context import (
    ANNOUNCEMENT,
    BROKEN,
    COMMENT,
    PAGE,
    STUB,
    TOOL_POST,
    UNREADABLE,
    GateContext,
    History,
    PostContext,
)
from .engine import internal_error
from .index import glimpse, title_key
from .parallel import fork_map

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug_key(slug: str) -> str:
    return _NOT_SLUG.sub("-", slug.lower()).strip("-")


class Loader:
    """Reads files once, shows them as `content/...` paths, and never raises on content."""

    def __init__(self, paths: ContentPaths, course: Course, registry: ToolRegistry):
        self.paths = paths
        self.course = course
        self.registry = registry
        self.root = paths.root.resolve()
        self.pages_prefix = str(self.root / corpus_module.PAGES_DIR) + os.sep
        self.comments_prefix = str(self.root / COMMENTS_DIR) + os.sep
        self.max_bytes = int(course.setting("limits", "max_post_bytes", default=200_000))

    def canonical(self, file: Path) -> Path:
        """Absolute path; files found under the content root are not resolved again (fast)."""
        if not file.is_absolute() or ".." in file.parts or file.is_symlink():
            return file.resolve()
        try:
            return self.root / file.relative_to(self.paths.root)
        except ValueError:
            return file.resolve()

    def shown(self, file: Path) -> str:
        try:
            return file.relative_to(self.root.parent).as_posix()
        except ValueError:
            return file.as_posix()

    def read(self, file: Path) -> tuple[str, str | None, ParsedPost | None]:
        shown = self.shown(file)
        text_file = read_text(file, shown, self.max_bytes)
        if text_file.text is None:
            finding = text_file.finding
            return shown, None, ParsedPost(None, [finding] if finding else [])
        if self.is_page(file) or self.is_comment(file):
            return shown, text_file.text, None
        try:
            parsed = parse_post(shown, text_file.text, self.course, self.registry)
        except Exception as exc:
            parsed = ParsedPost(None, [internal_error(shown, "front matter", exc)])
        return shown, text_file.text, parsed

    def is_page(self, file: Path) -> bool:
        return str(file).startswith(self.pages_prefix)

    def is_comment(self, file: Path) -> bool:
        return str(file).startswith(self.comments_prefix)


def kind_of(text: str | None, parsed: ParsedPost | None, page: bool, comment: bool = False) -> str:
    if text is None:
        return UNREADABLE
    if comment:
        return COMMENT
    if page:
        return PAGE
    post = parsed.post if parsed else None
    if post is None:
        return BROKEN
    if post.status == "claimed":
        return STUB
    return ANNOUNCEMENT if post.is_announcement else TOOL_POST


def load(
    paths: ContentPaths,
    course: Course,
    registry: ToolRegistry,
    targets: list[Path],
    *,
    in_pull_request: frozenset[Path] = frozenset(),
    use_git: bool = True,
    base: str | None = None,
    prior: list[PriorPost] | None = None,
    origins: dict[Path, Path] | None = None,
    placed: frozenset[Path] = frozenset(),
) -> tuple[GateContext, list[PostContext]]:
    """Contexts for `targets`; the corpus around them holds every post they relate to.

    `base` is the branch the claims' order is read from (default: the current branch);
    `origins` maps files a pull request renamed to their names on it. `prior` is the
    catalog to use (default: the content folder's). `placed` are the posts a student's pull
    request puts into a semester folder. Raises ContentError when the prior catalog is
    unusable (a configuration problem).
    """
    loader = Loader(paths, course, registry)
    if prior is None:
        prior = load_catalog(paths.prior, registry, paths.root.parent)
    history = History(paths.root, use_git, base, origins or {})
    gate = GateContext(paths, course, registry, [], prior, history, in_pull_request, placed=placed)
    files = list(dict.fromkeys(loader.canonical(target) for target in targets))
    seen = set(files)
    contexts: list[PostContext] = []
    for file, (shown, text, parsed) in zip(files, fork_map(loader.read, files), strict=True):
        kind = kind_of(text, parsed, loader.is_page(file), loader.is_comment(file))
        contexts.append(PostContext(gate, file, shown, text, parsed, kind))
    posts = [ctx.post for ctx in contexts if ctx.post is not None]
    tools = frozenset().union(*(post.tool_key for post in posts))
    slugs = {_slug_key(post.slug) for post in posts} | _comment_targets(contexts)
    titles = {title_key(post.title) for post in posts}
    posts += _related(loader, tools, slugs, seen, titles)
    gate.posts = sorted(posts, key=lambda post: post.path)
    return gate, contexts


def load_around(
    paths: ContentPaths, course: Course, registry: ToolRegistry, tools: frozenset[str]
) -> GateContext:
    """A context holding every post that covers one of `tools` (e.g. for a new claim)."""
    loader = Loader(paths, course, registry)
    prior = load_catalog(paths.prior, registry, paths.root.parent)
    posts = _related(loader, tools, set(), set())
    return GateContext(
        paths,
        course,
        registry,
        sorted(posts, key=lambda post: post.path),
        prior,
        History(paths.root),
    )


def _comment_targets(contexts: list[PostContext]) -> set[str]:
    """Slug keys of the posts that the comments under check discuss."""
    targets = set()
    for ctx in contexts:
        parsed = ctx.comment
        if parsed is not None and parsed.comment is not None:
            targets.add(_slug_key(parsed.comment.post))
    return targets


def _related(
    loader: Loader,
    tools: frozenset[str],
    slugs: set[str],
    seen: set[Path],
    titles: set[str] | None = None,
) -> list[Post]:
    """Posts not under check that share a tool, a slug or a title with one that is."""
    related: list[Post] = []
    for file in _post_files(loader.root / corpus_module.POSTS_DIR):
        if file in seen:
            continue
        look = glimpse(file, loader.registry)
        if (
            look.tool_slugs is not None
            and not look.tool_slugs & tools
            and (look.slug is not None and _slug_key(look.slug) not in slugs)
            and (titles is None or (look.title is not None and title_key(look.title) not in titles))
        ):
            continue
        _shown, _text, parsed = loader.read(file)
        if parsed is not None and parsed.post is not None:
            related.append(parsed.post)
    return related


def _post_files(folder: Path) -> list[Path]:
    """Like corpus.post_files, with one directory scan per folder and no stat per file."""
    found = []
    for parent, _dirs, names in os.walk(folder):
        found.extend(Path(parent, name) for name in names if name.endswith(".md"))
    return sorted(found)
