"""Where a reader browses: every category, every semester (earlier ones too), authors of
earlier posts. Plain data for the listing templates; the generator writes the pages."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pelican.urlwrappers import Category

from ..course import Course
from .tools import CategoryEntry, PriorAuthor, PriorEntry, SemesterEntry, semester_slug


def category_entries(
    course: Course, articles: list[Any], prior: list[PriorEntry], settings: dict[str, Any]
) -> list[CategoryEntry]:
    """One entry per course category (in course.yaml's order), then any other category a
    post uses (announcements). Each lists this semester's posts first, then earlier ones."""
    by_slug: dict[str, CategoryEntry] = {}
    for category in course.categories:
        wrapper = Category(category.name, settings)
        wrapper.slug = category.id  # as the reader sets it for posts
        by_slug[category.id] = CategoryEntry(wrapper)
    for article in sorted(articles, key=lambda a: a.date, reverse=True):
        entry = by_slug.setdefault(article.category.slug, CategoryEntry(article.category))
        if article.semester == course.semester:
            entry.current.append(article)
        else:
            entry.earlier.append(article)
    for item in prior:
        for category_id in item.category_ids:
            if category_id in by_slug:
                by_slug[category_id].prior.append(item)
    for entry in by_slug.values():
        entry.earlier.sort(key=lambda a: (-course.semester_order(a.semester), -a.date.timestamp()))
        entry.prior.sort(key=lambda p: (p.label.casefold(), p.url))
    return list(by_slug.values())


def semester_entries(
    course: Course, articles: list[Any], prior: list[PriorEntry], labels: dict[str, str]
) -> list[SemesterEntry]:
    """Course semesters newest first (the current one always), then semesters known only
    from the prior catalog, newest label first."""
    by_semester: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        by_semester[article.semester].append(article)
    prior_by_semester: dict[str, list[PriorEntry]] = defaultdict(list)
    for item in prior:
        prior_by_semester[item.semester_id].append(item)
    entries = []
    known = set()
    for semester in reversed(course.semesters):
        known.add(semester.id)
        entry = SemesterEntry(
            semester.id,
            semester.label,
            by_semester.get(semester.id, []),
            semester.id == course.semester,
            prior_by_semester.get(semester_slug(semester.id), []),
        )
        if entry.count or entry.is_current:
            entries.append(entry)
    others = sorted((s for s in prior_by_semester if s not in known), reverse=True)
    for slug in others:
        items = sorted(prior_by_semester[slug], key=lambda p: (p.tool_names.casefold(), p.url))
        entries.append(SemesterEntry(slug, labels.get(slug, slug), [], False, items))
    return entries


def prior_by_author(prior: list[PriorEntry]) -> dict[str, list[PriorEntry]]:
    """Earlier posts whose author is known, by the author's page slug."""
    found: dict[str, list[PriorEntry]] = defaultdict(list)
    for item in prior:
        if item.author_slug:
            found[item.author_slug].append(item)
    return dict(found)


def prior_only_authors(by_author: dict[str, list[PriorEntry]], site_slugs: set[str]) -> list[Any]:
    """Authors of earlier posts who have no post on this site, by name."""
    authors = [
        PriorAuthor(items[0].author or slug, slug)
        for slug, items in by_author.items()
        if slug not in site_slugs
    ]
    return sorted(authors, key=lambda a: a.name.lstrip("@").casefold())
