"""`anthology new` and `anthology claim`: write a post skeleton (or a claim stub) for a tool.

The tool is checked before anything is written: a tool already claimed this semester is
refused, and a tool covered in an earlier semester is marked so, with the earlier posts
listed. Files are never overwritten.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .corpus import ContentPaths, load_config
from .course import Course, Option, Section
from .frontmatter import split
from .gate.claims import authors_of, claimants, earlier_posts, since
from .gate.loading import load_around
from .gate.vocabulary import stems, vocabulary
from .importer import write_atomically
from .model import Post
from .prior import load_catalog
from .tools import Tool, ToolRegistry, normalize, slugify

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class ScaffoldError(Exception):
    """A reason not to write the post, with the exit code to return."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Plan:
    """Everything the new file says."""

    title: str
    author_name: str
    author_id: str
    semester: str
    tools: tuple[Tool, ...]
    category: str
    option: Option
    covered: bool
    claim_only: bool
    min_added_words: int


# The scaffold says in the file itself when and how to publish.
DRAFT_STATUS = "status: draft  # when `anthology check` on this file shows 0 errors: published"
INTRO = "<!-- One or two sentences: what the tool is and why a reader should care. -->"


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _close_earlier_names(paths: ContentPaths, registry: ToolRegistry, name: str) -> list[str]:
    """Names of earlier posts' tools not in the registry that are close to `name`."""
    try:
        earlier = load_catalog(paths.prior, registry, paths.root.parent)
    except Exception:  # a broken catalog is the gate's and the build's to report
        return []
    names = {normalize(t.name): t.name for p in earlier for t in p.tools if not t.registered}
    key = normalize(name)
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.8)
    return [names[match] for match in close if match != key]


def resolve_tools(
    registry: ToolRegistry,
    written: str,
    paths: ContentPaths | None = None,
    new_tool: bool = False,
) -> tuple[Tool, ...]:
    """The tools a written name means.

    A name the registry does not know but that is close to a known tool (or to an earlier
    post's tool) is refused with the suggestion, unless `new_tool` says it really is new.
    """
    if not written.strip():
        raise ScaffoldError("--tool is missing or empty: name the tool you want to write about")
    resolution = registry.resolve(written)
    tools = list(resolution.tools)
    for name in resolution.unknown:
        close = [t.name for t in registry.suggest(name)]
        close += _close_earlier_names(paths, registry, name) if paths is not None else []
        close = list(dict.fromkeys(close))
        if close and not new_tool:
            choices = " or ".join(f"--tool {_quote(c)}" for c in close)
            raise ScaffoldError(
                f"{name!r} is not a known tool, but close to {' or '.join(close)}. "
                f"Did you mean {choices}? If {name!r} really is another tool, "
                "pass --new-tool (and add it to content/tools.yaml in your pull request).",
                EXIT_REFUSED,
            )
        print(
            f"note: {name!r} is not in content/tools.yaml; add it there in your pull request "
            "if it is a new tool.",
            file=sys.stderr,
        )
        tools.append(registry.unregistered(name))
    if not tools:
        raise ScaffoldError("--tool is missing or empty: name the tool you want to write about")
    return tuple(dict.fromkeys(tools))


def choose_category(course: Course, wanted: str | None, tools: tuple[Tool, ...]) -> str:
    """The category asked for, else the first tool's category from the registry."""
    choices = ", ".join(c.id for c in course.categories)
    if wanted:
        category = course.find_category(wanted)
        if category is None:
            raise ScaffoldError(f"unknown category {wanted!r}; use one of: {choices}")
        return category.id
    for tool in tools:
        if tool.category and course.find_category(tool.category):
            return tool.category
    raise ScaffoldError(
        f"the registry gives no category for this tool; pass --category (one of: {choices})"
    )


def choose_option(course: Course, wanted: str | None) -> Option:
    option = (
        course.find_option(wanted) if wanted else (course.options[0] if course.options else None)
    )
    if option is None:
        raise ScaffoldError(
            f"unknown option {wanted!r}; use one of: " + ", ".join(o.id for o in course.options)
        )
    return option


def _front_matter(plan: Plan) -> list[str]:
    names = [tool.name for tool in plan.tools]
    tool = _quote(names[0]) if len(names) == 1 else "[" + ", ".join(map(_quote, names)) + "]"
    tool_line = [f"tool: {tool}"] if names else []  # options without a tool have none
    lines = [
        "---",
        f"title: {_quote(plan.title)}",
        "authors:",
        f"  - name: {_quote(plan.author_name)}",
        f"    id: {_quote(plan.author_id)}",
        f"semester: {plan.semester}",
        *tool_line,
        f"category: {plan.category}",
        f"option: {plan.option.id}",
        f"previously_covered: {'true' if plan.covered else 'false'}",
    ]
    if plan.covered:
        lines += [
            "# added_value: >-",
            "#   What your post adds to the earlier posts on this tool (other features,",
            f"#   another use, what changed since); at least {plan.min_added_words} words.",
        ]
    if not plan.claim_only:
        lines += [
            "evidence:",
            "  # - https://github.com/you/repository-where-you-tried-the-tool",
            "format: article",
        ]
    lines += [
        "status: claimed" if plan.claim_only else DRAFT_STATUS,
        f"date: {date.today().isoformat()}",
    ]
    unmatched = [s for s in plan.option.sections if not vocabulary(s.keywords).find(stems(s.name))]
    if unmatched and not plan.claim_only:
        lines.append("sections:")
        lines += [f"  {s.id}: {_quote(s.name)}" for s in unmatched]
    return [*lines, "---"]


def _prompt(section: Section, option: Option) -> str:
    words = f"at least {section.min_words} words" if section.min_words else "a few paragraphs"
    if section.scenario_required and option.scenario_keywords:
        hint = ", ".join(option.scenario_keywords[:4])
        return f"<!-- Write {words}, with examples from the course scenario ({hint}, ...). -->"
    return f"<!-- Write {words}. -->"


def render(plan: Plan) -> str:
    """The text of the new file."""
    lines = _front_matter(plan)
    if not plan.claim_only:
        lines += [
            "",
            INTRO,
        ]
        for section in plan.option.sections:
            lines += ["", f"## {section.name}", "", _prompt(section, plan.option)]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class ClaimCheck:
    """What the claim check found: the author's own claim to turn into a post, earlier posts."""

    own: Post | None
    earlier: list[str]


def _check_claim(
    plan: Plan, paths: ContentPaths, course: Course, registry: ToolRegistry
) -> ClaimCheck:
    """Refuse a tool set held by another post; find the author's own claim and earlier posts."""
    key = frozenset(tool.slug for tool in plan.tools)
    if not key:
        return ClaimCheck(None, [])  # an option without a tool has nothing to claim
    gate = load_around(paths, course, registry, key)
    names = " + ".join(tool.name for tool in plan.tools)
    for other in claimants(key, plan.semester, gate):
        if plan.author_id in {author.id for author in other.authors}:
            if plan.claim_only or other.status != "claimed":
                what = "your claim" if other.status == "claimed" else f"your {other.status} post"
                raise ScaffoldError(
                    f"you already have {names} in {other.path} ({what}); "
                    + (
                        "nothing to do"
                        if plan.claim_only
                        else "keep writing there, then run `anthology check " + other.path + "`"
                    ),
                    EXIT_REFUSED,
                )
            earlier, _total = earlier_posts(key, plan.semester, gate)
            return ClaimCheck(other, [f"{e.label}: {e.link}" for e in earlier])
        raise ScaffoldError(
            f"{names} is already claimed this semester by {other.path} ({authors_of(other)}, "
            f"{since(other, gate)}); pick another tool",
            EXIT_REFUSED,
        )
    earlier, _total = earlier_posts(key, plan.semester, gate)
    return ClaimCheck(None, [f"{e.label}: {e.link}" for e in earlier])


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def draft_from_claim(text: str, plan: Plan) -> str:
    """A claim stub's text turned into a draft: its front matter kept (status set to
    `draft`, the fields a post adds appended), then every required section heading the
    body does not have yet.
    """
    doc = split(text)
    if doc.front_matter is None or not doc.closed:
        raise ScaffoldError("the claim has no closed front matter; fix it, then run again")
    front = doc.front_matter.split("\n")
    keys = {m.group(1) for line in front if (m := _TOP_KEY.match(line))}
    front = [
        DRAFT_STATUS if (m := _TOP_KEY.match(line)) and m.group(1) == "status" else line
        for line in front
    ]
    draft = _front_matter(replace(plan, claim_only=False))
    added: list[str] = []
    taking = False
    for line in draft[1:-1]:
        match = _TOP_KEY.match(line)
        current = match.group(1) if match else None
        if current is not None:
            taking = current not in keys and current not in {"status", "date"}
        if current is None and line.startswith("#"):
            continue  # comments of the new front matter (added_value) come with the claim
        if taking:
            added.append(line)
    if "status" not in keys:
        added.append(DRAFT_STATUS)
    body = doc.body.strip("\n")
    present = [m.group(1) for line in body.split("\n") if (m := _HEADING.match(line.strip()))]
    missing = [
        section
        for section in plan.option.sections
        if not any(vocabulary(section.keywords).find(stems(heading)) for heading in present)
    ]
    lines = ["---", *front, *added, "---"]
    if body:
        lines += ["", body]
    else:
        lines += [
            "",
            INTRO,
        ]
    for section in missing:
        lines += ["", f"## {section.name}", "", _prompt(section, plan.option)]
    return "\n".join(lines) + "\n"


def _slug(args: argparse.Namespace, tools: tuple[Tool, ...]) -> str:
    if args.title:
        return slugify(args.title)
    subject = "-".join(tool.slug for tool in tools) or slugify(args.option or "post")
    return slugify(args.author_id) + "-" + subject


def _plan(
    args: argparse.Namespace,
    claim_only: bool,
    course: Course,
    registry: ToolRegistry,
    paths: ContentPaths,
) -> Plan:
    option = choose_option(course, args.option)
    if option.needs_tool or args.tool:
        tools = resolve_tools(
            registry, args.tool or "", paths, bool(getattr(args, "new_tool", False))
        )
    elif claim_only:
        raise ScaffoldError(f"option {option.id!r} covers no tool, so there is nothing to claim")
    else:
        tools = ()
    names = " and ".join(tool.name for tool in tools) or option.name
    title = args.title or (f"Claimed: {names}" if claim_only else f"{names}: working title")
    return Plan(
        title=title,
        author_name=args.name.strip(),
        author_id=args.author_id.strip(),
        semester=course.semester,
        tools=tools,
        category=choose_category(course, args.category, tools),
        option=option,
        covered=False,
        claim_only=claim_only,
        min_added_words=int(
            course.setting("previously_covered", "min_added_value_words", default=30)
        ),
    )


def _next_steps(shown: str, plan: Plan) -> str:
    return (
        f"Next: write the sections and add your `evidence` link; preview with "
        f"`invoke livereload` (drafts show there, marked “draft”); run `anthology check "
        f"{shown}` until it reports no errors; then set `status: published` and open your "
        "pull request."
    )


def scaffold_post(args: argparse.Namespace, claim_only: bool) -> int:
    """Write `content/posts/<semester>/<slug>.md` (or turn the author's claim into a draft);
    return the exit code."""
    root = Path(args.content)
    try:
        if not (args.author_id or "").strip() or not (args.name or "").strip():
            raise ScaffoldError(
                "--author-id and --name must not be empty, e.g. "
                '--tool "Great Expectations" --author-id jdoe --name "Jordan Doe"'
            )
        paths, course, registry = load_config(root)
        plan = _plan(args, claim_only, course, registry, paths)
        found = _check_claim(plan, paths, course, registry)
        if found.own is not None:
            claimed = paths.root.parent / found.own.path
            option = course.find_option(found.own.option or "") or plan.option
            plan = replace(plan, option=option, covered=bool(found.earlier))
            text = draft_from_claim(claimed.read_text(encoding="utf-8"), plan)
            write_atomically(claimed, text)
            print(f"Turned your claim {found.own.path} into a draft with the section headings.")
            print(_next_steps(found.own.path, plan))
            return EXIT_OK
        target = paths.posts / plan.semester / f"{_slug(args, plan.tools)}.md"
        if target.exists():
            raise ScaffoldError(
                f"{paths.shown(target)} already exists; it was not overwritten "
                "(pass another --title to choose another file name)",
                EXIT_REFUSED,
            )
    except ScaffoldError as problem:
        print(f"anthology: error: {problem}", file=sys.stderr)
        return problem.code
    if found.earlier:
        plan = replace(plan, covered=True)
        print("This tool was covered before; explain in `added_value` what your post adds to:")
        for line in found.earlier:
            print(f"  - {line}")
    write_atomically(target, render(plan))
    print(f"Wrote {paths.shown(target)}")
    if claim_only and plan.covered:
        print(
            "Next: open a pull request with only this file to claim the tool; before you "
            f"publish, write `added_value` ({plan.min_added_words}+ words; the check reminds you)."
        )
    elif claim_only:
        print(
            "Next: open a pull request with only this file to claim the tool. Once it is "
            "merged, run `anthology new` with the same --tool to turn it into your draft."
        )
    else:
        print(_next_steps(paths.shown(target), plan))
    return EXIT_OK
