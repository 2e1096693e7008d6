"""Relative links in posts: resolve them against the post's folder, inside content/."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

_ATTRIBUTE = re.compile(r"""(?P<name>href|src)=(?P<quote>["'])(?P<url>[^"']*)(?P=quote)""")


def is_relative(url: str) -> bool:
    """A link to a file next to the post: no scheme, no host, not root-absolute, not `#x`."""
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith(("/", "#", "{")) or not parts.path)


def resolve(post_path: str, url: str) -> str | None:
    """The content-root-relative path a relative link points to, or None if it leaves it.

    `post_path` is the post's path relative to the content root (e.g. posts/F2026/x.md).
    """
    target = urlsplit(url).path
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(post_path), target))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


def rewrite_relative_links(html: str, post_path: str) -> str:
    """Turn links to content files into Pelican's `{filename}`/`{static}` references.

    Students link to other posts and images relative to their Markdown file, as editors
    and GitHub preview do; Pelican then writes each reference as the target's site URL.
    """

    def replace(match: re.Match[str]) -> str:
        url = match.group("url")
        if not is_relative(url):
            return match.group(0)
        target = resolve(post_path, url)
        if target is None:
            return match.group(0)
        parts = urlsplit(url)
        kind = "filename" if target.endswith(".md") else "static"
        suffix = f"#{parts.fragment}" if parts.fragment else ""
        return (
            f"{match.group('name')}={match.group('quote')}{{{kind}}}/{target}{suffix}"
            f"{match.group('quote')}"
        )

    return _ATTRIBUTE.sub(replace, html)
