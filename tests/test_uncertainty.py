"""Sensitivity swings and the Monte Carlo interval, checked by hand and by expectation."""

from __future__ import annotations

import pytest
from conftest import case_yaml

from effectencalculator.model.calculation import calculate
from effectencalculator.model.sensitivity import sensitivity
from effectencalculator.model.storage import load_case, load_table
from effectencalculator.model.uncertainty import simulate

THREE_LINES = """\
- id: interventie
  role: intervention
  lines:
    - {item: UUR, quantity: 10, date: 2024-03-01, approach_cost: true}
- id: referentie
  role: reference
  lines:
    - {item: UUR, quantity: 20, date: 2024-04-01, probability: 0.5}
    - {item: OTS, quantity: 1, date: 2024-05-01, probability: 0.8}
"""


def result_for(write_case, table_path, scenarios=THREE_LINES, extra=""):
    case = load_case(write_case(case_yaml(scenarios, extra=extra)))
    return calculate(case, load_table(table_path))


def test_sensitivity_swings_by_hand(write_case, table_path):
    # UUR: € 100 (low 80, high 120); OTS: 8000 × 125/100 = € 10.000, no range.
    # net = referentie − interventie = (1000 + 8000) − 1000 = 8000
    swings = sensitivity(result_for(write_case, table_path))
    assert [(s.scenario_id, s.item_id) for s in swings] == [
        ("referentie", "OTS"), ("referentie", "UUR"), ("interventie", "UUR")]
    ots, ref_uur, itv_uur = swings
    # OTS: p → 0 removes 8000; p → 1 adds 10000 × 0.2 = 2000; no tariff range
    assert ots.tariff_low is None and ots.tariff_high is None
    assert ots.probability_zero == pytest.approx(-8000)
    assert ots.probability_one == pytest.approx(2000)
    assert (ots.low, ots.high) == (pytest.approx(-8000), pytest.approx(2000))
    # referentie UUR: 20 × 0.5 × (80 − 100) = −200; high +200; p0 −1000; p1 20×100×0.5 = +1000
    assert ref_uur.tariff_low == pytest.approx(-200)
    assert ref_uur.tariff_high == pytest.approx(200)
    assert ref_uur.probability_zero == pytest.approx(-1000)
    assert ref_uur.probability_one == pytest.approx(1000)
    # interventie UUR (sign −1): cheaper tariff raises the net result
    assert itv_uur.tariff_low == pytest.approx(200)
    assert itv_uur.tariff_high == pytest.approx(-200)
    assert itv_uur.probability_zero == pytest.approx(1000)
    assert itv_uur.probability_one == pytest.approx(0)
    assert itv_uur.spread == pytest.approx(1200)


def test_monte_carlo_mean_agrees_with_the_deterministic_result(write_case, table_path):
    result = result_for(write_case, table_path)
    mc = simulate(result, draws=20_000, seed=7)
    # symmetric ranges only: the model's mean is the deterministic net result
    assert mc.analytic_mean_net_result == pytest.approx(result.comparison.net_result)
    # standard error: the OTS Bernoulli dominates, sd = 10000 × sqrt(0.16) = 4000 → SE ≈ 28
    assert mc.net_result.mean == pytest.approx(mc.analytic_mean_net_result, abs=150)
    assert mc.net_result.p10 <= mc.net_result.p50 <= mc.net_result.p90
    assert mc.besparingen.mean == pytest.approx(mc.net_result.mean)  # no effect lines
    assert mc.baten.mean == 0.0
    # reproducible with a fixed seed
    assert simulate(result, draws=20_000, seed=7) == mc


def test_monte_carlo_uses_the_analytic_mean_of_asymmetric_ranges(write_case, table_path):
    # EIGEN: low 50, tariff 100, high 250 → mean of the triangle (50 + 100 + 250) / 3
    extra = """\
        custom_items:
          - {id: EIGEN, name: Eigen post, category: x, kind: effect, unit: uur, tariff: 100.0,
             low: 50.0, high: 250.0, payer: gemeente, source_note: test}
        """
    scenarios = THREE_LINES + """\
    - {item: EIGEN, quantity: 10, date: 2024-06-01}
"""
    result = result_for(write_case, table_path, scenarios, extra)
    mc = simulate(result, draws=20_000, seed=11)
    expected = result.comparison.net_result + 10 * ((50 + 100 + 250) / 3 - 100)
    assert mc.analytic_mean_net_result == pytest.approx(expected)
    assert mc.net_result.mean == pytest.approx(expected, abs=150)
    assert mc.baten.mean == pytest.approx(10 * (50 + 100 + 250) / 3, abs=15)


def test_a_small_difference_is_reported_as_uncertain(write_case, table_path):
    scenarios = """\
    - id: interventie
      role: intervention
      lines:
        - {item: UUR, quantity: 100, date: 2024-03-01, approach_cost: true}
    - id: referentie
      role: reference
      lines:
        - {item: OTS, quantity: 1, date: 2024-05-01, probability: 0.5}
    """
    result = result_for(write_case, table_path, scenarios)
    mc = simulate(result, draws=5_000)
    # deterministic: OTS 10000 × 0.5 − UUR 100 × 100 = 5000 − 10000 = −5000
    assert result.comparison.net_result == pytest.approx(-5000)
    assert mc.uncertain  # half the draws the OTS happens (+10000 − 10000 ≈ 0), half not
    assert 0.0 <= mc.share_intervention_cheaper <= 1.0


def test_no_comparison_no_simulation(write_case, table_path):
    result = result_for(write_case, table_path, """\
        - id: interventie
          role: intervention
          lines: []
        """)
    assert simulate(result) is None and sensitivity(result) == []


def test_monte_carlo_on_the_example_within_one_percent():
    """N = 10 000 on the example: the mean of the draws is within 1 % of the model's
    expected value, which FORMATS.md makes the check (it equals the deterministic result
    only when every range is symmetric; the default table's ranges are not); with a fixed
    seed the run is reproducible."""
    from conftest import EXAMPLE_CASE

    from effectencalculator.model.tables import table_for_case

    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    result = calculate(case, table)
    mc = simulate(result, draws=10_000)
    assert mc.net_result.mean == pytest.approx(mc.analytic_mean_net_result, rel=0.01)
    assert simulate(result, draws=10_000) == mc
    assert simulate(result, draws=10_000, seed=1) != mc
    # without tariff ranges only the probabilities vary: then the expected value is the
    # deterministic result itself, and the mean of the draws is within 1 % of it
    for item in table.items.values():
        item.low = item.high = None
    for item in case.custom_items:
        item.low = item.high = None
    flat = simulate(calculate(case, table), draws=10_000)
    assert flat.analytic_mean_net_result == pytest.approx(result.comparison.net_result)
    assert flat.net_result.mean == pytest.approx(result.comparison.net_result, rel=0.01)


def test_a_certain_line_without_range_is_a_constant(write_case, table_path):
    # only OTS (no range) with p = 1 in the reference; an empty intervention
    result = result_for(write_case, table_path, """\
        - id: interventie
          role: intervention
          lines: []
        - id: referentie
          role: reference
          lines:
            - {item: OTS, quantity: 1, date: 2024-05-01}
        """)
    mc = simulate(result, draws=2_000)
    for value in (mc.net_result.p10, mc.net_result.p50, mc.net_result.p90, mc.net_result.mean):
        assert value == pytest.approx(10_000)  # 8000 × 125/100, every draw
    assert mc.share_intervention_cheaper == 1.0 and not mc.uncertain
