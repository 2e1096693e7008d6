"""`invoke publish`: build aside, check links, swap in; a failure keeps the old site."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.site.commands import BuildFailed, publish

from .conftest import SETTINGS, copy_content

BROKEN = "---\ntitle: Broken\ndate: [oops\n---\nBody\n"


def overrides(content: Path, tmp_path: Path) -> dict[str, object]:
    return {
        "PATH": str(content),
        "CACHE_PATH": str(tmp_path / "cache"),
        "LOAD_CONTENT_CACHE": False,
        "ANTHOLOGY": {"SOCIAL_CARDS": False},
    }


def old_site(tmp_path: Path) -> Path:
    output = tmp_path / "site" / "output"
    output.mkdir(parents=True)
    (output / "index.html").write_text("the previous site", encoding="utf-8")
    return output


def leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != output.name)


def test_publish_swaps_in_a_checked_build(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    output = old_site(tmp_path)
    publish(SETTINGS, output, **overrides(content, tmp_path))
    assert "the previous site" not in (output / "index.html").read_text(encoding="utf-8")
    assert (output / "posts" / "pandera-rating-schema-checks" / "index.html").exists()
    assert (output / "pagefind" / "pagefind-entry.json").exists()
    assert leftovers(output) == []


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    (content / "posts" / "F2026" / "broken.md").write_text(BROKEN, encoding="utf-8")
    output = old_site(tmp_path)
    with pytest.raises(BuildFailed, match=r"broken\.md"):
        publish(SETTINGS, output, **overrides(content, tmp_path))
    assert (output / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in output.iterdir()) == ["index.html"]
    assert leftovers(output) == []


def test_a_broken_internal_link_stops_the_swap(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    about = content / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n[Gone](/no/such/page/)\n", encoding="utf-8"
    )
    output = old_site(tmp_path)
    with pytest.raises(BuildFailed, match="broken internal links"):
        publish(SETTINGS, output, **overrides(content, tmp_path))
    assert (output / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert leftovers(output) == []
