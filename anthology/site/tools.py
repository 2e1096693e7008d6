"""Tool objects as templates see them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..prior import PriorPost
from ..tools import Tool, normalize, slugify


@dataclass(frozen=True)
class ToolRef:
    """What a post page needs of a tool: small and picklable for Pelican's cache."""

    name: str
    slug: str
    aliases: list[str] = field(default_factory=list)
    category: str | None = None

    @property
    def url(self) -> str:
        return f"tools/{self.slug}/"

    @classmethod
    def from_tool(cls, tool: Tool) -> ToolRef:
        return cls(tool.name, tool.slug, list(tool.aliases), tool.category)


@dataclass
class PriorEntry:
    """An earlier post published elsewhere, as listing, post and search-stub pages show it."""

    name: str
    url: str
    host: str
    semester_label: str
    dead: bool = False
    archive_url: str | None = None
    tools: list[ToolRef] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    location: str = ""  # the catalog file and line it comes from
    title: str | None = None
    author: str | None = None
    published: str | None = None
    summary: str | None = None
    semester_id: str = ""
    category_ids: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The title when known, else the name it was listed under (the tool)."""
        return self.title or self.name

    @property
    def tool_names(self) -> str:
        return ", ".join(tool.name for tool in self.tools)

    @property
    def author_slug(self) -> str | None:
        """The author page's slug; None when the name has no letters or digits ("@", "—")."""
        return slugify(self.author) if self.author and normalize(self.author) else None

    @property
    def author_url(self) -> str | None:
        return f"author/{self.author_slug}/" if self.author_slug else None

    @property
    def semester_url(self) -> str:
        return f"semesters/{self.semester_id}/"

    @property
    def page_url(self) -> str:
        """The search stub's address: readable name plus a short hash of the external url."""
        digest = hashlib.sha1(self.url.encode("utf-8")).hexdigest()[:8]
        return f"earlier/{slugify(self.name)}-{digest}/"

    @classmethod
    def from_prior(
        cls, prior: PriorPost, category_names: dict[str, str], semester_label: str = ""
    ) -> PriorEntry:
        tools = [ToolRef.from_tool(tool) for tool in prior.tools]
        ids = sorted({t.category for t in prior.tools if t.category in category_names})
        return cls(
            prior.name,
            prior.url,
            prior.host,
            semester_label or prior.semester,
            prior.dead,
            prior.archive_url,
            tools,
            [category_names[i] for i in ids],
            prior.location,
            title=prior.title,
            author=prior.author,
            published=prior.published,
            summary=prior.summary,
            semester_id=semester_slug(prior.semester),
            category_ids=ids,
        )


@dataclass
class ToolEntry:
    """A tool page: every post on the site and every earlier post on the tool."""

    name: str
    slug: str
    category: str | None
    homepage: str | None
    aliases: list[str]
    articles: list[Any] = field(default_factory=list)
    prior: list[PriorEntry] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"tools/{self.slug}/"

    @property
    def count(self) -> int:
        return len(self.articles) + len(self.prior)

    @property
    def feed_atom(self) -> str:
        return f"feeds/tool/{self.slug}.atom.xml"

    @property
    def feed_rss(self) -> str:
        return f"feeds/tool/{self.slug}.rss.xml"


def semester_slug(semester: str) -> str:
    """A semester's address part: course ids (F2026) as they are, other labels slugified;
    a label with no letters or digits is "earlier"."""
    if semester.isascii() and semester.isalnum():
        return semester
    return slugify(semester) if normalize(semester) else "earlier"


@dataclass
class SemesterEntry:
    """A semester page: this site's posts of that semester and the earlier posts elsewhere."""

    id: str
    label: str
    articles: list[Any]
    is_current: bool
    prior: list[PriorEntry] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"semesters/{self.id}/"

    @property
    def count(self) -> int:
        return len(self.articles) + len(self.prior)


@dataclass
class CategoryEntry:
    """A category page: this semester's posts, earlier semesters' posts here and elsewhere."""

    category: Any  # Pelican's Category: name, slug, url
    current: list[Any] = field(default_factory=list)
    earlier: list[Any] = field(default_factory=list)
    prior: list[PriorEntry] = field(default_factory=list)

    @property
    def articles(self) -> list[Any]:
        return self.current + self.earlier

    @property
    def count(self) -> int:
        return len(self.current) + len(self.earlier) + len(self.prior)

    @property
    def feed_atom(self) -> str:
        return f"feeds/category/{self.category.slug}.atom.xml"

    @property
    def feed_rss(self) -> str:
        return f"feeds/category/{self.category.slug}.rss.xml"


@dataclass
class PriorAuthor:
    """Someone known only from earlier posts published elsewhere (no post on this site)."""

    name: str
    slug: str

    @property
    def url(self) -> str:
        return f"author/{self.slug}/"
