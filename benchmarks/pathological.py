"""Post bodies shaped to make a Markdown checker slow, each grown to a given size.

Shared by the property tests (tests/gate/test_properties.py) and the check benchmark
(benchmarks/bench_check.py), so the shapes the benchmark times are the shapes the tests run.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit))


def _nested_list(size: int) -> str:
    lines, depth, used = [], 0, 0
    while used < size:
        line = "    " * depth + "- item\n"
        if used + len(line) > size:
            break
        lines.append(line)
        used += len(line)
        depth += 1
    return "".join(lines)


def _nested_quote(size: int) -> str:
    lines, depth, used = [], 1, 0
    while used + depth + 3 <= size:
        lines.append(">" * depth + " x\n")
        used += depth + 3
        depth += 1
    return "".join(lines)


def _table(size: int) -> str:
    return "| a | b |\n|---|---|\n" + "| x | y |\n" * max(1, (size - 20) // 10)


SHAPES: dict[str, Callable[[int], str]] = {
    "a-tags": _repeat("<a "),
    "images": _repeat("!["),
    "stars": _repeat("*"),
    "underscores": _repeat("_"),
    "backticks": _repeat("`"),
    "brackets": _repeat("["),
    "less-than": _repeat("<"),
    "ampersands": _repeat("&"),
    "entities": _repeat("&#x"),
    "open-links": _repeat("[a](b"),
    "link-targets": _repeat("]("),
    "attribute-lists": _repeat("{#"),
    "comments": _repeat("<!--"),
    "backslashes": _repeat("\\"),
    "closed-tags": _repeat("<b>"),
    "autolinks": _repeat("<http://"),
    "code-spans": _repeat("`a"),
    "emphasis": _repeat("*a _b "),
    "headings": _repeat("# h\n"),
    "spaced-headings": _repeat("# h\n\n"),
    "setext-headings": _repeat("a\n=\n"),
    "rules": _repeat("---\n"),
    "nested-list": _nested_list,
    "list-chain": lambda size: "- " * max(1, size // 2 - 1) + "x\n",
    "nested-quote": _nested_quote,
    "quote-line": _repeat(">"),
    "quoted-lists": _repeat("> - "),
    "numbered": _repeat("1. "),
    "table": _table,
    "fence-openers": _repeat("```a\n"),
    "indented-code": _repeat("    x\n"),
    "definitions": _repeat("[a]: b\n"),
    "footnotes": _repeat("[^1]"),
    "pipes": _repeat("|"),
    "blank-lines": _repeat("\n"),
    "short-paragraphs": _repeat("x\n\n"),
    "punctuation-paragraphs": _repeat("_{#\n\n"),
    "one-long-word": _repeat("a"),
    # lines that stand alone, each one long run of spaces between two letters: a post with
    # no heading reads such lines as possible titles
    "spaced-lines": lambda size: ("a" + " " * max(1, size // 3 - 4) + "b\n\n") * 3,
}
