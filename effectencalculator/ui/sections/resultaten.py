"""Resultaten: per life domain the situation at the start, at the end and in the reference."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.labels import EXPLAIN
from effectencalculator.ui.readings_editor import SCALE_CHOICES, ReadingsTable
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
        bottom = QWidget()
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(detail, 5)
        row.addWidget(self._readings_box(), 4)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self.records.select_first()
        self._follow_outcome()

    def _readings_box(self) -> QGroupBox:
        """Who sees it how: a reading per person, the scale, and whether they agree."""
        box = QGroupBox("Hoe ieder het ziet")
        column = QVBoxLayout(box)
        top = QHBoxLayout()
        self.scale = QComboBox()
        for value, label in SCALE_CHOICES:
            self.scale.addItem(label, value)
        self.scale.setToolTip("De schaal van de aflezingen bij dit resultaat; een aflezing "
                              "buiten de schaal wordt niet overgenomen.")
        self.binder.bind(self.scale, "scale", "schaal")
        self.not_agreed = QCheckBox("niet eens")
        self.not_agreed.setToolTip("De betrokkenen zijn het over dit resultaat niet eens; "
                                   "het rapport zegt dat erbij.")
        self.binder.bind(self.not_agreed, "agreed", "niet eens",
                         get=lambda agreed: agreed is False,
                         put=lambda old, checked: False if checked
                         else (None if old is False else old))
        top.addWidget(QLabel("Schaal"))
        top.addWidget(self.scale, 1)
        top.addWidget(self.not_agreed)
        column.addLayout(top)
        self.readings = ReadingsTable(self.doc, box)
        column.addWidget(self.readings, 1)
        self.view.selectionModel().currentRowChanged.connect(self._follow_outcome)
        self.model.modelReset.connect(self._follow_outcome)
        self.model.rowsRemoved.connect(self._follow_outcome)
        self.model.rowsInserted.connect(self._follow_outcome)
        self.model.rowsMoved.connect(self._follow_outcome)
        return box

    def _follow_outcome(self, *_args) -> None:
        path = self.records.current_path()
        self.readings.set_outcome(None if path is None else path[1])

    def _text(self, attr: str, label: str, placeholder: str) -> QPlainTextEdit:
        edit = self.binder.bind(QPlainTextEdit(), attr, label)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        return edit
