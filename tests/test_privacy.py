"""The privacy check finds every planted identifier and nothing in the clean examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from effectencalculator.model.privacy import (
    check_privacy,
    load_never_export,
    passes_eleven_test,
    passes_mod97,
    scan_case,
    scan_text,
)
from effectencalculator.model.storage import load_case

PLANTED = {
    "narrative.summary": ("Moeder (geboren 12-03-1988) woont aan de Kerkstraat 12a, "
                          "1234 AB in de stad.", {"geboortedatum", "adres", "postcode"}),
    "perspectives[0].text": ("Bel mij op 06-12345678 of mail naar moeder@example.nl.",
                             {"telefoon", "email"}),
    "perspectives[0].quotes[0]": ("Mijn BSN is 123456782, zei ze.", {"bsn"}),
    "scenarios[0].lines[0].note": ("Afspraak met juf Anneke van de Zonnebloemschool.",
                                   {"verboden woord"}),
}


def test_eleven_test_and_mod97():
    assert passes_mod97("NL91ABNA0417164300")
    assert not passes_mod97("NL92ABNA0417164300")
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


_WORDS = ["Jan", "Jan Jansen", "Yılmaz", "de Vries", "Ærø", "o'Neil", "x-y"]
_TEXT_PIECES = ["Jan", "jan", "JANSEN", " ", "-", "_", "é", "Yilmaz", "yılmaz", "YILMAZ",
                "De VRIES", "ærø", "O'NEIL", "X-Y", "s", "'s", "a", ".", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=4),
       st.lists(st.sampled_from(_TEXT_PIECES), max_size=12).map("".join))
def test_never_export_words_are_found_as_by_one_plain_search(words, text):
    """Whole words in any case, across any run of spaces or dashes, with a possessive
    or plural s; the longest entry first, one finding per spot (ASCII-foldable text
    without digits or '@', so no other kind of finding takes a spot)."""
    import re

    from effectencalculator.model.privacy_normalise import fold

    bodies = sorted({r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", fold(w).lower())))
                     for w in words}, key=len, reverse=True)
    expected = []
    if bodies:
        plain = re.compile(rf"(?<!\w)(?:{'|'.join(bodies)})(?:'s|'|s)?(?!\w)")
        expected = [(m.start(), text[m.start():m.end()])
                    for m in plain.finditer(fold(text).lower())]
    found = [(f.start, f.text) for f in scan_text("x", text, words)]
    assert found == expected, (words, text)


@pytest.mark.parametrize("text, kind", [
    ("Jan\u200bsen kwam langs.", "verboden woord"),           # zero-width space
    ("J\u0430nsen kwam langs.", "verboden woord"),            # Cyrillic a
    ("JANSEN'S moeder", "verboden woord"),                    # possessive, capitals
    ("Jansens moeder", "verboden woord"),
    ("Jan\u2060sen", "verboden woord"),                        # word joiner
    ("geb. 12/3/15", "geboortedatum"),
    ("geboren 12 maart 2015", "geboortedatum"),
    ("Op 12 maart 2015 is Kind 2 geboren.", "geboortedatum"),
    ("geb. 1\u200b2-03-2015", "geboortedatum"),
    ("1234 ab", "postcode"), ("1234AB Amsterdam", "postcode"),
    ("1234\u00a0AB", "postcode"),                              # non-breaking space
    ("+31 (0)6 12345678", "telefoon"), ("0031 6 1234 5678", "telefoon"),
    ("06\u201112345678", "telefoon"),                          # non-breaking hyphen
    ("０６-１２３４５６７８", "telefoon"),                          # full-width digits
    ("123 456 782", "bsn"), ("123-456-782", "bsn"), ("1234.56.782", "bsn"),
    ("1\u00ad23456782", "bsn"),                                # soft hyphen
    ("NL91ABNA0417164300", "iban"), ("NL91 ABNA 0417 1643 00", "iban"),
    ("NL91 АBNA 0417 1643 00", "iban"),                       # Cyrillic A
    ("GF-123-B", "kenteken"), ("12-GBF-3", "kenteken"), ("XX\u201399\u201399", "kenteken"),
    ("Spui 21", "adres"), ("Burg. de Vlugtlaan 12a", "adres"),
    ("Kerkstr\u0430at 12", "adres"),
    ("moeder＠example.nl", "email"), ("moeder [at] example.nl", "email"),
])
def test_a_disguised_identifier_of_each_kind_is_found(text, kind):
    findings = scan_text("x", text, ["Jansen"], case_start_year=2025)
    assert kind in {f.kind for f in findings}, (text, findings)


def test_findings_show_the_text_as_written_and_the_entry_that_matched():
    text = "Gesprek met Jan\u200bsen, daarna met de\nVries."
    findings = scan_text("narrative.summary", text, ["Jansen", "de Vries"])
    assert [f.text for f in findings] == ["Jan\u200bsen", "de\nVries"]
    assert [text[f.start:f.start + len(f.text)] for f in findings] == [f.text for f in findings]
    assert findings[0].shown == "Jan⟨U+200B⟩sen"
    message = findings[0].format()
    assert "'Jan⟨U+200B⟩sen'" in message and "lijstwoord 'Jansen'" in message
    assert findings[1].entry == "de Vries"


@pytest.mark.parametrize("text", [
    "€ 1.234,56", "€ 123.456.782", "PT-AMS-014", "OTS-JAAR1", "in 2025 en 2026",
    "12 uur per week", "Op 15 januari 2025 kwam Veilig Thuis.",
    "Periode 01-02-2025 - 30-06-2025.", "Kind 2 is geboren in 2015.",
])
def test_look_alikes_are_not_flagged(text):
    assert scan_text("x", text, case_start_year=2025) == []


def test_the_file_name_an_output_prints_is_checked():
    case = load_case(ROOT / "examples" / "pt-ams-014-noordhoek.yaml")
    assert check_privacy(case, [], file_name="casus-3.yaml").clean
    status = check_privacy(case, ["Jansen"], file_name="fam Jansen, Kerkstraat 12.yaml")
    assert {(f.path, f.kind) for f in status.open} == {
        ("bestand", "verboden woord"), ("bestand", "adres")}
