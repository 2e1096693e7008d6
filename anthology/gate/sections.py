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
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .lineblocks import line_blocks
from .words import contains_keyword, count_words, strip_inline

if TYPE_CHECKING:
    import markdown

    from ..course import Option, Section
    from .scan import Body

_HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
_SKIPPED_TAGS = {"pre", "script", "style"}
_PLACEHOLDER = re.compile("\x02wzxhzdk:\\d+\x03")
_ATX = re.compile(r"^[ \t]*(?:>[ \t]*)*(#{1,6})(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$")
_FAST_EXTENSIONS = ("markdown.extensions.codehilite", "markdown.extensions.toc")


@dataclass(frozen=True)
class Heading:
    """A heading, the file line it is on, and the words of the section it opens."""

    level: int
    text: str
    line: int | None
    words: int
    section_text: str


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
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
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


def _source_headings(body: Body) -> list[tuple[int, str]]:
    """(file line, cleaned text) of every line that looks like a heading outside code."""
    found = []
    lines = body.plain
    for index, line in enumerate(lines):
        if index in body.code or not line.strip():
            continue
        atx = _ATX.match(line) if line.lstrip(" \t>")[:1] == "#" else None
        if atx:
            found.append((body.file_line(index), clean(atx.group(2))))
        elif (
            index + 1 < len(lines)
            and lines[index + 1].lstrip()[:1] in ("=", "-")
            and index + 1 not in body.code
            and _SETEXT_UNDERLINE.match(lines[index + 1])
        ):
            found.append((body.file_line(index), clean(line)))
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
        line = None
        for offset in range(position, len(candidates)):
            if candidates[offset][1].casefold() == text.casefold():
                line, position = candidates[offset][0], offset + 1
                break
        end = next(
            (i for i in range(index + 1, len(blocks)) if 0 < blocks[i][0] <= level), len(blocks)
        )
        section = "\n".join(text for _level, text in blocks[index + 1 : end])
        words = sum(counts[index + 1 : end]) + sum(
            count_words(blocks[i][1]) for i in range(index + 1, end) if blocks[i][0]
        )
        headings.append(Heading(level, text, line, words, section))
    return headings


@dataclass(frozen=True)
class Placement:
    """Where a required section was found, or why it was not."""

    section: Section
    heading: Heading | None
    mapped: str | None = None  # the heading text given in front matter, if any


def place_sections(
    option: Option, headings: list[Heading], mapping: dict[str, str]
) -> list[Placement]:
    """Match each required section to a heading: front-matter mapping first, then keywords.

    A heading serves one section at most. Keyword matches prefer headings after the one
    chosen for the previous section, since posts usually follow the handout's order.
    """
    used: set[int] = set()
    chosen_at: dict[str, int | None] = {}
    by_text = {h.text.casefold(): i for i, h in reversed(list(enumerate(headings)))}
    for section in option.sections:
        if section.id in mapping:
            chosen_at[section.id] = by_text.get(clean(mapping[section.id]).casefold())
            used.add(chosen_at[section.id] if chosen_at[section.id] is not None else -1)
    after = -1
    for section in option.sections:
        if section.id not in chosen_at:
            matches = [
                i
                for i, h in enumerate(headings)
                if i not in used and contains_keyword(h.text, section.keywords)
            ]
            later = [i for i in matches if i > after]
            chosen_at[section.id] = (later or matches or [None])[0]
            used.add(chosen_at[section.id] if chosen_at[section.id] is not None else -1)
        index = chosen_at[section.id]
        if index is not None:
            after = index
    placements = {}
    for section in option.sections:
        index = chosen_at[section.id]
        placements[section.id] = Placement(
            section, headings[index] if index is not None else None, mapping.get(section.id)
        )
    return [placements[s.id] for s in option.sections]
