"""The pure parts behind the report: the timeline layout, the breakdowns of the result,
and the chart factories used on their own (as the GUI does, through SVG)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from conftest import EXAMPLE_CASE

from effectencalculator.model.breakdown import (
    category_differences,
    payer_differences,
    probability_share,
    reconciliation,
    year_differences,
)
from effectencalculator.model.calculation import calculate
from effectencalculator.model.case import (
    Case,
    CaseInfo,
    Event,
    Narrative,
    Rate,
    Scenario,
    ServiceLine,
)
from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.model.timeline_layout import EVENTS_LANE, layout_timeline


def small_case() -> Case:
    case = Case(info=CaseInfo(code="T-1"))
    case.info.period.start, case.info.period.end = date(2025, 1, 10), date(2025, 6, 20)
    case.scenarios = [
        Scenario("referentie", "Huidig", "reference", [
            ServiceLine("OTS", quantity=1, start=date(2025, 3, 1), end=date(2025, 8, 31)),
            ServiceLine("OTS", quantity=1, start=date(2025, 4, 1), end=date(2025, 4, 30)),
        ]),
        Scenario("variant", "Variant", "variant", [ServiceLine("UUR", quantity=2)]),
        Scenario("interventie", "Nieuw", "intervention", [
            ServiceLine("UUR", quantity=3, date=date(2025, 2, 1), approach_cost=True),
            ServiceLine("UUR", rate=Rate(2, "week")),  # no period: cannot be placed
        ]),
    ]
    case.narrative = Narrative("", [
        Event(date(2025, 5, 1), "referentie", title="Later"),
        Event(date(2025, 2, 1), "beide", title="Eerst"),
        Event(date(2025, 2, 2), "interventie", title="Vlak erna"),
    ])
    return case


def test_lanes_are_events_then_intervention_reference_variants():
    layout = layout_timeline(small_case(), {"OTS": "Ondertoezichtstelling"})
    assert [lane.id for lane in layout.lanes] == [EVENTS_LANE, "interventie", "referentie",
                                                  "variant"]
    assert (layout.start, layout.end) == (date(2025, 1, 1), date(2025, 8, 31))
    assert layout.unplaced == [(2, 1)]


def test_bars_markers_and_fractions():
    layout = layout_timeline(small_case(), {"OTS": "Ondertoezichtstelling"})
    days = layout.days
    itv = layout.lane("interventie")
    marker = itv.items[0]
    assert marker.kind == "marker" and marker.approach_cost
    assert marker.x0 == marker.x1 == pytest.approx((31 + 0.5) / days)
    ref = layout.lane("referentie")
    # Two OTS lines overlap: one item, two rows, the second marked as continuation.
    assert [(r.label, r.continuation) for r in ref.rows] == [
        ("Ondertoezichtstelling", False), ("Ondertoezichtstelling", True)]
    bar = ref.rows[0].items[0]
    assert bar.kind == "bar" and bar.x0 == pytest.approx(59 / days) and bar.x1 == 1.0
    # A line without date or period falls on the case period's start.
    variant = layout.lane("variant").items[0]
    assert variant.kind == "marker" and variant.first_day == date(2025, 1, 10)


def test_events_are_numbered_by_date_and_close_ones_get_another_row():
    layout = layout_timeline(small_case())
    lane = layout.lane(EVENTS_LANE)
    assert [(i.number, i.label) for i in sorted(lane.items, key=lambda i: i.number)] == [
        (1, "Eerst"), (2, "Vlak erna"), (3, "Later")]
    assert len(lane.rows) == 2 and lane.rows[1].items[0].label == "Vlak erna"


def test_ticks_and_one_row_per_line():
    layout = layout_timeline(small_case(), group_by="line")
    assert [t.day.month for t in layout.ticks] == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert [t.level for t in layout.ticks][:4] == [2, 0, 0, 1]
    assert len(layout.lane("referentie").rows) == 2


def test_empty_case_gives_an_empty_layout():
    layout = layout_timeline(Case())
    assert layout.is_empty and layout.lanes == [] and layout.fraction(date.today()) == 0.0


def test_timeline_layout_imports_neither_qt_nor_reportlab():
    code = ("import sys, effectencalculator.model.timeline_layout, "
            "effectencalculator.model.breakdown; "
            "print(any(m.split('.')[0] in ('PySide6', 'reportlab') for m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "False", run.stderr


@pytest.fixture(scope="module")
def example_result():
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    return case, table, calculate(case, table)


def test_breakdowns_add_up_to_the_comparison(example_result):
    _, _, result = example_result
    c = result.comparison
    assert sum(d.difference for d in category_differences(result, "inzet")) == \
        pytest.approx(c.besparingen)
    assert sum(d.difference for d in category_differences(result, "effect")) == \
        pytest.approx(c.baten)
    assert sum(d.difference for d in year_differences(result)) == pytest.approx(c.net_result)
    assert {d.key: d.difference for d in payer_differences(result)} == c.by_payer
    rec = reconciliation(result.scenarios["referentie"])
    assert rec.adjustment == 0 and rec.counted == result.scenarios["referentie"].total


def test_reconciliation_leads_from_the_printed_lines_to_the_total(example_result):
    """PT-AMS-014's interventie holds a transfer (bijstand, € 4.683,07 for the
    municipality, 0 for society): the lines add up to € 40.223,79, the total is
    € 35.540,72 (the example's own figures, table 2025.1)."""
    _, _, result = example_result
    rec = reconciliation(result.scenarios["interventie"])
    assert rec.lines == pytest.approx(40223.79, abs=0.01)
    assert rec.transfers == pytest.approx(4683.07, abs=0.01)
    assert rec.counted == pytest.approx(35540.72, abs=0.01)
    for s in result.scenarios.values():
        rec = reconciliation(s)
        assert rec.lines - rec.transfers + rec.adjustment == pytest.approx(rec.counted)


def test_probability_share_counts_the_uncertain_lines(example_result):
    _, _, result = example_result
    assert probability_share(result.scenarios["interventie"]) is None  # all certain
    s = result.scenarios["referentie"]
    share = probability_share(s)
    uncertain = [r for r in s.lines if r.line.probability < 1]
    assert share is not None and share.lines == len(uncertain) > 0
    assert share.cost == pytest.approx(sum(r.cost for r in uncertain))
    assert share.share == pytest.approx(share.cost / sum(r.cost for r in s.lines))
    assert share.lowest == min(r.line.probability for r in uncertain)


def test_charts_work_on_their_own_and_render_to_svg(example_result):
    from reportlab.graphics import renderSVG

    from effectencalculator.report.build import report_content
    from effectencalculator.report.charts import cumulative_chart, payer_bar_chart, timeline_chart
    from effectencalculator.report.format import format_euro

    case, table, result = example_result
    content = report_content(case, table)
    bars = payer_bar_chart(content, 480, 260)
    assert (bars.width, bars.height) == (480, 260)
    svg = renderSVG.drawToString(bars)
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert format_euro(result.scenarios["referentie"].by_payer["gemeente"]) in svg
    assert "Gemeente" in svg
    line = cumulative_chart(content.cumulative_series, 480, 220)
    svg = renderSVG.drawToString(line)
    assert format_euro(result.scenarios["interventie"].total) in svg and "jan 2025" in svg
    assert "stroke-dasharray" in svg  # the reference line is dashed (grayscale-readable)
    svg = renderSVG.drawToString(timeline_chart(content.timeline, 480))
    assert "Ondertoezichtstelling" in svg and "Gebeurtenissen" in svg


def test_charts_say_so_when_there_is_nothing_to_draw():
    from reportlab.graphics import renderSVG

    from effectencalculator.report.charts import cumulative_chart, nice_ticks, payer_bar_chart
    from effectencalculator.report.content import CumulativeSeries, PayerSeries

    assert "Geen geprijsde kosten" in renderSVG.drawToString(
        payer_bar_chart(PayerSeries([], [], []), 300, 100))
    assert "Geen geprijsde kosten" in renderSVG.drawToString(
        cumulative_chart(CumulativeSeries([], [], None, None), 300, 100))
    assert nice_ticks(0, 49_078) == [0, 10_000, 20_000, 30_000, 40_000, 50_000]
    assert nice_ticks(-500, 2_000)[0] == -500
