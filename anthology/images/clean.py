"""The published copy of a post image: decoded by Pillow and encoded again.

Only the pixels (and the colour profile, and a JPEG's orientation) survive, so whatever
else the file carried is not published: bytes appended after the image (a PNG with HTML
after its end), script hidden in comment blocks (GIF/JS polyglots), and EXIF metadata
such as a phone's GPS position. JPEGs keep their quantisation tables (`quality="keep"`),
PNG and GIF are lossless, animations keep their frames.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image

CLEAN_VERSION = "1"  # bump when the encoding changes, so cached copies are redone
_ORIENTATION = 0x0112
WEBP_QUALITY = 90


def clean_copy(source: Path) -> bytes:
    """The image of `source` encoded again in its own format (see the module doc)."""
    with Image.open(source) as image:
        image.load()
        found = image.format or ""
        options: dict[str, Any] = {}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        if getattr(image, "n_frames", 1) > 1:
            options["save_all"] = True
        if found in ("JPEG", "GIF"):
            options["comment"] = b""  # Pillow would copy the source's comment block
        if found == "JPEG":
            options.update(quality="keep", subsampling="keep", xmp=b"")
            orientation = image.getexif().get(_ORIENTATION)
            if orientation and orientation != 1:
                exif = Image.Exif()
                exif[_ORIENTATION] = orientation
                options["exif"] = exif.tobytes()
        elif found == "PNG":
            options["optimize"] = True
        elif found == "WEBP":
            options["quality"] = WEBP_QUALITY
        out = io.BytesIO()
        image.save(out, found, **options)
    return out.getvalue()
