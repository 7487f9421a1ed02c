"""Kostentabel → Eigen tabel maken: a region's table typed into the dialog (a cell that
does not read is named and blocks Opslaan), saved in the user's tables folder, pricing
the case (undoable), named with its base in the report, and edited again."""

from __future__ import annotations

import pytest
from capture_support import open_window, type_in_cell
from conftest import case_yaml
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import available_tables, table_for_case
from effectencalculator.report.build import write_report_pdf
from effectencalculator.ui.own_table_dialog import COLUMNS

CASE = case_yaml("""\
    - id: interventie
      role: intervention
      lines:
        - {item: UUR, quantity: 1, date: 2024-02-01}
    - id: referentie
      role: reference
      lines:
        - {item: UUR, quantity: 4, date: 2024-02-01}
    """, settings="price_year: 2024")


def net(window) -> float:
    window.results.recalculate_now()
    return window.results.live.result.comparison.net_result


def type_head(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def cell(dialog, row: int, key: str):
    return dialog.model.index(row, COLUMNS.index(key))


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def make_regional_table(qtbot, window):
    """Type a region's table as a researcher would: name, version, title; UUR taken over
    at 130 (first typed wrong), with its year and source."""
    section = window.kostentabel
    window.show_section(window.sections.index(section))
    qtbot.mouseClick(section.make_own_button, Qt.MouseButton.LeftButton)
    dialog = section.own_table_dialog
    assert dialog is not None and dialog.isVisible()
    type_head(qtbot, dialog.name_edit, "regio-west")
    type_head(qtbot, dialog.version_edit, "2026.1")
    type_head(qtbot, dialog.title_edit, "Tarieven regio West")
    qtbot.keyClicks(dialog.base_search, "uur hulp")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1 and dialog.draft.rows[0].base_id == "UUR"
    view = dialog.view
    type_in_cell(qtbot, view, cell(dialog, 0, "tariff"), "honderddertig")
    type_in_cell(qtbot, view, cell(dialog, 0, "price_year"), "2024")
    type_in_cell(qtbot, view, cell(dialog, 0, "source"), "Contract regio West 2024")
    # the bad tariff is named (row and field) and keeps Opslaan off
    assert "Regel 1 (UUR), Tarief: " in dialog.problems_label.text()
    assert not save_button(dialog).isEnabled()
    assert dialog.model.data(cell(dialog, 0, "tariff"), Qt.ItemDataRole.ToolTipRole)
    type_in_cell(qtbot, view, cell(dialog, 0, "tariff"), "130,00")
    # 130 lies outside the base's 80–120: the dialog asks for a range of its own
    assert "Regel 1 (UUR), Hoog: " in dialog.problems_label.text()
    type_in_cell(qtbot, view, cell(dialog, 0, "low"), "110")
    type_in_cell(qtbot, view, cell(dialog, 0, "high"), "150")
    assert "Klaar om op te slaan" in dialog.problems_label.text()
    # the base's fields of a copied item are shown, not editable
    assert not dialog.model.flags(cell(dialog, 0, "name")) & Qt.ItemFlag.ItemIsEditable
    return section, dialog


def test_a_regional_table_made_in_the_window_prices_the_case(qtbot, ctx, tmp_path,
                                                              monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    assert net(window) == pytest.approx(300.0)  # (4 − 1) hours × 100
    section, dialog = make_regional_table(qtbot, window)
    ctx.dialogs.yes_no = True  # "Deze casus ermee rekenen?"
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert section.own_table_dialog is None and ctx.dialogs.errors == []
    saved = tmp_path / "tabellen" / "regio-west.yaml"
    assert saved.exists()
    assert "regio-west" in [ref.name for ref in available_tables()]  # for every case
    assert window.doc.table.name == "regio-west"
    assert net(window) == pytest.approx(390.0)  # (4 − 1) hours × 130
    assert section.edit_own_button.isVisible()
    window.doc.undo_stack.undo()  # the table choice is one undo step
    assert window.doc.table.name == "test-tabel" and net(window) == pytest.approx(300.0)
    window.doc.undo_stack.redo()

    # saved, the case records both tables; the Verantwoording names both
    case_path = tmp_path / "casus.yaml"
    assert window.controller.save()
    case = load_case(case_path)
    assert case.settings.cost_table == "regio-west"
    assert case.settings.cost_table_base.name == "test-tabel"
    table, _ = table_for_case(case)
    pdf = tmp_path / "rapport.pdf"
    write_report_pdf(case, table, pdf)
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "regio-west" in text and "Breidt uit" in text and "test-tabel" in text
    words = " ".join(text.split())  # a table cell wraps
    assert "Uur hulp (UUR) uur € 130,00 (2024)" in words
    assert "(tarief vervangt de basistabel)" in words
    window.doc.undo_stack.setClean()


def test_the_own_table_is_edited_again_and_reprices_the_case(qtbot, ctx, tmp_path,
                                                             monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    section, dialog = make_regional_table(qtbot, window)
    ctx.dialogs.yes_no = True
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    asked = len(ctx.dialogs.asked_yes_no)
    qtbot.mouseClick(section.edit_own_button, Qt.MouseButton.LeftButton)
    dialog = section.own_table_dialog
    assert dialog.name_edit.isReadOnly() and dialog.name_edit.text() == "regio-west"
    assert dialog.model.data(cell(dialog, 0, "tariff")) == "130"
    type_in_cell(qtbot, dialog.view, cell(dialog, 0, "tariff"), "140")
    type_head(qtbot, dialog.version_edit, "2026.2")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    # the active table was edited: it is taken at once, without asking
    assert len(ctx.dialogs.asked_yes_no) == asked
    assert window.doc.table.version == "2026.2"
    assert net(window) == pytest.approx(420.0)  # (4 − 1) × 140
    window.doc.undo_stack.setClean()


def test_cancel_writes_nothing(qtbot, ctx, tmp_path, monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    section, dialog = make_regional_table(qtbot, window)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not (tmp_path / "tabellen" / "regio-west.yaml").exists()
    assert window.doc.table.name == "test-tabel" and section.own_table_dialog is None
    window.doc.undo_stack.setClean()


def test_enter_in_the_search_takes_the_item_over_and_keeps_the_dialog_open(
        qtbot, ctx, tmp_path, monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    section, dialog = make_regional_table(qtbot, window)
    assert save_button(dialog).isEnabled()  # a default button would save on Enter
    dialog.base_search.setFocus()
    dialog.base_search.clear()
    qtbot.keyClicks(dialog.base_search, "GGZ")
    qtbot.keyClick(dialog.base_search, Qt.Key.Key_Return)
    assert dialog.isVisible() and section.own_table_dialog is dialog
    assert [r.base_id for r in dialog.draft.rows] == ["UUR", "GGZ"]
    assert not (tmp_path / "tabellen" / "regio-west.yaml").exists()
    dialog.reject()
    window.doc.undo_stack.setClean()
