"""Monte Carlo on a 500-line case, and a portfolio of 1 000 generated cases to XLSX.

Usage: python benchmarks/portfolio_benchmark.py [CASES] [--reopen-only]
Targets on a 2-core machine: 10 000 draws ≤ 0.5 s; 1 000 cases → XLSX ≤ 5 s;
1 000 unchanged cases from the reopen cache to the window's table (Vergelijken,
offscreen) and to ``portfolio --json`` ≤ 1 s (cold, without a cache: a goal of ≤ 5 s).
"""

from __future__ import annotations

import copy
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from effectencalculator.export.rows import portfolio_sheets
from effectencalculator.export.spreadsheet import write_xlsx
from effectencalculator.model.calculation import calculate
from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.storage import load_case, save_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.model.uncertainty import simulate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def bench_monte_carlo() -> None:
    case = load_case(EXAMPLES[0])
    table, _ = table_for_case(case)
    reference = case.scenario("referentie")
    originals = list(reference.lines)
    while sum(len(s.lines) for s in case.scenarios) < 500:
        reference.lines.append(copy.deepcopy(originals[len(reference.lines) % len(originals)]))
    result = calculate(case, table)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        simulate(result, draws=10_000)
        times.append(time.perf_counter() - start)
    print(f"Monte Carlo, 10 000 draws, 500 lines: best {min(times):.3f} s, "
          f"first {times[0]:.3f} s (target ≤ 0,5 s)")


def generate_cases(folder: Path, count: int) -> None:
    """Variations of the three examples: other codes, quantities and probabilities."""
    rng = random.Random(1000)
    bases = [load_case(path) for path in EXAMPLES]
    for n in range(count):
        case = copy.deepcopy(bases[n % len(bases)])
        case.info.code = f"GEN-{n:04d}"
        for scenario in case.scenarios:
            for line in scenario.lines:
                if line.quantity is not None:
                    line.quantity = round(line.quantity * rng.uniform(0.5, 1.5), 2)
                if line.probability < 1:
                    line.probability = round(min(1.0, line.probability * rng.uniform(0.7, 1.3)),
                                             2)
        save_case(case, folder / f"gen-{n:04d}.yaml")


def bench_portfolio(count: int) -> None:
    """The steps of ``effectencalculator portfolio FOLDER -o OUT.xlsx``, timed apart, then
    the command itself as a user runs it (its privacy check of every case included)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cases"
        folder.mkdir()
        generate_cases(folder, count)
        table, _ = table_for_case(load_case(EXAMPLES[0]))
        start = time.perf_counter()
        portfolio = build_portfolio([folder], table, never_export=[])
        built = time.perf_counter() - start
        sheets = portfolio_sheets(portfolio)
        rows = time.perf_counter() - start - built
        write_xlsx(sheets, Path(tmp) / "portfolio.xlsx")
        total = time.perf_counter() - start
        print(f"Portfolio of {count} cases → XLSX: {total:.2f} s (target ≤ 5 s): read, "
              f"priced, simulated and privacy-checked {built:.2f} s ({os.cpu_count()} "
              f"cores), rows {rows:.2f} s, XLSX {total - built - rows:.2f} s; "
              f"{len(portfolio.priced)} priced, {sum(len(s.rows) for s in sheets)} rows")
        command = [sys.executable, "-m", "effectencalculator", "portfolio", str(folder),
                   "-o", str(Path(tmp) / "cli.xlsx"), "--accept-privacy-findings"]
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        print(f"The command itself (process start included): "
              f"{time.perf_counter() - start:.2f} s")


def bench_reopen(count: int) -> None:
    """The figures of ``count`` cases: cold (read, price, simulate, keep), then warm
    (every file unchanged: hashed and taken from the cache), in one process and as the
    ``portfolio --json`` command with its own process start."""
    from effectencalculator.model.portfolio_cache import FigureCache, portfolio_figures
    from effectencalculator.model.portfolio_stats import portfolio_dict, summarize

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cases"
        folder.mkdir()
        generate_cases(folder, count)
        table, _ = table_for_case(load_case(EXAMPLES[0]))
        cache_file = Path(tmp) / "cache" / "cijfers.sqlite3"
        start = time.perf_counter()
        cold = portfolio_figures([folder], table, cache=FigureCache(cache_file))
        cold_time = time.perf_counter() - start
        start = time.perf_counter()
        warm = portfolio_figures([folder], table, cache=FigureCache(cache_file))
        fetched = time.perf_counter() - start
        portfolio_dict(summarize(warm.figures))
        warm_time = time.perf_counter() - start
        assert warm.from_cache == count and warm.figures == cold.figures
        print(f"Reopen of {count} cases: cold {cold_time:.2f} s (read, priced, simulated, "
              f"kept); warm {warm_time:.2f} s (hash + cache {fetched:.2f} s, summary "
              f"{warm_time - fetched:.2f} s) (target ≤ 1 s)")
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "xdg"))
        command = [sys.executable, "-m", "effectencalculator", "portfolio", str(folder),
                   "--json"]
        for label in ("cold", "warm"):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=env)
            print(f"portfolio --json, {label} (process start included): "
                  f"{time.perf_counter() - start:.2f} s")


def bench_window_reopen(count: int) -> None:
    """The Vergelijken window on ``count`` cases, offscreen, with the real thread pool:
    cold, then Opnieuw berekenen with every file unchanged — from the click to the table
    and totals on screen, and to the charts (drawn by a job of their own after that)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from effectencalculator.ui.app import application
    from effectencalculator.ui.sections.vergelijken import VergelijkenWindow
    from effectencalculator.ui.services import AppContext
    from effectencalculator.ui.settings import UiSettings

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cases"
        folder.mkdir()
        generate_cases(folder, count)
        settings = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(settings=UiSettings(settings), recovery_dir=Path(tmp) / "herstel",
                         never_export_path=Path(tmp) / "lijst.txt",
                         portfolio_cache_path=Path(tmp) / "cache" / "cijfers.sqlite3")
        window = VergelijkenWindow(ctx)
        window.show()
        shown: list[float] = []
        window.built.connect(lambda outcome: shown.append(time.perf_counter()))
        for run in range(3):  # cold, then unchanged twice
            start = time.perf_counter()
            if run == 0:
                window.open_paths([folder])
            else:
                window.rebuild_button.click()
            while len(shown) <= run or window.chart_area.note.text().endswith("getekend…"):
                app.processEvents()
                time.sleep(0.002)
            table, charts = shown[run] - start, time.perf_counter() - start
            outcome = window.outcome
            assert outcome is not None and window.cases_model.rowCount() == count
            label = "cold" if run == 0 else f"unchanged ({outcome.from_cache} from the cache)"
            print(f"Window Vergelijken, {count} cases, {label}: table {table:.2f} s "
                  f"(figures {outcome.elapsed_ms / 1000:.2f} s), charts {charts:.2f} s "
                  f"(target for the table ≤ 1 s)")
        window.close()
        ctx.runner.wait_for_done()


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 1000
    if "--reopen-only" not in sys.argv:
        bench_monte_carlo()
        bench_portfolio(count)
    bench_reopen(count)
    bench_window_reopen(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
