"""Berekening: the Monte Carlo interval, the "onzeker" verdict, the tornado chart and the
ranked sensitivity table, the scenarios side by side and the comparison choice."""

from __future__ import annotations

from conftest import EXAMPLE_CASE, ROOT
from test_ui_support import make_window

from effectencalculator.model.calculation import calculate
from effectencalculator.model.sensitivity import sensitivity
from effectencalculator.model.uncertainty import simulate
from effectencalculator.report.format import format_euro, format_percent

UNCERTAIN_CASE = ROOT / "examples" / "pt-gld-047-van-der-veen.yaml"
VARIANTS_CASE = ROOT / "examples" / "pt-utr-031-jonkers.yaml"


def open_berekening(qtbot, ctx, path):
    window = make_window(qtbot, ctx, path)
    window.show()
    window.show_section(window.sections.index(window.berekening))
    window.uncertainty.run_now()  # the debounce timer is a fake: run at once
    return window


def test_ui_uncertainty_figures_equal_simulate(qtbot, ctx):
    window = open_berekening(qtbot, ctx, EXAMPLE_CASE)
    section = window.berekening
    result = calculate(window.doc.case, window.doc.table)
    u = simulate(result)
    c = result.comparison
    model = section.uncertainty_model
    assert model.rowCount() == 3
    for row, (point, interval) in enumerate(((c.net_result, u.net_result),
                                             (c.besparingen, u.besparingen),
                                             (c.baten, u.baten))):
        assert [model.cell(row, col) for col in range(1, 5)] == [
            format_euro(point), format_euro(interval.p10), format_euro(interval.p50),
            format_euro(interval.p90)]
    assert section.share_label.text() == format_percent(u.share_intervention_cheaper)
    assert not u.uncertain
    assert section.figure_text("net_result") == format_euro(c.net_result)
    assert "onzeker" not in section.verdict_label.text()
    assert format_euro(u.net_result.p10) in section.cards["net_result"].note.text()
    assert "trekkingen" in section.uncertainty_status.text()
    assert window.uncertainty.outcome.elapsed_ms > 0
    window.doc.undo_stack.setClean()


def test_ui_uncertain_case_says_onzeker_not_a_saving(qtbot, ctx):
    window = open_berekening(qtbot, ctx, UNCERTAIN_CASE)
    section = window.berekening
    result = calculate(window.doc.case, window.doc.table)
    u = simulate(result)
    assert u.uncertain  # the example is chosen for this
    # the report's words (report.figures): "onzeker", and "ongeveer gelijk" in the note
    assert section.figure_text("net_result") == "onzeker"
    assert section.figure_text("besparingen") == "onzeker"
    assert section.figure_text("baten") == "onzeker"
    note = section.cards["net_result"].note.text()
    assert format_euro(result.comparison.net_result) in note
    assert note.startswith("ongeveer gelijk; puntschatting")
    assert "Onzeker: ongeveer gelijk" in section.verdict_label.text()
    total_row = section.payer_model.rowCount() - 1
    assert section.payer_model.cell(total_row, 0) == "Totaal (onzeker: ongeveer gelijk)"
    assert section.payer_model.headers[4] == "verschil inzet"
    window.doc.undo_stack.setClean()


def test_ui_tornado_shows_the_top_item_and_ranked_table(qtbot, ctx):
    window = open_berekening(qtbot, ctx, EXAMPLE_CASE)
    section = window.berekening
    swings = [s for s in sensitivity(calculate(window.doc.case, window.doc.table))
              if s.spread > 0]
    top = swings[0]
    model = section.swing_model
    assert model.rowCount() == min(len(swings), 50)
    assert model.cell(0, 0) == "1"
    assert model.cell(0, 2) == f"{top.item_name} (regel {top.line_index + 1})"
    assert model.cell(0, 7) == format_euro(top.spread)
    svg = section.tornado_chart.svg_bytes
    assert svg.startswith(b"<?xml") and b"clipPath" not in svg
    first_word = top.item_name.split()[0].encode("utf-8")
    assert b"1. " + first_word in svg.replace(b"&amp;", b"&")
    window.doc.undo_stack.setClean()


def test_ui_uncertainty_follows_edits_and_drops_stale_runs(qtbot, ctx):
    window = open_berekening(qtbot, ctx, EXAMPLE_CASE)
    ctl = window.uncertainty
    before = ctl.outcome.uncertainty.net_result
    # an edit: the live totals recalculate, the simulation is due again (debounced)
    page = window.inzet.page("referentie")
    model = page.model
    column = model.column_index("probability")
    row = next(r for r in range(model.rowCount())
               if page.scenario().lines[r].probability < 1)
    model.setData(model.index(row, column), 1.0)
    window.results.recalculate_now()
    assert ctl.stale and ctl.timer.isActive()
    assert "wordt bijgewerkt" in window.berekening.uncertainty_status.text()
    ctl.timer.fire()
    assert not ctl.stale
    after = ctl.outcome.uncertainty.net_result
    assert after != before
    expected = simulate(calculate(window.doc.case, window.doc.table)).net_result
    assert after == expected
    # an outcome that arrives after a newer edit is not shown
    generation = ctl.generation
    ctl.running = True
    ctl._case_edited()
    ctl._done(generation, None)
    assert ctl.outcome.uncertainty.net_result == expected and ctl.stale
    window.doc.undo_stack.setClean()


def test_ui_uncertainty_does_not_run_while_hidden(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    window.show()
    window.show_section(0)
    window.results.recalculate_now()
    assert not window.uncertainty.timer.isActive()
    window.show_section(window.sections.index(window.berekening))
    assert window.uncertainty.timer.isActive()
    window.doc.undo_stack.setClean()


def test_ui_every_scenario_side_by_side_and_compare_choice_is_undoable(qtbot, ctx):
    window = open_berekening(qtbot, ctx, VARIANTS_CASE)
    section = window.berekening
    result = calculate(window.doc.case, window.doc.table)
    assert section.scenario_model.rowCount() == len(result.scenarios) == 4
    itv = result.scenarios["interventie"]
    for row, s in enumerate(result.scenarios.values()):
        expected = "—" if s.id == "interventie" else format_euro(s.total - itv.total)
        assert section.scenario_model.cell(row, 7) == expected
    # choose another reference: an undoable edit of settings.compare
    combo = section.reference_combo
    combo.setCurrentIndex(combo.findData("referentie-pessimistisch"))
    combo.activated.emit(combo.currentIndex())
    assert window.doc.case.settings.compare.reference == "referentie-pessimistisch"
    assert window.doc.undo_stack.canUndo()
    window.results.recalculate_now()
    window.uncertainty.run_now()
    pess = result.scenarios["referentie-pessimistisch"]
    assert section.figure_text("net_result") in (format_euro(pess.total - itv.total),
                                                 "onzeker")
    assert window.uncertainty.outcome.pair == ("referentie-pessimistisch", "interventie")
    window.doc.undo_stack.undo()
    assert window.doc.case.settings.compare.reference == "referentie"
    assert combo.currentData() == "referentie"
    window.doc.undo_stack.setClean()


def test_ui_status_bar_says_onzeker_for_an_uncertain_case(qtbot, ctx):
    window = open_berekening(qtbot, ctx, UNCERTAIN_CASE)
    assert "(onzeker: ongeveer gelijk)" in window.totals_label.text()
    window.doc.undo_stack.setClean()
