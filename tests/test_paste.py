"""Pasting a spreadsheet block: splitting, column matching and reading cells (no Qt)."""

from __future__ import annotations

from datetime import date

from effectencalculator.model.cost_table import CostItem
from effectencalculator.model.paste import (
    PasteColumn,
    cell_text,
    join_block,
    plan_paste,
    resolve_item,
    split_block,
)

COLUMNS = [
    PasteColumn("item", "Post", "item"),
    PasteColumn("quantity", "Aantal", "float", ("rate.quantity",)),
    PasteColumn("per", "Per", "combo", ("rate.per",),
                choices=(("", "totaal"), ("week", "per week"), ("maand", "per maand"))),
    PasteColumn("unit", "Eenheid", "readonly"),
    PasteColumn("date", "Datum", "date", optional=True),
    PasteColumn("probability", "Kans", "percent"),
    PasteColumn("approach", "Aanpak", "check", ("approach_cost",)),
    PasteColumn("note", "Toelichting", "multiline"),
]
ITEMS = {"UUR": CostItem(id="UUR", name="Uur hulp"),
         "OTS": CostItem(id="OTS", name="Ondertoezichtstelling"),
         "A1": CostItem(id="A1", name="Dubbel"), "A2": CostItem(id="A2", name="dubbel")}


def values(plan, row: int) -> dict[str, object]:
    return {COLUMNS[c].key: v for c, v in plan.rows[row].values}


def test_split_reads_quoted_cells_as_excel_writes_them():
    text = 'a\t"twee\tdelen"\t"regel 1\r\nregel 2"\t"zei ""ja"""\r\nb\tc\t\t\r\n\r\n'
    assert split_block(text) == [["a", "twee\tdelen", "regel 1\nregel 2", 'zei "ja"'],
                                 ["b", "c"]]


def test_join_then_split_gives_the_cells_back():
    rows = [["Post", "Toelichting"], ["UUR", "met\ttab en\nnieuwe regel en \"quote\""]]
    assert split_block(join_block(rows)) == rows


def test_header_by_dutch_name_reads_dutch_numbers_dates_and_percentages():
    text = ("Kans\tAantal\tDatum\tPost\n"
            "80%\t1,5\t1-3-2025\tUUR\n"
            "60\t1.234,56\t2025-03-02\tOts\n")
    plan = plan_paste(text, COLUMNS, items=ITEMS)
    assert plan.ok and plan.header
    assert values(plan, 0) == {"item": "UUR", "quantity": 1.5, "date": date(2025, 3, 1),
                               "probability": 80.0}
    # 'Ots': no exact code, no name; the code matched without case
    assert values(plan, 1) == {"item": "OTS", "quantity": 1234.56, "date": date(2025, 3, 2),
                               "probability": 60.0}


def test_header_by_field_name_reads_probability_as_a_fraction():
    plan = plan_paste("item\tquantity\tprobability\tapproach_cost\nUUR\t2\t0,8\tja\n",
                      COLUMNS, items=ITEMS)
    assert plan.ok
    assert values(plan, 0) == {"item": "UUR", "quantity": 2.0, "probability": 80.0,
                               "approach": True}


def test_a_bad_cell_is_named_by_row_and_column_and_nothing_is_planned_silently():
    text = "Post\tAantal\tKans\nUUR\t1,5\t100\nOTS\t1,2,3\t50\nUUR\t2\t0,5\n"
    plan = plan_paste(text, COLUMNS, items=ITEMS)
    assert not plan.ok
    assert plan.errors[0].startswith("rij 3, kolom Aantal: '1,2,3'"), plan.errors
    # 0,5 without % is ambiguous as a typed percentage (50% or 0,5%?)
    assert plan.errors[1].startswith("rij 4, kolom Kans: '0,5' is onduidelijk"), plan.errors
    assert len(plan.errors) == 2


def test_without_header_columns_go_by_position_from_the_start_column():
    plan = plan_paste("UUR\t3\tper week\n", COLUMNS, items=ITEMS)
    assert plan.ok and not plan.header
    assert values(plan, 0) == {"item": "UUR", "quantity": 3.0, "per": "week"}
    plan = plan_paste("2\tmaand\n", COLUMNS, items=ITEMS, start=1)
    assert values(plan, 0) == {"quantity": 2.0, "per": "maand"}
    too_wide = plan_paste("\t".join(["1"] * 9), COLUMNS, items=ITEMS)
    assert not too_wide.ok and "kopregel" in too_wide.errors[0]


def test_unknown_and_doubled_header_columns():
    plan = plan_paste("Post\tIntern\tAantal\nUUR\tx\t1\n", COLUMNS, items=ITEMS)
    assert plan.ok and values(plan, 0) == {"item": "UUR", "quantity": 1.0}
    assert any("'Intern'" in note for note in plan.notes)
    doubled = plan_paste("Aantal\tquantity\n1\t2\n", COLUMNS, items=ITEMS)
    assert not doubled.ok and "rij 1" in doubled.errors[0]


def test_read_only_columns_are_ignored_and_choices_read_by_value_or_label():
    plan = plan_paste("Post\tEenheid\tPer\nUUR\tuur\tPER WEEK\nUUR\tuur\ttotaal\n"
                      "UUR\tuur\telke dag\n", COLUMNS, items=ITEMS)
    assert plan.errors == ["rij 4, kolom Per: 'elke dag' is geen keuze in deze kolom "
                           "(kies uit: per week, per maand)."]
    assert values(plan, 0) == {"item": "UUR", "per": "week"}
    assert values(plan, 1) == {"item": "UUR", "per": ""}


def test_items_exact_code_copied_form_unique_name_else_kept_unpriced():
    assert resolve_item("UUR", ITEMS) == ("UUR", "")
    assert resolve_item("Uur hulp (UUR)", ITEMS) == ("UUR", "")
    assert resolve_item("  ondertoezichtSTELLING ", ITEMS) == ("OTS", "")
    kept, note = resolve_item("Dubbel", ITEMS)
    assert kept == "Dubbel" and "A1, A2" in note
    assert resolve_item("Oppas (EIGEN-OPPAS)", ITEMS)[0] == "EIGEN-OPPAS"  # copied form
    assert resolve_item("Hulp (extern)", ITEMS)[0] == "Hulp (extern)"
    kept, note = resolve_item("Oppas", ITEMS)
    assert kept == "Oppas" and "niet geprijsd" in note
    plan = plan_paste("Post\nOppas\n", COLUMNS, items=ITEMS)
    assert plan.ok and values(plan, 0) == {"item": "Oppas"}
    assert plan.notes and plan.notes[0].startswith("rij 2, kolom Post: post 'Oppas'")


def test_copied_cells_are_dutch_and_read_back_to_the_same_values():
    cells = {"quantity": (1234.56, "1.234,56"), "probability": (80.0, "80%"),
             "date": (date(2025, 3, 1), "01-03-2025"), "approach": (True, "ja"),
             "note": ("a\nb", "a\nb")}
    by_key = {c.key: c for c in COLUMNS}
    row = []
    for key, (value, text) in cells.items():
        assert cell_text(by_key[key], value, "?") == text
        row.append(text)
    block = join_block([[by_key[k].header for k in cells], row])
    plan = plan_paste(block, COLUMNS, items=ITEMS)
    assert plan.ok
    assert values(plan, 0) == {k: v for k, (v, _) in cells.items()}


def test_header_only_and_empty_clipboard_are_errors():
    assert not plan_paste("", COLUMNS).ok
    assert "geen rijen" in plan_paste("Post\tAantal\n", COLUMNS).errors[0]
