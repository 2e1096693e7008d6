"""Rendered pages and feeds kept between builds, so a warm build renders only what changed.

Pelican renders every page on every build, although at 1,000 posts a rebuild with nothing
changed produces the same bytes again; rendering is most of a warm build. Each output
the build makes through this cache (a page, or a feed pair) is stored under a key made of
the site digest (`fingerprint.site_digest`: code, settings, theme, data, every post's
metadata) and the output's own identity (template, file name, site URL of the page).
While it is rendered, every post or page whose text (body, or a summary cut from it) it
reads is recorded (`note_read`, called by the content classes of `urls.py`), and the
entry keeps the sha256 of each of those texts: a later build uses the entry only if all
of them are unchanged. So an edit to one post's body that leaves its metadata alone (a
typo fixed) re-renders its page and whatever shows its text; an edit that changes its
metadata (title, tags, even its word count, which cards show as reading time) changes
the site digest, and every page is rendered afresh, as is any other change.

Entries live in `<CACHE_PATH>/anthology-pages/`, only when Pelican's content cache is in
use (never with `publishconf.py`). One file each: a JSON header line (format version, its
own key, the sha256 of the data, the texts read and their sha256, the files) then the
data. A damaged, truncated, moved or foreign file fails those checks and is ignored, and
the output rendered afresh. Entries a finished build did not use are removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import marshal
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from pelican.writers import Writer

from ..importer import write_atomically_bytes
from . import posts_written
from .fingerprint import VERSION, canonical, site_digest

logger = logging.getLogger(__name__)
CACHE_DIR = "anthology-pages"
TEMPLATES_DIR = "anthology-templates"
_FORMAT = f"anthology-page-cache/{VERSION}"

_local = threading.local()
_lock = threading.Lock()
_caches: dict[str, PageCache] = {}
_finished: dict[str, PageCache] = {}


def note_read(content: Any) -> None:
    """Record that the output being rendered reads `content`'s text."""
    reads = getattr(_local, "reads", None)
    if reads is not None:
        reads.add(content)


def text_digest(content: Any) -> str:
    """sha256 of the text a post or page was read with (after the plugin's rewrites)."""
    return hashlib.sha256(str(content._content).encode("utf-8", "surrogatepass")).hexdigest()


class PageCache:
    """Entries under `root` for one build whose site digest is `site`."""

    def __init__(self, root: Path, site: str, contents: dict[str, Any]):
        self.root = root
        self.site = site
        self.contents = contents  # source path -> post or page, for checking texts read
        self.used: set[str] = set()
        self.hits = 0
        self.rendered: list[str] = []  # what this build made afresh (pages, feed stems)
        self._texts: dict[str, str] = {}
        self._data: dict[str, str] = {}  # output file -> sha256 of what was written

    def key(self, *parts: Any) -> str:
        digest = hashlib.sha256(f"{_FORMAT}\0{self.site}".encode())
        for part in parts:
            text = str(part).encode("utf-8", "surrogatepass")
            digest.update(len(text).to_bytes(8, "big"))
            digest.update(text)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def _text(self, source: str) -> str | None:
        if source not in self._texts:
            content = self.contents.get(source)
            if content is None:
                return None
            self._texts[source] = text_digest(content)
        return self._texts[source]

    def load(self, key: str) -> dict[str, bytes] | None:
        """The files of entry `key`, or None if missing, damaged or out of date."""
        try:
            with open(self._path(key), "rb") as handle:
                header = json.loads(handle.readline())
                data = handle.read()
            if header.get("format") != _FORMAT or header.get("key") != key:
                return None  # another version's entry, or one copied to another name
            if hashlib.sha256(data).hexdigest() != header["sha256"]:
                logger.warning("anthology: cached page %s is damaged; rendering it again", key)
                return None
            for source, sha in header["reads"]:
                if self._text(source) != sha:
                    return None
            files: dict[str, bytes] = {}
            offset = 0
            for name, size in header["files"]:
                files[str(name)] = data[offset : offset + int(size)]
                offset += int(size)
            if offset != len(data):
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.used.add(key)
        self.hits += 1
        return files

    def store(self, key: str, files: dict[str, bytes], reads: set[Any]) -> None:
        sources = sorted({str(c.source_path) for c in reads})
        recorded = [[s, self._text(s)] for s in sources]
        if any(sha is None for _, sha in recorded):
            return  # it read a text this build does not know: never reuse it
        data = b"".join(files.values())
        header = {
            "format": _FORMAT,
            "key": key,
            "sha256": hashlib.sha256(data).hexdigest(),
            "reads": recorded,
            "files": [[name, len(body)] for name, body in files.items()],
        }
        line = json.dumps(header, separators=(",", ":")).encode() + b"\n"
        try:
            write_atomically_bytes(self._path(key), line + data)
        except OSError as exc:
            logger.warning("anthology: could not keep a rendered page in the cache: %s", exc)
            return
        self.used.add(key)

    def produce(
        self, key: str, name: str, make: Callable[[], dict[str, bytes]]
    ) -> dict[str, bytes]:
        """The files of entry `key` (for output `name`); `make()` them, recording the texts
        read, when not cached."""
        cached = self.load(key)
        if cached is not None:
            return cached
        with recording() as reads:
            files = make()
        with _lock:
            self.rendered.append(name)
        self.store(key, files, reads)
        return files

    def note_data(self, output_file: str, data: bytes) -> None:
        with _lock:
            self._data[output_file] = hashlib.sha256(data).hexdigest()

    def data_digest(self, output_file: str) -> str | None:
        """sha256 of what this build wrote to `output_file` through the cache, if it did."""
        with _lock:
            return self._data.get(output_file)

    def prune(self) -> int:
        """Remove entries this build did not use; returns how many."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for folder, _dirs, files in os.walk(self.root):
            for name in files:
                if name not in self.used:
                    with contextlib.suppress(OSError):
                        Path(folder, name).unlink()
                        removed += 1
        return removed


@contextlib.contextmanager
def recording() -> Iterator[set[Any]]:
    """Collect the posts and pages whose text is read inside the block (this thread)."""
    outer = getattr(_local, "reads", None)
    reads: set[Any] = set()
    _local.reads = reads
    try:
        yield reads
    finally:
        _local.reads = outer
        if outer is not None:
            outer.update(reads)


def caching(settings: dict[str, Any]) -> bool:
    """Whether this build keeps and reuses work between builds (Pelican's content cache is
    on; `publishconf.py` turns it off, so a published site is always built afresh)."""
    return bool(settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE"))


class TemplateCodeCache(BytecodeCache):
    """Compiled templates kept between builds (Jinja's cache interface, with our file).

    Every build otherwise compiles the theme again, once per generator. Jinja's own file
    cache keys by template source only (the environment's options, such as autoescape,
    also shape the code), and a damaged file of it can stop the build; here each file
    carries the source checksum, a digest of the options, and the sha256 of the code,
    and anything that does not match is ignored (the template is compiled again).
    """

    def __init__(self, folder: Path, options: Any):
        self.folder = folder
        self.salt = hashlib.sha256(canonical([options, sys.version]).encode()).hexdigest()

    def _file(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.code"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            data = self._file(bucket).read_bytes()
            header, code = data.split(b"\n", 1)
            salt, checksum, sha = header.decode("ascii").split(" ")
            if (salt, checksum) != (self.salt, bucket.checksum):
                return
            if hashlib.sha256(code).hexdigest() != sha:
                return
            bucket.code = marshal.loads(code)
        except (OSError, ValueError, EOFError, TypeError, UnicodeDecodeError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        code = marshal.dumps(bucket.code)
        header = f"{self.salt} {bucket.checksum} {hashlib.sha256(code).hexdigest()}\n"
        with contextlib.suppress(OSError):
            write_atomically_bytes(self._file(bucket), header.encode("ascii") + code)


def template_cache(settings: dict[str, Any]) -> TemplateCodeCache | None:
    """The compiled-template cache under CACHE_PATH, when the build keeps its work."""
    if not caching(settings):
        return None
    return TemplateCodeCache(
        Path(settings["CACHE_PATH"]) / TEMPLATES_DIR, settings.get("JINJA_ENVIRONMENT")
    )


def _output_key(output_path: str | Path) -> str:
    return str(Path(output_path).absolute())


def start(settings: dict[str, Any], context: dict[str, Any], extra: Any) -> PageCache | None:
    """Set up the cache of the build into OUTPUT_PATH, or none when caching is off."""
    output = _output_key(settings["OUTPUT_PATH"])
    with _lock:
        _caches.pop(output, None)
        _finished.pop(output, None)
    if not caching(settings):
        return None
    contents = {
        str(c.source_path): c
        for c in (context.get("generated_content") or {}).values()
        if c is not None
    }
    cache = PageCache(
        Path(settings["CACHE_PATH"]) / CACHE_DIR,
        site_digest(settings, context, extra),
        contents,
    )
    with _lock:
        _caches[output] = cache
    return cache


def current(output_path: str | Path) -> PageCache | None:
    with _lock:
        return _caches.get(_output_key(output_path))


def finish(output_path: str | Path) -> None:
    """After a finished build: drop entries it did not use, and forget the build."""
    with _lock:
        cache = _caches.pop(_output_key(output_path), None)
        if cache is not None:
            _finished[_output_key(output_path)] = cache
    if cache is not None:
        cache.contents, cache._texts = {}, {}  # let the build's posts go
        removed = cache.prune()
        logger.info(
            "anthology: page cache: %d reused, %d rendered, %d old entries removed",
            cache.hits,
            len(cache.rendered),
            removed,
        )


def last_build(output_path: str | Path) -> PageCache | None:
    """The cache of the last finished build into `output_path` (what it reused, what it
    rendered), or None if that build did not use one."""
    with _lock:
        return _finished.get(_output_key(output_path))


class CachedTemplate:
    """Stands in for a Jinja template in Pelican's writer: renders through the cache."""

    def __init__(self, template: Any, cache: PageCache):
        self.template = template
        self.cache = cache
        self.name = getattr(template, "name", None)

    def render(self, localcontext: dict[str, Any]) -> str:
        output_file = str(localcontext.get("output_file"))
        key = self.cache.key("page", self.name, output_file, localcontext.get("SITEURL"))

        def make() -> dict[str, bytes]:
            return {output_file: self.template.render(localcontext).encode("utf-8")}

        data = self.cache.produce(key, output_file, make)[output_file]
        self.cache.note_data(output_file, data)
        return data.decode("utf-8")


class CachingWriter(Writer):
    """Pelican's writer, rendering through the page cache when the build has one, and
    reporting each page written to `posts_written`."""

    def write_file(self, name: Any, template: Any, context: Any, *args: Any, **kwargs: Any):
        cache = current(self.output_path)
        if cache is not None and template is not None:
            template = CachedTemplate(template, cache)
        result = super().write_file(name, template, context, *args, **kwargs)
        if name:
            posts_written.written(self.output_path, str(name), self)
        return result
