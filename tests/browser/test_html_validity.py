"""The Nu Html Checker (vnu.jar from npm `vnu-jar`) finds no errors in any built page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Checked by name (they must exist); every other built page is checked too.
PAGES = [
    "index.html",
    "posts/pandera-rating-schema-checks/index.html",
    "posts/kserve-canary-rollouts-video/index.html",
    "posts/label-studio-cleanlab-noisy-labels/index.html",
    "tools/index.html",
    "tools/mlflow/index.html",
    "tools/weights-and-biases/index.html",
    "category/data-cleaning/index.html",
    "tag/validation/index.html",
    "search/index.html",
    "about/index.html",
    "pick-a-tool/index.html",
    "semesters/2020-2022/index.html",
    "category/automl/index.html",
    "author/mazzottacraig/index.html",
    "404.html",
]


def test_built_pages_are_valid_html(built_site: Path) -> None:
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed: the Nu Html Checker needs a Java runtime")
    if not VNU.is_file():
        pytest.skip(f"vnu-jar is not installed ({VNU.relative_to(ROOT)} missing): run npm ci")
    missing = [page for page in PAGES if not (built_site / page).is_file()]
    assert not missing, missing
    files = sorted(built_site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # vnu writes its JSON report to stderr and exits 1 when it finds errors.
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") in {"error", "non-document-error"}]
    report = "\n".join(
        f"{m.get('url', '').rpartition(str(built_site))[2]}:{m.get('lastLine', '?')}: "
        f"{m.get('message')} [{m.get('extract', '').strip()}]"
        for m in errors
    )
    assert not errors, f"{len(errors)} HTML errors:\n{report}"
    assert result.returncode == 0, result.stderr
