"""Where the report may be written, and writing it all or nothing."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..gate.git import toplevel
from .errors import ReportError

SITE_OUTPUT = "output"
THEME = "theme"
_ADVICE = "Use a folder such as reports/ (ignored by git, never published)."


def check_folder(folder: Path, repository: Path, content: Path, names: Iterable[str]) -> None:
    """Refuse a folder the site is built from or into, or one whose files git would commit.

    Inside a git work tree every file to be written must be ignored (`git check-ignore`);
    a folder outside the work tree can be neither committed nor published.
    """
    target = folder.resolve()
    for name, forbidden in (
        ("the content folder, which is committed and published", content.resolve()),
        ("the theme, which is committed and published", (repository / THEME).resolve()),
        ("the site output, which is published", (repository / SITE_OUTPUT).resolve()),
    ):
        if target == forbidden or target.is_relative_to(forbidden):
            raise ReportError(f"--out {folder}: inside {name}; the gradebook is private. {_ADVICE}")
    top = toplevel(repository)
    if top is None or not target.is_relative_to(top):
        return
    for name in names:
        relative = (target / name).relative_to(top).as_posix()
        try:
            done = subprocess.run(
                ["git", "-C", str(top), "check-ignore", "-q", "--", relative],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise ReportError(
                f"--out {folder}: cannot ask git whether it is ignored ({exc})"
            ) from None
        if done.returncode == 1:
            raise ReportError(
                f"--out {folder}: git does not ignore {relative}, so the private gradebook "
                f"could be committed (and published). {_ADVICE} Or add the folder to .gitignore."
            )
        if done.returncode != 0:
            raise ReportError(
                f"--out {folder}: cannot ask git whether it is ignored: {done.stderr.strip()}"
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
