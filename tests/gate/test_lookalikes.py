"""One tool, however it is spelled: look-alike and versioned names of a taken tool."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.spelling import disguises, lookalike_key, without_version
from anthology.tools import parse_registry

from .conftest import Runner
from .pullrequest import claim_text, on_main, pull_request, rules_on, start

HOLDER = "posts/F2026/holder-mlflow.md"
MINE = "posts/F2026/mallory-mlflow.md"

DISGUISED = [
    "MLflоw",  # Cyrillic о
    "MLfIow",  # capital I for l
    "ＭＬｆｌｏｗ",  # fullwidth
    "MLflow 2",
    "MLflow v2",
    "mlflow-2.0",
    "ΜLflοw",  # Greek capital Mu and small omicron
    "ML\u200dflow",  # zero-width joiner
    "ML\u00adflow",  # soft hyphen
    "MLflo\u0301w",  # combining acute accent
    "MLfl0w",  # digit zero
    "MLf1ow",  # digit one
    "ⅯⅬflow",  # Roman numerals
    "ᎷᏞflow",  # Cherokee letters
    "  mlflow  ",
]


@pytest.mark.parametrize("written", DISGUISED)
def test_a_taken_tool_in_disguise_is_an_error_naming_the_holder(
    written: str, content: Path, run: Runner
) -> None:
    start(content)
    on_main(content, {HOLDER: claim_text("MLflow", "aholder")}, "2026-09-05T12:00:00+00:00")
    code, findings = pull_request(run, content, {MINE: claim_text(written, "mallory")})
    assert code == 1
    assert "tool-claimed" in rules_on(findings, "content/" + MINE)
    claimed = next(f for f in findings if f["rule"] == "tool-claimed")
    assert "content/" + HOLDER in claimed["message"] and "Aholder" in claimed["message"]
    assert rules_on(findings, "content/" + HOLDER) == set()


def test_the_disguise_is_named(content: Path, run: Runner) -> None:
    start(content)
    code, findings = pull_request(run, content, {MINE: claim_text("MLflоw", "mallory")})
    assert code == 0  # not taken: a notice only
    notice = next(f for f in findings if f["rule"] == "tool-lookalike")
    assert "CYRILLIC SMALL LETTER O (U+043E)" in notice["message"]
    assert "`tool: MLflow`" in notice["fix"]


def test_an_unregistered_tool_is_one_claim_however_spelled(content: Path, run: Runner) -> None:
    start(content)
    on_main(
        content, {HOLDER: claim_text("Brand New Thing", "aholder")}, "2026-09-05T12:00:00+00:00"
    )
    code, findings = pull_request(run, content, {MINE: claim_text("Brаnd Nеw Thing 2", "mallory")})
    assert code == 1
    assert "tool-claimed" in rules_on(findings, "content/" + MINE)


def test_tools_the_registry_lists_apart_stay_apart(content: Path, run: Runner) -> None:
    registry = content / "tools.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "  - name: Seldon Core 2\n    slug: seldon-core-2\n    category: mlops-deployment\n",
        encoding="utf-8",
    )
    start(content)
    on_main(content, {HOLDER: claim_text("Seldon Core", "aholder")}, "2026-09-05T12:00:00+00:00")
    code, findings = pull_request(run, content, {MINE: claim_text("Seldon Core 2", "mallory")})
    assert "tool-claimed" not in rules_on(findings, "content/" + MINE), findings
    assert code == 0


def test_a_different_tool_is_not_a_lookalike(content: Path, run: Runner) -> None:
    start(content)
    on_main(content, {HOLDER: claim_text("MLflow", "aholder")}, "2026-09-05T12:00:00+00:00")
    code, findings = pull_request(run, content, {MINE: claim_text("Kubeflow", "mallory")})
    assert (code, rules_on(findings, "content/" + MINE)) == (0, set())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Weights & Biases", "Weights and Biases"),
        ("Aiгflow", "Airflow"),  # Cyrillic г
        ("H2O", "H20"),
        ("rnlflow", "MLflow"),  # r + n read as m
        ("YOLOv8", "YOLO"),
        ("Great Expectations 1.0", "great-expectations"),
    ],
)
def test_lookalike_keys_are_equal(a: str, b: str) -> None:
    assert lookalike_key(a) == lookalike_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("D3", "D"), ("S3", "S"), ("Web3", "Web"), ("MLflow", "MLfiow"), ("Dask", "Task")],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert lookalike_key(a) != lookalike_key(b)


def test_versions_are_dropped_only_at_the_end() -> None:
    assert without_version("MLflow 2.1") == "MLflow"
    assert without_version("Neo4j") == "Neo4j"
    assert without_version("3") == "3"


def test_disguises_name_each_odd_character() -> None:
    found = disguises("M\u200bLflоw")
    assert [(d.index, d.char) for d in found] == [(1, "\u200b"), (5, "о")]
    assert disguises("MLflow") == []


def test_registry_reads_lookalikes_but_keeps_exact_spellings_first() -> None:
    registry = parse_registry(
        "tools:\n  - name: Seldon Core\n  - name: Seldon Core 2\n  - name: MLflow\n"
    )
    assert registry.lookup("Seldon Core 2").name == "Seldon Core 2"  # type: ignore[union-attr]
    assert registry.lookup("Sеldon Core").name == "Seldon Core"  # type: ignore[union-attr]
    assert registry.lookup("Seldon Core v3") is None  # two tools look like it: none is chosen
    assert registry.lookup("MLfIow").name == "MLflow"  # type: ignore[union-attr]
