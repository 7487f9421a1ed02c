"""The command line: exit codes, stdout and stderr messages (in this process through
``cli.main``; the first test starts the entry point as a user would)."""

from __future__ import annotations

import json

import pytest
from conftest import DEFAULT_TABLE, EXAMPLE_CASE, TEST_TABLE, case_yaml, cli, cli_process

VALID_SCENARIOS = """\
- id: interventie
  role: intervention
  lines:
    - {item: UUR, quantity: 10, date: 2024-03-01, approach_cost: true}
- id: referentie
  role: reference
  lines:
    - {item: OTS, quantity: 1, start: 2024-03-01, end: 2025-02-28, probability: 0.8}
"""


def test_summary_json_follows_the_contract(write_case, table_path):
    case = write_case(case_yaml(VALID_SCENARIOS))
    run = cli_process("summary", case, "--table", table_path, "--json")  # the entry point
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["case"] == "TEST-001" and data["price_year"] == 2024
    assert data["cost_table"]["name"] == "test-tabel" and len(data["cost_table"]["sha256"]) == 64
    itv, ref = data["scenarios"]["interventie"], data["scenarios"]["referentie"]
    assert itv["total"] == 1000.0 and itv["by_kind"] == {"inzet": 1000.0, "effect": 0.0}
    # OTS: 8000 × 125/100 × 0.8 = 8000; 2024-03-01..2025-02-28 = 365 days, 306 in 2024
    assert ref["total"] == 8000.0
    assert ref["by_year"] == {"2024": round(8000 * 306 / 365, 2),
                              "2025": round(8000 * 59 / 365, 2)}
    assert ref["unpriced_lines"] == 0
    c = data["comparison"]
    assert (c["reference"], c["intervention"]) == ("referentie", "interventie")
    assert c["net_result"] == 7000.0 and c["besparingen"] == 7000.0 and c["baten"] == 0.0
    assert c["by_payer"] == {"gemeente": 7000.0}
    assert c["investment"] == 1000.0 and c["return_per_euro"] == pytest.approx(8.0)


def test_summary_of_the_example_with_the_default_table():
    run = cli("summary", EXAMPLE_CASE, "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["cost_table"]["name"] == "nl-jeugd-gezin"
    assert all(s["unpriced_lines"] == 0 for s in data["scenarios"].values())
    assert data["comparison"]["net_result"] > 0
    text = cli("summary", EXAMPLE_CASE)
    assert text.returncode == 0
    assert "Potentiële besparingen" in text.stdout and "€ " in text.stdout


def test_unknown_item_is_a_warning_and_the_line_is_kept(write_case, table_path):
    case = write_case(case_yaml(VALID_SCENARIOS.replace("item: UUR", "item: ONBEKEND")))
    run = cli("summary", case, "--table", table_path, "--json")
    assert run.returncode == 0
    assert "ONBEKEND" in run.stderr and "niet geprijsd" in run.stderr
    assert json.loads(run.stdout)["scenarios"]["interventie"]["unpriced_lines"] == 1


BAD_CASES = {
    "negative quantity": (VALID_SCENARIOS.replace("quantity: 10", "quantity: -2"),
                          "scenarios[0].lines[0].quantity", "negatief"),
    "end before start": (VALID_SCENARIOS.replace("end: 2025-02-28", "end: 2024-01-31"),
                         "scenarios[1].lines[0].end", "vóór het begin"),
    "probability above 1": (VALID_SCENARIOS.replace("probability: 0.8", "probability: 80"),
                            "scenarios[1].lines[0].probability", "buiten 0..1"),
    "quantity and rate": (VALID_SCENARIOS.replace(
        "quantity: 10, date: 2024-03-01",
        "quantity: 10, rate: {quantity: 1, per: week}, start: 2024-03-01, end: 2024-04-01"),
        "scenarios[0].lines[0].rate", "niet allebei"),
    "rate without period": (VALID_SCENARIOS.replace(
        "quantity: 10, date: 2024-03-01", "rate: {quantity: 1, per: week}"),
        "scenarios[0].lines[0].start", "begin"),
    "unknown rate period": (VALID_SCENARIOS.replace(
        "quantity: 10, date: 2024-03-01",
        "rate: {quantity: 1, per: kwartaal}, start: 2024-03-01, end: 2024-04-01"),
        "scenarios[0].lines[0].rate.per", "kwartaal"),
    "date and period": (VALID_SCENARIOS.replace("date: 2024-03-01",
                                                "date: 2024-03-01, start: 2024-03-01"),
                        "scenarios[0].lines[0].date", "niet allebei"),
    "start without end": (VALID_SCENARIOS.replace("date: 2024-03-01", "start: 2024-03-01"),
                          "scenarios[0].lines[0].end", "geen einde"),
    "missing item": (VALID_SCENARIOS.replace("item: UUR, ", ""),
                     "scenarios[0].lines[0].item", "ontbreekt"),
    "missing quantity": (VALID_SCENARIOS.replace("quantity: 10, ", ""),
                         "scenarios[0].lines[0].quantity", "verplicht"),
    "duplicate scenario id": (VALID_SCENARIOS.replace("id: referentie", "id: interventie"),
                              "scenarios[1].id", "dubbel"),
    "missing scenario role": (VALID_SCENARIOS.replace("  role: reference\n", ""),
                              "scenarios[1].role", "ontbreekt"),
    "unknown scenario role": (VALID_SCENARIOS.replace("role: reference", "role: referentie"),
                              "scenarios[1].role", "onbekende rol"),
    "quantity as text": (VALID_SCENARIOS.replace("quantity: 10", "quantity: tien"),
                         "scenarios[0].lines[0].quantity", "getal"),
    "impossible date": (VALID_SCENARIOS.replace("date: 2024-03-01", "date: 2024-02-30"),
                        "scenarios[0].lines[0].date", "datum"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_case_input_exits_2_naming_the_field(name, write_case, table_path):
    scenarios, location, words = BAD_CASES[name]
    case = write_case(case_yaml(scenarios))
    for args in (("summary", case, "--table", table_path), ("validate", case)):
        run = cli(*args)
        assert run.returncode == 2, (name, run.stdout, run.stderr)
        assert str(case) in run.stderr and location in run.stderr and words in run.stderr, \
            run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize("text, location, words", [
    ("schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, end: 2024-12-31}}\n"
     "scenarios: [ {id: a, role: reference\n", None, "YAML-fout"),
    ("schema_version: 2\ncase: {code: X, period: {start: 2024-01-01, end: 2024-12-31}}\n",
     "schema_version", "nieuwere versie"),
    ("case: {code: X, period: {start: 2024-01-01, end: 2024-12-31}}\n",
     "schema_version", "ontbreekt"),
    ("schema_version: 1\ncase: {period: {start: 2024-01-01, end: 2024-12-31}}\n",
     "case.code", "ontbreekt"),
    ("schema_version: 1\ncase: {code: X, period: {end: 2024-12-31}}\n",
     "case.period.start", "ontbreekt"),
    ("schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, end: 2023-12-31}}\n",
     "case.period.end", "vóór het begin"),
    ("schema_version: 1\ncase: {code: X, code: Y, period: {start: 2024-01-01, end: 2024-12-31}}\n",
     "case.code", "twee keer"),
    ("schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, end: 2024-12-31}}\n"
     "custom_items:\n  - {id: EIGEN, name: Eigen, kind: inzet, unit: kwartier, tariff: 5,"
     " payer: gemeente}\n", "custom_items[0].unit", "onbekende eenheid"),
    ("schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, end: 2024-12-31}}\n"
     "settings: {compare: {reference: nergens, intervention: ook-niet}}\n",
     "settings.compare.reference", "bestaat niet"),
])
def test_bad_case_files_exit_2(text, location, words, write_case):
    path = write_case(text)
    run = cli("validate", path)
    assert run.returncode == 2, run.stderr
    assert str(path) in run.stderr and words in run.stderr, run.stderr
    if location:
        assert location in run.stderr


def test_broken_yaml_names_the_line(write_case):
    path = write_case("schema_version: 1\ncase:\n  code: X\n  title: [open\n")
    run = cli("validate", path)
    assert run.returncode == 2
    assert f"{path}:5" in run.stderr or f"{path}:4" in run.stderr, run.stderr


def _table_with(old: str, new: str) -> str:
    assert old in TEST_TABLE
    return TEST_TABLE.replace(old, new, 1)


@pytest.mark.parametrize("table, location, words", [
    (_table_with("unit: uur, tariff: 100.0", "unit: minuut, tariff: 100.0"),
     "items[0].unit", "onbekende eenheid 'minuut'"),
    (_table_with("payer: gemeente, source: s1, low", "payer: provincie, source: s1, low"),
     "items[0].payer", "onbekende financier 'provincie'"),
    (_table_with("kind: inzet, unit: uur", "kind: kosten, unit: uur"),
     "items[0].kind", "onbekende soort 'kosten'"),
    (_table_with("tariff: 100.0", "tariff: -100.0"), "items[0].tariff", "negatief"),
    (_table_with("low: 80.0", "low: 180.0"), "items[0].low", "ondergrens"),
    (_table_with("high: 120.0", "high: 90.0"), "items[0].high", "bovengrens"),
    (_table_with("id: OTS,", "id: UUR,"), "items[1].id", "dubbel"),
    (_table_with("source: s1, low", "source: s9, low"), "items[0].source", "'s9'"),
    (_table_with("2014: 100.0, ", ""), "items[1].price_year", "mist het jaar 2014"),
    (_table_with("name: test-tabel\n", ""), "name", "ontbreekt"),
    (_table_with("  - {id: UUR, name: Uur hulp,", "  - {id: UUR,"),
     "items[0].name", "ontbreekt"),
])
def test_bad_table_input_exits_2_naming_item_and_field(table, location, words, tmp_path,
                                                        write_case):
    path = tmp_path / "tabel.yaml"
    path.write_text(table, encoding="utf-8")
    run = cli("validate", path)
    assert run.returncode == 2, run.stdout
    assert str(path) in run.stderr and location in run.stderr and words in run.stderr, \
        run.stderr
    case = write_case(case_yaml(VALID_SCENARIOS))
    assert cli("summary", case, "--table", path).returncode == 2


def test_missing_index_year_for_the_case_price_year_exits_2(write_case, table_path):
    case = write_case(case_yaml(VALID_SCENARIOS, settings="price_year: 2030"))
    run = cli("summary", case, "--table", table_path)
    assert run.returncode == 2
    assert "settings.price_year" in run.stderr and "2030" in run.stderr


def test_validate_accepts_the_shipped_files():
    run = cli("validate", DEFAULT_TABLE, EXAMPLE_CASE)
    assert run.returncode == 0, run.stderr
    assert "geldig (kostentabel)" in run.stdout and "geldig (casus" in run.stdout


def test_help_lists_every_command():
    run = cli("--help")
    assert run.returncode == 0
    for command in ("open", "summary", "validate", "check", "report", "export", "portfolio"):
        assert command in run.stdout


def test_case_path_or_open_starts_the_desktop_program():
    from effectencalculator.cli import _gui_target

    assert _gui_target([]) == (True, None)
    assert _gui_target(["open"]) == (True, None)
    assert _gui_target(["open", "a.yaml"]) == (True, "a.yaml")
    assert _gui_target(["casus.yaml"]) == (True, "casus.yaml")
    assert _gui_target(["casus.ecase"]) == (True, "casus.ecase")
    assert _gui_target(["summary", "casus.yaml"]) == (False, None)


def test_missing_file_exits_2(tmp_path):
    run = cli("summary", tmp_path / "bestaat-niet.yaml")
    assert run.returncode == 2 and "niet gevonden" in run.stderr


def test_the_summary_command_imports_no_pandas(tmp_path):
    """pandas costs ~0.6 s to import: the case commands never load it (a fresh process,
    so no other test's import counts)."""
    import subprocess
    import sys

    code = ("import sys; from effectencalculator.cli import main; "
            f"code = main(['summary', {str(EXAMPLE_CASE)!r}, '--json']); "
            "print('pandas' in sys.modules, file=sys.stderr); sys.exit(code)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines()[-1] == "False"
