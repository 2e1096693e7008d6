"""Tool matching: case-, space-, punctuation-insensitive and alias-aware."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.tools import ToolRegistry, load_registry, normalize, parse_registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def registry() -> ToolRegistry:
    return load_registry(ROOT / "content" / "tools.yaml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("wandb", "Weights & Biases"),
        ("W&B", "Weights & Biases"),
        ("Weights and Biases", "Weights & Biases"),
        ("weights & biases", "Weights & Biases"),
        ("DVC", "DVC"),
        ("Data Versioning Control", "DVC"),
        ("data version control", "DVC"),
        ("ML Flow", "MLflow"),
        ("MLflow", "MLflow"),
        ("mlflow", "MLflow"),
        ("Amazon Sagemaker", "Amazon SageMaker"),
        ("AWS SageMaker", "Amazon SageMaker"),
        ("SageMaker", "Amazon SageMaker"),
        ("kedro", "Kedro"),
        ("PipelineX ", "PipelineX"),
        ("Comet.ml", "Comet"),
        ("Aporia: Monitor ML Models in Production", "Aporia"),
        ("Rapid Miner", "RapidMiner"),
    ],
)
def test_names_resolve_to_one_canonical_tool(
    registry: ToolRegistry, written: str, canonical: str
) -> None:
    tool = registry.lookup(written)
    assert tool is not None, written
    assert tool.name == canonical


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Databricks with mlflow", {"Databricks", "MLflow"}),
        ("BigDL and Streamlit", {"BigDL", "Streamlit"}),
        ("Great Expectations + Airflow", {"Great Expectations", "Apache Airflow"}),
        (["Label Studio", "Cleanlab"], {"Label Studio", "Cleanlab"}),
    ],
)
def test_combinations_map_to_their_tools(
    registry: ToolRegistry, written: str | list[str], expected: set[str]
) -> None:
    resolution = registry.resolve(written)
    assert resolution.ok
    assert {tool.name for tool in resolution.tools} == expected


def test_a_name_with_and_inside_stays_one_tool(registry: ToolRegistry) -> None:
    resolution = registry.resolve("Weights and Biases")
    assert [tool.name for tool in resolution.tools] == ["Weights & Biases"]


def test_unknown_names_are_reported_not_guessed(registry: ToolRegistry) -> None:
    resolution = registry.resolve("Totally New Thing")
    assert not resolution.ok
    assert resolution.unknown == ("Totally New Thing",)
    partly = registry.resolve("MLflow with Frobnicator")
    assert partly.unknown == ("MLflow with Frobnicator",)


def test_suggestions_find_near_misses(registry: ToolRegistry) -> None:
    assert registry.suggest("MLfow")[0].name == "MLflow"
    assert registry.suggest("Kubernets")[0].name == "Kubernetes"
    assert registry.suggest("MLflow") == []


def test_normalize_ignores_case_space_punctuation() -> None:
    assert normalize("ML-Flow ") == normalize("mlflow") == "mlflow"
    assert normalize("W&B") == "wandb"
    assert normalize("!!!") == ""


def test_registry_rejects_an_alias_owned_by_two_tools() -> None:
    from anthology.findings import ContentError

    text = "tools:\n  - name: Alpha\n    aliases: [shared]\n  - name: Beta\n    aliases: [Shared]\n"
    with pytest.raises(ContentError) as caught:
        parse_registry(text)
    assert "already names 'Alpha'" in str(caught.value)
    assert [f.line for f in caught.value.findings] == [4]  # the entry of the second tool


def test_shipped_registry_has_unique_slugs(registry: ToolRegistry) -> None:
    slugs = [tool.slug for tool in registry.tools]
    assert len(slugs) == len(set(slugs))
