"""Integration: build the shipped content into a temporary folder and read the site."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from anthology.site.commands import BuildFailed

from .conftest import build_site, copy_content


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url
    assert path.exists(), f"{url} was not written"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def internal_links(soup: BeautifulSoup) -> set[str]:
    return {a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith("/")}


def test_every_page_type_exists(built_site: Path) -> None:
    for url in [
        "/",
        "/posts/pandera-rating-schema-checks/",
        "/categories/",
        "/category/testing/",
        "/tags/",
        "/tag/data-quality/",
        "/authors/",
        "/author/priya-raman/",
        "/tools/",
        "/tools/mlflow/",
        "/semesters/",
        "/semesters/F2026/",
        "/semesters/S2026/",
        "/archives/",
        "/search/",
        "/about/",
        "/how-to-submit/",
        "/posts/welcome-fall-2026/",
    ]:
        page(built_site, url)


def test_internal_links_resolve(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        if "pagefind" in html.parts:
            continue
        for href in internal_links(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")):
            target = built_site / href.split("#")[0].split("?")[0].lstrip("/")
            if target.is_dir() or href.endswith("/"):
                target = target / "index.html"
            assert target.exists(), f"{html.relative_to(built_site)} links to missing {href}"


def test_home_lists_latest_posts_and_categories_with_counts(built_site: Path) -> None:
    soup = page(built_site, "/")
    links = internal_links(soup)
    assert "/posts/pandera-rating-schema-checks/" in links
    browse = soup.select_one(".home__browse")
    assert browse is not None
    text = browse.get_text(" ", strip=True)
    # Two posts this semester plus the earlier ones published elsewhere.
    count = re.search(r"Data programming and cleaning (\d+) posts", text)
    assert count and int(count.group(1)) > 2, text
    assert re.search(r"2020-2022 106 posts", text), text


def test_post_page_shows_its_metadata(built_site: Path) -> None:
    soup = page(built_site, "/posts/prefect-nightly-retraining/")
    links = internal_links(soup)
    assert {
        "/tools/prefect/",
        "/category/pipeline-automation/",
        "/author/jonas-weber/",
        "/author/amara-okafor/",
        "/semesters/F2026/",
    } <= links
    text = soup.get_text(" ", strip=True)
    assert "min read" in text
    evidence = [
        a["href"] for a in soup.find_all("a", href=True) if "mlip-anthology-samples" in a["href"]
    ]
    assert evidence


def test_post_on_covered_tool_links_earlier_posts(built_site: Path) -> None:
    soup = page(built_site, "/posts/mlflow-model-registry-rollbacks/")
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    assert (
        "https://medium.com/@kevin.n.lu123/mlflow-managing-your-ml-pipeline-from-training-"
        "to-deployment-7e0d87df9d" in hrefs
    )
    assert (
        "https://medium.com/@hoikitf/databricks-with-mlflow-easy-to-use-for-implementing-"
        "end-to-end-data-science-pipeline-8d5ff267f00" in hrefs
    )


def test_tool_page_groups_aliases_and_marks_prior_hosts(built_site: Path) -> None:
    soup = page(built_site, "/tools/weights-and-biases/")
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    assert any("pinnongl" in h for h in hrefs) and any("goyalmansi" in h for h in hrefs)
    text = soup.get_text(" ", strip=True)
    assert "medium.com" in text and "2020-2022" in text
    kubernetes = page(built_site, "/tools/kubernetes/")
    assert sum("medium.com" in a["href"] for a in kubernetes.find_all("a", href=True)) == 2


def test_tools_index_is_alphabetical_with_counts(built_site: Path) -> None:
    soup = page(built_site, "/tools/")
    tool_links = [
        a for a in soup.find_all("a", href=True) if re.fullmatch(r"/tools/[a-z0-9-]+/", a["href"])
    ]
    names = [a.get_text(strip=True) for a in tool_links]
    assert names == sorted(names, key=str.casefold)
    assert "MLflow" in names and "Pandera" in names
    assert len(set(names)) > 100


def test_combination_post_is_on_both_tool_pages(built_site: Path) -> None:
    for slug in ("label-studio", "cleanlab"):
        assert "/posts/label-studio-cleanlab-noisy-labels/" in internal_links(
            page(built_site, f"/tools/{slug}/")
        )


def test_drafts_and_claims_never_reach_the_output(built_site: Path) -> None:
    # The "Claimed tools" and "Pick a tool" pages list a draft's tool on purpose (it is
    # taken); see test_comments_site.py and test_browse_site.py.
    listing = {built_site / "claims" / "index.html", built_site / "pick-a-tool" / "index.html"}
    everything = " ".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in built_site.rglob("*")
        if p.suffix in (".html", ".xml") and p not in listing
    )
    assert "Alibi Explain" not in everything.replace("tools/alibi-explain", "")
    assert "Claimed: NannyML" not in everything
    assert not (built_site / "posts" / "draft-seldon-explainers").exists()
    assert not (built_site / "drafts").exists()


def test_semester_archive_separates_semesters(built_site: Path) -> None:
    earlier = internal_links(page(built_site, "/semesters/S2026/"))
    assert "/posts/superset-engagement-dashboards/" in earlier
    assert "/posts/pandera-rating-schema-checks/" not in earlier


@pytest.mark.parametrize(
    "feed",
    [
        "feeds/all.atom.xml",
        "feeds/all.rss.xml",
        "feeds/category/testing.atom.xml",
        "feeds/tool/mlflow.rss.xml",
        "feeds/tool/cleanlab.atom.xml",
    ],
)
def test_feeds_parse_and_hold_summaries(built_site: Path, feed: str) -> None:
    parsed = feedparser.parse((built_site / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert 1 <= len(parsed.entries) <= 20
    for entry in parsed.entries:
        assert entry.link.startswith("http")
        assert "content" not in entry  # summaries, not full text
        assert entry.summary


def test_feed_urls_are_absolute_under_publish_settings(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    site = build_site(
        content,
        tmp_path / "out",
        SITEURL="https://course.example.org/anthology",
        ANTHOLOGY={"SEARCH": False},
    )
    parsed = feedparser.parse((site / "feeds/all.atom.xml").read_bytes())
    assert all(
        e.link.startswith("https://course.example.org/anthology/posts/") for e in parsed.entries
    )


def _pagefind_fragments(site: Path) -> list[dict]:
    fragments = []
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragments.append(json.loads(data[data.index(b"{") :]))
    return fragments


def test_search_index_lists_posts_and_prior_posts_with_filters(built_site: Path) -> None:
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]
    fragments = _pagefind_fragments(built_site)
    urls = {f["url"] for f in fragments}
    assert "/posts/pandera-rating-schema-checks/" in urls
    assert "/" not in urls and "/tools/" not in urls  # listing pages are not results
    prior = [f for f in fragments if f["url"].startswith("/earlier/")]
    assert len(prior) == 106
    assert all(f["meta"]["external_url"].startswith("http") for f in prior)
    pandera = next(f for f in fragments if f["url"] == "/posts/pandera-rating-schema-checks/")
    assert set(pandera["filters"]) >= {"category", "tool", "semester", "tag"}
    assert pandera["filters"]["tool"] == ["Pandera"]


BROKEN_POST = """---
title: Broken
authors: [{name: A B, id: ab}]
semester: F2026
tool: Feast
catgory: testing
date: 2026-10-10
---
Body
"""


def test_a_broken_post_fails_the_build_naming_the_file(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    broken = content / "posts" / "F2026" / "broken.md"
    broken.write_text(BROKEN_POST, encoding="utf-8")
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    with pytest.raises(BuildFailed) as caught:
        build_site(content, tmp_path / "out", ANTHOLOGY={"SEARCH": False})
    message = str(caught.value)
    assert "posts/F2026/broken.md:6" in message
    assert "Did you mean `category`?" in message
    after = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    assert after == before


def test_pelican_command_line_exits_nonzero_on_a_broken_post(tmp_path: Path) -> None:
    import subprocess
    import sys

    content = copy_content(tmp_path / "content")
    (content / "posts" / "F2026" / "broken.md").write_text(
        BROKEN_POST.replace("date: 2026-10-10", "date: [oops"), encoding="utf-8"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-s",
            str(root / "pelicanconf.py"),
            "-o",
            str(tmp_path / "out"),
            "-e",
            'ANTHOLOGY={"SEARCH": false}',
            f'CACHE_PATH="{tmp_path / "cache"}"',
        ],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    assert result.returncode != 0
    assert "broken.md" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_live_preview_rewrites_only_the_edited_post(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    preview = {"SEARCH": False, "FEEDS": False, "PREVIEW_SKIP_UNCHANGED": True}
    cache = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "LOAD_CONTENT_CACHE": True,
        "CACHE_CONTENT": True,
    }
    site = build_site(content, tmp_path / "out", ANTHOLOGY=preview, **cache)
    edited = site / "posts/pandera-rating-schema-checks/index.html"
    untouched = site / "posts/duckdb-watch-history-analytics/index.html"
    marker = "<!-- written by the first build -->"
    other_author = site / "author/jonas-berg/index.html"
    own_author = site / "author/priya-raman/index.html"
    for written in (untouched, other_author, own_author):
        written.write_text(written.read_text(encoding="utf-8") + marker, encoding="utf-8")
    home = site / "index.html"
    home.write_text(home.read_text(encoding="utf-8") + marker, encoding="utf-8")
    source = content / "posts/F2026/pandera-rating-schema-checks.md"
    source.write_text(
        source.read_text(encoding="utf-8") + "\nA freshly added sentence.\n", encoding="utf-8"
    )
    build_site(content, tmp_path / "out", ANTHOLOGY=preview, **cache)
    assert "A freshly added sentence." in edited.read_text(encoding="utf-8")
    assert marker in untouched.read_text(encoding="utf-8")  # left alone
    assert marker in other_author.read_text(encoding="utf-8")  # lists only unchanged posts
    assert marker not in own_author.read_text(encoding="utf-8")  # lists the edited post
    assert marker not in home.read_text(encoding="utf-8")  # listing pages always rewritten


def test_search_indexes_a_posts_text_not_its_evidence_links(built_site: Path) -> None:
    fragments = _pagefind_fragments(built_site)
    mlflow = next(f for f in fragments if f["url"] == "/posts/mlflow-model-registry-rollbacks/")
    text = mlflow["content"]
    assert "champion alias" in text  # the body
    assert "MLflow" in text  # the tool names kept searchable after it
    soup = page(built_site, "/posts/mlflow-model-registry-rollbacks/")
    evidence = soup.select_one("section.evidence")
    assert evidence is not None and evidence.find("a", href=True)  # still on the page
    for link in evidence.find_all("a", href=True):
        assert link["href"] not in text
    assert "Evidence." not in text
    assert "min read" not in text
