"""Every file the window cannot open gives a message in the window, naming the file.

Bestand → Openen on a binary, empty, broken, wrongly shaped, damaged encrypted, too big
file or a folder: a message, and the open case stays. A bad file given at start: the
message, and an empty window (no crash). Warnings found on open are shown in a panel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import EXAMPLE_CASE, ROOT
from PySide6.QtTest import QTest
from test_ui_support import make_context, make_window

from effectencalculator.model.storage import load_case, save_case
from effectencalculator.ui.services import SaveChoice


def _bad_files(tmp_path):
    files = {}
    files["binair.yaml"] = bytes(range(256)) * 8
    files["leeg.yaml"] = b""
    files["kapot.yaml"] = b"case: {code: [open\n  title: :\n"
    files["lijst.yaml"] = b"- 1\n- 2\n"
    files["schema.yaml"] = b"schema_version: 99\ncase: {code: X}\n"
    files["tekst.yaml"] = "alleen één zin".encode()
    files["diep.yaml"] = b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n"
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    big = tmp_path / "groot.yaml"
    with open(big, "wb") as handle:                 # sparse: no 21 MB written
        handle.truncate(21 * 1024 * 1024)
    paths["groot.yaml"] = big
    folder = tmp_path / "map.yaml"
    folder.mkdir()
    paths["map.yaml"] = folder
    encrypted = tmp_path / "geheim.ecase"
    save_case(load_case(EXAMPLE_CASE), encrypted, password="goed wachtwoord")
    raw = bytearray(encrypted.read_bytes())
    raw[len(raw) // 2] ^= 0xFF                     # damaged in the middle
    encrypted.write_bytes(bytes(raw))
    paths["geheim.ecase"] = encrypted
    truncated = tmp_path / "afgebroken.ecase"
    truncated.write_bytes(bytes(raw[:40]))
    paths["afgebroken.ecase"] = truncated
    good = encrypted.read_bytes()
    magic, header, body = good.split(b"\n", 2)
    fields = json.loads(header)
    for name, change in (("scrypt.ecase", {"n": 20000}),          # not a power of two
                         ("versie.ecase", {"version": 7})):
        path = tmp_path / name
        path.write_bytes(b"\n".join([magic, json.dumps({**fields, **change}).encode(), body]))
        paths[name] = path
    nested = tmp_path / "genest.ecase"
    nested.write_bytes(magic + b"\n" + b"[" * 100_000 + b"]" * 100_000 + b"\n" + body)
    paths["genest.ecase"] = nested
    return paths


def test_bestand_openen_on_any_unreadable_file_says_so_and_keeps_the_case(qtbot, tmp_path):
    ctx = make_context(tmp_path)
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    QTest.keyClicks(window.gegevens.title_edit, " (mijn werk)")
    ctx.dialogs.save_choice = SaveChoice.DISCARD     # asked before each open: keep going
    for name, path in _bad_files(tmp_path).items():
        ctx.dialogs.open_path = str(path)
        ctx.dialogs.passwords = ["goed wachtwoord"] * 3
        before = len(ctx.dialogs.errors)
        window.actions_.open.trigger()               # Bestand → Openen
        assert len(ctx.dialogs.errors) == before + 1, name
        title, text, details = ctx.dialogs.errors[-1]
        shown = " ".join([title, text, *details])
        assert name in shown, (name, shown)
        assert "Traceback" not in shown and "Error:" not in shown, shown
        assert window.doc.case.info.code == "PT-AMS-014", name
        assert window.doc.case.info.title == "Gezin Noordhoek (mijn werk)", name
    window.doc.undo_stack.setClean()


START = textwrap.dedent("""\
    import json, sys
    from PySide6.QtCore import QSettings
    from effectencalculator.ui.app import application, open_window
    from effectencalculator.ui.services import AppContext, DialogService, SyncRunner
    from effectencalculator.ui.settings import UiSettings

    class Record(DialogService):
        shown = []
        def show_error(self, parent, title, text, details=()):
            self.shown.append(" ".join([title, text, *details]))
        def ask_password(self, parent, title, text, *, new, error=""):
            return "goed wachtwoord"

    app = application()
    dialogs = Record()
    ctx = AppContext(settings=UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat)),
                     recovery_dir=sys.argv[3], dialogs=dialogs, runner=SyncRunner())
    window = open_window(sys.argv[1], ctx)
    print(json.dumps({"visible": window.isVisible(), "errors": dialogs.shown,
                      "path": str(window.doc.path), "code": window.doc.case.info.code,
                      "scenarios": [s.id for s in window.doc.case.scenarios]}))
    """)


@pytest.mark.parametrize("name", ["binair.yaml", "map.yaml", "scrypt.ecase", "genest.ecase",
                                  "groot.yaml"])
def test_a_bad_file_given_at_start_gives_a_message_and_an_empty_window(tmp_path, name):
    path = _bad_files(tmp_path)[name]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", START, str(path), str(tmp_path / "ui.ini"),
                          str(tmp_path / "herstel")], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr, out.stderr
    data = json.loads(out.stdout.strip().splitlines()[-1])
    assert data["visible"] and data["path"] == "None" and data["code"] == ""
    assert data["scenarios"] == ["interventie", "referentie"]
    assert len(data["errors"]) == 1 and name in data["errors"][0]


def test_warnings_found_on_open_are_shown_in_the_window(qtbot, tmp_path):
    case_file = tmp_path / "met-onbekend.yaml"
    text = EXAMPLE_CASE.read_text(encoding="utf-8")
    case_file.write_text(text + "onbekend_veld: iets\n", encoding="utf-8")
    ctx = make_context(tmp_path)
    window = make_window(qtbot, ctx, case_file)
    window.show()
    panel = window.open_notes
    assert window.controller.load_notes
    assert panel.isVisible()
    assert "met-onbekend.yaml is geopend, met" in panel.heading.text()
    assert "onbekend_veld" in panel.list.text()
    panel.close_button.click()                       # dismissed
    assert not panel.isVisible()
    clean = tmp_path / "schoon.yaml"
    shutil.copy(EXAMPLE_CASE, clean)
    assert window.controller.open_path(clean)
    assert not panel.isVisible()
    assert window.controller.open_path(case_file)
    assert panel.isVisible()


def test_open_removes_the_temporary_copies_an_interrupted_save_left(qtbot, tmp_path):
    case_file = tmp_path / "casus.yaml"
    shutil.copy(EXAMPLE_CASE, case_file)
    left = tmp_path / ".casus.yaml.k3j4h5g6.tmp"
    left.write_text(EXAMPLE_CASE.read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / ".ander.yaml.k3j4h5g6.tmp"    # another file's: not ours to remove
    other.write_text("x", encoding="utf-8")
    ctx = make_context(tmp_path)
    make_window(qtbot, ctx, case_file)
    assert not left.exists() and other.exists()
