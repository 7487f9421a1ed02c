"""A read-only table model over rows of already formatted text (results tables)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

ModelIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RowsModel(QAbstractTableModel):
    """Headers, rows of strings, optional tooltips; columns from ``numeric_from`` on are
    right-aligned; rows listed in ``bold_rows`` are bold (totals)."""

    def __init__(self, headers: list[str], header_tips: list[str] | None = None,
                 numeric_from: int = 1, parent=None):
        super().__init__(parent)
        self.headers = headers
        self.header_tips = header_tips or [""] * len(headers)
        self.numeric_from = numeric_from
        self.rows: list[list[str]] = []
        self.tips: list[list[str]] = []
        self.bold_rows: set[int] = set()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[list[str]], tips: list[list[str]] | None = None,
                 bold_rows: set[int] | None = None) -> None:
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.tips = [list(t) for t in tips] if tips else []
        self.bold_rows = set(bold_rows or ())
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.header_tips[section] or None
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(RIGHT if section >= self.numeric_from else LEFT)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.tips and row < len(self.tips) and self.tips[row][col]:
                return self.tips[row][col]
            return self.header_tips[col] or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if col >= self.numeric_from else LEFT)
        if role == Qt.ItemDataRole.FontRole and row in self.bold_rows:
            return self._bold
        return None

    def cell(self, row: int, col: int) -> str:
        return self.rows[row][col]
