"""Images for the site: a social card per post, and responsive markup for post images.

Both go through the content-addressed cache in `<CACHE_PATH>/anthology-images/`, so a warm
rebuild draws and encodes nothing: it hashes inputs, finds the files (verified against
their recorded size and hash; a damaged one is made again) and copies them into the output
unless an identical copy is already there.
"""

from __future__ import annotations

import html as htmllib
import logging
import multiprocessing
import os
import posixpath
import re
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit

from ..images.cache import CACHE_DIR, ImageCache, digest, file_digest, place
from ..images.cards import card_key, card_png, draw_card, reuse_image_memory
from ..images.responsive import (
    FORMATS,
    RESPONSIVE_VERSION,
    WEBP,
    Variant,
    open_upright,
    render_variant,
    variants,
    worth_serving,
)
from . import ledger
from .settings import SettingsError, plugin_settings

logger = logging.getLogger(__name__)

SIZES = "(max-width: 760px) 100vw, 720px"  # the prose column is at most ~720 px wide
ABOVE_FOLD_CHARS = 600  # the first image is loaded eagerly if this little text precedes it
_TOKENS = re.compile(r"<picture\b[^>]*>|</picture\s*>|<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_TAG = re.compile(r"<[^>]*>")
_STATIC = "{static}/"
_ORDER = ("src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding")


def image_cache(settings: dict[str, Any]) -> ImageCache:
    """The image cache under CACHE_PATH, which must lie outside the content folder."""
    return _image_cache(str(settings["CACHE_PATH"]), str(settings["PATH"]), str(Path.cwd()))


@lru_cache(maxsize=8)
def _image_cache(cache_path: str, content_path: str, _cwd: str) -> ImageCache:
    # Remembered: resolving both paths for every post and image was a tenth of a warm build.
    root = Path(cache_path).resolve() / CACHE_DIR
    if root.is_relative_to(Path(content_path).resolve()):
        raise SettingsError(
            f"anthology plugin: CACHE_PATH ({cache_path}) is inside the content "
            "folder; images are cached there, so set it outside, e.g. CACHE_PATH = '.cache'"
        )
    return ImageCache(root)


CardText = tuple[str, list[str], str | None, str, str]


def _card_text(article: Any, course: Any) -> CardText:
    category = getattr(article, "category", None)
    return _text(
        str(article.title),
        [ref.name for ref in getattr(article, "tools", [])],
        category.name if category else None,
        course,
        str(getattr(article, "semester_label", "") or ""),
    )


def post_card_text(post: Any, course: Any) -> CardText:
    """A post's card text from its front matter, as its article will have it (the reader
    names the category of an announcement after course.yaml)."""
    category = post.category.name if post.category else course.announcement_category
    return _text(
        post.title,
        [tool.name for tool in post.tools],
        category,
        course,
        course.semester_label(post.semester),
    )


def _text(title: str, tools: list[str], category: str | None, course: Any, label: str):
    footer = " ".join(part for part in (course.number, course.name) if part)
    return (title, tools, category, footer, label)


def _draw_into_cache(root: Path, batch: list[tuple[str, CardText]]) -> None:
    cache = ImageCache(root)
    for key, text in batch:
        cache.put_bytes(key, ".png", card_png(draw_card(*text)))


PARALLEL_MIN_CARDS = 32  # below this, starting worker processes costs more than it saves
BATCH = 16  # cards per job: fewer futures to hold (memory at 5,000 posts), still balanced


class BackgroundCards:
    """The cards the cache lacks, drawn in worker processes while the build goes on.

    Drawing and encoding a card is pure CPU work of about 5 ms; in worker processes (one
    per core but one), started when reading starts, it overlaps reading and rendering
    instead of holding up the build. Every card given to the workers is placed at the
    end (`finish`), drawn or not when its post was handled: copying a thousand files
    earlier would only delay the post pages, and with them the search index, which starts
    when the last one is written. Where processes cannot be forked, or a worker fails,
    the card is drawn there, in the build's own process.
    """

    def __init__(self, settings: dict[str, Any], texts: list[CardText]):
        self.cache = image_cache(settings)
        self.pending: dict[str, Future[None]] = {}  # card key -> the job drawing it
        self.deferred: list[tuple[str, CardText, Path]] = []
        jobs: dict[str, CardText] = {}
        for text in texts:
            key = card_key(*text)
            if key not in jobs and not self.cache.path(key, ".png").is_file():
                jobs[key] = text
        # One core stays with the build's own process, which reads and renders meanwhile
        # and is the longer job: sharing its core with a worker only delays it.
        workers = (os.cpu_count() or 1) - 1
        self.pool: ProcessPoolExecutor | None = None
        if len(jobs) < PARALLEL_MIN_CARDS or workers < 1 or sys.platform != "linux":
            return
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=reuse_image_memory,
        )
        items = list(jobs.items())
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            future = self.pool.submit(_draw_into_cache, self.cache.root, batch)
            for key, _text in batch:
                self.pending[key] = future

    def drawing(self, key: str) -> bool:
        """Whether the workers were given this card (it is placed by `finish`)."""
        return key in self.pending

    def defer(self, key: str, text: CardText, target: Path) -> None:
        self.deferred.append((key, text, target))

    def finish(self) -> None:
        """Wait for the workers, then place the cards that were not ready earlier."""
        for future in set(self.pending.values()):
            try:
                future.result()
            except Exception as exc:
                logger.warning("anthology: drawing a card in a worker failed (%s)", exc)
        self.cancel()
        for key, text, target in self.deferred:
            _place_card(self.cache, key, text, target)
        self.deferred.clear()

    def cancel(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _place_card(cache: ImageCache, key: str, text: CardText, target: Path) -> bool:
    cached = cache.get(key, ".png")
    if cached is None:
        try:
            cached = cache.put_bytes(key, ".png", card_png(draw_card(*text)))
        except (OSError, RuntimeError) as exc:
            logger.warning("anthology: no social card for %s: %s", target.name, exc)
            return False
    place(cached, target)
    ledger.note(target)
    return True


def attach_social_card(
    article: Any,
    settings: dict[str, Any],
    output_path: str | Path,
    course: Any,
    background: BackgroundCards | None = None,
) -> None:
    """Write `cards/<slug>.png` (drawn once, then cached) and set `article.social_image`;
    a card given to `background` is placed when it finishes."""
    text = _card_text(article, course)
    key = card_key(*text)
    name = f"cards/{article.slug}.png"
    target = Path(output_path) / name
    if background is not None and background.drawing(key):
        background.defer(key, text, target)
    elif not _place_card(image_cache(settings), key, text, target):
        return
    article.social_image = name


def responsive_images(
    html: str,
    article: Any,
    settings: dict[str, Any],
    output_path: str | Path,
    content_path: str | Path,
    placed: dict[tuple[Any, ...], list[Variant]] | None = None,
) -> str:
    """Post HTML with each local image served in several widths (see the module doc).

    Works on the HTML the reader made (sanitized, `{static}` links not yet resolved).
    The first image keeps eager loading if it is near the top; all others load lazily.
    `placed`, kept by the caller for one build, remembers images already placed in it
    (an image shown by several posts is planned and copied once).
    """
    if "<img" not in html.lower():
        return html
    rewriter = _Rewriter(article, settings, Path(output_path), Path(content_path), placed)
    return _TOKENS.sub(lambda match: rewriter.token(match, html), html)


class _Rewriter:
    def __init__(
        self,
        article: Any,
        settings: dict[str, Any],
        output: Path,
        content: Path,
        placed: dict[tuple[Any, ...], list[Variant]] | None = None,
    ):
        self.placed = {} if placed is None else placed
        self.article = article
        self.settings = settings
        self.output = output
        self.content = content
        self.widths = list(plugin_settings(settings)["IMAGE_WIDTHS"])
        self.cache = image_cache(settings)
        self.images = 0
        self.in_picture = 0

    def token(self, match: re.Match[str], html: str) -> str:
        tag = match.group(0)
        lowered = tag.lower()
        if lowered.startswith("<picture"):
            self.in_picture += 1
            return tag
        if lowered.startswith("</picture"):
            self.in_picture = max(0, self.in_picture - 1)
            return tag
        attrs = _attributes(tag)
        first = self.images == 0
        self.images += 1
        near_top = first and len(_TAG.sub("", html[: match.start()])) < ABOVE_FOLD_CHARS
        attrs.setdefault("loading", "eager" if near_top else "lazy")
        attrs.setdefault("decoding", "async")
        if "srcset" in attrs or self.in_picture:
            return _img(attrs)  # the author chose the sources; keep them
        return self.responsive(attrs)

    def responsive(self, attrs: dict[str, str]) -> str:
        src = htmllib.unescape(attrs.get("src", ""))
        located = self.locate(src)
        if located is None:
            return _img(attrs)
        source, save_as, url = located
        try:
            planned = self.materialise(source, save_as)
        except Exception as exc:  # Pillow raises many kinds of error for a broken file
            logger.warning("anthology: image %s left as is; it could not be read: %s", source, exc)
            return _img(attrs)
        itself = planned[-1]
        if "width" not in attrs and "height" not in attrs:
            attrs["width"], attrs["height"] = str(itself.width), str(itself.height)
        if len(planned) == 1:
            return _img(attrs)
        suffix = Path(source).suffix
        modern = [v for v in planned if v.format == WEBP and itself.format != WEBP]
        fallback = [v for v in planned if v not in modern]
        attrs["srcset"] = self.srcset(fallback, url, suffix)
        attrs["sizes"] = SIZES
        if not modern:
            return _img(attrs)
        webp = self.srcset(modern, url, suffix)
        return (
            f'<picture><source type="image/webp" srcset="{webp}" sizes="{SIZES}">'
            f"{_img(attrs)}</picture>"
        )

    def locate(self, src: str) -> tuple[Path, str, str] | None:
        """(source file, output path, site URL path) of a `{static}` raster image."""
        if not src.startswith(_STATIC):
            return None
        relative = posixpath.normpath(unquote(urlsplit(src[len(_STATIC) :]).path))
        if relative.startswith(("..", "/")) or Path(relative).suffix.lower() not in FORMATS:
            return None
        source = self.content / relative
        if not source.is_file() or not source.resolve().is_relative_to(self.content.resolve()):
            return None  # a broken link (Pelican warns) or one leaving the content folder
        try:
            save_as = self.settings.get("STATIC_SAVE_AS", "{path}").format(path=relative)
            url = self.settings.get("STATIC_URL", "{path}").format(path=relative)
        except (KeyError, IndexError):
            return None  # a STATIC_URL pattern beyond {path}: leave the image alone
        return source, save_as, url

    def materialise(self, source: Path, save_as: str) -> list[Variant]:
        """Plan the variants, render missing ones into the cache, place the useful ones.

        Returns the variants to serve, the source itself last.
        """
        stat = source.stat()
        done = (str(source), stat.st_size, stat.st_mtime_ns, save_as, tuple(self.widths))
        if done not in self.placed:
            self.placed[done] = self._materialise(source, save_as)
        return self.placed[done]

    def _materialise(self, source: Path, save_as: str) -> list[Variant]:
        # A file of the same name in content/ is the author's; Pelican copies it over ours.
        planned = [
            v
            for v in variants(source, self.widths)
            if v.original or not source.with_name(source.stem + v.suffix(source.suffix)).exists()
        ]
        source_key = digest(RESPONSIVE_VERSION, file_digest(source))
        image = None
        files: dict[Variant, Path] = {planned[-1]: source}
        for variant in planned[:-1]:
            suffix = variant.suffix(source.suffix)
            key = digest("variant", source_key, repr(tuple(variant)))
            cached = self.cache.get(key, suffix)
            if cached is None:
                if image is None:
                    image = open_upright(source)
                cached = self.cache.put_bytes(key, suffix, render_variant(image, variant))
            files[variant] = cached
        kept = worth_serving(planned, {v: path.stat().st_size for v, path in files.items()})
        target = self.output / save_as
        for variant in kept[:-1]:
            place(files[variant], target.with_name(target.stem + variant.suffix(source.suffix)))
        return kept

    def srcset(self, chosen: list[Variant], url: str, suffix: str) -> str:
        stem, _ = posixpath.splitext(url)
        return ", ".join(
            f"{self.link(url if v.original else stem + v.suffix(suffix))} {v.width}w"
            for v in chosen
        )

    def link(self, url: str) -> str:
        """The address Pelican would write for a `{static}` link to `url`."""
        url = quote(url, safe="/")
        if self.settings.get("RELATIVE_URLS"):
            here = posixpath.dirname(getattr(self.article, "save_as", "") or "")
            return posixpath.relpath(url, here or ".")
        siteurl = self.settings.get("SITEURL") or ""
        return urljoin(siteurl if siteurl.endswith("/") else siteurl + "/", url)


def _attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag, values kept HTML-escaped as written."""
    inner = re.sub(r"^<img\b|/?>$", "", tag, flags=re.IGNORECASE)
    attrs: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(inner):
        name = match.group(1).lower()
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs.setdefault(name, htmllib.escape(htmllib.unescape(value)))
    return attrs


def _img(attrs: dict[str, str]) -> str:
    names = [n for n in _ORDER if n in attrs] + [n for n in attrs if n not in _ORDER]
    return "<img " + " ".join(f'{name}="{attrs[name]}"' for name in names) + ">"


def write_site_card(target: Path, settings: dict[str, Any], course: Any) -> None:
    """The listing pages' Open Graph image: the site's name on a card (cached like posts')."""
    text = (
        str(settings.get("SITENAME", "")),
        [],
        None,
        " ".join(part for part in (course.number, course.name) if part),
        course.semester_label(course.semester),
    )
    cache = image_cache(settings)
    key = card_key(*text)
    cached = cache.get(key, ".png")
    if cached is None:
        cached = cache.put_bytes(key, ".png", card_png(draw_card(*text)))
    place(cached, target)
    ledger.note(target)
