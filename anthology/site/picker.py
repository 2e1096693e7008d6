"""The "Pick a tool" page: every registry tool by category, with what happened to it.

A tool is *taken* when a post of the current semester claims or covers it (claimed, draft
or published), *covered* when earlier semesters wrote about it (here or elsewhere), and
*open* otherwise. A taken tool lists the untaken tools of its category as alternatives:
the ones `tools.yaml` names under `alternatives` first, then the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..corpus import Corpus
from ..tools import Tool
from .claims import SHOWN_STATUSES
from .tools import ToolEntry

TAKEN, COVERED, OPEN = "taken", "covered", "open"
STATUS_LABELS = {
    TAKEN: "Taken this semester",
    COVERED: "Covered earlier",
    OPEN: "Never covered",
}
ALTERNATIVES_SHOWN = 6


@dataclass
class PickTool:
    name: str
    slug: str
    status: str
    url: str | None  # the tool page, when the site has one
    aliases: tuple[str, ...] = ()
    earlier: list[dict[str, str]] = field(default_factory=list)  # {label, url, external}
    alternatives: list[PickTool] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class PickCategory:
    id: str
    name: str
    tools: list[PickTool]

    def count(self, status: str) -> int:
        return sum(1 for tool in self.tools if tool.status == status)


def _taken_slugs(corpus: Corpus) -> set[str]:
    return {
        tool.slug
        for post in corpus.posts
        if post.semester == corpus.course.semester and post.status in SHOWN_STATUSES
        for tool in post.tools
    }


def _earlier(entry: ToolEntry | None, corpus: Corpus) -> list[dict[str, str]]:
    if entry is None:
        return []
    order = corpus.course.semester_order
    current = order(corpus.course.semester)
    found = [
        {"label": f"{a.title} ({a.semester_label})", "url": a.url, "external": ""}
        for a in entry.articles
        if order(a.semester) < current
    ]
    found += [
        {"label": f"{p.label} ({p.semester_label}, {p.host})", "url": p.url, "external": "1"}
        for p in entry.prior
    ]
    return found


def pick_categories(corpus: Corpus, tools_by_slug: dict[str, ToolEntry]) -> list[PickCategory]:
    """Categories in course.yaml's order (tools of unknown categories last), tools A-Z."""
    taken = _taken_slugs(corpus)
    names = {c.id: c.name for c in corpus.course.categories}
    by_category: dict[str, list[Tool]] = {c.id: [] for c in corpus.course.categories}
    for tool in corpus.registry.tools:
        by_category.setdefault(tool.category if tool.category in names else "", []).append(tool)
    picks: dict[str, PickTool] = {}
    for tool in corpus.registry.tools:
        entry = tools_by_slug.get(tool.slug)
        earlier = _earlier(entry, corpus)
        status = TAKEN if tool.slug in taken else COVERED if earlier else OPEN
        picks[tool.slug] = PickTool(
            tool.name, tool.slug, status, entry.url if entry else None, tool.aliases, earlier
        )
    categories = []
    for category_id, tools in by_category.items():
        if not tools:
            continue
        ordered = sorted(tools, key=lambda t: t.name.casefold())
        for tool in ordered:
            pick = picks[tool.slug]
            if pick.status != TAKEN:
                continue
            named = [corpus.registry.lookup(n) for n in tool.alternatives]
            # Named alternatives first, then never-covered tools, then earlier-covered ones.
            rest = sorted(ordered, key=lambda t: picks[t.slug].status != OPEN)
            candidates = [t for t in named if t is not None] + rest
            seen: set[str] = set()
            for other in candidates:
                alternative = picks.get(other.slug)
                if alternative is None or alternative.status == TAKEN or other.slug in seen:
                    continue
                seen.add(other.slug)
                pick.alternatives.append(alternative)
                if len(pick.alternatives) == ALTERNATIVES_SHOWN:
                    break
        label = names.get(category_id, "Other tools")
        shown = [picks[t.slug] for t in ordered]
        categories.append(PickCategory(category_id or "other", label, shown))
    return categories
