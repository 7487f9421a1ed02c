"""The privacy check finds every planted identifier and nothing in the clean examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

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


# The plain forms of the patterns (model/privacy.py writes them so that the regex engine
# can skip ahead; they must find exactly the same things).
_PLAIN = {
    "_POSTCODE": r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b",
    "_PHONE": r"(?<![\d+])(?:\+31|0031|0)(?:[\s-]?\(?\d\)?){9}(?!\d)",
    "_NINE_DIGITS": r"(?<![\d.])\d{3}[.\s]?\d{2}[.\s]?\d{2}[.\s]?\d{2}(?![\d])|"
                    r"(?<![\d.])\d{4}[.\s]\d{2}[.\s]\d{3}(?!\d)",
    "_STREET": r"\b[A-Z][\w'-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|"
               r"steeg|dreef|plantsoen|markt|erf|wal|veld|baan|park)\s+\d{1,4}"
               r"(?:\s?[a-zA-Z]\b|-\d+)?",
}


def _plain_date():
    from effectencalculator.model import privacy
    months = privacy._MONTHS
    return (rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?P<y1>(?:19|20)\d{{2}})"
            rf"|(?P<y2>(?:19|20)\d{{2}})-\d{{2}}-\d{{2}}"
            rf"|\d{{1,2}}\s+(?:{months})\.?\s+(?P<y3>(?:19|20)\d{{2}}))\b")


_PIECES = ["0", "1", "2", "9", "12", "2012", "1999", "06", "+31", "0031", " ", "  ", "-",
           ".", "/", "(", ")", "a", "AB", "SA", "x", "é", "\n", "Kerkstraat", "laan", "maart",
           "Mrt", "jan.", "_", "123456782", "1234 AB", "612345678", "6 12", "34 56 78"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
@example("bel 0031612345678 of +31 6 12 34 56 78, 06-12345678; 1234.56.782 x123456782")
@example("geb. 3 maart 2012, 12-03-2012 en 2012-03-12; Kerkstraat 12a, 1234 AB Stad")
def test_fast_patterns_find_what_their_plain_forms_find(text):
    import re

    from effectencalculator.model import privacy

    plain = dict(_PLAIN, _DATE=_plain_date())
    for name, pattern in plain.items():
        fast = getattr(privacy, name)
        slow = re.compile(pattern, fast.flags)
        assert [(m.start(), m.group()) for m in fast.finditer(text)] == \
            [(m.start(), m.group()) for m in slow.finditer(text)], (name, text)


_WORDS = ["Jan", "Jan Jansen", "Yılmaz", "IŞIK", "de Vries", "Ærø", "o'Neil", "x-y", "ß"]
_TEXT_PIECES = ["Jan", "jan", "JANSEN", " ", "-", "_", "é", "Yilmaz", "yılmaz", "YILMAZ",
                "Işık", "ışık", "De VRIES", "ærø", "O'NEIL", "X-Y", "ss", "SS", "ß", "a", ".",
                "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=4),
       st.lists(st.sampled_from(_TEXT_PIECES), max_size=12).map("".join))
def test_never_export_words_are_found_as_by_one_plain_search_per_word(words, text):
    """Whole words in any case, one finding per spot, words in list order (text without
    digits or '@', so no other kind of finding takes a spot)."""
    import re

    expected = []
    for word in words:
        plain = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        for m in plain.finditer(text):
            if not any(s <= m.start() < s + len(t) for s, t in expected):
                expected.append((m.start(), m.group()))
    found = [(f.start, f.text) for f in scan_text("x", text, words)]
    assert found == sorted(expected), (words, text)
