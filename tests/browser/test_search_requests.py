"""What the search page fetches, counted in Chromium: nothing of Pagefind before a search
starts; for the first query the index, and the fragments of the shown results only; no
index for the first letters of a word being typed; the filter chunks only once the filter
panel is opened (the first-query transfer budget in benchmarks/bench_page_weight.py
depends on all of these)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from anthology.site.search import build_index

from .conftest import in_thread
from .test_site import INPUT, RESULT, SETTLED, open_filters, result_count

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import BrowserContext, Page

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


# Pagefind's own tests cut the index into many small chunks with this variable, so that
# words of one prefix ("m", "ml", "mlflow") sit in different chunk files; the shipped
# content alone fits in a few chunks.
SMALL_CHUNKS = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": "100"}


@pytest.fixture(scope="module")
def small_chunks_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The session's site with its search index rebuilt in small chunks, served."""
    from anthology.site.commands import served

    site = tmp_path_factory.mktemp("small-chunks") / "output"
    shutil.copytree(built_site, site)
    with pytest.MonkeyPatch.context() as env:
        for name, value in SMALL_CHUNKS.items():
            env.setenv(name, value)
        assert in_thread(build_index, site) > 100
    assert len(list((site / "pagefind" / "index").iterdir())) > 20
    with served(site) as url:
        yield url


def _index_chunks(context: BrowserContext, url: str, act: Callable[[Page], None]) -> set[str]:
    """The index chunk files a fresh search page fetches for `act`, once "mlflow" is shown."""
    page = context.new_page()
    seen = Requests(page)
    page.goto(url + "search/")
    act(page)
    result_count(page, "mlflow")
    page.wait_for_function(SETTLED)
    page.wait_for_load_state("networkidle")
    page.close()
    return {Path(p).name for p in seen.under("index")}


def test_the_first_letters_of_a_word_fetch_no_index_of_their_own(
    context: BrowserContext, small_chunks_url: str
) -> None:
    # What a search for "m" alone would fetch, through Pagefind's own API.
    probe = context.new_page()
    seen = Requests(probe)
    probe.goto(small_chunks_url + "search/")
    probe.evaluate("async () => (await import('/pagefind/pagefind.js')).search('m')")
    probe.wait_for_load_state("networkidle")
    letter = {Path(p).name for p in seen.under("index")}
    probe.close()

    pasted = _index_chunks(context, small_chunks_url, lambda page: page.fill(INPUT, "mlflow"))
    assert letter - pasted  # "m" needs a chunk that "mlflow" does not

    def typed(page: Page) -> None:
        # "m", "ml", then the word: one input event each, in one go, so that no timer of
        # the page can run between them however loaded the machine is.
        page.evaluate(
            """() => {
                const input = document.querySelector('#search-q');
                for (const value of ['m', 'ml', 'mlflow']) {
                    input.value = value;
                    input.dispatchEvent(new Event('input', { bubbles: true }));
                }
            }"""
        )

    assert _index_chunks(context, small_chunks_url, typed) == pasted


def test_a_short_word_is_still_searched_when_the_typing_stops(page: Page, site_url: str) -> None:
    page.goto(site_url + "search/")
    page.fill(INPUT, "ml")
    assert result_count(page, "ml") > 0
    page.wait_for_function(SETTLED)
    assert page.locator(RESULT).count() > 0
