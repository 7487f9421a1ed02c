"""What every chart shares: the grayscale palette and the per-role styles, text and its
width, round axis ticks, the legend and its swatches."""

from __future__ import annotations

import math
from typing import Any, Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from effectencalculator.report.figures import delta as signed_euro  # noqa: F401 - a change
from effectencalculator.report.fonts import SANS, SANS_BOLD
from effectencalculator.report.format import format_euro
from effectencalculator.report.pdf_text import shorten_to_width

BLACK = colors.Color(0, 0, 0)
TEXT = colors.Color(0.1, 0.1, 0.1)
MUTED = colors.Color(0.38, 0.38, 0.38)
GRID = colors.Color(0.85, 0.85, 0.85)
BAND = colors.Color(0.94, 0.94, 0.94)
WHITE = colors.Color(1, 1, 1)

#: Per scenario role: (fill, stroke, line dash) — different in shade and in pattern.
ROLE_STYLE = {
    "intervention": (colors.Color(0.22, 0.22, 0.22), BLACK, None),
    "reference": (colors.Color(0.72, 0.72, 0.72), BLACK, (4, 2)),
    "variant": (WHITE, BLACK, (1, 1.6)),
}
FONT_SIZE = 7.5


def new_drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is ours (else reportlab adds an unembedded
    Helvetica to the PDF)."""
    d = Drawing(width, height)
    d.initialFontName, d.initialFontSize = SANS, FONT_SIZE
    return d


def role_style(role: str) -> tuple:
    return ROLE_STYLE.get(role, ROLE_STYLE["variant"])


def text_at(x: float, y: float, text: str, size: float = FONT_SIZE, anchor: str = "start",
          bold: bool = False, color=TEXT) -> String:
    return String(x, y, text, fontName=SANS_BOLD if bold else SANS, fontSize=size,
                  fillColor=color, textAnchor=anchor)


def text_width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    return stringWidth(text, SANS_BOLD if bold else SANS, size)


def fit_text(text: str, width: float, size: float, bold: bool = False) -> str:
    """Shorten ``text`` with … so that it fits ``width``.

    A column sized as ``widest + 8`` and filled with ``fit_text(text, column - 8)`` must keep
    the widest text whole, but ``x + 8 - 8`` need not be ``x`` in floating point: hence
    the hundredth of a point of slack (every "GEN-0001" in a chart once became "GEN-00…").
    """
    if text_width(text, size, bold) <= width + 0.01:
        return text
    # One pass over the characters (a 20 000-character label took minutes when shortened
    # one character per measure).
    return shorten_to_width(text, SANS_BOLD if bold else SANS, size, width)


def nice_ticks(low: float, high: float, count: int = 5, *, include_zero: bool = True
               ) -> list[float]:
    """Round axis values (1, 2, 2,5 or 5 × 10^n steps) covering ``low``..``high`` (and
    zero, unless ``include_zero`` is false)."""
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if high - low <= 0:
        return [0.0, 1.0] if high == 0 else [low - abs(low) * 0.1, high + abs(high) * 0.1]
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def draw_legend(drawing: Drawing, x: float, y: float, entries: Sequence[tuple[str, Any]],
            max_width: float) -> None:
    """Entries (label, swatch factory(x, y) -> shapes) in one line, wrapping if needed."""
    cx, cy = x, y
    for label, swatch in entries:
        label = fit_text(label, max_width - 28, FONT_SIZE)  # a typed label fits one line
        w = 16 + text_width(label) + 12
        if cx > x and cx + w > x + max_width:
            cx, cy = x, cy - 11
        for shape in swatch(cx, cy):
            drawing.add(shape)
        drawing.add(text_at(cx + 16, cy, label))
        cx += w


def bar_swatch(role: str):
    fill, stroke, _ = role_style(role)
    return lambda x, y: [Rect(x, y - 1, 12, 7, fillColor=fill, strokeColor=stroke,
                              strokeWidth=0.5)]


def line_swatch(role: str):
    _, _, dash = role_style(role)
    return lambda x, y: [Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=BLACK,
                              strokeWidth=1.4, strokeDashArray=dash)]


def axis_ticks(low: float, high: float, axis_width: float, size: float = 6.5, *,
               include_zero: bool = True) -> list[float]:
    """Round ticks (:func:`nice_ticks`) whose euro labels do not run into each other on
    an axis ``axis_width`` wide: fewer ticks when the amounts are long."""
    for count in (5, 4, 3, 2):
        ticks = nice_ticks(low, high, count, include_zero=include_zero)
        widest = max(text_width(format_euro(t), size) for t in ticks)
        if axis_width / max(len(ticks) - 1, 1) >= widest + 8:
            return ticks
    return ticks
