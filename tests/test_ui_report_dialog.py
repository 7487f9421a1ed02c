"""Bestand → Rapport exporteren…: the dialog driven as a user does (real clicks), then
the written file read back (pypdf, python-docx)."""

from __future__ import annotations

import io

import pytest
from conftest import EXAMPLE_CASE
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from test_ui_support import make_window

from effectencalculator.model.calculation import calculate
from effectencalculator.report.content import REPORT_SECTIONS
from effectencalculator.report.format import format_euro
from effectencalculator.ui.report_dialog import (
    WORD_ONLY_FULL,
    ReportChoice,
    ReportDialog,
    load_choice,
)

docx = pytest.importorskip("docx")


def click(button: QAbstractButton) -> None:
    """A mouse click on the indicator (a check box's centre may lie beside its text)."""
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(8, button.height() // 2))


def answer_with(qtbot, ctx, act):
    """Answer the report dialog with ``act(dialog)``; record what it showed."""
    seen = []

    def on_dialog(dialog):
        if isinstance(dialog, ReportDialog):
            dialog.show()
            qtbot.waitExposed(dialog)
            seen.append(dialog.choice())
            act(dialog)
    ctx.dialogs.on_dialog = on_dialog
    return seen


def export(dialog: ReportDialog) -> None:
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split())
                                       for p in reader.pages)


def test_one_menu_entry_with_the_old_shortcut(window):
    action = window.actions_.export_report
    assert action.text() == "&Rapport exporteren…"
    assert action.shortcut() == QKeySequence("Ctrl+P")
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert sum("Rapport" in t for t in texts) == 1


def test_short_version_disables_word_then_a_full_word_report_without_per_year(
        qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    checks = []

    def choose(dialog: ReportDialog):
        click(dialog.short_button)                      # the short version: PDF only
        checks.append((dialog.word_button.isEnabled(), dialog.word_reason.isVisible(),
                       dialog.word_reason.text(), dialog.parts_box.isEnabled()))
        click(dialog.full_button)                       # back: Word and the parts again
        checks.append((dialog.word_button.isEnabled(), dialog.word_reason.isVisible()))
        # always printed: shown ticked, cannot be unticked
        for key in ("samenvatting", "verantwoording"):
            box = dialog.parts[key]
            checks.append((key, box.isChecked(), box.isEnabled()))
        click(dialog.parts["per-jaar"])
        click(dialog.word_button)
        export(dialog)
    answer_with(qtbot, ctx, choose)
    finished = []
    window.exports.pdfFinished.connect(finished.append)
    ctx.dialogs.save_path = str(tmp_path / "rapport")    # the suffix is added
    window.actions_.export_report.trigger()
    assert checks == [(False, True, WORD_ONLY_FULL, False), (True, False),
                      ("samenvatting", True, False), ("verantwoording", True, False)]
    target = tmp_path / "rapport.docx"
    assert finished == [target], ctx.dialogs.errors
    document = docx.Document(str(target))
    text = " ".join(" ".join(p.text.split()) for p in document.paragraphs)
    headers = {c.text for t in document.tables for c in t.rows[0].cells}
    assert "Kalenderjaar" not in headers and "Kosten per kalenderjaar" not in text
    assert ("Weggelaten op verzoek van de onderzoeker: "
            f"{REPORT_SECTIONS['per-jaar']}.") in text
    assert "Inzet en kosten" in text                     # only the table went

    # remembered (QSettings): the next dialog opens as the last one was left
    seen = answer_with(qtbot, ctx, ReportDialog.reject)
    finished.clear()
    window.actions_.export_report.trigger()
    assert seen == [ReportChoice(word=True, omit=frozenset({"per-jaar"}))]
    assert finished == [] and ctx.dialogs.errors == []    # Annuleren: nothing written


def test_the_short_version_is_at_most_four_pages(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)

    def choose(dialog: ReportDialog):
        click(dialog.short_button)
        export(dialog)
    answer_with(qtbot, ctx, choose)
    ctx.dialogs.save_path = str(tmp_path / "kort.pdf")
    window.actions_.export_report.trigger()
    pages, text = pdf_text((tmp_path / "kort.pdf").read_bytes())
    assert pages <= 4, ctx.dialogs.errors
    assert "Het volledige rapport en de bronnen" in text
    net = calculate(window.doc.case, window.doc.table).comparison.net_result
    assert format_euro(net) in text                      # the calculation's figure
    assert load_choice(ctx.settings) == ReportChoice(short=True)


def test_leaving_out_the_costs_takes_their_per_year_table_with_them(qtbot):
    dialog = ReportDialog(ReportChoice())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click(dialog.parts["kosten"])
    assert not dialog.parts["per-jaar"].isEnabled()
    assert not dialog.parts["varianten"].isEnabled()
    click(dialog.parts["bronnen"])
    assert dialog.choice() == ReportChoice(omit=frozenset({"kosten", "varianten", "per-jaar",
                                                           "bronnen"}))
    click(dialog.parts["kosten"])                        # back: the table was not unticked
    assert dialog.parts["per-jaar"].isEnabled() and dialog.parts["per-jaar"].isChecked()
    assert dialog.choice() == ReportChoice(omit=frozenset({"bronnen"}))
    click(dialog.parts["varianten"])                     # the variants' lines alone
    assert dialog.parts["varianten"].text() == "Regels van de varianten"
    assert dialog.choice() == ReportChoice(omit=frozenset({"bronnen", "varianten"}))


def test_the_full_pdf_names_what_was_left_out(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)

    def choose(dialog: ReportDialog):
        click(dialog.parts["perspectieven"])
        click(dialog.parts["geschiedenis"])
        export(dialog)
    answer_with(qtbot, ctx, choose)
    ctx.dialogs.save_path = str(tmp_path / "rapport.pdf")
    window.actions_.export_report.trigger()
    _, text = pdf_text((tmp_path / "rapport.pdf").read_bytes())
    assert ("Weggelaten op verzoek van de onderzoeker: Perspectieven, "
            "Opslaggeschiedenis van de casus.") in text
    assert "Het verhaal van het gezin" in text
