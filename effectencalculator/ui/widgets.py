"""Small editor widgets shared by the sections and the table delegates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDoubleSpinBox, QSpinBox, QWidget

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
EMPTY_DATE = QDate(1900, 1, 1)
DATE_FORMAT = "d-M-yyyy"


def to_qdate(day: date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day is not None else EMPTY_DATE


def from_qdate(qdate: QDate) -> date | None:
    if not qdate.isValid() or qdate == EMPTY_DATE:
        return None
    return date(qdate.year(), qdate.month(), qdate.day())


class OptionalDateEdit(QDateEdit):
    """A date editor (d-m-jjjj, with calendar) that can also be empty ("—").

    Delete or Backspace on a fully selected date empties it; typing into an empty field
    starts from ``default_date``.
    """

    def __init__(self, parent: QWidget | None = None, default_date: date | None = None):
        super().__init__(parent)
        self.setLocale(DUTCH)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY_DATE)
        self.setMaximumDate(QDate(2200, 12, 31))
        self.setSpecialValueText("—")
        self.default_date = default_date
        self.setDate(EMPTY_DATE)
        self.setToolTip("Datum als dag-maand-jaar (bijv. 3-3-2025). Delete maakt het veld leeg.")

    def value(self) -> date | None:
        return from_qdate(self.date())

    def set_value(self, day: date | None) -> None:
        self.setDate(to_qdate(day))

    def _start_from_default(self) -> None:
        if self.date() == EMPTY_DATE:
            self.setDate(to_qdate(self.default_date or date.today()))
            self.setCurrentSection(QDateEdit.Section.DaySection)
            self.lineEdit().selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
                self.lineEdit().selectedText() == self.lineEdit().text()):
            self.setDate(EMPTY_DATE)
            return
        if event.text() and event.text().isdigit():
            self._start_from_default()
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._start_from_default()
        super().mousePressEvent(event)


def year_spin(parent: QWidget | None = None, empty_text: str = "—") -> QSpinBox:
    """A year (1900–2200); the lowest value means empty and shows ``empty_text``."""
    spin = QSpinBox(parent)
    spin.setRange(1899, 2200)
    spin.setSpecialValueText(empty_text)
    spin.setGroupSeparatorShown(False)
    return spin


def number_spin(parent: QWidget | None = None, decimals: int = 2, maximum: float = 1e9,
                prefix: str = "", suffix: str = "") -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setLocale(DUTCH)
    spin.setDecimals(decimals)
    spin.setRange(0.0, maximum)
    spin.setPrefix(prefix)
    spin.setSuffix(suffix)
    spin.setGroupSeparatorShown(True)
    return spin
