"""axe-core in Chromium finds no WCAG 2.1 A/AA or best-practice violations: light and dark,
wide and narrow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .test_site import open_filters

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "post": "posts/pandera-rating-schema-checks/",
    "video post": "posts/kserve-canary-rollouts-video/",
    "tool": "tools/mlflow/",
    "category": "category/data-cleaning/",
    "search": "search/?q=recommender",
    "how to submit (wide table)": "how-to-submit/",
    "claimed tools (table)": "claims/",
    "pick a tool": "pick-a-tool/",
    "earlier semester": "semesters/2020-2022/",
    "category with only earlier posts": "category/automl/",
    "author of earlier posts": "author/mazzottacraig/",
    "search before typing": "search/",
    "not found": "404.html",
}
# WCAG 2.1 A/AA and axe's best practices (landmarks, one h1, labels that are not only a title).
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed ({AXE.relative_to(ROOT)} missing): run npm ci")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(
    scope="module",
    params=[("light", 1280), ("dark", 1280), ("light", 375), ("dark", 375)],
    ids=lambda p: f"{p[0]}-{p[1]}px",
)
def themed_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page in the light or dark theme (OS preference and stored choice agree), wide or narrow.

    Narrow screens matter: a code block or table that scrolls sideways there must be reachable
    by keyboard (axe's scrollable-region-focusable).
    """
    theme, width = request.param
    context = browser.new_context(color_scheme=theme, viewport={"width": width, "height": 900})
    context.add_init_script(f"localStorage.setItem('anthology-theme', '{theme}')")
    yield context.new_page()
    context.close()


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {n['target']}: {n['failureSummary']}" for n in v["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(themed_page: Page, site_url: str, axe_source: str, name: str) -> None:
    page = themed_page
    page.goto(site_url + PAGES[name])
    if "?q=" in PAGES[name]:
        page.wait_for_selector(".search-result")
        open_filters(page, "category")  # the filter panel and one group open
    theme = page.get_attribute("html", "data-theme")
    width = page.viewport_size["width"] if page.viewport_size else "?"
    # evaluate() runs through DevTools, which the page's Content-Security-Policy does not block.
    page.evaluate(axe_source)
    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run(document, options)", options)
    violations = result["violations"]
    assert not violations, f"{name} ({theme}, {width}px):\n{describe(violations)}"
