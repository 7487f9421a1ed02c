"""The streaming XLSX writer, read back with openpyxl and pandas as an evaluator would."""

from __future__ import annotations

import errno
import math
import os
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from xml.etree import ElementTree

import openpyxl
import pandas as pd
import pytest

from effectencalculator.export import xlsx
from effectencalculator.export.rows import Sheet
from effectencalculator.export.xlsx import write_xlsx
from effectencalculator.model.storage import SaveError

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
MONEY = "€ #,##0.00"


def excel_width(title: str) -> float:
    """The column width Excel shows for XlsxWriter's set_column(max(10, min(40, n + 2)))."""
    chars = max(10, min(40, len(title) + 2))
    return int((chars * 7 + 5) / 7 * 256) / 256


def excel_unescape(text: str) -> str:
    """What Excel shows for a stored string: ``_xHHHH_`` is the character U+HHHH (and
    ``_x005F_`` a literal underscore). openpyxl decodes only the latter."""
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def shared_strings(path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return [excel_unescape("".join(si.itertext())) for si in root.findall("m:si", NS)]


def part(path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


class Shown:
    def __str__(self) -> str:
        return "getoond als tekst"


LONG = "x" * 40_000
VALUES = Sheet("Waarden", ["soort", "waarde", "bedrag"], [
    ["float", 1234.5, 0.1 + 0.2],
    ["int", 7, -3],
    ["bool", True, False],
    ["leeg", None, ""],
    ["datum", date(2024, 3, 1), None],
    ["tijdstip", datetime(2024, 3, 1, 18, 0), None],
    ["formule", "=SUM(A1:A3)", "=1+1"],
    ["stuurteken", "a\x01b\rc", None],
    ["letterlijk", "_x0041_ blijft _x0041_", None],
    ["spaties", "  voor\nen na  ", None],
    ["lang", LONG, None],
    ["nan", math.nan, math.inf],
    ["groot", 2 ** 60, -math.inf],
    ["anders", Shown(), Decimal("1.50")],
    ["1900", date(1900, 1, 1), date(1900, 3, 1)],
    ["voor 1900", date(1850, 6, 1), None],
    ["xml", 'a & b < c > d "e"', None],
], ("bedrag",))


@pytest.fixture
def values_book(tmp_path):
    target = tmp_path / "waarden.xlsx"
    write_xlsx([VALUES], target)
    return target, openpyxl.load_workbook(target)


def test_values_and_types_round_trip(values_book):
    target, book = values_book
    ws = book["Waarden"]
    got = {row[0].value: row[1:] for row in ws.iter_rows(min_row=2)}
    assert got["float"][0].value == 1234.5 and got["float"][0].data_type == "n"
    assert got["float"][1].value == 0.1 + 0.2  # every digit of the double is kept
    assert got["int"][0].value == 7 and isinstance(got["int"][0].value, int)
    assert got["int"][1].value == -3
    assert got["bool"][0].value is True and got["bool"][1].value is False
    assert got["bool"][0].data_type == "b"
    assert got["leeg"][0].value is None and got["leeg"][1].value is None
    assert got["datum"][0].value == datetime(2024, 3, 1)
    assert got["tijdstip"][0].value == datetime(2024, 3, 1, 18, 0)
    # text starting with "=" is text, never a formula
    assert got["formule"][0].value == "=SUM(A1:A3)" and got["formule"][0].data_type == "s"
    assert got["formule"][1].value == "=1+1" and got["formule"][1].data_type == "s"
    assert got["spaties"][0].value == "  voor\nen na  "
    assert got["lang"][0].value == "x" * 32_767
    assert got["nan"][0].value is None and got["nan"][1].value is None
    assert got["groot"][0].value == float(2 ** 60) and got["groot"][1].value is None
    assert got["anders"][0].value == "getoond als tekst"
    assert got["anders"][1].value == "1.50"  # as before: only int and float are numbers
    # Excel's 1900 leap-year bug is accounted for on both sides of 1900-02-29
    assert got["1900"][0].value == datetime(1900, 1, 1)
    assert got["1900"][1].value == datetime(1900, 3, 1)
    assert got["voor 1900"][0].value == "1850-06-01"  # Excel cannot show it as a date
    assert got["xml"][0].value == 'a & b < c > d "e"'
    sheet_xml = part(target, "xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "inlineStr" not in sheet_xml


def test_control_characters_are_escaped_as_excel_expects(values_book):
    target, book = values_book
    ws = book["Waarden"]
    got = {row[0].value: row[1].value for row in ws.iter_rows(min_row=2)}
    # openpyxl shows the stored escapes; Excel decodes them to the original text
    assert got["stuurteken"] == "a_x0001_b_x000D_c"
    assert got["letterlijk"] == "_x0041_ blijft _x0041_"
    strings = shared_strings(target)
    assert "a\x01b\rc" in strings
    assert "_x0041_ blijft _x0041_" in strings
    raw = part(target, "xl/sharedStrings.xml").decode()
    assert "_x005F_x0041_ blijft _x005F_x0041_" in raw
    assert "\x01" not in raw and "\r" not in raw


def test_shared_strings_are_deduplicated_and_keep_whitespace(tmp_path):
    target = tmp_path / "t.xlsx"
    write_xlsx([Sheet("A", ["x", "y"], [["ja", " rand"], ["ja", "regel\nregel"], ["ja", None]])],
               target)
    root = ElementTree.fromstring(part(target, "xl/sharedStrings.xml"))
    assert root.get("count") == "7"  # 2 titles + 5 text cells
    assert root.get("uniqueCount") == "5"
    kept = {t.text: t.get("{http://www.w3.org/XML/1998/namespace}space")
            for t in root.iter(f"{{{NS['m']}}}t")}
    assert kept == {"x": None, "y": None, "ja": None, " rand": "preserve",
                    "regel\nregel": "preserve"}


def test_formats_header_freeze_filter_and_widths(values_book):
    target, book = values_book
    ws = book["Waarden"]
    money = [row[2] for row in ws.iter_rows(min_row=2) if isinstance(row[2].value, float)]
    assert money and all(cell.number_format == MONEY for cell in money)
    assert ws.column_dimensions["C"].number_format == MONEY
    assert ws.column_dimensions["B"].number_format == "General"
    assert ws["B2"].number_format == "General"  # a number outside the money columns
    assert ws["B6"].is_date and ws["B6"].number_format == "yyyy-mm-dd"
    assert ws["B7"].is_date
    for cell in ws[1]:
        assert cell.font.b and cell.fill.fgColor.rgb == "FFDDDDDD"
    assert ws["A2"].font.b is False
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:C{len(VALUES.rows) + 1}"
    for letter, title in zip("ABC", VALUES.columns):
        assert ws.column_dimensions[letter].width == excel_width(title)
    workbook = part(target, "xl/workbook.xml").decode()
    assert ('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f"'Waarden'!$A$1:$C${len(VALUES.rows) + 1}</definedName>") in workbook


def test_column_widths_follow_the_titles(tmp_path):
    titles = ["a", "hoeveelheid per periode", "t" * 60]
    target = tmp_path / "w.xlsx"
    write_xlsx([Sheet("W", titles, [])], target)
    ws = openpyxl.load_workbook(target)["W"]
    assert [ws.column_dimensions[c].width for c in "ABC"] == [10.7109375, 25.7109375,
                                                              40.7109375]
    assert ws.auto_filter.ref == "A1:C2"  # at least one data row


def test_worksheet_elements_follow_the_schema_order(values_book):
    target, _ = values_book
    root = ElementTree.fromstring(part(target, "xl/worksheets/sheet1.xml"))
    tags = [child.tag.split("}")[1] for child in root]
    assert tags == ["dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
                    "autoFilter", "pageMargins"]
    assert root.find("m:dimension", NS).get("ref") == f"A1:C{len(VALUES.rows) + 1}"
    for row in root.iter(f"{{{NS['m']}}}row"):
        assert row.get("r") and all(cell.get("r") for cell in row)


def test_sheet_names_are_cleaned_and_unique(tmp_path):
    long = "Een heel lange bladnaam die te lang is voor Excel"
    sheets = [Sheet(name, ["x"], [[1]]) for name in
              ("Regels", "regels", "Regels", "a/b:c?", "[*]\\", long, long, "", "'citaat'",
               "History")]
    target = tmp_path / "namen.xlsx"
    write_xlsx(sheets, target)
    names = openpyxl.load_workbook(target).sheetnames
    assert names == ["Regels", "regels (2)", "Regels (3)", "a_b_c_", "____",
                     long[:31], long[:27] + " (2)", "Blad", "_citaat_", "History (2)"]
    assert all(len(name) <= 31 for name in names)
    frame = pd.read_excel(target, sheet_name=None)
    assert list(frame) == names


def test_an_empty_list_gives_a_workbook_with_one_empty_sheet(tmp_path):
    target = tmp_path / "leeg.xlsx"
    write_xlsx([], target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Blad1"] and book["Blad1"].max_row == 1


def test_output_is_byte_identical(tmp_path):
    sheets = [VALUES, Sheet("Tweede", ["a", "b"], [[n, f"tekst {n % 7}"] for n in range(2500)])]
    write_xlsx(sheets, tmp_path / "een.xlsx")
    write_xlsx(sheets, tmp_path / "twee.xlsx")
    first = (tmp_path / "een.xlsx").read_bytes()
    assert first == (tmp_path / "twee.xlsx").read_bytes()
    write_xlsx(sheets, tmp_path / "een.xlsx")  # overwriting gives the same bytes too
    assert (tmp_path / "een.xlsx").read_bytes() == first
    with zipfile.ZipFile(tmp_path / "een.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        assert archive.testzip() is None
        assert not any(name.startswith("docProps/") for name in archive.namelist())


def test_pandas_reads_back_the_rows(tmp_path):
    """More rows than one chunk, so the streaming joins are exercised too."""
    count = xlsx.CHUNK_ROWS * 2 + 17
    rows = [[f"casus {n % 13}", n, n / 8, n % 3 == 0, date(2024, 1, 1 + n % 28),
             None if n % 5 else "opmerking"] for n in range(count)]
    columns = ["casus", "regel", "kosten", "geprijsd", "datum", "toelichting"]
    sheets = [Sheet("Regels", columns, rows, ("kosten",)),
              Sheet("Totalen", ["grootheid", "waarde"], [["totaal", 12.5], ["aantal", 3]])]
    target = tmp_path / "p.xlsx"
    write_xlsx(sheets, target)
    frames = pd.read_excel(target, sheet_name=None)
    assert list(frames) == ["Regels", "Totalen"]
    expected = pd.DataFrame(rows, columns=columns)
    expected["datum"] = pd.to_datetime(expected["datum"])
    pd.testing.assert_frame_equal(frames["Regels"], expected, check_dtype=False)
    got = frames["Regels"]
    assert got["regel"].dtype.kind == "i" and got["kosten"].dtype.kind == "f"
    assert got["geprijsd"].dtype.kind == "b"
    assert got["datum"].dtype.kind == "M"
    pd.testing.assert_frame_equal(
        frames["Totalen"], pd.DataFrame([["totaal", 12.5], ["aantal", 3.0]],
                                        columns=["grootheid", "waarde"]))


def test_a_failed_rename_raises_save_error_and_leaves_no_trace(tmp_path, monkeypatch):
    target = tmp_path / "bestaat.xlsx"
    target.write_bytes(b"oude inhoud")

    def fail(*args, **kwargs):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(SaveError, match=r"bestaat\.xlsx: exporteren mislukt "
                                        r"\(Permission denied\)"):
        write_xlsx([VALUES], target)
    assert target.read_bytes() == b"oude inhoud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestaat.xlsx"]


def test_a_full_disk_halfway_raises_save_error_and_leaves_no_trace(tmp_path, monkeypatch):
    target = tmp_path / "vol.xlsx"
    target.write_bytes(b"oude inhoud")
    real = xlsx._sheet_xml

    def disk_full(*args, **kwargs):
        chunks = real(*args, **kwargs)
        yield next(chunks)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsx, "_sheet_xml", disk_full)
    with pytest.raises(SaveError, match=r"exporteren mislukt \(No space left on device\)"):
        write_xlsx([VALUES], target)
    assert target.read_bytes() == b"oude inhoud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vol.xlsx"]


def test_a_missing_folder_raises_save_error(tmp_path):
    with pytest.raises(SaveError, match="exporteren mislukt"):
        write_xlsx([VALUES], tmp_path / "bestaat-niet" / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_too_many_rows_for_excel_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)
    with pytest.raises(SaveError, match="hoogstens 2"):
        write_xlsx([Sheet("A", ["x"], [[1], [2], [3]])], tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []
