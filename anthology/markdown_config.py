"""Markdown settings shared by the Pelican build and the gate.

The gate finds headings "as the renderer sees them", so both must use the same
extensions; this module is the single place they are set.
"""

from __future__ import annotations

from typing import Any

import markdown

EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "markdown.extensions.extra": {},
    "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
    "markdown.extensions.toc": {"permalink": False},
    "markdown.extensions.sane_lists": {},
    "anthology.table_align": {},  # alignment as classes: the CSP allows no inline style
}

# In the shape of Pelican's MARKDOWN setting.
PELICAN_MARKDOWN: dict[str, Any] = {
    "extension_configs": EXTENSION_CONFIGS,
    "output_format": "html5",
}


def renderer() -> markdown.Markdown:
    """A fresh Markdown renderer configured like the site's."""
    return markdown.Markdown(
        extensions=list(EXTENSION_CONFIGS),
        extension_configs=EXTENSION_CONFIGS,
        output_format="html",
    )
