"""The tornado chart of the sensitivity analysis: per line the range of the net
result around its point estimate."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib import colors

from effectencalculator.report.charts.base import (
    BLACK,
    GRID,
    MUTED,
    axis_ticks,
    draw_legend,
    fit_text,
    new_drawing,
    signed_euro,
    text_at,
    text_width,
)
from effectencalculator.report.content import ReportContent, TornadoSeries
from effectencalculator.report.fonts import register_fonts
from effectencalculator.report.format import format_euro

TORNADO_ROW_H = 14.0
#: the closest rows may be, where the chart is fitted into the rest of a page
TORNADO_MIN_ROW_H = 10.5
#: the room between the last row and the axis
_ROWS_GAP = 4.0
DARK = colors.Color(0.3, 0.3, 0.3)
LIGHT_FILL = colors.Color(0.82, 0.82, 0.82)


def tornado_chart(content_or_series: ReportContent | TornadoSeries, width: float,
                  height: float | None = None, *,
                  axis_label: str = "Netto maatschappelijk resultaat in euro") -> Drawing:
    """The sensitivity tornado: per line (largest spread on top) a bar from the lowest to
    the highest net result that changing that one line gives, split at the deterministic
    net result (vertical line): dark where the result drops, light where it rises. The
    changes are written at the bar ends; a dotted line marks zero. ``height`` None: as
    tall as the rows need; a given height sets the rows' pitch (at least
    :func:`tornado_min_height`, so that the labels stay apart)."""
    register_fonts()
    series = content_or_series.tornado_series \
        if isinstance(content_or_series, ReportContent) else content_or_series
    bars = list(series.bars) if series is not None else []
    if height is None:
        height = tornado_chart_height(series)
    d = new_drawing(width, height)
    if series is None or not bars:
        d.add(text_at(width / 2, height / 2, "Geen regel verandert het netto resultaat",
                    anchor="middle", color=MUTED))
        return d
    base = series.base
    size = 6.5
    legend_h, top_h, axis_h = 18.0, 12.0, 28.0
    # Labels: "1. item name" and, in a muted column of its own, the scenario.
    tag_w = max(text_width(bar.scenario, size) for bar in bars)
    names = [f"{n}. {bar.label}" for n, bar in enumerate(bars, 1)]
    label_w = min(max(text_width(t, size) for t in names) + tag_w + 14, width * 0.4)
    value_w = max(text_width(signed_euro(v), size) for bar in bars for v in (bar.low, bar.high))
    value_w += 6
    x0, x1 = label_w + value_w, width - value_w
    y_top, y_bottom = height - legend_h - top_h, axis_h
    low = min(base + min(b.low for b in bars), base)
    high = max(base + max(b.high for b in bars), base)
    # Zero is on the axis when it is near the bars (does a change flip the sign?); far
    # away it would squeeze every bar into a sliver.
    near = low - (high - low) * 0.5 <= 0 <= high + (high - low) * 0.5
    ticks = axis_ticks(low, high, x1 - x0, size, include_zero=near)
    lo, hi = ticks[0], ticks[-1]

    def x_of(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)

    for t in ticks:
        x = x_of(t)
        d.add(Line(x, y_bottom, x, y_top, strokeColor=GRID, strokeWidth=0.5))
        d.add(text_at(x, y_bottom - 10, format_euro(t), size, "middle", color=MUTED))
    d.add(Line(x0, y_bottom, x1, y_bottom, strokeColor=BLACK, strokeWidth=0.7))
    d.add(text_at((x0 + x1) / 2, 2, axis_label, 7, "middle", color=MUTED))
    zero_line = lo <= 0 <= hi and abs(x_of(0) - x_of(base)) > 1
    if zero_line:
        d.add(Line(x_of(0), y_bottom, x_of(0), y_top, strokeColor=BLACK, strokeWidth=0.6,
                   strokeDashArray=(1, 1.6)))
    row_h = (y_top - y_bottom - _ROWS_GAP) / len(bars)
    bar_h = row_h * 0.64
    xb = x_of(base)
    for n, (bar, name) in enumerate(zip(bars, names)):
        mid = y_top - (n + 0.5) * row_h
        d.add(text_at(0, mid - 2.3, fit_text(name, label_w - tag_w - 14, size), size))
        d.add(text_at(label_w - 6, mid - 2.3, bar.scenario, size, "end", color=MUTED))
        left, right = x_of(base + bar.low), x_of(base + bar.high)
        if bar.low < 0:
            d.add(Rect(left, mid - bar_h / 2, xb - left, bar_h, fillColor=DARK,
                       strokeColor=BLACK, strokeWidth=0.5))
            d.add(text_at(left - 3, mid - 2.3, signed_euro(bar.low), size, "end"))
        if bar.high > 0:
            d.add(Rect(xb, mid - bar_h / 2, right - xb, bar_h, fillColor=LIGHT_FILL,
                       strokeColor=BLACK, strokeWidth=0.5))
            d.add(text_at(right + 3, mid - 2.3, signed_euro(bar.high), size))
    d.add(Line(xb, y_bottom, xb, y_top + 3, strokeColor=BLACK, strokeWidth=1.1))
    d.add(text_at(xb, y_top + 4, f"puntschatting {format_euro(base)}", size, "middle",
                bold=True))

    def line_swatch(dash):
        return lambda x, y: [Line(x + 6, y - 1, x + 6, y + 7, strokeColor=BLACK,
                                  strokeWidth=1.1 if dash is None else 0.6,
                                  strokeDashArray=dash)]

    def bar_swatch(fill):
        return lambda x, y: [Rect(x, y - 1, 12, 7, fillColor=fill, strokeColor=BLACK,
                                  strokeWidth=0.5)]

    entries = [("netto resultaat lager", bar_swatch(DARK)),
               ("netto resultaat hoger", bar_swatch(LIGHT_FILL)),
               ("puntschatting", line_swatch(None))]
    if zero_line:
        entries.append(("nul", line_swatch((1, 1.6))))
    draw_legend(d, 0, height - 10, entries, width)
    return d


def tornado_chart_height(series: TornadoSeries | None,
                         row_h: float = TORNADO_ROW_H) -> float:
    """The height at which each row has ``row_h`` points (legend, top label, axis)."""
    rows = len(series.bars) if series is not None else 0
    return 18 + 12 + 28 + max(rows, 1) * row_h + _ROWS_GAP


def tornado_min_height(series: TornadoSeries | None) -> float:
    """The least height that keeps the 6,5-point labels of two rows apart."""
    return tornado_chart_height(series, TORNADO_MIN_ROW_H)
