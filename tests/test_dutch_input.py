"""The Dutch input parser: what a user types (or pastes) and what it is read as.

Expectations are written by hand; the round-trip tests check that what the program itself
writes (report formatting, the editors' own texts) reads back as the same value.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effectencalculator.model.dutch_input import (
    date_text,
    describe_date,
    describe_number,
    describe_percent,
    number_text,
    parse_date,
    parse_number,
    parse_percent,
)
from effectencalculator.report.format import (
    format_date,
    format_date_short,
    format_number,
    format_percent,
)

D = date(2025, 3, 1)
NOTE = "note"  # marker: the value is read, with a note saying how

DATES: list[tuple[str, object]] = [
    ("1-3-2025", D), ("01-03-2025", D), ("1/3/2025", D), ("01/03/2025", D),
    ("1.3.2025", D), ("1-3-25", (D, NOTE)), ("01/03/25", (D, NOTE)), ("2025-03-01", D),
    ("2025-3-1", D), ("2025/03/01", D), ("1 maart 2025", D), ("1 Maart 2025", D),
    ("1 MAART 2025", D), ("1 mrt 2025", D), ("1 mrt. 2025", D), ("1 Mrt. 2025", D),
    ("1-mrt-2025", D), ("1mrt2025", D), ("  1-3-2025  ", D), ("1 maa 2025", D),
    ("15-12-2025", date(2025, 12, 15)), ("31-12-2025", date(2025, 12, 31)),
    ("29-2-2024", date(2024, 2, 29)), ("3 jan 2026", date(2026, 1, 3)),
    ("3 januari 2026", date(2026, 1, 3)), ("14 feb 2025", date(2025, 2, 14)),
    ("14 febr. 2025", date(2025, 2, 14)), ("7 apr 2025", date(2025, 4, 7)),
    ("7 mei 2025", date(2025, 5, 7)), ("7 jun 2025", date(2025, 6, 7)),
    ("7 juli 2025", date(2025, 7, 7)), ("7 aug. 2025", date(2025, 8, 7)),
    ("7 sep 2025", date(2025, 9, 7)), ("7 sept. 2025", date(2025, 9, 7)),
    ("7 okt 2025", date(2025, 10, 7)), ("7 oktober 2025", date(2025, 10, 7)),
    ("7 nov 2025", date(2025, 11, 7)), ("7 dec 2025", date(2025, 12, 7)),
    ("za 1 maart 2025", D), ("zaterdag 1 mrt 2025", D), ("1-3-69", (date(2069, 3, 1), NOTE)),
    ("1-3-70", (date(1970, 3, 1), NOTE)), ("1-3-00", (date(2000, 3, 1), NOTE)),
    ("1-3-99", (date(1999, 3, 1), NOTE)), ("1\u00a0maart\u00a02025", D),
    ("", None),
    # refused, with the reason's key word
    ("31-2-2025", "28 dagen"), ("29-2-2025", "28 dagen"), ("31-4-2025", "30 dagen"),
    ("0-3-2025", "dag 0"), ("1-13-2025", "maand 13"), ("1-0-2025", "maand 0"),
    ("1-3", "jaar ontbreekt"), ("1-3-", "jaar ontbreekt"), ("1 maart", "jaar ontbreekt"),
    ("1-3-202", "vier cijfers"), ("1-3-2", "vier cijfers"), ("1-3-12025", "vier cijfers"),
    ("1 maa. 2025x", "geen datum"), ("1 xyz 2025", "geen maand"), ("1 ma 2025", "geen maand"),
    ("morgen", "geen datum"), ("1-3/2025", "geen datum"), ("2025-02-30", "28 dagen"),
    ("1-3-1899", "buiten"), ("1-3-2201", "buiten"), ("ma 1 maart 2025", "zaterdag"),
    ("xx 1 maart 2025", "geen dag"), ("20250301", "geen datum"), ("1 3 2025", "geen datum"),
]


def _check(parsed, expected) -> None:
    if expected is None:
        assert parsed.ok and parsed.value is None and parsed.empty
    elif isinstance(expected, str):
        assert not parsed.ok and parsed.value is None
        assert expected in parsed.reason.lower(), parsed.reason
        assert not parsed.reason[:1].islower()
    elif isinstance(expected, tuple):
        value, _ = expected
        assert parsed.ok and parsed.value == value and parsed.reinterpreted, parsed
    else:
        assert parsed.ok, parsed.reason
        assert parsed.value == expected and not parsed.reinterpreted, parsed


@pytest.mark.parametrize("text,expected", DATES)
def test_dates(text, expected):
    _check(parse_date(text), expected)


def test_date_table_size():
    assert len(DATES) >= 40


def test_required_date_refuses_empty():
    assert not parse_date("  ", required=True).ok
    assert "Vul een datum in" in parse_date("", required=True).reason


NUMBERS: list[tuple[str, object]] = [
    ("0", 0.0), ("1", 1.0), ("15", 15.0), ("1500", 1500.0), ("1,5", 1.5), ("0,5", 0.5),
    (",5", 0.5), ("1,25", 1.25), ("2400,50", 2400.5), ("1.234,56", 1234.56),
    ("12.345,67", 12345.67), ("1.234.567,89", 1234567.89), ("1.500,0", 1500.0),
    ("€ 2400,50", 2400.5), ("€2400,50", 2400.5), ("2400,50 €", 2400.5),
    ("€ 1.234,56", 1234.56), ("€ 12,-", 12.0), ("12,--", 12.0), ("€ 1.500,-", 1500.0),
    ("  3  ", 3.0), ("12 345", 12345.0), ("12 345,67", 12345.67), ("1\u00a0500", 1500.0),
    ("+5", 5.0), ("007", 7.0),
    # read with a note: a dot that could have meant the other thing
    ("1.5", (1.5, NOTE)), ("2400.50", (2400.5, NOTE)), ("0.25", (0.25, NOTE)),
    (".5", (0.5, NOTE)), ("1234.567", (1234.567, NOTE)), ("1.50", (1.5, NOTE)),
    ("1.500", (1500.0, NOTE)), ("12.345", (12345.0, NOTE)), ("1.234.567", (1234567.0, NOTE)),
    ("€ 3.462", (3462.0, NOTE)),
    # refused
    ("", "vul een getal in"), ("abc", "geen getal"), ("1,5,6", "te veel"),
    ("1.2.3", "te veel"), ("1,234.5", "punt én komma"), ("1.234,5.6", "punt én komma"),
    ("1,", "onvolledig"), ("1.", "onvolledig"), ("-5", "negatief"), ("€ -5", "negatief"),
    ("−2,5", "negatief"), ("12 34", "spatie"), ("1e3", "geen getal"), ("inf", "geen getal"),
    ("nan", "geen getal"), ("€", "geen getal"), ("--5", "geen getal"), ("5-", "geen getal"),
    ("1.23.456", "te veel"), ("12.34.567", "te veel"), ("1" + "0" * 20, "te groot"),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numbers(text, expected):
    _check(parse_number(text), expected)


def test_number_table_size():
    assert len(NUMBERS) >= 40


@pytest.mark.parametrize("text,expected", [
    ("-5", -5.0), ("−2,5", -2.5), ("€ -1.234,56", -1234.56), ("-€ 12", -12.0),
    ("-0", 0.0), ("", None),
])
def test_negative_allowed_where_the_field_allows_it(text, expected):
    parsed = parse_number(text, negative=True, required=False)
    assert parsed.ok and parsed.value == expected
    if expected == 0.0:
        assert str(parsed.value) == "0.0"  # no "-0"


def test_bounds():
    assert "hoogstens 10" in parse_number("10,5", maximum=10).reason
    assert "minstens 1" in parse_number("0,5", minimum=1).reason
    assert parse_number("10", maximum=10).value == 10.0


PERCENTS: list[tuple[str, object]] = [
    ("60", 60.0), ("60%", 60.0), ("60 %", 60.0), ("60,5 %", 60.5), ("60,5%", 60.5),
    ("0", 0.0), ("0%", 0.0), ("100", 100.0), ("100%", 100.0), ("1", 1.0), ("1%", 1.0),
    ("5", 5.0), ("0,5%", 0.5), ("0,6 %", 0.6), ("1,0%", 1.0), ("33,33", 33.33),
    ("12,5 procent", 12.5), ("75 Procent", 75.0), ("  80%  ", 80.0), ("99,9", 99.9),
    ("2,25%", 2.25), ("1,5", 1.5), ("50\u00a0%", 50.0), ("0,0", 0.0), ("007%", 7.0),
    ("60.5", (60.5, NOTE)), ("60.5%", (60.5, NOTE)), ("2.25", (2.25, NOTE)),
    # refused
    ("", "vul een percentage in"), ("0,6", "onduidelijk"), ("0.6", "onduidelijk"),
    ("0,25", "onduidelijk"), ("1,0", "onduidelijk"), (",5", "onduidelijk"),
    ("101", "hoogstens 100"), ("150%", "hoogstens 100"), ("-5", "negatief"),
    ("-5%", "negatief"), ("%", "geen percentage"), ("60%%", "geen percentage"),
    ("%60", "geen percentage"), ("zestig", "geen getal"), ("60,", "onvolledig"),
    ("1,234.5%", "punt én komma"), ("6 0", "spatie"),
]


@pytest.mark.parametrize("text,expected", PERCENTS)
def test_percents(text, expected):
    _check(parse_percent(text), expected)


def test_percent_table_size():
    assert len(PERCENTS) >= 40


def test_percent_maximum_and_optional():
    assert "hoogstens 99%" in parse_percent("99,5", maximum=99).reason
    assert parse_percent("", required=False).empty


def test_describe():
    assert describe_date(D) == "za 1 maart 2025"
    assert describe_number(1234.5) == "1.234,5"
    assert describe_number(1.5) == "1,5"
    assert describe_number(-0.0000001) == "0"
    assert describe_number(2400.5, grouped=False) == "2400,5"
    assert describe_percent(60.5) == "60,5%"
    assert number_text(None) == "" and number_text(1500.0) == "1500"
    assert number_text(0.605 * 100) == "60,5"  # float noise is not shown
    assert date_text(D) == "1-3-2025" and date_text(None) == ""


# -- round trips: what the program writes reads back the same --------------------------

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@given(days)
def test_round_trip_dates(day):
    for text in (format_date(day), format_date_short(day), describe_date(day), date_text(day),
                 day.isoformat(), f"{day.day:02d}-{day.month:02d}-{day.year}",
                 f"{day.day}/{day.month}/{day.year}"):
        parsed = parse_date(text)
        assert parsed.value == day and not parsed.reinterpreted, text


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=2))
def test_round_trip_report_numbers(cents, decimals):
    value = cents / 100
    text = format_number(value, decimals)
    expected = round(value, decimals)
    parsed = parse_number(text)
    assert parsed.ok, text
    assert parsed.value == pytest.approx(float(text.replace(".", "").replace(",", ".")))
    # within half a unit of the last decimal shown: format_number rounds half up, round()
    # half to even on the binary value (32.05 gives 32,1 and 32.0)
    # (plus the binary representation error of numbers this large: 39228569.05 is stored
    # as ...0.0499999970, so the shown 39.228.569,1 lies 0.0500000030 away)
    tolerance = 0.5 * 10 ** -decimals + 1e-9 + abs(value) * 1e-15
    assert abs(parsed.value - value) <= tolerance, (text, expected)


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_round_trip_editor_texts(value):
    for text in (number_text(value), describe_number(value), "€ " + describe_number(value)):
        parsed = parse_number(text)
        assert parsed.ok, text
        assert parsed.value == pytest.approx(value, abs=1e-6), text


@given(st.integers(min_value=0, max_value=10000))
def test_round_trip_percent(hundredths):
    fraction = hundredths / 10000
    text = format_percent(fraction, 2)  # what the report writes, e.g. '60,50%'
    parsed = parse_percent(text)
    assert parsed.ok, text
    assert parsed.value == pytest.approx(fraction * 100, abs=0.005)
    assert parse_percent(describe_percent(fraction * 100)).value == pytest.approx(
        fraction * 100, abs=1e-6)
