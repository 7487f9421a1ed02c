"""A table that extends another (FORMATS.md 1.1): overrides, new items, chains, errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from effectencalculator.model.calculation import calculate
from effectencalculator.model.storage import load_case, read_table
from effectencalculator.model.tables import USER_TABLES_ENV, table_for_case
from tests.conftest import TEST_TABLE, case_yaml

REGION = textwrap.dedent("""\
    schema_version: 1
    name: regio-west
    version: "2026.1"
    title: Tarieven West
    price_year: 2024
    extends: {name: test-tabel}
    sources:
      - {id: contract-2025, title: Contract GI 2025, publisher: Regio West, year: 2025,
         url: "https://example.org/contract"}
    items:
      - {id: OTS, tariff: 15400.00, price_year: 2024, source: contract-2025}
      - {id: DUO, name: Veiligheidsteam duo, category: veiligheid, kind: inzet, unit: uur,
         tariff: 150.0, price_year: 2024, payer: gemeente, source: contract-2025}
    """)


@pytest.fixture
def tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tabellen"
    folder.mkdir()
    (folder / "test-tabel.yaml").write_text(TEST_TABLE, encoding="utf-8")
    monkeypatch.setenv(USER_TABLES_ENV, str(folder))
    return folder


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_override_changes_only_given_fields_and_new_items_are_added(tables):
    table, findings = read_table(_write(tables, "regio.yaml", REGION))
    assert not findings.has_errors, [f.format() for f in findings]
    ots = table.items["OTS"]
    assert (ots.tariff, ots.price_year, ots.source) == (15400.0, 2024, ["contract-2025"])
    assert (ots.name, ots.unit, ots.payer) == ("Ondertoezichtstelling", "jaar", "gemeente")
    assert table.items["UUR"].tariff == 100.0  # inherited untouched
    assert table.items["UUR"].price_year == 2024  # the base's price year, made explicit
    assert table.items["DUO"].tariff == 150.0
    assert set(table.sources) == {"s1", "contract-2025"}
    assert table.index.values[2014] == 100.0  # the base's index
    assert table.overridden == {"OTS"}
    assert [(b.name, b.version) for b in table.bases] == [("test-tabel", "1.0")]
    assert len(table.bases[0].sha256) == 64


def test_case_priced_with_the_regional_table(tables, tmp_path):
    _write(tables, "regio.yaml", REGION)
    case_path = tmp_path / "casus.yaml"
    case_path.write_text(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: DUO, quantity: 10, date: 2024-03-01}
        - id: referentie
          role: reference
          lines:
            - {item: OTS, quantity: 1, date: 2024-03-01}
        """, settings="cost_table: regio-west").replace(
        "  cost_table: test-tabel\n", ""), encoding="utf-8")
    case = load_case(case_path)
    table, _ = table_for_case(case)
    result = calculate(case, table)
    # OTS at the region's contract price (2024 prices, no indexation) and DUO 10 × 150.
    assert result.comparison.net_result == pytest.approx(15400.0 - 1500.0)


def test_null_clears_an_optional_field_and_a_new_tariff_outside_the_range(tables):
    text = REGION.replace(
        "  - {id: OTS, tariff: 15400.00, price_year: 2024, source: contract-2025}",
        "  - {id: UUR, low: null, high: null, note: eigen}\n"
        "  - {id: GGZ, tariff: 500.0, price_year: 2024, source: contract-2025}")
    table, findings = read_table(_write(tables, "regio.yaml", text))
    uur = table.items["UUR"]
    assert (uur.low, uur.high, uur.note) == (None, None, "eigen")
    text = text.replace("{id: UUR, low: null, high: null, note: eigen}",
                        "{id: UUR, tariff: 200.0, price_year: 2024, source: contract-2025}")
    _, findings = read_table(_write(tables, "regio.yaml", text))
    errors = [f for f in findings if f.is_error]
    assert len(errors) == 1
    assert errors[0].path == "items[0].tariff"
    assert errors[0].file.endswith("regio.yaml")
    assert "geërfde bereik" in errors[0].message


def test_a_new_tariff_needs_its_source_and_price_year(tables):
    text = REGION.replace("{id: OTS, tariff: 15400.00, price_year: 2024, source: contract-2025}",
                          "{id: OTS, tariff: 15400.00}")
    _, findings = read_table(_write(tables, "regio.yaml", text))
    paths = {f.path for f in findings if f.is_error}
    assert paths == {"items[0].source", "items[0].price_year"}


def test_a_source_id_in_both_tables_is_an_error(tables):
    text = REGION.replace("id: contract-2025, title", "id: s1, title")
    _, findings = read_table(_write(tables, "regio.yaml", text))
    assert any(f.path == "sources[0].id" and "basistabel" in f.message
               for f in findings if f.is_error)


def test_missing_base_and_missing_version_name_the_table(tables):
    text = REGION.replace("extends: {name: test-tabel}", "extends: {name: elders}")
    _, findings = read_table(_write(tables, "regio.yaml", text))
    assert any("'elders'" in f.message and "niet gevonden" in f.message for f in findings)
    text = REGION.replace("extends: {name: test-tabel}",
                          'extends: {name: test-tabel, version: "9.9"}')
    _, findings = read_table(_write(tables, "regio.yaml", text))
    assert any("versie 9.9" in f.message for f in findings if f.is_error)


def test_a_cycle_and_a_chain_of_more_than_four_are_errors(tables):
    a = REGION.replace("name: regio-west", "name: ring-a").replace(
        "extends: {name: test-tabel}", "extends: {name: ring-b}")
    b = REGION.replace("name: regio-west", "name: ring-b").replace(
        "extends: {name: test-tabel}", "extends: {name: ring-a}")
    _write(tables, "b.yaml", b)
    _, findings = read_table(_write(tables, "a.yaml", a))
    assert any("kring" in f.message for f in findings if f.is_error)

    previous = "test-tabel"
    for n in range(1, 5):  # test-tabel ← t1 ← t2 ← t3 ← t4: five tables
        text = REGION.replace("name: regio-west", f"name: t{n}").replace(
            "extends: {name: test-tabel}", f"extends: {{name: {previous}}}").replace(
            "id: contract-2025", f"id: contract-{n}").replace(
            "source: contract-2025", f"source: contract-{n}")
        _write(tables, f"t{n}.yaml", text)
        previous = f"t{n}"
    table, findings = read_table(tables / "t3.yaml")  # four tables: allowed
    assert not findings.has_errors, [f.format() for f in findings]
    assert [b.name for b in table.bases] == ["t2", "t1", "test-tabel"]
    _, findings = read_table(tables / "t4.yaml")
    assert any("langer dan 4" in f.message for f in findings if f.is_error)


def test_a_base_next_to_the_extending_file_is_found(tmp_path, monkeypatch):
    monkeypatch.setenv(USER_TABLES_ENV, str(tmp_path / "leeg"))
    folder = tmp_path / "project"
    folder.mkdir()
    _write(folder, "basis.yaml", TEST_TABLE)
    table, findings = read_table(_write(folder, "regio.yaml", REGION))
    assert not findings.has_errors
    assert table.bases[0].path == folder / "basis.yaml"


def test_a_fault_in_a_new_item_names_the_extending_file_and_its_position(tables):
    text = REGION.replace("unit: uur,\n     tariff: 150.0", "unit: liter,\n     tariff: 150.0")
    _, findings = read_table(_write(tables, "regio.yaml", text))
    errors = [f for f in findings if f.is_error]
    assert [(Path(f.file).name, f.path) for f in errors] == [("regio.yaml", "items[1].unit")]
    assert errors[0].line == 12  # the item's line in the extending file


def _regional_case(tables: Path, tmp_path: Path) -> Path:
    _write(tables, "regio.yaml", REGION)
    case_path = tmp_path / "casus.yaml"
    case_path.write_text(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: DUO, quantity: 10, date: 2024-03-01}
        - id: referentie
          role: reference
          lines:
            - {item: OTS, quantity: 1, date: 2024-03-01}
            - {item: UUR, quantity: 2, date: 2024-03-01}
        """).replace("cost_table: test-tabel", "cost_table: regio-west"), encoding="utf-8")
    return case_path


def test_the_case_records_both_tables_and_json_names_the_base(tables, tmp_path, capsys):
    import json

    from effectencalculator.cli import main
    from effectencalculator.model.storage import read_case, save_case

    case_path = _regional_case(tables, tmp_path)
    case = load_case(case_path)
    table, _ = table_for_case(case)
    save_case(case, case_path, table)
    saved, _ = read_case(case_path)
    base = saved.settings.cost_table_base
    assert (saved.settings.cost_table, base.name, base.version) == (
        "regio-west", "test-tabel", "1.0")
    assert base.sha256 == table.bases[0].sha256
    assert main(["summary", str(case_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cost_table"]["name"] == "regio-west"
    assert data["cost_table"]["base"] == {"name": "test-tabel", "version": "1.0",
                                          "sha256": table.bases[0].sha256}

    # The base changes later: the case says its figures rested on another base.
    (tables / "test-tabel.yaml").write_text(TEST_TABLE + "# gewijzigd\n", encoding="utf-8")
    _, notes = table_for_case(saved)
    assert [n.path for n in notes] == ["settings.cost_table_base"]


def test_the_report_names_both_tables_and_marks_the_overridden_items(tables, tmp_path):
    from pypdf import PdfReader

    from effectencalculator.report.build import write_report_pdf

    case = load_case(_regional_case(tables, tmp_path))
    table, _ = table_for_case(case)
    out = tmp_path / "rapport.pdf"
    write_report_pdf(case, table, out)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "regio-west, versie 2026.1" in text
    assert "test-tabel, versie 1.0" in text
    assert "Eigen tarieven voor OTS" in text
    assert text.count("vervangt de basistabel") == 1  # OTS only, not UUR or DUO
