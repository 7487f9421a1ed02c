"""The review state of a case in Gegevens (FORMATS.md 1.1 ``case.review``): status
(concept, gecontroleerd, definitief), by whom, and the date, typed the Dutch way.

A case without ``review`` is a concept, and stays without one until the researcher sets
something: opening and saving a case never adds the key. Every edit replaces the
record (the first creates it); consecutive edits of one field merge into one undo step,
as typing in any other field does; a record left with nothing set (typed and wiped
again) goes away, and Ctrl+Z back to the start restores exactly what was there.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from effectencalculator.model.case import Review
from effectencalculator.model.vocabulary import REVIEW_STATUSES
from effectencalculator.ui.commands import SetAttrCommand
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.widgets import OptionalDateEdit

#: what each status means, shown beside the choice
STATUS_TIPS: dict[str, str] = {
    "concept": "Nog in bewerking; de cijfers kunnen veranderen.",
    "gecontroleerd": "Een tweede onderzoeker heeft de casus nagekeken.",
    "definitief": "Afgerond; zo telt de casus mee in een portfolio.",
}
_LABELS = {"status": "beoordelingsstatus", "by": "beoordeeld door",
           "date": "datum beoordeling"}


class SetReviewCommand(SetAttrCommand):
    """Replace ``case.info.review`` as one field of it changes; consecutive edits of the
    same field merge (the place names the field), edits of another field do not."""

    def __init__(self, doc: CaseDocument, review: Review | None, field: str, text: str):
        super().__init__(doc, ("info",), "review", review, text)
        self.field = field

    def place(self) -> Any:
        return ("info",), "review", self.field


class ReviewEditor(QObject):
    """The three review widgets, added as rows to a form; keeps them in step with the
    case and turns each edit into an undo command. A QObject of the section, so its
    connections to the document go with it."""

    def __init__(self, doc: CaseDocument, form: QFormLayout, parent: QWidget):
        super().__init__(parent)
        self.doc = doc
        self.status = QComboBox(parent)
        for status in REVIEW_STATUSES:
            self.status.addItem(status, status)
            self.status.setItemData(self.status.count() - 1, STATUS_TIPS[status],
                                    Qt.ItemDataRole.ToolTipRole)
        self.status.setToolTip("Hoe ver de casus is: concept, gecontroleerd of definitief")
        self.by = QLineEdit(parent)
        self.by.setPlaceholderText("bijv. tweede onderzoeker (functie of initialen)")
        self.by.setToolTip("Wie de casus heeft nagekeken of definitief gemaakt")
        self.date = OptionalDateEdit(parent)
        self.date.default_date = None
        self.date.setToolTip("Datum van de beoordeling (dd-mm-jjjj)")
        form.addRow("Beoordeling", self.status)
        form.addRow("Beoordeeld door", self.by)
        form.addRow("Datum beoordeling", self.date)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.by.textEdited.connect(self._by_typed)
        self.date.valueCommitted.connect(self._date_committed)
        doc.fieldChanged.connect(self._field_changed)
        doc.caseReset.connect(self.refresh)
        self.refresh()

    # -- case -> widgets ------------------------------------------------------------------
    def review(self) -> Review:
        """The case's review, or the ``concept`` it means when the file has none."""
        return self.doc.case.info.review or Review()

    def _field_changed(self, path: Any, attr: str) -> None:
        if tuple(path) in (("info",), ("info", "review")):
            self.refresh()

    def refresh(self, *_: Any) -> None:
        review = self.review()
        self.status.blockSignals(True)
        found = self.status.findData(review.status)
        if found < 0:  # not in the format's list (the case check reports it)
            self.status.addItem(review.status, review.status)
            found = self.status.count() - 1
        self.status.setCurrentIndex(found)
        self.status.blockSignals(False)
        if self.by.text().strip() != review.by:  # not while it is typed (spaces trimmed)
            self.by.setText(review.by)
        if self.date.model_value() != review.date:  # an unreadable text stays, red
            self.date.set_value(review.date)

    # -- widgets -> case ------------------------------------------------------------------
    def _status_chosen(self, _index: int) -> None:
        self._set("status", self.status.currentData())

    def _by_typed(self, text: str) -> None:
        self._set("by", text.strip())

    def _date_committed(self) -> None:
        try:
            value = self.date.value()
        except ValueError:  # cannot happen: committed only when readable
            return
        self._set("date", value)

    def _set(self, field: str, value: Any) -> None:
        current = self.doc.case.info.review
        edited = copy.deepcopy(current) if current is not None else Review()
        if getattr(edited, field) == value:
            return
        setattr(edited, field, value)
        # nothing set (typed and wiped again): no record, as in a file without one
        self.doc.undo_stack.push(SetReviewCommand(
            self.doc, None if edited == Review() else edited, field,
            f"{_LABELS[field]} wijzigen"))
