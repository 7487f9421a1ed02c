"""Years are typed, not spun (issue 11, "Typing in the window").

A QSpinBox changed a typed year when the mouse wheel passed over it and clamped a year
out of its range to the nearest end without a word. Every year field — the case's price
year and time horizon (Kostentabel), the portfolio's price year (Vergelijken) and the
birth year cell of the household table — is now a line edit read by
``model.dutch_input``: ``2025`` typed stays 2025, an out-of-range or unreadable year is
red with the Dutch reason and not committed (the old value stays), the wheel changes
nothing.
"""

from __future__ import annotations

import pytest
from capture_support import cell_editor
from conftest import EXAMPLE_CASE
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication
from test_ui_support import make_window
from test_ui_typing import _shows_refusal, _type

from effectencalculator.model.dutch_input import parse_year, parse_years

#: (typed, stored year or None for empty, or a str: refused)
YEARS = [
    ("2025", 2025), (" 2025 ", 2025), ("1999", 1999), ("2100", 2100), ("", None),
    ("2024", 2024), ("1900", 1900), ("2200", 2200),
    ("1850", "buiten"), ("2201", "buiten"), ("25", "geen jaartal"), ("'25", "geen jaartal"),
    ("2.025", "geen jaartal"), ("2025,0", "geen jaartal"), ("20250", "geen jaartal"),
    ("twintig", "geen jaartal"), ("2025a", "geen jaartal"), ("-2025", "geen jaartal"),
    ("٢٠٢٥", "geen jaartal"), ("2 025", "geen jaartal"),
]


@pytest.mark.parametrize("text, expected", YEARS)
def test_a_year_is_read_or_refused_never_clamped(text, expected):
    parsed = parse_year(text)
    if isinstance(expected, str):
        assert not parsed.ok and parsed.value is None
        reason = parsed.reason.replace("tussen", "buiten") if "liggen" in parsed.reason \
            else parsed.reason
        assert expected in reason, parsed.reason
    else:
        assert parsed.ok and parsed.value == expected


def test_a_number_of_years():
    assert parse_years("3").value == 3 and parse_years("3 jaar").value == 3
    assert parse_years("").ok and parse_years("").value is None      # all years
    for text in ("0", "101", "2,5", "drie", "-1"):
        assert not parse_years(text).ok, text
    assert "tussen 1 en 100 jaar" in parse_years("0").reason


@pytest.fixture
def window(qtbot, ctx):
    win = make_window(qtbot, ctx, EXAMPLE_CASE)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.doc.undo_stack.setClean()


def _wheel(widget, steps: int = 3) -> None:
    """Turn the mouse wheel over ``widget`` (up, ``steps`` notches)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    for _ in range(steps):
        event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())),
                            QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(widget, event)


def test_the_price_year_is_typed_kept_on_the_wheel_and_refused_out_of_range(qtbot, window):
    k, doc = window.kostentabel, window.doc
    window.show_section(window.sections.index(k))
    _type(qtbot, k.price_year, "2024")
    assert doc.case.settings.price_year == 2024
    assert k.price_year.text() == "2024"
    _wheel(k.price_year)                                   # the wheel changes nothing
    assert k.price_year.text() == "2024" and doc.case.settings.price_year == 2024
    undo_steps = doc.undo_stack.count()
    for bad in ("1850", "2101", "24", "2O24"):
        _type(qtbot, k.price_year, bad)
        assert doc.case.settings.price_year == 2024, bad   # not committed, not clamped
        assert not _shows_refusal(k.price_year), bad       # red, with the Dutch reason
        assert k.price_year.text() == bad                  # what was typed stays visible
    assert "tussen 1999 en 2100" in parse_year("1850", minimum=1999, maximum=2100).reason
    assert doc.undo_stack.count() == undo_steps
    _type(qtbot, k.price_year, "")                         # empty: the table's price year
    assert doc.case.settings.price_year is None
    assert k.price_year.placeholderText().startswith("zoals de tabel")
    _type(qtbot, k.price_year, "2025")
    assert doc.case.settings.price_year == 2025


def test_the_horizon_is_typed(qtbot, window):
    k, doc = window.kostentabel, window.doc
    window.show_section(window.sections.index(k))
    _type(qtbot, k.horizon, "3")
    assert doc.case.settings.horizon_years == 3
    _wheel(k.horizon)
    assert doc.case.settings.horizon_years == 3 and k.horizon.text() == "3"
    _type(qtbot, k.horizon, "2,5")
    assert doc.case.settings.horizon_years == 3 and not _shows_refusal(k.horizon)
    _type(qtbot, k.horizon, "5 jaar")
    assert doc.case.settings.horizon_years == 5
    _type(qtbot, k.horizon, "")
    assert doc.case.settings.horizon_years is None


def test_the_birth_year_cell_is_typed_and_a_bad_year_is_not_committed(qtbot, window):
    gegevens, doc = window.gegevens, window.doc
    window.show_section(window.sections.index(gegevens))
    view, model = gegevens.member_view, gegevens.members
    assert model.rowCount() > 0
    index = model.index(0, model.column_index("birth_year"))
    editor = cell_editor(view, index)
    _type(qtbot, editor, "1988")
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState,
                    timeout=1000)
    assert doc.case.household[0].birth_year == 1988
    editor = cell_editor(view, index)
    _wheel(editor)
    assert editor.text() == "1988"
    _type(qtbot, editor, "88")                           # two digits: no year guessed
    assert view.state() == QAbstractItemView.State.EditingState   # stays open, red
    assert not _shows_refusal(editor)
    assert doc.case.household[0].birth_year == 1988
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert doc.case.household[0].birth_year == 1988


def test_the_portfolio_price_year_is_typed(qtbot, window):
    compare = window.open_compare_window()
    compare.show()
    qtbot.waitExposed(compare)
    edit = compare.year_edit
    assert compare.price_year() is None                 # empty: as most cases
    edit.setFocus()
    qtbot.keyClicks(edit, "2024")
    assert compare.price_year() == 2024
    _wheel(edit)
    assert compare.price_year() == 2024 and edit.text() == "2024"
    edit.selectAll()
    qtbot.keyClicks(edit, "1800")
    assert not _shows_refusal(edit)
    assert compare.price_year() is None                 # the last taken value (none yet)
    compare.close()
