"""Progress for long commands: status lines in a terminal, nothing extra in CI logs."""

from __future__ import annotations

import sys


def interactive() -> bool:
    """True when a person watches the command in a terminal (not CI, not a pipe)."""
    return sys.stderr.isatty()
