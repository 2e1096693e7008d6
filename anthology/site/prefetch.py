"""Work started as soon as a build starts reading: the corpus, and social cards drawn beside.

A cold build used to read every post's front matter twice (Pelican's reader, then the
corpus for the plugin's pages) and to draw all social cards in one block after reading,
with the main process waiting. Now, when the reader is set up (after the settings and
the content tree are checked), the corpus is loaded once, front matter only; the reader
takes each post's parsed front matter from it (and only reads the body again), the
generator uses it as is, and the cards of the posts it will publish are drawn in worker
processes while Pelican reads and renders. Cards not ready when they are needed are
placed at the end of the build (`BackgroundCards.finish`).
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import Any

from ..corpus import ContentPaths, Corpus, load_corpus, read_post
from ..course import Course
from ..files import read_text
from ..findings import ContentError
from ..frontmatter import split
from ..model import ParsedPost
from ..parse_cache import ParseCache
from .images import BackgroundCards, post_card_text
from .settings import plugin_settings


@dataclasses.dataclass
class _Build:
    started: bool = False
    corpus: Corpus | None = None
    parsed: ParseCache | None = None
    cards: BackgroundCards | None = None


_lock = threading.Lock()
_builds: dict[str, _Build] = {}


def _key(settings: dict[str, Any]) -> str:
    return str(Path(settings.get("OUTPUT_PATH") or "output").absolute())


def parse_cache_file(settings: dict[str, Any]) -> Path | None:
    """Where parsed front matter is remembered between builds (with Pelican's own cache)."""
    if not settings.get("CACHE_CONTENT") or not settings.get("LOAD_CONTENT_CACHE"):
        return None
    return Path(settings["CACHE_PATH"]) / "anthology-posts.pickle"


def reset(settings: dict[str, Any]) -> None:
    """A new build into OUTPUT_PATH begins: forget the last one's (stop its workers)."""
    with _lock:
        old = _builds.pop(_key(settings), None)
        _builds[_key(settings)] = _Build()
    if old is not None and old.cards is not None:
        old.cards.cancel()


def start(settings: dict[str, Any]) -> None:
    """Load the corpus and start drawing cards, once per build (the reader is being set up;
    the settings and the content tree have been checked)."""
    with _lock:
        build = _builds.setdefault(_key(settings), _Build())
        if build.started:
            return
        build.started = True
    root = Path(settings["PATH"])
    paths = ContentPaths(root)
    build.parsed = ParseCache(parse_cache_file(settings), paths.course, paths.tools)
    try:
        build.corpus = load_corpus(root, keep_bodies=False, cache=build.parsed)
    except ContentError:
        return  # the generator loads it again and reports the problem
    options = plugin_settings(settings)
    if options["SOCIAL_CARDS"]:
        shown = {"published", "draft"} if options["SHOW_DRAFTS"] else {"published"}
        course = build.corpus.course
        texts = [post_card_text(p, course) for p in build.corpus.posts if p.status in shown]
        build.cards = BackgroundCards(settings, texts)


def finish(settings: dict[str, Any]) -> None:
    """The build is over: let its corpus go (its card workers are done)."""
    with _lock:
        build = _builds.pop(_key(settings), None)
    if build is not None and build.cards is not None:
        build.cards.cancel()


def _current(settings: dict[str, Any]) -> _Build | None:
    with _lock:
        return _builds.get(_key(settings))


def corpus(settings: dict[str, Any]) -> Corpus | None:
    """This build's corpus, if it was loaded when reading started."""
    build = _current(settings)
    return build.corpus if build is not None else None


def cards(settings: dict[str, Any]) -> BackgroundCards | None:
    build = _current(settings)
    return build.cards if build is not None else None


def read(
    settings: dict[str, Any], path: Path, paths: ContentPaths, course: Course, registry: Any
) -> ParsedPost:
    """`corpus.read_post`, taking the front matter parsed when reading started if the file
    is unchanged since (size and modification time): only the body is split off again."""
    build = _current(settings)
    cached = build.parsed.get(path) if build is not None and build.parsed else None
    if cached is None or cached.post is None:
        return read_post(path, paths, course, registry)
    max_bytes = int(course.setting("limits", "max_post_bytes", default=200_000))
    text_file = read_text(path, paths.shown(path), max_bytes)
    if text_file.text is None:
        return read_post(path, paths, course, registry)
    post = dataclasses.replace(cached.post, body=split(text_file.text).body)
    return ParsedPost(post, cached.findings)
