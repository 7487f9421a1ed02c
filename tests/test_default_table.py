"""The shipped default cost table: valid, sourced, and found however it is installed."""

from __future__ import annotations

import re

from conftest import DEFAULT_TABLE

from effectencalculator.model.storage import read_table
from effectencalculator.model.tables import default_table_path, find_table
from effectencalculator.model.vocabulary import KINDS, PAYERS, UNITS


def test_default_table_is_valid_and_found_through_the_package():
    table, findings = read_table(default_table_path())
    assert not findings.has_errors, [f.format() for f in findings.errors]
    assert not findings.warnings, [f.format() for f in findings.warnings]
    assert table.name == "nl-jeugd-gezin"
    assert default_table_path().read_bytes() == DEFAULT_TABLE.read_bytes()
    assert find_table("nl-jeugd-gezin").version == table.version


def test_every_item_has_a_source_with_url_a_price_year_a_unit_and_a_payer():
    table, _ = read_table(DEFAULT_TABLE)
    assert len(table.items) >= 40
    for item in table.items.values():
        assert item.unit in UNITS and item.payer in PAYERS and item.kind in KINDS, item.id
        year = item.price_year if item.price_year is not None else table.price_year
        assert year in table.index.values, item.id
        assert item.tariff >= 0 and item.note.strip(), item.id
        assert item.source, item.id
        for source_id in item.source:
            url = table.sources[source_id].url
            assert re.match(r"https?://\S+$", url), (item.id, source_id, url)
        if item.low is not None or item.high is not None:
            assert (item.low or item.tariff) <= item.tariff <= (item.high or item.tariff)


def test_the_table_covers_the_chain_of_child_protection():
    table, _ = read_table(DEFAULT_TABLE)
    categories = " ".join(sorted({i.category.lower() for i in table.items.values()}))
    for word in ("veilig thuis", "raad", "jeugdbescherming", "uithuisplaatsing", "opvang",
                 "lokaal team", "jeugdhulp", "ggz", "schulden", "werk"):
        assert word in categories, word
    assert {"OTS-JAAR1", "VT-ZAAK", "RVDK-ONDERZOEK", "WIJKTEAM-UUR"} <= set(table.items)
    # old national amounts keep their own price year and are indexed
    assert table.items["OTS-JAAR1"].price_year == 2014


# -- version 2025.1: the December 2026 audit (FORMATS.md 1.1) ---------------------------

def test_every_item_has_a_confidence_and_the_table_a_friction_period():
    from effectencalculator.model.vocabulary import CONFIDENCES
    table, _ = read_table(DEFAULT_TABLE)
    assert table.version == "2025.1"
    assert all(item.confidence in CONFIDENCES for item in table.items.values())
    assert table.friction_period_weeks == 17.24 and table.friction_days == 121  # AU-09
    assert table.friction_source in table.sources


def test_the_audit_corrections_are_in_the_table():
    table, _ = read_table(DEFAULT_TABLE)
    items = table.items
    assert table.index.values[2009] == 90.44  # AU-08, published (not the chained 90,41)
    rvdk = items["RVDK-ONDERZOEK"]  # one basis: per investigation, midpoint of the bounds
    assert (rvdk.low, rvdk.tariff, rvdk.high) == (4675.0, (4675.0 + 16110.0) / 2, 16110.0)
    assert items["VROUWENOPVANG-TRAJECT"].unit == "jaar"
    assert items["VT-MELDING-ONDERZOEK"].tariff == 1011.0
    jzp = items["JEUGDZORGPLUS-DAG"]  # AU-07: 132 000 / (365 × 0,78)
    assert jzp.tariff < jzp.high == round(132000 / (365 * 0.78), 2)
    wijk = items["WIJKTEAM-UUR-INTEGRAAL"]
    assert (wijk.low, wijk.tariff, wijk.high) == (105.26, 109.73, 114.19)
    assert items["RECHTSBIJSTAND-FAMILIE"].tariff == round(7 * 134.47 * 1.21, 2)  # AU-02
    for item_id in ("BIJSTAND-UITVOERING-JAAR", "ONDERWIJS-PO-JAAR", "ONDERWIJS-VO-JAAR"):
        assert items[item_id].kind == "inzet", item_id
    for item_id in ("BIJSTAND-GEZIN-MAAND", "BIJSTAND-ALLEENSTAANDE-MAAND",
                    "ARBEIDSONGESCHIKTHEID-JAAR"):
        assert items[item_id].transfer and items[item_id].transfer_recipient == "huishouden"
    assert items["PRODUCTIVITEIT-UUR"].productivity and items["VERZUIM-DAG"].productivity
    for item_id in ("OTS-JAAR1", "OTS-VERVOLG", "VOOGDIJ-JAAR", "JR-JAAR", "JR-GBM-JAAR",
                    "PLEEGZORG-0-8-DAG", "JJI-DAG", "DETENTIE-DAG"):
        item = items[item_id]
        assert item.low == item.tariff < item.high, item_id
    # OTS high end: 8 758 × (OVA/PPC 2014→2024 1,35374) / (CPI 130,31 / 99,40)
    assert items["OTS-JAAR1"].high == 9043.74
    assert items["PLEEGZORG-0-8-DAG"].cashable is True
    assert items["WIJKTEAM-UUR"].cashable is False


def test_the_old_version_stays_shipped_for_cases_that_recorded_it():
    ref = find_table("nl-jeugd-gezin", "2024.2")
    assert ref is not None and ref.version == "2024.2"
    assert find_table("nl-jeugd-gezin").version == "2025.1"
    old, findings = read_table(ref.path)
    assert not findings.has_errors and old.friction_period_weeks is None


def _comparison(name: str) -> dict:
    from conftest import ROOT

    from effectencalculator.model.calculation import calculate
    from effectencalculator.model.storage import load_case
    from effectencalculator.model.summary import summary_dict
    table, _ = read_table(DEFAULT_TABLE)
    return summary_dict(calculate(load_case(ROOT / "examples" / name), table))["comparison"]


def test_the_examples_priced_with_2025_1():
    ams = _comparison("pt-ams-014-noordhoek.yaml")
    # the reference's extra bijstand 1 Sep 2025 – 31 May 2026: 273 days / 30,4375 × 0,35 ×
    # € 1.851,63 × (134,56 / 130,31) × 0,7 = € 4.201,58, a transfer: 0 for society
    assert ams["transfers"] == 4201.58
    assert ams["by_payer"]["huishouden"] == -4201.58
    assert ams["net_result"] == 35279.0
    utr = _comparison("pt-utr-031-jonkers.yaml")
    # the mother's absence began 7 Oct 2024: everything after 121 days is outside the
    # friction window in both scenarios, so the employer's difference is 0
    assert utr["by_payer"]["werkgever"] == 0.0
    assert utr["net_result"] == 19821.09
    gld = _comparison("pt-gld-047-van-der-veen.yaml")
    assert gld["net_result"] == -10773.3
