"""Scenarios in the Inzet section, driven as a user does: rename through the code field,
copy through the copy menu, remove with the button; each one undo step that takes the
comparison choice and the events along."""

from __future__ import annotations

from conftest import EXAMPLE_CASE
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from test_ui_support import make_window


def _button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def _menu_action(inzet, text: str):
    inzet.copy_menu.aboutToShow.emit()  # what opening the menu does, without a modal popup
    return next(a for a in inzet.copy_menu.actions() if a.text() == text)


def _type_code(page, text: str) -> None:
    page.id_edit.setFocus()
    page.id_edit.selectAll()
    QTest.keyClicks(page.id_edit, text)
    QTest.keyClick(page.id_edit, Qt.Key.Key_Return)


def _open_inzet(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    window.show()
    window.show_section(window.sections.index(window.inzet))
    return window, window.doc, window.inzet


def test_ui_rename_a_scenario_takes_events_and_comparison_along(qtbot, ctx):
    window, doc, inzet = _open_inzet(qtbot, ctx)
    assert [s.id for s in doc.case.scenarios] == ["interventie", "referentie"]
    before = [e.scenario for e in doc.case.narrative.events]
    assert before.count("interventie") == 7
    inzet.tabs.setCurrentIndex(0)
    _type_code(inzet.pages[0], "aanpak")
    assert doc.case.scenarios[0].id == "aanpak"
    assert doc.case.settings.compare.intervention == "aanpak"
    assert [e.scenario for e in doc.case.narrative.events] == [
        "aanpak" if s == "interventie" else s for s in before]
    assert doc.undo_stack.undoText() == "scenario 'interventie' hernoemen naar 'aanpak'"
    doc.undo_stack.undo()  # one step brings all of it back
    assert doc.case.scenarios[0].id == "interventie"
    assert doc.case.settings.compare.intervention == "interventie"
    assert [e.scenario for e in doc.case.narrative.events] == before

    page = inzet.pages[0]
    _type_code(page, "referentie")  # taken: a message, and the field shows the code again
    assert page.rename_error.text() == "Er is al een scenario met de code 'referentie'."
    assert not page.rename_error.isHidden() and page.id_edit.text() == "interventie"
    assert [s.id for s in doc.case.scenarios] == ["interventie", "referentie"]
    assert not doc.undo_stack.canUndo()
    window.doc.undo_stack.setClean()


def test_ui_copy_a_scenario_and_its_lines_then_remove_it(qtbot, ctx):
    window, doc, inzet = _open_inzet(qtbot, ctx)
    source = doc.case.scenarios[0]
    n_lines = len(source.lines)
    reference_lines = len(doc.case.scenarios[1].lines)
    inzet.tabs.setCurrentIndex(0)

    _menu_action(inzet, "Als nieuw scenario (kopie)").trigger()
    ids = [s.id for s in doc.case.scenarios]
    assert ids == ["interventie", "interventie-kopie", "referentie"]
    copy = doc.case.scenarios[1]
    assert copy.role == "variant" and copy.label == "Werkwijze Toekomstscenario (kopie)"
    assert copy.lines == source.lines and copy.lines[0] is not source.lines[0]
    assert inzet.tabs.count() == 3 and inzet.tabs.currentIndex() == 1
    assert "kopie" in inzet.tabs.tabText(1)

    # all lines of the copy added to the reference: one undo step
    reference = doc.case.scenarios[2]
    inzet.copy_menu.aboutToShow.emit()
    menu_texts = [a.text() for a in inzet.copy_menu.actions()]
    add_to_reference = next(t for t in menu_texts if t.startswith("Alle regels toevoegen aan")
                            and reference.label in t)
    _menu_action(inzet, add_to_reference).trigger()
    assert len(reference.lines) == reference_lines + n_lines
    assert reference.lines[-n_lines:] == copy.lines
    doc.undo_stack.undo()
    assert len(reference.lines) == reference_lines

    # remove the copy with the button (the current tab); undo brings it back in place
    qtbot.mouseClick(_button(inzet, "Scenario verwijderen"), Qt.MouseButton.LeftButton)
    assert [s.id for s in doc.case.scenarios] == ["interventie", "referentie"]
    assert inzet.tabs.count() == 2
    doc.undo_stack.undo()
    assert [s.id for s in doc.case.scenarios] == ids and inzet.tabs.count() == 3

    # removing a compared scenario clears that side of the comparison, in the same step
    inzet.tabs.setCurrentIndex(2)
    qtbot.mouseClick(_button(inzet, "Scenario verwijderen"), Qt.MouseButton.LeftButton)
    assert [s.id for s in doc.case.scenarios] == ["interventie", "interventie-kopie"]
    assert doc.case.settings.compare.reference == ""
    assert doc.undo_stack.undoText() == "scenario 'referentie' verwijderen"
    doc.undo_stack.undo()
    assert doc.case.settings.compare.reference == "referentie"
    assert [s.id for s in doc.case.scenarios] == ids
    window.doc.undo_stack.setClean()
