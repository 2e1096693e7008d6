"""Map a function over many items in forked worker processes, or serially when that is better.

Workers are forked, so they share the parent's loaded data copy-on-write; only the items'
results travel back. Without fork (or with one CPU, or few items) the map runs in-process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 200
PARTS_PER_WORKER = 32
_job: Callable[[Any], Any] | None = None
_items: Sequence[Any] = ()


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _job is not None
    return [_job(item) for item in _items[bounds[0] : bounds[1]]]


def cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def fork_map(
    job: Callable[[T], R],
    items: Sequence[T],
    workers: int | None = None,
    min_items: int | None = None,
) -> list[R]:
    """`[job(item) for item in items]`, in order, using all CPUs when it pays off."""
    global _job, _items
    count = workers or cpus()
    threshold = MIN_ITEMS if min_items is None else min_items
    if (
        count < 2
        or len(items) < max(2, threshold)
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [job(item) for item in items]
    # many small parts, handed out as workers free up: the last one to finish ends close
    # to the others (with eight parts a worker, one often idled for most of a part)
    step = max(1, len(items) // (count * PARTS_PER_WORKER))
    bounds = [(start, start + step) for start in range(0, len(items), step)]
    _job, _items = job, items
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for part in pool.map(_run, bounds) for result in part]
    except (OSError, BrokenProcessPool):
        return [job(item) for item in items]
    finally:
        _job, _items = None, ()
