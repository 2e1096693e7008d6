"""Safety: no raw HTML that could run code or restyle the site, and no script URLs."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ...findings import Finding
from ...sanitize import ALLOWED_TAGS
from ..context import PostContext

UNSAFE_TAGS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "meta",
        "link",
    }
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "background",
        "srcset",
        "xlink:href",
        "cite",
        "lowsrc",
        "dynsrc",
    }
)
_IGNORED = re.compile(r"[\x00-\x20]+")
_UNSAFE_SCHEME = re.compile(r"^(javascript|data|vbscript):")
_FIX_TAG = (
    "Remove the raw HTML; use Markdown instead, and for a video link to it or set "
    "`format: video` with `media_url`."
)
_FIX_URL = "Use an https:// link; put images in content/images/ and link to the file."


def unsafe_scheme(value: str | None, candidates: bool = False) -> str | None:
    """`javascript`, `data` or `vbscript` when the URL uses one (ignoring hidden whitespace).

    With `candidates`, the value is a `srcset`: a comma-separated list of URLs.
    """
    for url in (value or "").split(",") if candidates else [value or ""]:
        match = _UNSAFE_SCHEME.match(_IGNORED.sub("", html.unescape(url)).casefold())
        if match:
            return match.group(1)
    return None


def unsafe_html(ctx: PostContext) -> Iterator[Finding]:
    """Unsafe tags, event-handler attributes and script or data URLs, each with its line."""
    for tag in ctx.body.tags:
        if tag.name in UNSAFE_TAGS or tag.name not in ALLOWED_TAGS:
            yield ctx.error(
                "html-unsafe",
                tag.line,
                f"raw HTML `<{tag.name}>` is not allowed (the site would remove it)",
                _FIX_TAG,
                tag.column,
            )
        for name, value in tag.attrs:
            scheme = unsafe_scheme(value, name == "srcset") if name in URL_ATTRIBUTES else None
            if name.startswith("on"):
                yield ctx.error(
                    "html-unsafe",
                    tag.line,
                    f"the event-handler attribute `{name}` on `<{tag.name}>` is not allowed",
                    "Remove the attribute; posts cannot run scripts.",
                    tag.column,
                )
            elif scheme:
                yield ctx.error(
                    "html-unsafe",
                    tag.line,
                    f"`{name}` on `<{tag.name}>` uses a `{scheme}:` URL",
                    _FIX_URL,
                    tag.column,
                )
            elif name == "style":
                yield ctx.error(
                    "html-unsafe",
                    tag.line,
                    f"the `style` attribute on `<{tag.name}>` is not allowed: the site shows no "
                    "inline style (its Content-Security-Policy forbids it)",
                    "Remove the style attribute; Markdown's own formatting is styled by the site.",
                    tag.column,
                )
    for link in ctx.body.links:
        scheme = unsafe_scheme(link.target) if link.origin != "html" else None
        if scheme:
            what = "image" if link.image else "link"
            yield ctx.error(
                "html-unsafe",
                link.line,
                f"the {what} uses a `{scheme}:` URL",
                _FIX_URL,
                link.column,
            )
