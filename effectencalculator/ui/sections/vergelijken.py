"""Vergelijken: several cases together (a portfolio), in a window of its own.

The main window edits one case; this window compares many, so it is a separate window
(menu *Bestand → Casussen vergelijken…*) rather than a ninth section. It opens a folder
(or several files) of cases and gets each case's figures with one cost table and one
price year on the thread pool, with a progress dialog that can be cancelled: an
unchanged file's figures from the reopen cache (``model.portfolio_cache``), the rest
read, priced and simulated. It shows per case the key figures with an "onzeker" mark,
the totals, mean and median, per payer and per category, the report's portfolio charts,
the repriced cases with their reasons and the cases that could not be read with their
error — never silently skipped. Exports: the portfolio PDF, XLSX or CSV, after the
privacy check of every case (for which the cases are read in full when their figures
came from the cache). A double-click opens a case in the main window (with the
unsaved-changes question).

Every amount comes from the model (the calculation's figures per case, added up by
``key_stats`` and ``summed``); this module only formats. The work is in ``portfolio_work.py``, the
table of cases in ``portfolio_cases.py``, the totals and the chart in
``portfolio_totals.py``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.report.format import format_number
from effectencalculator.ui.long_work import Cancelled, Handle, IsCancelled, LongWork, Progress
from effectencalculator.ui.rows_model import RowsModel
from effectencalculator.ui.sections.portfolio_cases import (
    ERROR_COLOR,
    CasesModel,
    portfolio_table,
    with_hint,
)
from effectencalculator.ui.sections.portfolio_totals import ChartTab, TotalsTab
from effectencalculator.ui.sections.portfolio_work import (
    PortfolioOutcome,
    compute_portfolio,
    error_lines,
    never_export_words,
    read_whole_portfolio,
)
from effectencalculator.ui.services import AppContext
from effectencalculator.ui.settings import LAST_FOLDER
from effectencalculator.ui.widgets import YearEdit

TABLE_FILTER = "Kostentabellen (*.yaml *.yml);;Alle bestanden (*)"
EXPORT_FILTERS = {
    ".pdf": "PDF-bestanden (*.pdf)",
    ".xlsx": "Excel-werkmap (*.xlsx)",
    ".csv": "CSV-bestanden (*.csv)",
}


def guardrails_html(summary) -> str:
    """The portfolio's guardrails below the summary line, warnings in red (the same
    sentences as the PDF's)."""
    from html import escape

    from effectencalculator.report.portfolio_content import guardrail_texts

    lines = [f"<span style='color:#a00000'><b>{escape(t)}</b></span>"
             if t in summary.warnings else escape(t) for t in guardrail_texts(summary)]
    return "<br>" + "<br>".join(lines) if lines else ""


class VergelijkenWindow(QMainWindow):
    """Compare cases. ``open_case(path) -> bool`` opens a case in the main window (the
    document controller's ``open_path``, which asks about unsaved changes)."""

    built = Signal(object)      # PortfolioOutcome, or None after a failure/cancel
    exported = Signal(object)   # list of written paths, or None

    def __init__(self, ctx: AppContext, open_case: Callable[[Path], bool] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.ctx, self.open_case = ctx, open_case
        self.setWindowTitle("Casussen vergelijken — Effectencalculator")
        self.paths: list[Path] = []
        self.outcome: PortfolioOutcome | None = None
        #: the build or export running now (its dialog: ``progress``)
        self.job: Handle | None = None

        body = QWidget()
        self.setCentralWidget(body)
        layout = QVBoxLayout(body)
        layout.addLayout(self._build_sources())
        layout.addLayout(self._build_settings())
        self.summary = QLabel()
        self.summary.setObjectName("portfolio_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._build_cases_tab()
        self._build_totals_tab()
        self._build_chart_tab()
        self._build_repriced_tab()
        self._build_failed_tab()
        self.resize(1280, 700)
        self.show_outcome(None)


    # -- construction -----------------------------------------------------------------
    def _build_sources(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_folder_button = QPushButton("Map openen…")
        self.open_folder_button.setToolTip("Vergelijk alle casusbestanden (*.yaml) in een map")
        self.open_folder_button.clicked.connect(self.choose_folder)
        self.open_files_button = QPushButton("Bestanden kiezen…")
        self.open_files_button.setToolTip("Kies een of meer casusbestanden")
        self.open_files_button.clicked.connect(self.choose_files)
        self.sources_label = QLabel()
        self.sources_label.setObjectName("portfolio_sources")
        self.sources_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.open_files_button)
        row.addWidget(self.sources_label, 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for suffix, text, tip in ((".pdf", "PDF…", "Het portfoliorapport als PDF"),
                                  (".xlsx", "XLSX…", "Casussen, totalen en regels als Excel-"
                                                     "werkmap (getallen blijven getallen)"),
                                  (".csv", "CSV…", "Dezelfde tabellen als CSV-bestanden")):
            button = QPushButton(f"Exporteren: {text}" if suffix == ".pdf" else text)
            button.setToolTip(tip)
            button.setProperty("export_suffix", suffix)
            button.clicked.connect(self._export_clicked)
            self.export_buttons[suffix] = button
            row.addWidget(button)
        return row

    def _build_settings(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.table_combo = QComboBox()
        self.table_combo.setToolTip("Alle casussen worden met deze tabel geprijsd; casussen "
                                    "met een andere tabel worden opnieuw geprijsd (en zo "
                                    "gemarkeerd).")
        self._fill_tables()
        self.table_combo.activated.connect(self._table_chosen)
        # typed (a spin box changed the year on the wheel and clamped it)
        self.year_edit = YearEdit(minimum=1900, maximum=2200,
                                  empty_text="zoals de meeste casussen")
        self.year_edit.setToolTip("Prijspeil van alle bedragen. Leeg: het prijspeil dat de "
                                  "meeste casussen gebruiken.")
        self.year_edit.setMinimumWidth(200)
        self.year_edit.valueCommitted.connect(self._year_changed)
        self.rebuild_button = QPushButton("Opnieuw berekenen")
        self.rebuild_button.setToolTip("Lees de casussen opnieuw en bereken het portfolio "
                                       "(van ongewijzigde bestanden komen de cijfers uit "
                                       "de cache)")
        self.rebuild_button.clicked.connect(self.rebuild)
        row.addWidget(QLabel("Kostentabel:"))
        row.addWidget(self.table_combo)
        row.addSpacing(12)
        row.addWidget(QLabel("Prijspeil:"))
        row.addWidget(self.year_edit)
        row.addSpacing(12)
        row.addWidget(self.rebuild_button)
        row.addStretch(1)
        return row

    def _build_cases_tab(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.cases_model = CasesModel(self)
        self.cases_view = portfolio_table(self.cases_model)
        self.cases_view.setObjectName("portfolio_cases")
        self.cases_view.doubleClicked.connect(self._case_double_clicked)
        box.addWidget(self.cases_view)
        hint = QLabel("Dubbelklik op een casus om hem in het hoofdvenster te openen. "
                      "<i>Onzeker</i>: het interval P10–P90 van het netto resultaat bevat nul; "
                      "daar is geen besparing aan te tonen.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        box.addWidget(hint)
        self.tabs.addTab(page, "Casussen")


    def _build_totals_tab(self) -> None:
        self.totals_tab = TotalsTab()
        self.stats_model, self.stats_view = self.totals_tab.stats_model, \
            self.totals_tab.stats_view
        self.payer_model, self.payer_view = self.totals_tab.payer_model, \
            self.totals_tab.payer_view
        self.category_model, self.category_view = self.totals_tab.category_model, \
            self.totals_tab.category_view
        self.totals_note = self.totals_tab.note
        self.tabs.addTab(self.totals_tab, "Totalen")

    def _build_chart_tab(self) -> None:
        self.chart_area = ChartTab(lambda job: self.ctx.runner.start(job, self))
        self.chart_layout, self.chart_note = self.chart_area.chart_layout, self.chart_area.note
        self.tabs.addTab(self.chart_area, "Grafiek")

    @property
    def chart_widget(self):
        return self.chart_area.chart_widget

    def _build_repriced_tab(self) -> None:
        self.repriced_model = RowsModel(["Casus", "Bestand", "Waarom opnieuw geprijsd"],
                                        numeric_from=99, parent=self)
        self.repriced_view = portfolio_table(self.repriced_model, stretch_last=True)
        self.repriced_view.setWordWrap(True)
        self.repriced_view.doubleClicked.connect(self._open_repriced)
        self.repriced_paths: list[Path] = []
        self.tabs.addTab(with_hint(
            self.repriced_view, "Deze casussen waren met een andere kostentabel, tabelversie "
            "of een ander prijspeil berekend; hier zijn ze opnieuw geprijsd, zodat de bedragen "
            "op te tellen zijn. Hun eigen rapport kan daardoor andere bedragen noemen."),
            "Opnieuw geprijsd")

    def _build_failed_tab(self) -> None:
        self.failed_model = RowsModel(["Bestand", "Fout (regel, veld, melding)"],
                                      numeric_from=99, parent=self)
        self.failed_view = portfolio_table(self.failed_model, stretch_last=True)
        self.failed_view.setObjectName("portfolio_failed")
        self.failed_view.setWordWrap(True)
        self.failed_view.doubleClicked.connect(self._open_failed)
        self.failed_paths: list[Path] = []
        self.tabs.addTab(with_hint(
            self.failed_view, "Deze bestanden konden niet worden gelezen of berekend en tellen "
            "in geen enkel totaal mee. De melding noemt de regel en het veld; dubbelklik om het "
            "bestand te openen (het hoofdvenster zegt dan precies wat er mis is)."),
            "Niet geladen")

    def _fill_tables(self) -> None:
        from effectencalculator.model.tables import available_tables, default_table_path
        self.table_combo.clear()
        for ref in available_tables():
            self.table_combo.addItem(f"{ref.name} {ref.version}", str(ref.path))
        default = str(default_table_path())
        found = self.table_combo.findData(default)
        if found < 0:
            self.table_combo.insertItem(0, Path(default).stem, default)
            found = 0
        self.table_combo.addItem("Ander bestand…", "")
        self.table_combo.setCurrentIndex(found)
        self._table_index = found

    # -- choosing what to compare ----------------------------------------------------
    def _folder(self) -> str:
        if self.paths:
            first = self.paths[0]
            return str(first if first.is_dir() else first.parent)
        return self.ctx.settings.get(LAST_FOLDER) or str(Path.home())

    def choose_folder(self) -> None:
        ask = getattr(self.ctx.dialogs, "choose_folder", None)
        folder = (ask(self, "Map met casussen openen", self._folder()) if ask is not None else
                  QFileDialog.getExistingDirectory(self, "Map met casussen openen",
                                                   self._folder()))
        if folder:
            self.open_paths([Path(folder)])

    def choose_files(self) -> None:
        ask = getattr(self.ctx.dialogs, "open_files", None)
        if ask is not None:
            names = ask(self, "Casussen kiezen", self._folder())
        else:
            names, _ = QFileDialog.getOpenFileNames(
                self, "Casussen kiezen", self._folder(),
                "Casusbestanden (*.yaml *.yml);;Alle bestanden (*)")
        if names:
            self.open_paths([Path(n) for n in names])

    def open_paths(self, paths: list[Path]) -> None:
        """Compare these files and folders (folders: their ``*.yaml`` files)."""
        self.paths = [Path(p) for p in paths]
        if len(self.paths) == 1:
            self.sources_label.setText(str(self.paths[0]))
        else:
            self.sources_label.setText(f"{len(self.paths)} bestanden in "
                                       f"{self.paths[0].parent}")
        self.sources_label.setToolTip("\n".join(str(p) for p in self.paths))
        self.rebuild()

    def table_file(self) -> Path | None:
        data = self.table_combo.currentData()
        return Path(data) if data else None

    def price_year(self) -> int | None:
        """The typed price year; unreadable text (red) counts as the last one taken."""
        if not self.year_edit.is_acceptable():
            return self.year_edit.model_value()
        return self.year_edit.value()

    def set_table_file(self, path: Path) -> None:
        found = self.table_combo.findData(str(path))
        if found < 0:
            found = self.table_combo.count() - 1  # before "Ander bestand…"
            self.table_combo.insertItem(found, Path(path).name, str(path))
        self.table_combo.setCurrentIndex(found)
        self._table_index = found

    def _table_chosen(self, index: int) -> None:
        if self.table_combo.itemData(index):
            self._table_index = index
            self.rebuild()
            return
        name = self.ctx.dialogs.open_file(self, "Kostentabel kiezen", self._folder(),
                                          TABLE_FILTER)
        if not name:
            self.table_combo.setCurrentIndex(self._table_index)
            return
        self.set_table_file(Path(name))
        self.rebuild()

    def _year_changed(self) -> None:
        self.year_edit.set_value(self.year_edit.value())  # taken: shown as it was read
        if self.outcome is not None and self.price_year() not in (
                None, self.outcome.price_year):
            self.rebuild()

    @property
    def busy(self) -> bool:
        return self.job is not None and not self.job.finished

    @property
    def progress(self) -> QProgressDialog | None:
        return self.job.dialog if self.busy and self.job is not None else None

    def _start(self, job: LongWork) -> None:
        self._set_enabled(False)
        self.job = Handle()  # busy from here on, also while a synchronous run lasts
        self.job = self.ctx.runner.start(job, self)

    # -- building ----------------------------------------------------------------------
    def rebuild(self) -> None:
        """Build the portfolio on the thread pool, with a progress dialog and Annuleren."""
        table_file = self.table_file()
        if self.busy or not self.paths or table_file is None:
            return
        paths, year = list(self.paths), self.price_year()
        words = never_export_words(self.ctx)
        self._start(LongWork(
            work=partial(_build, paths, table_file, year, words,
                         self.ctx.portfolio_cache_path), on_done=self._built,
            on_error=self._build_failed, on_cancelled=self._build_cancelled,
            title="Casussen vergelijken", label="Casussen lezen…", show_after_ms=300))

    def _job_done(self) -> None:
        """A job delivered its outcome: not busy any more (also while a synchronous
        runner's ``start`` has not returned yet), the controls back on."""
        self.job = None
        self._set_enabled(True)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.open_folder_button, self.open_files_button, self.table_combo,
                       self.year_edit, self.rebuild_button):
            widget.setEnabled(on)
        for button in self.export_buttons.values():
            button.setEnabled(on and self.outcome is not None)

    def _built(self, outcome: PortfolioOutcome) -> None:
        self._job_done()
        self.show_outcome(outcome)
        self.statusBar().showMessage(built_message(outcome), 12000)
        self.built.emit(outcome)

    def _build_cancelled(self) -> None:
        self._job_done()
        self.statusBar().showMessage("Vergelijken geannuleerd; de vorige uitkomst blijft "
                                     "staan.", 8000)
        self.built.emit(None)

    def _build_failed(self, exc: BaseException) -> None:
        self._job_done()
        from effectencalculator.model.validation import InvalidInputError
        details = ([f.format() for f in exc.findings] if isinstance(exc, InvalidInputError)
                   else [f"{type(exc).__name__}: {exc}"])
        self.ctx.dialogs.show_error(self, "Vergelijken mislukt",
                                    "De casussen konden niet worden vergeleken.", details)
        self.built.emit(None)

    # -- showing -----------------------------------------------------------------------
    def show_outcome(self, outcome: PortfolioOutcome | None) -> None:
        self.outcome = outcome
        self.cases_model.set_outcome(outcome)
        self.cases_view.clearSpans()
        for row in self.cases_model.failed_rows:  # the error reads across the figures
            self.cases_view.setSpan(row, 1, 1, self.cases_model.columnCount() - 1)
        for button in self.export_buttons.values():
            button.setEnabled(outcome is not None and not self.busy)
        if outcome is None:
            self.summary.setText("Kies een map met casussen (of losse casusbestanden) om ze te "
                                 "vergelijken. Alle casussen worden met één kostentabel en één "
                                 "prijspeil geprijsd.")
            self.totals_tab.clear()
            for model in (self.repriced_model, self.failed_model):
                model.set_rows([])
            self.chart_note.setText("Nog geen casussen.")
            self._set_tab_counts(0, 0)
            return
        counted = outcome.counted
        uncertain = sum(1 for f in counted if f.uncertain)
        repriced = outcome.repriced
        parts = [f"<b>{len(counted)} van {len(outcome.rows)} casussen berekend</b>",
                 f"kostentabel {outcome.table.name} {outcome.table.version}",
                 f"prijspeil {outcome.price_year}"]
        if outcome.duplicates:
            parts.append(f"{len(outcome.duplicates)} dubbel (telt niet mee)")
        if uncertain:
            parts.append(f"{uncertain} onzeker (P10–P90 bevat nul)")
        if repriced:
            parts.append(f"{len(repriced)} opnieuw geprijsd")
        failed = outcome.failed
        if failed:
            parts.append(f"<span style='color:#a00000'><b>{len(failed)} niet meegeteld "
                         "(zie Niet geladen)</b></span>")
        self.summary.setText(" · ".join(parts) + guardrails_html(outcome.summary))
        self.totals_tab.show_outcome(outcome)
        self._show_repriced(repriced)
        self._show_failed(failed)
        self._set_tab_counts(len(repriced), len(failed))
        self.draw_chart()

    def _set_tab_counts(self, repriced: int, failed: int) -> None:
        self.tabs.setTabText(3, f"Opnieuw geprijsd ({repriced})")
        self.tabs.setTabText(4, f"Niet geladen ({failed})")
        self.tabs.tabBar().setTabTextColor(4, ERROR_COLOR if failed else QColor())


    def _show_repriced(self, repriced: list) -> None:
        self.repriced_paths = [e.path for e in repriced]
        self.repriced_model.set_rows([[e.code, e.path.name, "; ".join(e.repriced)]
                                      for e in repriced])
        self.repriced_view.resizeRowsToContents()

    def _show_failed(self, failed: list) -> None:
        self.failed_paths = [e.path for e in failed]
        self.failed_model.set_rows([[str(r.path), "\n".join(error_lines(r.failed))]
                                    for r in failed])
        self.failed_view.resizeRowsToContents()

    def draw_chart(self) -> None:
        """The report's chart of the net result per case, with each P10–P90."""
        self.chart_area.draw(self.outcome)

    # -- opening a case ------------------------------------------------------------------
    def _case_double_clicked(self, index: QModelIndex) -> None:
        entry = self.cases_model.entry(index.row())
        if entry is not None:
            self.open_in_main_window(entry.path)

    def _export_clicked(self) -> None:
        self.export(str(self.sender().property("export_suffix")))

    def _open_repriced(self, index: QModelIndex) -> None:
        self._open_row(self.repriced_paths, index)

    def _open_failed(self, index: QModelIndex) -> None:
        self._open_row(self.failed_paths, index)

    def _open_row(self, paths: list[Path], index: QModelIndex) -> None:
        if 0 <= index.row() < len(paths):
            self.open_in_main_window(paths[index.row()])

    def open_in_main_window(self, path: Path) -> bool:
        if self.open_case is None:
            return False
        opened = bool(self.open_case(path))
        parent = self.parent()
        if opened and isinstance(parent, QWidget):
            main = parent.window()
            main.raise_()
            main.activateWindow()
        return opened

    # -- exports -----------------------------------------------------------------------
    def privacy_ok(self) -> bool:
        """The privacy check of every counted case, as for the CLI's ``portfolio``: open
        findings stop the export unless the user accepts them."""
        if self.outcome is None or self.outcome.portfolio is None:
            return False  # the export reads the cases in full first
        portfolio = self.outcome.portfolio
        found = []
        for entry in portfolio.priced:  # checked while reading, unless the list changed
            status = portfolio.privacy_of(entry, never_export_words(self.ctx))
            found += [f"{entry.code}: {f.format()}" for f in status.open]
        if not found:
            return True
        listed = "\n".join(f"• {text}" for text in found[:8])
        more = f"\n… en nog {len(found) - 8}" if len(found) > 8 else ""
        return self.ctx.dialogs.ask_yes_no(
            self, "Privacycontrole",
            f"De privacycontrole vond {len(found)} mogelijk herleidbare gegeven(s) in de "
            f"casussen:\n{listed}{more}\n\nPas ze bij voorkeur eerst aan. Toch exporteren?")

    def export(self, suffix: str) -> None:
        """Write the portfolio as PDF, XLSX or CSV (on the thread pool, with progress).
        When the figures came from the reopen cache, the cases are first read in full
        (the report quotes them, and the privacy check reads their text)."""
        if self.outcome is None or self.busy:
            return
        if self.outcome.portfolio is None:
            outcome = self.outcome
            self._start(LongWork(
                work=partial(_read_in_full, list(self.paths), outcome.table,
                             outcome.price_year, never_export_words(self.ctx)),
                on_done=partial(self._read_for_export, suffix),
                on_error=self._build_failed, on_cancelled=self._build_cancelled,
                title="Portfolio exporteren", label="Casussen lezen voor de export…",
                show_after_ms=300))
            return
        if not self.privacy_ok():
            return
        folder = self.paths[0] if self.paths and self.paths[0].is_dir() else Path(self._folder())
        name = self.ctx.dialogs.save_file(self, "Portfolio exporteren",
                                          str(folder / f"portfolio{suffix}"),
                                          EXPORT_FILTERS[suffix])
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self._start(LongWork(
            work=partial(_export, self.outcome.portfolio, path), on_done=self._exported,
            on_error=self._export_failed, title="Portfolio exporteren",
            label="Exporteren…", cancellable=False))

    def _read_for_export(self, suffix: str, outcome: PortfolioOutcome) -> None:
        """The cases read in full: shown (so the window shows what is exported; a file
        changed since shows its new figures, and the status bar says so), then on to
        the privacy check and the export."""
        self._job_done()
        changed = changed_since(self.outcome, outcome)
        self.show_outcome(outcome)
        if changed:
            self.statusBar().showMessage(
                f"{changed} casus(sen) gewijzigd sinds het vergelijken; het venster toont "
                "nu de cijfers die worden geëxporteerd.", 12000)
        self.export(suffix)

    def _exported(self, written: list[Path]) -> None:
        self._job_done()
        self.statusBar().showMessage("Geëxporteerd: " + ", ".join(str(p) for p in written),
                                     10000)
        self.exported.emit(written)
        if self.ctx.dialogs.ask_yes_no(self, "Portfolio geëxporteerd",
                                       "Geschreven:\n" + "\n".join(str(p) for p in written)
                                       + "\n\nDe map openen?"):
            self.ctx.desktop.open_folder(Path(written[0]).parent)

    def _export_failed(self, exc: BaseException) -> None:
        self._job_done()
        self.ctx.dialogs.show_error(self, "Exporteren mislukt",
                                    "Het portfolio kon niet worden geëxporteerd.",
                                    [f"{type(exc).__name__}: {exc}"])
        self.exported.emit(None)


def built_message(outcome: PortfolioOutcome) -> str:
    """The status bar after a build: how many files, how fast, how many from the cache,
    and what the cache had to say."""
    ms = outcome.elapsed_ms
    took = f"{format_number(ms)} ms" if ms < 1000 else f"{format_number(ms / 1000, 1)} s"
    text = f"{len(outcome.rows)} casussen in {took}"
    if outcome.from_cache:
        text += (f" ({outcome.from_cache} ongewijzigd uit de cache, "
                 f"{outcome.computed} gelezen en berekend)")
    return " · ".join([text, *outcome.notices])


def changed_since(before: PortfolioOutcome | None, after: PortfolioOutcome) -> int:
    """How many files' figures differ between two outcomes (or are new or gone)."""
    def by_path(outcome: PortfolioOutcome | None) -> dict[str, object]:
        if outcome is None:
            return {}
        return {str(r.path): r.figures and replace(r.figures, path="") for r in outcome.rows}
    old, new = by_path(before), by_path(after)
    return sum(1 for key in old.keys() | new.keys() if old.get(key) != new.get(key))


def _build(paths: list[Path], table_file: Path, year: int | None, words: list[str],
           cache_path: Path | None, progress: Progress, is_cancelled: IsCancelled
           ) -> PortfolioOutcome:
    """The build job: every case's figures (Annuleren: ``Cancelled``)."""
    try:
        return compute_portfolio(paths, table_file, year, progress, is_cancelled, words,
                                 cache_path)
    except InterruptedError as exc:  # the model's word for a cancelled portfolio
        raise Cancelled(str(exc)) from exc


def _read_in_full(paths: list[Path], table, year: int, words: list[str],
                  progress: Progress, is_cancelled: IsCancelled) -> PortfolioOutcome:
    """The job before an export of cached figures: every case read in full."""
    try:
        return read_whole_portfolio(paths, table, year, words, progress, is_cancelled)
    except InterruptedError as exc:
        raise Cancelled(str(exc)) from exc


def _export(portfolio, path: Path, progress: Progress, is_cancelled: IsCancelled) -> list[Path]:
    """The export job: the portfolio as PDF, or as XLSX/CSV tables."""
    if path.suffix.lower() == ".pdf":
        from effectencalculator.report.portfolio_pdf import write_portfolio_pdf
        write_portfolio_pdf(portfolio, path, progress=progress)
        return [path]
    from effectencalculator.export.rows import portfolio_sheets
    from effectencalculator.export.spreadsheet import write_sheets
    progress(0.1, "Tabellen samenstellen")
    sheets = portfolio_sheets(portfolio)
    progress(0.5, "Schrijven")
    return write_sheets(sheets, path)
