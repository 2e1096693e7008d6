"""Find a post's headings as the site's renderer sees them, and the sections they open.

The body goes through the renderer's preprocessors and block parser (the stage that decides
what is a heading, a paragraph or code); inline markup and syntax highlighting, which never
turn text into headings, are skipped for speed, and plain bodies skip the parser altogether
(see :mod:`anthology.gate.lineblocks`). Each heading is then mapped back to its source line
by scanning the lines outside fenced code.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from .lineblocks import line_blocks
from .scan import code_spans
from .words import count_words, strip_inline
from .words import words as plain_words

if TYPE_CHECKING:
    import markdown

    from .scan import Body

_HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
_SKIPPED_TAGS = {"pre", "script", "style"}
_PLACEHOLDER = re.compile("\x02wzxhzdk:\\d+\x03")
_ATX = re.compile(r"^[ \t]*(?:>[ \t]*)*(#{1,6})(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
# a labelled field of a memo's or an email's header ("**To:** Team 7", "Re: batchtools"):
# in a block of lines that opens with one, each is a statement of its own, like an item
_FIELD = re.compile(r"^ {0,3}(\*\*|__)?[A-Z][a-z]{0,11}(?:\1:|:\1|:)[ \t]+\S")
# A line that is bold and nothing else ("**Pros**", "__Q: Why bother?__:"), at the margin.
_BOLD_LINE = re.compile(r"^ {0,3}(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1[ \t]*:?[ \t]*$")
MAX_BOLD_HEADING_WORDS = 12
# ... and an interviewer's bold prompt that is no question, one of several ("**Dani: Show
# me you actually ran it on our stuff, not on their demo.**")
MAX_PROMPT_WORDS = 20
# A paragraph that opens with a bold phrase ("**Why I looked for this.** When our …"): in a
# post with no headings, these lead-ins are its section titles.
_LEAD_IN = re.compile(
    r"^ {0,3}(\*\*|__)(?=\S)(?P<text>(?:(?!\1)[^*])+?)(?<=\S)\1[ \t]*(?P<rest>\S.*)$"
)
# a question or prompt labelled as one ("Q: Show me the new code.", "Q3. Tell me more.")
_PROMPT = re.compile(r"^(?:Q\d*|Question\s*\d*)\s*[:.)]\s*\S", re.IGNORECASE)
# ... and so is a numbered item's title ("**6. The rough edges are real.**"), full stop and all
_NUMBERED = re.compile(r"^(?:#\s*)?\d{1,2}[.):]\s+\S")
# a turn of a dialogue: a speaker's name or initial (one or two words, no number: "Part
# 2: Results" is a title), a colon, then what is said
_TURN = re.compile(r"^[^\W\d][\w.'-]*(?: [^\W\d][\w.'-]*)?: \S")
_FAST_EXTENSIONS = ("markdown.extensions.codehilite", "markdown.extensions.toc")


@dataclass(frozen=True)
class Heading:
    """A heading, the file line it is on, and the words of the section it opens."""

    level: int
    text: str
    line: int | None
    words: int  # the whole section, subsections included
    section_text: str
    own_words: int = 0  # up to the next heading of any level
    # a line read as a heading but never rendered as one: a bold line standing alone, a
    # bold lead-in, or a short plain label in notes without headings
    bold: bool = False
    run_in: bool = False  # a paragraph's bold lead-in: its line goes on with the text


@cache
def _parser() -> markdown.Markdown:
    import markdown

    from ..markdown_config import EXTENSION_CONFIGS

    configs = {k: v for k, v in EXTENSION_CONFIGS.items() if k not in _FAST_EXTENSIONS}
    return markdown.Markdown(extensions=list(configs), extension_configs=configs)


def rendered_blocks(body: str) -> list[tuple[int, str]]:
    """(level, text) per heading and (0, text) per run of other text, as the renderer parses."""
    md = _parser()
    md.reset()
    lines = body.split("\n")
    try:
        for preprocessor in md.preprocessors:
            lines = preprocessor.run(lines)
        root = md.parser.parseDocument(lines).getroot()
    except BaseException:
        # a parse that stops half-way leaves the block parser's state behind ("list" after
        # a RecursionError), which `reset` keeps: the next post gets a fresh parser
        _parser.cache_clear()
        raise
    out: list[tuple[int, str]] = []

    def walk(element: ET.Element) -> None:
        for child in element:
            level = _HEADING_TAGS.get(str(child.tag))
            if level:
                out.append((level, "".join(child.itertext())))
            elif child.tag not in _SKIPPED_TAGS:
                if child.text:
                    out.append((0, child.text))
                walk(child)
            if child.tail:
                out.append((0, child.tail))

    walk(root)
    return [(level, _PLACEHOLDER.sub(" ", text)) for level, text in out]


def clean(text: str) -> str:
    """Heading text without markup, `#` marks or attribute lists, whitespace collapsed."""
    return strip_inline(text.strip().lstrip("#")).strip()


def _key(text: str) -> str:
    """What a heading's source line and its rendered text have in common: their words.
    Markup differs between the two (`# TODO` in a code span renders as "# TODO", and
    `X_train` keeps its underscore only where the renderer sees code)."""
    return " ".join(plain_words(clean(text).replace("_", ""))).casefold()


def _source_headings(body: Body) -> list[tuple[int, str]]:
    """(file line, matching key) of every line that looks like a heading outside code.

    Where a line is a heading is read from the plain lines (code spans blanked, so a `#`
    inside one starts nothing); what it says is read from the line as written, code
    spans included ("## Using `great_expectations` checkpoints").
    """
    found = []
    lines = body.plain
    for index, line in enumerate(lines):
        if index in body.code or not line.strip():
            continue
        atx = _ATX.match(line) if line.lstrip(" \t>")[:1] == "#" else None
        if atx:
            written = _ATX.match(body.lines[index])
            text = written.group(2) if written else atx.group(2)
            found.append((body.file_line(index), _key(text)))
        elif (
            index + 1 < len(lines)
            and lines[index + 1].lstrip()[:1] in ("=", "-")
            and index + 1 not in body.code
            and _SETEXT_UNDERLINE.match(lines[index + 1])
        ):
            found.append((body.file_line(index), _key(body.lines[index])))
    return found


def outline(body: Body) -> list[Heading]:
    """Every heading with its source line and the word count of its section."""
    blocks = line_blocks(body)
    if blocks is None:
        blocks = rendered_blocks(body.text)
    counts = [0 if level else count_words(text) for level, text in blocks]
    candidates = _source_headings(body)
    position = 0
    headings: list[Heading] = []
    for index, (level, raw) in enumerate(blocks):
        if not level:
            continue
        text = clean(raw)
        key = _key(raw)
        line = None
        for offset in range(position, len(candidates)):
            if candidates[offset][1] == key:
                line, position = candidates[offset][0], offset + 1
                break
        end = next(
            (i for i in range(index + 1, len(blocks)) if 0 < blocks[i][0] <= level), len(blocks)
        )
        section = "\n".join(text for _level, text in blocks[index + 1 : end])
        words = sum(counts[index + 1 : end]) + sum(
            count_words(blocks[i][1]) for i in range(index + 1, end) if blocks[i][0]
        )
        own_end = next((i for i in range(index + 1, end) if blocks[i][0]), end)
        own = sum(counts[index + 1 : own_end])
        headings.append(Heading(level, text, line, words, section, own))
    return headings


@dataclass(frozen=True)
class Paragraph:
    """A run of text lines between blank lines, headings and code, and the heading above."""

    region: int  # index of the heading it is under, -1 before the first heading
    line: int  # file line of its first line
    text: str  # plain text (inline markup stripped)
    code: str = ""  # its inline code spans (`viewer_ratings`), which name things too
    last: int = 0  # file line of its last line
    # the fenced code right after it, before the next paragraph or heading (at most
    # `FENCED_READ` characters): "I merged our scripts into one CLI:" over the class that
    # reads "watch/rate events from Kafka"
    fenced: str = ""
    # a list of two items or more: each item's text and inline code, each a statement of
    # its own (the "I" of one bullet tells nothing of the "watch" of another)
    items: tuple[str, ...] = ()
    # ... and each item's text alone, without its code: where a sentence of it starts
    item_texts: tuple[str, ...] = ()
    # whether its first line leads into the list rather than being an item ("**Cons**"
    # right above "- …"): then `item_texts[0]` is that line
    led_in: bool = False


FENCED_READ = 4_000


def paragraphs(body: Body, headings: list[Heading], limit: int | None = None) -> list[Paragraph]:
    """The body's paragraphs from its source lines, each under its nearest heading (the
    first `limit` of them, when given)."""
    starts = {h.line: index for index, h in enumerate(headings) if h.line is not None}
    run_in = {h.line for h in headings if h.run_in}
    found: list[Paragraph] = []
    region, first = -1, 0
    chunk: list[str] = []
    spans: list[str] = []
    items: list[tuple[list[str], list[str]]] = []  # each list item's lines, inline code

    def flush() -> None:
        if chunk:
            text = strip_inline(" ".join(chunk))
            if text:
                start, end = body.file_line(first), body.file_line(first) + len(chunk) - 1
                texts = (
                    tuple(strip_inline(" ".join(lines)) for lines, _code in items)
                    if len(items) > 1
                    else ()
                )
                listed = tuple(
                    " ".join((alone, *code)).strip()
                    for alone, (_lines, code) in zip(texts, items, strict=False)
                )
                found.append(
                    Paragraph(
                        region,
                        start,
                        text,
                        " ".join(spans),
                        end,
                        items=listed,
                        item_texts=texts,
                        led_in=bool(texts)
                        and not _LIST_ITEM.match(body.plain[first])
                        and not _FIELD.match(body.plain[first]),
                    )
                )
            chunk.clear()
        spans.clear()
        items.clear()

    after_heading = fields = False
    for index, line in enumerate(body.plain):
        if body.file_line(index) in starts:
            flush()
            region, after_heading = starts[body.file_line(index)], True
            lead = _LEAD_IN.match(line) if body.file_line(index) in run_in else None
            if lead is None:
                continue
            line, after_heading = lead.group("rest"), False
        underline = after_heading and _SETEXT_UNDERLINE.match(line)
        after_heading = False
        if underline:
            continue
        if index in body.code or not line.strip():
            flush()
            if index in body.code and found and found[-1].region == region:
                _add_fenced(found, body.lines[index])
            if limit is not None and len(found) >= limit:
                return found[:limit]
            continue
        if not chunk:
            first = index
            fields = bool(_FIELD.match(line))
        chunk.append(line.strip().lstrip(">#|*+- ").strip())
        # a list item, or the lines before one, or a field of a header block
        if _LIST_ITEM.match(line) or not items or (fields and _FIELD.match(line)):
            items.append(([], []))
        items[-1][0].append(chunk[-1])
        if "`" in body.lines[index]:
            text = body.lines[index]
            inline = [text[a:b].strip() for a, b in code_spans(text) if text[a:b].strip()]
            spans.extend(inline)
            items[-1][1].extend(inline)
    flush()
    return found


def _add_fenced(found: list[Paragraph], line: str) -> None:
    """Add a line of fenced code to the last paragraph found, up to `FENCED_READ`."""
    last = found[-1]
    if len(last.fenced) < FENCED_READ:
        found[-1] = replace(last, fenced=f"{last.fenced}\n{line}"[:FENCED_READ])


def _bold_lines(body: Body, headings: list[Heading]) -> list[Heading]:
    """Lines that are bold and nothing else, after a blank line, used as headings.

    Many writers (Medium's editor has two heading sizes) title their sections with a bold
    line: "**Pros**", "**Q: What went wrong?**". A bold sentence ending in a full stop or an
    exclamation mark is emphasis, not a title, and more than a dozen words is a paragraph.
    Each counts one level below the real heading above it (level 2 before any).
    """
    real = {h.line: h.level for h in headings}
    found: list[Heading] = []
    level = 1
    lines = body.lines
    asking = _asking_speakers(body)
    for index, line in enumerate(lines):
        number = body.file_line(index)
        if number in real:
            level = real[number]
            continue
        if ("*" not in line[:5] and "_" not in line[:5]) or index in body.code:
            continue
        match = _BOLD_LINE.match(line)
        after_heading = index and body.file_line(index - 1) in real
        if match is None or (index and lines[index - 1].strip() and not after_heading):
            continue
        text = clean(match.group("text")).rstrip(":").strip()
        # ... but an interviewer's prompt labelled as one is ("**Q: Show me the code.**", or
        # "**Dani: Show me you ran it.**" among Dani's other bold prompts), as is a
        # numbered item's title
        emphasis = (
            bool(text)
            and text[-1] in ".!,"
            and not _PROMPT.match(text)
            and not _NUMBERED.match(text)
            and _speaker(text) not in asking
        )
        prompted = text[-1:] in ".!" and _speaker(text) in asking
        most = MAX_PROMPT_WORDS if prompted else MAX_BOLD_HEADING_WORDS
        if not text or emphasis or not 0 < count_words(text) <= most:
            continue
        found.append(Heading(min(level + 1, 6), text, number, 0, "", 0, bold=True))
    if found:
        # an interview's speaker alone on a line ("**Me:**", then a code block) is the
        # label that opens the other turns ("**Me:** Plenty."), no section title; in such
        # a dialogue, nor is the other speaker's bold turn ("**D: So what does it do?**")
        speakers = _speakers(body)
        found = [
            h
            for h in found
            if h.text.casefold() not in speakers and not (speakers and _TURN.match(h.text))
        ]
    return found


def _asking_speakers(body: Body) -> set[str]:
    """The speakers of two or more bold lines that are a turn each ("**Dani: Which
    models?**"): an interviewer whose prompts title the sections."""
    asked: Counter[str] = Counter()
    for index, line in enumerate(body.lines):
        if ("*" not in line[:5] and "_" not in line[:5]) or index in body.code:
            continue
        match = _BOLD_LINE.match(line)
        if match:
            asked[_speaker(clean(match.group("text")))] += 1
    asked.pop("", None)
    return {speaker for speaker, times in asked.items() if times > 1}


def _speaker(text: str) -> str:
    """The speaker of a dialogue's turn ("Dani: Which models?"), or ""."""
    return text.partition(":")[0].casefold() if _TURN.match(text) else ""


def _speakers(body: Body) -> set[str]:
    """Bold labels that open two or more paragraphs and go on with text ("**Priya:** So
    what's Firejail?"): the speakers of an interview or a dialogue."""
    labels: Counter[str] = Counter()
    for index, line in enumerate(body.lines):
        if ("*" not in line[:5] and "_" not in line[:5]) or index in body.code:
            continue
        match = _LEAD_IN.match(line)
        if match and match.group("text").rstrip().endswith(":"):
            labels[clean(match.group("text")).rstrip(":").strip().casefold()] += 1
    return {label for label, times in labels.items() if times > 1}


def _said_once(found: list[Heading]) -> list[Heading]:
    """The headings whose text appears once: a label said again is a tag or a speaker."""
    seen = Counter(h.text.casefold() for h in found)
    return [h for h in found if seen[h.text.casefold()] == 1]


def _lead_ins(body: Body) -> list[Heading]:
    """Bold phrases that open paragraphs ("**Setup.** It's a single binary …"), as
    headings, when there are at least two that each appear once, or three bold phrases
    alone on their lines, each with a full stop ("**Findings.**")."""
    found: list[Heading] = []
    stopped: set[int] = set()  # bold phrases alone on their lines, with a full stop
    lines = body.lines
    for index, line in enumerate(lines):
        if ("*" not in line[:5] and "_" not in line[:5]) or index in body.code:
            continue
        if index and lines[index - 1].strip():
            continue
        # among lead-ins, a bold phrase alone on its line ("**What didn't.**", then a
        # list) titles a section too, full stop and all
        match = _LEAD_IN.match(line) or _BOLD_LINE.match(line)
        if match is None:
            continue
        said = clean(match.group("text")).strip()
        text = said.rstrip(".:").strip()
        run_in = "rest" in match.groupdict()
        if text and 0 < count_words(text) <= MAX_BOLD_HEADING_WORDS:
            number = body.file_line(index)
            found.append(Heading(2, text, number, 0, "", 0, bold=True, run_in=run_in))
            # ... one phrase: "Day 4, Thursday. The problems." labels a diary's entry
            if not run_in and said.endswith(".") and ". " not in said and not _TURN.match(text):
                stopped.add(number)
    # a label said again ("**Jonas:** …", "**Me:** …", "**Nice:** …") is no section title
    titles = _said_once(found)
    # two lead-ins title a post's parts; so do three bold phrases alone on their lines
    # with a full stop ("**Findings.**", "**Assessment.**" in a memo), no dialogue's turns
    alone = [h for h in titles if h.line in stopped]
    return titles if sum(h.run_in for h in titles) > 1 or len(alone) > 2 else []


# a line a note-taker uses as a title: short, alone, with no sentence's end ("why even",
# "not good", "Setup (Docker)"); markup, tables and quotes are something else
_LABEL_LINE = re.compile(r"^(?![ \t]*(?:[-*+>#|<!\[`~]|\d+[.)]))[ \t]{0,3}(?P<text>[^\s.!,;:].*)")
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 120  # six words; a longer line is prose, and is not matched at all


def _label_lines(body: Body) -> list[Heading]:
    """Short plain lines standing alone between blank lines or above a list or code, as
    headings of a post that has no headings, bold lines or lead-ins ("why even", then a
    list; "setup"; "not good"), when there are at least two that each appear once."""
    found: list[Heading] = []
    lines = body.lines
    for index, line in enumerate(lines):
        if not line.strip() or index in body.code or (index and lines[index - 1].strip()):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following.strip() and not (_LIST_ITEM.match(following) or index + 1 in body.code):
            continue
        match = _LABEL_LINE.match(line) if len(line) <= MAX_LABEL_CHARS else None
        if match is None or match.group("text").rstrip()[-1] in ".!,;:":
            continue
        text = clean(match.group("text")).strip()
        if text and 0 < count_words(text) <= MAX_LABEL_WORDS:
            found.append(Heading(2, text, body.file_line(index), 0, "", 0, bold=True))
    last = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    if found and found[-1].line == body.file_line(last):
        found.pop()  # a closing line ("Thanks for reading") titles nothing
    titles = _said_once(found)
    return titles if len(titles) > 1 else []


def reading_outline(
    body: Body, headings: list[Heading], under_headings: list[Paragraph] | None = None
) -> tuple[list[Heading], list[Paragraph]]:
    """The headings a reader sees, bold lines used as headings among them (in a post with
    no headings, bold lead-ins of paragraphs), and the paragraphs under each; word counts
    of the bold lines' sections come from paragraphs. `under_headings`, when given, is
    `paragraphs(body, headings)` already read."""
    extra = _bold_lines(body, headings) if all(h.line is not None for h in headings) else []
    if not headings and not extra:
        extra = _lead_ins(body) or _label_lines(body)
    elif not headings:
        # a post that opens with a bold lead-in ("**Problem.** Our API …") titles its parts
        # with them as well as with bold lines ("**Config**" over a code block)
        opening = next((i for i, line in enumerate(body.lines) if line.strip()), None)
        first = body.lines[opening] if opening is not None else ""
        # most posts open otherwise: no need to look for lead-ins
        lead_ins = _lead_ins(body) if _LEAD_IN.match(first) or _BOLD_LINE.match(first) else []
        if lead_ins and lead_ins[0].line == body.file_line(opening or 0):
            lines = {h.line for h in extra}
            extra = sorted(
                [*extra, *(h for h in lead_ins if h.line not in lines)], key=lambda h: h.line or 0
            )
    if not extra:
        return headings, (paragraphs(body, headings) if under_headings is None else under_headings)
    merged = sorted([*headings, *extra], key=lambda h: h.line or 0)
    found = paragraphs(body, merged)
    own = [0] * len(merged)
    for paragraph in found:
        if paragraph.region >= 0:
            own[paragraph.region] += count_words(paragraph.text)
    out: list[Heading] = []
    for index, heading in enumerate(merged):
        if heading.bold:
            end = next(
                (j for j in range(index + 1, len(merged)) if merged[j].level <= heading.level),
                len(merged),
            )
            words = sum(own[index:end])
            text = "\n".join(p.text for p in found if index <= p.region < end)
            out.append(replace(heading, words=words, own_words=own[index], section_text=text))
        elif index + 1 < len(merged) and merged[index + 1].bold:
            out.append(replace(heading, own_words=min(heading.own_words, own[index])))
        else:
            out.append(heading)
    return out, found
