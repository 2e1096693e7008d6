"""`invoke livereload`: a full preview build once, then only what an edit changes.

Pelican has no incremental mode: every rebuild reads the content cache, renders every page
and writes thousands of files. While an author edits the body of one post, what changes is
that post's page and its card in the listings (home, its category, tags, authors, tools
and semester), so `LiveSite` keeps the first build's generators and, for such an edit,
re-reads just that file through the plugin's reader, renders its page, and replaces its
card in each listing that shows it. Search is not part of the preview (drafts are never
indexed), so no search entry is touched; other posts' "related" cards keep the old text.
Anything else (a new or deleted file, a changed title, date, tool, tag, category or status,
the theme, course data, comments or settings) runs the whole preview build again, which
stays the truth; `invoke build` is the full production-like build.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings
from pelican.writers import Writer

from . import card_memo
from .generator import AnthologyGenerator, BuildError
from .tools import semester_slug

logger = logging.getLogger(__name__)

PREVIEW_CACHE = "preview"  # the preview's own content cache, under CACHE_PATH
# Front matter a listing, a related list or another page shows: a change runs a full build.
SHAPE = ("title", "slug", "date", "semester", "status", "is_draft", "previously_covered")


def _shape(article: Any) -> tuple[Any, ...]:
    """What must stay equal for an edit to be a body-only edit."""
    return (
        *(getattr(article, key, None) for key in SHAPE),
        str(getattr(article, "category", "")),
        tuple(str(tag) for tag in getattr(article, "tags", [])),
        tuple(str(author) for author in getattr(article, "authors", [])),
        tuple(ref.slug for ref in getattr(article, "tools", [])),
        getattr(article, "metadata", {}).get("summary"),
    )


def _mtimes(folders: Iterable[Path]) -> dict[str, float]:
    """Modification time of every file under `folders` (absolute), hidden ones skipped."""
    found: dict[str, float] = {}
    for folder in folders:
        if folder.is_file():
            found[str(folder)] = folder.stat().st_mtime
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith("."):
                    path = os.path.join(root, name)
                    found[path] = os.stat(path).st_mtime
    return found


_CARD = re.compile(r"<article class=\"card[^\"]*\">.*?</article>", re.DOTALL)
_CARD_LEVEL = re.compile(r'<h([1-6]) class="card__title">')


def replace_card(html: str, href: str, render: Callable[[int], str]) -> str | None:
    """`html` with the card linking to `href` re-rendered, or None when it has none.

    Written by hand because nothing re-renders part of a Jinja page: a listing shows a
    post as one `<article class="card">` block (macros.html), so a body edit replaces
    that block in each listing instead of rendering hundreds of unchanged cards again.
    """
    marker = f'class="card__title"><a href="{href}"'
    found = False

    def swap(match: re.Match[str]) -> str:
        nonlocal found
        block = match.group(0)
        if marker not in block:
            return block
        found = True
        level = _CARD_LEVEL.search(block)
        return render(int(level.group(1)) if level else 3)

    patched = _CARD.sub(swap, html)
    return patched if found else None


@dataclass
class Refresh:
    """What one refresh did: "full" or "post", the files it wrote, and how long it took."""

    kind: str
    seconds: float
    written: list[str] = field(default_factory=list)
    reason: str = ""


class LiveSite:
    """The preview site: a first full build, then refreshes after each change."""

    def __init__(
        self, settings_file: str, output: Path, anthology: dict[str, Any], **overrides: Any
    ):
        self.settings_file = settings_file
        self.output = output
        self.anthology = anthology
        self.overrides = overrides
        self.generators: list[Any] = []
        self._by_source: dict[str, Any] = {}
        self.seen: dict[str, float] = {}
        self.settings: dict[str, Any] = {}

    def _watched(self) -> list[Path]:
        # Absolute (read_settings makes PATH and THEME so), as Pelican's source paths are.
        return [
            Path(self.settings["PATH"]),
            Path(self.settings["THEME"]),
            Path(self.settings_file).resolve(),
        ]

    def full(self, reason: str = "first build") -> Refresh:
        """The whole preview build; keeps its generators for later refreshes."""
        start = time.perf_counter()
        self.settings = read_settings(
            self.settings_file, override={**self.overrides, "ANTHOLOGY": self.anthology}
        )
        self.settings["OUTPUT_PATH"] = str(self.output)
        # Pelican's content cache does not know the plugin's settings: a cache written by
        # `invoke build` says drafts are skipped, and one written here says they are shown.
        self.settings["CACHE_PATH"] = os.path.join(self.settings["CACHE_PATH"], PREVIEW_CACHE)
        self.seen = _mtimes(self._watched())
        captured: list[Any] = []

        def keep(generators: list[Any]) -> None:
            captured[:] = generators

        signals.all_generators_finalized.connect(keep)
        try:
            Pelican(self.settings).run()
        finally:
            signals.all_generators_finalized.disconnect(keep)
        self.generators = captured
        self._by_source = {
            article.source_path: article for article in self._generator(ArticlesGenerator).articles
        }
        return Refresh("full", time.perf_counter() - start, reason=reason)

    def _generator(self, kind: type) -> Any:
        return next(g for g in self.generators if isinstance(g, kind))

    def changed(self) -> list[str]:
        """Files added, changed or removed since the last build or refresh."""
        now = _mtimes(self._watched())
        changed = [p for p, m in now.items() if self.seen.get(p) != m]
        changed += [p for p in self.seen if p not in now]
        self.seen = now
        return sorted(changed)

    def refresh(self) -> Refresh | None:
        """Bring the output up to date with the sources; None when nothing changed."""
        changed = self.changed()
        if not changed:
            return None
        if len(changed) == 1 and self.generators:
            quick = self._refresh_post(Path(changed[0]))
            if isinstance(quick, Refresh):
                return quick
            reason = quick
        else:
            reason = f"{len(changed)} files changed"
        return self.full(reason)

    def _refresh_post(self, path: Path) -> Refresh | str:
        """Re-read one edited post and rewrite its page and cards; else why not."""
        start = time.perf_counter()
        articles: ArticlesGenerator = self._generator(ArticlesGenerator)
        anthology: AnthologyGenerator = self._generator(AnthologyGenerator)
        old = self._by_source.get(str(path))
        if old is None or not path.is_file():
            return "not a post on the site"
        relative = os.path.relpath(path, articles.path)
        try:
            new = articles.readers.read_file(
                base_path=articles.path,
                path=relative,
                content_class=Article,
                context=articles.context,
            )
        except Exception as exc:  # the full build reports the problem with file and line
            return f"{relative} could not be read ({exc})"
        if not isinstance(new, Article) or _shape(new) != _shape(old):
            return "the front matter changed"
        anthology.refresh_article(old, new)
        _forget_rendered(old)
        for generator in self.generators:
            if getattr(generator, "env", None) is not None:
                card_memo.forget(generator.env, old)
        writer = Writer(self.settings["OUTPUT_PATH"], settings=self.settings)
        writer.write_file(
            old.save_as,
            articles.get_template(old.template),
            articles.context,
            article=old,
            category=getattr(old, "category", None),
            override_output=hasattr(old, "override_save_as"),
            url=old.url,
            blog=True,
        )
        written = [old.save_as]
        macros = anthology.env.get_template("macros.html").make_module(vars=anthology.context)

        def card(level: int) -> str:
            return str(macros.post_card(old, level))

        href = f"{self.settings.get('SITEURL', '')}/{old.url}"
        for name in self._listings(old):
            page = Path(self.settings["OUTPUT_PATH"]) / name
            try:
                html = page.read_text(encoding="utf-8")
            except OSError:
                continue
            patched = replace_card(html, href, card)
            if patched is not None and patched != html:
                page.write_text(patched, encoding="utf-8")
                written.append(name)
        return Refresh("post", time.perf_counter() - start, written)

    def _listings(self, article: Any) -> list[str]:
        """The pages that can show `article`'s card (each is patched only if it does)."""
        pages = ["index.html"]
        for holder in (article.category, *article.tags, *article.authors):
            pages.append(f"{holder.url}index.html")  # the plugin writes category pages
        pages += [f"{ref.url}index.html" for ref in getattr(article, "tools", [])]
        pages.append(f"semesters/{semester_slug(article.semester)}/index.html")
        return list(dict.fromkeys(pages))


def _forget_rendered(article: Any) -> None:
    """Drop Pelican's memoized content and summary of `article` (keyed by the object)."""
    for name in ("get_content", "get_summary"):
        cache = getattr(Content.__dict__.get(name), "cache", None)
        if cache is not None:
            for key in [k for k in cache if k and k[0] is article]:
                del cache[key]


def _report(refresh: Refresh | None) -> Iterator[str]:
    if refresh is None:
        return
    if refresh.kind == "post":
        yield f"preview: rewrote {len(refresh.written)} pages in {refresh.seconds:.2f} s"
    else:
        yield f"preview: full build in {refresh.seconds:.2f} s ({refresh.reason})"


def serve_live(site: LiveSite, watched: Iterable[str], host: str, port: int) -> None:
    """Build, then serve with livereload, refreshing and reloading the browser on changes."""
    from livereload import Server

    def refresh() -> None:
        try:
            result = site.refresh()
        except (BuildError, SystemExit, Exception) as exc:  # keep serving; the next save retries
            print(f"preview: build failed: {exc}", file=sys.stderr, flush=True)
            site.generators = []
            return
        for line in _report(result):
            print(line, flush=True)

    try:
        for line in _report(site.full()):
            print(line, flush=True)
    except (BuildError, SystemExit, Exception) as exc:  # serve anyway: a fix rebuilds
        print(f"preview: build failed: {exc}", file=sys.stderr, flush=True)
    server = Server()
    for path in watched:
        server.watch(path, refresh)
    print(f"Previewing (drafts included) at http://{host}:{port}/", flush=True)
    server.serve(host=host, port=port, root=str(site.output), restart_delay=0)
