"""A portfolio of cases (one pilot, or several): key figures per case and together.

Cases are repriced with one table and one price year so their figures can be added;
a case priced with another table, table version or price year is marked as repriced,
and a case that fails to load is listed with its error — never silently skipped.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from effectencalculator.model.calculation import CaseResult, calculate
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
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

    @property
    def ok(self) -> bool:
        return self.result is not None and self.result.comparison is not None

    @cached_property
    def uncertainty(self) -> "UncertaintyResult | None":
        """The case's Monte Carlo interval (default draws and seed), computed once and
        shared by every portfolio output, so the PDF, the sheets and the window agree."""
        if not self.ok:
            return None
        from effectencalculator.model.uncertainty import simulate

        return simulate(self.result)  # type: ignore[arg-type]

    @property
    def code(self) -> str:
        return self.case.info.code if self.case is not None else self.path.stem


@dataclass(frozen=True)
class KeyStats:
    total: float
    mean: float
    median: float


@dataclass
class Portfolio:
    table: CostTable
    price_year: int
    cases: list[PortfolioCase]

    @property
    def priced(self) -> list[PortfolioCase]:
        return [c for c in self.cases if c.ok]

    @property
    def failed(self) -> list[PortfolioCase]:
        return [c for c in self.cases if not c.ok]

    def stats(self, figure: str) -> KeyStats | None:
        """Total, mean and median per case of a comparison figure (e.g. ``net_result``)."""
        values = [getattr(c.result.comparison, figure) for c in self.priced]  # type: ignore
        if not values:
            return None
        return KeyStats(sum(values), statistics.fmean(values), statistics.median(values))

    def by_payer(self) -> dict[str, float]:
        return self._sum_of(lambda c: c.by_payer)

    def by_category(self) -> dict[str, float]:
        return self._sum_of(lambda c: c.by_category)

    def _sum_of(self, pick) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for case in self.priced:
            for key, value in pick(case.result.comparison).items():  # type: ignore[union-attr]
                totals[key] += value
        return dict(sorted(totals.items()))


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


def build_portfolio(paths: Iterable[str | Path], table: CostTable,
                    price_year: int | None = None, progress: Progress | None = None,
                    is_cancelled: Callable[[], bool] | None = None) -> Portfolio:
    files = case_files(paths)
    entries = [PortfolioCase(path) for path in files]
    for n, entry in enumerate(entries):
        if is_cancelled is not None and is_cancelled():
            raise InterruptedError("portfolio geannuleerd")
        if progress is not None:
            progress(n / max(1, 2 * len(entries)), f"Lezen: {entry.path.name}")
        _read(entry)
    loaded = [e.case for e in entries if e.case is not None]
    year = price_year or _common_price_year(loaded, table)
    for n, entry in enumerate(entries):
        if is_cancelled is not None and is_cancelled():
            raise InterruptedError("portfolio geannuleerd")
        if progress is not None:
            progress(0.5 + n / max(1, 2 * len(entries)), f"Berekenen: {entry.path.name}")
        if entry.case is not None:
            _price(entry, table, year)
    if progress is not None:
        progress(1.0, "Klaar")
    return Portfolio(table, year, entries)


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
