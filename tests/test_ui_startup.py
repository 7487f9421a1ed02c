"""Start-up smoke test in a fresh process: the window opens with a case, fast imports only.

Also: the GUI's sections render, and the example shows its figures and charts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import EXAMPLE_CASE, ROOT
from test_ui_support import make_window

SCRIPT = textwrap.dedent("""\
    import json, sys
    from PySide6.QtCore import QSettings, QTimer
    from effectencalculator.ui.app import application, open_window
    from effectencalculator.ui.services import AppContext
    from effectencalculator.ui.settings import UiSettings
    app = application()
    ctx = AppContext(settings=UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat)),
                     recovery_dir=sys.argv[3])
    window = open_window(sys.argv[1], ctx)
    shown = window.isVisible()
    modules = sorted(m for m in ("pandas", "reportlab", "numpy") if m in sys.modules)
    def done():
        window.results.recalculate_now()
        print(json.dumps({"shown": shown, "title": window.windowTitle(),
                          "modules_at_start": modules,
                          "modules_after_figures": sorted(m for m in ("pandas", "reportlab")
                                                          if m in sys.modules),
                          "net": window.berekening.figure_text("net_result")}))
        window.doc.undo_stack.setClean()
        window.close()
    # the table loads on the thread pool: show the figures once it is there
    if window.doc.table is None:
        window.doc.tableChanged.connect(done)
    else:
        QTimer.singleShot(0, done)
    sys.exit(app.exec())
    """)


def test_ui_starts_in_a_fresh_process_without_pandas(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(EXAMPLE_CASE),
                          str(tmp_path / "ui.ini"), str(tmp_path / "herstel")],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.strip().splitlines()[-1])
    assert data["shown"] and data["title"].startswith("pt-ams-014-noordhoek.yaml")
    assert "pandas" not in data["modules_at_start"]
    assert "reportlab" not in data["modules_at_start"]
    assert data["modules_after_figures"] == []  # the live figures need neither
    assert data["net"].startswith("€ ")


def test_ui_example_charts_are_the_report_drawings(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    window.show()
    window.show_section(5)
    section = window.berekening
    section.draw_charts()
    svg = section.chart_widgets["payer"].svg_bytes
    assert svg.startswith(b"<?xml") and b"Gemeente" in svg and b"clipPath" not in svg
    assert section.chart_widgets["cumulative"].svg_bytes


def test_a_case_path_opens_the_desktop_program(qtbot, ctx, monkeypatch):
    """`effectencalculator CASE.yaml` opens the window on that case. QApplication.exec is
    patched (as MNELAB's start-up test does): the test looks at the window instead of
    waiting in an event loop."""
    from PySide6.QtWidgets import QApplication

    from effectencalculator import cli
    from effectencalculator.ui import app as app_module
    from effectencalculator.ui.main_window import MainWindow

    seen: list[MainWindow] = []
    # Only the window this call opens: another test's window may not be deleted yet.
    # (the widgets themselves, not their ids: a deleted window's id can be reused)
    before = set(QApplication.topLevelWidgets())

    def look_instead_of_exec(*_args) -> int:
        seen.extend(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible() and w not in before)
        for window in seen:
            qtbot.addWidget(window)  # closed when the test ends
        return 7

    monkeypatch.setattr(app_module, "default_context", lambda: ctx)
    monkeypatch.setattr(QApplication, "exec", look_instead_of_exec)
    assert cli.main([str(EXAMPLE_CASE)]) == 7  # the event loop's exit code is returned
    window, = seen
    assert window.doc.path == EXAMPLE_CASE and window.doc.table is not None
    assert window.windowTitle().startswith("pt-ams-014-noordhoek.yaml")
    assert window.doc.undo_stack.isClean()
