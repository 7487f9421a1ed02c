"""Eigen posten: the case's own cost items, for what the table lacks."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QPlainTextEdit, QVBoxLayout, QWidget

from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.sections.common import RecordSelection, hint, list_buttons
from effectencalculator.ui.table_models import custom_items_model, new_custom_item


class EigenPostenSection(QWidget):
    title = "Eigen posten"

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        layout.addWidget(hint(
            "Posten die de kostentabel niet heeft (bijvoorbeeld oppas tijdens gesprekken of "
            "tijdelijke huisvesting). Ze worden geprijsd als tabelposten en in het rapport "
            "altijd als eigen post van deze casus gemarkeerd. Geef bij elke post de bron van "
            "het tarief; de code mag niet gelijk zijn aan een code in de tabel."))
        self.records = RecordSelection(doc, "custom_items", custom_items_model(doc, self), self)
        self.model, self.view = self.records.model, self.records.view
        layout.addWidget(self.view, 1)
        layout.addLayout(list_buttons(self.view, self.model,
                                      lambda: new_custom_item(doc.case.custom_items),
                                      "eigen post"))
        detail = QGroupBox("Bron en toelichting van de huidige post")
        form = QFormLayout(detail)
        self.binder = self.records.binder
        self.source_note = self.binder.bind(QPlainTextEdit(), "source_note", "bronvermelding")
        self.source_note.setPlaceholderText("Waar komt het tarief vandaan? Offerte, onderzoek, "
                                            "handleiding; met jaar en, als het kan, een link.")
        self.source_note.setTabChangesFocus(True)
        self.source_note.setMaximumHeight(90)
        self.note = self.binder.bind(QPlainTextEdit(), "note", "toelichting")
        self.note.setPlaceholderText("Eventuele toelichting (aannames, berekening)")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        form.addRow("Bronvermelding", self.source_note)
        form.addRow("Toelichting", self.note)
        layout.addWidget(detail)
        self.records.select_first()
