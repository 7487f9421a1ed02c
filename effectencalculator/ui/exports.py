"""Exports: the summary as CSV, and the PDF case report through the report module.

Exports use the strict calculation (the same as ``effectencalculator summary``): a case
with an incomplete line is not exported; the errors are shown instead. The PDF is built
on the thread pool with a progress dialog; afterwards the user may open the folder.
"""

from __future__ import annotations

import importlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from effectencalculator.model.calculation import CaseResult, calculate
from effectencalculator.model.storage import SaveError
from effectencalculator.model.validation import InvalidInputError
from effectencalculator.ui import charts
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.privacy_view import PrivacyController
from effectencalculator.ui.services import AppContext
from effectencalculator.ui.settings import LAST_FOLDER

PDF_UNAVAILABLE = ("PDF-rapport: de rapportmodule (effectencalculator.report.build) is in "
                   "deze versie nog niet beschikbaar.")


class ExportController(QObject):
    status = Signal(str)
    pdfFinished = Signal(object)

    def __init__(self, window: QWidget, doc: CaseDocument, ctx: AppContext,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.window, self.doc, self.ctx = window, doc, ctx
        self.progress: QProgressDialog | None = None
        self.busy = False
        self.cancel_event = threading.Event()
        self.privacy = PrivacyController(window, doc, ctx, self)
        self.privacy.status_message.connect(self.status)

    def _suggest(self, suffix: str) -> str:
        folder = (self.doc.path.parent if self.doc.path is not None
                  else Path(self.ctx.settings.get(LAST_FOLDER) or Path.home()))
        stem = self.doc.path.stem if self.doc.path is not None else (
            self.doc.case.info.code or "casus")
        return str(folder / f"{stem}{suffix}")

    def strict_result(self) -> CaseResult | None:
        """The result as the CLI computes it, or None after showing why not."""
        if self.doc.table is None:
            self.ctx.dialogs.show_error(self.window, "Exporteren niet mogelijk",
                                        "Er is geen kostentabel geladen.",
                                        [f.format() for f in self.doc.table_notes])
            return None
        try:
            return calculate(self.doc.case, self.doc.table)
        except InvalidInputError as exc:
            self.ctx.dialogs.show_error(
                self.window, "Exporteren niet mogelijk",
                "De casus bevat fouten; los ze eerst op (zie Berekening en Inzet).",
                [f.format() for f in exc.errors])
            return None

    def privacy_gate(self, export_name: str = "de export"):
        """Like the CLI: open privacy findings stop an export.

        With open findings the privacy view opens for this export; the researcher fixes or
        explicitly accepts them there (undoable edits of the case). Returns the
        PrivacyStatus to pass on (nothing open; what was accepted), or None: no export.
        """
        return self.privacy.gate(export_name)

    # -- CSV ------------------------------------------------------------------------
    def export_csv(self) -> Path | None:
        result = self.strict_result()
        if result is None or self.privacy_gate("de samenvatting (CSV)") is None:
            return None
        name = self.ctx.dialogs.save_file(self.window, "Samenvatting exporteren (CSV)",
                                          self._suggest("-samenvatting.csv"),
                                          "CSV-bestanden (*.csv)")
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        from effectencalculator.export.rows import summary_sheet
        from effectencalculator.export.spreadsheet import write_csv
        from effectencalculator.model.uncertainty import simulate

        try:  # the rows of the spreadsheet export's summary sheet, for Dutch Excel
            write_csv(summary_sheet(result, simulate(result)), path, dutch_excel=True)
        except SaveError as exc:
            self.ctx.dialogs.show_error(self.window, "Exporteren mislukt", str(exc))
            return None
        self.status.emit(f"Samenvatting geëxporteerd: {path}")
        return path

    # -- spreadsheet (XLSX or a set of CSV files) ---------------------------------
    def export_sheets(self) -> list[Path] | None:
        """The case as a spreadsheet, as ``effectencalculator export``: a summary sheet,
        the lines of each scenario with every input and computed cost, the cost items
        with their sources; numbers stay numbers. ``.xlsx`` gives one workbook, ``.csv``
        a set of files beside each other."""
        result = self.strict_result()
        if result is None or self.privacy_gate("de spreadsheet (XLSX/CSV)") is None:
            return None
        name = self.ctx.dialogs.save_file(
            self.window, "Casus exporteren als spreadsheet", self._suggest(".xlsx"),
            "Excel-werkmap (*.xlsx);;CSV-bestanden, één per tabel (*.csv)")
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        from effectencalculator.export.rows import case_sheets
        from effectencalculator.export.spreadsheet import write_sheets
        from effectencalculator.model.uncertainty import simulate
        try:  # a case is a few hundred rows at most: written at once
            written = write_sheets(case_sheets(self.doc.case, result, self.doc.table,
                                               simulate(result)), path)
        except SaveError as exc:
            self.ctx.dialogs.show_error(self.window, "Exporteren mislukt", str(exc))
            return None
        self.status.emit("Geëxporteerd: " + ", ".join(str(p) for p in written))
        return written

    # -- PDF ------------------------------------------------------------------------
    def export_pdf(self) -> None:
        if not charts.pdf_export_available():
            self.ctx.dialogs.show_info(self.window, "PDF-rapport", PDF_UNAVAILABLE)
            return
        result = None if self.busy else self.strict_result()
        if result is None:
            return
        privacy = self.privacy_gate("het rapport (PDF)")
        if privacy is None:
            return
        name = self.ctx.dialogs.save_file(self.window, "Rapport exporteren (PDF)",
                                          self._suggest(".pdf"), "PDF-bestanden (*.pdf)")
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        case, table = self.doc.case.copy(), self.doc.table
        # the window's own interval and sensitivity, when they are of this very result
        ctl = getattr(self.window, "uncertainty", None)
        held = ctl.outcome if ctl is not None and not ctl.stale and not ctl.error \
            and ctl.applies_to(result) else None
        self.cancel_event = cancel = threading.Event()

        def work(progress):
            def step(fraction: float, text: str = "") -> None:
                # Annuleren stops the build at its next step; once the file is written
                # (the last step) it stays written, so the answer is what happened
                if cancel.is_set() and fraction < 1.0:
                    raise InterruptedError("rapport geannuleerd")
                progress(fraction, text)

            build = importlib.import_module(charts.REPORT_BUILD)
            build.write_report_pdf(
                case, table, path, progress=step, privacy=privacy, result=result,
                uncertainty=held.uncertainty if held is not None else None,
                swings=held.swings if held is not None else None)
            return path

        self.busy = True
        self.progress = QProgressDialog("Rapport maken…", "Annuleren", 0, 100, self.window)
        self.progress.setWindowTitle("PDF-rapport")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(cancel.set)
        self.progress.setValue(0)
        self.ctx.runner.run(work, self._pdf_done, self._pdf_failed, self._pdf_progress)

    def _pdf_progress(self, fraction: float, text: str = "") -> None:
        dialog = self.progress
        if dialog is None or self.cancel_event.is_set():
            return
        if text:
            dialog.setLabelText(text)
        # last: setValue of a modal progress dialog processes events, so the build may
        # finish (and _close_progress run) inside it; nothing touches the dialog after it
        dialog.setValue(int(max(0.0, min(1.0, fraction)) * 100))

    def _close_progress(self) -> None:
        self.busy = False
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _pdf_done(self, path: Path) -> None:
        self._close_progress()
        self.status.emit(f"Rapport opgeslagen: {path}")
        self.pdfFinished.emit(path)
        if self.ctx.dialogs.ask_yes_no(self.window, "Rapport opgeslagen",
                                       f"Het rapport is opgeslagen als\n{path}\n\n"
                                       "De map openen?"):
            self.ctx.desktop.open_folder(Path(path).parent)

    def _pdf_failed(self, exc: BaseException) -> None:
        self._close_progress()
        if isinstance(exc, InterruptedError):
            self.status.emit("Rapport maken geannuleerd; er is geen bestand geschreven.")
            self.pdfFinished.emit(None)
            return
        details = ([f.format() for f in exc.findings] if isinstance(exc, InvalidInputError)
                   else [f"{type(exc).__name__}: {exc}"])
        self.ctx.dialogs.show_error(self.window, "Rapport maken mislukt",
                                    "Het PDF-rapport kon niet worden gemaakt.", details)
        self.pdfFinished.emit(None)
