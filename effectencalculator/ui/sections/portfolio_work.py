"""The work behind the Vergelijken window, without widgets (it runs on the thread pool):
read and price the cases with one table and one price year, add each case's interval."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable


@dataclass
class PortfolioOutcome:
    portfolio: Any  # model.portfolio.Portfolio
    #: Monte Carlo interval per case, in the order of ``portfolio.cases`` (None: not priced)
    uncertainty: list = field(default_factory=list)
    elapsed_ms: float = 0.0
    #: ``Portfolio.summary()``: the counted cases' figures, the guardrails and the
    #: spread — computed once, here, off the GUI thread; the summary line and the charts
    #: read it (figures only, so they could as well come from the reopen cache)
    summary: Any = None  # model.portfolio_stats.PortfolioSummary


def never_export_words(ctx) -> list[str]:
    """The user's never-export list, read now (it may change between build and export)."""
    from effectencalculator.model.privacy import load_never_export
    where = getattr(ctx, "never_export_file", None)
    return load_never_export(where() if callable(where) else None)


def compute_portfolio(paths: list[Path], table_file: Path, price_year: int | None,
                      progress: Callable[[float, str], None],
                      is_cancelled: Callable[[], bool],
                      never_export: list[str] | None = None) -> PortfolioOutcome:
    """Read the table, build the portfolio, simulate each priced case and, with a
    never-export list, check its privacy (cancellable)."""
    from effectencalculator.model.case import Case
    from effectencalculator.model.portfolio import build_portfolio
    from effectencalculator.ui.table_loader import table_for

    started = time.perf_counter()
    progress(0.0, "Kostentabel lezen")
    table, _notes = table_for(Case(), Path(table_file))
    portfolio = build_portfolio(paths, table, price_year,
                                progress=lambda f, text: progress(0.05 + 0.65 * f, text),
                                is_cancelled=is_cancelled, never_export=never_export)
    uncertainty = []
    n = max(1, len(portfolio.cases))
    for i, entry in enumerate(portfolio.cases):
        if is_cancelled():
            raise InterruptedError("portfolio geannuleerd")
        progress(0.7 + 0.3 * i / n, f"Bandbreedte: {entry.code}")
        uncertainty.append(entry.uncertainty)  # computed here, off the GUI thread
    summary = portfolio.summary()
    progress(1.0, "Klaar")
    return PortfolioOutcome(portfolio, uncertainty, (time.perf_counter() - started) * 1000,
                            summary)


def error_lines(entry) -> list[str]:
    """The errors of a case that could not be read or priced: 'regel 5: scenarios[0]…:
    fout: …' (the file is named beside it; the report's ``error_text``)."""
    from effectencalculator.report.portfolio_content import error_text
    return [error_text(f) for f in entry.errors] or ["geen vergelijking mogelijk"]
