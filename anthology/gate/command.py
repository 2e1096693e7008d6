"""`anthology check`: choose the files, run the rules, print a report, set the exit code.

Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings with --strict), 2 a usage
or configuration problem. No input makes it print a traceback.

With `--changed-since BASE` the branch is a pull request: it is judged by BASE's
configuration (:mod:`.baseconfig`) and may touch only one author's files
(:mod:`.scope`), unless `--instructor` says an instructor opened it.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..collection import fewer_collections
from ..comments import COMMENTS_DIR, comment_files
from ..contentfiles import symlink_finding, symlinks
from ..corpus import ContentPaths, load_config, post_files
from ..course import Course, load_course
from ..findings import ContentError, Finding
from ..model import Post
from ..prior import PriorPost
from ..progress import interactive
from ..tools import ToolRegistry
from . import git
from . import registry as registry_module
from .baseconfig import load_base_config
from .claims import renewed_posts
from .context import TOOL_POST, PostContext
from .engine import check_all
from .explain import explain
from .files import image_files, image_findings, in_images
from .formats import FORMATS, Report, sort_key
from .loading import load
from .pullrequest import PullRequest
from .reading import Reading
from .registry import RegistryReview
from .scope import check_scope, placed_posts

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


def _wanted(paths: ContentPaths, files: list[Path]) -> list[Path]:
    """The posts, pages and comments among `files` that exist (deleted ones are not read)."""
    root = paths.root.resolve()
    folders = [paths.posts.resolve(), paths.pages.resolve(), root / COMMENTS_DIR]
    return [
        f
        for f in files
        if f.suffix == ".md"
        and f.is_file()
        and not f.is_symlink()
        and any(f.is_relative_to(d) for d in folders)
    ]


def changed_files(paths: ContentPaths, pr: PullRequest, *, config_too: bool) -> list[Path]:
    """Posts, pages and comments the pull request changed.

    With `config_too` (an instructor's pull request, judged by its own configuration),
    everything is checked when the configuration changed.
    """
    root = paths.root.resolve()
    present = pr.present
    if config_too:
        config = {(root / name) for name in _CONFIG_FILES}
        if any(f in config or f.is_relative_to(root / "prior") for f in present) or any(
            (pr.absolute(c.old) in config or pr.absolute(c.old).is_relative_to(root / "prior"))
            for c in pr.changes
            if c.old is not None
        ):
            return all_files(paths)
    return _wanted(paths, present)


@dataclass
class Setup:
    """What one check works with: configuration, files, and the pull request's facts."""

    paths: ContentPaths
    course: Course
    registry: ToolRegistry
    targets: list[Path]
    prior: list[PriorPost] | None = None
    pr: PullRequest | None = None
    findings: list[Finding] = field(default_factory=list)
    placed: frozenset[Path] = frozenset()
    images: list[Path] = field(default_factory=list)  # files in content/images/ to check


def _tree_config(root: Path) -> tuple[ContentPaths, Course, ToolRegistry]:
    if not (root / "course.yaml").is_file():
        raise UsageError(f"{root}/course.yaml not found; pass --content with the content folder")
    return load_config(root)


def _pull_request_setup(
    root: Path, ref: str, instructor: bool, pr_author: str | None = None
) -> Setup:
    """A pull request: a student's is judged by the base's configuration, and its scope."""
    try:
        pr = PullRequest.read(root, ref)
    except git.GitError as exc:
        raise UsageError(f"--changed-since {ref}: {exc}") from None
    if instructor:
        paths, course, registry = _tree_config(root)
        images = [f for f in pr.present if f.is_file() and in_images(paths, f)]
        targets = changed_files(paths, pr, config_too=True)
        return Setup(paths, course, registry, targets, pr=pr, images=images)
    base = load_base_config(pr)
    paths = ContentPaths(root)
    tools = paths.tools
    changed = {pr.absolute(n) for c in pr.changes for n in (c.old, c.new) if n is not None}
    review = RegistryReview((), ())
    if tools.resolve() in changed:
        head = tools.read_text(encoding="utf-8", errors="replace") if tools.is_file() else None
        review = registry_module.review(base.tools_text, base.registry, head, paths.shown(tools))
    registry = ToolRegistry([*base.registry.tools, *review.accepted])
    return Setup(
        paths,
        base.course,
        registry,
        changed_files(paths, pr, config_too=False),
        prior=base.prior(registry),
        pr=pr,
        findings=check_scope(pr, root, review, pr_author),
        placed=placed_posts(pr),
        images=[f for f in pr.present if f.is_file() and in_images(paths, f)],
    )


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
        with fewer_collections():
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


def _setup(args: argparse.Namespace) -> Setup:
    root = Path(args.content)
    names = list(getattr(args, "paths", None) or [])
    since = getattr(args, "changed_since", None)
    if names and since:
        raise UsageError("give either paths or --changed-since, not both")
    if since:
        return _pull_request_setup(
            root,
            since,
            bool(getattr(args, "instructor", False)),
            getattr(args, "pr_author", None) or None,
        )
    paths, course, registry = _tree_config(root)
    if names:
        images = [Path(n) for n in names if Path(n).is_file() and in_images(paths, Path(n))]
        targets = [f for f in explicit_files(names) if f.suffix == ".md" or f not in images]
        return Setup(paths, course, registry, targets, images=images)
    return Setup(paths, course, registry, all_files(paths), images=image_files(paths))


def _run(args: argparse.Namespace) -> int:
    links = symlinks(Path(args.content))
    if links:  # before anything is read: a link may point anywhere
        return _refuse_links(args, Path(args.content), links)
    setup = _setup(args)
    pr = setup.pr
    gate, contexts = load(
        setup.paths,
        setup.course,
        setup.registry,
        setup.targets,
        in_pull_request=pr.added if pr else frozenset(),
        base=pr.base if pr else None,
        prior=setup.prior,
        origins=pr.origins if pr else None,
        placed=setup.placed,
    )
    if pr is not None:
        gate.in_pull_request = gate.in_pull_request | renewed_posts(pr, contexts, gate)
    today = getattr(args, "today", None)
    if today is not None:
        gate.today = today
    if interactive() and len(contexts) >= PROGRESS_MIN_FILES:
        print(f"Checking {len(contexts)} files…", file=sys.stderr, flush=True)
    findings = (
        check_all(contexts)
        + setup.findings
        + image_findings(setup.paths, setup.course, setup.images)
    )
    form = getattr(args, "format", None) or "text"
    if getattr(args, "explain", False):
        explained = "\n\n".join(explain(c) for c in contexts if c.kind == TOOL_POST)
        if explained:  # machine-readable formats keep stdout to themselves
            _emit(explained + "\n", sys.stdout if form == "text" else sys.stderr)
    report = Report(
        sorted(set(findings), key=sort_key),
        len(contexts),
        setup.course,
        strict=bool(getattr(args, "strict", False)),
        readings=_readings(contexts) if form == "markdown" else {},
    )
    output = FORMATS[form](report)
    drafts = [ctx.post for ctx in contexts if ctx.post is not None and ctx.post.status == "draft"]
    if form == "text" and len(drafts) == 1:
        output += "\n" + publish_reminder(setup.course, drafts[0])
    elif form == "text" and drafts:
        output += f"\n{len(drafts)} drafts: " + publish_reminder(setup.course, drafts[0])
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


MAPPING_MAX_POSTS = 50  # the summary's section table stays readable (and cheap) up to this


def _readings(contexts: list[PostContext]) -> dict[str, list[Reading]]:
    """How the required sections of each checked post were read, for the summary table."""
    posts = [c for c in contexts if c.kind == TOOL_POST and c.option is not None]
    return {c.shown: c.readings for c in posts[:MAPPING_MAX_POSTS]}


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


def _emit(output: str, stream: TextIO | None = None) -> None:
    """Print; a reader that stops early (e.g. `| head`) is not an error."""
    stream = stream or sys.stdout
    try:
        print(output, file=stream, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
