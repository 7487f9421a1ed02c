"""The figures of one case in a portfolio: what every portfolio output needs, and nothing
of the case's text.

A ``CaseFigures`` is made once from a read and priced case (``figures_of``) or taken from
the reopen cache (``portfolio_cache``), so the statistics, the JSON, the frames and the
window's table work the same on both. It holds amounts, counts and labels — the
pseudonymous case code, the proeftuin, payer and category codes, the scenario ids, the
review state, life domains, scales and mechanism tags (short labels a portfolio counts
across cases; the privacy check covers them) — never a title, narrative, perspective,
note, reading's author or error message. Money figures come from the calculation
(``CaseResult``) unchanged: nothing is computed a second time here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from effectencalculator.model.portfolio import PortfolioCase


@dataclass
class CaseFigures:
    path: str
    code: str
    #: time of the case's last save (its last history entry); '' when never saved
    saved: str = ""
    proeftuin: str = ""
    #: ``concept`` (also when absent), ``gecontroleerd`` or ``definitief``
    review: str = "concept"
    price_year: int = 0
    #: the case's own price year (``settings.price_year``; 0: the table's)
    own_price_year: int = 0
    reference: str = ""
    intervention: str = ""
    reference_total: float = 0.0
    intervention_total: float = 0.0
    net_result: float = 0.0
    besparingen: float = 0.0
    baten: float = 0.0
    investment: float = 0.0
    transfers: float = 0.0
    return_per_euro: float | None = None
    unpriced_lines: int = 0
    p10: float | None = None
    p90: float | None = None
    uncertain: bool | None = None
    verdict: str = ""
    by_payer: dict[str, float] = field(default_factory=dict)
    by_category: dict[str, float] = field(default_factory=dict)
    repriced: list[str] = field(default_factory=list)
    #: one (domain, direction) per outcome
    directions: list[tuple[str, str]] = field(default_factory=list)
    #: one (domain, scale, end − start) per complete reading on a scaled outcome
    reading_changes: list[tuple[str, str, float]] = field(default_factory=list)
    #: one (tag trimmed, effect) per mechanism
    mechanisms: list[tuple[str, str]] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> CaseFigures:
        figures = cls(**data)
        figures.directions = [tuple(d) for d in figures.directions]  # type: ignore[misc]
        figures.reading_changes = [tuple(r) for r in figures.reading_changes]  # type: ignore
        figures.mechanisms = [tuple(m) for m in figures.mechanisms]  # type: ignore[misc]
        return figures


def figures_of(entry: PortfolioCase) -> CaseFigures | None:
    """The figures of a priced case (None when it could not be read or priced)."""
    if not entry.ok or entry.case is None or entry.result is None:
        return None
    case, result = entry.case, entry.result
    c = result.comparison
    assert c is not None
    ref, itv = result.scenarios[c.reference], result.scenarios[c.intervention]
    u = entry.uncertainty
    review = case.info.review.status if case.info.review is not None else "concept"
    return CaseFigures(
        path=str(entry.path), code=entry.code,
        saved=case.history[-1].time if case.history else "",
        proeftuin=case.info.proeftuin.strip(), review=review,
        price_year=result.price_year,
        own_price_year=case.settings.price_year or 0,
        reference=c.reference, intervention=c.intervention,
        reference_total=ref.total, intervention_total=itv.total,
        net_result=c.net_result, besparingen=c.besparingen, baten=c.baten,
        investment=c.investment, transfers=c.transfers, return_per_euro=c.return_per_euro,
        unpriced_lines=sum(len(s.unpriced_lines) for s in result.scenarios.values()),
        p10=u.net_result.p10 if u else None, p90=u.net_result.p90 if u else None,
        uncertain=u.uncertain if u else None, verdict=u.verdict if u else "",
        by_payer=dict(c.by_payer), by_category=dict(c.by_category),
        repriced=list(entry.repriced),
        directions=[(o.domain, o.direction) for o in case.outcomes],
        reading_changes=[(o.domain, o.scale, r.end - r.start) for o in case.outcomes
                         if o.scale for r in o.readings
                         if r.start is not None and r.end is not None],
        mechanisms=[(m.tag.strip(), m.effect) for m in case.narrative.mechanisms
                    if m.tag.strip()])
