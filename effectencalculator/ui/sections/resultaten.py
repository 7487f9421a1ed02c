"""Resultaten: per life domain the situation at the start, at the end and in the reference."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.labels import EXPLAIN
from effectencalculator.ui.sections.common import RecordSelection, hint, list_buttons
from effectencalculator.ui.table_models import new_outcome, outcomes_model


class ResultatenSection(QWidget):
    title = "Resultaten"

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        self.records = RecordSelection(doc, "outcomes", outcomes_model(doc, self), self)
        self.model, self.view = self.records.model, self.records.view
        box.addWidget(self.view, 1)
        box.addLayout(list_buttons(self.view, self.model,
                                   lambda: new_outcome(doc.case.outcomes), "resultaat",
                                   movable=True))
        splitter.addWidget(top)

        detail = QGroupBox("Resultaat in woorden")
        form = QFormLayout(detail)
        self.binder = self.records.binder
        self.start = self._text("start", "situatie bij de start", "Hoe was het bij de start?")
        self.end = self._text("end", "situatie aan het einde", "Hoe is het nu (einde periode)?")
        self.reference = self._text("reference", "referentie",
                                    "Hoe was het waarschijnlijk in het huidige stelsel?")
        self.reference.setToolTip(EXPLAIN["referentie"])
        row = QHBoxLayout()
        for label, widget in (("Begin", self.start), ("Einde", self.end),
                              ("Referentie", self.reference)):
            column = QFormLayout()
            column.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            column.addRow(label, widget)
            row.addLayout(column)
        form.addRow(row)
        form.addRow(hint("Kies hierboven een leefdomein; richting en bron kiest u in de tabel."))
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self.records.select_first()

    def _text(self, attr: str, label: str, placeholder: str) -> QPlainTextEdit:
        edit = self.binder.bind(QPlainTextEdit(), attr, label)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        return edit
