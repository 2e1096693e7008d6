"""Comments under posts, optional giscus, and the "Claimed tools" page, in a built site."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from anthology.site.commands import BuildFailed
from anthology.site.settings import SettingsError

from .conftest import build_site, copy_content

FAST = {"SEARCH": False, "SOCIAL_CARDS": False, "RESPONSIVE_IMAGES": False}
GISCUS = {
    "repo": "mlip/anthology",
    "repo_id": "R_kgDOExample",
    "category": "Comments",
    "category_id": "DIC_kwDOExample",
}
HOSTILE = """---
author: {name: Mallory Mayhem, id: mmayhem}
post: pandera-rating-schema-checks
date: 2026-10-29
---

Does the schema also catch ratings sent as text? <script>alert("comment")</script>
<img src="x.png" alt="x" onerror="alert(1)"> [a trap](javascript:alert(1)) and the
[DuckDB post](../../posts/F2026/duckdb-watch-history-analytics.md), with a footnote.[^1]

[^1]: The footnote's id must not clash with the post's own.
"""


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def comments_of(page: BeautifulSoup) -> list[Tag]:
    section = page.select_one("section.comments")
    assert section is not None
    return section.select("article.comment")


def write_comment(content: Path, post: str, name: str, text: str) -> Path:
    path = content / "comments" / post / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def claim_rows(site: Path) -> dict[str, list[Tag]]:
    """Cells of each row of the claims table, by the tool cell's text."""
    table = soup(site, "claims").select_one("table.claims")
    assert table is not None
    rows = {}
    for row in table.select("tbody tr"):
        cells = row.find_all(["th", "td"])
        rows[" ".join(cells[0].get_text().split())] = cells
    return rows


# -- comments -----------------------------------------------------------------------------


def test_comments_appear_under_the_post_they_discuss(built_site: Path) -> None:
    for url, author in (
        ("posts/pandera-rating-schema-checks", "Mei Tanaka"),
        ("posts/locust-load-testing-recommender", "Jonas Berg"),
        ("posts/duckdb-watch-history-analytics", "Priya Raman"),
    ):
        page = soup(built_site, url)
        (comment,) = comments_of(page)
        assert author in comment.get_text()
        assert comment.find("time")["datetime"].startswith("2026-10-2")
        assert len(comment.select_one(".comment__body").get_text().split()) > 60
        body = page.select_one("[data-pagefind-body]")
        assert body is not None and comment not in body.descendants
    titled = comments_of(soup(built_site, "posts/locust-load-testing-recommender"))[0]
    assert titled.find("h3").get_text() == "Bursty viewers and the feature cache"
    assert comments_of(soup(built_site, "posts/feast-feature-store-for-recommendations")) == []


def test_the_no_comments_note_links_to_the_instructions(built_site: Path) -> None:
    note = soup(built_site, "posts/feast-feature-store-for-recommendations").select_one(
        "section.comments p"
    )
    assert note is not None
    href = note.find("a")["href"]
    page, fragment = href.split("#")
    assert page == "/how-to-submit/"
    assert soup(built_site, "how-to-submit").find(id=fragment) is not None


def test_comments_are_sanitized_ordered_and_scoped(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    write_comment(content, "pandera-rating-schema-checks", "mmayhem.md", HOSTILE)
    site = build_site(content, tmp_path / "out", ANTHOLOGY=FAST)
    page = soup(site, "posts/pandera-rating-schema-checks")
    comments = comments_of(page)
    assert [c.select_one(".comment__title").get_text() for c in comments] == [
        "Mei Tanaka",  # 2026-10-26
        "Mallory Mayhem",  # 2026-10-29: newest last
    ]
    hostile = comments[1]
    html = str(hostile)
    assert hostile.find("script") is None and "alert(" not in html.replace("&quot;", "")
    assert "onerror" not in html and "javascript:" not in html
    assert hostile.find("a", string="DuckDB post")["href"] == (
        "/posts/duckdb-watch-history-analytics/"
    )
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    footnote_ref = hostile.select_one("sup a")
    assert footnote_ref["href"].startswith("#comment-2-")
    assert page.find(id=footnote_ref["href"][1:]) is not None


def test_comments_on_unpublished_or_missing_posts_are_left_out(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    text = HOSTILE.replace("<script>", "").replace("</script>", "")
    write_comment(
        content,
        "x",
        "draft.md",
        text.replace("pandera-rating-schema-checks", "draft-seldon-explainers"),
    )
    write_comment(
        content, "x", "gone.md", text.replace("pandera-rating-schema-checks", "no-such-post")
    )
    site = build_site(content, tmp_path / "out", ANTHOLOGY=FAST)
    everything = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Mallory Mayhem" not in everything


def test_a_comment_with_broken_front_matter_fails_the_build(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    write_comment(
        content,
        "pandera-rating-schema-checks",
        "typo.md",
        "---\nauthor: {name: Ann Other, id: aother}\npost: pandera-rating-schema-checks\n"
        "dat: 2026-10-27\n---\n\nA comment.\n",
    )
    with pytest.raises(BuildFailed) as caught:
        build_site(content, tmp_path / "out", ANTHOLOGY=FAST)
    message = str(caught.value)
    assert "content/comments/pandera-rating-schema-checks/typo.md:4" in message
    assert "[comment-front-matter]" in message and "Did you mean `date`?" in message
    assert "Traceback" not in message


# -- giscus -------------------------------------------------------------------------------


def test_giscus_is_off_by_default(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        assert "giscus" not in html.read_text(encoding="utf-8"), html


def test_giscus_when_configured(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    site = build_site(content, tmp_path / "out", ANTHOLOGY=FAST, GISCUS=GISCUS)
    page = soup(site, "posts/pandera-rating-schema-checks")
    script = page.find("script", src="https://giscus.app/client.js")
    assert script is not None
    assert script["data-repo"] == "mlip/anthology"
    assert script["data-category-id"] == "DIC_kwDOExample"
    assert script["data-mapping"] == "pathname"
    assert script["data-theme"] == "preferred_color_scheme"
    assert script.has_attr("async") and script["crossorigin"] == "anonymous"
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split("; ")}
    assert "https://giscus.app" in directives["script-src"]
    assert "https://giscus.app" in directives["frame-src"]
    assert len(comments_of(page)) == 1  # file comments stay


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("on", "GISCUS must be None"),
        ({"repo": "mlip/anthology"}, "missing ['repo_id', 'category', 'category_id']"),
        ({**GISCUS, "colour": "dark"}, "unknown keys ['colour']"),
        ({**GISCUS, "repo": "not a repo"}, "repo must be 'owner/name'"),
    ],
)
def test_a_wrong_giscus_setting_stops_the_build_with_a_message(
    tmp_path: Path, setting: object, said: str
) -> None:
    content = copy_content(tmp_path / "content")
    with pytest.raises(SettingsError) as caught:  # a SystemExit: Pelican prints it, exit 1
        build_site(content, tmp_path / "out", ANTHOLOGY=FAST, GISCUS=setting)
    assert said in str(caught.value.code)


# -- the claims page ----------------------------------------------------------------------


def test_claims_page_is_in_the_navigation(built_site: Path) -> None:
    nav = soup(built_site, "").select_one("nav.site-nav")
    assert nav is not None and nav.find("a", string="Claimed tools")["href"] == "/claims/"


def test_claims_page_lists_this_semesters_claims_with_ids_only(built_site: Path) -> None:
    rows = claim_rows(built_site)
    names = list(rows)
    assert names == sorted(names, key=str.casefold)
    nanny = [cell.get_text(" ", strip=True) for cell in rows["NannyML"]]
    assert nanny[1:5] == ["MLOps, monitoring, and deployment", "claimed", "2026-10-25", "lortega"]
    page = (built_site / "claims" / "index.html").read_text(encoding="utf-8")
    assert "Luis Ortega" not in page and "Claimed: NannyML" not in page
    assert "Apache Superset" not in rows  # an earlier semester's post


def test_claims_page_links_published_posts_and_earlier_posts(built_site: Path) -> None:
    rows = claim_rows(built_site)
    status = rows["Pandera"][2].find("a")
    assert status.get_text(" ", strip=True).startswith("published")
    assert status["href"] == "/posts/pandera-rating-schema-checks/"
    assert rows["Pandera"][0].find("a")["href"] == "/tools/pandera/"
    earlier = rows["MLflow"][5].find("a")
    assert earlier["href"] == "/tools/mlflow/" and "earlier post" in earlier.get_text()
    assert rows["Locust"][5].get_text(strip=True) == "none"


def test_claims_page_never_shows_a_drafts_text(built_site: Path) -> None:
    draft = [cell.get_text(" ", strip=True) for cell in claim_rows(built_site)["Alibi Explain"]]
    assert draft[2:5] == ["draft", "2026-10-24", "pnair"]
    assert claim_rows(built_site)["Alibi Explain"][2].find("a") is None
    page = (built_site / "claims" / "index.html").read_text(encoding="utf-8")
    for secret in ("Explaining individual movie", "Work in progress", "anchor explanations"):
        assert secret not in page


def test_claims_page_shows_names_when_the_course_allows(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    assert "show_names_on_claims: false" in text
    course.write_text(
        text.replace("show_names_on_claims: false", "show_names_on_claims: true"),
        encoding="utf-8",
    )
    site = build_site(content, tmp_path / "out", ANTHOLOGY=FAST)
    rows = claim_rows(site)
    assert rows["NannyML"][4].get_text(strip=True) == "Luis Ortega"
    assert rows["Label Studio + Cleanlab"][4].get_text(strip=True) == (
        "Sofia Rossi and Kwame Mensah"
    )


def test_claims_page_dates_claims_by_git_when_it_can(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    content = copy_content(repo / "content")
    when = "2026-10-01T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "all"]):
        subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)
    site = build_site(content, tmp_path / "out", ANTHOLOGY=FAST)
    assert claim_rows(site)["NannyML"][3].get_text(strip=True) == "2026-10-01"


def test_live_preview_shows_a_new_comment(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    preview = {**FAST, "FEEDS": False, "PREVIEW_SKIP_UNCHANGED": True}
    cache = {"CACHE_PATH": str(tmp_path / "cache"), "LOAD_CONTENT_CACHE": True}
    site = build_site(content, tmp_path / "out", ANTHOLOGY=preview, **cache)
    page = site / "posts" / "pandera-rating-schema-checks"
    assert len(comments_of(soup(site, "posts/pandera-rating-schema-checks"))) == 1
    write_comment(content, "pandera-rating-schema-checks", "late.md", HOSTILE)
    build_site(content, tmp_path / "out", ANTHOLOGY=preview, **cache)
    assert "Mallory Mayhem" in (page / "index.html").read_text(encoding="utf-8")
