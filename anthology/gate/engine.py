"""Run the rules over files: each rule that applies, isolated from the others' crashes.

Many files are checked in worker processes (see :mod:`anthology.gate.parallel`).
"""

from __future__ import annotations

from dataclasses import replace

from ..findings import Finding, Severity, error
from .context import PostContext
from .parallel import fork_map

INTERNAL_ERROR = "internal-error"
PARALLEL_MIN_FILES = 200


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


# Work in progress is told what it still lacks, as warnings (errors under --strict, and for
# real once the post says `status: published`): a draft its sections and evidence, a claim
# stub the added-value statement an earlier-covered tool will need. So a claim can be
# merged within minutes, with the notice in its pull request.
LENIENT_RULES = {
    "draft": frozenset({"sections", "scenario", "evidence"}),
    "claimed": frozenset({"previously covered"}),
}


def _as_notice(finding: Finding, status: str) -> Finding:
    if not finding.is_error:
        return finding
    return replace(
        finding,
        severity=Severity.WARNING,
        message=f"{finding.message} ({status}: an error once published)",
    )


def check_file(ctx: PostContext) -> list[Finding]:
    """Every finding of every rule that applies to the file's kind."""
    from .rules import RULES

    status = ctx.post.status if ctx.post is not None else "published"
    lenient = LENIENT_RULES.get(status, frozenset())
    found: list[Finding] = []
    for rule in RULES:
        if ctx.kind not in rule.kinds:
            continue
        try:
            results = list(rule.check(ctx))
        except Exception as exc:
            found.append(internal_error(ctx.shown, rule.name, exc))
            continue
        if rule.name in lenient:
            results = [_as_notice(finding, status) for finding in results]
        found.extend(results)
    return found


def _prepare(contexts: list[PostContext]) -> None:
    """Compute shared, lazily built indexes once, before workers copy them."""
    if not contexts:
        return
    gate = contexts[0].gate
    indexes = (gate.by_claim, gate.all_by_slug, gate.by_title)
    if any(len(posts) > 1 for index in indexes for posts in index.values()):
        gate.history.added(gate.root)
    _ = gate.published_by_tool, gate.prior_by_tool


def check_all(contexts: list[PostContext], workers: int | None = None) -> list[Finding]:
    """Findings for every context, in parallel when there are many and it is possible."""
    if len(contexts) >= PARALLEL_MIN_FILES:
        _prepare(contexts)
    results = fork_map(check_file, contexts, workers, PARALLEL_MIN_FILES)
    return [finding for found in results for finding in found]
