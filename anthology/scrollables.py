"""Make wide blocks (code, tables) keyboard-scrollable, as WCAG 2.1.1 asks.

A block that scrolls sideways on a phone must be reachable by keyboard: code blocks get
`tabindex="0"`, tables a focusable, labelled wrapper. The HTML is the renderer's own
output after sanitizing, so a targeted substitution is enough.
"""

from __future__ import annotations

import re

_PRE = re.compile(r"<pre(?=[\s>])(?![^>]*\btabindex=)")
_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)


def focusable_scrollables(html: str) -> str:
    html = _PRE.sub('<pre tabindex="0"', html)
    return _TABLE.sub(
        lambda m: (
            f'<div class="table-wrap" tabindex="0" role="region" aria-label="Table">'
            f"{m.group(0)}</div>"
        ),
        html,
    )
