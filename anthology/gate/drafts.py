"""Draft markers left in a post's text: "TODO: add results", "TBD.", "Lorem ipsum …".

Hand-written because no library recognises an author's placeholders; the markers are
course data (`prose.draft_markers` in course.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .weighing import unquoted

DEFAULT_DRAFT_MARKERS = (
    "TODO",
    "TBD",
    "FIXME",
    "XXX",
    "lorem ipsum",
    "coming soon",
    "to be written",
    "to be added",
    "to be continued",
    "work in progress",
)
# a paragraph that is nothing but a phrase marker ("Coming soon!") has at most this many
# words: "Coming soon in version 2: streaming sinks" is news about the tool, not a gap
SHORT_PARAGRAPH_WORDS = 4
# a note after "TODO:" of at least this many words, opening with no verb of writing and
# naming no part of the post, is the team's next step ("TODO: per-process IO on our
# dashboard so next time it's in history"), not a gap in the post ("TODO: add the numbers",
# "TODO: the second week's numbers go here once the export is fixed")
TEAM_NOTE_WORDS = 8
# (English)
_WRITING_VERBS = frozenset({
    "add", "write", "fill", "finish", "insert", "expand", "describe", "explain", "include",
    "link", "cite", "check", "rewrite", "update", "complete", "mention", "clarify",
    "proofread", "screenshot", "summarise", "summarize", "paste", "put", "show", "list",
})  # fmt: skip
_POST_PARTS = frozenset({
    "here", "later", "section", "post", "paragraph", "below", "above", "screenshot",
    "screenshots", "figure", "figures", "table", "numbers", "results", "draft",
})  # fmt: skip
_NOTE_END = re.compile(r"[.!?](?:\s|$)")
_EDGES = " \t*_[]()<>.!:;,-–—…\"'“”‘’"


@cache
def _patterns(markers: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], str]:
    """Capitals ("TODO") as written, followed by a colon, or as a last sentence of their
    own ("… so far. TODO."); phrases ("coming soon") in any case, as the whole of a short
    paragraph; "lorem ipsum" anywhere."""
    capitals = [re.escape(m) for m in markers if m.isupper()]
    phrases = [m.casefold() for m in markers if not m.isupper()]
    anchored = "|".join(capitals) or r"(?!)"
    in_text = re.compile(
        rf"(?:(?<![\w`])({anchored}):|(?:^|[.!?:]\s+)[\[(]?({anchored})[\])]?[.!]*\s*$)"
    )
    whole = re.compile("|".join(re.escape(p) for p in phrases) or r"(?!)")
    filler = "lorem ipsum" if "lorem ipsum" in phrases else ""
    return in_text, whole, filler


def may_hold_marker(text: str, markers: Iterable[str] = DEFAULT_DRAFT_MARKERS) -> bool:
    """A cheap first test over a whole post's text: whether any marker occurs at all (most
    posts have none, and `draft_marker` then need not read each paragraph)."""
    folded = text.casefold()
    return any((m in text) if m.isupper() else (m.casefold() in folded) for m in markers)


def draft_marker(text: str, markers: Iterable[str] = DEFAULT_DRAFT_MARKERS) -> str | None:
    """The draft marker `text` (a paragraph's plain text) was left with, or None."""
    in_text, whole, filler = _patterns(tuple(markers))
    # what it puts in double quotes is someone's words, not the writer's gap: 'someone
    # leaves "TODO: fill in the rollback command" in the runbook'
    plain = unquoted(text)
    for found in in_text.finditer(plain):
        if found.group(1) and _team_note(plain[found.end() :]):
            continue
        return found.group(1) or found.group(2)
    folded = text.casefold()
    if filler and filler in folded:
        return "lorem ipsum"
    bare = folded.strip(_EDGES)
    if len(bare.split()) <= SHORT_PARAGRAPH_WORDS and whole.fullmatch(bare):
        return bare
    return None


def _team_note(after: str) -> bool:
    """Whether the note after "TODO:" is the team's next step, not the post's gap: long,
    not opening with a verb of writing, naming no part of the post."""
    note = [word.casefold().strip(_EDGES) for word in _NOTE_END.split(after, maxsplit=1)[0].split()]
    return (
        len(note) >= TEAM_NOTE_WORDS
        and note[0] not in _WRITING_VERBS
        and _POST_PARTS.isdisjoint(note)
    )
