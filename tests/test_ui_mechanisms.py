"""Mechanisms as tags in Verhaal (FORMATS.md 1.1 ``narrative.mechanisms``): typed with
Enter, suggested from the other cases of the same folder (with their effect), removed
with Delete, each step undoable, saved and read back byte-stable."""

from __future__ import annotations

import os

from capture_support import open_window
from conftest import case_yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox

from effectencalculator.model.case import Mechanism
from effectencalculator.model.storage import case_to_text, load_case

SCENARIOS = """\
    - id: interventie
      role: intervention
      lines: []
    - id: referentie
      role: reference
      lines: []
    """
CASE = case_yaml(SCENARIOS)


def other_case(code: str, mechanisms: str) -> str:
    return case_yaml(SCENARIOS, extra=f"narrative:\n  mechanisms:\n{mechanisms}").replace(
        "code: TEST-001", f"code: {code}")


def write_folder(tmp_path):
    """Two other cases beside ``casus.yaml``, and files that must not count."""
    (tmp_path / "pt-002.yaml").write_text(other_case("PT-002", """\
    - {tag: snellere hulp, effect: kostenverlagend}
    - {tag: Geen overdrachten, effect: kostenverlagend}
"""), encoding="utf-8")
    (tmp_path / "pt-003.yaml").write_text(other_case("PT-003", """\
    - {tag: Snellere  hulp, effect: kostenverlagend}
    - {tag: extra huisbezoeken, effect: kostenverhogend}
"""), encoding="utf-8")
    # an encrypted case is never read; a broken file is skipped
    (tmp_path / "geheim.ecase").write_bytes(b"mechanisms: [{tag: geheim}]")
    (tmp_path / "kapot.yaml").write_text("narrative: {mechanisms: [", encoding="utf-8")
    os.utime(tmp_path / "pt-003.yaml", (1_700_000_000, 1_700_000_000))  # the older one


def test_tags_suggested_from_the_folder_added_removed_undone_and_saved(
        qtbot, ctx, tmp_path, monkeypatch):
    write_folder(tmp_path)
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, CASE)
    doc = window.doc
    window.show_section(window.sections.index(window.verhaal))
    tags = window.verhaal.mechanisms
    # the most used first (two cases; spelled as in the newest), then alphabetically
    assert [(s.tag, s.effect, s.cases) for s in tags.suggestions] == [
        ("snellere hulp", "kostenverlagend", 2),
        ("extra huisbezoeken", "kostenverhogend", 1),
        ("Geen overdrachten", "kostenverlagend", 1)]

    # typing offers the folder's tags; Enter on a suggestion adds it with its effect
    tags.input.setFocus()
    qtbot.keyClicks(tags.input, "snel")
    popup = tags.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    assert tags.completer.currentCompletion() == "snellere hulp"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert doc.case.narrative.mechanisms == [Mechanism("snellere hulp", "kostenverlagend")]
    assert tags.input.text() == ""
    assert "snellere hulp" not in tags.suggested_tags()  # the case has it now

    # an own tag with its effect chosen from the keyboard
    tags.effect.setFocus()
    qtbot.keyClick(tags.effect, Qt.Key.Key_Down)  # kostenverlagend → kostenverhogend
    tags.input.setFocus()
    qtbot.keyClicks(tags.input, "  meer   crisisopvang ")
    qtbot.keyClick(tags.input, Qt.Key.Key_Return)
    assert doc.case.narrative.mechanisms[1] == Mechanism("meer crisisopvang",
                                                         "kostenverhogend")
    # the same tag again (other case, other spacing) is refused, and said
    qtbot.keyClicks(tags.input, "Snellere Hulp")
    qtbot.keyClick(tags.input, Qt.Key.Key_Return)
    assert len(doc.case.narrative.mechanisms) == 2
    assert "'Snellere Hulp' staat al bij deze casus." in tags.message.text()
    tags.input.clear()

    # the table shows both; Delete removes the selected tag
    assert tags.model.index(1, 1).data() == "↑ kostenverhogend"
    tags.view.setFocus()
    tags.view.selectRow(0)
    qtbot.keyClick(tags.view, Qt.Key.Key_Delete)
    assert doc.case.narrative.mechanisms == [Mechanism("meer crisisopvang",
                                                       "kostenverhogend")]
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert [m.tag for m in doc.case.narrative.mechanisms] == ["snellere hulp",
                                                              "meer crisisopvang"]
    assert tags.model.rowCount() == 2

    path = tmp_path / "casus.yaml"
    assert window.controller.write(path)
    text = path.read_text(encoding="utf-8")
    assert ("  mechanisms:\n  - tag: snellere hulp\n    effect: kostenverlagend\n"
            "  - tag: meer crisisopvang\n    effect: kostenverhogend\n") in text
    reopened = load_case(path)
    assert reopened.narrative.mechanisms == doc.case.narrative.mechanisms
    assert case_to_text(reopened) == text

    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.case.narrative.mechanisms == [] and tags.model.rowCount() == 0
    assert tags.suggested_tags()[0] == "snellere hulp"  # offered again
    doc.undo_stack.setClean()


def test_effect_of_a_tag_changed_in_its_cell_is_one_undo_step(qtbot, ctx, tmp_path,
                                                               monkeypatch):
    text = case_yaml(SCENARIOS, extra="narrative:\n  mechanisms:\n"
                                      "    - {tag: snellere hulp}\n")
    window = open_window(qtbot, ctx, tmp_path, monkeypatch, text)
    doc = window.doc
    window.show_section(window.sections.index(window.verhaal))
    tags = window.verhaal.mechanisms
    assert tags.suggestions == []  # no other case in the folder
    index = tags.model.index(0, 1)
    assert index.data() == "niet aangegeven"
    tags.view.setFocus()
    tags.view.setCurrentIndex(index)
    qtbot.keyClick(tags.view, Qt.Key.Key_F2)  # the choice opens from the keyboard
    combo = tags.view.findChild(QComboBox)
    assert combo is not None and combo.isVisible()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # niet aangegeven → ↓ kostenverlagend
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tags.view.state() != QAbstractItemView.State.EditingState,
                    timeout=1000)
    assert doc.case.narrative.mechanisms == [Mechanism("snellere hulp", "kostenverlagend")]
    doc.undo_stack.undo()
    assert doc.case.narrative.mechanisms == [Mechanism("snellere hulp", "")]
    doc.undo_stack.setClean()


def test_suggestions_are_read_off_the_gui_thread(qtbot, tmp_path):
    """With the window's thread-pool runner the folder is read in the background and the
    tags arrive in the completer; a case opened meanwhile wins over an older read."""
    from effectencalculator.ui.document import CaseDocument
    from effectencalculator.ui.long_work import TaskRunner
    from effectencalculator.ui.mechanism_tags import MechanismsEditor

    write_folder(tmp_path)
    (tmp_path / "casus.yaml").write_text(CASE, encoding="utf-8")
    doc = CaseDocument()
    runner = TaskRunner()
    editor = MechanismsEditor(doc, runner)
    qtbot.addWidget(editor)
    doc.set_path(tmp_path / "casus.yaml")
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)
    assert editor.completer.model().stringList() == [
        "snellere hulp", "extra huisbezoeken", "Geen overdrachten"]
    doc.set_path(tmp_path / "pt-002.yaml")   # now that case is open: its tags are its own
    doc.set_path(None)                        # … and then a new case, with no folder
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)
    assert editor.suggestions == [] and editor.completer.model().stringList() == []
