"""The anthology's own pages: tools, semesters, feeds and the search index.

Runs after Pelican's article and page generators, so it sees every published article.
"""

from __future__ import annotations

import heapq
import logging
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import groupby
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pelican.generators import Generator

from ..corpus import load_corpus
from ..findings import ContentError
from ..gate.git import first_added
from . import ledger, page_cache, posts_written, prefetch
from .browse import category_entries, prior_by_author, prior_only_authors, semester_entries
from .claims import claim_rows
from .comments import by_post, views
from .feeds import feed_pair, write_feed_pair
from .giscus import giscus_settings
from .images import (
    attach_social_card,
    responsive_images,
    write_site_card,
)
from .inline import THEME_SCRIPT, THEME_SCRIPT_HASH, json_ld
from .media import embed_url
from .picker import STATUS_LABELS, pick_categories
from .render import Renderer
from .robots import write_robots
from .search import CACHE_DIR as SEARCH_CACHE
from .search import (
    SEARCHED_FOLDERS,
    SearchIndexError,
    build_index,
    cached_index,
    indexed_pages_digest,
    write_tool_names,
)
from .settings import plugin_settings
from .tools import PriorEntry, ToolEntry, semester_slug
from .urls import remember_urls

logger = logging.getLogger(__name__)
RELATED_LIMIT = 4
SITE_CARD = "cards/site.png"  # the Open Graph image of listing pages
EARLIER_LIMIT = 8
# A tag shared by more posts than this says little about relatedness.
COMMON_TAG_LIMIT = 50


class BuildError(SystemExit):
    """The content cannot be built; the message lists every file and fix.

    A SystemExit, so that even the plain `pelican` command stops with this message and
    exit code 1 rather than a traceback (Pelican prints one for ordinary exceptions).
    """


class AnthologyGenerator(Generator):
    """Adds tool, semester and feed output, and the search index, to a Pelican build."""

    def generate_context(self) -> None:
        try:
            self._generate_context()
        except BaseException:
            cards = prefetch.cards(self.settings)
            if cards is not None:
                cards.cancel()  # no build: stop drawing cards for it
            raise

    def _generate_context(self) -> None:
        self.options = plugin_settings(self.settings)
        ledger.start(
            self.output_path, feeds=self.options["FEEDS"], cards=self.options["SOCIAL_CARDS"]
        )
        try:
            self.corpus = prefetch.corpus(self.settings) or load_corpus(
                Path(self.settings["PATH"]),
                keep_bodies=False,
                cache_file=prefetch.parse_cache_file(self.settings),
            )
        except ContentError as exc:
            raise BuildError(f"anthology: the configuration is broken:\n{exc}") from None
        errors = [f for f in self.corpus.findings if f.is_error]
        if errors:
            lines = "\n".join(
                f"  {f.location()}: {f.message} [{f.rule}] fix: {f.fix}" for f in errors
            )
            raise BuildError(
                f"anthology: {len(errors)} problem(s) in content; nothing built:\n{lines}"
            )
        # Pelican logs a source it could not read and carries on; here that fails the build.
        failed = sorted(
            path
            for path, content in self.context.get("generated_content", {}).items()
            if content is None
        )
        if failed:
            raise BuildError(
                "anthology: these files could not be read (see the errors above): "
                + ", ".join(failed)
            )
        articles = list(self.context.get("articles", []))
        generated = [c for c in self.context.get("generated_content", {}).values() if c]
        remember_urls([*articles, *self.context.get("pages", []), *generated])
        leaked = [a.source_path for a in articles if getattr(a, "is_draft", False)]
        if leaked and not self.options["SHOW_DRAFTS"]:
            raise BuildError(
                f"anthology: {leaked[0]} is a draft, but its entry in the content cache "
                f"({self.settings.get('CACHE_PATH')}) says to show it, as only a live preview "
                "does; delete that folder and build again"
            )
        course = self.corpus.course
        self.tools = self._tool_entries(articles)
        self.tools_by_slug = {entry.slug: entry for entry in self.tools}
        labels = {
            semester_slug(prior.semester): course.semester_label(prior.semester)
            for prior in self.corpus.prior
        }
        self.semesters = semester_entries(course, articles, self.prior, labels)
        self.categories = category_entries(course, articles, self.prior, self.settings)
        self.prior_by_author = prior_by_author(self.prior)
        site_authors = {author.slug for author, _ in self.context.get("authors", [])}
        self.prior_authors = prior_only_authors(self.prior_by_author, site_authors)
        self.picks = pick_categories(self.corpus, self.tools_by_slug)
        # Earlier posts published elsewhere join their tool's and category's feeds only
        # when course.yaml says `prior_in_feeds: true`; the site feed is this site's posts.
        self.prior_in_feeds = bool(course.setting("prior_in_feeds", default=False))
        self.claims = claim_rows(
            self.corpus,
            self.tools_by_slug,
            articles,
            first_added(Path(self.settings["PATH"]), merge_order=True),
        )
        # Comments on posts that are not published (or do not exist) are left out here;
        # the gate reports them.
        self.comments = by_post(self.corpus.comments)
        self.renderer = Renderer(self.settings)
        related = _RelatedIndex(articles)
        cards = prefetch.cards(self.settings) if self.options["SOCIAL_CARDS"] else None
        placed: dict[tuple[Any, ...], Any] = {}  # images placed by this build
        for article in articles:
            self._enrich(article, related)
            if self.options["SOCIAL_CARDS"]:
                attach_social_card(article, self.settings, self.output_path, course, cards)
            if self.options["RESPONSIVE_IMAGES"]:
                article._content = responsive_images(
                    article._content, article, self.settings, self.output_path, self.path, placed
                )
        _link_neighbours_in_category(self.context.get("categories", []))
        self.context.update(
            {
                "COURSE": {
                    "name": course.name,
                    "number": course.number,
                    "assignment": course.assignment,
                    "site_description": course.site_description,
                    "semester": course.semester,
                    "semester_label": course.semester_label(course.semester),
                },
                "TOOLS": self.tools,
                "SEMESTERS": self.semesters,
                "CATEGORIES": self.categories,
                "PRIOR_BY_AUTHOR": self.prior_by_author,
                "PRIOR_AUTHORS": self.prior_authors,
                "PRIOR_COUNT": len(self.prior),
                "PRIOR_IN_FEEDS": self.prior_in_feeds,
                "THEME_SCRIPT": THEME_SCRIPT,
                "THEME_SCRIPT_HASH": THEME_SCRIPT_HASH,
                "SITE_CARD": SITE_CARD if self.options["SOCIAL_CARDS"] else None,
                "GISCUS": giscus_settings(self.settings),
                "CATEGORY_INFO": {entry.category.slug: entry for entry in self.categories},
            }
        )
        # Last: the cache's key covers everything computed above (claims come from git).
        self.page_cache = page_cache.start(
            {**self.settings, "OUTPUT_PATH": self.output_path}, self.context, extra=self.claims
        )
        # The search index needs only post pages and earlier-post stubs: it starts right
        # after Pelican has written the last post page, beside Pelican's own listings.
        self._search: Future[None] | None = None
        self._search_pool: ThreadPoolExecutor | None = None
        self._indexing_started = False
        posts_written.call_after(
            self.output_path, [a.save_as for a in articles], self._start_indexing
        )

    def _tool_entries(self, articles: list[Any]) -> list[ToolEntry]:
        registry = self.corpus.registry
        categories = {c.id: c.name for c in self.corpus.course.categories}
        entries: dict[str, ToolEntry] = {}

        def entry_for(slug: str, name: str) -> ToolEntry:
            if slug not in entries:
                tool = registry.by_slug(slug)
                entries[slug] = ToolEntry(
                    name=tool.name if tool else name,
                    slug=slug,
                    category=categories.get(tool.category or "") if tool else None,
                    homepage=tool.homepage if tool else None,
                    aliases=list(tool.aliases) if tool else [],
                )
            return entries[slug]

        for article in articles:
            for ref in getattr(article, "tools", []):
                entry_for(ref.slug, ref.name).articles.append(article)
        label = self.corpus.course.semester_label
        self.prior = [
            PriorEntry.from_prior(prior, categories, label(prior.semester))
            for prior in self.corpus.prior
        ]
        for prior_entry, prior in zip(self.prior, self.corpus.prior, strict=True):
            for tool in prior.tools:
                entry_for(tool.slug, tool.name).prior.append(prior_entry)
        for entry in entries.values():
            entry.articles.sort(key=lambda a: a.date, reverse=True)
        return sorted(entries.values(), key=lambda e: e.name.casefold())

    def _enrich(self, article: Any, related: _RelatedIndex) -> None:
        """Set the per-article attributes templates use: earlier posts, related, embeds,
        comments."""
        course = self.corpus.course
        order = course.semester_order(article.semester)
        earlier: list[dict[str, Any]] = []
        seen: set[int] = set()
        for ref in article.tools:
            entry = self.tools_by_slug.get(ref.slug)
            if entry is None:
                continue
            for other in entry.articles:
                if id(other) in seen or course.semester_order(other.semester) >= order:
                    continue
                seen.add(id(other))
                earlier.append(
                    {
                        "title": other.title,
                        "url": other.url,
                        "host": None,
                        "semester_label": other.semester_label,
                        "external": False,
                        "dead": False,
                    }
                )
            for prior in entry.prior:
                if id(prior) in seen:
                    continue
                seen.add(id(prior))
                earlier.append({"external": True, "prior": prior})
        # A post page lists a few; the tool page lists them all.
        article.earlier_total = len(earlier)
        earlier = earlier[:EARLIER_LIMIT]
        article.earlier_posts = earlier
        article.related = related.related(article)
        article.media_embed_url = (
            embed_url(article.media_url) if article.post_format == "video" else None
        )
        article.social_image = getattr(article, "social_image", None)
        article.json_ld = json_ld(self._blog_posting(article))
        article.comments = views(
            self.comments.get(article.slug, []),
            article,
            self.renderer,
            self.settings.get("DEFAULT_DATE_FORMAT", "%a %d %B %Y"),
        )

    def _blog_posting(self, article: Any) -> dict[str, Any]:
        """schema.org BlogPosting for a post page's JSON-LD."""
        site = (self.settings.get("SITEURL") or "").rstrip("/")
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": article.title,
            "datePublished": article.date.isoformat(),
            "author": [
                {"@type": "Person", "name": a.name, "url": f"{site}/{a.url}"}
                for a in getattr(article, "authors", [])
            ],
            "url": f"{site}/{article.url}",
            "description": Markup(article.summary or "").striptags(),
            "articleSection": article.category.name,
            "keywords": [tag.name for tag in getattr(article, "tags", [])],
            "about": [tool.name for tool in getattr(article, "tools", [])],
            "isPartOf": {"@type": "Blog", "name": self.settings.get("SITENAME", "")},
        }
        if getattr(article, "modified", None):
            data["dateModified"] = article.modified.isoformat()
        if article.social_image:
            data["image"] = f"{site}/{article.social_image}"
        return data

    def _start_indexing(self, writer: Any) -> None:
        """Write the earlier-post stubs and start Pagefind in its own process (from a
        thread), once every post page is written: with the stubs, it has all it indexes."""
        self._indexing_started = True
        self._write_prior_stubs(writer, self.settings.get("RELATIVE_URLS", False))
        # Static files are copied after this generator; they are this build's too.
        for static in self.context.get("staticfiles", []):
            ledger.note(Path(self.output_path) / static.save_as)
        # A post that is no longer published must leave the search index with its page.
        ledger.sweep(self.output_path, under=SEARCHED_FOLDERS)
        if self.options["SEARCH"]:
            self._search_pool = ThreadPoolExecutor(max_workers=1)
            self._search = self._search_pool.submit(self._write_search_index)

    def generate_output(self, writer: Any) -> None:
        # Normally started when Pelican wrote the last post page (a site with no posts, or
        # a writer that did not report them, starts it here).
        posts_written.cancel(self.output_path)
        if not self._indexing_started:
            self._start_indexing(writer)
        try:
            self.write_listings(writer)
            if self.options["FEEDS"]:
                self._write_feeds()
            cards = prefetch.cards(self.settings) if self.options["SOCIAL_CARDS"] else None
            if cards is not None:
                cards.finish()  # the cards still being drawn when their post was handled
        finally:
            if self._search_pool is not None:
                self._search_pool.shutdown(wait=True)
                self._search_pool = None
        if self._search is not None:
            self._search.result()

    def refresh_article(self, article: Any, reread: Any) -> None:
        """Take a re-read article's text into `article`, keeping what the build computed.

        For the live preview: `reread` is the same file read again after an edit to its
        body, so earlier posts, related posts and comments still hold.
        """
        for key, value in vars(reread).items():
            setattr(article, key, value)
        if self.options["RESPONSIVE_IMAGES"]:
            article._content = responsive_images(
                article._content, article, self.settings, self.output_path, self.path
            )

    def write_listings(self, writer: Any) -> None:
        """The tools, tool, semester, claims and 404 pages (not feeds or search)."""
        relative = self.settings.get("RELATIVE_URLS", False)

        def page(url: str, template: str, **variables: Any) -> None:
            writer.write_file(
                f"{url}index.html",
                self.get_template(template),
                self.context,
                relative,
                url=url,
                page_name=f"{url}index",
                **variables,
            )

        letters = [
            (letter, list(group))
            for letter, group in groupby(self.tools, key=lambda e: _letter(e.name))
        ]
        page("tools/", "tools", tools_by_letter=letters)
        for entry in self.tools:
            page(entry.url, "tool", tool=entry)
        page("semesters/", "semesters")
        for semester in self.semesters:
            page(semester.url, "semester", semester=semester)
        for category in self.categories:
            page(
                category.category.url,
                "category",
                category=category.category,
                articles=category.articles,
            )
        for author in self.prior_authors:
            page(author.url, "author", author=author, articles=[])
        page("claims/", "claims", claims=self.claims)
        totals = {status: sum(c.count(status) for c in self.picks) for status in STATUS_LABELS}
        totals["all"] = sum(len(c.tools) for c in self.picks)
        page(
            "pick-a-tool/",
            "pick",
            picks=self.picks,
            status_labels=STATUS_LABELS,
            pick_totals=totals,
        )
        # GitHub Pages and `invoke serve` answer unknown paths with this page (status 404).
        writer.write_file(
            "404.html", self.get_template("404"), self.context, relative, page_name="404"
        )
        self._write_site_files()

    def _write_site_files(self) -> None:
        """robots.txt, the listing pages' card and the tool names for search suggestions."""
        output = Path(self.output_path)
        site_url = self.settings.get("SITEURL") or ""
        if self.options["SOCIAL_CARDS"]:
            write_site_card(output / SITE_CARD, self.settings, self.corpus.course)
        write_robots(output, site_url)  # sitemap.xml: the pelican-sitemap plugin
        write_tool_names(output, self.corpus.registry, self.tools_by_slug)

    def _site_url(self) -> str:
        return (
            self.settings.get("SITEURL")
            or self.settings.get("FEED_DOMAIN")
            or "http://localhost:8000"
        ).rstrip("/")

    def _write_feeds(self) -> None:
        output = Path(self.output_path)
        common = {
            "site_url": self._site_url(),
            "settings": self.settings,
            "max_items": self.options["FEED_MAX_ITEMS"],
            "full_text": self.options["FEED_FULL_TEXT"],
        }
        cache = page_cache.current(self.output_path)

        def write(articles: list[Any], **args: Any) -> None:
            def make() -> dict[str, bytes]:
                return feed_pair(articles, **args, **common)

            if cache is None:
                write_feed_pair(output, make())
                return
            # What the feed shows follows from the site digest; these name it.
            key = cache.key("feeds", args["path_stem"], args["title"], args["page_url"])
            write_feed_pair(output, cache.produce(key, args["path_stem"], make))

        site = self.settings["SITENAME"]
        write(
            _published(self.context.get("articles", [])),
            path_stem="feeds/all",
            title=site,
            page_url="",
        )
        # one feed per category and per tool that has posts (earlier ones if course.yaml says)
        groups = [
            (
                e.feed_atom.removesuffix(".atom.xml"),
                e.category.name,
                e.category.url,
                e.articles,
                e.prior,
            )
            for e in self.categories
        ] + [(f"feeds/tool/{t.slug}", t.name, t.url, t.articles, t.prior) for t in self.tools]
        for path_stem, name, page_url, posts, earlier in groups:
            prior = earlier if self.prior_in_feeds else []
            articles = _published(posts)
            if articles or prior:
                write(
                    articles,
                    path_stem=path_stem,
                    title=f"{site}: {name}",
                    page_url=page_url,
                    prior=prior,
                )

    def _write_prior_stubs(self, writer: Any, relative: bool) -> None:
        """One small page per earlier post, so search finds posts that live elsewhere."""
        template = self.get_template("prior")
        by_page: dict[str, PriorEntry] = {}
        for entry in self.prior:
            first = by_page.setdefault(entry.page_url, entry)
            if first is not entry:
                raise BuildError(
                    f"anthology: {entry.location} and {first.location} would both be written "
                    f"to {entry.page_url}index.html; delete one of the two catalog entries"
                )
        for entry in self.prior:
            writer.write_file(
                f"{entry.page_url}index.html",
                template,
                self.context,
                relative,
                url=entry.page_url,
                prior=entry,
                page_name=f"{entry.page_url}index",
            )

    def _write_search_index(self) -> None:
        site = Path(self.output_path)
        language = self.settings.get("DEFAULT_LANG", "en")
        cache = page_cache.current(self.output_path)
        try:
            if cache is None:
                count = build_index(site, language)
            else:
                key = indexed_pages_digest(site, language, cache.data_digest)
                count = cached_index(
                    site, language, Path(self.settings["CACHE_PATH"]) / SEARCH_CACHE, key
                )
        except SearchIndexError as exc:
            raise BuildError(f"anthology: the search index could not be built: {exc}") from None
        logger.info("anthology: search index holds %d pages", count)


def _published(articles: Any) -> list[Any]:
    """Articles without the drafts a live preview shows (feeds never carry drafts)."""
    return [a for a in articles if not getattr(a, "is_draft", False)]


def _link_neighbours_in_category(categories: list[tuple[Any, list[Any]]]) -> None:
    """Set `prev_article_in_category` (older) and `next_article_in_category` (newer)."""
    for _category, members in categories:
        ordered = sorted(members, key=lambda a: a.date)
        for index, article in enumerate(ordered):
            article.prev_article_in_category = ordered[index - 1] if index else None
            article.next_article_in_category = (
                ordered[index + 1] if index + 1 < len(ordered) else None
            )


def _letter(name: str) -> str:
    first = name[:1].upper()
    return first if first.isalpha() else "#"


class _RelatedIndex:
    """Finds related posts through shared tools, tags and category, without all pairs."""

    def __init__(self, articles: list[Any]):
        self.by_tool: dict[str, list[Any]] = defaultdict(list)
        self.by_tag: dict[str, list[Any]] = defaultdict(list)
        self.by_category: dict[Any, list[Any]] = defaultdict(list)
        for article in articles:
            if getattr(article, "is_announcement", False):
                continue
            for ref in article.tools:
                self.by_tool[ref.slug].append(article)
            for tag in getattr(article, "tags", []):
                self.by_tag[tag.slug].append(article)
            self.by_category[article.category].append(article)

    def related(self, article: Any) -> list[Any]:
        """Up to four posts: a shared tool counts 3, a shared uncommon tag 1, the category 2.

        When fewer than four posts share a tool or tag, the newest of the same category
        fill the list.
        """
        scores: dict[int, list[Any]] = {}
        groups = [(3, self.by_tool[ref.slug]) for ref in article.tools]
        groups += [
            (1, self.by_tag[tag.slug])
            for tag in getattr(article, "tags", [])
            if len(self.by_tag[tag.slug]) <= COMMON_TAG_LIMIT
        ]
        for weight, group in groups:
            for other in group:
                if other is not article:
                    entry = scores.setdefault(id(other), [0, other])
                    entry[0] += weight
        for entry in scores.values():
            if entry[1].category == article.category:
                entry[0] += 2
        if len(scores) < RELATED_LIMIT:
            for other in self.by_category[article.category][: RELATED_LIMIT * 2]:
                if other is not article:
                    scores.setdefault(id(other), [2, other])
        best = heapq.nlargest(
            RELATED_LIMIT, scores.values(), key=lambda item: (item[0], item[1].date)
        )
        return [other for _, other in best]
