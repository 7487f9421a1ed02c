"""Every cell editor of ``ui/delegates.RecordDelegate`` driven as a user does (issue 17,
"Test hygiene"): the dates, numbers and percentages are typed in ``test_ui_typing``, the
year in ``test_ui_years``; here the choice list, the free text, the item picker, the
refusal message and the editor's width — each typed into the real editor of a real
Inzet cell and checked in the case."""

from __future__ import annotations

import pytest
from capture_support import cell_editor
from conftest import EXAMPLE_CASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit
from test_ui_support import make_window
from test_ui_typing import _type

from effectencalculator.ui.item_picker import ItemPicker
from effectencalculator.ui.widgets import OptionalDateEdit


@pytest.fixture
def page(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    window.show_section(window.sections.index(window.inzet))
    page = window.inzet.page("interventie")
    window.inzet.tabs.setCurrentWidget(page)
    yield page
    window.doc.undo_stack.setClean()


def _closed(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState,
                    timeout=1000)


def test_the_choice_cell_stores_the_entry_chosen_with_the_keyboard(qtbot, page):
    """'Per' (totaal, dag, week …): a combo box; the arrow keys choose, Enter stores."""
    view, model = page.view, page.model
    row = next(r for r, line in enumerate(model.records()) if line.rate is not None
               and line.rate.per != "maand")
    line = model.records()[row]
    index = model.index(row, model.column_index("per"))
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.findChild(QComboBox)
    assert combo is not None and combo.isVisible()
    before = combo.currentData()
    assert before == (line.rate.per if line.rate else "")
    target = combo.findData("maand")
    assert target >= 0
    combo.setFocus()
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    _closed(qtbot, view)
    stored = model.records()[row]
    assert stored.rate is not None and stored.rate.per == "maand"


def test_the_text_cell_stores_what_is_typed(qtbot, page):
    """'Toelichting': a plain line edit; the text is stored as typed."""
    view, model = page.view, page.model
    index = model.index(0, model.column_index("note"))
    editor = cell_editor(view, index)
    assert type(editor) is QLineEdit
    _type(qtbot, editor, "Gesprek met de school, 1,5 uur")
    _closed(qtbot, view)
    assert model.records()[0].note == "Gesprek met de school, 1,5 uur"


def test_the_item_cell_takes_a_unique_match_and_keeps_the_item_on_ambiguous_text(qtbot, page):
    view, model = page.view, page.model
    index = model.index(0, model.column_index("item"))
    before = model.records()[0].item
    editor = cell_editor(view, index)
    assert isinstance(editor, ItemPicker)
    _type(qtbot, editor, "pleeg")                     # many items match: nothing is guessed
    _closed(qtbot, view)
    assert model.records()[0].item == before
    editor = cell_editor(view, index)
    _type(qtbot, editor, "OTS-JAAR1")
    _closed(qtbot, view)
    assert model.records()[0].item == "OTS-JAAR1"


def test_an_unreadable_cell_says_why_and_keeps_the_old_value(qtbot, page):
    """Enter on unreadable text: the editor stays open, red, and ``rejected`` carries the
    Dutch reason (the window shows it in the status bar)."""
    view, model = page.view, page.model
    delegate = view.itemDelegate()
    reasons: list[str] = []
    delegate.rejected.connect(reasons.append)
    index = model.index(0, model.column_index("quantity"))
    before = model.records()[0].quantity
    editor = cell_editor(view, index)
    _type(qtbot, editor, "1,234.5")
    assert view.state() == QAbstractItemView.State.EditingState
    assert reasons and reasons[-1].startswith("Niet overgenomen: ")
    # the editor loses focus with the text still unreadable: not taken either
    delegate.setModelData(editor, model, index)
    assert "De oude waarde blijft." in reasons[-1]
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert model.records()[0].quantity == before


def test_a_date_editor_is_never_narrower_than_a_typed_date(qtbot, page):
    view, model = page.view, page.model
    column = model.column_index("date")
    view.setColumnWidth(column, 40)
    editor = cell_editor(view, model.index(0, column))
    assert isinstance(editor, OptionalDateEdit)
    needed = editor.fontMetrics().horizontalAdvance("31-12-20250")
    assert editor.width() >= needed
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
