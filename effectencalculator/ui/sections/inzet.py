"""Inzet: one table of service lines per scenario, and the scenarios themselves."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.case import Scenario
from effectencalculator.model.vocabulary import SCENARIO_ROLES
from effectencalculator.report.format import format_euro, format_number
from effectencalculator.ui.actions import action_data
from effectencalculator.ui.commands import (
    InsertRecordsCommand,
    MoveRecordCommand,
    RemoveRecordsCommand,
    SetAttrCommand,
)
from effectencalculator.ui.delegates import RecordTableView
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.labels import EXPLAIN, ROLE_LABELS
from effectencalculator.ui.lines_model import LinesModel, new_line
from effectencalculator.ui.results import ResultsController
from effectencalculator.ui.sections.common import Binder, hint
from effectencalculator.ui.settings import SHOW_CALCULATION, UiSettings

SCENARIOS = ("scenarios",)


def scenario_title(scenario: Scenario) -> str:
    role = ROLE_LABELS.get(scenario.role, scenario.role)
    name = scenario.label or scenario.id or "(zonder naam)"
    return f"{name} ({role})" if role and role != name else name


def rename_scenario(doc: CaseDocument, index: int, new_id: str) -> str | None:
    """Rename a scenario and everything that points at it, as one undo step.

    Returns an error message when the new id cannot be used.
    """
    new_id = new_id.strip()
    scenario = doc.case.scenarios[index]
    old_id = scenario.id
    if new_id == old_id:
        return None
    if not new_id:
        return "Een scenario heeft een code nodig."
    if any(s.id == new_id for s in doc.case.scenarios):
        return f"Er is al een scenario met de code '{new_id}'."
    stack = doc.undo_stack
    stack.beginMacro(f"scenario '{old_id}' hernoemen naar '{new_id}'")
    stack.push(SetAttrCommand(doc, (*SCENARIOS, index), "id", new_id, "code wijzigen",
                              merge=False))
    compare = doc.case.settings.compare
    if compare is not None:
        for key in ("reference", "intervention"):
            if getattr(compare, key) == old_id:
                stack.push(SetAttrCommand(doc, ("settings", "compare"), key, new_id,
                                          "vergelijking bijwerken", merge=False))
    for i, event in enumerate(doc.case.narrative.events):
        if event.scenario == old_id:
            stack.push(SetAttrCommand(doc, ("narrative", "events", i), "scenario", new_id,
                                      "gebeurtenis bijwerken", merge=False))
    stack.endMacro()
    return None


def remove_scenario(doc: CaseDocument, index: int) -> None:
    scenario = doc.case.scenarios[index]
    stack = doc.undo_stack
    stack.beginMacro(f"scenario '{scenario.id}' verwijderen")
    compare = doc.case.settings.compare
    if compare is not None:
        for key in ("reference", "intervention"):
            if getattr(compare, key) == scenario.id:
                stack.push(SetAttrCommand(doc, ("settings", "compare"), key, "",
                                          "vergelijking bijwerken", merge=False))
    stack.push(RemoveRecordsCommand(doc, SCENARIOS, [index], "scenario verwijderen"))
    stack.endMacro()


def copy_lines(doc: CaseDocument, source: int, rows: list[int], target: int) -> None:
    """Append copies of lines of scenario ``source`` to scenario ``target``."""
    lines = [copy.deepcopy(doc.case.scenarios[source].lines[r]) for r in rows]
    target_lines = doc.case.scenarios[target].lines
    noun = "regel" if len(lines) == 1 else f"{len(lines)} regels"
    doc.undo_stack.push(InsertRecordsCommand(
        doc, (*SCENARIOS, target, "lines"), len(target_lines), lines,
        f"{noun} kopiëren naar {doc.case.scenarios[target].id}"))


def duplicate_scenario(doc: CaseDocument, index: int) -> int:
    scenario = copy.deepcopy(doc.case.scenarios[index])
    ids = {s.id for s in doc.case.scenarios}
    n = 1
    while f"{scenario.id}-kopie{'' if n == 1 else n}" in ids:
        n += 1
    scenario.id = f"{scenario.id}-kopie{'' if n == 1 else n}"
    scenario.label = f"{scenario.label or scenario.id} (kopie)"
    scenario.role = "variant"
    at = index + 1
    doc.undo_stack.push(InsertRecordsCommand(doc, SCENARIOS, at, [scenario],
                                             f"scenario '{scenario.id}' maken (kopie)"))
    return at


class ScenarioPage(QWidget):
    """The header (name, code, role) and the line table of one scenario."""

    def __init__(self, doc: CaseDocument, index: int, results: ResultsController,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.index, self.results = doc, index, results
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        header = QHBoxLayout()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.label_edit = QLineEdit()
        self.label_edit.setToolTip("Naam van het scenario, zoals in het rapport")
        self.id_edit = QLineEdit()
        self.id_edit.setMaximumWidth(160)
        self.id_edit.setToolTip("Korte code (gebruikt in het bestand en bij gebeurtenissen)")
        self.role_combo = QComboBox()
        for role in SCENARIO_ROLES:
            self.role_combo.addItem(ROLE_LABELS[role], role)
            self.role_combo.setItemData(self.role_combo.count() - 1,
                                        EXPLAIN[ROLE_LABELS[role]], Qt.ItemDataRole.ToolTipRole)
        self.role_combo.setToolTip(EXPLAIN["interventie"] + "\n" + EXPLAIN["referentie"])
        self.binder = Binder(doc, lambda: (*SCENARIOS, self.index)
                             if self.index < len(doc.case.scenarios) else None, self)
        self.binder.bind(self.label_edit, "label", "naam van het scenario")
        self.binder.bind(self.role_combo, "role", "rol van het scenario")
        self.id_edit.editingFinished.connect(self._rename)
        row = QHBoxLayout()
        row.addWidget(self.label_edit, 3)
        row.addWidget(QLabel("Code"))
        row.addWidget(self.id_edit, 1)
        row.addWidget(QLabel("Rol"))
        row.addWidget(self.role_combo)
        form.addRow("Naam", row)
        header.addLayout(form)
        layout.addLayout(header)
        self.rename_error = QLabel()
        self.rename_error.setStyleSheet("color: #a00000;")
        self.rename_error.hide()
        layout.addWidget(self.rename_error)

        self.model = LinesModel(doc, index, self)
        self.view = RecordTableView(self, default_date=lambda: doc.case.info.period.start)
        self.view.setModel(self.model)
        self.view.setObjectName(f"lines_{index}")
        self.show_calculation(False)

        buttons = QHBoxLayout()
        add = QPushButton("Regel toevoegen")
        add.setToolTip("Nieuwe regel onder de huidige (Ctrl+Shift+R)")
        add.clicked.connect(self.add_line)
        duplicate = QPushButton("Dupliceren")
        duplicate.setToolTip("Kopie van de geselecteerde regel(s) eronder")
        duplicate.clicked.connect(self.duplicate_lines)
        remove = QPushButton("Verwijderen")
        remove.setToolTip("Verwijder de geselecteerde regel(s)")
        remove.clicked.connect(self.remove_lines)
        up = QPushButton("Omhoog")
        up.clicked.connect(self.move_line_up)
        down = QPushButton("Omlaag")
        down.clicked.connect(self.move_line_down)
        self.copy_button = QToolButton()
        self.copy_button.setText("Kopiëren naar scenario")
        self.copy_button.setToolTip("Kopieer de geselecteerde regel(s) naar een ander scenario")
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.copy_menu = QMenu(self.copy_button)
        self.copy_menu.aboutToShow.connect(self._fill_copy_menu)
        self.copy_button.setMenu(self.copy_menu)
        for button in (add, duplicate, remove, up, down, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.totals = QLabel()
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons.addWidget(self.totals)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        note_row = QHBoxLayout()
        self.note_label = QLabel("Toelichting")
        self.note_binder = Binder(doc, self.current_line_path, self)
        self.note_edit = self.note_binder.bind(QPlainTextEdit(), "note", "toelichting")
        self.note_edit.setPlaceholderText("Toelichting bij de huidige regel: wat, waarom deze "
                                          "hoeveelheid en kans, en wie dat zegt")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(58)
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note_edit, 1)
        layout.addLayout(note_row)
        self.view.selectionModel().currentRowChanged.connect(self._current_line_changed)
        self.model.modelReset.connect(self._current_line_changed)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        layout.addWidget(hint("Dubbelklik of typ in een cel om te wijzigen; Enter bevestigt, "
                              "Delete maakt een datum leeg. Geel: niet geprijsd; rood: de regel "
                              "is onvolledig en telt nog niet mee (zie de tooltip)."))
        self._show_id()
        doc.fieldChanged.connect(self._field_changed)
        results.updated.connect(self.show_results)
        self.show_results()

    def show_calculation(self, shown: bool) -> None:
        """Show or hide the column with each line's arithmetic (the item column gives up
        some room for it, so that both fit beside each other on a laptop screen)."""
        calc, item = self.model.column_index("calc"), self.model.column_index("item")
        self.view.setColumnHidden(calc, not shown)
        self.view.setColumnWidth(item, 200 if shown else self.model.column(item).width)
        if shown:
            self.view.resizeColumnToContents(calc)
            self.view.setColumnWidth(calc, min(max(self.view.columnWidth(calc), 200), 340))

    def detach(self) -> None:
        self.model.detach()
        try:
            self.results.updated.disconnect(self.show_results)
            self.doc.fieldChanged.disconnect(self._field_changed)
        except (RuntimeError, TypeError):
            pass

    def scenario(self) -> Scenario:
        return self.doc.case.scenarios[self.index]

    def current_line_path(self):
        view = getattr(self, "view", None)
        index = view.currentIndex() if view is not None else None
        if (index is None or not index.isValid() or self.index >= len(self.doc.case.scenarios)
                or index.row() >= len(self.scenario().lines)):
            return None
        return (*SCENARIOS, self.index, "lines", index.row())

    def _current_line_changed(self, *_args) -> None:
        path = self.current_line_path()
        self.note_label.setText(f"Toelichting regel {path[-1] + 1}" if path else "Toelichting")
        self.note_binder.refresh()

    def _show_id(self) -> None:
        if self.index < len(self.doc.case.scenarios) and not self.id_edit.hasFocus():
            self.id_edit.setText(self.scenario().id)

    def _field_changed(self, path, attr) -> None:
        if tuple(path) == (*SCENARIOS, self.index) and attr == "id":
            self._show_id()

    def _rename(self) -> None:
        if self.index >= len(self.doc.case.scenarios):
            return
        error = rename_scenario(self.doc, self.index, self.id_edit.text())
        self.rename_error.setVisible(bool(error))
        self.rename_error.setText(error or "")
        if error:
            self.id_edit.setText(self.scenario().id)

    # -- line actions ----------------------------------------------------------------
    def add_line(self) -> None:
        current = self.view.currentIndex()
        at = current.row() + 1 if current.isValid() else self.model.rowCount()
        self.doc.undo_stack.push(InsertRecordsCommand(
            self.doc, self.model.path, at, [new_line(self.doc)],
            f"regel toevoegen ({self.scenario().id})"))
        index = self.model.index(at, 0)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

    def duplicate_lines(self) -> None:
        rows = self.view.selected_rows()
        if not rows:
            return
        lines = [copy.deepcopy(self.scenario().lines[r]) for r in rows]
        self.doc.undo_stack.push(InsertRecordsCommand(
            self.doc, self.model.path, rows[-1] + 1, lines,
            f"regel dupliceren ({self.scenario().id})"))

    def remove_lines(self) -> None:
        rows = self.view.selected_rows()
        if rows:
            noun = "regel" if len(rows) == 1 else f"{len(rows)} regels"
            self.doc.undo_stack.push(RemoveRecordsCommand(
                self.doc, self.model.path, rows, f"{noun} verwijderen ({self.scenario().id})"))

    def move_line_up(self) -> None:
        self.move_line(-1)

    def move_line_down(self) -> None:
        self.move_line(1)

    def move_line(self, delta: int) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        target = current.row() + delta
        if 0 <= target < self.model.rowCount():
            self.doc.undo_stack.push(MoveRecordCommand(
                self.doc, self.model.path, current.row(), target,
                f"regel {current.row() + 1} verplaatsen ({self.scenario().id})"))
            self.view.setCurrentIndex(self.model.index(target, current.column()))

    def _fill_copy_menu(self) -> None:
        self.copy_menu.clear()
        for i, scenario in enumerate(self.doc.case.scenarios):
            if i == self.index:
                continue
            action = self.copy_menu.addAction(f"naar {scenario_title(scenario)}")
            action.setData(i)
            action.triggered.connect(self._copy_action)

    def _copy_action(self) -> None:
        self.copy_to(int(action_data(self.sender())))

    def copy_to(self, target: int) -> None:
        rows = self.view.selected_rows()
        if rows:
            copy_lines(self.doc, self.index, rows, target)

    # -- totals ---------------------------------------------------------------------
    def show_results(self) -> None:
        live = self.results.live
        self.model.set_live(live)
        if self.index >= len(self.doc.case.scenarios):
            return
        excluded = sum(1 for (s, _) in live.line_errors if s == self.index)
        if live.result is None or self.scenario().id not in live.result.scenarios:
            self.totals.setText("Totaal: — (zie Berekening)")
            return
        s = live.result.scenarios[self.scenario().id]
        parts = [f"<b>Totaal {format_euro(s.total)}</b>",
                 f"inzet {format_euro(s.by_kind.get('inzet', 0.0))}",
                 f"effect {format_euro(s.by_kind.get('effect', 0.0))}"]
        if s.investment:
            parts.append(f"investering {format_euro(s.investment)}")
        if s.unpriced_lines:
            parts.append(f"<span style='color:#8a6d00'>{format_number(len(s.unpriced_lines))}"
                         " niet geprijsd</span>")
        if excluded:
            parts.append(f"<span style='color:#a00000'>{excluded} onvolledig</span>")
        self.totals.setText(" · ".join(parts))


class InzetSection(QWidget):
    """The scenarios as tabs, with buttons to add, remove, reorder and copy them."""

    title = "Inzet"
    tabsRebuilt = Signal()

    def __init__(self, doc: CaseDocument, results: ResultsController,
                 parent: QWidget | None = None, settings: UiSettings | None = None):
        super().__init__(parent)
        self.doc, self.results, self.settings = doc, results, settings
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        add = QPushButton("Scenario toevoegen")
        add.setToolTip("Een extra scenario (variant), bijvoorbeeld een ander denkbaar verloop")
        add.clicked.connect(self.add_scenario)
        remove = QPushButton("Scenario verwijderen")
        remove.clicked.connect(self.remove_current)
        left = QPushButton("◀ Naar links")
        left.clicked.connect(self.move_current_left)
        right = QPushButton("Naar rechts ▶")
        right.clicked.connect(self.move_current_right)
        self.copy_button = QToolButton()
        self.copy_button.setText("Scenario kopiëren")
        self.copy_button.setToolTip("Maak een kopie van dit scenario, of voeg al zijn regels "
                                    "toe aan een ander scenario")
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.copy_menu = QMenu(self.copy_button)
        self.copy_menu.aboutToShow.connect(self._fill_copy_menu)
        self.copy_button.setMenu(self.copy_menu)
        self.calculation_toggle = QCheckBox("Berekening tonen")
        self.calculation_toggle.setToolTip(
            "Toon bij elke regel hoe de kosten ontstaan: hoeveelheid × prijs op het "
            "prijspeil van de casus × kans = kosten")
        self.calculation_toggle.setChecked(bool(settings.get(SHOW_CALCULATION))
                                           if settings is not None else False)
        self.calculation_toggle.toggled.connect(self._toggle_calculation)
        for widget in (add, remove, left, right, self.copy_button, self.calculation_toggle):
            top.addWidget(widget)
        top.addStretch(1)
        self.net_label = QLabel()
        self.net_label.setToolTip(EXPLAIN["net_result"])
        top.addWidget(self.net_label)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.pages: list[ScenarioPage] = []
        doc.inserted.connect(self._structure)
        doc.removed.connect(self._structure)
        doc.moved.connect(self._structure)
        doc.caseReset.connect(self.rebuild)
        doc.fieldChanged.connect(self._field_changed)
        results.updated.connect(self._show_net)
        self.rebuild()

    def _structure(self, path, *_args) -> None:
        if tuple(path) == SCENARIOS:
            self.rebuild()

    def _field_changed(self, path, attr) -> None:
        path = tuple(path)
        if len(path) == 2 and path[0] == "scenarios" and attr in ("label", "role", "id"):
            self._update_titles()

    def rebuild(self) -> None:
        current = self.tabs.currentIndex()
        for page in self.pages:
            page.detach()
        self.tabs.clear()
        for page in self.pages:
            page.deleteLater()
        self.pages = [ScenarioPage(self.doc, i, self.results)
                      for i in range(len(self.doc.case.scenarios))]
        for page in self.pages:
            self.tabs.addTab(page, "")
            page.show_calculation(self.calculation_toggle.isChecked())
        self._update_titles()
        if self.pages:
            self.tabs.setCurrentIndex(max(0, min(current, len(self.pages) - 1)))
        self.tabsRebuilt.emit()

    def _toggle_calculation(self, shown: bool) -> None:
        for page in self.pages:
            page.show_calculation(shown)
        if self.settings is not None:
            self.settings.set(SHOW_CALCULATION, shown)

    def _update_titles(self) -> None:
        for i, scenario in enumerate(self.doc.case.scenarios):
            if i < self.tabs.count():
                self.tabs.setTabText(i, scenario_title(scenario))
                self.tabs.setTabToolTip(i, EXPLAIN.get(ROLE_LABELS.get(scenario.role, ""), ""))

    def current_page(self) -> ScenarioPage | None:
        index = self.tabs.currentIndex()
        return self.pages[index] if 0 <= index < len(self.pages) else None

    def page(self, scenario_id: str) -> ScenarioPage:
        for page in self.pages:
            if page.scenario().id == scenario_id:
                return page
        raise KeyError(scenario_id)

    def add_scenario(self) -> None:
        ids = {s.id for s in self.doc.case.scenarios}
        n = 1
        while f"variant-{n}" in ids:
            n += 1
        scenario = Scenario(id=f"variant-{n}", label=f"Variant {n}", role="variant")
        at = len(self.doc.case.scenarios)
        self.doc.undo_stack.push(InsertRecordsCommand(self.doc, SCENARIOS, at, [scenario],
                                                      "scenario toevoegen"))
        self.tabs.setCurrentIndex(at)

    def remove_current(self) -> None:
        index = self.tabs.currentIndex()
        if index >= 0:
            remove_scenario(self.doc, index)

    def move_current_left(self) -> None:
        self.move_current(-1)

    def move_current_right(self) -> None:
        self.move_current(1)

    def move_current(self, delta: int) -> None:
        index = self.tabs.currentIndex()
        target = index + delta
        if index >= 0 and 0 <= target < len(self.doc.case.scenarios):
            self.doc.undo_stack.push(MoveRecordCommand(self.doc, SCENARIOS, index, target,
                                                       "scenario verplaatsen"))
            self.tabs.setCurrentIndex(target)

    def _fill_copy_menu(self) -> None:
        self.copy_menu.clear()
        index = self.tabs.currentIndex()
        if index < 0:
            return
        action = self.copy_menu.addAction("Als nieuw scenario (kopie)")
        action.setData(index)
        action.triggered.connect(self._duplicate_action)
        self.copy_menu.addSeparator()
        for i, scenario in enumerate(self.doc.case.scenarios):
            if i == index:
                continue
            action = self.copy_menu.addAction(
                f"Alle regels toevoegen aan {scenario_title(scenario)}")
            action.setData((index, i))
            action.triggered.connect(self._copy_all_action)

    def _duplicate_action(self) -> None:
        self.tabs.setCurrentIndex(duplicate_scenario(self.doc, int(action_data(self.sender()))))

    def _copy_all_action(self) -> None:
        source, target = action_data(self.sender())
        copy_lines(self.doc, source, list(range(len(self.doc.case.scenarios[source].lines))),
                   target)

    def _show_net(self) -> None:
        result = self.results.live.result
        comparison = result.comparison if result is not None else None
        if comparison is None:
            self.net_label.setText("Netto resultaat: —")
            return
        self.net_label.setText(f"Netto resultaat ({comparison.reference} − "
                               f"{comparison.intervention}): <b>"
                               f"{format_euro(comparison.net_result)}</b>")
