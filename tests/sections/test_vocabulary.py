"""Whole-word, stemmed, phrase-aware matching of heading words."""

from __future__ import annotations

import pytest

from anthology.gate.vocabulary import negated, singulars, stem, stems, vocabulary

ASSESSMENT = vocabulary(("strength", "limitation", "limits", "pros", "cons", "falls short"))


@pytest.mark.parametrize(
    "heading",
    ["Consistency checks across batches", "3. Value Constraints", "Console output", "Prose"],
)
def test_no_keyword_matches_the_start_of_a_longer_word(heading: str) -> None:
    assert ASSESSMENT.find(stems(heading)) == []


@pytest.mark.parametrize(
    ("heading", "term"),
    [
        ("Limitations", "limitation"),
        ("Where it is limited", "limits"),
        ("Its limits", "limits"),
        ("Pros", "pros"),
        ("The cons", "cons"),
        ("Where it falls short", "falls short"),
        ("Where Pandera falls a little short", None),  # two words between: not a phrase
        ("STRENGTHS", "strength"),
    ],
)
def test_inflections_match_as_whole_words(heading: str, term: str | None) -> None:
    found = ASSESSMENT.find(stems(heading))
    assert (term in found) if term else found == []


def test_a_phrase_may_have_one_word_inside_it() -> None:
    lessons = vocabulary(("lessons learned",))
    assert lessons.find(stems("Lessons we learned")) == ["lessons learned"]
    assert lessons.find(stems("Lessons that we have learned")) == []
    assert lessons.find(stems("Learned lessons")) == []  # order matters


def test_after_a_question_word_the_word_inside_brings_no_subject() -> None:
    """The one word inside a phrase may qualify it, not change who does what."""
    worked = vocabulary(("what worked", "how works"))
    assert worked.find(stems("What really worked")) == ["what worked"]
    assert worked.find(stems("Step 0: What I'm working with")) == []
    assert worked.find(stems("How we work now")) == []
    assert worked.find(stems("How it works")) == ["how works"]
    bad = vocabulary(("what's bad",), exact=True)
    assert bad.find(singulars("What's bad about it")) == ["what's bad"]
    assert bad.find(singulars("the test set doesn't know what a bad one looks like")) == []
    # after "what", the tool as a subject makes "what" the object (batch 1556)
    didnt = vocabulary(("what did not",), exact=True)
    assert didnt.find(singulars("What really did not work")) == ["what did not"]
    assert didnt.find(singulars("what it did not flag: every Saturday peak")) == []


def test_a_verb_with_to_takes_no_word_inside() -> None:
    """ "have to" and "had to" are one verb: "I have wanted to" and "we had time to" are
    no obligation (batch 1001), while a longer phrase may still have a word inside."""
    must = vocabulary(("have to", "had to", "still have to"), exact=True)
    assert must.find(singulars("We have to restart it by hand.")) == ["have to"]
    assert must.find(singulars("I have wanted to learn operators for a year.")) == []
    assert must.find(singulars("We had time to try both.")) == []
    found = must.find(singulars("We still really have to restart it."))
    assert sorted(found) == ["have to", "still have to"]


def test_spans_are_every_occurrence_of_every_term() -> None:
    terms = vocabulary(("bug", "had to"))
    words = stems("We had to fix one bug, then another bug, and I had to rest.")
    assert sorted(terms.spans(words)) == [(1, 3), (5, 6), (8, 9), (11, 13)]


def test_an_anchored_term_matches_only_at_the_start() -> None:
    using = vocabulary(("^using",))
    assert using.find(stems("Using Pandera on rating data")) == ["using"]
    assert using.find(stems("Which data we used")) == []


def test_a_term_anchored_at_the_end_matches_only_there() -> None:
    bad = vocabulary(("the bad$", "^limits$"), exact=True)
    assert bad.find(singulars("The good, the bad")) == ["the bad"]
    assert bad.find(singulars("the bad model we shipped")) == []
    assert bad.find(singulars("the first bad")) == ["the bad"]  # one word may come between
    assert bad.find(singulars("Limits")) == ["limits"]
    assert bad.find(singulars("Limits of the free tier")) == []
    assert bad.find(singulars("Rate limits")) == []
    # the anchors are how a course writes a term, not part of it: messages show "the bad"
    assert [term for term, _stems in bad.terms] == ["the bad", "limits"]


def test_derived_words_stay_apart_and_inflections_meet() -> None:
    assert stem("weakness") != stem("weak")  # "Weak Supervision" names no weakness
    assert stem("useful") != stem("use")
    assert stem("movies") == stem("movie") and stem("tried") == stem("try") == stem("trying")
    assert stem("running") == stem("run") and stem("batches") == stem("batch")
    assert stems("What I didn’t like") == stems("what i didn't like")


def test_one_term_per_stem_and_first_positions() -> None:
    words = vocabulary(("movie", "movies", "rating"))
    assert [shown for shown, _ in words.terms] == ["movie", "rating"]
    assert words.where(stems("Ratings of the movies")) == {"rating": 0, "movie": 3}


@pytest.mark.parametrize(
    ("heading", "kept"),
    [
        ("Without the pain", []),
        ("No more pain", []),
        ("No pain", []),
        ("Pain without end", ["pain"]),  # the negation comes after the word
        ("Not without pain", ["pain"]),  # "not without" is no negation
        ("No one saw the pain coming", ["pain"]),  # a "no" further before
    ],
)
def test_a_negated_term_is_dropped(heading: str, kept: list[str]) -> None:
    words = stems(heading)
    found = vocabulary(("pain",)).where(words)
    assert list(negated(found, words, vocabulary(("without", "no", "no more")))) == kept


def test_a_percent_sign_reads_as_percent() -> None:
    assert stems("fell by 61%") == ("fell", "by", "61", "percent")
    assert vocabulary(("percent",)).find(stems("p95 went from 40% to 12%")) == ["percent"]


SCENARIO = vocabulary(("movie", "movies", "rating", "ratings", "series", "watch"), exact=True)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We replayed the Ratings of two weeks", ["rating"]),
        ("the viewer's rating of a movie", ["rating", "movie"]),
        ("Movies and SERIES", ["movie", "series"]),
        ("who watches what", ["watch"]),
        # stemming would read these as "ratings": a word of every ML post is no scenario
        ("a lower learning rate, error rates, a rated speed", []),
        ("movie-goers", ["movie"]),
    ],
)
def test_exact_terms_match_their_forms_and_plurals_only(text: str, found: list[str]) -> None:
    assert SCENARIO.find(singulars(text)) == found
    assert vocabulary(("rating",)).find(stems("learning rate")) == ["rating"]  # stemmed


def test_term_lists_built_on_the_fly_each_compile_to_their_own_terms() -> None:
    """Lists are found by identity first: many short-lived lists (more than that memory
    holds, and whose ids the interpreter reuses) each still match their own terms."""
    for number in range(1500):
        terms = (f"term{number}", "falls short")  # a new tuple each time
        assert vocabulary(terms).find(stems(f"term{number} falls short")) == list(terms)
        assert vocabulary(terms, exact=True).find(singulars(f"term{number + 1}")) == []
    assert vocabulary(tuple(["limits", "cons"])) is vocabulary(tuple(["limits", "cons"]))
