"""Images: present, committed (not loaded from elsewhere), alt text that describes, served
safely, real format matching the name, within size limits. `inspect` is also what the build
asks before it publishes a file from content/images/."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ...addresses import browser_form, host_of
from ...course import Course
from ...findings import Finding
from ..context import PostContext
from ..scan import Link
from .links import checked_links, classify, target_problems

DEFAULT_FORMATS = ("PNG", "JPEG", "GIF", "WEBP")
# Alt text that says nothing about the picture (editors' defaults, file names); more can be
# listed in course.yaml under `images.placeholder_alt`.
DEFAULT_PLACEHOLDER_ALT = (
    "image",
    "img",
    "picture",
    "pic",
    "photo",
    "screenshot",
    "screen shot",
    "screen capture",
    "figure",
    "fig",
    "diagram",
    "chart",
    "graph",
    "alt",
    "alt text",
    "enter image description here",
    "image description",
    "description",
    "untitled",
    "placeholder",
    "todo",
)
_FILLER_WORDS = frozenset({"a", "an", "the", "this", "my", "our", "here", "of", "at", "on", "in"})
_WORDS = re.compile(r"[^\W_]+")
_FILE_NAME = re.compile(r"[^\s/]+\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?|avif|heic)", re.IGNORECASE)
# Attributes of raw HTML media tags that make the browser fetch a URL (an <img src> is a link
# already).
_MEDIA_ATTRIBUTES = {
    "img": ("srcset",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "input": ("src",),
    "track": ("src",),
}


@dataclass(frozen=True)
class Limits:
    formats: tuple[str, ...]
    max_bytes: int
    max_width: int
    max_height: int


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str
    fix: str


def limits_of(ctx: PostContext) -> Limits:
    return course_limits(ctx.course)


def course_limits(course: Course) -> Limits:
    """The image formats and limits of `images:` in course.yaml."""
    setting = course.setting
    formats = setting("images", "formats", default=DEFAULT_FORMATS)
    return Limits(
        formats=tuple(str(f).upper() for f in formats),
        max_bytes=int(setting("images", "max_bytes", default=2_000_000)),
        max_width=int(setting("images", "max_width", default=4000)),
        max_height=int(setting("images", "max_height", default=4000)),
    )


class _TooManyPixels(Exception):
    """The header announces more pixels than the limits allow: nothing is decoded."""

    def __init__(self, size: tuple[int, int]):
        super().__init__(f"{size[0]}×{size[1]}")
        self.size = size


def _open(file: Path, limits: Limits) -> tuple[str | None, tuple[int, int]]:
    """Format and size of a readable image; raises when the file is not one.

    `Image.open` reads only the header, so the size is known before any pixel is decoded:
    an image over the limits is refused from its header (an 81-megapixel PNG of a few
    kilobytes would take hundreds of megabytes to decode). Only an image within the limits
    (at most max_width × max_height pixels, 64 MB at 4000×4000 RGBA) is decoded in full, to
    find truncated or corrupt data. Pillow's own bomb check is set to the same limit.
    """
    from PIL import Image

    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limits.max_width * limits.max_height
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                found, size = image.format, image.size
                if size[0] > limits.max_width or size[1] > limits.max_height:
                    raise _TooManyPixels(size)
                image.verify()
            with Image.open(file) as image:
                image.load()
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    return found, size


@lru_cache(maxsize=1024)
def inspect(file: Path, mtime_ns: int, limits: Limits) -> tuple[Problem, ...]:
    """Problems of one image file (cached per file version)."""
    from PIL import Image

    size = file.stat().st_size
    if size > limits.max_bytes:
        return (
            Problem(
                "image-too-large",
                f"the image is {size:,} bytes; the limit is {limits.max_bytes:,}",
                "Resize or compress it (e.g. export as JPEG).",
            ),
        )
    try:
        found, (width, height) = _open(file, limits)
    except _TooManyPixels as big:
        return (
            Problem(
                "image-too-large",
                f"the image is {big.size[0]}×{big.size[1]} pixels; the limit is "
                f"{limits.max_width}×{limits.max_height}",
                "Scale it down before adding it.",
            ),
        )
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return (
            Problem(
                "image-too-large",
                "the image has far too many pixels",
                "Resize it to a few thousand pixels at most.",
            ),
        )
    except Exception as exc:
        return (
            Problem(
                "image-corrupt",
                f"the file cannot be read as an image ({exc}); only raster images in "
                f"{', '.join(limits.formats)} are published (never SVG, HTML or scripts)",
                "Re-export the image from your editor as PNG or JPEG.",
            ),
        )
    problems = []
    expected = Image.registered_extensions().get(file.suffix.lower())
    if found not in limits.formats:
        problems.append(
            Problem(
                "image-format",
                f"the image is in {found} format; allowed are " + ", ".join(limits.formats),
                "Convert it to PNG or JPEG.",
            )
        )
    elif expected != found:
        fix = (
            f"Rename it with the extension of its real format, or re-export it as {expected}."
            if expected
            else f"Rename it with the extension of its real format (a {found} file)."
        )
        problems.append(
            Problem(
                "image-format",
                f"the file is really a {found} image but is named “{file.name}”",
                fix,
            )
        )
    if width > limits.max_width or height > limits.max_height:
        problems.append(
            Problem(
                "image-too-large",
                f"the image is {width}×{height} pixels; the limit is "
                f"{limits.max_width}×{limits.max_height}",
                "Scale it down before adding it.",
            )
        )
    return tuple(problems)


def _core(text: str) -> str:
    """The words that carry meaning: lowercase, without numbers and filler words."""
    words = _WORDS.findall(text.casefold())
    return " ".join(w for w in words if not w.isdigit() and w not in _FILLER_WORDS)


def placeholder_alt(alt: str, target: str, phrases: frozenset[str]) -> bool:
    """Whether `alt` is a stand-in (an editor's default, a file name) rather than a
    description; `phrases` are the stand-ins' cores (`_cores`)."""
    words = _WORDS.findall(alt.casefold())
    core = _core(alt)
    if not core or core in phrases or _FILE_NAME.fullmatch(alt.strip()):
        return True
    name = PurePosixPath(unquote(urlsplit(target.strip()).path)).name.casefold()
    named = _WORDS.findall(name)
    return bool(named) and words in (named, named[:-1])


def _phrases(ctx: PostContext) -> frozenset[str]:
    listed = ctx.course.setting("images", "placeholder_alt", default=DEFAULT_PLACEHOLDER_ALT)
    items = listed if isinstance(listed, list | tuple) else DEFAULT_PLACEHOLDER_ALT
    return _cores(tuple(str(item) for item in items))


@lru_cache(maxsize=8)  # one list per course: not folded again for every post
def _cores(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_core(phrase) for phrase in phrases)


def source_problems(ctx: PostContext, url: str, line: int, column: int | None) -> Iterator[Finding]:
    """An image fetched from a private or local host, or over plain http."""
    host = host_of(url)
    if host is not None and host.private:
        yield ctx.error(
            "image-host-private",
            line,
            f"the image “{url}” is fetched from {host.name}, {host.private}: every reader's "
            "browser would request it from their own machine or network",
            "Put the image in content/images/ and link to the file, or use a public https:// "
            "address.",
            column,
        )
    elif urlsplit(browser_form(url)).scheme.lower() == "http":
        yield ctx.error(
            "image-not-https",
            line,
            f"the image “{url}” is fetched over plain http",
            "Put the image in content/images/ and link to the file, or use its https:// address.",
            column,
        )


def _media_sources(ctx: PostContext) -> Iterator[Finding]:
    """URLs that raw HTML media tags fetch, other than an <img>'s src (a link already)."""
    for tag in ctx.body.tags:
        for name, value in tag.attrs:
            if name not in _MEDIA_ATTRIBUTES.get(tag.name, ()) or not value:
                continue
            candidates = value.split(",") if name == "srcset" else [value]
            for candidate in candidates:
                url = candidate.strip().split(" ", 1)[0]
                if url:
                    yield from source_problems(ctx, url, tag.line, tag.column)


def images(ctx: PostContext) -> Iterator[Finding]:
    """Every Markdown and HTML image of the body."""
    limits = limits_of(ctx)
    phrases = _phrases(ctx)
    for link in checked_links(ctx):
        if not link.image:
            continue
        if not link.has_alt:
            yield ctx.error(
                "image-alt-missing",
                link.line,
                f"the image “{link.target}” has no alt text",
                "Describe the image in the brackets: ![What the image shows](path).",
                link.column,
            )
        elif placeholder_alt(link.text, link.target, phrases):
            yield _placeholder(ctx, link)
        yield from source_problems(ctx, link.target, link.line, link.column)
        yield from target_problems(ctx, link, "image-missing")
        target = classify(ctx, link.target)
        if target.kind == "external":
            yield ctx.error(
                "image-external",
                link.line,
                f"the image “{link.target}” is loaded from another site; the site shows only "
                "images it publishes itself (its Content-Security-Policy blocks others, and "
                "an outside image tells its host who reads the post)",
                "Commit the image instead (if its licence allows): save it under "
                "content/images/ and link to it relatively, e.g. ![What it shows]"
                "(../../images/your-id/picture.png).",
                link.column,
            )
        if target.kind != "file" or target.file is None or not target.file.is_file():
            continue
        stat = target.file.stat()
        for problem in inspect(target.file, stat.st_mtime_ns, limits):
            yield ctx.error(problem.rule, link.line, problem.message, problem.fix, link.column)
    yield from _media_sources(ctx)


def _placeholder(ctx: PostContext, link: Link) -> Finding:
    return ctx.warning(
        "image-alt-placeholder",
        link.line,
        f"the alt text “{link.text}” does not describe the image “{link.target}”",
        "Say what the image shows and why it matters, e.g. ![MLflow's run comparison: the "
        "new model's RMSE is lower](path). Readers who cannot see it hear only this text.",
        link.column,
    )
