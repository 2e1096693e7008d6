"""Parsed front matter kept between builds, reused only while nothing it depends on changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from anthology.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
POST = "posts/F2026/duckdb-watch-history-analytics.md"


def _load(content: Path, cache: Path):
    return load_corpus(content, keep_bodies=False, cache_file=cache)


def test_an_edit_or_a_course_change_is_seen_and_a_broken_cache_is_ignored(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    cache = tmp_path / "cache" / "posts.pickle"
    first = _load(content, cache)
    assert cache.is_file()
    again = _load(content, cache)
    assert [p.title for p in again.posts] == [p.title for p in first.posts]
    assert all(p.body == "" for p in again.posts)

    post = content / POST
    text = post.read_text(encoding="utf-8")
    title = next(line for line in text.split("\n") if line.startswith("title:"))
    post.write_text(text.replace(title, "title: Zebra query engine"), encoding="utf-8")
    titles = {p.path: p.title for p in _load(content, cache).posts}
    assert titles[f"content/{POST}"] == "Zebra query engine"

    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("name: Big data", "name: Very big data"),
        encoding="utf-8",
    )
    categories = {p.path: p.category.name for p in _load(content, cache).posts if p.category}
    assert categories[f"content/{POST}"] == "Very big data"

    cache.write_bytes(b"not a pickle")
    assert len(_load(content, cache).posts) == len(first.posts)
