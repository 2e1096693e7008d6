"""Build the same generated corpus with the anthology and with plain Pelican; print ratios.

Usage: python benchmarks/bench_build.py [--posts 1000] [--keep DIR]

Plain Pelican gets the same posts in its native Markdown metadata format, its default
theme, default feeds and no plugins. Times are wall clock of whole processes, measured in
the same run, so machine speed cancels out of the ratios. Peak memory is the maximum
resident set size of each process (the anthology's Pelican process is measured with search
indexing off; Pagefind's own peak is measured separately).

"Cold" starts with no output folder and no CACHE_PATH: every post is read, every page
rendered, every social card and image variant drawn, Pagefind run. "Warm" removes the
output folder before each run but keeps CACHE_PATH as the previous run left it: Pelican's
content cache, and the plugin's parse, image, page and template caches and search bundle
(docs/architecture.md), so every output file is written again, from what is reusable.
Nothing in content/ changes between runs; plain Pelican runs with its own cache off.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_corpus import generate  # noqa: E402

from anthology.corpus import load_corpus  # noqa: E402

PLAIN_SETTINGS = """
SITENAME = "Plain"
SITEURL = ""
PATH = {content!r}
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
PLUGINS = []
STATIC_PATHS = ["images"]
FEED_DOMAIN = "http://localhost:8000"
LOAD_CONTENT_CACHE = False
"""


def run(command: list[str], cwd: Path = ROOT) -> tuple[float, int, float]:
    """Run a command; return (wall seconds, peak RSS in MB, CPU seconds), the last two of it
    and its waited children (worker processes, Pagefind)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read()[-3000:]}")
    return elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def plain_copy(content: Path, target: Path) -> None:
    """The same posts in Pelican's own metadata format, for plain Pelican."""
    corpus = load_corpus(content)
    for post in corpus.posts:
        folder = target / post.semester
        folder.mkdir(parents=True, exist_ok=True)
        category = post.category.name if post.category else "Announcements"
        header = [
            f"Title: {post.title}",
            f"Date: {post.date:%Y-%m-%d %H:%M}",
            f"Category: {category}",
            f"Tags: {', '.join(post.tags)}",
            f"Authors: {', '.join(a.name for a in post.authors)}",
            f"Slug: {post.slug}",
        ]
        if post.summary:
            header.append(f"Summary: {post.summary}")
        body = post.body.replace("../../images/", "{static}/images/")
        (folder / f"{post.slug}.md").write_text("\n".join(header) + "\n\n" + body, encoding="utf-8")
    shutil.copytree(content / "images", target / "images")


def best_of(repeats: int, command: list[str], before=None) -> tuple[float, int, float]:
    results = []
    for _ in range(repeats):
        if before:
            before()
        results.append(run(command))
    return min(r[0] for r in results), max(r[1] for r in results), min(r[2] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the generated files here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="anthology-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    content = work / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir()
    for name in ("course.yaml", "tools.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    shutil.copytree(ROOT / "content" / "prior", content / "prior")
    generate(content, args.posts)
    plain_content = work / "plain-content"
    shutil.rmtree(plain_content, ignore_errors=True)
    plain_copy(content, plain_content)
    (work / "plainconf.py").write_text(
        PLAIN_SETTINGS.format(content=str(plain_content)), encoding="utf-8"
    )
    python = sys.executable
    plain_out, ours_out, cache = work / "out-plain", work / "out-anthology", work / "cache"

    def clear(*folders: Path):
        return lambda: [shutil.rmtree(f, ignore_errors=True) for f in folders]

    plain = best_of(
        args.repeats,
        [
            python,
            "-m",
            "pelican",
            str(plain_content),
            "-s",
            str(work / "plainconf.py"),
            "-o",
            str(plain_out),
            "-q",
        ],
        clear(plain_out),
    )
    ours_cmd = [
        python,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-o",
        str(ours_out),
        "-q",
        "-e",
        f'CACHE_PATH="{cache}"',
    ]
    cold = best_of(args.repeats, ours_cmd, clear(ours_out, cache))
    warm = best_of(args.repeats, ours_cmd, clear(ours_out))
    # The published site as the warm build left it: pages, feeds, cards, search bundle.
    plain_mb, ours_mb = size_mb(plain_out), size_mb(ours_out)
    no_search = best_of(1, [*ours_cmd, 'ANTHOLOGY={"SEARCH": false}'], clear(ours_out))
    pagefind = run(
        [python, "-m", "pagefind", "--site", str(ours_out), "--output-subdir", "pagefind-bench"]
    )
    shutil.rmtree(ours_out / "pagefind-bench", ignore_errors=True)
    live_edit = ROOT / "benchmarks" / "live_edit.py"
    live = subprocess.run(
        [python, str(live_edit), str(content), str(work / "out-live"), str(cache)],
        capture_output=True,
        text=True,
        check=True,
    )
    rebuild = json.loads(live.stdout.strip().splitlines()[-1])
    print(
        f"corpus: {args.posts} posts (plus {len(list((content / 'prior').glob('*.yaml')))} "
        f"prior catalog file), best of {args.repeats}"
    )
    print(
        f"plain Pelican full build        {plain[0]:7.2f} s   peak {plain[1]:5d} MB   "
        f"output {plain_mb:7.1f} MB"
    )
    print(
        f"anthology, cold caches          {cold[0]:7.2f} s   ratio {cold[0] / plain[0]:.2f}x"
        f"   (budget 1.50x; CPU {cold[2]:.1f} s vs {plain[2]:.1f} s: {cold[2] / plain[2]:.2f}x)"
    )
    print(
        f"anthology, warm caches          {warm[0]:7.2f} s   ratio {warm[0] / plain[0]:.2f}x"
        f"   (budget 1.00x; CPU {warm[2]:.1f} s: {warm[2] / plain[2]:.2f}x)"
    )
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        f"anthology Pelican process peak  {no_search[1]:7d} MB  (search off; budget "
        f"300 MB at 5,000 posts)"
    )
    print(f"Pagefind alone                  {pagefind[0]:7.2f} s   peak {pagefind[1]:5d} MB")
    print(
        f"output size                     {ours_mb:7.1f} MB   ratio {ours_mb / plain_mb:.2f}x"
        f"   (budget 0.50x)"
    )
    print(
        f"live refresh after a body edit  {rebuild['seconds']:7.2f} s   ({rebuild['kind']}: "
        f"{rebuild['written']} pages rewritten, edit shown: {rebuild['shows_edit']}; "
        "as `invoke livereload`; budget 1 s)"
    )
    print(f"files kept in {work}" if args.keep else "")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
