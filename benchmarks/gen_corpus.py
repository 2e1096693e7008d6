"""Generate a large synthetic corpus of posts (about 1,200 words each) for benchmarks.

Usage: python benchmarks/gen_corpus.py CONTENT_DIR COUNT [--seed N] [--prior N]
       [--prose filler|varied]

CONTENT_DIR must already hold course.yaml and tools.yaml (and optionally prior/). Posts are
spread over the course's semesters; within a semester every post covers a different tool
or pair of tools, so the corpus looks like a real one rather than a wall of conflicts.
--prior N also writes N earlier posts published elsewhere (content/prior/generated.yaml),
with titles, authors, dates and summaries as `anthology enrich-prior` would leave them.

--prose says what the sentences are made of (the same number of words either way):
`filler` (the default, kept so that the build and check figures stay comparable) draws
every word from 40 filler words, so each of them occurs about 30 times in every post;
`varied` draws words at the rates of the posts already in CONTENT_DIR/posts (function words
and all, each post's own tool names left out), names the post's own tools about once in
80 words and now and then another tool of its category, as those posts do.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from anthology.corpus import load_config
from anthology.gate.engagement import words_of
from anthology.model import parse_post
from anthology.prior import load_catalog
from anthology.tools import Tool, ToolRegistry, slugify

_WORDS = [
    *("model", "data", "team", "service", "viewer", "movie", "rating", "stream", "request"),
    *("result", "pipeline", "server", "feature", "version", "metric", "change", "test", "user"),
    *("week", "hour", "file", "table", "job", "log", "alert", "chart", "release", "score"),
    *("list", "query", "store", "check", "run", "step", "tool", "setup", "batch", "event"),
]
_VERBS = ["helps", "shows", "keeps", "runs", "tracks", "stores", "sends", "makes", "finds"]
_IMAGE = "images/bench/diagram.png"


# In the sample posts a post names its own tool about once in 80 words, and names one or
# two other tools a few times (MLflow's post: "MLflow" 7 times in 787 words).
OWN_TOOL_EVERY = 80
OTHER_TOOL_EVERY = 400
PROSE_STYLES = ("filler", "varied")


class Prose:
    """Where the words of generated sentences come from (see the module doc)."""

    def __init__(self, words: Sequence[str], counts: Sequence[int] | None = None) -> None:
        self.words = list(words)
        self.cumulative = list(accumulate(counts)) if counts else None
        self.varied = counts is not None
        self.neighbours: dict[str, list[Tool]] = {}

    @classmethod
    def filler(cls) -> Prose:
        return cls(_WORDS)

    @classmethod
    def from_posts(cls, content: Path, registry: ToolRegistry) -> Prose:
        """Word rates of the posts in `content/posts` (generated ones left out)."""
        _paths, course, _registry = load_config(content)
        counts: Counter[str] = Counter()
        for path in sorted((content / "posts").rglob("*.md")):
            if path.name.startswith("bench-"):
                continue
            post = parse_post(str(path), path.read_text(encoding="utf-8"), course, registry).post
            if post is None:
                continue
            own = {
                word.casefold()
                for tool in post.tools
                for name in (tool.name, *tool.aliases)
                for word in words_of(name)
            }
            counts.update(w for w in (w.casefold() for w in words_of(post.body)) if w not in own)
        if sum(counts.values()) < 1000:
            raise SystemExit(
                f"{content / 'posts'}: fewer than 1,000 words of sample posts to draw varied "
                "prose from; add posts or use --prose filler"
            )
        prose = cls(list(counts), list(counts.values()))
        for tool in registry.tools:
            prose.neighbours.setdefault(tool.category or "", []).append(tool)
        return prose

    def draw(self, rng: random.Random, count: int, tools: Sequence[Tool] = ()) -> list[str]:
        if not self.varied:
            return [rng.choice(self.words) for _ in range(count)]
        words = rng.choices(self.words, cum_weights=self.cumulative, k=count)
        category = tools[0].category or "" if tools else None
        others = [t for t in self.neighbours.get(category or "", []) if tools and t not in tools]
        for index in range(count):
            if tools and rng.randrange(OWN_TOOL_EVERY) == 0:
                words[index] = rng.choice(tools).name
            elif others and rng.randrange(OTHER_TOOL_EVERY) == 0:
                words[index] = rng.choice(others).name
        return words

    def sentence(self, rng: random.Random, tools: Sequence[Tool] = ()) -> str:
        if self.varied:  # as many words as a filler sentence and its verb
            words = self.draw(rng, rng.randint(8, 18) + 1, tools)
        else:
            words = self.draw(rng, rng.randint(8, 18))
            words.insert(2, rng.choice(_VERBS))
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."

    def paragraph(
        self, rng: random.Random, sentences: int, tools: Sequence[Tool] = (), scenario: bool = False
    ) -> str:
        text = " ".join(self.sentence(rng, tools) for _ in range(sentences))
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
    prose: Prose,
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
    added = "added_value: >-\n  " + prose.paragraph(rng, 4, tools) + "\n" if earlier else ""
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

{prose.paragraph(rng, 8, tools)}

## The problem the tool addresses

{prose.paragraph(rng, 12, tools)}

{prose.paragraph(rng, 12, tools)}

## How it helps with our movie recommendations

{prose.paragraph(rng, 12, tools, scenario=True)}

```python
import tool
tool.run("ratings.csv")  # not prose
```

{link}The [project documentation](https://example.org/docs/{index}) has more.

![A diagram of the pipeline](../../{_IMAGE})

{prose.paragraph(rng, 16, tools)}

## Strengths and limitations

{prose.paragraph(rng, 12, tools)}

- {prose.sentence(rng, tools)}
- {prose.sentence(rng, tools)}

{prose.paragraph(rng, 8, tools)}
"""


def _write_image(content: Path) -> None:
    from PIL import Image

    path = content / _IMAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (40, 90, 160)).save(path, "PNG")


def prose_for(content: Path, style: str) -> Prose:
    """The words for `style` ("filler" or "varied", drawn from `content`'s own posts)."""
    if style == "filler":
        return Prose.filler()
    return Prose.from_posts(content, load_config(content)[2])


def generate(content: Path, count: int, seed: int = 0, prose: Prose | None = None) -> list[Path]:
    """Write `count` posts under `content/posts/<semester>/`; return their paths."""
    prose = prose or Prose.filler()
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
            _post(prose, rng, index, semester, tools, earlier, previous.get(semester)),
            encoding="utf-8",
        )
        previous[semester] = path.name
        covered[semester].update(tool.slug for tool in tools)
        written.append(path)
    return written


def generate_prior(content: Path, count: int, seed: int = 0, prose: Prose | None = None) -> Path:
    """Write `count` earlier posts on registry tools into `content/prior/generated.yaml`."""
    import yaml

    prose = prose or Prose.filler()
    paths, _course, registry = load_config(content)
    rng = random.Random(seed + 1)
    tools = list(registry.tools)
    posts = []
    for index in range(count):
        tool = rng.choice(tools)
        words = " ".join(prose.draw(rng, rng.randint(3, 7)))
        author = f"writer{index:05d}"
        slug = slugify(f"{tool.name} {words}")
        posts.append(
            {
                "name": tool.name,
                "title": f"{tool.name}: {words}",
                "author": f"@{author}",
                "published": f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}",
                "summary": " ".join(prose.sentence(rng, (tool,)) for _ in range(2)),
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
    parser.add_argument("--prose", choices=PROSE_STYLES, default="filler")
    args = parser.parse_args()
    prose = prose_for(args.content, args.prose)
    written = generate(args.content, args.count, args.seed, prose)
    print(f"wrote {len(written)} posts under {args.content / 'posts'}")
    if args.prior:
        target = generate_prior(args.content, args.prior, args.seed, prose)
        print(f"wrote {args.prior} earlier posts to {target}")


if __name__ == "__main__":
    main()
