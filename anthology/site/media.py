"""Embeds for video posts, limited to privacy-friendly, allow-listed players."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{3,12}$")


def embed_url(media_url: str | None) -> str | None:
    """The player URL for a YouTube or Vimeo page URL; None for anything else."""
    if not media_url:
        return None
    parts = urlsplit(media_url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host == "youtube.com" and parts.path == "/watch":
        video_id = (parse_qs(parts.query).get("v") or [None])[0]
    elif host == "youtu.be" or (
        host == "youtube.com" and parts.path.startswith(("/embed/", "/shorts/"))
    ):
        video_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if video_id and _YOUTUBE_ID.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if host in ("vimeo.com", "player.vimeo.com"):
        vimeo_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if _VIMEO_ID.match(vimeo_id):
            return f"https://player.vimeo.com/video/{vimeo_id}"
    return None
