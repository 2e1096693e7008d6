"""Images: present, committed (not loaded from elsewhere), alt text, real format matching
the name, and within size limits. `inspect` is also what the build asks before it
publishes a file from content/images/."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...course import Course
from ...findings import Finding
from ..context import PostContext
from .links import classify, target_problems

DEFAULT_FORMATS = ("PNG", "JPEG", "GIF", "WEBP")


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


def _open(file: Path) -> tuple[str | None, tuple[int, int]]:
    """Format and size of a readable image; raises when the file is not one."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(file) as image:
            found, size = image.format, image.size
            image.verify()
        with Image.open(file) as image:
            image.load()
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
        found, (width, height) = _open(file)
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


def images(ctx: PostContext) -> Iterator[Finding]:
    """Every Markdown and HTML image of the body."""
    limits = limits_of(ctx)
    for link in ctx.body.links:
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
