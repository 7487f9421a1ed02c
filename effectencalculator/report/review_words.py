"""The review state of a case in words (FORMATS.md 1.1 ``case.review``), one wording
for the report's case facts and the window: "gecontroleerd door A. Bakker op 3 december
2026"; a case without a review is a ``concept``."""

from __future__ import annotations

from effectencalculator.model.case import Review
from effectencalculator.report.format import format_date


def review_text(review: Review | None) -> str:
    """The status, then by whom and when (each only when known)."""
    if review is None:
        return "concept"
    text = review.status or "concept"
    by = " ".join(review.by.split())
    if by:
        text += f" door {by}"
    if review.date is not None:
        text += f" op {format_date(review.date)}"
    return text
