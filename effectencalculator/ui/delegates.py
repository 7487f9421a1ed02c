"""One item delegate for every record table: the column says which editor to use."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from effectencalculator.ui.item_picker import ItemPicker
from effectencalculator.ui.table_clipboard import TableClipboard
from effectencalculator.ui.table_models import RecordTableModel
from effectencalculator.ui.widgets import (
    NumberEdit,
    OptionalDateEdit,
    ParsedEdit,
    PercentEdit,
    YearEdit,
)

_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)

ModelIndex = QModelIndex | QPersistentModelIndex


def _model(index: ModelIndex) -> RecordTableModel:
    return index.model()  # type: ignore[return-value]


class RecordDelegate(QStyledItemDelegate):
    """Editors for record cells. Dates and numbers are typed as text and read the Dutch way
    (``ui.widgets``); Enter on unreadable text keeps the editor open, red, with the reason,
    and a cell is never given a value its editor could not read (``rejected`` says why)."""

    #: the reason an edit was not taken (the view shows it in the status bar)
    rejected = Signal(str)

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
            editor = OptionalDateEdit(parent, self.default_date(), required=not column.optional)
            editor.picked.connect(self._date_picked)
            return editor
        if kind == "year":  # typed, never a spin box (the wheel, clamping)
            return YearEdit(parent)
        if kind in ("float", "money"):
            return NumberEdit(parent, money=kind == "money")
        if kind == "percent":
            return PercentEdit(parent)
        if kind == "combo":
            combo = QComboBox(parent)
            for value, label in model.choices(index.column()):
                combo.addItem(label, value)
            return combo
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, ItemPicker):
            editor.set_item_id(value or "")
        elif isinstance(editor, ParsedEdit):
            if editor.model_value() != value or not editor.text():
                editor.set_value(value)
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found < 0:
                editor.addItem(str(value), value)
                found = editor.count() - 1
            editor.setCurrentIndex(found)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        if isinstance(editor, ItemPicker):
            item_id = editor.item_id()
            if item_id is None:  # ambiguous text: keep what was there
                return
            model.setData(index, item_id)
        elif isinstance(editor, ParsedEdit):
            parsed = editor.parsed()
            if not parsed.ok:  # unreadable: the cell keeps its value, and says why
                self.rejected.emit(f"Niet overgenomen: {parsed.reason} De oude waarde blijft.")
                return
            if parsed.value != editor.model_value():
                model.setData(index, parsed.value)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: ModelIndex) -> None:
        """A typed date or number is never cut off by a narrow column ("15-12-2025")."""
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, ParsedEdit):
            needed = editor.fontMetrics().horizontalAdvance("31-12-20250") + (
                28 if isinstance(editor, OptionalDateEdit) else 12)
            if editor.width() < needed:
                editor.resize(needed, editor.height())

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter or Tab on unreadable text: keep the editor open (red, with the reason)."""
        if (isinstance(editor, ParsedEdit) and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and event.key() in _COMMIT_KEYS
                and not editor.is_acceptable()):
            self.rejected.emit(f"Niet overgenomen: {editor.parsed().reason}")
            return True
        return super().eventFilter(editor, event)

    def _date_picked(self) -> None:
        """A day chosen in the calendar of a cell editor: take it and close the editor."""
        editor = self.sender()
        if isinstance(editor, OptionalDateEdit):
            self._commit_and_close(editor)

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class RecordTableView(QTableView):
    """A table for record models: sensible widths, editing from the keyboard; several
    rows selected with Shift/Ctrl; Ctrl+C, Ctrl+V, Ctrl+D, Delete and a context menu for
    copy, paste, fill down and removing rows (``table_clipboard``); Delete on one cell
    empties an optional cell (dates, years)."""

    def __init__(self, parent: QWidget | None = None, default_date=None):
        super().__init__(parent)
        #: why the last typed value was not taken ("" when it was)
        self.last_rejection = ""
        delegate = RecordDelegate(self, default_date)
        delegate.rejected.connect(self._rejected)
        self.setItemDelegate(delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        #: copy, paste, fill down, delete rows
        self.clipboard = TableClipboard(self)
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

    def _rejected(self, reason: str) -> None:
        self.last_rejection = reason
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(reason, 15000)

    def selected_rows(self) -> list[int]:
        return self.clipboard.selected_rows()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        if not isinstance(self.model(), RecordTableModel):
            return super().contextMenuEvent(event)
        menu = self.clipboard.menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _clipboard_key(self, event: QKeyEvent) -> bool:
        """Ctrl+C, Ctrl+V, Ctrl+D and Delete on several rows; True when handled."""
        if (not isinstance(self.model(), RecordTableModel)
                or self.state() == QAbstractItemView.State.EditingState):
            return False
        if event.matches(QKeySequence.StandardKey.Copy):
            self.clipboard.copy()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.clipboard.paste()
        elif (event.key() == Qt.Key.Key_D
              and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            self.clipboard.fill_down()
        elif (event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
              and self.clipboard.rows_chosen()):
            self.clipboard.delete_rows()
        else:
            return False
        event.accept()
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if isinstance(event, QKeyEvent) and self._clipboard_key(event):
            return
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
