"""The Qt table models, checked with pytest-qt's model tester, and the item search."""

from __future__ import annotations

from conftest import EXAMPLE_CASE
from test_ui_support import make_window

from effectencalculator.ui.item_picker import ItemPicker, resolve_item, search_items
from effectencalculator.ui.lines_model import LinesModel
from effectencalculator.ui.rows_model import RowsModel
from effectencalculator.ui.sections.kostentabel import CatalogueModel
from effectencalculator.ui.table_models import (
    custom_items_model,
    events_model,
    members_model,
    outcomes_model,
    perspectives_model,
)


def test_ui_models_pass_the_model_tester(qtbot, qtmodeltester, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    doc = window.doc
    models = [LinesModel(doc, 0), LinesModel(doc, 1), members_model(doc), events_model(doc),
              perspectives_model(doc), outcomes_model(doc), custom_items_model(doc),
              CatalogueModel(doc)]
    for model in models:
        if isinstance(model, LinesModel):
            model.set_live(window.results.live)
        qtmodeltester.check(model, force_py=False)
        qtmodeltester.check(model, force_py=True)
    rows = RowsModel(["a", "b"])
    rows.set_rows([["x", "€ 1"], ["y", "€ 2"]], bold_rows={1})
    qtmodeltester.check(rows, force_py=True)
    window.doc.undo_stack.setClean()


def test_ui_models_follow_edits_under_the_tester(qtbot, qtmodeltester, ctx):
    """Inserting, moving, removing and undoing lines keep the model consistent."""
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    page = window.inzet.pages[0]
    qtmodeltester.check(page.model, force_py=False)
    page.view.setCurrentIndex(page.model.index(2, 0))
    page.add_line()
    page.move_line(1)
    page.duplicate_lines()
    page.view.selectRow(0)
    page.remove_lines()
    for _ in range(4):
        window.doc.undo_stack.undo()
    assert len(window.doc.case.scenarios[0].lines) == 12
    window.doc.undo_stack.setClean()


def test_ui_item_search_finds_items_by_part_of_the_name(qtbot, window):
    catalogue = window.doc.catalogue()
    found = search_items(catalogue.values(), "pleeg")
    assert found and all("pleeg" in (i.id + i.name).lower() for i in found)
    assert {"PLEEGZORG-12-15-DAG", "PLEEGZORG-9-11-DAG"} <= {i.id for i in found}
    # several words narrow the search, accents and case do not matter
    assert {i.id for i in search_items(catalogue.values(), "PLEEG 12-15")} == {
        "PLEEGZORG-12-15-DAG"}

    picker = ItemPicker(catalogue)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker, "pleeg")
    entries = picker.completion_entries()
    assert entries and all("PLEEG" in e.upper() for e in entries)
    assert any(e.startswith("PLEEGZORG-12-15-DAG") for e in entries)
    picker.setText(entries[0])
    assert picker.item_id() == entries[0].split(" — ")[0]
    assert resolve_item("pleeg", catalogue) is None  # ambiguous: not chosen silently
    assert resolve_item("wijkteam-uur", catalogue) == "WIJKTEAM-UUR"

    # the Kostentabel section searches the same way
    section = window.kostentabel
    section.search.setText("pleeg")
    shown = {section.proxy.index(r, 0).data() for r in range(section.proxy.rowCount())}
    assert shown == {i.id for i in found}


def test_ui_renaming_an_own_item_takes_its_lines_along_in_one_undo_step(qtbot, ctx):
    from effectencalculator.model.calculation import calculate

    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    doc = window.doc
    model = window.eigen_posten.model
    row = [i.id for i in doc.case.custom_items].index("EIGEN-OPPAS")
    users = [(s.id, n) for s in doc.case.scenarios for n, line in enumerate(s.lines)
             if line.item == "EIGEN-OPPAS"]
    assert users, "the example prices babysitting with its own item"
    before = calculate(doc.case, doc.table).comparison.net_result
    code = model.index(row, model.column_index("id"))
    assert model.setData(code, "EIGEN-OPPAS-BUUR")
    lines = {s.id: s.lines for s in doc.case.scenarios}
    assert all(lines[s][n].item == "EIGEN-OPPAS-BUUR" for s, n in users)
    result = calculate(doc.case, doc.table)
    assert result.comparison.net_result == before, "the lines stay priced"
    assert not any(r.line.item == "EIGEN-OPPAS" for s in result.scenarios.values()
                   for r in s.lines)
    assert "hernoemen" in doc.undo_stack.undoText()
    doc.undo_stack.undo()  # one step back: the code and every line
    assert doc.case.custom_items[row].id == "EIGEN-OPPAS"
    assert all(lines[s][n].item == "EIGEN-OPPAS" for s, n in users)
    # a code the table already has: the item changes, the lines do not follow
    table_code = next(iter(doc.table.items))
    assert model.setData(code, table_code)
    assert all(lines[s][n].item == "EIGEN-OPPAS" for s, n in users)
    doc.undo_stack.undo()
    doc.undo_stack.setClean()
