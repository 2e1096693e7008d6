"""`anthology check`: choose the files, run the rules, print a report, set the exit code.

Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings with --strict), 2 a usage
or configuration problem. No input makes it print a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..comments import COMMENTS_DIR, comment_files
from ..contentfiles import symlink_finding, symlinks
from ..corpus import ContentPaths, load_config, post_files
from ..course import Course, load_course
from ..findings import ContentError
from ..model import Post
from ..progress import interactive
from . import git
from .engine import check_all
from .files import image_files, image_findings, in_images
from .formats import FORMATS, Report, sort_key
from .loading import load

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PROGRESS_MIN_FILES = 200  # below this a check is too quick to need a status line
_CONFIG_FILES = ("course.yaml", "tools.yaml")


class UsageError(Exception):
    """A mistake in how the command was called: exit code 2."""


def _markdown_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md") if p.is_file())


def all_files(paths: ContentPaths) -> list[Path]:
    """Every post, then every page, then every comment."""
    pages = _markdown_files(paths.pages) if paths.pages.is_dir() else []
    return post_files(paths) + pages + comment_files(paths.root)


def explicit_files(names: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            files.extend(_markdown_files(path))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{name}: no such file or folder")
    return files


def changed_files(paths: ContentPaths, ref: str) -> tuple[list[Path], frozenset[Path]]:
    """Posts, pages and comments changed since `ref`, and those new in it.

    Everything is checked when the configuration changed.
    """
    try:
        changes = git.changed_since(paths.root, ref)
    except git.GitError as exc:
        raise UsageError(f"--changed-since {ref}: {exc}") from None
    root = paths.root.resolve()
    config = {(root / name) for name in _CONFIG_FILES}
    if any(f in config or f.is_relative_to(root / "prior") for f in changes.files):
        return all_files(paths), frozenset(changes.added)
    folders = [paths.posts.resolve(), paths.pages.resolve(), root / COMMENTS_DIR]
    wanted = [
        f
        for f in changes.files
        if f.suffix == ".md" and f.is_file() and any(f.is_relative_to(d) for d in folders)
    ]
    return wanted, frozenset(changes.added)


def changed_images(paths: ContentPaths, ref: str) -> list[Path]:
    """Files under content/images/ added or changed since `ref` (committed or not)."""
    try:
        changes = git.changed_since(paths.root, ref)
    except git.GitError as exc:
        raise UsageError(f"--changed-since {ref}: {exc}") from None
    return [f for f in changes.files if f.is_file() and in_images(paths, f)]


def _print_content_error(exc: ContentError) -> None:
    for finding in exc.findings:
        print(
            f"{finding.location()}: error: {finding.message} [{finding.rule}]\n"
            f"    fix: {finding.fix}",
            file=sys.stderr,
        )


def run_check(args: argparse.Namespace) -> int:
    """Run `anthology check` with parsed arguments; return the exit code."""
    try:
        return _run(args)
    except UsageError as exc:
        print(f"anthology check: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        _print_content_error(exc)
        return EXIT_USAGE
    except Exception as exc:  # the last line of "never a traceback"
        print(f"anthology check: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    root = Path(args.content)
    if not (root / "course.yaml").is_file():
        raise UsageError(f"{root}/course.yaml not found; pass --content with the content folder")
    links = symlinks(root)
    if links:
        return _refuse_links(args, root, links)
    paths, course, registry = load_config(root)
    names = list(getattr(args, "paths", None) or [])
    since = getattr(args, "changed_since", None)
    in_pull_request: frozenset[Path] = frozenset()
    if names and since:
        raise UsageError("give either paths or --changed-since, not both")
    if since:
        targets, in_pull_request = changed_files(paths, since)
        images = changed_images(paths, since)
    elif names:
        images = [Path(n) for n in names if Path(n).is_file() and in_images(paths, Path(n))]
        targets = [f for f in explicit_files(names) if f.suffix == ".md" or f not in images]
    else:
        targets = all_files(paths)
        images = image_files(paths)
    _gate, contexts = load(
        paths, course, registry, targets, in_pull_request=in_pull_request, base=since
    )
    if interactive() and len(contexts) >= PROGRESS_MIN_FILES:
        print(f"Checking {len(contexts)} files…", file=sys.stderr, flush=True)
    findings = check_all(contexts) + image_findings(paths, course, images)
    report = Report(
        sorted(set(findings), key=sort_key),
        len(contexts),
        course,
        strict=bool(getattr(args, "strict", False)),
    )
    chosen = getattr(args, "format", None) or "text"
    output = FORMATS[chosen](report)
    drafts = [ctx.post for ctx in contexts if ctx.post is not None and ctx.post.status == "draft"]
    if chosen == "text" and len(drafts) == 1:
        output += "\n" + publish_reminder(course, drafts[0])
    elif chosen == "text" and drafts:
        output += f"\n{len(drafts)} drafts: " + publish_reminder(course, drafts[0])
    _emit(output)
    return EXIT_FINDINGS if report.failed else EXIT_OK


def _refuse_links(args: argparse.Namespace, root: Path, links: list[Path]) -> int:
    """Report symbolic links before any content is read: a link may point anywhere."""
    findings = [symlink_finding(link, root) for link in links]
    course_file = root / "course.yaml"
    if course_file.is_symlink():
        # Not even course.yaml may be read; the findings go out as plain text.
        _print_content_error(ContentError(findings))
        return EXIT_FINDINGS
    report = Report(findings, 0, load_course(course_file))
    _emit(FORMATS[getattr(args, "format", None) or "text"](report))
    return EXIT_FINDINGS


def publish_reminder(course: Course, post: Post) -> str:
    """One line after checking a draft: what `status: published` will require."""
    option = course.find_option(post.option or "") or (
        course.options[0] if course.options else None
    )
    shown = [f"{s.name} ({s.min_words}+ words)" for s in option.sections] if option else []
    covered = ", `added_value`" if post.previously_covered else ""
    return (
        "Draft: when it is ready, set `status: published`; the check then requires every "
        f"section ({'; '.join(shown) or 'see course.yaml'}), examples from the scenario, "
        f"an `evidence` link{covered}, and the warnings above about them become errors."
    )


def _emit(output: str) -> None:
    """Print the report; a reader that stops early (e.g. `| head`) is not an error."""
    try:
        print(output, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
