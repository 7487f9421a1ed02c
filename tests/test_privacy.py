"""The privacy check finds every planted identifier and nothing in the clean examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from effectencalculator.model.privacy import (
    check_privacy, load_never_export, passes_eleven_test, scan_case, scan_text,
)
from effectencalculator.model.storage import load_case

from conftest import ROOT

PLANTED = {
    "narrative.summary": ("Moeder (geboren 12-03-1988) woont aan de Kerkstraat 12a, "
                          "1234 AB in de stad.", {"geboortedatum", "adres", "postcode"}),
    "perspectives[0].text": ("Bel mij op 06-12345678 of mail naar moeder@example.nl.",
                             {"telefoon", "email"}),
    "perspectives[0].quotes[0]": ("Mijn BSN is 123456782, zei ze.", {"bsn"}),
    "scenarios[0].lines[0].note": ("Afspraak met juf Anneke van de Zonnebloemschool.",
                                   {"verboden woord"}),
}


def test_eleven_test():
    assert passes_eleven_test("123456782")
    assert not passes_eleven_test("123456789")
    assert not passes_eleven_test("000000000")


@pytest.mark.parametrize("text", [
    "In 2025 en 2026 ging het beter.",             # years followed by a word: no postcode
    "Op 15 januari 2025 kwam Veilig Thuis.",       # an event date is not a date of birth
    "Kind 1 (12 jr) ging 3 dagen per week naar school.",
    "De kosten waren € 123.456.789 in totaal.",   # not 9 digits passing the 11-test
])
def test_ordinary_case_text_is_not_flagged(text):
    assert scan_text("x", text, case_start_year=2025) == []


def test_every_planted_identifier_is_found():
    case = load_case(ROOT / "examples" / "pt-ams-014-noordhoek.yaml")
    case.narrative.summary += "\n\n" + PLANTED["narrative.summary"][0]
    case.perspectives[0].text = PLANTED["perspectives[0].text"][0]
    case.perspectives[0].quotes[0] = PLANTED["perspectives[0].quotes[0]"][0]
    case.scenarios[0].lines[0].note = PLANTED["scenarios[0].lines[0].note"][0]
    findings = scan_case(case, ["Anneke", "Zonnebloemschool"])
    for path, (_, kinds) in PLANTED.items():
        assert {f.kind for f in findings if f.path == path} == kinds, path
    assert {f.text for f in findings if f.kind == "verboden woord"} == {
        "Anneke", "Zonnebloemschool"}


def test_accepted_findings_no_longer_block_and_keep_no_names(tmp_path):
    case = load_case(ROOT / "examples" / "pt-ams-014-noordhoek.yaml")
    case.narrative.summary += " Juf Anneke hielp."
    status = check_privacy(case, ["Anneke"])
    assert not status.clean and len(status.open) == 1
    case.settings.privacy_accepted.append(status.open[0].key)
    assert "Anneke" not in status.open[0].key  # the acceptance does not store the name
    assert check_privacy(case, ["Anneke"]).clean


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "examples").glob("*.yaml")))
def test_the_examples_are_clean(name):
    assert scan_case(load_case(ROOT / "examples" / name)) == []


def test_never_export_list_is_read_from_the_users_file(tmp_path: Path):
    path = tmp_path / "lijst.txt"
    path.write_text("# eigen lijst\nAnneke\n\n  Zonnebloemschool \n", "utf-8")
    assert load_never_export(path) == ["Anneke", "Zonnebloemschool"]
    assert load_never_export(tmp_path / "bestaat-niet.txt") == []
