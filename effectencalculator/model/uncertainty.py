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
    """Draw the comparison ``draws`` times (vectorised); None without a comparison."""
    import numpy as np

    comparison = result.comparison
    if comparison is None:
        return None
    ref = result.scenarios[comparison.reference]
    itv = result.scenarios[comparison.intervention]
    lines = [r for r in ref.lines + itv.lines if r.priced is not None]
    sign = np.array([1.0 if r.scenario_id == ref.id else -1.0 for r in lines])
    if ref.id == itv.id:  # comparing a scenario with itself: every draw is zero
        sign = np.zeros(len(lines))
    is_inzet = np.array([r.priced.item.kind == "inzet" for r in lines])  # type: ignore
    # coefficient per line: quantity × index factor × weight (discounting, horizon)
    coef = np.array([r.quantity * r.priced.index_factor * r.weight for r in lines])  # type: ignore
    probability = np.array([r.line.probability for r in lines])

    item_ids = sorted({r.priced.item.id for r in lines})  # type: ignore[union-attr]
    column = {item_id: i for i, item_id in enumerate(item_ids)}
    ranges = {r.priced.item.id: _item_range(r) for r in lines}  # type: ignore[union-attr]
    rng = np.random.default_rng(seed)
    tariffs = np.empty((draws, len(item_ids)))
    for item_id, i in column.items():
        low, mode, high = ranges[item_id]
        tariffs[:, i] = rng.triangular(low, mode, high, draws) if high > low else mode
    happens = rng.random((draws, len(lines))) < probability
    line_index = np.array([column[r.priced.item.id] for r in lines], dtype=int)  # type: ignore
    values = tariffs[:, line_index] * happens * coef * sign  # draws × lines, signed R − I

    besparingen = values[:, is_inzet].sum(axis=1)
    baten = values[:, ~is_inzet].sum(axis=1)
    net = besparingen + baten
    mean_tariff = np.array([sum(ranges[r.priced.item.id]) / 3 for r in lines])  # type: ignore
    analytic = float(np.sum(mean_tariff * probability * coef * sign))
    return UncertaintyResult(
        draws=draws, seed=seed, net_result=_interval(net), besparingen=_interval(besparingen),
        baten=_interval(baten), share_intervention_cheaper=float(np.mean(net > 0)),
        analytic_mean_net_result=analytic, deterministic_net_result=comparison.net_result)


def _interval(values: "np.ndarray") -> Interval:
    import numpy as np

    p10, p50, p90 = np.percentile(values, [10, 50, 90])
    return Interval(float(p10), float(p50), float(p90), float(values.mean()))
