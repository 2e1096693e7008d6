"""Hostile names in Chromium: the search page (filters, results) and the earlier-post stubs.

Two builds of the shipped content. One with values that pass validation but look like
markup once decoded (`&lt;img …&gt;`, `R&D`): the page must show them exactly as written.
One with validation switched off and raw markup in tags, tools, categories, semester labels
and the prior catalog (as if a future data path skipped validation): templates, the escaped
Pagefind filter values and search.js must still keep it text. In both: no dialog, no
navigation, no injected element, no Content-Security-Policy violation.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import in_thread
from .test_site import SETTLED, open_filters

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

POST = "posts/F2026/pandera-rating-schema-checks.md"
ANNOUNCEMENT = "posts/F2026/welcome-fall-2026.md"
RAW_TAGS = [
    "<style>body{visibility:hidden}</style>",
    "<a href=https://evil.example/login>Sign in again</a>",
    "<img src=x onerror=window.__pwned=1>",
    "<svg onload=window.__pwned=2>",
    "<iframe src=javascript:window.__pwned=3>",
    '" autofocus onfocus="window.__pwned=4',
]
RAW_TOOL = "<img src=x onerror=window.__pwned=5>Pandera"
RAW_CATEGORY = "<b onmouseover=window.__pwned=6>Cleaning</b>"
RAW_SEMESTER = "<script>window.__pwned=7</script>Fall"
RAW_PRIOR = '<meta http-equiv="refresh" content="0;url=https://evil.example/">MLflow'
ENTITY_TAGS = [
    "&lt;img src=x onerror=window.__pwned=8&gt;",
    "&#60;svg onload=window.__pwned=9&#62;",
    "R&D",
    "AT&T &amp; co",
    "\u201cquoted\u201d \u2018and\u2019 \uff1cwide\uff1e",
]
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""
# Elements none of these values may create inside the search UI or the page body.
INJECTED = "style, iframe, meta, [onerror], [onload], [onfocus], [onmouseover], a[href*=evil]"


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _tags(content: Path, tags: list[str]) -> None:
    _edit(
        content / POST,
        "tags: [data quality, validation, pandas]",
        "tags: [" + ", ".join(_quoted(t) for t in tags) + "]",
    )


@pytest.fixture(scope="module")
def entity_site(shipped_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Values that pass validation but read as markup once decoded."""
    from tests.conftest import build_site

    content = tmp_path_factory.mktemp("entities") / "content"
    shutil.copytree(shipped_content, content)
    _tags(content, ENTITY_TAGS)
    return in_thread(build_site, content, content.parent / "output")


@pytest.fixture(scope="module")
def raw_site(shipped_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Raw markup everywhere, built with validation switched off."""
    from tests.conftest import build_site

    content = tmp_path_factory.mktemp("raw") / "content"
    shutil.copytree(shipped_content, content)
    _tags(content, RAW_TAGS)
    _edit(content / POST, "tool: Pandera", f"tool: {_quoted(RAW_TOOL)}")
    _edit(
        content / "course.yaml",
        "name: Data programming and cleaning",
        f"name: {_quoted(RAW_CATEGORY)}",
    )
    _edit(content / "course.yaml", "label: Fall 2026", f"label: {_quoted(RAW_SEMESTER)}")
    catalog = content / "prior" / "2020-2022.yaml"
    _edit(catalog, "- name: MLflow\n", f"- name: {_quoted(RAW_PRIOR)}\n")
    _edit(
        catalog,
        "  title: MLflow managing your ML pipeline from training to deployment\n",
        f"  title: {_quoted(RAW_PRIOR)}\n  summary: {_quoted(RAW_TAGS[2])}\n",
    )
    _edit(
        catalog,
        "  url: https://medium.com/@kevin.n.lu123/",
        "  url: javascript:window.__pwned=10//https://medium.com/@kevin.n.lu123/",
    )
    with pytest.MonkeyPatch.context() as patch:
        for module in ("prior", "tools", "model", "course"):
            patch.setattr(f"anthology.{module}.text_problem", lambda _v: None)
        for module in ("prior", "tools", "model", "plaintext"):
            patch.setattr(f"anthology.{module}.url_problem", lambda _v: None, raising=False)
        output = in_thread(build_site, content, content.parent / "output")
    yield output


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page that records dialogs, CSP violations (events and console) and page errors."""
    context = browser.new_context()
    context.set_default_timeout(15_000)
    context.add_init_script(WATCH)
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(f"error: {e}"))
    page.on(
        "console",
        lambda m: (
            problems.append(f"console: {m.text}")
            if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text
            else None
        ),
    )
    yield page, problems
    context.close()


def _assert_clean(page: Page, problems: list[str], url: str) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("window.__csp") == []
    assert problems == []
    assert page.url == url, "the page navigated away"
    assert page.evaluate("getComputedStyle(document.body).visibility") == "visible"


def _open_search(page: Page, url: str, groups: tuple[str, ...] = ("tag",)) -> None:
    """The search page with results and its filter panel open, every group open."""
    page.goto(url, wait_until="load")
    page.wait_for_selector(".search-result")
    open_filters(page)
    for group in groups:
        page.wait_for_selector(f".search-group[data-group='{group}']")
    for block in page.query_selector_all("details.search-group"):
        block.evaluate("d => { d.open = true; }")


def _labels(page: Page) -> list[str]:
    """Filter values as the page shows them (without the "(count)")."""
    return page.eval_on_selector_all(".search-value__text", "ls => ls.map(l => l.textContent)")


def test_values_that_decode_to_markup_are_shown_as_written(
    entity_site: Path, watched: tuple[Page, list[str]]
) -> None:
    from anthology.site.commands import served

    page, problems = watched
    with served(entity_site) as base:
        url = f"{base}search/?q=pandera"
        _open_search(page, url)
        labels = _labels(page)
        for tag in ENTITY_TAGS:
            assert tag in labels, (tag, [label for label in labels if label[:1] in "&R\u201cA"])
        assert page.locator("#search").locator(INJECTED).count() == 0
        assert page.locator("#search svg[onload], #search img[src=x]").count() == 0
        post = f"{base}posts/pandera-rating-schema-checks/"
        page.goto(post, wait_until="load")
        assert page.locator("ul.tag-list a.tag").all_inner_texts() == ENTITY_TAGS
        _assert_clean(page, problems, post)
        _open_search(page, url)
        _assert_clean(page, problems, url)


def test_raw_markup_that_skipped_validation_stays_text_on_the_search_page(
    raw_site: Path, watched: tuple[Page, list[str]]
) -> None:
    from anthology.site.commands import served

    page, problems = watched
    with served(raw_site) as base:
        url = f"{base}search/?q=pandera"
        _open_search(page, url, ("category", "tag", "tool", "semester"))
        labels = _labels(page)
        for value in [*RAW_TAGS, RAW_TOOL, RAW_CATEGORY, RAW_SEMESTER]:
            assert value in labels, (value, labels)
        assert page.locator("main").locator(INJECTED).count() == 0
        assert page.locator("main img, main svg:not(.icon), main script").count() == 0
        # Checking a hostile filter runs nothing either.
        page.locator(".search-value:not([hidden]) input").first.check()
        page.wait_for_function(
            "() => /chosen/.test(document.getElementById('search-chosen').textContent)"
        )
        page.wait_for_function(SETTLED)
        page.wait_for_selector(".search-result")
        _assert_clean(page, problems, url)


def test_raw_markup_on_an_earlier_post_stub_stays_text(
    raw_site: Path, watched: tuple[Page, list[str]]
) -> None:
    from anthology.site.commands import served

    stubs = [
        p
        for p in (raw_site / "earlier").glob("*/index.html")
        if "evil.example" in p.read_text("utf-8")
    ]
    assert len(stubs) == 1
    page, problems = watched
    with served(raw_site) as base:
        stub = f"{base}{stubs[0].parent.relative_to(raw_site).as_posix()}/"
        page.goto(stub, wait_until="load")
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").inner_text() == RAW_PRIOR
        assert page.locator("head meta[http-equiv=refresh], main meta").count() == 0
        hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith("javascript")]
        _assert_clean(page, problems, stub)
        # In search results the stub links to its own page, not to the script URL.
        url = f"{base}search/?q=mlflow"
        _open_search(page, url, groups=())
        links = page.eval_on_selector_all(
            ".search-result__link", "as => as.map(a => a.getAttribute('href'))"
        )
        assert links and all(re.match(r"^(https?://|/)", h) for h in links), links
        _assert_clean(page, problems, url)


def test_pages_raise_no_csp_violation(
    built_site: Path, watched: tuple[Page, list[str]], site_url: str
) -> None:
    page, problems = watched
    for path in (
        "",
        "posts/lakefs-versioned-ratings-data/",
        "posts/kserve-canary-rollouts-video/",
        "tools/mlflow/",
        "claims/",
    ):
        page.goto(site_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        _assert_clean(page, problems, site_url + path)
    _open_search(page, site_url + "search/?q=recommender", groups=())
    _assert_clean(page, problems, site_url + "search/?q=recommender")


def test_the_policy_allows_no_inline_style_and_no_foreign_images(built_site: Path) -> None:
    from bs4 import BeautifulSoup

    html = (built_site / "search" / "index.html").read_text(encoding="utf-8")
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": True})
    policy = meta["content"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["img-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["style-src"] == "'self'"
    # Scripts: files, Pagefind's WebAssembly, and the one inline script by its hash.
    assert re.fullmatch(
        r"'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'", directives["script-src"]
    )
    assert not re.search(r"\sstyle=|<style", html)
