"""The one inline script the site has, and its Content-Security-Policy hash.

A stored dark-theme choice must apply before the first paint; a deferred file runs too late
(the page flashes light). So this tiny script runs inline in <head>, and the CSP allows
exactly it by its SHA-256 hash, computed here from the same text the template prints.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

from markupsafe import Markup

THEME_KEY = "anthology-theme"
THEME_SCRIPT = Markup(
    "try{var t=localStorage.getItem(" + json.dumps(THEME_KEY) + ");"
    'if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}'
    "catch(e){}"
)


def csp_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


THEME_SCRIPT_HASH = csp_hash(str(THEME_SCRIPT))

_UNSAFE_IN_SCRIPT = re.compile(r"[<>&\u2028\u2029]")


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON-LD for a `<script type="application/ld+json">` data block.

    `<`, `>`, `&` and the JavaScript line separators are written as \\u escapes, so no
    value (a title with `</script>` in it) can end the block early.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(_UNSAFE_IN_SCRIPT.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
