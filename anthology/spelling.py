"""One tool, however it is spelled: a look-alike key for tool names.

Two names get the same key when a reader could not tell them apart: after Unicode NFKC
(fullwidth `ＭＬｆｌｏｗ`, ligatures, superscripts), without invisible characters (zero-width
joiners, soft hyphens, bidi marks) and combining marks, with every character replaced by
its Unicode TR39 confusables class (Cyrillic `о` and Greek `ο` are `o`; `I`, `1` and `l` are
one; `0` and `O` are one; `m` is `rn`), case folded, and without a version suffix (`2`,
`v2`, `2.0`).

The confusables data is the `confusable-homoglyphs` package's copy of TR39
`confusables.txt`. That package ships the pairs in both directions rather than TR39's
source → prototype mapping, so the classes are built here by joining every pair (each
TR39 class is a prototype and its sources, so the joined pairs are exactly those classes).
The table is built once per process, on first use, and only when a name is not found by
its plain spelling.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

# Characters that draw nothing: format characters (zero-width space and joiners, soft
# hyphen, bidi marks, BOM), controls, and the Hangul fillers that render as blanks.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Cs", "Co", "Cn", "Mn", "Me"})
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# A version at the end: "MLflow 2", "MLflow v2", "MLflow-2.0", "MLflow2.1", "YOLOv8"; a bare
# glued number ("MLflow2") only after four letters, so "D3", "S3" and "Web3" stay names.
_VERSION = re.compile(
    r"(?:[\s_\-]+v?|(?<=[^\W\d_])v|(?<=[^\W\d_]{4}))\d+(?:\.\d+)*(?:\.x)?\s*$|"
    r"(?<=[^\W\d_])\d+(?:\.\d+)+\s*$",
    re.IGNORECASE,
)
_NOT_WORD = re.compile(r"[\W_]+")
_RTL_MARKS = "\u200e\u200f"


def _prefer(char: str) -> tuple[bool, bool, bool, int]:
    """Which member names a class: ASCII first, then a lowercase letter, then a letter."""
    return (not char.isascii(), not char.islower(), not char.isalpha(), ord(char[0]))


@cache
def _table() -> dict[str, str]:
    """Each confusable character → its class's representative (or a multi-character one)."""
    raw = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_bytes()
    )
    parent: dict[str, str] = {}

    def find(char: str) -> str:
        while parent.get(char, char) != char:
            parent[char] = parent.get(parent[char], parent[char])
            char = parent[char]
        return char

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=_prefer)
            parent[drop] = keep
            parent.setdefault(keep, keep)

    longer: dict[str, str] = {}  # a source whose TR39 prototype is a sequence ("m" → "rn")
    for key, entries in raw.items():
        key = key.strip(_RTL_MARKS)
        for entry in entries:
            other = str(entry["c"]).strip(_RTL_MARKS)
            if not key or not other:
                continue
            if len(key) == 1 and len(other) == 1:
                join(key, other)
            elif len(key) == 1:
                longer.setdefault(key, other)
            elif len(other) == 1:
                longer.setdefault(other, key)
    table = {char: find(char) for char in list(parent)}
    for source, sequence in longer.items():
        table[source] = sequence
    return {char: rep for char, rep in table.items() if char != rep}


def _visible(text: str) -> str:
    """NFKC, then without invisible characters and combining marks."""
    text = unicodedata.normalize("NFKC", text)
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(
        ch
        for ch in decomposed
        if unicodedata.category(ch) not in _INVISIBLE_CATEGORIES and ch not in _FILLERS
    )
    return unicodedata.normalize("NFC", kept)


def _fold(text: str) -> str:
    table = _table()
    mapped = "".join(table.get(ch, ch) for ch in text).casefold()
    # Case folding can turn a capital with no entry into a small letter that has one
    # (Greek capitals, Roman numerals), so the classes are applied once more.
    return "".join(table.get(ch, ch) for ch in mapped).casefold()


def without_version(text: str) -> str:
    """The name without a trailing version number ("MLflow 2.0" → "MLflow")."""
    stem = _VERSION.sub("", text).rstrip(" _-.")
    return stem if sum(ch.isalpha() for ch in stem) >= 2 else text


@lru_cache(maxsize=8192)
def lookalike_key(name: str, versions: bool = True) -> str:
    """The key under which names that look alike are equal (and, unless `versions` is
    False, the versions of one tool too)."""
    text = _visible(name).replace("&", " and ").replace("+", " and ").strip()
    if versions:
        text = without_version(text)
    return _NOT_WORD.sub("", _fold(text))


@dataclass(frozen=True)
class Disguise:
    """A character that reads as another: where it is, and what it is."""

    index: int
    char: str
    name: str


def disguises(name: str) -> list[Disguise]:
    """Invisible, non-ASCII look-alike and compatibility characters in `name`."""
    table = _table() if not name.isascii() else {}
    found = []
    for index, char in enumerate(name):
        if char.isascii():
            continue
        if (
            char in table
            or unicodedata.category(char) in _INVISIBLE_CATEGORIES
            or char in _FILLERS
            or unicodedata.normalize("NFKC", char) != char
        ):
            label = unicodedata.name(char, f"U+{ord(char):04X}")
            found.append(Disguise(index, char, f"{label} (U+{ord(char):04X})"))
    return found
