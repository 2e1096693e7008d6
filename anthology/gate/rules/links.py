"""Links: allowed schemes only, and relative targets that exist inside content/ and are
published (posts, pages and images; nothing else under content/ is ever copied out)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...contentfiles import publishable_kind
from ...findings import Finding
from ..context import PostContext
from ..scan import Link

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
UNSAFE_SCHEMES = frozenset({"javascript", "data", "vbscript"})  # the safety rule reports these
_PELICAN = re.compile(r"^\{(static|filename|attach)\}")
_PELICAN_OTHER = re.compile(r"^\{(tag|category|author|index|lang|article)\}")


@dataclass(frozen=True)
class Target:
    """What a link points to: kind is external, fragment, site, scheme, outside, missing or file."""

    kind: str
    scheme: str = ""
    file: Path | None = None


def classify(ctx: PostContext, target: str) -> Target:
    """Classify a link target; relative paths resolve against the post's folder."""
    text = target.strip()
    if text.startswith("#"):
        return Target("fragment")
    if _PELICAN_OTHER.match(text):
        return Target("site")
    base = ctx.file.parent
    pelican = _PELICAN.match(text)
    if pelican:
        text = text[pelican.end() :]
        if text.startswith("/"):
            base, text = ctx.gate.paths.root, text.lstrip("/")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme in ALLOWED_SCHEMES:
        return Target("external", scheme)
    if scheme or parts.netloc:
        return Target("scheme", scheme or "//")
    path = unquote(parts.path)
    if not path:
        return Target("fragment" if not text else "missing")
    if path.startswith("/"):
        base, path = ctx.gate.paths.root, path.lstrip("/")
    resolved = _resolve(base, path)
    if not resolved.is_relative_to(ctx.gate.root):
        return Target("outside", file=resolved)
    return Target("file" if resolved.exists() else "missing", file=resolved)


@lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _resolve(base: Path, path: str) -> Path:
    """`base / path` with `..` and symlinks resolved; folders are resolved once and cached."""
    joined = Path(os.path.normpath(base / path))
    real = Path(_real_folder(str(joined.parent))) / joined.name
    return real.resolve() if real.is_symlink() else real


def shown(ctx: PostContext, file: Path | None) -> str:
    if file is None:
        return "nothing"
    try:
        return file.relative_to(ctx.gate.root_parent).as_posix()
    except ValueError:
        return file.as_posix()


def target_problems(ctx: PostContext, link: Link, missing_rule: str) -> Iterator[Finding]:
    """Scheme, containment and existence problems of one link or image."""
    what = "image" if link.image else "link"
    target = classify(ctx, link.target)
    if target.kind == "scheme" and target.scheme not in UNSAFE_SCHEMES:
        yield ctx.error(
            "link-scheme",
            link.line,
            f"the {what} “{link.target}” uses `{target.scheme}:`; only http, https, mailto and "
            "relative links are allowed",
            "Use a full https:// address, or a relative link to a file inside content/.",
            link.column,
        )
    elif target.kind == "outside":
        yield ctx.error(
            "link-outside-content",
            link.line,
            f"the {what} “{link.target}” points outside content/",
            "Link only to files inside content/; put images in content/images/.",
            link.column,
        )
    elif target.kind == "file" and target.file is not None:
        kind = publishable_kind(target.file.relative_to(ctx.gate.root).as_posix())
        if kind is None or (link.image and kind != "image"):
            allowed = "images in content/images/" if link.image else "posts, pages and images"
            yield ctx.error(
                "link-not-published",
                link.line,
                f"the {what} “{link.target}” points to {shown(ctx, target.file)}, which is not "
                f"part of the site; {what}s may reach only {allowed}",
                "Link to a post, a page or an image in content/images/; to share another "
                "file, put it in your evidence repository and link there with https://.",
                link.column,
            )
    elif target.kind == "missing":
        yield ctx.error(
            missing_rule,
            link.line,
            f"the {what} “{link.target}” points to {shown(ctx, target.file)}, which does not exist",
            "Fix the path: it is relative to the post's own folder, and letter case matters.",
            link.column,
        )


def links(ctx: PostContext) -> Iterator[Finding]:
    """Every link (not image) of the body."""
    for link in ctx.body.links:
        if not link.image:
            yield from target_problems(ctx, link, "link-broken")
