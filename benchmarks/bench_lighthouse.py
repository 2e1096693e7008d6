"""Lighthouse budget: home, post, tool, category and search pages score 100 in all four categories.

Usage: python benchmarks/bench_lighthouse.py [--site DIR] [--reports DIR] [--min SCORE]

Without --site, builds content/ with publishconf.py into a temporary folder. Serves the site on
127.0.0.1 and runs Lighthouse 12.2.3 (the npm devDependency: run `npm ci` first) in headless
Chromium (CHROME_PATH, else `chromium` on PATH) with its default mobile settings, then prints
the performance, accessibility, best-practices and SEO scores per page. --reports keeps the
JSON reports. Exits 1 when a score is below --min (default 100) or Lighthouse fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from bench_page_weight import build_site  # noqa: E402

from anthology.site.commands import served  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
PAGES = {
    "home": "",
    "post": "posts/pandera-rating-schema-checks/",
    "tool": "tools/mlflow/",
    "category": "category/data-cleaning/",
    "search": "search/?q=mlflow",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# No internet here or in CI: Chromium's background networking would stall the runs.
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def lighthouse_command() -> list[str]:
    """The locally installed Lighthouse, else npx with the pinned version."""
    local = REPO / "node_modules" / ".bin" / "lighthouse"
    if local.exists():
        return [str(local)]
    npx = shutil.which("npx")
    if npx is None:
        raise SystemExit("neither node_modules/.bin/lighthouse nor npx found: run npm ci")
    return [npx, "--yes", f"lighthouse@{LIGHTHOUSE_VERSION}"]


def chrome_path() -> str:
    found = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    found = found or shutil.which("chromium-browser")
    if not found:
        raise SystemExit("no Chromium: apt-get install chromium, or set CHROME_PATH")
    return found


def audit(url: str, report: Path, chrome: str) -> dict[str, float | None]:
    """Run Lighthouse on `url`, write its JSON to `report`, return the category scores (0-100)."""
    command = [
        *lighthouse_command(),
        url,
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not report.is_file():
        raise SystemExit(f"lighthouse failed on {url} ({done.returncode}):\n{done.stderr}")
    result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise SystemExit(f"lighthouse failed on {url}: {result['runtimeError']}")
    scores = {}
    for name in CATEGORIES:
        score = result["categories"][name]["score"]
        scores[name] = None if score is None else round(score * 100)
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--reports", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument("--min", type=float, default=100, help="lowest passing score (0-100)")
    args = parser.parse_args()
    chrome = chrome_path()
    folder = Path(tempfile.mkdtemp(prefix="anthology-lighthouse-"))
    reports = args.reports.resolve() if args.reports else folder / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    try:
        if args.site:
            site = args.site.resolve()
        else:
            print(f"building the site with publishconf.py into {folder} ...", flush=True)
            site = build_site(folder)
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, {chrome}, mobile defaults; minimum {args.min:g}")
        print(f"{'page':<6} " + " ".join(f"{c:>15}" for c in CATEGORIES) + "  verdict")
        failed = False
        with served(site) as base:
            for name, path in PAGES.items():
                scores = audit(base + path, reports / f"{name}.json", chrome)
                low = [c for c, s in scores.items() if s is None or s < args.min]
                failed |= bool(low)
                cells = " ".join(f"{'n/a' if s is None else s:>15}" for s in scores.values())
                verdict = f"BELOW {args.min:g}: {', '.join(low)}" if low else f"all >= {args.min:g}"
                print(f"{name:<6} {cells}  {verdict}  (/{path})", flush=True)
        if args.reports:
            print(f"reports: {reports}")
        return 1 if failed else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
