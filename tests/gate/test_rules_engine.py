"""A crashing rule becomes an internal error naming the file; the other rules still run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from anthology.findings import Finding
from anthology.gate import rules
from anthology.gate.context import PostContext

from .conftest import HERE, Runner, add_post


def test_a_crashing_rule_is_reported_and_the_others_still_run(
    content: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(ctx: PostContext) -> Iterator[Finding]:
        raise RuntimeError("boom")
        yield  # pragma: no cover

    broken = tuple(
        rules.Rule(rule.name, explode, rule.kinds) if rule.name == "links" else rule
        for rule in rules.RULES
    )
    monkeypatch.setattr(rules, "RULES", broken)
    post = add_post(content, HERE / "bad" / "html-script.md")
    code, out, err = run("--content", str(content), "check", "--format", "json", str(post))
    found = json.loads(out)["findings"]
    assert code == 1 and "Traceback" not in err
    assert sorted((f["rule"], f["path"]) for f in found) == [
        ("html-unsafe", "content/posts/F2026/html-script.md"),
        ("internal-error", "content/posts/F2026/html-script.md"),
    ]
    internal = next(f for f in found if f["rule"] == "internal-error")
    assert "links" in internal["message"] and "boom" in internal["message"]


def test_parallel_and_serial_runs_agree(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from anthology.corpus import load_config
    from anthology.gate import engine
    from anthology.gate.engine import check_all
    from anthology.gate.loading import load

    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    for index, source in enumerate(sorted((HERE / "bad").glob("*.md"))):
        if source.name.startswith(("html-", "link-", "image-")):
            add_post(content, source).rename(content / "posts" / "F2026" / f"{index}-{source.name}")
    paths, course, registry = load_config(content)
    files = sorted((content / "posts").rglob("*.md"))
    _gate, contexts = load(paths, course, registry, files)
    serial = sorted(check_all(contexts, workers=1), key=repr)
    parallel = sorted(check_all(contexts * 10, workers=2), key=repr)
    assert serial and parallel == sorted(serial * 10, key=repr)
