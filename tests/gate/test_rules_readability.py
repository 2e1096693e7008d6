"""Sentences with lines, syllables, and the Flesch–Kincaid grade."""

from __future__ import annotations

from anthology.gate.readability import grade_level, sentences, syllables
from anthology.gate.scan import Body


def test_syllables() -> None:
    assert [syllables(w) for w in ("the", "movie", "streaming", "recommendation", "cake")] == [
        1,
        2,
        2,
        5,
        1,
    ]


def test_sentences_keep_their_lines_and_skip_code_and_headings() -> None:
    text = (
        "# Title\n\nFirst one. Second\nsentence here.\n\n```\nCode. Not prose.\n```\n- Item one\n"
    )
    found = sentences(Body(text, 5))
    assert [(s.text, s.line, s.word_count) for s in found] == [
        ("First one.", 7, 2),
        ("Second sentence here.", 7, 3),
        ("Item one", 13, 2),
    ]


def test_grade_needs_enough_text_and_rises_with_long_words() -> None:
    simple = " ".join(["The cat sat on the mat."] * 30)
    hard = " ".join(
        ["Organizational interoperability necessitates comprehensive documentation."] * 30
    )
    assert grade_level(sentences(Body("Too short.", 1))) is None
    easy_grade = grade_level(sentences(Body(simple, 1)))
    hard_grade = grade_level(sentences(Body(hard, 1)))
    assert easy_grade is not None and hard_grade is not None
    assert easy_grade < 3 < 14 < hard_grade
