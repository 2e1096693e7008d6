"""Broken links say which `.md` (or image) path would work."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import HERE, Runner


@pytest.fixture
def post(content: Path) -> Path:
    target = content / "posts" / "F2026" / "two-authors.md"
    shutil.copyfile(HERE / "good" / "two-authors.md", target)
    shutil.copyfile(
        HERE / "base" / "S2026" / "earlier-feast.md", content / "posts" / "S2026" / "x.md"
    )
    return target


def _messages(run: Runner, content: Path, post: Path, body: str) -> list[dict[str, str]]:
    post.write_text(post.read_text(encoding="utf-8") + "\n" + body + "\n", encoding="utf-8")
    _code, out, _err = run("--content", str(content), "check", "--format", "json", str(post))
    return [f for f in json.loads(out)["findings"] if f["rule"] in {"link-broken", "image-missing"}]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("/posts/earlier-feast/", "../S2026/earlier-feast.md"),
        ("posts/earlier-feast/index.html", "../S2026/earlier-feast.md"),
        ("../S2026/earlier-fest.md", "../S2026/earlier-feast.md"),
        ("earlier-feast.md#setup", "../S2026/earlier-feast.md#setup"),
        ("/about/", "../../pages/about.md"),
        ("../../images/test/ok.pgn", "../../images/test/ok.png"),
    ],
)
def test_broken_link_suggests_the_working_path(
    content: Path, post: Path, run: Runner, written: str, meant: str
) -> None:
    findings = _messages(run, content, post, f"Read [this]({written}) too.")
    assert len(findings) == 1
    assert f"did you mean `{meant}`?" in findings[0]["message"]
    assert f"`{meant}`" in findings[0]["fix"]
    # Following the suggestion passes.
    fixed = post.read_text(encoding="utf-8").replace(f"]({written})", f"]({meant})")
    post.write_text(fixed, encoding="utf-8")
    _code, out, _err = run("--content", str(content), "check", "--format", "json", str(post))
    assert not [f for f in json.loads(out)["findings"] if f["rule"] == "link-broken"]


def test_nothing_close_gives_no_guess(content: Path, post: Path, run: Runner) -> None:
    findings = _messages(run, content, post, "A [link](zzqx-nothing-like-it.md).")
    assert len(findings) == 1 and "did you mean" not in findings[0]["message"]
