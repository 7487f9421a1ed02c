"""Monte Carlo interval for the comparison (FORMATS.md, "Uncertainty model").

Per draw, every *item* with a range gets one tariff from a triangular distribution
(low, tariff, high) — shared by all lines and scenarios that use it, because it is the
same price — and every *line* happens or not with its own Bernoulli(probability).
The deterministic figures stay the headline; the interval says how sure they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from effectencalculator.model.calculation import CaseResult, LineResult

if TYPE_CHECKING:  # numpy is imported when a simulation runs, not at start-up
    import numpy as np

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 20_250_101
#: what every output says instead of presenting a saving when P10–P90 contains zero
UNCERTAIN = "onzeker: ongeveer gelijk"


@dataclass(frozen=True)
class Interval:
    p10: float
    p50: float
    p90: float
    mean: float

    @property
    def contains_zero(self) -> bool:
        return self.p10 <= 0.0 <= self.p90


@dataclass(frozen=True)
class UncertaintyResult:
    draws: int
    seed: int
    net_result: Interval
    besparingen: Interval
    baten: Interval
    #: share of draws in which the intervention costs less than the reference
    share_intervention_cheaper: float
    #: expected net result under this model (equals the deterministic figure only when
    #: every range is symmetric around its tariff)
    analytic_mean_net_result: float
    deterministic_net_result: float

    @property
    def uncertain(self) -> bool:
        """True when P10–P90 of the net result contains zero: no saving can be claimed."""
        return self.net_result.contains_zero

    @property
    def verdict(self) -> str:
        """The words every output uses (Dutch: shown to users)."""
        if self.uncertain:
            return UNCERTAIN
        return "interventie goedkoper" if self.net_result.p10 > 0 else "interventie duurder"


def _item_range(r: LineResult) -> tuple[float, float, float]:
    item = r.priced.item  # type: ignore[union-attr]
    low = item.low if item.low is not None else item.tariff
    high = item.high if item.high is not None else item.tariff
    return low, item.tariff, high


def simulate(result: CaseResult, draws: int = DEFAULT_DRAWS,
             seed: int = DEFAULT_SEED) -> UncertaintyResult | None:
    """Draw the comparison ``draws`` times (vectorised); None without a comparison.

    Arrays are laid out one row per item or line and one column per draw, and only what
    varies is drawn: a fixed tariff folds into its line's weight, and a line that surely
    happens needs no Bernoulli draw. That keeps a portfolio of 1 000 cases quick.
    """
    import numpy as np

    comparison = result.comparison
    if comparison is None:
        return None
    ref = result.scenarios[comparison.reference]
    itv = result.scenarios[comparison.intervention]
    # a transfer adds 0 to the net result whatever its draw (both sides move together),
    # so it is left out; a capped productivity line counts its window share (fraction)
    lines = [r for r in ref.lines + itv.lines if r.priced is not None and not r.is_transfer]
    same = ref.id == itv.id  # comparing a scenario with itself: every draw is zero
    ranges = {r.priced.item.id: _item_range(r) for r in lines}  # type: ignore[union-attr]
    # signed weight of each line in (besparingen, baten): quantity × index factor ×
    # weight (discounting, horizon), + for the reference and − for the intervention
    weights = np.zeros((len(lines), 2))
    for n, r in enumerate(lines):
        sign = 0.0 if same else 1.0 if r.scenario_id == ref.id else -1.0
        weights[n, 0 if r.priced.item.kind == "inzet" else 1] = (  # type: ignore[union-attr]
            sign * r.quantity * r.priced.index_factor * r.fraction  # type: ignore[union-attr]
            * r.weight)
    probability = np.array([r.line.probability for r in lines])
    mode = np.array([ranges[r.priced.item.id][1] for r in lines])  # type: ignore[union-attr]

    rng = np.random.default_rng(seed)
    drawn_items = sorted(i for i, (low, _, high) in ranges.items() if high > low)
    tariffs = np.empty((len(drawn_items), draws))  # one row of triangular draws per item
    for row, item_id in enumerate(drawn_items):
        tariffs[row] = rng.triangular(*ranges[item_id], draws)
    row_of = {item_id: row for row, item_id in enumerate(drawn_items)}
    tariff_row = np.array([row_of.get(r.priced.item.id, -1) for r in lines],  # type: ignore
                          dtype=np.intp)
    drawn = tariff_row >= 0
    sure = probability >= 1.0

    totals = np.zeros((2, draws))  # (besparingen, baten) per draw
    totals += (weights[sure & ~drawn] * mode[sure & ~drawn, None]).sum(axis=0)[:, None]
    per_item = np.zeros((len(drawn_items), 2))
    np.add.at(per_item, tariff_row[sure & drawn], weights[sure & drawn])
    totals += per_item.T @ tariffs
    maybe = np.flatnonzero(~sure)
    if len(maybe):
        happens = rng.random((len(maybe), draws)) < probability[maybe, None]
        fixed, varying = ~drawn[maybe], drawn[maybe]
        totals += (weights[maybe][fixed] * mode[maybe][fixed, None]).T @ happens[fixed]
        if varying.any():
            totals += weights[maybe][varying].T @ (
                tariffs[tariff_row[maybe][varying]] * happens[varying])

    besparingen, baten = totals
    net = besparingen + baten
    mean_tariff = np.array([sum(ranges[r.priced.item.id]) / 3 for r in lines])  # type: ignore
    analytic = float(np.sum(mean_tariff[:, None] * probability[:, None] * weights))
    net_interval, besparingen_interval, baten_interval = _intervals(
        np.stack([net, besparingen, baten]))
    return UncertaintyResult(
        draws=draws, seed=seed, net_result=net_interval, besparingen=besparingen_interval,
        baten=baten_interval, share_intervention_cheaper=float(np.mean(net > 0)),
        analytic_mean_net_result=analytic, deterministic_net_result=comparison.net_result)


def _intervals(series: np.ndarray) -> list[Interval]:
    """P10, P50, P90 and mean of each row (one percentile call for all rows)."""
    import numpy as np

    p10, p50, p90 = np.percentile(series, [10, 50, 90], axis=1)
    means = series.mean(axis=1)
    return [Interval(float(a), float(b), float(c), float(m))
            for a, b, c, m in zip(p10, p50, p90, means)]
