"""The layout of a case's timeline: lanes, rows, bars and markers on a date axis.

Pure Python (no reportlab, no Qt), so the PDF chart and the GUI's timeline view draw
exactly the same picture from the same layout. The layout says *where* things are, as
dates and as fractions of the axis (0 = start of the first day, 1 = end of the last
day); how they look (colours, fonts, pixel sizes) is the renderer's business.

Structure, top to bottom:

- one **events lane** (life events as markers, numbered by date; events that would
  overlap are moved to extra rows),
- one **scenario lane** per scenario, in the order interventie (role ``intervention``),
  referentie (``reference``), then variants, each keeping the case's order within its
  role. A lane has rows; by default one row per cost item (``group_by="item"``), so the
  row label is the item's name, and lines of one item that overlap in time get extra
  rows. With ``group_by="line"`` every line has its own row. With ``group_by="packed"``
  the lines of a lane share as few rows as they can (for a compact wall of sticky notes,
  each labelled on the bar itself): a line goes into the first row where the previous
  line, and the ``label_room`` its label needs, have ended.

Lines are placed like the calculation places them (FORMATS.md, "Timing"): a ``date``
line is a marker on that day, a ``start``/``end`` line is a bar over its days, a line
with neither falls on the case period's start. Lines that cannot be placed (a rate
without a period) are listed in ``unplaced``.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, Mapping

from effectencalculator.model.case import Case, ServiceLine

EVENTS_LANE = "events"
ROLE_ORDER = {"intervention": 0, "reference": 1}

ItemKind = Literal["bar", "marker"]


@dataclass(frozen=True)
class Tick:
    """An axis tick at the start of ``day`` (a first of the month).

    ``level`` 2 = 1 January, 1 = first day of a quarter, 0 = other months: a renderer
    labels only the levels that fit its width.
    """

    day: date
    x: float
    level: int


@dataclass
class TimelineItem:
    """A bar (a period line) or a marker (a point line or an event)."""

    kind: ItemKind
    first_day: date
    last_day: date
    #: fractions of the axis: a bar covers [x0, x1]; a marker sits at x0 == x1
    #: (the middle of its day).
    x0: float
    x1: float
    label: str
    #: scenario id of a line; for an event its ``scenario`` (an id or ``beide``)
    scenario: str
    #: ("line", scenario index, line index) or ("event", event index) in the case
    source: tuple
    probability: float = 1.0
    approach_cost: bool = False
    #: events only: 1, 2, 3 ... in date order (for a legend under the chart)
    number: int | None = None
    #: lines only: the cost item id
    item_id: str = ""
    #: events only: the life domain (leefdomein), '' when not given
    domain: str = ""


@dataclass
class TimelineRow:
    key: str
    label: str
    items: list[TimelineItem] = field(default_factory=list)
    #: True for the extra rows an item needs when its own lines overlap
    continuation: bool = False


@dataclass
class TimelineLane:
    id: str
    kind: Literal["events", "scenario"]
    label: str
    role: str = ""
    rows: list[TimelineRow] = field(default_factory=list)

    @property
    def items(self) -> list[TimelineItem]:
        return [item for row in self.rows for item in row.items]


@dataclass
class TimelineLayout:
    #: first and last day of the axis (inclusive); None when nothing has a date
    start: date | None
    end: date | None
    case_start: date | None
    case_end: date | None
    lanes: list[TimelineLane]
    ticks: list[Tick]
    unplaced: list[tuple[int, int]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.start is None

    @property
    def days(self) -> int:
        if self.start is None or self.end is None:
            return 0
        return (self.end - self.start).days + 1

    def fraction(self, day: date) -> float:
        """Position of the *start* of ``day`` on the axis (0..1)."""
        days = self.days
        if self.start is None or not days:
            return 0.0
        return (day - self.start).days / days

    def lane(self, lane_id: str) -> TimelineLane | None:
        return next((lane for lane in self.lanes if lane.id == lane_id), None)

    def day_at(self, fraction: float) -> date | None:
        """The day under axis position ``fraction`` (the inverse of :meth:`fraction`;
        positions outside 0..1 give days before or after the axis)."""
        if self.start is None or not self.days:
            return None
        return self.start + timedelta(days=math.floor(fraction * self.days + 1e-9))


def line_days(case: Case, line: ServiceLine) -> tuple[date, date] | None:
    """The days a line covers, placed like the calculation does; None if it cannot be."""
    if line.date is not None:
        return line.date, line.date
    if line.start is not None and line.end is not None:
        return line.start, line.end
    if line.rate is not None or line.start is not None or line.end is not None:
        return None  # invalid timing (the calculation reports it as an error)
    return (case.info.period.start, case.info.period.start) \
        if case.info.period.start is not None else None


def scenario_order(case: Case) -> list[int]:
    """Scenario indices: interventie first, then referentie, then variants."""
    return sorted(range(len(case.scenarios)),
                  key=lambda i: (ROLE_ORDER.get(case.scenarios[i].role, 2), i))


def layout_timeline(case: Case, item_names: Mapping[str, str] | None = None, *,
                    group_by: Literal["item", "line", "packed"] = "item",
                    label_room: float = 0.0,
                    min_event_gap: float = 0.035,
                    whole_months: bool = True) -> TimelineLayout:
    """Lay out the case's events and service lines on one date axis.

    ``item_names`` maps item ids to display names (from the cost table and the case's
    own items); unknown ids are shown as the id. ``min_event_gap`` is the smallest
    horizontal distance (axis fraction) between two event markers in one row.
    ``whole_months`` widens the axis to the first day of the first month and the last
    day of the last month, so month ticks frame it.
    """
    names = dict(item_names or {})
    placed_lines: list[tuple[int, int, ServiceLine, date, date]] = []
    unplaced: list[tuple[int, int]] = []
    for s_index, scenario in enumerate(case.scenarios):
        for l_index, line in enumerate(scenario.lines):
            days = line_days(case, line)
            if days is None or days[1] < days[0]:
                unplaced.append((s_index, l_index))
            else:
                placed_lines.append((s_index, l_index, line, *days))
    events = [(i, e) for i, e in enumerate(case.narrative.events) if e.date is not None]

    period = case.info.period
    all_days = [d for d in (period.start, period.end) if d is not None]
    all_days += [d for *_, first, last in placed_lines for d in (first, last)]
    all_days += [e.date for _, e in events if e.date is not None]
    if not all_days:
        return TimelineLayout(None, None, period.start, period.end, [], [], unplaced)
    start, end = min(all_days), max(all_days)
    if whole_months:
        start = start.replace(day=1)
        end = (end.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    layout = TimelineLayout(start, end, period.start, period.end, [], [], unplaced)
    layout.ticks = _ticks(layout)

    layout.lanes.append(_events_lane(layout, events, min_event_gap))
    by_scenario: dict[int, list] = {}
    for entry in placed_lines:
        by_scenario.setdefault(entry[0], []).append(entry)
    for s_index in scenario_order(case):
        scenario = case.scenarios[s_index]
        lane = TimelineLane(scenario.id, "scenario", scenario.label or scenario.id,
                            scenario.role)
        items = [_line_item(layout, names, scenario.id, *entry[:2], *entry[2:])
                 for entry in by_scenario.get(s_index, [])]
        lane.rows = _packed_rows(items, label_room) if group_by == "packed" \
            else _rows(items, group_by)
        layout.lanes.append(lane)
    return layout


def _line_item(layout: TimelineLayout, names: Mapping[str, str], scenario_id: str,
               s_index: int, l_index: int, line: ServiceLine, first: date,
               last: date) -> TimelineItem:
    is_point = line.date is not None or (first == last and line.start is None)
    x0 = layout.fraction(first)
    x1 = layout.fraction(last + timedelta(days=1))
    if is_point:
        x0 = x1 = (x0 + x1) / 2
    return TimelineItem("marker" if is_point else "bar", first, last, x0, x1,
                        names.get(line.item, line.item), scenario_id,
                        ("line", s_index, l_index), line.probability, line.approach_cost,
                        item_id=line.item)


def _rows(items: list[TimelineItem], group_by: str) -> list[TimelineRow]:
    """One row per item (extra rows where its lines overlap), or one row per line."""
    if group_by == "line":
        return [TimelineRow(f"{item.source[1]}:{item.source[2]}", item.label, [item])
                for item in items]
    groups: dict[str, list[TimelineItem]] = {}
    for item in items:
        key = item.item_id
        groups.setdefault(key, []).append(item)
    rows: list[TimelineRow] = []
    for key, members in groups.items():
        packed: list[TimelineRow] = []
        for item in sorted(members, key=lambda i: (i.first_day, i.last_day, i.source)):
            row = next((r for r in packed if r.items[-1].last_day < item.first_day), None)
            if row is None:
                row = TimelineRow(key, members[0].label, continuation=bool(packed))
                packed.append(row)
            row.items.append(item)
        rows.extend(packed)
    return rows


def _packed_rows(items: list[TimelineItem], label_room: float) -> list[TimelineRow]:
    """As few rows as possible: each line in the first row that is free from its start;
    a line occupies its bar and at least ``label_room`` (axis fraction) for its label."""
    rows: list[TimelineRow] = []
    ends: list[float] = []
    for item in sorted(items, key=lambda i: (i.x0, i.x1, i.source)):
        at = next((r for r, end in enumerate(ends) if end <= item.x0), None)
        if at is None:
            rows.append(TimelineRow(f"packed:{len(rows)}", "", continuation=bool(rows)))
            ends.append(0.0)
            at = len(rows) - 1
        rows[at].items.append(item)
        ends[at] = max(item.x1, item.x0 + label_room)
    return rows


def _events_lane(layout: TimelineLayout, events: list, min_gap: float) -> TimelineLane:
    lane = TimelineLane(EVENTS_LANE, "events", "Gebeurtenissen")
    ordered = sorted(events, key=lambda pair: (pair[1].date, pair[0]))
    for number, (index, event) in enumerate(ordered, start=1):
        x = (layout.fraction(event.date) + layout.fraction(event.date + timedelta(days=1))) / 2
        item = TimelineItem("marker", event.date, event.date, x, x, event.title or "",
                            event.scenario, ("event", index), number=number,
                            domain=event.domain)
        row = next((r for r in lane.rows if x - r.items[-1].x0 >= min_gap), None)
        if row is None:
            row = TimelineRow(EVENTS_LANE, "", continuation=bool(lane.rows))
            lane.rows.append(row)
        row.items.append(item)
    return lane


def _ticks(layout: TimelineLayout) -> list[Tick]:
    """A tick on every first of the month (every 1 January beyond five years); the day
    after the axis end counts, it is position 1.0."""
    assert layout.start is not None and layout.end is not None
    months = (layout.end.year - layout.start.year) * 12 + layout.end.month \
        - layout.start.month + 1
    limit = layout.end + timedelta(days=1)
    ticks: list[Tick] = []
    year, month = layout.start.year, layout.start.month
    while date(year, month, 1) <= limit:
        day = date(year, month, 1)
        level = 2 if month == 1 else 1 if month % 3 == 1 else 0
        if day >= layout.start and (months <= 60 or level == 2):
            ticks.append(Tick(day, layout.fraction(day), level))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


# -- edits made by dragging on the timeline (pure: they return edited copies) -----------

def shifted_line(case: Case, line: ServiceLine, days: int) -> ServiceLine:
    """A copy of ``line`` moved ``days`` later (earlier when negative), keeping its length.

    A line without a date or period sits on the case start; moving it gives it a date.
    """
    moved = copy.deepcopy(line)
    delta = timedelta(days=days)
    if line.date is not None:
        moved.date = line.date + delta
    elif line.start is not None and line.end is not None:
        moved.start, moved.end = line.start + delta, line.end + delta
    elif line.start is None and line.end is None and line.rate is None \
            and case.info.period.start is not None:
        moved.date = case.info.period.start + delta
    return moved


def resized_line(line: ServiceLine, edge: Literal["start", "end"], day: date) -> ServiceLine:
    """A copy of the period line ``line`` with its first (``start``) or last (``end``) day
    set to ``day``, never past the other end (a period is at least one day)."""
    resized = copy.deepcopy(line)
    if edge == "start":
        resized.start = min(day, line.end) if line.end is not None else day
    else:
        resized.end = max(day, line.start) if line.start is not None else day
    return resized
