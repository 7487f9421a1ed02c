"""The never-export list editor warns about entries that would flag nearly everything;
the check's messages name the entry that matched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from effectencalculator.model.privacy import scan_text
from effectencalculator.model.privacy_words import entry_warnings
from effectencalculator.ui.privacy_list import NeverExportDialog


def test_short_entries_and_common_words_are_warned_about():
    warnings = entry_warnings(["# commentaar", "Anneke", "de", "  Moeder ", "Jo", "",
                               "Zonnebloemschool", "SCHOOL", "J\u200bo"])
    assert [(w.line, w.entry) for w in warnings] == [
        (3, "de"), (4, "Moeder"), (5, "Jo"), (8, "SCHOOL"), (9, "J\u200bo")]
    assert "korter dan 3 tekens" in warnings[0].reason
    assert "gewoon woord" in warnings[1].reason
    assert warnings[1].format().startswith("regel 4: 'Moeder'")
    assert entry_warnings(["Anneke", "Zonnebloemschool", "de Vries"]) == []


def test_the_message_names_the_entry_that_matched():
    finding, = scan_text("narrative.summary", "Gesprek met JANSENS moeder.", ["Jansen"])
    assert finding.entry == "Jansen"
    assert "lijstwoord 'Jansen'" in finding.format() and "'JANSENS'" in finding.format()


def test_privacy_list_editor_warns_while_typing(qtbot, tmp_path: Path):
    dialog = NeverExportDialog(tmp_path / "lijst.txt", "Anneke\n")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.warning.isVisible()
    dialog.editor.setFocus()
    dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
    QTest.keyClicks(dialog.editor, "de")
    assert dialog.warning.isVisible()
    assert "regel 2: 'de' is korter dan 3 tekens" in dialog.warning.text()
    QTest.keyClick(dialog.editor, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.editor, "moeder")
    assert "regel 3: 'moeder' is een gewoon woord" in dialog.warning.text()
    assert dialog.warnings() == [w.format() for w in entry_warnings(["Anneke", "de",
                                                                     "moeder"])]
    # warned, not refused: the list is saved as typed
    assert dialog.text() == "Anneke\nde\nmoeder\n"
    dialog.layout().activate()
    assert dialog.warning.height() > 3 * dialog.warning.fontMetrics().height()
    dialog.grab().save("/tmp/privacy/privacy-list.png")


def test_a_finding_in_an_unknown_field_is_fixed_in_place():
    """Findings outside the free-text fields (unknown keys kept on save) point at the
    exact string, so the privacy view can change it (and nothing else)."""
    from conftest import EXAMPLE_CASE

    from effectencalculator.model.privacy import check_privacy
    from effectencalculator.model.storage import load_case
    from effectencalculator.ui.privacy_fields import (
        describe,
        field_ref,
        field_text,
        lenient_ref,
        new_value,
    )

    case = load_case(EXAMPLE_CASE)
    case.scenarios[0].extra.update({"memo": "ok", "contact": {"tel": "bel 06-12345678"}})
    case.scenarios[0].extra["gezin@voorbeeld.nl"] = "sleutel"
    found = {f.path: f for f in check_privacy(case).findings}
    assert set(found) == {"scenarios[0].extra[1][0]", "scenarios[0].extra{2}"}
    value_ref = field_ref("scenarios[0].extra[1][0]")
    assert (value_ref.record, value_ref.attr, value_ref.sub) == (
        ("scenarios", 0), "extra", (("i", 1), ("i", 0)))
    assert field_text(case, value_ref) == "bel 06-12345678"
    fixed = new_value(case, value_ref, "bel [telefoonnummer]")
    assert fixed == {"memo": "ok", "contact": {"tel": "bel [telefoonnummer]"},
                     "gezin@voorbeeld.nl": "sleutel"}
    assert case.scenarios[0].extra["contact"]["tel"] == "bel 06-12345678"   # a copy
    key_ref = field_ref("scenarios[0].extra{2}")
    assert field_text(case, key_ref) == "gezin@voorbeeld.nl"
    assert list(new_value(case, key_ref, "contactadres")) == ["memo", "contact", "contactadres"]
    assert describe(case, "scenarios[0].extra{2}").endswith("onbekend veld 3 (naam)")
    assert field_text(case, lenient_ref("bestand")) == ""
