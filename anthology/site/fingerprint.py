"""One digest of everything a build's pages depend on, except the text of posts and pages.

The page cache (`page_cache.py`) keys each written page by this digest plus the page's own
identity; the text (body) of each post or page a render read is checked separately, so
editing one post's body re-renders only the pages that show that text. Everything else
goes in here: the code and library versions, every setting, every theme file, every file
under content/ that is not the source of a built post or page (course and tool data,
earlier posts, comments, images, claims and drafts), the metadata, address and status of
each built post and page, and the rows of the claims page (they come from git history).
Any change to one of them changes the digest, and every page is rendered afresh.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import marshal
import os
import sys
import types
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path, PurePath
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from ..images.cache import file_digest

VERSION = "1"  # bump when what goes into a cached page changes
_PACKAGE = Path(__file__).resolve().parent.parent
# Libraries whose version can change a page, a feed or the search bundle.
LIBRARIES = (
    "pelican",
    "Jinja2",
    "MarkupSafe",
    "Markdown",
    "Pygments",
    "nh3",
    "Pillow",
    "feedgen",
    "lxml",
    "pagefind",
    "pagefind_bin",
)
_MAX_DEPTH = 8


def canonical(value: Any) -> str:
    """A text that is equal for equal values and stable from one process to the next.

    Written by hand because `repr` of many objects holds a memory address, and `pickle`
    output depends on object identity; this spells out the kinds of values Pelican's
    settings and content metadata hold. Plain data goes through `json` (fast, in C);
    anything it cannot take is spelled out by `_spelled`.
    """
    try:
        return json.dumps(value, sort_keys=True, default=_json_default, ensure_ascii=False)
    except (TypeError, ValueError):
        return _spelled(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return ["set", sorted(canonical(v) for v in value)]
    return ["obj", _spelled(value)]


def _spelled(value: Any, depth: int = 0) -> str:
    if depth > _MAX_DEPTH:
        return f"<{type(value).__qualname__}>"
    nested = depth + 1
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    if isinstance(value, bytes):
        return f"b:{hashlib.sha256(value).hexdigest()}"
    if isinstance(value, (datetime, date, time)):
        zone = getattr(value, "tzinfo", None)
        return f"{type(value).__name__}:{value.isoformat()}:{zone}"
    if isinstance(value, PurePath):
        return f"path:{value}"
    if isinstance(value, Content):
        return f"content:{value.source_path}"
    if isinstance(value, URLWrapper):
        return f"{type(value).__name__}:{value.name}:{value.slug}"
    if isinstance(value, dict):
        items = sorted((_spelled(k, nested), _spelled(v, nested)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_spelled(v, nested) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "set[" + ",".join(sorted(_spelled(v, nested) for v in value)) + "]"
    if isinstance(value, types.ModuleType):
        return f"module:{value.__name__}"
    if isinstance(value, (types.FunctionType, types.MethodType)):
        function = getattr(value, "__func__", value)
        code = hashlib.sha256(marshal.dumps(function.__code__)).hexdigest()
        return f"function:{function.__module__}.{function.__qualname__}:{code}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return f"{type(value).__qualname__}{_spelled(fields, nested)}"
    if isinstance(value, type) or callable(value):
        return f"callable:{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    state = getattr(value, "__dict__", None)
    if state is not None:
        return f"{type(value).__qualname__}{_spelled(state, nested)}"
    text = repr(value)
    return f"{type(value).__qualname__}:{text if ' at 0x' not in text else ''}"


def versions() -> str:
    """This format's version, Python's and those of the libraries in LIBRARIES."""
    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return f"{VERSION};{sys.version};{';'.join(found)}"


def _tree(root: Path, skip: set[str]) -> Iterable[tuple[str, str]]:
    """(relative path, sha256) of every file under `root` except those in `skip`."""
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if os.path.normpath(path) in skip or not path.is_file():
                continue
            yield path.relative_to(root).as_posix(), file_digest(path)


def _contents(context: dict[str, Any]) -> list[Content]:
    """Every post and page this build read (all statuses, translations included)."""
    return [c for c in (context.get("generated_content") or {}).values() if c is not None]


BUILT = ("published", "hidden")  # statuses whose text is only read through the page cache


def site_digest(settings: dict[str, Any], context: dict[str, Any], extra: Any = None) -> str:
    """The digest described in the module docstring; `extra` adds data from elsewhere
    (the claims page's rows, which come from git)."""
    digest = hashlib.sha256()

    def add(label: str, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        digest.update(f"{label}:{len(data)}:".encode())
        digest.update(data)

    add("versions", versions())
    for path, sha in _tree(_PACKAGE, set()):
        if path.endswith(".py"):
            add("code", f"{path}={sha}")
    # Where the site is written does not change what its pages say.
    add("settings", canonical({k: v for k, v in settings.items() if k != "OUTPUT_PATH"}))
    themes = [settings.get("THEME"), *(settings.get("THEME_TEMPLATES_OVERRIDES") or [])]
    for index, theme in enumerate(themes):
        if theme:
            for path, sha in _tree(Path(theme), set()):
                add(f"theme{index}", f"{path}={sha}")
    built: dict[str, Content] = {}
    for content in _contents(context):
        if getattr(content, "status", None) in BUILT:
            built[os.path.normpath(content.source_path)] = content
    for path, sha in _tree(Path(settings["PATH"]), set(built)):
        add("file", f"{path}={sha}")
    for source in sorted(built):
        content = built[source]
        add(
            "content",
            canonical(
                [
                    source,
                    type(content).__name__,
                    content.status,
                    content.metadata,
                    content.url,
                    content.save_as,
                    getattr(content, "template", None),
                    getattr(content, "lang", None),
                    getattr(content, "in_default_lang", None),
                ]
            ),
        )
    add("extra", canonical(extra))
    return digest.hexdigest()
