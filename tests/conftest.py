"""Shared fixtures: a copy of the shipped content and a real site built from it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = str(ROOT / "pelicanconf.py")


def build_site(content: Path, output: Path, **overrides: object) -> Path:
    """Build `content` with the project's pelicanconf into `output` (no content cache)."""
    from anthology.site.commands import build

    settings = {
        "PATH": str(content),
        "CACHE_PATH": str(output.parent / f".{output.name}-cache"),
        "LOAD_CONTENT_CACHE": False,
        "CACHE_CONTENT": False,
        **overrides,
    }
    return build(SETTINGS, output, **settings)


def copy_content(target: Path) -> Path:
    """A private copy of the repository's content/ folder."""
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture(scope="session")
def shipped_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_content(tmp_path_factory.mktemp("shipped") / "content")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, shipped_content: Path) -> Path:
    """The shipped content built once per session, search index included."""
    return build_site(shipped_content, tmp_path_factory.mktemp("site") / "output")


@pytest.fixture
def site_builder(tmp_path: Path) -> Callable[..., Path]:
    """Build a content folder into tmp_path/output and return the output folder."""

    def _build(content: Path, **overrides: object) -> Path:
        return build_site(content, tmp_path / "output", **overrides)

    return _build
