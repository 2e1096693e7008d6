"""Which external links to check, and where each one appears."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import Corpus


@dataclass
class Target:
    """One distinct link and every place it appears (`path:line` when the line is known)."""

    url: str
    places: list[str] = field(default_factory=list)
    prior: bool = False


class _LineFinder:
    """Finds the line of a link in a file, reading each file once."""

    def __init__(self, base: Path):
        self.base = base
        self.texts: dict[str, list[str]] = {}

    def place(self, shown: str, url: str, after: int | None = None) -> str:
        if shown not in self.texts:
            try:
                text = (self.base / shown).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            self.texts[shown] = text.splitlines()
        lines = self.texts[shown]
        start = max((after or 1) - 1, 0)
        for index in range(start, len(lines)):
            if url in lines[index]:
                return f"{shown}:{index + 1}"
        return f"{shown}:{after}" if after else shown


def collect_targets(corpus: Corpus) -> list[Target]:
    """Prior-catalog links, then evidence and media links of published posts, de-duplicated."""
    finder = _LineFinder(corpus.paths.root.parent)
    targets: dict[str, Target] = {}

    def add(url: str, place: str, prior: bool) -> None:
        target = targets.setdefault(url, Target(url))
        if place not in target.places:
            target.places.append(place)
        target.prior = target.prior or prior

    for entry in corpus.prior:
        add(entry.url, finder.place(entry.source, entry.url), prior=True)
    for post in corpus.published:
        for key, urls in (("evidence", post.evidence), ("media_url", (post.media_url,))):
            for url in urls:
                if url:
                    add(url, finder.place(post.path, url, post.line_of(key)), prior=False)
    return list(targets.values())
