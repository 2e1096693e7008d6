"""Headings and text read straight from the lines, for bodies where that matches the renderer.

Most posts are paragraphs, lists, fenced code and headings written `# Title` at the start
of a line (or underlined with `===`/`---`). For such bodies the renderer's block parser finds
exactly these headings, so it is skipped (it costs most of a check). Anything that could make
the renderer see the text differently (raw HTML, block quotes, indented code, indented `#`,
reference or footnote definitions, tables, list markers or underlines inside a paragraph)
returns None, and the caller uses the renderer. A property test holds the two to agreement.
"""

from __future__ import annotations

import re

from .scan import Body

# Also rules made of `*` or `_` and `1)`-style markers: they end or start blocks in ways
# only the renderer knows.
_NEEDS_RENDERER = re.compile(
    r"[ \t]+#|[ \t]*[<>]| {4}|\t| {0,3}\[[^\]]*\]:|\*\[|([*_])( *\1){2,} *$|\d+\)"
)
_HASH = re.compile(r"(#{1,6})(.*?)#*[ \t]*$")
_UNDERLINE = re.compile(r"[=-]+ *$")
_BULLET = re.compile(r"[-*+] +")
_NUMBERED = re.compile(r"\d+\. +")


def line_blocks(body: Body) -> list[tuple[int, str]] | None:
    """(level, text) per heading and (0, text) per other line, or None if unsure."""
    lines, code = body.lines, body.code
    out: list[tuple[int, str]] = []
    block = ""  # how the current block began: "" (none yet), "text", "bullet" or "numbered"
    heading_above = False  # the previous line is a heading whose underline comes next
    for index, line in enumerate(lines):
        if index in code or not line.strip():
            block = ""
            continue
        if _NEEDS_RENDERER.match(line) or "|" in line:
            return None  # constructs whose blocks only the renderer knows (tables included)
        if line.startswith("#"):
            heading = _HASH.match(line)
            if heading is None:
                return None
            out.append((len(heading.group(1)), heading.group(2)))
            block = ""  # a heading line ends the block before it
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        underlined = index + 1 not in code and bool(_UNDERLINE.match(following))
        if _UNDERLINE.match(line):
            if underlined or (block != "" and not heading_above):
                return None  # stacked rules, or a rule inside a block: the renderer decides
            block = "" if heading_above else "text"
            heading_above = False
            continue
        if underlined:
            if block != "" or _BULLET.match(line) or _NUMBERED.match(line):
                return None
            out.append((1 if following.startswith("=") else 2, line))
            block, heading_above = "text", True
            continue
        numbered, bullet = _NUMBERED.match(line), _BULLET.match(line)
        if (numbered and block not in ("", "numbered")) or (bullet and block not in ("", "bullet")):
            return None  # a list marker inside another block: lazy continuation rules apply
        if block == "":
            block = "numbered" if numbered else "bullet" if bullet else "text"
        marker = numbered or bullet
        out.append((0, line[marker.end() :] if marker else line))
    return out
