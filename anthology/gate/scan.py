"""Scan a Markdown body: fenced code, links, images and raw HTML tags, each with its line.

Fenced code is found with the renderer's own pattern, so what counts as code here is what
the site shows as code. Inline code, HTML comments and backslash escapes are blanked out
(keeping every column) before links and tags are looked for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, cached_property
from html.parser import HTMLParser

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TICKS = re.compile(r"`+")
_LONE_LT = re.compile(r"<(?![A-Za-z/!?])")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]*|[^<>\s!@]+@[^<>\s@]+)>", re.IGNORECASE)
# Possessive quantifiers (`*+`) never give back what they matched, so a failed attempt costs
# only the text it read; every part also stops at the next `[`, so attempts do not overlap.
_TEXT = r"((?:[^\[\]]|\[[^\[\]]*+\])*+)"
_INLINE = re.compile(
    r"(!?)\[" + _TEXT + r"\]\(\s*+(<[^<>\n]*+>|(?:[^\s()]|\([^\s()]*+\))*+)"
    r"""(?:\s++(?:"[^"]*+"|'[^']*+'|\([^()]*+\)))?\s*+\)"""
)
_REFERENCE = re.compile(r"(!?)\[" + _TEXT + r"\]\[([^\[\]]*+)\]")
_DEFINITION = re.compile(r"^ {0,3}\[([^\[\]]+)\]:\s*<?([^\s>]+)>?")


@dataclass(frozen=True)
class Link:
    """A link or image target found in the body."""

    target: str
    text: str
    line: int
    column: int
    image: bool = False
    origin: str = "markdown"  # markdown, reference, definition, autolink, html
    has_alt: bool = True


@dataclass(frozen=True)
class Tag:
    """A raw HTML start tag in the body."""

    name: str
    attrs: tuple[tuple[str, str | None], ...]
    line: int
    column: int


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def fenced_lines(text: str) -> frozenset[int]:
    """0-based indexes of lines inside fenced code blocks, fences included.

    The opening fence is the renderer's own pattern. Its closing fence is looked up in an
    index of the lines that could close one (the renderer's single regex re-reads the rest
    of the text from every unclosed opening fence: quadratic on many of them).
    """
    if "```" not in text and "~~~" not in text:
        return frozenset()
    source = text.expandtabs(4) + "\n"
    lines = source.split("\n")
    closers: dict[str, list[int]] = {}
    starts, offset = [], 0
    for index, line in enumerate(lines):
        starts.append(offset)
        offset += len(line) + 1
        fence = line.rstrip(" ")
        if len(fence) >= 3 and fence[0] in "`~" and fence.count(fence[0]) == len(fence):
            closers.setdefault(fence, []).append(index)
    opening = _opening_fence()
    inside: set[int] = set()
    index = 0
    while index < len(lines):
        match = opening.match(source, starts[index]) if lines[index][:1] in "`~" else None
        if match is not None:
            candidates = closers.get(match.group("fence"), [])
            found = bisect_left(candidates, index + match.group().count("\n"))
            if found < len(candidates):
                inside.update(range(index, candidates[found] + 1))
                index = candidates[found] + 1
                continue
        index += 1
    return frozenset(inside)


@cache
def _opening_fence() -> re.Pattern[str]:
    """The renderer's fenced-block pattern, up to the end of the opening fence line."""
    from markdown.extensions.fenced_code import FencedBlockPreprocessor

    whole = FencedBlockPreprocessor.FENCED_BLOCK_RE
    return re.compile(whole.pattern[: whole.pattern.index("(?P<code>")], whole.flags)


def code_spans(line: str) -> list[tuple[int, int]]:
    """Where the inside of each code span of the line starts and ends.

    A span opens at a run of backticks and closes at the next run of the same length (as
    the renderer reads them). Runs are paired in one pass, remembering where the next run of
    each length is, so the cost is linear however many backticks the line has.
    """
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    following: dict[int, int] = {}  # run length -> index of the next run of that length
    next_same = [0] * len(runs)
    for index in range(len(runs) - 1, -1, -1):
        size = runs[index][1] - runs[index][0]
        next_same[index] = following.get(size, -1)
        following[size] = index
    spans = []
    index = 0
    while index < len(runs):
        closing = next_same[index]
        if closing < 0:
            index += 1
            continue
        spans.append((runs[index][1], runs[closing][0]))
        index = closing + 1
    return spans


def _blank_code_spans(line: str) -> str:
    """The line with the inside of each code span blanked (backticks and columns kept)."""
    chars = list(line)
    for start, end in code_spans(line):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# Raw tags read per body: far more than any post may have (the shape limits refuse a post
# with hundreds), so reading stops early only on bodies that are refused anyway.
MAX_TAGS = 5_000


class _Enough(Exception):
    """Enough tags have been read."""


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def close(self) -> None:
        """End of input: a tag, comment or declaration still open is dropped, as HTML5 says
        of "EOF in tag". CPython 3.11's own close() instead re-reads the rest once per later
        `<`, which is quadratic on "<a <a <a …"."""
        self.rawdata = ""
        super().close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        self.tags.append(Tag(tag, tuple(attrs), line, offset + 1))
        if len(self.tags) >= MAX_TAGS:
            raise _Enough

    handle_startendtag = handle_starttag


@dataclass(frozen=True)
class Body:
    """A post body split into lines, with code and markup-free views of them."""

    text: str
    first_line: int

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def code(self) -> frozenset[int]:
        return fenced_lines(self.text)

    @cached_property
    def plain(self) -> list[str]:
        """Lines with fenced code, comments, inline code and escapes blanked, columns kept."""
        kept = "\n".join("" if i in self.code else line for i, line in enumerate(self.lines))
        if "<!--" in kept:
            kept = _COMMENT.sub(lambda m: _blank(m.group()), kept)
        lines = kept.split("\n")
        for index, line in enumerate(lines):
            if "`" in line:
                line = _blank_code_spans(line)
            if "\\" in line:
                line = _ESCAPE.sub("  ", line)
            lines[index] = line
        return lines

    def file_line(self, index: int) -> int:
        return self.first_line + index

    @cached_property
    def tags(self) -> list[Tag]:
        """Raw HTML start tags outside code, with file lines."""
        collector = _TagCollector()
        if not any("<" in line for line in self.plain):
            return []
        text = "\n".join(
            _AUTOLINK.sub(lambda m: _blank(m.group()), line) if "<" in line else line
            for line in self.plain
        )
        # A `<` that cannot start a tag is text to the parser; blanking it (columns kept)
        # spares the parser a call per `<` on bodies made of them.
        text = _LONE_LT.sub(" ", text)
        try:
            collector.feed(text)
            collector.close()
        except (AssertionError, ValueError, _Enough):  # malformed markup: keep what was found
            pass
        return [Tag(t.name, t.attrs, self.file_line(t.line - 1), t.column) for t in collector.tags]

    @cached_property
    def links(self) -> list[Link]:
        """Every Markdown and HTML link and image, in reading order."""
        definitions: dict[str, str] = {}
        found: list[Link] = []
        for index, line in enumerate(self.plain):
            if "[" not in line and "<" not in line:
                continue
            number = self.file_line(index)
            definition = _DEFINITION.match(line) if "]:" in line else None
            if definition:
                label, target = definition.group(1), definition.group(2)
                definitions.setdefault(label.casefold(), target)
                found.append(
                    Link(target, label, number, definition.start(2) + 1, origin="definition")
                )
                continue
            if "](" in line:
                found.extend(_inline_links(line, number, 0))
            for match in _AUTOLINK.finditer(line) if "<" in line else ():
                target = match.group(1)
                if "://" not in target:
                    target = "mailto:" + target
                found.append(
                    Link(target, match.group(1), number, match.start() + 2, origin="autolink")
                )
        for index, line in enumerate(self.plain):
            for match in _REFERENCE.finditer(line) if "][" in line else ():
                label = (match.group(3) or match.group(2)).casefold()
                if match.group(1) and label in definitions:
                    found.append(
                        Link(
                            definitions[label],
                            match.group(2).strip(),
                            self.file_line(index),
                            match.start() + 1,
                            image=True,
                            origin="reference",
                            has_alt=bool(match.group(2).strip()),
                        )
                    )
        for tag in self.tags:
            attrs = dict(tag.attrs)
            if tag.name == "a" and attrs.get("href") is not None:
                found.append(Link(attrs["href"] or "", "", tag.line, tag.column, origin="html"))
            elif tag.name == "img" and attrs.get("src") is not None:
                alt = attrs.get("alt")
                found.append(
                    Link(
                        attrs["src"] or "",
                        alt or "",
                        tag.line,
                        tag.column,
                        image=True,
                        origin="html",
                        has_alt=bool(alt and alt.strip()),
                    )
                )
        return sorted(found, key=lambda link: (link.line, link.column))


def _inline_links(text: str, line: int, offset: int) -> list[Link]:
    links: list[Link] = []
    for match in _INLINE.finditer(text):
        image = bool(match.group(1))
        label = match.group(2)
        target = match.group(3).strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        links.append(
            Link(
                target,
                label.strip(),
                line,
                offset + match.start() + 1,
                image=image,
                has_alt=bool(label.strip()) if image else True,
            )
        )
        if not image and "](" in label:
            links.extend(_inline_links(label, line, offset + match.start(2)))
    return links
