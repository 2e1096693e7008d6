"""Earlier semesters on every browsing page, "Pick a tool", and the site's own files
(sitemap, robots, 404, JSON-LD, feeds), on real builds of the shipped content."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from anthology.course import load_course
from anthology.site.inline import THEME_SCRIPT, csp_hash

from .conftest import build_site, copy_content


def soup_of(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url
    assert path.exists(), f"{url} was not written"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def prior_titles(soup: BeautifulSoup) -> list[str]:
    """The title of each earlier post, without the external-link marker."""
    return [str(a.contents[0]).strip() for a in soup.select(".prior__title a")]


def shipped_prior() -> list[dict]:
    root = Path(__file__).resolve().parent.parent
    return yaml.safe_load((root / "content/prior/2020-2022.yaml").read_text())["posts"]


def test_every_course_category_and_semester_has_a_page(built_site: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    course = load_course(root / "content" / "course.yaml")
    for category in course.categories:
        soup = soup_of(built_site, f"/category/{category.id}/")
        assert soup.h1 and soup.h1.get_text(strip=True) == category.name
    for semester in course.semesters:
        soup_of(built_site, f"/semesters/{semester.id}/")
    archive = soup_of(built_site, "/semesters/")
    text = archive.get_text(" ", strip=True)
    assert re.search(r"2020-2022 106 posts", text), text
    assert "Fall 2026" in text and "Spring 2026" in text
    assert "/semesters/2020-2022/" in {a["href"] for a in archive.find_all("a", href=True)}
    categories = soup_of(built_site, "/categories/")
    hrefs = {a["href"] for a in categories.find_all("a", href=True)}
    assert {f"/category/{c.id}/" for c in course.categories} <= hrefs


def test_earlier_semester_page_lists_all_106_with_titles_from_addresses(built_site: Path) -> None:
    soup = soup_of(built_site, "/semesters/2020-2022/")
    titles = prior_titles(soup)
    assert len(titles) == 106
    assert "Deploying a Flask application with Kubernetes" in " ".join(titles)
    assert "No posts yet" not in soup.get_text()
    # Each earlier post says who wrote it (when known), where and when, and links out.
    item = next(li for li in soup.select(".prior") if "mazzottacraig" in li.get_text())
    link = item.select_one(".prior__title a")
    assert link["href"].startswith("https://medium.com/@mazzottacraig/")
    assert "external" in link["rel"]
    assert link.select_one(".external")  # the external-link marker
    meta = item.select_one(".prior__meta").get_text(" ", strip=True)
    assert "@mazzottacraig" in meta and "2020-2022" in meta and "medium.com" in meta


def test_category_pages_list_this_semester_first_then_earlier_posts(built_site: Path) -> None:
    # AutoML has no post this semester: only earlier ones, and no empty section above them.
    automl = soup_of(built_site, "/category/automl/")
    assert "No posts yet" not in automl.get_text()
    assert len(prior_titles(automl)) >= 5
    assert any("Autogluon" in t or "AutoGluon" in t for t in prior_titles(automl))
    # Data cleaning has posts this semester: they come before the earlier posts.
    cleaning = soup_of(built_site, "/category/data-cleaning/")
    headings = [h.get_text(strip=True) for h in cleaning.find_all("h2")]
    assert headings.index("Fall 2026") < headings.index("Earlier semesters, published elsewhere")
    assert "/posts/pandera-rating-schema-checks/" in {
        a["href"] for a in cleaning.find_all("a", href=True)
    }
    assert any("Great Expectations" in t for t in prior_titles(cleaning))


def test_tool_page_shows_titles_authors_not_placeholders(built_site: Path) -> None:
    soup = soup_of(built_site, "/tools/kubernetes/")
    titles = prior_titles(soup)
    assert "Deploying a Flask application with Kubernetes" in titles
    assert not any(t.startswith("A post on") for t in titles)
    assert "No posts yet" not in soup.get_text()
    share = shipped_prior()
    tool_named = sum(1 for p in share if not p.get("title"))
    assert tool_named <= 0.2 * len(share)


def test_author_pages_for_earlier_authors(built_site: Path) -> None:
    soup = soup_of(built_site, "/author/mazzottacraig/")
    assert "Deploying a Flask application with Kubernetes" in " ".join(prior_titles(soup))
    authors = soup_of(built_site, "/authors/")
    assert "/author/mazzottacraig/" in {a["href"] for a in authors.find_all("a", href=True)}
    assert "/author/priya-raman/" in {a["href"] for a in authors.find_all("a", href=True)}


def test_pick_a_tool_shows_three_statuses_and_alternatives(built_site: Path) -> None:
    soup = soup_of(built_site, "/pick-a-tool/")
    picks = {li.select_one(".pick__name").get_text(strip=True): li for li in soup.select("li.pick")}
    assert "pick--taken" in picks["Pandera"]["class"]  # written this semester
    assert "pick--taken" in picks["NannyML"]["class"]  # only claimed this semester
    assert "pick--covered" in picks["Kubernetes"]["class"]
    assert "pick--open" in picks["Captum"]["class"]
    earlier = [a["href"] for a in picks["Kubernetes"].select(".pick__earlier a")]
    assert any("mazzottacraig" in href for href in earlier)
    alternatives = picks["Pandera"].select_one(".pick__alternatives").get_text(" ", strip=True)
    assert (
        "Great Expectations" not in alternatives
        or "pick--taken" not in picks["Great Expectations"]["class"]
    )
    assert alternatives.count(",") >= 1
    for name in re.split(r",\s*", alternatives.split(":", 1)[1]):
        assert "pick--taken" not in picks[name.strip()]["class"], name
    # Linked from the home page and from How to submit.
    for url in ("/", "/how-to-submit/"):
        hrefs = {a["href"] for a in soup_of(built_site, url).find_all("a", href=True)}
        assert "/pick-a-tool/" in hrefs, url


def test_sitemap_robots_and_404(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "/posts/pandera-rating-schema-checks/" in locations
    assert "/category/automl/" in locations and "/pick-a-tool/" in locations
    assert not any(loc.startswith("/earlier/") for loc in locations)
    assert "User-agent: *" in (built_site / "robots.txt").read_text(encoding="utf-8")
    notfound = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert notfound.h1 and notfound.h1.get_text(strip=True) == "Page not found"


def test_post_has_json_ld_and_listing_pages_have_og_image(built_site: Path) -> None:
    soup = soup_of(built_site, "/posts/prefect-nightly-retraining/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "BlogPosting"
    assert {a["name"] for a in data["author"]} == {"Jonas Weber", "Amara Okafor"}
    for url in ("/", "/category/automl/", "/tools/kubernetes/", "/semesters/"):
        image = soup_of(built_site, url).find("meta", property="og:image")
        assert image and image["content"].endswith(".png"), url
    assert (built_site / "cards" / "site.png").stat().st_size > 1000


def test_dark_theme_script_is_allowed_by_its_hash(built_site: Path) -> None:
    soup = soup_of(built_site, "/")
    inline = [s for s in soup.find_all("script") if not s.get("src") and not s.get("type")]
    assert len(inline) == 1 and inline[0].string == str(THEME_SCRIPT)
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert csp_hash(inline[0].string) in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_rss_items_have_authors_and_the_channel_links_the_page(built_site: Path) -> None:
    rss = feedparser.parse(str(built_site / "feeds/tool/prefect.rss.xml"))
    assert rss.feed.link.endswith("/tools/prefect/")
    authors = {a for entry in rss.entries for a in entry.get("author", "").split(", ")}
    assert {"Jonas Weber", "Amara Okafor"} & authors or "Jonas Weber" in str(rss.entries)
    raw = (built_site / "feeds/tool/prefect.rss.xml").read_text(encoding="utf-8")
    assert "<dc:creator>Jonas Weber</dc:creator>" in raw


def test_earlier_posts_join_feeds_only_when_course_says_so(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    catalog = content / "prior" / "2020-2022.yaml"
    assert "2022-03-14" in catalog.read_text(encoding="utf-8")  # the Elasticsearch post
    off = build_site(content, tmp_path / "off", ANTHOLOGY={"SEARCH": False})
    # No post on Elasticsearch or in its category this semester: no feeds at all.
    assert not (off / "feeds/tool/elasticsearch.atom.xml").exists()
    assert not (off / "feeds/category/data-storage.atom.xml").exists()
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("prior_in_feeds: false", "prior_in_feeds: true"),
        encoding="utf-8",
    )
    shutil.rmtree(tmp_path / ".off-cache", ignore_errors=True)
    on = build_site(content, tmp_path / "on", ANTHOLOGY={"SEARCH": False})
    feed = feedparser.parse(str(on / "feeds/tool/elasticsearch.atom.xml"))
    links = [entry.link for entry in feed.entries]
    assert "https://deokhk.github.io/2022/03/14/Elasticsearch.html" in links
    category = feedparser.parse(str(on / "feeds/category/data-storage.atom.xml"))
    assert "https://deokhk.github.io/2022/03/14/Elasticsearch.html" in [
        entry.link for entry in category.entries
    ]
    assert "feeds/tool/elasticsearch.atom.xml" in (on / "tools/elasticsearch/index.html").read_text(
        "utf-8"
    )


def test_a_failed_build_does_not_stop_later_sitemaps(tmp_path: Path) -> None:
    from anthology.site.commands import BuildFailed

    broken = copy_content(tmp_path / "broken")
    (broken / "posts" / "F2026" / "broken.md").write_text("---\ntitle: [\n---\n", "utf-8")
    with pytest.raises((BuildFailed, SystemExit)):
        build_site(broken, tmp_path / "first", ANTHOLOGY={"SEARCH": False})
    good = copy_content(tmp_path / "good")
    site = build_site(good, tmp_path / "second", ANTHOLOGY={"SEARCH": False})
    assert "/pick-a-tool/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_hostile_catalog_values_stay_text(tmp_path: Path) -> None:
    """Titles, authors, summaries and semesters from a catalog are text on every page,
    and odd names never make odd addresses."""
    from anthology.site.inline import json_ld

    content = copy_content(tmp_path / "content")
    hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>"'
    (content / "prior" / "hostile.yaml").write_text(
        yaml.safe_dump(
            {
                "semester": "@@@",
                "posts": [
                    {
                        "name": "Kubernetes",
                        "tools": ["Kubernetes"],
                        "url": "https://example.org/a-post",
                        "title": hostile,
                        "author": "@",
                        "summary": hostile,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    site = build_site(content, tmp_path / "output", ANTHOLOGY={"SEARCH": False})
    for url in ("/tools/kubernetes/", "/category/mlops-deployment/", "/semesters/earlier/"):
        html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find("img", onerror=True), url
        assert hostile in soup.get_text(), url  # shown as the text it is
        assert "alert(1)</script>" not in html, url
    assert not (site / "author" / "tool").exists()
    assert "\\u003c/script\\u003e" in str(json_ld({"headline": hostile}))
