"""Invisible and bidi control characters in codes, ids, titles and notes, via the CLI.

A zero-width space makes ``UUR\u200b`` another post than ``UUR`` while both look the
same; a right-to-left override shows a title in another order than it is stored. Each is
reported with its field, its line and the character's code point; an item id that only
differs from a table id by such a character says which table id it looks like.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import TEST_TABLE, case_yaml

from effectencalculator.cli import main
from effectencalculator.model.invisible import (
    invisible_in,
    only_differs_by_invisible,
    strip_invisible,
    visible,
)


def _case(line: str = '{item: UUR, quantity: 2, date: 2024-03-01}', **replace: str) -> str:
    text = case_yaml(f"- id: ref\n  role: reference\n  lines:\n    - {line}\n")
    for old, new in replace.items():
        text = text.replace(old.replace("_", " "), new)
    return text


@dataclass
class Hidden:
    name: str
    text: str
    exit: int
    field: str
    words: tuple[str, ...]
    kind: str = "case"
    marker: str = ""  # text on the reported line (default: the field's last key)


CASES = [
    Hidden("zero-width space in an item id",
           _case('{item: "UUR\\u200b", quantity: 2, date: 2024-03-01}'), 2,
           "scenarios[0].lines[0].item",
           ("U+200B", "nulbreedte-spatie", "'UUR<U+200B>'",
            "verschilt alleen door een onzichtbaar teken U+200B (nulbreedte-spatie) van "
            "tabelpost 'UUR'")),
    Hidden("word joiner in an item id",
           _case('{item: "U\\u2060UR", quantity: 2, date: 2024-03-01}'), 2,
           "scenarios[0].lines[0].item", ("U+2060", "woordverbinder", "tabelpost 'UUR'")),
    Hidden("soft hyphen in the case code", _case(**{"code: TEST-001": 'code: "TEST\\u00ad-001"'}),
           2, "case.code", ("U+00AD", "zacht afbreekstreepje", "zonder: 'TEST-001'")),
    Hidden("RTL override in the title",
           _case(**{"title: Testgezin": 'title: "Test\\u202egezin"'}), 0, "case.title",
           ("U+202E", "rechts-naar-linksoverschrijving", "'Test<U+202E>gezin'")),
    Hidden("isolate in a scenario id", _case().replace("- id: ref", '- id: "ref\\u2066"'), 2,
           "scenarios[0].id", ("U+2066", "links-naar-rechtsisolatie")),
    Hidden("RTL override in a note",
           _case('{item: UUR, quantity: 2, date: 2024-03-01, note: "zie \\u202ebijlage"}'), 0,
           "scenarios[0].lines[0].note", ("U+202E",)),
    Hidden("zero-width space in a table item id",
           TEST_TABLE.replace("{id: UUR,", '{id: "UUR\\u200b",'), 2, "items[0].id",
           ("U+200B", "'UUR<U+200B>'"), "table", "UUR"),
    Hidden("RTL override in a table item name",
           TEST_TABLE.replace("name: Uur hulp,", 'name: "Uur \\u202ehulp",'), 0,
           "items[0].name", ("U+202E",), "table", "Uur"),
]


def _line_of(text: str, marker: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if marker in line)


@pytest.mark.parametrize("hidden", CASES, ids=lambda h: h.name)
def test_invisible_character_is_reported_with_its_field(hidden, tmp_path, capsys):
    table = tmp_path / "test-tabel.yaml"
    table.write_text(TEST_TABLE, encoding="utf-8")
    path = tmp_path / "invoer.yaml"
    path.write_text(hidden.text, encoding="utf-8")
    args = ["summary", str(path), "--table", str(table)] if hidden.kind == "case" \
        else ["validate", str(path)]
    code = main(args)
    _, err = capsys.readouterr()
    assert code == hidden.exit, err
    marker = hidden.marker or hidden.field.rsplit(".", 1)[-1] + ":"
    line = _line_of(hidden.text, marker)
    named = [m for m in err.splitlines() if m.startswith(f"{path}:{line}: {hidden.field}:")]
    assert named, err
    for words in hidden.words:
        assert any(words in m for m in named), (words, err)


def test_soft_hyphen_in_prose_is_fine(tmp_path, capsys):
    """Free text may hold a soft hyphen or a zero-width joiner (Word puts them there)."""
    table = tmp_path / "t.yaml"
    table.write_text(TEST_TABLE, encoding="utf-8")
    path = tmp_path / "c.yaml"
    path.write_text(_case('{item: UUR, quantity: 2, date: 2024-03-01, '
                          'note: "jeugd\\u00adhulp \\u200d"}'), encoding="utf-8")
    assert main(["summary", str(path), "--table", str(table)]) == 0
    assert "U+00AD" not in capsys.readouterr().err


@pytest.mark.parametrize("text, found", [
    ("UUR", []), ("Jeugdzorg plus", []), ("café", []), ("UUR\u200b", ["\u200b"]),
    ("\u202eRUU", ["\u202e"]), ("a\u2060b\ufeff", ["\u2060", "\ufeff"]),
    ("x\x1b[31m", ["\x1b"]), ("tab\there", ["\t"][:0]), ("\u00ad", ["\u00ad"]),
])
def test_which_characters_count_as_invisible(text, found):
    assert invisible_in(text) == found
    assert strip_invisible(text) == "".join(c for c in text if c not in found)


def test_visible_and_near_miss():
    assert visible("UUR\u200b") == "UUR<U+200B>"
    assert only_differs_by_invisible("UUR\u200b", ["OTS", "UUR"]) == "UUR"
    assert only_differs_by_invisible("UUR", ["UUR"]) is None
    assert only_differs_by_invisible("XYZ\u200b", ["UUR"]) is None
