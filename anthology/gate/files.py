"""Findings about the files in content/images/.

Every file there that is checked (all of them, or those a pull request adds or changes)
must be an image the build will publish: one Pillow identifies by content, in a format of
course.yaml, named for that format. (Symbolic links are refused before anything is read:
see `command.py` and anthology/contentfiles.py.)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..contentfiles import IMAGES_DIR
from ..corpus import ContentPaths
from ..course import Course
from ..findings import Finding, error
from .rules.images import course_limits, inspect


def image_files(paths: ContentPaths) -> list[Path]:
    """Every file under content/images/ (links are reported separately, not listed)."""
    folder = paths.root / IMAGES_DIR
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def in_images(paths: ContentPaths, file: Path) -> bool:
    folder = (paths.root / IMAGES_DIR).resolve()
    return file.resolve().is_relative_to(folder) and not file.is_symlink()


def image_findings(paths: ContentPaths, course: Course, images: Iterable[Path]) -> list[Finding]:
    """Problems of the given files under content/images/."""
    found: list[Finding] = []
    limits = course_limits(course)
    for file in sorted(set(images)):
        if not file.is_file() or file.is_symlink():
            continue
        shown = paths.shown(file)
        for problem in inspect(file.resolve(), file.stat().st_mtime_ns, limits):
            found.append(error(problem.rule, shown, None, problem.message, problem.fix))
    return found
