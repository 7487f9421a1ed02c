"""Inzet → "Berekening tonen": each line's arithmetic as a column, from the calculation's
own figures, remembered between sessions (issue 15, "The arithmetic in the grid")."""

from __future__ import annotations

from capture_support import open_window, type_in_cell
from conftest import case_yaml
from PySide6.QtCore import Qt

from effectencalculator.ui.settings import SHOW_CALCULATION

# index 2014 = 100, 2024 = 125: the OTS (8.000 at 2014) costs 10.000 at the case's 2024
CASE = case_yaml("""\
    - id: interventie
      role: intervention
      lines:
        - {item: UUR, quantity: 3, date: 2024-02-01}
    - id: referentie
      role: reference
      lines:
        - {item: OTS, quantity: 1, start: 2024-03-01, end: 2025-02-28, probability: 0.8}
        - {item: ONBEKEND, quantity: 2, date: 2024-03-01}
    """)


def _open(qtbot, ctx, tmp_path, monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    window.show_section(window.sections.index(window.inzet))
    return window


def _calc(page, row: int) -> str:
    model = page.model
    return model.index(row, model.column_index("calc")).data()


def _calc_hidden(page) -> bool:
    return page.view.isColumnHidden(page.model.column_index("calc"))


def test_berekening_tonen_shows_each_lines_arithmetic_and_is_remembered(
        qtbot, ctx, tmp_path, monkeypatch):
    window = _open(qtbot, ctx, tmp_path, monkeypatch)
    inzet = window.inzet
    toggle = inzet.calculation_toggle
    assert not toggle.isChecked() and all(_calc_hidden(p) for p in inzet.pages)

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert toggle.isChecked() and not any(_calc_hidden(p) for p in inzet.pages)
    intervention, reference = inzet.page("interventie"), inzet.page("referentie")
    assert _calc(intervention, 0) == "3 uur × € 100,00 × 100% = € 300,00"
    assert _calc(reference, 0) == "1 jaar × € 10.000,00 × 80% = € 8.000,00"
    assert _calc(reference, 1) == "niet geprijsd"

    # typing a new quantity (Dutch decimal comma) changes the arithmetic with the totals
    window.inzet.tabs.setCurrentWidget(intervention)
    model = intervention.model
    assert type_in_cell(qtbot, intervention.view,
                        model.index(0, model.column_index("quantity")), "4,5") is None
    window.results.recalculate_now()
    assert _calc(intervention, 0) == "4,5 uur × € 100,00 × 100% = € 450,00"
    window.doc.undo_stack.undo()
    window.results.recalculate_now()
    assert _calc(intervention, 0) == "3 uur × € 100,00 × 100% = € 300,00"

    # a scenario added later follows the toggle; the choice outlives the window
    inzet.add_scenario()
    assert not _calc_hidden(inzet.pages[-1])
    assert ctx.settings.get(SHOW_CALCULATION) is True
    window.doc.undo_stack.setClean()
    window.close()
    ctx.settings.sync()
    again = _open(qtbot, ctx, tmp_path, monkeypatch)
    assert again.inzet.calculation_toggle.isChecked()
    assert not _calc_hidden(again.inzet.page("referentie"))
    qtbot.mouseClick(again.inzet.calculation_toggle, Qt.MouseButton.LeftButton)
    assert _calc_hidden(again.inzet.page("referentie"))
    assert ctx.settings.get(SHOW_CALCULATION) is False


def test_bool_settings_read_back_from_the_ini_file(ctx):
    store = ctx.settings.store
    store.setValue(SHOW_CALCULATION.name, "true")
    assert ctx.settings.get(SHOW_CALCULATION) is True
    store.setValue(SHOW_CALCULATION.name, "false")
    assert ctx.settings.get(SHOW_CALCULATION) is False
