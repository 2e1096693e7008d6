"""Temporary work folders that a killed process cannot leave behind for long.

Each folder `<prefix>XXXX` has a sibling lock file `<prefix>XXXX.lock` that its process
holds with `flock` for as long as the folder is in use. The kernel drops the lock when the
process ends, however it ends (SIGKILL included), so the next run can tell a folder in use
by a concurrent process (lock held) from debris (lock free) and sweep only the debris.

Written by hand: `tempfile` removes its folders only when the process lives to do so, and
no library ties a folder's lifetime to a lock that survives the owner's death.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

LOCK_SUFFIX = ".lock"
UNLOCKED_AGE = 6 * 3600  # seconds; no build or link check runs that long

# Work folders under the system's temporary folder, swept by `sweep_temporary()`.
LINKCHECK_PREFIX = "anthology-linkcheck-"
LINKCHECKER_PREFIX = "anthology-linkchecker-"
LINKROT_PREFIX = "anthology-linkrot-"
TEMPORARY_PREFIXES = (LINKCHECK_PREFIX, LINKCHECKER_PREFIX, LINKROT_PREFIX)


def _try_lock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def owned_folder(prefix: str, parent: Path | None = None) -> Iterator[Path]:
    """A new empty folder `<parent>/<prefix>XXXX`, locked while in use, removed afterwards.

    Whatever the folder holds when the block ends is removed with it (a publish swaps the
    previous site into it first).
    """
    parent = Path(parent) if parent is not None else Path(tempfile.gettempdir())
    while True:
        descriptor, lock_name = tempfile.mkstemp(dir=parent, prefix=prefix, suffix=LOCK_SUFFIX)
        lock = Path(lock_name)
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        # A sweep may have taken the lock file for debris between mkstemp and flock.
        with contextlib.suppress(FileNotFoundError):
            if os.stat(lock).st_ino == os.fstat(descriptor).st_ino:
                break
        os.close(descriptor)
    folder = lock.with_name(lock.name[: -len(LOCK_SUFFIX)])
    try:
        folder.mkdir(mode=0o755)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        lock.unlink(missing_ok=True)
        os.close(descriptor)


def sweep(parent: Path, prefix: str) -> list[Path]:
    """Remove `<prefix>*` folders and lock files in `parent` whose process is gone.

    Returns what was removed. Folders of live processes (lock held) are left alone.
    """
    removed: list[Path] = []
    try:
        names = sorted(entry.name for entry in parent.iterdir())
    except OSError:
        return removed
    for name in names:
        if not name.startswith(prefix) or not name.endswith(LOCK_SUFFIX):
            continue
        lock = parent / name
        try:
            descriptor = os.open(lock, os.O_RDWR)
        except OSError:
            continue
        try:
            if not _try_lock(descriptor):
                continue  # in use
            folder = lock.with_name(name[: -len(LOCK_SUFFIX)])
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
            elif folder.is_symlink() or folder.exists():
                folder.unlink(missing_ok=True)
            lock.unlink(missing_ok=True)
            removed.append(lock)
        finally:
            os.close(descriptor)
    # A folder without a lock file was left by a version that did not lock its folders;
    # it cannot say whether its process lives, so only an old one is taken for debris.
    for name in names:
        folder = parent / name
        if (
            name.startswith(prefix)
            and not name.endswith(LOCK_SUFFIX)
            and not (parent / (name + LOCK_SUFFIX)).exists()
            and folder.is_dir()
            and not folder.is_symlink()
            and time.time() - folder.stat().st_mtime > UNLOCKED_AGE
        ):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def sweep_temporary() -> list[Path]:
    """Sweep the anthology's debris from the system's temporary folder."""
    parent = Path(tempfile.gettempdir())
    return [path for prefix in TEMPORARY_PREFIXES for path in sweep(parent, prefix)]
