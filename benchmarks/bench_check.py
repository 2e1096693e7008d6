"""Benchmark `anthology check` on a generated 5,000-post corpus.

Usage: python benchmarks/bench_check.py [--posts N] [--repeat N] [--keep DIR]

Times four kinds of command with wall-clock time, interpreter start-up included, best of
--repeat: checking one post against the whole corpus (budget 1 s), checking a pull request
that changes one post as the workflow does, `--changed-since` the base (1 s: git diff, the
base's configuration, scope), checking every post (10 s), and checking one 200 KB post of
each pathological shape (`pathological.py`: runs of `<a `, `![`, backticks, brackets,
10,000 headings, deeply nested lists and quotes, ...) against the corpus, reporting the
slowest shape (2 s). The corpus is committed to a throwaway git repository so the
git-aware rules do real work. The package is byte-compiled first, as the pull-request
workflow's `pip install` of the base tree does, so no timing pays for compiling Python
source (which a shell with PYTHONDONTWRITEBYTECODE set would otherwise do on every run).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from gen_corpus import generate  # noqa: E402
from pathological import SHAPES  # noqa: E402

BUDGETS = {"one post": 1.0, "pull request": 1.0, "all posts": 10.0, "worst pathological": 2.0}
PATHOLOGICAL_FRONT = """---
title: A post of a pathological shape
authors:
  - name: Pat Hology
    id: phology
semester: {semester}
tool: Pathology Probe
category: testing
option: tool
previously_covered: false
evidence: [https://github.com/anthology-bench/pathology]
status: published
date: 2026-10-01
---
"""


def _prepare(folder: Path, count: int) -> Path:
    content = folder / "content"
    content.mkdir(parents=True)
    for name in ("course.yaml", "tools.yaml"):
        shutil.copy(REPO / "content" / name, content / name)
    if (REPO / "content" / "prior").is_dir():
        shutil.copytree(REPO / "content" / "prior", content / "prior")
    generate(content, count)
    env = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    for args in (["init", "-q"], ["add", "-A"], [*env, "commit", "-q", "-m", "corpus"]):
        subprocess.run(["git", "-C", str(folder), *args], check=True)
    return content


def _pull_request(folder: Path, post: Path) -> None:
    """Branch `base` at the corpus, then a checked-out branch that changes `post`."""
    env = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    with post.open("a", encoding="utf-8") as handle:
        handle.write("\nOne more sentence about the movie recommendations we tried.\n")
    for args in (
        ["branch", "base"],
        ["checkout", "-q", "-b", "change"],
        [*env, "commit", "-q", "-am", "change one post"],
    ):
        subprocess.run(["git", "-C", str(folder), *args], check=True)


def _best(command: list[str], repeat: int) -> tuple[float, int]:
    best, code = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(
            command,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        best = min(best, time.perf_counter() - started)
        code = done.returncode
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({code}):\n{done.stderr}")
    return best, code


def _verdict(label: str, seconds: float, code: int, note: str = "") -> bool:
    budget = BUDGETS[label]
    verdict = "ok" if seconds <= budget else "OVER BUDGET"
    print(f"{label:>18}: {seconds:6.2f} s (budget {budget:.0f} s, exit {code}){note} {verdict}")
    return seconds > budget


def _worst_shape(content: Path, base: list[str], repeat: int) -> tuple[str, float, int]:
    """Check one 200 KB post of each shape (once; the slowest again, best of `repeat`)."""
    import yaml

    course = yaml.safe_load((content / "course.yaml").read_text(encoding="utf-8"))
    front = PATHOLOGICAL_FRONT.format(semester=course["semester"])
    limit = int(course.get("limits", {}).get("max_post_bytes", 200_000))
    folder = content / "posts" / str(course["semester"])
    times: dict[str, tuple[float, int]] = {}
    for name, make in SHAPES.items():
        post = folder / f"pathological-{name}.md"
        body = make(limit - len(front.encode("utf-8")))
        post.write_text(front + body, encoding="utf-8")
        while post.stat().st_size > limit:  # multi-byte shapes: trim to the limit
            body = body[: len(body) - (post.stat().st_size - limit)]
            post.write_text(front + body, encoding="utf-8")
        times[name] = _best([*base, str(post)], 1)
        post.unlink()
    worst = max(times, key=lambda name: times[name][0])
    post = folder / f"pathological-{worst}.md"
    post.write_text(front + SHAPES[worst](limit - len(front.encode("utf-8"))), encoding="utf-8")
    seconds, code = _best([*base, str(post)], repeat)
    post.unlink()
    slowest = sorted(times.items(), key=lambda item: -item[1][0])[:3]
    print("  slowest shapes: " + ", ".join(f"{n} {t:.2f} s" for n, (t, _c) in slowest))
    return worst, seconds, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="anthology-bench-"))
    try:
        print(f"generating {args.posts} posts in {folder} ...", flush=True)
        content = _prepare(folder, args.posts)
        one = sorted((content / "posts").rglob("*.md"))[args.posts // 2]
        _pull_request(folder, one)
        base = [sys.executable, "-m", "anthology.cli", "--content", str(content), "check"]
        compiled = [sys.executable, "-m", "compileall", "-q", str(REPO / "anthology")]
        subprocess.run(compiled, check=True, stdout=subprocess.DEVNULL)
        commands = {
            "one post": [*base, str(one)],
            "pull request": [*base, "--changed-since", "base"],
            "all posts": base,
        }
        failed = False
        for label, command in commands.items():
            seconds, code = _best(command, args.repeat)
            failed |= _verdict(label, seconds, code)
        shape, seconds, code = _worst_shape(content, base, args.repeat)
        failed |= _verdict("worst pathological", seconds, code, f" ({shape})")
        return 1 if failed else 0
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
