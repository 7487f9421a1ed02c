"""The side panel: edit the selected line or event of the timeline.

Line fields are written through the scenario's ``LinesModel.setData`` — the very path the
Inzet table uses — so the rules (a date clears the period, a rate needs a period) and the
undo texts are the same; event fields through a ``Binder``, as in Verhaal.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
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
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.vocabulary import ALL_SCENARIOS, DOMAINS
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.item_picker import ItemPicker
from effectencalculator.ui.labels import RATE_LABELS, scenario_choice_label
from effectencalculator.ui.lines_model import LinesModel
from effectencalculator.ui.results import ResultsController
from effectencalculator.ui.sections.common import Binder, hint
from effectencalculator.ui.timeline import edits, tooltips
from effectencalculator.ui.timeline.items import TimelineGraphicsItem
from effectencalculator.ui.widgets import NumberEdit, OptionalDateEdit, ParsedEdit, PercentEdit

HELP = ("Dubbelklik op een lege plek in een baan om een regel of gebeurtenis toe te voegen "
        "op die datum. Sleep een balk om hem te verschuiven, sleep een uiteinde om begin of "
        "einde te wijzigen; sleep hem naar een andere baan om hem daarheen te kopiëren. "
        "Delete verwijdert, Ctrl+Z maakt ongedaan. Ctrl+scroll zoomt.")


def _set(widget: QWidget, value: Any) -> None:
    """Show ``value`` without emitting edits, and only when it differs (so the cursor of a
    field being typed in stays put)."""
    blocker = QSignalBlocker(widget)
    if isinstance(widget, ParsedEdit):
        if widget.model_value() != value:  # else leave what is being typed, even unreadable
            widget.set_value(value)
    elif isinstance(widget, QLineEdit):
        pass  # the item picker is set explicitly
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != value:
            widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    del blocker


class LineEditor(QWidget):
    """The fields of one service line."""

    def __init__(self, doc: CaseDocument, results: ResultsController, parent=None):
        super().__init__(parent)
        self.doc, self.results = doc, results
        self.item: TimelineGraphicsItem | None = None
        self.model: LinesModel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        form = QFormLayout()
        self.picker = ItemPicker(doc.catalogue(), self)
        self.picker.setObjectName("timeline_item_picker")
        self.picker.editingFinished.connect(self._commit_item)
        self.picker.completer_.activated.connect(self._commit_item)
        self.quantity = NumberEdit(self)
        self.per = QComboBox()
        for value, label in RATE_LABELS.items():
            self.per.addItem(label, value)
        self.day = OptionalDateEdit(self)
        self.start = OptionalDateEdit(self)
        self.end = OptionalDateEdit(self)
        self.probability = PercentEdit(self)
        self.approach = QCheckBox("kosten van de aanpak zelf")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self.quantity, 1)
        quantity_row.addWidget(self.per)
        form.addRow("Post", self.picker)
        form.addRow("Aantal", quantity_row)
        form.addRow("Datum", self.day)
        form.addRow("Begin", self.start)
        form.addRow("Einde", self.end)
        form.addRow("Kans", self.probability)
        form.addRow("", self.approach)
        form.addRow("Toelichting", self.note)
        layout.addLayout(form)
        self.cost = QLabel()
        self.cost.setWordWrap(True)
        self.cost.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.cost)
        buttons = QHBoxLayout()
        self.copy_button = QToolButton()
        self.copy_button.setText("Kopiëren naar …")
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.copy_menu = QMenu(self.copy_button)
        self.copy_menu.aboutToShow.connect(self._fill_copy_menu)
        self.copy_button.setMenu(self.copy_menu)
        self.remove_button = QPushButton("Verwijderen")
        self.remove_button.clicked.connect(self._remove)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        # bound methods, never lambdas holding the editor (see main_window._build_menus)
        # typed fields commit on Enter or leaving them, when their text can be read
        self.quantity.valueCommitted.connect(self._quantity_changed)
        self.probability.valueCommitted.connect(self._probability_changed)
        self.per.currentIndexChanged.connect(self._per_changed)
        self.day.valueCommitted.connect(self._day_changed)
        self.start.valueCommitted.connect(self._start_changed)
        self.end.valueCommitted.connect(self._end_changed)
        self.approach.toggled.connect(self._approach_toggled)
        self.note.textChanged.connect(self._note_changed)
        self.copy_menu.triggered.connect(self._copy_chosen)

    def _remove(self) -> None:
        if self.item is not None:
            edits.remove(self.doc, [self.item.source])

    def _quantity_changed(self) -> None:
        self._commit("quantity", self.quantity.value())

    def _probability_changed(self) -> None:
        self._commit("probability", self.probability.value())

    def _per_changed(self) -> None:
        self._commit("per", self.per.currentData())

    def _day_changed(self) -> None:
        self._commit("date", self.day.value())

    def _start_changed(self) -> None:
        self._commit("start", self.start.value())

    def _end_changed(self) -> None:
        self._commit("end", self.end.value())

    def _approach_toggled(self, on: bool) -> None:
        self._commit("approach", Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                     Qt.ItemDataRole.CheckStateRole)

    def _note_changed(self) -> None:
        self._commit("note", self.note.toPlainText())

    def _copy_chosen(self, action) -> None:
        if action.data() is not None:
            source, index = action.data()
            edits.copy_line(self.doc, source, index)

    def source(self) -> tuple | None:
        if self.item is None or self.item.scene() is None:
            return None
        return self.item.source

    def set_item(self, item: TimelineGraphicsItem | None) -> None:
        self.item = item
        source = self.source()
        if source is not None and (self.model is None or self.model.scenario_index != source[1]):
            if self.model is not None:
                self.model.detach()
                self.model.deleteLater()
            self.model = LinesModel(self.doc, source[1], self)
        if source is not None:
            self.picker.items = self.doc.catalogue()
            line = edits.record(self.doc, source)
            self.picker.set_item_id(line.item if line is not None else "")
        self.refresh()

    def _commit(self, key: str, value: Any, role=Qt.ItemDataRole.EditRole) -> None:
        source = self.source()
        if source is None or self.model is None:
            return
        self.model.live = self.results.live
        self.model.setData(self.model.index(source[2], self.model.column_index(key)), value, role)

    def _commit_item(self) -> None:
        item_id = self.picker.item_id()
        if item_id is None:
            self.cost.setText("<span style='color:#a00000'>Geen post gevonden: kies er een uit "
                              "de lijst.</span>")
            return
        self._commit("item", item_id)

    def refresh(self) -> None:
        source = self.source()
        line = edits.record(self.doc, source) if source is not None else None
        if source is None or line is None:
            return
        scenario = self.doc.case.scenarios[source[1]]
        self.title.setText(f"Inzet — {scenario.label or scenario.id}, regel {source[2] + 1}")
        if self.picker.item_id() != line.item and not self.picker.hasFocus():
            self.picker.set_item_id(line.item)
        quantity = line.rate.quantity if line.rate is not None else (line.quantity or 0.0)
        _set(self.quantity, quantity)
        _set(self.per, line.rate.per if line.rate is not None else "")
        _set(self.day, line.date)
        _set(self.start, line.start)
        _set(self.end, line.end)
        _set(self.probability, line.probability * 100)
        _set(self.approach, line.approach_cost)
        _set(self.note, line.note)
        self.cost.setText(tooltips.line_tooltip(self.doc, self.results.live, source))

    def _fill_copy_menu(self) -> None:
        self.copy_menu.clear()
        source = self.source()
        if source is None:
            return
        for index, scenario in enumerate(self.doc.case.scenarios):
            if index != source[1]:
                self.copy_menu.addAction(scenario.label or scenario.id).setData((source, index))


class EventEditor(QWidget):
    """The fields of one life event."""

    def __init__(self, doc: CaseDocument, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.item: TimelineGraphicsItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Gebeurtenis")
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        form = QFormLayout()
        self.binder = Binder(doc, self._path, self)
        self.day = self.binder.bind(OptionalDateEdit(self), "date", "datum")
        self.title = self.binder.bind(QLineEdit(), "title", "titel")
        self.title.setObjectName("timeline_event_title")
        self.scenario = QComboBox()
        self._fill_scenarios()
        self.binder.bind(self.scenario, "scenario", "scenario")
        self.domain = QComboBox()
        self.domain.addItem("—", "")
        for domain in DOMAINS:
            self.domain.addItem(domain, domain)
        self.binder.bind(self.domain, "domain", "leefdomein")
        self.description = self.binder.bind(QPlainTextEdit(), "description", "beschrijving")
        self.description.setTabChangesFocus(True)
        form.addRow("Titel", self.title)
        form.addRow("Datum", self.day)
        form.addRow("Scenario", self.scenario)
        form.addRow("Leefdomein", self.domain)
        form.addRow("Beschrijving", self.description)
        layout.addLayout(form)
        remove = QPushButton("Verwijderen")
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def _remove(self) -> None:
        if self._path() is not None and self.item is not None:
            edits.remove(self.doc, [self.item.source])

    def _path(self):
        if self.item is None or self.item.scene() is None or self.item.source[0] != "event":
            return None
        return (*edits.EVENTS, self.item.source[1])

    def _fill_scenarios(self) -> None:
        blocker = QSignalBlocker(self.scenario)
        self.scenario.clear()
        self.scenario.addItem("beide (alle scenario's)", ALL_SCENARIOS)
        for s in self.doc.case.scenarios:
            self.scenario.addItem(scenario_choice_label(s.id, s.role), s.id)
        del blocker

    def set_item(self, item: TimelineGraphicsItem | None) -> None:
        self.item = item
        self._fill_scenarios()
        self.binder.refresh()


class SidePanel(QWidget):
    """Help when nothing is selected; else the editor of the selected item."""

    def __init__(self, doc: CaseDocument, results: ResultsController, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("timeline_panel")
        self.setMinimumWidth(260)
        self.setMaximumWidth(340)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.stack = QStackedWidget()
        help_page = QWidget()
        help_layout = QVBoxLayout(help_page)
        help_layout.setContentsMargins(0, 0, 0, 0)
        help_layout.addWidget(hint(HELP))
        help_layout.addStretch(1)
        self.line_editor = LineEditor(doc, results)
        self.event_editor = EventEditor(doc)
        for page in (help_page, self.line_editor, self.event_editor):
            self.stack.addWidget(page)
        layout.addWidget(self.stack)
        for signal in (doc.recordReplaced, doc.fieldChanged, doc.inserted, doc.removed,
                       doc.moved):
            signal.connect(self._changed)
        results.updated.connect(self._changed)

    def show_item(self, item: TimelineGraphicsItem | None) -> None:
        if item is None or item.scene() is None:
            self.line_editor.set_item(None)
            self.event_editor.set_item(None)
            self.stack.setCurrentIndex(0)
        elif item.source[0] == "line":
            self.line_editor.set_item(item)
            self.stack.setCurrentIndex(1)
        else:
            self.event_editor.set_item(item)
            self.stack.setCurrentIndex(2)

    def focus_first_field(self) -> None:
        if self.stack.currentIndex() == 1:
            self.line_editor.picker.setFocus()
            self.line_editor.picker.selectAll()
        elif self.stack.currentIndex() == 2:
            self.event_editor.title.setFocus()
            self.event_editor.title.selectAll()

    def _changed(self, *_args) -> None:
        if self.stack.currentIndex() == 1:
            if self.line_editor.source() is None:
                self.show_item(None)
            else:
                self.line_editor.refresh()
        elif self.stack.currentIndex() == 2 and self.event_editor._path() is None:
            self.show_item(None)
