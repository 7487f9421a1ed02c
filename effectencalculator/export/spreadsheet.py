"""Writing sheets as XLSX (``export.xlsx``, streaming) or CSV, atomically."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from effectencalculator.export.rows import Sheet
from effectencalculator.export.xlsx import write_xlsx
from effectencalculator.model.storage import atomic_write_bytes

__all__ = ["spreadsheet_text", "write_csv", "write_sheets", "write_xlsx"]


#: a spreadsheet reads a cell starting with one of these as a formula (or, for tab and
#: carriage return, strips them and may then read one)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]\s?(?:€\s?)?[0-9][0-9.,]*(?:\s?%)?")


def spreadsheet_text(text: str) -> str:
    """Text a spreadsheet keeps as text: ``=SOM(A1)``, ``@naam``, ``+31 6 ...`` or
    ``-kosten`` get a leading apostrophe (what Excel itself shows for typed text); a
    number such as ``-12,50`` stays as it is."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(sheet: Sheet, path: str | Path, *, dutch_excel: bool = False) -> None:
    """Comma-separated, UTF-8, ISO dates, dot decimals: readable by any analysis tool.

    ``dutch_excel``: semicolons, decimal commas and a byte order mark instead, so that a
    double-click opens it in Dutch Excel with numbers as numbers.
    """
    def cell(value: object) -> object:
        if value is None:
            return ""
        if isinstance(value, str):
            return spreadsheet_text(value)
        if isinstance(value, date):
            return value.isoformat()
        if dutch_excel and isinstance(value, bool):
            return "ja" if value else "nee"
        if dutch_excel and isinstance(value, float):
            return repr(value).replace(".", ",")
        return value

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if dutch_excel else ",")
    writer.writerow(sheet.columns)
    for row in sheet.rows:
        writer.writerow([cell(v) for v in row])
    text = ("\ufeff" if dutch_excel else "") + buffer.getvalue()
    atomic_write_bytes(Path(path), text.encode("utf-8"), keep_backup=False)


def _slug(name: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in name.lower()).split())


def write_sheets(sheets: list[Sheet], path: str | Path) -> list[Path]:
    """XLSX: one workbook. CSV: the first sheet at ``path``, every other sheet beside it
    as ``NAME-<sheet>.csv``. Returns the files written."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        write_xlsx(sheets, path)
        return [path]
    written = []
    for n, sheet in enumerate(sheets):
        target = path if n == 0 else path.with_name(f"{path.stem}-{_slug(sheet.name)}.csv")
        write_csv(sheet, target)
        written.append(target)
    return written
