"""The plugin's settings: one `ANTHOLOGY` dict, defaults written once, checked at start-up."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "SEARCH": True,  # build the Pagefind index after writing the site
    "FEEDS": True,  # write Atom and RSS feeds with feedgen
    "FEED_MAX_ITEMS": 20,  # newest entries per feed
    "FEED_FULL_TEXT": False,  # summaries only unless set
    "SANITIZE": True,  # pass post HTML through the nh3 allow-list
    "PREVIEW_SKIP_UNCHANGED": False,  # live preview: keep post pages whose source is unchanged
    "SHOW_DRAFTS": False,  # live preview only: build drafts too, marked "draft", never indexed
    "SOCIAL_CARDS": True,  # draw a 1200×630 Open Graph image per post (cached)
    "RESPONSIVE_IMAGES": True,  # serve post images in several widths, WebP too (cached)
    "IMAGE_WIDTHS": [480, 960, 1440],  # widths of the responsive variants, never upscaled
}
MAX_IMAGE_WIDTH = 8192


class SettingsError(SystemExit):
    """A wrong ANTHOLOGY setting; the message names the plugin and the key.

    A SystemExit so Pelican stops with this message (exit code 1) and no traceback.
    """


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The ANTHOLOGY settings merged over the defaults."""
    return {**DEFAULTS, **(settings.get("ANTHOLOGY") or {})}


def check_settings(settings: dict[str, Any]) -> None:
    raw = settings.get("ANTHOLOGY") or {}
    if not isinstance(raw, dict):
        raise SettingsError("anthology plugin: ANTHOLOGY must be a dict")
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise SettingsError(
            f"anthology plugin: unknown ANTHOLOGY keys {sorted(unknown)}; known: {sorted(DEFAULTS)}"
        )
    # Pelican always fills JINJA_ENVIRONMENT (its default has autoescaping off).
    jinja = settings.get("JINJA_ENVIRONMENT")
    if jinja is not None and (not isinstance(jinja, dict) or jinja.get("autoescape") is not True):
        raise SettingsError(
            "anthology plugin: the theme prints student text and expects Jinja to escape it; "
            'set JINJA_ENVIRONMENT = {..., "autoescape": True} in pelicanconf.py'
        )
    merged = plugin_settings(settings)
    flags = (
        "SEARCH",
        "FEEDS",
        "FEED_FULL_TEXT",
        "SANITIZE",
        "SOCIAL_CARDS",
        "RESPONSIVE_IMAGES",
        "PREVIEW_SKIP_UNCHANGED",
        "SHOW_DRAFTS",
    )
    for key in flags:
        if not isinstance(merged[key], bool):
            raise SettingsError(f"anthology plugin: ANTHOLOGY[{key!r}] must be true or false")
    if not isinstance(merged["FEED_MAX_ITEMS"], int) or merged["FEED_MAX_ITEMS"] < 1:
        raise SettingsError("anthology plugin: ANTHOLOGY['FEED_MAX_ITEMS'] must be a positive int")
    widths = merged["IMAGE_WIDTHS"]
    if not isinstance(widths, (list, tuple)) or not all(
        isinstance(w, int) and not isinstance(w, bool) and 16 <= w <= MAX_IMAGE_WIDTH
        for w in widths
    ):
        raise SettingsError(
            "anthology plugin: ANTHOLOGY['IMAGE_WIDTHS'] must be a list of pixel widths "
            f"between 16 and {MAX_IMAGE_WIDTH}, e.g. [480, 960, 1440]"
        )
