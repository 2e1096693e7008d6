"""A content-addressed cache of rendered images, and placing cached files into the output.

Keys are sha256 digests of everything that decides a file's bytes (source bytes or card
text, plus parameters and a version), so an entry never goes stale: a changed input is a
new key. Files are written atomically, so an interrupted build never leaves half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

CACHE_DIR = "anthology-images"


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
    """Files named by key under `root`, spread over 256 sub-folders."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, key: str, suffix: str) -> Path:
        return self.root / key[:2] / f"{key}{suffix}"

    def get(self, key: str, suffix: str) -> Path | None:
        """The cached file, or None when it has not been made yet."""
        path = self.path(key, suffix)
        return path if path.is_file() else None

    def put_bytes(self, key: str, suffix: str, data: bytes) -> Path:
        return self.put(key, suffix, lambda handle: handle.write(data))

    def put(self, key: str, suffix: str, write: Callable[..., object]) -> Path:
        """Store what `write(binary_file)` writes, atomically; returns the cached path."""
        path = self.path(key, suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, write)
        return path


def place(cached: Path, target: Path) -> None:
    """Put a cached file at `target`: a hard link when possible, else a copy.

    Does nothing when `target` already is that file (same inode) or an identical copy
    from an earlier build, so warm rebuilds touch no bytes.
    """
    if target.exists():
        with contextlib.suppress(OSError):
            if cached.samefile(target):
                return
        source, current = cached.stat(), target.stat()
        if source.st_size == current.st_size and source.st_mtime_ns == current.st_mtime_ns:
            return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    try:
        os.link(cached, temporary)
    except OSError:  # another file system, or links not supported
        shutil.copy2(cached, temporary)
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
