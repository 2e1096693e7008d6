"""A Pelican reader for Markdown with YAML front matter, going through the domain model."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, ClassVar

from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag

from .. import yamlsafe
from ..corpus import ContentPaths, load_config
from ..findings import ContentError, error
from ..frontmatter import split
from ..model import Post
from ..text import count_words, reading_minutes
from . import prefetch
from .render import Renderer
from .settings import plugin_settings
from .tools import ToolRef


class AnthologyReader(BaseReader):
    """Reads posts through `anthology.model` and pages through a small front-matter parser."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def __init__(self, settings: dict[str, Any]):
        super().__init__(settings)
        self._config: tuple[ContentPaths, Any, Any] | None = None
        self._renderer = Renderer(settings)
        self._show_drafts = bool(plugin_settings(settings)["SHOW_DRAFTS"])

    def _load_config(self) -> tuple[ContentPaths, Any, Any]:
        if self._config is None:
            self._config = load_config(Path(self.settings["PATH"]))
        return self._config

    def _render(self, body: str, source: str) -> str:
        return self._renderer.render(body, source)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        paths, course, registry = self._load_config()
        path = Path(source_path).resolve()
        if paths.posts.resolve() in path.parents:
            parsed = prefetch.read(self.settings, Path(source_path), paths, course, registry)
            if parsed.post is None or parsed.errors:
                raise ContentError(parsed.errors or parsed.findings)
            return self._post(parsed.post, course)
        return self._page(path, paths)

    def _post(self, post: Post, course: Any) -> tuple[str, dict[str, Any]]:
        is_draft = post.status == "draft" and self._show_drafts
        if post.status != "published" and not is_draft:
            # Claimed stubs, and drafts outside the live preview, never reach the output.
            return "", {"title": post.title, "status": "skip"}
        words = count_words(post.body)
        category_name = post.category.name if post.category else course.announcement_category
        category = Category(category_name, self.settings)
        if post.category:
            category.slug = post.category.id  # URLs use the short id from course.yaml
        metadata: dict[str, Any] = {
            "title": post.title,
            "date": post.date,
            "slug": post.slug,
            "status": "published",
            "is_draft": is_draft,
            "category": category,
            "tags": [Tag(tag, self.settings) for tag in post.tags],
            "authors": [Author(author.name, self.settings) for author in post.authors],
            "author_ids": [author.id for author in post.authors],
            "semester": post.semester,
            "semester_label": course.semester_label(post.semester),
            "tools": [ToolRef.from_tool(tool) for tool in post.tools],
            "evidence": list(post.evidence),
            "post_format": post.format,
            "media_url": post.media_url,
            "previously_covered": post.previously_covered,
            "added_value": post.added_value,
            "is_announcement": post.is_announcement,
            "word_count": words,
            "reading_time": reading_minutes(words),
            "source_file": post.path,
        }
        if post.modified:
            metadata["modified"] = post.modified
        if post.summary:
            metadata["summary"] = html.escape(post.summary)
        return self._render(post.body, _content_relative(post.path)), metadata

    def _page(self, path: Path, paths: ContentPaths) -> tuple[str, dict[str, Any]]:
        shown = paths.shown(path)
        text = path.read_text(encoding="utf-8")
        doc = split(text)
        try:
            raw = yamlsafe.load(doc.front_matter or "", doc.front_matter_line) or {}
        except yamlsafe.YamlProblem as problem:
            raise ContentError(
                [
                    error(
                        "front-matter-yaml",
                        shown,
                        problem.line,
                        problem.message,
                        "Fix the YAML syntax.",
                    )
                ]
            ) from None
        if not isinstance(raw, dict) or not raw.get("title"):
            raise ContentError(
                [
                    error(
                        "front-matter-required",
                        shown,
                        1,
                        "a page needs front matter with `title`",
                        "Start the page with `---`, `title: ...`, `---`.",
                    )
                ]
            )
        metadata: dict[str, Any] = {"title": str(raw["title"])}
        for key in ("slug", "summary", "status"):
            if raw.get(key):
                metadata[key] = html.escape(str(raw[key])) if key == "summary" else str(raw[key])
        return self._render(doc.body, _content_relative(shown)), metadata


def _content_relative(shown: str) -> str:
    """`content/posts/F2026/x.md` -> `posts/F2026/x.md` (paths Pelican's links use)."""
    return shown.split("/", 1)[1] if "/" in shown else shown
