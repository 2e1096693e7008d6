"""Whole-word, stemmed matching of words and phrases, as a reader would match them.

A term ("limitation", "falls short", "what I liked") matches text when its words appear as
whole words, in order, after both are stemmed: "limitation" finds "Limitations" and
"limited" but never "limitless"-style prefixes such as "Cons" in "Consistency" or
"Constraints". A phrase may have one other word between two of its words ("falls a bit
short" still needs every word, "lessons we learned" matches "lessons learned").

Stemming only removes inflections (plural, -ed, -ing, a final e). It is written here
because the stemmers on offer (Snowball/Porter in `snowballstemmer` or NLTK) also strip
derivational suffixes: they read "Weak Supervision" as naming a "weakness", "Useful
links" as "using", "Consistency" as "consists". Inflections are what headings vary in;
a vocabulary lists derived forms it wants ("limitation", "limited") itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .memo import IdentityMemo

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # the same, on lower-case ASCII
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
MAX_GAP = 1  # other words allowed between two words of a phrase


_VOWEL = re.compile(r"[aeiouy]")
_KEEP_DOUBLE = frozenset("lsz")


def _strip(word: str, suffix: str) -> str | None:
    """`word` without `suffix` when what is left is still a word with a vowel."""
    if word.endswith(suffix):
        base = word[: -len(suffix)]
        if len(base) >= 2 and _VOWEL.search(base):
            return base
    return None


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """One lower-case word without its inflection: "limitations" → "limitation",
    "falls" → "fall", "movies" and "movie" → "movi", "using" and "use" → "us"."""
    word = word.removesuffix("'s").replace("'", "")
    if len(word) <= 2 or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "i"
    elif word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        word = word[:-2] if word.endswith(("ches", "shes", "xes", "zes", "sses")) else word[:-1]
    for suffix in ("ing", "ed"):
        base = _strip(word, suffix)
        if base is not None and not (suffix == "ed" and base.endswith("e")):
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in _KEEP_DOUBLE:
                base = base[:-1]  # "running" → "run", "stopped" → "stop"
            word = base
            break
    if word.endswith("y") and len(word) > 2:
        word = word[:-1] + "i"  # "try", "tries", "tried" meet at "tri"
    if word.endswith("e") and len(word) > 2:
        word = word[:-1]  # "use", "used", "using" meet at "us"
    return word


@lru_cache(maxsize=1 << 16)
def singular(word: str) -> str:
    """One lower-case word without a plural or possessive ending only: "ratings" →
    "rating", "movies" and "movie" → "movy", while "rates" stays apart from "rating"."""
    word = word.removesuffix("'s").replace("'", "")
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:-2] + "y" if word.endswith("ie") else word


_THUMBS_DOWN = "\N{THUMBS DOWN SIGN}"
# where it opens a text, a line, a table cell or what follows a label ("Slide 10 — 👎"),
# not inside a sentence ("clicking 👎 flags a movie")
_OPENING_THUMBS_DOWN = re.compile(r"(?:^|(?<=[\n|—–:]))[\s*_#>|-]*\N{THUMBS DOWN SIGN}")


def _tokens(text: str) -> list[str]:
    if text.isascii():  # the usual case: nothing to normalise, fold or translate
        folded = text.lower()
        if "%" in folded:  # "61%" reads "61 percent": results are told in numbers
            folded = folded.replace("%", " percent ")
        return _ASCII_TOKEN.findall(folded)
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    if "%" in folded:
        folded = folded.replace("%", " percent ")
    if _THUMBS_DOWN in folded:  # a "👎" heading, list item or column lists the cons
        folded = _OPENING_THUMBS_DOWN.sub(" cons ", folded)
    return _TOKEN.findall(folded)


def folded_words(text: str) -> list[str]:
    """The folded words of plain text, in order: what `stems` stems."""
    return _tokens(text)


# A post's paragraphs and headings are folded by several rules, and a course's term lists
# for every post: both are remembered (the results are tuples, safe to share).
@lru_cache(maxsize=1 << 14)
def stems(text: str) -> tuple[str, ...]:
    """The stemmed words of plain text, in order."""
    return tuple(map(stem, _tokens(text)))


@lru_cache(maxsize=1 << 14)
def singulars(text: str) -> tuple[str, ...]:
    """The words of plain text in the singular, in order: for lists that spell out each
    form they mean, such as a course's scenario words ("rating", "ratings", "rated"),
    where stemming would let "learning rate" or "error rates" name the scenario."""
    return tuple(map(singular, _tokens(text)))


@dataclass(frozen=True)
class Vocabulary:
    """A list of terms, compiled for matching against stemmed text."""

    terms: tuple[tuple[str, tuple[str, ...]], ...]  # as shown to a reader: no `^` or `$`
    by_first: dict[str, tuple[tuple[str, tuple[str, ...], bool, bool], ...]]

    def find(self, words: Sequence[str]) -> list[str]:
        """The terms (as written in the vocabulary) that occur in `words`, each once.

        A term written with a leading `^` ("^using") only matches at the start of the text,
        one with a trailing `$` ("the bad$") only at its end.
        """
        return list(self.where(words))

    def where(self, words: Sequence[str]) -> dict[str, int]:
        """Each term found, with the position of its first word's first occurrence."""
        found: dict[str, int] = {}
        for shown, start, _end in self._matches(words, found):
            found[shown] = start
        return found

    def may_find(self, words: Sequence[str]) -> bool:
        """Whether some term has every word in `words`, in any order: what `find` needs
        to find anything in `words` or in any run of them (a sentence of a paragraph)."""
        by_first = self.by_first
        have = set(words)
        present = by_first.keys() & have
        if not present:
            return False
        return any(
            all(word in have for word in rest)
            for first in present
            for _shown, rest, _anchored, _ends in by_first[first]
        )

    def occurrences(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        """Each occurrence of any term: the term as shown, where it starts and ends."""
        return list(self._matches(words))

    def spans(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """Where each occurrence of any term starts and ends (`words[start:end]`)."""
        return [(start, end) for _shown, start, end in self._matches(words)]

    def _matches(
        self, words: Sequence[str], skip: Container[str] = ()
    ) -> Iterator[tuple[str, int, int]]:
        """Each occurrence of a term not in `skip` (read as it grows): the term as shown,
        where it starts and where it ends."""
        by_first = self.by_first
        if by_first.keys().isdisjoint(words):  # most texts share no first word with a list
            return
        for start, word in enumerate(words):
            if word not in by_first:
                continue
            for shown, rest, anchored, ends in by_first[word]:
                if (anchored and start > 0) or shown in skip:
                    continue
                end = _follows(words, start + 1, rest)
                if end >= 0 and (not ends or end == len(words)):
                    yield shown, start, end

    def __bool__(self) -> bool:
        return bool(self.terms)


# After a question word, a word between two of a phrase may qualify it ("what really
# worked") but not bring in a subject or a noun of its own: "What I'm working with" is no
# "what worked", "How we work" no "how works", "what a bad recommendation looks like" no
# "what's bad". Elsewhere it may ("lessons we learned").
_QUESTION = "what how where when why which who"
_SUBJECTS_AND_ARTICLES = (
    "I I'm I've I'd we we're we've you you're you've they they're they've a an the"
)
# both folds of each word: heading terms are matched stemmed, `exact` lists as singulars
_QUESTION_WORDS = frozenset(stems(_QUESTION) + singulars(_QUESTION))
_NO_GAP_WORDS = frozenset(stems(_SUBJECTS_AND_ARTICLES) + singulars(_SUBJECTS_AND_ARTICLES))
# ... nor, after "what" (its subject when nothing comes between), the tool as a subject:
# "what it did not flag" is no "what did not", while "how it works" is "how works"
_WHAT = frozenset(stems("what which who") + singulars("what which who"))
_IT = frozenset(stems("it it's") + singulars("it it's"))
# A two-word phrase ending in "to" ("have to", "had to", "need to") is one verb: nothing
# comes between ("I have wanted to", "we had nothing to", "had time to" are no obligation).
_TO = "to"


def _follows(words: Sequence[str], position: int, rest: tuple[str, ...]) -> int:
    """Where the phrase whose other words are `rest` ends when they follow from
    `position` on, each at most `MAX_GAP` words after the one before; -1 when not."""
    question = position > 0 and words[position - 1] in _QUESTION_WORDS
    for wanted in rest:
        window = words[position : position + MAX_GAP + 1]
        if wanted not in window:
            return -1
        skipped = window.index(wanted)
        if skipped and question and words[position] in _NO_GAP_WORDS:
            return -1
        if skipped and question and words[position - 1] in _WHAT and words[position] in _IT:
            return -1
        if skipped and wanted == _TO and len(rest) == 1:
            return -1  # "I have wanted to" is no "have to"
        position += skipped + 1
        question = False
    return position


# A course's term lists are the same tuple objects for every post, asked for about a
# hundred times per post: found by identity first, without hashing hundreds of terms.
_VOCABULARIES: IdentityMemo[Vocabulary] = IdentityMemo(1024)


def vocabulary(terms: tuple[str, ...], exact: bool = False) -> Vocabulary:
    """Compile terms (words or phrases, any case) once per distinct list; `exact` ones
    are matched against `singulars` of a text instead of its `stems`."""
    return _VOCABULARIES.remembered(exact, (terms,), lambda: _compiled(terms, exact))


@lru_cache(maxsize=512)
def _compiled(terms: tuple[str, ...], exact: bool) -> Vocabulary:
    fold = singulars if exact else stems
    compiled: list[tuple[str, tuple[str, ...]]] = []
    seen: set[tuple[object, ...]] = set()
    for term in terms:
        shown = term.strip()
        term_stems = fold(shown)
        key = (shown.startswith("^"), shown.endswith("$"), *term_stems)
        if term_stems and key not in seen:  # "movie" and "movies" are one term
            seen.add(key)
            compiled.append((shown, term_stems))
    by_first: dict[str, list[tuple[str, tuple[str, ...], bool, bool]]] = {}
    for shown, term_stems in compiled:
        entry = (shown.strip("^$"), term_stems[1:], shown.startswith("^"), shown.endswith("$"))
        by_first.setdefault(term_stems[0], []).append(entry)
    shown_terms = tuple((term.strip("^$"), term_stems) for term, term_stems in compiled)
    return Vocabulary(shown_terms, {k: tuple(v) for k, v in by_first.items()})


def negated(
    found: dict[str, int], words: Sequence[str], negations: Vocabulary, gap: int = MAX_GAP
) -> dict[str, int]:
    """`found` without the terms right after a negation ("without the pain", "no more
    chaos": `gap` words may come between); "not without" is no negation."""
    if not negations or not found:
        return found
    ends = []
    for term, start in negations.where(words).items():
        if start == 0 or words[start - 1] != "not":
            ends.append(start + len(stems(term)) - 1)
    if not ends:
        return found
    return {
        term: at for term, at in found.items() if not any(0 <= at - end - 1 <= gap for end in ends)
    }


def followed(found: dict[str, int], starts: Sequence[int], gap: int = MAX_GAP) -> dict[str, int]:
    """`found` without the terms a phrase starting at one of `starts` follows ("problems
    with the tool", "what went wrong with the fix"): it starts inside the term or at most
    `gap` words after it."""
    if not starts or not found:
        return found
    return {
        term: at
        for term, at in found.items()
        if not any(at < start <= at + len(stems(term)) + gap for start in starts)
    }


def longest(found: Iterable[str]) -> int:
    """How many words the longest of the found terms has (phrases are stronger evidence)."""
    return max((len(stems(term)) for term in found), default=0)
