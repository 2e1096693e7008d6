"""The one error the report raises for unusable input: exit code 2, nothing written."""

from __future__ import annotations


class ReportError(Exception):
    """Input the report cannot use; the message names the file, the place and the fix."""
