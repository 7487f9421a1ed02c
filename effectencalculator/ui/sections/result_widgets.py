"""Small read-only widgets the result views share: a key-figure card and a compact table
that is as large as its contents."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.ui.labels import EXPLAIN
from effectencalculator.ui.rows_model import RowsModel

_AMOUNT = re.compile(r"(€ [-+]?[\d.,]+)")


def read_only_table(model: RowsModel) -> QTableView:
    """A table view that cannot be edited or selected and takes the size of its rows."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)
    view.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return view


def enlarge(label: QLabel, factor: float = 1.6) -> None:
    """Large bold type for a key figure."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)


class FigureCard(QFrame):
    """One key figure: a title, the value in large type and an optional note below."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"card_{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setObjectName(f"figure_{key}")
        enlarge(self.value)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setObjectName(f"note_{key}")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.note.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)  # values line up across the row of cards
        self.setToolTip(EXPLAIN[key])

    def set_note(self, text: str) -> None:
        """Rich text; "€ 12.345" never breaks after the euro sign (as in the PDF)."""
        self.note.setText(_AMOUNT.sub(r"<span style='white-space:nowrap'>\1</span>", text))
        self.note.setVisible(bool(text))
