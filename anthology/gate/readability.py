"""Prose measures: sentences with their lines, syllables, and the Flesch–Kincaid grade.

Implemented here because the usual library (textstat) needs a pronunciation dictionary
downloaded at run time; a vowel-group syllable estimate is accurate enough for a warning.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from .scan import Body
from .words import WORD, strip_inline

_HEADING = re.compile(r"^[ \t]*#{1,6}(?:[ \t]|$)")
_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+|\*+|_+)[ \t]*$")
_SETEXT = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t|:\-]+$")
_ITEM = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d+[.)])[ \t]+")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]*)+")
# from the closing mark on (a lookbehind would be tried at every character: 4 times slower)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_VOWELS = re.compile(r"[aeiouy]+")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")


class Sentence(NamedTuple):  # a tuple: made for every sentence of every post
    text: str
    line: int
    words: tuple[str, ...]

    @property
    def word_count(self) -> int:
        return len(self.words)


def _paragraphs(body: Body) -> Iterator[list[tuple[int, str]]]:
    """Runs of prose lines: (file line, plain text); list items and table rows stand alone."""
    current: list[tuple[int, str]] = []
    lines = body.plain
    for index, line in enumerate(lines):
        if not line or line.isspace():  # a blank line ends the paragraph
            if current:
                yield current
                current = []
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line[:1].isalpha() and following[:1] not in ("=", "-"):  # plain prose: the usual case
            plain = strip_inline(line)
            if plain:
                current.append((body.file_line(index), plain))
            continue
        is_setext = bool(line.strip()) and bool(_SETEXT.match(following)) and not _ITEM.match(line)
        skip = (
            index in body.code
            or not line.strip()
            or _HEADING.match(line)
            or _UNDERLINE.match(line)
            or _TABLE_RULE.match(line)
            or is_setext
            or _DEFINITION.match(line)
        )
        starts_block = bool(_ITEM.match(line)) or line.lstrip().startswith("|")
        if (skip or starts_block) and current:
            yield current
            current = []
        if skip:
            continue
        text = _QUOTE.sub("", _ITEM.sub("", line)).replace("|", ". ")
        plain = strip_inline(text)
        if plain:
            current.append((body.file_line(index), plain))
        if line.lstrip().startswith("|") and current:
            yield current
            current = []
    if current:
        yield current


def sentences(body: Body, limit: int | None = None) -> list[Sentence]:
    """The body's prose split into sentences; each block's last sentence ends the block.
    With `limit`, only the first `limit` blocks are read."""
    found: list[Sentence] = []
    append, find_words = found.append, WORD.findall
    for paragraph in itertools.islice(_paragraphs(body), limit):
        line = paragraph[0][0]
        if len(paragraph) == 1:  # the usual case: one line, no line to look up
            joined, starts = paragraph[0][1], []
        else:
            starts, offset = [], 0
            for _line, text in paragraph:
                starts.append(offset)
                offset += len(text) + 1
            joined = " ".join(text for _line, text in paragraph)
        at = 0
        for end in (*_SENTENCE_END.finditer(joined), None):
            piece = (joined[at : end.start() + 1] if end else joined[at:]).strip()
            if piece:
                if starts:
                    line = paragraph[bisect.bisect_right(starts, at) - 1][0]
                append(Sentence(piece, line, tuple(find_words(piece))))
            if end:
                at = end.end()
    return found


@lru_cache(maxsize=65_536)
def syllables(word: str) -> int:
    """Estimated syllables: vowel groups, a silent final e dropped, at least one."""
    lower = word.casefold()
    if not lower.isalpha():
        return 1
    if len(lower) <= 3:
        return 1
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")):
        lower = lower[:-1]
    elif lower.endswith(("es", "ed")) and not lower.endswith(("ted", "ded", "ses", "zes", "ces")):
        lower = lower[:-2]
    return max(1, len(_VOWELS.findall(lower)))


def grade_level(found: list[Sentence]) -> float | None:
    """Flesch–Kincaid grade of the sentences; None for text too short to score."""
    all_words = [w for s in found for w in s.words]
    if len(all_words) < 100:
        return None
    per_sentence = len(all_words) / len([s for s in found if s.words])
    per_word = sum(map(syllables, all_words)) / len(all_words)
    return 0.39 * per_sentence + 11.8 * per_word - 15.59
