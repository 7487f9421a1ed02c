"""FORMATS.md 1.1 (MKBA): transfers, friction windows, payer override, cashable,
confidence and switching values, against figures computed by hand.

The table below has price year 2024 and cases price in 2024 (index factor 1), and a
friction period of 1,5 weeks: F = ⌊1,5 × 7 + 0,5⌋ = ⌊11,0⌋ = 11 days (Python's
``round(10.5)`` would give 10: the test would catch that reading).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, case_yaml

from effectencalculator.model.breakdown import (
    besparingen_split,
    confidence_contributions,
    low_confidence_share,
)
from effectencalculator.model.calculation import calculate
from effectencalculator.model.sensitivity import sensitivity
from effectencalculator.model.storage import load_case, load_table, read_case, read_table
from effectencalculator.model.summary import summary_dict
from effectencalculator.model.switching import switching_values
from effectencalculator.model.validation import InvalidInputError

MKBA_TABLE = textwrap.dedent("""\
    schema_version: 1
    name: test-tabel
    version: "1.1"
    price_year: 2024
    friction_period_weeks: 1.5
    friction_source: s1
    sources:
      - {id: s1, title: Bron een, publisher: Test, year: 2024, url: "https://example.org/s1"}
    index: {name: testindex, source: s1, values: {2024: 125.0, 2025: 130.0}}
    items:
      - {id: UUR, name: Uur hulp, category: hulp, kind: inzet, unit: uur, tariff: 100.0,
         payer: gemeente, source: s1, low: 80.0, high: 120.0, cashable: false,
         confidence: hoog}
      - {id: PLAATSING, name: Plaatsing, category: verblijf, kind: inzet, unit: dag,
         tariff: 200.0, payer: gemeente, source: s1, cashable: true, confidence: laag}
      - {id: BIJSTAND, name: Bijstand, category: inkomen, kind: effect, unit: maand,
         tariff: 1000.0, payer: gemeente, source: s1, transfer: true, confidence: hoog,
         low: 900.0, high: 1500.0}
      - {id: VERZUIM, name: Verzuim, category: werk, kind: effect, unit: dag, tariff: 100.0,
         payer: werkgever, source: s1, productivity: true, confidence: midden}
    """)


@pytest.fixture
def mkba_table(tmp_path: Path) -> Path:
    path = tmp_path / "test-tabel.yaml"
    path.write_text(MKBA_TABLE, encoding="utf-8")
    return path


def run(write_case, table_path, scenarios, settings="", **kw):
    case = load_case(write_case(case_yaml(scenarios, settings, **kw)))
    return calculate(case, load_table(table_path))


def one(lines: str, role: str = "reference") -> str:
    return f"- id: s\n  role: {role}\n  lines:\n" + textwrap.indent(textwrap.dedent(lines), "    ")


def errors_of(exc: pytest.ExceptionInfo) -> dict[str, str]:
    return {f.path: f.message for f in exc.value.errors}


# -- friction windows -------------------------------------------------------------------

def test_friction_days_round_half_up():
    table = load_table_text(MKBA_TABLE)
    assert table.friction_days == 11
    table.friction_period_weeks = 17.24  # the Kostenhandleiding's: 120,68 + 0,5 → 121
    assert table.friction_days == 121


def load_table_text(text: str):
    from effectencalculator.model.storage import table_from_bytes
    table, findings = table_from_bytes(text.encode(), "t.yaml")
    assert not findings.has_errors, [f.format() for f in findings]
    return table


@pytest.mark.parametrize("line, expected", [
    # inside: 5 days × € 100, window 1–11 March
    ("{item: VERZUIM, rate: {quantity: 1, per: dag}, start: 2024-03-01, end: 2024-03-05}",
     500.0),
    # partly inside: 20 days (€ 2.000), 11 of them in the window → 2000 × 11/20
    ("{item: VERZUIM, rate: {quantity: 1, per: dag}, start: 2024-03-01, end: 2024-03-20}",
     1100.0),
    # outside: the absence began on 1 January, window 1–11 January
    ("{item: VERZUIM, rate: {quantity: 1, per: dag}, start: 2024-03-01, end: 2024-03-10, "
     "absence_start: 2024-01-01}", 0.0),
    # absence_start: window 25 Feb – 6 Mar (2024 is a leap year: 25..29 Feb = 5 days),
    # the line's 1–6 March = 6 of its 10 days → 1000 × 6/10
    ("{item: VERZUIM, rate: {quantity: 1, per: dag}, start: 2024-03-01, end: 2024-03-10, "
     "absence_start: 2024-02-25}", 600.0),
    # date lines: the window's last day counts, the day after does not
    ("{item: VERZUIM, quantity: 3, date: 2024-03-11, absence_start: 2024-03-01}", 300.0),
    ("{item: VERZUIM, quantity: 3, date: 2024-03-12, absence_start: 2024-03-01}", 0.0),
])
def test_friction_window(write_case, mkba_table, line, expected):
    result = run(write_case, mkba_table, one(f"- {line}\n"))
    assert result.productivity_method == "friction"
    assert result.scenarios["s"].total == pytest.approx(expected)
    assert result.scenarios["s"].lines[0].cost == pytest.approx(expected)


def test_friction_window_across_a_year_boundary(write_case, mkba_table):
    # 25 Dec 2024 – 10 Jan 2025: 17 days (€ 1.700); window 25 Dec – 4 Jan: 7 + 4 days
    result = run(write_case, mkba_table, one(
        "- {item: VERZUIM, rate: {quantity: 1, per: dag}, start: 2024-12-25, "
        "end: 2025-01-10}\n"), period="{start: 2024-01-01, end: 2025-12-31}")
    s = result.scenarios["s"]
    assert s.total == pytest.approx(1100.0)
    assert s.by_year == pytest.approx({2024: 700.0, 2025: 400.0})
    assert s.cumulative[-1][1] == pytest.approx(1100.0)


def test_discounting_applies_after_the_cap(write_case, mkba_table):
    # as above with 10 % a year from 2024: 700 + 400 / 1,1
    result = run(write_case, mkba_table, one(
        "- {item: VERZUIM, rate: {quantity: 1, per: dag}, start: 2024-12-25, "
        "end: 2025-01-10}\n"), settings="discount_rate: 0.1")
    assert result.scenarios["s"].total == pytest.approx(700.0 + 400.0 / 1.1)


def test_human_capital_counts_the_whole_absence(write_case, mkba_table):
    result = run(write_case, mkba_table, one(
        "- {item: VERZUIM, rate: {quantity: 1, per: dag}, start: 2024-03-01, "
        "end: 2024-03-20}\n"), settings="productivity_method: human_capital")
    assert result.productivity_method == "human_capital"
    assert result.scenarios["s"].total == pytest.approx(2000.0)


def test_default_method_without_a_friction_period_is_human_capital(write_case, table_path):
    result = run(write_case, table_path, one("- {item: VERZUIM, quantity: 1000, "
                                             "date: 2024-03-01}\n"))
    assert result.productivity_method == "human_capital"


def test_friction_without_a_friction_period_is_an_error(write_case, table_path):
    with pytest.raises(InvalidInputError) as exc:
        run(write_case, table_path, one("- {item: UUR, quantity: 1, date: 2024-03-01}\n"),
            settings="productivity_method: friction")
    assert "settings.productivity_method" in errors_of(exc)


def test_absence_start_after_the_line_start_is_an_error(write_case, mkba_table):
    with pytest.raises(InvalidInputError) as exc:
        run(write_case, mkba_table, one("- {item: VERZUIM, quantity: 1, start: 2024-03-01, "
                                        "end: 2024-03-05, absence_start: 2024-03-02}\n"))
    assert "scenarios[0].lines[0].absence_start" in errors_of(exc)


def test_unknown_productivity_method_is_an_error(write_case, mkba_table):
    with pytest.raises(InvalidInputError) as exc:
        run(write_case, mkba_table, one("- {item: UUR, quantity: 1, date: 2024-03-01}\n"),
            settings="productivity_method: wrijving")
    assert "settings.productivity_method" in errors_of(exc)


# -- transfers --------------------------------------------------------------------------

TRANSFER = """\
- id: interventie
  role: intervention
  lines:
    - {item: UUR, quantity: 10, date: 2024-03-01, approach_cost: true}
- id: referentie
  role: reference
  lines:
    - {item: BIJSTAND, rate: {quantity: 1, per: maand}, start: 2024-01-01, end: 2024-12-31,
       probability: 0.5}
"""
#: 1 per maand over 366 days = 366 / 30,4375 months × € 1.000 × 0,5
BIJSTAND = 366 / 30.4375 * 1000 * 0.5


def test_a_transfer_moves_money_and_adds_nothing(write_case, mkba_table):
    result = run(write_case, mkba_table, TRANSFER)
    ref = result.scenarios["referentie"]
    assert ref.total == 0.0
    assert ref.by_kind == {"inzet": 0.0, "effect": 0.0}
    assert ref.by_category == {}
    assert ref.by_year == {2024: 0.0}
    assert ref.transfers == pytest.approx(BIJSTAND)
    assert ref.by_payer == pytest.approx({"gemeente": BIJSTAND, "huishouden": -BIJSTAND})
    c = result.comparison
    assert c.net_result == pytest.approx(-1000.0)
    assert c.baten == 0.0 and c.besparingen == pytest.approx(-1000.0)
    assert c.transfers == pytest.approx(BIJSTAND)
    assert c.by_payer == pytest.approx({"gemeente": BIJSTAND - 1000.0,
                                        "huishouden": -BIJSTAND})
    assert sum(c.by_payer.values()) == pytest.approx(c.net_result)
    assert c.transfers_by_payer == pytest.approx({"gemeente": BIJSTAND,
                                                  "huishouden": -BIJSTAND})
    data = summary_dict(result)
    assert data["scenarios"]["referentie"]["transfers"] == round(BIJSTAND, 2)
    assert data["comparison"]["transfers"] == round(BIJSTAND, 2)
    assert data["comparison"]["by_payer"]["huishouden"] == round(-BIJSTAND, 2)


def test_both_sides_of_a_transfer_are_equal_after_discounting_and_horizon(write_case,
                                                                         mkba_table):
    result = run(write_case, mkba_table, one(
        "- {item: BIJSTAND, rate: {quantity: 1, per: maand}, start: 2024-07-01, "
        "end: 2025-06-30, probability: 0.7}\n"), settings="discount_rate: 0.05")
    s = result.scenarios["s"]
    assert s.by_payer["gemeente"] == -s.by_payer["huishouden"]
    assert s.transfers == s.by_payer["gemeente"]
    # 2024: 184 of 365 days at factor 1, 2025: 181 days at 1/1,05
    months = 365 / 30.4375
    expected = months * 1000 * 0.7 * (184 / 365 + 181 / 365 / 1.05)
    assert s.transfers == pytest.approx(expected)


def test_a_transfer_is_left_out_of_sensitivity_switching_and_the_simulation(write_case,
                                                                           mkba_table):
    result = run(write_case, mkba_table, TRANSFER)
    assert [s.item_id for s in sensitivity(result)] == ["UUR"]
    switching = switching_values(result)
    # UUR (c = −1000 = the net result) gives k = 0, which is not reported; BIJSTAND has
    # c = 0 however large its transfer
    assert switching.items == [] and switching.net_result == pytest.approx(-1000.0)
    from effectencalculator.model.uncertainty import simulate
    u = simulate(result, draws=2000)
    # BIJSTAND's wide range and its probability would move the net result if counted;
    # UUR's symmetric range leaves the mean at −1000
    assert u.analytic_mean_net_result == pytest.approx(-1000.0)
    assert u.net_result.mean == pytest.approx(-1000.0, abs=15)


def test_a_transfer_as_approach_cost_is_an_error(write_case, mkba_table):
    with pytest.raises(InvalidInputError) as exc:
        run(write_case, mkba_table, one("- {item: BIJSTAND, quantity: 1, date: 2024-03-01, "
                                        "approach_cost: true}\n", role="intervention"))
    assert "scenarios[0].lines[0].approach_cost" in errors_of(exc)


def test_a_line_payer_equal_to_the_recipient_is_an_error(write_case, mkba_table):
    with pytest.raises(InvalidInputError) as exc:
        run(write_case, mkba_table, one("- {item: BIJSTAND, quantity: 1, date: 2024-03-01, "
                                        "payer: huishouden}\n"))
    assert "scenarios[0].lines[0].payer" in errors_of(exc)


@pytest.mark.parametrize("fields, path, error", [
    ("transfer: true, productivity: true", "items[0].productivity", True),
    ("transfer: true, recipient: gemeente", "items[0].recipient", True),
    ("transfer: true, recipient: buurman", "items[0].recipient", True),
    ("recipient: rijk", "items[0].recipient", False),
    ("confidence: zeker", "items[0].confidence", True),
    ("cashable: misschien", "items[0].cashable", True),
    ("transfer: ja", "items[0].transfer", True),
])
def test_item_fields_are_checked(fields, path, error):
    from effectencalculator.model.storage import table_from_bytes
    text = textwrap.dedent(f"""\
        schema_version: 1
        name: t
        version: "1"
        price_year: 2024
        sources: [{{id: s1}}]
        items:
          - {{id: X, name: X, kind: effect, unit: maand, tariff: 1.0, payer: gemeente,
             source: s1, {fields}}}
        """)
    _, findings = table_from_bytes(text.encode(), "t.yaml")
    found = [f for f in findings if f.path == path]
    assert found, [f.format() for f in findings]
    assert found[0].is_error is error
    assert "t.yaml" in found[0].format()


@pytest.mark.parametrize("fields, path", [
    ("friction_period_weeks: 17.24", "friction_source"),
    ("friction_period_weeks: 17.24\nfriction_source: elders", "friction_source"),
    ("friction_period_weeks: -1\nfriction_source: s1", "friction_period_weeks"),
])
def test_friction_fields_are_checked(fields, path):
    from effectencalculator.model.storage import table_from_bytes
    text = f'schema_version: 1\nname: t\nversion: "1"\nprice_year: 2024\n' \
           f'sources: [{{id: s1}}]\n{fields}\nitems: []\n'
    _, findings = table_from_bytes(text.encode(), "t.yaml")
    assert path in {f.path for f in findings.errors}, [f.format() for f in findings]


# -- payers -----------------------------------------------------------------------------

def test_line_payer_overrides_the_item_payer(write_case, mkba_table):
    result = run(write_case, mkba_table, """\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: 2, date: 2024-03-01, payer: huishouden}
            - {item: BIJSTAND, quantity: 1, date: 2024-03-01, payer: rijk}
        - id: referentie
          role: reference
          lines:
            - {item: UUR, quantity: 5, date: 2024-03-01, payer: wlz}
        """)
    itv = result.scenarios["interventie"]
    assert itv.by_payer == pytest.approx({"huishouden": 200.0 - 1000.0, "rijk": 1000.0})
    assert "gemeente" not in itv.by_payer
    c = result.comparison
    assert c.by_payer == pytest.approx({"huishouden": 800.0, "rijk": -1000.0, "wlz": 500.0})
    assert c.besparingen_by_payer == pytest.approx({"huishouden": -200.0, "wlz": 500.0})
    assert sum(c.by_payer.values()) == pytest.approx(c.net_result) == pytest.approx(300.0)


def test_an_unknown_line_payer_is_an_error(write_case, mkba_table):
    with pytest.raises(InvalidInputError) as exc:
        run(write_case, mkba_table, one("- {item: UUR, quantity: 1, date: 2024-03-01, "
                                        "payer: buurman}\n"))
    assert "scenarios[0].lines[0].payer" in errors_of(exc)


# -- cashable, confidence, switching values ---------------------------------------------

SWITCH = """\
- id: interventie
  role: intervention
  lines:
    - {item: UUR, quantity: 10, date: 2024-03-01, approach_cost: true}
- id: referentie
  role: reference
  lines:
    - {item: PLAATSING, quantity: 12.5, date: 2024-03-01, probability: 0.8}
    - {item: UUR, quantity: 5, date: 2024-03-01}
"""
# reference: 12,5 × 200 × 0,8 = 2000 (PLAATSING) + 500 (UUR); intervention: 1000 (UUR)
# net = 1500; PLAATSING c = 2000, UUR c = 500 − 1000 = −500


def test_besparingen_split_and_low_confidence_share(write_case, mkba_table):
    result = run(write_case, mkba_table, SWITCH)
    assert result.comparison.net_result == pytest.approx(1500.0)
    split = besparingen_split(result)
    assert (split.bookable, split.capacity, split.unstated) == pytest.approx(
        (2000.0, -500.0, 0.0))
    assert split.total == pytest.approx(result.comparison.besparingen)
    assert confidence_contributions(result) == pytest.approx({"laag": 2000.0,
                                                              "hoog": -500.0})
    assert low_confidence_share(result) == pytest.approx(2000 / 1500)


def test_switching_values(write_case, mkba_table):
    result = run(write_case, mkba_table, SWITCH)
    sv = switching_values(result)
    # PLAATSING: k = 1 − 1500/2000 = 0,25 (75 % lower); UUR: k = 1 − 1500/−500 = 4
    assert [(s.item_id, s.factor) for s in sv.items] == [("PLAATSING", pytest.approx(0.25)),
                                                         ("UUR", pytest.approx(4.0))]
    assert sv.items[0].change == pytest.approx(-0.75)
    # PLAATSING line: 0,8 − 1500 × 0,8 / 2000 = 0,2; the UUR lines give −2 and 2,5: not shown
    assert [(s.scenario_id, s.line_index, s.switching_probability) for s in sv.lines] == [
        ("referentie", 0, pytest.approx(0.2))]


@pytest.mark.parametrize("change", ["{item: PLAATSING, quantity: 12.5, date: 2024-03-01, "
                                    "probability: 0.2}",
                                    "{item: PLAATSING, quantity: 3.125, date: 2024-03-01, "
                                    "probability: 0.8}"])
def test_at_the_switching_value_the_net_result_is_zero(write_case, mkba_table, change):
    # probability 0,2, or the tariff × 0,25 (as a quarter of the quantity)
    text = SWITCH.replace("{item: PLAATSING, quantity: 12.5, date: 2024-03-01, "
                          "probability: 0.8}", change)
    assert run(write_case, mkba_table, text).comparison.net_result == pytest.approx(0.0)


def test_at_most_three_switching_values_are_shown(write_case, mkba_table):
    # reference line n: 10n days × € 200 × 0,5 = 1000n (sum 15 000); intervention 140 uur
    # = 14 000; net = 1000; line n switches at 0,5 − 1000 × 0,5 / 1000n = 0,5 (1 − 1/n):
    # 0; 0,25; 0,333; 0,375; 0,4 — nearest to 0,5: n = 5, 4, 3. The intervention line:
    # 1 − 1000 / −14 000 > 1, not shown.
    lines = "".join(f"    - {{item: PLAATSING, quantity: {10 * n}, date: 2024-03-0{n}, "
                    f"probability: 0.5}}\n" for n in range(1, 6))
    text = ("- id: interventie\n  role: intervention\n  lines:\n"
            "    - {item: UUR, quantity: 140, date: 2024-03-01}\n"
            "- id: referentie\n  role: reference\n  lines:\n" + lines)
    sv = switching_values(run(write_case, mkba_table, text))
    assert sv.net_result == pytest.approx(1000.0)
    assert len(sv.lines) == 5 and len(sv.shown_lines) == 3
    assert [s.line_index for s in sv.shown_lines] == [4, 3, 2]
    assert [s.switching_probability for s in sv.shown_lines] == pytest.approx(
        [0.4, 0.375, 1 / 3])


# -- round trip and old files -----------------------------------------------------------

def test_round_trip_keeps_the_new_fields(write_case, tmp_path, mkba_table):
    from effectencalculator.model.storage import save_case
    path = write_case(case_yaml(one(
        "- {item: VERZUIM, quantity: 1, start: 2024-03-01, end: 2024-03-05, "
        "absence_start: 2024-02-01, payer: huishouden}\n"),
        settings="productivity_method: human_capital",
        extra="custom_items:\n  - {id: EIGEN, name: Eigen, kind: effect, unit: maand, "
              "tariff: 5.0, payer: gemeente, source_note: x, transfer: true, "
              "recipient: rijk, cashable: false, confidence: laag}\n"))
    case = load_case(path)
    line = case.scenarios[0].lines[0]
    assert (line.payer, line.absence_start.isoformat()) == ("huishouden", "2024-02-01")
    item = case.custom_items[0]
    assert (item.transfer, item.recipient, item.cashable, item.confidence) == (
        True, "rijk", False, "laag")
    save_case(case, tmp_path / "terug.yaml")
    again, findings = read_case(tmp_path / "terug.yaml")
    assert not findings.warnings, [f.format() for f in findings]
    again.history, case.history = [], []
    assert again == case


V1 = ROOT / "tests" / "mkba_v1"
OLD_TABLE = ROOT / "cost_tables" / "nl-jeugd-gezin-2024.2.yaml"


def _subset(expected, actual, where=""):
    """Every key of ``expected`` equals in ``actual`` (1.1 may add keys)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key}"
            _subset(value, actual[key], f"{where}.{key}")
    else:
        assert expected == actual, f"{where}: {expected!r} != {actual!r}"


@pytest.mark.parametrize("name", sorted(p.stem for p in V1.glob("*.yaml")))
def test_files_without_the_new_fields_keep_their_figures(name):
    """The three examples as they were before 1.1, priced with the 2024.2 table: the
    summary JSON captured before the change is unchanged to the cent."""
    expected = json.loads((V1 / f"{name}.summary.json").read_text(encoding="utf-8"))
    table, findings = read_table(OLD_TABLE)
    assert not findings.has_errors
    result = calculate(load_case(V1 / f"{name}.yaml"), table)
    actual = json.loads(json.dumps(summary_dict(result)))
    _subset(expected, actual)
    assert actual["scenarios"]["referentie"]["transfers"] == 0.0
    assert actual["comparison"]["transfers"] == 0.0
