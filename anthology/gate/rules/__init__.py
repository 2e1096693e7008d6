"""The rules, one module per family. Each rule maps a PostContext to findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ...findings import Finding
from ..context import (
    ANNOUNCEMENT,
    BROKEN,
    COMMENT,
    PAGE,
    STUB,
    TOOL_POST,
    UNREADABLE,
    PostContext,
)
from . import (
    comments,
    coverage,
    evidence,
    frontmatter,
    images,
    links,
    placement,
    prose,
    safety,
    sections,
    shape,
    toolnames,
    uniqueness,
)


@dataclass(frozen=True)
class Rule:
    name: str
    check: Callable[[PostContext], Iterable[Finding]]
    kinds: frozenset[str]


_POSTS = frozenset({STUB, ANNOUNCEMENT, TOOL_POST, BROKEN, UNREADABLE})
_CLAIMS = frozenset({STUB, TOOL_POST})
_PARSED_POSTS = frozenset({STUB, ANNOUNCEMENT, TOOL_POST})
_BODIES = frozenset({ANNOUNCEMENT, TOOL_POST, BROKEN, PAGE, COMMENT})
_TOOL_POSTS = frozenset({TOOL_POST})
_COMMENTS = frozenset({COMMENT})

RULES: tuple[Rule, ...] = (
    Rule("front matter", frontmatter.front_matter, _POSTS),
    Rule("placement", placement.semester_folder, _POSTS),
    Rule("post names", uniqueness.same_slug_or_title, _PARSED_POSTS),
    Rule("page front matter", frontmatter.page_front_matter, frozenset({PAGE})),
    Rule("sections", sections.required_sections, _TOOL_POSTS),
    Rule("scenario", sections.scenario, _TOOL_POSTS),
    Rule("one-sided verdict", sections.one_sided, _TOOL_POSTS),
    Rule("evidence", evidence.evidence, _TOOL_POSTS),
    Rule("uniqueness", uniqueness.tool_claimed, _CLAIMS),
    Rule("previously covered", coverage.previously_covered, _CLAIMS),
    Rule("tool names", toolnames.tool_names, _CLAIMS),
    Rule("comment front matter", comments.comment_front_matter, _COMMENTS),
    Rule("comment target", comments.comment_target, _COMMENTS),
    Rule("comment placement", comments.comment_placement, _COMMENTS),
    Rule("comment engagement", comments.comment_engagement, _COMMENTS),
    Rule("links", links.links, _BODIES),
    Rule("images", images.images, _BODIES),
    Rule("safety", safety.unsafe_html, _BODIES),
    Rule("markdown shape", shape.markdown_shape, _BODIES),
    Rule("prose", prose.prose, _TOOL_POSTS),
)
