"""The gradebook as one self-contained HTML file: a table that sorts when a header is clicked.

Style and script are inline (it is a local file, not the site) and allowed by hash in a
Content-Security-Policy that forbids everything else; every value is HTML-escaped, and
only http(s) addresses become links.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from .rubric import ERROR_MARK, NOT_APPLICABLE, NOT_WRITTEN, OK
from .table import LINKS, NUMBER, Column, Table
from .timing import LATE, NOT_ON_MAIN

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
h1 { font-size: 1.3rem; }
.notes { color: #444; padding-left: 1.2rem; }
.wrap { overflow: auto; max-height: 80vh; border: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: .25rem .45rem; vertical-align: top; text-align: left; }
th { position: sticky; top: 0; z-index: 1; background: #f3f3f3; }
td:first-child { position: sticky; left: 0; background: #fff; font-weight: 600; }
th:first-child { left: 0; z-index: 2; }
td { max-width: 24rem; }
th button { all: unset; cursor: pointer; font-weight: 600; white-space: nowrap; }
th button:focus-visible { outline: 2px solid #0b5cad; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.number { text-align: right; }
td.error { background: #fde2e1; }
td.warning { background: #fff4d6; }
td.late { background: #fde2e1; font-weight: 600; }
td.missing { color: #8a1c1c; font-weight: 600; }
td.muted { color: #888; }
tbody tr:nth-child(even) { background: #fafafa; }
"""

_SCRIPT = """
document.querySelectorAll("#gradebook th button").forEach(function (button) {
  button.addEventListener("click", function () {
    var th = button.parentElement;
    var body = document.querySelector("#gradebook tbody");
    var index = Array.prototype.indexOf.call(th.parentElement.children, th);
    var numeric = th.dataset.kind === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    document.querySelectorAll("#gradebook th").forEach(function (other) {
      other.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    function key(row) {
      var text = row.cells[index].textContent.trim();
      return numeric && text !== "" ? parseFloat(text) : text;
    }
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
      var order = numeric ? x - y : x.localeCompare(y, undefined, {numeric: true});
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _policy() -> str:
    return (
        f"default-src 'none'; style-src {_digest(_STYLE)}; script-src {_digest(_SCRIPT)}; "
        "base-uri 'none'; form-action 'none'"
    )


def _link(item: str) -> str:
    """One item of a links cell: an http(s) address (maybe with a note) becomes a link."""
    address, _, note = item.partition(" ")
    if not address.startswith(("https://", "http://")):
        return escape(item)
    anchor = f'<a href="{escape(address)}" rel="noopener noreferrer">{escape(address)}</a>'
    return anchor + (" " + escape(note) if note else "")


def _class(column: Column, value: str) -> str:
    if column.kind == NUMBER:
        return "number"
    if column.key.startswith("rubric:") and value:
        if value in (OK, NOT_APPLICABLE):
            return "muted"
        return "error" if ERROR_MARK in value else "missing" if value == NOT_WRITTEN else "warning"
    if LATE in value or NOT_ON_MAIN in value:
        return "late"
    if column.key == "status" and value in ("no claim", "invalid"):
        return "missing"
    return ""


def _cell(column: Column, value: str) -> str:
    css = _class(column, value)
    attribute = f' class="{css}"' if css else ""
    if column.kind == LINKS and value:
        content = "<br>".join(_link(item) for item in value.split("; "))
    else:
        content = escape(value)
    return f"<td{attribute}>{content}</td>"


def _header(column: Column) -> str:
    kind = ' data-kind="number"' if column.kind == NUMBER else ""
    return f'<th scope="col"{kind}><button type="button">{escape(column.label)}</button></th>'


def to_html(table: Table, generated: str) -> str:
    """The whole page; `generated` says when and from what it was made."""
    head = "".join(_header(column) for column in table.columns)
    body = "\n".join(
        "<tr>"
        + "".join(_cell(c, v) for c, v in zip(table.columns, table.cells(row), strict=True))
        + "</tr>"
        for row in table.rows
    )
    notes = "".join(f"<li>{escape(note)}</li>" for note in [*table.notes, generated])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{escape(_policy())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>{escape(table.title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{escape(table.title)}</h1>
<ul class="notes">{notes}</ul>
<p>Click a column header to sort; click again to reverse.</p>
<div class="wrap">
<table id="gradebook">
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody>
</table>
</div>
<script>{_SCRIPT}</script>
</body>
</html>
"""
