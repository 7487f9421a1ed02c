"""Perspectieven: the account of each person involved, with quotes and a safety score."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.case import Perspective, SafetyScore
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.sections.common import (
    RecordSelection,
    hint,
    lines_to_list,
    list_buttons,
    list_to_lines,
)
from effectencalculator.ui.table_models import perspectives_model
from effectencalculator.ui.widgets import NumberEdit


def _score_spin() -> NumberEdit:
    """A safety score 0–10 typed the Dutch way (7,5); empty when it was not asked."""
    edit = NumberEdit(required=False, minimum=0.0, maximum=10.0, decimals=2,
                      empty_text="niet gevraagd")
    edit.help_text = ("Veiligheidsscore van 0 (onveilig) tot 10 (veilig), bijv. 7 of 7,5; "
                      "leeg als niet gevraagd")
    edit.setToolTip(edit.help_text)
    edit.setMaximumWidth(90)
    return edit


def _score_get(key: str):
    def get(score: SafetyScore | None):
        return getattr(score, key) if score is not None else None
    return get


def _score_put(key: str):
    def put(score: SafetyScore | None, value):
        new = SafetyScore() if score is None else SafetyScore(score.start, score.end,
                                                             dict(score.extra))
        setattr(new, key, value)
        if new.start is None and new.end is None and not new.extra:
            return None
        return new
    return put


class PerspectievenSection(QWidget):
    title = "Perspectieven"

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        self.records = RecordSelection(doc, "perspectives", perspectives_model(doc, self), self)
        self.model, self.view = self.records.model, self.records.view
        box.addWidget(QLabel("Betrokkenen"))
        box.addWidget(self.view, 1)
        box.addLayout(list_buttons(self.view, self.model, Perspective, "perspectief",
                                   movable=True))
        splitter.addWidget(left)

        detail = QGroupBox("Perspectief")
        form = QFormLayout(detail)
        self.binder = self.records.binder
        self.who = self.binder.bind(QLineEdit(), "who", "wie")
        self.who.setPlaceholderText("bijv. Moeder, Professional lokaal team")
        self.role = self.binder.bind(QLineEdit(), "role", "rol")
        self.role.setPlaceholderText("bijv. ouder, jongere, professional")
        self.text = self.binder.bind(QPlainTextEdit(), "text", "verhaal")
        self.text.setPlaceholderText("Het verhaal in de woorden van deze betrokkene")
        self.text.setTabChangesFocus(True)
        self.quotes = self.binder.bind(QPlainTextEdit(), "quotes", "citaten",
                                       get=list_to_lines, put=lines_to_list)
        self.quotes.setPlaceholderText("Eén citaat per regel")
        self.quotes.setTabChangesFocus(True)
        self.quotes.setMaximumHeight(120)
        self.score_start = self.binder.bind(_score_spin(), "safety_score", "veiligheidsscore",
                                            get=_score_get("start"), put=_score_put("start"))
        self.score_end = self.binder.bind(_score_spin(), "safety_score", "veiligheidsscore",
                                          get=_score_get("end"), put=_score_put("end"))
        scores = QHBoxLayout()
        scores.addWidget(QLabel("begin"))
        scores.addWidget(self.score_start)
        scores.addWidget(QLabel("einde"))
        scores.addWidget(self.score_end)
        scores.addStretch(1)
        form.addRow("Wie", self.who)
        form.addRow("Rol", self.role)
        form.addRow("Verhaal", self.text)
        form.addRow("Citaten", self.quotes)
        form.addRow("Veiligheid (0–10)", scores)
        form.addRow(hint("Kies links een betrokkene. Citaten letterlijk, zonder namen."))
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)
        self.records.select_first()
