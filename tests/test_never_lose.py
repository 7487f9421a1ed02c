"""Never lose work: autosave after typing on in the same field, kill -9, restore.

Typing into one field merges into one undo step, so the undo index does not move; the
recovery copy must follow every change all the same. Tested with real processes: the
first is killed with SIGKILL after its autosaves, the second starts and restores.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest
from conftest import EXAMPLE_CASE, ROOT
from PySide6.QtTest import QTest
from test_ui_support import make_context, make_window

from effectencalculator.model.storage import load_case, read_case, save_case

COMMON = textwrap.dedent("""\
    import json, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from effectencalculator.ui.app import application, open_window
    from effectencalculator.ui.services import (
        AppContext, DialogService, RestoreChoice, SaveChoice, SyncRunner,
    )
    from effectencalculator.ui.settings import UiSettings

    class Answers(DialogService):
        def ask_restore(self, parent, description):
            print("hersteld:", description, flush=True)
            return RestoreChoice.RESTORE
        def ask_save_changes(self, parent, name):
            return SaveChoice.CANCEL
        def show_error(self, parent, title, text, details=()):
            print("fout:", title, text, list(details), flush=True)

    app = application()
    ctx = AppContext(settings=UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat)),
                     recovery_dir=sys.argv[3], dialogs=Answers(), runner=SyncRunner())
    """)

TYPE_AND_WAIT = COMMON + textwrap.dedent("""\
    window = open_window(sys.argv[1], ctx)
    field = window.gegevens.title_edit
    field.setFocus()
    field.end(False)
    QTest.keyClicks(field, " eerste")
    print("kopie 1:", window.autosaver.autosave(), flush=True)
    QTest.keyClicks(field, " tweede")           # merges into the same undo step
    window.autosaver.timer.timeout.emit()       # the minute is up: the timer's autosave
    print("stappen:", window.doc.undo_stack.count(), flush=True)
    print("klaar", flush=True)
    sys.exit(app.exec())                        # runs until it is killed
    """)

RESTART = COMMON + textwrap.dedent("""\
    window = open_window(None, ctx)
    restored = window.controller.offer_recovery()
    print(json.dumps({"restored": restored, "title": window.doc.case.info.title,
                      "path": str(window.doc.path), "modified": window.doc.is_modified}))
    window.doc.undo_stack.setClean()
    """)


def _env(tmp_path):
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_type_autosave_type_more_kill_restart_restore_gives_all_text(tmp_path):
    case_file = tmp_path / "casus.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    before = case_file.read_bytes()
    args = [str(case_file), str(tmp_path / "ui.ini"), str(tmp_path / "herstel")]
    child = subprocess.Popen([sys.executable, "-c", TYPE_AND_WAIT, *args], cwd=ROOT,
                             env=_env(tmp_path), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in child.stdout:             # blocks until the child has autosaved
            lines.append(line.strip())
            if line.strip() == "klaar":
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert lines[:3] == ["kopie 1: True", "stappen: 1", "klaar"], (lines, child.stderr.read())

    out = subprocess.run([sys.executable, "-c", RESTART, *args], cwd=ROOT, env=_env(tmp_path),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.strip().splitlines()[-1])
    assert data["restored"] and data["modified"]
    assert data["title"] == "Gezin Noordhoek eerste tweede"   # all typed text is back
    assert data["path"] == str(case_file.resolve())
    assert case_file.read_bytes() == before                   # the file itself untouched


def test_autosave_follows_typing_that_merges_into_one_undo_step(qtbot, tmp_path):
    ctx = make_context(tmp_path)
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    field = window.gegevens.title_edit
    field.end(False)
    QTest.keyClicks(field, " a")
    assert window.autosaver.autosave()
    index = window.doc.undo_stack.index()
    QTest.keyClicks(field, "b")
    assert window.doc.undo_stack.index() == index            # merged: the index stays
    assert window.autosaver.autosave()                       # … the copy follows anyway
    assert not window.autosaver.autosave()                   # nothing new: no copy
    copy = tmp_path / "herstel" / f"{window.autosaver.token}.yaml"
    assert read_case(copy)[0].info.title == "Gezin Noordhoek ab"
    window.doc.undo_stack.setClean()


# -- restoring over a file that changed meanwhile ---------------------------------------

def _crash_with_a_copy(qtbot, tmp_path, title: str):
    """Open casus.yaml, type, autosave, 'crash'; returns the case file and the window."""
    case_file = tmp_path / "casus.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    ctx = make_context(tmp_path)
    window = make_window(qtbot, ctx, case_file)
    QTest.keyClicks(window.gegevens.title_edit, title)
    assert window.autosaver.autosave()
    window.autosaver.stop()
    return case_file, window


def test_restoring_never_overwrites_a_file_saved_later_by_someone_else(qtbot, tmp_path):
    case_file, crashed = _crash_with_a_copy(qtbot, tmp_path, " (hersteld)")
    theirs = load_case(EXAMPLE_CASE)
    theirs.info.title = "Versie van een collega"
    save_case(theirs, case_file)                    # saved after the copy was made
    their_bytes = case_file.read_bytes()

    ctx = make_context(tmp_path, dead_processes=True)
    ctx.dialogs.yes_no = False                       # not now
    window = make_window(qtbot, ctx)
    assert window.controller.offer_recovery()
    assert window.doc.case.info.title == "Gezin Noordhoek (hersteld)"
    assert "is opgeslagen of vervangen nadat deze herstelkopie werd gemaakt" in \
        ctx.dialogs.asked_yes_no[-1]
    assert not window.controller.save()             # Opslaan: refused, theirs stays
    assert case_file.read_bytes() == their_bytes
    assert "gewijzigd sinds u het opende" in ctx.dialogs.asked_yes_no[-1]

    ctx.dialogs.yes_no = True                        # now: Opslaan als… beside it
    ctx.dialogs.save_path = str(tmp_path / "casus (eigen versie).yaml")
    assert not window.controller.save()
    assert case_file.read_bytes() == their_bytes
    assert load_case(tmp_path / "casus (eigen versie).yaml").info.title == \
        "Gezin Noordhoek (hersteld)"
    assert not window.isWindowModified()
    crashed.doc.undo_stack.setClean()


def test_restoring_over_a_replaced_file_offers_another_name_at_once(qtbot, tmp_path):
    case_file, crashed = _crash_with_a_copy(qtbot, tmp_path, " eigen werk")
    other = tmp_path / "ander.yaml"
    shutil.copy(ROOT / "examples" / "pt-utr-031-jonkers.yaml", other)
    os.replace(other, case_file)                     # another case put in its place
    replaced = case_file.read_bytes()
    ctx = make_context(tmp_path, dead_processes=True)
    ctx.dialogs.yes_no = True
    ctx.dialogs.save_path = str(tmp_path / "hersteld.yaml")
    window = make_window(qtbot, ctx)
    assert window.controller.offer_recovery()
    assert case_file.read_bytes() == replaced
    assert load_case(tmp_path / "hersteld.yaml").info.title == "Gezin Noordhoek eigen werk"
    crashed.doc.undo_stack.setClean()


def test_restoring_an_unchanged_file_saves_over_it_as_before(qtbot, tmp_path):
    case_file, crashed = _crash_with_a_copy(qtbot, tmp_path, " x")
    ctx = make_context(tmp_path, dead_processes=True)
    window = make_window(qtbot, ctx)
    assert window.controller.offer_recovery()
    assert ctx.dialogs.asked_yes_no == []
    assert window.controller.save()
    assert load_case(case_file).info.title == "Gezin Noordhoek x"
    crashed.doc.undo_stack.setClean()


# -- a failing autosave stays visible until it works again -----------------------------

def test_a_failing_autosave_is_shown_until_a_copy_is_written_again(qtbot, tmp_path,
                                                                   monkeypatch):
    ctx = make_context(tmp_path)
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    window.show()
    warning = window.autosave_warning
    QTest.keyClicks(window.gegevens.title_edit, "!")
    from effectencalculator.ui import recovery

    real = recovery.atomic_write_bytes

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(recovery, "atomic_write_bytes", disk_full)
    window.autosaver.timer.fire()
    assert warning.isVisible() and "Herstelkopie mislukt" in warning.text()
    assert "de schijf is vol" in warning.toolTip() or "No space" in warning.toolTip()
    for _ in range(40):                       # later edits, later minutes: still shown
        window.statusBar().showMessage("iets anders", 1)
        QTest.keyClicks(window.gegevens.title_edit, "?")
        window.autosaver.timer.fire()
    assert warning.isVisible()
    monkeypatch.setattr(recovery, "atomic_write_bytes", real)
    window.autosaver.timer.fire()             # the disk has room again
    assert not warning.isVisible()
    window.doc.undo_stack.setClean()
