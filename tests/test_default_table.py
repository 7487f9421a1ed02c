"""The shipped default cost table: valid, sourced, and found however it is installed."""

from __future__ import annotations

import re

from effectencalculator.model.storage import read_table
from effectencalculator.model.tables import default_table_path, find_table
from effectencalculator.model.vocabulary import KINDS, PAYERS, UNITS

from conftest import DEFAULT_TABLE


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
