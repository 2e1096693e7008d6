"""Pelican settings for local development: `invoke build`, `invoke serve`, `invoke livereload`.

Course details (name, semester, categories, rules) live in content/course.yaml, not here.
"""

from anthology.markdown_config import PELICAN_MARKDOWN

AUTHOR = "Course staff"
SITENAME = "Machine Learning in Production: Tool Anthology"
SITEURL = ""
PATH = "content"
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
THEME = "theme"
THEME_STATIC_DIR = "theme"

# Only these plugins: with PLUGINS unset, Pelican would load every installed plugin.
# pelican-sitemap lists every page written (the earlier-post search stubs are noindex).
PLUGINS = ["anthology.site", "pelican.plugins.sitemap"]
SITEMAP = {"format": "xml", "exclude": [r"^earlier/", r"^404\.html$", r"^pagefind/"]}
ANTHOLOGY = {
    "SEARCH": True,
    "FEEDS": True,
    "FEED_MAX_ITEMS": 20,
    "FEED_FULL_TEXT": False,
    "SANITIZE": True,
    "SOCIAL_CARDS": True,
    "RESPONSIVE_IMAGES": True,
    "IMAGE_WIDTHS": [480, 960, 1440],
}

# Optional live discussion under each post through giscus (GitHub Discussions); off when
# None. To turn it on, enable Discussions on the repository, then copy the values that
# https://giscus.app shows for it, e.g.:
# GISCUS = {
#     "repo": "owner/name",
#     "repo_id": "R_...",
#     "category": "Comments",
#     "category_id": "DIC_...",
#     "mapping": "pathname",
#     "theme": "preferred_color_scheme",
# }
# Comments that count for the course are Markdown files in content/comments/ either way.
# The site's CSP allows giscus.app's script and frame; the inline <style> giscus adds is
# blocked by it, and theme/static/css/main.css carries the same rules instead.
GISCUS = None

ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
READERS = {"html": None, "rst": None}
MARKDOWN = PELICAN_MARKDOWN

# Feeds are written by the plugin with feedgen (summaries, newest 20 per feed).
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# Every template escapes what it prints. HTML that is already safe (post bodies after the nh3
# allow-list) is marked `|safe` where it is printed, with a comment saying why; the plugin
# refuses to build with autoescaping off. Templates are read once per build: with
# auto_reload, Jinja checks each template file on disk at every {% extends %} and
# {% import %}, i.e. several times per page written.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,
    "autoescape": True,
}

DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "search"]
ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
# The plugin writes every course category's page (with earlier posts), not only those
# with posts; Pelican's own category pages would be overwritten.
CATEGORY_SAVE_AS = ""
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
CATEGORIES_SAVE_AS = "categories/index.html"
TAGS_SAVE_AS = "tags/index.html"
AUTHORS_SAVE_AS = "authors/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
SEARCH_SAVE_AS = "search/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40

# Only re-read changed posts on rebuilds; the cache lives outside content/.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = ".cache/pelican"
GZIP_CACHE = False  # the cache is local; compressing it costs a second per 1,000 posts
DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = False
