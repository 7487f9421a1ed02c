"""Every scenario of a case side by side, with its difference to the compared intervention.

A case may hold more than two scenarios (e.g. "referentie-pessimistisch" and
"referentie-optimistisch" beside the plain reference). The comparison picks two; this
table shows all of them, and for each one what the net result would be if it were the
reference (its total minus the intervention's total). Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from effectencalculator.model.calculation import CaseResult


@dataclass(frozen=True)
class ScenarioColumn:
    id: str
    label: str
    role: str
    total: float
    inzet: float
    effect: float
    investment: float
    unpriced_lines: int
    #: total minus the compared intervention's total; None for the intervention itself
    #: or when there is no comparison
    versus_intervention: float | None


def scenario_columns(result: CaseResult) -> list[ScenarioColumn]:
    """One entry per scenario, in the case's order."""
    c = result.comparison
    intervention = result.scenarios[c.intervention] if c is not None else None
    out = []
    for s in result.scenarios.values():
        versus = (s.total - intervention.total
                  if intervention is not None and s.id != intervention.id else None)
        out.append(ScenarioColumn(s.id, s.label, s.role, s.total, s.by_kind.get("inzet", 0.0),
                                  s.by_kind.get("effect", 0.0), s.investment,
                                  len(s.unpriced_lines), versus))
    return out
