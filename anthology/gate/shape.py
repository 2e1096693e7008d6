"""Bodies shaped to make the Markdown renderer slow, found in one linear pass.

Python-Markdown (the site's renderer, and the gate's source of headings) takes time that
grows much faster than the text on some shapes: lists or block quotes nested hundreds deep
(it recurses, and a few hundred levels crash it), thousands of headings, thousands of raw
HTML tags, and tags, brackets or link parentheses that never close (its HTML and link
scanners re-read the rest of the text from each of them: four kilobytes of `![` take it
seconds). No blog post needs any of these, so the gate reports each as an error naming the
line and the fix, and reads such a body's headings line by line instead of through the
renderer. The limits are in course.yaml under `limits:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..course import Course
    from .scan import Body
    from .sections import Heading

_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_NESTING_START = frozenset(" \t>-*+0123456789")
_WORD = re.compile(r"[^\W_]+")
_ANGLES = re.compile(r"[<>]")
_TAG_CLOSE = re.compile(r">(?=[ \t>*+\-0-9])")
_OPEN_TARGET = re.compile(r"\]\((?![^()\n]*\))")


@dataclass(frozen=True)
class Limits:
    nesting: int = 8
    headings: int = 200
    html_tags: int = 500
    unclosed: int = 50
    links: int = 500
    block_lines: int = 500
    paragraphs: int = 1_000


@dataclass(frozen=True)
class Excess:
    """One shape over its limit: the rule, the 0-based body line, the message and the fix."""

    rule: str
    index: int
    message: str
    fix: str


def limits_of(course: Course) -> Limits:
    def number(key: str, default: int) -> int:
        try:
            return int(course.setting("limits", key, default=default))
        except (TypeError, ValueError):
            return default

    return Limits(
        nesting=number("max_nesting", Limits.nesting),
        headings=number("max_headings", Limits.headings),
        html_tags=number("max_html_tags", Limits.html_tags),
        unclosed=number("max_unclosed_markup", Limits.unclosed),
        links=number("max_links", Limits.links),
        block_lines=number("max_block_lines", Limits.block_lines),
        paragraphs=number("max_paragraphs", Limits.paragraphs),
    )


def nesting_depth(line: str, start: int = 0, cap: int | None = None) -> int:
    """Block quotes and list items a line opens from `start`, counting 4 columns of indent
    as a level; the count stops once it is over `cap`."""
    if line[start : start + 1] not in _NESTING_START:
        return 0
    depth, index, size = 0, start, len(line)
    while index < size and (cap is None or depth <= cap):
        start = index
        while index < size and line[index] in " \t":
            index += 1
        indent = len(line[start:index].expandtabs(4))
        if index < size and line[index] == ">":
            depth += 1 + indent // 4
            index += 1
            continue
        marker = _LIST_MARKER.match(line, index)
        if marker is None or marker.end() == index:
            break
        depth += 1 + indent // 4
        index = marker.end()
    return depth


def _depth_after_html(line: str, cap: int) -> int:
    """The nesting a line that opens with raw HTML opens after one of its tags: the
    renderer reads the text after a block-level element as a line of its own
    ("<div>x</div>1. 1. 1. x" is a list three deep). Each tail is counted up to just over
    `cap`, and in full once one goes over it."""
    depth = 0
    for close in _TAG_CLOSE.finditer(line):
        depth = max(depth, nesting_depth(line, close.end(), cap))
        if depth > cap:
            return nesting_depth(line, close.end())
    return depth


def _unclosed_tags(line: str) -> int:
    """Tag starts (`<a`, `</`, `<!`) with no `>` before the next `<`."""
    count, opened = 0, False
    for match in _ANGLES.finditer(line):
        if match.group() == ">":
            opened = False
            continue
        if opened:
            count += 1
        opened = _TAG_START.match(line, match.start()) is not None
    return count + (1 if opened else 0)


def excesses(body: Body, limits: Limits) -> list[Excess]:
    """Every limit the body goes over (at most one finding per kind), in one pass."""
    found: dict[str, Excess] = {}
    headings = tags = unclosed = brackets = 0
    deepest = (0, 0)
    previous_text = False
    lines = body.plain
    block = 0  # lines in the current block (lines without a blank line between)
    blocks = 0  # blocks so far: every later reading of the text goes paragraph by paragraph
    for index, line in enumerate(lines):
        if index in body.code or not line.strip():
            unclosed += brackets  # a blank line ends the block: its open `[` never close
            brackets, previous_text, block = 0, False, 0
            continue
        block += 1
        if block == 1:
            blocks += 1
            if blocks == limits.paragraphs + 1:
                found["paragraphs"] = Excess(
                    "markdown-too-many-paragraphs",
                    index,
                    f"the post has more than {limits.paragraphs:,} paragraphs, list items and "
                    "other blocks between blank lines",
                    "Write in paragraphs of a few sentences each; put long lists or data in a "
                    "file in your evidence repository and link to it.",
                )
        if block == limits.block_lines + 1:
            found.setdefault(
                "block",
                Excess(
                    "markdown-block-too-long",
                    index,
                    f"more than {limits.block_lines} lines follow each other without a blank "
                    "line (a paragraph, list or table this long)",
                    "Split it with blank lines; put long data in a file in your evidence "
                    "repository and link to it.",
                ),
            )
        depth = nesting_depth(line)
        if line.lstrip(" \t").startswith("<"):  # "<script>x</script>1. 1. 1. …"
            depth = max(depth, _depth_after_html(line, limits.nesting))
        if depth > deepest[0]:
            deepest = (depth, index)
        stripped = line.lstrip(" \t>")
        if (
            _ATX.match(stripped)
            or (previous_text and _SETEXT.match(stripped))
            or _RULE.match(stripped)
        ):
            headings += 1
            if headings == limits.headings + 1:
                found["headings"] = Excess(
                    "markdown-too-many-headings",
                    index,
                    f"the post has more than {limits.headings} headings and horizontal rules",
                    "Use headings for the post's few sections; put a blank line before and "
                    "after each one, and use lists or bold text for smaller divisions.",
                )
        previous_text = True
        if "<" in line:
            tags += line.count("<")
            unclosed += _unclosed_tags(line)
            if tags > limits.html_tags and "tags" not in found:
                found["tags"] = Excess(
                    "markdown-too-many-tags",
                    index,
                    f"the post has more than {limits.html_tags} raw HTML tags or `<` signs",
                    "Write the post in Markdown; raw HTML is for the rare thing Markdown "
                    "cannot say. Write a `<` in text as `&lt;`, or put code in a code block.",
                )
        if "[" in line or "]" in line:
            for char in line:
                if char == "[":
                    brackets += 1
                elif char == "]" and brackets:
                    brackets -= 1
            if "](" in line:
                unclosed += len(_OPEN_TARGET.findall(line))
        if unclosed + brackets > limits.unclosed and "unclosed" not in found:
            found["unclosed"] = Excess(
                "markdown-unclosed",
                index,
                f"more than {limits.unclosed} tags (`<`), brackets (`[`) or link targets "
                "(`](`) are never closed, by this line",
                "Close each `<tag>`, `[link text]` and `(target)`, or write a literal `<` or "
                "`[` as `\\<` or `\\[`.",
            )
    if len(body.links) > limits.links:
        link = body.links[limits.links]
        found["links"] = Excess(
            "markdown-too-many-links",
            link.line - body.first_line,
            f"the post has {len(body.links):,} links and images; the limit is {limits.links:,}",
            "Keep the links readers need; put long lists of references in your evidence "
            "repository.",
        )
    if deepest[0] > limits.nesting:
        found["nesting"] = Excess(
            "markdown-too-deep",
            deepest[1],
            f"lists or block quotes are nested {deepest[0]} deep here; the limit is "
            f"{limits.nesting}",
            "Flatten the structure: a list inside a list inside a quote is about as deep as "
            "readers can follow.",
        )
    return sorted(found.values(), key=lambda excess: excess.index)


_ATX_TEXT = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")


def line_outline(body: Body, limit: int) -> list[Heading]:
    """The first `limit` `#` headings, read line by line: for bodies kept from the renderer.

    Word counts come from running totals, and each heading's section text runs to the next
    heading, so the cost stays linear however the headings are arranged.
    """
    from .sections import Heading, clean

    lines = body.plain
    totals = [0]
    marks: list[tuple[int, int, str]] = []
    for index, line in enumerate(lines):
        heading = None if index in body.code else _ATX_TEXT.match(line)
        if heading is not None and len(marks) < limit:
            marks.append((index, len(heading.group(1)), clean(heading.group(2) or "")))
            totals.append(totals[-1])
        else:
            words = len(_WORD.findall(line)) if index not in body.code else 0
            totals.append(totals[-1] + words)
    ends = [len(lines)] * len(marks)
    open_marks: list[int] = []  # headings whose section is still open, by level
    for number, (index, level, _text) in enumerate(marks):
        while open_marks and marks[open_marks[-1]][1] >= level:
            ends[open_marks.pop()] = index
        open_marks.append(number)
    headings = []
    for number, (index, level, text) in enumerate(marks):
        following = marks[number + 1][0] if number + 1 < len(marks) else len(lines)
        section = "\n".join(lines[index + 1 : following])
        words = totals[ends[number]] - totals[index + 1]
        own = totals[following] - totals[index + 1]
        headings.append(Heading(level, text, body.file_line(index), words, section, own))
    return headings
