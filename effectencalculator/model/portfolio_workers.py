"""A large portfolio read, priced, simulated and privacy-checked in worker processes.

Reading a case is CPU-bound Python (YAML, checks, pricing, Monte Carlo), so threads do
not help; processes do, about one core each. Workers are *spawned* (never forked), so
this is safe from the desktop program, whose Qt threads must not be copied into a
child. Every case comes back whole (case, result, interval), so the outputs cannot tell
whether a portfolio was read here or one case after another.
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.portfolio import PortfolioCase, prepare_case

log = logging.getLogger(__name__)

#: cases per task, at least and at most: large enough that sending them back is cheap,
#: small enough for smooth progress, quick cancelling and workers finishing together
MIN_CHUNK, MAX_CHUNK = 8, 64

_table: CostTable | None = None


def _start_worker(table: CostTable) -> None:
    global _table
    _table = table


def _prepare_chunk(paths: list[Path], price_year: int | None,
                   never_export: tuple[str, ...] | None
                   ) -> list[tuple[PortfolioCase, int | None]]:
    """One task in a worker: the table came with the worker's start."""
    assert _table is not None
    return _prepare_paths(paths, _table, price_year, never_export)


def _prepare_paths(paths: list[Path], table: CostTable, price_year: int | None,
                   never_export: tuple[str, ...] | None
                   ) -> list[tuple[PortfolioCase, int | None]]:
    return [prepare_case(path, table, price_year, never_export, simulate=True)
            for path in paths]


def prepare_in_processes(files: list[Path], table: CostTable, price_year: int | None,
                         never_export: tuple[str, ...] | None, workers: int,
                         step: Callable[[float, str], None],
                         cancelled: Callable[[], bool]
                         ) -> tuple[list[PortfolioCase], list[int | None]]:
    """Like reading the files one after another, in ``workers`` processes; if the pool
    breaks (a worker killed, no processes allowed), the rest is read here."""
    results: dict[int, list[tuple[PortfolioCase, int | None]]] = {}
    size = max(MIN_CHUNK, min(MAX_CHUNK, len(files) // (12 * workers)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    step(0.0, f"Lezen en berekenen in {workers} processen")
    try:
        with ProcessPoolExecutor(workers, multiprocessing.get_context("spawn"),
                                 initializer=_start_worker, initargs=(table,)) as pool:
            pending: dict[Future, int] = {
                pool.submit(_prepare_chunk, chunk, price_year, never_export): n
                for n, chunk in enumerate(chunks)}
            while pending:
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                if cancelled():
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise InterruptedError("portfolio geannuleerd")
                for future in done:
                    results[pending.pop(future)] = future.result()
                read = sum(len(chunks[n]) for n in results)
                step(read / len(files), f"Gelezen en berekend: {read} van {len(files)}")
    except (BrokenProcessPool, OSError):
        # read what is missing below, in this process
        log.warning("Werkprocessen voor de portfolio gestopt; verder in dit proces",
                    exc_info=True)
    entries: list[PortfolioCase] = []
    years: list[int | None] = []
    for n, chunk in enumerate(chunks):
        if n not in results:
            if cancelled():
                raise InterruptedError("portfolio geannuleerd")
            results[n] = _prepare_paths(chunk, table, price_year, never_export)
        for entry, year in results[n]:
            entries.append(entry)
            years.append(year)
    return entries, years
