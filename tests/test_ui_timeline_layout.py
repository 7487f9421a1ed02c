"""The shared timeline layout (pure, no Qt) for a small case, with every lane, row and
position worked out by hand; and the pure date edits behind dragging."""

from __future__ import annotations

from datetime import date

import pytest

from effectencalculator.model.case import (
    Case,
    CaseInfo,
    Event,
    Narrative,
    Period,
    Rate,
    Scenario,
    ServiceLine,
)
from effectencalculator.model.timeline_layout import (
    EVENTS_LANE,
    layout_timeline,
    resized_line,
    shifted_line,
)

NAMES = {"WIJK": "Wijkteam uur", "VT": "Veilig Thuis zaak", "OTS": "Ondertoezichtstelling"}


def small_case() -> Case:
    """Axis 1 jan – 30 jun 2025 (181 days): Jan 31, Feb 28, Mar 31, Apr 30, May 31, Jun 30."""
    case = Case(info=CaseInfo(code="T-7", period=Period(date(2025, 1, 1), date(2025, 6, 30))))
    case.scenarios = [
        Scenario("referentie", "Huidig stelsel", "reference", [
            ServiceLine("OTS", quantity=1, start=date(2025, 2, 1), end=date(2025, 6, 30),
                        probability=0.6),
            ServiceLine("OTS", quantity=1, start=date(2025, 4, 1), end=date(2025, 4, 30)),
        ]),
        Scenario("interventie", "Nieuw", "intervention", [
            ServiceLine("WIJK", rate=Rate(2, "week"), start=date(2025, 3, 1),
                        end=date(2025, 3, 31)),
            ServiceLine("VT", quantity=1, date=date(2025, 2, 10)),
        ]),
    ]
    case.narrative = Narrative("", [
        Event(date(2025, 1, 20), "referentie", "justitie", "Raadsonderzoek"),
        Event(date(2025, 1, 15), "beide", "veiligheid", "Melding"),
    ])
    return case


def test_ui_timeline_layout_lanes_rows_and_positions_by_hand():
    layout = layout_timeline(small_case(), NAMES)
    assert (layout.start, layout.end, layout.days) == (date(2025, 1, 1), date(2025, 6, 30), 181)
    # lanes: events, then interventie above referentie (whatever the case's order)
    assert [(lane.id, lane.kind) for lane in layout.lanes] == [
        (EVENTS_LANE, "events"), ("interventie", "scenario"), ("referentie", "scenario")]

    events = layout.lane(EVENTS_LANE)
    # 15 and 20 January are 5/181 = 0,028 apart, less than the gap 0,035: two rows
    assert [[i.label for i in row.items] for row in events.rows] == [["Melding"],
                                                                    ["Raadsonderzoek"]]
    melding = events.rows[0].items[0]
    assert melding.x0 == pytest.approx(14.5 / 181) and melding.number == 1
    assert melding.domain == "veiligheid" and melding.source == ("event", 1)

    itv = layout.lane("interventie")
    assert [(row.key, row.label) for row in itv.rows] == [("WIJK", "Wijkteam uur"),
                                                          ("VT", "Veilig Thuis zaak")]
    bar = itv.rows[0].items[0]
    assert bar.kind == "bar" and bar.source == ("line", 1, 0)
    assert (bar.x0, bar.x1) == (pytest.approx(59 / 181), pytest.approx(90 / 181))
    marker = itv.rows[1].items[0]
    assert marker.kind == "marker" and marker.x0 == marker.x1 == pytest.approx(40.5 / 181)

    ref = layout.lane("referentie")
    # the two OTS lines overlap in April: one item, a second (continuation) row
    assert [(row.label, row.continuation) for row in ref.rows] == [
        ("Ondertoezichtstelling", False), ("Ondertoezichtstelling", True)]
    first, second = ref.rows[0].items[0], ref.rows[1].items[0]
    assert (first.x0, first.x1, first.probability) == (pytest.approx(31 / 181), 1.0, 0.6)
    assert (second.x0, second.x1) == (pytest.approx(90 / 181), pytest.approx(120 / 181))
    # ticks on every first of the month, 1 January strongest; 1 July is the end (1.0)
    assert [(t.day.month, t.level) for t in layout.ticks] == [
        (1, 2), (2, 0), (3, 0), (4, 1), (5, 0), (6, 0), (7, 1)]
    assert layout.ticks[-1].x == 1.0


def test_ui_timeline_layout_day_at_inverts_fraction():
    layout = layout_timeline(small_case(), NAMES)
    for day in (date(2025, 1, 1), date(2025, 3, 1), date(2025, 6, 30)):
        assert layout.day_at(layout.fraction(day)) == day
        assert layout.day_at(layout.fraction(day) + 0.5 / 181) == day
    assert layout.day_at(-1 / 181) == date(2024, 12, 31)


def test_ui_timeline_shifted_and_resized_lines():
    case = small_case()
    bar, marker = case.scenarios[1].lines
    moved = shifted_line(case, bar, 10)
    assert (moved.start, moved.end, moved.rate) == (date(2025, 3, 11), date(2025, 4, 10),
                                                    bar.rate)
    assert bar.start == date(2025, 3, 1)                       # the original is untouched
    assert shifted_line(case, marker, -3).date == date(2025, 2, 7)
    loose = ServiceLine("VT", quantity=1)                      # sits on the case start
    assert shifted_line(case, loose, 4).date == date(2025, 1, 5)
    assert resized_line(bar, "start", date(2025, 2, 20)).start == date(2025, 2, 20)
    assert resized_line(bar, "end", date(2025, 4, 2)).end == date(2025, 4, 2)
    # never past the other end: at least one day
    assert resized_line(bar, "start", date(2025, 5, 1)).start == date(2025, 3, 31)
    assert resized_line(bar, "end", date(2025, 1, 1)).end == date(2025, 3, 1)


def test_ui_timeline_layout_packed_rows_share_rows_and_keep_label_room():
    layout = layout_timeline(small_case(), NAMES, group_by="packed", label_room=20 / 181)
    ref = layout.lane("referentie")
    # OTS 1 Feb–30 Jun and OTS April overlap: two rows
    assert [[i.source for i in row.items] for row in ref.rows] == [[("line", 0, 0)],
                                                                  [("line", 0, 1)]]
    itv = layout.lane("interventie")
    # VT on 10 Feb needs 20 days of label room (to 2 Mar): the bar from 1 March must wait
    assert [[i.item_id for i in row.items] for row in itv.rows] == [["VT"], ["WIJK"]]
    roomy = layout_timeline(small_case(), NAMES, group_by="packed", label_room=15 / 181)
    assert [[i.item_id for i in row.items] for row in roomy.lane("interventie").rows] == [
        ["VT", "WIJK"]]
    assert all(row.label == "" for row in roomy.lane("interventie").rows)
