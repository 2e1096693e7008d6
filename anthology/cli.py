"""The `anthology` command line: check, import-prior, new, claim, linkrot, rollover, schema,
report."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .findings import ContentError

if TYPE_CHECKING:
    from .importer import ImportReport

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_OFFLINE = 3  # `linkrot`: the network is down, nothing was checked or written


class UsageError(Exception):
    """A command-line or configuration mistake: exit code 2."""


def _content_root(value: str) -> Path:
    root = Path(value)
    if not (root / "course.yaml").is_file():
        raise UsageError(
            f"{root}/course.yaml not found: pass --content pointing at the content folder"
        )
    return root


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _print_import(shown: str, report: ImportReport) -> None:
    print(
        f"{shown}: {report.total} posts ({report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged)"
    )
    for label, count in sorted(report.elsewhere.items()):
        print(f"{count} already in {label} (kept there; an earlier post belongs to one semester)")
    for line in report.skipped:
        print(f"skipped {line}", file=sys.stderr)
    for line in report.unknown_tools:
        print(f"unknown tool {line}", file=sys.stderr)


def _import_csv(args: argparse.Namespace, root: Path, source: Path) -> int:
    from .corpus import load_config
    from .importer_csv import CsvImportError, header_names, import_claims, read_claims

    paths, course, registry = load_config(root)
    try:
        rows = read_claims(source, header_names(course), args.semester)
    except CsvImportError as exc:
        raise UsageError(str(exc)) from None
    reports, skipped = import_claims(
        rows, source=source.name, prior_dir=paths.prior, registry=registry
    )
    for report in reports:
        _print_import(paths.shown(report.catalog), report)
    for line in skipped:
        print(f"skipped {line}", file=sys.stderr)
    if not reports:
        print(f"{source}: no row with a usable link; nothing imported", file=sys.stderr)
    failed = bool(skipped) or not reports or any(r.skipped for r in reports)
    return EXIT_FINDINGS if failed else EXIT_OK


def cmd_import_prior(args: argparse.Namespace) -> int:
    from .corpus import load_config
    from .importer import find_links, import_links, most_links_in_a_block

    root = _content_root(args.content)
    source = Path(args.handout)
    if (args.format or ("csv" if source.suffix.lower() == ".csv" else "markdown")) == "csv":
        return _import_csv(args, root, source)
    if not args.semester:
        raise UsageError(f"{source}: --semester is required for a Markdown handout")
    paths, _course, registry = load_config(root)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{source}: cannot read the handout ({exc})") from None
    links = find_links(text, min_links=args.min_links)
    if not links:
        raise UsageError(
            f"{source}: no list of earlier posts found (the most [name](url) links in one "
            f"paragraph or list is {most_links_in_a_block(text)}; a catalog has at least "
            f"{args.min_links}, or is a Markdown list whose items start with a link); "
            "nothing was written. Pass the handout's file, or --min-links N for a short list."
        )
    report = import_links(
        links, semester=args.semester, source=source.name, prior_dir=paths.prior, registry=registry
    )
    _print_import(paths.shown(report.catalog), report)
    return EXIT_FINDINGS if report.skipped else EXIT_OK


def cmd_enrich_prior(args: argparse.Namespace) -> int:
    from .corpus import load_config
    from .enrich import PoliteFetcher, enrich_catalog

    if args.delay < 0 or args.timeout <= 0:
        raise UsageError("--delay must be 0 or more and --timeout more than 0 seconds")
    paths, _course, registry = load_config(_content_root(args.content))
    files = sorted(paths.prior.glob("*.yaml")) if paths.prior.is_dir() else []
    if not files:
        raise UsageError(f"{paths.shown(paths.prior)}: no catalog files; run import-prior first")
    fetcher = PoliteFetcher(Path(args.cache_dir), delay=args.delay, timeout=args.timeout)
    updated = failed = unchanged = 0
    for path in files:
        report = enrich_catalog(path, paths.shown(path), fetcher.get, registry)
        for line in report.updated:
            print(f"updated {line}")
        for line in report.failed:
            print(f"not read {line}", file=sys.stderr)
        updated += len(report.updated)
        failed += len(report.failed)
        unchanged += report.unchanged
    print(f"{updated} updated, {unchanged} unchanged, {failed} not read")
    return EXIT_OK


def cmd_linkrot(args: argparse.Namespace) -> int:
    from .linkrot.command import LinkRotError, Offline, run_linkrot

    try:
        return run_linkrot(
            _content_root(args.content),
            report_dir=Path(args.report_dir),
            cache_dir=Path(args.cache_dir),
            record_status=args.record,
        )
    except Offline as exc:
        print(f"anthology linkrot: {exc}", file=sys.stderr)
        return EXIT_OFFLINE
    except LinkRotError as exc:
        raise UsageError(str(exc)) from None


def cmd_rollover(args: argparse.Namespace) -> int:
    from .rollover import RolloverError, apply_rollover, plan_rollover

    root = _content_root(args.content)
    try:
        plan = plan_rollover(root, args.to, args.label)
        apply_rollover(plan, root.parent, sys.stdout, dry_run=args.dry_run)
    except RolloverError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"rollover stopped: {exc}") from None
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .corpus import load_config
    from .schema import json_schema

    _paths, course, _registry = load_config(_content_root(args.content))
    print(json.dumps(json_schema(course), indent=2))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .gate.command import run_check

    return run_check(args)


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import scaffold_post

    return scaffold_post(args, claim_only=False)


def cmd_claim(args: argparse.Namespace) -> int:
    from .scaffold import scaffold_post

    return scaffold_post(args, claim_only=True)


def cmd_report(args: argparse.Namespace) -> int:
    from .report.command import run_report

    return run_report(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anthology", description=__doc__)
    parser.add_argument("--version", action="version", version=f"anthology {__version__}")
    parser.add_argument("--content", default="content", help="content folder (default: content)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check posts and comments; report what to fix")
    check.add_argument("paths", nargs="*", help="files or folders to check (default: all)")
    check.add_argument(
        "--changed-since", metavar="REF", help="check only posts changed since this git ref"
    )
    check.add_argument("--format", choices=["text", "github", "json", "markdown"], default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument(
        "--explain",
        action="store_true",
        help="print which headings and paragraphs serve each required section, and why",
    )
    check.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the check date that post dates are compared with (default: today)",
    )
    check.add_argument(
        "--instructor",
        action="store_true",
        help="with --changed-since: an instructor's pull request, which may change any file "
        "and is judged by its own course.yaml and tools.yaml",
    )
    check.add_argument(
        "--pr-author",
        metavar="LOGIN",
        help="with --changed-since: the GitHub account that opened the pull request; files "
        "whose authors name their GitHub account may be changed only by it",
    )
    check.set_defaults(handler=cmd_check)

    importer = commands.add_parser(
        "import-prior", help="import earlier semesters' post links from a handout"
    )
    importer.add_argument(
        "handout", help="Markdown file with [Tool](url) links, or a CSV export of claims"
    )
    importer.add_argument(
        "--semester", help='label, e.g. "2020-2022" (a CSV semester column overrides it)'
    )
    importer.add_argument(
        "--format", choices=["markdown", "csv"], help="input format (default: from the suffix)"
    )
    importer.add_argument(
        "--min-links",
        type=int,
        default=5,
        help="a block with at least this many links is the catalog (default 5)",
    )
    importer.set_defaults(handler=cmd_import_prior)

    for name, helptext, handler in (
        ("new", "scaffold a post with front matter and sections", cmd_new),
        ("claim", "claim a tool with a stub post", cmd_claim),
    ):
        sub = commands.add_parser(name, help=helptext)
        sub.add_argument(
            "--tool",
            help="the tool (or 'A and B' for a combination); not needed for an option "
            "without a tool",
        )
        sub.add_argument("--author-id", required=True, help="your course id")
        sub.add_argument("--name", required=True, help="your full name")
        sub.add_argument("--category", help="category id (default: the tool's category)")
        sub.add_argument("--title", help="post title")
        sub.add_argument("--option", help="assignment option id (default: the first)")
        sub.add_argument(
            "--new-tool",
            action="store_true",
            help="the tool is new, not a misspelling of a known or earlier-covered tool",
        )
        sub.set_defaults(handler=handler)

    enrich = commands.add_parser(
        "enrich-prior",
        help="read earlier posts' pages (online) for title, summary, author and date",
    )
    enrich.add_argument(
        "--cache-dir", default=".cache/enrich", help="where fetched pages are cached"
    )
    enrich.add_argument(
        "--delay", type=float, default=2.0, help="seconds between requests to one host"
    )
    enrich.add_argument("--timeout", type=float, default=15.0, help="seconds per request")
    enrich.set_defaults(handler=cmd_enrich_prior)

    linkrot = commands.add_parser(
        "linkrot",
        help="check external links of prior posts and evidence; report dead ones "
        "(exit 0 none dead, 1 dead links, 2 usage, 3 network down: nothing written)",
    )
    linkrot.add_argument(
        "--record", action="store_true", help="also write content/link-status.yaml for the site"
    )
    linkrot.add_argument("--report-dir", default="reports", help="default: reports")
    linkrot.add_argument(
        "--cache-dir", default=".cache/linkcheck", help="default: .cache/linkcheck"
    )
    linkrot.set_defaults(handler=cmd_linkrot)

    rollover = commands.add_parser(
        "rollover", help="start a new semester; remove claims and drafts never published"
    )
    rollover.add_argument("--to", required=True, metavar="ID", help="new semester id, e.g. S2027")
    rollover.add_argument("--label", help='shown name (default from the id, e.g. "Spring 2027")')
    rollover.add_argument("--dry-run", action="store_true", help="only list what would change")
    rollover.set_defaults(handler=cmd_rollover)

    schema = commands.add_parser("schema", help="print the JSON Schema of post front matter")
    schema.set_defaults(handler=cmd_schema)

    report = commands.add_parser(
        "report", help="write the private gradebook (CSV and HTML) outside the site"
    )
    report.add_argument(
        "--roster", metavar="FILE", help="class roster CSV (default: `roster.file` in course.yaml)"
    )
    report.add_argument(
        "--out", metavar="FOLDER", help="where to write gradebook.csv/.html (default: reports)"
    )
    report.set_defaults(handler=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except UsageError as exc:
        print(f"anthology: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        for finding in exc.findings:
            print(
                f"{finding.location()}: error: {finding.message} [{finding.rule}]\n"
                f"  fix: {finding.fix}",
                file=sys.stderr,
            )
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
