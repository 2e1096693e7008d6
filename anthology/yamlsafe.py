"""Safe, fast YAML loading for untrusted front matter and data files.

PyYAML's C loader is used when present (about six times faster than the pure-Python
one). Anchors and aliases are refused: front matter never needs them and they are how
"billion laughs" documents blow up memory. The C loader cannot be hooked per event, so a
cheap textual pre-check decides when the slower, hookable loader must confirm.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

import yaml

_BaseFastLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A date-looking value that is not a real date stays text; the model reports it."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class FastLoader(_BaseFastLoader):  # type: ignore[misc, valid-type]
    """The C loader when available, with lenient timestamps."""


FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)

# An anchor (&name) or alias (*name) can only start after whitespace or a flow indicator.
_MAYBE_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[\{,:-])[&*][^\s,\]\}]", re.MULTILINE)
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


class YamlProblem(Exception):
    """YAML that cannot be loaded, with the 1-based line where the problem is.

    `kind` is "duplicate-key" for a key given twice in one mapping, else "syntax".
    """

    def __init__(self, message: str, line: int | None, kind: str = "syntax"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.kind = kind


class _DuplicateKey(Exception):
    def __init__(self, key: str, first: int, second: int):
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


def _key_identity(loader: Any, node: yaml.Node) -> object:
    """What a key means: `status`, "status" and 'status' are one key; so are `true`/`True`."""
    if node.tag == "tag:yaml.org,2002:str":
        return ("str", node.value)
    try:
        value = loader.construct_object(node, deep=True)
        hash(value)
        return (type(value).__name__, value)
    except Exception:  # an unhashable or odd key: compare its source text
        return (node.tag, repr(node.value))


def _check_unique_keys(loader: Any, root: yaml.Node | None) -> None:
    """Raise _DuplicateKey for the first key given twice in any mapping (0-based lines)."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[object, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    identity = _key_identity(loader, key)
                    line = key.start_mark.line
                    if identity in seen:
                        raise _DuplicateKey(str(key.value), seen[identity], line)
                    seen[identity] = line
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _load_checked(loader: Any) -> Any:
    """Compose the document, refuse duplicate keys, then build the Python values."""
    try:
        node = loader.get_single_node()
        _check_unique_keys(loader, node)
        loader.constructed_objects = {}
        loader.recursive_objects = {}
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


class _NoAliasLoader(yaml.SafeLoader):
    """Pure-Python safe loader that stops at the first anchor or alias."""

    yaml_constructors: ClassVar[dict[str, Any]] = {
        **yaml.SafeLoader.yaml_constructors,
        "tag:yaml.org,2002:timestamp": _lenient_timestamp,
    }

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(
                "YAML anchors and aliases (&name, *name) are not allowed here",
                event.start_mark.line + 1,
            )
        return super().compose_node(parent, index)


def load(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document; `first_line` is the file line where `text` starts."""
    try:
        if _MAYBE_ANCHOR_OR_ALIAS.search(text):
            return _load_checked(_NoAliasLoader(text))
        return _load_checked(FastLoader(text))
    except _DuplicateKey as dup:
        first, second = dup.first + first_line, dup.second + first_line
        where = (
            f"on line {first} and again on line {second}"
            if first != second
            else (f"twice on line {first}")
        )
        raise YamlProblem(
            f"the key `{dup.key}` is given twice, {where} (only one of them would count)",
            second,
            "duplicate-key",
        ) from None
    except YamlProblem as problem:
        line = problem.line + first_line - 1 if problem.line is not None else None
        raise YamlProblem(problem.message, line, problem.kind) from None
    except yaml.MarkedYAMLError as exc:
        # "while scanning a quoted scalar" and the like: the context mark is where the
        # unfinished construct starts, which is the line the author must fix.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + first_line if mark is not None else None
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(f"YAML syntax error: {what}", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {exc}", first_line) from None
    except RecursionError:
        raise YamlProblem("YAML nesting is too deep", first_line) from None
    except (ValueError, TypeError, AttributeError, OverflowError, KeyError, IndexError) as exc:
        raise YamlProblem(f"YAML value cannot be read: {exc}", first_line) from None


def top_level_key_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """Map each top-level key of a block mapping to its 1-based file line."""
    lines: dict[str, int] = {}
    for match in _TOP_LEVEL_KEY.finditer(text):
        key = match.group(1)
        if key not in lines:
            lines[key] = text.count("\n", 0, match.start()) + first_line
    return lines


KeyPath = tuple[str | int, ...]


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map the path of each key and list item of a YAML document (`("options", 0, "id")`)
    to its 1-based line; empty when the text does not load. For messages about a value deep
    in a data file, so they can name its line; only composed when such a message is due."""
    try:
        root = yaml.compose(text, Loader=_BaseFastLoader)
    except (yaml.YAMLError, RecursionError):
        return {}
    lines: dict[KeyPath, int] = {}
    pending: list[tuple[KeyPath, yaml.Node | None]] = [((), root)]
    seen: set[int] = set()  # an alias is the node it names: walk each node once
    while pending:
        path, node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    lines.setdefault((*path, key.value), key.start_mark.line + 1)
                    pending.append(((*path, key.value), value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines[(*path, index)] = item.start_mark.line + 1
                pending.append(((*path, index), item))
    return lines


def load_data(text: str, shown: str, rule: str, fix: str = "Fix the YAML syntax.") -> Any:
    """Parse a YAML data file (course, registry, catalog); problems become a ContentError."""
    from .findings import ContentError, error

    try:
        return load(text)
    except YamlProblem as problem:
        raise ContentError([error(rule, shown, problem.line, problem.message, fix)]) from None


def read_data(path: Path, shown: str, rule: str, fix: str = "Fix the YAML syntax.") -> Any:
    """Read and parse a YAML data file; unreadable or non-UTF-8 files are ContentErrors too."""
    from .findings import ContentError, error

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(
            [error(rule, shown, None, f"cannot read the file: {exc}", "Make it UTF-8 text.")]
        ) from None
    return load_data(text, shown, rule, fix)
