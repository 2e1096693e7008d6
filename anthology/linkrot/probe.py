"""Is the network up? A TCP connection to any of the configured probe hosts says yes.

Without this, a run on a machine that is offline would find every link unreachable and
record them all. A plain connection (no HTTP) is enough to tell, and bounded by one
connect timeout per probe.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from urllib.parse import urlsplit


class Offline(Exception):
    """No probe host could be reached; the message names them."""


def _address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


def reachable(url: str, timeout: float) -> bool:
    try:
        with socket.create_connection(_address(url), timeout=timeout):
            return True
    except OSError:
        return False


def require_network(probes: Sequence[str], timeout: float = 10.0) -> None:
    """Raise Offline unless at least one probe host accepts a connection."""
    if any(reachable(url, timeout) for url in probes):
        return
    raise Offline(
        f"the network looks down: none of {', '.join(probes)} could be reached. Nothing was "
        "checked or written; run again when the network is back (the probe hosts are "
        "`linkcheck.probe` in course.yaml)"
    )
