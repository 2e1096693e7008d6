"""Earlier semesters, search and the small-screen header in a real Chromium: the menu by
keyboard and touch, search ranking and suggestions, filters before typing, the dark theme
before any script file runs, and screenshots of the browsing pages at 375 and 1280 px."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .test_site import INPUT, MESSAGE, RESULT, RESULT_LINK, SETTLED, hrefs, open_filters, search

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SHOTS = {
    "home": "",
    "tool": "tools/kubernetes/",
    "category": "category/data-cleaning/",
    "pick-a-tool": "pick-a-tool/",
    "search": "search/?q=mlflow",
}
PHONE = {"width": 375, "height": 667}


def phone_page(browser: Browser, touch: bool = False) -> Page:
    context = browser.new_context(viewport=PHONE, has_touch=touch, color_scheme="light")
    context.set_default_timeout(10_000)
    return context.new_page()


def menu_links_visible(page: Page) -> int:
    return sum(1 for link in page.locator(".site-nav a").all() if link.is_visible())


def test_mobile_menu_opens_by_keyboard(browser: Browser, site_url: str) -> None:
    page = phone_page(browser)
    try:
        page.goto(site_url)
        assert menu_links_visible(page) == 0  # folded behind the Menu button
        summary = page.locator(".nav-menu summary")
        assert summary.is_visible()
        for _ in range(6):  # skip link, brand, then the menu button
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.nav-menu summary')"):
                break
        assert page.evaluate("document.activeElement.matches('.nav-menu summary')")
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('.nav-menu').open")
        assert menu_links_visible(page) >= 10
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        assert focused and focused.endswith("/categories/")
        page.keyboard.press("Enter")
        page.wait_for_url("**/categories/")
        width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1]
    finally:
        page.context.close()


def test_mobile_menu_opens_by_touch_and_a_post_shows_on_the_first_screen(
    browser: Browser, site_url: str
) -> None:
    page = phone_page(browser, touch=True)
    try:
        page.goto(site_url)
        first_post = page.locator(".card__title").first.bounding_box()
        assert first_post and first_post["y"] + 20 < PHONE["height"], first_post
        page.tap(".nav-menu summary")
        page.wait_for_function("document.querySelector('.nav-menu').open")
        page.tap(".site-nav a:text-is('Pick a tool')")
        page.wait_for_url("**/pick-a-tool/")
        assert page.locator("h1").inner_text() == "Pick a tool"
    finally:
        page.context.close()


def test_wide_screen_shows_the_navigation_without_a_menu_button(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url)
        assert not page.locator(".nav-menu summary").is_visible()
        assert menu_links_visible(page) >= 10
        # Categories and semesters (the earlier ones too) start above the fold.
        for selector in ("#categories-title", "#semesters-title", "a:text-is('2020-2022')"):
            box = page.locator(selector).first.bounding_box()
            assert box and box["y"] < 800, selector
    finally:
        context.close()


def test_search_ranks_this_sites_post_above_earlier_ones(page: Page, site_url: str) -> None:
    total = search(page, site_url, "mlflow")
    assert total >= 3
    links = hrefs(page, RESULT_LINK)
    assert len(links) == min(total, 5)
    assert links[0].endswith("/posts/mlflow-model-registry-rollbacks/"), links
    # Earlier results say where and when they were published, and have a real title.
    earlier = page.locator(f"{RESULT}:has(a[href^='https://medium.com/@kevin.n.lu123/'])")
    text = earlier.inner_text()
    assert "2020-2022" in text and "medium.com" in text
    assert "MLflow managing your ML pipeline" in text


def test_typo_suggests_the_tool(page: Page, site_url: str) -> None:
    page.goto(site_url + "search/")
    page.fill(INPUT, "kuberntes")
    suggestion = page.locator("#search-suggestions a")
    suggestion.first.wait_for()
    assert page.inner_text(MESSAGE).strip() == "No results for kuberntes"
    assert suggestion.first.inner_text() == "Kubernetes"
    assert (suggestion.first.get_attribute("href") or "").endswith("/tools/kubernetes/")
    page.fill(INPUT, "kubernetes")
    page.wait_for_selector(RESULT)
    page.wait_for_function("() => document.getElementById('search-suggestions').hidden")


def test_filters_are_there_before_typing_and_the_input_is_labelled(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "search/")
    assert page.input_value(INPUT) == ""
    open_filters(page, "semester")
    names = page.locator(".search-group > summary").all_inner_texts()
    assert {"Category", "Semester", "Tool", "Tag"} <= {n.strip() for n in names}, names
    # Choose a semester before typing: its posts are listed at once ...
    page.locator(".search-group[data-group='semester'] label:has-text('2020-2022')").click()
    page.wait_for_function(
        "([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent.trim())",
        arg=[MESSAGE, r"^\d+ results for the chosen filters$"],
    )
    page.wait_for_function(SETTLED)
    links = hrefs(page, RESULT_LINK)
    assert len(links) == 5 and all(h.startswith("https://") for h in links), links
    # ... and typing narrows them to that semester's posts on the word.
    page.fill(INPUT, "kubernetes")
    page.wait_for_function(
        "sel => document.querySelector(sel)?.textContent.trim() === '2 results for kubernetes'",
        arg=MESSAGE,
    )
    links = hrefs(page, RESULT_LINK)
    assert len(links) == 2 and all(h.startswith("https://medium.com/@") for h in links), links
    label = page.locator("label[for='search-q']")
    assert label.inner_text() == "Search posts"
    assert page.get_attribute(INPUT, "title") is None


def test_stored_dark_theme_applies_before_any_script_file(
    browser: Browser, site_url: str, artifacts: Path
) -> None:
    """With every script file blocked, only the inline script (allowed by its hash) can set
    the theme: the first paint is already dark, and the CSP reports nothing."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 800})
    context.add_init_script("localStorage.setItem('anthology-theme', 'dark')")
    context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    try:
        page.goto(site_url + "posts/prefect-nightly-retraining/", wait_until="commit")
        page.wait_for_selector("body")
        assert page.get_attribute("html", "data-theme") == "dark"
        shot = artifacts / "dark-before-scripts.png"
        page.screenshot(path=shot)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(15, 19, 24)", background
        page.wait_for_load_state("load")
        assert not problems, problems  # JSON-LD and the inline script pass the CSP
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_browsing_pages(
    browser: Browser, site_url: str, artifacts: Path, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800 if width > 400 else 667})
    page = context.new_page()
    try:
        too_wide = {}
        for name, path in SHOTS.items():
            page.goto(site_url + path)
            if "?q=" in path:
                page.wait_for_selector(RESULT)
            widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            if widths[0] > widths[1]:
                too_wide[name] = widths
            target = artifacts / f"{name}-{width}.png"
            page.screenshot(path=target)
            assert target.stat().st_size > 0
        assert not too_wide, too_wide
    finally:
        context.close()


def test_pick_a_tool_filters_with_and_without_javascript(browser: Browser, site_url: str) -> None:
    for javascript in (False, True):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        try:
            page.goto(site_url + "pick-a-tool/")
            total = page.locator(".pick").count()
            page.click(".picker__filters a[href='#show-open']")
            page.wait_for_function(
                "document.querySelectorAll('.pick--covered')[0].offsetParent === null"
            )
            visible = [p for p in page.locator(".pick").all() if p.is_visible()]
            assert 0 < len(visible) < total
            assert all("pick--open" in (p.get_attribute("class") or "") for p in visible)
            if javascript:
                page.click(".picker__filters a[href='#pick-all']")
                page.fill("#pick-q", "kafka")
                page.wait_for_function(
                    "[...document.querySelectorAll('.pick')].filter(p => p.offsetParent).length < 5"
                )
                names = [
                    p.locator(".pick__name").inner_text()
                    for p in page.locator(".pick").all()
                    if p.is_visible()
                ]
                assert names and all("kafka" in n.casefold() for n in names), names
            else:
                assert page.locator(".picker__search").is_hidden()
        finally:
            context.close()
