"""Fixtures for the gate's tests: a small content folder built in a temporary directory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from anthology import cli

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BASE = HERE / "base"
IMAGES = "images/test"


def make_images(folder: Path) -> None:
    """Valid, corrupt, disguised, oversized and wrong-format images for the image rules."""
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), (200, 80, 40)).save(folder / "ok.png", "PNG")
    Image.new("RGB", (40, 30), (20, 80, 140)).save(folder / "photo.jpg", "JPEG")
    Image.new("RGB", (40, 30), (20, 80, 140)).save(folder / "disguised.jpg", "PNG")
    Image.new("RGB", (40, 30), (20, 80, 140)).save(folder / "bitmap.bmp", "BMP")
    Image.new("L", (4100, 8), 0).save(folder / "wide.png", "PNG")
    data = (folder / "ok.png").read_bytes()
    (folder / "corrupt.png").write_bytes(data[: len(data) // 2])
    (folder / "heavy.png").write_bytes(data + b"\0" * 2_100_000)
    (folder / "notes.txt").write_text("not an image\n", encoding="utf-8")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """`tmp_path/content` with the repository's course and tools, test posts and images."""
    root = tmp_path / "content"
    root.mkdir()
    shutil.copy(REPO / "content" / "course.yaml", root / "course.yaml")
    shutil.copy(REPO / "content" / "tools.yaml", root / "tools.yaml")
    (root / "prior").mkdir()
    shutil.copy(BASE / "prior.yaml", root / "prior" / "2020-2022.yaml")
    for semester in ("F2026", "S2026"):
        shutil.copytree(BASE / semester, root / "posts" / semester)
    (root / "pages").mkdir()
    (root / "pages" / "about.md").write_text(
        "---\ntitle: About\n---\n\nAbout the site.\n", encoding="utf-8"
    )
    make_images(root / IMAGES)
    return root


Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run the command line in-process; return (exit code, stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def add_post(content: Path, source: Path, semester: str = "F2026") -> Path:
    """Copy a test post into the content folder; return its new path."""
    target = content / "posts" / semester / source.name
    shutil.copyfile(source, target)
    return target
