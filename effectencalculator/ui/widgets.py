"""Small editor widgets shared by the sections, the timeline panel and the table delegates.

Dates and numbers are typed into plain line edits that read the text with
``model.dutch_input`` on every keystroke and show what they understood beside the field
("= za 1 maart 2025", "= 1,5 · punt gelezen als decimaalteken") *before* anything is
committed. Text that cannot be read turns the field red with the reason (tooltip and the
hint); it is never replaced by another value, and the old value stays in the case. The
caller commits on ``valueCommitted`` (Enter or leaving the field with readable, changed
text); table cells commit through the delegate.

Why not QDateEdit/QDoubleSpinBox/QSpinBox: their section editing turned ``1-3-2025`` into
today or into 1-3-2026, ``15-12-2025`` into 2025-08-15 and ``1.5`` into 15, silently; a
spin box also changes a typed year when the mouse wheel passes over it and clamps a year
out of its range to the nearest end. A year is typed here like any other value.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QHideEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.dutch_input import (
    DATE_HELP,
    NUMBER_HELP,
    YEAR_HELP,
    Parsed,
    date_text,
    describe_date,
    describe_number,
    describe_percent,
    number_text,
    parse_date,
    parse_number,
    parse_percent,
    parse_year,
    parse_years,
)

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
INVALID_STYLE = "QLineEdit { border: 2px solid #c00000; background: #fff0f0; }"
_HINT_STYLE = ("QLabel { background: #ffffe8; color: #333333; border: 1px solid #b0a060;"
               " padding: 1px 4px; }")
_HINT_BAD_STYLE = ("QLabel { background: #fff0f0; color: #a00000; border: 1px solid #c00000;"
                   " padding: 1px 4px; }")


class ParsedEdit(QLineEdit):
    """A line edit that reads its text on every edit and shows the reading.

    Subclasses give ``parse``, ``describe`` and ``text_for``. ``value()`` raises
    ValueError (with the Dutch reason) while the text cannot be read.
    """

    #: Enter or focus-out with readable text that differs from the value last shown
    valueCommitted = Signal()
    help_text = ""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model_value: Any = None
        self._hint: QLabel | None = None
        self._base_tip = self.help_text
        super().setToolTip(self.help_text)
        self.textChanged.connect(self._update)
        self.editingFinished.connect(self._finish)

    # -- to be given by subclasses -----------------------------------------------------
    def parse(self, text: str) -> Parsed:
        raise NotImplementedError

    def describe(self, value: Any) -> str:
        return str(value)

    def text_for(self, value: Any) -> str:
        return "" if value is None else str(value)

    # -- reading -----------------------------------------------------------------------
    def parsed(self) -> Parsed:
        return self.parse(self.text())

    def is_acceptable(self) -> bool:
        return self.parsed().ok

    def value(self) -> Any:
        parsed = self.parsed()
        if not parsed.ok:
            raise ValueError(parsed.reason)
        return parsed.value

    def model_value(self) -> Any:
        """The value last set from the case (what stays when the text is unreadable)."""
        return self._model_value

    def set_value(self, value: Any) -> None:
        """Show ``value`` from the case, without committing anything."""
        self._model_value = value
        self.blockSignals(True)
        self.setText(self.text_for(value))
        self.blockSignals(False)
        self._update()

    def reading(self) -> str:
        """What the hint shows: '= 1 maart 2025', or 'Niet overgenomen: …'."""
        parsed = self.parsed()
        if not parsed.ok:
            return f"Niet overgenomen: {parsed.reason}"
        if parsed.value is None:
            return "= leeg"
        text = f"= {self.describe(parsed.value)}"
        return f"{text}  ({parsed.note})" if parsed.note else text

    # -- showing -----------------------------------------------------------------------
    def _update(self, *_args: Any) -> None:
        parsed = self.parsed()
        invalid = not parsed.ok
        if bool(self.property("invalid")) != invalid:
            self.setProperty("invalid", invalid)
            self.setStyleSheet(INVALID_STYLE if invalid else "")
        base = getattr(self, "_base_tip", self.help_text)
        super().setToolTip(parsed.reason if invalid else
                           (f"{self.reading()}\n{base}" if self.text() else base))
        self._show_hint()

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt override
        """The field's own help; the reading or the reason is shown above it."""
        self._base_tip = text
        self._update()

    def hint_label(self) -> QLabel | None:
        return self._hint

    def _show_hint(self) -> None:
        window = self.window()
        # the window's focus field (hasFocus also needs an active window)
        focused = window.focusWidget() is self
        if not focused or window is self or not self.isVisible():
            if self._hint is not None:
                self._hint.hide()
            return
        if self._hint is None or self._hint.parentWidget() is not window:
            if self._hint is not None:
                self._hint.deleteLater()
            self._hint = QLabel(window)
            self._hint.setObjectName("input_hint")
            self._hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.destroyed.connect(self._hint.deleteLater)
        hint = self._hint
        hint.setStyleSheet(_HINT_STYLE if self.parsed().ok else _HINT_BAD_STYLE)
        hint.setText(self.reading())
        hint.adjustSize()
        below = self.mapTo(window, QPoint(0, self.height()))
        if below.y() + hint.height() > window.height():
            below = self.mapTo(window, QPoint(0, -hint.height()))
        below.setX(max(0, min(below.x(), window.width() - hint.width())))
        hint.move(below)
        hint.show()
        hint.raise_()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self._show_hint()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if self._hint is not None:
            self._hint.hide()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        if self._hint is not None:
            self._hint.hide()

    def _finish(self) -> None:
        parsed = self.parsed()
        if parsed.ok and parsed.value != self._model_value:
            self.valueCommitted.emit()


def _calendar_icon() -> QIcon:
    """A small calendar drawn in code (no icon files to ship)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(2, 3, 12, 3, QColor("#c04040"))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(x, y, 2, 2, QColor("#555555"))
    painter.end()
    return QIcon(pixmap)


class OptionalDateEdit(ParsedEdit):
    """A date typed the Dutch way (1-3-2025, 1 mrt 2025, 2025-03-01 …), or empty: no date.

    A calendar button opens a month view; ``default_date`` is the month it opens on when
    the field is empty.
    """

    help_text = f"{DATE_HELP} Leeg: geen datum."
    #: a day was picked in the calendar (the delegate commits the cell on it)
    picked = Signal()

    def __init__(self, parent: QWidget | None = None, default_date: date | None = None,
                 required: bool = False):
        super().__init__(parent)
        self.default_date = default_date
        self.required = required
        self.setPlaceholderText("d-m-jjjj")
        self.setClearButtonEnabled(False)
        self.calendar_action = self.addAction(_calendar_icon(),
                                              QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip("Kies een datum in de kalender")
        self.calendar_action.triggered.connect(self.open_calendar)
        self._popup: QWidget | None = None
        self._update()

    def parse(self, text: str) -> Parsed:
        return parse_date(text, required=self.required)

    def describe(self, value: Any) -> str:
        return describe_date(value)

    def text_for(self, value: Any) -> str:
        return date_text(value)

    def open_calendar(self) -> QCalendarWidget:
        """A month view as a popup of this field (so a cell editor keeps its editor)."""
        popup = QWidget(self, Qt.WindowType.Popup)
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(0, 0, 0, 0)
        calendar = QCalendarWidget(popup)
        calendar.setLocale(DUTCH)
        calendar.setGridVisible(True)
        parsed = self.parsed()
        start = parsed.value if parsed.ok and parsed.value else (self.default_date or date.today())
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        calendar.clicked.connect(self._calendar_picked)
        layout.addWidget(calendar)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        self._popup = popup
        return calendar

    def _calendar_picked(self, qdate: QDate) -> None:
        self.setText(date_text(date(qdate.year(), qdate.month(), qdate.day())))
        if self._popup is not None:
            self._popup.close()
            self._popup.deleteLater()
            self._popup = None
        self.setFocus()
        self._finish()
        self.picked.emit()


class NumberEdit(ParsedEdit):
    """A number typed the Dutch way (1,5 · 1.234,56) or with a plain dot (1.5 · 2400.50)."""

    help_text = NUMBER_HELP

    def __init__(self, parent: QWidget | None = None, *, money: bool = False,
                 negative: bool = False, required: bool = True,
                 minimum: float | None = None, maximum: float | None = None,
                 decimals: int = 6, empty_text: str = "leeg"):
        self.money, self.negative, self.required = money, negative, required
        self.minimum, self.maximum, self.decimals = minimum, maximum, decimals
        self.empty_text = empty_text
        super().__init__(parent)
        if money:
            self.setPlaceholderText("bedrag in euro, bijv. 2400,50")
        elif not required:
            self.setPlaceholderText(empty_text)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._update()

    def parse(self, text: str) -> Parsed:
        return parse_number(text, negative=self.negative, required=self.required,
                            minimum=self.minimum, maximum=self.maximum)

    def describe(self, value: Any) -> str:
        if self.money:
            return f"€ {describe_number(value, 2)}"
        return describe_number(value, self.decimals)

    def text_for(self, value: Any) -> str:
        return number_text(value, self.decimals)

    def reading(self) -> str:
        parsed = self.parsed()
        return f"= {self.empty_text}" if parsed.empty else super().reading()


class PercentEdit(ParsedEdit):
    """A percentage in percent (60, 60%, 60,5 %); 0,6 without % is refused as ambiguous."""

    help_text = "Een percentage, bijv. 60 of 60,5%."

    def __init__(self, parent: QWidget | None = None, maximum: float = 100.0):
        self.maximum = maximum
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._update()

    def parse(self, text: str) -> Parsed:
        return parse_percent(text, maximum=self.maximum)

    def describe(self, value: Any) -> str:
        return describe_percent(value)

    def text_for(self, value: Any) -> str:
        return "" if value is None else f"{number_text(value, 4)}%"


class YearEdit(ParsedEdit):
    """A year of four digits (2025) within ``minimum``–``maximum``; empty: ``empty_text``
    (no year, or a default the caller names). Out of range is red with the reason and
    not committed; the wheel changes nothing (it is a line edit)."""

    help_text = YEAR_HELP

    def __init__(self, parent: QWidget | None = None, *, minimum: int = 1900,
                 maximum: int = 2200, empty_text: str = "leeg"):
        self.minimum, self.maximum = minimum, maximum
        self.empty_text = empty_text
        super().__init__(parent)
        self.setPlaceholderText(empty_text)
        self.setMaxLength(20)
        self._update()

    def parse(self, text: str) -> Parsed:
        return parse_year(text, minimum=self.minimum, maximum=self.maximum)

    def text_for(self, value: Any) -> str:
        return "" if value is None else str(value)

    def set_empty_text(self, text: str) -> None:
        """What an empty field means ('zoals de tabel (2024)')."""
        self.empty_text = text
        self.setPlaceholderText(text)
        self._update()

    def reading(self) -> str:
        parsed = self.parsed()
        return f"= {self.empty_text}" if parsed.empty else super().reading()


class YearsEdit(ParsedEdit):
    """A number of years (3, 3 jaar); empty: ``empty_text`` (no limit)."""

    help_text = "Typ een aantal jaren, bijv. 3. Leeg: alle jaren."

    def __init__(self, parent: QWidget | None = None, *, minimum: int = 1,
                 maximum: int = 100, empty_text: str = "alle jaren"):
        self.minimum, self.maximum = minimum, maximum
        self.empty_text = empty_text
        super().__init__(parent)
        self.setPlaceholderText(empty_text)
        self._update()

    def parse(self, text: str) -> Parsed:
        return parse_years(text, minimum=self.minimum, maximum=self.maximum)

    def describe(self, value: Any) -> str:
        return f"{value} jaar"

    def text_for(self, value: Any) -> str:
        return "" if value is None else str(value)

    def reading(self) -> str:
        parsed = self.parsed()
        return f"= {self.empty_text}" if parsed.empty else super().reading()
