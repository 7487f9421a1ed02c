"""GUI benchmark (not a timed test): start-up time and recalculation after one edit.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_benchmark.py [--runs 5]

1. Process start → main window shown with the example case (a fresh Python process each
   run, measured from just before it is spawned), and → the totals shown (after the cost
   table has been read off the GUI thread).
2. In a case with 500 service lines: one edit of a quantity through the table model, then
   the live recalculation and the refresh of every view that shows figures.
Targets (issue 4): ≤ 1,0 s to the window, ≤ 16 ms per recalculation on a 2-core machine.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pt-ams-014-noordhoek.yaml"

CHILD = r"""
import sys, time
from PySide6.QtCore import QSettings, QTimer
from effectencalculator.ui.app import application, open_window
from effectencalculator.ui.services import AppContext
from effectencalculator.ui.settings import UiSettings
app = application()
ctx = AppContext(settings=UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat)),
                 recovery_dir=sys.argv[3])
window = open_window(sys.argv[1], ctx)
app.processEvents()
print("SHOWN", "pandas" in sys.modules, "reportlab" in sys.modules, flush=True)
def wait_for_totals():
    if window.doc.table is None or window.results.live.result is None:
        QTimer.singleShot(5, wait_for_totals)
        return
    print("TOTALS", window.totals_label.text(), flush=True)
    window.doc.undo_stack.setClean()
    window.close()
QTimer.singleShot(0, wait_for_totals)
app.exec()
"""


def startup_once(tmp: Path) -> tuple[float, float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(EXAMPLE), str(tmp / "ui.ini"),
                             str(tmp / "herstel")], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    shown = totals = 0.0
    imports = ""
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SHOWN"):
            shown = time.perf_counter() - started
            imports = line.split(maxsplit=1)[1].strip()
        elif line.startswith("TOTALS"):
            totals = time.perf_counter() - started
    proc.wait(timeout=60)
    return shown, totals, imports


def bench_startup(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = [startup_once(Path(tmp)) for _ in range(runs)]
    shown = [r[0] for r in results]
    totals = [r[1] for r in results]
    pandas, reportlab = results[-1][2].split()
    print(f"Start-up, process start → window shown with the example case ({runs} runs):")
    print(f"  median {statistics.median(shown):.3f} s, min {min(shown):.3f} s, "
          f"max {max(shown):.3f} s   (target ≤ 1,0 s)")
    print(f"  → totals shown (cost table read off the GUI thread): median "
          f"{statistics.median(totals):.3f} s")
    print(f"  pandas imported at start-up: {pandas}; reportlab: {reportlab}")


def bench_recalculation(edits: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from effectencalculator.model.calculation import calculate
    from effectencalculator.model.storage import read_case, save_case
    from effectencalculator.ui.app import application
    from effectencalculator.ui.main_window import MainWindow
    from effectencalculator.ui.services import AppContext, SyncRunner
    from effectencalculator.ui.settings import UiSettings

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        case, _ = read_case(EXAMPLE)
        ref = case.scenarios[1]
        originals = list(ref.lines)
        while sum(len(s.lines) for s in case.scenarios) < 500:
            ref.lines.append(copy.deepcopy(originals[len(ref.lines) % len(originals)]))
        big = Path(tmp) / "500-regels.yaml"
        save_case(case, big)
        ctx = AppContext(settings=UiSettings(QSettings(str(Path(tmp) / "ui.ini"),
                                                       QSettings.Format.IniFormat)),
                         recovery_dir=Path(tmp) / "herstel", runner=SyncRunner())
        window = MainWindow(ctx)
        assert window.controller.open_path(big, ask=False)
        window.resize(1366, 700)
        window.show()
        window.show_section(4)
        window.inzet.tabs.setCurrentIndex(1)
        window.results.recalculate_now()
        app.processEvents()
        page = window.inzet.page("referentie")
        model = page.model
        n_lines = sum(len(s.lines) for s in window.doc.case.scenarios)
        column = model.column_index("quantity")

        calc_only, live_only, whole = [], [], []
        for i in range(edits):
            row = (i * 37) % model.rowCount()
            started = time.perf_counter()
            line = window.doc.case.scenarios[1].lines[row]
            value = (line.rate.quantity if line.rate else line.quantity) + 1
            model.setData(model.index(row, column), value)
            window.results.recalculate_now()   # what the debounce timer fires
            app.processEvents()                # repaint the views that show figures
            whole.append((time.perf_counter() - started) * 1000)
            live_only.append(window.results.elapsed_ms)
            t = time.perf_counter()
            calculate(window.doc.case, window.doc.table)
            calc_only.append((time.perf_counter() - t) * 1000)
        window.doc.undo_stack.setClean()
        window.close()

    def line(label: str, values: list[float]) -> str:
        return (f"  {label}: median {statistics.median(values):.1f} ms, "
                f"max {max(values):.1f} ms")
    print(f"Recalculation after one edit, case with {n_lines} lines ({edits} edits):")
    print(line("calculate() alone                        ", calc_only))
    print(line("live calculation (calculate_live)         ", live_only))
    print(line("edit → undo command → totals → repainted ", whole) + "   (target ≤ 16 ms)")
    print("  (plus a 30 ms debounce after the last keystroke; calculation runs from the "
          "event loop, never in a paint)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (default 5)")
    parser.add_argument("--edits", type=int, default=30, help="edits in the 500-line case")
    args = parser.parse_args()
    bench_startup(args.runs)
    bench_recalculation(args.edits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
