"""Benchmark (not a timed test): how long building the PDF reports takes.

    python benchmarks/report_benchmark.py [--repeat N] [--keep FOLDER] [--no-soffice]

In-process, each the best of N runs after one warm-up run (the warm-up includes
loading the fonts; the first, cold run is printed too):

- the example report PT-AMS-014 with its Monte Carlo interval (10 000 draws) and
  sensitivity, as the command line builds it — target ≤ 0,15 s;
- the stress case of ``tests/test_report_stress.py`` (a narrative of 15 000 words, 20
  perspectives) with 300 service lines — target ≤ 0,4 s —, and the same case with 1 000
  and 5 000 lines — target ≤ 6 s —, so that the time per line shows whether the time
  grows linearly with the lines (5 000 lines: best of at most 1 run after the first);
- the portfolio PDF of the example cases — target ≤ 1 s.

Then the command line, ``effectencalculator report`` on the 300-line case (a new
process, start-up and imports included), beside LibreOffice printing the same 300 lines
from a spreadsheet (``soffice --headless --convert-to pdf`` on an XLSX of the report's
line tables, built here with openpyxl, with its own ``-env:UserInstallation``): the
target is at least 2× faster. Skipped without LibreOffice or with ``--no-soffice``.
Targets are for a 2-core machine; figures on a loaded machine are higher (the load
average is printed before and after). The package is byte-compiled first, as an
installed program is, so that the command's start-up does not include compiling it.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


def _stress_module():
    spec = importlib.util.spec_from_file_location(
        "report_stress", ROOT / "tests" / "test_report_stress.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _time(build: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    start = time.perf_counter()
    data = build()
    cold = time.perf_counter() - start
    best = cold if repeat == 0 else float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        data = build()
        best = min(best, time.perf_counter() - start)
    return cold, best, data


def _flag(best: float, target: float | None) -> str:
    if target is None:
        return ""
    return "" if best <= target else "  (boven doel)"


def in_process(repeat: int, keep: Path | None) -> list[tuple[str, int, float]]:
    """Time the in-process builds and print them; returns (name, lines, best)."""
    from effectencalculator.model.portfolio import build_portfolio
    from effectencalculator.model.storage import load_case, load_table
    from effectencalculator.model.tables import table_for_case
    from effectencalculator.report.build import build_report_pdf
    from effectencalculator.report.portfolio_pdf import build_portfolio_pdf

    example = load_case(ROOT / "examples" / "pt-ams-014-noordhoek.yaml")
    table, _ = table_for_case(example)
    default = load_table(ROOT / "cost_tables" / "nl-jeugd-gezin.yaml")
    stress = _stress_module().stress_case
    portfolio = build_portfolio([ROOT / "examples"], default)
    lines_example = sum(len(s.lines) for s in example.scenarios)
    builds: list[tuple[str, int, Callable[[], bytes], float | None, str, int]] = [
        ("voorbeeld PT-AMS-014", lines_example, lambda: build_report_pdf(example, table),
         0.15, f"{example.info.code}.pdf", repeat)]
    for lines, target in ((300, 0.4), (1000, None), (5000, 6.0)):
        case = stress(default, lines=lines)
        builds.append((f"stress, {lines} regels", lines,
                       lambda case=case: build_report_pdf(case, default), target,
                       f"{case.info.code}-{lines}.pdf", repeat if lines < 5000
                       else min(repeat, 1)))
    builds.append((f"portfolio, {len(portfolio.cases)} casussen", 0,
                   lambda: build_portfolio_pdf(portfolio), 1.0, "portfolio.pdf", repeat))
    print(f"{'rapport':24} {'eerste':>8} {'beste':>8} {'doel':>6} {'ms/regel':>9} "
          f"{'grootte':>9} {'pagina':>7}")
    out = []
    for name, lines, build, target, filename, runs in builds:
        cold, best, data = _time(build, runs)
        assert isinstance(data, bytes)
        pages = data.count(b"/Type /Page\n")
        per_line = f"{best / lines * 1000:8.2f}" if lines >= 300 else " " * 8
        goal = f"{target:5.2f}s" if target is not None else "      "
        print(f"{name:24} {cold:7.2f}s {best:7.2f}s {goal} {per_line}  "
              f"{len(data) / 1024:6.0f} kB {pages:7}{_flag(best, target)}", flush=True)
        out.append((name, lines, best))
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / filename).write_bytes(data)
    return out


def _line_workbook(case, table, path: Path) -> int:
    """The report's line tables (every table of 50 rows or more, as printed) in one
    sheet of an XLSX workbook; returns the number of rows written."""
    from openpyxl import Workbook

    from effectencalculator.model.calculation import calculate
    from effectencalculator.report.content import TableBlock, build_content

    content = build_content(case, calculate(case, table), table)
    book = Workbook()
    sheet = book.active
    rows = 0
    for section in content.sections:
        for block in section.blocks:
            if isinstance(block, TableBlock) and len(block.rows) >= 50:
                sheet.append([block.caption or section.title])
                sheet.append([c.title for c in block.columns])
                for row in block.rows:
                    sheet.append(list(row.cells))
                    rows += 1
    book.save(path)
    return rows


def command_line(repeat: int, use_soffice: bool) -> None:
    """Time the CLI on the 300-line case and, where installed, LibreOffice on the same
    lines; print both."""
    from effectencalculator.model.storage import load_table, save_case

    default = load_table(ROOT / "cost_tables" / "nl-jeugd-gezin.yaml")
    case = _stress_module().stress_case(default, lines=300)
    # As an installed program has its bytecode (pip compiles it): the command must not
    # compile the package on every start, even where PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(str(ROOT / "effectencalculator"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="ec-bench-") as folder:
        work = Path(folder)
        case_path = work / "stress-300.yaml"
        save_case(case, case_path, default)
        command = [sys.executable, "-m", "effectencalculator", "report", str(case_path),
                   "-o", str(work / "stress-300.pdf"), "--accept-privacy-findings"]

        def cli() -> None:
            subprocess.run(command, check=True, capture_output=True, cwd=work)

        cold, best, _ = _time(cli, repeat)
        print(f"\n{'opdrachtregel, 300 regels':32} eerste {cold:5.2f}s  beste {best:5.2f}s")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not use_soffice or soffice is None:
            print("LibreOffice: overgeslagen (niet geïnstalleerd of --no-soffice)")
            return
        book = work / "stress-300.xlsx"
        rows = _line_workbook(case, default, book)
        profile = (work / "lo-profile").as_uri()
        out = work / "soffice"

        def convert() -> None:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(out), str(book)],
                           check=True, capture_output=True, timeout=300)

        convert()  # the first start builds the LibreOffice profile: not counted
        lo_cold, lo_best, _ = _time(convert, repeat)
        print(f"{f'soffice, XLSX van {rows} rijen':32} eerste {lo_cold:5.2f}s  "
              f"beste {lo_best:5.2f}s")
        factor = lo_best / best
        print(f"opdrachtregel {factor:.1f}× zo snel als LibreOffice (doel ≥ 2×)"
              + ("" if factor >= 2 else "  (onder doel)"))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the PDFs into this folder")
    parser.add_argument("--no-soffice", action="store_true",
                        help="skip the comparison with LibreOffice")
    args = parser.parse_args()
    print(f"belasting (load average 1/5/15 min): {_load()} op {os.cpu_count()} kernen")
    results = in_process(args.repeat, args.keep)
    stress = {lines: best for _, lines, best in results if lines in (300, 1000, 5000)}
    if len(stress) == 3:
        step = (stress[5000] - stress[300]) / 4700 * 1000
        print(f"elke regel meer (300 → 5 000): {step:.2f} ms; 5 000 regels = "
              f"{stress[5000] / stress[300]:.1f}× de tijd van 300")
    command_line(args.repeat, not args.no_soffice)
    print(f"belasting na afloop: {_load()}")


def _load() -> str:
    return " / ".join(f"{x:.2f}".replace(".", ",") for x in os.getloadavg())


if __name__ == "__main__":
    main()
