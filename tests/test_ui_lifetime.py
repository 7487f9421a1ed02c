"""Nothing runs on a window after it is gone.

A lambda that holds the window, connected to an object that outlives it (the undo stack
is cleared while the window is being destroyed), ran on a deleted window: "Internal C++
object (MainWindow) already deleted" after "Niet opslaan" at quit, and pytest-qt blamed
whichever test came next. Bound methods are dropped by Qt with their object.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import EXAMPLE_CASE, ROOT
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest
from test_ui_support import make_context

from effectencalculator.ui.services import SaveChoice

UI = ROOT / "effectencalculator" / "ui"

QUIT_SCRIPT = textwrap.dedent("""\
    import gc, sys
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from effectencalculator.ui.app import application, run_gui
    from effectencalculator.ui.main_window import MainWindow
    from effectencalculator.ui.services import AppContext, DialogService, SaveChoice
    from effectencalculator.ui.settings import UiSettings

    class Discard(DialogService):
        def ask_save_changes(self, parent, name):
            print("gevraagd:", name, flush=True)
            return SaveChoice.DISCARD           # the user clicks "Niet opslaan"
        def ask_restore(self, parent, description):
            raise AssertionError("no recovery copy expected")

    app = application()
    ctx = AppContext(settings=UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat)),
                     recovery_dir=sys.argv[3], dialogs=Discard())

    def edit_and_quit():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or windows[0].doc.table is None:
            QTimer.singleShot(20, edit_and_quit)
            return
        window = windows[0]
        field = window.gegevens.title_edit
        field.setFocus()
        QTest.keyClicks(field, " en meer")
        assert window.isWindowModified()
        window.actions_.quit.trigger()
    QTimer.singleShot(0, edit_and_quit)
    code = run_gui(sys.argv[1], ctx=ctx)           # the program's own start and shutdown
    gc.collect()
    print("klaar", flush=True)
    sys.exit(code)
    """)


def test_quit_after_niet_opslaan_prints_no_traceback(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    # faulthandler: should Qt crash at shutdown, the Python stack is in the message
    out = subprocess.run([sys.executable, "-X", "faulthandler", "-c", QUIT_SCRIPT,
                          str(EXAMPLE_CASE), str(tmp_path / "ui.ini"), str(tmp_path / "herstel")],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "gevraagd: pt-ams-014-noordhoek.yaml" in out.stdout and "klaar" in out.stdout
    # "Slot 'Autosaver::' not found": a slot looked up on an object being destroyed
    for sign in ("Traceback", "already deleted", "Error", "not found"):
        assert sign not in out.stderr, out.stderr


def test_a_modified_window_can_be_deleted_without_running_its_slots(qtbot, tmp_path):
    from effectencalculator.ui.main_window import MainWindow
    ctx = make_context(tmp_path)
    window = MainWindow(ctx)                      # not given to qtbot: deleted right here
    assert window.controller.open_path(EXAMPLE_CASE, ask=False)
    QTest.keyClicks(window.gegevens.title_edit, "x")
    assert window.doc.is_modified
    ctx.dialogs.save_choice = SaveChoice.DISCARD
    assert window.close()
    with qtbot.capture_exceptions() as raised:
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert raised == []


def _is_closure(value: ast.AST) -> bool:
    return isinstance(value, ast.Lambda) or (
        isinstance(value, ast.Call)
        and getattr(value.func, "attr", getattr(value.func, "id", "")) == "partial")


def _connected_closures(path: Path) -> list[str]:
    """``x.connect(lambda …)``/``partial`` and ``menu.addAction(text, lambda …)``; also a
    name connected that holds a lambda or partial (``commit = lambda …`` then
    ``.connect(commit)``) or a function defined inside another one (a closure)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    held = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
            and _is_closure(node.value) for target in node.targets
            if isinstance(target, ast.Name)}
    nested = {inner.name for outer in ast.walk(tree)
              if isinstance(outer, (ast.FunctionDef, ast.AsyncFunctionDef))
              for inner in ast.walk(outer)
              if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and inner is not outer}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("connect", "addAction", "singleShot")):
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            named = isinstance(arg, ast.Name) and arg.id in held | nested
            if _is_closure(arg) or named:
                found.append(f"{path.parent.name}/{path.name}:{node.lineno}")
    return found


def test_no_lambda_or_partial_is_connected_to_a_signal_in_the_ui():
    found = [hit for path in sorted(UI.rglob("*.py")) for hit in _connected_closures(path)]
    assert found == []


def test_the_check_itself_finds_a_connected_lambda(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("button.clicked.connect(lambda: self.go(1))\n"
                      "menu.addAction('x', lambda: 1)\n"
                      "commit = lambda *_: self.go(2)\n"
                      "widget.textEdited.connect(commit)\n"
                      "def build(view):\n"
                      "    def do_add():\n"
                      "        view.go()\n"
                      "    button.clicked.connect(do_add)\n"
                      "button.clicked.connect(self.go)\n", encoding="utf-8")
    assert len(_connected_closures(sample)) == 4
