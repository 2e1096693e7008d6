"""Importing earlier semesters' posts from a handout's list of links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from anthology.cli import main
from anthology.importer import find_links

ROOT = Path(__file__).resolve().parent.parent
# The handout's list of earlier posts, links only (names and urls are facts).
PRIOR_LINKS = Path(__file__).resolve().parent / "data" / "prior-links.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for name in ("course.yaml", "tools.yaml"):
        shutil.copy(ROOT / "content" / name, folder / name)
    return folder


def run_import(content: Path, source: Path, semester: str = "2020-2022") -> int:
    return main(["--content", str(content), "import-prior", str(source), "--semester", semester])


def entries(content: Path, semester: str = "2020-2022") -> list[dict]:
    return yaml.safe_load((content / "prior" / f"{semester}.yaml").read_text())["posts"]


def test_shipped_catalog_holds_all_106_prior_posts_resolved() -> None:
    data = yaml.safe_load((ROOT / "content" / "prior" / "2020-2022.yaml").read_text())
    posts = data["posts"]
    assert len(posts) == 106
    assert len({p["url"] for p in posts}) == 106
    assert all(p["tools"] for p in posts)
    kubernetes = [p for p in posts if p["tools"] == ["Kubernetes"]]
    assert len(kubernetes) == 2
    combined = next(p for p in posts if p["name"] == "Databricks with mlflow")
    assert combined["tools"] == ["Databricks", "MLflow"]
    wandb = {p["name"] for p in posts if p["tools"] == ["Weights & Biases"]}
    assert wandb == {"wandb", "Weights and Biases"}


def test_importing_the_handout_list_is_idempotent(content: Path, capsys) -> None:
    assert run_import(content, PRIOR_LINKS) == 0
    first = (content / "prior" / "2020-2022.yaml").read_text()
    assert len(entries(content)) == 106
    assert run_import(content, PRIOR_LINKS) == 0
    assert (content / "prior" / "2020-2022.yaml").read_text() == first
    assert "106 unchanged" in capsys.readouterr().out
    shipped = yaml.safe_load((ROOT / "content" / "prior" / "2020-2022.yaml").read_text())
    assert [p["tools"] for p in entries(content)] == [p["tools"] for p in shipped["posts"]]


def test_bad_links_are_reported_with_their_position(content: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "list.md"
    source.write_text(
        "Intro with [a link](https://example.org/course).\n\n"
        "Earlier posts: [MLflow](https://medium.com/@a/mlflow-1), [DVC](), "
        "[Kedro](ftp://files.example.org/kedro),\n"
        "[Frobnicator](https://blog.example.org/frob), [wandb](https://medium.com/@b/w),\n"
        "[Databricks with mlflow](https://medium.com/@c/db).\n",
        encoding="utf-8",
    )
    assert run_import(content, source, "S2025") == 1
    err = capsys.readouterr().err
    assert "list.md:3:" in err and "[DVC] has an empty url" in err
    assert "not http(s): ftp://files.example.org/kedro" in err
    assert "unknown tool list.md:4:1: 'Frobnicator'" in err
    posts = entries(content, "s2025")
    assert [p["name"] for p in posts] == [
        "MLflow",
        "Frobnicator",
        "wandb",
        "Databricks with mlflow",
    ]
    assert posts[2]["tools"] == ["Weights & Biases"]
    assert posts[0]["host"] == "medium.com"


def test_reimport_keeps_a_hand_corrected_resolution(content: Path, tmp_path: Path) -> None:
    source = tmp_path / "list.md"
    links = ", ".join(f"[Frob{i}](https://x.example.org/{i})" for i in range(5))
    source.write_text(links + "\n", encoding="utf-8")
    run_import(content, source, "S2025")
    path = content / "prior" / "s2025.yaml"
    data = yaml.safe_load(path.read_text())
    data["posts"][0]["tools"] = ["MLflow"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    run_import(content, source, "S2025")
    assert entries(content, "s2025")[0]["tools"] == ["MLflow"]


def test_catalog_block_is_the_dense_one() -> None:
    text = (
        "See [the course](https://a.example) for details.\n\n"
        "Posts: " + ", ".join(f"[T{i}](https://b.example/{i})" for i in range(6)) + "\n\n"
        "More at [one](https://c.example) and [two](https://d.example).\n"
    )
    assert [link.name for link in find_links(text)] == [f"T{i}" for i in range(6)]


def test_a_bullet_list_of_links_is_read() -> None:
    text = "\n".join(f"- [Tool {i}](https://e.example/{i})" for i in range(3))
    assert len(find_links(text)) == 3


def test_missing_handout_is_a_usage_error(content: Path, tmp_path: Path, capsys) -> None:
    assert run_import(content, tmp_path / "nope.md") == 2
    assert "cannot read the handout" in capsys.readouterr().err


def test_a_broken_catalog_is_reported_not_overwritten(content: Path, capsys) -> None:
    catalog = content / "prior" / "2020-2022.yaml"
    catalog.parent.mkdir()
    catalog.write_text("posts:\n  - name: [unclosed\n", encoding="utf-8")
    assert run_import(content, PRIOR_LINKS) == 2
    err = capsys.readouterr().err
    assert "2020-2022.yaml:2" in err and "Traceback" not in err
    assert catalog.read_text(encoding="utf-8") == "posts:\n  - name: [unclosed\n"


def test_shipped_catalog_titles_come_from_the_addresses() -> None:
    """At least 80% of the shipped earlier posts carry a title that is not the tool's name."""
    from anthology.tools import normalize

    posts = yaml.safe_load((ROOT / "content" / "prior" / "2020-2022.yaml").read_text())["posts"]
    titled = [
        p
        for p in posts
        if p.get("title") and normalize(p["title"]) not in {normalize(t) for t in p["tools"]}
    ]
    assert len(titled) >= 0.8 * len(posts), len(titled)
    kubernetes = next(p for p in posts if "mazzottacraig" in p["url"])
    assert kubernetes["title"] == "Deploying a Flask application with Kubernetes"
    assert kubernetes["author"] == "@mazzottacraig"


@pytest.mark.parametrize(
    ("url", "title", "author", "published"),
    [
        (
            "https://medium.com/@someone/tracking-runs-with-mlflow-and-docker-0a1b2c3d4e5f",
            "Tracking runs with MLflow and Docker",
            "@someone",
            None,
        ),
        ("https://jdoe.medium.com/why-i-like-dask-1234567890ab", "Why I like Dask", "@jdoe", None),
        (
            "https://medium.com/some-publication/serving-models-at-scale-abcdef012345?source=x",
            "Serving models at scale",
            None,
            None,
        ),
        (
            "https://pub.example.net/a-custom-domain-publication-9f8e7d6c5b4a",
            "A custom domain publication",
            None,
            None,
        ),
        (
            "https://someone.blogspot.com/2021/11/feature-flags-for-ml.html",
            "Feature flags for ML",
            "someone",
            "2021-11",
        ),
        (
            "https://someone.wordpress.com/2021/02/30/not-a-real-day/",
            "Not a real day",
            "someone",
            "2021-02",  # no 30 February: only the month is known
        ),
        (
            "https://person.github.io/2023/01/05/great-expectations-first-steps.html",
            "Great Expectations first steps",
            "person",
            "2023-01-05",
        ),
        ("https://www.youtube.com/watch?v=abc123", None, None, None),
        ("https://youtu.be/abc123", None, None, None),
        ("https://someone.tistory.com/64", None, "someone", None),
        (
            "https://github.com/team/project/blob/main/docs/kedro-report.pdf",
            "Kedro report",
            "team",
            None,
        ),
        ("https://example.org/", None, None, None),
        ("https://example.org/%E2%80%93%3Cscript%3E", "–<script>", None, None),
    ],
)
def test_addresses_tell_title_author_and_date(
    url: str, title: str | None, author: str | None, published: str | None
) -> None:
    from anthology.prior_urls import derive, spellings_for

    derived = derive(url, spellings_for(["MLflow", "Dask", "Great Expectations", "Kedro"]))
    assert (derived.title, derived.author, derived.published) == (title, author, published)


def test_reimport_keeps_hand_edited_titles_and_fills_missing_ones(content: Path) -> None:
    handout = content.parent / "handout.md"
    handout.write_text(
        "Earlier posts: "
        + ", ".join(
            f"[{name}](https://medium.com/@writer{i}/{slug}-0123456789a{i})"
            for i, (name, slug) in enumerate(
                [
                    ("Kubernetes", "running-recommenders-on-kubernetes"),
                    ("MLflow", "mlflow"),
                    ("Dask", "parallel-feature-engineering-with-dask"),
                    ("DVC", "versioning-ratings-with-dvc"),
                    ("Prefect", "nightly-retraining"),
                ]
            )
        )
        + ".\n",
        encoding="utf-8",
    )
    assert run_import(content, handout, "S2019") == 0
    posts = entries(content, "s2019")
    by_author = {p["author"]: p for p in posts}
    assert by_author["@writer0"]["title"] == "Running recommenders on Kubernetes"
    assert "title" not in by_author["@writer1"]  # the slug only repeats the tool's name
    data = yaml.safe_load((content / "prior" / "s2019.yaml").read_text())
    data["posts"][0]["title"] = "Hand-written title"
    data["posts"][0]["summary"] = "Hand-written summary."
    del data["posts"][2]["title"]
    (content / "prior" / "s2019.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert run_import(content, handout, "S2019") == 0
    again = {p["author"]: p for p in entries(content, "s2019")}
    assert again["@writer0"]["title"] == "Hand-written title"
    assert again["@writer0"]["summary"] == "Hand-written summary."
    assert again["@writer2"]["title"] == "Parallel feature engineering with Dask"


def test_relisted_links_under_a_new_label_add_only_new_ones(
    content: Path, tmp_path: Path, capsys
) -> None:
    assert run_import(content, PRIOR_LINKS) == 0
    capsys.readouterr()
    # A new semester's handout repeats the old list (one link written differently) and adds two.
    old = PRIOR_LINKS.read_text(encoding="utf-8")
    old = old.replace(
        "https://lvandenb.medium.com/a-gentle-introduction-to-algorithmia-397669d3cd9e",
        "http://WWW.lvandenb.medium.com/a-gentle-introduction-to-algorithmia-397669d3cd9e/"
        "?source=rss#top",
    )
    handout = tmp_path / "handout-2025.md"
    handout.write_text(
        old
        + "- [Evidently](https://blog.example.org/evidently-drift)\n"
        + "- [Great Expectations](https://blog.example.org/ge-checks)\n",
        encoding="utf-8",
    )
    assert run_import(content, handout, "S2025-test") == 0
    out = capsys.readouterr().out
    assert "2 added" in out and "106 already in 2020-2022" in out
    assert [p["name"] for p in entries(content, "s2025-test")] == [
        "Evidently",
        "Great Expectations",
    ]
    assert len(entries(content)) == 106  # the earlier file is untouched
    # Importing it again changes nothing.
    before = (content / "prior" / "s2025-test.yaml").read_text(encoding="utf-8")
    assert run_import(content, handout, "S2025-test") == 0
    assert "2 unchanged" in capsys.readouterr().out
    assert (content / "prior" / "s2025-test.yaml").read_text(encoding="utf-8") == before


def test_only_relisted_links_write_no_file(content: Path, capsys) -> None:
    assert run_import(content, PRIOR_LINKS) == 0
    assert run_import(content, PRIOR_LINKS, "S2026") == 0
    assert "106 already in 2020-2022" in capsys.readouterr().out
    assert not (content / "prior" / "s2026.yaml").exists()


def test_one_post_in_two_catalog_files_is_an_error_naming_both_lines(content: Path, capsys) -> None:
    assert run_import(content, PRIOR_LINKS) == 0
    first = entries(content)[3]
    (content / "prior" / "extra.yaml").write_text(
        "semester: S2025\nposts:\n  - name: Other\n    tools: [MLflow]\n"
        "  - name: Again\n    url: " + first["url"].replace("https://", "http://") + "/\n",
        encoding="utf-8",
    )
    (content / "prior" / "extra.yaml").write_text(
        (content / "prior" / "extra.yaml")
        .read_text()
        .replace(
            "    tools: [MLflow]\n", "    url: https://x.example.org/other\n    tools: [MLflow]\n"
        ),
        encoding="utf-8",
    )
    line = next(
        n
        for n, text in enumerate((content / "prior" / "2020-2022.yaml").read_text().splitlines(), 1)
        if first["url"] in text
    )
    assert main(["--content", str(content), "check"]) == 2
    err = capsys.readouterr().err
    assert f"content/prior/2020-2022.yaml:{line}" in err and "content/prior/extra.yaml:7" in err
    assert "Traceback" not in err


def test_a_file_without_a_link_list_is_refused_before_writing(content: Path, capsys) -> None:
    assert run_import(content, ROOT / "README.md", "X") == 2
    err = capsys.readouterr().err
    assert "README.md: no list of earlier posts found" in err and "nothing was written" in err
    assert not (content / "prior").exists()
