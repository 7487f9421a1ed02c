"""The work behind the Vergelijken window, without widgets (it runs on the thread pool):
each case's figures with one table and one price year — from the reopen cache where the
file, the table and the program are unchanged, read, priced and simulated otherwise.

The window shows figures (``CaseFigures``), so a reopened folder of 1 000 unchanged cases
is on screen in well under a second. The whole portfolio (cases, results, privacy
checks), which the exports need, is kept when every file was read now and is read in
full when an export asks for it (``read_whole_portfolio``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from effectencalculator.model.cost_table import CostTable
    from effectencalculator.model.portfolio import Portfolio
    from effectencalculator.model.portfolio_cache import CachedPortfolio, FileFigures
    from effectencalculator.model.portfolio_figures import CaseFigures
    from effectencalculator.model.portfolio_stats import KeyStats, PortfolioSummary

Progress = Callable[[float, str], None]
IsCancelled = Callable[[], bool]


@dataclass
class PortfolioRow:
    """One file as the window lists it."""

    path: Path
    code: str
    title: str
    #: None when the file could not be read or priced
    figures: CaseFigures | None = None
    #: the file's entry (``PortfolioCase``) when it could not be read or priced
    failed: Any = None
    #: the file that counts for this case when another file has the same case code
    duplicate_of: Path | None = None

    @property
    def ok(self) -> bool:
        return self.figures is not None

    @property
    def repriced(self) -> list[str]:
        return self.figures.repriced if self.figures is not None else []


@dataclass
class PortfolioOutcome:
    table: CostTable
    price_year: int
    #: every file, in the order given
    rows: list[PortfolioRow]
    #: ``summarize`` of the figures: the counted cases, the guardrails and the spread —
    #: computed once, here, off the GUI thread; the summary line and the charts read it
    summary: PortfolioSummary
    #: the whole portfolio when every file was read now; None when figures came from
    #: the reopen cache (an export then reads the cases in full)
    portfolio: Portfolio | None = None
    from_cache: int = 0
    computed: int = 0
    #: what the reopen cache had to say (a corrupt file rebuilt), for the status bar
    notices: list[str] = field(default_factory=list)
    elapsed_ms: float = 0.0

    @property
    def counted(self) -> list[CaseFigures]:
        """The priced cases, each case code once."""
        return self.summary.cases

    @property
    def duplicates(self) -> list[PortfolioRow]:
        return [r for r in self.rows if r.duplicate_of is not None]

    @property
    def failed(self) -> list[PortfolioRow]:
        return [r for r in self.rows if not r.ok]

    @property
    def repriced(self) -> list[PortfolioRow]:
        return [r for r in self.rows if r.repriced]

    def stats(self, figure: str) -> KeyStats | None:
        """Total, mean and median per counted case (as ``Portfolio.stats``)."""
        from effectencalculator.model.portfolio_stats import key_stats
        return key_stats([getattr(f, figure) for f in self.counted])

    def by_payer(self) -> dict[str, float]:
        from effectencalculator.model.portfolio_stats import summed
        return summed(f.by_payer for f in self.counted)

    def by_category(self) -> dict[str, float]:
        from effectencalculator.model.portfolio_stats import summed
        return summed(f.by_category for f in self.counted)


def never_export_words(ctx) -> list[str]:
    """The user's never-export list, read now (it may change between build and export)."""
    from effectencalculator.model.privacy import load_never_export
    where = getattr(ctx, "never_export_file", None)
    return load_never_export(where() if callable(where) else None)


def compute_portfolio(paths: list[Path], table_file: Path, price_year: int | None,
                      progress: Progress, is_cancelled: IsCancelled,
                      never_export: list[str] | None = None,
                      cache_path: Path | None = None) -> PortfolioOutcome:
    """Read the table and every case's figures (unchanged files from the reopen cache at
    ``cache_path``, default the per-user one); the files read now are privacy-checked
    with ``never_export`` while reading (cancellable)."""
    from effectencalculator.model.case import Case
    from effectencalculator.model.portfolio_cache import FigureCache, portfolio_figures
    from effectencalculator.ui.table_loader import table_for

    started = time.perf_counter()
    progress(0.0, "Kostentabel lezen")
    table, _notes = table_for(Case(), Path(table_file))
    notices: list[str] = []
    cache = FigureCache(cache_path, notices.append)
    try:
        found = portfolio_figures(paths, table, price_year, cache,
                                  progress=lambda f, text: progress(0.02 + 0.95 * f, text),
                                  is_cancelled=is_cancelled, never_export=never_export)
    finally:
        cache.close()
    progress(0.97, "Samenvatten")
    outcome = outcome_of(found, table)
    outcome.notices = notices
    outcome.elapsed_ms = (time.perf_counter() - started) * 1000
    progress(1.0, "Klaar")
    return outcome


def outcome_of(found: CachedPortfolio, table: CostTable) -> PortfolioOutcome:
    """The window's rows and summary from the figures of every file."""
    from effectencalculator.model.portfolio_stats import summarize

    rows = [_row(f) for f in found.files]
    summary = summarize([r.figures for r in rows if r.figures is not None], (), None,
                        [str(r.path) for r in rows if not r.ok])
    kept = {d.path: Path(d.kept) for d in summary.duplicates}
    for row in rows:
        row.duplicate_of = kept.get(str(row.path))
    return PortfolioOutcome(table, found.price_year, rows, summary, found.portfolio,
                            found.from_cache, found.computed)


def _row(found: FileFigures) -> PortfolioRow:
    entry, figures = found.entry, found.figures
    if figures is None:
        assert entry is not None  # a file that failed was read now (never cached)
        return PortfolioRow(found.path, entry.code, "", None, entry)
    if entry is not None and entry.case is not None:
        title = entry.case.info.title
    else:
        title = title_of(found.path)
    return PortfolioRow(found.path, figures.code, title, figures)


def title_of(path: Path) -> str:
    """The case's title for a row whose figures came from the cache (which holds no
    case text): read from the top of the file, or the whole file when that is unsure."""
    from effectencalculator.model.case_peek import peek_title

    try:
        title = peek_title(path.read_bytes())
        if title is None:
            from effectencalculator.model.storage import read_case
            title = read_case(path)[0].info.title
    except Exception:  # noqa: BLE001 - the figures are known; a title is only shown
        return ""
    return title


def read_whole_portfolio(paths: list[Path], table: CostTable, price_year: int,
                         never_export: list[str], progress: Progress,
                         is_cancelled: IsCancelled) -> PortfolioOutcome:
    """Every case read in full at the window's price year, for an export and its
    privacy check; the window then shows exactly what is exported."""
    from effectencalculator.model.portfolio_cache import portfolio_figures

    started = time.perf_counter()
    found = portfolio_figures(paths, table, price_year, None, progress=progress,
                              is_cancelled=is_cancelled, never_export=never_export)
    outcome = outcome_of(found, table)
    outcome.elapsed_ms = (time.perf_counter() - started) * 1000
    return outcome


def error_lines(entry) -> list[str]:
    """The errors of a case that could not be read or priced: 'regel 5: scenarios[0]…:
    fout: …' (the file is named beside it; the report's ``error_text``)."""
    from effectencalculator.report.portfolio_content import error_text
    return [error_text(f) for f in entry.errors] or ["geen vergelijking mogelijk"]
