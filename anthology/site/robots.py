"""`robots.txt`: everything may be crawled; the sitemap is named when the site's address is
known (the Sitemap line must be absolute). Two lines of text need no library."""

from __future__ import annotations

from pathlib import Path


def write_robots(output: Path, site_url: str) -> None:
    lines = ["User-agent: *", "Disallow:"]
    if site_url.startswith(("http://", "https://")):
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    (output / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
