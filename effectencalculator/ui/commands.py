"""Undo commands: every edit of a case is one of these, pushed on the document's stack.

Each command calls the document's primitives, so views update through the same signals
whether an edit is done, undone or redone. Repeated edits of one field (typing in a cell
or a text box) merge into one command, so one Ctrl+Z undoes the whole edit.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from effectencalculator.ui.document import CaseDocument, CasePath, resolve

MERGE_FIELD = 4711
MERGE_RECORD = 4712


class _MergingCommand(QUndoCommand):
    """An edit from ``old`` to ``new`` that absorbs the next edit of the same place.

    Subclasses give ``merge_id`` (the Qt merge id, -1: never merge) and ``place()``
    (what must be equal for two edits to merge). An edit back to the old value makes
    the merged command obsolete, so it leaves the undo stack.
    """

    merge_id = -1
    old: Any
    new: Any

    def place(self) -> Any:
        raise NotImplementedError

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (self.merge_id == -1 or not isinstance(other, type(self))
                or other.merge_id != self.merge_id or other.place() != self.place()):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True


class SetAttrCommand(_MergingCommand):
    """Set one attribute of the record at ``path``; consecutive edits of it merge."""

    def __init__(self, doc: CaseDocument, path: CasePath, attr: str, value: Any, text: str,
                 merge: bool = True):
        super().__init__(text)
        self.doc, self.path, self.attr = doc, tuple(path), attr
        self.old = copy.deepcopy(getattr(resolve(doc.case, self.path), attr))
        self.new = copy.deepcopy(value)
        self.merge = merge
        self.merge_id = MERGE_FIELD if merge else -1

    def place(self) -> Any:
        return self.path, self.attr

    def redo(self) -> None:
        self.doc.set_attr(self.path, self.attr, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.doc.set_attr(self.path, self.attr, copy.deepcopy(self.old))


class ReplaceRecordCommand(_MergingCommand):
    """Replace a record in a list by an edited copy (a table cell edit).

    ``merge_key`` names the cell; consecutive edits with the same key merge.
    """

    def __init__(self, doc: CaseDocument, path: CasePath, index: int, record: Any, text: str,
                 merge_key: Any = None):
        super().__init__(text)
        self.doc, self.path, self.index = doc, tuple(path), index
        self.old = copy.deepcopy(resolve(doc.case, self.path)[index])
        self.new = copy.deepcopy(record)
        self.merge_key = merge_key
        self.merge_id = MERGE_RECORD if merge_key is not None else -1

    def place(self) -> Any:
        return self.path, self.index, self.merge_key

    def redo(self) -> None:
        self.doc.replace_record(self.path, self.index, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.doc.replace_record(self.path, self.index, copy.deepcopy(self.old))


class InsertRecordsCommand(QUndoCommand):
    """Insert records (new, duplicated or copied from elsewhere) into a list."""

    def __init__(self, doc: CaseDocument, path: CasePath, index: int, records: list, text: str):
        super().__init__(text)
        self.doc, self.path, self.index = doc, tuple(path), index
        self.records = [copy.deepcopy(r) for r in records]

    def redo(self) -> None:
        self.doc.insert_records(self.path, self.index, [copy.deepcopy(r) for r in self.records])

    def undo(self) -> None:
        for _ in self.records:
            self.doc.remove_record(self.path, self.index)


class RemoveRecordsCommand(QUndoCommand):
    """Remove the records at ``indexes`` (any order) from a list."""

    def __init__(self, doc: CaseDocument, path: CasePath, indexes: list[int], text: str):
        super().__init__(text)
        self.doc, self.path = doc, tuple(path)
        self.indexes = sorted(set(indexes))
        items = resolve(doc.case, self.path)
        self.records = [copy.deepcopy(items[i]) for i in self.indexes]

    def redo(self) -> None:
        for i in reversed(self.indexes):
            self.doc.remove_record(self.path, i)

    def undo(self) -> None:
        for i, record in zip(self.indexes, self.records):
            self.doc.insert_records(self.path, i, [copy.deepcopy(record)])


class MoveRecordCommand(QUndoCommand):
    """Move one record within a list (reorder lines or scenarios)."""

    def __init__(self, doc: CaseDocument, path: CasePath, source: int, target: int, text: str):
        super().__init__(text)
        self.doc, self.path, self.source, self.target = doc, tuple(path), source, target

    def redo(self) -> None:
        self.doc.move_record(self.path, self.source, self.target)

    def undo(self) -> None:
        self.doc.move_record(self.path, self.target, self.source)


class ChangeTableCommand(QUndoCommand):
    """Price the case with another cost table (and record its name in the settings)."""

    def __init__(self, doc: CaseDocument, table, table_file, notes: list, text: str):
        super().__init__(text)
        self.doc = doc
        self.new = (table, table_file, list(notes), table.name)
        self.old = (doc.table, doc.table_file, list(doc.table_notes),
                    doc.case.settings.cost_table)

    def _apply(self, state) -> None:
        table, table_file, notes, name = state
        self.doc.table_file = table_file
        if self.doc.case.settings.cost_table != name:
            self.doc.set_attr(("settings",), "cost_table", name)
        self.doc.set_table(table, notes)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


def push(doc: CaseDocument, command: QUndoCommand) -> None:
    doc.undo_stack.push(command)


def set_field(doc: CaseDocument, path: CasePath, attr: str, value: Any, text: str) -> None:
    """Push a field edit unless the value is unchanged."""
    if getattr(resolve(doc.case, path), attr) == value:
        return
    push(doc, SetAttrCommand(doc, path, attr, value, text))
