"""Encrypted cases in the window (save as .ecase, open with a password, encrypted recovery
copies, never a plaintext byte on disk) and never losing work (crash, full disk, no write
permission, a file changed by someone else)."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_CASE
from PySide6.QtWidgets import QDialog
from test_ui_support import make_context, make_window

from effectencalculator.model.crypto import MAGIC, is_encrypted
from effectencalculator.model.storage import read_case
from effectencalculator.ui.password import MIN_LENGTH, PasswordDialog, check_new_password
from effectencalculator.ui.services import RestoreChoice, SaveChoice

PASSWORD = "paard-batterij-niet-raden"
MARKER = "GEHEIM-MARKER-7391"


def _edit(window, text: str) -> None:
    window.gegevens.title_edit.setText(text)
    window.gegevens.title_edit.textEdited.emit(text)


def _files_containing(folder: Path, marker: str) -> list[Path]:
    """Every file below ``folder`` whose bytes contain ``marker`` (plain or UTF-16)."""
    needles = (marker.encode("utf-8"), marker.encode("utf-16-le"))
    return [p for p in folder.rglob("*") if p.is_file()
            and any(n in p.read_bytes() for n in needles)]


def _encrypted_window(qtbot, ctx, tmp_path, title: str = MARKER):
    """The example case, edited, then saved as an encrypted file."""
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    _edit(window, title)
    ctx.dialogs.save_path = str(tmp_path / "geheim.ecase")
    ctx.dialogs.passwords = [PASSWORD]
    assert window.controller.save_as(), ctx.dialogs.errors
    return window, tmp_path / "geheim.ecase"


def test_ui_encrypted_save_and_open_round_trip(qtbot, ctx, tmp_path):
    window, path = _encrypted_window(qtbot, ctx, tmp_path)
    text, new, _ = ctx.dialogs.asked_password[-1]
    assert new and "geheim.ecase" in text                 # a new password, asked twice
    raw = path.read_bytes()
    assert raw.startswith(MAGIC) and MARKER.encode() not in raw
    assert window.doc.encrypted and window.doc.path == path.resolve()
    assert not window.isWindowModified()

    # a later save uses the remembered password (not asked again) and stays encrypted
    _edit(window, MARKER + " tweede")
    assert window.controller.save()
    assert len(ctx.dialogs.asked_password) == 1
    assert is_encrypted(path.read_bytes()) and is_encrypted(
        (tmp_path / "geheim.ecase.bak").read_bytes())
    assert read_case(path, PASSWORD)[0].info.title == MARKER + " tweede"

    # open it in another window: the password is asked, the case is the same
    other_ctx = make_context(tmp_path / "ander")
    other_ctx.dialogs.passwords = [PASSWORD]
    other = make_window(qtbot, other_ctx)
    assert other.controller.open_path(path, ask=False)
    assert other.doc.case.info.title == MARKER + " tweede"
    assert other.doc.password == PASSWORD and not other.isWindowModified()
    assert other_ctx.dialogs.asked_password[0][1] is False   # open: asked once
    # the open dialog's filter offers .ecase; dropping one works too
    from effectencalculator.ui.controller import CASE_SUFFIXES
    from effectencalculator.ui.services import CASE_FILTER, SAVE_CASE_FILTER
    assert ".ecase" in CASE_SUFFIXES and "*.ecase" in CASE_FILTER and "*.ecase" in \
        SAVE_CASE_FILTER


def test_ui_wrong_password_or_tampered_file_keeps_the_current_case(qtbot, ctx, tmp_path):
    _, path = _encrypted_window(qtbot, make_context(tmp_path / "eerst"), tmp_path)
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    _edit(window, "Mijn werk")
    before = window.doc.case.copy()
    dialogs = ctx.dialogs

    dialogs.passwords = ["fout-een", "fout-twee", "fout-drie"]
    assert not window.controller.open_path(path, ask=False)
    assert len(dialogs.asked_password) == 3
    assert dialogs.asked_password[0][2] == ""                  # first time: no error yet
    assert "onjuist" in dialogs.asked_password[1][2]           # then the reason
    title, text, details = dialogs.errors[-1]
    assert title == "Casus niet geopend" and "huidige casus blijft open" in text
    assert any("wachtwoord is onjuist" in d and "gewijzigd of beschadigd" in d
               for d in details)
    assert window.doc.case == before and window.isWindowModified()
    assert window.doc.path == EXAMPLE_CASE.resolve() and window.doc.password is None

    # a wrong password first, then the right one: opened
    dialogs.passwords = ["fout", PASSWORD]
    dialogs.save_choice = SaveChoice.DISCARD
    assert window.controller.open_path(path)
    assert window.doc.case.info.title == MARKER
    window.controller.new_case()

    # cancel: nothing happens, no error
    errors = len(dialogs.errors)
    dialogs.passwords = [None]
    assert not window.controller.open_path(path, ask=False)
    assert len(dialogs.errors) == errors

    # a tampered file: the same clear message, the file is not touched
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0x01
    path.write_bytes(bytes(raw))
    dialogs.passwords = [PASSWORD] * 3
    assert not window.controller.open_path(path, ask=False)
    assert any("gewijzigd of beschadigd" in d for d in dialogs.errors[-1][2])
    assert path.read_bytes() == bytes(raw)


def test_ui_no_plaintext_on_disk_and_encrypted_recovery_copy(qtbot, tmp_path):
    ctx = make_context(tmp_path / "programma")
    window, path = _encrypted_window(qtbot, ctx, tmp_path)
    assert _files_containing(tmp_path, MARKER) == []

    _edit(window, MARKER + " na de crash")
    window.autosaver.timer.fire()                            # the autosave timer fires
    recovery = tmp_path / "programma" / "herstel"
    copies = [p.name for p in recovery.iterdir()]
    assert any(name.endswith(".ecase") for name in copies)
    assert not any(name.endswith(".yaml") for name in copies)
    copy = next(recovery.glob("*.ecase"))
    assert is_encrypted(copy.read_bytes())
    assert read_case(copy, PASSWORD)[0].info.title == MARKER + " na de crash"
    meta = next(recovery.glob("*.json")).read_text(encoding="utf-8")
    assert "PT-AMS-014" not in meta                          # not even the case code
    # no plaintext anywhere: case file, backup, recovery folder, settings, temp files
    assert _files_containing(tmp_path, MARKER) == []
    assert _files_containing(tmp_path, "Noordhoek") == []

    # crash: the window goes without closing; the next start offers the copy
    window.autosaver.stop()
    next_ctx = make_context(tmp_path / "programma", dead_processes=True)
    next_ctx.dialogs.restore_choice = RestoreChoice.RESTORE
    next_ctx.dialogs.passwords = [None]                       # asked, cancelled: copy stays
    later = make_window(qtbot, next_ctx)
    assert not later.controller.offer_recovery()
    assert "versleuteld" in next_ctx.dialogs.asked_restore[0]
    assert "geheim.ecase" in next_ctx.dialogs.asked_restore[0]
    assert list(recovery.glob("*.ecase"))

    next_ctx.dialogs.passwords = ["fout", PASSWORD]           # restore asks the password
    assert later.controller.offer_recovery()
    assert later.doc.case.info.title == MARKER + " na de crash"
    assert later.doc.password == PASSWORD and later.isWindowModified()
    assert later.doc.path == path.resolve()
    # the restored state is protected again at once — encrypted
    assert [p.name for p in recovery.glob("*.ecase")] == [f"{later.autosaver.token}.ecase"]
    assert _files_containing(tmp_path, MARKER) == []
    # saving needs no new password and removes the copy
    asked = len(next_ctx.dialogs.asked_password)
    assert later.controller.save()
    assert len(next_ctx.dialogs.asked_password) == asked
    assert not list(recovery.iterdir())
    assert read_case(path, PASSWORD)[0].info.title == MARKER + " na de crash"
    assert _files_containing(tmp_path, MARKER) == []
    window.doc.undo_stack.setClean()


def test_ui_save_as_plain_from_an_encrypted_case_asks_first(qtbot, ctx, tmp_path):
    window, _path = _encrypted_window(qtbot, ctx, tmp_path)
    _edit(window, "Verder")
    ctx.dialogs.save_path = str(tmp_path / "leesbaar.yaml")
    ctx.dialogs.yes_no = False
    assert not window.controller.save_as()
    assert "onversleuteld" in ctx.dialogs.asked_yes_no[-1]
    assert not (tmp_path / "leesbaar.yaml").exists() and window.doc.encrypted
    ctx.dialogs.yes_no = True
    assert window.controller.save_as()
    assert not is_encrypted((tmp_path / "leesbaar.yaml").read_bytes())
    assert window.doc.password is None and not window.doc.encrypted
    # cancelling the password dialog saves nothing
    ctx.dialogs.save_path = str(tmp_path / "nog-een.ecase")
    ctx.dialogs.passwords = [None]
    _edit(window, "Nog verder")
    assert not window.controller.save_as()
    assert not (tmp_path / "nog-een.ecase").exists()
    window.doc.undo_stack.setClean()


def test_ui_password_dialog(qtbot):
    assert check_new_password("", "") == "Vul een wachtwoord in."
    assert "te kort" in check_new_password("kort", "kort")
    assert "niet gelijk" in check_new_password("a" * MIN_LENGTH, "b" * MIN_LENGTH)
    assert check_new_password("a" * MIN_LENGTH, "a" * MIN_LENGTH) == ""

    dialog = PasswordDialog(None, "Versleuteld opslaan", "Kies een wachtwoord.", new=True)
    qtbot.addWidget(dialog)
    dialog.first.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.isVisibleTo(dialog) and "niet gelijk" in dialog.error_label.text()
    dialog.repeat.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.password() == PASSWORD
    assert dialog.first.echoMode() == dialog.first.EchoMode.Password
    dialog.show_box.setChecked(True)
    assert dialog.first.echoMode() == dialog.first.EchoMode.Normal

    opening = PasswordDialog(None, "Wachtwoord nodig", "x.ecase is versleuteld.", new=False,
                             error="Het wachtwoord is onjuist. Probeer het opnieuw.")
    qtbot.addWidget(opening)
    assert opening.repeat.isHidden() and opening.error_label.isVisibleTo(opening)
    opening.first.setText("x")
    opening.accept()
    assert opening.result() == QDialog.DialogCode.Accepted


# ------------------------------------------------------------------- never lose work

def test_ui_crash_then_restore_gives_the_newest_autosaved_edits(qtbot, tmp_path):
    ctx = make_context(tmp_path)
    case_file = tmp_path / "casus.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    original = case_file.read_bytes()
    window = make_window(qtbot, ctx, case_file)
    timer = window.autosaver.timer
    _edit(window, "Eerste wijziging")
    timer.fire()
    _edit(window, "Tweede wijziging")
    window.perspectieven.view.setCurrentIndex(window.perspectieven.model.index(0, 0))
    window.perspectieven.text.setPlainText("Nieuw verhaal van moeder")
    timer.fire()                                       # the newest edits are in the copy
    # crash: no close, no save, no discard — the window is simply dropped
    window.autosaver.stop()
    window.hide()

    next_ctx = make_context(tmp_path, dead_processes=True)
    next_ctx.dialogs.restore_choice = RestoreChoice.RESTORE
    later = make_window(qtbot, next_ctx)
    assert later.controller.offer_recovery()
    assert "casus.yaml" in next_ctx.dialogs.asked_restore[0]
    case = later.doc.case
    assert case.info.title == "Tweede wijziging"
    assert case.perspectives[0].text == "Nieuw verhaal van moeder"
    assert later.isWindowModified() and later.doc.path == case_file.resolve()
    assert case_file.read_bytes() == original           # the file itself was never touched
    assert later.controller.save()
    assert read_case(case_file)[0].info.title == "Tweede wijziging"
    window.doc.undo_stack.setClean()


@pytest.mark.parametrize("failure, reason", [
    (PermissionError(errno.EACCES, "Permission denied"), "geen schrijfrechten"),
    (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
])
def test_ui_save_failure_keeps_the_case_and_the_old_file(qtbot, ctx, tmp_path, monkeypatch,
                                                         failure, reason):
    folder = tmp_path / "map"
    folder.mkdir()
    case_file = folder / "casus.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    original = case_file.read_bytes()
    window = make_window(qtbot, ctx, case_file)
    _edit(window, "Niet verliezen")

    def fail(*_args, **_kwargs):
        raise failure
    # a read-only folder fails at the temporary file, a full disk at writing it out
    target = "tempfile.mkstemp" if isinstance(failure, PermissionError) else "os.fsync"
    monkeypatch.setattr(target, fail)
    assert not window.controller.save()
    monkeypatch.undo()
    title, text, _ = ctx.dialogs.errors[-1]
    assert title == "Opslaan mislukt" and reason in text
    assert "blijft open met al uw wijzigingen" in text and "Opslaan als" in text
    assert case_file.read_bytes() == original                   # the old file is whole
    assert sorted(p.name for p in folder.iterdir()) == ["casus.yaml"]  # no temp left
    assert window.doc.case.info.title == "Niet verliezen" and window.isWindowModified()
    # elsewhere it works
    ctx.dialogs.save_path = str(tmp_path / "elders.yaml")
    assert window.controller.save_as()
    assert read_case(tmp_path / "elders.yaml")[0].info.title == "Niet verliezen"


def test_ui_file_changed_by_someone_else_offers_save_as_and_keeps_both(qtbot, ctx,
                                                                        tmp_path):
    case_file = tmp_path / "gedeeld.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    window = make_window(qtbot, ctx, case_file)
    _edit(window, "Mijn versie")
    theirs = case_file.read_text(encoding="utf-8").replace("Gezin Noordhoek", "Hun versie")
    case_file.write_text(theirs, encoding="utf-8")
    suggested = []
    original_save_file = ctx.dialogs.save_file

    def save_file(parent, title, proposal, filters=""):
        suggested.append(Path(proposal).name)
        return original_save_file(parent, title, proposal, filters)
    ctx.dialogs.save_file = save_file
    ctx.dialogs.yes_no = True
    ctx.dialogs.save_path = str(tmp_path / "gedeeld (mijn versie).yaml")
    assert not window.controller.save()                 # refused, Save As offered: yes
    assert "gewijzigd" in ctx.dialogs.asked_yes_no[-1]
    assert suggested and suggested[0] != "gedeeld.yaml" and suggested[0].endswith(".yaml")
    assert case_file.read_text(encoding="utf-8") == theirs          # theirs is kept
    mine = tmp_path / "gedeeld (mijn versie).yaml"
    assert read_case(mine)[0].info.title == "Mijn versie"           # and so is ours
    assert window.doc.path == mine.resolve() and not window.isWindowModified()


def test_ui_encrypted_case_changed_by_someone_else_is_not_overwritten(qtbot, ctx, tmp_path):
    window, path = _encrypted_window(qtbot, ctx, tmp_path)
    _edit(window, "Mijn versie")
    other = make_context(tmp_path / "collega")
    other.dialogs.passwords = [PASSWORD]
    colleague = make_window(qtbot, other)
    assert colleague.controller.open_path(path, ask=False)
    _edit(colleague, "Hun versie")
    assert colleague.controller.save()
    theirs = path.read_bytes()
    ctx.dialogs.yes_no = False
    assert not window.controller.save()
    assert path.read_bytes() == theirs and window.isWindowModified()
    window.doc.undo_stack.setClean()


@pytest.mark.parametrize("change, words", [
    ((b'"n": 32768', b'"n": 3'), "beschadigd"),
    ((b'"version": 1', b'"version": 2'), "onbekende versie"),
])
def test_ui_damaged_encrypted_file_is_reported_without_asking_a_password(
        qtbot, ctx, tmp_path, change, words):
    """A bad scrypt parameter or another format version: no password can open it, so
    the window says why at once instead of asking three times."""
    _, path = _encrypted_window(qtbot, make_context(tmp_path / "eerst"), tmp_path)
    path.write_bytes(path.read_bytes().replace(*change))
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    ctx.dialogs.passwords = [PASSWORD] * 3
    assert not window.controller.open_path(path, ask=False)
    assert ctx.dialogs.asked_password == []
    title, _, details = ctx.dialogs.errors[-1]
    assert title == "Casus niet geopend" and any(words in d for d in details), details
