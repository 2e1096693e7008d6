"""Tool objects as templates see them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..prior import PriorPost
from ..tools import Tool, slugify


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
    """An earlier post published elsewhere, as tool, post and search-stub pages show it."""

    name: str
    url: str
    host: str
    semester_label: str
    dead: bool = False
    archive_url: str | None = None
    tools: list[ToolRef] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    location: str = ""  # the catalog file and line it comes from

    @property
    def page_url(self) -> str:
        """The search stub's address: readable name plus a short hash of the external url."""
        digest = hashlib.sha1(self.url.encode("utf-8")).hexdigest()[:8]
        return f"earlier/{slugify(self.name)}-{digest}/"

    @classmethod
    def from_prior(cls, prior: PriorPost, category_names: dict[str, str]) -> PriorEntry:
        tools = [ToolRef.from_tool(tool) for tool in prior.tools]
        categories = sorted(
            {category_names[t.category] for t in prior.tools if t.category in category_names}
        )
        return cls(
            prior.name,
            prior.url,
            prior.host,
            prior.semester,
            prior.dead,
            prior.archive_url,
            tools,
            categories,
            prior.location,
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


@dataclass
class SemesterEntry:
    id: str
    label: str
    articles: list[Any]
    is_current: bool

    @property
    def url(self) -> str:
        return f"semesters/{self.id}/"
