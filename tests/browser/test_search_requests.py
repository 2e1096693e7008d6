"""What the search page fetches, counted in Chromium: nothing of Pagefind before a search
starts; for the first query the index, and the fragments of the shown results only; the
filter chunks only once the filter panel is opened (the first-query transfer budget in
benchmarks/bench_page_weight.py depends on all three)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .test_site import INPUT, RESULT, SETTLED, open_filters, result_count

if TYPE_CHECKING:
    from playwright.sync_api import Page

QUERY = "model"  # found on more than two pages of results in the shipped content
PAGE_SIZE = 5


class Requests:
    """Paths of every finished request of a page, by Pagefind folder."""

    def __init__(self, page: Page) -> None:
        self.paths: list[str] = []
        page.on("requestfinished", lambda request: self.paths.append(urlsplit(request.url).path))

    def under(self, folder: str) -> list[str]:
        return [p for p in self.paths if p.startswith(f"/pagefind/{folder}/")]

    def pagefind(self) -> list[str]:
        return [p for p in self.paths if p.startswith("/pagefind/")]


def test_nothing_of_pagefind_loads_before_a_search_starts(page: Page, site_url: str) -> None:
    seen = Requests(page)
    page.goto(site_url + "search/")
    page.wait_for_load_state("networkidle")
    assert seen.pagefind() == []
    # Focusing the input starts loading the index, so it is ready when typing ends.
    with page.expect_request("**/pagefind/pagefind.js"):
        page.focus(INPUT)


def test_first_query_fetches_shown_fragments_and_no_filter_chunk(
    page: Page, site_url: str, built_site: Path
) -> None:
    seen = Requests(page)
    page.goto(site_url + f"search/?q={QUERY}")
    total = result_count(page, QUERY)
    assert total > 2 * PAGE_SIZE, total
    page.wait_for_load_state("networkidle")
    assert page.locator(RESULT).count() == PAGE_SIZE
    assert len(seen.under("fragment")) == PAGE_SIZE
    assert seen.under("filter") == []
    # Pagefind's own UI bundles are not loaded; nor the tool names (only for no results).
    assert not [p for p in seen.pagefind() if "-ui." in p], seen.pagefind()
    assert "/search/tools.json" not in seen.paths

    # "More results": the next five fragments, still no filter chunk.
    page.click("#search-more")
    page.wait_for_function(
        "n => document.querySelectorAll('.search-result').length === n", arg=2 * PAGE_SIZE
    )
    page.wait_for_function(SETTLED)
    page.wait_for_load_state("networkidle")
    assert len(seen.under("fragment")) == 2 * PAGE_SIZE
    assert seen.under("filter") == []

    # Opening the filter panel fetches every filter chunk, once.
    open_filters(page)
    page.wait_for_load_state("networkidle")
    chunks = sorted(p.name for p in (built_site / "pagefind" / "filter").iterdir())
    assert chunks
    assert sorted(Path(p).name for p in seen.under("filter")) == chunks


def test_more_results_by_keyboard_moves_focus_to_the_first_new_result(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "search/")
    page.focus(INPUT)
    page.keyboard.type(QUERY)
    page.keyboard.press("Enter")
    result_count(page, QUERY)
    first_links = [a.get_attribute("href") for a in page.query_selector_all(".search-result a")]
    page.focus("#search-more")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement?.matches('.search-result:nth-child(6) .search-result__link')"
    )
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused not in first_links
    assert page.url.endswith(f"/search/?q={QUERY}")  # the query is kept in the address
