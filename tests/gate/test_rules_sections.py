"""Headings as the renderer sees them, their source lines, and section placement."""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from anthology.course import Option, Section
from anthology.gate.lineblocks import line_blocks
from anthology.gate.reading import Reading, read_sections
from anthology.gate.scan import Body
from anthology.gate.sections import clean, outline, paragraphs, rendered_blocks
from anthology.gate.words import count_words

OPTION = Option(
    "tool",
    "Tool",
    (
        Section("problem", "Problem", ("problem", "why"), 3),
        Section("examples", "Examples", ("how", "example", "movie"), 3),
        Section("assessment", "Assessment", ("strength", "limitation"), 3),
    ),
)


def headings(text: str, first_line: int = 1) -> list[tuple[int, str, int | None, int]]:
    return [(h.level, h.text, h.line, h.words) for h in outline(Body(text, first_line))]


def test_atx_and_setext_headings_with_lines() -> None:
    text = (
        "Intro.\n\n## The **problem** {#p}\n\nOne two three.\n\nHow it works\n---\n\nFour five.\n"
    )
    assert headings(text, 20) == [(2, "The problem", 22, 3), (2, "How it works", 26, 2)]


def test_headings_in_fenced_code_do_not_count() -> None:
    text = "```\n## Strengths\n```\n\n## Strengths\n\nReal text here.\n"
    assert headings(text) == [(2, "Strengths", 5, 3)]


def test_section_runs_until_a_heading_of_the_same_or_higher_level() -> None:
    text = "## A\n\none two\n\n### B\n\nthree\n\n## C\n\nfour\n"
    assert [(t, w) for _l, t, _line, w in headings(text)] == [("A", 4), ("B", 1), ("C", 1)]


def test_code_is_not_counted_as_words() -> None:
    text = "## A\n\none\n\n```\nlots of code words here\n```\n\n    indented code too\n"
    assert headings(text)[0][3] == 1


def place(text: str, mapping: dict[str, str] | None = None) -> list[Reading]:
    body = Body(text, 1)
    found = outline(body)
    return read_sections(
        OPTION, found, paragraphs(body, found), mapping or {}, (1, len(body.lines))
    )


def test_keyword_placement_follows_the_post_order() -> None:
    text = (
        "## The problem: how do we know?\n\nx\n\n## How it helps\n\ny\n\n"
        "## Strengths and limitations\n\nz\n"
    )
    placed = place(text)
    assert [r.parts[0].heading.text if r.found else None for r in placed] == [
        "The problem: how do we know?",
        "How it helps",
        "Strengths and limitations",
    ]


def test_mapping_wins_over_keywords_and_missing_sections_are_none() -> None:
    text = "## Monday morning\n\nx\n\n## A week of ratings\n\ny\n"
    placed = place(text, {"problem": "Monday  morning", "examples": "A week of ratings"})
    assert [(r.section.id, r.line) for r in placed] == [
        ("problem", 1),
        ("examples", 5),
        ("assessment", None),
    ]


LINE_FRAGMENTS = st.sampled_from(
    [
        "# Problem",
        "## How it helps",
        "### Strengths #",
        "####### Seven",
        "#",
        "#NoSpace",
        "Plain text line.",
        "Another line with **bold** and `code`.",
        "===",
        "---",
        "- - -",
        "***",
        "- item one",
        "* star item",
        "+ plus item",
        "1. first",
        "2) second",
        "| a | b |",
        "|---|---|",
        "a | b",
        "```",
        "```python",
        "~~~",
        "[link](https://e.org) here",
        "Term",
        ": definition",
        "Text -",
        "-",
        "=",
        "  two spaces",
        "Version 6. Next.",
        "**Bold.** Text",
    ]
)
BODIES = st.lists(st.one_of(LINE_FRAGMENTS, st.just("")), max_size=20).map("\n".join)


def test_a_parse_that_fails_leaves_nothing_behind() -> None:
    """A body the renderer cannot finish (a list nested 3,000 deep raises RecursionError)
    leaves no parser state behind: the next body is read as if it came first."""
    with pytest.raises(RecursionError):
        rendered_blocks("<script>x</script>" + "1. " * 3_000)
    assert rendered_blocks("  two spaces") == [(0, "two spaces")]


@settings(max_examples=1000, deadline=None)
@given(text=BODIES)
@example(text="1. first\n***\n2) second\n1. first")  # a `***` rule and a `2)` marker
def test_the_line_reader_agrees_with_the_renderer(text: str) -> None:
    scanned = Body(text, 1)
    fast = line_blocks(scanned)
    assume(fast is not None)
    slow = rendered_blocks(text)
    assert [(lv, clean(t)) for lv, t in fast if lv] == [(lv, clean(t)) for lv, t in slow if lv]
    assert sum(count_words(t) for lv, t in fast if not lv) == sum(
        count_words(t) for lv, t in slow if not lv
    )
