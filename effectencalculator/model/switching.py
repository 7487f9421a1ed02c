"""Switching values (FORMATS.md 1.1): how far a tariff or a probability must move before
the net result turns around.

For an item with contribution c to the net result N (R − I of its lines), scaling its
tariff by k changes N by (k − 1)·c, so N becomes 0 at k = 1 − N / c. A line's cost is
proportional to its probability p, so N becomes 0 at p − N·p / c. The few values nearest
today's tell a reader which assumptions the conclusion hangs on.
"""

from __future__ import annotations

from dataclasses import dataclass

from effectencalculator.model.breakdown import item_contributions
from effectencalculator.model.calculation import CaseResult

#: how many items and lines the report names (FORMATS.md, settled details 1.1)
SHOWN = 3
#: a contribution smaller than this is 0 (an item used alike in both scenarios leaves
#: float noise that would give an absurd factor)
NEGLIGIBLE = 1e-6


@dataclass(frozen=True)
class ItemSwitch:
    item_id: str
    item_name: str
    #: the item's contribution to the net result today
    contribution: float
    #: tariff factor at which the net result is 0 (0.42: the tariff 58 % lower)
    factor: float

    @property
    def change(self) -> float:
        """Relative change of the tariff: −0.58 is 58 % lower, 0.3 is 30 % higher."""
        return self.factor - 1.0


@dataclass(frozen=True)
class LineSwitch:
    scenario_id: str
    line_index: int
    item_id: str
    item_name: str
    probability: float
    contribution: float
    #: probability of this line at which the net result is 0 (0..1)
    switching_probability: float


@dataclass(frozen=True)
class SwitchingValues:
    net_result: float
    #: every reported value, nearest to today's first
    items: list[ItemSwitch]
    lines: list[LineSwitch]

    @property
    def shown_items(self) -> list[ItemSwitch]:
        return self.items[:SHOWN]

    @property
    def shown_lines(self) -> list[LineSwitch]:
        return self.lines[:SHOWN]


def switching_values(result: CaseResult) -> SwitchingValues | None:
    """Every item (c ≠ 0, k > 0) and line (c ≠ 0, 0 ≤ p′ ≤ 1) that can turn the result;
    None without a comparison (or when a scenario is compared with itself)."""
    c = result.comparison
    if c is None or c.reference == c.intervention:
        return None
    net = c.net_result
    names: dict[str, str] = {}
    lines: list[LineSwitch] = []
    for scenario_id, sign in ((c.reference, 1.0), (c.intervention, -1.0)):
        for r in result.scenarios[scenario_id].lines:
            if r.priced is None or r.is_transfer:
                continue
            names[r.priced.item.id] = r.priced.item.name
            contribution = sign * r.counted
            if abs(contribution) < NEGLIGIBLE:
                continue
            p = r.line.probability
            switched = p - net * p / contribution
            if 0.0 <= switched <= 1.0:
                lines.append(LineSwitch(scenario_id, r.index, r.priced.item.id,
                                        r.priced.item.name, p, contribution, switched))
    items = []
    for item_id, contribution in item_contributions(result).items():
        if abs(contribution) < NEGLIGIBLE:
            continue
        factor = 1.0 - net / contribution
        if factor > 0:
            items.append(ItemSwitch(item_id, names.get(item_id, item_id), contribution, factor))
    items.sort(key=lambda s: (abs(s.factor - 1.0), s.item_id))
    lines.sort(key=lambda s: (abs(s.switching_probability - s.probability), s.scenario_id,
                              s.line_index))
    return SwitchingValues(net, items, lines)
