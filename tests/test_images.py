"""Social cards and responsive images: the drawing, the cache, and a real site build."""

from __future__ import annotations

import io
import itertools
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw
from PIL.ImageFilter import MaxFilter

from anthology.images import cards, responsive
from anthology.images.cache import ImageCache, digest, place
from anthology.images.cards import HEIGHT, WIDTH, card_key, card_layout, card_png, draw_card
from anthology.images.responsive import WEBP, Variant, plan, render_variant, variants
from anthology.site import images as site_images
from anthology.site.settings import SettingsError, check_settings

from .conftest import build_site, copy_content

SITEURL = "https://course.example.org/anthology"
LAKEFS = "content/posts/F2026/lakefs-versioned-ratings-data.md"
CARD = ("Git-style branches for ratings", ["lakeFS"], "Versioning", "17-645 MLiP", "Fall 2026")


def counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Replace `module.name` with a wrapper that counts its calls."""
    calls: list[int] = []
    original = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def write_image(path: Path, size: tuple[int, int], fmt: str, **save: Any) -> Path:
    """A noisy image, so that encoded sizes grow with the pixel count as a photo's do."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.effect_noise(size, 40).convert("RGB").save(path, fmt, **save)
    return path


def fake_article(tmp_path: Path, slug: str = "a-post", title: str = CARD[0]) -> Any:
    return SimpleNamespace(
        title=title,
        slug=slug,
        tools=[SimpleNamespace(name="lakeFS")],
        category=SimpleNamespace(name="Versioning"),
        semester_label="Fall 2026",
        source_path=str(tmp_path / "content" / f"{slug}.md"),
        save_as=f"posts/{slug}/index.html",
    )


def fake_settings(tmp_path: Path, **extra: Any) -> dict[str, Any]:
    return {
        "CACHE_PATH": str(tmp_path / "cache"),
        "PATH": str(tmp_path / "content"),
        "SITEURL": "",
        "RELATIVE_URLS": False,
        **extra,
    }


# --- cards -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        CARD,
        ("Short", [], None, "", ""),
        ("Ünïcödé — “quotes” & 日本語 😀 " * 6, ["Great Expectations", "DVC"] * 5, "Ω", "C", "S"),
    ],
)
def test_card_is_a_small_1200_by_630_png_of_the_drawn_pixels(args: tuple[Any, ...]) -> None:
    card = draw_card(*args)
    data = card_png(card)
    Image.open(io.BytesIO(data)).verify()  # chunk checksums and structure
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")
    assert data[24:26] == bytes((4, 3)), "a 4-bit palette PNG"
    assert image.getpalette() == card.getpalette()
    assert image.tobytes() == card.tobytes()
    assert len(data) < 150_000


def test_a_card_png_needs_a_palette_of_at_most_16_colours() -> None:
    with pytest.raises(ValueError, match="16 colours"):
        card_png(Image.new("P", (4, 4)))  # Pillow's default palette: 256 colours
    rgb = Image.new("RGB", (WIDTH, HEIGHT), cards._BACKGROUND)
    assert Image.open(io.BytesIO(card_png(rgb))).getcolors() == [(WIDTH * HEIGHT, 0)]


def test_embolden_is_a_3_by_3_maximum() -> None:
    noise = Image.effect_noise((97, 41), 120).point(lambda v: v if v > 160 else 0)
    edges = Image.new("L", (20, 10))
    edges.putpixel((0, 0), 255)
    edges.putpixel((19, 9), 99)
    for mask in (noise, edges):
        assert cards._embolden(mask).tobytes() == mask.filter(MaxFilter(3)).tobytes()


def test_the_title_is_drawn_bold_and_nothing_else_is() -> None:
    plain = rgb_reference(CARD, bold=False).convert("L")
    bold = draw_card(*CARD).convert("L")
    lines = card_layout(*CARD)
    title = [line for line in lines if line.bold]
    assert title and all(line.bold == 1 for line in title)
    top, bottom = min(line.bbox[1] for line in title), max(line.bbox[3] for line in title)

    def inked(image: Image.Image, box: tuple[int, int, int, int]) -> int:
        return sum(count for count, value in image.crop(box).getcolors() if value > 128)

    title_box = (80, top, WIDTH - 80, bottom)
    assert inked(bold, title_box) > 1.3 * inked(plain, title_box)
    below = (80, 495, WIDTH, HEIGHT)  # tools and footer: unchanged
    assert bold.crop(below).tobytes() == plain.crop(below).tobytes()


def rgb_reference(args: tuple[Any, ...], bold: bool = True) -> Image.Image:
    """The card drawn the plain way on an RGB image, then mapped to the card's palette
    with Image.quantize: the bold lines' text through a mask thickened by Pillow's
    MaxFilter(3), every other line with ImageDraw.text."""
    image = Image.new("RGB", (WIDTH, HEIGHT), cards._BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 15, HEIGHT), fill=cards._ACCENT)
    draw.rectangle((80, 490, WIDTH - 80, 491), fill=cards._RULE)
    lines = card_layout(*args)
    for ink in {line.fill for line in lines if line.bold}:
        mask = Image.new("L", (WIDTH, HEIGHT))
        for line in lines:
            if line.bold and line.fill == ink:
                ImageDraw.Draw(mask).text(
                    (line.x, line.y), line.text, font=cards._font(line.size), fill=255, anchor="la"
                )
        image.paste(ink, (0, 0, WIDTH, HEIGHT), mask.filter(MaxFilter(3)) if bold else mask)
    for line in lines:
        if not line.bold:
            draw.text(
                (line.x, line.y),
                line.text,
                font=cards._font(line.size),
                fill=line.fill,
                anchor="la",
            )
    return image.quantize(palette=cards._palette(), dither=Image.Dither.NONE)


@pytest.mark.parametrize(
    "args",
    [
        CARD,
        ("Short", [], None, "", ""),
        ("Ünïcödé — “quotes” & 日本語 😀 " * 6, ["Great Expectations", "DVC"] * 5, "Ω", "C", "S"),
        ("W" * 300, ["x"], "Testing " * 20, "17-645 " * 30, "Spring 2027"),
        ("Announcement: grading policy", [], "Announcements", "17-645 MLiP", "Fall 2026"),
    ],
)
def test_card_pixels_are_those_of_drawing_in_rgb_then_quantizing(args: tuple[Any, ...]) -> None:
    card = draw_card(*args)
    reference = rgb_reference(args)
    assert (card.mode, card.size) == ("P", (WIDTH, HEIGHT))
    assert card.getpalette() == reference.getpalette()
    assert card.tobytes() == reference.tobytes()
    assert len(card.getcolors()) > 3  # text was drawn, in several shades


FAULTS_PER_CARD = """
import resource, sys
from anthology.images.cards import card_png, draw_card, reuse_image_memory
reuse_image_memory()
TOOLS = ["MLflow", "Great Expectations", "Adversarial Robustness Toolbox", "DVC", "lakeFS",
         "Evidently AI", "Label Studio", "Weights & Biases", "Alibi Detect", "Feast"]
def card(i):  # as a course's cards: tool names of every length, a dozen categories
    tools = [TOOLS[i % 10], TOOLS[(i * 3) % 10]][: 1 + i % 2]
    title = f"Post {i}: {tools[0]}" + " in production" * (i % 3)
    semester = ("Fall 2026", "Spring 2026")[i % 2]
    card_png(draw_card(title, tools, f"Category {i % 12}", "17-645 MLiP", semester))
for i in range(30):
    card(i)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for i in range(30, 130):
    card(i)
print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 100)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="counts page faults with getrusage")
def test_card_workers_reuse_image_memory_instead_of_asking_the_kernel_each_time() -> None:
    """A card allocates three full-size images (the frame's copy, the text's coverage,
    the PNG's rows) and smaller ones; with freed blocks of one size kept, hardly any of
    their pages are fresh pages from the kernel. (With Pillow's defaults, 800–1,300 a
    card over 300 generated-corpus cards; with its blocks kept but of every size, ~550.)"""
    ran = subprocess.run(
        [sys.executable, "-c", FAULTS_PER_CARD], capture_output=True, text=True, check=True
    )
    full_size_pages = 3 * WIDTH * HEIGHT / 4096
    assert float(ran.stdout) < 0.1 * full_size_pages


def _glyph(font: Any, char: str) -> bytes:
    mask = font.getmask(char)
    return bytes(mask) + bytes(str(mask.size), "ascii")


def test_card_text_in_accented_latin_is_drawn_with_its_letters() -> None:
    """Titles, tools and categories with "José", "Zoë", "Łódź" get their letters, not
    the missing-glyph box Pillow's built-in font draws for everything outside ASCII
    (the card font is DejaVu Sans, Debian's fonts-dejavu-core, as the README says)."""
    assert cards.font_file() is not None, "install fonts-dejavu-core (see the README)"
    font = cards._font(48)
    missing = _glyph(font, "\U0010fffd")  # a private-use code point: no font draws it
    letters = "éèñüçøßłźŽÅÆ"
    assert all(_glyph(font, c) != missing for c in letters)
    assert len({_glyph(font, c) for c in letters}) == len(letters)


def test_the_card_font_can_be_named_and_falls_back_to_pillows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`ANTHOLOGY_CARD_FONT` names the font file; a name that is no file falls back to
    Pillow's built-in font. The font is part of a card's cache key."""
    found = cards.font_file()
    assert found is not None
    key = card_key("José's title", ["Tool"], None, "Course", "Fall 2026")
    try:
        monkeypatch.setenv(cards.FONT_VARIABLE, str(tmp_path / "no-such-font.ttf"))
        for cached in (cards.font_file, cards._font_id, cards._font):
            cached.cache_clear()
        assert cards.font_file() is None
        assert card_key("José's title", ["Tool"], None, "Course", "Fall 2026") != key
        fallback = cards._font(48)
        assert _glyph(fallback, "é") == _glyph(fallback, "\U0010fffd")  # the box
        monkeypatch.setenv(cards.FONT_VARIABLE, str(found))
        for cached in (cards.font_file, cards._font_id, cards._font):
            cached.cache_clear()
        assert cards.font_file() == found
        assert card_key("José's title", ["Tool"], None, "Course", "Fall 2026") == key
    finally:
        monkeypatch.delenv(cards.FONT_VARIABLE)
        for cached in (cards.font_file, cards._font_id, cards._font):
            cached.cache_clear()


def test_card_key_changes_with_every_input_and_only_then() -> None:
    assert card_key(*CARD) == card_key(*CARD)
    changed = [
        ("Another title", *CARD[1:]),
        (CARD[0], ["DVC"], *CARD[2:]),
        (*CARD[:2], "Testing", *CARD[3:]),
        (*CARD[:3], "Other course", CARD[4]),
        (*CARD[:4], "Spring 2027"),
    ]
    keys = {card_key(*args) for args in changed}
    assert len(keys) == len(changed) and card_key(*CARD) not in keys


@pytest.mark.parametrize(
    "title",
    [
        "A " + "very " * 100 + "long title",
        "Supercalifragilisticexpialidocious" * 6,
        "Short",
    ],
)
def test_title_wraps_and_shrinks_inside_the_card(title: str) -> None:
    lines = card_layout(
        title,
        ["Label Studio", "Cleanlab"] * 8,
        "Data cleaning " * 10,
        "17-445/17-645 Machine Learning in Production " * 3,
        "Fall 2026",
    )
    for line in lines:
        left, top, right, bottom = line.bbox
        assert left > 0 and right <= WIDTH - 80, line
        assert top > 0 and bottom < HEIGHT, line
    for above, below in itertools.pairwise(lines):
        assert above.bbox[3] <= below.bbox[1], f"{above.text!r} overlaps {below.text!r}"
    title_lines = [line for line in lines if line.bold]
    assert all(line.bbox[3] < 490 for line in title_lines), "title runs into the footer"
    if len(title) > 300:
        assert title_lines[-1].text.endswith("…")
    # The right margin stays empty: nothing was drawn past the text column.
    image = draw_card(title, ["Tool"], "Category", "Course", "Fall 2026")
    margin = image.crop((WIDTH - 78, 0, WIDTH, HEIGHT))
    assert len(margin.getcolors()) == 1


def test_social_card_is_drawn_once_then_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = counting(monkeypatch, site_images, "draw_card")
    settings, output = fake_settings(tmp_path), tmp_path / "output"
    course = SimpleNamespace(number="17-645", name="MLiP")
    article = fake_article(tmp_path)
    site_images.attach_social_card(article, settings, output, course)
    card = output / "cards" / "a-post.png"
    assert article.social_image == "cards/a-post.png" and card.is_file()
    cached = next((tmp_path / "cache").rglob("*.png"))
    stamp = cached.stat().st_mtime_ns
    card.unlink()
    again = fake_article(tmp_path)
    site_images.attach_social_card(again, settings, output, course)
    assert len(drawn) == 1, "an unchanged card was drawn again"
    assert cached.stat().st_mtime_ns == stamp and card.is_file()
    site_images.attach_social_card(
        fake_article(tmp_path, title="New title"), settings, output, course
    )
    assert len(drawn) == 2


@pytest.mark.skipif(
    sys.platform != "linux" or (os.cpu_count() or 1) < 2,
    reason="cards are drawn in parallel only on Linux with two cores or more",
)
def test_missing_cards_are_drawn_in_worker_processes_beside_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, output = fake_settings(tmp_path), tmp_path / "output"
    course = SimpleNamespace(number="17-645", name="MLiP")
    articles = [
        fake_article(tmp_path, slug=f"post-{i}", title=f"Post number {i}")
        for i in range(site_images.PARALLEL_MIN_CARDS + 4)
    ]
    # Counted in this process only: the workers are other processes.
    drawn = counting(monkeypatch, site_images, "draw_card")
    texts = [site_images._card_text(article, course) for article in articles]
    background = site_images.BackgroundCards(settings, texts)
    for article in articles:
        site_images.attach_social_card(article, settings, output, course, background)
        assert article.social_image == f"cards/{article.slug}.png"
    background.finish()
    assert drawn == []
    assert len(list((tmp_path / "cache").rglob("*.png"))) == len(articles)
    for article in articles:
        card = output / "cards" / f"{article.slug}.png"
        cached = site_images.image_cache(settings).get(
            site_images.card_key(*site_images._card_text(article, course)), ".png"
        )
        assert cached is not None and card.read_bytes() == cached.read_bytes()
    assert background.pool is None  # the workers are gone


def test_cache_place_copies_and_skips_identical(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "cache")
    key = digest("x")
    assert cache.get(key, ".bin") is None
    stored = cache.put_bytes(key, ".bin", b"data")
    assert cache.get(key, ".bin") == stored and stored.read_bytes() == b"data"
    target = tmp_path / "out" / "x.bin"
    place(stored, target)
    place(stored, target)
    assert target.read_bytes() == b"data"
    assert not target.samefile(stored) and target.stat().st_nlink == 1
    assert not list((tmp_path / "out").glob(".*")), "temporary files left behind"
    assert not list(stored.parent.glob("*.tmp"))


def test_the_cache_may_not_live_in_content(tmp_path: Path) -> None:
    settings = fake_settings(tmp_path, CACHE_PATH=str(tmp_path / "content" / "cache"))
    with pytest.raises(SettingsError, match="CACHE_PATH"):
        site_images.image_cache(settings)


# --- responsive variants -----------------------------------------------------------------


def test_variants_have_the_configured_widths_and_never_upscale(tmp_path: Path) -> None:
    photo = write_image(tmp_path / "photo.jpg", (2000, 1000), "JPEG")
    assert variants(photo, [480, 960, 1440]) == [
        Variant(480, 240, WEBP),
        Variant(480, 240, "JPEG"),
        Variant(960, 480, WEBP),
        Variant(960, 480, "JPEG"),
        Variant(1440, 720, WEBP),
        Variant(1440, 720, "JPEG"),
        Variant(2000, 1000, WEBP),
        Variant(2000, 1000, "JPEG", original=True),
    ]
    diagram = write_image(tmp_path / "diagram.png", (800, 400), "PNG")
    assert variants(diagram, [1440, 480, 960]) == [
        Variant(480, 240, WEBP),
        Variant(480, 240, "PNG"),
        Variant(800, 400, WEBP, lossless=True),
        Variant(800, 400, "PNG", original=True),
    ]
    icon = write_image(tmp_path / "icon.webp", (300, 200), "WEBP")
    assert variants(icon, [480, 960]) == [Variant(300, 200, WEBP, original=True)]


def test_rendered_variants_have_their_size_and_format(tmp_path: Path) -> None:
    photo = write_image(tmp_path / "photo.jpg", (1600, 900), "JPEG")
    image = responsive.open_upright(photo)
    for variant in variants(photo, [480, 960])[:-1]:
        rendered = Image.open(io.BytesIO(render_variant(image, variant)))
        assert (rendered.format, rendered.size) == (variant.format, (variant.width, variant.height))
        assert variant.width <= 1600
    assert Variant(480, 270, "JPEG").suffix(".jpeg") == "-480w.jpeg"
    assert Variant(480, 270, WEBP).suffix(".jpeg") == "-480w.webp"


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    photo = write_image(tmp_path / "sideways.jpg", (400, 200), "JPEG", exif=exif)
    planned = variants(photo, [150])
    assert planned[-1][:2] == (200, 400)
    assert planned[0][:2] == (150, 300)
    image = responsive.open_upright(photo)
    assert Image.open(io.BytesIO(render_variant(image, planned[0]))).size == (150, 300)


def test_animated_gifs_are_left_alone(tmp_path: Path) -> None:
    frames = [Image.new("P", (900, 300), color) for color in (1, 2, 3)]
    path = tmp_path / "spin.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert variants(path, [480]) == [Variant(900, 300, "GIF", original=True)]


def test_variants_bigger_than_the_next_size_up_are_not_served() -> None:
    planned = plan(responsive.SourceImage(800, 400, "PNG", False), [480])
    small_webp, small_png, full_webp, original = planned
    sizes = {small_webp: 9_000, small_png: 36_000, full_webp: 12_000, original: 26_000}
    assert responsive.worth_serving(planned, sizes) == [small_webp, full_webp, original]
    sizes[full_webp] = 30_000
    assert responsive.worth_serving(planned, sizes) == [small_webp, original]


def test_a_corrupt_image_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a png")
    html = '<p><img src="{static}/images/broken.png" alt="x"></p>'
    with caplog.at_level(logging.WARNING):
        out = site_images.responsive_images(
            html, fake_article(tmp_path), fake_settings(tmp_path), tmp_path / "out", content
        )
    assert "srcset" not in out and 'src="{static}/images/broken.png"' in out
    assert any("broken.png" in r.getMessage() for r in caplog.records)


def test_rewrite_marks_later_images_lazy_and_keeps_author_sources(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_image(content / "images" / "a.png", (1000, 500), "PNG")
    html = (
        '<p>Intro.</p><p><img src="{static}/images/a.png" alt="first"></p>'
        '<p><img src="https://example.org/x.png" alt="remote"></p>'
        '<picture><source srcset="/y.webp"><img src="/y.png" alt="own"></picture>'
        '<p><img src="{static}/images/a.png" alt="again &amp; again"></p>'
    )
    out = site_images.responsive_images(
        html,
        fake_article(tmp_path),
        fake_settings(tmp_path, SITEURL=SITEURL),
        tmp_path / "out",
        content,
    )
    soup = BeautifulSoup(out, "html.parser")
    imgs = soup.find_all("img")
    assert [img["loading"] for img in imgs] == ["eager", "lazy", "lazy", "lazy"]
    assert imgs[0]["width"] == "1000" and imgs[0]["height"] == "500"
    assert imgs[3]["alt"] == "again & again"
    assert len(soup.find_all("picture")) == 3, "the author's own <picture> was wrapped again"
    webp = soup.find("source", type="image/webp")["srcset"]
    assert webp.startswith(f"{SITEURL}/images/a-480w.webp 480w")
    assert (tmp_path / "out" / "images" / "a-480w.webp").is_file()


def test_image_settings_are_checked() -> None:
    for bad in (
        {"IMAGE_WIDTHS": [0, 480]},
        {"IMAGE_WIDTHS": "480"},
        {"IMAGE_WIDTHS": [True]},
        {"SOCIAL_CARDS": "yes"},
    ):
        with pytest.raises(SettingsError):
            check_settings({"ANTHOLOGY": bad})
    check_settings({"ANTHOLOGY": {"IMAGE_WIDTHS": [320, 640], "RESPONSIVE_IMAGES": False}})


# --- a real build ------------------------------------------------------------------------


def _content_with_more_images(tmp_path: Path) -> Path:
    """The shipped content, with a large photo added after the lakeFS post's diagram."""
    content = copy_content(tmp_path / "content")
    write_image(content / "images" / "lakefs" / "team-photo.jpg", (2400, 1600), "JPEG")
    post = content / LAKEFS.removeprefix("content/")
    post.write_text(
        post.read_text(encoding="utf-8")
        + "\n![Our team at the whiteboard](../../images/lakefs/team-photo.jpg)\n",
        encoding="utf-8",
    )
    return content


def _file_for(site: Path, url: str) -> Path:
    assert url.startswith(SITEURL + "/"), url
    return site / url.removeprefix(SITEURL + "/")


def _candidates(srcset: str) -> list[str]:
    return [candidate.strip().split()[0] for candidate in srcset.split(",")]


def test_built_site_has_cards_and_responsive_images(
    tmp_path: Path, site_builder: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = _content_with_more_images(tmp_path)
    site = site_builder(content, SITEURL=SITEURL, ANTHOLOGY={"SEARCH": False})
    posts = sorted((site / "posts").glob("*/index.html"))
    assert posts
    for page in posts:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        og = soup.find("meta", property="og:image")
        assert og is not None, f"{page} has no og:image"
        assert _file_for(site, og["content"]).is_file()
        assert soup.find("meta", attrs={"name": "twitter:image"})["content"] == og["content"]

    soup = BeautifulSoup(
        (site / "posts" / "lakefs-versioned-ratings-data" / "index.html").read_text(
            encoding="utf-8"
        ),
        "html.parser",
    )
    imgs = soup.select(".prose img")
    assert len(imgs) == 2
    for img in imgs:
        assert img.get("srcset"), img
        assert int(img["width"]) > 0 and int(img["height"]) > 0
        sources = [img["srcset"], *(s["srcset"] for s in img.parent.find_all("source"))]
        for srcset in sources:
            for url in _candidates(srcset):
                assert _file_for(site, url).is_file(), url
    assert all(img["loading"] == "lazy" for img in imgs[1:])
    photo = imgs[1]
    assert (photo["width"], photo["height"]) == ("2400", "1600")
    widths = [c.split()[1] for c in photo["srcset"].split(",")]
    assert widths == ["480w", "960w", "1440w", "2400w"]

    # A warm rebuild into a fresh output draws and encodes nothing.
    drawn = counting(monkeypatch, site_images, "draw_card")
    encoded = counting(monkeypatch, site_images, "render_variant")
    again = build_site(
        content,
        tmp_path / "again",
        SITEURL=SITEURL,
        CACHE_PATH=str(site.parent / ".output-cache"),
        ANTHOLOGY={"SEARCH": False},
    )
    assert (drawn, encoded) == ([], [])
    for card in (site / "cards").iterdir():
        assert (again / "cards" / card.name).read_bytes() == card.read_bytes()
    assert re.search(
        r'srcset="[^"]*team-photo-960w\.webp 960w',
        (again / "posts" / "lakefs-versioned-ratings-data" / "index.html").read_text(
            encoding="utf-8"
        ),
    )


def test_cards_can_be_switched_off(tmp_path: Path, site_builder: Callable[..., Path]) -> None:
    content = copy_content(tmp_path / "content")
    site = site_builder(
        content, ANTHOLOGY={"SEARCH": False, "SOCIAL_CARDS": False, "RESPONSIVE_IMAGES": False}
    )
    page = (site / "posts" / "lakefs-versioned-ratings-data" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "og:image" not in page and "srcset" not in page
    assert not (site / "cards").exists()


def test_card_module_does_not_import_pelican() -> None:
    for module in (cards, responsive):
        assert "pelican" not in Path(module.__file__).read_text(encoding="utf-8")


def test_variant_urls_follow_relative_urls(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_image(content / "images" / "a b.jpg", (1000, 500), "JPEG")
    html = '<p><img src="{static}/images/a b.jpg" alt=""></p>'
    settings = fake_settings(tmp_path, RELATIVE_URLS=True)
    out = site_images.responsive_images(
        html, fake_article(tmp_path), settings, tmp_path / "out", content
    )
    srcset = BeautifulSoup(out, "html.parser").find("source")["srcset"]
    assert _candidates(srcset)[0] == "../../images/a%20b-480w.webp"
    assert (tmp_path / "out" / "images" / "a b-480w.webp").is_file()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:100] + bytes([data[100] ^ 0xFF]) + data[101:], id="flip"),
        pytest.param(lambda data: b"", id="emptied"),
    ],
)
def test_a_damaged_cache_file_is_made_again_and_never_published(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    """A real build: damage a cached card and a cached image variant, build again."""
    content = copy_content(tmp_path / "content")
    first = build_site(content, tmp_path / "first")
    cache = tmp_path / ".first-cache" / "anthology-images"
    card = first / "cards" / "lakefs-versioned-ratings-data.png"
    variant = first / "images" / "lakefs" / "branch-diagram-480w.webp"
    good = {path: path.read_bytes() for path in (card, variant)}
    damaged = []
    for published in (card, variant):
        (cached,) = [
            p for p in cache.rglob(f"*{published.suffix}") if p.read_bytes() == good[published]
        ]
        cached.write_bytes(damage(good[published]))
        damaged.append(cached)
    # The next build detects the damage, makes the files again and publishes good ones.
    second = build_site(content, tmp_path / "first", CACHE_PATH=str(tmp_path / ".first-cache"))
    for published, cached in zip((card, variant), damaged, strict=True):
        fresh = (second / published.relative_to(first)).read_bytes()
        assert fresh == good[published]
        assert cached.read_bytes() == good[published], "the cache entry was made again"
        with Image.open(second / published.relative_to(first)) as image:
            image.verify()
        assert (second / published.relative_to(first)).stat().st_nlink == 1
