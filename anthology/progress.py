"""Progress for long commands: a bar in a terminal, nothing in CI logs."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def interactive() -> bool:
    return sys.stderr.isatty()


def track(items: Iterable[T], description: str, total: int | None = None) -> Iterable[T]:
    """Iterate with a progress bar on a terminal; plain iteration elsewhere (CI, pipes)."""
    if not interactive():
        return items
    return tqdm(items, desc=description, total=total, unit="file", leave=False, file=sys.stderr)
