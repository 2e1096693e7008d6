"""Property-based: for any front matter and body, the checker returns findings and never raises."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anthology.corpus import load_config
from anthology.findings import Finding
from anthology.gate.engine import INTERNAL_ERROR, check_all
from anthology.gate.loading import load
from benchmarks.pathological import SHAPES

from .conftest import BASE, REPO, make_images

KEYS = [
    "title",
    "authors",
    "semester",
    "tool",
    "tools",
    "category",
    "option",
    "status",
    "date",
    "format",
    "media_url",
    "evidence",
    "previously_covered",
    "added_value",
    "sections",
    "summary",
    "slug",
    "tags",
    "catgory",
    "modified",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 3000),
    st.text(max_size=30),
    st.sampled_from(
        [
            "F2026",
            "S2026",
            "tool",
            "claimed",
            "draft",
            "published",
            "video",
            "2026-10-01",
            "MLflow",
            "KServe",
            "https://x.org",
            "javascript:alert(1)",
            "testing",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["name", "id", "problem", "x"]), inner, max_size=3),
    ),
    max_leaves=8,
)
FRONT = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=10)
FRAGMENTS = st.sampled_from(
    [
        "## The problem\n",
        "## How it helps our movie recommender\n",
        "## Strengths\n",
        "```\n",
        "~~~python\n",
        "<script>x</script>",
        "<img src=x onerror=y>",
        "[link](../../x.md)",
        "![](../../images/test/ok.png)",
        "![a](data:x)",
        "[a](javascript:x)",
        "<a href='//x'>",
        "`code`",
        "\\<b>",
        "<!--",
        "-->",
        "Setext\n---\n",
        "| a | b |\n|---|---|\n",
        "    indented\n",
        "> quote\n",
        "- item\n",
        "ABC and XYZ (X Y Z). ",
        "click here",
        "[here](https://e.org)",
        "{#id}",
        "\x00",
        "\t",
        "\n\n",
        "é ü 中文 ",
        "[x][r]\n\n[r]: ../../../etc\n",
    ]
)
BODY = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=25).map("".join)


@pytest.fixture(scope="module")
def corpus_root() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp())
    root = folder / "content"
    (root / "prior").mkdir(parents=True)
    shutil.copy(REPO / "content" / "course.yaml", root / "course.yaml")
    shutil.copy(REPO / "content" / "tools.yaml", root / "tools.yaml")
    shutil.copy(BASE / "prior.yaml", root / "prior" / "2020-2022.yaml")
    for semester in ("F2026", "S2026"):
        shutil.copytree(BASE / semester, root / "posts" / semester)
    make_images(root / "images" / "test")
    yield root
    shutil.rmtree(folder)


def _check(root: Path, text: str | bytes) -> list[Finding]:
    post = root / "posts" / "F2026" / "generated.md"
    if isinstance(text, bytes):
        post.write_bytes(text)
    else:
        post.write_text(text, encoding="utf-8", errors="surrogatepass")
    paths, course, registry = load_config(root)
    _gate, contexts = load(paths, course, registry, [post], use_git=False)
    return check_all(contexts)


def _assert_clean(found: list[Finding]) -> None:
    assert all(isinstance(f, Finding) for f in found)
    assert [f for f in found if f.rule == INTERNAL_ERROR] == []


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(front=FRONT, body=BODY)
def test_any_front_matter_and_body(corpus_root: Path, front: dict, body: str) -> None:
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    _assert_clean(_check(corpus_root, text))


@FAST
@given(body=BODY)
def test_any_body_of_a_valid_tool_post(corpus_root: Path, body: str) -> None:
    front = (BASE.parent / "good" / "two-authors.md").read_text(encoding="utf-8").split("---\n")[1]
    _assert_clean(_check(corpus_root, "---\n" + front + "---\n" + body))


@FAST
@given(raw=st.binary(max_size=400))
def test_any_bytes(corpus_root: Path, raw: bytes) -> None:
    _assert_clean(_check(corpus_root, b"---\ntitle: x\n" + raw))


# Shapes that make Markdown checkers slow (runs of `<a `, `![`, backticks, brackets; deep
# nesting; thousands of headings; ...), grown to a random size and set among ordinary text.
# The deadline is far above what a linear check needs at these sizes, and far below what a
# quadratic one takes (a 20 KB line of `<a ` once took over ten seconds).
PATHOLOGICAL = st.builds(
    lambda shape, size, before, after: before + SHAPES[shape](size) + after,
    st.sampled_from(sorted(SHAPES)),
    st.integers(100, 20_000),
    BODY,
    BODY,
)


@settings(
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(body=PATHOLOGICAL)
def test_pathological_bodies_are_checked_quickly(corpus_root: Path, body: str) -> None:
    front = (BASE.parent / "good" / "two-authors.md").read_text(encoding="utf-8").split("---\n")[1]
    _assert_clean(_check(corpus_root, "---\n" + front + "---\n" + body))
