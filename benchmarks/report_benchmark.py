"""Benchmark (not a timed test): how long building the PDF reports takes.

    python benchmarks/report_benchmark.py [--repeat N] [--keep FOLDER]

Prints the time to build the example report and the 300-line stress report (the case
of ``tests/test_report_stress.py``), each with its Monte Carlo interval (10 000 draws)
and sensitivity, and the portfolio PDF of the example cases; each the best of N runs
after one warm-up run (the warm-up includes loading the fonts), plus the first, cold
run. Targets on a 2-core machine: example ≤ 1 s, stress ≤ 3 s, portfolio of the
examples ≤ 1 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _stress_module():
    spec = importlib.util.spec_from_file_location(
        "report_stress", ROOT / "tests" / "test_report_stress.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _time(build, repeat: int) -> tuple[float, float, bytes]:
    start = time.perf_counter()
    data = build()
    cold = time.perf_counter() - start
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        data = build()
        best = min(best, time.perf_counter() - start)
    return cold, best, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the PDFs into this folder")
    args = parser.parse_args()

    from effectencalculator.model.portfolio import build_portfolio
    from effectencalculator.model.storage import load_case, load_table
    from effectencalculator.model.tables import table_for_case
    from effectencalculator.report.build import build_report_pdf
    from effectencalculator.report.portfolio_pdf import build_portfolio_pdf

    example = load_case(ROOT / "examples" / "pt-ams-014-noordhoek.yaml")
    table, _ = table_for_case(example)
    default = load_table(ROOT / "cost_tables" / "nl-jeugd-gezin.yaml")
    stress = _stress_module().stress_case(default)

    portfolio = build_portfolio([ROOT / "examples"], default)
    builds = [("voorbeeld PT-AMS-014", lambda: build_report_pdf(example, table), 1.0,
               f"{example.info.code}.pdf"),
              ("stress, 300 regels", lambda: build_report_pdf(stress, default), 3.0,
               f"{stress.info.code}.pdf"),
              (f"portfolio, {len(portfolio.cases)} casussen",
               lambda: build_portfolio_pdf(portfolio), 1.0, "portfolio.pdf")]
    rows = []
    for name, build, target, filename in builds:
        cold, best, data = _time(build, args.repeat)
        pages = data.count(b"/Type /Page\n")
        rows.append((name, cold, best, target, len(data), pages))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / filename).write_bytes(data)
    print(f"{'rapport':24} {'eerste':>8} {'beste':>8} {'doel':>6} {'grootte':>10} {'pagina':>7}")
    for name, cold, best, target, size, pages in rows:
        flag = "" if best <= target else "  (boven doel)"
        print(f"{name:24} {cold:7.2f}s {best:7.2f}s {target:5.1f}s {size / 1024:8.0f} kB "
              f"{pages:7}{flag}")


if __name__ == "__main__":
    main()
