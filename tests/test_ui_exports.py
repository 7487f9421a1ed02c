"""Exports: the summary as CSV, the PDF through the report module, with progress."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import EXAMPLE_CASE
from test_ui_support import make_window

from effectencalculator.model.calculation import calculate
from effectencalculator.model.uncertainty import simulate
from effectencalculator.ui.long_work import SyncRunner
from effectencalculator.ui.report_dialog import ReportChoice


def test_ui_export_summary_csv_has_the_calculation_figures(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    ctx.dialogs.save_path = str(tmp_path / "samenvatting")
    path = window.exports.export_csv()
    assert path == tmp_path / "samenvatting.csv"
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))  # Dutch Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["grootheid", "scenario", "sleutel", "waarde"]
    result = calculate(window.doc.case, window.doc.table)
    c = result.comparison
    figures = {(r[0], r[1], r[2]): r[3] for r in rows[1:]}
    pair = "referentie − interventie"
    assert float(figures[("netto resultaat", pair, "")].replace(",", ".")) == \
        pytest.approx(c.net_result)
    assert figures[("casus", "", "code")] == "PT-AMS-014"
    assert ("per financier", "referentie", "gemeente") in figures
    u = simulate(result)
    assert float(figures[("netto resultaat P10", pair, "10000 trekkingen")]
                 .replace(",", ".")) == pytest.approx(u.net_result.p10)
    assert figures[("oordeel", pair, "")] in {"interventie goedkoper", "onzeker: ongeveer gelijk"}


def test_ui_export_refuses_a_case_with_errors(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    model = window.inzet.page("interventie").model
    model.setData(model.index(0, model.column_index("item")), "")
    ctx.dialogs.save_path = str(tmp_path / "x.csv")
    assert window.exports.export_csv() is None
    title, _, details = ctx.dialogs.errors[0]
    assert title == "Exporteren niet mogelijk"
    assert any("scenarios[0].lines[0].item" in d for d in details)
    assert not (tmp_path / "x.csv").exists()
    window.doc.undo_stack.setClean()


def test_ui_export_pdf_with_progress_then_offer_the_folder(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    assert window.actions_.export_report.isEnabled()
    progress = []
    window.exports.pdfFinished.connect(progress.append)
    ctx.dialogs.save_path = str(tmp_path / "rapport.pdf")
    ctx.dialogs.yes_no = True
    window.exports.write_report(ReportChoice())
    assert progress == [tmp_path / "rapport.pdf"], ctx.dialogs.errors
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert ctx.desktop.folders == [tmp_path]
    assert window.exports.progress is None and not window.exports.busy


def test_ui_exports_pass_the_privacy_check(qtbot, ctx, tmp_path):
    ctx.never_export_path.write_text("Noordhoek\n", encoding="utf-8")
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    ctx.dialogs.save_path = str(tmp_path / "s.csv")
    assert window.exports.export_csv() is None          # the privacy view was closed
    assert ctx.dialogs.dialogs_shown == ["PrivacyDialog"]
    assert not (tmp_path / "s.csv").exists()

    def accept_all(dialog):                              # accept explicitly, then export
        ctx.dialogs.yes_no = True
        assert dialog.accept_all()
        dialog.export_button.click()
    ctx.dialogs.on_dialog = accept_all
    assert window.exports.export_csv() == tmp_path / "s.csv"
    window.doc.undo_stack.setClean()


def test_ui_export_pdf_can_be_cancelled_and_writes_nothing(qtbot, ctx, tmp_path):
    from PySide6.QtWidgets import QPushButton

    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    exports = window.exports
    finished, messages = [], []
    exports.pdfFinished.connect(finished.append)
    exports.status.connect(messages.append)

    def press_cancel_on_first_step(handle, fraction):
        if handle.cancelled:
            return
        assert exports.busy  # a second export cannot start meanwhile
        assert not handle.dialog.wasCanceled()
        button = handle.dialog.findChild(QPushButton)
        assert button.text() == "Annuleren"
        button.click()  # the next step stops the build

    ctx.runner = SyncRunner(on_step=press_cancel_on_first_step)
    ctx.dialogs.save_path = str(tmp_path / "rapport.pdf")
    exports.write_report(ReportChoice())
    assert finished == [None] and not (tmp_path / "rapport.pdf").exists()
    assert messages[-1].startswith("Rapport maken geannuleerd")
    assert ctx.dialogs.errors == [] and exports.progress is None and not exports.busy
    # the next export is not cancelled
    ctx.runner = SyncRunner()
    ctx.dialogs.yes_no = False
    exports.write_report(ReportChoice())
    assert finished[-1] == tmp_path / "rapport.pdf" and (tmp_path / "rapport.pdf").exists()
