"""Shared pieces of the section editors: form bindings and list buttons.

A ``Binder`` ties form widgets to attributes of one record in the case (the record is
found through a path function, so a detail form can follow the current row). Every user
edit becomes a ``SetAttrCommand``; every document change refreshes the widgets, without
disturbing the widget the user is typing in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from effectencalculator.ui.commands import (
    InsertRecordsCommand,
    MoveRecordCommand,
    RemoveRecordsCommand,
    set_field,
)
from effectencalculator.ui.delegates import RecordTableView
from effectencalculator.ui.document import CaseDocument, CasePath, resolve
from effectencalculator.ui.table_models import RecordTableModel
from effectencalculator.ui.widgets import ParsedEdit


@dataclass
class _Binding:
    widget: QWidget
    attr: str
    label: str
    get: Callable[[Any], Any]
    put: Callable[[Any, Any], Any]
    #: the record path the widget last showed (a typed text survives only on the same one)
    path: Any = None


#: the kind of widget ``Binder.bind`` is given, and gives back
W = TypeVar("W", bound=QWidget)


def _identity_get(value: Any) -> Any:
    return value


def _identity_put(old: Any, value: Any) -> Any:
    return value


def lines_to_list(old: Any, text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def list_to_lines(values: list[str]) -> str:
    return "\n".join(values)


class Binder(QObject):
    """Binds widgets to attributes of the record at ``path_fn()``."""

    def __init__(self, doc: CaseDocument, path_fn: Callable[[], CasePath | None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.path_fn = path_fn
        self.bindings: list[_Binding] = []
        self._updating = False
        for signal in (doc.fieldChanged, doc.recordReplaced, doc.inserted, doc.removed,
                       doc.moved):
            signal.connect(self.refresh)
        doc.caseReset.connect(self.refresh)

    def bind(self, widget: W, attr: str, label: str,
             get: Callable[[Any], Any] | None = None,
             put: Callable[[Any, Any], Any] | None = None) -> W:
        binding = _Binding(widget, attr, label, get or _identity_get, put or _identity_put)
        self.bindings.append(binding)
        # a bound method of the Binder, never a lambda holding it: Qt drops the connection
        # when the Binder goes, and the method finds the binding through the sender
        commit = self._commit_sender
        if isinstance(widget, ParsedEdit):  # dates, numbers: on Enter or leaving the field
            widget.valueCommitted.connect(commit)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(commit)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(commit)
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            widget.valueChanged.connect(commit)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(commit)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(commit)
        self._show(binding)
        return widget

    def _commit_sender(self, *_: Any) -> None:
        """A bound widget changed: commit its binding (found by the signal's sender)."""
        widget = self.sender()
        for binding in list(self.bindings):
            if binding.widget is widget:
                self._commit(binding)

    # -- widget <-> value -----------------------------------------------------------
    @staticmethod
    def _widget_value(widget: QWidget) -> Any:
        if isinstance(widget, ParsedEdit):
            return widget.value()  # ValueError while the text cannot be read
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            value = widget.value()
            if widget.specialValueText() and value == widget.minimum():
                return None
            return value
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise TypeError(widget)

    @staticmethod
    def _set_widget(widget: QWidget, value: Any) -> None:
        blocker = QSignalBlocker(widget)
        if isinstance(widget, ParsedEdit):
            widget.set_value(value)
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            spin: Any = widget    # an int or a float box: the value is of the box's type
            spin.setValue(spin.minimum() if value is None else value)
        elif isinstance(widget, QComboBox):
            found = widget.findData(value)
            if found < 0 and value is not None:
                widget.addItem(str(value), value)
                found = widget.count() - 1
            widget.setCurrentIndex(found)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        del blocker

    # -- syncing --------------------------------------------------------------------
    def _record(self) -> Any:
        path = self.path_fn()
        if path is None:
            return None
        try:
            return resolve(self.doc.case, path)
        except (IndexError, AttributeError):
            return None

    def _show(self, binding: _Binding) -> None:
        record = self._record()
        binding.widget.setEnabled(record is not None)
        path, binding.path = binding.path, self.path_fn() if record is not None else None
        if record is None:
            self._set_widget(binding.widget, None)
            return
        model_value = getattr(record, binding.attr)
        if isinstance(binding.widget, ParsedEdit):
            shown = binding.get(model_value)
            # the same value on the same record: leave what the user typed (even unreadable
            # text stays, red, until it is corrected — it is never silently replaced)
            if path != binding.path or binding.widget.model_value() != shown:
                self._set_widget(binding.widget, shown)
            return
        try:
            if binding.put(model_value, self._widget_value(binding.widget)) == model_value:
                return  # the widget already shows this value (maybe typed differently)
        except (TypeError, ValueError):
            pass
        self._set_widget(binding.widget, binding.get(model_value))

    def refresh(self, *_: Any) -> None:
        if self._updating:
            return
        for binding in self.bindings:
            self._show(binding)

    def _commit(self, binding: _Binding) -> None:
        path = self.path_fn()
        record = self._record()
        if path is None or record is None:
            return
        try:
            value = binding.put(getattr(record, binding.attr), self._widget_value(binding.widget))
        except (TypeError, ValueError):
            return
        self._updating = True
        try:
            set_field(self.doc, path, binding.attr, value, f"{binding.label} wijzigen")
        finally:
            self._updating = False
        if isinstance(binding.widget, ParsedEdit):  # show the value as it was read
            record = self._record()
            if record is not None:
                self._set_widget(binding.widget, binding.get(getattr(record, binding.attr)))
        # other widgets bound to the same attribute follow
        for other in self.bindings:
            if other is not binding and other.attr == binding.attr:
                self._show(other)


class RecordSelection:
    """A table of one list of the case (``perspectives``, ``outcomes`` …) and a Binder
    for the form that edits the record selected in it."""

    def __init__(self, doc: CaseDocument, collection: str, model: RecordTableModel,
                 parent: QWidget):
        self.doc = doc
        self.collection = collection
        self.model = model
        self.view = RecordTableView(parent)
        self.view.setModel(model)
        self.binder = Binder(doc, self.current_path, parent)
        self.view.selectionModel().currentRowChanged.connect(self.binder.refresh)
        model.modelReset.connect(self.select_first)
        model.rowsInserted.connect(self.binder.refresh)

    def select_first(self) -> None:
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.binder.refresh()

    def current_path(self) -> CasePath | None:
        index = self.view.currentIndex()
        records = getattr(self.doc.case, self.collection)
        if not index.isValid() or index.row() >= len(records):
            return None
        return (self.collection, index.row())


class _ListButtons(QObject):
    """The slots of ``list_buttons``: bound methods of an object parented to the view (no
    closure over the window stays connected once the view is gone)."""

    def __init__(self, view: RecordTableView, model: RecordTableModel,
                 new_record: Callable[[], Any], noun: str):
        super().__init__(view)
        self.view, self.model, self.new_record, self.noun = view, model, new_record, noun

    def add(self) -> None:
        view, model, doc = self.view, self.model, self.model.doc
        current = view.currentIndex()
        at = current.row() + 1 if current.isValid() else model.rowCount()
        doc.undo_stack.push(InsertRecordsCommand(doc, model.path, at, [self.new_record()],
                                                 f"{self.noun} toevoegen"))
        view.setCurrentIndex(model.index(at, 0))
        view.setFocus()

    def remove(self) -> None:
        rows = self.view.selected_rows()
        if rows:
            noun = self.noun
            text = f"{noun} verwijderen" if len(rows) == 1 else f"{len(rows)} × {noun} verwijderen"
            self.model.doc.undo_stack.push(RemoveRecordsCommand(self.model.doc, self.model.path,
                                                                rows, text))

    def up(self) -> None:
        self._move(-1)

    def down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        view, model, doc = self.view, self.model, self.model.doc
        current = view.currentIndex()
        if not current.isValid():
            return
        target = current.row() + delta
        if 0 <= target < model.rowCount():
            doc.undo_stack.push(MoveRecordCommand(doc, model.path, current.row(), target,
                                                  f"{self.noun} verplaatsen"))
            view.setCurrentIndex(model.index(target, current.column()))


def list_buttons(view: RecordTableView, model: RecordTableModel,
                 new_record: Callable[[], Any], noun: str, *, movable: bool = False,
                 extra: Sequence[QWidget] = ()) -> QHBoxLayout:
    """Add/remove (and up/down) buttons that edit the model's list with undo commands."""
    if model.new_record is None:  # what a row pasted into the table starts from
        model.new_record = new_record
    slots = _ListButtons(view, model, new_record, noun)
    row = QHBoxLayout()
    add = QPushButton(f"{noun.capitalize()} toevoegen")
    add.setToolTip(f"Voeg een {noun} toe onder de huidige regel")
    remove = QPushButton("Verwijderen")
    remove.setToolTip(f"Verwijder de geselecteerde {noun}(en)")
    add.clicked.connect(slots.add)
    remove.clicked.connect(slots.remove)
    row.addWidget(add)
    row.addWidget(remove)
    if movable:
        for label, slot in (("Omhoog", slots.up), ("Omlaag", slots.down)):
            button = QPushButton(label)
            button.setToolTip(f"Verplaats de huidige {noun} een plaats {label.lower()}")
            button.clicked.connect(slot)
            row.addWidget(button)
    for widget in extra:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555555;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
