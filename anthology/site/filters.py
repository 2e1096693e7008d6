"""Jinja filters the theme needs beyond Jinja's own."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..plaintext import url_problem


def pagefind_text(value: Any) -> str:
    """A filter value for Pagefind: the text HTML-escaped twice more than usual.

    Pagefind's default UI puts filter values into the page with `innerHTML`, so the value
    it holds must be the escaped text for the UI to show the text itself ("R&D", "<b>")
    and never markup. Pagefind 1.5 decodes entities in a filter element's text twice on
    the way to its JavaScript API (tests/browser/test_hostile_values.py pins this), and
    autoescaping adds the third level here: the source holds the value escaped three
    times, the UI receives it escaped once and `innerHTML` shows it as written.
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
