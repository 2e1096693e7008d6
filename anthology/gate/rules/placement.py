"""Where a post lives: `posts/<semester>/<slug>.md`, new posts in this semester's folder."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path, PurePosixPath

from ...findings import Finding
from ..context import PostContext


@lru_cache(maxsize=8)
def _resolved(folder: Path) -> Path:
    """The posts folder, resolved once per run instead of once per post."""
    return folder.resolve()


def semester_folder(ctx: PostContext) -> Iterator[Finding]:
    """The folder must be a semester of course.yaml; a student adds posts to the current one."""
    course = ctx.course
    current = course.semester
    try:
        rel = PurePosixPath(ctx.file.relative_to(_resolved(ctx.gate.paths.posts)).as_posix())
    except ValueError:
        return
    known = [semester.id for semester in course.semesters]
    folder = rel.parts[0] if len(rel.parts) == 2 else None
    line = ctx.line_of("semester") if ctx.post and ctx.post.line_of("semester") else 1
    if folder not in known:
        where = (
            "directly in content/posts/"
            if folder is None and len(rel.parts) == 1
            else (f"in content/posts/{rel.parent.as_posix()}/")
        )
        yield ctx.error(
            "post-folder-unknown",
            line,
            f"the post is {where}, which is not a semester's folder; the semesters of "
            f"course.yaml are {', '.join(known)}",
            f"Move the file to content/posts/{current}/{rel.name}.",
        )
        return
    if ctx.file not in ctx.gate.placed or folder == current:
        return
    order = {semester: index for index, semester in enumerate(known)}
    when = "an earlier" if order[folder] < order.get(current, len(known)) else "a later"
    yield ctx.error(
        "post-folder-not-current",
        line,
        f"a new post goes in this semester's folder, content/posts/{current}/; "
        f"{folder} is {when} semester",
        f"Move the file to content/posts/{current}/{rel.name} and set `semester: {current}`; "
        "earlier semesters' posts are added by the course staff.",
    )
