"""The timeline chart: events on top, then per scenario a row per cost item (bars
for a period, diamonds for one day), split over pages when it is long."""

from __future__ import annotations

from datetime import timedelta

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect
from reportlab.lib import colors

from effectencalculator.model.timeline_layout import TimelineLane, TimelineLayout, TimelineRow
from effectencalculator.report.charts.base import (
    BAND,
    BLACK,
    GRID,
    MUTED,
    ROLE_STYLE,
    TEXT,
    WHITE,
    draw_legend,
    fit_text,
    new_drawing,
    role_style,
    text_at,
    text_width,
)
from effectencalculator.report.fonts import register_fonts
from effectencalculator.report.format import MONTHS_SHORT, format_month

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
    d = new_drawing(width, height)
    if layout.is_empty:
        d.add(text_at(width / 2, height / 2, "Geen data op de tijdlijn", anchor="middle"))
        return d
    labels = [r.label for lane, rows, _ in parts for r in rows if not r.continuation]
    label_w = min(max([text_width(t, 6.5) for t in labels] + [60]) + 8, width * 0.3)
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
        d.add(text_at(2, y + 3.5, fit_text(title, width - 4, 7.5, True), 7.5, bold=True))
        for row in rows:
            row_h = EVENT_ROW_H if lane.kind == "events" else ROW_H
            y -= row_h
            label = row.label or ("" if lane.kind == "events" else _row_label(row))
            if label:
                # A continuation row (a second line of the same item, overlapping in
                # time) repeats its label, muted: no row without a name.
                d.add(text_at(x0 - 4, y + row_h / 2 - 2.2, fit_text(label, label_w - 8, 6.5),
                              6.5, "end", color=MUTED if row.continuation else TEXT))
            d.add(Line(x0, y, x1, y, strokeColor=GRID, strokeWidth=0.3))
            for item in row.items:
                _timeline_item(d, lane, item, x_of, y, row_h)
            if lane.kind != "events":
                _probabilities(d, row, x_of, x0, x1, y, row_h)
    if legend:
        _timeline_legend(d, width, x0)
    return d


def _row_label(row: TimelineRow) -> str:
    return next((getattr(item, "label", "") for item in row.items
                 if getattr(item, "label", "")), "")


PROBABILITY_FONT = 5.6


def _probabilities(d: Drawing, row: TimelineRow, x_of, x0: float, x1: float, y: float,
                   row_h: float) -> None:
    """Each bar or diamond with a probability below 100% says it ("60%"): inside a bar
    that has room, else beside it where the row is free."""
    items = sorted(row.items, key=lambda i: i.x0)
    spans = [(x_of(i.x0) - (3.6 if i.kind == "marker" else 0),
              x_of(i.x1 if i.kind != "marker" else i.x0) + (3.6 if i.kind == "marker" else 0))
             for i in items]
    taken = list(spans)
    mid = y + row_h / 2 - 2.0
    for k, item in enumerate(items):
        if item.probability >= 1:
            continue
        text = f"{round(item.probability * 100)}%"
        tw = text_width(text, PROBABILITY_FONT)
        a, b = spans[k]
        if item.kind != "marker" and b - a >= tw + 4:
            d.add(text_at(b - 2, mid, text, PROBABILITY_FONT, "end", color=TEXT))
            continue
        for left in (b + 1.5, a - 1.5 - tw):
            right = left + tw
            if left < x0 or right > x1:
                continue
            if all(right + 1 <= s0 or left - 1 >= s1 for s0, s1 in taken):
                d.add(text_at(left, mid, text, PROBABILITY_FONT, color=TEXT))
                taken.append((left, right))
                break


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
            d.add(text_at(x + 1.5, top + 5, text, 6.5, color=TEXT if strong else MUTED,
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
        d.add(text_at(x, mid - 2.2, str(item.number), 6, "middle", True, text_color))
        return
    fill, stroke, _ = role_style(lane.role)
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

    draw_legend(d, 0, 15, [("interventie", bar(dark)), ("referentie", bar(light)),
                       ("kans < 100%", bar(pale)), ("op één dag", diamond),
                       ("gebeurtenis: beide", circle(WHITE)),
                       ("alleen interventie", circle(dark)),
                       ("alleen referentie", circle(colors.Color(0.75, 0.75, 0.75))),
                       ("casusperiode", bar(BAND))], width)


def timeline_parts(layout: TimelineLayout, width: float, max_height: float,
                   first_height: float | None = None) -> list[Drawing]:
    """The timeline split into drawings no taller than ``max_height`` (whole rows; each
    part repeats the axis, and a lane continued from the previous part says so).

    ``first_height`` is the room for the first part (the rest of a page, so the chart
    starts where the text before it ends); the default is ``max_height``."""
    budget = max_height - AXIS_H - LEGEND_H
    parts: list[list[tuple[TimelineLane, list[TimelineRow], bool]]] = [[]]
    # The first part starts after what the page already holds.
    used = 0.0 if first_height is None else max(0.0, max_height - first_height)
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
