"""Dutch number, money and date formatting, shared by CLI, GUI and report.

Done in code rather than through ``locale``: the nl_NL locale is not installed on
every machine, and a report must look the same everywhere.
"""

from __future__ import annotations

import math
from datetime import date

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                "nov", "dec")
MINUS = "-"


def format_number(value: float, decimals: int = 0) -> str:
    """12345.678 → '12.345,68' (decimals=2); rounding half away from zero."""
    if not math.isfinite(value):
        return "—"
    quantum = 10 ** decimals
    scaled = math.floor(abs(value) * quantum + 0.5 + 1e-9)
    whole, fraction = divmod(scaled, quantum)
    text = f"{whole:,}".replace(",", ".")
    if decimals:
        text += "," + str(fraction).rjust(decimals, "0")
    negative = value < 0 and scaled != 0
    return f"{MINUS}{text}" if negative else text


def rounded(value: float, decimals: int = 0) -> float:
    """The value as ``format_number`` prints it (half away from zero)."""
    quantum = 10 ** decimals
    return math.copysign(math.floor(abs(value) * quantum + 0.5 + 1e-9) / quantum, value)


def format_euro(value: float, decimals: int = 0) -> str:
    """12345 → '€ 12.345'; -50 → '€ -50'."""
    return f"€ {format_number(value, decimals)}"


def format_percent(fraction: float, decimals: int = 0) -> str:
    """0.8 → '80%'; 0.0225 → '2,25%' with decimals=2."""
    return f"{format_number(fraction * 100, decimals)}%"


def format_quantity(value: float) -> str:
    """Up to two decimals, without trailing zeros: 26 → '26', 26.5 → '26,5'."""
    text = format_number(value, 2)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def format_date(day: date | None) -> str:
    """date(2025, 3, 3) → '3 maart 2025'."""
    if day is None:
        return "—"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_date_short(day: date | None) -> str:
    """date(2025, 3, 3) → '3 mrt 2025'."""
    if day is None:
        return "—"
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


#: Display names of the payer codes (FORMATS.md).
PAYER_LABELS = {
    "gemeente": "Gemeente", "rijk": "Rijk", "zorgverzekeraar": "Zorgverzekeraar",
    "uwv": "UWV", "werkgever": "Werkgever", "onderwijs": "Onderwijs",
    "huishouden": "Huishouden", "overig": "Overig", "wlz": "Wlz (langdurige zorg)",
}


def payer_label(code: str) -> str:
    """'uwv' → 'UWV'; an unknown code is shown as it is."""
    return PAYER_LABELS.get(code, code)


def format_month(day: date) -> str:
    """date(2025, 3, 1) → 'mrt 2025' (axis labels)."""
    return f"{MONTHS_SHORT[day.month - 1]} {day.year}"


def format_period(first: date | None, last: date | None) -> str:
    """'6 feb 2025 – 31 jul 2025', or one date when first == last."""
    if first is None or last is None or first == last:
        return format_date_short(first if first is not None else last)
    return f"{format_date_short(first)} – {format_date_short(last)}"
