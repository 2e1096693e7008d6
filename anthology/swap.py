"""Put a new folder in place of an old one in a single step.

On Linux, `renameat2(RENAME_EXCHANGE)` swaps two paths atomically: at every moment the
target name is either the whole old folder or the whole new one, and after the call the
old folder sits at the new folder's name, to be removed at leisure. Python does not expose
renameat2, hence the ctypes call. Where it is missing (another OS, an old kernel or a file
system without support) the fallback is two renames with rollback; a kill between them is
repaired by `recover()` at the next run.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _renameat2() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes += [ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False when this system cannot."""
    function = _renameat2()
    if function is None:
        return False
    result = function(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _aside(target: Path) -> Path:
    return target.with_name(f".{target.name}.previous")


def replace_folder(new: Path, target: Path, *, atomic: bool = True) -> None:
    """Put folder `new` at `target`; the old `target` ends up at `new` (or is gone).

    `atomic=False` forces the two-rename fallback (for tests of the fallback).
    """
    if not target.exists() and not target.is_symlink():
        new.rename(target)
        return
    if atomic and exchange(new, target):
        return
    aside = _aside(target)
    target.rename(aside)
    try:
        new.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    aside.rename(new)


def recover(target: Path) -> None:
    """After a kill inside the fallback: put the previous folder back, or drop it."""
    aside = _aside(target)
    if not aside.is_dir() or aside.is_symlink():
        return
    if target.exists():
        shutil.rmtree(aside, ignore_errors=True)
    else:
        aside.rename(target)
