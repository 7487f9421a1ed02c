"""Thin Qt table models over lists in the case.

A model reads the records at one path of the document (``("household",)``,
``("scenarios", 1, "lines")``) and describes its columns declaratively. ``setData`` edits
a copy of the record and pushes a ``ReplaceRecordCommand``; the view updates from the
document's signals, so undo/redo and edits elsewhere show up the same way.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from effectencalculator.model.case import Event, Member, Outcome, Perspective
from effectencalculator.model.cost_table import CostItem
from effectencalculator.model.vocabulary import (
    ALL_SCENARIOS,
    DIRECTIONS,
    DOMAINS,
    KINDS,
    PAYERS,
    UNITS,
)
from effectencalculator.report.format import format_date_short, format_euro, format_number
from effectencalculator.ui.commands import ReplaceRecordCommand
from effectencalculator.ui.document import CaseDocument, CasePath, resolve
from effectencalculator.ui.labels import (
    EXPLAIN,
    KIND_LABELS,
    PAYER_LABELS,
    scenario_choice_label,
)

#: the roles the record models answer; views ask for many more on every paint
ANSWERED_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    """One column: how to show a record's value and how to apply an edited one."""

    key: str
    header: str
    display: Callable[[Any], str]
    #: value for the editor; None → not editable
    edit: Callable[[Any], Any] | None = None
    #: applies the edited value to a *copy* of the record
    apply: Callable[[Any, Any], None] | None = None
    #: editor kind for the delegate: text, multiline, int, year, float, money, percent,
    #: date, combo, item
    editor: str = "text"
    #: (value, label) pairs for combo editors; a callable gets the model
    choices: Any = None
    header_tip: str = ""
    cell_tip: Callable[[Any], str] | None = None
    check: Callable[[Any], bool] | None = None
    numeric: bool = False
    width: int = 120
    #: an empty value may be chosen (dates, years)
    optional: bool = False
    #: the file's field names (FORMATS.md) that also name this column when pasting
    fields: tuple[str, ...] = ()
    #: the choices are suggestions: any text may be entered (pasted)
    free_choice: bool = False


def _text(attr: str, header: str, width: int = 140, tip: str = "", editor: str = "text",
          choices: Any = None) -> Column:
    def apply(record, value):
        setattr(record, attr, str(value or "").strip() if editor != "multiline"
                else str(value or ""))
    return Column(attr, header, lambda r: getattr(r, attr), lambda r: getattr(r, attr),
                  apply, editor=editor, choices=choices, header_tip=tip, width=width,
                  cell_tip=(lambda r: getattr(r, attr)) if editor == "multiline" else None,
                  free_choice=editor == "combo")


def _date(attr: str, header: str, width: int = 110) -> Column:
    def apply(record, value):
        setattr(record, attr, value if isinstance(value, date) else None)
    return Column(attr, header, lambda r: format_date_short(getattr(r, attr))
                  if getattr(r, attr) else "", lambda r: getattr(r, attr), apply,
                  editor="date", width=width, optional=True)


def _year(attr: str, header: str, width: int = 90, tip: str = "") -> Column:
    def apply(record, value):
        setattr(record, attr, int(value) if value not in (None, "", 0) else None)
    return Column(attr, header, lambda r: str(getattr(r, attr) or ""),
                  lambda r: getattr(r, attr), apply, editor="year", width=width,
                  numeric=True, header_tip=tip, optional=True)


def _choice(attr: str, header: str, values: Any, width: int = 140, tip: str = "") -> Column:
    def label(record):
        value = getattr(record, attr)
        for v, text in (values() if callable(values) else values):
            if v == value:
                return text
        return value
    return Column(attr, header, label, lambda r: getattr(r, attr),
                  lambda r, v: setattr(r, attr, v or ""), editor="combo", choices=values,
                  width=width, header_tip=tip)


class RecordTableModel(QAbstractTableModel):
    """A table over the list at ``path`` in the document's case."""

    def __init__(self, doc: CaseDocument, path: CasePath, columns: list[Column], noun: str,
                 parent=None):
        super().__init__(parent)
        self.doc, self.path, self.columns, self.noun = doc, tuple(path), columns, noun
        #: makes the record a pasted row starts from (None: this table cannot paste)
        self.new_record: Callable[[], Any] | None = None
        self._attached = True
        doc.aboutToInsert.connect(self._about_to_insert)
        doc.inserted.connect(self._inserted)
        doc.aboutToRemove.connect(self._about_to_remove)
        doc.removed.connect(self._removed)
        doc.aboutToMove.connect(self._about_to_move)
        doc.moved.connect(self._moved)
        doc.recordReplaced.connect(self._replaced)
        doc.fieldChanged.connect(self._field_changed)
        doc.aboutToReset.connect(self._begin_reset)
        doc.caseReset.connect(self._end_reset)
        self._resetting = False

    def _begin_reset(self) -> None:
        if not self._resetting:
            self._resetting = True
            self.beginResetModel()

    def _end_reset(self) -> None:
        if self._resetting:
            self._resetting = False
            self.endResetModel()

    # -- helpers --------------------------------------------------------------------
    def detach(self) -> None:
        """Stop following the document (the view is going away)."""
        if not self._attached:
            return
        self._begin_reset()
        self._attached = False
        for signal, slot in ((self.doc.aboutToInsert, self._about_to_insert),
                             (self.doc.inserted, self._inserted),
                             (self.doc.aboutToRemove, self._about_to_remove),
                             (self.doc.removed, self._removed),
                             (self.doc.aboutToMove, self._about_to_move),
                             (self.doc.moved, self._moved),
                             (self.doc.recordReplaced, self._replaced),
                             (self.doc.fieldChanged, self._field_changed),
                             (self.doc.aboutToReset, self._begin_reset),
                             (self.doc.caseReset, self._end_reset)):
            signal.disconnect(slot)
        self._end_reset()

    def records(self) -> list:
        if not self._attached:
            return []
        try:
            return resolve(self.doc.case, self.path)
        except (IndexError, AttributeError, KeyError):
            return []

    def record(self, row: int) -> Any:
        return self.records()[row]

    def column(self, col: int) -> Column:
        return self.columns[col]

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def choices(self, col: int) -> list[tuple[Any, str]]:
        choices = self.columns[col].choices
        return list(choices() if callable(choices) else choices or [])

    def row_label(self, row: int) -> str:
        return f"{self.noun} {row + 1}"

    # -- Qt model -------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records())

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header
            if role == Qt.ItemDataRole.ToolTipRole and column.header_tip:
                return column.header_tip
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(RIGHT if column.numeric else LEFT)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.check is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif column.apply is not None and column.edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if int(role) not in ANSWERED_ROLES or not index.isValid():
            return None
        records = self.records()
        if not (0 <= index.row() < len(records)):
            return None
        record = records[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if column.check is not None else column.display(record)
        if role == Qt.ItemDataRole.EditRole:
            return column.edit(record) if column.edit is not None else column.display(record)
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            return (Qt.CheckState.Checked if column.check(record)
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.cell_tip is not None:
                return column.cell_tip(record) or None
            return column.header_tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if column.numeric else LEFT)
        return None

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return False
        column = self.columns[index.column()]
        if column.apply is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            value = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        record = self.records()[index.row()]
        edited = copy.deepcopy(record)
        try:
            column.apply(edited, value)
        except (TypeError, ValueError):
            return False
        if edited == record:
            return False
        text = f"{column.header.lower()} van {self.row_label(index.row())} wijzigen"
        self.push_edit(index.row(), edited, column, text)
        return True

    def push_edit(self, row: int, edited: Any, column: Column, text: str) -> None:
        """Put the edited copy of record ``row`` on the undo stack (cell edits merge)."""
        self.doc.undo_stack.push(ReplaceRecordCommand(
            self.doc, self.path, row, edited, text, merge_key=column.key))

    # -- document signals -----------------------------------------------------------
    def _structure_above(self, path: CasePath) -> bool:
        return len(path) < len(self.path) and self.path[:len(path)] == tuple(path)

    def _about_to_insert(self, path, first, last) -> None:
        if tuple(path) == self.path:
            self.beginInsertRows(QModelIndex(), first, last)
        elif self._structure_above(path):
            self._begin_reset()

    def _inserted(self, path, first, last) -> None:
        if tuple(path) == self.path:
            self.endInsertRows()
        elif self._structure_above(path):
            self._end_reset()

    def _about_to_remove(self, path, first, last) -> None:
        if tuple(path) == self.path:
            self.beginRemoveRows(QModelIndex(), first, last)
        elif self._structure_above(path):
            self._begin_reset()

    def _removed(self, path, first, last) -> None:
        if tuple(path) == self.path:
            self.endRemoveRows()
        elif self._structure_above(path):
            self._end_reset()

    def _about_to_move(self, path, source, target) -> None:
        if tuple(path) == self.path:
            destination = target + 1 if target > source else target
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        elif self._structure_above(path):
            self._begin_reset()

    def _moved(self, path, source, target) -> None:
        if tuple(path) == self.path:
            self.endMoveRows()
        elif self._structure_above(path):
            self._end_reset()

    def _row_changed(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _replaced(self, path, row) -> None:
        if tuple(path) == self.path:
            self._row_changed(row)

    def _field_changed(self, path, attr) -> None:
        path = tuple(path)
        if path[:-1] == self.path and path and isinstance(path[-1], int):
            self._row_changed(path[-1])
        elif len(path) > len(self.path) and path[:len(self.path)] == self.path:
            self._row_changed(path[len(self.path)])  # a nested field (safety_score.start)
        elif path == ("scenarios",) or (path[:1] == ("scenarios",) and attr == "id"):
            self.refresh_all()

    def refresh_all(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))


# -- the case's lists ------------------------------------------------------------------

def _direction_choices() -> list[tuple[str, str]]:
    return [(d, d) for d in DIRECTIONS]


def _domain_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(d, d) for d in DOMAINS]


def members_model(doc: CaseDocument, parent=None) -> RecordTableModel:
    columns = [
        _text("label", "Label (pseudoniem)", 180,
              "Een pseudoniem zoals 'Moeder' of 'Kind 1'; nooit een echte naam."),
        _text("role", "Rol", 120, "Bijvoorbeeld ouder, kind, pleegouder.", editor="combo",
              choices=[(r, r) for r in ("ouder", "kind", "verzorger", "pleegouder",
                                        "grootouder", "overig")]),
        _year("birth_year", "Geboortejaar", 110),
        _text("id", "Code", 90, "Korte code voor dit gezinslid (bijvoorbeeld m1, k1)."),
    ]
    return RecordTableModel(doc, ("household",), columns, "gezinslid", parent)


def new_member(existing: list[Member]) -> Member:
    ids = {m.id for m in existing}
    n = len(existing) + 1
    while f"p{n}" in ids:
        n += 1
    return Member(id=f"p{n}", label="", role="")


def events_model(doc: CaseDocument, parent=None) -> RecordTableModel:
    def scenario_choices():
        return [(ALL_SCENARIOS, "beide (alle scenario's)")] + [
            (s.id, scenario_choice_label(s.id, s.role)) for s in doc.case.scenarios]
    columns = [
        _date("date", "Datum", 110),
        _choice("scenario", "Scenario", scenario_choices, 120,
                "In welk scenario deze gebeurtenis plaatsvindt: 'beide' of één scenario."),
        _choice("domain", "Leefdomein", _domain_choices, 170),
        _text("title", "Titel", 260),
        _text("description", "Beschrijving", 400, editor="multiline"),
    ]
    return RecordTableModel(doc, ("narrative", "events"), columns, "gebeurtenis", parent)


def new_event(doc: CaseDocument) -> Event:
    return Event(date=doc.case.info.period.start, scenario=ALL_SCENARIOS)


def _safety(p: Perspective) -> str:
    s = p.safety_score
    if s is None or (s.start is None and s.end is None):
        return ""
    fmt = (lambda v: "—" if v is None else format_number(v, 0 if float(v).is_integer() else 1))  # noqa: E731
    return f"{fmt(s.start)} → {fmt(s.end)}"


def perspectives_model(doc: CaseDocument, parent=None) -> RecordTableModel:
    columns = [
        _text("who", "Wie", 180, "Wie aan het woord is (pseudoniem of functie)."),
        _text("role", "Rol", 120),
        Column("safety", "Veiligheid", _safety, width=90,
               header_tip="Veiligheidsscore (0–10) aan het begin en aan het einde."),
        Column("quotes", "Citaten", lambda p: str(len(p.quotes)) if p.quotes else "",
               width=70, numeric=True),
    ]
    return RecordTableModel(doc, ("perspectives",), columns, "perspectief", parent)


def outcomes_model(doc: CaseDocument, parent=None) -> RecordTableModel:
    columns = [
        _choice("domain", "Leefdomein", _domain_choices, 170),
        _choice("direction", "Richting", _direction_choices, 110,
                "Hoe de situatie zich ontwikkelde: verbeterd, gelijk, verslechterd, onbekend."),
        _text("start", "Begin", 230, editor="multiline"),
        _text("end", "Einde", 230, editor="multiline"),
        _text("reference", "Referentie", 230, EXPLAIN["referentie"], editor="multiline"),
        _text("source", "Bron", 160, "Wie dit zegt (bijvoorbeeld moeder, professional)."),
    ]
    return RecordTableModel(doc, ("outcomes",), columns, "resultaat", parent)


def new_outcome(existing: list[Outcome]) -> Outcome:
    used = {o.domain for o in existing}
    domain = next((d for d in DOMAINS if d not in used), "")
    return Outcome(domain=domain)


def _money_apply(attr: str):
    def apply(record, value):
        setattr(record, attr, float(value))
    return apply


def custom_items_model(doc: CaseDocument, parent=None) -> RecordTableModel:
    columns = [
        _text("id", "Code", 130, "Unieke code, anders dan de codes in de kostentabel "
                                 "(bijvoorbeeld EIGEN-OPPAS)."),
        _text("name", "Naam", 200),
        _text("category", "Categorie", 120),
        _choice("kind", "Soort", [(k, KIND_LABELS[k]) for k in KINDS], 90, EXPLAIN["kind"]),
        _choice("unit", "Eenheid", [(u, u) for u in UNITS], 90),
        Column("tariff", "Tarief", lambda i: format_euro(i.tariff, 2), lambda i: i.tariff,
               _money_apply("tariff"), editor="money", numeric=True, width=100),
        _year("price_year", "Prijspeil", 90, "Jaar van het tarief; leeg: het prijspeil van de "
                                             "casus."),
        _choice("payer", "Financier", [(p, PAYER_LABELS[p]) for p in PAYERS], 115),
        _text("source_note", "Bronvermelding", 300,
              "Waar komt het tarief vandaan? (offerte, onderzoek, handleiding)",
              editor="multiline"),
    ]
    return CustomItemsModel(doc, ("custom_items",), columns, "eigen post", parent)


class CustomItemsModel(RecordTableModel):
    """Eigen posten: a new code takes the lines that used the old one along, in the same
    undo step, so that they stay priced instead of turning unpriced."""

    def push_edit(self, row: int, edited: Any, column: Column, text: str) -> None:
        old_id, new_id = self.record(row).id, edited.id
        case = self.doc.case
        users = [(s, n) for s, scenario in enumerate(case.scenarios)
                 for n, line in enumerate(scenario.lines) if line.item == old_id]
        table = self.doc.table
        taken = ((table is not None and new_id in table.items)
                 or any(i.id == new_id for i in case.custom_items)
                 or sum(i.id == old_id for i in case.custom_items) > 1)
        if column.key != "id" or old_id == new_id or not users or taken:
            super().push_edit(row, edited, column, text)
            return
        stack = self.doc.undo_stack
        stack.beginMacro(f"eigen post '{old_id}' hernoemen naar '{new_id}' "
                         f"({format_number(len(users))} regels)")
        stack.push(ReplaceRecordCommand(self.doc, self.path, row, edited, text))
        for s, n in users:
            line = copy.deepcopy(case.scenarios[s].lines[n])
            line.item = new_id
            stack.push(ReplaceRecordCommand(self.doc, ("scenarios", s, "lines"), n, line,
                                            "post van regel bijwerken"))
        stack.endMacro()


def new_custom_item(existing: list[CostItem]) -> CostItem:
    ids = {i.id for i in existing}
    n = 1
    while f"EIGEN-{n}" in ids:
        n += 1
    return CostItem(id=f"EIGEN-{n}", name="", category="eigen post", kind="inzet", unit="uur",
                    tariff=0.0, payer="gemeente")
