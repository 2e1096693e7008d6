"""Local HTTP servers for tests that talk to the network: threaded, quiet, always stopped."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class QuietServer(http.server.ThreadingHTTPServer):
    """A threaded server that does not print the errors tests provoke on purpose."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return  # clients that hang up, time out or abort a TLS handshake


class PageHandler(http.server.BaseHTTPRequestHandler):
    """A quiet HTTP/1.1 handler whose answers are one small HTML page with any status."""

    protocol_version = "HTTP/1.1"
    page = b"<!DOCTYPE html><title>test</title><p>hello</p>"

    def _reply(self, code: int, **headers: str) -> None:
        try:
            self.send_response(code)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(self.page)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(self.page)
        except OSError:
            pass  # the client gave up waiting (a slow page)

    def log_message(self, format: str, *args: object) -> None:
        return


def base_url(server: http.server.HTTPServer, scheme: str = "http") -> str:
    """`scheme://127.0.0.1:PORT` of a server bound to the loopback address."""
    return f"{scheme}://127.0.0.1:{server.server_address[1]}"


@contextmanager
def serving(*servers: http.server.HTTPServer) -> Iterator[None]:
    """Serve each server in its own thread for the block, then shut all of them down."""
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
