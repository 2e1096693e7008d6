"""Read content files defensively: size limits, encoding and binary detection."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .findings import Finding, error

DEFAULT_MAX_BYTES = 200_000


@dataclass(frozen=True)
class TextFile:
    """A content file read as text, or the finding that says why it could not be."""

    text: str | None
    finding: Finding | None = None


def read_text(path: Path, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> TextFile:
    """Read UTF-8 text; refuse oversized, binary and non-UTF-8 files with a finding."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return TextFile(
                None,
                error(
                    "file-size",
                    shown,
                    None,
                    f"the file is {size:,} bytes; the limit is {max_bytes:,}",
                    "Shorten the post or move large data to your evidence repository.",
                ),
            )
        data = path.read_bytes()
    except OSError as exc:
        return TextFile(
            None,
            error(
                "file-unreadable",
                shown,
                None,
                f"cannot read the file: {exc.strerror or exc}",
                "Check the file exists and is readable.",
            ),
        )
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        return TextFile(
            None,
            error(
                "file-encoding",
                shown,
                line,
                "the file is binary, not Markdown text",
                "Save the post as plain UTF-8 Markdown text.",
            ),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return TextFile(
            None,
            error(
                "file-encoding",
                shown,
                line,
                f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} at line {line})",
                "Re-save the file with UTF-8 encoding in your editor.",
            ),
        )
    return TextFile(text.replace("\r\n", "\n").replace("\r", "\n"))
