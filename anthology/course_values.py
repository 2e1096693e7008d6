"""Typed values read out of `course.yaml`; each wrong one is a finding naming its line.

A value of the wrong kind (`spread_firm: two`, `praised_by: 5`, `scenario: "no"`) or a key
the course file does not know (`spread_frim`) is a configuration error that names the
setting, its line and the form it takes. It is never replaced by a default in silence: an
instructor who tunes the gate must see that a setting did not take.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any

from . import yamlsafe
from .findings import Finding, error
from .yamlsafe import KeyPath


class SettingsReader:
    """Reads typed values out of the raw mapping, collecting findings as it goes."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.findings: list[Finding] = []
        self._lines: dict[KeyPath, int] | None = None

    def line(self, where: KeyPath) -> int | None:
        """The line of `where`, or of its nearest ancestor the file has."""
        if self._lines is None:  # composed only when a message is due
            self._lines = yamlsafe.key_lines(self.text)
        for end in range(len(where), 0, -1):
            if where[:end] in self._lines:
                return self._lines[where[:end]]
        return None

    def fail(self, where: str | KeyPath, message: str, fix: str) -> None:
        path = (where,) if isinstance(where, str) else where
        self.findings.append(error("course-config", self.path, self.line(path), message, fix))

    def mapping_list(self, raw: dict[str, Any], key: str, required: tuple[str, ...]) -> list[dict]:
        """The entries of the list `key` that are mappings with every `required` key."""
        items = raw.get(key)
        if not isinstance(items, list) or not items:
            self.fail(key, f"`{key}` must be a non-empty list", f"Add a `{key}:` list.")
            return []
        good = []
        for index, item in enumerate(items, 1):
            missing = [
                name for name in required if not isinstance(item, dict) or not item.get(name)
            ]
            if missing:
                self.fail(
                    (key, index - 1),
                    f"entry {index} of `{key}` lacks {', '.join(missing)}",
                    f"Give every entry of `{key}` the keys {', '.join(required)}.",
                )
            else:
                good.append(item)
        return good

    def whole(self, raw: dict[str, Any], where: KeyPath, key: str, default: int, owner: str) -> int:
        """A whole number ≥ 0 (`spread_firm: 2`), or `default` when absent."""
        value = raw.get(key)
        if value is None:
            return default
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        self.fail(
            (*where, key),
            f"{owner}: `{key}` must be a whole number (0 or more), not {value!r}",
            f"Write a whole number, such as `{key}: {default or 3}`, or leave `{key}` out "
            f"for {default}.",
        )
        return default

    def words(self, raw: dict[str, Any], where: KeyPath, key: str, owner: str) -> tuple[str, ...]:
        """A list of words and phrases (`praised_by: [i like, we love]`); absent: none."""
        value = raw.get(key)
        if value is None:
            return ()
        if isinstance(value, list) and all(_is_word(item) for item in value):
            return tuple(str(item) for item in value if item is not None)
        flags = (
            [item for item in value if isinstance(item, bool)] if isinstance(value, list) else []
        )
        if flags:
            # YAML reads a bare yes, no, on, off, true or false as a flag: as a word it
            # would silently become "True" or "False" and never match
            self.fail(
                (*where, key),
                f"{owner}: `{key}` has {flags[0]!r} in it, which is how YAML reads a bare "
                "yes, no, on, off, true or false",
                f"Put that word in quotes: `{key}: [..., 'no', ...]`.",
            )
            return tuple(str(item) for item in value if item is not None and item not in flags)
        self.fail(
            (*where, key),
            f"{owner}: `{key}` must be a list of words and phrases, not {_shown(value)}",
            f"Write `{key}: [first word, a phrase, …]`.",
        )
        return ()

    def flag(self, raw: dict[str, Any], where: KeyPath, key: str, owner: str) -> bool:
        """`true` or `false` (absent: false). A quoted "false" is text, and text is true to
        Python, so it is refused rather than read as yes."""
        value = raw.get(key)
        if value is None or isinstance(value, bool):
            return bool(value)
        self.fail(
            (*where, key),
            f"{owner}: `{key}` must be true or false, not {value!r}",
            f"Write `{key}: true` or `{key}: false`, without quotes.",
        )
        return False

    def word_groups(
        self, raw: dict[str, Any], where: KeyPath, key: str, owner: str
    ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Named lists of words (`cues: {limitation: [however, …], strength: […]}`)."""
        value = raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.fail(
                (*where, key),
                f"{owner}: `{key}` must map group names to lists of words, not {_shown(value)}",
                f"Write `{key}:` with one `name: [word, a phrase, …]` line per group.",
            )
            return ()
        return tuple(
            (str(name), self.words(value, (*where, key), str(name), owner)) for name in value
        )

    def known_keys(
        self, raw: dict[str, Any], where: KeyPath, allowed: frozenset[str], owner: str
    ) -> None:
        """Every key of `raw` is one the course file knows: a misspelt setting would
        otherwise be ignored and its default used without a word."""
        for key in raw:
            if str(key) in allowed:
                continue
            close = get_close_matches(str(key), sorted(allowed), n=1)
            self.fail(
                (*where, str(key)),
                f"{owner}: unknown setting `{key}`"
                + (f" (did you mean `{close[0]}`?)" if close else ""),
                f"Use one of: {', '.join(sorted(allowed))}.",
            )


def _is_word(item: Any) -> bool:
    """A list item that reads as a word: text or a number, not a flag, a list or a
    mapping."""
    return item is None or (isinstance(item, (str, int, float)) and not isinstance(item, bool))


def _shown(value: Any) -> str:
    """A wrong value as the message quotes it, cut short when it is long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
