"""Reading and writing the case fields of FORMATS.md version 1.1 that concern people and
review: readings per person on an outcome, the review state, the researcher's
conclusion and the mechanisms.

Kept apart from ``case_schema`` so that each addition to the format stays a small,
separately reviewable piece; ``case_schema`` calls these for the records they extend.
"""

from __future__ import annotations

from typing import Any

from effectencalculator.model.case import Mechanism, Narrative, Outcome, Reading, Review
from effectencalculator.model.fields import RAW_KEY, FieldReader

# -- reading ---------------------------------------------------------------------------

def read_outcome_v11(f: FieldReader, outcome: Outcome) -> None:
    """``scale``, ``readings`` and ``agreed`` of one outcome."""
    outcome.scale = f.text("scale")
    outcome.readings = [_reading(FieldReader(raw, f"{f.path}.readings[{i}]", f.findings,
                                             "een aflezing"))
                        for i, raw in enumerate(f.sequence("readings", "aflezingen"))]
    outcome.agreed = f.boolean("agreed") if f.has("agreed") else None
    if not f.has("agreed"):
        f.mapping("agreed")  # an explicit ``agreed: null`` is not an unknown key


def _reading(f: FieldReader) -> Reading:
    reading = Reading(who=f.text("who"), start=f.number("start"), end=f.number("end"),
                      note=f.text("note"))
    reading.extra = f.finish()
    return reading


def read_review(f: FieldReader) -> Review | None:
    """``case.review``; None when the file has none (which means ``concept``)."""
    if not f.has("review"):
        f.mapping("review")
        return None
    r = f.sub("review", "de beoordeling ('review')")
    review = Review(status=r.text("status", default="concept"), by=r.text("by"),
                    date=r.date("date"))
    review.extra = r.finish()
    return review


def read_narrative_v11(f: FieldReader, narrative: Narrative) -> None:
    """``narrative.conclusion`` and ``narrative.mechanisms``."""
    narrative.conclusion = f.text("conclusion")
    narrative.mechanisms = [_mechanism(FieldReader(raw, f"{f.path}.mechanisms[{i}]",
                                                   f.findings, "een mechanisme"))
                            for i, raw in enumerate(f.sequence("mechanisms", "mechanismen"))]


def _mechanism(f: FieldReader) -> Mechanism:
    mechanism = Mechanism(tag=f.text("tag"), effect=f.text("effect"))
    mechanism.extra = f.finish()
    return mechanism


# -- writing ---------------------------------------------------------------------------

def _emit(record: Any, data: dict[str, Any]) -> Any:
    if RAW_KEY in record.extra:
        return record.extra[RAW_KEY]
    data.update(record.extra)
    return data


def outcome_v11_data(o: Outcome, data: dict[str, Any]) -> None:
    """Add the 1.1 fields of ``o`` to its file data, only those that are set."""
    if o.scale:
        data["scale"] = o.scale
    if o.readings:
        data["readings"] = [_emit(r, _reading_data(r)) for r in o.readings]
    if o.agreed is not None:
        data["agreed"] = o.agreed


def _reading_data(r: Reading) -> dict[str, Any]:
    data: dict[str, Any] = {"who": r.who, "start": r.start, "end": r.end}
    if r.note:
        data["note"] = r.note
    return data


def review_data(review: Review | None, data: dict[str, Any]) -> None:
    if review is None:
        return
    out: dict[str, Any] = {"status": review.status}
    if review.by:
        out["by"] = review.by
    if review.date is not None:
        out["date"] = review.date
    data["review"] = _emit(review, out)


def narrative_v11_data(n: Narrative, data: dict[str, Any]) -> None:
    if n.conclusion:
        data["conclusion"] = n.conclusion
    if n.mechanisms:
        data["mechanisms"] = [_emit(m, _mechanism_data(m)) for m in n.mechanisms]


def _mechanism_data(m: Mechanism) -> dict[str, Any]:
    data: dict[str, Any] = {"tag": m.tag}
    if m.effect:
        data["effect"] = m.effect
    return data
