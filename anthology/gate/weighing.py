"""Whether the text taken for a verdict weighs the tool or only praises it.

A verdict weighs the tool when one of its clauses has a limitation cue: a term of the
requirement's `required` content groups that is not `weak` ("but", "slow", "missing").
Praise uses the same words for what the tool solved, and the section's lists say how:

- a cue inside one of `praise_phrases` ("it paid off", "I can't think of a simpler way");
- a cue at most `solved_gap` words after a `solved_by` word ("it caught a bug", "we never
  had to", "no more crashes");
- any cue of a clause with a `solved_clause` term ("it can't happen silently anymore");
- a cue inside double quotes: someone's words or a symptom ("from “is the database slow?”
  to numbers"), not the writer weighing the tool.

Each clause is read on its own, so "It caught two bugs, but the setup was slow" still
weighs the tool.
"""

from __future__ import annotations

import re

from ..course import Section
from .vocabulary import MAX_GAP, stems, vocabulary

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# a clause set against the one before begins at its contrast word (English)
_CLAUSE = re.compile(r"\s*;\s*|\s+(?=(?:but|yet|though|although|however)\b)", re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"\n]{1,120}\"|“[^”\n]{1,120}”")


def weighs(text: str, section: Section) -> bool:
    """Whether `text` has a clause with a limitation cue of `section` that praise does
    not explain; true when the section has no such cues."""
    cues = section.cues
    groups = dict(cues.groups)
    weak = {stems(term) for term in cues.weak}  # "lagged" is "lag", a weak word
    firm = tuple(
        term
        for group in cues.required
        for term in groups.get(group, ())
        if term not in cues.weak and stems(term) not in weak
    )
    if not firm:
        return True
    limitations = vocabulary(firm)
    praise = vocabulary(cues.praise_phrases)
    solved_clause = vocabulary(cues.solved_clause)
    for sentence in _SENTENCE.split(_QUOTED.sub(" ", text)):
        for clause in _CLAUSE.split(sentence):
            words = list(stems(clause))
            if solved_clause.find(words):
                continue
            for start, end in praise.spans(words):
                words[start:end] = [""] * (end - start)  # praise: its words weigh nothing
            if any(not _solved(words, span, section) for span in limitations.spans(words)):
                return True
    return False


def _solved(words: list[str], cue: tuple[int, int], section: Section) -> bool:
    """Whether the cue at `words[start:end]` follows a `solved_by` word closely enough
    ("never had to", "I never had to") or names a setting (`negated_by` of the section's
    headings: "CPU limits", "set a limit")."""
    start, end = cue
    gap = section.cues.solved_gap
    for before, after in vocabulary(section.cues.solved_by).spans(words):
        if before != start and before < end and start - after <= gap:
            return True
    return any(
        after <= start <= after + MAX_GAP
        for _before, after in vocabulary(section.negated_by).spans(words)
    )
