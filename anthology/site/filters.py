"""Jinja filters the theme needs beyond Jinja's own."""

from __future__ import annotations

from typing import Any

from markupsafe import escape


def pagefind_text(value: Any) -> str:
    """A filter value for Pagefind: the text HTML-escaped once more than usual.

    Pagefind reads a filter's value as the element's text, and its default UI puts filter
    values into the page with `innerHTML`. Storing the escaped text makes that `innerHTML`
    show the original text ("R&D", "<b>") instead of turning it into markup. Returns a
    plain `str`, so autoescaping escapes it again for the HTML source.
    """
    return str(escape(str(value)))


FILTERS = {"pagefind_text": pagefind_text}
