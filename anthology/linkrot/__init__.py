"""Link rot: check the external links of earlier posts and evidence, report the dead ones.

`anthology linkrot` (and `invoke linkcheck --external`) collects the links, checks them
with linkchecker politely (per-host rate limit, retries, a cache), writes a report under
reports/ and, with `--record`, `content/link-status.yaml`, which the site reads to mark
dead prior posts. Only :mod:`.status` is imported when the site is built.
"""
