"""Front matter limits: alias bombs are refused fast, oversized front matter is reported."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from anthology.corpus import load_config
from anthology.gate.engine import check_all
from anthology.gate.loading import load


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        refs = ",".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines)


def test_billion_laughs_is_rejected_fast_and_small(content: Path) -> None:
    post = content / "posts" / "F2026" / "bomb.md"
    post.write_text(f"---\ntitle: Bomb\n{_bomb(10)}\n---\nbody\n", encoding="utf-8")
    paths, course, registry = load_config(content)
    tracemalloc.start()
    _gate, contexts = load(paths, course, registry, [post])
    found = check_all(contexts)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [(f.rule, f.line) for f in found] == [("front-matter-yaml", 3)]
    assert peak < 20_000_000


def test_pages_get_yaml_and_body_checks_only(content: Path) -> None:
    page = content / "pages" / "broken.md"
    page.write_text("---\ntitle: [unclosed\n---\n\n[Gone](missing.md)\n", encoding="utf-8")
    paths, course, registry = load_config(content)
    _gate, contexts = load(paths, course, registry, [page])
    assert sorted((f.rule, f.line) for f in check_all(contexts)) == [
        ("front-matter-yaml", 2),
        ("link-broken", 5),
    ]
