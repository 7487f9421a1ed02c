"""Breakdowns of a ``CaseResult`` that the report (and later the GUI) show.

They live in the model, not in the report, so that no money is computed while a report
is laid out: every amount a reader sees comes from here or from the calculation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from effectencalculator.model.calculation import CaseResult, ScenarioResult


@dataclass(frozen=True)
class Difference:
    """One row of a comparison: referentie, interventie and referentie − interventie."""

    key: str
    reference: float
    intervention: float
    difference: float


@dataclass(frozen=True)
class Reconciliation:
    """From the sum of the printed line costs to the counted total: the transfers the
    lines hold (0 for society), then discounting and the horizon."""

    undiscounted: float  # the lines without the transfers, undiscounted
    adjustment: float  # discounting and horizon cut (negative or 0)
    counted: float
    #: every priced line's cost, the transfers' included (the sum of the printed lines)
    lines: float = 0.0
    #: the transfer lines' cost, undiscounted (the payer's amount; the recipient gets it)
    transfers: float = 0.0


def reconciliation(scenario: ScenarioResult) -> Reconciliation:
    transfers = sum(r.cost for r in scenario.lines if r.is_priced and r.is_transfer)
    return Reconciliation(scenario.undiscounted_total,
                          scenario.total - scenario.undiscounted_total, scenario.total,
                          scenario.undiscounted_total + transfers, transfers)


@dataclass(frozen=True)
class ProbabilityShare:
    """A scenario's lines with a probability below 1: how many, their probabilities,
    their cost (undiscounted, as the lines print it) and its share of all its lines'."""

    lines: int
    lowest: float
    highest: float
    cost: float
    share: float | None  # None when the scenario's lines cost nothing


def probability_share(scenario: ScenarioResult) -> ProbabilityShare | None:
    """None when every line is certain."""
    uncertain = [r for r in scenario.lines if r.line.probability < 1]
    if not uncertain:
        return None
    cost = sum(r.cost for r in uncertain)
    total = sum(r.cost for r in scenario.lines)
    return ProbabilityShare(len(uncertain), min(r.line.probability for r in uncertain),
                            max(r.line.probability for r in uncertain), cost,
                            cost / total if total > 0 else None)


def _kind_category(s: ScenarioResult, kind: str) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for r in s.lines:
        if r.priced is not None and r.priced.item.kind == kind and not r.is_transfer:
            out[r.priced.item.category] += r.counted
    return out


def _differences(ref: dict, itv: dict) -> list[Difference]:
    keys = sorted(set(ref) | set(itv), key=str)
    return [Difference(str(k), ref.get(k, 0.0), itv.get(k, 0.0),
                       ref.get(k, 0.0) - itv.get(k, 0.0)) for k in keys]


def category_differences(result: CaseResult, kind: str) -> list[Difference]:
    """Per category, for lines of ``kind`` (``inzet`` → besparingen, ``effect`` → baten).

    Empty without a comparison. The rows sum to ``comparison.besparingen`` or ``baten``.
    """
    c = result.comparison
    if c is None:
        return []
    ref, itv = result.scenarios[c.reference], result.scenarios[c.intervention]
    return _differences(_kind_category(ref, kind), _kind_category(itv, kind))


def year_differences(result: CaseResult) -> list[Difference]:
    """Counted cost per calendar year of both compared scenarios (keys are years)."""
    c = result.comparison
    if c is None:
        return []
    ref, itv = result.scenarios[c.reference], result.scenarios[c.intervention]
    return _differences(ref.by_year, itv.by_year)


def payer_differences(result: CaseResult) -> list[Difference]:
    """Counted cost per payer of both compared scenarios; differences = ``by_payer``."""
    c = result.comparison
    if c is None:
        return []
    ref, itv = result.scenarios[c.reference], result.scenarios[c.intervention]
    return [Difference(payer, ref.by_payer.get(payer, 0.0), itv.by_payer.get(payer, 0.0),
                       diff) for payer, diff in c.by_payer.items()]


# -- FORMATS.md 1.1: what can be booked, and how firm the figures are -----------------

def _compared(result: CaseResult) -> list[tuple[ScenarioResult, float]]:
    c = result.comparison
    if c is None or c.reference == c.intervention:
        return []
    return [(result.scenarios[c.reference], 1.0), (result.scenarios[c.intervention], -1.0)]


def item_contributions(result: CaseResult) -> dict[str, float]:
    """Each item's share of ``net_result`` (R − I of its lines); transfers add 0."""
    out: dict[str, float] = defaultdict(float)
    for scenario, sign in _compared(result):
        for r in scenario.lines:
            if r.priced is not None and not r.is_transfer:
                out[r.priced.item.id] += sign * r.counted
    return dict(out)


@dataclass(frozen=True)
class BesparingenSplit:
    """Besparingen (kind ``inzet``) by what a payer can do with them (``cashable``)."""

    bookable: float   # cashable: true — money the payer can book
    capacity: float   # cashable: false — capacity freed (salaried staff hours)
    unstated: float   # the item does not say

    @property
    def total(self) -> float:
        return self.bookable + self.capacity + self.unstated


def besparingen_split(result: CaseResult) -> BesparingenSplit | None:
    """Split of ``comparison.besparingen``; its three parts add up to it."""
    if result.comparison is None:
        return None
    parts = {True: 0.0, False: 0.0, None: 0.0}
    for scenario, sign in _compared(result):
        for r in scenario.lines:
            if r.priced is not None and not r.is_transfer and r.priced.item.kind == "inzet":
                parts[r.priced.item.cashable] += sign * r.counted
    return BesparingenSplit(parts[True], parts[False], parts[None])


def confidence_contributions(result: CaseResult) -> dict[str, float]:
    """Share of ``net_result`` per tariff confidence (``hoog``/``midden``/``laag``;
    ``""`` where the item does not say). The values add up to the net result."""
    out: dict[str, float] = defaultdict(float)
    for scenario, sign in _compared(result):
        for r in scenario.lines:
            if r.priced is not None and not r.is_transfer:
                out[r.priced.item.confidence] += sign * r.counted
    return dict(out)


def low_confidence_share(result: CaseResult) -> float | None:
    """Part of the net result that rests on ``laag`` tariffs (1.0 = all of it); None
    without a comparison or when the net result is 0. Can exceed 1 or be negative when
    other items pull the other way."""
    c = result.comparison
    if c is None or c.net_result == 0:
        return None
    return confidence_contributions(result).get("laag", 0.0) / c.net_result


def low_confidence_gross(result: CaseResult) -> float:
    """Sum of the absolute contributions of ``laag`` items: what rests on them before
    their pluses and minuses cancel (they can cancel in the net share)."""
    return sum(abs(value) for item_id, value in item_contributions(result).items()
               if result.items[item_id].item.confidence == "laag")
