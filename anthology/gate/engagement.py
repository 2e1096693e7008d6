"""How much a comment says in its own words, seeing through padding.

A comment is padded when it repeats itself ("really" forty times, one sentence pasted over
and over), hides copies of a word behind invisible or look-alike characters, stretches words
("sooooo"), fills space with placeholder Latin, or pastes the post's own text back. What
counts is the number of *different content words* left once all that is set aside: words
are compared by their look-alike key (:mod:`anthology.spelling`) with digits dropped and
repeated letters collapsed, function words ("the", "and", "it") and lorem ipsum do not
count, and runs of words copied from the post (six or more in a row) are not the
commenter's own. Emoji and punctuation are not words at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..spelling import lookalike_key
from ..text import prose

COPY_RUN = 6  # this many words in the post's order count as copied; a short quote does not
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_RUNS = re.compile(r"(.)\1+")
_DIGITS = re.compile(r"\d+")

# English function words: they carry no content of their own. A short list written here
# because the count needs only the commonest ones, and a stemmer or tagger would be a large
# dependency for it.
STOP_WORDS = frozenset(  # a word list is easier to read as running text
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves im ive id youre its dont didnt doesnt isnt wasnt cant wont
    really very much many lot lots thing things get got make made one also well""".split()  # noqa: SIM905
)
# The placeholder Latin of typesetting ("lorem ipsum dolor sit amet ..."): filler, not words.
LOREM_IPSUM = frozenset(
    """lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed
    eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis
    nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute
    irure reprehenderit voluptate velit esse cillum eu fugiat nulla pariatur excepteur sint
    occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est
    laborum curabitur vestibulum ante primis faucibus orci luctus ultrices posuere cubilia
    curae donec pellentesque habitant morbi tristique senectus netus malesuada fames turpis
    egestas""".split()  # noqa: SIM905
)


def word_key(word: str) -> str:
    """What makes a word this word: look-alikes folded, digits dropped, letter runs collapsed."""
    key = _DIGITS.sub("", lookalike_key(word, versions=False))
    return _RUNS.sub(r"\1", key)


@cache
def _not_content() -> tuple[frozenset[str], frozenset[str]]:
    """The keys of the function words and of lorem ipsum."""
    return (
        frozenset(word_key(word) for word in STOP_WORDS),
        frozenset(word_key(word) for word in LOREM_IPSUM),
    )


def words_of(markdown_text: str) -> list[str]:
    """The words of a Markdown text (code, link targets and tags left out), as written."""
    return _WORD.findall(prose(markdown_text))


@dataclass(frozen=True)
class Engagement:
    """What a comment says of its own."""

    words: int  # every word, as a reader would count them
    own: frozenset[str]  # distinct content words, not copied and not filler
    copied: int  # words in runs copied from the post
    filler: int  # lorem ipsum words


def _copied(words: list[str], source: list[str]) -> list[bool]:
    """Which of `words` lie in a run of COPY_RUN or more words found in order in `source`."""
    marks = [False] * len(words)
    if len(words) < COPY_RUN or len(source) < COPY_RUN:
        return marks
    runs = {tuple(source[i : i + COPY_RUN]) for i in range(len(source) - COPY_RUN + 1)}
    for start in range(len(words) - COPY_RUN + 1):
        if tuple(words[start : start + COPY_RUN]) in runs:
            for index in range(start, start + COPY_RUN):
                marks[index] = True
    return marks


def engagement(comment_body: str, post_body: str = "") -> Engagement:
    """Count a comment's own words; `post_body` is the text of the post it discusses."""
    written = words_of(comment_body)
    keys = [word_key(word) for word in written]
    source = [word_key(word) for word in words_of(post_body)] if post_body else []
    copied = _copied(keys, source)
    stop, lorem = _not_content()
    own: set[str] = set()
    filler = 0
    for key, was_copied in zip(keys, copied, strict=True):
        if key in lorem:
            filler += 1
        elif not was_copied and len(key) > 1 and key not in stop:
            own.add(key)
    return Engagement(len(written), frozenset(own), sum(copied), filler)
