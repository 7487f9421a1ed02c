"""Typing into the real editors as a Dutch user does: what is stored, and what is refused.

Every input is typed with ``QTest.keyClicks`` into the real widget (form fields; table
cells opened with ``view.edit`` or by typing on the cell) and confirmed with Enter. The
tables are the parser's hand-written tables (``test_dutch_input``): each readable input
must be stored as that value; each unreadable one must leave the old value in the case,
with the field red and the reason shown. Each kind runs its whole table and reports every
wrong input at once.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from conftest import EXAMPLE_CASE, ROOT
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from test_dutch_input import DATES, NUMBERS, PERCENTS
from test_ui_support import make_window

from effectencalculator.model.case import Perspective
from effectencalculator.model.cost_table import CostItem
from effectencalculator.report.format import format_euro
from effectencalculator.ui.commands import InsertRecordsCommand, set_field

REJECT = object()
OLD_DATE = date(2024, 7, 15)


def _expected(raw):
    """The table's expectation as a stored value, None (empty) or REJECT."""
    if isinstance(raw, str):
        return REJECT
    if isinstance(raw, tuple):
        return raw[0]
    return raw


def _keys(qtbot, widget, text: str) -> None:
    """``keyClicks``; characters QTest cannot map to a key (€, −) go as key events that
    carry the character, as a keyboard layout sends them."""
    for part in re.findall(r"[\x00-\xff]+|[^\x00-\xff]", text):
        if ord(part[0]) <= 0xFF:
            qtbot.keyClicks(widget, part)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, part))


def _type(qtbot, widget, text: str) -> None:
    """Select what the field shows, type over it (Delete for empty), press Enter."""
    widget.setFocus()
    widget.selectAll()
    if text:
        _keys(qtbot, widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def _shows_refusal(widget) -> str:
    """'' when the widget shows it refused its text (red, reason as tooltip), else why not."""
    if widget.property("invalid") is not True or "c00000" not in widget.styleSheet():
        return "not red"
    reason = widget.toolTip()
    if not reason or reason.startswith("="):
        return f"no reason shown (tooltip {reason!r})"
    return ""


# -- form fields --------------------------------------------------------------------

@pytest.fixture
def window(qtbot, ctx):
    """Here: the example case, shown (conftest's ``window`` is an empty case)."""
    win = make_window(qtbot, ctx, EXAMPLE_CASE)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.doc.undo_stack.setClean()


def test_typing_dates_into_a_form_field(qtbot, window):
    doc, field = window.doc, window.gegevens.start
    window.show_section(0)
    wrong = []
    for text, raw in DATES:
        set_field(doc, ("info", "period"), "start", OLD_DATE, "reset")
        expected = _expected(raw)
        _type(qtbot, field, text)
        stored = doc.case.info.period.start
        if expected is REJECT:
            problem = "" if stored == OLD_DATE else f"stored {stored}"
            problem = problem or _shows_refusal(field)
            if not problem and text not in field.text():
                problem = f"text replaced by {field.text()!r}"
        else:
            problem = "" if stored == expected else f"stored {stored}, not {expected}"
        if problem:
            wrong.append((text, problem))
    assert not wrong, f"{len(wrong)} of {len(DATES)} wrong: {wrong}"


@pytest.mark.parametrize("filled", [False, True])
def test_regression_1_3_2025_in_the_period_of_a_new_case(qtbot, ctx, filled):
    """Issue 11: in an empty field it became today; in a filled one 1-3-2026."""
    win = make_window(qtbot, ctx)
    win.show()
    qtbot.waitExposed(win)
    set_field(win.doc, ("info", "period"), "start", date(2026, 5, 20) if filled else None, "x")
    field = win.gegevens.start
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "1-3-2025")
    hint = field.hint_label()
    assert hint is not None and hint.isVisible() and hint.text() == "= za 1 maart 2025"
    assert win.doc.case.info.period.start == (date(2026, 5, 20) if filled else None)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert win.doc.case.info.period.start == date(2025, 3, 1)
    assert field.text() == "1-3-2025"
    win.doc.undo_stack.setClean()


def test_unreadable_form_date_stays_red_after_leaving_and_after_other_edits(qtbot, window):
    doc, field = window.doc, window.gegevens.start
    set_field(doc, ("info", "period"), "start", OLD_DATE, "reset")
    _type(qtbot, field, "31-2-2025")
    assert doc.case.info.period.start == OLD_DATE
    assert "28 dagen" in field.toolTip() and not _shows_refusal(field)
    assert "Niet overgenomen" in field.hint_label().text()
    window.gegevens.code.setFocus()  # leave the field: nothing is committed, the text stays
    qtbot.keyClicks(window.gegevens.code, "-X")  # another edit refreshes the form
    assert field.text() == "31-2-2025" and field.property("invalid") is True
    assert doc.case.info.period.start == OLD_DATE
    _type(qtbot, field, "")  # empty: no date
    assert doc.case.info.period.start is None and field.property("invalid") is False


def test_reinterpreted_input_is_shown_before_commit(qtbot, window):
    field = window.gegevens.start
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "1-3-25")
    assert "jaar '25' gelezen als 2025" in field.hint_label().text()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.doc.case.info.period.start == date(2025, 3, 1)
    assert field.text() == "1-3-2025"  # the field now shows the date as read


def test_perspective_score_typed_dutch(qtbot, window):
    doc = window.doc
    window.show_section(2)
    p = window.perspectieven
    if not doc.case.perspectives:
        doc.undo_stack.push(InsertRecordsCommand(doc, ("perspectives",), 0, [Perspective()],
                                                 "x"))
    p.view.setCurrentIndex(p.model.index(0, 0))
    cases = [("7,5", 7.5), ("7.5", 7.5), ("3", 3.0), ("10", 10.0), ("0", 0.0),
             ("11", REJECT), ("-1", REJECT), ("zeven", REJECT), ("", None)]
    wrong = []
    for text, expected in cases:
        score = doc.case.perspectives[0].safety_score
        before = score.start if score is not None else None
        _type(qtbot, p.score_start, text)
        score = doc.case.perspectives[0].safety_score
        stored = score.start if score is not None else None
        if (expected is REJECT and (stored != before or _shows_refusal(p.score_start))) or (
                expected is not REJECT and stored != expected):
            wrong.append((text, stored))
    assert not wrong


def test_discount_rate_typed_dutch(qtbot, window):
    k, doc = window.kostentabel, window.doc
    window.show_section(window.sections.index(k))
    if not k.discount.isChecked():
        k.discount.click()
    for text, expected in (("2,25", 0.0225), ("4%", 0.04), ("3.5 %", 0.035), ("0,5%", 0.005)):
        _type(qtbot, k.rate, text)
        assert doc.case.settings.discount_rate == pytest.approx(expected), text
    _type(qtbot, k.rate, "0,5")  # ambiguous: refused, the rate stays
    assert doc.case.settings.discount_rate == pytest.approx(0.005)
    assert not _shows_refusal(k.rate)


# -- table cells --------------------------------------------------------------------

def _cell_editor(qtbot, view, index) -> QLineEdit:
    view.setCurrentIndex(index)
    view.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view
    line = editor if isinstance(editor, QLineEdit) else editor.findChild(QLineEdit)
    return editor if hasattr(editor, "selectAll") else line


def _type_in_cell(qtbot, view, index, text: str):
    """Open the cell's editor, type, press Enter; returns the editor if it stayed open."""
    editor = _cell_editor(qtbot, view, index)
    _type(qtbot, editor, text)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState
                    or editor.property("invalid") is True, timeout=1000)
    if view.state() == QAbstractItemView.State.EditingState:
        return editor
    return None


def _run_cell_table(qtbot, view, index, table, old, read, convert=lambda v: v):
    model, wrong = view.model(), []
    for text, raw in table:
        model.setData(index, old)
        expected = _expected(raw)
        editor = _type_in_cell(qtbot, view, index, text)
        stored = read()
        if expected is REJECT:
            problem = "" if stored == pytest.approx(old) else f"stored {stored}"
            if not problem:
                problem = ("editor closed" if editor is None else _shows_refusal(editor))
            if not problem and "Niet overgenomen" not in editor.hint_label().text():
                problem = "no hint"
            if editor is not None:
                qtbot.keyClick(editor, Qt.Key.Key_Escape)
                qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
        else:
            want = convert(expected)
            if editor is not None:
                problem = "editor stayed open"
                qtbot.keyClick(editor, Qt.Key.Key_Escape)
            elif want is None or stored is None:
                problem = "" if stored == want else f"stored {stored}, not {want}"
            else:
                problem = "" if stored == pytest.approx(want) else f"stored {stored}, not {want}"
        if problem:
            wrong.append((text, problem))
    return wrong


def _inzet(window):
    window.show_section(window.sections.index(window.inzet))
    page = window.inzet.page("interventie")
    window.inzet.tabs.setCurrentWidget(page)
    return page


def test_typing_dates_into_an_inzet_cell(qtbot, window):
    page = _inzet(window)
    index = page.model.index(0, page.model.column_index("date"))
    wrong = _run_cell_table(qtbot, page.view, index, [d for d in DATES if d[1] is not None],
                            OLD_DATE, lambda: page.scenario().lines[0].date)
    assert not wrong, f"{len(wrong)} of {len(DATES) - 1} wrong: {wrong}"


def test_typing_quantities_into_an_inzet_cell(qtbot, window):
    page = _inzet(window)
    index = page.model.index(0, page.model.column_index("quantity"))
    wrong = _run_cell_table(qtbot, page.view, index, NUMBERS, 7.25,
                            lambda: page.model._quantity_value(page.scenario().lines[0]))
    assert not wrong, f"{len(wrong)} of {len(NUMBERS)} wrong: {wrong}"


def test_typing_probabilities_into_an_inzet_cell(qtbot, window):
    page = _inzet(window)
    index = page.model.index(0, page.model.column_index("probability"))
    wrong = _run_cell_table(qtbot, page.view, index, PERCENTS, 37.0,
                            lambda: page.scenario().lines[0].probability * 100)
    assert not wrong, f"{len(wrong)} of {len(PERCENTS)} wrong: {wrong}"


def test_typing_tariffs_into_an_eigen_posten_cell(qtbot, window):
    doc = window.doc
    section = window.eigen_posten
    window.show_section(window.sections.index(section))
    doc.undo_stack.push(InsertRecordsCommand(doc, ("custom_items",), 0, [CostItem(
        id="EIGEN-TYPEN", name="Oppas", category="eigen post", kind="inzet", unit="uur",
        tariff=1.0, payer="gemeente")], "x"))
    index = section.model.index(0, section.model.column_index("tariff"))
    wrong = _run_cell_table(qtbot, section.view, index, NUMBERS, 99.99,
                            lambda: doc.case.custom_items[0].tariff)
    assert not wrong, f"{len(wrong)} of {len(NUMBERS)} wrong: {wrong}"


def test_regressions_inzet_cells(qtbot, window):
    """Issue 11: 15-12-2025 became 2025-08-15; 1.5 became 15; 2400.50 became 240050."""
    page = _inzet(window)
    view, model = page.view, page.model
    day = model.index(0, model.column_index("date"))
    view.setCurrentIndex(day)
    view.setFocus()
    qtbot.keyClick(view, "1")  # typing on the cell opens its editor with that key
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "5-12-2025")
    assert editor.hint_label().text() == "= ma 15 december 2025"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.scenario().lines[0].date == date(2025, 12, 15), timeout=1000)
    quantity = model.index(0, model.column_index("quantity"))
    editor = _cell_editor(qtbot, view, quantity)
    editor.selectAll()
    qtbot.keyClicks(editor, "1.5")
    assert "punt gelezen als decimaalteken" in editor.hint_label().text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model._quantity_value(page.scenario().lines[0]) == 1.5, timeout=1000)
    assert model.data(quantity) == "1,5"


def test_a_refused_cell_edit_left_by_clicking_elsewhere_says_why(qtbot, window):
    page = _inzet(window)
    view, model = page.view, page.model
    index = model.index(0, model.column_index("date"))
    model.setData(index, OLD_DATE)
    editor = _cell_editor(qtbot, view, index)
    editor.selectAll()
    qtbot.keyClicks(editor, "31-2-2025")
    view.setCurrentIndex(model.index(0, model.column_index("note")))  # leaves the cell
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert page.scenario().lines[0].date == OLD_DATE
    assert "28 dagen" in window.statusBar().currentMessage()
    assert "28 dagen" in view.last_rejection


def test_timeline_panel_date_and_quantity_typed_dutch(qtbot, window):
    window.show_section(window.sections.index(window.tijdlijn))
    section = window.tijdlijn
    section.scene.select_source(("line", 0, 1))  # a line over a period
    editor = section.panel.line_editor
    line = lambda: window.doc.case.scenarios[0].lines[1]  # noqa: E731
    _type(qtbot, editor.quantity, "2,5")
    assert (line().rate.quantity if line().rate else line().quantity) == 2.5
    _type(qtbot, editor.start, "1 mrt 2025")
    assert line().start == date(2025, 3, 1)
    assert editor.source() is not None
    end, probability = line().end, line().probability
    _type(qtbot, editor.end, "31-2-2025")
    assert line().end == end and not _shows_refusal(editor.end)
    assert "28 dagen" in editor.end.toolTip()
    _type(qtbot, editor.probability, "0,6")  # 60% or 0,6%? refused, not guessed
    assert line().probability == probability and not _shows_refusal(editor.probability)
    _type(qtbot, editor.probability, "60,5 %")
    assert line().probability == pytest.approx(0.605)
    assert editor.probability.text() == "60,5%"


# -- Qt's own dialogs in Dutch ------------------------------------------------------

def test_standard_buttons_are_dutch_after_start_up(tmp_path):
    """A fresh process: the start-up code loads qtbase_nl.qm, and Qt's buttons read Dutch."""
    script = textwrap.dedent("""\
        from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
        from effectencalculator.ui.app import application
        app = application()
        box = QMessageBox(QMessageBox.Icon.Question, "t", "t",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No |
                          QMessageBox.StandardButton.Cancel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Discard)
        texts = [box.button(b).text().replace("&", "") for b in (
            QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Cancel)]
        texts += [b.text().replace("&", "") for b in buttons.buttons()]
        print("|".join(texts))
        """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, env={"QT_QPA_PLATFORM": "offscreen",
                                                    "HOME": str(tmp_path), "PATH": ""})
    assert out.returncode == 0, out.stderr
    texts = out.stdout.strip().split("|")
    assert texts[:3] == ["Ja", "Nee", "Annuleren"], texts
    assert "Opslaan" in texts[3:], texts


# -- the Kosten cell never contradicts the totals ---------------------------------------

@pytest.mark.parametrize("edit", ["approach", "date"])
def test_cost_cell_keeps_counting_what_the_totals_count(qtbot, window, edit):
    """Ticking Aanpak or moving a date replaced the line object: its Kosten cell showed
    "—" until something repainted it, while the totals still counted the line."""
    page = _inzet(window)
    model, results = page.model, window.results
    row = next(i for i, line in enumerate(page.scenario().lines) if line.date is not None)
    line = page.scenario().lines[row]
    cost = model.index(row, model.column_index("cost"))
    results.recalculate_now()
    before = model.data(cost)
    assert before.startswith("€ ")
    if edit == "approach":
        model.setData(model.index(row, model.column_index("approach")),
                      Qt.CheckState.Unchecked.value if line.approach_cost
                      else Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    else:
        model.setData(model.index(row, model.column_index("date")),
                      date(line.date.year, line.date.month, 1 if line.date.day > 1 else 2))
    assert page.scenario().lines[row] is not line  # an edited copy replaced it
    assert model.data(cost) == before  # until the next calculation: what the totals count
    changed = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), first.column(),
                                                                      last.row(), last.column())))
    results.recalculate_now()
    assert any(r0 <= row <= r1 and c0 <= cost.column() <= c1 for r0, c0, r1, c1 in changed)
    result = results.live.line_result(page.scenario().lines[row])
    assert result is not None and model.data(cost) == format_euro(result.cost)


def test_calendar_of_a_cell_editor_commits_the_day_picked(qtbot, window):
    page = _inzet(window)
    index = page.model.index(0, page.model.column_index("date"))
    editor = _cell_editor(qtbot, page.view, index)
    calendar = editor.open_calendar()
    assert page.view.state() == QAbstractItemView.State.EditingState  # the popup kept it
    calendar.clicked.emit(QDate(2025, 4, 9))
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)
    assert page.scenario().lines[0].date == date(2025, 4, 9)
