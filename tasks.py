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

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "content": "content",
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "deploy_path": "output",
    "host": "127.0.0.1",
    "port": 8000,
}


# Live previews skip the search index, feeds and image work, and keep unchanged pages.
PREVIEW = {
    "SEARCH": False,
    "FEEDS": False,
    "SOCIAL_CARDS": False,
    "RESPONSIVE_IMAGES": False,
    "PREVIEW_SKIP_UNCHANGED": True,
}


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
    """Rebuild whenever content or theme changes (no search index, for speed)."""
    from pelican import main as pelican_main

    pelican_main(["-r", "-s", CONFIG["settings_base"], "-e", f"ANTHOLOGY={json.dumps(PREVIEW)}"])


@task
def serve(c):
    """Serve output/ at http://127.0.0.1:8000/ (Ctrl-C stops)."""
    from pelican import main as pelican_main

    print(f"Serving the anthology at http://{CONFIG['host']}:{CONFIG['port']}/")
    pelican_main(
        [
            "--listen",
            "-s",
            CONFIG["settings_base"],
            "-o",
            CONFIG["deploy_path"],
            "-b",
            CONFIG["host"],
            "-p",
            str(CONFIG["port"]),
        ]
    )


@task
def reserve(c):
    """Build, then serve."""
    build(c)
    serve(c)


@task
def preview(c):
    """Build the production site with publishconf.py into output/."""
    _build(CONFIG["settings_publish"])


@task
def livereload(c):
    """Serve at http://127.0.0.1:8000/ and rebuild + reload the browser on every change."""
    from livereload import Server

    def rebuild_quickly() -> None:
        from anthology.site.commands import BuildFailed
        from anthology.site.commands import build as build_site

        try:
            build_site(CONFIG["settings_base"], Path(CONFIG["deploy_path"]), ANTHOLOGY=PREVIEW)
        except BuildFailed as exc:
            print(f"build failed: {exc}", file=sys.stderr)

    rebuild_quickly()
    server = Server()
    for pattern in ("content/**/*", "theme/**/*", CONFIG["settings_base"]):
        server.watch(pattern, rebuild_quickly)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


@task
def publish(c):
    """Build the production site in a temporary folder, check links, then swap it in."""
    from anthology.site.commands import BuildFailed
    from anthology.site.commands import publish as publish_site

    try:
        publish_site(CONFIG["settings_publish"], Path(CONFIG["deploy_path"]))
    except BuildFailed as exc:
        sys.exit(f"publish failed; the previous site is untouched: {exc}")
    print(f"published into {CONFIG['deploy_path']}/")


@task(
    help={
        "changed_since": "only posts changed since this git ref",
        "format": "text, github, json or markdown",
        "strict": "warnings fail too",
    }
)
def check(c, changed_since="", format="text", strict=False, paths=""):
    """Check posts (the pull-request gate): what is missing, where, and how to fix it."""
    args = ["check", "--format", format]
    if changed_since:
        args += ["--changed-since", changed_since]
    if strict:
        args.append("--strict")
    _anthology(c, *args, *shlex.split(paths))


@task(
    help={
        "tool": "tool name (not needed for an option without a tool)",
        "author_id": "your course id",
        "name": "your full name",
        "category": "category id (default: the tool's)",
        "title": "post title",
        "option": "assignment option id from course.yaml (default: the first)",
    }
)
def new(c, author_id, name, tool="", category="", title="", option=""):
    """Scaffold a post with the right front matter and section headings."""
    args = ["new", "--author-id", author_id, "--name", name]
    for flag, value in (
        ("--tool", tool),
        ("--category", category),
        ("--title", title),
        ("--option", option),
    ):
        args += [flag, value] if value else []
    _anthology(c, *args)


@task(help={"tool": "tool name", "author_id": "your course id", "name": "your full name"})
def claim(c, tool, author_id, name, category=""):
    """Claim a tool with a stub post (first come, first served)."""
    args = ["claim", "--tool", tool, "--author-id", author_id, "--name", name]
    args += ["--category", category] if category else []
    _anthology(c, *args)


@task(
    name="import-prior",
    help={
        "handout": "Markdown file with [Tool](url) links, or a CSV export of a claims spreadsheet",
        "semester": 'label for these posts, e.g. "2020-2022" (a CSV semester column overrides it)',
    },
)
def import_prior(c, handout, semester=""):
    """Import earlier semesters' post links from a handout or claims CSV into content/prior/."""
    _anthology(c, "import-prior", handout, *(["--semester", semester] if semester else []))


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
def rollover(c, to, label="", dry_run=False):
    """Start a new semester: published posts stay; stale claims and drafts are removed."""
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
    """Run the test suite."""
    c.run(shlex.join([sys.executable, "-m", "pytest", "-q"]))


@task
def lint(c):
    """Check style with ruff."""
    c.run("ruff check . && ruff format --check .")
