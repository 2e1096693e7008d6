"""Generate a large synthetic corpus of posts (about 1,200 words each) for benchmarks.

Usage: python benchmarks/gen_corpus.py CONTENT_DIR COUNT [--seed N] [--prior N]

CONTENT_DIR must already hold course.yaml and tools.yaml (and optionally prior/). Posts are
spread over the course's semesters; within a semester every post covers a different tool
or pair of tools, so the corpus looks like a real one rather than a wall of conflicts.
--prior N also writes N earlier posts published elsewhere (content/prior/generated.yaml),
with titles, authors, dates and summaries as `anthology enrich-prior` would leave them.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from anthology.corpus import load_config
from anthology.prior import load_catalog
from anthology.tools import Tool, slugify

_WORDS = [
    *("model", "data", "team", "service", "viewer", "movie", "rating", "stream", "request"),
    *("result", "pipeline", "server", "feature", "version", "metric", "change", "test", "user"),
    *("week", "hour", "file", "table", "job", "log", "alert", "chart", "release", "score"),
    *("list", "query", "store", "check", "run", "step", "tool", "setup", "batch", "event"),
]
_VERBS = ["helps", "shows", "keeps", "runs", "tracks", "stores", "sends", "makes", "finds"]
_IMAGE = "images/bench/diagram.png"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 18))]
    words.insert(2, rng.choice(_VERBS))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int, scenario: bool = False) -> str:
    text = " ".join(_sentence(rng) for _ in range(sentences))
    if scenario:
        text += " Our movie recommendation service streams ratings from viewers every hour."
    return text


def _tool_sets(tools: list[Tool], rng: random.Random) -> Iterator[tuple[Tool, ...]]:
    """Every tool alone, then pairs in random order: a tool appears in a few posts, as in a
    real course, rather than one tool in every pair."""
    yield from ((tool,) for tool in tools)
    pairs = list(itertools.combinations(tools, 2))
    rng.shuffle(pairs)
    yield from pairs


def _post(
    rng: random.Random,
    index: int,
    semester: str,
    tools: tuple[Tool, ...],
    earlier: bool,
    previous: str | None,
) -> str:
    names = [tool.name for tool in tools]
    tool_field = names[0] if len(names) == 1 else "[" + ", ".join(names) + "]"
    covered = "true" if earlier else "false"
    added = "added_value: >-\n  " + _paragraph(rng, 4) + "\n" if earlier else ""
    link = f"See also [the previous post]({previous}). " if previous else ""
    category = tools[0].category or "mlops-deployment"
    return f"""---
title: "Benchmark post {index}: {" and ".join(names)}"
authors:
  - name: Student {index}
    id: s{index:05d}
semester: {semester}
tool: {tool_field}
category: {category}
tags: [benchmark]
option: tool
previously_covered: {covered}
{added}evidence:
  - https://github.com/bench/post-{index}
format: article
status: published
date: 2026-10-{1 + index % 28:02d}
summary: A generated post for benchmarks.
---

{_paragraph(rng, 8)}

## The problem the tool addresses

{_paragraph(rng, 12)}

{_paragraph(rng, 12)}

## How it helps with our movie recommendations

{_paragraph(rng, 12, scenario=True)}

```python
import tool
tool.run("ratings.csv")  # not prose
```

{link}The [project documentation](https://example.org/docs/{index}) has more.

![A diagram of the pipeline](../../{_IMAGE})

{_paragraph(rng, 16)}

## Strengths and limitations

{_paragraph(rng, 12)}

- {_sentence(rng)}
- {_sentence(rng)}

{_paragraph(rng, 8)}
"""


def _write_image(content: Path) -> None:
    from PIL import Image

    path = content / _IMAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (40, 90, 160)).save(path, "PNG")


def generate(content: Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` posts under `content/posts/<semester>/`; return their paths."""
    paths, course, registry = load_config(content)
    prior_slugs = {
        t.slug for entry in load_catalog(paths.prior, registry, content.parent) for t in entry.tools
    }
    rng = random.Random(seed)
    semesters = [s.id for s in course.semesters]
    per_semester = {s: _tool_sets(list(registry.tools), rng) for s in semesters}
    covered: dict[str, set[str]] = {s: set(prior_slugs) for s in semesters}
    _write_image(content)
    written: list[Path] = []
    previous: dict[str, str] = {}
    for index in range(count):
        semester = semesters[index % len(semesters)]
        tools = next(per_semester[semester])
        position = semesters.index(semester)
        earlier_slugs = set(prior_slugs).union(*(covered[s] for s in semesters[:position]))
        earlier = any(tool.slug in earlier_slugs for tool in tools)
        folder = paths.posts / semester
        folder.mkdir(parents=True, exist_ok=True)
        slug = f"bench-{index:05d}-" + slugify("-".join(t.slug for t in tools))
        path = folder / f"{slug}.md"
        path.write_text(
            _post(rng, index, semester, tools, earlier, previous.get(semester)), encoding="utf-8"
        )
        previous[semester] = path.name
        covered[semester].update(tool.slug for tool in tools)
        written.append(path)
    return written


def generate_prior(content: Path, count: int, seed: int = 0) -> Path:
    """Write `count` earlier posts on registry tools into `content/prior/generated.yaml`."""
    import yaml

    paths, _course, registry = load_config(content)
    rng = random.Random(seed + 1)
    tools = list(registry.tools)
    posts = []
    for index in range(count):
        tool = rng.choice(tools)
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 7)))
        author = f"writer{index:05d}"
        slug = slugify(f"{tool.name} {words}")
        posts.append(
            {
                "name": tool.name,
                "title": f"{tool.name}: {words}",
                "author": f"@{author}",
                "published": f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}",
                "summary": " ".join(_sentence(rng) for _ in range(2)),
                "tools": [tool.name],
                "url": f"https://medium.com/@{author}/{slug}-{index:012x}",
                "semester": f"Earlier {2015 + index % 10}",
            }
        )
    target = paths.prior / "generated.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        yaml.safe_dump({"semester": "Earlier", "source": "gen_corpus", "posts": posts}),
        encoding="utf-8",
    )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--prior", type=int, default=0, help="earlier posts to add")
    args = parser.parse_args()
    written = generate(args.content, args.count, args.seed)
    print(f"wrote {len(written)} posts under {args.content / 'posts'}")
    if args.prior:
        print(f"wrote {args.prior} earlier posts to {generate_prior(args.content, args.prior)}")


if __name__ == "__main__":
    main()
