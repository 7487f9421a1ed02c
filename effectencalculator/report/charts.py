"""Chart drawings for the report and the GUI: small factories that take series data and
return a ``reportlab.graphics`` ``Drawing``.

One drawing serves both outputs — vector graphics in the PDF, and SVG in the window
(``reportlab.graphics.renderSVG.drawToString(drawing)``) — so screen and paper show the
same picture. Charts are grayscale (they must survive a black-and-white printer): the
scenarios differ by shade *and* by pattern (solid/dashed lines, outlined bars), axes are
labelled and amounts are Dutch euros.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Polygon, Rect, \
    String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from effectencalculator.model.timeline_layout import TimelineLane, TimelineLayout, TimelineRow
from effectencalculator.report.content import CumulativeSeries, NetBar, PayerSeries, \
    PortfolioNetSeries, ReportContent, TornadoSeries
from effectencalculator.report.fonts import SANS, SANS_BOLD, register_fonts
from effectencalculator.report.format import MONTHS_SHORT, format_euro, format_month

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


def _new_drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is ours (else reportlab adds an unembedded
    Helvetica to the PDF)."""
    d = Drawing(width, height)
    d.initialFontName, d.initialFontSize = SANS, FONT_SIZE
    return d


def _style(role: str) -> tuple:
    return ROLE_STYLE.get(role, ROLE_STYLE["variant"])


def _text(x: float, y: float, text: str, size: float = FONT_SIZE, anchor: str = "start",
          bold: bool = False, color=TEXT) -> String:
    return String(x, y, text, fontName=SANS_BOLD if bold else SANS, fontSize=size,
                  fillColor=color, textAnchor=anchor)


def _width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    return stringWidth(text, SANS_BOLD if bold else SANS, size)


def _fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """Shorten ``text`` with … so that it fits ``width``.

    A column sized as ``widest + 8`` and filled with ``_fit(text, column - 8)`` must keep
    the widest text whole, but ``x + 8 - 8`` need not be ``x`` in floating point: hence
    the hundredth of a point of slack (every "GEN-0001" in a chart once became "GEN-00…").
    """
    if _width(text, size, bold) <= width + 0.01:
        return text
    while text and _width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


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


def _legend(drawing: Drawing, x: float, y: float, entries: Sequence[tuple[str, Any]],
            max_width: float) -> None:
    """Entries (label, swatch factory(x, y) -> shapes) in one line, wrapping if needed."""
    cx, cy = x, y
    for label, swatch in entries:
        w = 16 + _width(label) + 12
        if cx > x and cx + w > x + max_width:
            cx, cy = x, cy - 11
        for shape in swatch(cx, cy):
            drawing.add(shape)
        drawing.add(_text(cx + 16, cy, label))
        cx += w


def _bar_swatch(role: str):
    fill, stroke, _ = _style(role)
    return lambda x, y: [Rect(x, y - 1, 12, 7, fillColor=fill, strokeColor=stroke,
                              strokeWidth=0.5)]


def _line_swatch(role: str):
    _, _, dash = _style(role)
    return lambda x, y: [Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=BLACK,
                              strokeWidth=1.4, strokeDashArray=dash)]


# --------------------------------------------------------------------------- payers

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
    d = _new_drawing(width, height)
    if not n_payers or not n_series:
        d.add(_text(width / 2, height / 2, "Geen geprijsde kosten", anchor="middle",
                    color=MUTED))
        return d
    legend_h, axis_h = 18.0, 28.0
    label_w = min(max(_width(p) for p in series.payers) + 8, width * 0.3)
    all_values = [v for row in series.values for v in row]
    ticks = nice_ticks(min(all_values), max(all_values), 5)
    value_w = max(_width(format_euro(v)) for v in all_values) + 6
    x0, x1 = label_w, width - value_w
    y_top, y_bottom = height - legend_h - 4, axis_h
    lo, hi = ticks[0], ticks[-1]

    def x_of(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)

    for t in ticks:
        x = x_of(t)
        d.add(Line(x, y_bottom, x, y_top, strokeColor=GRID, strokeWidth=0.5))
        d.add(_text(x, y_bottom - 10, format_euro(t), 6.5, "middle", color=MUTED))
    d.add(_text((x0 + x1) / 2, 2, axis_label, 7, "middle", color=MUTED))
    group_h = (y_top - y_bottom) / n_payers
    bar_h = min(11.0, group_h * 0.75 / n_series)
    for p_index, payer in enumerate(series.payers):
        g_top = y_top - p_index * group_h
        g_mid = g_top - group_h / 2
        d.add(_text(x0 - 6, g_mid - 2.5, _fit(payer, label_w - 8, FONT_SIZE), anchor="end"))
        block = bar_h * n_series
        for s_index, info in enumerate(series.series):
            value = series.values[s_index][p_index]
            fill, stroke, _ = _style(info.role)
            y = g_mid + block / 2 - (s_index + 1) * bar_h
            left, right = sorted((x_of(0.0), x_of(value)))
            d.add(Rect(left, y + 0.6, max(right - left, 0.01), bar_h - 1.2, fillColor=fill,
                       strokeColor=stroke, strokeWidth=0.5))
            d.add(_text(right + 3, y + bar_h / 2 - 2.5, format_euro(value), 6.5))
    d.add(Line(x_of(0.0), y_bottom, x_of(0.0), y_top, strokeColor=BLACK, strokeWidth=0.7))
    d.add(Line(x0, y_bottom, x1, y_bottom, strokeColor=BLACK, strokeWidth=0.7))
    _legend(d, x0, height - 10, [(i.label, _bar_swatch(i.role)) for i in series.series],
            width - x0)
    return d


def payer_chart_height(series: PayerSeries) -> float:
    """A height that gives every bar about 9 pt."""
    return 18 + 4 + 28 + max(1, len(series.payers)) * (max(1, len(series.series)) * 9 + 8)


# --------------------------------------------------------------------------- cumulative

def cumulative_chart(content_or_series: ReportContent | CumulativeSeries, width: float,
                     height: float, *, axis_label: str = "Cumulatieve kosten in euro"
                     ) -> Drawing:
    """Cumulative counted cost over time, one line per scenario (solid, dashed, dotted),
    with the end value labelled at the right."""
    register_fonts()
    series = content_or_series.cumulative_series \
        if isinstance(content_or_series, ReportContent) else content_or_series
    d = _new_drawing(width, height)
    points = [p for p in series.points if p]
    if not points or series.start is None or series.end is None:
        d.add(_text(width / 2, height / 2, "Geen geprijsde kosten", anchor="middle",
                    color=MUTED))
        return d
    values = [v for pts in points for _, v in pts]
    ticks = nice_ticks(min(values), max(values), 5)
    label_w = max(_width(format_euro(t), 6.5) for t in ticks) + 8
    end_w = max(_width(format_euro(pts[-1][1]), 6.5) for pts in points) + 8
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
        d.add(_text(x0 - 4, y - 2.3, format_euro(t), 6.5, "end", color=MUTED))
    _date_axis(d, start, end, x_of, y0, x1 - x0)
    d.add(Line(x0, y0, x1, y0, strokeColor=BLACK, strokeWidth=0.7))
    d.add(Line(x0, y0, x0, y1, strokeColor=BLACK, strokeWidth=0.7))
    d.add(_rotated(axis_label, 7, (y0 + y1) / 2))
    ends: list[tuple[float, str]] = []
    for info, pts in zip(series.series, series.points):
        if not pts:
            continue
        _, _, dash = _style(info.role)
        coords: list[float] = []
        for day, value in pts:
            coords += [x_of(day), y_of(value)]
        if pts[-1][0] < end:
            coords += [x_of(end), y_of(pts[-1][1])]  # no more costs: the line stays flat
        d.add(PolyLine(coords, strokeColor=BLACK, strokeWidth=1.5, strokeDashArray=dash,
                       strokeLineJoin=1))
        ends.append((y_of(pts[-1][1]), format_euro(pts[-1][1])))
    for y, text in _spread(ends, 9.0):
        d.add(_text(x1 + 4, y - 2.3, text, 6.5))
    _legend(d, x0, height - 10, [(i.label, _line_swatch(i.role)) for i in series.series],
            width - x0)
    return d


def _rotated(text: str, size: float, y_mid: float) -> Group:
    """A vertical axis title along the left edge."""
    g = Group(_text(0, 0, text, size, "middle", color=MUTED))
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
            d.add(_text(x, y0 - 11, format_month(day), 6.5, "middle", color=MUTED))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


# --------------------------------------------------------------------------- timeline

ROW_H = 10.0
LANE_HEADER_H = 13.0
AXIS_H = 22.0
LEGEND_H = 26.0
EVENT_ROW_H = 13.0


def timeline_chart(layout: TimelineLayout, width: float,
                   parts: list[tuple[TimelineLane, list[TimelineRow], bool]] | None = None,
                   *, legend: bool = True) -> Drawing:
    """The timeline: an axis with months on top, the case period as a grey band, then
    per lane a header and its rows (bars, diamonds, numbered event circles).

    ``parts`` selects (lane, rows, continued) to draw — the PDF splits a long timeline
    over pages with :func:`timeline_parts`; the default draws everything.
    """
    register_fonts()
    if parts is None:
        parts = [(lane, lane.rows, False) for lane in layout.lanes
                 if lane.rows or lane.kind != "events"]
    body_h = sum(LANE_HEADER_H + _rows_height(lane, rows) for lane, rows, _ in parts)
    height = AXIS_H + body_h + (LEGEND_H if legend else 4)
    d = _new_drawing(width, height)
    if layout.is_empty:
        d.add(_text(width / 2, height / 2, "Geen data op de tijdlijn", anchor="middle"))
        return d
    labels = [r.label for lane, rows, _ in parts for r in rows if not r.continuation]
    label_w = min(max([_width(t, 6.5) for t in labels] + [60]) + 8, width * 0.3)
    x0, x1 = label_w, width - 6

    def x_of(fraction: float) -> float:
        return x0 + fraction * (x1 - x0)

    top = height - AXIS_H
    bottom = (LEGEND_H if legend else 4)
    if layout.case_start is not None and layout.case_end is not None:
        a = x_of(layout.fraction(layout.case_start))
        b = x_of(layout.fraction(layout.case_end + timedelta(days=1)))
        d.add(Rect(a, bottom, b - a, top - bottom, fillColor=BAND, strokeColor=None))
    _timeline_axis(d, layout, x_of, top, bottom, x1 - x0)

    y = top
    for lane, rows, continued in parts:
        y -= LANE_HEADER_H
        title = lane.label if lane.kind == "events" else _lane_title(lane)
        if continued:
            title += " (vervolg)"
        d.add(Rect(0, y, width, LANE_HEADER_H, fillColor=WHITE, strokeColor=None))
        d.add(Line(0, y + LANE_HEADER_H - 0.5, width, y + LANE_HEADER_H - 0.5,
                   strokeColor=MUTED, strokeWidth=0.4))
        d.add(_text(2, y + 3.5, _fit(title, width - 4, 7.5, True), 7.5, bold=True))
        for row in rows:
            row_h = EVENT_ROW_H if lane.kind == "events" else ROW_H
            y -= row_h
            if not row.continuation and row.label:
                d.add(_text(x0 - 4, y + row_h / 2 - 2.2, _fit(row.label, label_w - 8, 6.5),
                            6.5, "end"))
            d.add(Line(x0, y, x1, y, strokeColor=GRID, strokeWidth=0.3))
            for item in row.items:
                _timeline_item(d, lane, item, x_of, y, row_h)
    if legend:
        _timeline_legend(d, width, x0)
    return d


def _lane_title(lane: TimelineLane) -> str:
    role = {"intervention": "Interventie", "reference": "Referentie"}.get(lane.role, "Variant")
    return f"{role}: {lane.label}" if lane.label.lower() != role.lower() else role


def _rows_height(lane: TimelineLane, rows: list[TimelineRow]) -> float:
    return len(rows) * (EVENT_ROW_H if lane.kind == "events" else ROW_H)


def _timeline_axis(d: Drawing, layout: TimelineLayout, x_of, top: float, bottom: float,
                   width: float) -> None:
    months = max(1, len([t for t in layout.ticks]))
    per_month = width / max(months, 1)
    min_level = 0 if per_month >= 30 else 1 if per_month * 3 >= 30 else 2
    for tick in layout.ticks:
        x = x_of(tick.x)
        strong = tick.level == 2
        d.add(Line(x, bottom, x, top, strokeColor=GRID if not strong else MUTED,
                   strokeWidth=0.3 if not strong else 0.5))
        d.add(Line(x, top, x, top + 3, strokeColor=BLACK, strokeWidth=0.5))
        if tick.level >= min_level and tick.x < 0.985:
            text = format_month(tick.day) if tick.level == 2 or min_level > 0 \
                else MONTHS_SHORT[tick.day.month - 1]
            d.add(_text(x + 1.5, top + 5, text, 6.5, color=TEXT if strong else MUTED,
                        bold=strong))
    d.add(Line(x_of(0), top, x_of(1), top, strokeColor=BLACK, strokeWidth=0.6))


def _timeline_item(d: Drawing, lane: TimelineLane, item, x_of, y: float, row_h: float
                   ) -> None:
    mid = y + row_h / 2
    if lane.kind == "events":
        scenario = item.scenario
        fill, text_color = ((colors.Color(0.22, 0.22, 0.22), WHITE) if scenario == "interventie"
                            else (colors.Color(0.75, 0.75, 0.75), TEXT)
                            if scenario == "referentie" else (WHITE, TEXT))
        x = x_of(item.x0)
        d.add(Circle(x, mid, 5.2, fillColor=fill, strokeColor=BLACK, strokeWidth=0.6))
        d.add(_text(x, mid - 2.2, str(item.number), 6, "middle", True, text_color))
        return
    fill, stroke, _ = _style(lane.role)
    if item.probability < 1:
        fill = colors.Color(0.85, 0.85, 0.85) if lane.role == "intervention" \
            else colors.Color(0.9, 0.9, 0.9)
    if item.kind == "marker":
        x = x_of(item.x0)
        d.add(Polygon([x, mid + 3.6, x + 3.6, mid, x, mid - 3.6, x - 3.6, mid],
                      fillColor=fill, strokeColor=BLACK, strokeWidth=0.5))
    else:
        a, b = x_of(item.x0), x_of(item.x1)
        d.add(Rect(a, mid - 3, max(b - a, 1.0), 6, fillColor=fill, strokeColor=stroke,
                   strokeWidth=0.4))


def _timeline_legend(d: Drawing, width: float, x0: float) -> None:
    dark, light = ROLE_STYLE["intervention"][0], ROLE_STYLE["reference"][0]
    pale = colors.Color(0.88, 0.88, 0.88)

    def bar(fill):
        return lambda x, y: [Rect(x, y, 12, 5, fillColor=fill, strokeColor=BLACK,
                                  strokeWidth=0.4)]

    def diamond(x, y):
        return [Polygon([x + 6, y + 6, x + 9.5, y + 2.5, x + 6, y - 1, x + 2.5, y + 2.5],
                        fillColor=dark, strokeColor=BLACK, strokeWidth=0.5)]

    def circle(fill):
        return lambda x, y: [Circle(x + 6, y + 2.5, 4, fillColor=fill, strokeColor=BLACK,
                                    strokeWidth=0.5)]

    _legend(d, 0, 15, [("interventie", bar(dark)), ("referentie", bar(light)),
                       ("kans < 100%", bar(pale)), ("op één dag", diamond),
                       ("gebeurtenis: beide", circle(WHITE)),
                       ("alleen interventie", circle(dark)),
                       ("alleen referentie", circle(colors.Color(0.75, 0.75, 0.75))),
                       ("casusperiode", bar(BAND))], width)


def timeline_parts(layout: TimelineLayout, width: float, max_height: float) -> list[Drawing]:
    """The timeline split into drawings no taller than ``max_height`` (whole rows; each
    part repeats the axis, and a lane continued from the previous part says so)."""
    budget = max_height - AXIS_H - LEGEND_H
    parts: list[list[tuple[TimelineLane, list[TimelineRow], bool]]] = [[]]
    used = 0.0
    for lane in layout.lanes:
        row_h = EVENT_ROW_H if lane.kind == "events" else ROW_H
        rows = list(lane.rows) or []
        continued = False
        while True:
            room = int((budget - used - LANE_HEADER_H) // row_h)
            if room < min(len(rows), 2) and parts[-1]:
                parts.append([])
                used = 0.0
                continue
            take, rows = rows[:max(room, 1)], rows[max(room, 1):]
            parts[-1].append((lane, take, continued))
            used += LANE_HEADER_H + len(take) * row_h
            if not rows:
                break
            continued = True
            parts.append([])
            used = 0.0
    parts = [[p for p in part if p[1] or p[0].kind != "events"] for part in parts]
    parts = [part for part in parts if part]
    return [timeline_chart(layout, width, part, legend=(i == len(parts) - 1))
            for i, part in enumerate(parts)]


# --------------------------------------------------------------------------- tornado

TORNADO_ROW_H = 14.0
DARK = colors.Color(0.3, 0.3, 0.3)
LIGHT_FILL = colors.Color(0.82, 0.82, 0.82)


def _signed_euro(value: float) -> str:
    """'+€ 1.234' / '−€ 567' / '€ 0' (a change, not an amount)."""
    text = format_euro(abs(value))
    if text == format_euro(0):
        return text
    return ("+" if value > 0 else "−") + text


def tornado_chart(content_or_series: ReportContent | TornadoSeries, width: float,
                  height: float | None = None, *,
                  axis_label: str = "Netto maatschappelijk resultaat in euro") -> Drawing:
    """The sensitivity tornado: per line (largest spread on top) a bar from the lowest to
    the highest net result that changing that one line gives, split at the deterministic
    net result (vertical line): dark where the result drops, light where it rises. The
    changes are written at the bar ends; a dotted line marks zero. ``height`` None: as
    tall as the rows need."""
    register_fonts()
    series = content_or_series.tornado_series \
        if isinstance(content_or_series, ReportContent) else content_or_series
    bars = list(series.bars) if series is not None else []
    if height is None:
        height = tornado_chart_height(series)
    d = _new_drawing(width, height)
    if not bars:
        d.add(_text(width / 2, height / 2, "Geen regel verandert het netto resultaat",
                    anchor="middle", color=MUTED))
        return d
    base = series.base
    size = 6.5
    legend_h, top_h, axis_h = 18.0, 12.0, 28.0
    # Labels: "1. item name" and, in a muted column of its own, the scenario.
    tag_w = max(_width(bar.scenario, size) for bar in bars)
    names = [f"{n}. {bar.label}" for n, bar in enumerate(bars, 1)]
    label_w = min(max(_width(t, size) for t in names) + tag_w + 14, width * 0.4)
    value_w = max(_width(_signed_euro(v), size) for bar in bars for v in (bar.low, bar.high))
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
        d.add(_text(x, y_bottom - 10, format_euro(t), size, "middle", color=MUTED))
    d.add(Line(x0, y_bottom, x1, y_bottom, strokeColor=BLACK, strokeWidth=0.7))
    d.add(_text((x0 + x1) / 2, 2, axis_label, 7, "middle", color=MUTED))
    zero_line = lo <= 0 <= hi and abs(x_of(0) - x_of(base)) > 1
    if zero_line:
        d.add(Line(x_of(0), y_bottom, x_of(0), y_top, strokeColor=BLACK, strokeWidth=0.6,
                   strokeDashArray=(1, 1.6)))
    bar_h = TORNADO_ROW_H * 0.64
    xb = x_of(base)
    for n, (bar, name) in enumerate(zip(bars, names)):
        mid = y_top - (n + 0.5) * TORNADO_ROW_H
        d.add(_text(0, mid - 2.3, _fit(name, label_w - tag_w - 14, size), size))
        d.add(_text(label_w - 6, mid - 2.3, bar.scenario, size, "end", color=MUTED))
        left, right = x_of(base + bar.low), x_of(base + bar.high)
        if bar.low < 0:
            d.add(Rect(left, mid - bar_h / 2, xb - left, bar_h, fillColor=DARK,
                       strokeColor=BLACK, strokeWidth=0.5))
            d.add(_text(left - 3, mid - 2.3, _signed_euro(bar.low), size, "end"))
        if bar.high > 0:
            d.add(Rect(xb, mid - bar_h / 2, right - xb, bar_h, fillColor=LIGHT_FILL,
                       strokeColor=BLACK, strokeWidth=0.5))
            d.add(_text(right + 3, mid - 2.3, _signed_euro(bar.high), size))
    d.add(Line(xb, y_bottom, xb, y_top + 3, strokeColor=BLACK, strokeWidth=1.1))
    d.add(_text(xb, y_top + 4, f"puntschatting {format_euro(base)}", size, "middle",
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
    _legend(d, 0, height - 10, entries, width)
    return d


def axis_ticks(low: float, high: float, axis_width: float, size: float = 6.5, *,
               include_zero: bool = True) -> list[float]:
    """Round ticks (:func:`nice_ticks`) whose euro labels do not run into each other on
    an axis ``axis_width`` wide: fewer ticks when the amounts are long."""
    for count in (5, 4, 3, 2):
        ticks = nice_ticks(low, high, count, include_zero=include_zero)
        widest = max(_width(format_euro(t), size) for t in ticks)
        if axis_width / max(len(ticks) - 1, 1) >= widest + 8:
            return ticks
    return ticks


def tornado_chart_height(series: TornadoSeries | None) -> float:
    rows = len(series.bars) if series is not None else 0
    return 18 + 12 + 28 + max(rows, 1) * TORNADO_ROW_H + 4


# --------------------------------------------------------------------------- portfolio

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
    d = _new_drawing(width, height)
    if not rows:
        d.add(_text(width / 2, height / 2, "Geen berekende casussen", anchor="middle",
                    color=MUTED))
        return d
    size = 6.5
    legend_h = 18.0 if legend else 4.0
    axis_h = 28.0
    lo_v, hi_v = value_range or _net_range(series.bars)
    label_w = min(max(_width(b.label, size) for b in series.bars) + 8, width * 0.25)
    value_w = max(_width(format_euro(b.value) + "  onzeker", size) for b in series.bars) + 8
    x0, x1 = label_w, width - value_w
    ticks = axis_ticks(lo_v, hi_v, x1 - x0, size)
    lo, hi = ticks[0], ticks[-1]
    y_top, y_bottom = height - legend_h - 4, axis_h

    def x_of(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)

    for t in ticks:
        x = x_of(t)
        d.add(Line(x, y_bottom, x, y_top, strokeColor=GRID, strokeWidth=0.5))
        d.add(_text(x, y_bottom - 10, format_euro(t), size, "middle", color=MUTED))
    d.add(_text((x0 + x1) / 2, 2, axis_label, 7, "middle", color=MUTED))
    bar_h = NET_ROW_H * 0.6
    for n, bar in enumerate(rows):
        mid = y_top - (n + 0.5) * NET_ROW_H
        d.add(_text(x0 - 6, mid - 2.3, _fit(bar.label, label_w - 8, size), size, "end"))
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
        d.add(_text(x1 + 6, mid - 2.3, format_euro(bar.value), size))
        if bar.uncertain:
            d.add(_text(x1 + 8 + _width(format_euro(bar.value), size), mid - 2.3, "onzeker",
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

        _legend(d, x0, height - 10,
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
