"""The built site in a real Chromium: search, navigation, dark mode, small screens, screenshots."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

POST = "posts/pandera-rating-schema-checks/"
TOOL = "tools/mlflow/"
PAGES = {"home": "", "post": POST, "tool": TOOL, "search": "search/"}
# Checked at 375 px besides PAGES.
MORE_PAGES = {
    "search results": "search/?q=recommender",
    "video post": "posts/kserve-canary-rollouts-video/",
    "combination post": "posts/label-studio-cleanlab-noisy-labels/",
    "tools": "tools/",
    "tool with earlier posts only": "tools/weights-and-biases/",
    "category": "category/data-cleaning/",
    "tag": "tag/validation/",
    "semesters": "semesters/",
    "author": "author/priya-raman/",
    "about": "about/",
    "how to submit": "how-to-submit/",
    "claimed tools": "claims/",
    "pick a tool": "pick-a-tool/",
    "earlier semester": "semesters/2020-2022/",
    "category with only earlier posts": "category/automl/",
    "author of earlier posts": "author/mazzottacraig/",
    "not found": "404.html",
}
RESULT = ".search-result"
RESULT_LINK = ".search-result__link"
MESSAGE = "#search-message"
INPUT = "#search-q"
BACKGROUND = "getComputedStyle(document.body).backgroundColor"
# The search page's state once every shown result is drawn (search.js marks the list busy
# while it fetches their fragments, and the filter groups while their values load).
SETTLED = "() => !document.querySelector('#search-results[aria-busy], #search-groups[aria-busy]')"


def search(page: Page, site_url: str, query: str) -> int:
    """Type `query` into the search page and return its reported number of results."""
    page.goto(site_url + "search/")
    page.fill(INPUT, query)
    page.wait_for_selector(RESULT)
    return result_count(page, query)


def result_count(page: Page, query: str) -> int:
    """The count in the "N results for query" message, once it has settled."""
    pattern = re.compile(rf"^(\d+) results? for {re.escape(query)}$")
    page.wait_for_function(
        "([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent.trim())",
        arg=[MESSAGE, pattern.pattern],
    )
    page.wait_for_function(SETTLED)
    match = pattern.match(page.inner_text(MESSAGE).strip())
    assert match, page.inner_text(MESSAGE)
    return int(match.group(1))


def hrefs(page: Page, selector: str) -> list[str]:
    page.wait_for_function(SETTLED)
    return [a.get_attribute("href") or "" for a in page.query_selector_all(selector)]


def open_filters(page: Page, *groups: str) -> None:
    """Open the filter panel (its values load then) and the named groups."""
    page.click("#search-filters > summary")
    page.wait_for_selector(".search-group")
    page.wait_for_function(SETTLED)
    for group in groups:
        page.click(f".search-group[data-group='{group}'] > summary")


def filter_counts(page: Page, group: str) -> dict[str, int]:
    """Checkbox id -> the count shown beside each value of `group` still offered."""
    counts = {}
    for row in page.query_selector_all(f".search-group[data-group='{group}'] .search-value"):
        if row.is_visible():
            box = row.query_selector("input")
            count = row.query_selector(".search-value__count")
            assert box and count
            counts[box.get_attribute("id") or ""] = int(count.inner_text().strip("()"))
    return counts


def test_search_finds_the_pandera_post(page: Page, site_url: str) -> None:
    assert search(page, site_url, "pandera") >= 1
    assert any(h.rstrip("/").endswith("/" + POST.rstrip("/")) for h in hrefs(page, RESULT_LINK))


def test_search_links_earlier_posts_out(page: Page, site_url: str) -> None:
    assert search(page, site_url, "wandb") >= 1
    links = hrefs(page, RESULT_LINK)
    assert links, "no result links"
    assert all(re.match(r"https://([\w-]+\.)?medium\.com/", h) for h in links), links


def test_search_filter_narrows_results(page: Page, site_url: str) -> None:
    query = "movie"
    total = search(page, site_url, query)
    assert total >= 3
    open_filters(page, "category")
    # A category with some, but not all, of the results.
    counts = filter_counts(page, "category")
    chosen, expected = next(((k, n) for k, n in counts.items() if 0 < n < total), (None, 0))
    assert chosen, f"no category narrows {total} results: {counts}"
    page.check(f"[id='{chosen}']")
    page.wait_for_function(
        "([sel, n]) => document.querySelector(sel)?.textContent.trim().startsWith(n + ' result')",
        arg=[MESSAGE, expected],
    )
    assert result_count(page, query) == expected < total
    assert page.inner_text("#search-chosen").strip() == "(1 chosen)"


def test_category_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url)
    card = page.locator(".card").first
    name = (card.locator(".card__kicker a").first.text_content() or "").strip()
    post = card.locator(".card__title a").get_attribute("href")
    card.locator(".card__kicker a").first.click()
    page.wait_for_url(re.compile(r"/category/[\w-]+/$"))
    assert name.casefold() == (page.text_content("h1") or "").strip().casefold()
    assert post in hrefs(page, "main a")


def test_tag_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url + POST)
    page.click("a[rel=tag]:has-text('validation')")
    page.wait_for_url(re.compile(r"/tag/validation/$"))
    assert "/" + POST in hrefs(page, "main a")


def test_tool_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url + "tools/")
    page.click("main a:text-is('MLflow')")
    page.wait_for_url(re.compile(r"/tools/mlflow/$"))
    links = hrefs(page, "main a")
    assert "/posts/mlflow-model-registry-rollbacks/" in links
    earlier = hrefs(page, "#prior-title ~ ul .prior__title a")
    assert earlier and all(h.startswith("https://") for h in earlier), earlier


def test_dark_mode_persists(page: Page, site_url: str) -> None:
    page.goto(site_url + POST)
    toggle = page.locator(".site-header button[aria-pressed]")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.get_attribute("html", "data-theme") != "dark"
    light = page.evaluate(BACKGROUND)
    toggle.click()
    assert page.get_attribute("html", "data-theme") == "dark"
    assert page.evaluate(BACKGROUND) != light
    assert toggle.get_attribute("aria-pressed") == "true"
    page.reload()
    assert page.get_attribute("html", "data-theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate(BACKGROUND) != light
    page.goto(site_url)
    assert page.get_attribute("html", "data-theme") == "dark"


def test_no_horizontal_scrolling_at_375px(browser: Browser, site_url: str, artifacts: Path) -> None:
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, color_scheme="light")
    try:
        page = ctx.new_page()
        too_wide = {}
        for name, path in {**PAGES, **MORE_PAGES}.items():
            page.goto(site_url + path)
            if "?q=" in path:
                page.wait_for_selector(RESULT)
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if widths[0] > widths[1]:
                too_wide[name] = widths
            if name in PAGES:
                page.screenshot(path=artifacts / f"{name}-375px.png", full_page=True)
        assert not too_wide, f"pages wider than the viewport (scrollWidth, innerWidth): {too_wide}"
    finally:
        ctx.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(page: Page, site_url: str, artifacts: Path, name: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + PAGES[name])
    if name == "search":
        search(page, site_url, "recommender")
    target = artifacts / f"{name}.png"
    page.screenshot(path=target, full_page=True)
    assert target.stat().st_size > 0


CARD_PIXELS = """async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
        hash = (Math.imul(hash, 31) + data[i] * 65536 + data[i + 1] * 256 + data[i + 2]) >>> 0;
    }
    return [canvas.width, canvas.height, hash];
}"""


def test_social_card_decodes_in_chromium_to_the_drawn_pixels(
    page: Page, site_url: str, built_site: Path
) -> None:
    """The card PNG is put together by the plugin (zlib, Pillow's chunk writer), so a
    browser, not only Pillow, must read it: every pixel as drawn."""
    card = built_site / "cards" / "pandera-rating-schema-checks.png"
    expected = 0
    rgb = Image.open(card).convert("RGB").tobytes()
    for red, green, blue in zip(rgb[0::3], rgb[1::3], rgb[2::3], strict=True):
        expected = (expected * 31 + red * 65536 + green * 256 + blue) % 2**32
    page.goto(site_url + POST)
    width, height, hash_ = page.evaluate(CARD_PIXELS, site_url + "cards/" + card.name)
    assert (width, height) == (1200, 630)
    assert hash_ == expected
