"""The portfolio's strip and box chart: the net result of every case as a point on one
axis, the box from the first to the third quartile with the median, and the mean.

Where the per-case bars show each case, this shows the spread at a glance: whether a
few cases carry the total (points far from the box) and how far mean and median lie
apart — the guardrails in a picture.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect

from effectencalculator.report.charts.base import (
    BAND,
    BLACK,
    GRID,
    MUTED,
    WHITE,
    axis_ticks,
    draw_legend,
    new_drawing,
    text_at,
)
from effectencalculator.report.content import PortfolioSpread
from effectencalculator.report.fonts import register_fonts
from effectencalculator.report.format import format_euro

DOT_R = 3.2
LANE_H = 7.0
#: at most this many lanes of points; beyond it points overlap (a thousand cases)
MAX_LANES = 8
BOX_H = 16.0
AXIS_H = 28.0
LEGEND_H = 18.0


def lanes(xs: list[float], gap: float = DOT_R * 2 + 0.6, max_lanes: int = MAX_LANES
          ) -> list[int]:
    """Per point (in the order given) its lane: points closer than ``gap`` on the axis
    go to the next free lane, so each case stays visible (a simple beeswarm)."""
    last: list[float] = []          # per lane, the x of its rightmost point so far
    out = [0] * len(xs)
    for i in sorted(range(len(xs)), key=lambda i: xs[i]):
        lane = next((n for n, x in enumerate(last) if xs[i] - x >= gap), None)
        if lane is None:
            if len(last) < max_lanes:
                lane = len(last)
                last.append(xs[i])
            else:  # full: the lane whose last point is furthest away
                lane = min(range(len(last)), key=lambda n: last[n])
        last[lane] = xs[i]
        out[i] = lane
    return out


def _scale(data: PortfolioSpread, width: float):
    values = [0.0] + [p.value for p in data.points]
    x0, x1 = 12.0, width - 12.0
    ticks = axis_ticks(min(values), max(values), x1 - x0, 6.5)
    lo, hi = ticks[0], ticks[-1]

    def x_of(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)
    return x_of, ticks, x0, x1


def portfolio_spread_chart(data: PortfolioSpread, width: float) -> Drawing:
    """Box (quartiles, median line, whiskers to the smallest and largest case) above a
    strip of points, one per case: filled when its P10–P90 lies on one side of zero,
    open when it contains zero (onzeker); the mean as a diamond; the zero line black."""
    register_fonts()
    x_of, ticks, x0, x1 = _scale(data, width)
    y_axis = AXIS_H
    lane_of = lanes([x_of(p.value) for p in data.points])
    strip_top = y_axis + 6 + (max(lane_of, default=0) + 1) * LANE_H
    box_mid = strip_top + 8 + BOX_H / 2
    top = box_mid + BOX_H / 2 + 4
    height = top + 6 + LEGEND_H
    d = new_drawing(width, height)
    for t in ticks:
        x = x_of(t)
        d.add(Line(x, y_axis, x, top, strokeColor=GRID, strokeWidth=0.5))
        d.add(text_at(x, y_axis - 10, format_euro(t), 6.5, "middle", color=MUTED))
    d.add(text_at((x0 + x1) / 2, 2, "Netto maatschappelijk resultaat per casus in euro", 7,
                  "middle", color=MUTED))
    # the box: quartiles, median, whiskers to the extremes
    values = [p.value for p in data.points]
    lo, hi = min(values), max(values)
    half = BOX_H / 2
    for a, b in ((lo, data.q1), (data.q3, hi)):
        d.add(Line(x_of(a), box_mid, x_of(b), box_mid, strokeColor=BLACK, strokeWidth=0.8))
    for v in (lo, hi):
        d.add(Line(x_of(v), box_mid - half / 2, x_of(v), box_mid + half / 2,
                   strokeColor=BLACK, strokeWidth=0.8))
    d.add(Rect(x_of(data.q1), box_mid - half, max(x_of(data.q3) - x_of(data.q1), 0.01),
               BOX_H, fillColor=BAND, strokeColor=BLACK, strokeWidth=0.6))
    d.add(Line(x_of(data.median), box_mid - half, x_of(data.median), box_mid + half,
               strokeColor=BLACK, strokeWidth=2.0))
    d.add(_diamond(x_of(data.mean), box_mid, 4.2))
    # the strip: one point per case
    for p, lane in zip(data.points, lane_of):
        y = y_axis + 6 + (lane + 0.5) * LANE_H
        d.add(Circle(x_of(p.value), y, DOT_R, fillColor=WHITE if p.uncertain else BLACK,
                     strokeColor=BLACK, strokeWidth=0.7))
    d.add(Line(x_of(0.0), y_axis, x_of(0.0), top, strokeColor=BLACK, strokeWidth=0.7))
    d.add(Line(x0, y_axis, x1, y_axis, strokeColor=BLACK, strokeWidth=0.7))
    _legend(d, x0, height - 10, width - x0, data)
    return d


def _diamond(x: float, y: float, r: float) -> Polygon:
    return Polygon([x - r, y, x, y + r, x + r, y, x, y - r], fillColor=WHITE,
                   strokeColor=BLACK, strokeWidth=0.9)


def _legend(d: Drawing, x: float, y: float, width: float, data: PortfolioSpread) -> None:
    def dot(fill):
        return lambda x, y: [Circle(x + 6, y + 2.5, DOT_R, fillColor=fill, strokeColor=BLACK,
                                    strokeWidth=0.7)]

    def median(x, y):
        return [Rect(x, y - 1, 12, 7, fillColor=BAND, strokeColor=BLACK, strokeWidth=0.6),
                Line(x + 6, y - 1, x + 6, y + 6, strokeColor=BLACK, strokeWidth=2.0)]

    entries = [("casus", dot(BLACK)), ("onzeker: P10–P90 bevat nul", dot(WHITE)),
               (f"mediaan {format_euro(data.median)}; doos: middelste helft", median),
               (f"gemiddelde {format_euro(data.mean)}",
                lambda x, y: [_diamond(x + 6, y + 2.5, 4.0)])]
    draw_legend(d, x, y, entries, width)

