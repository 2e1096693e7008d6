"""The prior-semester catalog: posts published elsewhere in earlier semesters."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from . import yamlsafe
from .findings import ContentError, Finding, error
from .plaintext import PLAIN_NAME_FIX, field_problems, prose_problem, text_problem, url_problem
from .tools import Tool, ToolRegistry, entry_lines, slugify


@dataclass(frozen=True)
class PriorPost:
    """One earlier post, as linked from a handout or a claims spreadsheet."""

    name: str
    url: str
    semester: str
    host: str
    tools: tuple[Tool, ...]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    summary: str | None = None
    dead: bool = False
    archive_url: str | None = None
    source: str = ""
    line: int | None = None

    @property
    def tool_key(self) -> frozenset[str]:
        return frozenset(tool.key for tool in self.tools)

    @property
    def identity(self) -> str:
        return url_identity(self.url)

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


def _text(value: Any) -> str | None:
    """An optional text field: None when empty; dates and numbers as their text."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    text = " ".join(str(value).split())
    return text or None


def host_of(url: str) -> str:
    """The host a reader recognises: `www.` dropped, lowercase."""
    host = urlsplit(url).netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return host.removeprefix("www.")


# Query parameters that only say where a reader came from (Medium adds `source=`).
_TRACKING = re.compile(r"^(utm_\w*|source|sk|gi|fbclid|gclid|ref|ref_src)$", re.IGNORECASE)


def url_identity(url: str) -> str:
    """One earlier post, however its link is written: `http`/`https`, `www.`, host case,
    a trailing slash, a `#fragment` and tracking parameters do not make another post."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path).rstrip("/")
    query = sorted(
        pair
        for pair in parts.query.split("&")
        if pair and not _TRACKING.match(pair.split("=", 1)[0])
    )
    return host_of(url) + path + (f"?{'&'.join(query)}" if query else "")


_URL_LINE = re.compile(r"""^\s*(?:-\s+)?url:\s*(['"]?)(?P<url>.+?)\1\s*$""")


def url_lines(text: str) -> dict[str, int]:
    """The 1-based line of each `url:` in a catalog file, by the url written there."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _URL_LINE.match(line)
        if match:
            lines.setdefault(match.group("url").strip(), number)
    return lines


def catalog_path(prior_dir: Path, semester: str) -> Path:
    return prior_dir / f"{slugify(semester)}.yaml"


def _entry_tools(entry: dict[str, Any], registry: ToolRegistry) -> tuple[Tool, ...]:
    names = entry.get("tools") or []
    tools: list[Tool] = []
    for name in names if isinstance(names, list) else [names]:
        tool = registry.lookup(str(name))
        tools.append(tool if tool is not None else registry.unregistered(str(name)))
    if not tools:
        resolution = registry.resolve(str(entry.get("name", "")))
        tools = list(resolution.tools)
    return tuple(dict.fromkeys(tools))


_TEXT_FIELDS = ("name", "host", "author", "semester")
_PROSE_FIELDS = ("title", "summary")
_URL_FIELDS = ("url", "archive_url")


def entry_problems(entry: dict[str, Any], shown: str, line: int | None) -> list[Finding]:
    """Markup in an entry's names, or a link that is not a plain http(s) link."""
    tools = entry.get("tools") or []
    texts = [(key, entry.get(key)) for key in _TEXT_FIELDS]
    texts += [("tool", tool) for tool in (tools if isinstance(tools, list) else [tools])]
    prose = [(key, entry.get(key)) for key in _PROSE_FIELDS]
    urls = [(key, entry.get(key)) for key in _URL_FIELDS]
    shown_error = partial(error, "prior-catalog", shown, line)
    found = [
        shown_error(f"the {key} {value!r} {problem}", PLAIN_NAME_FIX)
        for key, value, problem in field_problems(texts, text_problem)
    ]
    found += [
        shown_error(f"the {key} {value!r} {problem}", "Remove the control characters.")
        for key, value, problem in field_problems(prose, prose_problem)
    ]
    found += [
        shown_error(
            f"the {key} {value!r} is not a plain http(s) link: it {problem}",
            "Use the post's full https:// address.",
        )
        for key, value, problem in field_problems(urls, lambda url: url_problem(url.strip()))
    ]
    return found


_CATALOG_FIX = "Fix the YAML syntax, or re-run `anthology import-prior`."


def load_catalog_file(path: Path, registry: ToolRegistry, shown: str) -> list[PriorPost]:
    """Load one catalog file; malformed entries raise a ContentError naming the file."""
    raw = yamlsafe.read_data(path, shown, "prior-catalog", _CATALOG_FIX)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    return _catalog_posts(raw, registry, shown, text)


def parse_catalog(text: str, registry: ToolRegistry, shown: str) -> list[PriorPost]:
    """Like load_catalog_file, from the file's text (e.g. as a git commit holds it)."""
    raw = yamlsafe.load_data(text, shown, "prior-catalog", _CATALOG_FIX)
    return _catalog_posts(raw, registry, shown, text)


def _catalog_posts(raw: Any, registry: ToolRegistry, shown: str, text: str) -> list[PriorPost]:
    entries = raw.get("posts") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise ContentError(
            [
                error(
                    "prior-catalog",
                    shown,
                    1,
                    "expected a `posts:` list",
                    "Re-create the file with `anthology import-prior`.",
                )
            ]
        )
    lines = url_lines(text)
    starts = entry_lines(text)  # the line of each entry, for findings about its values
    posts = []
    problems: list[Finding] = []
    for index, entry in enumerate(entries, 1):
        line = starts[index - 1] if index <= len(starts) else None
        if not isinstance(entry, dict) or not entry.get("url") or not entry.get("name"):
            raise ContentError(
                [
                    error(
                        "prior-catalog",
                        shown,
                        line,
                        f"entry {index} needs `name` and `url`",
                        "Give every entry a name and a url.",
                    )
                ]
            )
        found = entry_problems({"semester": raw.get("semester"), **entry}, shown, line)
        if found:
            problems.extend(found)
            continue
        url = str(entry["url"]).strip()
        posts.append(
            PriorPost(
                name=str(entry["name"]).strip(),
                url=url,
                semester=str(entry.get("semester") or raw.get("semester") or ""),
                host=str(entry.get("host") or host_of(url)),
                tools=_entry_tools(entry, registry),
                title=_text(entry.get("title")),
                author=_text(entry.get("author")),
                published=_text(entry.get("published")),
                summary=_text(entry.get("summary")),
                dead=bool(entry.get("dead", False)),
                archive_url=entry.get("archive_url"),
                source=shown,
                line=lines.get(url),
            )
        )
    if problems:
        raise ContentError(problems)
    return posts


def check_unique(posts: list[PriorPost]) -> None:
    """Raise a ContentError naming both lines when two entries are one post (one url)."""
    seen: dict[str, PriorPost] = {}
    problems = []
    for post in posts:
        first = seen.setdefault(post.identity, post)
        if first is not post:
            problems.append(
                error(
                    "prior-duplicate",
                    post.source,
                    post.line,
                    f"{post.url} is already listed at {first.location} ({first.semester}); "
                    "an earlier post belongs to one semester",
                    f"Delete one of the two entries ({post.location} or {first.location}).",
                )
            )
    if problems:
        raise ContentError(problems)


def load_catalog(
    prior_dir: Path,
    registry: ToolRegistry,
    root: Path,
    dead_links: Mapping[str, str | None] | None = None,
) -> list[PriorPost]:
    """Load every `*.yaml` file of the prior catalog, in name order.

    `dead_links` maps links found dead (see `anthology linkrot --record`) to an archive
    lookup; their entries are marked `dead`.
    """
    posts: list[PriorPost] = []
    if not prior_dir.is_dir():
        return posts
    for path in sorted(prior_dir.glob("*.yaml")):
        posts.extend(load_catalog_file(path, registry, path.relative_to(root).as_posix()))
    check_unique(posts)
    if dead_links:
        posts = [
            replace(post, dead=True, archive_url=post.archive_url or dead_links[post.url])
            if post.url in dead_links
            else post
            for post in posts
        ]
    return posts


def dump_catalog(semester: str, entries: list[dict[str, Any]], source: str) -> str:
    """Serialize catalog entries as stable, human-diffable YAML."""
    header = (
        "# Prior-semester posts, written by `anthology import-prior`.\n"
        "# Edit `tools` when a name resolved wrongly; re-importing keeps entries by url.\n"
        "# `title`, `author`, `published` and `summary` may be edited too: re-importing and\n"
        "# `anthology enrich-prior` fill only fields that are missing.\n"
    )
    body = yaml.safe_dump(
        {"semester": semester, "source": source, "posts": entries},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return header + body


_SAFE_NAME = re.compile(r"[\x00-\x1f]")


def clean_name(name: str) -> str:
    """The link text as written, with control characters and extra spaces removed."""
    return " ".join(_SAFE_NAME.sub(" ", name).split())
