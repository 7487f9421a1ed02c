"""A portfolio of cases (one pilot, or several): key figures per case and together.

Cases are repriced with one table and one price year so their figures can be added;
a case priced with another table, table version or price year is marked as repriced,
and a case that fails to load is listed with its error — never silently skipped.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from effectencalculator.model.calculation import CaseResult, calculate
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.gc_pause import gc_paused
from effectencalculator.model.portfolio_figures import CaseFigures, figures_of
from effectencalculator.model.portfolio_stats import (
    KeyStats,
    PortfolioSummary,
    key_stats,
    split_duplicates,
    summarize,
    summed,
)
from effectencalculator.model.privacy import PrivacyStatus, check_privacy
from effectencalculator.model.storage import read_case
from effectencalculator.model.validation import Finding, InvalidInputError, Severity

if TYPE_CHECKING:
    from effectencalculator.model.uncertainty import UncertaintyResult

Progress = Callable[[float, str], None]


@dataclass
class PortfolioCase:
    path: Path
    case: Case | None = None
    result: CaseResult | None = None
    errors: list[Finding] = field(default_factory=list)
    #: why the case's own figures differ from the portfolio's (empty when they don't)
    repriced: list[str] = field(default_factory=list)
    #: the privacy check, when the portfolio was built with a never-export list
    privacy: PrivacyStatus | None = None
    #: the file that counts for this case when another file has the same case code
    duplicate_of: Path | None = None
    _uncertainty: UncertaintyResult | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.result is not None and self.result.comparison is not None

    @property
    def uncertainty(self) -> UncertaintyResult | None:
        """The case's Monte Carlo interval (default draws and seed), computed once and
        shared by every portfolio output, so the PDF, the sheets and the window agree."""
        if self._uncertainty is None and self.ok:
            from effectencalculator.model.uncertainty import simulate

            self._uncertainty = simulate(self.result)  # type: ignore[arg-type]
        return self._uncertainty

    @property
    def code(self) -> str:
        return self.case.info.code if self.case is not None else self.path.stem

    @property
    def file_name(self) -> str:
        """The case file by name, as the outputs print it: relative to the folder the
        user chose, never the absolute path (it holds the user's name)."""
        return self.path.name

    def error_texts(self) -> list[str]:
        """The entry's errors as the outputs print them: the file by name, and the
        folder taken out of any message that quotes the full path."""
        return [without_folder(replace(f, file=self.file_name).format(), self.path)
                for f in self.errors]


@dataclass
class Portfolio:
    table: CostTable
    price_year: int
    cases: list[PortfolioCase]
    #: the never-export list the cases' privacy was checked with (None: not checked)
    never_export: tuple[str, ...] | None = None

    def privacy_of(self, entry: PortfolioCase, never_export: Sequence[str]) -> PrivacyStatus:
        """The case's privacy check with this list: the one made while reading when the
        list is the same, else a new one (the list may have changed since)."""
        if entry.privacy is not None and self.never_export == tuple(never_export):
            return entry.privacy
        assert entry.case is not None
        return check_privacy(entry.case, never_export, file_name=entry.file_name)

    @property
    def priced(self) -> list[PortfolioCase]:
        """The priced cases, each case code once (a duplicate file is left out)."""
        return [c for c in self.cases if c.ok and c.duplicate_of is None]

    @property
    def duplicates(self) -> list[PortfolioCase]:
        return [c for c in self.cases if c.ok and c.duplicate_of is not None]

    def figures(self) -> list[CaseFigures]:
        """The figures of every priced case, duplicates included (``summarize`` splits
        them off again, by the same rule)."""
        return [f for f in (figures_of(c) for c in self.cases) if f is not None]

    def summary(self, review_filter: Sequence[str] = (),
                population: int | None = None) -> PortfolioSummary:
        """Guardrails and synthesis of the cases (the same for every output)."""
        return summarize(self.figures(), review_filter, population,
                         [str(c.path) for c in self.failed])

    @property
    def failed(self) -> list[PortfolioCase]:
        return [c for c in self.cases if not c.ok]

    def stats(self, figure: str) -> KeyStats | None:
        """Total, mean and median per case of a comparison figure (e.g. ``net_result``)."""
        return key_stats([getattr(c.result.comparison, figure)  # type: ignore[union-attr]
                          for c in self.priced])

    def by_payer(self) -> dict[str, float]:
        return summed(c.result.comparison.by_payer  # type: ignore[union-attr]
                      for c in self.priced)

    def by_category(self) -> dict[str, float]:
        return summed(c.result.comparison.by_category  # type: ignore[union-attr]
                      for c in self.priced)


def without_folder(text: str, path: Path) -> str:
    """``text`` with the file's folder taken out wherever it quotes the path."""
    for form in {str(path), str(path.absolute()), os.fspath(path.resolve())}:
        if form != path.name:
            text = text.replace(form, path.name)
    folder = str(path.absolute().parent)
    return text.replace(folder + os.sep, "").replace(folder, ".") if folder != "." else text


def case_files(paths: Iterable[str | Path]) -> list[Path]:
    """Case files named directly, and the ``*.yaml`` files of named folders (sorted)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.yaml") if p.is_file()))
        else:
            files.append(path)
    return files


def _common_price_year(cases: list[Case], table: CostTable) -> int:
    """The price year most cases use (ties: the latest), else the table's."""
    years = Counter(c.settings.price_year or table.price_year for c in cases)
    if not years:
        return table.price_year
    best = max(years.values())
    return max(year for year, count in years.items() if count == best)


#: below this many cases, starting worker processes costs more than it saves
PARALLEL_FROM = 40


def build_portfolio(paths: Iterable[str | Path], table: CostTable,
                    price_year: int | None = None, progress: Progress | None = None,
                    is_cancelled: Callable[[], bool] | None = None,
                    workers: int | None = None,
                    never_export: Sequence[str] | None = None) -> Portfolio:
    """Read and price every case with one table and one price year; with a
    ``never_export`` list, also check each case's privacy (for the export gate).

    A large portfolio is read, priced, simulated and checked by ``workers`` processes
    (default: one per core); the result is the same as reading one case after another.
    """
    words = None if never_export is None else tuple(never_export)
    files = case_files(paths)
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(files) >= PARALLEL_FROM else 1
    step = progress or (lambda fraction, message: None)
    cancelled = is_cancelled or (lambda: False)
    with gc_paused():
        if workers > 1:
            from effectencalculator.model.portfolio_workers import prepare_in_processes

            entries, years = prepare_in_processes(files, table, price_year, words, workers,
                                                  step, cancelled)
        else:
            entries, years = _prepare_serially(files, table, price_year, words, step,
                                               cancelled)
    loaded = [e.case for e in entries if e.case is not None]
    year = price_year or _common_price_year(loaded, table)
    for entry, used in zip(entries, years):
        if entry.case is not None and used != year:  # priced at its own year: redo
            _price(entry, table, year)
    mark_duplicates(entries)
    step(1.0, "Klaar")
    return Portfolio(table, year, entries, words)


def mark_duplicates(entries: list[PortfolioCase]) -> None:
    """Two files with one case code are one case: the newest save counts."""
    priced = [e for e in entries if e.ok]
    for entry in entries:
        entry.duplicate_of = None
    kept, _ = split_duplicates(
        priced, lambda e: e.code,
        lambda e: e.case.history[-1].time if e.case and e.case.history else "",
        lambda e: str(e.path))
    counted = {e.code.strip().casefold(): e for e in kept}
    kept_ids = {id(e) for e in kept}
    for entry in priced:
        if id(entry) not in kept_ids:
            entry.duplicate_of = counted[entry.code.strip().casefold()].path


def _prepare_serially(files: list[Path], table: CostTable, price_year: int | None,
                      never_export: tuple[str, ...] | None, step: Progress,
                      cancelled: Callable[[], bool]
                      ) -> tuple[list[PortfolioCase], list[int | None]]:
    entries, years = [], []
    for n, path in enumerate(files):
        if cancelled():
            raise InterruptedError("portfolio geannuleerd")
        step(n / max(1, len(files)), f"Lezen en berekenen: {path.name}")
        entry, year = prepare_case(path, table, price_year, never_export,
                                   simulate=False)
        entries.append(entry)
        years.append(year)
    return entries, years


def prepare_case(path: Path, table: CostTable, price_year: int | None,
                 never_export: tuple[str, ...] | None, simulate: bool
                 ) -> tuple[PortfolioCase, int | None]:
    """Read one case and price it at ``price_year`` (or its own price year, when the
    portfolio's is not known yet); with a ``never_export`` list, check its privacy;
    with ``simulate``, also compute its interval.
    Returns the entry and the price year used (None when it could not be read)."""
    entry = PortfolioCase(path)
    _read(entry)
    if entry.case is None:
        return entry, None
    if never_export is not None:
        entry.privacy = check_privacy(entry.case, never_export, file_name=entry.file_name)
    year = price_year or entry.case.settings.price_year or table.price_year
    _price(entry, table, year)
    if simulate:
        entry.uncertainty  # noqa: B018 - computed here, in the worker process
    return entry, year


def _read(entry: PortfolioCase) -> None:
    try:
        case, findings = read_case(entry.path)
    except InvalidInputError as exc:
        entry.errors = exc.errors
        return
    if findings.has_errors:
        entry.errors = findings.errors
        return
    entry.case = case


def _price(entry: PortfolioCase, table: CostTable, year: int) -> None:
    case = entry.case
    assert case is not None
    entry.result, entry.errors, entry.repriced, entry._uncertainty = None, [], [], None
    settings = case.settings
    if settings.cost_table and settings.cost_table != table.name:
        entry.repriced.append(f"tabel '{settings.cost_table}' vervangen door '{table.name}'")
    elif settings.cost_table_version and settings.cost_table_version != table.version:
        entry.repriced.append(f"tabelversie {settings.cost_table_version} vervangen door "
                              f"{table.version}")
    elif settings.cost_table_sha256 and settings.cost_table_sha256 != table.sha256:
        entry.repriced.append("de inhoud van de tabel is gewijzigd sinds de casus is opgeslagen")
    own_year = settings.price_year or table.price_year
    if own_year != year:
        entry.repriced.append(f"prijspeil {own_year} omgerekend naar {year}")
    # a shallow copy with its own settings: the calculation reads the case, never changes it
    priced = replace(case, settings=replace(case.settings, price_year=year))
    try:
        entry.result = calculate(priced, table)
    except InvalidInputError as exc:
        entry.errors = [replace(f, file=f.file or str(entry.path)) for f in exc.errors]
        return
    if entry.result.comparison is None:
        entry.errors = [Finding(Severity.ERROR, "scenarios", "geen vergelijking mogelijk: de "
                                "casus heeft geen referentie- en interventiescenario",
                                str(entry.path))]
