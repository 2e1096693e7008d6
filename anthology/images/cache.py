"""A content-addressed cache of rendered images, and placing cached files into the output.

Keys are sha256 digests of everything that decides a file's bytes (source bytes or card
text, plus parameters and a version), so an entry never goes stale: a changed input is a
new key. Files are written atomically, so an interrupted build never leaves half a file,
and each is verified (size and sha256) before use, so a file damaged later is made again.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

CACHE_DIR = "anthology-images"
SUM_SUFFIX = ".sum"

logger = logging.getLogger(__name__)


def digest(*parts: str | bytes) -> str:
    """sha256 of `parts`, each length-prefixed so ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes; remembered per (path, size, mtime) for the process."""
    stat = path.stat()
    return _file_digest(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=8192)
def _file_digest(path: str, _size: int, _mtime_ns: int) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class ImageCache:
    """Files named by key under `root`, spread over 256 sub-folders.

    Beside each file `<key><suffix>` lies `<key><suffix>.sum` with its size and sha256,
    written after the file. `get()` checks both before handing a file out, so a cached
    file that was truncated, overwritten or damaged on disk is thrown away and made again
    instead of being published.
    """

    def __init__(self, root: Path):
        self.root = root

    def path(self, key: str, suffix: str) -> Path:
        return self.root / key[:2] / f"{key}{suffix}"

    def get(self, key: str, suffix: str) -> Path | None:
        """The cached file if it is whole; None when missing or damaged (then removed)."""
        path = self.path(key, suffix)
        if not path.is_file():
            return None
        if verified_digest(path) is None:
            logger.warning("anthology: cached image %s is damaged; making it again", path)
            path.unlink(missing_ok=True)
            _sum_file(path).unlink(missing_ok=True)
            return None
        return path

    def put_bytes(self, key: str, suffix: str, data: bytes) -> Path:
        return self.put(key, suffix, lambda handle: handle.write(data))

    def put(self, key: str, suffix: str, write: Callable[..., object]) -> Path:
        """Store what `write(binary_file)` writes, atomically; returns the cached path."""
        path = self.path(key, suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, write)
        record = f"{path.stat().st_size} {file_digest(path)}\n".encode("ascii")
        _atomic_write(_sum_file(path), lambda handle: handle.write(record))
        return path


def _sum_file(path: Path) -> Path:
    return path.with_name(path.name + SUM_SUFFIX)


def verified_digest(path: Path) -> str | None:
    """The sha256 of cached `path` when its size and hash match its `.sum`; else None."""
    try:
        size, expected = _sum_file(path).read_text(encoding="ascii").split()
        if path.stat().st_size != int(size):
            return None
        actual = file_digest(path)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return actual if actual == expected else None


def place(cached: Path, target: Path) -> None:
    """Copy a cached file to `target` (never a link: the site must not share the cache's
    inode, or damage to one would reach the other).

    Does nothing when `target` already holds the same bytes, so warm rebuilds write nothing.
    """
    if target.is_file() and not target.is_symlink():
        with contextlib.suppress(OSError):
            same_size = cached.stat().st_size == target.stat().st_size
            if same_size and file_digest(cached) == file_digest(target):
                return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    shutil.copyfile(cached, temporary)
    temporary.chmod(0o644)
    temporary.replace(target)


def _atomic_write(path: Path, write: Callable[..., object]) -> None:
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
        temporary.chmod(0o644)  # mkstemp makes 0600; the site's files must be world-readable
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
