"""Browser fixtures: one Chromium for these tests, the built site served over HTTP, artifacts."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

# This machine and CI have no internet: background networking makes Chromium hang.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Debian's `chromium` package (apt-get install chromium), which `.ci/run` installs and the
# README names; Playwright's own download only where no system Chromium exists.
SYSTEM_CHROMIUM = ("chromium", "chromium-browser")


def find_chromium(playwright_path: str | None) -> str | None:
    """The Chromium on PATH, else Playwright's own if installed, else None.

    The system browser comes first so that every run uses the same browser: whatever
    happens to be in Playwright's download folder (installed or removed by other tools at
    any time) does not change which browser the suite drives.
    """
    for name in SYSTEM_CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    if playwright_path and Path(playwright_path).is_file():
        return playwright_path
    return None


def launch_chromium(playwright: Playwright) -> Browser | None:
    """A headless Chromium (see `find_chromium`), or None when there is none."""
    try:
        own = playwright.chromium.executable_path
    except Exception:  # Playwright raises when its browser registry is unusable
        own = None
    executable = find_chromium(own)
    if executable is None:
        return None
    return playwright.chromium.launch(
        executable_path=None if executable == own else executable, args=CHROMIUM_ARGS
    )


@pytest.fixture(scope="package")
def browser(built_site: Path) -> Iterator[Browser]:
    """One headless Chromium for these tests; skips when none can be found.

    Playwright's sync API keeps an event loop running in this thread while it is open. So
    this depends on `built_site` (built first), later builds here run in a worker thread
    (`in_thread`), where nothing they start can meet that loop, and the scope is this
    package: tests outside it that build a site run after Playwright has stopped.
    """
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed: pip install -e '.[dev]'"
    )
    with sync_api.sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        if launched is None:
            pytest.skip("no Chromium found: install Debian's `chromium` (apt-get install chromium)")
        yield launched
        launched.close()


def in_thread(build: Callable[..., Path], *args: object) -> Path:
    """Run a site build in a worker thread: Playwright's sync API runs an event loop here."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(build, *args).result()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The session's built site served on 127.0.0.1; the base URL ends with a slash."""
    from anthology.site.commands import served

    with served(built_site) as url:
        yield url


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser context (own localStorage) per test, light colour scheme."""
    ctx = browser.new_context(color_scheme="light")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page that fails the test on any uncaught JavaScript error."""
    errors: list[str] = []
    new = context.new_page()
    new.on("pageerror", lambda exc: errors.append(str(exc)))
    yield new
    assert not errors, f"uncaught JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ at the repository root (gitignored), for screenshots and reports."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
