"""Markdown to the HTML the site shows: one renderer for posts, pages and comments."""

from __future__ import annotations

from typing import Any

from markdown import Markdown

from ..links import rewrite_relative_links
from ..markdown_config import PELICAN_MARKDOWN
from ..sanitize import clean_html
from ..scrollables import focusable_scrollables
from .settings import plugin_settings


class Renderer:
    """Pelican's MARKDOWN settings, the nh3 allow-list (unless turned off), focusable blocks."""

    def __init__(self, settings: dict[str, Any]):
        self.settings = settings
        self.sanitize = bool(plugin_settings(settings)["SANITIZE"])
        self._markdown: Markdown | None = None

    def render(self, body: str, source: str) -> str:
        """HTML of `body`; relative links resolve against `source` (content-relative path)."""
        if self._markdown is None:
            options = dict(self.settings.get("MARKDOWN") or PELICAN_MARKDOWN)
            options.setdefault("extensions", list(options.get("extension_configs", {})))
            self._markdown = Markdown(**options)
        rendered = self._markdown.reset().convert(body)
        if self.sanitize:
            rendered = clean_html(rendered)
        return focusable_scrollables(rewrite_relative_links(rendered, source))
