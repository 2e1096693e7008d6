"""New `tools.yaml` entries in a pull request: the only configuration a student may change.

The pull request's registry is compared entry by entry with the base's. An entry that is
new (its name is no base tool's) is accepted when neither its name nor an alias resolves
to, contains, is contained in, or nearly spells a tool the base already knows; otherwise a
student would register "MLflow Tracking" and post on a taken tool under a new name.
Changing or removing a base entry is refused outright. Accepted entries join the base
registry; everything else about the pull request's `tools.yaml` is ignored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .. import yamlsafe
from ..findings import ContentError, Finding, error
from ..spelling import lookalike_key
from ..tools import Tool, ToolRegistry, entry_lines, normalize, parse_registry

SCOPE_REGISTRY_CHANGED = "scope-registry-changed"
SCOPE_TOOL_DUPLICATE = "scope-tool-duplicate"
_WORDS = re.compile(r"[^\W_]+")
MIN_SUBSTRING = 5  # shorter registered names ("Ray", "ART") are matched as whole words only


@dataclass(frozen=True)
class RegistryReview:
    """New tools accepted into the registry, and findings about the rest."""

    accepted: tuple[Tool, ...]
    findings: tuple[Finding, ...]


def _words(name: str) -> tuple[str, ...]:
    """The name's words, each by its look-alike key (so "MLflоw" with a Cyrillic о is MLflow)."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    return tuple(lookalike_key(word, False) for word in _WORDS.findall(text))


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    size = len(inner)
    return 0 < size < len(outer) and any(
        outer[i : i + size] == inner for i in range(len(outer) - size + 1)
    )


def _relation(name: str, base: ToolRegistry) -> tuple[str, Tool] | None:
    """How `name` collides with a base tool: "resolves to", "contains", ... or None."""
    resolution = base.resolve(name)
    if resolution.tools:
        return "resolves to", resolution.tools[0]
    key, words = lookalike_key(name, False), _words(name)
    for tool in base.tools:
        for known in (tool.name, *tool.aliases):
            known_key, known_words = lookalike_key(known, False), _words(known)
            if not known_key:
                continue
            if _contains(words, known_words) or (
                len(known_key) >= MIN_SUBSTRING and known_key in key and known_key != key
            ):
                return "contains", tool
            if _contains(known_words, words):
                return "is part of", tool
    close = base.suggest(name, limit=1)
    if close:
        return "is nearly the same name as", close[0]
    return None


def _entries(text: str, shown: str) -> list[Any]:
    raw = yamlsafe.load_data(text, shown, "tools-registry")
    entries = raw.get("tools") if isinstance(raw, dict) else None
    return entries if isinstance(entries, list) else []


def _key(entry: Any) -> str:
    return normalize(str(entry.get("name", ""))) if isinstance(entry, dict) else ""


def review(base_text: str, base: ToolRegistry, head_text: str | None, shown: str) -> RegistryReview:
    """Compare the pull request's `tools.yaml` text with the base's."""
    if head_text is None:  # a deleted registry is refused by the scope check
        return RegistryReview((), ())
    try:
        head = parse_registry(head_text, shown)
        head_entries = _entries(head_text, shown)
    except ContentError as exc:
        return RegistryReview((), tuple(exc.findings))
    base_entries = {_key(entry): entry for entry in _entries(base_text, shown)}
    lines = entry_lines(head_text)
    findings: list[Finding] = []
    accepted: list[Tool] = []
    seen: set[str] = set()
    for index, (entry, tool) in enumerate(zip(head_entries, head.tools, strict=False)):
        line = lines[index] if index < len(lines) else None
        key = _key(entry)
        seen.add(key)
        if key in base_entries:
            if entry != base_entries[key]:
                findings.append(
                    error(
                        SCOPE_REGISTRY_CHANGED,
                        shown,
                        line,
                        f"the registered tool “{tool.name}” is changed; a student's pull "
                        "request may only add new tools to the registry",
                        "Undo the change to this entry; to correct the registry, ask the "
                        "course staff (an instructor's pull request).",
                    )
                )
            continue
        collisions = ((w, _relation(w, base)) for w in (tool.name, *tool.aliases))
        collision = next(((w, found) for w, found in collisions if found), None)
        same_slug = base.by_slug(tool.slug)
        if collision is None and same_slug is not None:
            collision = (tool.name, ("has the URL name (slug) of", same_slug))
        if collision is None:
            accepted.append(tool)
            continue
        written, (how, known) = collision
        named = f"“{tool.name}”" if written == tool.name else f"“{tool.name}” (alias “{written}”)"
        findings.append(
            error(
                SCOPE_TOOL_DUPLICATE,
                shown,
                line,
                f"the new tool {named} {how} the registered tool “{known.name}”",
                f"If your post is about {known.name}, remove this entry and write "
                f"`tool: {known.name}`; if it is a different tool, ask the course staff to "
                "add it.",
            )
        )
    missing = [entry.get("name", "?") for key, entry in base_entries.items() if key not in seen]
    findings.extend(_removed(shown, [str(name) for name in missing]))
    return RegistryReview(tuple(accepted), tuple(findings))


def _removed(shown: str, names: list[str]) -> tuple[Finding, ...]:
    return tuple(
        error(
            SCOPE_REGISTRY_CHANGED,
            shown,
            None,
            f"the registered tool “{name}” is removed; a student's pull request may only add "
            "new tools to the registry",
            "Put the entry back; to correct the registry, ask the course staff.",
        )
        for name in names
    )
