"""The content tree as files: no symbolic links anywhere, and what may be published.

A link under content/ could make the build read, or publish, a file from anywhere on the
machine (`content/images/roster.png -> ../../private/roster.csv`), so none is followed:
the gate reports each one and the build stops. Git stores links as links, so a pull
request can add one; hard links cannot be committed, and images are published only as
Pillow re-encodes them (anthology/images/clean.py), so a hard-linked file of another kind
is refused by its content like any other non-image.
"""

from __future__ import annotations

import os
from pathlib import Path

from .findings import Finding, error

IMAGES_DIR = "images"
POSTS_DIR = "posts"
PAGES_DIR = "pages"


def symlinks(root: Path) -> list[Path]:
    """Every symbolic link under `root` (files and folders), never following one."""
    found: list[Path] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                found.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
    return sorted(found)


def symlink_finding(link: Path, root: Path) -> Finding:
    """The error for a link found by `symlinks(root)`, shown without resolving it."""
    shown = f"{root.resolve().name}/{link.relative_to(root).as_posix()}"
    try:
        target = str(link.readlink())
    except OSError:
        target = "?"
    return error(
        "content-symlink",
        shown,
        None,
        f"{shown} is a symbolic link (to {target}); nothing under content/ may be a link, "
        "so it is neither read nor published",
        "Replace the link with the file itself, or remove it (`git rm` the link).",
    )


def publishable_kind(relative: str) -> str | None:
    """What a link target inside content/ is on the site: post, page, image, or None.

    `relative` is the target's path relative to the content root (already normalised).
    Links may reach only these; a link to anything else (course.yaml, the prior catalog,
    a comment file) is refused, since the build would otherwise copy the file out.
    """
    parts = relative.split("/")
    if len(parts) < 2 or any(part in ("", ".", "..") for part in parts):
        return None
    if parts[0] == POSTS_DIR and relative.endswith(".md"):
        return "post"
    if parts[0] == PAGES_DIR and relative.endswith(".md"):
        return "page"
    if parts[0] == IMAGES_DIR:
        return "image"
    return None
