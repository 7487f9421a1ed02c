"""The main window: navigation between the sections of a case, menus and status bar.

Thin on purpose: the sections edit the case, the document controller handles files,
the results controller keeps the totals live, the export controller writes the report
and the spreadsheets. This class wires them together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.report.figures import worded
from effectencalculator.report.format import format_euro
from effectencalculator.ui.actions import Actions, action_data, build_actions
from effectencalculator.ui.controller import CASE_SUFFIXES, DocumentController
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.exports import ExportController
from effectencalculator.ui.labels import EXPLAIN
from effectencalculator.ui.notes_panel import OpenNotesPanel
from effectencalculator.ui.recovery import Autosaver, RecoveryStore
from effectencalculator.ui.results import ResultsController
from effectencalculator.ui.sections.berekening import BerekeningSection
from effectencalculator.ui.sections.eigen_posten import EigenPostenSection
from effectencalculator.ui.sections.gegevens import GegevensSection
from effectencalculator.ui.sections.inzet import InzetSection
from effectencalculator.ui.sections.kostentabel import KostentabelSection
from effectencalculator.ui.sections.perspectieven import PerspectievenSection
from effectencalculator.ui.sections.resultaten import ResultatenSection
from effectencalculator.ui.sections.verhaal import VerhaalSection
from effectencalculator.ui.services import AppContext
from effectencalculator.ui.settings import GEOMETRY, LAST_SECTION, SPLITTER, WINDOW_STATE
from effectencalculator.ui.timeline.section import TimelineSection
from effectencalculator.ui.uncertainty import UncertaintyController

APP_TITLE = "Effectencalculator"
SECTION_TIPS = {
    "Gegevens": "Casusgegevens en huishouden",
    "Verhaal": "Samenvatting en gebeurtenissen op de tijdlijn",
    "Perspectieven": "Het verhaal van elke betrokkene",
    "Resultaten": "Resultaten per leefdomein",
    "Inzet": "De inzet per scenario, met kosten",
    "Berekening": "Totalen, besparingen, baten en rendement",
    "Kostentabel": "De prijslijst, prijspeil en discontering",
    "Eigen posten": "Kostenposten van deze casus zelf",
    "Tijdlijn": "De hele casus op één tijdlijn: gebeurtenissen en inzet per scenario",
}


@runtime_checkable
class Titled(Protocol):
    """A section names itself in its class attribute ``title`` (navigation, Ctrl+n)."""

    title: str


def section_title(section: QWidget) -> str:
    return section.title if isinstance(section, Titled) else section.objectName()


def _dropped_case(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    for url in urls:
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in CASE_SUFFIXES:
            return Path(url.toLocalFile())
    return None


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.doc = CaseDocument(self)
        self.results = ResultsController(self.doc, ctx.timer_factory(self), ctx.recalc_delay_ms,
                                         self)
        self.autosaver = Autosaver(self.doc, RecoveryStore(ctx.recovery_dir, ctx.process_alive),
                                   ctx.timer_factory(self), ctx.autosave_interval_ms, self)
        self.controller = DocumentController(self, self.doc, ctx, self.autosaver, self)
        self.exports = ExportController(self, self.doc, ctx, self)
        self.uncertainty = UncertaintyController(self.results, ctx.runner,
                                                 ctx.timer_factory(self), parent=self)

        self._build_sections()
        self.actions_ = build_actions(self, self.doc.undo_stack, self.section_titles)
        self._build_menus(self.actions_)
        self._build_status_bar()
        self._connect()
        self.setAcceptDrops(True)
        self.resize(QSize(1280, 720))
        self._restore_state()
        self.update_title()

    # -- construction ---------------------------------------------------------------
    def _build_sections(self) -> None:
        doc, results = self.doc, self.results
        self.gegevens = GegevensSection(doc, self.ctx.dialogs)
        self.verhaal = VerhaalSection(doc, self.ctx.runner)
        self.perspectieven = PerspectievenSection(doc)
        self.resultaten = ResultatenSection(doc)
        self.inzet = InzetSection(doc, results, settings=self.ctx.settings)
        self.berekening = BerekeningSection(doc, results, self.uncertainty)
        self.kostentabel = KostentabelSection(doc, self.ctx.dialogs, self.ctx.desktop)
        self.eigen_posten = EigenPostenSection(doc)
        self.tijdlijn = TimelineSection(doc, results, uncertainty=self.uncertainty)
        self.sections: list[QWidget] = [
            self.gegevens, self.verhaal, self.perspectieven, self.resultaten, self.inzet,
            self.berekening, self.kostentabel, self.eigen_posten, self.tijdlijn]
        self.section_titles = [section_title(s) for s in self.sections]
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(170)
        self.nav.setMinimumWidth(130)
        self.stack = QStackedWidget()
        for i, (section, title) in enumerate(zip(self.sections, self.section_titles)):
            item = QListWidgetItem(title)
            item.setToolTip(f"{SECTION_TIPS[title]} (Ctrl+{i + 1})")
            item.setSizeHint(QSize(120, 34))
            self.nav.addItem(item)
            self.stack.addWidget(section)
        self.nav.currentRowChanged.connect(self.show_section)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([150, 1130])
        self.open_notes = OpenNotesPanel()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.open_notes)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_menus(self, a: Actions) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&Bestand")
        file_menu.addAction(a.new)
        file_menu.addAction(a.open)
        self.recent_menu = QMenu("&Recent geopend", self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(a.save)
        file_menu.addAction(a.save_as)
        file_menu.addSeparator()
        file_menu.addAction(a.export_report)
        file_menu.addAction(a.export_csv)
        file_menu.addAction(a.export_sheets)
        file_menu.addSeparator()
        file_menu.addAction(a.compare_cases)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit_menu = bar.addMenu("Be&werken")
        edit_menu.addAction(a.undo)
        edit_menu.addAction(a.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(a.add_line)
        view_menu = bar.addMenu("Be&eld")
        for action in a.sections:
            view_menu.addAction(action)
            self.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(a.session_view)
        self.addAction(a.session_view)
        a.session_view.triggered.connect(self.tijdlijn.toggle_session)
        extra_menu = bar.addMenu("E&xtra")
        extra_menu.addAction(a.privacy_check)
        extra_menu.addAction(a.never_export)
        a.new.triggered.connect(self.controller.new_case)
        a.open.triggered.connect(self.controller.open_dialog)
        a.save.triggered.connect(self.controller.save)
        a.save_as.triggered.connect(self.controller.save_as)
        a.export_csv.triggered.connect(self.exports.export_csv)
        a.export_report.triggered.connect(self.exports.export_report)
        a.export_sheets.triggered.connect(self.exports.export_sheets)
        a.compare_cases.triggered.connect(self.open_compare_window)
        a.quit.triggered.connect(self.close)
        a.add_line.triggered.connect(self.add_line)
        privacy = self.exports.privacy
        a.privacy_check.triggered.connect(privacy.open_view)
        a.never_export.triggered.connect(self._edit_never_export)
        privacy.showSection.connect(self.show_section_titled)
        # bound methods only (no lambda holding the window): Qt drops a bound method's
        # connection when its object goes, a lambda would run on a deleted window
        for i, action in enumerate(a.sections):
            action.setData(i)
            action.triggered.connect(self._section_action)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()

    def _build_status_bar(self) -> None:
        self.totals_label = QLabel()
        self.totals_label.setObjectName("status_totals")
        self.totals_label.setToolTip(EXPLAIN["net_result"])
        self.statusBar().addPermanentWidget(self.totals_label)
        # stays until a recovery copy is written again (not a message that times out)
        self.autosave_warning = QLabel()
        self.autosave_warning.setObjectName("autosave_warning")
        self.autosave_warning.setStyleSheet(
            "QLabel { color: white; background: #a00000; padding: 1px 6px; }")
        self.autosave_warning.setWordWrap(False)
        self.autosave_warning.hide()
        self.statusBar().insertPermanentWidget(0, self.autosave_warning)

    def _connect(self) -> None:
        self.doc.undo_stack.cleanChanged.connect(self._clean_changed)
        self._tracks_clean_state = True
        self.doc.pathChanged.connect(self.update_title)
        self.doc.caseReset.connect(self.update_title)
        self.doc.fieldChanged.connect(self._field_changed)
        self.results.updated.connect(self._show_totals)
        self.uncertainty.updated.connect(self._show_totals)
        self.controller.status.connect(self._show_status)
        self.exports.status.connect(self._show_export_status)
        self.controller.recentChanged.connect(self._fill_recent)
        self.controller.notesFound.connect(self.open_notes.show_notes)
        self.autosaver.failedRepeatedly.connect(self._autosave_failed)
        self.autosaver.recovered.connect(self._autosave_recovered)

    # -- slots (bound methods: see _build_menus) -------------------------------------
    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _show_export_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _autosave_failed(self, text: str) -> None:
        self.autosave_warning.setText("Herstelkopie mislukt — sla de casus zelf op")
        self.autosave_warning.setToolTip(text)
        self.autosave_warning.show()

    def _autosave_recovered(self) -> None:
        self.autosave_warning.hide()
        self.autosave_warning.setToolTip("")

    def _section_action(self) -> None:
        self.show_section(int(action_data(self.sender())))

    def _recent_action(self) -> None:
        self.controller.open_recent(str(action_data(self.sender())))

    def _edit_never_export(self) -> None:
        self.exports.privacy.edit_never_export()

    def show_section_titled(self, title: str) -> None:
        self.show_section(self.section_titles.index(title))

    # -- behaviour ------------------------------------------------------------------
    def show_section(self, index: int) -> None:
        if not 0 <= index < len(self.sections):
            return
        self.stack.setCurrentIndex(index)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        for i, action in enumerate(self.actions_.sections if hasattr(self, "actions_") else []):
            action.setChecked(i == index)

    def add_line(self) -> None:
        self.show_section(self.sections.index(self.inzet))
        page = self.inzet.current_page()
        if page is not None:
            page.add_line()

    def open_compare_window(self):
        """The Vergelijken window (one per main window; made when first asked for)."""
        if getattr(self, "compare_window", None) is None:
            from effectencalculator.ui.sections.vergelijken import VergelijkenWindow
            self.compare_window = VergelijkenWindow(self.ctx, self.controller.open_path, self)
        self.compare_window.show()
        self.compare_window.raise_()
        self.compare_window.activateWindow()
        return self.compare_window

    def _field_changed(self, path, attr) -> None:
        if tuple(path) == ("info",) and attr in ("code", "title"):
            self.update_title()

    def update_title(self) -> None:
        info = self.doc.case.info
        case = " — ".join(p for p in (info.code, info.title) if p)
        parts = [f"{self.doc.display_name}[*]"]
        if case:
            parts.append(case)
        parts.append(APP_TITLE)
        self.setWindowTitle(" — ".join(parts))
        self.setWindowModified(self.doc.is_modified)

    def _show_totals(self) -> None:
        live = self.results.live
        result = live.result
        if result is None:
            self.totals_label.setText("Totalen: — (zie Berekening)")
            return
        parts = [f"{s.id} {format_euro(s.total)}" for s in result.scenarios.values()]
        if result.comparison is not None:
            # the report's words: an uncertain net result says so, as everywhere
            words = worded(result, self.berekening.current_uncertainty(result))
            parts.append(f"netto resultaat <b>{words.net_result_text()}</b>")
        if live.line_errors:
            parts.append(f"<span style='color:#a00000'>{len(live.line_errors)} regel(s) "
                         "onvolledig</span>")
        self.totals_label.setText(" · ".join(parts))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.ctx.settings.recent_files()
        for i, name in enumerate(files):
            action = self.recent_menu.addAction(f"&{i + 1} {Path(name).name}")
            action.setToolTip(name)
            action.setStatusTip(name)
            action.setData(name)
            action.triggered.connect(self._recent_action)
        self.recent_menu.setEnabled(bool(files))

    # -- settings -------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = self.ctx.settings
        geometry = settings.get(GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = settings.get(SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self.show_section(settings.get(LAST_SECTION))

    def save_state(self) -> None:
        settings = self.ctx.settings
        settings.set(GEOMETRY, self.saveGeometry())
        settings.set(WINDOW_STATE, self.saveState())
        settings.set(SPLITTER, self.splitter.saveState())
        settings.set(LAST_SECTION, self.stack.currentIndex())
        settings.sync()

    # -- events ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.controller.close_document():
            self.save_state()
            # the stack is cleared when the window is destroyed: no slot of a window
            # half gone may run then (see Autosaver.stop)
            if self._tracks_clean_state:
                self._tracks_clean_state = False
                self.doc.undo_stack.cleanChanged.disconnect(self._clean_changed)
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _dropped_case(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = _dropped_case(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.controller.open_path(path)
