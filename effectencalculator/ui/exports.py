"""Exports: the summary as CSV, the case as a spreadsheet, and the case report.

Exports use the strict calculation (the same as ``effectencalculator summary``): a case
with an incomplete line is not exported; the errors are shown instead. The report
(``report_dialog``: full or short, PDF or Word, which parts) is built as a job of
``long_work`` (thread pool, progress dialog, Annuleren); afterwards the user may open
the folder.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from effectencalculator.model.calculation import CaseResult, calculate
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.privacy import PrivacyStatus
from effectencalculator.model.storage import SaveError
from effectencalculator.model.validation import InvalidInputError
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.long_work import Handle, IsCancelled, LongWork, Progress
from effectencalculator.ui.privacy_view import PrivacyController
from effectencalculator.ui.report_dialog import (
    ReportChoice,
    ReportDialog,
    load_choice,
    save_choice,
)
from effectencalculator.ui.services import AppContext
from effectencalculator.ui.settings import LAST_FOLDER
from effectencalculator.ui.uncertainty import UncertaintyOutcome


def write_report(choice: ReportChoice, case: Case, table: CostTable, path: Path,
                 privacy: PrivacyStatus, result: CaseResult, held: UncertaintyOutcome | None,
                 progress: Progress, is_cancelled: IsCancelled) -> Path:
    """The job: the chosen report (full PDF, full Word document, or the short PDF) from
    the result (and the interval and sensitivity, ``held``, when the window has them)
    its caller already computed. Annuleren stops it at its next step; once the file is
    written, the last step, it stays written."""
    uncertainty = held.uncertainty if held is not None else None
    swings = held.swings if held is not None else None
    if choice.short:
        from effectencalculator.report.short_pdf import write_short_pdf
        write_short_pdf(case, table, path, progress=progress, privacy=privacy,
                        result=result, uncertainty=uncertainty, swings=swings)
    elif choice.word:
        from effectencalculator.report.docx_writer import write_report_docx
        write_report_docx(case, table, path, progress=progress, privacy=privacy,
                          result=result, uncertainty=uncertainty, swings=swings,
                          omit=choice.omit)
    else:
        from effectencalculator.report.build import write_report_pdf
        write_report_pdf(case, table, path, progress=progress, privacy=privacy,
                         result=result, uncertainty=uncertainty, swings=swings,
                         omit=choice.omit)
    return path


class ExportController(QObject):
    status = Signal(str)
    pdfFinished = Signal(object)

    def __init__(self, window: QWidget, doc: CaseDocument, ctx: AppContext,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.window, self.doc, self.ctx = window, doc, ctx
        self.pdf_job: Handle | None = None
        self.privacy = PrivacyController(window, doc, ctx, self)
        self.privacy.status_message.connect(self.status)

    @property
    def busy(self) -> bool:
        """A PDF is being made."""
        return self.pdf_job is not None and not self.pdf_job.finished

    @property
    def progress(self) -> QProgressDialog | None:
        """The progress dialog of the PDF being made (None when none is)."""
        return self.pdf_job.dialog if self.busy and self.pdf_job is not None else None

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
        table = self.doc.table  # strict_result refused a case without one
        if result is None or table is None \
                or self.privacy_gate("de spreadsheet (XLSX/CSV)") is None:
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
            written = write_sheets(case_sheets(self.doc.case, result, table,
                                               simulate(result)), path)
        except SaveError as exc:
            self.ctx.dialogs.show_error(self.window, "Exporteren mislukt", str(exc))
            return None
        self.status.emit("Geëxporteerd: " + ", ".join(str(p) for p in written))
        return written

    # -- the report (PDF or Word, full or short) -----------------------------------
    def export_report(self) -> None:
        """Bestand → Rapport exporteren…: the choice in ``ReportDialog`` (remembered),
        then the privacy gate, the file dialog and the long work."""
        result = None if self.busy else self.strict_result()
        if result is None:
            return
        dialog = ReportDialog(load_choice(self.ctx.settings), self.window)
        try:
            accepted = self.ctx.dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        if not accepted:
            return
        save_choice(self.ctx.settings, choice)
        self._write_report(choice, result)

    def write_report(self, choice: ReportChoice) -> None:
        """The report as chosen, without the dialog (tests, a caller that knows)."""
        result = None if self.busy else self.strict_result()
        if result is not None:
            self._write_report(choice, result)

    def _write_report(self, choice: ReportChoice, result: CaseResult) -> None:
        """The same privacy gate, file dialog and long work for every kind of report."""
        if self.doc.table is None:
            return
        privacy = self.privacy_gate(choice.name)
        if privacy is None:
            return
        title = "Korte versie exporteren" if choice.short else (
            "Rapport exporteren (Word)" if choice.word else "Rapport exporteren (PDF)")
        suffix = choice.suffix
        name = self.ctx.dialogs.save_file(
            self.window, title,
            self._suggest(("-kort" if choice.short else "") + suffix), choice.file_filter)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        # the window's own interval and sensitivity, when they are of this very result
        ctl = getattr(self.window, "uncertainty", None)
        held = ctl.outcome if ctl is not None and not ctl.stale and not ctl.error \
            and ctl.applies_to(result) else None
        work = partial(write_report, choice, self.doc.case.copy(), self.doc.table, path,
                       privacy, result, held)
        self.pdf_job = Handle()  # busy from here on, also while a synchronous run lasts
        self.pdf_job = self.ctx.runner.start(LongWork(
            work=work, on_done=self._pdf_done, on_error=self._pdf_failed,
            on_cancelled=self._pdf_cancelled,
            title="Word-rapport" if choice.word else (
                "Korte versie" if choice.short else "PDF-rapport"),
            label="Rapport maken…"), self.window)

    def _pdf_done(self, path: Path) -> None:
        self.status.emit(f"Rapport opgeslagen: {path}")
        self.pdfFinished.emit(path)
        if self.ctx.dialogs.ask_yes_no(self.window, "Rapport opgeslagen",
                                       f"Het rapport is opgeslagen als\n{path}\n\n"
                                       "De map openen?"):
            self.ctx.desktop.open_folder(Path(path).parent)

    def _pdf_cancelled(self) -> None:
        self.status.emit("Rapport maken geannuleerd; er is geen bestand geschreven.")
        self.pdfFinished.emit(None)

    def _pdf_failed(self, exc: BaseException) -> None:
        details = ([f.format() for f in exc.findings] if isinstance(exc, InvalidInputError)
                   else [f"{type(exc).__name__}: {exc}"])
        self.ctx.dialogs.show_error(self.window, "Rapport maken mislukt",
                                    "Het rapport kon niet worden gemaakt.", details)
        self.pdfFinished.emit(None)
