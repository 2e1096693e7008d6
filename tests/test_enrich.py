"""`anthology enrich-prior` against a local web server: page metadata into the catalog,
hand edits kept, responses cached, failures reported, one host's requests spaced."""

from __future__ import annotations

import itertools
import shutil
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import yaml

from anthology.cli import main
from anthology.enrich import read_meta

from .localhttp import QuietServer, base_url, serving

ROOT = Path(__file__).resolve().parent.parent

PAGES = {
    "/@writer/tracking-runs-with-mlflow-0123456789ab": (
        "text/html",
        """<html><head><title>Ignored | Medium</title>
        <meta property="og:title" content="Tracking runs with MLflow, for real">
        <meta property="og:description" content="OpenGraph summary.">
        <script type="application/ld+json">{"@type": "BlogPosting",
          "headline": "Tracking runs with MLflow: a field guide",
          "description": "How we tracked 40 runs.",
          "author": {"@type": "Person", "name": "Wen Writer"},
          "datePublished": "2021-04-05T09:00:00Z"}</script></head><body>x</body></html>""",
    ),
    "/blog/kedro.html": (
        "text/html; charset=utf-8",
        """<html><head><title>Kedro pipelines &amp; me</title>
        <meta name="description" content="A plain meta description.">
        <meta name="author" content="Kai Kedro"></head><body></body></html>""",
    ),
    "/edited": (
        "text/html",
        """<html><head><meta property="og:title" content="Page title">
        <meta property="og:description" content="Page summary."></head></html>""",
    ),
    "/slides.pdf": ("application/pdf", "%PDF-1.4"),
    "/hostile": (
        "text/html",
        """<html><head><title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>
        </head></html>""",
    ),
}


@pytest.fixture
def server() -> Iterator[tuple[str, list[tuple[str, float]]]]:
    hits: list[tuple[str, float]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append((self.path, time.monotonic()))
            page = PAGES.get(self.path)
            if page is None:
                self.send_error(404)
                return
            body = page[1].encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", page[0])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = QuietServer(("127.0.0.1", 0), Handler)
    with serving(httpd):
        yield base_url(httpd), hits


def catalog(content: Path, base: str) -> Path:
    path = content / "prior" / "s2021.yaml"
    path.parent.mkdir(parents=True)
    posts = [
        {"name": "MLflow", "url": f"{base}/@writer/tracking-runs-with-mlflow-0123456789ab"},
        {"name": "Kedro", "url": f"{base}/blog/kedro.html"},
        {"name": "DVC", "url": f"{base}/edited", "title": "My own title"},
        {"name": "Metaflow", "url": f"{base}/slides.pdf"},
        {"name": "Dask", "url": f"{base}/gone"},
        {"name": "Optuna", "url": f"{base}/hostile"},
    ]
    for post in posts:
        post.update(tools=[post["name"]], semester="S2021")
    # A title as the address gives it, which the page's own title may replace.
    posts[0]["title"] = "Tracking runs with MLflow"
    posts[0]["author"] = "@writer"
    path.write_text(
        yaml.safe_dump({"semester": "S2021", "source": "h.md", "posts": posts}), encoding="utf-8"
    )
    return path


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for name in ("course.yaml", "tools.yaml"):
        shutil.copy(ROOT / "content" / name, folder / name)
    return folder


def run(content: Path, cache: Path, delay: str = "0") -> int:
    return main(
        [
            "--content",
            str(content),
            "enrich-prior",
            "--cache-dir",
            str(cache),
            "--delay",
            delay,
            "--timeout",
            "5",
        ]
    )


def test_pages_fill_the_catalog_and_hand_edits_stay(
    content: Path, tmp_path: Path, server, capsys
) -> None:
    base, hits = server
    path = catalog(content, base)
    assert run(content, tmp_path / "cache") == 0
    posts = {p["name"]: p for p in yaml.safe_load(path.read_text())["posts"]}
    mlflow = posts["MLflow"]
    assert mlflow["title"] == "Tracking runs with MLflow: a field guide"  # JSON-LD first
    assert mlflow["summary"] == "How we tracked 40 runs."
    # This address does not name its author, so "@writer" was written by hand: kept.
    assert mlflow["author"] == "@writer"
    assert mlflow["published"] == "2021-04-05"
    kedro = posts["Kedro"]
    assert kedro["title"] == "Kedro pipelines & me"
    assert (kedro["summary"], kedro["author"]) == ("A plain meta description.", "Kai Kedro")
    assert posts["DVC"]["title"] == "My own title"  # a hand edit is kept
    assert posts["DVC"]["summary"] == "Page summary."
    assert "title" not in posts["Metaflow"] and "title" not in posts["Dask"]
    err = capsys.readouterr().err
    assert "/slides.pdf: not an HTML page" in err and "/gone: 404" in err
    # The second run is served from the cache: the server sees no page again.
    before = len(hits)
    assert run(content, tmp_path / "cache") == 0
    assert [h for h, _ in hits[before:]] == ["/gone"]  # errors are not cached
    assert "0 updated" in capsys.readouterr().out


def test_requests_to_one_host_are_spaced(content: Path, tmp_path: Path, server) -> None:
    base, hits = server
    catalog(content, base)
    assert run(content, tmp_path / "cache", delay="0.3") == 0
    times = [t for _, t in hits]
    assert len(times) == 6
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= 0.25, gaps


def test_catalog_from_a_hostile_page_stays_plain_text(
    content: Path, tmp_path: Path, server
) -> None:
    base, _ = server
    path = catalog(content, base)
    assert run(content, tmp_path / "cache") == 0
    optuna = next(p for p in yaml.safe_load(path.read_text())["posts"] if p["name"] == "Optuna")
    assert optuna["title"] == "</script><script>alert(1)</script>"  # text; templates escape it


def test_unreachable_host_is_reported_not_raised(content: Path, tmp_path: Path, capsys) -> None:
    catalog(content, "http://127.0.0.1:9")  # the discard port: nothing listens
    assert run(content, tmp_path / "cache") == 0
    assert capsys.readouterr().err.count("not read") == 6


def test_no_catalog_is_a_usage_error(content: Path, tmp_path: Path, capsys) -> None:
    assert run(content, tmp_path / "cache") == 2
    assert "import-prior" in capsys.readouterr().err


def test_meta_reader_prefers_structured_data() -> None:
    meta = read_meta(
        '<html><head><meta property="og:title" content="OG">'
        '<meta property="article:author" content="https://example.org/@me"></head></html>',
        "https://example.org/x",
    )
    assert meta.title == "OG" and meta.author is None  # a profile URL is not a name


def test_what_the_address_gave_gives_way_to_the_page() -> None:
    from anthology.enrich import enrich_entries
    from anthology.tools import ToolRegistry

    entries = [
        {
            "url": "https://medium.com/@someone/a-first-look-at-dask-0123456789ab",
            "title": "A first look at dask",
            "author": "@someone",
        }
    ]
    page = (
        '<html><head><script type="application/ld+json">{"@type": "BlogPosting", '
        '"headline": "A First Look at Dask", "author": {"name": "Some One"}}</script></head></html>'
    )
    report = enrich_entries(entries, lambda url: page, ToolRegistry([]), "catalog.yaml")
    assert entries[0]["title"] == "A First Look at Dask"
    assert entries[0]["author"] == "Some One"
    assert report.updated
