"""Atom and RSS feeds written with feedgen: the whole site, each category, each tool."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from . import ledger


def _aware(value: datetime, zone: str) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=ZoneInfo(zone))


def write_feed_pair(output: Path, files: dict[str, bytes]) -> None:
    """Write a feed pair made by `feed_pair` (names relative to `output`)."""
    for name, data in files.items():
        target = output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        ledger.note(target)


def feed_pair(
    articles: Sequence[Any],
    *,
    path_stem: str,
    title: str,
    site_url: str,
    page_url: str,
    settings: dict[str, Any],
    max_items: int,
    full_text: bool,
    prior: Sequence[Any] = (),
) -> dict[str, bytes]:
    """`<path_stem>.atom.xml` and `.rss.xml` with the newest `max_items` articles, and the
    earlier posts elsewhere (`prior`) that carry a date, newest first: name -> bytes."""
    zone = settings.get("TIMEZONE") or "UTC"
    dated = [(when, item) for item in prior if (when := prior_date(item.published, zone))]
    items = [(a.date if a.date.tzinfo else _aware(a.date, zone), a) for a in articles]
    items += dated
    newest = [item for _, item in sorted(items, key=lambda p: p[0], reverse=True)[:max_items]]
    # The RSS channel's <link> is the page a reader opens; feedgen puts the last
    # link added in the channel, so the page's link goes after the Atom "self" link.
    feed = FeedGenerator()
    # RSS's <author> must be an email address; names go in Dublin Core's <dc:creator>.
    feed.load_extension("dc", atom=False, rss=True)
    feed.id(f"{site_url}/{page_url}")
    feed.title(title)
    feed.link(href=f"{site_url}/{path_stem}.atom.xml", rel="self")
    feed.link(href=f"{site_url}/{page_url}", rel="alternate")
    feed.description(f"{title}: newest posts")
    feed.language(settings.get("DEFAULT_LANG", "en"))
    updated = None
    for article in reversed(newest):
        if not hasattr(article, "date"):
            updated = _add_prior(feed, article, zone, updated)
            continue
        entry = feed.add_entry()
        link = f"{site_url}/{article.url}"
        entry.id(link)
        entry.title(article.title)
        entry.link(href=link)
        published = _aware(article.date, zone)
        changed = _aware(getattr(article, "modified", None) or article.date, zone)
        entry.published(published)
        entry.updated(changed)
        updated = max(updated, changed) if updated else changed
        for author in getattr(article, "authors", []):
            entry.author(name=author.name)
            entry.dc.dc_creator(author.name)
        entry.category(term=article.category.name)
        for tag in getattr(article, "tags", []):
            entry.category(term=tag.name)
        if full_text:
            entry.content(article.content, type="html")
        entry.summary(article.summary, type="html")
    if updated:
        feed.updated(updated)
    return {
        f"{path_stem}.atom.xml": feed.atom_str(pretty=False),
        f"{path_stem}.rss.xml": feed.rss_str(pretty=False),
    }


def prior_date(published: str | None, zone: str) -> datetime | None:
    """An earlier post's publication date (`2022-03-14`, or `2022-03` as its first day)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published or "")
    if not match:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1))
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone))


def _add_prior(feed: FeedGenerator, prior: Any, zone: str, updated: datetime | None) -> datetime:
    """An earlier post elsewhere as a feed entry linking out to it."""
    when = prior_date(prior.published, zone)
    assert when is not None  # only dated earlier posts are passed in
    entry = feed.add_entry()
    entry.id(prior.url)
    entry.title(prior.label)
    entry.link(href=prior.url)
    entry.published(when)
    entry.updated(when)
    if prior.author:
        entry.author(name=prior.author)
        entry.dc.dc_creator(prior.author)
    for category in prior.categories:
        entry.category(term=category)
    entry.summary(
        prior.summary or f"An earlier post on {prior.tool_names}, on {prior.host}.", type="text"
    )
    return max(updated, when) if updated else when
