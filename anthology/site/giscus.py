"""Optional live discussion under each post through giscus (GitHub Discussions).

Off unless pelicanconf.py sets `GISCUS` to a dict with the values giscus.app gives for
the repository: repo, repo_id, category and category_id (mapping and theme optional).
"""

from __future__ import annotations

import re
from typing import Any

from .settings import SettingsError

REQUIRED = ("repo", "repo_id", "category", "category_id")
DEFAULTS = {"mapping": "pathname", "theme": "preferred_color_scheme"}
_REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$")


def giscus_settings(settings: dict[str, Any]) -> dict[str, str] | None:
    """The GISCUS setting with defaults filled in, or None when giscus is off.

    Raises SettingsError (Pelican stops with the message) when the setting is unusable.
    """
    raw = settings.get("GISCUS")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SettingsError(
            "GISCUS must be None (off) or a dict with " + ", ".join(REQUIRED) + " (pelicanconf.py)"
        )
    known = (*REQUIRED, *DEFAULTS)
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise SettingsError(f"GISCUS: unknown keys {unknown}; known: {list(known)}")
    missing = [key for key in REQUIRED if not isinstance(raw.get(key), str) or not raw[key]]
    if missing:
        raise SettingsError(
            f"GISCUS: missing {missing}; copy the values from https://giscus.app for your "
            "repository into pelicanconf.py"
        )
    if not _REPO.match(raw["repo"]):
        raise SettingsError(f"GISCUS: repo must be 'owner/name', not {raw['repo']!r}")
    merged = {**DEFAULTS, **raw}
    for key, value in merged.items():
        if not isinstance(value, str):
            raise SettingsError(f"GISCUS[{key!r}] must be text")
    return merged
