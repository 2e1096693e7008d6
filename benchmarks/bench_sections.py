"""Precision and recall of the gate's "section missing" errors over the evaluation set.

Usage: python benchmarks/bench_sections.py [--corpus DIR] [--split tune|holdout-N] [--verbose]

Every post of `tests/sections/corpus/manifest.yaml` is checked by the real gate (its
front matter is filled in here, so only the sections decide; its `tool` is the manifest
entry's `tool`, else the file name's last word: `dt05-notes-tuna.md` is on tuna). A
requirement counts as reported missing when the gate gives `section-missing` for it,
`scenario-missing` for a requirement that must show the scenario, `section-unfinished`
for a part of it left as a draft marker ("TODO"), or `section-one-sided` as an error (a
verdict that only praises, under `drawbacks_blocking`). Truth is the manifest's `meets`
list.

`--corpus DIR` measures another folder laid out the same way (posts with a `title` in
their front matter and a `manifest.yaml`), e.g. a course's own labelled posts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "sections" / "corpus"
MISSING_RULES = ("section-missing", "scenario-missing")
# a draft marker ("TODO") where a requirement's text should be blocks the post and names
# the requirement it stands in, so that requirement is reported missing too
UNFINISHED_RULE = "section-unfinished"
# a verdict that only praises, as an error (`drawbacks_blocking`), lacks its limitations;
# as a warning it only advises, so it reports nothing
ONE_SIDED_RULE = "section-one-sided"
FRONT = """---
title: {title}
authors:
  - name: Eval Writer
    id: ewriter{index}
semester: F2026
tool: {tool}
category: testing
option: tool
previously_covered: false
evidence: [https://github.com/anthology-eval/post-{index}]
format: article
status: published
date: 2026-10-12
summary: An evaluation post.
---
"""


@dataclass(frozen=True)
class Outcome:
    name: str
    split: str
    truth: frozenset[str]  # requirements the post lacks
    reported: frozenset[str]  # requirements the gate reported missing


def _body(text: str) -> tuple[str, str]:
    parts = text.split("---\n", 2)
    meta = yaml.safe_load(parts[1]) or {}
    return str(meta.get("title", "Untitled")), parts[2]


def evaluate(corpus: Path = CORPUS, workers: int | None = None) -> list[Outcome]:
    """Check every post of the set with the gate; what it reported against the labels.
    The posts are checked on `workers` processes (all CPUs by default), as the gate
    checks many files: the calls are the same on any number."""
    sys.path.insert(0, str(REPO))
    from anthology.corpus import load_config
    from anthology.findings import Severity
    from anthology.gate.engine import check_all
    from anthology.gate.loading import load
    from anthology.gate.rubric import rubric_of

    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))["posts"]
    folder = Path(tempfile.mkdtemp(prefix="anthology-sections-"))
    try:
        content = folder / "content"
        (content / "posts" / "F2026").mkdir(parents=True)
        for name in ("course.yaml", "tools.yaml"):
            shutil.copy(REPO / "content" / name, content / name)
        files = {}
        for index, name in enumerate(sorted(manifest)):
            title, body = _body((corpus / name).read_text(encoding="utf-8"))
            target = content / "posts" / "F2026" / name
            # quoted: a title with ": " in it is not a plain YAML scalar
            quoted = json.dumps(title, ensure_ascii=False)
            tool = json.dumps(str(manifest[name].get("tool") or Path(name).stem.rsplit("-")[-1]))
            target.write_text(FRONT.format(title=quoted, tool=tool, index=index) + body)
            files[target.resolve()] = name
        paths, course, registry = load_config(content)
        option = course.find_option("tool")
        assert option is not None
        by_rubric = {s.rubric: s.id for s in option.sections}
        _gate, contexts = load(paths, course, registry, list(files), use_git=False)
        unread = [files.get(c.file.resolve(), c.shown) for c in contexts if c.post is None]
        if unread:  # a post the gate cannot read says nothing about its sections
            raise SystemExit(f"posts whose front matter could not be read: {unread}")
        reported: dict[str, set[str]] = {name: set() for name in manifest}
        for finding in check_all(contexts, workers=workers):
            if finding.rule not in (*MISSING_RULES, UNFINISHED_RULE, ONE_SIDED_RULE):
                continue
            if finding.rule == ONE_SIDED_RULE and finding.severity is not Severity.ERROR:
                continue
            rubric = rubric_of(finding, course)
            # a marker in no requirement's part ("TODO" in the introduction) names none
            if rubric in by_rubric:
                reported[Path(finding.path).name].add(by_rubric[rubric])
    finally:
        shutil.rmtree(folder)
    every = {s.id for s in option.sections}
    return [
        Outcome(
            name,
            str(entry.get("split", "tune")),
            frozenset(every - set(entry["meets"])),
            frozenset(reported[name]),
        )
        for name, entry in sorted(manifest.items())
    ]


def figures(outcomes: list[Outcome]) -> dict[str, float | int]:
    tp = sum(len(o.truth & o.reported) for o in outcomes)
    fp = sum(len(o.reported - o.truth) for o in outcomes)
    fn = sum(len(o.truth - o.reported) for o in outcomes)
    complete = [o for o in outcomes if not o.truth]
    return {
        "posts": len(outcomes),
        "complete posts": len(complete),
        "posts lacking a section": len(outcomes) - len(complete),
        "true errors": tp,
        "false errors": fp,
        "missed": fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "complete posts with a false error": sum(1 for o in complete if o.reported),
    }


def _show(label: str, outcomes: list[Outcome]) -> None:
    f = figures(outcomes)
    print(
        f"{label:>9}: {f['posts']} posts ({f['complete posts']} complete, "
        f"{f['posts lacking a section']} lacking a section): precision {f['precision']:.2f}, "
        f"recall {f['recall']:.2f} ({f['true errors']} true, {f['false errors']} false, "
        f"{f['missed']} missed); complete posts with a false error: "
        f"{f['complete posts with a false error']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="a folder of posts with a manifest.yaml"
    )
    parser.add_argument("--split", help="only this split (tune, holdout-1, …)")
    parser.add_argument("--verbose", action="store_true", help="list every wrong call")
    args = parser.parse_args()
    if not (args.corpus / "manifest.yaml").is_file():
        print(f"{args.corpus}: no manifest.yaml here (see tests/sections/corpus)", file=sys.stderr)
        return 2
    outcomes = evaluate(args.corpus.resolve())
    if args.split:
        outcomes = [o for o in outcomes if o.split == args.split]
    for split in sorted({o.split for o in outcomes}, key=lambda name: (name != "tune", name)):
        _show(split, [o for o in outcomes if o.split == split])
    _show("all", outcomes)
    wrong = [o for o in outcomes if o.truth != o.reported]
    if args.verbose or wrong:
        for o in wrong:
            print(
                f"  {o.name}: lacks {sorted(o.truth) or 'nothing'}, "
                f"reported {sorted(o.reported) or 'nothing'}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
