"""Production settings: `invoke preview` and `invoke publish` (and the GitHub Pages workflow)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The published address; the Pages workflow passes it in from actions/configure-pages.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
