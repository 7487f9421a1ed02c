"""The calculation results as plain data: ``summary --json`` (FORMATS.md) and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from effectencalculator.model.breakdown import (
    besparingen_split,
    confidence_contributions,
    low_confidence_share,
)
from effectencalculator.model.calculation import CaseResult, ScenarioResult
from effectencalculator.model.switching import switching_values

if TYPE_CHECKING:  # numpy is imported only when an uncertainty run is asked for
    from effectencalculator.model.uncertainty import Interval, UncertaintyResult


def _cents(values: dict[Any, float]) -> dict[str, float]:
    return {str(key): round(value, 2) for key, value in values.items()}


def _scenario(s: ScenarioResult) -> dict[str, Any]:
    return {
        "label": s.label,
        "role": s.role,
        "total": round(s.total, 2),
        "by_payer": _cents(s.by_payer),
        "by_kind": _cents(s.by_kind),
        "by_category": _cents(s.by_category),
        "by_year": _cents(s.by_year),
        "investment": round(s.investment, 2),
        "transfers": round(s.transfers, 2),
        "unpriced_lines": len(s.unpriced_lines),
        "unpriced": [{"line": r.index, "item": r.line.item} for r in s.unpriced_lines],
    }


def _interval(i: Interval) -> dict[str, float]:
    return {"p10": round(i.p10, 2), "p50": round(i.p50, 2), "p90": round(i.p90, 2),
            "mean": round(i.mean, 2)}


def uncertainty_dict(u: UncertaintyResult) -> dict[str, Any]:
    return {
        "draws": u.draws,
        "seed": u.seed,
        "net_result": _interval(u.net_result),
        "besparingen": _interval(u.besparingen),
        "baten": _interval(u.baten),
        "share_intervention_cheaper": round(u.share_intervention_cheaper, 4),
        "analytic_mean_net_result": round(u.analytic_mean_net_result, 2),
        "deterministic_net_result": round(u.deterministic_net_result, 2),
        "uncertain": u.uncertain,
        "verdict": u.verdict,
    }


def _mkba(result: CaseResult) -> dict[str, Any]:
    """Comparison keys of FORMATS.md 1.1: transfers, what can be booked, confidence,
    switching values."""
    c = result.comparison
    assert c is not None
    split = besparingen_split(result)
    share = low_confidence_share(result)
    switching = switching_values(result)
    return {
        "transfers": round(c.transfers, 2),
        "transfers_by_payer": _cents(c.transfers_by_payer),
        "besparingen_split": None if split is None else {
            "cashable": round(split.bookable, 2), "capacity": round(split.capacity, 2),
            "unstated": round(split.unstated, 2)},
        "by_confidence": _cents({k or "onbekend": v
                                 for k, v in confidence_contributions(result).items()}),
        "low_confidence_share": None if share is None else round(share, 4),
        "switching_values": None if switching is None else {
            "items": [{"item": s.item_id, "factor": round(s.factor, 4),
                       "contribution": round(s.contribution, 2)}
                      for s in switching.shown_items],
            "lines": [{"scenario": s.scenario_id, "line": s.line_index, "item": s.item_id,
                       "probability": s.probability,
                       "switching_probability": round(s.switching_probability, 4)}
                      for s in switching.shown_lines]},
    }


def summary_dict(result: CaseResult,
                 uncertainty: UncertaintyResult | None = None) -> dict[str, Any]:
    """The JSON summary; amounts rounded to cents one by one with ``round(x, 2)``.

    ``uncertainty`` (the Monte Carlo interval) is included only when given.
    """
    table: dict[str, Any] = {"name": result.table_name, "version": result.table_version,
                             "sha256": result.table_sha256}
    if result.table_base is not None:
        table["base"] = dict(zip(("name", "version", "sha256"), result.table_base,
                                 strict=True))
    data: dict[str, Any] = {
        "case": result.case_code,
        "price_year": result.price_year,
        "cost_table": table,
        "discount_rate": result.discount_rate,
        "horizon_years": result.horizon_years,
        "productivity_method": result.productivity_method,
        "scenarios": {sid: _scenario(s) for sid, s in result.scenarios.items()},
        "comparison": None,
        "warnings": [w.format() for w in result.warnings],
    }
    c = result.comparison
    if c is not None:
        data["comparison"] = {
            "reference": c.reference,
            "intervention": c.intervention,
            "net_result": round(c.net_result, 2),
            "besparingen": round(c.besparingen, 2),
            "baten": round(c.baten, 2),
            "by_payer": _cents(c.by_payer),
            "besparingen_by_payer": _cents(c.besparingen_by_payer),
            "baten_by_payer": _cents(c.baten_by_payer),
            "by_category": _cents(c.by_category),
            "investment": round(c.investment, 2),
            "return_per_euro": c.return_per_euro,
            **_mkba(result),
        }
    if uncertainty is not None:
        data["uncertainty"] = uncertainty_dict(uncertainty)
    return data
