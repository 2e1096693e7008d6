"""Benchmark `anthology check` on a generated 5,000-post corpus.

Usage: python benchmarks/bench_check.py [--posts N] [--repeat N] [--keep DIR]

Times three commands with wall-clock time, interpreter start-up included, best of --repeat:
checking one post against the whole corpus (budget 1 s), checking a pull request that
changes one post as the workflow does, `--changed-since` the base (1 s: git diff, the
base's configuration, scope), and checking every post (10 s). The corpus is committed to
a throwaway git repository so the git-aware rules do real work.
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

BUDGETS = {"one post": 1.0, "pull request": 1.0, "all posts": 10.0}


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
        commands = {
            "one post": [*base, str(one)],
            "pull request": [*base, "--changed-since", "base"],
            "all posts": base,
        }
        failed = False
        for label, command in commands.items():
            seconds, code = _best(command, args.repeat)
            budget = BUDGETS[label]
            verdict = "ok" if seconds <= budget else "OVER BUDGET"
            failed |= seconds > budget
            print(f"{label:>12}: {seconds:6.2f} s (budget {budget:.0f} s, exit {code}) {verdict}")
        return 1 if failed else 0
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
