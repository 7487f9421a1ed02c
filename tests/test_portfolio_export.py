"""Portfolio of cases and the spreadsheet exports, read back as an evaluator would."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from conftest import TEST_TABLE, case_yaml

from effectencalculator.export.rows import case_sheets, portfolio_sheets
from effectencalculator.export.spreadsheet import write_csv, write_xlsx
from effectencalculator.model.calculation import calculate
from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.storage import load_case, load_table

# net result = OTS 8000 × index 125/100 × 0.8 (= 8000 at 2024 prices) − UUR 10 × 100
SCENARIOS = """\
- id: interventie
  role: intervention
  lines:
    - {item: UUR, quantity: 10, date: 2024-03-01, approach_cost: true}
- id: referentie
  role: reference
  lines:
    - {item: OTS, quantity: 1, date: 2024-05-01, probability: 0.8}
    - {item: ONBEKEND, quantity: 1, date: 2024-05-01}
"""


@pytest.fixture
def folder(tmp_path):
    cases = tmp_path / "casussen"
    cases.mkdir()
    (cases / "a.yaml").write_text(case_yaml(SCENARIOS), "utf-8")
    (cases / "b.yaml").write_text(case_yaml(SCENARIOS.replace("quantity: 10", "quantity: 30"))
                                  .replace("TEST-001", "TEST-002"), "utf-8")
    (cases / "c.yaml").write_text(case_yaml(SCENARIOS, settings="price_year: 2025")
                                  .replace("TEST-001", "TEST-003"), "utf-8")
    (cases / "kapot.yaml").write_text("schema_version: 1\ncase: [niet goed\n", "utf-8")
    (cases / "notities.txt").write_text("geen casus", "utf-8")
    table = tmp_path / "tabel.yaml"
    table.write_text(TEST_TABLE, "utf-8")
    return cases, load_table(table)


def test_portfolio_figures_and_failures(folder):
    cases, table = folder
    portfolio = build_portfolio([cases], table)
    # two cases use the table's price year 2024 (no price_year), one 2025: 2024 wins
    assert portfolio.price_year == 2024
    assert [c.path.name for c in portfolio.cases] == ["a.yaml", "b.yaml", "c.yaml",
                                                      "kapot.yaml"]
    broken = portfolio.failed
    assert len(broken) == 1 and "YAML-fout" in broken[0].errors[0].message
    # a: 8000 − 1000 = 7000; b: 8000 − 3000 = 5000; c: repriced 2025 → 2024: 7000
    nets = [c.result.comparison.net_result for c in portfolio.priced]
    assert nets == [pytest.approx(7000), pytest.approx(5000), pytest.approx(7000)]
    stats = portfolio.stats("net_result")
    assert (stats.total, stats.mean, stats.median) == (pytest.approx(19000),
                                                       pytest.approx(19000 / 3),
                                                       pytest.approx(7000))
    assert portfolio.by_payer() == {"gemeente": pytest.approx(19000)}
    assert portfolio.priced[2].repriced == ["prijspeil 2025 omgerekend naar 2024"]
    assert portfolio.priced[0].repriced == []


def test_portfolio_with_a_chosen_price_year(folder):
    cases, table = folder
    portfolio = build_portfolio([cases / "a.yaml"], table, price_year=2025)
    # 2025 prices: OTS 8000 × 130/100 × 0.8 = 8320; UUR 10 × 100 × 130/125 = 1040
    assert portfolio.priced[0].result.comparison.net_result == pytest.approx(8320 - 1040)
    assert portfolio.priced[0].repriced == ["prijspeil 2024 omgerekend naar 2025"]


def test_case_xlsx_has_numbers_not_text(folder, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    cases, table = folder
    case = load_case(cases / "a.yaml")
    result = calculate(case, table)
    target = tmp_path / "casus.xlsx"
    write_xlsx(case_sheets(case, result, table), target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Samenvatting", "Maatschappij en financiers",
                               "Regels interventie", "Regels referentie", "Posten en bronnen"]
    summary = {(r[0], r[1], r[2]): r[3] for r in
               book["Samenvatting"].iter_rows(min_row=2, values_only=True)}
    assert summary[("netto resultaat", "referentie − interventie", None)] == \
        pytest.approx(7000)
    lines = list(book["Regels referentie"].iter_rows(values_only=True))
    header, ots, unknown = lines[0], lines[1], lines[2]
    row = dict(zip(header, ots))
    assert row["kosten"] == pytest.approx(8000) and isinstance(row["kosten"], (int, float))
    assert row["kans"] == pytest.approx(0.8) and row["indexfactor"] == pytest.approx(1.25)
    assert row["datum"].date() == date(2024, 5, 1)
    assert dict(zip(header, unknown))["geprijsd"] is False
    items = list(book["Posten en bronnen"].iter_rows(values_only=True))
    assert {r[0] for r in items[1:]} == {"OTS", "UUR"}
    assert "https://example.org/s1" in items[1][14]


def test_portfolio_xlsx_and_csv(folder, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    cases, table = folder
    sheets = portfolio_sheets(build_portfolio([cases], table))
    write_xlsx(sheets, tmp_path / "portfolio.xlsx")
    book = openpyxl.load_workbook(tmp_path / "portfolio.xlsx")
    rows = list(book["Casussen"].iter_rows(values_only=True))
    header = rows[0]
    by_file = {dict(zip(header, r))["bestand"].split("/")[-1]: dict(zip(header, r))
               for r in rows[1:]}
    assert by_file["b.yaml"]["netto resultaat"] == pytest.approx(5000)
    assert by_file["b.yaml"]["niet geprijsde regels"] == 1
    assert "YAML-fout" in by_file["kapot.yaml"]["fout"]
    write_csv(sheets[0], tmp_path / "portfolio.csv")
    with open(tmp_path / "portfolio.csv", encoding="utf-8", newline="") as handle:
        data = list(csv.DictReader(handle))
    assert float(data[1]["netto resultaat"]) == pytest.approx(5000)
    assert data[3]["fout"] and data[3]["netto resultaat"] == ""


def test_summary_sheet_says_when_the_difference_is_uncertain():
    from conftest import ROOT

    from effectencalculator.export.rows import summary_sheet
    from effectencalculator.model.tables import table_for_case
    from effectencalculator.model.uncertainty import simulate

    case = load_case(ROOT / "examples" / "pt-gld-047-van-der-veen.yaml")
    table, _ = table_for_case(case)
    result = calculate(case, table)
    u = simulate(result)
    rows = {(r[0], r[1]): r[3] for r in summary_sheet(result, u).rows}
    pair = "referentie − interventie"
    assert u.uncertain and rows[("oordeel", pair)] == "onzeker: ongeveer gelijk"
    assert rows[("netto resultaat P10", pair)] == u.net_result.p10


def test_portfolio_totals_are_the_sum_of_the_cases_own_summaries(folder):
    from effectencalculator.model.summary import summary_dict

    cases, table = folder
    portfolio = build_portfolio([cases], table)
    own = []
    for entry in portfolio.priced:
        case = load_case(entry.path)
        case.settings.price_year = portfolio.price_year
        own.append(summary_dict(calculate(case, table))["comparison"])
    assert portfolio.stats("net_result").total == pytest.approx(
        sum(c["net_result"] for c in own), abs=0.01)
    assert portfolio.stats("besparingen").total == pytest.approx(
        sum(c["besparingen"] for c in own), abs=0.01)
    payers = {}
    for c in own:
        for payer, value in c["by_payer"].items():
            payers[payer] = payers.get(payer, 0.0) + value
    assert portfolio.by_payer() == pytest.approx(payers, abs=0.01)


def test_repricing_with_another_table_changes_the_figures_as_expected(folder, tmp_path):
    from effectencalculator.model.storage import load_table as load

    cases, table = folder
    dearer = tmp_path / "duurder.yaml"
    dearer.write_text(TEST_TABLE.replace("name: test-tabel", "name: duurder-tabel")
                      .replace("tariff: 100.0", "tariff: 110.0").replace("high: 120.0",
                                                                        "high: 130.0"), "utf-8")
    base = build_portfolio([cases / "a.yaml"], table).priced[0]
    other = build_portfolio([cases / "a.yaml"], load(dearer)).priced[0]
    # the intervention's 10 uur cost € 10 more each: the net result drops by € 100
    assert other.result.comparison.net_result == pytest.approx(
        base.result.comparison.net_result - 100)
    assert other.repriced == ["tabel 'test-tabel' vervangen door 'duurder-tabel'"]


def test_xlsx_read_back_with_pandas_equals_the_summary(folder, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("openpyxl")
    from effectencalculator.model.summary import summary_dict

    cases, table = folder
    case = load_case(cases / "a.yaml")
    result = calculate(case, table)
    target = tmp_path / "casus.xlsx"
    write_xlsx(case_sheets(case, result, table), target)
    frame = pd.read_excel(target, sheet_name="Samenvatting")
    summary = summary_dict(result)
    pair = "referentie − interventie"

    def value(figure, scenario, key=None):
        rows = frame[(frame["grootheid"] == figure) & (frame["scenario"] == scenario)]
        if key is not None:
            rows = rows[rows["sleutel"] == key]
        assert len(rows) == 1, (figure, scenario, key)
        return float(rows["waarde"].iloc[0])

    for sid, s in summary["scenarios"].items():
        assert round(value("totaal", sid), 2) == s["total"]
        for payer, amount in s["by_payer"].items():
            assert round(value("per financier", sid, payer), 2) == amount
    c = summary["comparison"]
    assert round(value("netto resultaat", pair), 2) == c["net_result"]
    assert round(value("besparingen", pair), 2) == c["besparingen"]
    assert round(value("baten", pair), 2) == c["baten"]
    lines = pd.read_excel(target, sheet_name="Regels referentie")
    assert lines["kosten"].dtype.kind == "f"
    assert round(lines["kosten geteld"].sum(), 2) == summary["scenarios"]["referentie"]["total"]
