"""A region's own table drafted as typed text: checked cell by cell (row and field named),
written as a table that ``extends`` its base (only changed items, with their source), read
back by the same loader, and edited again without losing what the dialog does not show."""

from __future__ import annotations

import pytest
from conftest import TEST_TABLE

from effectencalculator.model.own_table import DraftProblems, OwnTableDraft, save_draft
from effectencalculator.model.storage import load_table
from effectencalculator.model.tables import find_base_table
from effectencalculator.model.yaml_io import read_yaml_file


@pytest.fixture
def base(tmp_path):
    folder = tmp_path / "tabellen"
    folder.mkdir()
    (folder / "test-tabel.yaml").write_text(TEST_TABLE, encoding="utf-8")
    return load_table(folder / "test-tabel.yaml"), folder


def draft_with_new_tariff(base_table) -> OwnTableDraft:
    draft = OwnTableDraft.new(base_table, {"test-tabel"})
    draft.name, draft.version, draft.title = "regio-west", "2026.1", "Tarieven West"
    row = draft.add_base_item("UUR")
    draft.set_text(row, "tariff", "110,50")
    draft.set_text(row, "price_year", "2024")
    draft.set_text(row, "source", "Contract regio West 2024")
    draft.set_text(row, "url", "https://example.org/contract")
    return draft


def test_a_changed_tariff_is_written_as_an_override_with_its_source(base):
    table, folder = base
    saved = save_draft(draft_with_new_tariff(table), folder)
    assert saved.name == "regio-west" and saved.bases[0].name == "test-tabel"
    assert saved.items["UUR"].tariff == pytest.approx(110.5)
    assert saved.items["UUR"].name == "Uur hulp"          # the rest is the base's
    assert saved.items["OTS"].tariff == pytest.approx(8000.0)
    assert saved.overridden == {"UUR"}
    data = read_yaml_file(folder / "regio-west.yaml").data
    assert data["extends"] == {"name": "test-tabel", "version": "1.0"}
    assert data["items"] == [{"id": "UUR", "tariff": 110.5, "price_year": 2024,
                              "source": "regio-west-bron-1"}]
    assert data["sources"] == [{"id": "regio-west-bron-1",
                                "title": "Contract regio West 2024",
                                "url": "https://example.org/contract"}]


def test_a_new_item_is_complete_and_its_choices_are_read_in_any_case(base):
    table, folder = base
    draft = OwnTableDraft.new(table)
    draft.name, draft.version = "regio-west", "1"
    row = draft.add_new_item()
    for key, text in {"id": "RVT-DUO-UUR", "name": "Veiligheidsteam, uur (duo)",
                      "category": "veiligheid", "kind": "Inzet", "unit": "UUR",
                      "payer": "gemeente", "tariff": "1.234,56", "price_year": "2025",
                      "source": "Offerte 2025", "low": "1.000", "high": "1.500"}.items():
        draft.set_text(row, key, text)
    saved = save_draft(draft, folder)
    item = saved.items["RVT-DUO-UUR"]
    assert (item.kind, item.unit, item.payer) == ("inzet", "uur", "gemeente")
    assert (item.tariff, item.low, item.high, item.price_year) == (1234.56, 1000.0, 1500.0,
                                                                    2025)
    assert saved.overridden == set()


def test_cells_that_do_not_read_are_named_and_nothing_is_written(base):
    table, folder = base
    draft = draft_with_new_tariff(table)
    draft.set_text(0, "tariff", "veel")
    draft.set_text(0, "price_year", "1850")
    new = draft.add_new_item()
    draft.set_text(new, "id", "UUR")
    with pytest.raises(DraftProblems) as caught:
        save_draft(draft, folder)
    texts = [p.format() for p in caught.value.problems]
    assert any(t.startswith("Regel 1 (UUR), Tarief: ") for t in texts), texts
    assert any(t.startswith("Regel 1 (UUR), Prijspeil: ") for t in texts), texts
    assert any(t.startswith("Regel 2 (UUR), Code: 'UUR' staat al in de basistabel")
               for t in texts), texts
    assert not (folder / "regio-west.yaml").exists()


def test_a_tariff_outside_the_base_range_needs_its_own_range(base):
    table, folder = base
    draft = draft_with_new_tariff(table)
    draft.set_text(0, "tariff", "150")  # the base's UUR runs 80–120
    assert [p.field for p in draft.problems()] == ["high"]
    draft.set_text(0, "low", "140")
    draft.set_text(0, "high", "160")
    assert draft.problems() == []
    saved = save_draft(draft, folder)
    assert (saved.items["UUR"].low, saved.items["UUR"].high) == (140.0, 160.0)


def test_a_name_is_checked_before_anything_else(base):
    table, _ = base
    draft = draft_with_new_tariff(table)
    for name, words in (("", "vul een naam in"), ("Regio West", "alleen kleine letters"),
                        ("test-tabel", "andere naam nodig")):
        draft.name = name
        assert words in draft.problems()[0].format()
    draft.name = "regio-west"
    assert draft.problems() == []


def test_an_unchanged_copy_is_not_written_and_an_empty_draft_is_refused(base):
    table, folder = base
    draft = OwnTableDraft.new(table)
    draft.name, draft.version = "regio-west", "1"
    draft.add_base_item("OTS")
    assert draft.unchanged_codes() == ["OTS"]
    assert draft.problems()[0].field == "items"
    with pytest.raises(DraftProblems):
        save_draft(draft, folder)
    assert not (folder / "regio-west.yaml").exists()


def test_an_own_table_is_edited_again_keeping_what_is_not_shown(base):
    table, folder = base
    save_draft(draft_with_new_tariff(table), folder)
    path = folder / "regio-west.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "notitie: van de regio\n",
                    encoding="utf-8")
    again = OwnTableDraft.from_file(path, find_base_table)
    assert again.rows[0].text("tariff") == "110,5" and again.rows[0].is_override
    assert again.rows[0].text("source") == "Contract regio West 2024"
    again.version = "2026.2"
    again.set_text(0, "tariff", "112")
    saved = save_draft(again, folder)
    assert saved.version == "2026.2" and saved.items["UUR"].tariff == 112.0
    data = read_yaml_file(path).data
    assert data["notitie"] == "van de regio"
    assert data["sources"][0]["id"] == "regio-west-bron-1"  # the same source, not a new one
