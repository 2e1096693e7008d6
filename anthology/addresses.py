"""Where a URL points: hosts a public page must not make its readers' browsers fetch from.

An image on the site is fetched by every reader's browser. One at `http://localhost/`,
`http://192.168.1.1/` or `http://169.254.169.254/` probes the reader's own machine or
network (or, in a preview, the build machine's). Hosts are read the way browsers read them
(WHATWG URL): percent-escapes decoded, NFKC-mapped (fullwidth digits and dots), trailing dot
dropped, and IPv4 written as one number or in octal or hex parts (`2852039166`,
`0251.0376.0251.0376`, `0xA9FEA9FE`, `127.1`) is an IPv4 address. Which ranges are not
public is :mod:`ipaddress`'s knowledge (`is_global`).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# Names that never reach the public internet (RFC 6761, RFC 8375 and common intranet use).
_LOCAL_NAMES = ("localhost", "local", "internal", "localdomain", "home.arpa", "lan", "intranet")
_IPV4_PART = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")
_IGNORED = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_SPECIAL = re.compile(r"(https?|ftp|wss?):", re.IGNORECASE)


@dataclass(frozen=True)
class Host:
    """A URL's host as a browser would read it, and why it is not public (if it is not)."""

    name: str
    private: str | None  # e.g. "a loopback address", None when public


def _ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address of a host written in any form browsers accept, or None."""
    parts = host.split(".")
    if not parts or not all(_IPV4_PART.match(part) for part in parts) or len(parts) > 4:
        return None
    try:  # inet_aton reads decimal, octal and hex parts and 1-4 part forms, as browsers do
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        try:
            address = ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return None
        mapped = address.ipv4_mapped or address.sixtofour
        return mapped if mapped is not None else address
    return _ipv4(host)


def _why(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address (cloud metadata services live there)"
    if address.is_private:
        return "a private-network address"
    if address.is_unspecified:
        return "the unspecified address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_reserved or not address.is_global:
        return "a reserved address"
    return None


def browser_form(url: str) -> str:
    """The URL as a browser reads it: tabs and newlines dropped, `\\` read as `/`, and an
    http(s) URL's host found even without its two slashes (`https:localhost/x`)."""
    text = _IGNORED.sub("", url.strip(_C0_AND_SPACE))
    special = _SPECIAL.match(text)
    if special:
        rest = text[special.end() :].replace("\\", "/")
        text = special.group(1).lower() + "://" + rest.lstrip("/")
    elif text.startswith(("//", "\\\\", "/\\", "\\/")):
        text = "//" + text.replace("\\", "/").lstrip("/")
    return text


def host_of(url: str) -> Host | None:
    """The host of an absolute or protocol-relative URL, or None when it has none."""
    try:
        netloc = urlsplit(browser_form(url)).netloc
    except ValueError:
        return None
    if not netloc:
        return None
    raw = netloc.rsplit("@", 1)[-1]
    if not raw.startswith("["):
        raw = raw.split(":", 1)[0]
    elif "]" in raw:
        raw = raw[: raw.index("]") + 1]
    name = unicodedata.normalize("NFKC", unquote(raw)).casefold().rstrip(".")
    name = name.replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".")
    address = _address(name)
    if address is not None:
        return Host(name, _why(address))
    if (
        not name
        or "." not in name
        or name.endswith(tuple("." + n for n in _LOCAL_NAMES))
        or (name in _LOCAL_NAMES)
    ):
        return Host(name, "a local host name")
    return Host(name, None)
