"""Copy, paste, fill down and delete rows in the record tables, with the real keys."""

from __future__ import annotations

import copy
from dataclasses import fields
from datetime import date

from conftest import EXAMPLE_CASE
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_ui_support import make_context, make_window

from effectencalculator.model.case import ServiceLine
from effectencalculator.model.case_schema import case_to_data

CTRL = Qt.KeyboardModifier.ControlModifier

#: a block as LibreOffice Calc puts it on the clipboard: a header row, Dutch numbers, a
#: date typed the short way, a quoted cell with a newline, and one cell that is no number
BLOCK = ("Post\tAantal\tPer\tDatum\tBegin\tEinde\tKans\tToelichting\n"
         "OTS-JAAR1\t1\ttotaal\t\t1-3-2025\t28-2-2026\t80%\tOTS na het raadsonderzoek\n"
         "Veilig Thuis - melding met onderzoek\t1,5\ttotaal\t1-3-2025\t\t\t100\t"
         "\"Twee meldingen,\neen gedeeld\"\n"
         "WIJKTEAM-UUR\t{bad}\tper week\t\t1-3-2025\t30-6-2025\t60%\t\n"
         "Oppas buurvrouw\t2\ttotaal\t3-3-2025\t\t\t100%\tniet in de tabel\n")


def _inzet_page(qtbot, window, scenario: str):
    window.show()
    qtbot.waitExposed(window)
    window.show_section(4)
    page = window.inzet.page(scenario)
    window.inzet.tabs.setCurrentWidget(page)
    page.view.setFocus()
    return page


def _ctrl(view, key) -> None:
    QTest.keyClick(view, key, CTRL)


def _click_row_header(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier):
    header = view.verticalHeader()
    y = header.sectionViewportPosition(row) + header.sectionSize(row) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, modifier,
                     QPoint(header.width() // 2, y))


def _undo_key(qtbot, window, view) -> None:
    """Ctrl+Z as the user presses it (the window's undo action)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    view.setFocus()
    _ctrl(view, Qt.Key.Key_Z)


def test_paste_a_spreadsheet_block_with_a_bad_cell_then_fixed_then_undo(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    doc = window.doc
    page = _inzet_page(qtbot, window, "referentie")
    before = case_to_data(doc.case)
    lines = doc.case.scenarios[page.index].lines
    count, steps = len(lines), doc.undo_stack.count()
    page.view.setCurrentIndex(page.model.index(1, 0))

    QApplication.clipboard().setText(BLOCK.format(bad="1,2,3"))
    _ctrl(page.view, Qt.Key.Key_V)
    # one dialog names the cell; nothing was pasted, nothing is on the undo stack
    assert len(ctx.dialogs.errors) == 1
    title, text, details = ctx.dialogs.errors[0]
    assert title == "Niets geplakt" and "Niets geplakt" in text
    assert details == [details[0]] and details[0].startswith(
        "rij 4, kolom Aantal: '1,2,3' heeft te veel scheidingstekens"), details
    assert len(lines) == count and doc.undo_stack.count() == steps
    assert case_to_data(doc.case) == before

    QApplication.clipboard().setText(BLOCK.format(bad="1.234,56"))
    _ctrl(page.view, Qt.Key.Key_V)
    assert len(ctx.dialogs.errors) == 1, ctx.dialogs.errors
    assert doc.undo_stack.count() == steps + 1, "one paste is one undo step"
    lines = doc.case.scenarios[page.index].lines
    assert len(lines) == count + 4
    ots, vt, team, own = lines[2:6]  # below the current row (1)
    assert (ots.item, ots.quantity, ots.date, ots.start, ots.end, ots.probability) == (
        "OTS-JAAR1", 1.0, None, date(2025, 3, 1), date(2026, 2, 28), 0.8)
    assert ots.note == "OTS na het raadsonderzoek"
    # matched by its (unique) name; 1,5 the Dutch way; the date written short
    assert (vt.item, vt.quantity, vt.date, vt.probability) == (
        "VT-MELDING-ONDERZOEK", 1.5, date(2025, 3, 1), 1.0)
    assert vt.note == "Twee meldingen,\neen gedeeld"
    assert team.item == "WIJKTEAM-UUR" and team.quantity is None
    assert (team.rate.quantity, team.rate.per) == (1234.56, "week")
    assert (team.start, team.end, team.date, team.probability) == (
        date(2025, 3, 1), date(2025, 6, 30), None, 0.6)
    # an item the table does not know: kept, unpriced (yellow), and said so
    assert own.item == "Oppas buurvrouw" and own.quantity == 2.0
    assert ctx.dialogs.infos and "post 'Oppas buurvrouw'" in ctx.dialogs.infos[-1]
    window.results.recalculate_now()
    result = window.results.live.line_result(own)
    assert result is not None and not result.is_priced
    cost_text = page.model.index(5, page.model.column_index("cost")).data()
    assert cost_text == "niet geprijsd"

    _undo_key(qtbot, window, page.view)
    assert case_to_data(doc.case) == before, "Ctrl+Z restores the table exactly"
    assert page.model.rowCount() == count
    doc.undo_stack.setClean()


#: what the line table shows (a line's payer override and absence start are no columns)
LINE_FIELDS = [f.name for f in fields(ServiceLine)
               if f.name not in ("extra", "payer", "absence_start")]


def test_copy_rows_then_paste_into_an_empty_case_round_trips(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    page = _inzet_page(qtbot, window, "interventie")
    source = window.doc.case.scenarios[page.index].lines
    last = len(source) - 1
    _click_row_header(qtbot, page.view, 0)
    _click_row_header(qtbot, page.view, last, Qt.KeyboardModifier.ShiftModifier)
    assert page.view.selected_rows() == list(range(len(source)))
    QApplication.clipboard().clear()
    _ctrl(page.view, Qt.Key.Key_C)
    text = QApplication.clipboard().text()
    rows = text.split("\n")
    assert rows[0].split("\t") == [c.header for c in page.model.columns]
    assert len([r for r in rows[1:] if r and not r.startswith(" ")]) >= len(source)
    rate_line = next(n for n, line in enumerate(source) if line.rate is not None)
    assert "\t" + "-".join(f"{source[rate_line].start:%d-%m-%Y}".split("-")) + "\t" in text
    assert "Lokaal team - productief uur sociaal werker (WIJKTEAM-UUR)" in text

    other_ctx = make_context(tmp_path / "leeg")
    empty = make_window(qtbot, other_ctx)
    target = _inzet_page(qtbot, empty, "interventie")
    assert target.model.rowCount() == 0
    _ctrl(target.view, Qt.Key.Key_V)
    assert not other_ctx.dialogs.errors, other_ctx.dialogs.errors
    pasted = empty.doc.case.scenarios[target.index].lines
    assert len(pasted) == len(source)
    for a, b in zip(source, pasted):
        assert {f: getattr(a, f) for f in LINE_FIELDS} == {f: getattr(b, f) for f in LINE_FIELDS}
    # own items of the example are not in the empty case: those lines are unpriced, said so
    own = {i.id for i in window.doc.case.custom_items}
    if any(line.item in own for line in source):
        assert any("niet geprijsd" in info for info in other_ctx.dialogs.infos)
    window.doc.undo_stack.setClean()
    empty.doc.undo_stack.setClean()


def _table_views(window):
    return {"household": (window.gegevens.member_view, ("household",)),
            "events": (window.verhaal.event_view, ("narrative", "events")),
            "outcomes": (window.resultaten.view, ("outcomes",)),
            "perspectives": (window.perspectieven.view, ("perspectives",)),
            "custom_items": (window.eigen_posten.view, ("custom_items",))}


def test_every_record_table_copies_and_pastes_its_rows(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    other_ctx = make_context(tmp_path / "leeg")
    empty = make_window(qtbot, other_ctx)
    sources, targets = _table_views(window), _table_views(empty)
    for name, (view, _path) in sources.items():
        model = view.model()
        assert model.rowCount() >= 1, name
        view.selectAll()
        view.setFocus()
        _ctrl(view, Qt.Key.Key_C)
        target_view = targets[name][0]
        target = target_view.model()
        before = target.rowCount()
        target_view.setFocus()
        _ctrl(target_view, Qt.Key.Key_V)
        assert not other_ctx.dialogs.errors, (name, other_ctx.dialogs.errors)
        assert target.rowCount() == before + model.rowCount(), name
        for row in range(model.rowCount()):
            for col, column in enumerate(model.columns):
                if column.key == "id" and name == "household":
                    continue
                want = model.index(row, col).data(Qt.ItemDataRole.EditRole)
                got = target.index(before + row, col).data(Qt.ItemDataRole.EditRole)
                if column.apply is not None or column.check is not None:
                    assert got == want, (name, row, column.key, got, want)
    window.doc.undo_stack.setClean()
    empty.doc.undo_stack.setClean()


def test_fill_down_and_delete_several_rows_each_one_undo_step(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    doc = window.doc
    window.show()
    qtbot.waitExposed(window)
    window.show_section(1)  # Verhaal
    view = window.verhaal.event_view
    model = view.model()
    events = doc.case.narrative.events
    assert len(events) >= 3
    before = case_to_data(doc.case)
    steps = doc.undo_stack.count()
    col = model.column_index("domain")
    first_domain = events[0].domain
    assert any(e.domain != first_domain for e in events[1:3])
    view.setFocus()
    view.setCurrentIndex(model.index(0, col))
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    _ctrl(view, Qt.Key.Key_D)
    assert [e.domain for e in events[:3]] == [first_domain] * 3
    assert doc.undo_stack.count() == steps + 1
    _undo_key(qtbot, window, view)
    assert case_to_data(doc.case) == before

    titles = [e.title for e in events]
    _click_row_header(qtbot, view, 1)
    _click_row_header(qtbot, view, 2, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert [e.title for e in doc.case.narrative.events] == titles[:1] + titles[3:]
    assert doc.undo_stack.count() == steps + 1
    _undo_key(qtbot, window, view)
    assert case_to_data(doc.case) == before

    # Delete on one optional cell still only empties it
    date_col = model.column_index("date")
    view.clearSelection()
    view.setCurrentIndex(model.index(0, date_col))
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert len(doc.case.narrative.events) == len(titles)
    assert doc.case.narrative.events[0].date is None
    doc.undo_stack.undo()
    assert case_to_data(doc.case) == before
    doc.undo_stack.setClean()


def test_context_menu_offers_the_four_actions_and_pastes_one_value(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    page = _inzet_page(qtbot, window, "referentie")
    doc = window.doc
    lines = doc.case.scenarios[page.index].lines
    before = copy.deepcopy(lines)
    col = page.model.column_index("probability")
    page.view.setCurrentIndex(page.model.index(0, col))
    QTest.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QApplication.clipboard().setText("25%")
    menu = page.view.clipboard.menu()
    names = [a.objectName() for a in menu.actions()]
    assert names == ["Kopiëren", "Plakken", "Omlaag vullen", "Rijen verwijderen"]
    assert all(a.isEnabled() for a in menu.actions())
    next(a for a in menu.actions() if a.objectName() == "Plakken").trigger()
    assert [line.probability for line in lines[:2]] == [0.25, 0.25]
    assert lines[2:] == before[2:]
    doc.undo_stack.undo()
    assert doc.case.scenarios[page.index].lines == before
    menu.deleteLater()
    doc.undo_stack.setClean()
