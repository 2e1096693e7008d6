"""The bad-post corpus (exact rule and line per post) and the good posts (no findings).

Posts that are not valid UTF-8 text are stored as `.bin` and checked under a `.md` name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from .conftest import HERE, Runner, add_post

BAD = HERE / "bad"
GOOD = sorted((HERE / "good").glob("*.md"))
EXPECTED: dict[str, list[dict[str, object]]] = yaml.safe_load(
    (BAD / "expected.yaml").read_text(encoding="utf-8")
)


def findings_for(run: Runner, content: Path, *files: Path) -> list[dict[str, object]]:
    code, out, err = run("--content", str(content), "check", "--format", "json", *map(str, files))
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def test_the_bad_corpus_is_large_and_fully_described() -> None:
    files = {path.name for path in BAD.iterdir() if path.suffix in (".md", ".bin")}
    assert len(files) >= 30
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_post_gives_exactly_its_findings(name: str, content: Path, run: Runner) -> None:
    post = add_post(content, BAD / name)
    if post.suffix == ".bin":  # not UTF-8 text, so kept under another name in the repository
        post = post.rename(post.with_suffix(".md"))
    found = findings_for(run, content, post)
    got = sorted((f["rule"], f["line"]) for f in found)
    want = sorted((e["rule"], e["line"]) for e in EXPECTED[name])
    assert got == want, json.dumps(found, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("source", GOOD, ids=[p.name for p in GOOD])
def test_good_post_has_no_findings(source: Path, content: Path, run: Runner) -> None:
    post = add_post(content, source)
    assert findings_for(run, content, post) == []


def test_good_posts_together_have_no_findings(content: Path, run: Runner) -> None:
    posts = [add_post(content, source) for source in GOOD]
    assert findings_for(run, content, *posts) == []
