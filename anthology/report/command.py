"""`anthology report`: the gradebook CSV and HTML, written outside the published site.

Exit codes: 0 written, 2 a usage, configuration or roster problem (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ..corpus import ContentPaths, load_config
from ..findings import ContentError
from .config import ReportConfig, report_config
from .csvout import to_csv
from .errors import ReportError
from .htmlout import to_html
from .output import check_folder, write_all
from .roster import Student, read_roster
from .rows import build_table, status_counts
from .sources import gather

EXIT_OK, EXIT_USAGE = 0, 2
CSV_NAME, HTML_NAME = "gradebook.csv", "gradebook.html"
DEFAULT_FOLDER = "reports"


def _roster(
    args: argparse.Namespace, config: ReportConfig, paths: ContentPaths
) -> tuple[list[Student] | None, str]:
    """The roster's students (None without a roster) and a note saying where they came from."""
    settings = config.roster
    repository = paths.root.resolve().parent
    if getattr(args, "roster", None):
        path, shown = Path(args.roster), str(args.roster)
    elif settings.file:
        path, shown = repository / settings.file, settings.file
        if not path.is_file():
            return None, (
                f"no roster found at {shown} (`roster.file` in course.yaml): the “on roster” "
                "column is empty and only students with a post or comment are listed; "
                "pass --roster FILE to use one"
            )
    else:
        return None, (
            "no roster configured (`roster.file` in course.yaml): the “on roster” column is "
            "empty and only students with a post or comment are listed"
        )
    if path.resolve().is_relative_to(paths.root.resolve()):
        raise ReportError(
            f"{shown}: the roster is inside the content folder, which is committed and "
            "published; move it to private/roster.csv (not committed) and point "
            "`roster: {file: ...}` in course.yaml or --roster at it"
        )
    students = read_roster(path, shown, settings.id_header, settings.name_header)
    return students, f"roster used: {shown} ({len(students)} students)"


def _run(args: argparse.Namespace) -> int:
    root = Path(args.content)
    if not (root / "course.yaml").is_file():
        raise ReportError(f"{root}/course.yaml not found; pass --content with the content folder")
    paths, course, _registry = load_config(root)
    config = report_config(course, paths.course, paths.shown(paths.course))
    repository = paths.root.resolve().parent
    folder = Path(args.out) if getattr(args, "out", None) else repository / DEFAULT_FOLDER
    check_folder(folder, repository, paths.root, (CSV_NAME, HTML_NAME))
    students, roster_note = _roster(args, config, paths)
    table = build_table(gather(root), config, students)
    table.notes.append(roster_note)
    now = datetime.now(config.timezone).strftime("%Y-%m-%d %H:%M")
    generated = f"Generated {now} from {paths.shown(paths.root)}/ by `anthology report`."
    written = write_all(folder, {CSV_NAME: to_csv(table), HTML_NAME: to_html(table, generated)})
    shown = " and ".join(str(path) for path in written)
    print(f"wrote {shown}: {status_counts(table.rows)}")
    for note in table.notes[1:]:  # the roster used (or none), the on-time basis, bulk imports
        if note != status_counts(table.rows) and not note.startswith("Rubric cells"):
            print(f"  {note}")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    """Run `anthology report` with parsed arguments; return the exit code."""
    try:
        return _run(args)
    except ReportError as exc:
        print(f"anthology report: error: {exc}", file=sys.stderr)
    except ContentError as exc:
        for finding in exc.findings:
            print(
                f"{finding.location()}: error: {finding.message} [{finding.rule}]\n"
                f"    fix: {finding.fix}",
                file=sys.stderr,
            )
    except Exception as exc:  # the last line of "never a traceback"
        print(f"anthology report: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
    return EXIT_USAGE
