"""What git knows about content files: when each was first added, and what changed.

Every question is answered with one git call, whatever the number of files. Outside a
git repository (or without git) there is no history: every post is "not yet on main".
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

_TIMEOUT = 120


class GitError(Exception):
    """A git command failed; the message says why in the user's terms."""


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "-c", "core.quotepath=false", *args],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        raise GitError(
            done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} failed"
        )
    return done.stdout


def toplevel(folder: Path) -> Path | None:
    """The root of the work tree holding `folder`, or None outside a repository."""
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").strip()).resolve()
    except GitError:
        return None


def first_added(
    folder: Path, *, merge_order: bool = False, ref: str | None = None
) -> dict[Path, datetime]:
    """Commit date on which each file under `folder` first appeared on a branch.

    The branch is the current one, or `ref`. The dict is in the order the files appeared.
    Renames keep the date of the original file, like `git log --follow`. With `merge_order`,
    only the branch's own (first-parent) history counts: a file that came in with a merged
    pull request dates from the merge, so files are in the order they reached the branch,
    whenever they were written.
    """
    walk = ("--first-parent", "--diff-merges=first-parent") if merge_order else ()
    if ref is not None and ref.startswith("-"):
        return {}
    top = toplevel(folder)
    if top is None:
        return {}
    try:
        out = _git(
            folder,
            "log",
            "--reverse",
            *walk,
            "--format=%x00%cI",
            "--name-status",
            "--diff-filter=AR",
            *([ref] if ref else []),
            "--",
            ".",
        )
    except GitError:
        return {}  # e.g. a repository without commits
    dates: dict[str, datetime] = {}
    when: datetime | None = None
    for line in out.splitlines():
        if line.startswith("\x00"):
            when = datetime.fromisoformat(line[1:].strip())
            continue
        parts = line.split("\t")
        if when is None or len(parts) < 2:
            continue
        if parts[0] == "A":
            dates.setdefault(parts[1], when)
        elif parts[0].startswith("R") and len(parts) == 3:
            dates.setdefault(parts[2], dates.get(parts[1], when))
    return {(top / name).resolve(): date for name, date in dates.items()}


@dataclass
class Changes:
    """Files changed since a ref (committed or not), and which of them are new."""

    files: list[Path] = field(default_factory=list)
    added: set[Path] = field(default_factory=set)


def changed_since(folder: Path, ref: str) -> Changes:
    """Files under `folder` added, modified or renamed since `ref`, plus uncommitted ones."""
    top = toplevel(folder)
    if top is None:
        raise GitError(f"{folder} is not inside a git repository")
    if ref.startswith("-"):
        raise GitError(f"{ref!r} is not a git ref")
    try:
        _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"unknown git ref {ref!r}") from None
    changes = Changes()
    diff = _git(folder, "diff", "--name-status", "--diff-filter=AMR", f"{ref}...HEAD", "--", ".")
    for line in diff.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        path = (top / parts[-1]).resolve()
        changes.files.append(path)
        if parts[0] == "A" or parts[0].startswith("R"):
            changes.added.add(path)
    status = _git(folder, "status", "--porcelain", "--untracked-files=all", "--", ".")
    for line in status.splitlines():
        code, name = line[:2], line[3:]
        if " -> " in name:
            name = name.split(" -> ", 1)[1]
        if "D" in code:
            continue
        path = (top / name.strip('"')).resolve()
        changes.files.append(path)
        if code in ("??", "A ", "AM"):
            changes.added.add(path)
    changes.files = sorted(set(changes.files))
    return changes
