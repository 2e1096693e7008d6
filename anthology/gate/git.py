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


def _run(folder: Path, args: tuple[str, ...], stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "-c", "core.quotepath=false", *args],
            input=stdin,
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(err.splitlines()[-1] if err else f"git {args[0]} failed")
    return done.stdout


def _git(folder: Path, *args: str) -> str:
    return _run(folder, args).decode("utf-8", "surrogateescape")


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
    order: dict[str, int] = {}  # a renamed file keeps the place of the file it was
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
            order.setdefault(parts[1], len(order))
        elif parts[0].startswith("R") and len(parts) == 3:
            dates.setdefault(parts[2], dates.get(parts[1], when))
            order.setdefault(parts[2], order.get(parts[1], len(order)))
    ranked = sorted(dates, key=lambda name: order[name])
    return {(top / name).resolve(): dates[name] for name in ranked}


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


def commit_of(folder: Path, ref: str) -> str:
    """The full commit id `ref` names; GitError when it names none."""
    if ref.startswith("-"):
        raise GitError(f"{ref!r} is not a git ref")
    try:
        return _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except GitError:
        raise GitError(f"unknown git ref {ref!r}") from None


def merge_base(folder: Path, base: str) -> str:
    """Where the current branch left `base` (the commit a pull request's diff starts from)."""
    try:
        return _git(folder, "merge-base", base, "HEAD").strip()
    except GitError:
        raise GitError(f"the current branch shares no history with {base!r}") from None


@dataclass(frozen=True)
class Change:
    """One file a branch changed: status letter (A, M, D, R, T), paths and modes.

    Paths are relative to the top of the work tree, in git's own spelling (never quoted).
    `old` is the path before the change (None for an added file); `new` the path after it
    (None for a deleted one). Modes are git's octal strings: 100644, 120000 (symlink), ...
    """

    status: str
    old: str | None
    new: str | None
    old_mode: str = "000000"
    new_mode: str = "000000"


def _parse_raw(out: bytes) -> list[Change]:
    """Parse `git diff --raw -z` output."""
    fields = out.split(b"\0")
    changes: list[Change] = []
    index = 0
    while index < len(fields) and fields[index].startswith(b":"):
        meta = fields[index][1:].decode("ascii").split()
        old_mode, new_mode, status = meta[0], meta[1], meta[4][0]
        first = fields[index + 1].decode("utf-8", "surrogateescape")
        if status in "RC":
            second = fields[index + 2].decode("utf-8", "surrogateescape")
            changes.append(Change(status, first, second, old_mode, new_mode))
            index += 3
            continue
        old = None if status == "A" else first
        new = None if status == "D" else first
        changes.append(Change(status, old, new, old_mode, new_mode))
        index += 2
    return changes


def branch_changes(folder: Path, since: str) -> list[Change]:
    """Every file changed between commit `since` and the work tree, renames detected.

    Committed, staged and unstaged changes count, and so do untracked files (as added).
    """
    out = _run(folder, ("diff", "--raw", "-z", "-M", "--no-ext-diff", since, "--", ":/"))
    changes = _parse_raw(out)
    untracked = _run(
        folder, ("ls-files", "-z", "--full-name", "--others", "--exclude-standard", "--", ":/")
    )
    top = toplevel(folder)
    for raw in untracked.split(b"\0"):
        if not raw:
            continue
        name = raw.decode("utf-8", "surrogateescape")
        mode = "120000" if top is not None and (top / name).is_symlink() else "100644"
        changes.append(Change("A", None, name, "000000", mode))
    return changes


def read_blobs(folder: Path, commit: str, names: list[str]) -> dict[str, bytes | None]:
    """The content of each file at `commit` (None where it is not a file there), one git call."""
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return {}
    request = b"".join(f"{commit}:{name}\n".encode("utf-8", "surrogateescape") for name in wanted)
    out = _run(folder, ("cat-file", "--batch"), stdin=request)
    found: dict[str, bytes | None] = {}
    position = 0
    for name in wanted:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[name] = out[position : position + size]
            position += size + 1
        elif len(header) == 3:  # a tree or another object: skip its content
            position += int(header[2]) + 1
            found[name] = None
        else:  # "<name> missing"
            found[name] = None
    return found


def files_mentioning(
    folder: Path, commit: str | None, needles: list[str], pathspecs: list[str]
) -> list[str]:
    """Files (top-relative) under `pathspecs` containing one of `needles` as plain text.

    At `commit`, or in the work tree (untracked files included) when `commit` is None.
    """
    if not needles:
        return []
    patterns = [arg for needle in needles for arg in ("-e", needle)]
    where = [commit] if commit else ["--untracked"]
    try:
        out = _run(
            folder,
            ("grep", "-l", "-z", "-F", "--full-name", *patterns, *where, "--", *pathspecs),
        )
    except GitError:
        return []  # exit 1: nothing found
    prefix = f"{commit}:" if commit else ""
    return [
        raw.decode("utf-8", "surrogateescape").removeprefix(prefix)
        for raw in out.split(b"\0")
        if raw
    ]


def files_at(folder: Path, commit: str, under: str) -> list[str]:
    """Top-relative paths of the files under folder `under` (top-relative) at `commit`."""
    out = _run(folder, ("ls-tree", "-r", "-z", "--full-tree", "--name-only", commit, "--", under))
    return [raw.decode("utf-8", "surrogateescape") for raw in out.split(b"\0") if raw]
