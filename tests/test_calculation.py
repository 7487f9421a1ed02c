"""The calculation rules of FORMATS.md, checked against figures computed by hand."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from conftest import case_yaml

from effectencalculator.model.calculation import calculate
from effectencalculator.model.storage import load_case, load_table
from effectencalculator.model.validation import InvalidInputError

TWO_SCENARIOS = """\
- id: interventie
  role: intervention
  lines:
    - {item: UUR, quantity: 10, date: 2024-03-01, approach_cost: true}
    - {item: VERZUIM, quantity: 20, date: 2024-06-01}
- id: referentie
  role: reference
  lines:
    - {item: OTS, quantity: 1, start: 2024-03-01, end: 2025-02-28, probability: 0.8}
    - {item: BIJSTAND, rate: {quantity: 1, per: maand}, start: 2024-01-01, end: 2024-12-31}
    - {item: GGZ, quantity: 5, date: 2024-05-01}
"""


def run(write_case, table_path, scenarios, settings="", **kw):
    case = load_case(write_case(case_yaml(scenarios, settings, **kw)))
    return calculate(case, load_table(table_path))


def test_rate_across_a_year_boundary(write_case, table_path):
    # 2 uur per week from 2 Dec 2024 to 26 Jan 2025: 30 + 26 = 56 days (inclusive)
    # quantity = 2 × 56 / 7 = 16 uur; cost = 16 × € 100 = € 1.600 (price year 2024 = table's)
    # 2024 share: 1600 × 30/56 = 857.142857…; 2025 share: 1600 × 26/56 = 742.857142…
    result = run(write_case, table_path, """\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, rate: {quantity: 2, per: week}, start: 2024-12-02, end: 2025-01-26}
        """)
    s = result.scenarios["interventie"]
    line = s.lines[0]
    assert line.quantity == pytest.approx(16.0)
    assert s.total == pytest.approx(1600.0)
    assert s.by_year[2024] == pytest.approx(1600 * 30 / 56)
    assert s.by_year[2025] == pytest.approx(1600 * 26 / 56)
    assert result.comparison is None  # no reference scenario


def test_rate_per_month_and_year_use_the_contract_day_counts(write_case, table_path):
    # 1 per maand over 2024 (366 days): 366 / 30.4375 = 12.0246… maanden × € 1.000
    # 1 per jaar over 2024-01-01..2024-07-01 (183 days): 183 / 365.25 jaar × € 100 (UUR)
    result = run(write_case, table_path, """\
        - id: referentie
          role: reference
          lines:
            - {item: BIJSTAND, rate: {quantity: 1, per: maand}, start: 2024-01-01, end: 2024-12-31}
            - {item: UUR, rate: {quantity: 1, per: jaar}, start: 2024-01-01, end: 2024-07-01}
        """)
    lines = result.scenarios["referentie"].lines
    assert lines[0].cost == pytest.approx(366 / 30.4375 * 1000)
    assert lines[1].cost == pytest.approx(183 / 365.25 * 100)


def test_indexation_between_price_years_and_probability(write_case, table_path):
    # OTS: € 8.000 at prijspeil 2014 (index 100) → 2025 (index 130): € 10.400;
    # × probability 0.8 = € 8.320. UUR: € 100 at 2024 (125) → 2025: € 104.
    result = run(write_case, table_path, """\
        - id: referentie
          role: reference
          lines:
            - {item: OTS, quantity: 1, date: 2025-01-10, probability: 0.8}
            - {item: UUR, quantity: 1, date: 2025-01-10}
        """, settings="price_year: 2025")
    s = result.scenarios["referentie"]
    assert result.price_year == 2025
    assert s.lines[0].priced.price == pytest.approx(10400.0)
    assert s.lines[0].cost == pytest.approx(8320.0)
    assert s.lines[1].cost == pytest.approx(104.0)
    assert s.total == pytest.approx(8424.0)


def test_discounting_counts_later_years_less(write_case, table_path):
    # first year of the case period is 2024, r = 3%:
    # € 1.000 in 2024 counts 1000; € 1.000 in 2025 counts 1000 / 1.03 = 970.8737…
    result = run(write_case, table_path, """\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: 10, date: 2024-05-01, approach_cost: true}
            - {item: UUR, quantity: 10, date: 2025-05-01, approach_cost: true}
        """, settings="discount_rate: 0.03")
    s = result.scenarios["interventie"]
    assert s.total == pytest.approx(1000 + 1000 / 1.03)
    assert s.by_year == pytest.approx({2024: 1000.0, 2025: 1000 / 1.03})
    assert s.investment == pytest.approx(1000 + 1000 / 1.03)  # same basis as the totals
    assert s.undiscounted_total == pytest.approx(2000.0)
    assert [r.cost for r in s.lines] == [pytest.approx(1000.0)] * 2  # lines: undiscounted


def test_horizon_cuts_later_years(write_case, table_path):
    # horizon 1 year from 2024: only 2024 counts. The line 2024-12-02..2025-01-26 (56 days,
    # 16 uur, € 1.600) counts 1600 × 30/56; the 2025 point line not at all.
    result = run(write_case, table_path, """\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, rate: {quantity: 2, per: week}, start: 2024-12-02, end: 2025-01-26}
            - {item: GGZ, quantity: 1, date: 2025-06-01}
        """, settings="horizon_years: 1")
    s = result.scenarios["interventie"]
    assert s.total == pytest.approx(1600 * 30 / 56)
    assert s.by_year == pytest.approx({2024: 1600 * 30 / 56})
    assert "zorgverzekeraar" in s.by_payer and s.by_payer["zorgverzekeraar"] == 0.0


def test_unpriced_line_counts_nowhere_but_is_kept(write_case, table_path):
    result = run(write_case, table_path, """\
        - id: interventie
          role: intervention
          lines:
            - {item: ONBEKEND, quantity: 3, date: 2024-02-01, approach_cost: true}
            - {item: UUR, quantity: 2, date: 2024-02-01}
        """)
    s = result.scenarios["interventie"]
    assert s.total == pytest.approx(200.0)
    assert s.investment == 0.0
    assert len(s.unpriced_lines) == 1 and s.unpriced_lines[0].line.item == "ONBEKEND"
    assert s.by_payer == {"gemeente": pytest.approx(200.0)}
    messages = [w.message for w in result.warnings]
    assert any("ONBEKEND" in m and "niet geprijsd" in m for m in messages)
    assert any("kosten van de aanpak" in m for m in messages)


def test_comparison_besparingen_baten_and_return_per_euro(write_case, table_path):
    # interventie: UUR 10 × 100 = 1000 (approach cost), VERZUIM 20 × 40 = 800 (effect)
    # referentie:  OTS 1 × 8000 × 125/100 = 10000 × 0.8 = 8000 (inzet, gemeente)
    #              BIJSTAND 366/30.4375 maanden × 1000 = 12024.64… (effect, gemeente)
    #              GGZ 5 × 120 = 600 (inzet, zorgverzekeraar)
    result = run(write_case, table_path, TWO_SCENARIOS)
    c = result.comparison
    bijstand = 366 / 30.4375 * 1000
    assert c.reference == "referentie" and c.intervention == "interventie"
    assert c.besparingen == pytest.approx(8000 + 600 - 1000)
    assert c.baten == pytest.approx(bijstand - 800)
    assert c.net_result == pytest.approx(8000 + bijstand + 600 - 1800)
    assert c.by_payer == pytest.approx({"gemeente": 8000 + bijstand - 1000,
                                        "werkgever": -800.0, "zorgverzekeraar": 600.0})
    assert c.besparingen_by_payer == pytest.approx({"gemeente": 7000.0,
                                                    "zorgverzekeraar": 600.0})
    assert c.investment == pytest.approx(1000.0)
    assert c.return_per_euro == pytest.approx((c.net_result + 1000) / 1000)


def test_compare_setting_chooses_the_scenarios(write_case, table_path):
    scenarios = TWO_SCENARIOS + """\
- id: referentie-optimistisch
  role: reference
  lines:
    - {item: GGZ, quantity: 5, date: 2024-05-01}
"""
    result = run(write_case, table_path, scenarios,
                 settings="compare: {reference: referentie-optimistisch, "
                          "intervention: interventie}")
    assert result.comparison.reference == "referentie-optimistisch"
    assert result.comparison.net_result == pytest.approx(600 - 1800)
    # without settings.compare: the first reference and the first intervention
    default = run(write_case, table_path, scenarios)
    assert default.comparison.reference == "referentie"


def test_no_investment_gives_no_return_per_euro(write_case, table_path):
    result = run(write_case, table_path, TWO_SCENARIOS.replace(", approach_cost: true", ""))
    assert result.comparison.investment == 0.0
    assert result.comparison.return_per_euro is None


def test_line_without_date_falls_on_the_case_start(write_case, table_path):
    result = run(write_case, table_path, """\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: 1}
        """, period="{start: 2025-03-01, end: 2025-12-31}")
    line = result.scenarios["interventie"].lines[0]
    assert line.first_day == line.last_day == date(2025, 3, 1)
    assert any("begin van de casusperiode" in w.message for w in result.warnings)


def test_missing_index_year_is_an_error_not_an_unpriced_line(write_case, table_path):
    case = load_case(write_case(case_yaml("""\
        - id: referentie
          role: reference
          lines:
            - {item: OTS, quantity: 1, date: 2026-01-10}
        """, settings="price_year: 2026")))
    with pytest.raises(InvalidInputError) as info:
        calculate(case, load_table(table_path))
    assert "2026" in str(info.value) and "OTS" in str(info.value)


def test_custom_items_are_priced_with_the_case_price_year(write_case, table_path):
    # EIGEN-OPPAS: € 20 at prijspeil 2024 → case price year 2025: 20 × 130/125 = 20.80;
    # 5 uur → € 104
    result = run(write_case, table_path, """\
        - id: interventie
          role: intervention
          lines:
            - {item: EIGEN-OPPAS, quantity: 5, date: 2025-02-01}
        """, settings="price_year: 2025", extra="""\
        custom_items:
          - {id: EIGEN-OPPAS, name: Oppas, category: praktisch, kind: inzet, unit: uur,
             tariff: 20.0, price_year: 2024, payer: gemeente, source_note: offerte}
        """)
    line = result.scenarios["interventie"].lines[0]
    assert line.priced.custom is True
    assert line.cost == pytest.approx(104.0)


def test_custom_item_colliding_with_the_table_names_both(write_case, table_path):
    case = load_case(write_case(case_yaml("""\
        - id: interventie
          role: intervention
          lines: []
        """, extra="""\
        custom_items:
          - {id: UUR, name: Mijn uur, kind: inzet, unit: uur, tariff: 1.0, payer: gemeente}
        """)))
    with pytest.raises(InvalidInputError) as info:
        calculate(case, load_table(table_path))
    text = str(info.value)
    assert "custom_items[0].id" in text and "Uur hulp" in text


def test_cumulative_series_ends_at_the_total(write_case, table_path):
    result = run(write_case, table_path, TWO_SCENARIOS, settings="discount_rate: 0.03")
    for s in result.scenarios.values():
        days, values = zip(*s.cumulative)
        assert list(days) == sorted(days)
        assert values[0] == 0.0
        assert values[-1] == pytest.approx(s.total)
        assert all(b >= a - 1e-9 for a, b in itertools.pairwise(values))
