"""One-at-a-time sensitivity of the net result (deterministic).

For each line of the two compared scenarios: how much the net result (referentie −
interventie) moves when the line's tariff goes to its item's low or high bound, and
when its probability goes to 0 or to 1. Ranked by the largest swing, for a table and
a tornado chart. Transfers (FORMATS.md 1.1) add 0 to the net result and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from effectencalculator.model.calculation import CaseResult, LineResult


@dataclass(frozen=True)
class Swing:
    scenario_id: str
    line_index: int
    item_id: str
    item_name: str
    #: change in net result; None where the item has no bound on that side
    tariff_low: float | None
    tariff_high: float | None
    probability_zero: float
    probability_one: float

    @property
    def low(self) -> float:
        """Most negative change over the four variations."""
        return min(self._values())

    @property
    def high(self) -> float:
        return max(self._values())

    @property
    def spread(self) -> float:
        return self.high - self.low

    def _values(self) -> list[float]:
        return [v for v in (self.tariff_low, self.tariff_high, self.probability_zero,
                            self.probability_one, 0.0) if v is not None]


def _swing(r: LineResult, sign: float) -> Swing:
    priced = r.priced
    assert priced is not None
    item = priced.item
    per_tariff_euro = (r.quantity * priced.index_factor * r.line.probability * r.fraction
                       * r.weight)

    def tariff_delta(bound: float | None) -> float | None:
        if bound is None:
            return None
        return sign * per_tariff_euro * (bound - item.tariff)

    return Swing(
        scenario_id=r.scenario_id, line_index=r.index, item_id=item.id, item_name=item.name,
        tariff_low=tariff_delta(item.low), tariff_high=tariff_delta(item.high),
        probability_zero=sign * -r.counted,
        probability_one=sign * r.quantity * priced.price * (1.0 - r.line.probability)
        * r.fraction * r.weight)


def sensitivity(result: CaseResult) -> list[Swing]:
    """Every priced line of the compared scenarios, largest swing first."""
    comparison = result.comparison
    if comparison is None or comparison.reference == comparison.intervention:
        return []
    swings = []
    for scenario_id, sign in ((comparison.reference, 1.0), (comparison.intervention, -1.0)):
        for r in result.scenarios[scenario_id].lines:
            if r.priced is not None and not r.is_transfer:  # a transfer moves 0 of it
                swings.append(_swing(r, sign))
    return sorted(swings, key=lambda s: (-s.spread, s.scenario_id, s.line_index))
