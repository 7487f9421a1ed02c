"""The rules of the 1.1 case fields (FORMATS.md): readings on their scale, who gave
them, the review state and the effect of a mechanism.

Run from ``case_rules.check_case``, so a file being loaded and a case being edited give
the same messages. Locations count from 0.
"""

from __future__ import annotations

from effectencalculator.model.case import Case
from effectencalculator.model.fields import RAW_KEY
from effectencalculator.model.validation import Findings
from effectencalculator.model.vocabulary import (
    MECHANISM_EFFECTS,
    READING_SCALES,
    REVIEW_STATUSES,
)


def check_case_v11(case: Case, findings: Findings) -> None:
    _check_readings(case, findings)
    _check_review(case, findings)
    _check_mechanisms(case, findings)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _check_readings(case: Case, findings: Findings) -> None:
    people = {m.label.strip() for m in case.household if m.label.strip()}
    people |= {p.strip() for p in case.info.participants if p.strip()}
    for i, outcome in enumerate(case.outcomes):
        if RAW_KEY in outcome.extra:
            continue
        path = f"outcomes[{i}]"
        scale = READING_SCALES.get(outcome.scale)
        if outcome.scale and scale is None and "scale" not in outcome.extra:
            findings.error(f"{path}.scale", f"onbekende schaal '{outcome.scale}' (kies uit: "
                                            f"{', '.join(READING_SCALES)}, of laat leeg)")
        for j, reading in enumerate(outcome.readings):
            if RAW_KEY in reading.extra:
                continue
            where = f"{path}.readings[{j}]"
            if not reading.who.strip() and "who" not in reading.extra:
                findings.warning(f"{where}.who", "bij deze aflezing staat niet wie het zegt")
            elif reading.who.strip() and reading.who.strip() not in people:
                findings.warning(f"{where}.who", f"'{reading.who}' is geen gezinslid of "
                                                 "deelnemer van deze casus")
            if scale is None:
                continue
            for key in ("start", "end"):
                value = getattr(reading, key)
                problem = reading_problem(outcome.scale, value)
                if problem:
                    findings.error(f"{where}.{key}", problem)


def reading_problem(scale_name: str, value: float | None) -> str:
    """Why ``value`` is no reading on the scale ``scale_name`` ('' when it is, or when the
    scale is unknown or absent: then any number goes). The case check and the readings
    editor in Resultaten give this same message."""
    scale = READING_SCALES.get(scale_name)
    if scale is None or value is None:
        return ""
    low, high, whole = scale
    if not low <= value <= high:
        return (f"{_number(value)} ligt buiten de schaal {scale_name} ({_number(low)} tot en "
                f"met {_number(high)})")
    if whole and not float(value).is_integer():
        return (f"op de schaal {scale_name} gelden alleen hele getallen (gevonden: "
                f"{_number(value)})")
    if not whole and abs(round(value, 1) - value) > 1e-9:
        return (f"op de schaal {scale_name} geldt hooguit één decimaal (gevonden: "
                f"{_number(value)})")
    return ""


def _check_review(case: Case, findings: Findings) -> None:
    review = case.info.review
    if review is None or RAW_KEY in review.extra or "status" in review.extra:
        return
    if review.status not in REVIEW_STATUSES:
        findings.error("case.review.status", f"onbekende beoordelingsstatus "
                                             f"'{review.status}' (kies uit: "
                                             f"{', '.join(REVIEW_STATUSES)})")


def _check_mechanisms(case: Case, findings: Findings) -> None:
    for i, mechanism in enumerate(case.narrative.mechanisms):
        if RAW_KEY in mechanism.extra:
            continue
        path = f"narrative.mechanisms[{i}]"
        if not mechanism.tag.strip() and "tag" not in mechanism.extra:
            findings.warning(f"{path}.tag", "dit mechanisme heeft geen omschrijving ('tag')")
        if mechanism.effect and mechanism.effect not in MECHANISM_EFFECTS \
                and "effect" not in mechanism.extra:
            findings.error(f"{path}.effect", f"onbekend effect '{mechanism.effect}' (kies "
                                             f"uit: {', '.join(MECHANISM_EFFECTS)}, of laat "
                                             "leeg)")
