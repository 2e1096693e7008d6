"""Parsed posts remembered between site builds, keyed by each file's size and mtime.

A warm build re-reads no post bodies (Pelican's content cache has them), but the plugin's
corpus still parsed every post's front matter again: a tenth of a warm build at 1,000
posts. This cache keeps the parse results (front matter only) in one pickle under the
build cache. It is salted with the course data and the code that parses, so a change to
course.yaml, tools.yaml or the anthology package makes it start afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from .importer import write_atomically_bytes

_PACKAGE = Path(__file__).resolve().parent


def _salt(*data_files: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in data_files:
        digest.update(path.read_bytes() if path.is_file() else b"-")
    for source in sorted(_PACKAGE.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


class ParseCache:
    """`get`/`put` parse results by file; `save` writes the file once, atomically.

    With `file` None the results are kept in memory only (one build's reader and corpus
    share them)."""

    def __init__(self, file: Path | None, *data_files: Path):
        self.file = file
        self.salt = _salt(*data_files)
        self.entries: dict[str, tuple[int, int, Any]] = {}
        self.changed = False
        if file is None:
            return
        try:
            with file.open("rb") as handle:
                # Our own file under the build cache (never content/), written below.
                salt, entries = pickle.load(handle)
            if salt == self.salt:
                self.entries = entries
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            self.entries = {}

    def get(self, path: Path) -> Any | None:
        stat = os.stat(path)
        entry = self.entries.get(str(path))
        if entry is not None and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            return entry[2]
        return None

    def put(self, path: Path, value: Any) -> None:
        stat = os.stat(path)
        self.entries[str(path)] = (stat.st_size, stat.st_mtime_ns, value)
        self.changed = True

    def save(self) -> None:
        if self.changed and self.file is not None:
            write_atomically_bytes(self.file, pickle.dumps((self.salt, self.entries)))
