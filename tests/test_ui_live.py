"""Live totals while editing: incomplete lines are set aside, never hidden; and the
PySide6 reference-count work-around keeps long sessions alive."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import EXAMPLE_CASE, ROOT

from effectencalculator.model.calculation import calculate
from effectencalculator.model.case import ServiceLine
from effectencalculator.model.live import calculate_live
from effectencalculator.model.storage import read_case
from effectencalculator.model.tables import table_for_case


def test_ui_live_result_equals_the_calculation_for_a_valid_case():
    case, _ = read_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    live = calculate_live(case, table)
    strict = calculate(case, table)
    assert live.errors == [] and live.line_errors == {}
    assert live.result.comparison == strict.comparison
    line = case.scenarios[1].lines[6]
    assert live.line_result(line).cost == strict.scenarios["referentie"].lines[6].cost


def test_ui_live_sets_incomplete_lines_aside_with_their_message():
    case, _ = read_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    case.scenarios[1].lines.insert(2, ServiceLine(item="", quantity=1.0))   # just added
    case.scenarios[1].lines[7].quantity = -3                               # typo (OTS)
    case.scenarios[1].lines[10].item = "ONBEKEND"                          # unpriced
    live = calculate_live(case, table)
    assert set(live.line_errors) == {(1, 2), (1, 7)}
    assert live.line_errors[(1, 7)][0].path == "scenarios[1].lines[7].quantity"
    assert live.line_result(case.scenarios[1].lines[2]) is None
    # the rest is priced exactly as the case without those two lines
    valid = case.copy()
    del valid.scenarios[1].lines[7], valid.scenarios[1].lines[2]
    assert live.result.comparison == calculate(valid, table).comparison
    # warnings point at the line in the full case (not in the filtered view)
    assert any(w.path == "scenarios[1].lines[10].item" for w in live.warnings)
    # a case-level error stops the figures and says why
    case.info.period.start = None
    blocked = calculate_live(case, table)
    assert blocked.result is None and blocked.errors[0].path.startswith("case.period")


def test_ui_many_qt_calls_do_not_crash_the_process():
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call and to True
    per emit, and the process aborts with 'none_dealloc'; pyproject.toml excludes it.
    This guards against an installed PySide6 with that bug."""
    script = textwrap.dedent("""\
        import sys
        from PySide6.QtCore import QCoreApplication, QObject, Signal
        app = QCoreApplication([])
        class D(QObject):
            ping = Signal(str)
        d = D()
        before = sys.getrefcount(None), sys.getrefcount(True)
        for i in range(20000):
            d.setObjectName("x")
            d.ping.emit("x")
        after = sys.getrefcount(None), sys.getrefcount(True)
        leaked = sys.version_info < (3, 12) and (after[0] < before[0] - 1000
                                                 or after[1] < before[1] - 1000)
        print("lekt" if leaked else "ok")
        """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-500:]
