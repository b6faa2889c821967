"""Share images: the 1200×630 PNG a link preview shows, drawn from the data at build time.

One for the site (its title and summary) and one per chosen quote (its words, speaker, role that day, date and
outlets). Drawn with Pillow and the DejaVu fonts shipped in ``generator/assets/fonts`` (never a system font
path), so the same data gives the same PNG bytes on any machine with the pinned Pillow. Text is wrapped here,
between words, and shortened with an ellipsis where even the smallest size does not fit.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib.resources import as_file, files

from PIL import Image, ImageDraw, ImageFont

from generator.dataset import Statement
from generator.quote_translations import translation_note
from generator.render.context import Context
from generator.sitemap import SHARE_IMAGE_SIZE

WIDTH, HEIGHT = SHARE_IMAGE_SIZE
MARGIN = 72
TEXT_WIDTH = WIDTH - 2 * MARGIN
Colour = tuple[int, int, int]
PAPER = (255, 255, 255)
INK = (33, 33, 33)
MUTED = (84, 84, 84)  # 7.4:1 on white
ACCENT = (48, 63, 159)  # Material's indigo 700, the site's primary colour
BAR = 16  # the accent bar along the left edge
SERIF = "DejaVuSerif.ttf"
SANS_BOLD = "DejaVuSans-Bold.ttf"
ELLIPSIS = "…"


@functools.cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    # Cached per process: loading a face is most of the cost of a small image.
    with as_file(files("generator").joinpath(f"assets/fonts/{name}")) as path:
        return ImageFont.truetype(str(path), size)


def fitted_lines(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str] | None:
    """``text`` in lines no wider than ``width``, broken between words; None if it needs more lines.

    A word wider than the line on its own is cut, character by character.
    """
    lines: list[str] = []
    line = ""
    for word in " ".join(text.split()).split(" "):
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while font.getlength(line) > width:
            cut = next(
                end for end in range(len(line), 0, -1) if font.getlength(line[:end]) <= width or end == 1
            )
            lines.append(line[:cut])
            line = line[cut:]
        if len(lines) > max_lines:
            return None
    if line:
        lines.append(line)
    return lines if len(lines) <= max_lines else None


def shortened_to_fit(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped into at most ``max_lines`` lines, whole words dropped from its end for an ellipsis."""
    words = text.split()
    for keep in range(len(words), 0, -1):
        candidate = " ".join(words[:keep]) + ("" if keep == len(words) else ELLIPSIS)
        lines = fitted_lines(candidate, font, width, max_lines)
        if lines is not None:
            return lines
    return fitted_lines(ELLIPSIS, font, width, max_lines) or [ELLIPSIS]


@dataclass(frozen=True)
class Block:
    """Lines of text in one font and colour, and the space left above them."""

    lines: Sequence[str]
    font: ImageFont.FreeTypeFont
    colour: Colour
    space_before: int = 0

    @property
    def line_height(self) -> int:
        return round(self.font.size * 1.3)

    @property
    def height(self) -> int:
        return self.space_before + self.line_height * len(self.lines)


def _fitted(text: str, font_name: str, sizes: Sequence[int], max_lines: int, height: int) -> Block:
    """``text`` wrapped at the largest size whose lines fit ``height``; at the smallest size, shortened."""
    for size in sizes:
        font = _font(font_name, size)
        lines = fitted_lines(text, font, TEXT_WIDTH, max_lines)
        if lines is not None and round(size * 1.3) * len(lines) <= height:
            return Block(lines, font, INK)
    font = _font(font_name, sizes[-1])
    return Block(shortened_to_fit(text, font, TEXT_WIDTH, max_lines), font, INK)


def _line(text: str, font: ImageFont.FreeTypeFont, colour: Colour, space_before: int = 0) -> Block:
    """``text`` on one line, shortened with an ellipsis where it does not fit."""
    return Block(shortened_to_fit(text, font, TEXT_WIDTH, 1), font, colour, space_before)


def picture(top: Sequence[Block], bottom: Sequence[Block]) -> bytes:
    """A PNG: ``top`` from the top margin down, ``bottom`` ending at the bottom margin, an accent bar at left."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, BAR - 1, HEIGHT - 1), fill=ACCENT)
    y = MARGIN - 8
    for block in top:
        y = _draw(draw, block, y)
    y = HEIGHT - MARGIN - sum(block.height for block in bottom)
    for block in bottom:
        y = _draw(draw, block, y)
    out = io.BytesIO()
    # No metadata, no timestamps: the bytes depend on the pixels alone.
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def _draw(draw: ImageDraw.ImageDraw, block: Block, y: int) -> int:
    y += block.space_before
    for line in block.lines:
        draw.text((MARGIN, y), line, font=block.font, fill=block.colour)
        y += block.line_height
    return y


QUOTE_SIZES = (72, 64, 56, 50, 44, 38, 34)  # a short quote fills the picture, a long one fits
QUOTE_AREA = 330  # from below the site's name to above the speaker and date


def quote_image(ctx: Context, statement: Statement) -> bytes:
    """A quote's share image: the site's name, the words in quotation marks, who said them in which role,
    when, and the outlets that printed them."""
    data, quote = ctx.data, statement.quote
    person = data.person_by_id[quote.speaker]
    role = person.role_on(statement.date)
    outlets = list(dict.fromkeys(data.source_by_id[citation.source].outlet for citation in quote.citations))
    words = f"“{quote.text}”"
    small = _font(SANS_BOLD, 26)
    # A translation says so right under the words, in the space of one small line taken from theirs.
    note = translation_note(data, quote, ctx.words)
    noted = [_line(note, small, MUTED, space_before=8)] if note else []
    area = QUOTE_AREA - sum(block.height for block in noted)
    speaker = f"{person.name}, {role.title}" if role else person.name
    return picture(
        [
            _line(data.settings.title, small, ACCENT),
            replace(_fitted(words, SERIF, QUOTE_SIZES, 6, area), space_before=28),
            *noted,
        ],
        [
            _line(f"— {speaker}", _font(SANS_BOLD, 30), INK),
            _line(f"{ctx.date(statement.date)} · {', '.join(outlets)}", small, MUTED, space_before=6),
        ],
    )


TITLE_SIZES = (64, 56, 48, 42)


def site_image(ctx: Context) -> bytes:
    """The site's share image: its title and summary, and how many quotes from how many people it sets out."""
    data, settings = ctx.data, ctx.data.settings
    title = replace(_fitted(settings.title, SANS_BOLD, TITLE_SIZES, 3, 260), colour=ACCENT)
    summary_font = _font(SERIF, 30)
    summary_lines = max(1, (HEIGHT - 2 * MARGIN - title.height - 110) // round(30 * 1.3))
    summary = Block(
        shortened_to_fit(settings.summary, summary_font, TEXT_WIDTH, summary_lines), summary_font, INK, 28
    )
    speakers = len({statement.quote.speaker for statement in data.statements})
    quotes = len(data.statements)
    facts = ctx.nt(
        "{count} quote from {speakers}",
        "{count} quotes from {speakers}",
        quotes,
        speakers=ctx.nt("{count} speaker", "{count} speakers", speakers),
    )
    small = _font(SANS_BOLD, 26)
    return picture([title, summary], [Block([facts], small, MUTED)])
