"""The benchmark corpus generator: the filler prose and the varied prose drawn from the
sample posts are the same size, and varied prose reads like the sample posts' word rates."""

from __future__ import annotations

import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from gen_corpus import generate, generate_prior, prose_for  # noqa: E402

from anthology.corpus import load_config  # noqa: E402

WORD = re.compile(r"[^\W_]+")


def _content(tmp_path: Path, name: str) -> Path:
    content = tmp_path / name / "content"
    shutil.copytree(REPO / "content", content)
    return content


def _bodies(paths: list[Path]) -> list[str]:
    return [path.read_text(encoding="utf-8").split("\n---\n", 1)[1] for path in paths]


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def test_varied_prose_is_as_long_as_filler_and_reads_like_the_sample_posts(
    tmp_path: Path,
) -> None:
    filler_content = _content(tmp_path, "filler")
    varied_content = _content(tmp_path, "varied")
    filler = _bodies(generate(filler_content, 60, prose=prose_for(filler_content, "filler")))
    varied_paths = generate(varied_content, 60, prose=prose_for(varied_content, "varied"))
    varied = _bodies(varied_paths)

    filler_words = sum(len(_words(body)) for body in filler)
    varied_words = sum(len(_words(body)) for body in varied)
    assert abs(varied_words - filler_words) / filler_words < 0.03  # same size in words

    counts = Counter(w for body in varied for w in _words(body))
    total = sum(counts.values())
    # Function words at the rates of English prose; no content word repeated like filler.
    assert counts["the"] / total > 0.03
    assert counts["and"] / total > 0.01
    filler_counts = Counter(w for body in filler for w in _words(body))
    assert max(filler_counts[w] for w in ("model", "data", "tool")) / filler_words > 0.02
    assert counts["model"] / total < 0.015
    assert len(counts) > 3 * len(filler_counts)  # a far larger vocabulary


def test_varied_posts_name_their_own_tools_and_not_the_sample_posts_tools(
    tmp_path: Path,
) -> None:
    content = _content(tmp_path, "varied")
    _paths, _course, registry = load_config(content)
    paths = generate(content, 80, prose=prose_for(content, "varied"))
    mlflow = registry.lookup("MLflow")
    assert mlflow is not None
    for path in paths:
        text = path.read_text(encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        title = re.search(r'^title: "Benchmark post \d+: (.+)"$', front, re.MULTILINE)
        assert title is not None
        names = title.group(1).split(" and ")
        # Each post names one of its own tools in its text, as the sample posts do.
        assert any(name in body for name in names), path.name
        # The sample MLflow post's own word is left out of the word rates: it appears only
        # where MLflow is the post's tool or a tool of the same category.
        tools = [registry.lookup(name) for name in names]
        if "mlflow" in _words(body):
            assert any(t is not None and t.category == mlflow.category for t in tools), path.name


def test_earlier_posts_use_the_same_prose(tmp_path: Path) -> None:
    content = _content(tmp_path, "varied")
    target = generate_prior(content, 30, prose=prose_for(content, "varied"))
    text = target.read_text(encoding="utf-8")
    assert Counter(_words(text))["the"] > 10


def test_varied_prose_without_sample_posts_says_what_to_do(tmp_path: Path) -> None:
    content = _content(tmp_path, "empty")
    shutil.rmtree(content / "posts")
    (content / "posts").mkdir()
    with pytest.raises(SystemExit) as raised:
        prose_for(content, "varied")
    message = str(raised.value)
    assert str(content / "posts") in message
    assert "--prose filler" in message
