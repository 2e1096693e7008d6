"""Tasks for authors, instructors and maintainers. `invoke --list` shows them all.

The names clean, build, rebuild, regenerate, serve, reserve, preview, livereload and
publish are the ones pelican-quickstart generates; the others are the anthology's own.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import Context, task

# pyproject.toml's requires-python stops pip on older Pythons; this stops a stray interpreter.
if sys.version_info < (3, 11):  # noqa: UP036
    sys.exit("Anthology needs Python 3.11 or newer; create the venv with python3.11 or later.")

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "content": "content",
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "deploy_path": "output",
    "host": "127.0.0.1",
    "port": 8000,
}


# Live previews skip the search index, feeds and image work, keep unchanged pages, and
# show drafts (marked "draft") so an author sees the post before publishing it.
PREVIEW = {
    "SEARCH": False,
    "FEEDS": False,
    "SOCIAL_CARDS": False,
    "RESPONSIVE_IMAGES": False,
    "PREVIEW_SKIP_UNCHANGED": True,
    "SHOW_DRAFTS": True,
}


def _venv_tool(name: str) -> str:
    """The console script installed beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def _anthology(c: Context, *args: str) -> None:
    command = [sys.executable, "-m", "anthology.cli", "--content", CONFIG["content"], *args]
    c.run(shlex.join(command), pty=sys.stdout.isatty())


def _build(settings: str, **overrides: object) -> None:
    from anthology.site.commands import BuildFailed, build

    try:
        build(settings, Path(CONFIG["deploy_path"]), **overrides)
    except BuildFailed as exc:
        sys.exit(f"build failed: {exc}")


@task
def clean(c):
    """Remove the generated site (output/)."""
    if os.path.isdir(CONFIG["deploy_path"]):
        shutil.rmtree(CONFIG["deploy_path"])


@task
def build(c):
    """Build the site with pelicanconf.py into output/, search index included."""
    _build(CONFIG["settings_base"])


@task
def rebuild(c):
    """Clean, then build from scratch."""
    clean(c)
    build(c)


@task
def regenerate(c):
    """Rebuild whenever content or theme changes (drafts shown, no search index)."""
    from pelican import main as pelican_main

    preview = [f"ANTHOLOGY={json.dumps(PREVIEW)}", 'CACHE_PATH=".cache/pelican/preview"']
    pelican_main(["-r", "-s", CONFIG["settings_base"], "-e", *preview])


@task(help={"host": "address to listen on (default 127.0.0.1)", "port": "default 8000"})
def serve(c, host=CONFIG["host"], port=CONFIG["port"]):
    """Serve output/ at http://127.0.0.1:8000/; unknown paths get the 404 page (Ctrl-C stops)."""
    from anthology.site.commands import serve_forever

    print(f"Serving the anthology at http://{host}:{port}/", flush=True)
    serve_forever(Path(CONFIG["deploy_path"]), host, int(port))


@task
def reserve(c):
    """Build, then serve."""
    build(c)
    serve(c)


@task
def preview(c):
    """Build the production site with publishconf.py into output/."""
    _build(CONFIG["settings_publish"])


@task(help={"host": "address to listen on (default 127.0.0.1)", "port": "default 8000"})
def livereload(c, host=CONFIG["host"], port=CONFIG["port"]):
    """Preview drafts too at http://127.0.0.1:8000/; rebuild and reload on every save."""
    from anthology.site.live import LiveSite, serve_live

    site = LiveSite(CONFIG["settings_base"], Path(CONFIG["deploy_path"]), PREVIEW)
    serve_live(site, ("content", "theme", CONFIG["settings_base"]), host, int(port))


@task
def publish(c):
    """Build the production site in a temporary folder, check links, then swap it in.

    Needs the published address in the SITEURL environment variable.
    """
    from anthology.site.commands import BuildFailed, site_url_problem
    from anthology.site.commands import publish as publish_site

    problem = site_url_problem(os.environ.get("SITEURL", ""))
    if problem:
        sys.exit(f"publish refused: {problem}")
    print(f"publishing for {os.environ['SITEURL'].rstrip('/')}/", flush=True)
    try:
        summary = publish_site(CONFIG["settings_publish"], Path(CONFIG["deploy_path"]))
    except BuildFailed as exc:
        sys.exit(f"publish failed; the previous site is untouched: {exc}")
    print(summary)
    print(f"published into {CONFIG['deploy_path']}/")


@task(
    help={
        "changed_since": "only posts changed since this git ref",
        "format": "text, github, json or markdown",
        "strict": "warnings fail too",
        "explain": "print which headings and paragraphs serve each required section",
    }
)
def check(c, changed_since="", format="text", strict=False, paths="", explain=False):
    """Check posts (the pull-request gate): what is missing, where, and how to fix it."""
    args = ["check", "--format", format]
    if changed_since:
        args += ["--changed-since", changed_since]
    if strict:
        args.append("--strict")
    if explain:
        args.append("--explain")
    _anthology(c, *args, *shlex.split(paths))


@task(
    help={
        "tool": "tool name (not needed for an option without a tool)",
        "author_id": "your course id",
        "name": "your full name",
        "category": "category id (default: the tool's)",
        "title": "post title",
        "option": "assignment option id from course.yaml (default: the first)",
        "new_tool": "the tool is really new, not a misspelling of a known one",
    }
)
def new(c, author_id="", name="", tool="", category="", title="", option="", new_tool=False):
    """Scaffold a post with the right front matter and section headings."""
    args = ["new", "--author-id", author_id, "--name", name]
    for flag, value in (
        ("--tool", tool),
        ("--category", category),
        ("--title", title),
        ("--option", option),
    ):
        args += [flag, value] if value else []
    args += ["--new-tool"] if new_tool else []
    _anthology(c, *args)


@task(
    help={
        "tool": "tool name",
        "author_id": "your course id",
        "name": "your full name",
        "category": "category id (default: the tool's)",
        "new_tool": "the tool is really new, not a misspelling of a known one",
    }
)
def claim(c, tool="", author_id="", name="", category="", new_tool=False):
    """Claim a tool with a stub post (first come, first served)."""
    args = ["claim", "--tool", tool, "--author-id", author_id, "--name", name]
    args += ["--category", category] if category else []
    args += ["--new-tool"] if new_tool else []
    _anthology(c, *args)


@task(
    name="import-prior",
    help={
        "handout": "Markdown file with [Tool](url) links, or a CSV export of a claims spreadsheet",
        "semester": 'label for these posts, e.g. "2020-2022" (a CSV semester column overrides it)',
    },
)
def import_prior(c, handout="", semester=""):
    """Import earlier semesters' post links from a handout or claims CSV into content/prior/."""
    if not handout:
        sys.exit("invoke import-prior: pass --handout FILE (see `invoke import-prior --help`)")
    _anthology(c, "import-prior", handout, *(["--semester", semester] if semester else []))


@task(
    name="enrich-prior",
    help={
        "delay": "seconds between two requests to one host (default 2)",
        "timeout": "seconds per request (default 15)",
    },
)
def enrich_prior(c, delay=2.0, timeout=15.0):
    """Read earlier posts' pages (online) for title, summary, author and date; keeps edits."""
    _anthology(c, "enrich-prior", "--delay", str(delay), "--timeout", str(timeout))


@task(
    help={
        "external": "check external links of prior posts and evidence instead; "
        "writes reports/linkrot.md and reports/linkrot.csv",
        "record": "with --external: also mark dead links in content/link-status.yaml",
    }
)
def linkcheck(c, external=False, record=False):
    """Check the built site's internal links (or, with --external, earlier posts' links)."""
    if external:
        _anthology(c, "linkrot", *(["--record"] if record else []))
        return
    from anthology.site.commands import BuildFailed, check_built_links

    try:
        ok, report = check_built_links(CONFIG["settings_publish"])
    except BuildFailed as exc:
        sys.exit(f"build failed: {exc}")
    print(report)
    if not ok:
        sys.exit("broken internal links found")


@task(
    help={
        "to": "the new semester's id, e.g. S2027",
        "label": 'its name (default from the id, e.g. "Spring 2027")',
        "dry_run": "only list what would change",
    }
)
def rollover(c, to="", label="", dry_run=False):
    """Start a new semester: published posts stay; stale claims and drafts are removed."""
    if not to:
        sys.exit("invoke rollover: pass --to NEXT, e.g. --to S2027 (see `invoke rollover --help`)")
    args = ["rollover", "--to", to]
    args += ["--label", label] if label else []
    args += ["--dry-run"] if dry_run else []
    _anthology(c, *args)


@task(
    help={
        "roster": "class roster CSV (default: `roster.file` in content/course.yaml)",
        "out": "folder for gradebook.csv and gradebook.html (default: reports)",
    }
)
def report(c, roster="", out=""):
    """Write the private gradebook (CSV and sortable HTML) to reports/, never published."""
    args = ["report"]
    args += ["--roster", roster] if roster else []
    args += ["--out", out] if out else []
    _anthology(c, *args)


@task(help={"posts": "number of generated posts (default 1000)"})
def bench(c, posts=1000):
    """Benchmark a full build against plain Pelican on a generated corpus."""
    c.run(shlex.join([sys.executable, "benchmarks/bench_build.py", "--posts", str(posts)]))


# The lock files: every dependency pinned, with the sha256 of every file PyPI has for that
# version (all platforms, e.g. pagefind_bin's x86_64 and aarch64 wheels), so pip installs
# exactly what was reviewed. runtime.txt is what the published site is built with; dev.txt
# adds the test tools, at the same versions for everything they share.
LOCKS = (
    ("requirements/runtime.txt", ()),
    ("requirements/dev.txt", ("--extra", "dev", "--constraint", "requirements/runtime.txt")),
)
LOCK_PYTHON = (3, 11)  # the version CI and the publish workflow use


@task(help={"upgrade": "also move every pin to the newest release pyproject.toml allows"})
def lock(c, upgrade=False):
    """Re-pin dependencies with hashes (requirements/*.txt) after editing pyproject.toml."""
    if sys.version_info[:2] != LOCK_PYTHON:
        sys.exit(f"run this with Python {'.'.join(map(str, LOCK_PYTHON))}: the lock is for it")
    # Resolve against PyPI alone: a local mirror or wheel folder in the pip configuration
    # must not decide the pins or the hashes.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, CUSTOM_COMPILE_COMMAND="invoke lock")
    for output, extra in LOCKS:
        command = [
            sys.executable, "-m", "piptools", "compile", "--quiet", "--generate-hashes",
            "--allow-unsafe", "--strip-extras", "--index-url", "https://pypi.org/simple",
            "--no-emit-index-url", *(["--upgrade"] if upgrade else []), *extra,
            "--output-file", output, "pyproject.toml",
        ]  # fmt: skip
        c.run(shlex.join(command), env=env, replace_env=True)


@task
def test(c):
    """Run the test suite with the venv's pytest."""
    c.run(shlex.join([sys.executable, "-m", "pytest", "-q"]), pty=sys.stdout.isatty())


@task
def lint(c):
    """Check style with the venv's ruff."""
    ruff = _venv_tool("ruff")
    c.run(f"{shlex.quote(ruff)} check . && {shlex.quote(ruff)} format --check .")
