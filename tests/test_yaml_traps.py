"""YAML 1.1 traps in hand-written case files and cost tables, through the real CLI.

Every row is a file a researcher could type: a Dutch decimal comma in flow style, ``1:30``
(YAML 1.1: 90), ``010`` (8), a number of 500 or 5 000 digits, ``!!int drie``,
``!!timestamp morgen``, an unquoted ``version: 2024.10`` (2024.1), float, yes/no and
infinite years in ``index.values``. Each must end in exit 2 or a warning that names the
file, the line, the field and the value as written — never a wrong figure with exit 0,
never a traceback, never English Python text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from conftest import TEST_TABLE, case_yaml

from effectencalculator.cli import main
from effectencalculator.model.storage import read_case, read_table

#: words of Python's and PyYAML's English messages that must never reach a user
ENGLISH = re.compile(r"Traceback|invalid literal|Exceeds the limit|could not|did not find|"
                     r"has no attribute|NoneType|Error\b|cannot convert|found \w|"
                     r"int\(\)|set_int_max_str_digits|constructor|not allowed")


def _lines(line: str, extra: str = "", settings: str = "") -> str:
    return case_yaml(f"- id: ref\n  role: reference\n  lines:\n    - {line}\n",
                     settings=settings, extra=extra)


@dataclass
class Trap:
    name: str
    text: str
    exit: int
    field: str       # the location path the message names
    written: str     # the value as written, quoted in the message
    kind: str = "case"
    also: str = ""   # more text the messages must hold


CASE_TRAPS = [
    Trap("flow decimal comma", _lines("{item: UUR, quantity: 1,5, date: 2024-03-01}"), 2,
         "scenarios[0].lines[0].quantity", "1,5"),
    Trap("flow list decimal comma", _lines("{item: UUR, quantity: [1,5], date: 2024-03-01}"),
         2, "scenarios[0].lines[0].quantity", "1,5", also="schrijf 1.5"),
    Trap("list of probabilities",
         _lines("{item: UUR, quantity: 2, date: 2024-03-01, probability: [0,8, 0,2]}"), 2,
         "scenarios[0].lines[0].probability", "0,8", also="schrijf 0.8"),
    Trap("flow probability comma",
         _lines("{item: UUR, quantity: 2, date: 2024-03-01, probability: 0,8}"), 2,
         "scenarios[0].lines[0].probability", "0,8"),
    Trap("block probability comma",
         _lines("item: UUR\n      quantity: 2\n      date: 2024-03-01\n"
                "      probability: 0,8"), 2, "scenarios[0].lines[0].probability", "0,8",
         also="met een punt: 0.8"),
    Trap("sexagesimal", _lines("{item: UUR, quantity: 1:30, date: 2024-03-01}"), 2,
         "scenarios[0].lines[0].quantity", "1:30"),
    Trap("sexagesimal float", _lines("{item: UUR, quantity: 1:30.5, date: 2024-03-01}"), 2,
         "scenarios[0].lines[0].quantity", "1:30.5"),
    Trap("octal quantity", _lines("{item: UUR, quantity: 010, date: 2024-03-01}"), 2,
         "scenarios[0].lines[0].quantity", "010"),
    Trap("underscore", _lines("{item: UUR, quantity: 1_5, date: 2024-03-01}"), 2,
         "scenarios[0].lines[0].quantity", "1_5"),
    Trap("hexadecimal", _lines("{item: UUR, quantity: 0x10, date: 2024-03-01}"), 2,
         "scenarios[0].lines[0].quantity", "0x10"),
    Trap("500 digits", _lines("{item: UUR, quantity: " + "9" * 500 + ", date: 2024-03-01}"),
         2, "scenarios[0].lines[0].quantity", "9" * 40),
    Trap("5000 digits", _lines("{item: UUR, quantity: " + "9" * 5000 + ", date: 2024-03-01}"),
         2, "scenarios[0].lines[0].quantity", "9" * 40),
    Trap("!!int drie", _lines("{item: UUR, quantity: !!int drie, date: 2024-03-01}"), 2,
         "scenarios[0].lines[0].quantity", "drie"),
    Trap("!!float veel", _lines("{item: UUR, quantity: !!float veel, date: 2024-03-01}"), 2,
         "scenarios[0].lines[0].quantity", "veel"),
    Trap("!!timestamp morgen", _lines("{item: UUR, quantity: 2, date: !!timestamp morgen}"),
         2, "scenarios[0].lines[0].date", "morgen"),
    Trap("!!bool misschien",
         _lines("{item: UUR, quantity: 2, date: 2024-03-01, approach_cost: !!bool wellicht}"),
         2, "scenarios[0].lines[0].approach_cost", "wellicht"),
    Trap("octal code", _lines("{item: UUR, quantity: 2, date: 2024-03-01}")
         .replace("code: TEST-001", "code: 010"), 0, "case.code", "010"),
    Trap("yes as a title", _lines("{item: UUR, quantity: 2, date: 2024-03-01}")
         .replace("title: Testgezin", "title: No"), 0, "case.title", "No"),
    Trap("true as a title", _lines("{item: UUR, quantity: 2, date: 2024-03-01}")
         .replace("title: Testgezin", "title: true"), 0, "case.title", "true"),
    Trap("unquoted table version", _lines("{item: UUR, quantity: 2, date: 2024-03-01}",
                                          settings="cost_table_version: 2024.10"), 0,
         "settings.cost_table_version", "2024.10"),
]

_ITEM = "  - {id: UUR, name: Uur hulp, category: hulp, kind: inzet, unit: uur, tariff: 100.0,"
TABLE_TRAPS = [
    Trap("tariff 1.234,56", TEST_TABLE.replace("tariff: 100.0,", "tariff: 1.234,56,"), 2,
         "items[0].tariff", "1.234,56", "table"),
    Trap("tariff 1:30", TEST_TABLE.replace("tariff: 100.0,", "tariff: 1:30,"), 2,
         "items[0].tariff", "1:30", "table"),
    Trap("tariff 0100", TEST_TABLE.replace("tariff: 100.0,", "tariff: 0100,"), 2,
         "items[0].tariff", "0100", "table"),
    Trap("version 2024.10", TEST_TABLE.replace('version: "1.0"', "version: 2024.10"), 0,
         "version", "2024.10", "table"),
    Trap("float year", TEST_TABLE.replace("2025: 130.0}", "2025.5: 130.0}"), 2,
         "index.values", "2025.5", "table"),
    Trap("yes/no year", TEST_TABLE.replace("2025: 130.0}", "true: 130.0}"), 2,
         "index.values", "true", "table"),
    Trap("infinite year", TEST_TABLE.replace("2025: 130.0}", ".inf: 130.0}"), 2,
         "index.values", "inf", "table"),
    Trap("year 2024.0 beside 2024", TEST_TABLE.replace("2025: 130.0}", "2024.0: 130.0}"), 2,
         "index.values.2024.0", "2024.0", "table"),
    Trap("year 10", TEST_TABLE.replace("2025: 130.0}", "10: 130.0}"), 2,
         "index.values", "10", "table"),
]


def _line_of(text: str, written: str, field: str) -> int:
    """The 1-based line where the value is written (for index years: the index line)."""
    needle = "values:" if field.startswith("index.values") else written
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _run(capsys, args: list[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("trap", CASE_TRAPS + TABLE_TRAPS, ids=lambda t: t.name)
def test_trap_is_reported_with_file_line_field_and_value(trap, tmp_path, capsys):
    table = tmp_path / "test-tabel.yaml"
    table.write_text(TEST_TABLE, encoding="utf-8")
    path = tmp_path / "invoer.yaml"
    path.write_text(trap.text, encoding="utf-8")
    args = ["summary", str(path), "--table", str(table), "--json"] if trap.kind == "case" \
        else ["validate", str(path)]
    code, out, err = _run(capsys, args)
    assert code == trap.exit, err
    line = _line_of(trap.text, trap.written, trap.field)
    assert f"{path}:{line}: {trap.field}" in err, err
    named = [m for m in err.splitlines() if m.startswith(f"{path}:{line}: {trap.field}")]
    assert any(f"'{trap.written}" in m for m in named), err
    assert not ENGLISH.search(err.replace(str(tmp_path), "")), err
    assert trap.also in err
    if trap.exit == 0 and trap.kind == "case":
        assert "waarschuwing" in err
        assert json.loads(out)["scenarios"]["ref"]["total"] == 200.0  # 2 × € 100


def test_written_text_is_what_the_program_keeps(tmp_path):
    """A code, title or version typed without quotes is read exactly as typed."""
    path = tmp_path / "c.yaml"
    path.write_text(_lines("{item: UUR, quantity: 2, date: 2024-03-01}",
                           settings="cost_table_version: 2024.10")
                    .replace("code: TEST-001", "code: 00123")
                    .replace("title: Testgezin", "title: off"), encoding="utf-8")
    case, findings = read_case(path)
    assert (case.info.code, case.info.title) == ("00123", "off")
    assert case.settings.cost_table_version == "2024.10"
    assert not findings.has_errors
    table_path = tmp_path / "t.yaml"
    table_path.write_text(TEST_TABLE.replace('version: "1.0"', "version: 2024.10"), "utf-8")
    table, _ = read_table(table_path)
    assert table.version == "2024.10"


def test_decimal_comma_is_not_priced(tmp_path, capsys):
    """{quantity: 1,5} was priced as 1 hour (€ 100) with exit 0; now nothing is priced."""
    table = tmp_path / "t.yaml"
    table.write_text(TEST_TABLE, encoding="utf-8")
    path = tmp_path / "c.yaml"
    path.write_text(_lines("{item: UUR, quantity: 1,5, date: 2024-03-01}"), "utf-8")
    code, out, err = _run(capsys, ["summary", str(path), "--table", str(table)])
    assert code == 2 and out == ""
    assert "schrijf 1.5" in err


@pytest.mark.parametrize("text, dutch", [
    ("schema_version: 1\nx: !!python/object:os.system {}\n", "type-label"),
    ("schema_version: 1\ncase: [\n", "ontbreekt een waarde"),
    ("schema_version: 1\ncase:\n\tcode: X\n", "tab"),
    ("schema_version: 1\ncase: {code: X\n", "niet afgesloten"),
    ("schema_version: 1\ncase: \x01\n", "stuurteken"),
    ("schema_version: 1\ncase: *nergens\n", "verwijzing"),
    ("schema_version: 1\n---\nb: 2\n", "meer dan één"),
])
def test_broken_yaml_is_explained_in_dutch(text, dutch, tmp_path, capsys):
    path = tmp_path / "c.yaml"
    path.write_bytes(text.encode())
    code, _, err = _run(capsys, ["validate", str(path)])
    assert code == 2
    assert dutch in err and re.search(rf"{re.escape(str(path))}:\d+: ", err), err
    assert not ENGLISH.search(err.replace(str(tmp_path), "")), err


def test_a_list_with_a_space_after_the_comma_is_two_values():
    """``[1,5]`` may be a Dutch decimal (an error naming the field); ``[1, 5]`` and a
    block list are two values as YAML reads them, without a trap."""
    from effectencalculator.model.yaml_io import parse_yaml_bytes
    tight = parse_yaml_bytes(b"a:\n  b: [1,5]\n", "x.yaml")
    assert tight.data == {"a": {"b": [1, 5]}}
    assert [(p.path, p.line) for p in tight.problems] == [("a.b", 2)]
    assert "schrijf 1.5" in tight.problems[0].message
    for text in (b"a:\n  b: [1, 5]\n", b"a:\n  b:\n    - 1\n    - 5\n", b"b: [x,5]\n"):
        assert parse_yaml_bytes(text, "x.yaml").problems == [], text
