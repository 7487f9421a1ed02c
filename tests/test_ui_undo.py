"""Undo/redo of line edits restores values and totals; menu entries name the action."""

from __future__ import annotations

from datetime import date

from conftest import EXAMPLE_CASE
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_support import make_window

from effectencalculator.model.calculation import calculate
from effectencalculator.report.format import format_euro


def totals(window) -> tuple[str, str]:
    window.results.recalculate_now()
    return (window.berekening.figure_text("net_result"),
            window.inzet.page("referentie").totals.text())


def test_ui_undo_redo_of_line_edits_restores_values_and_totals(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    doc = window.doc
    stack = doc.undo_stack
    page = window.inzet.page("referentie")
    model = page.model
    before_lines = [l for l in doc.case.scenarios[1].lines]
    before_case = doc.case.copy()
    before = totals(window)

    quantity = model.index(6, model.column_index("quantity"))   # OTS-JAAR1, 3 jaar
    assert model.setData(quantity, 2.0)
    assert model.setData(quantity, 1.0)          # same cell again: merges into one step
    assert stack.count() == 1
    assert window.actions_.undo.text() == "Ongedaan maken: aantal van regel 7 (referentie) wijzigen"
    probability = model.index(7, model.column_index("probability"))
    assert model.setData(probability, 50)
    start = model.index(7, model.column_index("start"))
    assert model.setData(start, date(2025, 10, 1))
    page.view.setCurrentIndex(model.index(0, 0))
    page.remove_lines()
    assert window.isWindowModified()

    edited = totals(window)
    assert edited != before
    result = calculate(doc.case, doc.table)
    assert window.berekening.figure_text("net_result") == format_euro(
        result.comparison.net_result)

    while stack.canUndo():
        stack.undo()
    assert doc.case.scenarios[1].lines == before_lines
    assert doc.case == before_case
    assert totals(window) == before
    assert model.index(6, model.column_index("quantity")).data() == "3"
    assert not window.isWindowModified()

    while stack.canRedo():
        stack.redo()
    assert totals(window) == edited
    assert doc.case.scenarios[1].lines[5].quantity == 1.0       # row 6 after the removal
    assert window.actions_.redo.isEnabled() is False
    stack.setClean()


def test_ui_switching_quantity_to_rate_is_one_undo_step(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    model = window.inzet.page("interventie").model
    line = window.doc.case.scenarios[0].lines[0]          # VT-ZAAK, 1 op 31-1-2025
    per = model.index(0, model.column_index("per"))
    assert model.setData(per, "week")
    changed = window.doc.case.scenarios[0].lines[0]
    assert changed.rate.per == "week" and changed.quantity is None
    assert changed.start == changed.end == date(2025, 1, 31) and changed.date is None
    window.doc.undo_stack.undo()
    assert window.doc.case.scenarios[0].lines[0] == line
    # a checkbox edit, undone by the menu action
    approach = model.index(0, model.column_index("approach"))
    model.setData(approach, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.doc.case.scenarios[0].lines[0].approach_cost
    window.actions_.undo.trigger()
    assert not window.doc.case.scenarios[0].lines[0].approach_cost
    window.doc.undo_stack.setClean()


def test_ui_form_edits_merge_and_undo(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    code = window.gegevens.code
    qtbot.keyClicks(code, "-X")
    assert window.doc.case.info.code == "PT-AMS-014-X"
    assert window.doc.undo_stack.count() == 1           # two keystrokes, one step
    assert "PT-AMS-014-X" in window.windowTitle()
    window.doc.undo_stack.undo()
    assert code.text() == "PT-AMS-014" and window.doc.case.info.code == "PT-AMS-014"
    assert not window.isWindowModified()


def test_ui_choose_another_table_price_year_and_discounting_are_undoable(qtbot, ctx,
                                                                        table_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    section = window.kostentabel
    net_before = window.berekening.figure_text("net_result")
    section.price_year.selectAll()
    QTest.keyClicks(section.price_year, "2024")
    QTest.keyClick(section.price_year, Qt.Key.Key_Return)
    window.results.recalculate_now()
    assert window.doc.case.settings.price_year == 2024
    assert window.berekening.figure_text("net_result") != net_before
    section.discount.setChecked(True)
    assert window.doc.case.settings.discount_rate == 0.0225          # the MKBA preset
    assert section.use_table_file(table_path)
    assert window.doc.table.name == "test-tabel"
    assert window.doc.case.settings.cost_table == "test-tabel"
    assert ctx.dialogs.asked_yes_no  # offered to copy it to the tables folder (declined)
    window.results.recalculate_now()
    # the own item (prijspeil 2022) cannot be indexed with this table: said, not guessed
    assert window.results.live.result is None
    assert "2022" in window.results.live.errors[0].message
    assert window.berekening.figure_text("net_result") == "—"
    assert "2022" in window.berekening.problems.text()
    stack = window.doc.undo_stack
    assert stack.undoText() == "kostentabel test-tabel 1.0 kiezen"
    while stack.canUndo():
        stack.undo()
    window.results.recalculate_now()
    assert window.doc.table.name == "nl-jeugd-gezin"
    assert window.doc.case.settings.price_year == 2025
    assert window.doc.case.settings.discount_rate == 0.0
    assert section.price_year.value() == 2025 and not section.discount.isChecked()
    assert window.berekening.figure_text("net_result") == net_before
