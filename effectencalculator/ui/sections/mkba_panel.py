"""Berekening's MKBA panel (FORMATS.md 1.1): the societal result next to the result per
payer, besparingen split into bookable and freed capacity, the share on low-confidence
tariffs, and the switching values. Words from ``report.figures_mkba``, figures from the
model: the same sentences as in the PDF and the CLI."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from effectencalculator.model.calculation import CaseResult
from effectencalculator.report.figures_mkba import (
    NO_SWITCHING,
    SPLIT_EXPLANATION,
    SWITCHING_EXPLANATION,
    VIEWS_EXPLANATION,
    MkbaWords,
    switching_sentences,
)


class MkbaPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("Maatschappelijk en per financier", parent)
        layout = QVBoxLayout(self)
        self.views = QLabel()
        self.views.setObjectName("mkba_views")
        self.explanation = QLabel()
        self.explanation.setObjectName("mkba_explanation")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.split = QLabel()
        self.split.setObjectName("mkba_split")
        self.confidence = QLabel()
        self.confidence.setObjectName("mkba_confidence")
        for label in (self.split, self.confidence):
            label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.views, self.explanation, self.split, self.confidence):
            label.setWordWrap(True)
            # never squeezed below the wrapped text's height in the scroll area
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            layout.addWidget(label)
        self.split.setToolTip(SPLIT_EXPLANATION)

    def show_result(self, words: MkbaWords | None) -> None:
        """``words``: the MKBA words of the result with a comparison (None: empty)."""
        if words is None:
            for label in (self.views, self.explanation, self.split, self.confidence):
                label.setText("")
            return
        self.views.setText(f"<b>{escape(words.societal)}</b>; per financier: "
                           "de tabel hierboven (kolommen overdrachten en rol).")
        self.explanation.setText(f"{VIEWS_EXPLANATION} {words.transfers}")
        split = words.split()
        parts = " · ".join(f"{label}: {value}" for label, value in split[:-1]) if split else ""
        self.split.setText(f"{words.split_title} — {parts}" if parts else "")
        self.confidence.setText(words.low_confidence)
        for label in (self.views, self.explanation, self.split, self.confidence):
            _fit(label)


class SwitchingLabel(QLabel):
    """The switching values, shown next to the tornado."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("switching_values")
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setToolTip(SWITCHING_EXPLANATION)

    def show_result(self, result: CaseResult | None) -> None:
        if result is None or result.comparison is None:
            self.setText("")
            return
        sentences = switching_sentences(result)
        body = "<br>".join(f"• {escape(s)}" for s in sentences) if sentences else NO_SWITCHING
        self.setText(f"<b>Omslagwaarden</b><br>{body}")
        _fit(self)


def _fit(label: QLabel) -> None:
    """A wrapped label in a scroll area is squeezed to one line unless it asks for the
    height of its wrapped text (Qt does not pass heightForWidth through the layout)."""
    width = max(label.width(), 500)
    label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)
