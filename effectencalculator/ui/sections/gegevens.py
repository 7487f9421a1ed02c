"""Gegevens: the case's metadata and the household (pseudonyms only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.ui.delegates import RecordTableView
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.final_guard import FinalGuard
from effectencalculator.ui.review_editor import ReviewEditor
from effectencalculator.ui.sections.common import (
    Binder,
    hint,
    lines_to_list,
    list_buttons,
    list_to_lines,
)
from effectencalculator.ui.table_models import members_model, new_member
from effectencalculator.ui.widgets import OptionalDateEdit


class GegevensSection(QWidget):
    title = "Gegevens"

    def __init__(self, doc: CaseDocument, dialogs=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        layout = QHBoxLayout(self)

        case_box = QGroupBox("Casus")
        outer = QVBoxLayout(case_box)
        form = QFormLayout()
        outer.addLayout(form)
        info = Binder(doc, lambda: ("info",), self)
        period = Binder(doc, lambda: ("info", "period"), self)
        self.code = info.bind(QLineEdit(), "code", "casuscode")
        self.code.setPlaceholderText("bijv. PT-AMS-014")
        self.code.setToolTip("Pseudonieme casuscode: nooit herleidbaar tot het gezin")
        self.title_edit = info.bind(QLineEdit(), "title", "titel")
        self.title_edit.setPlaceholderText("bijv. Gezin Noordhoek (pseudoniem)")
        self.proeftuin = info.bind(QLineEdit(), "proeftuin", "proeftuin")
        self.start = period.bind(OptionalDateEdit(), "start", "begin van de periode")
        self.end = period.bind(OptionalDateEdit(), "end", "einde van de periode")
        self.start.setToolTip("Begin van de casusperiode (meestal het begin van de steun)")
        self.end.setToolTip("Einde van de casusperiode")
        self.researcher = info.bind(QLineEdit(), "researcher", "onderzoeker")
        self.session_date = info.bind(OptionalDateEdit(), "session_date", "datum sessie")
        self.participants = info.bind(QPlainTextEdit(), "participants", "deelnemers",
                                      get=list_to_lines, put=lines_to_list)
        self.participants.setPlaceholderText("Eén deelnemer per regel, bijv. Moeder")
        self.participants.setTabChangesFocus(True)
        self.participants.setMaximumHeight(140)
        period_row = QHBoxLayout()
        period_row.addWidget(self.start)
        period_row.addWidget(hint("tot en met"))
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        form.addRow("Casuscode", self.code)
        form.addRow("Titel", self.title_edit)
        form.addRow("Proeftuin", self.proeftuin)
        form.addRow("Periode", period_row)
        form.addRow("Onderzoeker", self.researcher)
        form.addRow("Datum sessie", self.session_date)
        form.addRow("Deelnemers", self.participants)
        #: status, by whom, date (``case.review``, FORMATS.md 1.1)
        self.review = ReviewEditor(doc, form, self)
        #: the first edit of a definitief case asks first (None: no dialogs, no question)
        self.final_guard = FinalGuard(doc, dialogs, self) if dialogs is not None else None
        form.addRow(hint("Gebruik alleen pseudoniemen en functies, nooit echte namen, adressen "
                         "of geboortedata."))
        outer.addStretch(1)
        self.session_date.setMaximumWidth(self.start.sizeHint().width() + 20)
        self.review.date.setMaximumWidth(self.start.sizeHint().width() + 20)
        self.review.status.setMaximumWidth(self.start.sizeHint().width() + 20)
        layout.addWidget(case_box, 1)

        household_box = QGroupBox("Huishouden")
        box = QVBoxLayout(household_box)
        self.members = members_model(doc, self)
        self.member_view = RecordTableView(self)
        self.member_view.setModel(self.members)
        box.addWidget(self.member_view, 1)
        box.addLayout(list_buttons(self.member_view, self.members,
                                   lambda: new_member(doc.case.household), "gezinslid",
                                   movable=True))
        box.addWidget(hint("Label: een pseudoniem zoals 'Moeder' of 'Kind 1'. Geboortejaar is "
                           "genoeg; geen geboortedatum."))
        layout.addWidget(household_box, 1)
        self.start.default_date = self.end.default_date = None
        self.session_date.default_date = None
