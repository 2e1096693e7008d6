"""Scan a Markdown body: fenced code, links, images and raw HTML tags, each with its line.

Fenced code is found with the renderer's own pattern, so what counts as code here is what
the site shows as code. Inline code, HTML comments and backslash escapes are blanked out
(keeping every column) before links and tags are looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]*|[^<>\s!@]+@[^<>\s@]+)>", re.IGNORECASE)
_TEXT = r"((?:[^\[\]]|\[[^\[\]]*\])*)"
_INLINE = re.compile(
    r"(!?)\[" + _TEXT + r"\]\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)"
    r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)"""
)
_REFERENCE = re.compile(r"(!?)\[" + _TEXT + r"\]\[([^\[\]]*)\]")
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
    """0-based indexes of lines inside fenced code blocks, fences included."""
    from markdown.extensions.fenced_code import FencedBlockPreprocessor

    source = text.expandtabs(4) + "\n"
    inside: set[int] = set()
    for match in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(source):
        first = source.count("\n", 0, match.start())
        last = source.count("\n", 0, match.end() - 1)
        inside.update(range(first, last + 1))
    return frozenset(inside)


def _blank_code_spans(line: str) -> str:
    return _CODE_SPAN.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(1), line)


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        self.tags.append(Tag(tag, tuple(attrs), line, offset + 1))

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
        text = "\n".join(_AUTOLINK.sub(lambda m: _blank(m.group()), line) for line in self.plain)
        try:
            collector.feed(text)
            collector.close()
        except (AssertionError, ValueError):  # malformed markup: keep what was found
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
