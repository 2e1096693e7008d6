"""Run the rules over files: each rule that applies, isolated from the others' crashes.

Many files are checked in forked worker processes (where the platform can fork): the
loaded corpus is shared copy-on-write, and only findings travel back.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..findings import Finding, error
from .context import PostContext

INTERNAL_ERROR = "internal-error"
PARALLEL_MIN_FILES = 200
_shared: list[PostContext] = []


def internal_error(shown: str, rule: str, exc: BaseException) -> Finding:
    """A rule crashed: say so, naming the file and the rule, instead of a traceback."""
    return error(
        INTERNAL_ERROR,
        shown,
        None,
        f"the {rule} check crashed on this file ({type(exc).__name__}: {exc})",
        "This is a bug in the checker, not necessarily in the post; report it to the "
        "course staff with this message. The other checks still ran.",
    )


def check_file(ctx: PostContext) -> list[Finding]:
    """Every finding of every rule that applies to the file's kind."""
    from .rules import RULES

    found: list[Finding] = []
    for rule in RULES:
        if ctx.kind not in rule.kinds:
            continue
        try:
            found.extend(rule.check(ctx))
        except Exception as exc:
            found.append(internal_error(ctx.shown, rule.name, exc))
    return found


def _check_slice(bounds: tuple[int, int]) -> list[Finding]:
    return [f for ctx in _shared[bounds[0] : bounds[1]] for f in check_file(ctx)]


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _prepare(contexts: list[PostContext]) -> None:
    """Compute shared, lazily built indexes once, before workers copy them."""
    if not contexts:
        return
    gate = contexts[0].gate
    if any(len(posts) > 1 for posts in gate.by_claim.values()):
        gate.history.added(gate.root)
    _ = gate.published_by_tool, gate.prior_by_tool


def check_all(contexts: list[PostContext], workers: int | None = None) -> list[Finding]:
    """Findings for every context, in parallel when there are many and it is possible."""
    global _shared
    count = workers or _workers()
    if (
        count < 2
        or len(contexts) < PARALLEL_MIN_FILES
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [f for ctx in contexts for f in check_file(ctx)]
    _prepare(contexts)
    step = max(1, len(contexts) // (count * 4))
    bounds = [(start, start + step) for start in range(0, len(contexts), step)]
    _shared = contexts
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            return [f for part in pool.map(_check_slice, bounds) for f in part]
    except (OSError, BrokenProcessPool):
        return [f for ctx in contexts for f in check_file(ctx)]
    finally:
        _shared = []
