"""What the build may read from content/ and copy out of it.

Nothing under content/ may be a symbolic link (checked before any file is read). Of the
files Pelican's static generator found (content/images/, plus anything a post links to
with `{static}` or `{attach}`), only images in content/images/ that Pillow identifies by
content, in a format of course.yaml and named for it, are published, and only as
re-encoded copies (anthology/images/clean.py). Anything else stops the build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..contentfiles import IMAGES_DIR, symlink_finding, symlinks
from ..corpus import ContentPaths
from ..course import load_course
from ..findings import ContentError
from ..gate.rules.images import course_limits, inspect
from ..images.cache import digest, file_digest, place
from ..images.clean import CLEAN_VERSION, clean_copy
from .generator import BuildError
from .images import image_cache

logger = logging.getLogger(__name__)


def refuse_symlinks(settings: dict[str, Any]) -> None:
    """Stop before anything is read when a symbolic link lies anywhere under content/."""
    paths = ContentPaths(Path(settings["PATH"]))
    found = symlinks(paths.root)
    if found:
        lines = "\n".join(
            f"  {finding.path}: {finding.message} [{finding.rule}] fix: {finding.fix}"
            for finding in (symlink_finding(link, paths.root) for link in found)
        )
        raise BuildError(
            f"anthology: {len(found)} symbolic link(s) in content; nothing built:\n{lines}"
        )


def restrict_static_files(generator: Any) -> None:
    """Publish only clean copies of allowed images; refuse any other static file.

    Runs when Pelican's static generator has listed its files. Allowed images are
    re-encoded into the image cache and placed into the output here; the static generator
    keeps them in `static_content` (so `{static}` links resolve) but copies nothing itself.
    """
    paths = ContentPaths(Path(generator.path))
    content = paths.root.resolve()
    images = content / IMAGES_DIR
    try:
        limits = course_limits(load_course(paths.course))
    except ContentError as exc:
        raise BuildError(f"anthology: the configuration is broken:\n{exc}") from None
    cache = image_cache(generator.settings)
    output = Path(generator.output_path)
    problems: list[str] = []
    for static in generator.staticfiles:
        source = Path(static.source_path)
        shown = paths.shown(source)
        real = source.resolve()
        if not real.exists():
            continue  # a broken link: Pelican warns, the gate reports it; nothing to copy
        if not real.is_relative_to(images) or not real.is_file():
            problems.append(
                f"  {shown}: a post links to it, but only images in content/images/ are "
                "published; link only to posts, pages and images"
            )
            continue
        if real.name.startswith("."):
            logger.warning("anthology: %s is a hidden file; not published", shown)
            continue
        found = inspect(real, real.stat().st_mtime_ns, limits)
        if found:
            problems.extend(f"  {shown}: {p.message} [{p.rule}] fix: {p.fix}" for p in found)
            continue
        key = digest("clean", CLEAN_VERSION, file_digest(real))
        cached = cache.get(key, real.suffix.lower()) or cache.put_bytes(
            key, real.suffix.lower(), clean_copy(real)
        )
        place(cached, output / static.save_as)
    if problems:
        raise BuildError(
            "anthology: files in content that cannot be published; nothing built:\n"
            + "\n".join(problems)
        )
    generator.staticfiles.clear()  # the same list as context["staticfiles"]: nothing to copy
