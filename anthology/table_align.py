"""A Markdown extension: table column alignment as classes, not inline styles.

Python-Markdown writes `| :-- |` alignment as `style="text-align: left"` (or as the
obsolete `align` attribute). The site's Content-Security-Policy allows no inline style,
so each aligned cell gets `class="align-left"` (center, right) instead; main.css styles it.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_ALIGN = re.compile(r"^\s*text-align:\s*(left|center|right)\s*;?\s*$")


class _AlignClasses(Treeprocessor):
    def run(self, root: Element) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            style = cell.attrib.pop("style", None)
            match = _ALIGN.match(style or "")
            if match:
                classes = cell.get("class", "").split()
                cell.set("class", " ".join([*classes, f"align-{match.group(1)}"]))


class TableAlignExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_AlignClasses(md), "anthology-table-align", 0)


def makeExtension(**kwargs: Any) -> TableAlignExtension:  # noqa: N802 (Markdown's API)
    return TableAlignExtension(**kwargs)
