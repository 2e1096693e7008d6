"""`anthology enrich-prior`: read each earlier post's page for its title, summary, author
and date, and write them into the prior catalog.

Online and optional. Polite: responses are cached on disk (requests-cache), requests to one
host are spaced by a delay, every request has a timeout and a size limit. The page's own
metadata is read with extruct (JSON-LD, OpenGraph, Dublin Core) and lxml (`<title>`,
`<meta name="author">`). A field is written only when it is missing, or still holds what
the address alone gave (`prior_urls.derive`): hand edits are never replaced.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import yamlsafe
from .prior import dump_catalog
from .prior_urls import derive, spellings_for
from .tools import ToolRegistry

FIELDS = ("title", "summary", "author", "published")
MAX_BYTES = 2_000_000
USER_AGENT = "anthology-enrich-prior/1 (course anthology; reads page metadata once)"
ARTICLE_TYPES = {"Article", "BlogPosting", "NewsArticle", "TechArticle", "VideoObject", "WebPage"}


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    summary: str | None = None
    author: str | None = None
    published: str | None = None


@dataclass
class EnrichReport:
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _person(value: Any) -> str | None:
    """An author's name; a bare profile URL is not a name."""
    name = _text(value)
    if name and name.startswith(("http://", "https://")):
        return None
    return name


def _date(value: Any) -> str | None:
    text = _text(value)
    return text[:10] if text and len(text) >= 10 and text[4] == "-" else None


def read_meta(html: str, url: str) -> PageMeta:
    """The page's own description of itself: JSON-LD first, then OpenGraph, then <meta>."""
    import extruct
    import lxml.etree
    import lxml.html

    try:
        data = extruct.extract(
            html, base_url=url, syntaxes=["json-ld", "opengraph", "dublincore"], uniform=True
        )
    except Exception:  # extruct raises whatever its parsers raise on broken markup
        data = {}
    found: dict[str, str | None] = dict.fromkeys(FIELDS)

    def offer(key: str, value: str | None) -> None:
        if value and not found[key]:
            found[key] = value

    for item in data.get("json-ld", []):
        kinds = item.get("@type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        if not kinds & ARTICLE_TYPES:
            continue
        offer("title", _text(item.get("headline") or item.get("name")))
        offer("summary", _text(item.get("description")))
        offer("author", _person(item.get("author")))
        offer("published", _date(item.get("datePublished") or item.get("uploadDate")))
    for item in data.get("opengraph", []):
        offer("title", _text(item.get("og:title")))
        offer("summary", _text(item.get("og:description")))
        offer("author", _person(item.get("article:author")))
        offer("published", _date(item.get("article:published_time")))
    for item in data.get("dublincore", []):
        for element in item.get("elements", []):
            if element.get("name") == "description":
                offer("summary", _text(element.get("content")))
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    if tree is not None:
        offer("author", _person(tree.xpath("string(//meta[@name='author']/@content)")))
        offer("title", _text(tree.xpath("string(//title)")))
    return PageMeta(**found)


class PoliteFetcher:
    """GET with a disk cache, a timeout, a size limit and a delay between requests to one
    host (the spacing is the only part written here: a few lines around `time`)."""

    def __init__(
        self,
        cache_dir: Path,
        delay: float = 2.0,
        timeout: float = 15.0,
        sleep: Callable[[float], None] = time.sleep,
    ):
        import requests_cache

        cache_dir.mkdir(parents=True, exist_ok=True)
        self.session = requests_cache.CachedSession(
            str(cache_dir / "pages"), backend="sqlite", expire_after=30 * 86400
        )
        self.session.headers["User-Agent"] = USER_AGENT
        self.delay = delay
        self.timeout = timeout
        self.sleep = sleep
        self.last: dict[str, float] = {}

    def get(self, url: str) -> str:
        import requests

        host = urlsplit(url).netloc.lower()
        if not self.session.cache.contains(url=url):
            wait = self.last.get(host, -1e9) + self.delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        try:
            with self.session.get(url, timeout=self.timeout, stream=False) as response:
                if not getattr(response, "from_cache", False):
                    self.last[host] = time.monotonic()
                response.raise_for_status()
                kind = response.headers.get("Content-Type", "")
                if "html" not in kind:
                    raise ValueError(f"not an HTML page ({kind or 'no content type'})")
                if len(response.content) > MAX_BYTES:
                    raise ValueError(f"page larger than {MAX_BYTES} bytes")
                return response.text
        except requests.RequestException as exc:
            self.last[host] = time.monotonic()
            raise ValueError(str(exc) or type(exc).__name__) from None


def _replaceable(entry: dict[str, Any], key: str, derived: dict[str, str | None]) -> bool:
    """Missing, or still exactly what the address gave (never a hand edit)."""
    current = entry.get(key)
    return not current or (derived.get(key) is not None and str(current) == derived[key])


def enrich_entries(
    entries: Iterable[dict[str, Any]],
    fetch: Callable[[str], str],
    registry: ToolRegistry,
    where: str,
) -> EnrichReport:
    """Fill each entry's fields from its page, in place."""
    report = EnrichReport()
    spellings = spellings_for(n for t in registry.tools for n in (t.name, *t.aliases))
    for entry in entries:
        url = str(entry.get("url") or "")
        if not url.startswith(("http://", "https://")):
            continue
        try:
            meta = read_meta(fetch(url), url)
        except ValueError as exc:
            report.failed.append(f"{where}: {url}: {exc}")
            continue
        address = derive(url, spellings)
        derived = {"title": address.title, "author": address.author}
        changed = []
        for key in FIELDS:
            value = getattr(meta, key)
            if value and _replaceable(entry, key, derived) and entry.get(key) != value:
                entry[key] = value
                changed.append(key)
        if changed:
            report.updated.append(f"{where}: {url}: {', '.join(changed)}")
        else:
            report.unchanged += 1
    return report


def enrich_catalog(
    path: Path, shown: str, fetch: Callable[[str], str], registry: ToolRegistry
) -> EnrichReport:
    """Enrich one catalog file and write it back (atomically) when anything changed."""
    from .importer import write_atomically

    raw = yamlsafe.read_data(path, shown, "prior-catalog", "Fix the YAML syntax.")
    posts = raw.get("posts") if isinstance(raw, dict) else None
    if not isinstance(posts, list):
        report = EnrichReport()
        report.failed.append(f"{shown}: expected a `posts:` list; nothing read")
        return report
    entries = [p for p in posts if isinstance(p, dict)]
    report = enrich_entries(entries, fetch, registry, shown)
    if report.updated:
        write_atomically(
            path, dump_catalog(str(raw.get("semester", "")), posts, str(raw.get("source", "")))
        )
    return report
