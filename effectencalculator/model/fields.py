"""Typed reading of one YAML mapping, with findings instead of exceptions.

A value of the wrong type is reported as an error *and kept* (in the record's
``extra``), so that saving the file writes back exactly what the user typed.
Keys the program does not know are kept too, with a warning.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from effectencalculator.model.validation import Findings
from effectencalculator.model.yaml_traps import number_hint

_TYPE_NAMES = {
    str: "tekst", int: "geheel getal", float: "getal", bool: "ja/nee (true/false)",
    list: "lijst", dict: "lijst van velden", date: "datum", type(None): "leeg",
}


#: Dates outside these years are refused (typing errors; and date arithmetic must not
#: overflow).
MIN_YEAR, MAX_YEAR = 1900, 2199

#: Key in a record's ``extra`` holding an input that was not a mapping at all; the
#: writer puts it back unchanged.
RAW_KEY = "__raw_input__"


def describe(value: Any) -> str:
    """Dutch name of a value's type, for messages."""
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def year_key(key: Any) -> int | None:
    """A year used as a key (``2024`` or ``"2024"``); None for ``2024.5``, ``true``,
    ``.inf`` or a year outside MIN_YEAR..MAX_YEAR (``int(2024.5)`` would say 2024)."""
    if isinstance(key, str) and key.strip().isascii() and key.strip().isdigit():
        key = int(key.strip()) if len(key.strip()) <= 4 else None
    if isinstance(key, int) and not isinstance(key, bool) and MIN_YEAR <= key <= MAX_YEAR:
        return key
    return None


def index_key_problem(key: Any, year: int | None, written: str | None = None) -> str:
    """The message for a price-index key that ``year_key`` refused or that repeats a year."""
    shown = written or (str(key).lower() if isinstance(key, bool) else f"{key!s:.40}")
    if year is not None:
        return f"jaar {year} staat twee keer in de prijsindex (ook als '{shown}')"
    return (f"jaar '{shown}' ({describe(key)}) is geen jaartal: schrijf een jaar tussen "
            f"{MIN_YEAR} en {MAX_YEAR}, zoals 2024")


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class FieldReader:
    """Reads the fields of one mapping at ``path``; collects what it does not use."""

    def __init__(self, data: Any, path: str, findings: Findings, what: str = "dit onderdeel"):
        self.path = path
        self.findings = findings
        self.extra: dict[str, Any] = {}
        self._used: set[Any] = set()
        if data is None:
            data = {}
        if not isinstance(data, dict):
            findings.error(path, f"{what} moet een lijst van velden zijn "
                                 f"(gevonden: {describe(data)})")
            self.valid = False
            self.raw = data
            data = {}
        else:
            self.valid = True
        self.data: dict[Any, Any] = data

    # -- helpers -------------------------------------------------------------
    def _take(self, key: str) -> Any:
        self._used.add(key)
        return self.data.get(key)

    def _bad(self, key: str, value: Any, expected: str) -> None:
        path = join(self.path, key)
        written = self.findings.written(path) if not isinstance(value, str) else None
        shown = f"'{written:.60}'" if written is not None else f"{value!r:.60}"
        hint = number_hint(value) if isinstance(value, str) and "getal" in expected else ""
        self.findings.error(path, f"verwacht {expected}, gevonden {describe(value)} "
                                  f"({shown}){hint}")
        self.extra[key] = value

    def _as_written(self, key: str, value: Any, read: str) -> str | None:
        """The text as typed when YAML read it as something else (``2024.10`` → 2024.1,
        ``no`` → false): that text is used, with a warning naming both."""
        path = join(self.path, key)
        written = self.findings.written(path)
        if written is None or (written == read and not isinstance(value, bool)):
            return None
        self.findings.warning(path, f"'{written:.60}' staat zonder aanhalingstekens; YAML "
                                    f"leest het als {describe(value)} {read:.60}, het "
                                    f"programma neemt de tekst '{written:.60}' zoals "
                                    "geschreven (zet tekst tussen aanhalingstekens)")
        return written

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def missing(self, key: str, label: str) -> None:
        self.findings.error(join(self.path, key), f"verplicht veld '{key}' ({label}) ontbreekt")

    # -- typed fields ------------------------------------------------------------
    def text(self, key: str, default: str = "", required: str | None = None) -> str:
        value = self._take(key)
        if value is None:
            if required:
                self.missing(key, required)
            return default
        if isinstance(value, str):
            if required and not value.strip():
                self.missing(key, required)
            return value
        if isinstance(value, (int, float, date)):
            read = value.isoformat() if isinstance(value, date) else \
                str(value).lower() if isinstance(value, bool) else str(value)
            written = self._as_written(key, value, read)
            if written is not None:
                return written
            if not isinstance(value, bool):
                return read
        self._bad(key, value, "tekst")
        return default

    def number(self, key: str, default: float | None = None,
               required: str | None = None) -> float | None:
        value = self._take(key)
        if value is None:
            if required:
                self.missing(key, required)
            return default
        if not is_number(value):
            self._bad(key, value, "een getal")
            return default
        if not math.isfinite(value):
            self._bad(key, value, "een eindig getal")
            return default
        return float(value)

    def integer(self, key: str, default: int | None = None,
                required: str | None = None) -> int | None:
        value = self._take(key)
        if value is None:
            if required:
                self.missing(key, required)
            return default
        if is_number(value) and math.isfinite(value) and float(value).is_integer():
            return int(value)
        self._bad(key, value, "een geheel getal")
        return default

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._take(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        self._bad(key, value, "true of false")
        return default

    def date(self, key: str, required: str | None = None) -> date | None:
        value = self._take(key)
        if value is None:
            if required:
                self.missing(key, required)
            return None
        parsed: date | None = None
        if isinstance(value, datetime):
            parsed = value.date()
        elif isinstance(value, date):
            parsed = value
        elif isinstance(value, str):
            try:
                parsed = date.fromisoformat(value.strip())
            except ValueError:
                parsed = None
        if parsed is not None and MIN_YEAR <= parsed.year <= MAX_YEAR:
            return parsed
        self._bad(key, value, f"een datum als JJJJ-MM-DD tussen {MIN_YEAR} en {MAX_YEAR}")
        return None

    def moment(self, key: str) -> str:
        """A moment (a save's time) as ISO 8601 text: written as a plain YAML timestamp
        (``2026-12-03T18:27:01+00:00``, like dates), read from that or, in files of older
        versions, from the same text in quotes. Kept as text: it is shown, never computed
        with."""
        value = self.data.get(key)
        if isinstance(value, datetime):
            self._take(key)
            return value.isoformat()
        return self.text(key)

    def text_list(self, key: str) -> list[str]:
        value = self._take(key)
        if value is None:
            return []
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) and
                                           not isinstance(v, bool) for v in value):
            return [str(v) for v in value]
        self._bad(key, value, "een lijst met teksten")
        return []

    def mapping(self, key: str) -> Any:
        """The raw value of a sub-mapping (checked by the caller's FieldReader)."""
        return self._take(key)

    def sub(self, key: str, what: str) -> FieldReader:
        """A reader for a nested mapping; a non-mapping value is reported and kept."""
        return FieldReader(self._take(key), join(self.path, key), self.findings, what)

    def sequence(self, key: str, what: str) -> list[Any]:
        value = self._take(key)
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self._bad(key, value, f"een lijst ({what})")
        return []

    def finish(self, unknown_is: str = "wordt bewaard") -> dict[str, Any]:
        """Warn about unknown keys, keep them, and return the record's ``extra``."""
        if not self.valid:
            return {RAW_KEY: self.raw}
        for key, value in self.data.items():
            if key not in self._used:
                self.findings.warning(join(self.path, str(key)),
                                      f"onbekend veld '{key}' ({unknown_is})")
                self.extra[key] = value
        return self.extra
