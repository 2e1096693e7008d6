"""`anthology new` and `anthology claim`: write a post skeleton (or a claim stub) for a tool.

The tool is checked before anything is written: a tool already claimed this semester is
refused, and a tool covered in an earlier semester is marked so, with the earlier posts
listed. Files are never overwritten.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .corpus import ContentPaths, load_config
from .course import Course, Option, Section
from .gate.claims import authors_of, claimants, earlier_posts, since
from .gate.loading import load_around
from .gate.vocabulary import stems, vocabulary
from .importer import write_atomically
from .tools import Tool, ToolRegistry, slugify

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


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def resolve_tools(registry: ToolRegistry, written: str) -> tuple[Tool, ...]:
    """The tools a written name means; unknown names are kept, with a "did you mean" warning."""
    if not written.strip():
        raise ScaffoldError("--tool is missing or empty: name the tool you want to write about")
    resolution = registry.resolve(written)
    tools = list(resolution.tools)
    for name in resolution.unknown:
        close = registry.suggest(name)
        hint = f" Did you mean {' or '.join(t.name for t in close)}?" if close else ""
        print(
            f"warning: {name!r} is not in content/tools.yaml.{hint} Add it there if it is a "
            "new tool.",
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
        f"status: {'claimed' if plan.claim_only else 'draft'}",
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
            "<!-- One or two sentences: what the tool is and why a reader should care. -->",
        ]
        for section in plan.option.sections:
            lines += ["", f"## {section.name}", "", _prompt(section, plan.option)]
    return "\n".join(lines) + "\n"


def _check_claim(
    plan: Plan, paths: ContentPaths, course: Course, registry: ToolRegistry
) -> list[str]:
    """Refuse a tool set held by another post; return earlier posts' links if covered."""
    key = frozenset(tool.slug for tool in plan.tools)
    if not key:
        return []  # an option without a tool has nothing to claim or to have covered before
    gate = load_around(paths, course, registry, key)
    names = " + ".join(tool.name for tool in plan.tools)
    for other in claimants(key, plan.semester, gate):
        if plan.author_id in {author.id for author in other.authors}:
            raise ScaffoldError(
                f"you already claimed {names} in {other.path}; "
                + (
                    "nothing to do"
                    if plan.claim_only
                    else "turn that file into your post (set `status: draft` and add the sections)"
                ),
                EXIT_REFUSED,
            )
        raise ScaffoldError(
            f"{names} is already claimed this semester by {other.path} ({authors_of(other)}, "
            f"{since(other, gate)}); pick another tool",
            EXIT_REFUSED,
        )
    earlier, _total = earlier_posts(key, plan.semester, gate)
    return [f"{e.label}: {e.link}" for e in earlier]


def _slug(args: argparse.Namespace, tools: tuple[Tool, ...]) -> str:
    if args.title:
        return slugify(args.title)
    subject = "-".join(tool.slug for tool in tools) or slugify(args.option or "post")
    return slugify(args.author_id) + "-" + subject


def _plan(
    args: argparse.Namespace, claim_only: bool, course: Course, registry: ToolRegistry
) -> Plan:
    option = choose_option(course, args.option)
    if option.needs_tool or args.tool:
        tools = resolve_tools(registry, args.tool or "")
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


def scaffold_post(args: argparse.Namespace, claim_only: bool) -> int:
    """Write `content/posts/<semester>/<slug>.md`; return the exit code."""
    root = Path(args.content)
    try:
        if not args.author_id.strip() or not args.name.strip():
            raise ScaffoldError("--author-id and --name must not be empty")
        paths, course, registry = load_config(root)
        plan = _plan(args, claim_only, course, registry)
        target = paths.posts / plan.semester / f"{_slug(args, plan.tools)}.md"
        if target.exists():
            raise ScaffoldError(
                f"{paths.shown(target)} already exists; it was not overwritten "
                "(pass another --title to choose another file name)",
                EXIT_REFUSED,
            )
        earlier = _check_claim(plan, paths, course, registry)
    except ScaffoldError as problem:
        print(f"anthology: error: {problem}", file=sys.stderr)
        return problem.code
    if earlier:
        plan = replace(plan, covered=True)
        print("This tool was covered before; explain in `added_value` what your post adds to:")
        for line in earlier:
            print(f"  - {line}")
    write_atomically(target, render(plan))
    print(f"Wrote {paths.shown(target)}")
    if claim_only and plan.covered:
        print(
            "Next: open a pull request with only this file to claim the tool; before you "
            f"publish, write `added_value` ({plan.min_added_words}+ words; the check reminds you)."
        )
    elif claim_only:
        print("Next: open a pull request with only this file to claim the tool.")
    else:
        print(
            "Next: write the sections, add your `evidence` link, then run "
            f"`anthology check {paths.shown(target)}`."
        )
    return EXIT_OK
