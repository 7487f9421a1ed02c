"""Read what a Dutch user types (or pastes from a spreadsheet): dates, numbers, percentages.

One small API for every editor and for paste: each ``parse_*`` returns a ``Parsed`` with
the value, or a Dutch reason why the text cannot be read. A reading that could have meant
something else (a two-digit year, a dot as decimal point or as thousands separator) is
accepted but carries a ``note``, so the editor can say how it read the text: a value that
was reinterpreted is never silent. Nothing is ever guessed: a date without a year, an
impossible date (31-2-2025) or an ambiguous number (``1,234.5``) is refused.

Rules, in short:

- Dates: day-month-year with ``-``, ``/`` or ``.`` (``1-3-2025``, ``01/03/2025``,
  ``1.3.25``), ISO ``2025-03-01``, and a month name, full or abbreviated, with or without
  a dot (``1 maart 2025``, ``1 mrt 2025``, ``1 mrt. 2025``, ``1-mrt-2025``), in any case.
  A two-digit year 00–69 is 2000–2069 and 70–99 is 1970–1999 (with a note). Years
  1900–2200.
- Numbers: the Dutch comma (``1,5``, ``1.234,56``, ``12,-``) and a plain dot
  (``1.5``, ``2400.50``, with a note). A dot separates thousands only in the Dutch grouped
  form: one to three digits, then groups of exactly three (``1.500``, ``12.345,67``,
  ``1.234.567``; with a note when no comma follows). Groups may also be spaces
  (``12 345``). ``€`` and spaces around the number are allowed; a minus only where the
  field allows negative values.
- Years are four digits (``2025``), within the field's range; a count of years is a
  whole number (``3``, ``3 jaar``). Nothing is clamped: ``1850`` or ``2,5`` is refused
  with the reason, never moved to the nearest allowed value.
- Percentages are returned in percent (0–100, not as a fraction): ``60``, ``60%``,
  ``60,5 %``, ``0,5%``. A number with decimals from 0 to 1 *without* a ``%`` sign
  (``0,6``) is refused as ambiguous (60% or 0,6%?); whole numbers are always percent.

Pure Python (no Qt), so the CLI and tests can use it too.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

T = TypeVar("T")

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
#: abbreviations that are not a prefix of the full name
_MONTH_EXTRA = {"mrt": 3}
MIN_YEAR, MAX_YEAR = 1900, 2200
#: a two-digit year below this is 20xx, from it 19xx
TWO_DIGIT_PIVOT = 70

DATE_HELP = "Typ dag-maand-jaar, bijv. 1-3-2025 of 1 maart 2025."
NUMBER_HELP = "Typ een getal met een komma voor decimalen, bijv. 1,5 of 2.400,50."
YEAR_HELP = "Typ een jaartal van vier cijfers, bijv. 2025."


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """What a text was read as.

    ``value`` is None for an empty optional field and for unreadable text; ``reason``
    says (in Dutch) why the text cannot be read; ``note`` says how a text that could
    have meant something else was read.
    """

    value: T | None = None
    reason: str = ""
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason

    @property
    def empty(self) -> bool:
        return self.ok and self.value is None

    @property
    def reinterpreted(self) -> bool:
        return bool(self.note)


def _fail(reason: str) -> Parsed:
    """A refusal; the reason is a sentence (capital first letter) an editor can show."""
    return Parsed(None, reason[:1].upper() + reason[1:])


def _clean(text: str) -> str:
    """Fold the spaces a paste brings along (no-break, thin) and trim."""
    for space in ("\u00a0", "\u202f", "\u2009", "\t"):
        text = text.replace(space, " ")
    return " ".join(text.split())


# -- dates ----------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d+)$")
_ISO_DATE = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_NAMED_DATE = re.compile(r"^(\d{1,2})[ \-/]*([a-z]+)\.?[ \-/]*(\d+)$")
_WEEKDAY = re.compile(r"^([a-z]+)\.?,? +(?=\d)")


def _weekday(word: str) -> int | None:
    """'za', 'zat', 'zaterdag' → 5; None when not a weekday."""
    if len(word) < 2:
        return None
    found = [i for i, name in enumerate(WEEKDAYS) if name.startswith(word)]
    return found[0] if len(found) == 1 else None


def month_from_name(word: str) -> int | None:
    """'maart', 'mrt', 'Mrt.', 'sept', 'jan' → month number; None when not a month."""
    word = word.lower().rstrip(".")
    if word in _MONTH_EXTRA:
        return _MONTH_EXTRA[word]
    if len(word) < 3:
        return None
    found = [i + 1 for i, name in enumerate(MONTHS) if name.startswith(word)]
    return found[0] if len(found) == 1 else None


def _year(digits: str) -> tuple[int | None, str, str]:
    """(year, reason, note) for the year digits of a date."""
    if len(digits) == 4:
        return int(digits), "", ""
    if len(digits) == 2:
        two = int(digits)
        year = 2000 + two if two < TWO_DIGIT_PIVOT else 1900 + two
        return year, "", f"jaar '{digits}' gelezen als {year}"
    return None, f"jaar '{digits}' onduidelijk: typ het jaar met vier cijfers.", ""


def _make_date(year: int, month: int, day: int, note: str = "") -> Parsed[date]:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return _fail(f"jaar {year} valt buiten {MIN_YEAR}–{MAX_YEAR}.")
    if not 1 <= month <= 12:
        return _fail(f"maand {month} bestaat niet (1–12). {DATE_HELP}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return _fail(f"{MONTHS[month - 1]} {year} heeft {days} dagen; dag {day} bestaat niet.")
    return Parsed(date(year, month, day), "", note)


def parse_date(text: str, *, required: bool = False) -> Parsed[date]:
    """Read a date as a Dutch user types it; empty text is "no date" unless ``required``."""
    text = _clean(text).lower()
    if not text:
        return _fail("Vul een datum in.") if required else Parsed(None)
    weekday = None
    lead = _WEEKDAY.match(text)
    if lead:  # 'za 1 maart 2025', as describe_date writes it
        weekday = _weekday(lead.group(1))
        if weekday is None:
            return _fail(f"'{lead.group(1)}' is geen dag van de week. {DATE_HELP}")
        text = text[lead.end():]
    parsed = _parse_plain_date(text)
    if parsed.value is not None and weekday is not None and parsed.value.weekday() != weekday:
        return _fail(f"{parsed.value.day} {MONTHS[parsed.value.month - 1]} "
                     f"{parsed.value.year} is een {WEEKDAYS[parsed.value.weekday()]}, "
                     f"geen {WEEKDAYS[weekday]}.")
    return parsed


def _parse_plain_date(text: str) -> Parsed[date]:
    match = _ISO_DATE.match(text)
    if match:
        return _make_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    match = _NUMERIC_DATE.match(text)
    month: int | None
    if match:
        day, month, year_digits = int(match.group(1)), int(match.group(3)), match.group(4)
    else:
        match = _NAMED_DATE.match(text)
        if not match:
            if re.fullmatch(r"\d{1,2}([-/. ])\d{1,2}\1?", text) or re.fullmatch(
                    r"\d{1,2}[ \-/]*[a-z]+\.?", text):
                return _fail(f"het jaar ontbreekt. {DATE_HELP}")
            return _fail(f"'{text}' is geen datum. {DATE_HELP}")
        month = month_from_name(match.group(2))
        if month is None:
            return _fail(f"'{match.group(2)}' is geen maand. {DATE_HELP}")
        day, year_digits = int(match.group(1)), match.group(3)
    year, reason, note = _year(year_digits)
    if year is None:
        return _fail(reason)
    return _make_date(year, month, day, note)


def describe_date(day: date) -> str:
    """date(2025, 3, 1) → 'za 1 maart 2025': the weekday helps catch a wrong day."""
    return f"{WEEKDAYS[day.weekday()][:2]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def date_text(day: date | None) -> str:
    """The text an editor starts from: date(2025, 3, 1) → '1-3-2025'."""
    return "" if day is None else f"{day.day}-{day.month}-{day.year}"


# -- numbers --------------------------------------------------------------------------

_SIGNS = {"-": -1, "\u2212": -1, "\u2013": -1, "+": 1}
_GROUPED_DOT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d*)?$")
_GROUPED_SPACE = re.compile(r"^\d{1,3}( \d{3})+(,\d*)?$")
_COMMA = re.compile(r"^\d*,\d+$")
_DOT = re.compile(r"^\d*\.\d+$")


def _strip_sign_and_euro(text: str) -> tuple[int, str, bool]:
    """(sign, rest, had_euro): '€ -1.500,-' → (-1, '1.500,-', True)."""
    sign, euro, signed = 1, False, False
    changed = True
    while changed and text:
        changed = False
        if text[0] == "€" and not euro:
            euro, text, changed = True, text[1:].strip(), True
        elif text[0] in _SIGNS and not signed:
            sign, signed, text, changed = _SIGNS[text[0]], True, text[1:].strip(), True
    if text.endswith("€"):
        euro, text = True, text[:-1].strip()
    return sign, text, euro


def _unsigned(text: str) -> tuple[float | None, str, str]:
    """(value, reason, note) of a number without sign or euro sign."""
    if text.endswith((",-", ",--")):  # € 12,- : whole euros
        text = text[:text.index(",")]
        if text and not text.endswith("."):
            text += ",00"
    if re.fullmatch(r"\d+", text):
        return float(text), "", ""
    if _COMMA.match(text):
        return float(text.replace(",", ".")), "", ""
    if _GROUPED_DOT.match(text) and not text.endswith(","):
        whole, _, fraction = text.partition(",")
        value = float(whole.replace(".", "") + "." + (fraction or "0"))
        note = "" if fraction else (f"punt gelezen als scheiding van duizendtallen: "
                                    f"{text} = {number_text(value)}")
        return value, "", note
    if _GROUPED_SPACE.match(text) and not text.endswith(","):
        return float(text.replace(" ", "").replace(",", ".")), "", ""
    if _DOT.match(text):
        value = float(text)
        return value, "", f"punt gelezen als decimaalteken: {text} = {number_text(value)}"
    if text.endswith((",", ".")):
        return None, f"'{text}' is onvolledig: typ de decimalen na de komma.", ""
    if "," in text and "." in text:
        return None, (f"'{text}' is onduidelijk (punt én komma). Gebruik de komma voor "
                      "decimalen en laat de punten weg, bijv. 1234,56."), ""
    if text.count(",") > 1 or text.count(".") > 1:
        return None, f"'{text}' heeft te veel scheidingstekens. {NUMBER_HELP}", ""
    if " " in text:
        return None, f"'{text}': een spatie hoort niet in een getal. {NUMBER_HELP}", ""
    return None, f"'{text}' is geen getal. {NUMBER_HELP}", ""


def parse_number(text: str, *, negative: bool = False, required: bool = True,
                 minimum: float | None = None, maximum: float | None = None
                 ) -> Parsed[float]:
    """Read a number typed the Dutch way (or with a plain decimal dot).

    ``negative`` allows a minus; ``minimum``/``maximum`` bound the value (inclusive);
    empty text is an error unless not ``required`` (then value None).
    """
    cleaned = _clean(text)
    if not cleaned:
        return _fail("Vul een getal in.") if required else Parsed(None)
    sign, rest, _euro = _strip_sign_and_euro(cleaned)
    if not rest:
        return _fail(f"'{cleaned}' is geen getal. {NUMBER_HELP}")
    value, reason, note = _unsigned(rest)
    if value is None:
        return _fail(reason)
    if not math.isfinite(value) or abs(value) > 1e15:
        return _fail(f"'{cleaned}' is te groot.")
    value = sign * value + 0.0  # no -0.0
    if value < 0 and not negative:
        return _fail("een negatief getal kan hier niet.")
    if minimum is not None and value < minimum:
        return _fail(f"het getal moet minstens {describe_number(minimum)} zijn.")
    if maximum is not None and value > maximum:
        return _fail(f"het getal mag hoogstens {describe_number(maximum)} zijn.")
    return Parsed(value, "", note)


def describe_number(value: float, max_decimals: int = 6, grouped: bool = True) -> str:
    """1234.5 → '1.234,5'; up to ``max_decimals`` decimals without trailing zeros."""
    text = f"{abs(value):.{max_decimals}f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    if grouped:
        whole = f"{int(whole):,}".replace(",", ".")
    out = whole + ("," + fraction if fraction else "")
    return ("-" + out) if value < 0 and out.strip("0,.") else out


def number_text(value: float | None, max_decimals: int = 6) -> str:
    """The text an editor starts from: 2400.5 → '2400,5' (no thousands dots to trip over)."""
    return "" if value is None else describe_number(value, max_decimals, grouped=False)


# -- percentages ----------------------------------------------------------------------

def parse_percent(text: str, *, required: bool = True, maximum: float = 100.0
                  ) -> Parsed[float]:
    """Read a percentage, in percent (0–100): '60', '60%', '60,5 %' → 60 / 60.5.

    A number from 0 to 1 with decimals and no '%' (``0,6``) is refused: it may be a
    fraction (60%) or a percentage (0,6%), and guessing would be silent.
    """
    cleaned = _clean(text)
    if not cleaned:
        return _fail("Vul een percentage in.") if required else Parsed(None)
    lowered = cleaned.lower()
    has_sign = False
    for suffix in ("procent", "%"):
        if lowered.endswith(suffix):
            lowered, has_sign = lowered[:-len(suffix)].strip(), True
            break
    if "%" in lowered or not lowered:
        return _fail(f"'{cleaned}' is geen percentage. Typ bijv. 60 of 60,5%.")
    number = parse_number(lowered)
    if not number.ok:
        return Parsed(None, number.reason)
    value = number.value or 0.0
    if not has_sign and 0 < value <= 1 and re.search(r"[.,]\d", lowered):
        return _fail(f"'{cleaned}' is onduidelijk: bedoelt u {describe_number(value * 100)}%"
                     f" of {describe_number(value)}%? Typ het %-teken erbij.")
    if value > maximum:
        return _fail(f"een percentage mag hier hoogstens {describe_number(maximum)}% zijn.")
    return Parsed(value, "", number.note)


def describe_percent(value: float) -> str:
    """60.5 → '60,5%'."""
    return f"{describe_number(value)}%"


# -- years ----------------------------------------------------------------------------

def parse_year(text: str, *, required: bool = False, minimum: int = 1900,
               maximum: int = 2200) -> Parsed[int]:
    """A year of four digits from ``minimum`` to ``maximum`` (inclusive); empty text is
    None unless ``required``. Out of range is refused, never clamped."""
    cleaned = _clean(text)
    if not cleaned:
        return _fail("Vul een jaartal in.") if required else Parsed(None)
    if not re.fullmatch(r"[0-9]{4}", cleaned):
        return _fail(f"'{cleaned}' is geen jaartal. {YEAR_HELP}")
    year = int(cleaned)
    if not minimum <= year <= maximum:
        return _fail(f"het jaartal {year} kan hier niet: het moet tussen {minimum} en "
                     f"{maximum} liggen.")
    return Parsed(year)


def parse_years(text: str, *, minimum: int = 1, maximum: int = 100) -> Parsed[int]:
    """A number of years ('3', '3 jaar'); empty text is None (no limit)."""
    cleaned = _clean(text)
    if not cleaned:
        return Parsed(None)
    lowered = re.sub(r"\s*jaar$", "", cleaned.lower())
    if not re.fullmatch(r"[0-9]{1,3}", lowered):
        return _fail(f"'{cleaned}' is geen aantal jaren. Typ een heel getal, bijv. 3.")
    years = int(lowered)
    if not minimum <= years <= maximum:
        return _fail(f"{years} jaar kan hier niet: het moet tussen {minimum} en "
                     f"{maximum} jaar liggen.")
    return Parsed(years)

