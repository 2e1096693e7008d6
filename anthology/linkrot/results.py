"""One link's check result, and how a linkchecker CSV row is classified."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

OK, REDIRECTED, DEAD, UNKNOWN = "ok", "redirected", "dead", "unknown"
STATUSES = (OK, REDIRECTED, DEAD, UNKNOWN)

_STATUS_CODE = re.compile(r"^(\d{3})\b")
_RETRY_AFTER = re.compile(r"Retry-After:\s*(\d+)")
# Refusals that bot protection sends to checkers as often as to nobody: check by hand.
_REFUSED = {401, 403}


@dataclass(frozen=True)
class Check:
    """What checking one link found.

    `retry` marks a failure worth another try in this run; `strike` one that says nothing
    for sure on its own (a refused connection, a TLS error, a redirect loop): the link is
    dead only when that repeats on several runs (see `strikes.py`).
    """

    url: str
    status: str
    detail: str
    final_url: str | None = None
    checked_at: str = ""
    retry: bool = False
    retry_after: float | None = None
    cached: bool = False
    strike: bool = False

    @property
    def responded(self) -> bool:
        """The host answered (so the network works), whatever it said."""
        return self.status in (OK, REDIRECTED) or bool(_STATUS_CODE.match(self.detail))

    def to_dict(self) -> dict[str, str | None]:
        return {
            "status": self.status,
            "detail": self.detail,
            "final_url": self.final_url,
            "checked_at": self.checked_at,
        }


def archive_lookup(url: str) -> str:
    """The archive.org page listing every saved copy of `url`."""
    return f"https://web.archive.org/web/*/{url}"


def _comparable(url: str) -> tuple[str, str, str, str]:
    parts = urlsplit(url.strip())
    return parts.scheme.lower(), parts.netloc.lower(), unquote(parts.path) or "/", parts.query


def same_url(first: str, second: str) -> bool:
    """True when two links differ only in case of scheme/host, quoting or a bare `/`."""
    return _comparable(first) == _comparable(second)


# Failures without an HTTP answer that a flaky network, a host's bad day or bot defences
# produce as readily as a dead site; linkchecker reports them by the requests exception.
_STRIKES = (
    ("NameResolutionError", "host not found"),
    ("Failed to resolve", "host not found"),
    ("Name or service not known", "host not found"),
    ("SSL", "TLS/SSL error"),
    ("CERTIFICATE", "TLS/SSL error"),
    ("TooManyRedirects", "redirect loop"),
    ("redirect", "redirect loop"),
    # linkchecker shortens long messages ("… Connection ref..."): match the start.
    ("Errno 111", "connection refused"),
    ("Connection ref", "connection refused"),
    ("Connection reset", "connection reset"),
    ("RemoteDisconnected", "connection closed without an answer"),
    ("ConnectionError", "connection failed"),
    ("ChunkedEncodingError", "connection broken mid-answer"),
)


def _strike_detail(result: str) -> str | None:
    for marker, detail in _STRIKES:
        if marker.lower() in result.lower():
            return detail
    return None


def classify(url: str, row: dict[str, str], checked_at: str) -> Check:
    """Turn linkchecker's CSV row for `url` into a Check."""
    result = row.get("result", "").strip()
    warnings = row.get("warningstring", "")
    final = row.get("url", "").strip() or url
    moved = "Redirected to" in warnings and not same_url(url, final)
    final_url = final if moved else None
    code_match = _STATUS_CODE.match(result)
    if code_match:
        code = int(code_match.group(1))
        if code == 429:
            after = _RETRY_AFTER.search(warnings)
            wait = float(after.group(1)) if after else None
            detail = f"{result} (rate limited)"
            return Check(url, UNKNOWN, detail, final_url, checked_at, True, wait)
        if code >= 500:
            return Check(url, UNKNOWN, result, final_url, checked_at, retry=True)
        if code in _REFUSED:
            return Check(url, UNKNOWN, f"{result} (check by hand)", final_url, checked_at)
        if code >= 400:
            return Check(url, DEAD, result, final_url, checked_at)
        return Check(url, REDIRECTED if moved else OK, result, final_url, checked_at)
    exception = result.split(":", 1)[0]
    if "Timeout" in exception:
        return Check(url, UNKNOWN, "timed out", final_url, checked_at, retry=True)
    if row.get("valid", "") != "True":
        strike = _strike_detail(result)
        if strike:
            return Check(url, UNKNOWN, strike, final_url, checked_at, strike=True)
        return Check(
            url, DEAD, result.split(" (Caused by", 1)[0][:160] or "failed", final_url, checked_at
        )
    if "robots.txt" in row.get("infostring", ""):
        return Check(url, UNKNOWN, "robots.txt forbids checking it", None, checked_at)
    return Check(url, REDIRECTED if moved else OK, result or "OK", final_url, checked_at)


def not_checked(url: str, checked_at: str) -> Check:
    return Check(url, UNKNOWN, "linkchecker did not report it", None, checked_at)
