"""Build, serve, link-check and publish the site: the work behind tasks.py."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.server import ComplexHTTPRequestHandler
from pelican.settings import read_settings

from ..swap import recover, replace_folder
from ..workdirs import (
    LINKCHECK_PREFIX,
    LINKCHECKER_PREFIX,
    owned_folder,
    sweep,
    sweep_temporary,
)
from .generator import BuildError


class BuildFailed(Exception):
    """The site could not be built or checked; the message says why."""


@contextlib.contextmanager
def _status(message: str) -> Iterator[None]:
    """A spinner in a terminal (Pelican's own console); nothing extra in CI logs."""
    if sys.stderr.isatty():
        from pelican.log import console

        with console.status(message):
            yield
    else:
        yield


def build(settings_file: str, output: Path | None = None, **overrides: Any) -> Path:
    """Run Pelican with `settings_file` and overrides; errors and failed posts raise."""
    settings = read_settings(settings_file, override=overrides or None)
    if output is not None:
        settings["OUTPUT_PATH"] = str(output)
    try:
        with _status(f"Building {settings['PATH']} into {settings['OUTPUT_PATH']}…"):
            Pelican(settings).run()
    except BuildError as exc:
        raise BuildFailed(str(exc.code)) from None
    except Exception as exc:
        raise BuildFailed(f"{type(exc).__name__}: {exc}") from None
    return Path(settings["OUTPUT_PATH"])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: linkchecker reuses connections

    def end_headers(self) -> None:
        # linkchecker lifts its politeness delay (10 requests/s) for hosts that send this.
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


class _LocalServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client closing early (linkchecker reads only what it needs) is not an error.
        return


@contextlib.contextmanager
def served(root: Path, port: int = 0) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 in a background thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _LocalServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _DevHandler(ComplexHTTPRequestHandler):
    """Pelican's development handler, but an unknown path gets the site's 404 page.

    Pelican's handler closes the connection without a reply when no file matches; a
    browser then shows its own error instead of the site's "Page not found".
    """

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if self.get_path_that_exists(self.path.split("?", 1)[0]) is not None:
            super().do_GET()
            return
        page = Path(self.base_path) / "404.html"
        body = page.read_bytes() if page.is_file() else b"<h1>Page not found</h1>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def serve_forever(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the built site in `root` until Ctrl-C (`invoke serve`)."""
    if not (root / "index.html").is_file():
        raise SystemExit(f"{root}/index.html not found: run `invoke build` first")

    class Handler(_DevHandler):
        base_path = str(root.resolve())

    handler = functools.partial(Handler, directory=str(root.resolve()))
    with (
        http.server.ThreadingHTTPServer((host, port), handler) as server,
        contextlib.suppress(KeyboardInterrupt),
    ):
        server.serve_forever()


def site_url_problem(site_url: str) -> str | None:
    """Why `site_url` cannot be a published site's address, or None when it can."""
    url = site_url.strip()
    if not url:
        return (
            "SITEURL is not set, so feeds, the sitemap and social cards would point at "
            "localhost; run it as `SITEURL=https://you.github.io/anthology invoke publish`"
        )
    if not url.lower().startswith(("https://", "http://")):
        return f"SITEURL={url!r} is not an http(s) address, e.g. https://you.github.io/anthology"
    if any(host in url.lower() for host in ("://localhost", "://127.", "://[::1]")):
        return f"SITEURL={url!r} is a local address; give the published one"
    return None


def link_summary(report: str) -> str:
    """linkchecker's closing statistics ("N links in M URLs checked. …"), one line."""
    lines = [line.strip() for line in report.splitlines() if line.strip()]
    wanted = [
        line
        for line in lines
        if line.startswith("That's it.") or " found." in line or "checked" in line
    ]
    return " ".join(wanted[-3:]) if wanted else (lines[-1] if lines else "no links checked")


def _linkchecker() -> str:
    """The linkchecker script installed beside this Python, or the one on PATH."""
    beside = Path(sys.executable).parent / "linkchecker"
    found = str(beside) if beside.exists() else shutil.which("linkchecker")
    if not found:
        raise BuildFailed("linkchecker is not installed: pip install -e .")
    return found


# Our own local server: no need for linkchecker's default politeness of 10 requests/s.
_LOCAL_LINKCHECKER_CONFIG = "[checking]\nmaxrequestspersecond=1000\n"


def run_linkchecker(url: str) -> tuple[bool, str]:
    """Check every link under `url` that stays on its host (others are only parsed)."""
    with owned_folder(LINKCHECKER_PREFIX) as tmp:
        config = tmp / "linkcheckerrc"
        config.write_text(_LOCAL_LINKCHECKER_CONFIG, encoding="utf-8")
        command = [
            _linkchecker(),
            "-f",
            str(config),
            "--no-status",
            "--no-warnings",
            "--ignore-url",
            r"^mailto:",
            url,
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    return result.returncode == 0, result.stdout + result.stderr


def check_built_links(settings_file: str, **overrides: Any) -> tuple[bool, str]:
    """Build with `settings_file` but a local SITEURL, then link-check that build.

    linkchecker treats links to another host as external, so a build whose SITEURL is the
    published address cannot be checked locally; this build points at the local server.
    """
    sweep_temporary()
    with owned_folder(LINKCHECK_PREFIX) as root, served(root) as url:
        local = url.rstrip("/")
        anthology = {**(overrides.pop("ANTHOLOGY", None) or {}), "SEARCH": True}
        build(
            settings_file,
            root,
            **overrides,
            SITEURL=local,
            FEED_DOMAIN=local,
            ANTHOLOGY=anthology,
        )
        pause_point("link-checking")
        return run_linkchecker(url)


def publish(settings_file: str, output: Path, **overrides: Any) -> str:
    """Build into a fresh folder beside `output`, check its links, then swap it in.

    The swap is one atomic step (see `anthology.swap`): `output` is at every moment the
    whole previous site or the whole new one. A failed build or link check leaves the
    previous site untouched. Work folders (`.<output>.new-*` here, `anthology-linkcheck-*`
    in the temporary folder) are removed afterwards, and those a killed run left behind
    are swept at the start of the next one. Returns the link check's summary line.
    """
    output = Path(output).absolute()
    if output.exists() and not output.is_dir():
        raise BuildFailed(f"{output} exists and is not a folder; move it away first")
    output.parent.mkdir(parents=True, exist_ok=True)
    recover(output)
    sweep(output.parent, f".{output.name}.new-")
    with owned_folder(f".{output.name}.new-", output.parent) as staging:
        pause_point("staging")
        build(settings_file, staging, **overrides)
        pause_point("built")
        ok, report = check_built_links(settings_file, **overrides)
        if not ok:
            raise BuildFailed("broken internal links:\n" + report)
        pause_point("checked")
        replace_folder(staging, output)
        # The previous site now sits at `staging`, removed on leaving this block.
        pause_point("swapped")
    return f"link check: {link_summary(report)}"


def pause_point(step: str) -> None:
    """Stop here for good when ANTHOLOGY_PAUSE_AT names `step` (tests kill us there).

    ANTHOLOGY_PAUSE_FILE, when set, is created first, so the test waits for that file
    (the state) rather than for a time.
    """
    if os.environ.get("ANTHOLOGY_PAUSE_AT") != step:
        return
    marker = os.environ.get("ANTHOLOGY_PAUSE_FILE")
    if marker:
        Path(marker).write_text(step, encoding="utf-8")
    threading.Event().wait()
