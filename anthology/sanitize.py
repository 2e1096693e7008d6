"""Allow-list sanitizing of post HTML with nh3: students' HTML can never run script."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS) | {
    "figure",
    "figcaption",
    "picture",
    "source",
    "details",
    "summary",
    "mark",
    "kbd",
    "samp",
    "var",
    "sup",
    "sub",
    "abbr",
    "dl",
    "dt",
    "dd",
    "section",
}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "abbr": {"title"},
    "code": {"class"},
}


def clean_html(html: str) -> str:
    """Keep safe markup only: no script, style (element or attribute), iframe, event
    handlers or javascript: URLs. Table alignment arrives as classes (table_align.py)."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
