"""The `anthology` command line: check, import-prior, new, claim, schema."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .findings import ContentError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command-line or configuration mistake: exit code 2."""


def _content_root(value: str) -> Path:
    root = Path(value)
    if not (root / "course.yaml").is_file():
        raise UsageError(
            f"{root}/course.yaml not found: pass --content pointing at the content folder"
        )
    return root


def cmd_import_prior(args: argparse.Namespace) -> int:
    from .corpus import load_config
    from .importer import find_links, import_links

    root = _content_root(args.content)
    paths, _course, registry = load_config(root)
    source = Path(args.handout)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{source}: cannot read the handout ({exc})") from None
    links = find_links(text, min_links=args.min_links)
    if not links:
        print(f"{source}: no [name](url) links found; nothing imported", file=sys.stderr)
        return EXIT_FINDINGS
    report = import_links(
        links, semester=args.semester, source=source.name, prior_dir=paths.prior, registry=registry
    )
    shown = paths.shown(report.catalog)
    print(
        f"{shown}: {report.total} posts ({report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged)"
    )
    for line in report.skipped:
        print(f"skipped {line}", file=sys.stderr)
    for line in report.unknown_tools:
        print(f"unknown tool {line}", file=sys.stderr)
    return EXIT_FINDINGS if report.skipped else EXIT_OK


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anthology", description=__doc__)
    parser.add_argument("--version", action="version", version=f"anthology {__version__}")
    parser.add_argument("--content", default="content", help="content folder (default: content)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check posts and report what to fix")
    check.add_argument("paths", nargs="*", help="posts or folders to check (default: all)")
    check.add_argument(
        "--changed-since", metavar="REF", help="check only posts changed since this git ref"
    )
    check.add_argument("--format", choices=["text", "github", "json", "markdown"], default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.set_defaults(handler=cmd_check)

    importer = commands.add_parser(
        "import-prior", help="import earlier semesters' post links from a handout"
    )
    importer.add_argument("handout", help="Markdown file with a list of [Tool](url) links")
    importer.add_argument("--semester", required=True, help='label, e.g. "2020-2022"')
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
        sub.add_argument("--tool", required=True, help="the tool (or 'A and B' for a combination)")
        sub.add_argument("--author-id", required=True, help="your course id")
        sub.add_argument("--name", required=True, help="your full name")
        sub.add_argument("--category", help="category id (default: the tool's category)")
        sub.add_argument("--title", help="post title")
        sub.add_argument("--option", help="assignment option id (default: the first)")
        sub.set_defaults(handler=handler)

    schema = commands.add_parser("schema", help="print the JSON Schema of post front matter")
    schema.set_defaults(handler=cmd_schema)
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
