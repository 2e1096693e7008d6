"""Where the report may be written, and writing it all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ReportError

SITE_OUTPUT = "output"


def check_folder(folder: Path, repository: Path, content: Path) -> None:
    """Refuse a folder that is published or committed: the site output or the content."""
    target = folder.resolve()
    for name, forbidden in (
        ("the content folder, which is committed and published", content.resolve()),
        ("the site output, which is published", (repository / SITE_OUTPUT).resolve()),
    ):
        if target == forbidden or target.is_relative_to(forbidden):
            raise ReportError(
                f"--out {folder}: inside {name}; the gradebook is private. "
                "Use a folder such as reports/ (not committed, never published)."
            )


def write_all(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write every file to a temporary name first, then rename them all into place.

    If anything fails before the renames, no file is touched; the temporaries are removed.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from None
    temporaries: dict[Path, str] = {}
    try:
        for name, text in files.items():
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
            temporaries[folder / name] = temporary
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        for target, temporary in temporaries.items():
            os.replace(temporary, target)
    except OSError as exc:
        for temporary in temporaries.values():
            Path(temporary).unlink(missing_ok=True)
        raise ReportError(f"{folder}: cannot write the report ({exc.strerror or exc})") from None
    return list(temporaries)
