"""A call made once Pelican has written every post page of a build.

Pelican writes the post pages first and then its listings (home, tags, categories,
authors, archives), and the plugin's generator only gets its turn after all of those.
Pagefind reads nothing but post pages and the stubs of earlier posts, so it can start as
soon as the post pages are there and run beside the listings instead of after them.
Pelican sends no signal at that moment; the writer reports each page it writes (or, in a
live preview, keeps) and the generator's callback runs, with that writer, after the last
post page of the build.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Callback = Callable[[Any], None]


@dataclass
class _Waiting:
    pending: set[str]
    callback: Callback


_lock = threading.Lock()
_waiting: dict[str, _Waiting] = {}


def _key(output_path: str | Path) -> str:
    return str(Path(output_path).absolute())


def call_after(output_path: str | Path, pages: Iterable[str], callback: Callback) -> bool:
    """Run `callback(writer)` once every one of `pages` (output-relative names) has been
    written into `output_path`; False, and nothing registered, when `pages` is empty."""
    pending = {os.path.normpath(page) for page in pages if page}
    with _lock:
        _waiting.pop(_key(output_path), None)
        if not pending:
            return False
        _waiting[_key(output_path)] = _Waiting(pending, callback)
    return True


def written(output_path: str | Path, name: str, writer: Any) -> None:
    """The writer wrote (or kept) `name`; runs the callback if it was the last page."""
    key = _key(output_path)
    with _lock:
        waiting = _waiting.get(key)
        if waiting is None:
            return
        waiting.pending.discard(os.path.normpath(name))
        if waiting.pending:
            return
        del _waiting[key]
    waiting.callback(writer)


def cancel(output_path: str | Path) -> bool:
    """Forget the callback of `output_path`; True if it had not run yet."""
    with _lock:
        return _waiting.pop(_key(output_path), None) is not None
