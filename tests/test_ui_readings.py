"""Readings per person in Resultaten (FORMATS.md 1.1 ``readings``, ``scale``, ``agreed``):
typed into the window, checked against the scale, undoable, saved, reopened, printed."""

from __future__ import annotations

from capture_support import open_window, type_in_cell
from conftest import case_yaml
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox

from effectencalculator.model.case import Reading
from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.report.build import write_report_pdf

CASE = case_yaml("""\
    - id: interventie
      role: intervention
      lines: []
    - id: referentie
      role: reference
      lines: []
    """, extra="""\
    household:
      - {id: m1, label: Moeder, role: ouder}
      - {id: k1, label: Kind 1, role: kind}
    outcomes:
      - {domain: veiligheid, direction: verbeterd}
      - {domain: school, direction: gelijk}
    """).replace("  title: Testgezin\n",
                 "  title: Testgezin\n  participants: [Moeder, Jeugdbeschermer]\n")


def _readings(window):
    window.show_section(window.sections.index(window.resultaten))
    return window.resultaten.readings


def _cell(table, row: int, key: str):
    return table.model.index(row, table.model.column_index(key))


def _type_who(qtbot, table, row: int, text: str) -> None:
    view = table.view
    index = _cell(table, row, "who")
    view.setCurrentIndex(index)
    assert view.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)
    combo = next(w for w in view.viewport().findChildren(QComboBox) if w.isVisible())
    assert combo.isEditable()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Moeder", "Kind 1", "Jeugdbeschermer"]  # household labels, then participants
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), text)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState,
                    timeout=1000)


def test_readings_typed_in_resultaten_round_trip_and_reach_the_pdf(
        qtbot, ctx, tmp_path, monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    doc, section = window.doc, window.resultaten
    table = _readings(window)
    assert table.model.outcome == 0 and table.model.rowCount() == 0

    qtbot.keyClick(section.scale, Qt.Key.Key_Down)  # "geen vaste schaal" → ZRM
    assert doc.case.outcomes[0].scale == "zrm"
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert type_in_cell(qtbot, table.view, _cell(table, 0, "start"), "2") is None
    assert type_in_cell(qtbot, table.view, _cell(table, 0, "end"), "4") is None
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    _type_who(qtbot, table, 1, "Jeugdbeschermer")
    assert type_in_cell(qtbot, table.view, _cell(table, 1, "start"), "1") is None
    # outside the ZRM scale: refused with the case check's words, the old value stays
    refused = type_in_cell(qtbot, table.view, _cell(table, 1, "end"), "6")
    assert refused is not None
    assert "6 ligt buiten de schaal zrm (1 tot en met 5)" in refused.toolTip()
    qtbot.keyClick(refused, Qt.Key.Key_Escape)
    assert doc.case.outcomes[0].readings[1].end is None
    assert type_in_cell(qtbot, table.view, _cell(table, 1, "end"), "3") is None
    assert _cell(table, 1, "change").data() == "+2"
    qtbot.mouseClick(section.not_agreed, Qt.MouseButton.LeftButton)

    assert doc.case.outcomes[0].agreed is False
    assert doc.case.outcomes[0].readings == [Reading("Moeder", 2, 4),
                                             Reading("Jeugdbeschermer", 1, 3)]
    # the other outcome has its own (empty) readings; back again shows these
    section.view.setCurrentIndex(section.model.index(1, 0))
    assert table.model.rowCount() == 0 and not section.not_agreed.isChecked()
    section.view.setCurrentIndex(section.model.index(0, 0))
    assert table.model.rowCount() == 2 and section.not_agreed.isChecked()

    # every step is undoable: 'niet eens', then the last reading's end
    doc.undo_stack.undo()
    assert doc.case.outcomes[0].agreed is None and not section.not_agreed.isChecked()
    doc.undo_stack.undo()
    assert doc.case.outcomes[0].readings[1].end is None
    doc.undo_stack.redo()
    doc.undo_stack.redo()

    path = tmp_path / "casus.yaml"
    assert window.controller.write(path)
    text = path.read_text(encoding="utf-8")
    assert "agreed: false" in text and "scale: zrm" in text
    reopened = load_case(path)
    assert reopened.outcomes[0].readings == doc.case.outcomes[0].readings
    assert reopened.outcomes[0].agreed is False and reopened.outcomes[0].scale == "zrm"
    assert reopened.outcomes[1].readings == [] and reopened.outcomes[1].agreed is None

    window.doc.undo_stack.setClean()
    again = open_window(qtbot, ctx, tmp_path, monkeypatch, path=path)
    shown = _readings(again)
    assert [[shown.model.index(r, c).data() for c in range(4)] for r in range(2)] == [
        ["Moeder", "2", "4", "+2"], ["Jeugdbeschermer", "1", "3", "+2"]]
    assert again.resultaten.not_agreed.isChecked()
    assert again.resultaten.scale.currentData() == "zrm"

    table_, _ = table_for_case(reopened)
    pdf = tmp_path / "rapport.pdf"
    write_report_pdf(reopened, table_, pdf)
    printed = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "veiligheid (niet eens) ZRM 1–5 Moeder 2 4 +2" in printed
    assert "Jeugdbeschermer 1 3 +2" in printed


def test_scale_0_10_takes_one_decimal_and_delete_empties_a_score(
        qtbot, ctx, tmp_path, monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    doc, section = window.doc, window.resultaten
    table = _readings(window)
    qtbot.keyClick(section.scale, Qt.Key.Key_Down)
    qtbot.keyClick(section.scale, Qt.Key.Key_Down)
    assert doc.case.outcomes[0].scale == "0-10"
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert type_in_cell(qtbot, table.view, _cell(table, 0, "start"), "6,5") is None
    refused = type_in_cell(qtbot, table.view, _cell(table, 0, "end"), "7,25")
    assert refused is not None and "hooguit één decimaal" in refused.toolTip()
    qtbot.keyClick(refused, Qt.Key.Key_Escape)
    assert doc.case.outcomes[0].readings == [Reading("Moeder", 6.5, None)]
    assert _cell(table, 0, "start").data() == "6,5"

    table.view.setCurrentIndex(_cell(table, 0, "start"))
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert doc.case.outcomes[0].readings[0].start is None

    # a reading already outside a scale chosen later is marked in the table
    assert type_in_cell(qtbot, table.view, _cell(table, 0, "start"), "4,5") is None
    qtbot.keyClick(section.scale, Qt.Key.Key_Up)  # back to ZRM: 4,5 is no whole number
    assert "hele getallen" in _cell(table, 0, "start").data(Qt.ItemDataRole.ToolTipRole)

    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert doc.case.outcomes[0].readings == []
    window.doc.undo_stack.setClean()
