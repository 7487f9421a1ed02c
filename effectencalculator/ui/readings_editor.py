"""Readings per person on one outcome (FORMATS.md 1.1 ``readings``, ``scale``, ``agreed``):
who says what at the start and at the end, on the outcome's scale.

The table follows the outcome selected in Resultaten. *Wie* is an editable list of the
household's labels and the participants (another name may be typed: the case check
warns about it). *Begin* and *Einde* are typed the Dutch way and checked against the
scale with the case check's own rule (``case_rules_v11.reading_problem``), so the editor
refuses what a save would call an error, with the same words.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.case import Reading
from effectencalculator.model.case_rules_v11 import reading_problem
from effectencalculator.model.dutch_input import Parsed, parse_number
from effectencalculator.report.format import format_number
from effectencalculator.ui.commands import InsertRecordsCommand, RemoveRecordsCommand
from effectencalculator.ui.delegates import RecordDelegate, RecordTableView
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.table_models import Column, RecordTableModel
from effectencalculator.ui.widgets import NumberEdit

ModelIndex = QModelIndex | QPersistentModelIndex
ERROR_BRUSH = QBrush(QColor("#ffd6d6"))

#: (value of ``outcome.scale``, what the scale choice shows)
SCALE_CHOICES: tuple[tuple[str, str], ...] = (
    ("", "geen vaste schaal"),
    ("zrm", "ZRM (1 acuut – 5 volledig zelfredzaam)"),
    ("0-10", "0 – 10 (één decimaal)"),
)


def people(doc: CaseDocument) -> list[str]:
    """Who may give a reading: the household's labels, then the participants."""
    out: list[str] = []
    for name in [m.label for m in doc.case.household] + list(doc.case.info.participants):
        name = name.strip()
        if name and name not in out:
            out.append(name)
    return out


def _score(value: float | None) -> str:
    if value is None:
        return ""
    return format_number(value, 0 if float(value).is_integer() else 1)


def _change(r: Reading) -> str:
    if r.start is None or r.end is None:
        return ""
    delta = r.end - r.start
    text = _score(abs(delta))
    return f"+{text}" if delta > 0 else f"-{text}" if delta < 0 else "0"


def _set_who(r: Reading, value: Any) -> None:
    r.who = str(value or "").strip()


def _set_score(attr: str) -> Callable[[Reading, Any], None]:
    def apply(r: Reading, value: Any) -> None:
        setattr(r, attr, None if value in (None, "") else float(value))
    return apply


def _set_note(r: Reading, value: Any) -> None:
    r.note = str(value or "").strip()


class ReadingsModel(RecordTableModel):
    """The readings of the outcome at row ``outcome`` (None: no outcome chosen)."""

    def __init__(self, doc: CaseDocument, parent=None):
        self.outcome: int | None = None
        columns = [
            Column("who", "Wie", lambda r: r.who, lambda r: r.who, _set_who, editor="who",
                   width=130, header_tip="Een gezinslid of deelnemer (kies of typ)."),
            Column("start", "Begin", lambda r: _score(r.start), lambda r: r.start,
                   _set_score("start"), editor="reading", numeric=True, width=55,
                   optional=True, header_tip="Hoe deze persoon het bij de start zag, op de "
                                             "schaal van dit resultaat."),
            Column("end", "Einde", lambda r: _score(r.end), lambda r: r.end,
                   _set_score("end"), editor="reading", numeric=True, width=55,
                   optional=True, header_tip="Hoe deze persoon het aan het einde ziet."),
            Column("change", "Verschil", _change, numeric=True, width=74,
                   header_tip="Einde min begin."),
            Column("note", "Toelichting", lambda r: r.note, lambda r: r.note, _set_note,
                   width=220),
        ]
        super().__init__(doc, ("outcomes", -1, "readings"), columns, "aflezing", parent)

    def set_outcome(self, row: int | None) -> None:
        """Follow another outcome (its row in the outcomes table)."""
        if row == self.outcome:
            return
        if self._resetting:  # inside the document's reset: that reset shows the change
            self.outcome = row
            self.path = ("outcomes", -1 if row is None else row, "readings")
            return
        self.beginResetModel()
        self.outcome = row
        self.path = ("outcomes", -1 if row is None else row, "readings")
        self.endResetModel()

    def records(self) -> list:
        if self.outcome is None or not (0 <= self.outcome < len(self.doc.case.outcomes)):
            return []
        return super().records()

    def scale(self) -> str:
        if self.outcome is None or not (0 <= self.outcome < len(self.doc.case.outcomes)):
            return ""
        return self.doc.case.outcomes[self.outcome].scale

    def row_label(self, row: int) -> str:
        return f"aflezing {row + 1}"

    def _reset(self) -> None:
        if self._resetting:
            return
        self.beginResetModel()
        self.endResetModel()

    # the outcome itself replaced (an edit in the outcomes table, undo): new readings list
    def _replaced(self, path, row) -> None:
        if tuple(path) == ("outcomes",) and row == self.outcome:
            self._reset()
        else:
            super()._replaced(path, row)

    def _field_changed(self, path, attr) -> None:
        if self.outcome is not None and tuple(path) == ("outcomes", self.outcome):
            if attr == "readings":
                self._reset()
            elif attr == "scale":
                self.refresh_all()
            return
        super()._field_changed(path, attr)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole)
                and index.isValid() and 0 <= index.row() < self.rowCount()):
            key = self.columns[index.column()].key
            if key in ("start", "end"):
                problem = reading_problem(self.scale(), getattr(self.record(index.row()), key))
                if problem:
                    return ERROR_BRUSH if role == Qt.ItemDataRole.BackgroundRole else \
                        f"Fout: {problem}"
        return super().data(index, role)


class ReadingEdit(NumberEdit):
    """A score typed the Dutch way and checked against the outcome's scale."""

    def __init__(self, parent: QWidget | None, scale: str):
        self.scale = scale
        super().__init__(parent, required=False, decimals=1)

    def parse(self, text: str) -> Parsed:
        parsed = parse_number(text, required=False)
        if parsed.ok and parsed.value is not None:
            problem = reading_problem(self.scale, parsed.value)
            if problem:
                return Parsed(None, f"{problem[:1].upper()}{problem[1:]}.")
        return parsed


class ReadingsDelegate(RecordDelegate):
    """The record delegate, with an editable list of people for *Wie* and a score editor
    that knows the outcome's scale."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        model = index.model()
        column = model.column(index.column())  # type: ignore[attr-defined]
        if column.editor == "who":
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(people(model.doc))  # type: ignore[attr-defined]
            return combo
        if column.editor == "reading":
            return ReadingEdit(parent, model.scale())  # type: ignore[attr-defined]
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox) and editor.isEditable():
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        if isinstance(editor, QComboBox) and editor.isEditable():
            model.setData(index, editor.currentText())
            return
        super().setModelData(editor, model, index)


class ReadingsTable(QWidget):
    """The readings table with its add/remove buttons, for the outcome chosen outside."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = ReadingsModel(doc, self)
        self.view = RecordTableView(self)
        delegate = ReadingsDelegate(self.view)
        delegate.rejected.connect(self.view._rejected)
        self.view.setItemDelegate(delegate)
        self.view.setModel(self.model)
        self.view.setObjectName("readings")
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("Aflezing toevoegen")
        self.add_button.setToolTip("Nog iemand die dit resultaat beoordeelt")
        self.add_button.clicked.connect(self.add_reading)
        self.remove_button = QPushButton("Verwijderen")
        self.remove_button.setToolTip("Verwijder de geselecteerde aflezing(en)")
        self.remove_button.clicked.connect(self.remove_readings)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.set_outcome(None)

    def set_outcome(self, row: int | None) -> None:
        self.model.set_outcome(row)
        for widget in (self.view, self.add_button, self.remove_button):
            widget.setEnabled(row is not None)

    def add_reading(self) -> None:
        row = self.model.outcome
        if row is None:
            return
        used = {r.who for r in self.model.records()}
        who = next((p for p in people(self.doc) if p not in used), "")
        at = self.model.rowCount()
        self.doc.undo_stack.push(InsertRecordsCommand(
            self.doc, self.model.path, at, [Reading(who=who)], "aflezing toevoegen"))
        index = self.model.index(at, self.model.column_index("start"))
        self.view.setCurrentIndex(index)
        self.view.setFocus()

    def remove_readings(self) -> None:
        rows = self.view.selected_rows()
        if self.model.outcome is not None and rows:
            text = "aflezing verwijderen" if len(rows) == 1 else \
                f"{len(rows)} aflezingen verwijderen"
            self.doc.undo_stack.push(RemoveRecordsCommand(self.doc, self.model.path, rows,
                                                          text))
