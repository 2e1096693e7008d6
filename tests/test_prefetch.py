"""A build reads each post's front matter once: the corpus loaded when reading starts
serves both Pelican's reader and the plugin's pages."""

from __future__ import annotations

from pathlib import Path

import pytest

import anthology.corpus

from .conftest import build_site, copy_content


def test_each_post_is_parsed_once_per_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = copy_content(tmp_path / "content")
    parsed: list[str] = []
    original = anthology.corpus.parse_post

    def counting(path: str, *args: object):
        parsed.append(path)
        return original(path, *args)

    monkeypatch.setattr(anthology.corpus, "parse_post", counting)
    post = content / "posts" / "F2026" / "pandera-rating-schema-checks.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("\n## ", "\nA body line.\n\n## ", 1),
        encoding="utf-8",
    )
    site = build_site(content, tmp_path / "out", ANTHOLOGY={"SEARCH": False})
    files = sorted(p for p in (content / "posts").rglob("*.md"))
    assert sorted(parsed) == sorted(f"content/{p.relative_to(content).as_posix()}" for p in files)
    page = (site / "posts" / "pandera-rating-schema-checks" / "index.html").read_text("utf-8")
    assert "A body line." in page  # the body was read, with the front matter taken as parsed
    assert "Catching rating-schema drift with Pandera" in page
