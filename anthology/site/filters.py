"""Jinja filters the theme needs beyond Jinja's own."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..plaintext import url_problem


def pagefind_text(value: Any) -> str:
    """A filter value for Pagefind: the text HTML-escaped once more than usual.

    Pagefind reads a filter's value as the element's text, and its default UI puts filter
    values into the page with `innerHTML`. Storing the escaped text makes that `innerHTML`
    show the original text ("R&D", "<b>") instead of turning it into markup. Returns a
    plain `str`, so autoescaping escapes it again for the HTML source.
    """
    return str(escape(str(value)))


def web_url(value: Any) -> str:
    """`value` when it is a plain http(s) link, else "" (the template then links nowhere).

    Data files are validated when loaded; this keeps a `javascript:` or `data:` value that
    got past validation from ever becoming an `href` (autoescaping cannot: it is text).
    """
    text = str(value or "").strip()
    return text if text and url_problem(text) is None else ""


FILTERS = {"pagefind_text": pagefind_text, "web_url": web_url}
