"""Comments in the gate: the bad-comment corpus, good comments, selection and exit codes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from anthology.course import load_course
from anthology.findings import error
from anthology.gate.rubric import rubric_of
from anthology.gate.rules.comments import generic_phrases, words_of

from .conftest import HERE, Runner
from .test_cli import git

COMMENTS = HERE / "comments"
BAD = COMMENTS / "bad"
GOOD = sorted((COMMENTS / "good").glob("*.md"))
EXPECTED: dict[str, list[dict[str, object]]] = yaml.safe_load(
    (COMMENTS / "expected.yaml").read_text(encoding="utf-8")
)
TARGET = "earlier-feast"  # the published S2026 post of the gate's base content


def add_comment(content: Path, source: Path, post: str = TARGET) -> Path:
    """Copy a comment where it belongs: `<its post:>/<its author id>.md` when it says them."""
    text = source.read_text(encoding="utf-8")
    author, named = re.search(r"\bid: (\w+)", text), re.search(r"^post: (\S+)", text, re.M)
    name = f"{author.group(1)}.md" if author else source.name
    target = content / "comments" / (named.group(1) if named else post) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def shown(path: Path) -> str:
    return "content/" + path.relative_to(path.parents[2]).as_posix()


def check_json(run: Runner, content: Path, *args: str) -> tuple[int, dict]:
    code, out, err = run("--content", str(content), "check", "--format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)


def test_the_bad_comments_are_fully_described() -> None:
    assert {path.name for path in BAD.glob("*.md")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_comment_gives_exactly_its_findings(name: str, content: Path, run: Runner) -> None:
    comment = add_comment(content, BAD / name)
    code, data = check_json(run, content, str(comment))
    got = sorted((f["rule"], f["line"]) for f in data["findings"])
    want = sorted((e["rule"], e["line"]) for e in EXPECTED[name])
    assert got == want, json.dumps(data["findings"], indent=1, ensure_ascii=False)
    assert code == 1
    assert {f["path"] for f in data["findings"]} == {shown(comment)}


@pytest.mark.parametrize("source", GOOD, ids=[p.name for p in GOOD])
def test_good_comment_has_no_findings(source: Path, content: Path, run: Runner) -> None:
    comment = add_comment(content, source)
    code, data = check_json(run, content, "--strict", str(comment))
    assert (code, data["findings"]) == (0, [])


def test_messages_say_what_to_fix(content: Path, run: Runner) -> None:
    comments = [add_comment(content, BAD / name) for name in ("target-missing.md", "generic.md")]
    _code, data = check_json(run, content, *map(str, comments))
    by_rule = {f["rule"]: f for f in data["findings"]}
    assert "Did you mean `post: earlier-feast`?" in by_rule["comment-target-missing"]["fix"]
    assert "“looks good”" in by_rule["comment-generic"]["message"]
    assert all(f["rubric"] == "comments" for f in data["findings"])


def test_thresholds_and_phrases_come_from_the_course(content: Path, run: Runner) -> None:
    short = add_comment(content, BAD / "too-short.md")
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    lower = text.replace("  min_words: 40\n", "  min_words: 5\n")
    course.write_text(lower, encoding="utf-8")
    _code, data = check_json(run, content, str(short))
    assert [f["rule"] for f in data["findings"]] == ["comment-padding"]  # 5 words of its own
    lower = lower.replace("min_distinct_words: 20", "min_distinct_words: 5")
    course.write_text(lower, encoding="utf-8")
    assert check_json(run, content, str(short))[0] == 0
    course.write_text(
        text.replace("generic_phrases: [", "generic_phrases: [did feast warn you, "),
        encoding="utf-8",
    )
    _code, data = check_json(run, content, str(short))
    assert [f["rule"] for f in data["findings"]] == ["comment-generic"]


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Looks good!", ["looks good"]),
        ("INTERESTING!!!", ["interesting"]),
        ("Great post, thanks for sharing. I liked it a lot!", ["great post", "thanks for sharing"]),
        ("Looks good, but why did you sample viewers uniformly rather than by activity?", []),
        ("Interestingly, the cache mattered more than the model.", []),
    ],
)
def test_generic_means_a_phrase_and_at_most_a_few_more_words(text: str, phrases: list[str]) -> None:
    listed = load_course(HERE.parents[1] / "content" / "course.yaml").setting(
        "comments", "generic_phrases"
    )
    assert generic_phrases(words_of(text), listed, 8) == phrases


def test_comment_rules_speak_to_the_comments_rubric_line() -> None:
    course = load_course(HERE.parents[1] / "content" / "course.yaml")
    assert rubric_of(error("comment-generic", "a", 1, "m", "f"), course) == "comments"


# -- selection and exit codes -------------------------------------------------------------


def test_check_without_paths_includes_comments(content: Path, run: Runner) -> None:
    add_comment(content, GOOD[0])
    selfish = add_comment(content, BAD / "self.md")
    code, data = check_json(run, content)
    assert data["summary"]["files_checked"] == 5  # two posts, the about page, two comments
    assert shown(selfish) in {f["path"] for f in data["findings"]}
    assert code == 1


def test_exit_codes_for_comments(content: Path, run: Runner) -> None:
    good = add_comment(content, GOOD[0])
    assert run("--content", str(content), "check", str(good))[0] == 0
    bad = add_comment(content, BAD / "generic.md")
    code, out, _err = run("--content", str(content), "check", str(good), str(bad))
    assert code == 1 and "[comment-generic]" in out and "    fix: " in out
    folder = content / "comments"
    assert run("--content", str(content), "check", str(folder))[0] == 1


def test_changed_since_includes_changed_comments(content: Path, run: Runner) -> None:
    root = content.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base", when="2026-09-01T12:00:00+00:00")
    git(root, "checkout", "-q", "-b", "comments")
    add_comment(content, GOOD[0])
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "comment", when="2026-10-27T12:00:00+00:00")
    selfish = add_comment(content, BAD / "self.md")  # not committed yet: checked too
    code, data = check_json(run, content, "--changed-since", "main")
    assert data["summary"]["files_checked"] == 2
    assert {f["path"] for f in data["findings"]} == {shown(selfish)}
    assert code == 1
