"""Jinja filters the theme needs beyond Jinja's own."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..plaintext import url_problem


def pagefind_text(value: Any) -> str:
    """A filter value for Pagefind: the text HTML-escaped twice more than usual.

    Pagefind hands filter values to the page as HTML: its own UIs put them into the page
    with `innerHTML`. So the value it holds is the escaped text, never markup, whatever
    renders it. Pagefind 1.5 decodes entities in a filter element's text twice on the way
    to its JavaScript API (tests/browser/test_hostile_values.py pins this), and
    autoescaping adds the third level here: the source holds the value escaped three
    times and the API returns it escaped once. The site's search.js decodes that once in
    an inert document and sets it as text ("R&D", "<b>" show as written); Pagefind's UI,
    were it used again, would show the same through `innerHTML`.
    """
    return str(escape(str(escape(str(value)))))


def web_url(value: Any) -> str:
    """`value` when it is a plain http(s) link, else "" (the template then links nowhere).

    Data files are validated when loaded; this keeps a `javascript:` or `data:` value that
    got past validation from ever becoming an `href` (autoescaping cannot: it is text).
    """
    text = str(value or "").strip()
    return text if text and url_problem(text) is None else ""


FILTERS = {"pagefind_text": pagefind_text, "web_url": web_url}
