"""Social cards: a 1200×630 Open Graph image per post.

The text is set in DejaVu Sans where the system has it (Debian's `fonts-dejavu-core`, the
usual places on other systems, or the file `ANTHOLOGY_CARD_FONT` names): Pillow's built-in
font (`ImageFont.load_default(size=...)`, the fallback, so no font file is bundled or
downloaded) has glyphs for ASCII only, and draws "José" or "Zoë" with boxes.
`card_layout` places every line of text; `draw_card` paints it, so tests can check the
layout without reading pixels.
"""

from __future__ import annotations

import io
import json
import os
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageChops, ImageDraw, ImageFont
from PIL.PngImagePlugin import putchunk

from .cache import digest

WIDTH, HEIGHT = 1200, 630
CARD_VERSION = "6"  # bump when the drawing or encoding changes, so cached cards are redrawn

_MARGIN = 80
_BACKGROUND = (15, 27, 45)
_RULE = (51, 65, 85)
_TEXT = (255, 255, 255)  # 16:1 on the background
_MUTED = (203, 213, 225)  # 11:1
_ACCENT = (252, 211, 77)  # 11:1
_TITLE_TOP, _TITLE_BOTTOM = 122, 468
_TITLE_SIZES = range(80, 43, -4)
_TITLE_BOLD = 1  # the title is thickened by a pixel on each side, standing in for a bold face
_LINE_HEIGHT = 1.2
_ELLIPSIS = "…"
FONT_VARIABLE = "ANTHOLOGY_CARD_FONT"
# where systems keep DejaVu Sans (Debian/Ubuntu, Fedora/Arch, Homebrew, macOS user fonts)
_FONT_PLACES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/opt/homebrew/share/fonts/DejaVuSans.ttf",
    "~/Library/Fonts/DejaVuSans.ttf",
)

Color = tuple[int, int, int]
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class TextLine:
    """One line of text on the card; (x, y) is the left end of its ascender line."""

    text: str
    x: int
    y: int
    size: int
    fill: Color
    bold: int = 0  # pixels added on each side of every stroke (`_embolden`)

    @property
    def bbox(self) -> Box:
        """The pixels the line covers: (left, top, right, bottom)."""
        left, top, right, bottom = _font(self.size).getbbox(self.text, anchor="la")
        grow = self.bold
        return (
            self.x + left - grow,
            self.y + top - grow,
            self.x + right + grow,
            self.y + bottom + grow,
        )


def card_key(
    title: str, tools: Sequence[str], category: str | None, course: str, semester_label: str
) -> str:
    """The cache key of a card: its text, the drawing version, Pillow's version and the
    font file (a card drawn where DejaVu was missing is drawn again where it is found)."""
    text = json.dumps([title, list(tools), category, course, semester_label])
    return digest("card", CARD_VERSION, PIL.__version__, _font_id(), text)


def card_layout(
    title: str, tools: Sequence[str], category: str | None, course: str, semester_label: str
) -> list[TextLine]:
    """Every line of text on the card, wrapped and shrunk to stay inside the margins."""
    width = WIDTH - 2 * _MARGIN
    lines: list[TextLine] = []
    if category:
        lines.append(TextLine(_fit(category, 30, width), _MARGIN, 64, 30, _ACCENT))
    size, title_lines = _title_lines(title, width - 2 * _TITLE_BOLD)
    step = round(size * _LINE_HEIGHT)
    top = _TITLE_TOP + (_TITLE_BOTTOM - _TITLE_TOP - step * len(title_lines)) // 2
    for index, text in enumerate(title_lines):
        y = top + index * step
        lines.append(TextLine(text, _MARGIN + _TITLE_BOLD, y, size, _TEXT, bold=_TITLE_BOLD))
    if tools:
        lines.append(TextLine(_fit(" · ".join(tools), 34, width), _MARGIN, 514, 34, _TEXT))
    footer = " · ".join(part for part in (course, semester_label) if part)
    if footer:
        lines.append(TextLine(_fit(footer, 26, width), _MARGIN, 566, 26, _MUTED))
    return lines


def draw_card(
    title: str, tools: Sequence[str], category: str | None, course: str, semester_label: str
) -> Image.Image:
    """The card as a WIDTH × HEIGHT image in its own palette of 14 colours (mode "P").

    Drawn straight into palette indices: each line's anti-aliased text is rendered once
    as a coverage mask (Pillow's FreeType text drawing on a greyscale canvas), and each
    coverage value is mapped to the palette entry that the same shade, blended in RGB
    and then matched to the nearest palette colour, would get (`_shades`). The pixels are
    those of drawing the card in RGB and quantizing it to the palette, without the
    2.3 MB RGB image, the blending and the nearest-colour search per pixel.
    """
    lines = card_layout(title, tools, category, course, semester_label)
    # The category and footer lines are the same on many cards: drawn once with the frame.
    frame = tuple(line for line in lines if line.fill in _FRAME_INKS)
    image = _frame(frame).copy()
    _draw_lines(image, [line for line in lines if line not in frame])
    image.putpalette(_PALETTE)  # the indices become a paletted image, without a copy
    return image


_FRAME_INKS = (_ACCENT, _MUTED)


def _palette_colours() -> list[Color]:
    """The card's colours and the anti-aliasing shades between the background and each."""
    colours: list[Color] = [_BACKGROUND, _RULE]
    for ink in (_TEXT, _MUTED, _ACCENT):
        colours += [
            (
                round(_BACKGROUND[0] + (ink[0] - _BACKGROUND[0]) * step / 4),
                round(_BACKGROUND[1] + (ink[1] - _BACKGROUND[1]) * step / 4),
                round(_BACKGROUND[2] + (ink[2] - _BACKGROUND[2]) * step / 4),
            )
            for step in (1, 2, 3, 4)
        ]
    return colours


_COLOURS = _palette_colours()
_PALETTE = [channel for colour in _COLOURS for channel in colour]


@lru_cache(maxsize=1)
def _palette() -> Image.Image:
    palette = Image.new("P", (1, 1))
    palette.putpalette(_PALETTE)
    return palette


@lru_cache(maxsize=8)
def _shades(ink: Color) -> list[int]:
    """For each text coverage 0–255, the palette index of `ink` drawn at that coverage
    over the background.

    Found by Pillow itself: a 256-pixel strip of background gets the ink through a mask
    of every coverage value (the blend text drawing uses), then is mapped to the nearest
    palette colours as `Image.quantize` maps any RGB image.
    """
    strip = Image.new("RGB", (256, 1), _BACKGROUND)
    strip.paste(ink, (0, 0, 256, 1), Image.frombytes("L", (256, 1), bytes(range(256))))
    return list(strip.quantize(palette=_palette(), dither=Image.Dither.NONE).tobytes())


_COVERED = [0] + [255] * 255  # a mask of the pixels a line's text touches at all


@lru_cache(maxsize=64)
def _frame(lines: tuple[TextLine, ...]) -> Image.Image:
    """Background, accent bar, rule, and `lines`, as palette indices (mode "L")."""
    image = Image.new("L", (WIDTH, HEIGHT), _COLOURS.index(_BACKGROUND))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 15, HEIGHT), fill=_COLOURS.index(_ACCENT))
    draw.rectangle((_MARGIN, 490, WIDTH - _MARGIN, 491), fill=_COLOURS.index(_RULE))
    _draw_lines(image, list(lines))
    return image


def _draw_lines(image: Image.Image, lines: list[TextLine]) -> None:
    """Paint `lines` into `image` (palette indices). Lines never overlap (`card_layout`),
    so each pixel is the background or one line's ink at its coverage."""
    for ink in dict.fromkeys(line.fill for line in lines):
        coverage = Image.new("L", image.size)
        draw = ImageDraw.Draw(coverage)
        inked = [line for line in lines if line.fill == ink]
        # Bold lines first, thickened together (only what they cover, with room for the
        # thicker strokes), then the others over them, never thickened.
        for bold in sorted({line.bold for line in inked if line.bold}):
            for line in inked:
                if line.bold == bold:
                    draw.text(
                        (line.x, line.y), line.text, font=_font(line.size), fill=255, anchor="la"
                    )
            drawn = coverage.getbbox()
            if drawn is None:
                continue
            left, top, right, bottom = drawn
            region = (left - bold, top - bold, right + bold, bottom + bold)
            thick = coverage.crop(region)
            for _ in range(bold):
                thick = _embolden(thick)
            coverage.paste(thick, region)
        for line in inked:
            if not line.bold:
                draw.text((line.x, line.y), line.text, font=_font(line.size), fill=255, anchor="la")
        box = coverage.getbbox()
        if box is None:
            continue
        covered = coverage.crop(box)
        image.paste(covered.point(_shades(ink)), box, covered.point(_COVERED))


def _embolden(mask: Image.Image) -> Image.Image:
    """`mask` with every stroke a pixel thicker on each side: each pixel takes the highest
    coverage around it (3 × 3), a faux bold for a font that has no bold face.

    The same pixels as `mask.filter(ImageFilter.MaxFilter(3))`, as four maxima of shifted
    copies (`ImageChops.lighter`): a tenth of the rank filter's time. FreeType's own
    stroke (`stroke_width=1`) looks the same but took a third of a card's drawing time.
    """
    width, height = mask.size
    lighter = ImageChops.lighter
    wide = lighter(
        lighter(mask, mask.crop((1, 0, width + 1, height))), mask.crop((-1, 0, width - 1, height))
    )
    return lighter(
        lighter(wide, wide.crop((0, 1, width, height + 1))), wide.crop((0, -1, width, height - 1))
    )


def card_png(image: Image.Image) -> bytes:
    """The card (from `draw_card`) as a small PNG (about 15 KB), 4 bits per pixel.

    Pillow's chunk writer and zlib, but not Pillow's PNG encoder, which tries five
    filters on every row of a 4-bit image: 2.3 ms a card. A card is mostly rows equal
    to the row above, so every row gets PNG's "up" filter (the difference from the row
    above: zero but where the text changes), done on the packed rows by ImageChops, then
    zlib's run-length strategy: 1.6 ms, and the same size as Pillow's choice.
    """
    if image.mode != "P":
        image = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    colours = len(image.getpalette() or []) // 3
    if not 1 < colours <= 16:
        raise ValueError(f"a card has 2 to 16 colours, not {colours}")
    width, height = image.size
    # Two more pixels on the left make room for each row's filter-type byte.
    wide = Image.new("P", (width + 2, height), 0)
    wide.paste(image, (2, 0))
    rows = Image.frombytes("L", ((width + 3) // 2, height), wide.tobytes("raw", "P;4"))
    above = rows.crop((0, -1, rows.width, height - 1))  # the first row's is all zeros
    filtered = ImageChops.subtract_modulo(rows, above)
    filtered.paste(_UP, (0, 0, 1, height))
    deflate = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_RLE)
    data = deflate.compress(filtered.tobytes()) + deflate.flush()
    buffer = io.BytesIO()
    buffer.write(b"\x89PNG\r\n\x1a\n")
    # width, height, 4 bits per pixel, colour type 3 (palette), deflate, filter method 0
    # (the per-row filter byte), not interlaced
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes((4, 3, 0, 0, 0))
    putchunk(buffer, b"IHDR", header)
    putchunk(buffer, b"PLTE", bytes(image.getpalette() or []))
    putchunk(buffer, b"IDAT", data)
    putchunk(buffer, b"IEND", b"")
    return buffer.getvalue()


_UP = 2  # PNG's filter type "up"


def reuse_image_memory(blocks: int = 32, block_size: int = 256 * 1024) -> None:
    """Keep up to `blocks` freed image blocks of `block_size` bytes for reuse in this
    process.

    Pillow hands every freed image block back to the operating system unless told
    otherwise (its PILLOW_BLOCKS_MAX setting, 0 by default, read when Pillow is imported),
    and gives an image smaller than its block size (16 MB) one block of exactly its size.
    A process drawing card after card allocates and frees the same dozen images of a few
    sizes (1200×630 and 1202×630 pixels, 601×630 bytes of packed rows, the text's region)
    each time: with Pillow's defaults 800 to 1,300 fresh pages from the kernel per card;
    with freed blocks kept but of every size, resized from one image to the next, about
    550; with kept blocks of one size (an image takes several) about 5, and a card costs
    a sixth less CPU than with either.
    For processes that only draw cards (a forked worker has imported Pillow already, so
    the environment variables would come too late).
    """
    Image.core.set_block_size(block_size)
    Image.core.set_blocks_max(blocks)


@lru_cache(maxsize=1)
def font_file() -> Path | None:
    """The card's font: the file `ANTHOLOGY_CARD_FONT` names, else DejaVu Sans where the
    system keeps it, else None (Pillow's built-in font, ASCII only)."""
    named = os.environ.get(FONT_VARIABLE)
    places = [named] if named else list(_FONT_PLACES)
    for place in places:
        path = Path(place).expanduser()
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=1)
def _font_id() -> str:
    path = font_file()
    return f"{path.name}:{path.stat().st_size}" if path else "pillow-default"


@lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont:
    path = font_file()
    font = ImageFont.truetype(str(path), size) if path else ImageFont.load_default(size=size)
    if not isinstance(font, ImageFont.FreeTypeFont):
        raise RuntimeError("social cards need Pillow built with FreeType (pip install pillow)")
    return font


def _title_lines(title: str, width: int) -> tuple[int, list[str]]:
    """The largest size at which the title fits; at the smallest, cut with an ellipsis."""
    title = " ".join(title.split()) or "Untitled"
    lines: list[str] = []
    size = _TITLE_SIZES[0]
    for size in _TITLE_SIZES:
        fitting = (_TITLE_BOTTOM - _TITLE_TOP) // round(size * _LINE_HEIGHT)
        lines = _wrap(title, _font(size), width)
        if len(lines) <= fitting:
            return size, lines
    kept = lines[:fitting]
    kept[-1] = _fit(kept[-1] + _ELLIPSIS, size, width)
    return size, kept


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in _pieces(word, font, width):
            candidate = f"{current} {piece}" if current else piece
            if font.getlength(candidate) <= width:
                current = candidate
            else:
                if current:
                    lines.append(current)
                current = piece
    if current:
        lines.append(current)
    return lines


def _pieces(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """A word wider than a line, broken into pieces that fit (a word that fits whole is
    one piece: measured once, not once per letter)."""
    if font.getlength(word) <= width:
        return [word]
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and font.getlength(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def _fit(text: str, size: int, width: int) -> str:
    """`text`, cut and ended with an ellipsis if it is wider than `width`."""
    font = _font(size)
    if font.getlength(text) <= width:
        return text
    text = text.removesuffix(_ELLIPSIS)
    while text and font.getlength(text.rstrip() + _ELLIPSIS) > width:
        text = text[:-1]
    return text.rstrip() + _ELLIPSIS
