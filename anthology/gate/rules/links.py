"""Links: allowed schemes only, and relative targets that exist inside content/ and are
published (posts, pages and images; nothing else under content/ is ever copied out)."""

from __future__ import annotations

import difflib
import os
import posixpath
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
    key = (ctx.file.parent, target)
    known = ctx.gate.link_targets.get(key)
    if not isinstance(known, Target):
        known = ctx.gate.link_targets[key] = _classify(ctx, target)
    return known


def _classify(ctx: PostContext, target: str) -> Target:
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
        better = None
        if ctx.hints_left > 0:  # bounded: a post of thousands of broken links stays fast
            ctx.hints_left -= 1
            better = suggestion(ctx, link.target, target.file)
        yield ctx.error(
            missing_rule,
            link.line,
            f"the {what} “{link.target}” points to {shown(ctx, target.file)}, which does not exist"
            + (f"; did you mean `{better}`?" if better else ""),
            (f"Write the link as `{better}`: l" if better else "Fix the path: l")
            + "inks are relative to the post's own file (not site addresses like "
            "/posts/<name>/), and letter case matters.",
            link.column,
        )


DEFAULT_MAX_LINKS = 500


def checked_links(ctx: PostContext) -> list[Link]:
    """The links and images whose targets are checked: the first `limits.max_links` (a post
    with more is refused by the markdown shape rule)."""
    limit = int(ctx.course.setting("limits", "max_links", default=DEFAULT_MAX_LINKS))
    return ctx.body.links[:limit]


def links(ctx: PostContext) -> Iterator[Finding]:
    """Every link (not image) of the body."""
    for link in checked_links(ctx):
        if not link.image:
            yield from target_problems(ctx, link, "link-broken")


_SITE_POST = re.compile(r"^/?(?:\{filename\}/?)?posts/([^/?#]+?)(?:/(?:index\.html)?)?$")
_SITE_PAGE = re.compile(r"^/([^/?#.]+)/?$")


@lru_cache(maxsize=8)
def _content_files(root: str) -> tuple[str, ...]:
    """Every file under the content root, relative to it (for "did you mean")."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.relpath(os.path.join(folder, name), root) for name in files]
    return tuple(sorted(found))


@lru_cache(maxsize=8)
def _files_by_name(root: str) -> tuple[dict[str, list[str]], dict[str, dict[str, list[str]]]]:
    """The content files by lower-case file name, all of them and per lower-case suffix.
    Built once per root: a post with many broken links asks for a suggestion for each."""
    every: dict[str, list[str]] = {}
    by_suffix: dict[str, dict[str, list[str]]] = {}
    for file in _content_files(root):
        name = posixpath.basename(file).lower()
        every.setdefault(name, []).append(file)
        by_suffix.setdefault(posixpath.splitext(name)[1], {}).setdefault(name, []).append(file)
    return every, by_suffix


def _relative(ctx: PostContext, relative_to_root: str) -> str:
    absolute = os.path.join(ctx.gate.root, relative_to_root)
    return Path(os.path.relpath(absolute, ctx.file.resolve().parent)).as_posix()


def suggestion(ctx: PostContext, written: str, missing: Path | None) -> str | None:
    """The link a student meant, relative to the post, or None.

    A site address (`/posts/<name>/`, `/<page>/`) becomes the `.md` file it is built
    from; a mistyped file name becomes the closest existing file name.
    """
    files = _content_files(str(ctx.gate.paths.root))
    path = urlsplit(written.strip()).path
    fragment = urlsplit(written.strip()).fragment
    tail = f"#{fragment}" if fragment else ""
    site = _SITE_POST.match(path)
    if site:
        slug = unquote(site.group(1))
        post = ctx.gate.posts_by_slug.get(slug)
        if post is not None:
            return _relative(ctx, post.path.split("/", 1)[1]) + tail
        named = [f for f in files if f.startswith("posts/") and Path(f).stem == slug]
        if named:
            return _relative(ctx, named[0]) + tail
    page = _SITE_PAGE.match(path)
    if page and f"pages/{page.group(1)}.md" in files:
        return _relative(ctx, f"pages/{page.group(1)}.md") + tail
    if missing is None:
        return None
    try:
        wanted = missing.relative_to(ctx.gate.root).as_posix()
    except ValueError:
        return None
    every, by_suffix = _files_by_name(str(ctx.gate.paths.root))
    wanted_name = posixpath.basename(wanted).lower()
    by_name = by_suffix.get(posixpath.splitext(wanted_name)[1]) or every
    close = difflib.get_close_matches(wanted_name, list(by_name), n=1, cutoff=0.75)
    if not close:
        return None
    # Of equally named files, the one whose folder is closest to what was written.
    best = max(
        by_name[close[0]],
        key=lambda f: difflib.SequenceMatcher(None, f, wanted).ratio(),
    )
    return _relative(ctx, best) + tail
