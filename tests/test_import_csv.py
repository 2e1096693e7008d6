"""Importing earlier posts from a CSV export of a claims spreadsheet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from anthology.cli import main

ROOT = Path(__file__).resolve().parent.parent

CLAIMS = (
    "Timestamp,Student,TOOL,Blog post link,Semester\n"
    "2021-09-01,Ana Lopez,MLflow,https://medium.com/@ana/mlflow,Fall 2021\n"
    "2021-09-02,Bo Chen,DVC,,Fall 2021\n"
    '2022-02-01,"Diaz, Cy",Databricks with mlflow,https://cy.example.org/db,Spring 2022\n'
    "2022-02-02,Dee Eve,Kedro,ftp://files.example.org/kedro,Spring 2022\n"
    ",,,,\n"
    "2022-02-03,Ed Fox,wandb,https://medium.com/@ed/w,\n"
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for name in ("course.yaml", "tools.yaml"):
        shutil.copy(ROOT / "content" / name, folder / name)
    return folder


def write(tmp_path: Path, text: str | bytes, name: str = "claims.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run_import(content: Path, source: Path, *args: str) -> int:
    return main(["--content", str(content), "import-prior", str(source), *args])


def posts(content: Path, name: str) -> list[dict]:
    return yaml.safe_load((content / "prior" / name).read_text(encoding="utf-8"))["posts"]


def test_rows_go_to_their_semester_with_the_student_as_author(
    content: Path, tmp_path: Path, capsys
) -> None:
    source = write(tmp_path, CLAIMS)
    assert run_import(content, source, "--semester", "2022-2023") == 1
    err = capsys.readouterr().err
    assert "claims.csv:row 3: DVC (Bo Chen) has no link" in err
    assert "claims.csv:row 5: Kedro (Dee Eve) has a link that is not http(s)" in err

    fall = posts(content, "fall-2021.yaml")
    assert fall == [
        {
            "name": "MLflow",
            "tools": ["MLflow"],
            "url": "https://medium.com/@ana/mlflow",
            "semester": "Fall 2021",
            "host": "medium.com",
            "author": "Ana Lopez",
        },
    ]
    spring = posts(content, "spring-2022.yaml")
    assert spring[0]["tools"] == ["Databricks", "MLflow"]
    assert spring[0]["author"] == "Diaz, Cy"
    # An empty semester cell falls back to --semester.
    assert posts(content, "2022-2023.yaml")[0]["tools"] == ["Weights & Biases"]

    # Importing again changes nothing.
    before = (content / "prior" / "fall-2021.yaml").read_text(encoding="utf-8")
    assert run_import(content, source, "--semester", "2022-2023") == 1
    assert (content / "prior" / "fall-2021.yaml").read_text(encoding="utf-8") == before


def test_the_prior_catalog_loads_the_imported_authors(content: Path, tmp_path: Path) -> None:
    from anthology.corpus import load_corpus

    run_import(content, write(tmp_path, CLAIMS), "--semester", "2022-2023")
    by_url = {post.url: post for post in load_corpus(content).prior}
    assert by_url["https://medium.com/@ana/mlflow"].author == "Ana Lopez"
    assert by_url["https://medium.com/@ana/mlflow"].semester == "Fall 2021"


def test_headers_come_from_course_yaml_and_the_delimiter_is_sniffed(
    content: Path, tmp_path: Path
) -> None:
    with (content / "course.yaml").open("a", encoding="utf-8") as course:
        course.write("\nimport_csv:\n  student: Name\n  link: Post URL\n")
    source = write(
        tmp_path,
        "\ufeffname;tool;post url\nAna Lopez;MLflow;https://medium.com/@ana/mlflow\n"
        "Bo Chen;DVC;https://medium.com/@bo/dvc\n",
        "export.txt",
    )
    assert run_import(content, source, "--format", "csv", "--semester", "S2021") == 0
    assert [p["author"] for p in posts(content, "s2021.yaml")] == ["Ana Lopez", "Bo Chen"]


def test_a_missing_header_names_the_file_and_writes_nothing(
    content: Path, tmp_path: Path, capsys
) -> None:
    source = write(tmp_path, "Student,Tool,URL\nAna,MLflow,https://medium.com/@ana/mlflow\n")
    assert run_import(content, source, "--semester", "S2021") == 2
    err = capsys.readouterr().err
    assert "claims.csv:1: missing column Blog post link" in err
    assert "'Student', 'Tool', 'URL'" in err
    assert "expected 'Student', 'Tool', 'Blog post link', 'Semester'" in err
    assert "import_csv:" in err
    assert not (content / "prior").exists()


def test_no_semester_column_needs_the_option(content: Path, tmp_path: Path, capsys) -> None:
    source = write(tmp_path, "Tool,Blog post link\nMLflow,https://medium.com/@ana/mlflow\n")
    assert run_import(content, source) == 2
    assert "missing column Semester (or pass --semester)" in capsys.readouterr().err
    assert not (content / "prior").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Tool,Blog post link\nM\xe9lange,https://a.example/m\n", "not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8 text"),
        (b"Tool,Blog post link\x00\n", "a binary file, not CSV"),
        (b"", "the file is empty"),
        (b'Tool,Blog post link\n"MLflow,https://a.example/m\n', "no row with a usable link"),
    ],
)
def test_unreadable_files_are_clear_errors(
    content: Path, tmp_path: Path, capsys, data: bytes, message: str
) -> None:
    code = run_import(content, write(tmp_path, data), "--semester", "S2021")
    assert code in (1, 2)
    err = capsys.readouterr().err
    assert "claims.csv" in err and message in err
    assert "Traceback" not in err
    assert not any((content / "prior").glob("*.yaml"))


def test_a_missing_file_is_a_usage_error(content: Path, tmp_path: Path, capsys) -> None:
    assert run_import(content, tmp_path / "nope.csv", "--semester", "S2021") == 2
    assert "nope.csv: cannot read the file" in capsys.readouterr().err


def test_markdown_still_needs_a_semester(content: Path, tmp_path: Path, capsys) -> None:
    source = write(tmp_path, "[MLflow](https://medium.com/@a/mlflow)\n", "handout.md")
    assert run_import(content, source) == 2
    assert "--semester is required" in capsys.readouterr().err
