"""What a case file holds never drives the terminal or a spreadsheet.

An ESC sequence in a title (``\\x1b[2J`` clears the screen, ``\\x1b]8;;`` plants a
link), a carriage return or a right-to-left override must reach the terminal escaped;
CSV cells that begin with ``=``, ``+``, ``-`` (not a number) or ``@`` must stay text
when a spreadsheet opens the file; XLSX cells are strings, never formulas.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from conftest import TEST_TABLE, case_yaml

from effectencalculator.cli import main
from effectencalculator.export.rows import Sheet
from effectencalculator.export.spreadsheet import spreadsheet_text, write_csv, write_xlsx
from effectencalculator.terminal import safe_terminal_text

NASTY = "\x1b[2J\x1b]8;;https://example.org\x07Gezin\x1b]8;;\x07\r\u202eX\x85\x9b"
RAW = ("\x1b", "\x07", "\r", "\u202e", "\x85", "\x9b")


def _case(tmp_path, title: str, note: str = "") -> tuple[str, str]:
    table = tmp_path / "t.yaml"
    table.write_text(TEST_TABLE, encoding="utf-8")
    line = "{item: UUR, quantity: 2, date: 2024-03-01" + \
        (f", note: {json.dumps(note)}" if note else "") + "}"
    text = case_yaml(f"- id: ref\n  role: reference\n  lines:\n    - {line}\n")
    path = tmp_path / "c.yaml"
    path.write_text(text.replace("title: Testgezin", f"title: {json.dumps(title)}"),
                    encoding="utf-8")
    return str(path), str(table)


@pytest.mark.parametrize("command", [
    ["summary"], ["summary", "--json"], ["validate"],
])
def test_control_characters_reach_the_terminal_escaped(command, tmp_path, capsys):
    path, table = _case(tmp_path, NASTY, note="zie \x1b[31mrood\x1b[0m")
    args = [command[0], path, "--table", table] + command[1:]
    main(args)
    out, err = capsys.readouterr()
    for char in RAW:
        assert char not in out and char not in err, (repr(char), out, err)
    if "--json" in command:
        assert json.loads(out)["case"] == "TEST-001"  # still valid JSON
    else:
        assert "\\u001b" in out + err or "<U+001B>" in out + err  # shown, escaped


def test_error_messages_are_escaped_too(tmp_path, capsys):
    path, table = _case(tmp_path, "Gezin")
    case = Path(path)
    case.write_text(case.read_text("utf-8").replace("code: TEST-001",
                                                    'code: "X\\e[31m\\u202e"'), "utf-8")
    assert main(["summary", path, "--table", table]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "case.code" in err


def test_terminal_text_keeps_tabs_newlines_and_letters():
    assert safe_terminal_text("a\tb\nc é ü € ✓") == "a\tb\nc é ü € ✓"
    assert safe_terminal_text("\x1b[0m\u200b\U000e0041") == \
        "\\u001b[0m\\u200b\\udb40\\udc41"


@pytest.mark.parametrize("text, kept", [
    ("=SOM(A1:A9)", "'=SOM(A1:A9)"), ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
    ("+31 6 12345678", "'+31 6 12345678"), ("-kosten", "'-kosten"), ("@naam", "'@naam"),
    ("\t=1+1", "'\t=1+1"), ("\r=1", "'\r=1"), ("-12,50", "-12,50"), ("-1.234,5", "-1.234,5"),
    ("+5", "+5"), ("-€ 30", "-€ 30"), ("-3 %", "-3 %"), ("gewone tekst", "gewone tekst"),
    ("a=b", "a=b"), ("", ""), ("-", "'-"),
])
def test_spreadsheet_text(text, kept):
    assert spreadsheet_text(text) == kept


@pytest.mark.parametrize("dutch_excel", [False, True])
def test_csv_cells_that_look_like_formulas_stay_text(tmp_path, dutch_excel):
    sheet = Sheet("regels", ["post", "toelichting", "kosten"],
                  [["=1+1", "@SUM(A1)", -12.5], ["-kosten", "+31 6 1", 3.0],
                   ["UUR", "gewoon", 1.0]])
    path = tmp_path / "x.csv"
    write_csv(sheet, path, dutch_excel=dutch_excel)
    rows = list(csv.reader(path.read_text("utf-8-sig").splitlines(),
                           delimiter=";" if dutch_excel else ","))
    assert rows[1][:2] == ["'=1+1", "'@SUM(A1)"]
    assert rows[2][:2] == ["'-kosten", "'+31 6 1"]
    assert rows[3][:2] == ["UUR", "gewoon"]
    assert rows[1][2] == ("-12,5" if dutch_excel else "-12.5")  # numbers untouched


def test_xlsx_writes_formula_text_as_a_string(tmp_path):
    path = tmp_path / "x.xlsx"
    write_xlsx([Sheet("regels", ["post"], [["=HYPERLINK(\"https://x\",\"klik\")"],
                                           ["@SUM(A1)"]])], path)
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
        strings = package.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert "=HYPERLINK(" in strings and "@SUM(A1)" in strings
