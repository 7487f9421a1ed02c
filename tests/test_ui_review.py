"""The review state in Gegevens (FORMATS.md 1.1 ``case.review``): chosen and typed in
the window, a date typed the Dutch way (unreadable: red, the old date stays), undoable,
saved byte-stable, and printed among the report's case facts."""

from __future__ import annotations

from datetime import date

from capture_support import open_window
from conftest import case_yaml
from pypdf import PdfReader
from PySide6.QtCore import Qt

from effectencalculator.model.case import Review
from effectencalculator.model.storage import case_to_text, load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.report.build import write_report_pdf

CASE = case_yaml("""\
    - id: interventie
      role: intervention
      lines: []
    - id: referentie
      role: reference
      lines: []
    """)


def _gegevens(window):
    window.show_section(window.sections.index(window.gegevens))
    return window.gegevens.review


def test_review_chosen_and_typed_is_undoable_saved_and_printed(qtbot, ctx, tmp_path,
                                                               monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    doc = window.doc
    review = _gegevens(window)
    assert doc.case.info.review is None and review.status.currentText() == "concept"

    qtbot.keyClick(review.status, Qt.Key.Key_Down)  # concept → gecontroleerd
    assert doc.case.info.review == Review(status="gecontroleerd")
    review.by.setFocus()
    qtbot.keyClicks(review.by, "A. Bakker")
    assert doc.case.info.review.by == "A. Bakker"
    review.date.setFocus()
    qtbot.keyClicks(review.date, "3-12-2026")
    qtbot.keyClick(review.date, Qt.Key.Key_Return)
    assert doc.case.info.review.date == date(2026, 12, 3)
    # 31 February cannot be read: red with the reason, and the date typed before stays
    review.date.selectAll()
    qtbot.keyClicks(review.date, "31-2-2026")
    qtbot.keyClick(review.date, Qt.Key.Key_Return)
    assert review.date.property("invalid") is True
    assert review.date.toolTip() and "31" in review.date.toolTip()
    assert doc.case.info.review.date == date(2026, 12, 3)
    assert doc.undo_stack.count() == 3  # status, the typed name (one step), the date

    # one Ctrl+Z per field, back to a case without a review record
    doc.undo_stack.undo()
    assert doc.case.info.review.date is None and review.date.text() == ""
    assert review.date.property("invalid") is False
    doc.undo_stack.undo()
    assert doc.case.info.review == Review(status="gecontroleerd") and review.by.text() == ""
    doc.undo_stack.undo()
    assert doc.case.info.review is None and review.status.currentText() == "concept"
    for _ in range(3):
        doc.undo_stack.redo()
    assert review.by.text() == "A. Bakker" and review.date.text() == "3-12-2026"

    path = tmp_path / "casus.yaml"
    assert window.controller.write(path)
    text = path.read_text(encoding="utf-8")
    assert ("  review:\n    status: gecontroleerd\n    by: A. Bakker\n"
            "    date: 2026-12-03\n") in text
    reopened = load_case(path)
    assert reopened.info.review == Review("gecontroleerd", "A. Bakker", date(2026, 12, 3))
    assert case_to_text(reopened) == text  # load → write: the same bytes

    table, _ = table_for_case(reopened)
    pdf = tmp_path / "rapport.pdf"
    write_report_pdf(reopened, table, pdf)
    words = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Beoordeling gecontroleerd door A. Bakker op 3 december 2026" in words
    doc.undo_stack.setClean()

    # reopened in the window, the editor shows what was saved
    again = open_window(qtbot, ctx, tmp_path, monkeypatch, path=path)
    shown = _gegevens(again)
    assert (shown.status.currentText(), shown.by.text(), shown.date.text()) == (
        "gecontroleerd", "A. Bakker", "3-12-2026")


def test_a_case_without_review_stays_without_one(qtbot, ctx, tmp_path, monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    doc = window.doc
    review = _gegevens(window)
    # a name typed and wiped again leaves no record behind, and no undo step
    review.by.setFocus()
    qtbot.keyClicks(review.by, "AB")
    assert doc.case.info.review == Review(by="AB")
    qtbot.keyClick(review.by, Qt.Key.Key_Backspace)
    qtbot.keyClick(review.by, Qt.Key.Key_Backspace)
    assert doc.case.info.review is None
    assert doc.undo_stack.count() == 0 and not doc.is_modified

    path = tmp_path / "casus.yaml"
    assert window.controller.write(path)
    assert "review" not in path.read_text(encoding="utf-8")
    table, _ = table_for_case(doc.case)
    pdf = tmp_path / "rapport.pdf"
    write_report_pdf(doc.case, table, pdf)
    words = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Beoordeling concept" in words


FINAL_CASE = CASE.replace("  title: Testgezin\n",
                          "  title: Testgezin\n  review: {status: definitief, by: AB}\n")


def test_editing_a_definitief_case_asks_first_and_sets_it_back_to_concept(
        qtbot, ctx, tmp_path, monkeypatch):
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, FINAL_CASE)
    doc, dialogs = window.doc, ctx.dialogs
    gegevens = window.gegevens
    window.show_section(window.sections.index(gegevens))
    assert _gegevens(window).status.currentText() == "definitief"

    # "Nee": nothing changes, and the field shows the case's title again
    dialogs.yes_no = False
    gegevens.title_edit.setFocus()
    qtbot.keyClicks(gegevens.title_edit, "!")
    assert len(dialogs.asked_yes_no) == 1 and "definitief" in dialogs.asked_yes_no[0]
    assert doc.case.info.title == "Testgezin" and doc.undo_stack.count() == 0
    qtbot.waitUntil(lambda: gegevens.title_edit.text() == "Testgezin", timeout=1000)

    # "Ja": the edit, the status back to concept and a history entry, in one undo step
    dialogs.yes_no = True
    gegevens.title_edit.end(False)
    qtbot.keyClicks(gegevens.title_edit, " 2")
    assert len(dialogs.asked_yes_no) == 2  # asked once; the second key needs no question
    assert doc.case.info.title == "Testgezin 2"
    assert doc.case.info.review == Review("concept", "AB")
    assert _gegevens(window).status.currentText() == "concept"
    note = doc.case.history[-1]
    assert note.note == "beoordeling definitief → concept: de casus is gewijzigd"
    assert note.time and not note.cost_table
    assert doc.undo_stack.count() == 2  # the macro (title ' ', status, history), then '2'
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.case.info.title == "Testgezin" and doc.case.history == []
    assert doc.case.info.review == Review("definitief", "AB")
    doc.undo_stack.redo()
    doc.undo_stack.redo()

    path = tmp_path / "casus.yaml"
    assert window.controller.write(path)
    reopened = load_case(path)
    assert reopened.history[0].note == note.note  # saved (the save adds its own entry)
    assert case_to_text(reopened) == path.read_text(encoding="utf-8")
    table, _ = table_for_case(reopened)
    pdf = tmp_path / "rapport.pdf"
    write_report_pdf(reopened, table, pdf)
    words = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "beoordeling definitief → concept" in words

    # setting a case definitief again is no edit to ask about
    review = _gegevens(window)
    review.status.setFocus()
    qtbot.keyClick(review.status, Qt.Key.Key_Down)
    qtbot.keyClick(review.status, Qt.Key.Key_Down)
    assert doc.case.info.review.status == "definitief" and len(dialogs.asked_yes_no) == 2
    doc.undo_stack.setClean()
