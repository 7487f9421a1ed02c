"""Rows copied to and from a spreadsheet: tab-separated text, read the way a user types.

The record tables of the window copy their rows as tab-separated text with the table's
own headers (Excel and LibreOffice Calc paste it as columns), and paste a block copied
from a spreadsheet back. This module is the pure part of that (no Qt): splitting and
writing the text (the csv module's ``excel-tab`` dialect, so quoted cells with tabs and
newlines survive), finding which pasted column is which table column, and reading every
cell with the same parsers as typing (``model.dutch_input``).

Rules:

- The first row is a header when at least half of its filled cells name a column: the
  header as the table shows it ("Aantal"), or the file's field name (``quantity``),
  case and spaces ignored. A header cell that names no column is ignored (and said so);
  a column named twice is an error. Without a header, the columns are taken by position,
  in the table's order from ``start`` on.
- A cell that cannot be read is an error naming its row (counted as pasted, the header
  is row 1) and column: ``rij 3, kolom Aantal: '1,2,3' heeft te veel scheidingstekens``.
  With any error nothing is pasted.
- A pasted item (code or name) is matched against the catalogue: the exact code, the
  copied form "Naam (CODE)", a unique name (case ignored), a unique code (case ignored);
  else the text is kept and the line stays unpriced, and a note says so.
- ``probability`` matched by its field name is a fraction (0,8), as in the file; under
  the Dutch header "Kans" it is a percentage (80 or 80%), as typed in the cell.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping, Sequence

from effectencalculator.model.dutch_input import (
    Parsed,
    describe_number,
    parse_date,
    parse_number,
    parse_percent,
)

#: cell kinds (the editor of the table's column); ``readonly`` columns are never pasted
KINDS = ("text", "multiline", "date", "year", "float", "money", "percent", "combo",
         "item", "check", "readonly")
#: what an item code looks like (the copied form "Naam (CODE)" keeps an unknown code)
_CODE = re.compile(r"[A-Z0-9][A-Z0-9._-]*")
TRUE_WORDS = frozenset({"ja", "j", "x", "1", "waar", "true", "yes", "✓", "✔"})
FALSE_WORDS = frozenset({"", "nee", "n", "0", "onwaar", "false", "no", "-"})


@dataclass(frozen=True)
class PasteColumn:
    """One column of a table as paste sees it."""

    key: str
    header: str
    kind: str = "text"
    #: the file's field names (FORMATS.md) that also name this column
    fields: tuple[str, ...] = ()
    #: an empty cell means "no value" (dates, years)
    optional: bool = False
    #: (value, label) pairs of a choice column
    choices: tuple[tuple[Any, str], ...] = ()
    #: a choice column whose list is only a suggestion (any text is taken)
    free_choice: bool = False

    @property
    def pasteable(self) -> bool:
        return self.kind != "readonly"


@dataclass
class PastedRow:
    """The values read from one pasted row, by table column index, in table order."""

    number: int
    values: list[tuple[int, Any]] = field(default_factory=list)


@dataclass
class PastePlan:
    """What a block of text would paste: rows, or errors (then nothing is pasted)."""

    header: bool
    #: per pasted column: the table column it fills (None: ignored)
    mapping: list[int | None]
    rows: list[PastedRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: what the user should know although the paste is fine (unpriced items, ignored
    #: columns, a number read another way)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# -- text <-> cells --------------------------------------------------------------------

def split_block(text: str) -> list[list[str]]:
    """The rows of tab-separated text as a spreadsheet puts it on the clipboard.

    Quoted cells may hold tabs, quotes and newlines (Excel's "excel-tab" dialect);
    ``\\r\\n`` inside a cell becomes ``\\n``; empty trailing cells and empty rows are
    dropped (a copied block often ends with them).
    """
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab")
    rows = []
    for row in reader:
        cells = [c.replace("\r\n", "\n").replace("\r", "\n") for c in row]
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            rows.append(cells)
    return rows


def join_block(rows: Sequence[Sequence[str]]) -> str:
    """Tab-separated text of ``rows`` (quoted where a cell has a tab, quote or newline)."""
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def date_cell(day: date | None) -> str:
    """date(2025, 3, 1) → '01-03-2025' (dd-mm-jjjj, what a Dutch spreadsheet reads)."""
    return "" if day is None else f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def cell_text(column: PasteColumn, value: Any, shown: str) -> str:
    """What a copied cell holds: ``value`` is the column's edit value, ``shown`` the
    table's text. Numbers the Dutch way without loss (1.234,56), dates dd-mm-jjjj,
    percentages with a % sign, texts whole (newlines included), choices as shown."""
    kind = column.kind
    if kind == "check":
        return "ja" if value else "nee"
    if kind == "item":
        return shown if value else ""
    if kind == "date":
        return date_cell(value) if isinstance(value, date) else ""
    if kind == "year":
        return "" if value in (None, "", 0) else str(int(value))
    if kind in ("float", "money", "percent"):
        if value is None or not isinstance(value, (int, float)) or not math.isfinite(value):
            return shown
        text = describe_number(float(value))
        return f"{text}%" if kind == "percent" else text
    if kind in ("text", "multiline"):
        return "" if value is None else str(value)
    return shown


# -- columns ---------------------------------------------------------------------------

def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


def _names(column: PasteColumn) -> set[str]:
    return {_fold(column.header), _fold(column.key)} | {_fold(f) for f in column.fields}


def match_header(cells: Sequence[str], columns: Sequence[PasteColumn]
                 ) -> tuple[list[int | None], list[bool]] | None:
    """(table column per cell, whether it was matched by a field name) when ``cells``
    is a header row, else None."""
    filled = [c for c in cells if c.strip()]
    if not filled:
        return None
    mapping: list[int | None] = []
    by_field: list[bool] = []
    for cell in cells:
        name = _fold(cell)
        found = next((i for i, col in enumerate(columns) if name and name in _names(col)),
                     None)
        mapping.append(found)
        by_field.append(found is not None and name != _fold(columns[found].header))
    matched = sum(m is not None for m in mapping)
    if matched == 0 or matched * 2 < len(filled):
        return None
    return mapping, by_field


# -- cells -----------------------------------------------------------------------------

def _reason(text: str, parsed: Parsed) -> str:
    reason = parsed.reason.rstrip()
    if f"'{text.strip()}'" in reason or not text.strip():
        return reason
    return f"'{text.strip()}': {reason[:1].lower()}{reason[1:]}"


def _year(text: str) -> tuple[Any, str]:
    if not text.strip():
        return None, ""
    parsed = parse_number(text)
    value = parsed.value
    if not parsed.ok or value is None or not float(value).is_integer() \
            or not 1900 <= value <= 2200:
        return None, f"'{text.strip()}' is geen jaar (typ vier cijfers, bijv. 1988)."
    return int(value), ""


def _choice(column: PasteColumn, text: str) -> tuple[Any, str]:
    wanted = text.strip()
    for value, _label in column.choices:
        if wanted == str(value):
            return value, ""
    folded = _fold(wanted)
    for value, label in column.choices:
        if folded == _fold(label) or folded == _fold(str(value)):
            return value, ""
    if column.free_choice:
        return wanted, ""
    if not wanted:
        return None, "Kies een waarde; een lege cel kan hier niet."
    options = ", ".join(label for value, label in column.choices if str(value))
    return None, f"'{wanted}' is geen keuze in deze kolom (kies uit: {options})."


def resolve_item(text: str, items: Mapping[str, Any]) -> tuple[str, str]:
    """(item id, note): the code meant by a pasted item cell, or the text itself with a
    note when it names no single item (the line then stays unpriced)."""
    wanted = " ".join(text.split())
    if not wanted or wanted in items:
        return wanted, ""
    copied = None
    if wanted.endswith(")") and "(" in wanted:  # "Naam (CODE)", as the table shows it
        code = wanted[wanted.rindex("(") + 1:-1].strip()
        if code in items:
            return code, ""
        if _CODE.fullmatch(code):
            copied = code
    folded = wanted.casefold()
    by_name = [i for i, item in items.items()
               if " ".join(str(getattr(item, "name", "")).split()).casefold() == folded]
    if len(by_name) == 1:
        return by_name[0], ""
    by_code = [i for i in items if i.casefold() == folded]
    if len(by_code) == 1 and not by_name:
        return by_code[0], ""
    if copied is not None and not by_name:
        return copied, (f"post '{copied}' staat niet in de kostentabel of de eigen posten: "
                        "de regel blijft niet geprijsd (geel).")
    if len(by_name) > 1:
        return wanted, (f"'{wanted}' is de naam van meer dan één post "
                        f"({', '.join(sorted(by_name))}): niet geprijsd tot u er een kiest.")
    return wanted, (f"post '{wanted}' staat niet in de kostentabel of de eigen posten: "
                    "de regel blijft niet geprijsd (geel).")


def read_cell(column: PasteColumn, text: str, *, items: Mapping[str, Any] | None = None,
              fraction: bool = False) -> tuple[Any, str, str]:
    """(value, error, note) of one pasted cell, read as if typed into its editor."""
    kind = column.kind
    if kind in ("text", "combo") and not column.choices:
        return text.strip(), "", ""
    if kind == "multiline":
        return text, "", ""
    if kind == "combo":
        value, error = _choice(column, text)
        return value, error, ""
    if kind == "item":
        item_id, note = resolve_item(text, items or {})
        return item_id, "", note
    if kind == "check":
        word = text.strip().casefold()
        if word in TRUE_WORDS:
            return True, "", ""
        if word in FALSE_WORDS:
            return False, "", ""
        return None, f"'{text.strip()}' is geen ja of nee.", ""
    if kind == "year":
        value, error = _year(text)
        return value, error, ""
    parsed: Parsed
    if kind == "date":
        parsed = parse_date(text, required=not column.optional)
    elif kind == "percent" and fraction and "%" not in text:
        number = parse_number(text, maximum=1.0)
        parsed = Parsed(None if number.value is None else number.value * 100.0,
                        number.reason, number.note)
    elif kind == "percent":
        parsed = parse_percent(text)
    elif kind in ("float", "money"):
        parsed = parse_number(text, required=not column.optional)
    else:
        return None, "", ""
    if not parsed.ok:
        return None, _reason(text, parsed), ""
    return parsed.value, "", parsed.note


# -- a whole block ----------------------------------------------------------------------

def plan_paste(text: str, columns: Sequence[PasteColumn], *,
               items: Mapping[str, Any] | None = None, start: int = 0) -> PastePlan:
    """Read a pasted block for a table with ``columns``: which rows, or what is wrong.

    ``start`` is the table column a block without header begins in (the current cell's).
    """
    block = split_block(text)
    if not block:
        return PastePlan(False, [], errors=["Het klembord bevat geen tabel om te plakken."])
    header = match_header(block[0], columns)
    errors: list[str] = []
    notes: list[str] = []
    if header is not None:
        mapping, by_field = header
        data = list(enumerate(block[1:], start=2))
        seen: dict[int, str] = {}
        for cell, target in zip(block[0], mapping):
            if target is None:
                if cell.strip():
                    notes.append(f"kolom '{cell.strip()}' hoort bij geen kolom van deze "
                                 "tabel: niet geplakt.")
            elif target in seen:
                errors.append(f"rij 1: de kolommen '{seen[target]}' en '{cell.strip()}' zijn "
                              f"allebei '{columns[target].header}'.")
            else:
                seen[target] = cell.strip()
    else:
        width = max(len(r) for r in block)
        if start + width > len(columns):
            return PastePlan(False, [], errors=[
                f"rij 1: {width} kolommen geplakt vanaf kolom "
                f"'{columns[start].header if start < len(columns) else '?'}', maar de tabel "
                f"heeft daar maar {max(0, len(columns) - start)} kolommen. Neem de kopregel "
                "mee (de kolomnamen), dan worden de kolommen op naam gevonden."])
        mapping = [start + i for i in range(width)]
        by_field = [False] * width
        data = list(enumerate(block, start=1))
    plan = PastePlan(header is not None, mapping, errors=errors, notes=notes)
    for number, cells in data:
        row = PastedRow(number)
        for position, cell in enumerate(cells):
            target = mapping[position] if position < len(mapping) else None
            if target is None:
                continue
            column = columns[target]
            if not column.pasteable:
                continue
            value, error, note = read_cell(column, cell, items=items,
                                           fraction=by_field[position])
            where = f"rij {number}, kolom {column.header}"
            if error:
                plan.errors.append(f"{where}: {error}")
            else:
                row.values.append((target, value))
                if note:
                    plan.notes.append(f"{where}: {note}")
        row.values.sort(key=lambda pair: pair[0])
        plan.rows.append(row)
    if not plan.rows and not plan.errors:
        plan.errors.append("Er staan alleen kolomnamen op het klembord, geen rijen.")
    return plan
