"""Open/save flow: unsaved-changes prompt, autosave and recovery, broken files, drops."""

from __future__ import annotations

import shutil

from conftest import EXAMPLE_CASE
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from test_ui_support import make_context, make_window

from effectencalculator.model.storage import read_case
from effectencalculator.ui.services import RestoreChoice, SaveChoice


def _edit(window, text: str = "Gezin Gewijzigd") -> None:
    window.gegevens.title_edit.setText(text)
    window.gegevens.title_edit.textEdited.emit(text)


def test_ui_unsaved_changes_prompt_on_close_new_and_open(qtbot, ctx, tmp_path):
    case_file = tmp_path / "casus.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    original = case_file.read_bytes()
    window = make_window(qtbot, ctx, case_file)
    dialogs = ctx.dialogs
    window.show()

    # unchanged: no question
    assert window.controller.maybe_save()
    assert dialogs.asked_save == []

    _edit(window)
    assert window.isWindowModified()
    dialogs.save_choice = SaveChoice.CANCEL
    assert not window.close()                       # cancel keeps the window and the edit
    assert dialogs.asked_save == ["casus.yaml"]
    assert window.isVisible() and window.doc.case.info.title == "Gezin Gewijzigd"
    assert not window.controller.new_case()
    assert window.doc.case.info.code == "PT-AMS-014"

    dialogs.save_choice = SaveChoice.SAVE           # save, then the new case
    assert window.controller.new_case()
    assert read_case(case_file)[0].info.title == "Gezin Gewijzigd"
    assert (tmp_path / "casus.yaml.bak").read_bytes() == original
    assert window.doc.path is None and window.doc.case.info.code == ""
    assert [s.id for s in window.doc.case.scenarios] == ["interventie", "referentie"]

    _edit(window, "Weg ermee")                      # discard: nothing written
    dialogs.save_choice = SaveChoice.DISCARD
    dialogs.open_path = str(case_file)
    assert window.controller.open_dialog()
    assert window.doc.case.info.title == "Gezin Gewijzigd"
    assert len(dialogs.asked_save) == 4
    assert window.close()


def test_ui_autosave_and_recovery_after_a_crash(qtbot, tmp_path):
    ctx = make_context(tmp_path)
    case_file = tmp_path / "casus.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    window = make_window(qtbot, ctx, case_file)
    autosave_timer = window.autosaver.timer
    assert autosave_timer.interval == 60_000 and autosave_timer.isActive()
    recovery = tmp_path / "herstel"

    autosave_timer.fire()                           # nothing changed: no copy
    assert not list(recovery.glob("*.yaml"))
    _edit(window, "Na de crash")
    autosave_timer.fire()
    copies = list(recovery.glob("*.yaml"))
    assert len(copies) == 1
    assert read_case(copies[0])[0].info.title == "Na de crash"
    assert read_case(case_file)[0].info.title == "Gezin Noordhoek"   # the file is untouched

    # "crash": the window disappears without closing; the next start finds the copy
    window.autosaver.stop()
    next_ctx = make_context(tmp_path, dead_processes=True)
    next_ctx.dialogs.restore_choice = RestoreChoice.LATER
    later = make_window(qtbot, next_ctx)
    assert not later.controller.offer_recovery()
    assert len(next_ctx.dialogs.asked_restore) == 1 and "casus.yaml" in \
        next_ctx.dialogs.asked_restore[0]
    assert list(recovery.glob("*.yaml"))           # "later" keeps the copy

    next_ctx.dialogs.restore_choice = RestoreChoice.RESTORE
    assert later.controller.offer_recovery()
    assert later.doc.case.info.title == "Na de crash"
    assert later.doc.path == case_file.resolve() and later.isWindowModified()
    # the restored state is protected by a fresh copy of the new window
    assert [p.stem for p in recovery.glob("*.yaml")] == [later.autosaver.token]

    # a normal save removes the copy
    later.controller.save()
    assert not list(recovery.glob("*.yaml")) and not list(recovery.glob("*.json"))
    assert read_case(case_file)[0].info.title == "Na de crash"
    window.doc.undo_stack.setClean()


def test_ui_recovery_copy_removed_after_normal_close(qtbot, tmp_path):
    ctx = make_context(tmp_path)
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    _edit(window)
    window.autosaver.timer.fire()
    assert list((tmp_path / "herstel").glob("*.yaml"))
    ctx.dialogs.save_choice = SaveChoice.DISCARD
    assert window.close()
    assert not list((tmp_path / "herstel").glob("*"))


def test_ui_autosave_failures_are_reported_not_swallowed(qtbot, tmp_path, monkeypatch):
    ctx = make_context(tmp_path)
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    _edit(window)
    from effectencalculator.ui import recovery as recovery_module

    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(recovery_module, "atomic_write_text", fail)
    messages = []
    window.autosaver.failedRepeatedly.connect(messages.append)
    for _ in range(3):
        window.autosaver.timer.fire()
    assert window.autosaver.failures == 3
    assert messages and "Sla de casus zelf op" in messages[0]
    window.doc.undo_stack.setClean()


def test_ui_broken_file_shows_the_error_and_keeps_the_current_case(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    _edit(window, "Mijn werk")
    before = window.doc.case.copy()
    ctx.dialogs.save_choice = SaveChoice.DISCARD

    not_yaml = tmp_path / "kapot.yaml"
    not_yaml.write_text("case: {code: [unclosed\n", encoding="utf-8")
    invalid = tmp_path / "fout.yaml"
    text = EXAMPLE_CASE.read_text(encoding="utf-8").replace(
        "quantity: 3\n        start: 2025-07-10", "quantity: -3\n        start: 2025-07-10")
    invalid.write_text(text, encoding="utf-8")
    contents = {p: p.read_bytes() for p in (not_yaml, invalid)}

    for path in (not_yaml, invalid, tmp_path / "bestaat-niet.yaml"):
        ctx.dialogs.asked_save.clear()
        assert not window.controller.open_path(path, ask=False)
    assert len(ctx.dialogs.errors) == 3
    _, text, details = ctx.dialogs.errors[1]
    assert "huidige casus blijft open" in text
    assert any(d.startswith(f"{invalid}:") and "scenarios[1].lines[6].quantity" in d
               and "negatief" in d for d in details), details
    assert any(str(not_yaml) in d for d in ctx.dialogs.errors[0][2])
    # the open case and its unsaved edit are still there; no file was touched
    assert window.doc.case == before and window.isWindowModified()
    assert window.doc.path == EXAMPLE_CASE.resolve()
    for path, data in contents.items():
        assert path.read_bytes() == data
    assert not (tmp_path / "fout.yaml.bak").exists()
    window.doc.undo_stack.setClean()


def test_ui_drop_a_case_file_and_recent_files(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx)
    case_file = tmp_path / "gesleept.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(case_file))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.doc.path == case_file.resolve()
    assert window.doc.case.info.code == "PT-AMS-014"
    assert ctx.settings.recent_files()[0] == str(case_file.resolve())
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent == ["&1 gesleept.yaml"]
    # a recent file that is gone is reported and taken off the list
    case_file.unlink()
    assert not window.controller.open_recent(str(case_file.resolve()))
    assert ctx.settings.recent_files() == []


def test_ui_geometry_and_section_remembered(qtbot, tmp_path):
    ctx = make_context(tmp_path)
    window = make_window(qtbot, ctx)
    window.resize(700, 500)
    window.show_section(5)
    assert window.close()
    again = make_window(qtbot, make_context(tmp_path))
    assert again.size().width() == 700 and again.stack.currentIndex() == 5
    assert (tmp_path / "instellingen.ini").exists()


def test_ui_save_refuses_to_overwrite_a_file_someone_else_changed(qtbot, ctx, tmp_path):
    case_file = tmp_path / "gedeeld.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    window = make_window(qtbot, ctx, case_file)
    _edit(window, "Mijn versie")
    theirs = case_file.read_text(encoding="utf-8").replace("Gezin Noordhoek", "Hun versie")
    case_file.write_text(theirs, encoding="utf-8")
    assert not window.controller.save()
    text = ctx.dialogs.asked_yes_no[-1]              # Save As is offered (declined here)
    assert "gewijzigd" in text and "Opslaan als" in text
    assert case_file.read_text(encoding="utf-8") == theirs      # their version is kept
    assert window.isWindowModified()                            # and so is ours
    ctx.dialogs.save_path = str(tmp_path / "mijn versie.yaml")
    assert window.controller.save_as()
    assert read_case(tmp_path / "mijn versie.yaml")[0].info.title == "Mijn versie"
    assert window.controller.save()  # saving again to the new file is fine
