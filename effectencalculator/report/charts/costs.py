"""The cost charts of the case report and the window: cost per payer and scenario
(horizontal bars) and cumulative cost over time."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing, Group, Line, PolyLine, Rect

from effectencalculator.report.charts.base import (
    BLACK,
    FONT_SIZE,
    GRID,
    MUTED,
    bar_swatch,
    draw_legend,
    fit_text,
    line_swatch,
    new_drawing,
    nice_ticks,
    role_style,
    text_at,
    text_width,
)
from effectencalculator.report.content import CumulativeSeries, PayerSeries, ReportContent
from effectencalculator.report.fonts import register_fonts
from effectencalculator.report.format import format_euro, format_month


def payer_bar_chart(content_or_series: ReportContent | PayerSeries, width: float,
                    height: float | None = None, *, axis_label: str = "Kosten in euro"
                    ) -> Drawing:
    """Horizontal grouped bars: per payer one bar per scenario, with the amount at the
    end of each bar. ``height`` None: as tall as the bars need."""
    register_fonts()
    series = content_or_series.payer_series if isinstance(content_or_series, ReportContent) \
        else content_or_series
    n_payers, n_series = len(series.payers), len(series.series)
    if height is None:
        height = payer_chart_height(series)
    d = new_drawing(width, height)
    if not n_payers or not n_series:
        d.add(text_at(width / 2, height / 2, "Geen geprijsde kosten", anchor="middle",
                    color=MUTED))
        return d
    legend_h, axis_h = 18.0, 28.0
    label_w = min(max(text_width(p) for p in series.payers) + 8, width * 0.3)
    all_values = [v for row in series.values for v in row]
    ticks = nice_ticks(min(all_values), max(all_values), 5)
    value_w = max(text_width(format_euro(v)) for v in all_values) + 6
    x0, x1 = label_w, width - value_w
    y_top, y_bottom = height - legend_h - 4, axis_h
    lo, hi = ticks[0], ticks[-1]

    def x_of(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)

    for t in ticks:
        x = x_of(t)
        d.add(Line(x, y_bottom, x, y_top, strokeColor=GRID, strokeWidth=0.5))
        d.add(text_at(x, y_bottom - 10, format_euro(t), 6.5, "middle", color=MUTED))
    d.add(text_at((x0 + x1) / 2, 2, axis_label, 7, "middle", color=MUTED))
    group_h = (y_top - y_bottom) / n_payers
    bar_h = min(11.0, group_h * 0.75 / n_series)
    for p_index, payer in enumerate(series.payers):
        g_top = y_top - p_index * group_h
        g_mid = g_top - group_h / 2
        d.add(text_at(x0 - 6, g_mid - 2.5, fit_text(payer, label_w - 8, FONT_SIZE), anchor="end"))
        block = bar_h * n_series
        for s_index, info in enumerate(series.series):
            value = series.values[s_index][p_index]
            fill, stroke, _ = role_style(info.role)
            y = g_mid + block / 2 - (s_index + 1) * bar_h
            left, right = sorted((x_of(0.0), x_of(value)))
            d.add(Rect(left, y + 0.6, max(right - left, 0.01), bar_h - 1.2, fillColor=fill,
                       strokeColor=stroke, strokeWidth=0.5))
            d.add(text_at(right + 3, y + bar_h / 2 - 2.5, format_euro(value), 6.5))
    d.add(Line(x_of(0.0), y_bottom, x_of(0.0), y_top, strokeColor=BLACK, strokeWidth=0.7))
    d.add(Line(x0, y_bottom, x1, y_bottom, strokeColor=BLACK, strokeWidth=0.7))
    draw_legend(d, x0, height - 10, [(i.label, bar_swatch(i.role)) for i in series.series],
            width - x0)
    return d


def payer_chart_height(series: PayerSeries) -> float:
    """A height that gives every bar about 9 pt."""
    return 18 + 4 + 28 + max(1, len(series.payers)) * (max(1, len(series.series)) * 9 + 8)


def cumulative_chart(content_or_series: ReportContent | CumulativeSeries, width: float,
                     height: float, *, axis_label: str = "Cumulatieve kosten in euro"
                     ) -> Drawing:
    """Cumulative counted cost over time, one line per scenario (solid, dashed, dotted),
    with the end value labelled at the right."""
    register_fonts()
    series = content_or_series.cumulative_series \
        if isinstance(content_or_series, ReportContent) else content_or_series
    d = new_drawing(width, height)
    points = [p for p in series.points if p]
    if not points or series.start is None or series.end is None:
        d.add(text_at(width / 2, height / 2, "Geen geprijsde kosten", anchor="middle",
                    color=MUTED))
        return d
    values = [v for pts in points for _, v in pts]
    ticks = nice_ticks(min(values), max(values), 5)
    label_w = max(text_width(format_euro(t), 6.5) for t in ticks) + 8
    end_w = max(text_width(format_euro(pts[-1][1]), 6.5) for pts in points) + 8
    legend_h, axis_h = 18.0, 30.0
    x0, x1 = label_w + 14, width - end_w
    y0, y1 = axis_h, height - legend_h - 6
    start = date(series.start.year, series.start.month, 1)
    end = series.end
    span = max((end - start).days, 1)

    def x_of(day: date) -> float:
        return x0 + (day - start).days / span * (x1 - x0)

    def y_of(v: float) -> float:
        return y0 + (v - ticks[0]) / (ticks[-1] - ticks[0]) * (y1 - y0)

    for t in ticks:
        y = y_of(t)
        d.add(Line(x0, y, x1, y, strokeColor=GRID, strokeWidth=0.5))
        d.add(text_at(x0 - 4, y - 2.3, format_euro(t), 6.5, "end", color=MUTED))
    _date_axis(d, start, end, x_of, y0, x1 - x0)
    d.add(Line(x0, y0, x1, y0, strokeColor=BLACK, strokeWidth=0.7))
    d.add(Line(x0, y0, x0, y1, strokeColor=BLACK, strokeWidth=0.7))
    d.add(_rotated(axis_label, 7, (y0 + y1) / 2))
    ends: list[tuple[float, str]] = []
    for info, pts in zip(series.series, series.points):
        if not pts:
            continue
        _, _, dash = role_style(info.role)
        coords: list[float] = []
        for day, value in pts:
            coords += [x_of(day), y_of(value)]
        if pts[-1][0] < end:
            coords += [x_of(end), y_of(pts[-1][1])]  # no more costs: the line stays flat
        d.add(PolyLine(coords, strokeColor=BLACK, strokeWidth=1.5, strokeDashArray=dash,
                       strokeLineJoin=1))
        ends.append((y_of(pts[-1][1]), format_euro(pts[-1][1])))
    for y, text in _spread(ends, 9.0):
        d.add(text_at(x1 + 4, y - 2.3, text, 6.5))
    draw_legend(d, x0, height - 10, [(i.label, line_swatch(i.role)) for i in series.series],
            width - x0)
    return d


def _rotated(text: str, size: float, y_mid: float) -> Group:
    """A vertical axis title along the left edge."""
    g = Group(text_at(0, 0, text, size, "middle", color=MUTED))
    g.transform = (0, 1, -1, 0, size, y_mid)
    return g


def _spread(labels: list[tuple[float, str]], gap: float) -> list[tuple[float, str]]:
    """Move end labels apart vertically so they never overlap."""
    ordered = sorted(labels)
    for i in range(1, len(ordered)):
        if ordered[i][0] - ordered[i - 1][0] < gap:
            ordered[i] = (ordered[i - 1][0] + gap, ordered[i][1])
    return ordered


def _date_axis(d: Drawing, start: date, end: date, x_of, y0: float, width: float) -> None:
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    per_month = width / max(months, 1)
    step = 1 if per_month >= 34 else 3 if per_month * 3 >= 34 else 6 if per_month * 6 >= 34 \
        else 12
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        day = date(year, month, 1)
        x = x_of(day)
        d.add(Line(x, y0, x, y0 - 3, strokeColor=BLACK, strokeWidth=0.5))
        if (month - 1) % step == 0:
            d.add(text_at(x, y0 - 11, format_month(day), 6.5, "middle", color=MUTED))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
