"""Timeline benchmark (not a timed test): 500 service lines and 200 events.

    QT_QPA_PLATFORM=offscreen python benchmarks/timeline_benchmark.py [--runs 30]

Measures, on the Tijdlijn section of a main window:
1. the first build of the scene (layout + every item);
2. one edit — a line moved by a week, pushed as the same undo command a drag pushes —
   until the scene shows it, and how many items were touched (no rebuild: should be 1);
3. a removal in the middle of a list (keys of later lines shift, items are kept);
4. undo of a move; a zoom step (every item moves: the one full update);
5. the live recalculation with the scene's restyle afterwards;
6. painting the visible part of the timeline once.
Target: an edit well under one frame (16 ms).
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402

from effectencalculator.model.storage import read_case  # noqa: E402
from effectencalculator.ui.app import application  # noqa: E402
from effectencalculator.ui.services import AppContext, SyncRunner  # noqa: E402
from effectencalculator.ui.settings import UiSettings  # noqa: E402
from effectencalculator.ui.timeline import edits  # noqa: E402

EXAMPLE = ROOT / "examples" / "pt-ams-014-noordhoek.yaml"


def big_case(lines: int = 500, events: int = 200):
    """The example case, its lines and events repeated (shifted in time) to the sizes."""
    case, _ = read_case(EXAMPLE)
    rng = random.Random(7)
    for scenario in case.scenarios:
        base = list(scenario.lines)
        scenario.lines = []
        share = lines // len(case.scenarios)
        while len(scenario.lines) < share:
            line = copy.deepcopy(rng.choice(base))
            shift = timedelta(days=rng.randrange(-60, 200))
            for attr in ("date", "start", "end"):
                if getattr(line, attr) is not None:
                    setattr(line, attr, getattr(line, attr) + shift)
            scenario.lines.append(line)
    base_events = list(case.narrative.events)
    case.narrative.events = []
    while len(case.narrative.events) < events:
        event = copy.deepcopy(rng.choice(base_events))
        event.date += timedelta(days=rng.randrange(-30, 400))
        case.narrative.events.append(event)
    return case


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def summary(name: str, values: list[float], extra: str = "") -> None:
    print(f"  {name:<44} median {ms(statistics.median(values)):>9}, "
          f"max {ms(max(values)):>9}{extra}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    app = application()
    from effectencalculator.ui.main_window import MainWindow
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(settings=UiSettings(settings), recovery_dir=Path(tmp) / "herstel",
                         runner=SyncRunner())
        window = MainWindow(ctx)
        assert window.controller.open_path(EXAMPLE, ask=False)
        case = big_case()
        window.doc.reset(case, None)
        window.results.recalculate_now()
        window.resize(1366, 768)
        window.show()
        section = window.tijdlijn
        scene, view, doc = section.scene, section.view, window.doc
        n_lines = sum(len(s.lines) for s in doc.case.scenarios)
        n_events = len(doc.case.narrative.events)
        print(f"Timeline with {n_lines} service lines and {n_events} events "
              f"({args.runs} runs per figure)")

        builds = []
        for _ in range(max(3, args.runs // 10)):
            scene.set_live(False)
            scene.rebuild()
            started = time.perf_counter()
            scene.set_live(True)
            builds.append(time.perf_counter() - started)
        window.show_section(window.sections.index(section))
        app.processEvents()
        summary("first build (layout + all items)", builds,
                f"  [{len(scene.items_by_key)} items, {len(scene.rows)} rows]")

        rng = random.Random(11)
        moves, touched, undos = [], [], []
        for _ in range(args.runs):
            s_index = rng.randrange(len(doc.case.scenarios))
            source = ("line", s_index, rng.randrange(len(doc.case.scenarios[s_index].lines)))
            started = time.perf_counter()
            edits.move(doc, source, 7)
            moves.append(time.perf_counter() - started)
            touched.append(scene.touched_last_sync)
            started = time.perf_counter()
            doc.undo_stack.undo()
            undos.append(time.perf_counter() - started)
        summary("move one line (command + scene update)", moves,
                f"  [items touched: median {statistics.median(touched):.0f}, "
                f"max {max(touched)}]")
        summary("undo of that move", undos)

        syncs = []
        for _ in range(args.runs):
            started = time.perf_counter()
            scene.sync()
            syncs.append(time.perf_counter() - started)
        summary("  of which the scene's own sync (layout+diff)", syncs)
        scene.set_live(False)
        hidden = []
        for i in range(args.runs):
            started = time.perf_counter()
            edits.move(doc, ("line", 0, i), 7)
            hidden.append(time.perf_counter() - started)
            doc.undo_stack.undo()
        scene.set_live(True)
        summary("  same move with the timeline hidden", hidden)

        removals = []
        for _ in range(args.runs):
            source = ("line", 0, len(doc.case.scenarios[0].lines) // 2)
            started = time.perf_counter()
            edits.remove(doc, [source])
            removals.append(time.perf_counter() - started)
            doc.undo_stack.undo()
        summary("remove a line in the middle", removals,
                f"  [items touched: {scene.touched_last_sync}]")

        zooms = []
        for i in range(args.runs):
            started = time.perf_counter()
            view.zoom(1.25 if i % 2 == 0 else 0.8)
            zooms.append(time.perf_counter() - started)
        summary("zoom step (every item moves)", zooms)

        recalcs = []
        for _ in range(max(5, args.runs // 3)):
            edits.move(doc, ("line", 1, 3), 7)
            started = time.perf_counter()
            window.results.recalculate_now()
            recalcs.append(time.perf_counter() - started)
            doc.undo_stack.undo()
        summary("live recalculation + restyle of the scene", recalcs)

        paints = []
        for _ in range(max(5, args.runs // 3)):
            started = time.perf_counter()
            view.viewport().grab()
            paints.append(time.perf_counter() - started)
        summary(f"paint the visible timeline ({view.viewport().width()}×"
                f"{view.viewport().height()})", paints)
        doc.undo_stack.setClean()
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
