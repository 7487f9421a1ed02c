"""The open case as a Qt document: the Case, its file, its cost table and its undo stack.

The document owns the only mutating primitives (set a field, replace/insert/remove/move a
record in a list). Undo commands (``commands.py``) call them; views listen to the signals
and never change the case themselves. A location in the case is a *path*: a tuple of
attribute names and list indexes, e.g. ``("scenarios", 1, "lines")`` or
``("perspectives", 0)``.

Whether the document is modified comes from the undo stack's clean state only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from effectencalculator.model.case import Case, Compare, Scenario, Settings
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.tables import DEFAULT_TABLE_NAME
from effectencalculator.ui.undo_stack import GuardedUndoStack

CasePath = tuple


def resolve(case: Case, path: CasePath) -> Any:
    """The object at ``path`` inside ``case``."""
    obj: Any = case
    for part in path:
        obj = obj[part] if isinstance(part, int) else getattr(obj, part)
    return obj


def new_case_template() -> Case:
    """An empty case: an interventie and a referentie scenario, the default cost table."""
    case = Case()
    case.scenarios = [
        Scenario(id="interventie", label="Nieuwe werkwijze", role="intervention"),
        Scenario(id="referentie", label="Huidig stelsel", role="reference"),
    ]
    case.settings = Settings(cost_table=DEFAULT_TABLE_NAME,
                             compare=Compare(reference="referentie",
                                             intervention="interventie"))
    return case


def catalogue_items(case: Case, table: CostTable | None) -> dict:
    """Every item a line can use: the table's, then the case's own (marked custom)."""
    items = dict(table.items) if table is not None else {}
    for item in case.custom_items:
        items.setdefault(item.id, item)
    return items


class CaseDocument(QObject):
    """One open case. Signals carry the path of the list or record that changed."""

    aboutToInsert = Signal(object, int, int)
    inserted = Signal(object, int, int)
    aboutToRemove = Signal(object, int, int)
    removed = Signal(object, int, int)
    #: (list path, from index, to index) — the record ends up at ``to``
    aboutToMove = Signal(object, int, int)
    moved = Signal(object, int, int)
    recordReplaced = Signal(object, int)
    #: (path of the record, attribute name)
    fieldChanged = Signal(object, str)
    aboutToReset = Signal()
    caseReset = Signal()
    #: after every change of the case's content (for live totals and autosave)
    edited = Signal()
    tableChanged = Signal()
    pathChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.case: Case = new_case_template()
        self.path: Path | None = None
        self.table: CostTable | None = None
        self.table_notes: list = []
        #: a table the user chose by file (kept while the case is open)
        self.table_file: Path | None = None
        #: sha256 of the file as opened or last saved (to notice someone else's save)
        self.file_sha256: str | None = None
        #: the password of an encrypted case (``.ecase``), in memory only, never on disk;
        #: later saves and the recovery copies are encrypted with it
        self.password: str | None = None
        self.undo_stack = GuardedUndoStack(self)
        self.undo_stack.setUndoLimit(1000)
        self._catalogue: dict | None = None
        #: goes up with every change of the content (also when an edit merges into the
        #: previous undo step, where the undo index stays): "changed since" for autosave
        self.edit_count = 0
        self.edited.connect(self._count_edit)

    def _count_edit(self) -> None:
        self.edit_count += 1

    # -- whole document -------------------------------------------------------------
    def reset(self, case: Case, path: Path | None, *, modified: bool = False,
              password: str | None = None) -> None:
        """Show another case (new, opened, or restored); clears the undo history.

        ``password``: the case is encrypted with it (remembered in memory only).
        """
        self.aboutToReset.emit()
        self.case = case
        self.password = password or None
        self._catalogue = None
        self.undo_stack.clear()
        if modified:
            self.undo_stack.resetClean()
        self.set_path(path)
        self.caseReset.emit()
        self.edited.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.pathChanged.emit()

    def set_table(self, table: CostTable | None, notes: list | None = None) -> None:
        self.table = table
        self._catalogue = None
        self.table_notes = list(notes or [])
        self.tableChanged.emit()

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def encrypted(self) -> bool:
        """True when the case is saved (and autosaved) encrypted."""
        return self.password is not None

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        return "Nieuwe casus"

    def catalogue(self) -> dict:
        """Table items and own items by id (cached until the next change)."""
        if self._catalogue is None:
            self._catalogue = catalogue_items(self.case, self.table)
        return self._catalogue

    # -- primitives (called by undo commands only) ------------------------------------
    def set_attr(self, path: CasePath, attr: str, value: Any) -> None:
        self._catalogue = None
        setattr(resolve(self.case, path), attr, value)
        self.fieldChanged.emit(path, attr)
        self.edited.emit()

    def replace_record(self, path: CasePath, index: int, record: Any) -> None:
        self._catalogue = None
        resolve(self.case, path)[index] = record
        self.recordReplaced.emit(path, index)
        self.edited.emit()

    def insert_records(self, path: CasePath, index: int, records: list) -> None:
        if not records:
            return
        self._catalogue = None
        items = resolve(self.case, path)
        self.aboutToInsert.emit(path, index, index + len(records) - 1)
        items[index:index] = records
        self.inserted.emit(path, index, index + len(records) - 1)
        self.edited.emit()

    def remove_record(self, path: CasePath, index: int) -> Any:
        self._catalogue = None
        items = resolve(self.case, path)
        self.aboutToRemove.emit(path, index, index)
        record = items.pop(index)
        self.removed.emit(path, index, index)
        self.edited.emit()
        return record

    def move_record(self, path: CasePath, source: int, target: int) -> None:
        if source == target:
            return
        self._catalogue = None
        items = resolve(self.case, path)
        self.aboutToMove.emit(path, source, target)
        items.insert(target, items.pop(source))
        self.moved.emit(path, source, target)
        self.edited.emit()
