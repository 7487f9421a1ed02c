"""A small streaming XLSX writer for plain data sheets.

Why this exists: a portfolio export has one sheet of ~90 000 rows × 27 columns. XlsxWriter
took 12–15 s for it; its floor, measured with typed ``write_number``/``write_string``
calls in either memory mode, is ~10.7 s, about 5 µs per cell, because every cell passes
through several generic layers (cell objects, format lookups, attribute lists, XML
helpers). Our sheets need none of that generality, so this module writes the XML itself:
each row is built from precomputed per-column cell prefixes, values are dispatched on
``type(value) is ...`` fast paths, repeated strings hit per-column caches, and the XML
is streamed to the zip entry in chunks of rows. That is about half a microsecond per
cell, compression included (see ``write_xlsx`` for the measured numbers).

What the output contains, and nothing more: one worksheet per ``Sheet``; a bold grey
header row; column widths from the titles; euro columns formatted ``€ #,##0.00``; dates
formatted ``yyyy-mm-dd``; the top row frozen; an autofilter over header and data; a
shared-strings table. The output is deterministic: the same sheets give the same bytes.

Deliberately not supported: formulas (text that starts with "=" stays text), rich text,
hyperlinks, merged cells, per-cell formats other than the three above, charts, images,
comments, row heights, themes, document properties (no ``docProps/``), the 1904 date
system, and time-only or timedelta values (written as text). Sheets are written as data,
nothing else.

Values: None and "" give no cell; bool a boolean cell; int and float a number cell (NaN
and ±infinity give no cell: XLSX cannot hold them); date and datetime a date serial in
the 1900 date system, Excel's 1900 leap-year bug included (a time zone is ignored: the
wall-clock time is written; dates before 1900, which Excel cannot show as dates, are
written as ISO text); anything else ``str(value)`` as a string, cut to Excel's 32 767
characters.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO
from xml.sax.saxutils import quoteattr

from effectencalculator.export.rows import Sheet
from effectencalculator.model.storage import SaveError

__all__ = ["write_xlsx"]

MAX_SHEET_NAME = 31
#: Excel's limits: rows (header included), columns, characters in a cell.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_STRING = 32_767

#: Deflate level. Measured on the 88 942 × 27 portfolio sheet (78 MB of XML, 0.8 s to
#: build): level 1 gives 14.2 MB in 0.31 s of deflate, 3 gives 12.2 MB in 0.55 s, 6
#: (zlib's default) 10.4 MB in 1.3 s and 9 9.8 MB in ~6 s. Level 3 keeps most of the
#: size gain for a quarter of a second; 6 would double the total time for 15 % less.
#: (XlsxWriter wrote 17.4 MB for the same sheet.)
COMPRESS_LEVEL = 3

#: Rows per XML chunk written to the zip entry: big enough to make writes and deflate
#: calls cheap, small enough to keep memory flat (a chunk is ~1–2 MB of text).
CHUNK_ROWS = 1000

#: Fixed zip timestamp (the earliest a zip file can hold): output is byte-identical.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

#: Cell style indexes into ``cellXfs`` in styles.xml.
STYLE_HEADER, STYLE_MONEY, STYLE_DATE = 1, 2, 3
MONEY_FORMAT = "€ #,##0.00"
DATE_FORMAT = "yyyy-mm-dd"

#: ``date.toordinal()`` of 1899-12-30: Excel's serial is the number of days since then
#: from 1900-03-01 (serial 61) on; earlier dates are one lower, because Excel counts a
#: 29 February 1900 that never was (Lotus 1-2-3 compatibility).
_EPOCH_ORDINAL = date(1899, 12, 30).toordinal()
_FIRST_CORRECT_SERIAL = 61  # 1900-03-01

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

#: A literal ``_xHHHH_`` (escaped by prefixing ``_x005F``, as Excel does) or a character
#: XML 1.0 cannot hold (escaped as ``_xHHHH_``). Carriage returns are escaped too: XML
#: parsers turn a literal CR into LF, so it would not survive the round trip.
_EXCEL_ESCAPE = re.compile("(_x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
#: Characters that cannot appear in a sheet name (Excel's rule) or in XML at all.
_SHEET_NAME_BAD = re.compile("[\\[\\]:*?/\\\\\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def write_xlsx(sheets: list[Sheet], path: str | Path) -> None:
    """One worksheet per sheet; numbers as numbers, euro columns formatted as money.

    Written to a temporary file beside ``path`` and renamed over it, so ``path`` is
    either the old file or the new one, whole. Raises SaveError when it cannot be
    written (the temporary file is removed, an existing file is left unchanged).

    Speed, measured on the portfolio sheet of 88 942 rows × 27 columns (2 cores):
    XlsxWriter (constant_memory) 13.2 s and 17.4 MB; this writer 1.3 s and 12.2 MB.
    """
    path = Path(path)
    if not sheets:  # a workbook needs at least one sheet
        sheets = [Sheet("Blad1", [], [])]
    used: set[str] = {"history"}  # a name Excel reserves for itself
    names = [_sheet_name(sheet.name, used) for sheet in sheets]
    for name, sheet in zip(names, sheets):
        if len(sheet.rows) + 1 > MAX_ROWS:
            raise SaveError(f"{path}: exporteren mislukt (blad {name!r} heeft "
                            f"{len(sheet.rows)} rijen; Excel kan er hoogstens "
                            f"{MAX_ROWS - 1} aan)")
        width = _width(sheet)
        if width > MAX_COLUMNS:
            raise SaveError(f"{path}: exporteren mislukt (blad {name!r} heeft {width} "
                            f"kolommen; Excel kan er hoogstens {MAX_COLUMNS} aan)")

    folder = path.parent if str(path.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            _write_package(handle, sheets, names)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise SaveError(f"{path}: exporteren mislukt ({exc.strerror or exc})") from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: no ``[]:*?/\\``, at most 31 characters, unique ignoring case.

    Beyond the rules XlsxWriter checked (it raised on them), this also replaces
    characters XML cannot hold, leading and trailing apostrophes (Excel refuses them),
    counts the 31 in UTF-16 units as Excel does, and names an empty name "Blad".
    """
    clean = _SHEET_NAME_BAD.sub("_", name)
    if clean.startswith("'"):
        clean = "_" + clean[1:]
    clean = _utf16_cut(clean, MAX_SHEET_NAME)
    if clean.endswith("'"):
        clean = clean[:-1] + "_"
    clean = clean or "Blad"
    candidate, n = clean, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = _utf16_cut(clean, MAX_SHEET_NAME - len(suffix)) + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


def _utf16_cut(text: str, units: int) -> str:
    """``text`` cut to at most ``units`` UTF-16 code units (characters above U+FFFF
    count twice), never halfway a character."""
    if len(text.encode("utf-16-le", "surrogatepass")) <= 2 * units:
        return text
    out, used = [], 0
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            break
        out.append(ch)
    return "".join(out)


def _width(sheet: Sheet) -> int:
    return max(len(sheet.columns), max(map(len, sheet.rows), default=0))


def _column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_width(title: str) -> float:
    """The width XlsxWriter's ``set_column(width)`` writes, so columns look the same:
    characters of the default font's maximum digit width (7 px) plus 5 px padding,
    rounded down to 1/256 of a character."""
    chars = max(10, min(40, len(title) + 2))
    return int((chars * 7 + 5) / 7 * 256) / 256


def _escape_text(text: str) -> str:
    """XML text content, with Excel's ``_xHHHH_`` escapes (see ``_EXCEL_ESCAPE``)."""
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
    if "_x" in text or not text.isprintable():
        text = _EXCEL_ESCAPE.sub(_excel_escape, text)
    return text


def _excel_escape(match: re.Match[str]) -> str:
    if match.group(1):
        return "_x005F" + match.group(1)
    return f"_x{ord(match.group()):04X}_"


def _needs_preserve(text: str) -> bool:
    """Excel trims leading and trailing whitespace unless told to keep it."""
    return text[:1].isspace() or text[-1:].isspace() or "\n" in text or "\t" in text


class _SharedStrings:
    """The shared-strings table: each distinct string once, cells refer to its index."""

    def __init__(self) -> None:
        self.index: dict[str, str] = {}  # text → its index, already as the XML digits
        self.count = 0  # string cells, repeats included

    def add(self, text: str) -> str:
        if len(text) > MAX_STRING:
            text = text[:MAX_STRING]
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = str(len(self.index))
        return found

    def xml_chunks(self) -> Iterator[str]:
        yield (f'{_XML_DECL}<sst xmlns="{_MAIN_NS}" count="{self.count}" '
               f'uniqueCount="{len(self.index)}">')
        parts: list[str] = []
        size = 0
        for text in self.index:  # dicts keep insertion order: index 0, 1, 2, ...
            escaped = _escape_text(text)
            if _needs_preserve(text):
                parts.append(f'<si><t xml:space="preserve">{escaped}</t></si>')
            else:
                parts.append(f"<si><t>{escaped}</t></si>")
            size += len(escaped)
            if size > 1 << 20:
                yield "".join(parts)
                parts, size = [], 0
        parts.append("</sst>")
        yield "".join(parts)

    def text_size(self) -> int:
        return sum(map(len, self.index))


def _write_package(handle: IO[bytes], sheets: list[Sheet], names: list[str]) -> None:
    strings = _SharedStrings()
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, sheet in enumerate(sheets, start=1):
            # ZIP64 only when the XML might pass 4 GB (~60 bytes per cell at most).
            big = (len(sheet.rows) + 1) * _width(sheet) > 40_000_000
            with archive.open(_entry(f"xl/worksheets/sheet{n}.xml"), "w",
                              force_zip64=big) as out:
                for chunk in _sheet_xml(sheet, strings, selected=n == 1):
                    out.write(chunk.encode("utf-8"))
        # Shared strings last: only now is the table complete.
        big = strings.text_size() > 500_000_000
        with archive.open(_entry("xl/sharedStrings.xml"), "w", force_zip64=big) as out:
            for chunk in strings.xml_chunks():
                out.write(chunk.encode("utf-8"))
        for name, text in _package_parts(sheets, names):
            with archive.open(_entry(name), "w") as out:
                out.write(text.encode("utf-8"))


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with fixed metadata, so that the same content gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0  # MS-DOS, as Excel writes; the same on every platform
    info.external_attr = 0
    if hasattr(info, "compress_level"):  # Python ≥ 3.13 renamed _compresslevel
        info.compress_level = COMPRESS_LEVEL
    else:
        info._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]
    return info


def _package_parts(sheets: list[Sheet], names: list[str]) -> list[tuple[str, str]]:
    """Everything but the worksheets and shared strings: small, fixed XML parts."""
    count = len(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, count + 1))
    content_types = (
        f'{_XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'sheet.main+xml"/>' + overrides +
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    root_rels = (
        f'{_XML_DECL}<Relationships xmlns="{_PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    sheet_rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL_NS}/worksheet" '
        f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, count + 1))
    workbook_rels = (
        f'{_XML_DECL}<Relationships xmlns="{_PKG_REL_NS}">{sheet_rels}'
        f'<Relationship Id="rId{count + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{count + 2}" Type="{_REL_NS}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>')
    sheet_list = "".join(f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>'
                         for n, name in enumerate(names, start=1))
    # The autofilter range, also as the hidden name Excel keeps for it per sheet.
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
        + _escape_text("'" + name.replace("'", "''") + "'!"
                       + _filter_ref(sheet, absolute=True))
        + "</definedName>"
        for n, (name, sheet) in enumerate(zip(names, sheets)))
    workbook = (
        f'{_XML_DECL}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets>{sheet_list}</sheets><definedNames>{filters}</definedNames>'
        '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')
    styles = (
        f'{_XML_DECL}<styleSheet xmlns="{_MAIN_NS}">'
        f'<numFmts count="2"><numFmt numFmtId="164" formatCode={quoteattr(MONEY_FORMAT)}/>'
        f'<numFmt numFmtId="165" formatCode={quoteattr(DATE_FORMAT)}/></numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
        # Fills 0 and 1 are required by Excel, whatever they are used for.
        '<fills count="3"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="FFDDDDDD"/>'
        '<bgColor indexed="64"/></patternFill></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
        '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0"/></cellStyleXfs><cellXfs count="4">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'  # 0: default
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" '
        'applyFill="1"/>'  # 1: STYLE_HEADER
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/>'  # 2: STYLE_MONEY
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/>'  # 3: STYLE_DATE
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        '</cellStyles><dxfs count="0"/><tableStyles count="0" '
        'defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
        '</styleSheet>')
    return [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
            ("xl/styles.xml", styles)]


def _filter_ref(sheet: Sheet, absolute: bool = False) -> str:
    """Header and data: at least one data row and one column (as before this writer)."""
    last_col = _column_letter(max(0, len(sheet.columns) - 1))
    last_row = max(1, len(sheet.rows)) + 1
    if absolute:
        return f"$A$1:${last_col}${last_row}"
    return f"A1:{last_col}{last_row}"


def _sheet_xml(sheet: Sheet, strings: _SharedStrings, selected: bool) -> Iterator[str]:
    """The worksheet XML in chunks, elements in the order the schema requires."""
    width = _width(sheet)
    last = f"{_column_letter(width - 1)}{len(sheet.rows) + 1}" if width else ""
    dimension = f"A1:{last}" if last and last != "A1" else "A1"
    money = {i for i, title in enumerate(sheet.columns) if title in sheet.money}
    cols = "".join(
        f'<col min="{i + 1}" max="{i + 1}" width="{_column_width(str(title))}"'
        + (f' style="{STYLE_MONEY}"' if i in money else "") + ' customWidth="1"/>'
        for i, title in enumerate(sheet.columns))
    yield (f'{_XML_DECL}<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
           f'<dimension ref="{dimension}"/><sheetViews><sheetView'
           + (' tabSelected="1"' if selected else "") + ' workbookViewId="0">'
           '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
           '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
           '</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
           + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>")
    header = []
    for i, title in enumerate(sheet.columns):
        ref = f"{_column_letter(i)}1"
        text = str(title)
        if text:
            strings.count += 1
            header.append(f'<c r="{ref}" s="{STYLE_HEADER}" t="s"><v>{strings.add(text)}</v></c>')
        else:
            header.append(f'<c r="{ref}" s="{STYLE_HEADER}"/>')
    yield '<row r="1">' + "".join(header) + "</row>"
    yield from _data_rows(sheet.rows, width, money, strings)
    yield (f'</sheetData><autoFilter ref="{_filter_ref(sheet)}"/>'
           '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
           'footer="0.3"/></worksheet>')


#: Stands for the row number in the per-column cell prefixes; replaced once per row.
#: It cannot occur in a cell's XML otherwise: strings are shared (cells hold an index)
#: and inline text is escaped (NUL becomes ``_x0000_``).
_ROW = "\x00"
_END = "</v></c>"


def _data_rows(rows: Iterable[list], width: int, money: set[int],
               strings: _SharedStrings) -> Iterator[str]:
    """The ``<row>`` elements of the data, ``CHUNK_ROWS`` rows per yielded string.

    This is the hot loop: per cell one ``type()`` test chain and one concatenation of
    precomputed pieces. Cells of money columns carry the money style (dates keep the
    date style), as XlsxWriter gave cells without a format their column's format.
    """
    refs = [f'<c r="{_column_letter(c)}{_ROW}"' for c in range(width)]
    plain = [f' s="{STYLE_MONEY}"' if c in money else "" for c in range(width)]
    number = [ref + style + "><v>" for ref, style in zip(refs, plain)]
    text_head = [ref + style + ' t="s"><v>' for ref, style in zip(refs, plain)]
    true = [ref + style + ' t="b"><v>1' + _END for ref, style in zip(refs, plain)]
    false = [ref + style + ' t="b"><v>0' + _END for ref, style in zip(refs, plain)]
    day = [ref + f' s="{STYLE_DATE}"><v>' for ref in refs]
    # Per column: text → its complete cell. Most strings repeat within a column.
    text_cells: list[dict[str, str]] = [{} for _ in range(width)]
    serials: dict[date, str | None] = {}
    shared = strings.add

    def text_cell(c: int, text: str) -> str:
        cell = text_cells[c].get(text)
        if cell is None:
            cell = text_cells[c][text] = text_head[c] + shared(text) + _END
        return cell

    def other_cell(c: int, value: object) -> str | None:
        """Everything the fast paths in the loop do not cover."""
        if isinstance(value, bool):
            return true[c] if value else false[c]
        if isinstance(value, (int, float)):
            text = _number(value)
            return None if text is None else number[c] + text + _END
        if isinstance(value, date):
            if value != value:  # pandas.NaT
                return None
            serial = _serial(value)
            if serial is None:  # before 1900: text, Excel cannot show it as a date
                strings.count += 1
                return text_cell(c, value.isoformat())
            return day[c] + serial + _END
        text = str(value)
        if not text:
            return None
        strings.count += 1
        return text_cell(c, text)

    out: list[str] = []
    r = 1
    string_cells = 0
    for row in rows:
        r += 1
        cells: list[str] = []
        add = cells.append
        c = -1
        for value in row:
            c += 1
            kind = type(value)
            if kind is str:
                if value:
                    cell = text_cells[c].get(value)
                    if cell is None:
                        cell = text_cell(c, value)
                    add(cell)
                    string_cells += 1
            elif kind is float:
                if value - value == 0.0:  # not NaN, not ±inf
                    add(number[c] + repr(value) + _END)
            elif value is None:
                pass
            elif kind is bool:
                add(true[c] if value else false[c])
            elif kind is int:
                if -9007199254740992 <= value <= 9007199254740992:  # exact in a double
                    add(number[c] + str(value) + _END)
                else:
                    cell = other_cell(c, value)
                    if cell is not None:
                        add(cell)
            elif kind is date:
                serial = serials.get(value, "")
                if serial == "":
                    serial = serials[value] = _serial(value)
                if serial is not None:
                    add(day[c] + serial + _END)
                else:
                    add(text_cell(c, value.isoformat()))
                    string_cells += 1
            else:
                cell = other_cell(c, value)
                if cell is not None:
                    add(cell)
        if cells:  # a row without cells is left out, as Excel does
            out.append(f'<row r="{r}">' + "".join(cells).replace(_ROW, str(r)) + "</row>")
        if len(out) == CHUNK_ROWS:
            yield "".join(out)
            out = []
    strings.count += string_cells
    if out:
        yield "".join(out)


def _number(value: int | float) -> str | None:
    """A number as XML text, or None when a double cannot hold it."""
    try:
        number = float(value)
    except OverflowError:  # an int beyond 1.8e308
        return None
    if not math.isfinite(number):
        return None
    if isinstance(value, int) and number == value:
        return str(int(value))
    return repr(number)


def _serial(value: date) -> str | None:
    """Excel's serial number of a date (days since 1899-12-30, a fraction of a day for
    the time), or None before 1900 (Excel cannot show those as dates)."""
    days = value.toordinal() - _EPOCH_ORDINAL
    if days < _FIRST_CORRECT_SERIAL:
        days -= 1  # Excel counts a 29 February 1900 that did not exist
        if days < 1:
            return None
    if isinstance(value, datetime):
        seconds = (value.hour * 3600 + value.minute * 60 + value.second
                   + value.microsecond / 1e6)
        if seconds:
            return repr(days + seconds / 86400)
    return str(days)
