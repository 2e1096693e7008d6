"""Required sections of the post's option, their length, and the scenario in the examples.

Which parts of the post serve each requirement is decided in `gate/reading.py`; these rules
only turn that reading into findings.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from ...course import Section
from ...findings import Finding, Severity
from ..alternatives import alternatives_told
from ..context import PostContext
from ..drafts import DEFAULT_DRAFT_MARKERS, draft_marker, may_hold_marker
from ..memo import IdentityMemo
from ..reading import (
    CONTENT,
    HEADING,
    POSSESSIVES,
    Part,
    Reading,
    as_it,
    goes_on_with,
    hypotheticals,
    in_writers_voice,
    names_material,
    not_made_on_own,
    says_not_made,
    speculation,
    story_parts,
    tells_as_real,
    told_as_own,
    with_code,
    without_course_plans,
)
from ..rubric import RubricFinding
from ..sections import Heading, Paragraph
from ..vocabulary import Vocabulary, singulars, stems, vocabulary
from ..weighing import (
    clauses_of_another,
    first_sentences,
    of_another,
    only_asks,
    sentences_of,
    taken_back,
    unexplained,
    unquoted,
    weighs,
)
from ..words import count_words, strip_inline


def _taken(reading: Reading) -> str:
    """“Strengths and limitations” is taken from ‘What worked well’ + ‘Where it falls short’,
    or just “the section ‘Strengths and limitations’” when the heading is the name."""
    name = reading.section.name
    if reading.names.casefold() == f"‘{name}’".casefold():
        return f"the section {reading.names}"
    return f"“{name}” is taken from {reading.names}"


def _words(count: int) -> str:
    return f"{count} word" + ("" if count == 1 else "s")


def _finding(
    ctx: PostContext,
    rule: str,
    line: int | None,
    message: str,
    fix: str,
    rubric: str | None,
    severity: Severity = Severity.ERROR,
) -> Finding:
    return RubricFinding(rule, severity, ctx.shown, line, message, fix, rubric=rubric)


def _missing(ctx: PostContext, reading: Reading) -> Finding:
    section = reading.section
    if reading.mapped is not None:
        return _finding(
            ctx,
            "section-missing",
            ctx.line_of("sections"),
            f"`sections` maps `{section.id}` to the heading “{reading.mapped}”, "
            "but the post has no heading with that text",
            "Copy the heading text exactly into `sections:`, or rename the heading.",
            section.rubric,
        )
    if reading.empty:
        heading = reading.empty[0]
        return _finding(
            ctx,
            "section-missing",
            heading.line or ctx.first_text_line,
            f"no section on “{section.name}” was found: the heading “{heading.text}” has no "
            "text under it",
            f"Write the section under “{heading.text}”: "
            + (
                f"at least {section.min_words} words." if section.min_words else "a few paragraphs."
            ),
            section.rubric,
        )
    examples = ", ".join(term for term, _stems in vocabulary(section.keywords).terms[:5])
    return _finding(
        ctx,
        "section-missing",
        ctx.first_text_line,
        f"no section on “{section.name}” was found: no heading names it ({examples}, …) "
        "and no section's text reads like it",
        f"Add a section on it under a heading such as `## {section.name}`, or map your own "
        f'heading in front matter: `sections: {{{section.id}: "Your heading"}}`. '
        "`anthology check --explain FILE` shows how the post was read.",
        section.rubric,
    )


def _unrecognised(ctx: PostContext, reading: Reading) -> Finding | None:
    """A warning instead of "missing" when a long section serves no requirement the gate
    could tell: the gate may have missed how the post words it, and a TA will read it."""
    if reading.unrecognised is None:
        return None
    part, words = reading.unrecognised
    section = reading.section
    if part.heading is not None:
        fix = (
            f"Give that section a heading that says what it is, such as `## {section.name}`, "
            f'or map it in front matter: `sections: {{{section.id}: "{part.label}"}}`'
        )
    else:
        fix = f"Put that text under a heading that says what it is, such as `## {section.name}`"
    return _finding(
        ctx,
        "section-unrecognised",
        part.line or ctx.first_text_line,
        f"no section on “{section.name}” was recognised, and {part.shown} ({_words(words)}) "
        "serves no requirement the gate could tell: if it is your section on it, the gate "
        "missed it and a TA will read it",
        f"{fix}; if the post has no such section, write one. "
        "`anthology check --explain FILE` shows how the post was read.",
        section.rubric,
        Severity.WARNING,
    )


def unplaced_use(ctx: PostContext, reading: Reading) -> Reading | None:
    """For a requirement that needs the scenario and that no section serves: the text no
    requirement took, after the post first names its tool, when it is at least the
    section's `min_words` long and shows the tool tried on the scenario the way the
    scenario check reads a walkthrough (in the writer's voice, done, not imagined). A TA
    finds such a walkthrough in an essay with no headings, or in an interview's answers;
    a post that only imagines the scenario or works through the vendor's demo has none."""
    section = reading.section
    found = _scenario_vocabularies(ctx)
    if reading.found or found is None or not reading.unplaced or not section.min_words:
        return None
    start = ctx.tool_shown or 0
    parts = []
    for part, _words_of in reading.unplaced:
        lines = tuple(line for line in part.lines if line >= start)
        kept = [p for p in ctx.paragraphs if p.line in lines]
        if kept:
            words = sum(count_words(p.text) for p in kept)
            text = "\n".join(with_code(p) for p in kept)
            if part.heading is not None:  # read with its heading, as a section taken is
                text = f"{part.heading.text}\n{text}"
            parts.append(Part(CONTENT, part.heading, words, text, lines=lines))
    if sum(part.words for part in parts) < section.min_words:
        return None
    parts.sort(key=lambda part: part.line or 0)
    candidate = Reading(section, tuple(parts))
    keywords, own = found
    used, _named = _scenario_named(ctx, candidate, keywords, own)
    return candidate if used else None


def _use_unplaced(ctx: PostContext, reading: Reading) -> Finding | None:
    """A warning instead of "missing" when the text no section took shows the tool used
    on the scenario (`unplaced_use`)."""
    candidate = unplaced_use(ctx, reading)
    if candidate is None:
        return None
    section = reading.section
    return _finding(
        ctx,
        "section-unrecognised",
        candidate.line or ctx.first_text_line,
        f"no section on “{section.name}” was recognised, but paragraphs no requirement took "
        f"({_words(candidate.words)}, from line {candidate.line}) show the tool used on the "
        "scenario: if they are your examples, the gate missed them and a TA will read them",
        f"Put them under a heading that says what they are, such as `## {section.name}`. "
        "`anthology check --explain FILE` shows how the post was read.",
        section.rubric,
        Severity.WARNING,
    )


def required_sections(ctx: PostContext) -> Iterator[Finding]:
    """Each requirement is served by some part of the post, and at some length."""
    if ctx.post is None:
        return
    for reading in ctx.readings:
        section = reading.section
        if not reading.found:
            yield (
                _praise_only_close(ctx, reading)
                or (
                    _use_unplaced(ctx, reading)
                    if section.scenario_required
                    else _unrecognised(ctx, reading)
                )
                or _missing(ctx, reading)
            )
            continue
        line = reading.line or ctx.first_text_line
        if reading.by_content:
            part = reading.parts[0]
            yield _finding(
                ctx,
                "section-heading-unclear",
                line,
                f"“{section.name}” is read from the text of {reading.names} "
                f"({', '.join(part.cues[:6])}): no heading says so",
                f"Give that part a heading a reader can find, such as `## {section.name}`, "
                f'or map it in front matter: `sections: {{{section.id}: "Your heading"}}`.',
                section.rubric,
                Severity.WARNING,
            )
        if reading.words < section.min_words:
            yield _finding(
                ctx,
                "section-too-short",
                line,
                f"{_taken(reading)}, {_words(reading.words)}; "
                f"at least {section.min_words} are expected",
                "Develop the section: explain, give a concrete example, say what you observed.",
                section.rubric,
                Severity.ERROR if section.min_words_blocking else Severity.WARNING,
            )
    yield from _unfinished(ctx)


def _unfinished(ctx: PostContext) -> Iterator[Finding]:
    """A paragraph left as a draft marker ("TODO.", "TBD", "Lorem ipsum …"): the part it
    stands in is unfinished, however many words are around it."""
    listed = ctx.course.setting("prose", "draft_markers", default=DEFAULT_DRAFT_MARKERS)
    markers = tuple(map(str, listed)) if isinstance(listed, list | tuple) else ()
    if not markers or not may_hold_marker("\n".join(p.text for p in ctx.paragraphs), markers):
        return
    parts = sorted(
        ((part.line or 0, part, reading) for reading in ctx.readings for part in reading.parts),
        key=lambda taken: taken[0],
    )
    for paragraph in ctx.paragraphs:
        marker = draft_marker(paragraph.text, markers)
        if marker is None:
            continue
        # the nearest part above the paragraph, if its text holds it ("TODO." may be
        # written under several headings, taken or not)
        above = [taken for taken in parts if taken[0] <= paragraph.line]
        nearest = above[-1] if above else None
        text = with_code(paragraph)
        reading = None
        part = "the post"
        if nearest is not None and text in nearest[1].text.split("\n"):
            reading = nearest[2]
            part = f"‘{nearest[1].label}’ ({reading.section.name})"
        yield _finding(
            ctx,
            "section-unfinished",
            paragraph.line,
            f"{part} is unfinished: the text says “{marker}” where the writing should be",
            "Write that part and delete the marker; until then keep `status: draft`.",
            reading.section.rubric if reading else None,
        )


# where a drawback phrase may end ("The bad: it needs ZooKeeper", "the good, the bad")
_CLAUSE = re.compile(r"[:;,.!?()\u2013\u2014]")


def one_sided(ctx: PostContext) -> Iterator[Finding]:
    """When a requirement with `drawbacks` words is served but neither a heading nor a
    paragraph of the post names a drawback in them (the problem told before the tool
    aside: its drawbacks are the old way's), the verdict may only praise: a warning, since
    about one post in forty that weighs its tool does so in words no list has ("isn't
    without costs", "only understands simple CSV"). Under `drawbacks_blocking` it is an
    error when the text taken for the requirement does not weigh anything either (see
    `gate/weighing.py`: "however", "slow", "missing", but not "it caught a bug")."""
    if ctx.post is None:
        return
    for reading in ctx.readings:
        if not reading.section.cues.drawbacks or not reading.found:
            continue
        if _names_a_drawback(ctx, reading.section):
            continue
        if reading.section.drawbacks_blocking and not weighs(
            _weighed_text(ctx, reading), reading.section, ctx.tool_words, ctx.product_names
        ):
            subject = f"{reading.names} ({reading.section.name})"
            yield _praise_only(ctx, reading.section, reading.line, subject)
            continue
        shown = _drawback_examples(reading.section)
        yield _finding(
            ctx,
            "section-one-sided",
            reading.line or ctx.first_text_line,
            f"{reading.names} ({reading.section.name}) names no drawback of the tool in words "
            f"the gate knows ({shown}, …) beyond the problem it solves: if it only praises, "
            "the rubric's limitations are missing",
            "Name at least one real limitation: what was hard, missing, slow or costly, and "
            "when you would not use the tool. If the post already does, a TA will read it.",
            reading.section.rubric,
            Severity.WARNING,
        )


def _names_a_drawback(ctx: PostContext, section: Section) -> bool:
    """Whether a heading or paragraph of the post names a drawback in the section's
    `drawbacks` words, the problem told before the tool aside (its drawbacks are the old
    way's) and praise in drawback words ("the tool I wish I had in week one") too."""
    headings, _ = ctx.reading_outline
    told = _told_before_the_tool(ctx.readings)
    told_text = "\n".join([part.text for part in told] + _opening_scene(ctx, told))
    told_headings = {id(part.heading) for part in told}
    drawbacks = vocabulary(section.cues.drawbacks, exact=True)  # as written: a "memory limit"
    others = alternatives_told(ctx.paragraphs, section, ctx.tool_words, ctx.headings)
    scope_only = _scope_only_headings(ctx, section, drawbacks, others)
    # a label in `drawback_labels` alone ("Limits:") over text not scope-only names one
    only_labels = vocabulary(section.cues.drawback_labels, exact=True)
    if only_labels and any(
        label not in scope_only and label not in told_text for label in _labelled(ctx, only_labels)
    ):
        return True

    def texts() -> Iterator[str]:
        yield from (
            part
            for h in headings
            if id(h) not in told_headings and h.text not in scope_only
            for part in _label_parts(h.text)
        )
        # a line in bold read as a heading is a paragraph too ("**Limitations**"); what a
        # list says of the alternatives is theirs ("LightFM: nice, but slow to build")
        owned = {
            listed.text
            for _lead, listed in _scope_lists(ctx, vocabulary(section.cues.scope_by, exact=True))
        } | _slip_paragraphs(ctx, section)
        for p in ctx.paragraphs:
            if p.text not in told_text and p.text not in scope_only and p.text not in owned:
                yield others[p.text] if p.text in others else _as_said(p, drawbacks, section)

    def names_one(text: str) -> bool:
        return bool(drawbacks.find(singulars(text))) and unexplained(
            text, drawbacks, section, exact=True, tool=ctx.tool_words, names=ctx.product_names
        )

    # a "memory limit" is no drawback; most posts name one early: the search stops at the
    # first, and reads no further text
    read: list[str] = []
    for text in texts():
        if names_one(text):
            return True
        read.append(text)
    # then each clause but the last, for the phrases that end one (`$`). A clause read
    # apart from its sentence still says what it says there: "…, so everyone writes their
    # own boilerplate" after "Jupyter has no database connections" is Jupyter's
    return any(
        names_one(clause) and not _said_otherwise(clause, text, ctx, section)
        for text in read
        for clause in _CLAUSE.split(text)[:-1]
    )


def _said_otherwise(clause: str, text: str, ctx: PostContext, section: Section) -> bool:
    """Whether the clause of `text` read apart is, in its sentence, no drawback of the
    tool: the sentence finds none (`none_found`: "If I have to name downsides, they are
    really about how we used to work"), is taken back (`retracted_by`: "…, so this
    might turn out to be an advantage"), the clause leads into the writer's scope (see
    `_lead_to_scope`), or it lies in clauses that speak of another product or the old way
    (`clauses_of_another`)."""
    clause = clause.strip()
    said = sentences_of(text)
    at = next((index for index, s in enumerate(said) if clause in s), None)
    if at is None or not clause:
        return False
    sentence = said[at]
    if vocabulary(section.cues.none_found, exact=True).find(singulars(sentence)):
        return True
    if clause in _lead_to_scope(sentence, vocabulary(section.cues.scope_by, exact=True)):
        return True
    retracted = vocabulary(section.cues.retracted_by, exact=True)
    if at in taken_back(said, retracted, singulars, ctx.tool_words):
        return True
    alternatives = vocabulary(section.cues.alternatives_by, exact=True)
    start = sentence.index(clause)
    return clauses_of_another(
        sentence, (start, start + len(clause)), ctx.product_names, ctx.tool_words, alternatives
    )


def _scope_only_headings(
    ctx: PostContext, section: Section, drawbacks: Vocabulary, others: dict[str, str]
) -> set[str]:
    """The headings that name a drawback but answer with none (`_answered_with_none`) or
    stand over scope-only text (`_over_scope_only`), or over such subsections only."""
    headings, _ = ctx.reading_outline
    scope_only = {
        h.text
        for h in headings
        if _answered_with_none(h, section, ctx)
        or _found_none_under(h, drawbacks, section, ctx)
        or _over_scope_only(h, drawbacks, section, ctx, others)
    }
    # labels are found with the words that name a drawback only as a label ("Limits:")
    label_words = _label_words(section)
    labels = _labels(ctx, label_words)
    scope_only |= {
        label
        for label, listed in labels.items()
        if _scope_only_text(listed.text, [listed.text], drawbacks, section, ctx, others)
    }
    # a label whose list follows on the next line ("**Cons**" then "- …") is one
    # paragraph: its items decide, read without the label
    glued = _glued_labels(ctx, label_words)
    scope_only |= {
        paragraph.text
        for paragraph, listed in glued
        if _scope_only_text(listed, listed.split("\n"), drawbacks, section, ctx, others)
    }
    labels = labels | {paragraph.text: paragraph for paragraph, _listed in glued}
    # a paragraph opening with a label answered with none: the label names no drawback,
    # for the heading over it too, but what follows may still name one
    led = [p for p in ctx.paragraphs if _short_label(p.text, label_words)]
    answered = {p.text: p for p in led if _label_answered_with_none(p.text, drawbacks, section)}
    # a paragraph led by a label whose text ends up finding none ("Cons: I didn't get to
    # try the multi-cluster view. … Honestly, nothing serious.") names none at all
    scope_only |= {
        p.text for p in led if _finds_none(p.text.partition(":")[2], drawbacks, section, ctx)
    }
    return scope_only | _over_scope_only_parts(
        ctx, headings, scope_only | set(answered), drawbacks, labels | answered
    )


def _as_said(paragraph: Paragraph, drawbacks: Vocabulary, section: Section) -> str:
    """A paragraph's text less its labels and questions on drawbacks answered with none,
    a list's items each read apart first: the item "cons? honestly nothing big" names
    none, whatever the item before it ends with."""
    items = paragraph.item_texts
    kept = [
        _unanswered(_without_label_of_none(i, drawbacks, section), drawbacks, section)
        for i in items
    ]
    text = " ".join(kept) if kept != list(items) else paragraph.text
    return _unanswered(_without_label_of_none(text, drawbacks, section), drawbacks, section)


def _without_label_of_none(text: str, drawbacks: Vocabulary, section: Section) -> str:
    """`text` less its opening label when the label is answered with none ("Cons:" before
    "Honestly we did not run into anything"): what follows it still speaks for itself."""
    if _label_answered_with_none(text, drawbacks, section):
        return text.partition(":")[2].strip()
    return text


def _label_answered_with_none(text: str, drawbacks: Vocabulary, section: Section) -> bool:
    """Whether a paragraph opens with a short label naming a drawback that the rest
    answers by finding none (`none_found`: "Cons: Honestly we did not run into
    anything."): the label names none then."""
    if not _short_label(text, drawbacks):
        return False
    rest = text.partition(":")[2]
    none = vocabulary(section.cues.none_found, exact=True)
    return any(none.find(singulars(s)) for s in first_sentences(rest, _ANSWER_SENTENCES))


def _label_words(section: Section) -> Vocabulary:
    """The words a label names a drawback with: `drawbacks` and `drawback_labels`."""
    cues = section.cues
    return vocabulary(cues.drawbacks + cues.drawback_labels, exact=True)


def _labelled(ctx: PostContext, labels: Vocabulary) -> list[str]:
    """The labels in `labels` a post has, as `_scope_only_headings` keeps them: a short
    line over a list ("Limits:" then "- …"), one glued to its list, and a paragraph that
    opens "Limits: it only …"."""
    found = list(_labels(ctx, labels))
    found += [paragraph.text for paragraph, _listed in _glued_labels(ctx, labels)]
    found += [p.text for p in ctx.paragraphs if _short_label(p.text, labels)]
    return found


def _short_label(text: str, drawbacks: Vocabulary) -> bool:
    """Whether `text` opens with a label of a few words naming a drawback ("Cons:")."""
    label, colon, _rest = text.partition(":")
    return bool(colon) and len(label) <= _LABEL_CHARS and _drawback_label(label, drawbacks)


def _drawback_label(label: str, drawbacks: Vocabulary) -> bool:
    """Whether `label` is a few words naming a drawback ("Cons", "Things to watch", "Bad /
    limits")."""
    return count_words(label) <= _LABEL_WORDS and any(
        drawbacks.find(singulars(part)) for part in _label_parts(label)
    )


_LABEL_JOINS = re.compile(r"\s*[/&+]\s*")


def _label_parts(text: str) -> list[str]:
    """A heading or label and, when it joins several with "/", "&" or "+" ("Bad /
    limits"), each of them: a label that names a drawback only whole ("Bad", "Limits")
    still names one there."""
    if not any(join in text for join in "/&+"):
        return [text]
    parts = [part for part in _LABEL_JOINS.split(text) if part]
    return [text, *parts] if len(parts) > 1 else [text]


# how many words a line leading into a list may have and still be its label ("Cons / things
# to keep in mind:")
_LABEL_WORDS = 8
# ... and characters: a longer text before the colon is a sentence, not counted
_LABEL_CHARS = 80
# a line leading into a list of the writer's own doings may be a whole sentence ("Honestly,
# most of what went wrong for me was my own fault, so here is my list so you don't repeat
# it:"), but not a paragraph
_SCOPE_LEAD_CHARS = 160


def _labels(ctx: PostContext, drawbacks: Vocabulary) -> dict[str, Paragraph]:
    """The short lines naming a drawback that lead into the list right after them ("Cons /
    things to keep in mind:"), each with that list: a label, read as a heading over it."""
    paragraphs = ctx.paragraphs
    return {
        line.text: listed
        for line, listed in pairwise(paragraphs)
        if listed.items
        and not line.items
        and line.region == listed.region
        and line.text.rstrip().endswith(":")
        and count_words(line.text) <= _LABEL_WORDS
        and drawbacks.find(singulars(line.text))
    }


def _glued_labels(ctx: PostContext, drawbacks: Vocabulary) -> list[tuple[Paragraph, str]]:
    """The lists led by a short line naming a drawback with no blank line between ("**Cons**"
    then "- …"), each with its items' text, one item a line."""
    return [
        (paragraph, "\n".join(paragraph.item_texts[1:]))
        for paragraph in ctx.paragraphs
        if paragraph.led_in
        and len(paragraph.item_texts) > 2
        and _drawback_label(paragraph.item_texts[0], drawbacks)
    ]


def _over_scope_only_parts(
    ctx: PostContext,
    headings: list[Heading],
    scope_only: set[str],
    drawbacks: Vocabulary,
    labels: dict[str, Paragraph],
) -> set[str]:
    """The headings naming a drawback ("Pros / cons") whose subsections and list labels
    that name one ("Cons", "Cons:") all stand over scope-only text or answer with none:
    such a heading names no drawback either."""
    found: set[str] = set()
    for at, heading in enumerate(headings):
        if heading.text in scope_only or not drawbacks.find(singulars(heading.text)):
            continue
        below = []
        for sub in headings[at + 1 :]:
            if sub.level <= heading.level:
                break
            if drawbacks.find(singulars(sub.text)):
                below.append(sub.text)
        if labels:
            below += [p.text for p in _paragraphs_under(ctx, heading) if p.text in labels]
        if below and all(text in scope_only for text in below):
            found.add(heading.text)
    return found


# a heading over scope-only text: at least a third of its sentences tell the scope
_SCOPE_SHARE = 3


def _weighed_text(ctx: PostContext, reading: Reading) -> str:
    """The text taken for a requirement as prose that may weigh the tool: less its
    headings (a label, "Compared to the alternatives", is no clause), but for those that
    name a drawback over more than the writer's own scope ("Limitations" over "I ran out
    of time to try …" names none), less the parts whose heading tells that scope ("Things
    I didn't get to try") and name no drawback, and less its inline code (`deprecate`)."""
    section = reading.section
    drawbacks = vocabulary(section.cues.drawbacks, exact=True)
    others = alternatives_told(ctx.paragraphs, section, ctx.tool_words, ctx.headings)
    scope = vocabulary(section.cues.scope_by, exact=True)
    scope_only = _scope_only_headings(ctx, section, drawbacks, others)

    def weighable(part: Part) -> str:
        heading = part.heading
        if heading is None:
            return part.text
        if scope.find(singulars(heading.text)) and not drawbacks.find(singulars(part.text)):
            return ""  # "Things I didn't get to try", naming no drawback
        if part.text.startswith(heading.text) and (
            not drawbacks.find(singulars(heading.text)) or heading.text in scope_only
        ):
            return part.text.partition("\n")[2]  # the heading names no drawback
        return part.text

    text = "\n".join(weighable(part) for part in reading.parts)
    # a paragraph's inline code names things (`deprecate`, `--limit`); it weighs nothing
    prose = {with_code(p): p.text for p in ctx.paragraphs if p.code}
    # nor does a list item the writer ends by taking it back, however long it is
    retracted = vocabulary(section.cues.retracted_by, exact=True)
    # (a list's line may lack its label, read as a heading: the items are looked for)
    taken = [
        item
        for p in ctx.paragraphs
        if len(p.item_texts) > 1 and retracted.may_find(singulars(p.text))
        for item in _items_taken_back(p, retracted)
    ]

    # nor does a list led by a line telling the writer's own doings ("My own mistakes, so
    # you can avoid them:")
    taken += [
        item
        for lead, listed in _scope_lists(ctx, scope)
        for item in listed.item_texts[1 if listed is lead else 0 :]
    ]

    # nor does a paragraph that opens by announcing the writer's own slips
    slips = _slip_paragraphs(ctx, section)

    def weighable_line(line: str) -> str:
        if line in slips:
            return ""  # "I also made a few mistakes of my own. My first loader …"
        kept = others.get(line, prose.get(line, line))
        for item in taken:
            kept = kept.replace(item, "")
        return kept

    # nor do the alternatives a list tells ("LightFM: nice, but slow to build"), nor a
    # label over the writer's scope ("Cons:" over "We did not benchmark it")
    return "\n".join(
        "" if line in scope_only else weighable_line(line) for line in text.split("\n")
    )


def _scope_lists(ctx: PostContext, scope: Vocabulary) -> list[tuple[Paragraph, Paragraph]]:
    """The lists led by a short line that tells the writer's own scope or doings
    (`scope_by`: "My own mistakes, so you can avoid them:", "Things I didn't get to:"),
    each as (its lead, the list); a lead glued to its list is the list's first line."""
    found = [
        (line, listed)
        for line, listed in pairwise(ctx.paragraphs)
        if len(listed.item_texts) > 1
        and not listed.led_in
        and not line.items
        and line.region == listed.region
        and _scope_lead(line.text, scope)
    ]
    return found + [
        (paragraph, paragraph)
        for paragraph in ctx.paragraphs
        if paragraph.led_in
        and len(paragraph.item_texts) > 2
        and _scope_lead(paragraph.item_texts[0], scope)
    ]


def _slip_paragraphs(ctx: PostContext, section: Section) -> frozenset[str]:
    """The paragraphs, as text and with their code, that open by announcing the writer's
    own slips (`slips_by`: "I also made a few mistakes of my own.", or after a short
    run-in label: "Limitations. Honestly, most of the problems I had were my own.");
    remembered per post, as each heading naming a drawback asks again."""
    return _SLIPS.remembered(None, (ctx, section), lambda: _find_slips(ctx, section))


_SLIPS: IdentityMemo[frozenset[str]] = IdentityMemo(64)


def _find_slips(ctx: PostContext, section: Section) -> frozenset[str]:
    """`_slip_paragraphs`, found."""
    slips = vocabulary(section.cues.slips_by, exact=True)
    if not slips:
        return frozenset()
    drawbacks = vocabulary(section.cues.drawbacks, exact=True)
    found: set[str] = set()
    for paragraph in ctx.paragraphs:
        if paragraph.items or not slips.may_find(singulars(paragraph.text)):
            continue
        opening = first_sentences(paragraph.text, 2)
        if len(opening) > 1 and not _slip_label(opening[0], drawbacks):
            opening = opening[:1]
        if any(slips.find(singulars(sentence)) for sentence in opening):
            found |= {paragraph.text, with_code(paragraph)}
    return frozenset(found)


def _slip_label(sentence: str, drawbacks: Vocabulary) -> bool:
    """Whether `sentence` may be a run-in label before the announcement of the writer's
    slips: a few words ("Limitations."), or a few more that name a drawback ("What was
    hard for me.")."""
    words = count_words(sentence)
    return words <= _SLIP_LABEL_WORDS or (
        words <= _NAMED_LABEL_WORDS and bool(drawbacks.find(singulars(sentence)))
    )


# how many words a run-in label before the announcement may have ("Limitations."), and
# one that names a drawback ("What was hard for me.")
_SLIP_LABEL_WORDS = 3
_NAMED_LABEL_WORDS = 6


def _without_writers_doings(
    text: str, ctx: PostContext, scope: Vocabulary, slips: Collection[str] = ()
) -> str:
    """`text` less its lines that are items of a list led by the writer's own doings
    (`_scope_lists`) or paragraphs among `slips`, compared without their inline code."""
    items = {
        _bare(item)
        for lead, listed in _scope_lists(ctx, scope)
        for item in listed.item_texts[1 if listed is lead else 0 :]
    } | {_bare(slip) for slip in slips}
    if not items:
        return text
    return "\n".join(line for line in text.split("\n") if _bare(line) not in items)


def _bare(line: str) -> str:
    """A line without its inline code and markup, its words single-spaced."""
    return strip_inline(_INLINE_CODE.sub(" ", line))


_INLINE_CODE = re.compile(r"`[^`]*`")


def _scope_lead(text: str, scope: Vocabulary) -> bool:
    """Whether `text` is a line leading into a list that tells the writer's own scope or
    doings ("My own mistakes, so you can avoid them:"), not one that turns from
    them ("Beyond the self-inflicted problems above, some things are just how the tool
    works:")."""
    if not text.rstrip().endswith(":") or len(text) > _SCOPE_LEAD_CHARS:
        return False
    words = singulars(text)
    found = scope.where(words)
    return bool(found) and not _TURNING_FROM.intersection(words[: min(found.values())])


# words before the writer's scope that turn from it to what follows (English)
_TURNING_FROM = frozenset(singulars("beyond besides apart aside except"))


def _items_taken_back(paragraph: Paragraph, retracted: Vocabulary) -> list[str]:
    """The items of a list whose last sentence takes the item back, pointing to what it
    told ("We had to agree who reacts to what. … That's a process thing, not a tool
    thing"): the whole item is the writer's, not the tool's drawback."""
    found = []
    for item in paragraph.item_texts:
        said = sentences_of(item)
        last = len(said) - 1
        back = taken_back(said, retracted, singulars)
        if last in back and (last == 0 or last - 1 in back):
            found.append(item.strip())
    return found


# how many sentences under a heading may answer it with no drawback ("What about
# downsides?" over "I went in expecting a long list. I don't really have one.")
_ANSWER_SENTENCES = 2


def _answered_with_none(heading: Heading, section: Section, ctx: PostContext) -> bool:
    """Whether the text under a heading opens by finding no drawback (`none_found`:
    "Honestly, I can't think of any"): a heading that asks for them ("Any downsides?")
    then names none. A yes-or-no question may be answered shorter ("Not really."), but
    not by a list: "Other limitations?" over "- No plots." lists them."""
    none = vocabulary(section.cues.none_found, exact=True)
    if not vocabulary(section.cues.drawbacks, exact=True).find(singulars(heading.text)):
        return False  # a heading naming no drawback has none to answer
    opening = first_sentences(heading.section_text, _ANSWER_SENTENCES)
    if (
        opening
        and _asks_yes_or_no(heading.text)
        and _answers_none(opening[0], section)
        and not _opens_with_a_list(ctx, heading)
    ):
        return True
    return bool(none) and any(none.find(singulars(sentence)) for sentence in opening)


def _opens_with_a_list(ctx: PostContext, heading: Heading) -> bool:
    """Whether the first paragraph under `heading` is a list of two items or more, with
    no line leading into it."""
    first = _paragraphs_under(ctx, heading)[:1]
    return bool(first) and len(first[0].item_texts) > 1 and not first[0].led_in


def _found_none_under(
    heading: Heading, drawbacks: Vocabulary, section: Section, ctx: PostContext
) -> bool:
    """Whether the text under a heading naming a drawback ends up finding none
    (`none_found`, anywhere in it: "Weak points", a list of the old way's faults, then
    "Honestly, I did not find a real weak point") and no other sentence of it names a
    drawback of the tool."""
    if not drawbacks.find(singulars(heading.text)):
        return False
    return _finds_none(heading.section_text, drawbacks, section, ctx)


def _finds_none(text: str, drawbacks: Vocabulary, section: Section, ctx: PostContext) -> bool:
    """Whether a sentence of `text` finds no drawback (`none_found`) and no other names
    one of the tool or weighs it ("the report is slow to open")."""
    none = vocabulary(section.cues.none_found, exact=True)
    if not none or not none.may_find(singulars(text)):  # most texts: no sentence to split
        return False
    said = sentences_of(text)
    found_none = [bool(none.find(singulars(sentence))) for sentence in said]
    if not any(found_none):
        return False
    names, tool = ctx.product_names, ctx.tool_words
    return not any(
        (
            drawbacks.find(singulars(sentence))
            and unexplained(sentence, drawbacks, section, exact=True, tool=tool, names=names)
        )
        or weighs(sentence, section, tool, names)
        for sentence, none_here in zip(said, found_none, strict=True)
        if not none_here
    )


# a question answered yes or no opens with an auxiliary, or asks for "any", maybe after a
# label or a word that leads it in ("Q: Were there …", "So, any downsides?") (English)
_AUXILIARIES = frozenset(singulars("are is was were did do does has have had can could will would"))
_ANY = frozenset(singulars("any anything"))
_LEAD_INS = frozenset(singulars("q question so and but ok okay well now"))
_WH = frozenset(singulars("what which where when how why who whose whom"))
# a question this short with no question word is answered yes or no ("Cons?", "Downsides?")
_BARE_QUESTION_WORDS = 2
# the clauses of a reply set apart by its punctuation ("Honestly, not really.")
_REPLY_CLAUSE = re.compile(r"\s*[,;:\u2013\u2014]\s*")


def _asks_yes_or_no(text: str) -> bool:
    """Whether `text` is a question answered yes or no ("Any downsides?", "Q: Were
    there limitations?", "Cons?"), not one asking what ("What are the limitations?")."""
    if not text.rstrip(" *_").endswith("?"):
        return False
    words = singulars(text)
    words = words[1:] if words[:1] and words[0] in _LEAD_INS else words
    bare = len(words) <= _BARE_QUESTION_WORDS and not _WH.intersection(words)
    return bool(words) and (bare or words[0] in _AUXILIARIES or bool(_ANY.intersection(words[:2])))


def _answers_none(reply: str, section: Section) -> bool:
    """Whether a reply opens by finding none: one of its first two clauses opens with a
    `none_answers` phrase ("Honestly, not really for what we needed")."""
    answers = vocabulary(section.cues.none_answers, exact=True)
    clauses = _REPLY_CLAUSE.split(reply.strip(" *_"), maxsplit=2)[:2]
    return bool(answers) and any(answers.find(singulars(clause)) for clause in clauses)


def _unanswered(text: str, drawbacks: Vocabulary, section: Section) -> str:
    """`text` less its yes-or-no questions on drawbacks that the next sentence answers
    with none ("Were there any drawbacks? Honestly, not really.", "Downsides? For our
    setup we didn't find any."): such a question names none. A question answered
    otherwise still does (an FAQ's "Any downsides?")."""
    if "?" not in text:
        return text
    sentences = sentences_of(text)
    none = vocabulary(section.cues.none_found, exact=True)
    kept = [
        sentence
        for sentence, reply in zip(sentences, [*sentences[1:], ""], strict=True)
        if not (
            _asks_yes_or_no(sentence)
            and drawbacks.find(singulars(sentence))
            and (_answers_none(reply, section) or bool(none.find(singulars(reply))))
        )
    ]
    return text if len(kept) == len(sentences) else " ".join(kept)


def _over_scope_only(
    heading: Heading,
    drawbacks: Vocabulary,
    section: Section,
    ctx: PostContext,
    others: dict[str, str],
) -> bool:
    """Whether a heading naming a drawback ("Limitations", "Trade-offs") stands over text
    that tells the writer's own scope (`scope_by`: "We only had time to test plain HTTP",
    "I did not try the cluster mode") or the alternatives (`others`, see
    `alternatives_told`: "LaunchDarkly: the pricing is aimed at companies") in at least a
    third of its sentences, and nothing else under it weighs the tool or names a
    drawback."""
    if not drawbacks.find(singulars(heading.text)):
        return False
    under = [p.text for p in _paragraphs_under(ctx, heading)] if others else []
    return _scope_only_text(heading.section_text, under, drawbacks, section, ctx, others)


def _scope_only_text(
    text: str,
    under: list[str],
    drawbacks: Vocabulary,
    section: Section,
    ctx: PostContext,
    others: dict[str, str],
) -> bool:
    """Whether `text` (its paragraphs: `under`) tells the writer's own scope, the
    alternatives or drawbacks taken back (`retracted_by`) in at least a third of its
    sentences, and nothing else in it weighs the tool or names a drawback (see
    `_over_scope_only`)."""
    scope = vocabulary(section.cues.scope_by, exact=True)
    if not scope:
        return False
    retracted = vocabulary(section.cues.retracted_by, exact=True)
    kept = [others.get(line, line) for line in under]
    words = singulars(text)
    slips = {_bare(slip) for slip in _slip_paragraphs(ctx, section)}
    if kept == under and not scope.find(words) and not retracted.find(words) and not slips:
        return False  # nothing to count: no splitting
    if kept == under:
        told, sentences = _scope_sentences(text, scope, retracted, ctx.tool_words, slips)
    else:  # the alternatives' sentences tell no drawback of the tool either
        _, sentences = _scope_sentences("\n".join(under), scope)
        text = "\n".join(kept)
        told, left = _scope_sentences(text, scope, retracted, ctx.tool_words, slips)
        told += sentences - left
    names = ctx.product_names
    theirs: list[str] = []
    if told and told * _SCOPE_SHARE < sentences:
        # sentences on other products or the old way tell no drawback of the tool either
        alternatives = vocabulary(section.cues.alternatives_by, exact=True)
        theirs = [
            sentence
            for sentence in sentences_of(text)
            if not scope.find(singulars(sentence))
            and of_another(sentence, names, ctx.tool_words, alternatives)
        ]
        told += len(theirs)
    if not told or told * _SCOPE_SHARE < sentences:  # "but I didn't get to test Kafka"
        return False  # amid real limitations is no scope-only section
    said = sentences_of(text)
    taken = [said[index] for index in taken_back(said, retracted, singulars, ctx.tool_words)]
    # "the old way … is painful" weighs the old way, and "…, but that was my mistake" takes
    # its weighing back: neither weighs the tool
    weighed = text
    for sentence in (*theirs, *taken):
        weighed = weighed.replace(sentence, " ")
    # nor do the items of a list led by the writer's own doings ("My own mistakes:")
    weighed = _without_writers_doings(weighed, ctx, scope, slips)
    if weighs(weighed, section, ctx.tool_words, names):
        return False
    leads = [lead for sentence in said if (lead := _lead_to_scope(sentence, scope))]
    return not any(
        drawbacks.find(singulars(part))
        and unexplained(part, drawbacks, section, exact=True, tool=ctx.tool_words, names=names)
        and not any(part.strip() in sentence for sentence in (*taken, *leads))
        for part in _CLAUSE.split(_without_writers_doings(text, ctx, scope, slips))
    )


def _lead_to_scope(sentence: str, scope: Vocabulary) -> str:
    """The lead-in of a sentence whose colon leads into the writer's own scope told in the
    first person (`scope_by`: "The only downside was time: I wanted to try delayed jobs
    but did not get to it"), or "": such a lead-in is told by what follows it, and names
    no drawback of the tool ("The downside is memory: it needs 8 GB" still does)."""
    lead, colon, rest = sentence.partition(":")
    words = singulars(rest)
    told_by_writer = bool(words) and words[0] in _FIRST_PERSON
    return lead if colon and told_by_writer and scope.find(words) else ""


# the words a writer opens a sentence on their own doings with (English)
_FIRST_PERSON = frozenset(singulars("i we my our i'd we'd i've we've i'm we're"))


def _paragraphs_under(ctx: PostContext, heading: Heading) -> list[Paragraph]:
    """The paragraphs of a heading's section, its subsections' too."""
    headings, _ = ctx.reading_outline
    start = heading.line or 0
    end = min(
        (
            h.line
            for h in headings
            if h.line is not None and h.line > start and h.level <= heading.level
        ),
        default=None,
    )
    return [p for p in ctx.paragraphs if p.line > start and (end is None or p.line < end)]


def _scope_sentences(
    text: str,
    scope: Vocabulary,
    retracted_by: Vocabulary | None = None,
    tool: frozenset[str] = frozenset(),
    slips: Collection[str] = (),
) -> tuple[int, int]:
    """How many sentences of `text` tell the writer's own scope, of how many: one with a
    `scope_by` phrase, and each line after one that leads into a list ("Things I didn't
    get to:", then the features); with `retracted_by`, the sentences it takes back too
    ("I had to learn some Go. That is more of a me problem."); and each sentence of a line
    among `slips` (`_slip_paragraphs`, compared bare)."""
    told = count = 0
    listing = False
    for line in text.splitlines():
        said = sentences_of(line)
        retracted = taken_back(said, retracted_by, singulars, tool) if retracted_by else set()
        slipped = bool(slips) and _bare(line) in slips
        for index, sentence in enumerate(said):
            count += 1
            if listing or slipped or index in retracted or scope.find(singulars(sentence)):
                told += 1
                listing = listing or sentence.rstrip().endswith(":")
    return told, count


def _praise_only_close(ctx: PostContext, reading: Reading) -> Finding | None:
    """The error for a requirement no section serves when the section the gate could not
    place closes the post in praise only ("Final thoughts": ten out of ten, no
    configuration), or is text under no heading (an essay without headings, the opening
    before the first one): it may be meant as the verdict, yet nothing in the post names a
    drawback and no sentence of it weighs one, so the rubric's limitations are missing
    whichever way it is read. Only for requirements whose drawbacks block."""
    section = reading.section
    unplaced = reading.unrecognised
    if unplaced is None or not section.cues.drawbacks or not section.drawbacks_blocking:
        return None
    if ctx.shape:  # refused anyway, and read coarsely: its text may be one endless clause
        return None
    part, words = unplaced
    last = max((h.line or 0 for h in ctx.reading_outline[0]), default=0)
    closing = part.heading is not None and (part.heading.line or 0) >= last
    hinted = part.heading is not None and vocabulary(section.hints).find(stems(part.heading.text))
    if not (closing or hinted or part.heading is None) or weighs(
        part.text, section, ctx.tool_words, ctx.product_names
    ):
        return None
    if _names_a_drawback(ctx, section):
        return None
    subject = (
        f"no section on “{section.name}” was recognised, and {part.shown} "
        f"({_words(words)}), which may be meant as it,"
    )
    return _praise_only(ctx, section, part.line, subject)


def _drawback_examples(section: Section) -> str:
    """The first few `drawbacks` words, to show in a message."""
    drawbacks = vocabulary(section.cues.drawbacks, exact=True)
    return ", ".join(term for term, _stems in drawbacks.terms[:4])


def _praise_only(ctx: PostContext, section: Section, line: int | None, subject: str) -> Finding:
    """The error for text taken as (or meant as) the verdict that only praises the tool."""
    return _finding(
        ctx,
        "section-one-sided",
        line or ctx.first_text_line,
        f"{subject} only praises the tool: no heading or paragraph of the post names a "
        f"drawback ({_drawback_examples(section)}, …) beyond the problem it solves, and no "
        "sentence of it weighs one (however, but, slow, missing, …), so the rubric's "
        "limitations are missing",
        "Add the limitations: what was hard, missing, slow or costly, and when you would "
        "not use the tool.",
        section.rubric,
    )


def _opening_scene(ctx: PostContext, told: list[Part]) -> list[str]:
    """The paragraphs before the first heading of a post whose problem is `told` (the
    parts of `_told_before_the_tool`) under its own heading, that no requirement took and
    that come before the post first names its tool or shows code: they set the same scene
    ("I have a complicated relationship with my laptop fan"), and their drawback words are
    no more the tool's than the problem's."""
    starts = [part.line for part in told if part.heading is not None and part.line is not None]
    if not starts or any(part.heading is None for r in ctx.readings for part in r.parts):
        return []
    first = min(starts)
    if ctx.tool_shown is not None:
        first = min(first, ctx.tool_shown)
    return [p.text for p in ctx.paragraphs if p.region == -1 and p.last < first]


def _told_before_the_tool(readings: list[Reading]) -> list[Part]:
    """The parts of requirements that open a post (`position: start`, the problem) that
    come before any part of the others: their drawback words are the old way's ("our
    tedious scripts"), not the tool's. A part after them (a "Problems we had" read as the
    problem) may be the tool's limitations, so it still counts."""
    later = [
        part.line
        for reading in readings
        if reading.section.cues.position != "start"
        for part in reading.parts
        if part.line is not None
    ]
    first = min(later, default=None)
    return [
        part
        for reading in readings
        if reading.section.cues.position == "start"
        for part in reading.parts
        if first is None or (part.line is not None and part.line < first)
    ]


def _scenario_vocabularies(ctx: PostContext) -> tuple[Vocabulary, Vocabulary | None] | None:
    """The option's scenario words, and those other domains do not share (None without
    `scenario_shared`); None when the option names no scenario."""
    option = ctx.option
    if option is None or not option.scenario_keywords:
        return None
    keywords = vocabulary(option.scenario_keywords, exact=True)
    own_words = option.scenario_own
    own = vocabulary(own_words, exact=True) if option.scenario_shared and own_words else None
    return keywords, own


def _scenario_named(
    ctx: PostContext, reading: Reading, keywords: Vocabulary, own: Vocabulary | None
) -> tuple[bool, list[str]]:
    """Whether the text taken for a requirement shows the tool tried on the scenario (or
    goes on with the writer's own story of it), and its lines that name the scenario."""
    named = [line for line in reading.text.split("\n") if keywords.find(singulars(line))]
    told = _may_tell_a_use(ctx, reading, keywords, named)
    imagined = own is not None and _only_imagined(ctx, reading, own)
    if own is not None and not imagined:
        imagined = _own_words_only_imagined_here(reading, own)
    if own is not None and (imagined or _only_imagined(ctx, reading, own, plans_tell=False)):
        # the scenario's own words only imagined or planned ("this post looks at how it
        # could fit the movie recommender of our course"): a word other domains share
        # tells a use only in the writer's voice, not in what describes the tool ("the
        # recommendations report", "the operator watches these resources")
        told = [
            line
            for line in told
            if own.find(singulars(line)) or in_writers_voice(line, reading.section)
        ]
    lent = (
        _on_borrowed_material(reading, keywords, own, _domain_before(ctx, reading))
        if own is not None
        else Lent(set(), set(), set())
    )
    told = [line for line in told if line not in lent.lines]
    if told:
        told = _not_mapped_onto_scenario(reading, keywords, told)
    if own is not None and lent.in_domain and not imagined:
        # the scenario's own words told only of a dataset of its domain ("the top movies
        # in MovieLens"), or imagined: the use was tried on that dataset
        imagined = _only_imagined(ctx, reading, own, lent=lent.in_domain)
    shown = _shows_use(ctx, reading, keywords, told, lent)
    if shown and (own is None or _shows_use(ctx, reading, own, told, lent) or not imagined):
        return True, named  # tried on the scenario, or on "our ratings" of one told as real
    if imagined and lent.in_domain and not shown:
        # nothing told of the writer's own, and the only movies are a public dataset's
        # (MovieLens on a university cluster): the walkthrough's story is that dataset's
        return False, named
    return _continues_own_story(
        ctx, reading, keywords, named, own, lent.opened_on | lent.in_domain
    ), named


def _imagines_only(sentence: str, section: Section) -> bool:
    """Whether a sentence has a `scenario_hypothetical` word and tells nothing done in the
    past, nor a number measured: not "I loaded a day of our ratings and could see which
    checks failed", nor "the page showed our slowest test takes 4 minutes, and I could
    rerun it"."""
    return bool(hypotheticals(stems(sentence), section)) and not (
        _done_in_past(section).find(singulars(sentence))
        or _FIRST_PERSON_PAST.search(sentence)
        or any(c.isdigit() for c in sentence)
    )


# a purpose told of a step done ("a snapshot, so we could bring back that environment")
# imagines nothing (English, not a course setting)
_PURPOSE = re.compile(r"\bso(?:\s+that)?\s+(?:we|i|they|you)\s+(?:could|would|might)\b", re.I)


def _not_mapped_onto_scenario(reading: Reading, keywords: Vocabulary, told: list[str]) -> list[str]:
    """The lines `told` less those after a line naming someone else's material
    (`story_borrowed`: "I followed the Merlin sample notebook, which trains on the Iris
    dataset") whose every sentence naming the scenario only imagines (`_imagines_only`,
    even in the writer's voice): "For our movie service, the same steps would let us
    register each retrained recommender" maps the demo onto the scenario; it tells no use."""
    section = reading.section
    if not section.scenario_voice:
        return told
    # most walkthroughs imagine nothing: the lines that would map are found first
    imagining = set()
    for line in told:
        said = [_PURPOSE.sub(" ", s) for s in sentences_of(line) if keywords.find(singulars(s))]
        if said and all(_imagines_only(s, section) for s in said):
            imagining.add(line)
    borrowed = vocabulary(section.cues.borrowed, exact=True)
    if not imagining or not borrowed.may_find(singulars(reading.text)):
        return told
    mapped: set[str] = set()
    on_material = False
    for line in reading.text.split("\n"):
        if on_material and line in imagining:
            mapped.add(line)
        on_material = on_material or names_material(borrowed, line)
    return [line for line in told if line not in mapped]


def _own_words_only_imagined_here(reading: Reading, own: Vocabulary) -> bool:
    """Whether the text taken names the scenario's own words (`own`) only in parts whose
    heading imagines ("Day 5: how we would use it in the movie scenario"): what it tells
    in words other domains share ("the viewer role", "a subscriber") was tried on
    something else, however real the team's system is elsewhere in the post."""
    named = False
    for part in reading.parts:
        lines = part.text.split("\n")
        if not any(own.find(singulars(line)) for line in lines):
            continue
        heading = part.heading
        if heading is None or not _PLANNING_HEADING.search(heading.text):
            return False
        named = True
    return named


# a heading that plans or imagines in so many words ("how we would use it", "what we'll
# try next", "Next steps"), not one with an opinion ("movie ids I didn't think were
# possible"). English, not a course setting.
_PLANNING_HEADING = re.compile(
    r"\b(?:would|could|might|plan|plans|planned|planning|next|future|will)\b|['’](?:d|ll)\b",
    re.IGNORECASE,
)


class Lent(NamedTuple):
    """The lines on someone else's material (`_on_borrowed_material`), and those of them
    on a dataset of the scenario's own domain (`story_domain`)."""

    lines: set[str]
    in_domain: set[str]
    # those on a dataset the post named before the text taken, up to the first line that
    # names the writer's own system ("Step 6: copy the grid to a teammate")
    opened_on: set[str]


def _domain_before(ctx: PostContext, reading: Reading) -> bool:
    """Whether the post, before the text taken, last names a dataset of the scenario's
    domain (`story_domain`) as its material rather than the writer's own system
    (`story_system`): "I used the MovieLens 100K dataset so that anyone can follow along",
    after the problem told on "our Kafka topic", sets the walkthrough on MovieLens."""
    first = reading.line
    if first is None:
        return False
    cues = reading.section.cues
    before = [p for p in ctx.paragraphs if p.line < first]
    # most posts name no such dataset: a look for the first word of each, as written,
    # spares folding every paragraph's words
    folded = " ".join(p.text for p in before).casefold()
    if not any(word in folded for term in cues.story_domain for word in term.split()[:1]):
        return False
    domain = vocabulary(cues.story_domain, exact=True)
    system = vocabulary(cues.story_system, exact=True)
    on_domain = False
    for paragraph in before:
        words = singulars(paragraph.text)
        if not domain.find(words):
            on_domain = on_domain and not system.find(words)
            continue
        for said in map(singulars, sentences_of(paragraph.text)):
            if system.find(said):  # "Before our data, I tried it on MovieLens 100K"
                on_domain = False
            elif domain.find(said):
                on_domain = True
    return on_domain


def _on_borrowed_material(
    reading: Reading, keywords: Vocabulary, own: Vocabulary, on_domain: bool = False
) -> Lent:
    """The lines of the text taken that go on with someone else's material a line before
    them named (`story_borrowed`) in the scenario's words ("I used the official demo
    application, which has a recommendation service of its own"), naming only words other
    domains share (not `own`): the demo's "recommendation service" and its "product
    catalog", until a sentence names the scenario's own words apart from that material;
    the lines naming the material in those words are lent too, and naming it again
    without them ("The demo includes a load generator") does not end it. A quickstart on
    the iris flowers names none of the scenario: "ratings" after it are the writer's. A
    dataset of the scenario's domain (`story_domain`: MovieLens) is told in its own words
    by nature: its movies and genres go on with it until a sentence names the writer's
    own system (`story_system`: "our Kafka stream"). With `on_domain` the text goes on
    with such a dataset the post named before it (`_domain_before`)."""
    cues = reading.section.cues
    borrowed = vocabulary(cues.borrowed, exact=True)
    found = Lent(set(), set(), set())
    if not on_domain and not borrowed.find(singulars(reading.text)):
        return found
    domain = vocabulary(cues.story_domain, exact=True)
    system = vocabulary(cues.story_system, exact=True)
    lent = in_domain = opening = on_domain
    for line in reading.text.split("\n"):
        words = singulars(line)
        on_material = names_material(borrowed, line)
        if not (lent or on_material):
            continue
        if on_material and domain.find(words):
            lent = in_domain = True
        ending = system if in_domain else own
        # the writer's own scenario told apart from the material ("… where our watch
        # events arrive" beside "we copied it from an older tutorial") ends it; in a
        # paragraph naming the material, only one that calls something the writer's ("I
        # tested it on Sakila …: `film` is the catalog" tells the material's likeness)
        if (not on_material or not POSSESSIVES.isdisjoint(words)) and any(
            ending.find(said) and not borrowed.find(said)
            for said in map(singulars, sentences_of(line))
        ):
            lent = in_domain = opening = False
            continue
        if on_material:
            # named again, the material goes on ("The demo includes a load generator")
            lent = lent or bool(keywords.find(words))
            if not lent:
                continue  # itself too: "The demo answers `GET /api/recommendations`"
        found.lines.add(line)
        if in_domain:
            found.in_domain.add(line)
        if opening:
            found.opened_on.add(line)
    return found


def scenario(ctx: PostContext) -> Iterator[Finding]:
    """The examples section shows the tool used on the course's scenario."""
    option = ctx.option
    found = _scenario_vocabularies(ctx)
    if option is None or found is None:
        return
    keywords, own = found
    for reading in ctx.readings:
        if not reading.section.scenario_required or not reading.found:
            continue
        if reading.story and not heading_imagines(reading):
            continue  # refers to the scenario told elsewhere ("our scripts")
        used, named = _scenario_named(ctx, reading, keywords, own)
        if used:
            continue
        if not named:
            shown = ", ".join(option.scenario_keywords[:4])
            yield _finding(
                ctx,
                "scenario-missing",
                reading.line or ctx.first_text_line,
                f"{reading.names} ({reading.section.name}) never mentions the scenario "
                f"({shown}, …)",
                f"Tie the section to the scenario: show a concrete case from it ({shown}, …), "
                "the data you used and what changed for its users.",
                reading.section.rubric,
            )
            continue
        # quote a paragraph rather than a heading ("How this maps to recommendations")
        said = [p for p in ctx.paragraphs if with_code(p) in named]
        quoted = said[0] if said else None
        yield _finding(
            ctx,
            "scenario-missing",
            (quoted.line if quoted else reading.line) or ctx.first_text_line,
            f"{reading.names} ({reading.section.name}) speaks of the scenario only in "
            "general or as what could be done "
            f"(“{_opening(quoted.text if quoted else named[0])}”); it never shows "
            "the tool used on it",
            "Show what you did with the tool on the scenario: the data you used (your "
            "ratings, watch events, …), the commands or code, and what you observed "
            "(“we ran it on a day of our watch events and it found …”).",
            reading.section.rubric,
        )


# "'d" in a heading is "would" ("How I'd plug it into our pipeline"); in text it may be
# "had" too ("we'd already deployed it") (English)
_WOULD = re.compile(r"\b(i|we|you|they|it)['’]d\b", re.IGNORECASE)
# the writer's "will" in a heading is a plan ("How we will use this in our recommender",
# "What I'll wire up next"); in text it is as often what the tool does or a promise kept
# a line later ("I will come back to this"), and "you will see" describes (English)
_WILL = re.compile(r"\b(i|we)(?:\s+will|['’]ll)\b", re.IGNORECASE)


# the writer's own conditional in a heading ("How I'd set it up"), beside `_WILL` ("What
# we will build"): the writer's plan, unlike "could a managed setup prevent this?"
# (English)
_WRITERS_WOULD = re.compile(r"\b(?:i|we)(?:['’]d|\s+would)\b", re.IGNORECASE)


def _heading_plans(reading: Reading) -> bool:
    """Whether a heading taken because it names the requirement plans it in the writer's
    own words (`_WRITERS_WOULD`, `_WILL`, `_GOING_TO`)."""
    return any(
        pattern.search(part.heading.text)
        for part in reading.parts
        if part.heading is not None and part.how == HEADING
        for pattern in (_WRITERS_WOULD, _WILL, _GOING_TO)
    )


def _heading_stems(text: str) -> tuple[str, ...]:
    """The stemmed words of a heading, its "I'd" and "we'll" read as "I would", "we
    would"."""
    return stems(_WILL.sub(r"\1 would", _WOULD.sub(r"\1 would", text)))


def heading_imagines(reading: Reading) -> bool:
    """Whether a heading taken because it names the requirement imagines it ("How it
    would map onto our pipeline"): the walkthrough was planned, not done. A heading only
    hinting at it ("What I think after five days") is not the walkthrough's title."""
    return any(
        hypotheticals(_heading_stems(part.heading.text), reading.section)
        for part in reading.parts
        if part.heading is not None and part.how == HEADING
    )


def _shows_use(
    ctx: PostContext,
    reading: Reading,
    keywords: Vocabulary,
    told: list[str],
    lent: Lent | None = None,
) -> bool:
    """Whether the lines that may tell a use (`told`) show the tool tried on what
    `keywords` name: a line in the writer's voice or of things done, its inline code, or
    the code under the headings taken (`movie_id`, "movie-recommender"); not the code
    under or after the lines on someone else's material (`lent`)."""
    lent = lent or Lent(set(), set(), set())
    if any(keywords.find(singulars(line)) and _tried_on(line, reading, keywords) for line in told):
        return True
    if any(
        p.code
        and with_code(p) in told
        and keywords.find(singulars(p.code))
        and not speculation(with_code(p), reading.section)
        for p in ctx.paragraphs
    ):
        return True
    if _fenced_names_scenario(ctx, reading, keywords, lent.lines):
        return True
    return _code_names_scenario(ctx, reading, keywords, lent)


def _continues_own_story(
    ctx: PostContext,
    reading: Reading,
    keywords: Vocabulary,
    named: list[str],
    own: Vocabulary | None = None,
    opened_on: Collection[str] = (),
) -> bool:
    """Whether the examples go on with a story the post began as the writer's own (see
    `goes_on_with`), and imagine nothing of the scenario, in speculation or in a heading
    ("How this would fit our movie service"). A line that names only words other domains
    share (not `own`), outside the writer's voice, describes the tool ("it connects the
    way a client would, and each rating comes with a reason"): it imagines nothing. Lines
    on a dataset of the scenario's domain the post named before them (`opened_on`: "I used
    the MovieLens 100K dataset so that anyone can follow along") go on with no story of the
    writer's own."""
    first = reading.line
    if first is None:
        return False
    section = reading.section
    if any(
        speculation(line, section)
        and (own is None or own.find(singulars(line)) or in_writers_voice(line, section))
        for line in named
    ):
        return False
    if _heading_plans(reading) or any(
        part.heading.text in named
        and hypotheticals(_heading_stems(part.heading.text), reading.section)
        for part in reading.parts
        if part.heading is not None
    ):
        # a heading that imagines the scenario ("How this would fit our service"), or the
        # writer's plan for the walkthrough it names ("How I'd set it up"): what it goes
        # on with is to come
        return False
    theirs = {
        line
        for other in ctx.readings
        if other is not reading
        for part in story_parts(other.parts)
        for line in part.text.split("\n")
    }
    others = {p.line for p in ctx.paragraphs if with_code(p) in theirs}
    title = ctx.post.title if ctx.post is not None else ""
    told = told_as_own(ctx.paragraphs, reading.section, keywords, first, others, title)
    if not told:
        return False  # no story of the writer's own to go on with
    # a plan led into ("The plan:", then the steps) goes on with no story: it is to come
    lines = set(_outside_lead_ins(ctx, reading))
    walked = [p for p in ctx.paragraphs if p.line >= first and with_code(p) in lines]
    if any(not_made_on_own(p.text, section) for p in walked):
        return False  # "I did not get to our repo", before the material it opened on
    taken = [p for p in walked if with_code(p) not in opened_on]
    described = _described(reading, ctx.tool_names)
    about = {p.line for p in taken if with_code(p) in described}
    headings, _ = ctx.reading_outline
    # a paragraph read as a heading itself ("Q: What did you like?") speaks for itself
    titles = {h.text for h in headings}
    voiced = {
        p.line for p in taken if p.text not in titles and _under_own_heading(p, headings, section)
    }
    return goes_on_with(told, taken, section, ctx.own_words, about, voiced) is not None


def _described(reading: Reading, tool_names: tuple[str, ...]) -> set[str]:
    """The lines under the headings taken that describe the tool (`story_describes`, the
    tool's name read as "it": "What ElasticJob is")."""
    describes = vocabulary(reading.section.cues.story_describes)
    if not describes:
        return set()
    return {
        line
        for part in reading.parts
        if part.heading is not None and describes.find(as_it(part.heading.text, tool_names))
        for line in part.text.split("\n")[1:]
    }


def _only_imagined(
    ctx: PostContext,
    reading: Reading,
    own: Vocabulary,
    plans_tell: bool = True,
    lent: Collection[str] = (),
) -> bool:
    """Whether the post names the scenario's own words (`own`: movies, viewers, …), in a
    heading or a paragraph, and only ever as speculation or outside the writer's voice ("a
    movie service could log its requests"): then a use told in words other domains share
    ("recommendations" from a music dataset, "ratings" of a shop's sample database) was
    tried on something else. Without `plans_tell`, a sentence of the post or the course
    that says what could be (`without_course_plans`) does not tell the scenario as real."""
    named = False
    section = reading.section
    headings, _ = ctx.reading_outline
    # a heading too: "How this would help a movie streaming team" imagines the scenario
    statements: list[tuple[str, tuple[str, ...], Paragraph | None]] = [
        (h.text, (h.text,), None) for h in headings
    ] + [
        # a list's items each on its own: "I spent an evening on the concepts" in one
        # bullet tells nothing of "what the user watched" in the next
        (with_code(p), p.items or (with_code(p),), p)
        for p in ctx.paragraphs
    ]
    for text, parts, paragraph in statements:
        if not own.find(singulars(text)):
            continue
        if text in lent:  # told of someone else's material: "the movies in MovieLens"
            named = True
            continue
        if not plans_tell:
            parts = tuple(without_course_plans(part, section) for part in parts)
        if any(tells_as_real(part, section, own) for part in parts):
            return False
        # a terse note under a heading in the writer's voice is theirs: "Slide 3 — Our
        # capsule" over "`/data`: 14 days of Kafka events + `movies.csv`"
        if (
            paragraph is not None
            and _under_own_heading(paragraph, headings, section)
            and any(
                own.find(singulars(part))
                and any(c.isdigit() for c in part)
                and not hypotheticals(stems(part), section)
                for part in parts
            )
        ):
            return False
        named = True
    return named


def _under_own_heading(paragraph: Paragraph, headings: list[Heading], section: Section) -> bool:
    """Whether the heading right above a paragraph is in the writer's voice and imagines
    nothing ("Our capsule", not "How our service could use it")."""
    above = [h.text for h in headings if h.line is not None and h.line < paragraph.line]
    if not above:
        return False
    heading = above[-1]
    return in_writers_voice(heading, section) and not hypotheticals(
        _heading_stems(heading), section
    )


def _fenced_names_scenario(
    ctx: PostContext, reading: Reading, keywords: Vocabulary, lent: Collection[str] = ()
) -> bool:
    """Whether the fenced code right under a paragraph taken names the scenario, that
    paragraph telling in the writer's voice, with no hypothetical word, what they did:
    "I merged our scripts into one CLI:" over a class that reads "watch/rate events from
    Kafka", in a post with no heading over it; not "the report listed one column in red:"
    over its output, nor "a pipeline could parse the movie id:" over a sketch, nor text
    under a heading that imagines (`_may_tell_a_use`)."""
    section = reading.section
    fenced = [
        with_code(p) for p in ctx.paragraphs if p.fenced and keywords.find(singulars(p.fenced))
    ]
    return any(
        in_writers_voice(line, section) and not hypotheticals(stems(line), section)
        for line in _may_tell_a_use(ctx, reading, keywords, fenced)
        if line not in lent
    )


CODE_READ = 20_000  # characters of a section's code read for the scenario's words


def _code_names_scenario(
    ctx: PostContext, reading: Reading, keywords: Vocabulary, lent: Lent
) -> bool:
    """Whether the fenced code under the headings taken names the scenario: code that
    loads `ratings` or serves "movie-recommender" shows the tool used on it, as inline code
    does (a vendor's demo loads `fetch_adult()`). The first `CODE_READ` characters of each
    part's code are read."""
    section = reading.section
    starts = [
        p.heading.line
        for p in reading.parts
        # not under a heading that imagines: "How this could look for a recommender" over
        # a sketch of the code it would take
        if p.heading
        and p.heading.line
        and not hypotheticals(stems(p.heading.text), section)
        and p.heading.text not in lent.lines  # "What it shows" after "I used the demo app"
    ]
    # paragraphs taken before the first heading of a post with headings: the code from
    # the first of them to that heading (in a post without any, code anywhere is too far)
    if ctx.reading_outline[0]:
        starts += [p.lines[0] for p in reading.parts if p.heading is None and p.lines]
    if not starts or not ctx.body.code or ctx.shape:  # a refused shape is read coarsely
        return False
    body = ctx.body
    headings, _ = ctx.reading_outline
    lines = sorted(
        {h.line for h in headings if h.line is not None} | {body.file_line(len(body.lines))}
    )
    # the code right under a line on a dataset of the scenario's domain is the dataset's
    # ("I downloaded MovieLens and loaded it:" over `CREATE TABLE ratings`)
    theirs = {
        line
        for p in (ctx.paragraphs if lent.in_domain else ())
        if p.fenced and (with_code(p) in lent.in_domain or p.text in lent.in_domain)
        for line in p.fenced.split("\n")
    }
    code_lines = [i for i in sorted(body.code) if body.lines[i] not in theirs]
    for start in starts:
        end = next((line for line in lines if line > start), start)
        code = "\n".join(body.lines[i] for i in code_lines if start < body.file_line(i) < end)
        if code and keywords.find(singulars(code[:CODE_READ])):
            return True
    return False


# `_tried_on` is asked about the same paragraphs by the titles check and the use check,
# and depends only on the paragraph, the section and the words: remembered by identity.
_TRIED: IdentityMemo[bool] = IdentityMemo(4096)


def _tried_on(paragraph: str, reading: Reading, keywords: Vocabulary) -> bool:
    """`_tells_own_use`, remembered."""
    return _TRIED.remembered(
        paragraph,
        (reading.section, keywords),
        lambda: _tells_own_use(paragraph, reading, keywords),
    )


def _tells_own_use(paragraph: str, reading: Reading, keywords: Vocabulary) -> bool:
    """Whether a paragraph naming the scenario tells the writer's own use of the tool: in
    their voice ("our ratings", "I replayed…") or as something done or measured (a cue of
    the section, a number), and not as a possibility ("a recommender could…"): a paragraph
    with one hypothetical word must be both, one with two or more ("the first thing I
    would do … we could") is speculation; one that works on someone else's material
    (`story_borrowed`: "the tutorial notebook", "a small sample of the Open Bandit
    Dataset") tells no use of the writer's own, nor does one that only asks ("And on our
    movie data?"). A section without `scenario_voice` takes any mention of the scenario."""
    section = reading.section
    if not section.scenario_voice:
        return True
    borrowed = vocabulary(section.cues.borrowed, exact=True)
    if names_material(borrowed, paragraph):
        # "I worked through the vendor's tutorial notebook on its sample data", unless a
        # sentence naming no such material tells what the writer did on their own system
        # ("… and sent requests for all of them to our staging API")
        return any(
            not names_material(borrowed, sentence)
            and _OWNED.search(sentence) is not None
            and _done_on(sentence, reading, keywords)
            for sentence in sentences_of(paragraph)
        )
    if only_asks(paragraph):
        return False  # "Me: And on our movie data?": a question asks, its answer tells
    words = stems(paragraph)
    maybe = hypotheticals(words, reading.section)
    if maybe == 1:  # one word, but maybe in sentence after sentence ("would … would …")
        said = sum(
            bool(hypotheticals(stems(sentence), reading.section))
            for sentence in sentences_of(paragraph)
        )
        if said >= _IMAGINED_SENTENCES:
            maybe = 2
    # the writer saying the use was not made ("I didn't finish the conversion today")
    # leaves only the sentences that tell what was done
    if vocabulary(section.scenario_not_made).may_find(words) and any(
        says_not_made(sentence, section) and in_writers_voice(sentence, section)
        for sentence in sentences_of(paragraph)
    ):
        maybe += 2
    if maybe > 1:  # two make it speculation, unless a sentence of it tells what was done
        return any(_done_on(sentence, reading, keywords) for sentence in sentences_of(paragraph))
    done = _cue_terms(section.cues.groups)
    # a number measured, not the number of a heading or list item ("5. Application to …")
    concrete = bool(done.find(words)) or any(c.isdigit() for c in _ENUMERATION.sub("", paragraph))
    if maybe == 1:  # one "could" in a story of what was done
        return concrete and in_writers_voice(paragraph, section)
    return concrete or in_writers_voice(paragraph, section)


# sentences of a paragraph with the same hypothetical word that make it speculation
_IMAGINED_SENTENCES = 3


# what the writer calls their own (English)
_OWNED = re.compile(r"\b(?:our|my)\b", re.IGNORECASE)


def _done_on(sentence: str, reading: Reading, keywords: Vocabulary) -> bool:
    """Whether one sentence names the scenario, in the writer's voice, with something
    done, as written in the past ("measured", "we ran"), and nothing hypothetical: "Our
    offline evaluation measured precision on held-out ratings" in a paragraph that goes on
    "Neither would ever notice …"; not "the next step is to write the spec for our
    recommender and generate a package"."""
    sentence = unquoted(sentence)  # not "I cannot log in" in a user's message
    return (
        bool(keywords.find(singulars(sentence)))
        and (
            bool(_done_in_past(reading.section).find(singulars(sentence)))
            or bool(_FIRST_PERSON_PAST.search(sentence))
        )
        and not hypotheticals(stems(sentence), reading.section)
        and in_writers_voice(sentence, reading.section)
    )


# "I sampled", "we then replayed": the writer and a regular verb in the past, which no
# list of cue words holds in full; not "we need" nor "I never tested". English, not a
# course setting.
_FIRST_PERSON_PAST = re.compile(
    r"\b(?:i|we)\s+(?:(?:also|then|first|finally|actually|just|later|eventually)\s+)?"
    # not what was only wished or meant ("I wanted to sample it first")
    r"(?!(?:wanted|needed|hoped|planned|intended|wished|expected)\b)"
    r"[a-z]{2,}(?<!e)ed\b",
    re.IGNORECASE,
)


def _done_in_past(section: Section) -> Vocabulary:
    """The section's cue terms that tell something done in the past, matched as written:
    those in "-ed" and those the writer says ("we ran", "I set up")."""
    return _past_terms(section.cues.groups)


# Both are asked for every paragraph naming the scenario: compiled once per cue list.
@lru_cache(maxsize=64)
def _cue_terms(groups: tuple[tuple[str, tuple[str, ...]], ...]) -> Vocabulary:
    """Every cue term of the groups, stemmed."""
    return vocabulary(tuple(t for _name, terms in groups for t in terms))


@lru_cache(maxsize=64)
def _past_terms(groups: tuple[tuple[str, tuple[str, ...]], ...]) -> Vocabulary:
    """The cue terms in "-ed" and those the writer says, matched as written."""
    terms = (t for _name, group in groups for t in group)
    return vocabulary(
        tuple(t for t in terms if t.endswith("ed") or t.split()[0] in ("we", "i")), exact=True
    )


# ... nor the place in a series ("Step 6: Moving the recommender (next)", "Slide 4 —")
_ENUMERATION = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivxlc]+[.)]|[a-z]+\s+\d+\s*[.):\u2013\u2014-])\s+", re.IGNORECASE
)


def _may_tell_a_use(
    ctx: PostContext, reading: Reading, keywords: Vocabulary, named: list[str]
) -> list[str]:
    """The paragraphs naming the scenario (`named`) that may tell the writer's use of the
    tool, leaving out three ways of only imagining or illustrating it: a list introduced
    by a possibility ("could be extended like this:"), a name only in the code of a
    description ("a logical service, e.g. `recommender`", not a note that opens with a
    step done: "Started `nightly.sh` by hand"), and, under a heading that
    imagines ("How this would apply to a streaming service"), text not in the writer's
    voice or that imagines too (`_told_under_imagining`), and all of its text when a line
    of it plans as well ("For our service the plan is:", then the steps)."""
    done = _done_in_past(reading.section)
    # only the lines naming the scenario are asked about: the others are not read
    asked = set(named)
    in_code_only = {
        with_code(p)
        for p in ctx.paragraphs
        if p.code
        and with_code(p) in asked
        and not keywords.find(singulars(p.text))
        and not in_writers_voice(p.text, reading.section)
        # a note that opens with what was done ("Started `nightly.sh` by hand, then …")
        # tells a step of the walkthrough, not a description
        and 0 not in done.where(singulars(p.text)).values()
    }
    imagining_parts = [
        part
        for part in reading.parts
        if part.heading is not None
        and (
            hypotheticals(_heading_stems(part.heading.text), reading.section)
            or _PLANNING_HEADING.search(part.heading.text)
        )
    ]
    imagined = {line for part in imagining_parts for line in part.text.split("\n")[1:]}
    # ... all of it, when its text says so too ("the plan is:", "This is the plan for
    # next milestone"): the heading and a line under it make two hypothetical words
    planned = {
        line
        for part in imagining_parts
        if _plans(part, reading.section)
        for line in part.text.split("\n")[1:]
    }
    # the heading that imagines tells nothing itself ("Slide 5: What this could mean for
    # our recommender")
    imagining = {part.heading.text for part in imagining_parts if part.heading is not None}
    told = [
        line
        for line in _outside_lead_ins(ctx, reading)
        if line in named
        and line not in in_code_only
        and line not in imagining
        and (line not in imagined or (line not in planned and _told_under_imagining(line, reading)))
    ]
    # a heading titles its text: "Applying RESTest to our movie service" over a plan that
    # names the scenario tells no use by itself (only a heading among `told` is asked)
    told_lines = set(told)
    titles = {
        part.heading.text
        for part in reading.parts
        if part.heading is not None
        and part.heading.text in told_lines
        and any(line in named for line in part.text.split("\n")[1:])
        and not any(
            line in told and _tried_on(line, reading, keywords)
            for line in part.text.split("\n")[1:]
        )
    }
    return [line for line in told if line not in titles]


def _plans(part: Part, section: Section) -> bool:
    """Whether a line of a part's text, below its heading, has a hypothetical word."""
    return any(hypotheticals(stems(line), section) for line in part.text.split("\n")[1:])


def _told_under_imagining(line: str, reading: Reading) -> bool:
    """Whether a paragraph under a heading that imagines ("How could this be used in a
    movie-streaming system?") still tells a use: in the writer's voice, with no
    hypothetical word of its own (the heading's is one already, and two make speculation:
    "I can imagine it being useful here")."""
    section = reading.section
    return in_writers_voice(line, section) and not hypotheticals(stems(line), section)


def _outside_lead_ins(ctx: PostContext, reading: Reading) -> list[str]:
    """The lines not introduced by speculation: a list after "the same pipeline could be
    extended like this:" or "This is how I plan to use it on our service:" tells what
    could be done, however concrete its items; and the line that leads into such a list,
    or into one that imagines ("Its model fits our service well:" over "a flag would let
    us …"), sets the scene for it."""
    section = reading.section
    lines = reading.text.split("\n")
    # a paragraph's inline code follows its text (`with_code`): its colon is the text's
    leads = {with_code(p) for p in ctx.paragraphs if p.text.rstrip().endswith(":")}
    listed = {with_code(p) for p in ctx.paragraphs if p.items}
    # ... or a short label right above a list ("**plan for the movie project** (next
    # milestone)" over "- examples would be pairs sampled from our API responses")
    labels = {
        with_code(p)
        for p, below in pairwise(ctx.paragraphs)
        if below.items and not p.items and count_words(p.text) <= _LABEL_WORDS
    }
    kept = []
    for index, (before, line) in enumerate(zip(["", *lines], lines, strict=False)):
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if (before in leads or (before in labels and line in listed)) and _introduces_a_plan(
            before, section
        ):
            continue
        if (
            (line in leads or line in labels)
            and after in listed
            and (_introduces_a_plan(line, section) or speculation(after, section))
        ):
            continue
        kept.append(line)
    return kept


def _introduces_a_plan(lead: str, section: Section) -> bool:
    """Whether a line leading into what follows it imagines ("the same pipeline could be
    extended like this:"), or its last sentence has a hypothetical word ("This is how I
    plan to use RESTest on it:"); a use it says was not made does not make what follows a
    plan ("I didn't get as far as our own pipeline. What I did:")."""
    if speculation(lead, section, not_made=False):
        return True
    # ... not "that nobody's service would suffer from, so we used two targets:"
    last = (sentences_of(lead) or [lead])[-1]
    if _WILL.search(last) or _GOING_TO.search(last):
        return True  # "Here's how I'm going to set this up:", "what we'll wire up next:"
    return hypotheticals(stems(last), section) > 0 and not _FIRST_PERSON_PAST.search(last)


# the writer's future in a line leading into steps (`_WILL` or this: "Here's how I'm going
# to set it up:"): the steps are a plan. In other text "we'll" is as often a tutorial's
# next step, shown right after it. English, not a course setting.
_GOING_TO = re.compile(r"\b(?:i\s*['’]m|i\s+am|we\s*['’]re|we\s+are)\s+going to\b", re.IGNORECASE)


def _opening(paragraph: str, words: int = 8) -> str:
    first = paragraph.split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")
