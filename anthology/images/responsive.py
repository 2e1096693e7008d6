"""Responsive variants of a post image: a few widths, in WebP and in the original format.

Nothing is ever scaled up. Animated images are left as they are; EXIF orientation is
applied, so a phone photo taken sideways comes out upright in every variant.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from PIL import ExifTags, Image, ImageOps

RESPONSIVE_VERSION = "1"  # bump when encoding changes, so cached variants are redone
WEBP = "WEBP"
FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": WEBP}
EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", WEBP: ".webp"}
_LOSSLESS_SOURCES = {"PNG", "GIF"}  # diagrams and screenshots: keep their edges sharp
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


class Variant(NamedTuple):
    """One file to serve: its size, Pillow format, and whether it is the source itself."""

    width: int
    height: int
    format: str
    original: bool = False
    lossless: bool = False

    def suffix(self, original_suffix: str) -> str:
        """The end of the variant's file name, e.g. `-480w.webp`; "" for the source."""
        if self.original:
            return ""
        extension = EXTENSIONS[self.format]
        if EXTENSIONS.get(FORMATS.get(original_suffix.lower(), "")) == extension:
            extension = original_suffix  # keep `.jpeg` or `.PNG` as the author wrote it
        return f"-{self.width}w{extension}"


@dataclass(frozen=True)
class SourceImage:
    """What the variants are planned from: the upright size, format and animation."""

    width: int
    height: int
    format: str
    animated: bool


def inspect(path: Path) -> SourceImage:
    """Read the image's header; raises OSError (or another Pillow error) if it is broken.

    Remembered per (path, size, mtime) for the process: posts share images, and a build
    asks once per use.
    """
    stat = path.stat()
    return _inspect(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=8192)
def _inspect(name: str, _size: int, _mtime_ns: int) -> SourceImage:
    with Image.open(name) as image:
        width, height = image.size
        if image.getexif().get(ExifTags.Base.Orientation, 1) in _ROTATED:
            width, height = height, width
        animated = bool(getattr(image, "is_animated", False))
        return SourceImage(width, height, image.format or "", animated)


def plan(source: SourceImage, widths: list[int]) -> list[Variant]:
    """The variants of `source`, smallest first, the source itself last."""
    itself = Variant(source.width, source.height, source.format, original=True)
    if source.animated or source.format not in EXTENSIONS:
        return [itself]
    fallback = "PNG" if source.format == "GIF" else source.format
    out: list[Variant] = []
    for width in sorted(set(widths)):
        if width >= source.width:
            continue
        height = max(1, round(source.height * width / source.width))
        out.append(Variant(width, height, WEBP))
        if fallback != WEBP:
            out.append(Variant(width, height, fallback))
    if source.format != WEBP:
        # Unscaled diagrams and screenshots compress best losslessly; scaled ones do not.
        lossless = source.format in _LOSSLESS_SOURCES
        out.append(Variant(source.width, source.height, WEBP, lossless=lossless))
    return [*out, itself]


def worth_serving(planned: list[Variant], sizes: dict[Variant, int]) -> list[Variant]:
    """The planned variants that are smaller in bytes than the next larger file of their kind.

    `sizes` gives every variant's encoded size, the source's included. A scaled-down PNG of
    a diagram can be larger than the original; serving it would only cost bandwidth.
    """
    itself = planned[-1]
    kept: list[Variant] = []
    for is_webp in (True, False):
        limit = sizes[itself]
        group = [v for v in planned if (v.format == WEBP) == is_webp]
        for variant in sorted(group, key=lambda v: (v.width, v.original), reverse=True):
            if variant.original or sizes[variant] < limit:
                kept.append(variant)
                limit = sizes[variant]
    return sorted(kept, key=planned.index)


def variants(source_path: Path, widths: list[int]) -> list[Variant]:
    """The variants to serve for the image at `source_path` (see `plan`)."""
    return plan(inspect(source_path), widths)


def open_upright(path: Path) -> Image.Image:
    """The decoded image with its EXIF orientation applied and a mode Pillow can resize."""
    with Image.open(path) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGB", "RGBA", "L"):
        return upright
    has_alpha = upright.mode in ("LA", "PA", "RGBa", "La") or "transparency" in upright.info
    return upright.convert("RGBA" if has_alpha else "RGB")


def render_variant(image: Image.Image, variant: Variant) -> bytes:
    """The encoded bytes of `variant`, from an image returned by `open_upright`."""
    if variant.original:
        raise ValueError("the original is served as is, not rendered")
    size = (variant.width, variant.height)
    resized = (
        image
        if image.size == size
        else image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    )
    buffer = io.BytesIO()
    if variant.format == WEBP:
        resized.save(buffer, WEBP, quality=80, method=4, lossless=variant.lossless)
    elif variant.format == "JPEG":
        resized.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    else:
        resized.save(buffer, variant.format)
    return buffer.getvalue()
