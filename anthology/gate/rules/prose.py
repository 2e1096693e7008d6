"""Prose (warnings only): length, readability, long sentences, acronyms, vague link text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ...findings import Finding
from ..context import SHAPE_PARAGRAPHS, PostContext
from ..readability import Sentence, grade_level, sentences

# Without a leading `\b` the engine scans for the capital letter instead of trying every
# position (three times faster); a match inside a word is skipped by hand (`_inside_word`).
_ACRONYM = re.compile(r"([A-Z][A-Z0-9]{1,5})s?\b")
_PUNCTUATION = " \t.,:;!?\"'“”‘’()[]"
_PLACEHOLDERS = frozenset({"TODO", "TBD", "FIXME", "XXX"})  # draft markers, not acronyms
DEFAULT_ACRONYMS = ("ML", "AI", "API", "URL", "HTTP", "JSON", "YAML", "CSV", "SQL", "CPU", "GPU")


def _number(ctx: PostContext, key: str, default: float) -> float:
    value = ctx.course.setting("prose", key, default=default)
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _texts(ctx: PostContext, key: str, default: tuple[str, ...]) -> list[str]:
    value = ctx.course.setting("prose", key, default=default)
    return [str(item) for item in value] if isinstance(value, list | tuple) else list(default)


def _length(ctx: PostContext, found: list[Sentence], line: int) -> Iterator[Finding]:
    total = sum(s.word_count for s in found)
    low, high = int(_number(ctx, "min_words", 0)), int(_number(ctx, "max_words", 10**9))
    media = ctx.post is not None and ctx.post.format != "article"
    if total < low and not media:
        yield ctx.warning(
            "prose-word-count",
            line,
            f"the post has about {total} words; posts usually have {low} to {high}",
            "Say more about the problem, your example and your assessment.",
        )
    elif total > high:
        yield ctx.warning(
            "prose-word-count",
            line,
            f"the post has about {total} words; posts usually have {low} to {high}",
            "Cut repetition and move details to your evidence repository.",
        )


def _readability(ctx: PostContext, found: list[Sentence], line: int) -> Iterator[Finding]:
    limit = _number(ctx, "max_grade_level", 14)
    grade = grade_level(found)
    if grade is not None and grade > limit:
        yield ctx.warning(
            "prose-readability",
            line,
            f"the text reads at about grade {grade:.0f} (Flesch–Kincaid); "
            f"aim for {limit:.0f} or lower so a broad audience can follow",
            "Prefer short sentences and everyday words; explain each technical "
            "term when you first use it.",
        )


def _long_sentences(ctx: PostContext, found: list[Sentence]) -> Iterator[Finding]:
    limit = int(_number(ctx, "max_sentence_words", 45))
    for sentence in found:
        if sentence.word_count > limit:
            start = " ".join(sentence.text.split()[:8])
            count = sentence.word_count
            yield ctx.warning(
                "prose-long-sentence",
                sentence.line,
                f"a sentence of {count} words (limit {limit}): “{start} …”",
                "Split it into two or three shorter sentences.",
            )


def _acronyms(ctx: PostContext, found: list[Sentence]) -> Iterator[Finding]:
    known = {word.upper() for word in _texts(ctx, "known_acronyms", DEFAULT_ACRONYMS)}
    known |= _PLACEHOLDERS
    text = "\n".join(ctx.body.plain)
    reported: set[str] = set()
    # one search over all the sentences (a line apart, which `\b` reads as text's end)
    starts, offset = [], 0
    for sentence in found:
        starts.append(offset)
        offset += len(sentence.text) + 1
    for match in _ACRONYM.finditer("\n".join(sentence.text for sentence in found)):
        word = match.group(1)
        if (
            _inside_word(match)
            or word in reported
            or word in known
            or sum(c.isupper() for c in word) < 2
            or ctx.gate.registry.lookup(word) is not None
        ):
            continue
        reported.add(word)
        spelled = re.escape(word) + "s?"
        if re.search(rf"\(\s*{spelled}\s*\)|\b{spelled}\s*\(", text):
            continue
        yield ctx.warning(
            "prose-acronym",
            found[bisect.bisect_right(starts, match.start()) - 1].line,
            f"the acronym {word} is never spelled out",
            f"Write it out at first use, e.g. “Full Name ({word})”.",
        )


def _inside_word(match: re.Match[str]) -> bool:
    before = match.string[match.start() - 1 : match.start()]
    return before.isalnum() or before == "_"


def _vague_links(ctx: PostContext) -> Iterator[Finding]:
    vague = {text.casefold() for text in _texts(ctx, "vague_link_texts", ())}
    for link in ctx.body.links:
        if link.image or link.origin in ("definition", "autolink", "html"):
            continue
        if link.text.strip(_PUNCTUATION).casefold() in vague:
            yield ctx.warning(
                "prose-vague-link",
                link.line,
                f"the link text “{link.text}” does not say where the link goes",
                "Use words that name the target, e.g. “the MLflow documentation”.",
                link.column,
            )


def prose(ctx: PostContext) -> Iterator[Finding]:
    """Prose warnings for a post meant for a broad audience."""
    # A body over the shape limits is refused: its first blocks are enough to read.
    found = sentences(ctx.body, SHAPE_PARAGRAPHS if ctx.shape else None)
    line = ctx.first_text_line
    yield from _length(ctx, found, line)
    yield from _readability(ctx, found, line)
    yield from _long_sentences(ctx, found)
    yield from _acronyms(ctx, found)
    yield from _vague_links(ctx)
