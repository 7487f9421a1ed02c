"""The portfolio chart: the net result per case with its P10–P90 interval, split
over pages on one scale when there are many cases."""

from __future__ import annotations

from typing import Sequence

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
    text_at,
    text_width,
)
from effectencalculator.report.content import NetBar, PortfolioNetSeries
from effectencalculator.report.fonts import register_fonts
from effectencalculator.report.format import format_euro

NET_ROW_H = 13.0
MEDIUM = colors.Color(0.55, 0.55, 0.55)
PALE = colors.Color(0.9, 0.9, 0.9)


def portfolio_net_chart(series: PortfolioNetSeries, width: float,
                        height: float | None = None, *, bars: Sequence[NetBar] | None = None,
                        value_range: tuple[float, float] | None = None, legend: bool = True,
                        axis_label: str = "Netto maatschappelijk resultaat in euro"
                        ) -> Drawing:
    """Net result per case as horizontal bars from zero, with the P10–P90 interval as a
    whisker; a case whose interval contains zero is drawn light and marked "onzeker".

    ``bars`` and ``value_range`` draw a part of a long portfolio on the common scale
    (:func:`portfolio_net_parts`); by default everything is drawn.
    """
    register_fonts()
    rows = list(series.bars if bars is None else bars)
    if height is None:
        height = portfolio_net_chart_height(len(rows), legend)
    d = new_drawing(width, height)
    if not rows:
        d.add(text_at(width / 2, height / 2, "Geen berekende casussen", anchor="middle",
                    color=MUTED))
        return d
    size = 6.5
    legend_h = 18.0 if legend else 4.0
    axis_h = 28.0
    lo_v, hi_v = value_range or _net_range(series.bars)
    label_w = min(max(text_width(b.label, size) for b in series.bars) + 8, width * 0.25)
    value_w = max(text_width(format_euro(b.value) + "  onzeker", size) for b in series.bars) + 8
    x0, x1 = label_w, width - value_w
    ticks = axis_ticks(lo_v, hi_v, x1 - x0, size)
    lo, hi = ticks[0], ticks[-1]
    y_top, y_bottom = height - legend_h - 4, axis_h

    def x_of(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)

    for t in ticks:
        x = x_of(t)
        d.add(Line(x, y_bottom, x, y_top, strokeColor=GRID, strokeWidth=0.5))
        d.add(text_at(x, y_bottom - 10, format_euro(t), size, "middle", color=MUTED))
    d.add(text_at((x0 + x1) / 2, 2, axis_label, 7, "middle", color=MUTED))
    bar_h = NET_ROW_H * 0.6
    for n, bar in enumerate(rows):
        mid = y_top - (n + 0.5) * NET_ROW_H
        d.add(text_at(x0 - 6, mid - 2.3, fit_text(bar.label, label_w - 8, size), size, "end"))
        left, right = sorted((x_of(0.0), x_of(bar.value)))
        fill = PALE if bar.uncertain else MEDIUM  # the black whisker stays visible on both
        d.add(Rect(left, mid - bar_h / 2, max(right - left, 0.01), bar_h, fillColor=fill,
                   strokeColor=BLACK, strokeWidth=0.5,
                   strokeDashArray=(2, 1.2) if bar.uncertain else None))
        if bar.p10 is not None and bar.p90 is not None:
            a, b = x_of(bar.p10), x_of(bar.p90)
            d.add(Line(a, mid, b, mid, strokeColor=BLACK, strokeWidth=0.8))
            for x in (a, b):
                d.add(Line(x, mid - 3, x, mid + 3, strokeColor=BLACK, strokeWidth=0.8))
        d.add(text_at(x1 + 6, mid - 2.3, format_euro(bar.value), size))
        if bar.uncertain:
            d.add(text_at(x1 + 8 + text_width(format_euro(bar.value), size), mid - 2.3, "onzeker",
                        size, bold=True))
    d.add(Line(x_of(0.0), y_bottom, x_of(0.0), y_top, strokeColor=BLACK, strokeWidth=0.7))
    d.add(Line(x0, y_bottom, x1, y_bottom, strokeColor=BLACK, strokeWidth=0.7))
    if legend:
        def whisker(x, y):
            return [Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=BLACK, strokeWidth=0.8),
                    Line(x, y - 0.5, x, y + 5.5, strokeColor=BLACK, strokeWidth=0.8),
                    Line(x + 12, y - 0.5, x + 12, y + 5.5, strokeColor=BLACK,
                         strokeWidth=0.8)]

        def swatch(fill, dash):
            return lambda x, y: [Rect(x, y - 1, 12, 7, fillColor=fill, strokeColor=BLACK,
                                      strokeWidth=0.5, strokeDashArray=dash)]

        draw_legend(d, x0, height - 10,
                [("netto resultaat (puntschatting)", swatch(MEDIUM, None)),
                 ("onzeker: P10–P90 bevat nul", swatch(PALE, (2, 1.2))),
                 ("bandbreedte P10–P90", whisker)], width - x0)
    return d


def _net_range(bars: Sequence[NetBar]) -> tuple[float, float]:
    values = [0.0]
    for b in bars:
        values += [b.value] + [v for v in (b.p10, b.p90) if v is not None]
    return min(values), max(values)


def portfolio_net_chart_height(rows: int, legend: bool = True) -> float:
    return (18.0 if legend else 4.0) + 4 + 28 + max(rows, 1) * NET_ROW_H


def portfolio_net_parts(series: PortfolioNetSeries, width: float, max_height: float
                        ) -> list[Drawing]:
    """The chart split into drawings no taller than ``max_height``, all on one scale;
    the legend is drawn on the first part."""
    per_part = max(1, int((max_height - 18 - 4 - 28) // NET_ROW_H))
    bars = list(series.bars)
    chunks = [bars[i:i + per_part] for i in range(0, len(bars), per_part)] or [[]]
    value_range = _net_range(bars)
    return [portfolio_net_chart(series, width, bars=chunk, value_range=value_range,
                                legend=(i == 0)) for i, chunk in enumerate(chunks)]
