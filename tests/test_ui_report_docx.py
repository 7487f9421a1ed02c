"""Bestand → Rapport exporteren…, Word: the same long work and privacy gate as the PDF."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_CASE
from test_ui_support import make_window

from effectencalculator.model.calculation import calculate
from effectencalculator.report.format import format_euro
from effectencalculator.ui.report_dialog import ReportDialog

docx = pytest.importorskip("docx")


def choose_word(dialog) -> None:
    """In the report dialog: Word, then Exporteren (the privacy view is left closed)."""
    if isinstance(dialog, ReportDialog):
        dialog.word_button.click()
        dialog.export_button.click()


def test_ui_export_word_writes_the_report_then_offers_the_folder(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    action = window.actions_.export_report
    assert action.isEnabled()
    ctx.dialogs.on_dialog = choose_word
    finished = []
    window.exports.pdfFinished.connect(finished.append)
    ctx.dialogs.save_path = str(tmp_path / "rapport")   # the suffix is added
    ctx.dialogs.yes_no = True
    action.trigger()
    target = tmp_path / "rapport.docx"
    assert finished == [target], ctx.dialogs.errors
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1  Samenvatting"
    net = calculate(window.doc.case, window.doc.table).comparison.net_result
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert format_euro(net).replace("€ ", "€\u00a0") in cells
    assert "Kalenderjaar" in cells                    # every part: the per-year table too
    assert ctx.desktop.folders == [tmp_path]


def test_ui_export_word_passes_the_privacy_check(qtbot, ctx, tmp_path):
    ctx.never_export_path.write_text("Noordhoek\n", encoding="utf-8")
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    ctx.dialogs.save_path = str(tmp_path / "rapport.docx")
    ctx.dialogs.on_dialog = choose_word
    window.actions_.export_report.trigger()            # the privacy view was closed
    assert ctx.dialogs.dialogs_shown == ["ReportDialog", "PrivacyDialog"]
    assert not (tmp_path / "rapport.docx").exists()
