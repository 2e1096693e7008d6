"""Atom and RSS feeds written with feedgen: the whole site, each category, each tool."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from . import ledger


def _aware(value: datetime, zone: str) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=ZoneInfo(zone))


def write_feed_pair(
    articles: Sequence[Any],
    *,
    output: Path,
    path_stem: str,
    title: str,
    site_url: str,
    page_url: str,
    settings: dict[str, Any],
    max_items: int,
    full_text: bool,
) -> None:
    """Write `<path_stem>.atom.xml` and `.rss.xml` with the newest `max_items` articles."""
    zone = settings.get("TIMEZONE") or "UTC"
    newest = sorted(articles, key=lambda a: a.date, reverse=True)[:max_items]
    feed = FeedGenerator()
    feed.id(f"{site_url}/{page_url}")
    feed.title(title)
    feed.link(href=f"{site_url}/{page_url}", rel="alternate")
    feed.link(href=f"{site_url}/{path_stem}.atom.xml", rel="self")
    feed.description(f"{title}: newest posts")
    feed.language(settings.get("DEFAULT_LANG", "en"))
    updated = None
    for article in reversed(newest):
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
        entry.category(term=article.category.name)
        for tag in getattr(article, "tags", []):
            entry.category(term=tag.name)
        if full_text:
            entry.content(article.content, type="html")
        entry.summary(article.summary, type="html")
    if updated:
        feed.updated(updated)
    target = output / f"{path_stem}.atom.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    feed.atom_file(str(target), pretty=False)
    feed.rss_file(str(output / f"{path_stem}.rss.xml"), pretty=False)
    ledger.note(target)
    ledger.note(output / f"{path_stem}.rss.xml")
