"""Copy, paste, fill down and delete rows in the record tables (the Qt side).

Every record table (service lines, events, household, outcomes, perspectives, own
items) gets the same keys and context menu through ``RecordTableView``:

- Ctrl+C copies the selected rows as tab-separated text with the table's headers, so a
  spreadsheet pastes them as columns (``model.paste.cell_text``: Dutch numbers, dd-mm-jjjj).
- Ctrl+V pastes a block copied from a spreadsheet as new rows below the current one
  (columns found by header name or by position; every cell read as if typed:
  ``model.paste.plan_paste``). A cell that cannot be read stops the whole paste with one
  dialog naming row and column. One value on the clipboard fills the selected cells.
- Ctrl+D fills the top selected cell of each column down into the selected cells below.
- Delete removes the selected rows (several rows, or whole rows selected by their
  header); on a single cell it still empties an optional cell (a date, a year).

Each of these is one step on the undo stack: Ctrl+Z restores the table exactly.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QTableView

from effectencalculator.model.paste import (
    PasteColumn,
    cell_text,
    join_block,
    match_header,
    plan_paste,
    read_cell,
    split_block,
)
from effectencalculator.report.format import format_number
from effectencalculator.ui.commands import (
    InsertRecordsCommand,
    RemoveRecordsCommand,
    ReplaceRecordCommand,
)
from effectencalculator.ui.table_models import Column, RecordTableModel

#: at most this many problems are listed in the dialog itself (all in its details)
SHOWN = 12


def paste_column(model: RecordTableModel, index: int) -> PasteColumn:
    """How paste reads column ``index`` of ``model`` (its editor decides)."""
    column = model.column(index)
    if column.check is not None:
        kind = "check"
    elif column.apply is None or column.edit is None:
        kind = "readonly"
    elif column.editor == "int":
        kind = "year"
    else:
        kind = column.editor
    choices = tuple(model.choices(index)) if kind == "combo" else ()
    return PasteColumn(column.key, column.header, kind, tuple(column.fields),
                       column.optional, choices, column.free_choice)


def paste_columns(model: RecordTableModel) -> list[PasteColumn]:
    return [paste_column(model, i) for i in range(model.columnCount())]


def _edit_value(column: Column, record: Any) -> Any:
    if column.check is not None:
        return column.check(record)
    return column.edit(record) if column.edit is not None else None


def copy_text(model: RecordTableModel, rows: list[int]) -> str:
    """The rows as a spreadsheet block: the header row as the table shows it, then one
    line per record, every column."""
    columns = paste_columns(model)
    lines = [[c.header for c in columns]]
    for row in rows:
        record = model.record(row)
        lines.append([cell_text(pc, _edit_value(model.column(i), record),
                                "" if model.column(i).check is not None
                                else str(model.column(i).display(record) or ""))
                      for i, pc in enumerate(columns)])
    return join_block(lines)


def _plural(count: int, one: str, many: str) -> str:
    return f"{format_number(count)} {one if count == 1 else many}"


def _next_id(taken: set[str], base: str) -> str:
    """'p3' with p3 taken → 'p4' (the first free number after the base's own)."""
    match = re.fullmatch(r"(.*?)(\d+)", base)
    stem, n = (match.group(1), int(match.group(2))) if match else (f"{base}-", 1)
    while f"{stem}{n}" in taken:
        n += 1
    return f"{stem}{n}"


class TableClipboard:
    """The clipboard and bulk edits of one ``RecordTableView``."""

    def __init__(self, view: QTableView):
        self.view = view

    # -- what is selected ---------------------------------------------------------------
    def model(self) -> RecordTableModel | None:
        model = self.view.model()
        return model if isinstance(model, RecordTableModel) else None

    def selected_rows(self) -> list[int]:
        selection = self.view.selectionModel()
        rows = {i.row() for i in selection.selectedIndexes()} if selection else set()
        current = self.view.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return sorted(rows)

    def rows_chosen(self) -> bool:
        """Whether Delete means "remove these rows": whole rows, or more than one row."""
        selection = self.view.selectionModel()
        if selection is None or not selection.hasSelection():
            return False
        return bool(selection.selectedRows()) or len(self.selected_rows()) > 1

    def _cells(self) -> dict[int, list[int]]:
        """Selected rows per column (the current cell when nothing is selected)."""
        selection = self.view.selectionModel()
        indexes = list(selection.selectedIndexes()) if selection else []
        if not indexes and self.view.currentIndex().isValid():
            indexes = [self.view.currentIndex()]
        cells: dict[int, list[int]] = {}
        for index in indexes:
            cells.setdefault(index.column(), []).append(index.row())
        return {c: sorted(set(rows)) for c, rows in sorted(cells.items())}

    # -- feedback -----------------------------------------------------------------------
    def _dialogs(self):
        ctx = getattr(self.view.window(), "ctx", None)
        if ctx is not None:
            return ctx.dialogs
        from effectencalculator.ui.services import DialogService
        return DialogService()

    def _status(self, text: str) -> None:
        status = getattr(self.view.window(), "statusBar", None)
        if callable(status):
            status().showMessage(text, 15000)
        self.last_message = text

    last_message = ""

    # -- copy ---------------------------------------------------------------------------
    def copy(self) -> str:
        """Put the selected rows on the clipboard; returns the text."""
        model = self.model()
        rows = self.selected_rows()
        if model is None or not rows:
            return ""
        text = copy_text(model, rows)
        QGuiApplication.clipboard().setText(text)
        self._status(f"{_plural(len(rows), 'rij', 'rijen')} gekopieerd (met kolomnamen): "
                     "plak ze in een rekenblad of in een andere tabel.")
        return text

    # -- paste --------------------------------------------------------------------------
    def can_paste(self) -> bool:
        model = self.model()
        return model is not None and model.new_record is not None

    def paste_clipboard(self) -> bool:
        """Paste what is on the clipboard (the menu's and Ctrl+V's slot)."""
        return self.paste()

    def paste(self, text: str | None = None) -> bool:
        """Paste the clipboard's block (or ``text``); True when something changed."""
        model = self.model()
        if text is None:
            text = QGuiApplication.clipboard().text()
        if model is None or model.new_record is None:
            self._status("In deze tabel kan niet geplakt worden.")
            return False
        columns = paste_columns(model)
        block = split_block(text)
        cells = self._cells()
        if (len(block) == 1 and len(block[0]) == 1 and cells
                and match_header(block[0], columns) is None):
            return self._paste_value(model, columns, block[0][0], cells)
        current = self.view.currentIndex()
        start = current.column() if current.isValid() else 0
        plan = plan_paste(text, columns, items=model.doc.catalogue(), start=start)
        records: list[Any] = []
        errors = list(plan.errors)
        if not errors:
            records, errors = self._build(model, plan)
        if errors:
            self._refuse(errors)
            return False
        at = current.row() + 1 if current.isValid() else model.rowCount()
        noun = _plural(len(records), model.noun, self._nouns(model))
        model.doc.undo_stack.push(InsertRecordsCommand(model.doc, model.path, at, records,
                                                       f"{noun} plakken"))
        self._select(model, at, at + len(records) - 1)
        self._status(f"{noun} geplakt" + ("" if plan.header else
                                          " (kolommen op volgorde, zonder kopregel)") +
                     (f"; {_plural(len(plan.notes), 'opmerking', 'opmerkingen')}"
                      if plan.notes else "") + ". Ctrl+Z maakt het ongedaan.")
        if plan.notes:
            shown = plan.notes[:SHOWN]
            more = len(plan.notes) - len(shown)
            self._dialogs().show_info(
                self.view, "Geplakt, met opmerkingen",
                f"{noun} geplakt. Let op:\n" + "\n".join(f"• {n}" for n in shown) +
                (f"\n… en nog {more}" if more > 0 else ""))
        return True

    @staticmethod
    def _nouns(model: RecordTableModel) -> str:
        noun = model.noun
        plurals = {"regel": "regels", "gebeurtenis": "gebeurtenissen",
                   "gezinslid": "gezinsleden", "resultaat": "resultaten",
                   "perspectief": "perspectieven", "eigen post": "eigen posten"}
        return plurals.get(noun, f"{noun}en")

    def _build(self, model: RecordTableModel, plan) -> tuple[list[Any], list[str]]:
        """New records from the plan's rows (each from the table's new record)."""
        assert model.new_record is not None
        records, errors = [], []
        taken = {getattr(r, "id", "") for r in model.records()}
        for row in plan.rows:
            record = model.new_record()
            pasted_keys = set()
            for col, value in row.values:
                column = model.column(col)
                pasted_keys.add(column.key)
                try:
                    if column.apply is not None:
                        column.apply(record, value)
                except (TypeError, ValueError) as exc:
                    errors.append(f"rij {row.number}, kolom {column.header}: {exc}")
            record_id = getattr(record, "id", None)
            if isinstance(record_id, str) and record_id and "id" not in pasted_keys \
                    and record_id in taken:
                record.id = _next_id(taken, record_id)
            if isinstance(getattr(record, "id", None), str):
                taken.add(record.id)
            records.append(record)
        return records, errors

    def _paste_value(self, model: RecordTableModel, columns: list[PasteColumn], text: str,
                     cells: dict[int, list[int]]) -> bool:
        """One copied value: into every selected cell, read by each cell's column."""
        edited: dict[int, Any] = {}
        errors = []
        for col, rows in cells.items():
            column, spec = model.column(col), columns[col]
            if not spec.pasteable or column.apply is None:
                continue
            value, error, _note = read_cell(spec, text, items=model.doc.catalogue())
            if error:
                errors.append(f"kolom {column.header}: {error}")
                continue
            for row in rows:
                record = edited.setdefault(row, copy.deepcopy(model.record(row)))
                try:
                    column.apply(record, value)
                except (TypeError, ValueError) as exc:
                    errors.append(f"rij {row + 1}, kolom {column.header}: {exc}")
        if errors:
            self._refuse(errors)
            return False
        return self._replace(model, edited, "plakken in {n}")

    def _refuse(self, errors: list[str]) -> None:
        cells = _plural(len(errors), "probleem", "problemen")
        self._status(f"Niets geplakt: {cells}.")
        self._dialogs().show_error(
            self.view, "Niets geplakt",
            f"Niets geplakt: {cells} in wat er op het klembord staat. Verbeter de cellen "
            "in het rekenblad en plak opnieuw (rijen geteld zoals geplakt: de kopregel is "
            "rij 1).", errors)

    def _replace(self, model: RecordTableModel, edited: dict[int, Any], text: str) -> bool:
        changed = {row: record for row, record in sorted(edited.items())
                   if record != model.record(row)}
        if not changed:
            return False
        stack = model.doc.undo_stack
        noun = _plural(len(changed), model.noun, self._nouns(model))
        stack.beginMacro(text.format(n=noun))
        for row, record in changed.items():
            stack.push(ReplaceRecordCommand(model.doc, model.path, row, record,
                                            text.format(n=model.row_label(row))))
        stack.endMacro()
        return True

    def _select(self, model: RecordTableModel, first: int, last: int) -> None:
        if last < first:
            return
        self.view.clearSelection()
        self.view.setCurrentIndex(model.index(first, 0))
        selection = QItemSelection(model.index(first, 0),
                                   model.index(last, model.columnCount() - 1))
        self.view.selectionModel().select(selection,
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- fill down and delete -------------------------------------------------------------
    def fill_down(self) -> bool:
        """The top selected cell of each column into the selected cells below it (one
        selected cell: the value of the cell above it)."""
        model = self.model()
        if model is None:
            return False
        edited: dict[int, Any] = {}
        for col, rows in self._cells().items():
            column = model.column(col)
            if column.apply is None or (column.edit is None and column.check is None):
                continue
            if len(rows) == 1:
                if rows[0] == 0:
                    continue
                rows = [rows[0] - 1, rows[0]]
            value = _edit_value(column, model.record(rows[0]))
            for row in rows[1:]:
                record = edited.setdefault(row, copy.deepcopy(model.record(row)))
                try:
                    column.apply(record, copy.deepcopy(value))
                except (TypeError, ValueError):
                    continue
        done = self._replace(model, edited, "omlaag vullen ({n})")
        self._status("Omlaag gevuld. Ctrl+Z maakt het ongedaan." if done else
                     "Niets om omlaag te vullen: kies een cel en de cellen eronder.")
        return done

    def delete_rows(self) -> bool:
        model = self.model()
        rows = self.selected_rows()
        if model is None or not rows:
            return False
        noun = _plural(len(rows), model.noun, self._nouns(model))
        model.doc.undo_stack.push(RemoveRecordsCommand(model.doc, model.path, rows,
                                                       f"{noun} verwijderen"))
        self._status(f"{noun} verwijderd. Ctrl+Z zet ze terug.")
        return True

    # -- context menu -----------------------------------------------------------------------
    def menu(self) -> QMenu:
        """Kopiëren / Plakken / Omlaag vullen / Rijen verwijderen, with their keys."""
        menu = QMenu(self.view)
        rows = self.selected_rows()
        model = self.model()
        for text, keys, slot, enabled in (
                ("Kopiëren", "Ctrl+C", self.copy, bool(rows)),
                ("Plakken", "Ctrl+V", self.paste_clipboard,
                 self.can_paste() and bool(QGuiApplication.clipboard().text())),
                ("Omlaag vullen", "Ctrl+D", self.fill_down, bool(rows)),
                ("Rijen verwijderen", "Delete", self.delete_rows,
                 bool(rows) and model is not None)):
            action = menu.addAction(f"{text}\t{keys}")
            action.setObjectName(text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
        return menu
