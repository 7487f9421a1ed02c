"""One item delegate for every record table: the column says which editor to use."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QLineEdit, QSpinBox, QStyledItemDelegate, QStyleOptionViewItem,
    QTableView, QWidget,
)

from effectencalculator.ui.item_picker import ItemPicker
from effectencalculator.ui.table_models import RecordTableModel
from effectencalculator.ui.widgets import OptionalDateEdit, number_spin, year_spin

ModelIndex = QModelIndex | QPersistentModelIndex


def _model(index: ModelIndex) -> RecordTableModel:
    return index.model()  # type: ignore[return-value]


class RecordDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, default_date=None):
        super().__init__(parent)
        #: callable giving the date an empty date editor starts from
        self.default_date = default_date or (lambda: None)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        model = _model(index)
        column = model.column(index.column())
        kind = column.editor
        if kind == "item":
            return ItemPicker(model.doc.catalogue(), parent)
        if kind == "date":
            return OptionalDateEdit(parent, self.default_date())
        if kind == "year":
            return year_spin(parent)
        if kind in ("float", "money"):
            return number_spin(parent, decimals=2, prefix="€ " if kind == "money" else "")
        if kind == "percent":
            spin = QSpinBox(parent)
            spin.setRange(0, 100)
            spin.setSuffix("%")
            return spin
        if kind == "combo":
            combo = QComboBox(parent)
            for value, label in model.choices(index.column()):
                combo.addItem(label, value)
            return combo
        editor = QLineEdit(parent)
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, ItemPicker):
            editor.set_item_id(value or "")
        elif isinstance(editor, OptionalDateEdit):
            editor.set_value(value)
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found < 0:
                editor.addItem(str(value), value)
                found = editor.count() - 1
            editor.setCurrentIndex(found)
        elif isinstance(editor, QSpinBox) and editor.specialValueText():
            editor.setValue(int(value) if value else editor.minimum())
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif hasattr(editor, "setValue"):
            editor.setValue(float(value or 0.0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        if isinstance(editor, ItemPicker):
            item_id = editor.item_id()
            if item_id is None:  # ambiguous text: keep what was there
                return
            model.setData(index, item_id)
        elif isinstance(editor, OptionalDateEdit):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox) and editor.specialValueText():
            value = editor.value()
            model.setData(index, None if value == editor.minimum() else value)
        elif hasattr(editor, "value"):
            model.setData(index, editor.value())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())


class RecordTableView(QTableView):
    """A table for record models: sensible widths, editing from the keyboard, Delete
    empties optional cells (dates, years)."""

    def __init__(self, parent: QWidget | None = None, default_date=None):
        super().__init__(parent)
        self.setItemDelegate(RecordDelegate(self, default_date))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                             QAbstractItemView.EditTrigger.EditKeyPressed |
                             QAbstractItemView.EditTrigger.AnyKeyPressed |
                             QAbstractItemView.EditTrigger.SelectedClicked)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setHighlightSections(False)

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        if isinstance(model, RecordTableModel):
            for i, column in enumerate(model.columns):
                self.setColumnWidth(i, column.width)
            self.horizontalHeader().setStretchLastSection(True)

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.selectionModel().selectedIndexes()} if \
            self.selectionModel() else set()
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        index = self.currentIndex()
        model = self.model()
        if (event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index.isValid()
                and isinstance(model, RecordTableModel)
                and self.state() != QAbstractItemView.State.EditingState):
            column = model.column(index.column())
            if column.optional:
                model.setData(index, None)
                return
        super().keyPressEvent(event)
