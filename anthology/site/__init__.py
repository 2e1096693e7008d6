"""The Pelican plugin: a thin layer that renders the domain model as a site.

`register()` only connects signals. The settings (the `ANTHOLOGY` dict, and `GISCUS`) live in
pelicanconf.py and are checked once at start-up.
"""

from __future__ import annotations

import sys
from typing import Any

from pelican import signals

from . import card_memo, ledger, page_cache, posts_written, prefetch
from .filters import FILTERS
from .generator import AnthologyGenerator
from .giscus import giscus_settings
from .page_cache import CachingWriter
from .preview import PreviewWriter
from .published import refuse_symlinks, restrict_static_files
from .reader import AnthologyReader
from .settings import check_settings, plugin_settings


def _add_reader(readers: Any) -> None:
    check_settings(readers.settings)
    giscus_settings(readers.settings)
    refuse_symlinks(readers.settings)
    readers.reader_classes["md"] = AnthologyReader
    prefetch.start(readers.settings)  # once per build: the corpus, cards drawn beside


def _prepare_templates(generator: Any) -> None:
    """The theme's filters, and compiled templates kept between builds (with the cache)."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters.update(FILTERS)
        card_memo.install(env)  # each post's card rendered once per build
        env.bytecode_cache = page_cache.template_cache(generator.settings)


def _add_generator(_pelican: Any) -> type[AnthologyGenerator]:
    return AnthologyGenerator


def _writer(pelican: Any) -> type[CachingWriter]:
    """Pelican's writer rendering through the page cache (and, for previews, skipping)."""
    if plugin_settings(pelican.settings)["PREVIEW_SKIP_UNCHANGED"]:
        return PreviewWriter
    return CachingWriter


def _finish(pelican: Any) -> None:
    ledger.sweep(pelican.output_path)
    page_cache.finish(pelican.output_path)
    prefetch.finish(pelican.settings)


def _new_build(pelican: Any) -> None:
    _fresh_sitemap(pelican)
    prefetch.reset(pelican.settings)
    posts_written.cancel(pelican.output_path)  # a callback left by a build that failed


def _fresh_sitemap(_pelican: Any) -> None:
    """Start every build with an empty pelican-sitemap queue.

    The plugin keeps the first Pelican object of a process until that build finishes; a
    build that fails half-way (a broken post in a live preview, or in tests) would leave it
    set, and no later build of the same process would write sitemap.xml.
    """
    module = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if module is not None:
        module.generator.__init__()


def register() -> None:
    signals.initialized.connect(_new_build)
    signals.readers_init.connect(_add_reader)
    signals.generator_init.connect(_prepare_templates)
    signals.static_generator_finalized.connect(restrict_static_files)
    signals.get_generators.connect(_add_generator)
    signals.get_writer.connect(_writer)
    signals.content_written.connect(ledger.note_written)
    signals.finalized.connect(_finish)
