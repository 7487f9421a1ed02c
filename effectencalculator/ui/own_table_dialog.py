"""Kostentabel → Eigen tabel maken: a region's own prices on top of a base table.

The researcher copies a base item and changes its tariff (with the tariff's year and
source), or adds an item the base lacks; the draft (``model.own_table``) keeps every cell
as typed and names each cell that does not read, live, below the table. Opslaan writes a
table that ``extends`` the base into the user's tables folder — checked by the same
loader as any table first, atomically — so every case can choose it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.own_table import (
    CHOICES,
    FIELDS,
    DraftProblems,
    OwnTableDraft,
    Problem,
    save_draft,
)
from effectencalculator.model.validation import InvalidInputError
from effectencalculator.ui.rows_model import ModelIndex

PROBLEM_COLOR = QColor("#fbe3e3")
INHERITED_COLOR = QColor("#777777")
COLUMNS = list(FIELDS)
#: at most this many problems are listed below the table (the rest counted)
LISTED = 6


class DraftModel(QAbstractTableModel):
    """The draft's rows as typed text. A copied base item shows the base's fields grey
    and read-only; a cell that does not read is red with the reason as its tooltip."""

    problemsChanged = Signal()

    def __init__(self, draft: OwnTableDraft, parent=None):
        super().__init__(parent)
        self.draft = draft
        self.problems: list[Problem] = []
        self._by_cell: dict[tuple[int, str], str] = {}
        self.check()

    def check(self) -> None:
        self.problems = self.draft.problems()
        self._by_cell = {(p.row, p.field): p.message for p in self.problems
                         if p.row is not None}
        self.problemsChanged.emit()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.draft.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return FIELDS[COLUMNS[section]]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.draft.editable(index.row(), COLUMNS[index.column()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = index.row(), COLUMNS[index.column()]
        text = self.draft.rows[row].text(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        problem = self._by_cell.get((row, key))
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(PROBLEM_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole and not self.draft.editable(row, key):
            return QBrush(INHERITED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem:
                return problem[:1].upper() + problem[1:]
            if self.draft.rows[row].is_override:
                base = self.draft.base_text(row, key)
                if not self.draft.editable(row, key):
                    return "Uit de basistabel (niet te wijzigen)"
                if base:
                    return f"Basistabel: {base}"
        return None

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.draft.set_text(index.row(), COLUMNS[index.column()], str(value))
        self.check()
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(COLUMNS) - 1))
        return True

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()
        self.check()


class ChoiceDelegate(QStyledItemDelegate):
    """Kind, unit and payer: an editable list of the allowed words (typed text is kept
    as typed and checked like any cell)."""

    def createEditor(self, parent: QWidget, option, index: ModelIndex) -> QWidget:
        words = CHOICES.get(COLUMNS[index.column()])
        if words is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(list(words))
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class OwnTableDialog(QDialog):
    """Make (or edit) an own table; ``saved`` holds the table once written."""

    def __init__(self, draft: OwnTableDraft, folder: Path, dialogs,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.draft, self.folder, self.dialogs = draft, folder, dialogs
        self.saved: CostTable | None = None
        self.saved_path: Path | None = None
        editing = draft.path is not None
        self.setWindowTitle("Eigen tabel bewerken" if editing else "Eigen tabel maken")
        layout = QVBoxLayout(self)
        base = draft.base
        intro = QLabel(
            f"Een eigen tabel breidt <b>{base.title or base.name}</b> ({base.name}, versie "
            f"{base.version}) uit: neem een post over en geef het tarief dat uw regio "
            "betaalt, met het jaar en de bron van dat bedrag, of voeg een post toe die de "
            "basistabel niet kent. Alle andere posten, de prijsindex en de bronnen blijven "
            f"die van de basistabel. De tabel wordt bewaard in {folder}.")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name_edit = self._head_edit("name", "bijv. regio-utrecht-west (kleine letters, "
                                                 "cijfers en '-')")
        self.name_edit.setReadOnly(editing)  # cases name the table: its name stays
        self.version_edit = self._head_edit("version", "bijv. 2026.1")
        self.title_edit = self._head_edit("title", "bijv. Tarieven Utrecht-West")
        self.description_edit = self._head_edit("description", "regio, contracten, periode")
        form.addRow("Naam", self.name_edit)
        form.addRow("Versie", self.version_edit)
        form.addRow("Titel", self.title_edit)
        form.addRow("Regio / omschrijving", self.description_edit)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.base_items = QComboBox()
        self.base_items.setEditable(True)
        self.base_items.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for item in sorted(base.items.values(), key=lambda i: i.id):
            self.base_items.addItem(f"{item.id} — {item.name}", item.id)
        completer = QCompleter(self.base_items.model(), self.base_items)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.base_items.setCompleter(completer)
        self.base_items.setCurrentIndex(-1)
        self.base_search = self.base_items.lineEdit()
        assert self.base_search is not None  # an editable combo box has one
        self.base_search.setPlaceholderText("Zoek een post van de basistabel")
        self.base_items.setMinimumWidth(380)
        self.copy_button = QPushButton("Overnemen om het tarief te wijzigen")
        self.copy_button.clicked.connect(self.copy_base_item)
        self.new_button = QPushButton("Nieuwe post")
        self.new_button.clicked.connect(self.add_new_item)
        self.remove_button = QPushButton("Verwijderen")
        self.remove_button.clicked.connect(self.remove_current)
        row.addWidget(QLabel("Post uit de basistabel:"))
        row.addWidget(self.base_items, 1)
        row.addWidget(self.copy_button)
        row.addSpacing(12)
        row.addWidget(self.new_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

        self.model = DraftModel(draft, self)
        self.view = QTableView()
        self.view.setObjectName("own_table_items")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        triggers = QAbstractItemView.EditTrigger
        self.view.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                  | triggers.AnyKeyPressed | triggers.SelectedClicked)
        self.view.setAlternatingRowColors(True)
        for column, width in enumerate((100, 200, 100, 55, 60, 95, 80, 65, 200, 150, 70,
                                        70)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("own_table_problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problems_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.model.problemsChanged.connect(self._show_problems)
        self._show_problems()
        self.resize(1280, 560)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter never saves or closes the dialog (its default button is Opslaan): in the
        search it takes the item over; elsewhere it does nothing but on a button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not isinstance(self.focusWidget(), QPushButton):
            if self.focusWidget() in (self.base_search, self.base_items):
                self.copy_base_item()
            event.accept()
            return
        super().keyPressEvent(event)

    def _head_edit(self, attr: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(str(getattr(self.draft, attr)))
        edit.setPlaceholderText(placeholder)
        edit.setProperty("draft_field", attr)
        edit.textEdited.connect(self._head_typed)
        return edit

    def _head_typed(self, text: str) -> None:
        setattr(self.draft, str(self.sender().property("draft_field")), text)
        self.model.check()

    # -- rows -------------------------------------------------------------------------
    def copy_base_item(self) -> None:
        item_id = self.base_items.currentData()
        if item_id is None or self.base_items.currentText() != self.base_items.itemText(
                self.base_items.currentIndex()):
            item_id = self._typed_item()
        if item_id is None:
            self.problems_label.setText("<span style='color:#a00000'>Kies een post uit de "
                                        "lijst van de basistabel.</span>")
            return
        before = len(self.draft.rows)
        row = self.draft.add_base_item(str(item_id))
        self._rows_changed(before)
        self._edit(row, "tariff")

    def _typed_item(self) -> str | None:
        """A typed search: the code (before ' — ') exactly, else the one item whose code
        or name holds the text."""
        typed = self.base_items.currentText().split(" — ")[0].strip().casefold()
        if not typed:
            return None
        items = self.draft.base.items
        exact = [i for i in items if i.casefold() == typed]
        found = exact or [i for i in items if typed in f"{i} {items[i].name}".casefold()]
        return found[0] if len(found) == 1 else None

    def add_new_item(self) -> None:
        before = len(self.draft.rows)
        row = self.draft.add_new_item()
        self._rows_changed(before)
        self._edit(row, "id")

    def remove_current(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()} |
                      ({self.view.currentIndex().row()} if self.view.currentIndex().isValid()
                       else set()), reverse=True)
        for row in rows:
            self.draft.remove_row(row)
        self.model.reset()

    def _rows_changed(self, before: int) -> None:
        if len(self.draft.rows) != before:
            self.model.reset()

    def _edit(self, row: int, key: str) -> None:
        index = self.model.index(row, COLUMNS.index(key))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()

    # -- checking and saving ------------------------------------------------------------
    def _show_problems(self) -> None:
        problems = self.model.problems
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save) \
            if hasattr(self, "buttons") else None
        if save is not None:
            save.setEnabled(not problems)
        if not problems:
            unchanged = self.draft.unchanged_codes()
            text = ("Klaar om op te slaan." if not unchanged else
                    f"Klaar om op te slaan. Niet gewijzigd, dus niet bewaard: "
                    f"{', '.join(unchanged)}.")
            self.problems_label.setText(f"<span style='color:#225522'>{text}</span>")
            return
        listed = "<br>".join(f"• {_escape(p.format())}" for p in problems[:LISTED])
        more = f"<br>… en nog {len(problems) - LISTED}" if len(problems) > LISTED else ""
        self.problems_label.setText(f"<span style='color:#a00000'><b>Nog niet op te slaan"
                                    f"</b><br>{listed}{more}</span>")

    def save(self) -> None:
        try:
            self.saved = save_draft(self.draft, self.folder)
        except DraftProblems:
            self.model.check()
            return
        except InvalidInputError as exc:
            self.dialogs.show_error(self, "Eigen tabel niet opgeslagen",
                                    "De tabel kon niet als kostentabel worden gelezen.",
                                    [f.format() for f in exc.findings])
            return
        except OSError as exc:
            self.dialogs.show_error(self, "Eigen tabel niet opgeslagen",
                                    f"{self.draft.file_path(self.folder)}: {exc}")
            return
        self.saved_path = self.draft.file_path(self.folder)
        self.accept()


def _escape(text: str) -> str:
    from html import escape
    return escape(text)
