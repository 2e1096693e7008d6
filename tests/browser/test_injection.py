"""Markdown that tries to run script: the built page must run none and carry none."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup

from anthology.site.inline import THEME_SCRIPT

from .conftest import in_thread

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SOURCE = Path("posts/F2026/pandera-rating-schema-checks.md")
SLUG = "evidently-injected-markup"
ADDED_VALUE = (
    "Earlier posts introduced Evidently's drift reports in general terms. This post instead "
    "checks the movie service's hourly rating batches against a fixed reference week, explains "
    "which statistical test each column gets and why, and shows how the report feeds a nightly "
    "alert that the team actually reads and acts on."
)
PAYLOAD = """
## Markup that must not run

<script>window.__pwned = 1</script>

<img src=x onerror="window.__pwned=2">

A [harmless-looking link](javascript:window.__pwned=3) in the text.

<iframe src="https://example.org"></iframe>
"""


def injected_post(shipped: Path) -> str:
    """The shipped Pandera post, retitled for Evidently, with hostile markup appended."""
    text = (shipped / SOURCE).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    front = re.sub(r"(?m)^title: .*$", "title: Injected markup in a post about Evidently", front)
    front = re.sub(r"(?m)^tool: .*$", "tool: Evidently", front)
    front = re.sub(
        r"(?m)^previously_covered: .*$",
        f"previously_covered: true\nadded_value: >-\n  {ADDED_VALUE}\nslug: {SLUG}",
        front,
    )
    return f"---\n{front}---\n{body}{PAYLOAD}"


def test_injected_markup_runs_no_script(
    browser: Browser,
    shipped_content: Path,
    site_builder: Callable[..., Path],
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(shipped_content, content)
    (content / "posts/F2026" / f"{SLUG}.md").write_text(
        injected_post(shipped_content), encoding="utf-8"
    )
    site = in_thread(site_builder, content)
    html_file = site / "posts" / SLUG / "index.html"
    assert html_file.is_file(), sorted(p.name for p in (site / "posts").iterdir())

    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    # Besides script files from the theme: the dark-theme script (allowed by its CSP hash)
    # and the JSON-LD data block, whose text must still be the post's metadata as JSON.
    scripts = soup.find_all("script")
    data = [s for s in scripts if s.get("type") == "application/ld+json"]
    assert len(data) == 1 and json.loads(data[0].string)["@type"] == "BlogPosting"
    inline = [s for s in scripts if not s.get("src") and s not in data]
    assert [s.string for s in inline] == [str(THEME_SCRIPT)], inline
    files = [s for s in scripts if s.get("src")]
    assert all(not s.string and "/theme/js/" in s["src"] for s in files), files
    handlers = [(t.name, a) for t in soup.find_all(True) for a in t.attrs if a.startswith("on")]
    assert not handlers, handlers
    urls = [v for t in soup.find_all(True) for v in t.attrs.values() if isinstance(v, str)]
    assert not [u for u in urls if u.strip().lower().startswith("javascript:")]
    assert not soup.find_all(["iframe", "object", "embed"])
    assert "Markup that must not run" in soup.get_text()  # the post itself was kept

    from anthology.site.commands import served

    context = browser.new_context()
    try:
        page = context.new_page()
        with served(site) as url:
            page.goto(f"{url}posts/{SLUG}/", wait_until="load")
            assert page.evaluate("typeof window.__pwned") == "undefined"
            link = page.locator("main a:has-text('harmless-looking link')")
            assert link.count() == 1
            href = link.get_attribute("href") or ""
            assert not href.strip().lower().startswith("javascript:"), href
            link.click()
            # A javascript: URL runs as a task queued by the click; a message posted after
            # the click is delivered only once the tasks queued before it have run.
            page.evaluate(
                "() => new Promise(done => {"
                " const channel = new MessageChannel();"
                " channel.port1.onmessage = () => done();"
                " channel.port2.postMessage(null); })"
            )
            assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()
