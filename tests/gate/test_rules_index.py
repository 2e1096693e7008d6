"""The quick front-matter glimpse used to find related posts without parsing YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.gate.index import glimpse
from anthology.tools import load_registry

from .conftest import REPO

REGISTRY = load_registry(REPO / "content" / "tools.yaml")


@pytest.mark.parametrize(
    ("front", "slugs"),
    [
        ("tool: MLflow", {"mlflow"}),
        ('tool: "Apache Airflow"  # a comment', {"apache-airflow"}),
        ("tool: [Label Studio, 'Cleanlab']", {"label-studio", "cleanlab"}),
        ("tool:\n  - Databricks\n  - mlflow", {"databricks", "mlflow"}),
        ("tool: Databricks with mlflow", {"databricks", "mlflow"}),
        ("tool: Brand New Thing", {"?brandnewthing"}),
        ("tool: Brand Nеw Thing 2", {"?brandnewthing"}),  # Cyrillic е, a version
        ("title: no tool", set()),
    ],
)
def test_plain_forms_are_read(front: str, slugs: set[str], tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(f"---\n{front}\nslug: my-post\n---\nbody\n", encoding="utf-8")
    seen = glimpse(path, REGISTRY)
    assert seen.tool_slugs == frozenset(slugs)
    assert seen.slug == "my-post"


@pytest.mark.parametrize(
    "front", ["tool: &x MLflow", "tool: {name: MLflow}", "tool: |\n  MLflow", "tool:"]
)
def test_unusual_forms_count_as_unsure(front: str, tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(f"---\n{front}\n---\n", encoding="utf-8")
    assert glimpse(path, REGISTRY).tool_slugs is None


def test_unreadable_or_unclosed_files_count_as_unsure(tmp_path: Path) -> None:
    binary = tmp_path / "a.md"
    binary.write_bytes(b"---\ntool: \xff\n---\n")
    unclosed = tmp_path / "b.md"
    unclosed.write_text("---\ntool: MLflow\n", encoding="utf-8")
    assert glimpse(binary, REGISTRY).tool_slugs is None
    assert glimpse(unclosed, REGISTRY).tool_slugs is None
