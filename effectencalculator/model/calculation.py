"""The calculation (FORMATS.md, "Calculation rules"): one function, one results object.

GUI, CLI, report and exports all read ``CaseResult``; nothing else computes money.
Sums are exact over unrounded floats; rounding happens only when presenting.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Callable

from effectencalculator.model.case import Case, ServiceLine
from effectencalculator.model.case_rules import check_case
from effectencalculator.model.cost_table import CostItem, CostTable
from effectencalculator.model.invisible import near_miss, visible
from effectencalculator.model.validation import Finding, Findings, InvalidInputError
from effectencalculator.model.vocabulary import KINDS, RATE_PERIOD_DAYS

FRICTION, HUMAN_CAPITAL = "friction", "human_capital"

INTERVENTION, REFERENCE = "intervention", "reference"


@dataclass(frozen=True)
class PricedItem:
    """A cost item with its price brought to the case's price year."""

    item: CostItem
    custom: bool
    price_year: int
    index_factor: float

    @property
    def price(self) -> float:
        return self.item.tariff * self.index_factor


@dataclass
class LineResult:
    scenario_id: str
    index: int
    line: ServiceLine
    priced: PricedItem | None
    quantity: float
    first_day: date
    last_day: date
    #: quantity × price × probability, undiscounted (0 when unpriced)
    cost: float
    #: undiscounted share of ``cost`` per calendar year
    by_year: dict[int, float]
    #: what the totals count: discounted and cut at the horizon
    counted: float
    unpriced_reason: str = ""
    #: share of ``cost`` that counts (discounting and horizon): counted = cost × weight
    weight: float = 1.0
    #: who bears the cost: the line's ``payer``, else the item's (FORMATS.md 1.1)
    payer: str = ""
    #: share of the line's days inside its friction window (1 when not capped);
    #: ``cost`` already includes it
    fraction: float = 1.0
    #: the days that count (the friction window cut), None when none count
    count_first: date | None = None
    count_last: date | None = None

    @property
    def is_priced(self) -> bool:
        return self.priced is not None

    @property
    def is_transfer(self) -> bool:
        """Money moved from ``payer`` to ``recipient``: 0 in totals, kinds, categories."""
        return self.priced is not None and self.priced.item.transfer

    @property
    def recipient(self) -> str:
        return self.priced.item.transfer_recipient if self.priced is not None else ""

    @property
    def is_capped(self) -> bool:
        return self.fraction < 1.0

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass
class ScenarioResult:
    id: str
    label: str
    role: str
    lines: list[LineResult]
    total: float = 0.0
    by_payer: dict[str, float] = field(default_factory=dict)
    by_kind: dict[str, float] = field(default_factory=dict)
    by_category: dict[str, float] = field(default_factory=dict)
    by_year: dict[int, float] = field(default_factory=dict)
    investment: float = 0.0
    #: gross counted amount of the transfer lines (FORMATS.md 1.1; not in ``total``)
    transfers: float = 0.0
    #: undiscounted sum of priced line costs (for the reconciliation row)
    undiscounted_total: float = 0.0
    #: discount factor per calendar year (0 beyond the horizon), for the series below
    year_factor: Callable[[int], float] = field(
        default_factory=lambda: YearFactor(0, 0.0, None), repr=False, compare=False)

    @cached_property
    def cumulative(self) -> list[tuple[date, float]]:
        """(day, cumulative counted cost of all days before ``day``), piecewise linear.

        Computed on first use: only charts need it, live totals do not.
        """
        return _cumulative(self.lines, self.year_factor)

    @property
    def unpriced_lines(self) -> list[LineResult]:
        return [r for r in self.lines if not r.is_priced]


@dataclass
class Comparison:
    reference: str
    intervention: str
    net_result: float
    besparingen: float
    baten: float
    by_payer: dict[str, float]
    besparingen_by_payer: dict[str, float]
    baten_by_payer: dict[str, float]
    by_category: dict[str, float]
    investment: float
    #: R − I of the scenarios' gross transfers, and per payer (payer +, recipient −):
    #: by_payer = besparingen_by_payer + baten_by_payer + transfers_by_payer
    transfers: float = 0.0
    transfers_by_payer: dict[str, float] = field(default_factory=dict)

    @property
    def return_per_euro(self) -> float | None:
        """Gross return per euro invested in the approach, when there is an investment."""
        if self.investment > 0:
            return (self.net_result + self.investment) / self.investment
        return None


@dataclass
class CaseResult:
    case_code: str
    price_year: int
    table_name: str
    table_version: str
    table_sha256: str
    discount_rate: float
    horizon_years: int | None
    first_year: int
    scenarios: dict[str, ScenarioResult]
    comparison: Comparison | None
    warnings: list[Finding]
    items: dict[str, PricedItem]
    #: FORMATS.md 1.1: ``friction`` or ``human_capital``, and the window F in days
    productivity_method: str = HUMAN_CAPITAL
    friction_days: int | None = None
    #: FORMATS.md 1.1: (name, version, sha256) of the table's base, when it extends one
    table_base: tuple[str, str, str] | None = None


def effective_quantity(line: ServiceLine) -> float:
    """``quantity``, or ``rate.quantity × days / D`` over the line's inclusive period."""
    if line.rate is not None and line.start and line.end:
        days = (line.end - line.start).days + 1
        return line.rate.quantity * days / RATE_PERIOD_DAYS[line.rate.per]
    return line.quantity or 0.0


def price_year_of(case: Case, table: CostTable) -> int:
    return case.settings.price_year or table.price_year


def productivity_method_of(case: Case, table: CostTable) -> str:
    """The case's method; default friction when the table has a friction period."""
    chosen = case.settings.productivity_method
    if chosen:
        return chosen
    return FRICTION if table.friction_period_weeks is not None else HUMAN_CAPITAL


@dataclass
class YearFactor:
    """Discount factor of a calendar year: 1 in the first year, (1 + rate)^-n after,
    0 from the horizon on. Memoised; a plain object (not a closure) so that results can
    be pickled to and from the processes that read a large portfolio."""

    first_year: int
    rate: float
    horizon: int | None
    _factors: dict[int, float] = field(default_factory=dict, repr=False)

    def __call__(self, year: int) -> float:
        factor = self._factors.get(year)
        if factor is None:
            if self.horizon is not None and year >= self.first_year + self.horizon:
                factor = 0.0
            else:
                factor = (1.0 + self.rate) ** -max(0, year - self.first_year)
            self._factors[year] = factor
        return factor


def calculate(case: Case, table: CostTable) -> CaseResult:
    """Price every line of every scenario and compare; raise InvalidInputError on errors."""
    findings = Findings()
    check_case(case, findings)
    catalogue = _catalogue(case, table, findings)
    if findings.has_errors:
        raise InvalidInputError(findings.items)

    price_year = price_year_of(case, table)
    first_year = case.info.period.start.year  # type: ignore[union-attr]  # checked above
    rate = case.settings.discount_rate
    horizon = case.settings.horizon_years

    year_factor = YearFactor(first_year, rate, horizon)
    method = productivity_method_of(case, table)
    friction_days = table.friction_days if method == FRICTION else None
    if method == FRICTION and friction_days is None:
        findings.error("settings.productivity_method",
                       f"frictiekostenmethode gekozen, maar tabel '{table.name}' heeft geen "
                       "frictieperiode ('friction_period_weeks'); kies 'human_capital' of "
                       "een tabel met frictieperiode")
        raise InvalidInputError(findings.items)
    used: dict[str, PricedItem] = {}
    missing_years: dict[int, list[str]] = defaultdict(list)
    scenarios: dict[str, ScenarioResult] = {}
    for s_index, scenario in enumerate(case.scenarios):
        results = []
        for l_index, line in enumerate(scenario.lines):
            priced = catalogue.get(line.item)
            reason = ""
            if priced is None:
                meant = near_miss(line.item, catalogue)  # "UUR\u200b" for UUR: an error
                reason = (f"post '{visible(line.item)}' staat niet in de kostentabel of de "
                          f"eigen posten{meant}")
                path = f"scenarios[{s_index}].lines[{l_index}].item"
                (findings.error if meant else findings.warning)(
                    path, f"{reason}: regel wordt bewaard maar niet geprijsd")
                if line.approach_cost:
                    findings.warning(path, "deze regel is gemarkeerd als kosten van de aanpak "
                                           "maar is niet geprijsd: de investering is te laag")
            elif priced.index_factor != priced.index_factor:  # NaN marks a missing year
                missing_years[priced.price_year].append(priced.item.id)
            else:
                used[priced.item.id] = priced
            if priced is not None:
                _check_line_with_item(case, line, priced.item,
                                      f"scenarios[{s_index}].lines[{l_index}]", findings)
            results.append(_price_line(case, scenario.id, l_index, line, priced, reason,
                                       year_factor, findings, s_index, friction_days))
        scenarios[scenario.id] = _aggregate(scenario.id, scenario.label, scenario.role,
                                            results, year_factor)
    for year, ids in sorted(missing_years.items()):
        missing = year if year not in table.index.values else price_year
        findings.error("settings.price_year",
                       f"de prijsindex van tabel '{table.name}' mist het jaar {missing}: "
                       f"posten {', '.join(sorted(set(ids)))} (prijspeil {year}) kunnen niet "
                       f"naar prijspeil {price_year} worden gebracht")
    if findings.has_errors:
        raise InvalidInputError(findings.items)

    return CaseResult(
        case_code=case.info.code, price_year=price_year, table_name=table.name,
        table_version=table.version, table_sha256=table.sha256, discount_rate=rate,
        horizon_years=horizon, first_year=first_year, scenarios=scenarios,
        comparison=_compare(case, scenarios), warnings=findings.warnings, items=used,
        productivity_method=method, friction_days=table.friction_days,
        table_base=(table.bases[0].name, table.bases[0].version, table.bases[0].sha256)
        if table.bases else None)


def _check_line_with_item(case: Case, line: ServiceLine, item: CostItem, path: str,
                          findings: Findings) -> None:
    """The 1.1 rules that need the line's item (transfer, productivity, payer)."""
    payer = line.payer or item.payer
    if item.transfer and line.approach_cost:
        findings.error(f"{path}.approach_cost",
                       f"post '{item.id}' is een overdracht (geld van de een naar de ander, "
                       "geen gebruik van middelen) en kan geen kosten van de aanpak zijn")
    if item.transfer and payer == item.transfer_recipient:
        findings.error(f"{path}.payer" if line.payer else f"{path}.item",
                       f"financier '{payer}' is ook de ontvanger van overdracht "
                       f"'{item.id}'; een overdracht gaat van de een naar de ander")
    if line.absence_start is not None:
        if not item.productivity:
            findings.warning(f"{path}.absence_start",
                             f"'absence_start' telt alleen bij productiviteitsverlies; post "
                             f"'{item.id}' is dat niet (het veld wordt bewaard)")
        begins = line.start or line.date or case.info.period.start
        if begins is not None and line.absence_start > begins and not (line.start or line.date):
            findings.error(f"{path}.absence_start",
                           f"begin van het verzuim {line.absence_start.isoformat()} ligt na "
                           f"het begin van de regel ({begins.isoformat()}, het begin van de "
                           "casusperiode)")


def _catalogue(case: Case, table: CostTable, findings: Findings) -> dict[str, PricedItem]:
    price_year = price_year_of(case, table)
    catalogue: dict[str, PricedItem] = {}

    def add(item: CostItem, custom: bool, default_year: int) -> None:
        year = item.price_year if item.price_year is not None else default_year
        try:
            factor = table.index.factor(year, price_year)
        except KeyError:
            factor = float("nan")  # reported only if a line uses the item
        catalogue[item.id] = PricedItem(item, custom, year, factor)

    for item in table.items.values():
        add(item, False, table.price_year)
    for i, item in enumerate(case.custom_items):
        if item.id in table.items:
            findings.error(f"custom_items[{i}].id",
                           f"eigen post '{item.id}' heeft dezelfde code als post '{item.id}' "
                           f"({table.items[item.id].name}) in tabel '{table.name}': kies "
                           "een andere code")
            continue
        add(item, True, price_year)
    return catalogue


def _price_line(case: Case, scenario_id: str, index: int, line: ServiceLine,
                priced: PricedItem | None, reason: str, year_factor, findings: Findings,
                s_index: int, friction_days: int | None = None) -> LineResult:
    if line.date is not None:
        first = last = line.date
    elif line.start is not None and line.end is not None:
        first, last = line.start, line.end
    else:
        first = last = case.info.period.start  # type: ignore[assignment]
        findings.warning(f"scenarios[{s_index}].lines[{index}]",
                         "regel zonder datum of periode: telt op het begin van de casusperiode "
                         f"({first.isoformat()})")
    quantity = effective_quantity(line)
    usable = priced is not None and priced.index_factor == priced.index_factor
    total_days = (last - first).days + 1
    count_first: date | None = first
    count_last: date | None = last
    inside = total_days
    if usable and friction_days is not None and priced.item.productivity:  # type: ignore
        window_start = line.absence_start or first
        window_end = window_start + timedelta(days=friction_days - 1)
        count_first, count_last = max(first, window_start), min(last, window_end)
        inside = max(0, (count_last - count_first).days + 1)
        if inside == 0:
            count_first = count_last = None
    cost = quantity * priced.price * line.probability if usable else 0.0  # type: ignore
    if inside != total_days:  # capped: only the days inside the window count
        cost = cost * inside / total_days
    by_year: dict[int, float] = {}
    counted = 0.0
    weight = 0.0
    span = ((count_first, count_last) if count_first is not None and count_last is not None
            else (first, last))
    span_days = (span[1] - span[0]).days + 1
    for year in range(span[0].year, span[1].year + 1):
        seg_start = max(span[0], date(year, 1, 1))
        seg_end = min(span[1], date(year, 12, 31))
        share = ((seg_end - seg_start).days + 1) / span_days
        weight += share * year_factor(year)
        if usable and count_first is not None:
            by_year[year] = cost * share
            counted += cost * share * year_factor(year)
    payer = line.payer or (priced.item.payer if priced is not None else "")
    return LineResult(scenario_id, index, line, priced if usable else None, quantity,
                      first, last, cost, by_year, counted, reason, weight, payer,
                      inside / total_days, count_first, count_last)


def _aggregate(scenario_id: str, label: str, role: str, lines: list[LineResult],
               year_factor) -> ScenarioResult:
    result = ScenarioResult(scenario_id, label, role, lines)
    result.by_kind = {kind: 0.0 for kind in KINDS}
    by_payer: dict[str, float] = defaultdict(float)
    by_category: dict[str, float] = defaultdict(float)
    by_year: dict[int, float] = defaultdict(float)
    for r in lines:
        if r.priced is None:
            continue
        item = r.priced.item
        if r.is_transfer:  # moves money between payers: 0 in every total but by_payer
            by_payer[r.payer] += r.counted
            by_payer[r.recipient] -= r.counted
            result.transfers += r.counted
            for year in r.by_year:
                if year_factor(year) > 0:
                    by_year[year] += 0.0
            continue
        result.total += r.counted
        result.undiscounted_total += r.cost
        by_payer[r.payer] += r.counted
        result.by_kind[item.kind] = result.by_kind.get(item.kind, 0.0) + r.counted
        by_category[item.category] += r.counted
        for year, share in r.by_year.items():
            factor = year_factor(year)
            if factor > 0:
                by_year[year] += share * factor
        if r.line.approach_cost:
            result.investment += r.counted
    result.by_payer = dict(by_payer)
    result.by_category = dict(by_category)
    result.by_year = dict(sorted(by_year.items()))
    result.year_factor = year_factor
    return result


def _cumulative(lines: list[LineResult], year_factor) -> list[tuple[date, float]]:
    """Exact cumulative counted cost: per-day rates change only at these breakpoints."""
    changes: dict[date, float] = defaultdict(float)
    for r in lines:
        if r.priced is None or r.cost == 0 or r.is_transfer or r.count_first is None \
                or r.count_last is None:
            continue
        first, last = r.count_first, r.count_last
        daily = r.cost / ((last - first).days + 1)
        for year in range(first.year, last.year + 1):
            factor = year_factor(year)
            if factor == 0:
                continue
            seg_start = max(first, date(year, 1, 1))
            seg_end = min(last, date(year, 12, 31))
            changes[seg_start] += daily * factor
            changes[seg_end + timedelta(days=1)] -= daily * factor
    points: list[tuple[date, float]] = []
    total = 0.0
    rate = 0.0
    previous: date | None = None
    for day in sorted(changes):
        if previous is not None:
            total += rate * (day - previous).days
        points.append((day, total))
        rate += changes[day]
        previous = day
    return points


def _choose(case: Case, role: str, key: str) -> str | None:
    compare = case.settings.compare
    chosen = getattr(compare, key) if compare is not None else ""
    if chosen:
        return chosen
    return next((s.id for s in case.scenarios if s.role == role), None)


def _compare(case: Case, scenarios: dict[str, ScenarioResult]) -> Comparison | None:
    ref_id = _choose(case, REFERENCE, "reference")
    int_id = _choose(case, INTERVENTION, "intervention")
    if ref_id not in scenarios or int_id not in scenarios:
        return None
    ref, itv = scenarios[ref_id], scenarios[int_id]

    def diff(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
        return {k: a.get(k, 0.0) - b.get(k, 0.0) for k in sorted(set(a) | set(b))}

    def kind_by_payer(s: ScenarioResult, kind: str) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for r in s.lines:
            if r.priced is not None and r.priced.item.kind == kind and not r.is_transfer:
                out[r.payer] += r.counted
        return out

    def transfer_by_payer(s: ScenarioResult) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for r in s.lines:
            if r.is_transfer:
                out[r.payer] += r.counted
                out[r.recipient] -= r.counted
        return out

    return Comparison(
        reference=ref.id, intervention=itv.id,
        net_result=ref.total - itv.total,
        besparingen=ref.by_kind.get("inzet", 0.0) - itv.by_kind.get("inzet", 0.0),
        baten=ref.by_kind.get("effect", 0.0) - itv.by_kind.get("effect", 0.0),
        by_payer=diff(ref.by_payer, itv.by_payer),
        besparingen_by_payer=diff(kind_by_payer(ref, "inzet"), kind_by_payer(itv, "inzet")),
        baten_by_payer=diff(kind_by_payer(ref, "effect"), kind_by_payer(itv, "effect")),
        by_category=diff(ref.by_category, itv.by_category),
        investment=itv.investment,
        transfers=ref.transfers - itv.transfers,
        transfers_by_payer=diff(transfer_by_payer(ref), transfer_by_payer(itv)),
    )
