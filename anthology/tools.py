"""The tool registry: canonical tools, their aliases, and name matching."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlsafe
from .findings import ContentError, Finding, error
from .plaintext import PLAIN_NAME_FIX, field_problems, text_problem, url_problem
from .spelling import lookalike_key

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# Words that join the tools of a combination ("Databricks with mlflow", "BigDL and Streamlit").
_COMBINATION_SEPARATORS = re.compile(
    r"\s+(?:with|and|plus|\+|&|/|,)\s+|\s*[,+/;]\s*", re.IGNORECASE
)
# A subtitle after the tool's name ("Aporia: Monitor ML Models in Production").
_SUBTITLE = re.compile(r"\s*(?::|\s[-–—]\s|\().*$")


def normalize(name: str) -> str:
    """Matching key: lowercase, `&`/`+` read as "and", punctuation and spaces removed."""
    lowered = name.casefold().replace("&", "and").replace("+", "and")
    return _NOT_ALNUM.sub("", lowered)


def slugify(name: str) -> str:
    """URL slug for a tool or semester name."""
    lowered = name.casefold().replace("&", " and ").replace("+", " and ")
    return _NOT_ALNUM.sub("-", lowered).strip("-") or "tool"


@dataclass(frozen=True)
class Tool:
    """A canonical tool: the name shown, its URL slug, category id and aliases."""

    name: str
    slug: str
    category: str | None = None
    aliases: tuple[str, ...] = ()
    homepage: str | None = None
    registered: bool = True
    alternatives: tuple[str, ...] = ()  # competitors a student could pick instead

    @property
    def key(self) -> str:
        """Identity for claims: the registry's slug, or for an unregistered name its
        look-alike key, so "Fеast" (Cyrillic е) and "Feast 2" claim the same tool."""
        return self.slug if self.registered else "?" + (lookalike_key(self.name) or self.slug)


@dataclass(frozen=True)
class Resolution:
    """What a written tool name means: the tools it names and the parts not recognised."""

    written: str
    tools: tuple[Tool, ...]
    unknown: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return bool(self.tools) and not self.unknown


@dataclass
class ToolRegistry:
    """All canonical tools, indexed by every normalized name and alias.

    A name is looked up by its plain spelling first (case, spaces and punctuation ignored),
    then by its look-alike key (:mod:`anthology.spelling`): "MLflоw" with a Cyrillic о,
    "MLfIow", "ＭＬｆｌｏｗ" and "MLflow 2" all mean MLflow. When the registry lists two
    tools whose names look alike, only their exact spellings reach them.
    """

    tools: list[Tool] = field(default_factory=list)
    _by_key: dict[str, Tool] = field(default_factory=dict, repr=False)
    _by_slug: dict[str, Tool] = field(default_factory=dict, repr=False)
    _by_lookalike: dict[tuple[bool, str], set[Tool]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for tool in self.tools:
            self._index(tool)

    def _index(self, tool: Tool) -> None:
        self._by_slug[tool.slug] = tool
        for name in (tool.name, *tool.aliases):
            self._by_key.setdefault(normalize(name), tool)

    def by_slug(self, slug: str) -> Tool | None:
        return self._by_slug.get(slug)

    def _lookalikes(self) -> dict[tuple[bool, str], set[Tool]]:
        """(versions dropped?, look-alike key) → tools; built on the first name not found
        as written."""
        if self._by_lookalike is None:
            index: dict[tuple[bool, str], set[Tool]] = {}
            for tool in self.tools:
                for name in (tool.name, *tool.aliases):
                    for versions in (False, True):
                        key = lookalike_key(name, versions)
                        if key:
                            index.setdefault((versions, key), set()).add(tool)
            self._by_lookalike = index
        return self._by_lookalike

    def exact(self, name: str) -> Tool | None:
        """The tool a name means as written (case, spaces and punctuation ignored)."""
        key = normalize(name)
        if not key:
            return None
        tool = self._by_key.get(key)
        if tool is None:
            without_subtitle = _SUBTITLE.sub("", name)
            if without_subtitle and without_subtitle != name:
                tool = self._by_key.get(normalize(without_subtitle))
        return tool

    def lookalike(self, name: str) -> Tool | None:
        """The one registered tool whose name looks like `name`, or None (none or several).

        The name with its version is tried before the name without it, so "Seldon Core 2"
        finds a registered "Seldon Core 2" before "Seldon Core".
        """
        for versions in (False, True):
            for candidate in dict.fromkeys((name, _SUBTITLE.sub("", name))):
                key = lookalike_key(candidate, versions) if candidate.strip() else ""
                tools = self._lookalikes().get((versions, key), set()) if key else set()
                if len(tools) == 1:
                    return next(iter(tools))
                if tools:
                    return None
        return None

    def lookup(self, name: str) -> Tool | None:
        """The tool a single name means, or None."""
        tool = self.exact(name)
        if tool is None and name.strip():
            tool = self.lookalike(name)
        return tool

    def resolve(self, written: str | list[str]) -> Resolution:
        """Resolve a name, a list of names, or a combination such as "Databricks with mlflow"."""
        names = [written] if isinstance(written, str) else [str(n) for n in written]
        label = written if isinstance(written, str) else ", ".join(names)
        found: list[Tool] = []
        unknown: list[str] = []
        for name in names:
            tool = self.lookup(name)
            if tool is not None:
                found.append(tool)
                continue
            parts = [p for p in _COMBINATION_SEPARATORS.split(name.strip()) if p.strip()]
            part_tools = [self.lookup(part) for part in parts]
            if len(parts) > 1 and all(part_tools):
                found.extend(t for t in part_tools if t is not None)
            else:
                unknown.append(name.strip())
        unique = tuple(dict.fromkeys(found))
        return Resolution(label, unique, tuple(unknown))

    def suggest(self, name: str, limit: int = 3, cutoff: float = 0.8) -> list[Tool]:
        """Registered tools whose name or alias is close to `name` (for "did you mean")."""
        key = normalize(name)
        if not key:
            return []
        close = difflib.get_close_matches(key, list(self._by_key), n=limit * 2, cutoff=cutoff)
        tools = [self._by_key[match] for match in close if match != key]
        return list(dict.fromkeys(tools))[:limit]

    def unregistered(self, name: str) -> Tool:
        """A stand-in for a tool the registry does not know yet."""
        return Tool(name=name.strip(), slug=slugify(name), registered=False)


_LIST_ITEM = re.compile(r"^( *)- ", re.MULTILINE)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def entry_problems(entry: dict[str, object], path: str, line: int | None) -> list[Finding]:
    """Markup in a tool's names, a slug that is not a URL name, a homepage not http(s)."""
    name = str(entry.get("name", "")).strip()
    aliases = entry.get("aliases") or []
    texts = [("name", name), ("category", entry.get("category"))]
    texts += [("alias", alias) for alias in (aliases if isinstance(aliases, list) else [aliases])]
    found = [
        error(
            "tools-registry",
            path,
            line,
            f"the {what} {value!r} of tool {name!r} {problem}",
            PLAIN_NAME_FIX,
        )
        for what, value, problem in field_problems(texts, text_problem)
    ]
    slug = entry.get("slug")
    if slug is not None and not _SLUG.match(str(slug)):
        found.append(
            error(
                "tools-registry",
                path,
                line,
                f"the slug {str(slug)!r} of tool {name!r} is not a URL name",
                "Use lowercase letters, digits and single hyphens, e.g. `slug: data-version`.",
            )
        )
    for _what, homepage, problem in field_problems(
        [("homepage", entry.get("homepage"))], url_problem
    ):
        found.append(
            error(
                "tools-registry",
                path,
                line,
                f"the homepage {homepage!r} of tool {name!r} {problem}",
                "Give the project's https:// address.",
            )
        )
    return found


def _entry_lines(text: str) -> list[int]:
    """The 1-based line of each entry of the `tools:` list (items at the first indentation)."""
    items = list(_LIST_ITEM.finditer(text))
    if not items:
        return []
    indent = len(items[0].group(1))
    return [text.count("\n", 0, m.start()) + 1 for m in items if len(m.group(1)) == indent]


def entry_lines(text: str) -> list[int]:
    """The 1-based line of each tool entry in a registry's text."""
    return _entry_lines(text)


def parse_registry(text: str, path: str = "content/tools.yaml") -> ToolRegistry:
    """Build the registry from YAML text; duplicates and bad entries are ContentErrors."""
    raw = yamlsafe.load_data(text, path, "tools-registry")
    entries = raw.get("tools") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise ContentError(
            [
                error(
                    "tools-registry",
                    path,
                    1,
                    "expected a top-level `tools:` list",
                    "See the README.",
                )
            ]
        )
    findings = []
    tools: list[Tool] = []
    owners: dict[str, str] = {}
    lines = entry_lines(text)
    for index, entry in enumerate(entries, 1):
        line = lines[index - 1] if index <= len(lines) else None
        if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
            findings.append(
                error(
                    "tools-registry",
                    path,
                    line,
                    f"tool entry {index} has no `name`",
                    "Give every tool a `name`.",
                )
            )
            continue
        name = str(entry["name"]).strip()
        problems = entry_problems(entry, path, line)
        if problems:
            findings.extend(problems)
            continue
        raw_aliases = entry.get("aliases") or []
        aliases = tuple(
            str(a) for a in (raw_aliases if isinstance(raw_aliases, list) else [raw_aliases])
        )
        for written in (name, *aliases):
            key = normalize(written)
            if key in owners and owners[key] != name:
                findings.append(
                    error(
                        "tools-registry",
                        path,
                        line,
                        f"{written!r} of tool {name!r} already names {owners[key]!r}",
                        "Remove the alias from one of the two tools.",
                    )
                )
            owners.setdefault(key, name)
        tools.append(
            Tool(
                name=name,
                slug=str(entry.get("slug") or slugify(name)),
                category=str(entry["category"]) if entry.get("category") is not None else None,
                aliases=aliases,
                homepage=str(entry["homepage"]) if entry.get("homepage") is not None else None,
                alternatives=tuple(str(a) for a in entry.get("alternatives") or []),
            )
        )
    registry = ToolRegistry(tools)
    for index, tool in enumerate(tools):
        for alternative in tool.alternatives:
            if registry.lookup(alternative) is None:
                findings.append(
                    error(
                        "tools-registry",
                        path,
                        lines[index] if index < len(lines) else None,
                        f"alternative {alternative!r} of {tool.name!r} is not a registered tool",
                        "Name a tool of this file, or add it first.",
                    )
                )
    if findings:
        raise ContentError(findings)
    return registry


def load_registry(path: Path) -> ToolRegistry:
    """Load `content/tools.yaml`; a missing registry is an empty one."""
    if not path.exists():
        return ToolRegistry([])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(
            [
                error(
                    "tools-registry",
                    str(path),
                    None,
                    f"cannot read: {exc}",
                    "Make the file UTF-8 text.",
                )
            ]
        ) from None
    return parse_registry(text, str(path))
