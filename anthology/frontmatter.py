"""Split a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

from dataclasses import dataclass

DELIMITER = "---"


@dataclass(frozen=True)
class SplitDocument:
    """Front matter text, body text and the file line on which each starts (1-based)."""

    front_matter: str | None
    body: str
    front_matter_line: int
    body_line: int
    closed: bool = True


def split(text: str) -> SplitDocument:
    """Split `text` at the `---` lines that open and close the front matter.

    A file that does not start with `---` has no front matter. A file whose front matter
    is never closed is reported through `closed=False`, with all text after the opening
    line taken as front matter, so callers can say where the problem starts.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != DELIMITER:
        return SplitDocument(None, text, 0, 1)
    for index in range(1, len(lines)):
        stripped = lines[index].rstrip()
        if stripped in (DELIMITER, "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return SplitDocument(front, body, 2, index + 2)
    return SplitDocument("\n".join(lines[1:]), "", 2, len(lines) + 1, closed=False)
