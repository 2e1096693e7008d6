"""`anthology report`: the private gradebook over a git repository with controlled dates."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from anthology import cli

ROOT = Path(__file__).resolve().parent.parent
POSTS = "content/posts/F2026"
ON_TIME = "2026-10-20T12:00:00-04:00"  # the post deadline is 2026-10-25 23:59 New York time
LATE = "2026-10-27T09:00:00-04:00"
COMMENT_LATE = "2026-10-30T09:00:00-04:00"  # the comment deadline is 2026-10-28 23:59
UNCOMMITTED = f"{POSTS}/pandera-rating-schema-checks.md"
ROSTER = "Andrew ID,Name\ndkim,Daniel Kim\nsrossi,Sofia Rossi\nzzed,Zoe Zed\n"
WORDS = (
    "Your canary numbers for the new ranking model made me wonder how you chose the ten "
    "percent share, and whether viewers in the canary group noticed slower pages. Did you "
    "compare error rates per region, or only overall? That would tell the reader a lot."
)


def _git(repo: Path, *args: str, when: str = ON_TIME) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Staff",
        "GIT_AUTHOR_EMAIL": "staff@example.org",
        "GIT_COMMITTER_NAME": "Staff",
        "GIT_COMMITTER_EMAIL": "staff@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )


def _commit(repo: Path, paths: list[str], when: str) -> None:
    _git(repo, "add", "--", *paths, when=when)
    _git(repo, "commit", "-q", "-m", f"add {len(paths)} files", when=when)


def _comment(repo: Path, author: str, name: str, post: str) -> str:
    path = f"content/comments/{post}/{author}.md"
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f"---\nauthor: {{name: {name}, id: {author}}}\npost: {post}\ndate: 2026-10-26\n---\n\n"
        f"{WORDS}\n",
        encoding="utf-8",
    )
    return path


def _hostile_title(repo: Path) -> str:
    """A published post whose title is both a formula and a script tag."""
    source = repo / POSTS / "duckdb-watch-history-analytics.md"
    text = source.read_text(encoding="utf-8")
    title = re.search(r"^title: .*$", text, re.M)
    assert title is not None
    hostile = "title: \"=HYPERLINK('http://evil.example') <script>alert(1)</script>\""
    source.write_text(text.replace(title.group(), hostile, 1), encoding="utf-8")
    return f"{POSTS}/duckdb-watch-history-analytics.md"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository: most posts on time, one late, one never committed; comments both ways."""
    repo = tmp_path_factory.mktemp("report") / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    _git(repo, "init", "-q", "-b", "main")
    late_post = f"{POSTS}/locust-load-testing-recommender.md"
    hostile = _hostile_title(repo)
    everything = [
        p.relative_to(repo).as_posix() for p in (repo / "content").rglob("*") if p.is_file()
    ]
    early = [p for p in everything if p not in (late_post, UNCOMMITTED)]
    _commit(repo, early, ON_TIME)
    _commit(repo, [late_post], LATE)
    assert hostile in early
    _commit(repo, [_comment(repo, "dkim", "Daniel Kim", "lakefs-versioned-ratings-data")], LATE)
    _commit(
        repo,
        [_comment(repo, "dkim", "Daniel Kim", "feast-feature-store-for-recommendations")],
        COMMENT_LATE,
    )
    _comment(repo, "tnowak", "Tomasz Nowak", "kserve-canary-rollouts-video")  # not committed
    _comment(repo, "jberg", "Jonas Berg", "no-such-post")
    (repo / "private").mkdir()
    (repo / "private" / "roster.csv").write_text(ROSTER, encoding="utf-8")
    return repo


def _report(repo: Path, out: Path | None, *extra: str) -> tuple[int, str, str]:
    argv = ["--content", str(repo / "content"), "report", *extra]
    if out is not None:
        argv += ["--out", str(out)]
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = cli.main(argv)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def report(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    code, stdout, stderr = _report(repo, out)
    assert code == 0, stderr
    assert "gradebook.csv" in stdout
    return out


def _rows(out: Path) -> tuple[list[str], list[list[str]]]:
    with (out / "gradebook.csv").open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    return records[0], records[1:]


def _by_id(out: Path) -> dict[str, dict[str, str]]:
    header, rows = _rows(out)
    return {row[0]: dict(zip(header, row, strict=True)) for row in rows}


def test_a_roster_student_without_a_claim_has_a_row(report: Path) -> None:
    rows = _by_id(report)
    assert rows["zzed"]["status"] == "no claim"
    assert rows["zzed"]["name"] == "Zoe Zed"
    assert rows["zzed"]["on roster"] == "yes"
    assert rows["mtanaka"]["on roster"] == "no"


def test_a_pair_post_gives_each_author_a_row_naming_the_other(report: Path) -> None:
    rows = _by_id(report)
    assert rows["srossi"]["partner"] == "Kwame Mensah (kmensah)"
    assert rows["kmensah"]["partner"] == "Sofia Rossi (srossi)"
    assert rows["srossi"]["post file"] == rows["kmensah"]["post file"]
    assert rows["srossi"]["tools"] == "Label Studio + Cleanlab"


def test_on_time_late_and_not_on_main_follow_the_commit_that_added_the_file(
    report: Path,
) -> None:
    rows = _by_id(report)
    assert rows["dkim"]["post on time"] == "on time"
    assert rows["dkim"]["post first on main"] == "2026-10-20 12:00"
    assert rows["mtanaka"]["post on time"] == "late"
    assert rows["praman"]["post on time"] == "not on main"
    assert rows["praman"]["post first on main"] == ""


def test_comments_given_and_received_are_counted_and_linked(report: Path) -> None:
    rows = _by_id(report)
    dkim = rows["dkim"]
    assert dkim["comments given"] == "2"
    assert "posts/lakefs-versioned-ratings-data/" in dkim["comments given links"]
    assert dkim["comments on time"] == "1 on time, 1 late"
    assert "dkim" in rows["tnowak"]["comments received from"].split("; ")
    assert "tnowak" in dkim["comments received from"].split("; ")  # committed or not
    assert "1 not on main" in rows["tnowak"]["comments on time"]
    assert "no-such-post/ (no such post)" in rows["jberg"]["comments given links"]
    assert "(error)" in rows["jberg"]["comments"]  # the gate's finding on that comment
    few = [row for row in rows.values() if row["post file"] and int(row["comments given"]) < 2]
    assert few and all("comment-count" in row["comments"] for row in few)  # two are required


def test_the_csv_is_rectangular_with_a_bom_and_rubric_columns(report: Path) -> None:
    data = (report / "gradebook.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header, rows = _rows(report)
    assert all(len(row) == len(header) for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
    rubric = ["spreadsheet", "unique", "problem", "scenario", "strengths", "writing", "evidence"]
    for line in [*rubric, "comments", "public"]:
        assert line in header
    assert header.index("id") == 0
    assert _by_id(report)["lortega"]["problem"] == "not written"  # a claim, no post yet


def test_a_cell_that_looks_like_a_formula_is_neutralised(report: Path) -> None:
    title = _by_id(report)["jberg"]["title"]
    assert title.startswith("'=HYPERLINK(")
    for _id, row in _by_id(report).items():
        assert not any(cell.startswith(("=", "+", "@")) for cell in row.values())


def test_the_html_is_one_file_without_external_references_and_escapes_values(
    report: Path,
) -> None:
    html = (report / "gradebook.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in report.iterdir()) == ["gradebook.csv", "gradebook.html"]
    for reference in ("src=", "<link", "url(", "@import", "href="):
        assert reference not in html  # without site_url, post addresses stay plain text
    assert html.count("<script") == 1
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Content-Security-Policy" in html
    assert html.count("<tr>") == len(_rows(report)[1]) + 1


def test_the_default_folder_is_reports_beside_content_not_the_site(
    repo: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    code, _out, err = _report(copy, None)
    assert code == 0, err
    assert (copy / "reports" / "gradebook.csv").is_file()
    assert not (copy / "output").exists()


@pytest.mark.parametrize("folder", ["content/reports", "output", "output/private"])
def test_the_report_is_never_written_into_content_or_the_site(
    repo: Path, tmp_path: Path, folder: str
) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    code, _out, err = _report(copy, copy / folder)
    assert code == 2
    assert "private" in err and "--out" in err
    assert not (copy / folder).exists()


MALFORMED = {
    "no-id-column": (b"Student,Name\ndkim,Daniel Kim\n", "no column 'Andrew ID'"),
    "not-utf8": ("Andrew ID,Name\nmuller,M\xfcller\n".encode("latin-1"), "not UTF-8"),
    "empty": (b"", "empty"),
    "header-only": (b"Andrew ID,Name\n", "no students"),
    "blank-id": (b"Andrew ID,Name\ndkim,Daniel Kim\n,Nobody\n", ":3: the row has no"),
    "duplicate": (b"Andrew ID,Name\ndkim,A\nDKIM,B\n", "listed again"),
    "bad-quote": (b'Andrew ID,Name\ndkim,"Daniel Kim\n', "not valid CSV"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_roster_stops_with_the_file_named_and_nothing_written(
    repo: Path, tmp_path: Path, case: str
) -> None:
    data, expected = MALFORMED[case]
    roster = tmp_path / "class-roster.csv"
    roster.write_bytes(data)
    out = tmp_path / "reports"
    out.mkdir()
    (out / "gradebook.csv").write_text("previous report\n", encoding="utf-8")
    code, stdout, err = _report(repo, out, "--roster", str(roster))
    assert code == 2
    assert str(roster) in err
    assert expected in err
    assert "Traceback" not in err and stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["gradebook.csv"]
    assert (out / "gradebook.csv").read_text(encoding="utf-8") == "previous report\n"


def test_a_missing_roster_given_on_the_command_line_is_an_error(repo: Path, tmp_path: Path) -> None:
    code, _out, err = _report(repo, tmp_path / "r", "--roster", str(tmp_path / "nope.csv"))
    assert code == 2 and "nope.csv" in err and "cannot read" in err


def test_a_roster_inside_content_is_refused(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    (copy / "content" / "roster.csv").write_text(ROSTER, encoding="utf-8")
    code, _out, err = _report(copy, tmp_path / "r", "--roster", str(copy / "content/roster.csv"))
    assert code == 2 and "inside the content folder" in err


def test_roster_headers_and_site_url_come_from_course_yaml(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    course = copy / "content" / "course.yaml"
    text = course.read_text(encoding="utf-8")
    text = text.replace("  id: Andrew ID\n  name: Name\n", "  id: Login\n  name: Student\n")
    course.write_text(text + "site_url: https://ml.example.org/anthology\n", encoding="utf-8")
    (copy / "private").mkdir()
    (copy / "private" / "roster.csv").write_text("Student;Login\nAna Lee;alee\n", "utf-8")
    code, _out, err = _report(copy, tmp_path / "r")
    assert code == 0, err
    rows = _by_id(tmp_path / "r")
    assert rows["alee"]["status"] == "no claim" and rows["alee"]["name"] == "Ana Lee"
    url = "https://ml.example.org/anthology/posts/kserve-canary-rollouts-video/"
    assert rows["dkim"]["post url"] == url
    html = (tmp_path / "r" / "gradebook.html").read_text(encoding="utf-8")
    assert f'<a href="{url}"' in html


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("deadlines: {post: next tuesday}", "`deadlines.post` is not a date"),
        ("timezone: Mars/Olympus", "`timezone` is not a known time zone"),
        ("roster: [roster.csv]", "`roster` must map"),
        ("site_url: ftp://x", "`site_url` is not an http(s) address"),
    ],
)
def test_bad_report_settings_name_course_yaml(
    repo: Path, tmp_path: Path, setting: str, expected: str
) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    course = copy / "content" / "course.yaml"
    text = course.read_text(encoding="utf-8")
    key = setting.split(":", 1)[0]
    text = re.sub(rf"^{key}:.*(?:\n[ #].*)*", "", text, flags=re.M)
    course.write_text(text + setting + "\n", encoding="utf-8")
    code, _out, err = _report(copy, tmp_path / "r")
    assert code == 2
    assert "content/course.yaml" in err and expected in err
    assert not (tmp_path / "r").exists()


def test_outside_git_nothing_is_on_main(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "plain"
    shutil.copytree(repo / "content", copy / "content")
    code, _out, err = _report(copy, tmp_path / "r")
    assert code == 0, err
    rows = _by_id(tmp_path / "r")
    assert {row["post on time"] for row in rows.values() if row["post file"]} == {"not on main"}


def test_a_student_with_two_posts_is_graded_on_one_and_the_other_is_listed(
    report: Path,
) -> None:
    row = _by_id(report)["aokafor"]
    assert row["post file"] == f"{POSTS}/vertex-ai-pipelines-retraining.md"
    assert row["other posts"] == f"{POSTS}/prefect-nightly-retraining.md"
    assert "superset" not in (report / "gradebook.csv").read_text(encoding="utf-8-sig")


def test_an_unusable_post_still_gives_its_author_a_row(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    post = copy / POSTS / "feast-feature-store-for-recommendations.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("category: mlops-deployment", "category: nonsense"), "utf-8")
    (copy / POSTS / "unsigned.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", "utf-8")
    broken_comment = copy / "content" / "comments" / "lakefs-versioned-ratings-data" / "x.md"
    broken_comment.parent.mkdir(parents=True, exist_ok=True)
    broken_comment.write_text(
        "---\nauthor: {name: Mei Tanaka, id: mtanaka}\npost: x\ndate: soon\n---\n\nHi\n", "utf-8"
    )
    code, _out, err = _report(copy, tmp_path / "r")
    assert code == 0, err
    header, records = _rows(tmp_path / "r")
    rows = [dict(zip(header, record, strict=True)) for record in records]
    lucia = next(row for row in rows if row["id"] == "lfernandez")
    assert lucia["status"] == "invalid"
    assert lucia["spreadsheet"] == "front-matter-category (error)"
    unsigned = rows[-1]
    assert (unsigned["id"], unsigned["status"]) == ("", "invalid")
    assert unsigned["post file"] == f"{POSTS}/unsigned.md"
    assert "front-matter-yaml (error)" in unsigned["spreadsheet"]
    mei = next(row for row in rows if row["id"] == "mtanaka")
    assert "comment-front-matter (error)" in mei["comments"]


def _git_repo(root: Path) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    (root / ".gitignore").write_text("reports/\nprivate/\n", encoding="utf-8")


@pytest.mark.parametrize(
    "folder",
    [
        "theme/static/grades",  # published with the theme
        "theme",
        "docs/grades",  # committed: git does not ignore it
        "grades",
        "content/../theme/static",
        "output/../theme/x",
    ],
)
def test_the_report_goes_only_where_git_ignores_it(repo: Path, tmp_path: Path, folder: str) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    (copy / "theme" / "static").mkdir(parents=True)
    _git_repo(copy)
    code, _out, err = _report(copy, copy / folder)
    assert code == 2, err
    assert "private" in err and "--out" in err
    assert not list(copy.rglob("gradebook.*"))


def test_a_link_to_a_published_folder_is_followed_and_refused(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    (copy / "theme" / "static").mkdir(parents=True)
    _git_repo(copy)
    (copy / "reports").symlink_to(copy / "theme" / "static")  # ignored name, published target
    code, _out, err = _report(copy, copy / "reports")
    assert code == 2 and "theme" in err, err
    assert not list(copy.rglob("gradebook.*"))


def test_an_ignored_folder_in_the_repository_is_accepted(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(repo / "content", copy / "content")
    _git_repo(copy)
    code, _out, err = _report(copy, copy / "private" / "grades")
    assert code == 0, err
    assert (copy / "private" / "grades" / "gradebook.csv").is_file()
    ignored = subprocess.run(
        ["git", "-C", str(copy), "check-ignore", "-q", "private/grades/gradebook.csv"], check=False
    )
    assert ignored.returncode == 0
