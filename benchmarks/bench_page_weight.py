"""Page-weight budget: a post page transfers at most 40 KB compressed, with no blocking script.

Usage: python benchmarks/bench_page_weight.py [--site DIR] [--page PATH] [--budget KB]

Without --site, builds content/ with publishconf.py into a temporary folder. For every post page
(or only --page, a path such as posts/<slug>/), adds up the gzip-compressed size (level 6, a
typical server setting) of the HTML and of every stylesheet, script and font it loads (CSS
@import and url() followed). Images and /pagefind/ (loaded only by the search page) are left
out. A <script src> in <head> without defer, async or type="module", and any inline script
there but the site's dark-theme script (a few bytes that must run before the first paint), is
render-blocking and fails the check. Exits 1 when a page is over budget or blocks.

With --search-corpus N, measures the search instead: N generated posts (benchmarks/gen_corpus.py,
--prose varied by default: words at the rates of the sample posts in content/posts; --prose
filler for the 40-word corpus measured before) plus as many earlier posts in the prior
catalog, built with search, then the search page loaded in Chromium and one query run; every
response it fetched is counted at its transfer size (text gzip-compressed as a server would,
Pagefind's already-compressed chunks as they are), by kind (Pagefind's scripts, WebAssembly,
page metadata, index, filter and fragment chunks, the page and theme). Each query is measured
twice in a fresh browser: pasted into the search box, and typed a key every 200 ms (--key-ms)
as a reader would, so that what the page fetches for the word being typed counts too.
Budget: --search-budget KB (default 150). --keep DIR keeps the generated corpus and its site;
--search-site DIR/output measures such a site (or any built site) again without building.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from anthology.site.inline import THEME_SCRIPT  # noqa: E402

BUDGET_KB = 40.0
SEARCH_BUDGET_KB = 150.0
KEY_MS = 200  # a key every 200 ms: about 60 words a minute
TEXT = re.compile(r"\.(html?|css|js|mjs|json|svg|xml|txt)$", re.IGNORECASE)
IMAGE = re.compile(r"\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$", re.IGNORECASE)
CSS_REF = re.compile(
    r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)"""  # @import "x" / @import url(x)
    r"""|url\(\s*['"]?([^'")]+)['"]?\s*\)"""  # url(x): fonts; images are skipped
)


@dataclass
class PageRefs:
    """What an HTML page loads, and which of its head scripts block rendering."""

    assets: list[str] = field(default_factory=list)
    blocking: list[str] = field(default_factory=list)


class _RefParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs = PageRefs()
        self._in_head = False
        self._inline: list[str] | None = None  # text of an inline script in <head>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = False
        elif tag == "link" and {"stylesheet", "preload", "modulepreload"} & set(
            a.get("rel", "").lower().split()
        ):
            self.refs.assets.append(a.get("href", ""))
        elif tag == "script":
            src = a.get("src")
            if src:
                self.refs.assets.append(src)
            deferred = "defer" in a or "async" in a or a.get("type") == "module"
            if self._in_head and not deferred and a.get("type", "") in ("", "text/javascript"):
                if src:
                    self.refs.blocking.append(src)
                else:
                    self._inline = []

    def handle_data(self, data: str) -> None:
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        elif tag == "script" and self._inline is not None:
            if "".join(self._inline) != str(THEME_SCRIPT):
                self.refs.blocking.append("(inline script)")
            self._inline = None


def page_refs(html: str) -> PageRefs:
    parser = _RefParser()
    parser.feed(html)
    return parser.refs


def local_file(site: Path, base_url: str, ref: str) -> Path | None:
    """The file under `site` that `ref` (relative to `base_url`) names, or None if external."""
    parts = urlsplit(urljoin(base_url, ref))
    if parts.netloc not in ("", "site.invalid"):
        return None
    path = site / parts.path.lstrip("/")
    return path / "index.html" if path.is_dir() else path


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure(site: Path, page: Path) -> tuple[list[tuple[str, int, int]], list[str]]:
    """(url, raw bytes, gzip bytes) for the page and what it loads; and its blocking scripts."""
    url = "https://site.invalid/" + page.relative_to(site).as_posix()
    html = page.read_bytes()
    refs = page_refs(html.decode("utf-8"))
    rows = [(urlsplit(url).path, len(html), gz(html))]
    queue = [(url, ref) for ref in refs.assets]
    seen: set[Path] = set()
    while queue:
        base, ref = queue.pop(0)
        absolute = urljoin(base, ref)
        path_part = urlsplit(absolute).path
        if not ref or IMAGE.search(path_part) or path_part.startswith("/pagefind/"):
            continue
        target = local_file(site, base, ref)
        if target is None or target in seen:
            continue
        seen.add(target)
        if not target.is_file():
            raise SystemExit(f"{page}: {ref} is missing from the site")
        data = target.read_bytes()
        rows.append((path_part, len(data), gz(data)))
        if target.suffix == ".css":
            text = data.decode("utf-8")
            queue.extend((absolute, a or b) for a, b in CSS_REF.findall(text))
    return rows, refs.blocking


def build_site(folder: Path) -> Path:
    """content/ built with publishconf.py (search included) into `folder`/output."""
    os.chdir(REPO)  # publishconf.py imports pelicanconf from the working directory
    sys.path.insert(0, str(REPO))
    from anthology.site.commands import build

    return build(
        str(REPO / "publishconf.py"),
        folder / "output",
        PATH=str(REPO / "content"),
        CACHE_PATH=str(folder / "cache"),
    )


def search_transfer(site: Path, query: str, key_ms: int = 0) -> list[tuple[str, int]]:
    """(path, transfer bytes) of every response the search page needs for one query, put in
    the search box at once (`key_ms` 0) or typed a key every `key_ms` milliseconds."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO))
    from anthology.site.commands import served
    from tests.browser.conftest import launch_chromium

    requested: list[str] = []
    with served(site) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        if browser is None:
            raise SystemExit("no Chromium found: install Debian's chromium")
        page = browser.new_page()
        page.on("requestfinished", lambda request: requested.append(request.url))
        page.goto(url + "search/")
        if key_ms:
            page.click("#search-q")
            page.keyboard.type(query, delay=key_ms)
        else:
            page.fill("#search-q", query)
        # The shown results are filled in, then nothing more arrives.
        page.wait_for_selector(".search-result")
        page.wait_for_function(
            "() => !document.querySelector('.search-result.is-loading, [aria-busy=true]')"
        )
        page.wait_for_load_state("networkidle")
        browser.close()
    rows = []
    for address in dict.fromkeys(requested):
        path = urlsplit(address).path
        target = site / path.lstrip("/")
        target = target / "index.html" if target.is_dir() else target
        if not target.is_file():
            continue
        data = target.read_bytes()
        rows.append((path, gz(data) if TEXT.search(target.name) else len(data)))
    return rows


# What a search response is, by its path: the breakdown printed for each query.
KINDS = (
    ("index chunks", re.compile(r"/pagefind/index/")),
    ("filter chunks", re.compile(r"/pagefind/filter/")),
    ("fragments", re.compile(r"/pagefind/fragment/")),
    ("page metadata (pf_meta)", re.compile(r"\.pf_meta$")),
    ("WebAssembly", re.compile(r"/pagefind/wasm\.")),
    ("Pagefind scripts and styles", re.compile(r"/pagefind/")),
    ("the search page and the theme", re.compile(r"")),
)


def kind_of(path: str) -> str:
    return next(name for name, pattern in KINDS if pattern.search(path))


def report_search(site: Path, queries: str, budget: float, key_ms: int = KEY_MS) -> int:
    """Measure each query in a fresh browser on a built `site`, pasted into the search box
    and typed a key every `key_ms` ms; 1 when one is over budget."""
    failed = False
    for one in queries.split(","):
        for how, delay in (("pasted", 0), (f"typed, a key every {key_ms} ms", key_ms)):
            failed |= _report_one(site, one.strip(), how, delay, budget)
    return 1 if failed else 0


def _report_one(site: Path, query: str, how: str, key_ms: int, budget: float) -> bool:
    """Print what one query transferred, by kind; True when it is over budget."""
    rows = search_transfer(site, query, key_ms)
    total = sum(size for _, size in rows)
    print(f"first query {query!r} ({how}) in a fresh browser: {len(rows)} responses")
    kinds: dict[str, list[int]] = {name: [] for name, _ in KINDS}
    for path, size in rows:
        kinds[kind_of(path)].append(size)
    for name, sizes in kinds.items():
        print(f"  {name:<40} {len(sizes):4} files {sum(sizes) / 1024:8.1f} KB")
    print("  largest responses:")
    for path, size in sorted(rows, key=lambda r: -r[1])[:8]:
        print(f"    {path:<62} {size / 1024:8.1f} KB")
    over = total > budget * 1024
    verdict = "OVER BUDGET" if over else "within budget"
    print(f"  {'total':<64} {total / 1024:8.1f} KB (budget {budget:.0f} KB): {verdict}")
    return over


def measure_search(
    posts: int,
    budget: float,
    query: str,
    keep: Path | None = None,
    prose: str = "varied",
    key_ms: int = KEY_MS,
) -> int:
    """Build `posts` generated posts plus as many earlier posts, then measure one query.

    With `keep`, the corpus and site stay in that folder (reused by a later run with
    `--site`), else in a temporary folder removed at the end.
    """
    sys.path.insert(0, str(REPO / "benchmarks"))
    from gen_corpus import generate, generate_prior, prose_for

    folder = keep or Path(tempfile.mkdtemp(prefix="anthology-search-weight-"))
    try:
        content = folder / "content"
        shutil.copytree(REPO / "content", content)
        words = prose_for(content, prose)
        generate(content, posts, prose=words)
        generate_prior(content, posts, prose=words)
        print(
            f"building {posts} posts + {posts} earlier posts ({prose} prose), search included",
            flush=True,
        )
        os.chdir(REPO)
        from anthology.site.commands import build

        site = build(
            str(REPO / "publishconf.py"),
            folder / "output",
            PATH=str(content),
            CACHE_PATH=str(folder / "cache"),
            ANTHOLOGY={"SOCIAL_CARDS": False, "RESPONSIVE_IMAGES": False},
        )
        return report_search(site, query, budget, key_ms)
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--page", help="one page, e.g. posts/<slug>/ (default: every post)")
    parser.add_argument("--budget", type=float, default=BUDGET_KB, help="KB, default 40")
    parser.add_argument(
        "--search-corpus", type=int, metavar="N", help="measure one search over N posts"
    )
    parser.add_argument("--search-budget", type=float, default=SEARCH_BUDGET_KB)
    parser.add_argument(
        "--key-ms", type=int, default=KEY_MS, help="typing speed for the typed query (ms a key)"
    )
    parser.add_argument(
        "--prose",
        choices=("varied", "filler"),
        default="varied",
        help="with --search-corpus: what the generated posts are written in (gen_corpus.py)",
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="with --search-corpus: build into DIR and keep it"
    )
    parser.add_argument(
        "--search-site", type=Path, metavar="DIR", help="measure one search on this built site"
    )
    parser.add_argument(
        "--query", default="recommender,mlflow", help="queries, comma-separated (each measured)"
    )
    args = parser.parse_args()
    if args.search_site:  # a site built earlier (a corpus kept with --keep): as it is
        return report_search(
            args.search_site.resolve(), args.query, args.search_budget, args.key_ms
        )
    if args.search_corpus:
        keep = args.keep.resolve() if args.keep else None
        if keep is not None and keep.exists():
            raise SystemExit(
                f"{keep} exists: remove it, or measure it: --search-site {keep}/output"
            )
        return measure_search(
            args.search_corpus, args.search_budget, args.query, keep, args.prose, args.key_ms
        )
    folder = None if args.site else Path(tempfile.mkdtemp(prefix="anthology-weight-"))
    try:
        if args.site:
            site = args.site.resolve()
        else:
            print(f"building the site with publishconf.py into {folder} ...", flush=True)
            site = build_site(folder)
        if args.page:
            pages = [local_file(site, "https://site.invalid/", args.page.lstrip("/"))]
        else:
            pages = sorted((site / "posts").glob("*/index.html"))
        failed = False
        heaviest: tuple[int, list[tuple[str, int, int]]] = (0, [])
        print(f"{'page':<58} {'raw KB':>8} {'gzip KB':>8}  verdict")
        for page in pages:
            if page is None or not page.is_file():
                raise SystemExit(f"no such page in {site}: {args.page}")
            rows, blocking = measure(site, page)
            raw, total = sum(r[1] for r in rows), sum(r[2] for r in rows)
            over = total > args.budget * 1024
            verdict = "OVER BUDGET" if over else "ok"
            if blocking:
                verdict += f"; render-blocking: {', '.join(blocking)}"
            failed |= over or bool(blocking)
            print(f"{rows[0][0]:<58} {raw / 1024:8.1f} {total / 1024:8.1f}  {verdict}")
            heaviest = max(heaviest, (total, rows), key=lambda t: t[0])
        total, rows = heaviest
        print(f"\nheaviest page, by resource (budget {args.budget:.0f} KB compressed):")
        for path, raw, packed in rows:
            print(f"  {path:<56} {raw / 1024:8.1f} {packed / 1024:8.1f}")
        print(f"  {'total':<56} {sum(r[1] for r in rows) / 1024:8.1f} {total / 1024:8.1f}")
        print("FAILED" if failed else "within budget, no render-blocking script")
        return 1 if failed else 0
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
