"""Verhaal: the family's story in a few paragraphs, the researcher's conclusion, the
mechanisms (tags), and the events on the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from effectencalculator.ui.delegates import RecordTableView
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.long_work import Runner
from effectencalculator.ui.mechanism_tags import MechanismsEditor
from effectencalculator.ui.sections.common import Binder, hint, list_buttons
from effectencalculator.ui.table_models import events_model, new_event


class VerhaalSection(QWidget):
    title = "Verhaal"

    def __init__(self, doc: CaseDocument, runner: Runner | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        summary_box = QGroupBox("Samenvatting van het verhaal")
        box = QVBoxLayout(summary_box)
        binder = Binder(doc, lambda: ("narrative",), self)
        self.summary = binder.bind(QPlainTextEdit(), "summary", "samenvatting")
        self.summary.setPlaceholderText(
            "Het verhaal van het gezin in een paar alinea's: wat speelde er, wat gebeurde er "
            "met de nieuwe werkwijze, en wat was er in het huidige stelsel waarschijnlijk "
            "gebeurd?")
        self.summary.setTabChangesFocus(True)
        box.addWidget(self.summary)
        splitter.addWidget(summary_box)

        conclusion_box = QGroupBox("Conclusie van de onderzoeker")
        box = QVBoxLayout(conclusion_box)
        self.conclusion = binder.bind(QPlainTextEdit(), "conclusion", "conclusie")
        self.conclusion.setPlaceholderText(
            "Uw eigen conclusie over deze casus: wat leert het verhaal, wat betekenen de "
            "bedragen, en hoe zeker is dat? Komt in het rapport onder een eigen kop.")
        self.conclusion.setTabChangesFocus(True)
        box.addWidget(self.conclusion)
        mechanisms_box = QGroupBox("Mechanismen: hoe de werkwijze op de kosten werkte")
        box = QVBoxLayout(mechanisms_box)
        self.mechanisms = MechanismsEditor(doc, runner, self)
        box.addWidget(self.mechanisms)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(conclusion_box)
        middle.addWidget(mechanisms_box)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        splitter.addWidget(middle)

        events_box = QGroupBox("Gebeurtenissen op de tijdlijn")
        box = QVBoxLayout(events_box)
        self.events = events_model(doc, self)
        self.event_view = RecordTableView(self, default_date=lambda: doc.case.info.period.start)
        self.event_view.setModel(self.events)
        box.addWidget(self.event_view, 1)
        box.addLayout(list_buttons(self.event_view, self.events, lambda: new_event(doc),
                                   "gebeurtenis", movable=True))
        box.addWidget(hint("Gebeurtenissen in het leven van het gezin; ze worden niet geprijsd. "
                           "Geldelijke effecten (uitkering, verzuim) horen als regel bij Inzet."))
        splitter.addWidget(events_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        layout.addWidget(splitter)
