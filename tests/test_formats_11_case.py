"""FORMATS.md 1.1 case fields: readings per person, review state, conclusion, mechanisms.

Reading, the rules (Dutch messages naming the field) and the round trip.
"""

from __future__ import annotations

import textwrap
from datetime import date

from effectencalculator.model.case import Mechanism, Reading, Review
from effectencalculator.model.privacy import text_fields
from effectencalculator.model.storage import case_from_bytes, case_to_text

BASE = textwrap.dedent("""\
    schema_version: 1
    case:
      code: PT-TST-001
      title: Testgezin
      period: {start: 2025-01-01, end: 2025-12-31}
      participants: [Jeugdbeschermer]
    {review}
    household:
      - {id: m1, label: Moeder, role: ouder}
      - {id: k1, label: Kind 1, role: kind}
    narrative:
      summary: Kort verhaal.
    {narrative}
    outcomes:
      - domain: veiligheid
        direction: verbeterd
    {outcome}
    scenarios: []
    """)


def _case(review: str = "", narrative: str = "", outcome: str = ""):
    text = (BASE.replace("{review}", textwrap.indent(textwrap.dedent(review), "  "))
            .replace("{narrative}", textwrap.indent(textwrap.dedent(narrative), "  "))
            .replace("{outcome}", textwrap.indent(textwrap.dedent(outcome), "    ")))
    return case_from_bytes(text.encode("utf-8"), "casus.yaml")


FULL = dict(
    review="review: {status: gecontroleerd, by: Onderzoeker B, date: 2026-03-01}",
    narrative="""\
        conclusion: De nieuwe werkwijze voorkwam een uithuisplaatsing.
        mechanisms:
          - {tag: snellere hulp, effect: kostenverlagend}
          - {tag: Geen overdrachten}
        """,
    outcome="""\
        scale: zrm
        readings:
          - {who: Moeder, start: 2, end: 4}
          - {who: Jeugdbeschermer, start: 1, end: 3}
          - {who: Kind 1, start: 3, end: 3, note: Vindt het thuis hetzelfde.}
        agreed: false
        """)


def test_full_11_case_reads_into_dataclasses_without_findings():
    case, findings = _case(**FULL)
    assert list(findings) == []
    assert case.info.review == Review(status="gecontroleerd", by="Onderzoeker B",
                                      date=date(2026, 3, 1))
    assert case.narrative.conclusion.startswith("De nieuwe werkwijze")
    assert case.narrative.mechanisms == [Mechanism("snellere hulp", "kostenverlagend"),
                                         Mechanism("Geen overdrachten", "")]
    outcome = case.outcomes[0]
    assert outcome.scale == "zrm"
    assert outcome.agreed is False
    assert outcome.readings[0] == Reading(who="Moeder", start=2.0, end=4.0)
    assert outcome.readings[2].note == "Vindt het thuis hetzelfde."


def test_round_trip_keeps_every_11_field():
    case, _ = _case(**FULL)
    text = case_to_text(case)
    again, findings = case_from_bytes(text.encode("utf-8"), "kopie.yaml")
    assert list(findings) == []
    assert again == case
    assert "agreed: false" in text and "status: gecontroleerd" in text


def test_a_version_1_case_stays_as_it_was():
    case, findings = _case()
    assert list(findings) == []
    assert case.info.review is None  # absent means concept
    assert case.outcomes[0].agreed is None and case.outcomes[0].readings == []
    text = case_to_text(case)
    for key in ("review", "scale", "readings", "agreed", "conclusion", "mechanisms"):
        assert f"{key}:" not in text


def _errors(findings):
    return {f.path: f.message for f in findings if f.is_error}


def _warnings(findings):
    return {f.path: f.message for f in findings if not f.is_error}


def test_reading_outside_its_scale_is_an_error_naming_the_field():
    _, findings = _case(outcome="""\
        scale: zrm
        readings:
          - {who: Moeder, start: 0, end: 4}
          - {who: Moeder, start: 2, end: 3.5}
        """)
    errors = _errors(findings)
    assert set(errors) == {"outcomes[0].readings[0].start", "outcomes[0].readings[1].end"}
    assert "buiten de schaal zrm (1 tot en met 5)" in errors["outcomes[0].readings[0].start"]
    assert "hele getallen" in errors["outcomes[0].readings[1].end"]
    assert all(f.file == "casus.yaml" for f in findings)


def test_scale_0_10_allows_one_decimal_and_nothing_outside():
    _, findings = _case(outcome="""\
        scale: 0-10
        readings:
          - {who: Moeder, start: 6.5, end: 10}
          - {who: Moeder, start: 6.25, end: 10.5}
        """)
    assert set(_errors(findings)) == {"outcomes[0].readings[1].start",
                                      "outcomes[0].readings[1].end"}


def test_without_scale_any_number_goes_and_unknown_scale_is_an_error():
    _, findings = _case(outcome="readings: [{who: Moeder, start: -3, end: 77.77}]")
    assert _errors(findings) == {}
    _, findings = _case(outcome="scale: schoolcijfer")
    assert "onbekende schaal 'schoolcijfer'" in _errors(findings)["outcomes[0].scale"]


def test_unknown_who_is_a_warning_not_an_error():
    _, findings = _case(outcome="readings: [{who: Buurvrouw, start: 1, end: 2}]")
    assert _errors(findings) == {}
    assert "'Buurvrouw' is geen gezinslid of deelnemer" in \
        _warnings(findings)["outcomes[0].readings[0].who"]


def test_unknown_review_status_is_an_error():
    case, findings = _case(review="review: {status: klaar}")
    assert "onbekende beoordelingsstatus 'klaar'" in _errors(findings)["case.review.status"]
    assert case.info.review.status == "klaar"  # kept, so a save writes back what was typed


def test_review_without_status_means_concept():
    case, findings = _case(review="review: {by: X}")
    assert _errors(findings) == {}
    assert case.info.review.status == "concept"


def test_unknown_mechanism_effect_is_an_error():
    _, findings = _case(narrative="mechanisms: [{tag: a, effect: neutraal}]")
    assert "onbekend effect 'neutraal'" in _errors(findings)["narrative.mechanisms[0].effect"]


def test_wrong_types_are_errors_and_kept_on_save():
    case, findings = _case(outcome="""\
        agreed: misschien
        readings: [{who: Moeder, start: twee, end: 3}]
        """, narrative="mechanisms: [snellere hulp]")
    errors = _errors(findings)
    assert {"outcomes[0].agreed", "outcomes[0].readings[0].start",
            "narrative.mechanisms[0]"} <= set(errors)
    text = case_to_text(case)
    assert "agreed: misschien" in text and "start: twee" in text
    assert "- snellere hulp" in text


def test_unknown_keys_in_a_reading_are_kept_with_a_warning():
    case, findings = _case(outcome="readings: [{who: Moeder, start: 1, end: 2, kleur: rood}]")
    assert "outcomes[0].readings[0].kleur" in _warnings(findings)
    assert "kleur: rood" in case_to_text(case)


def test_privacy_check_sees_the_new_free_text():
    case, _ = _case(**FULL)
    paths = dict(text_fields(case))
    assert paths["narrative.conclusion"].startswith("De nieuwe werkwijze")
    assert paths["narrative.mechanisms[1].tag"] == "Geen overdrachten"
    assert paths["outcomes[0].readings[2].note"] == "Vindt het thuis hetzelfde."
    assert paths["case.review.by"] == "Onderzoeker B"
