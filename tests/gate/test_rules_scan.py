"""Body scanning: fenced code, links, images and raw HTML tags with their positions."""

from __future__ import annotations

from anthology.gate.scan import Body


def body(text: str, first_line: int = 10) -> Body:
    return Body(text, first_line)


def test_fenced_code_follows_the_renderer() -> None:
    scanned = body("a\n```python\n# not a heading\n```\nb\n   ```\nnot code\n")
    assert scanned.code == frozenset({1, 2, 3})


def test_unclosed_fence_is_not_code() -> None:
    assert body("```\n# heading\n").code == frozenset()


def test_links_and_images_with_lines_and_columns() -> None:
    scanned = body('Intro [docs](https://example.org/a_(b)) and\n![Alt](img.png "t")\n')
    links = [(link.target, link.line, link.column, link.image) for link in scanned.links]
    assert links == [("https://example.org/a_(b)", 10, 7, False), ("img.png", 11, 1, True)]


def test_image_inside_a_link_is_found() -> None:
    links = body("[![Badge](badge.png)](https://example.org)").links
    assert sorted((link.target, link.image) for link in links) == [
        ("badge.png", True),
        ("https://example.org", False),
    ]


def test_code_spans_and_comments_hide_links_and_tags() -> None:
    scanned = body("`[x](javascript:y)` <!-- <script> -->\n\\<b>\n```\n<script>\n```\n")
    assert scanned.links == [] and scanned.tags == []


def test_reference_links_autolinks_and_html() -> None:
    text = (
        'See [docs][d], <https://example.org/x> and <a href="rel.md">a</a>.\n'
        '![Chart][c]\n<img src="p.png">\n\n[d]: https://example.org/docs\n[c]: chart.png\n'
    )
    links = body(text, 1).links
    origins = sorted((link.origin, link.target, link.image, link.has_alt) for link in links)
    assert origins == [
        ("autolink", "https://example.org/x", False, True),
        ("definition", "chart.png", False, True),
        ("definition", "https://example.org/docs", False, True),
        ("html", "p.png", True, False),
        ("html", "rel.md", False, True),
        ("reference", "chart.png", True, True),
    ]


def test_tags_have_file_lines() -> None:
    tags = body("text\n\n<div onclick='x'>\n<iframe src=a></iframe>\n", 5).tags
    assert [(t.name, t.line, t.column) for t in tags] == [("div", 7, 1), ("iframe", 8, 1)]
