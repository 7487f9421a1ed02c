"""The Tijdlijn section: adding, moving and resizing on the timeline with the mouse (real
mouse events sent to the view's viewport) changes the case's dates, every change is one
undo step, only the changed items are touched, totals follow, and the session view shows
the running totals."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from test_ui_support import make_window

from effectencalculator.report.format import format_euro
from effectencalculator.ui.timeline import tooltips

CASE = textwrap.dedent("""\
    schema_version: 1
    case:
      code: TL-001
      title: Tijdlijngezin
      period: {start: 2025-01-01, end: 2025-06-30}
    narrative:
      events:
        - {date: 2025-01-15, scenario: beide, domain: veiligheid, title: Melding}
    scenarios:
      - id: interventie
        label: Nieuw
        role: intervention
        lines:
          - {item: WIJKTEAM-UUR, rate: {quantity: 2, per: week}, start: 2025-03-01,
             end: 2025-03-31}
          - {item: VT-ZAAK, quantity: 1, date: 2025-02-10}
      - id: referentie
        label: Huidig
        role: reference
        lines:
          - {item: OTS-JAAR1, quantity: 1, start: 2025-02-01, end: 2025-06-30,
             probability: 0.6}
    settings:
      cost_table: nl-jeugd-gezin
      compare: {reference: referentie, intervention: interventie}
    """)
PPD = 4.0   # pixels per day: a drag of 40 px is 10 days


@pytest.fixture
def timeline(qtbot, ctx, tmp_path):
    path = tmp_path / "tijdlijn.yaml"
    path.write_text(CASE, encoding="utf-8")
    window = make_window(qtbot, ctx, path)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_section(window.sections.index(window.tijdlijn))
    section = window.tijdlijn
    section.scene.set_ppd(PPD)
    section.view.horizontalScrollBar().setValue(section.view.horizontalScrollBar().minimum())
    section.view.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    yield window
    if window.tijdlijn.session is not None:
        window.tijdlijn.session.close()
    window.doc.undo_stack.setClean()


# -- mouse helpers: events go to the viewport, as a real mouse would send them ---------

def _send(view, kind, scene_pos: QPointF, button, buttons,
          modifiers=Qt.KeyboardModifier.NoModifier):
    pos = QPointF(view.mapFromScene(scene_pos))
    glob = QPointF(view.viewport().mapToGlobal(pos.toPoint()))
    event = QMouseEvent(kind, pos, glob, button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start: QPointF, end: QPointF) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _send(view, QEvent.Type.MouseButtonPress, start, left, left)
    for step in range(1, 5):
        _send(view, QEvent.Type.MouseMove, start + (end - start) * (step / 4), none, left)
    _send(view, QEvent.Type.MouseButtonRelease, end, left, none)


def double_click(view, at: QPointF) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _send(view, QEvent.Type.MouseButtonPress, at, left, left)
    _send(view, QEvent.Type.MouseButtonRelease, at, left, none)
    _send(view, QEvent.Type.MouseButtonDblClick, at, left, left)
    _send(view, QEvent.Type.MouseButtonRelease, at, left, none)


def item_of(window, source):
    return window.tijdlijn.scene.items_by_key[source]


def bar_point(window, source, where: str) -> QPointF:
    """Scene point on a bar: its middle, or just inside its start or end."""
    look = item_of(window, source).look
    x = {"middle": (look.x0 + look.x1) / 2, "start": look.x0 + 2, "end": look.x1 - 2}[where]
    return QPointF(x, look.y)


def lines(window, s_index):
    return window.doc.case.scenarios[s_index].lines


# -- tests ----------------------------------------------------------------------------

def test_ui_timeline_scene_positions_by_hand(timeline):
    scene = timeline.tijdlijn.scene
    assert scene.origin == date(2025, 1, 1)
    # rows: events header 26, one event row 24, its add row 20, interventie header 26
    wijk = item_of(timeline, ("line", 0, 0)).look
    assert (wijk.kind, wijk.y) == ("bar", 26 + 24 + 20 + 26 + 11)
    assert (wijk.x0, wijk.x1) == (pytest.approx(59 * PPD), pytest.approx(90 * PPD))
    vt = item_of(timeline, ("line", 0, 1)).look
    assert (vt.kind, vt.x0, vt.y) == ("marker", pytest.approx(40.5 * PPD), 96 + 22 + 11)
    ots = item_of(timeline, ("line", 1, 0)).look
    assert ots.alpha < 255 and ots.text == "60%"                 # probability 60 %
    event = item_of(timeline, ("event", 0)).look
    assert (event.kind, event.x0, event.y, event.text) == (
        "event", pytest.approx(14.5 * PPD), 26 + 12, "Melding")
    assert [r.kind for r in scene.rows] == ["header", "row", "add", "header", "row", "row", "add",
                                            "header", "row", "add"]


def test_ui_timeline_drag_bar_moves_the_line_and_undo_restores(timeline):
    view, doc = timeline.tijdlijn.view, timeline.doc
    before = lines(timeline, 0)[0]
    item = item_of(timeline, ("line", 0, 0))
    start = bar_point(timeline, ("line", 0, 0), "middle")
    drag(view, start, start + QPointF(10 * PPD, 0))
    moved = lines(timeline, 0)[0]
    assert (moved.start, moved.end) == (date(2025, 3, 11), date(2025, 4, 10))
    assert moved.rate == before.rate
    assert doc.undo_stack.count() == 1
    assert timeline.actions_.undo.text() == "Ongedaan maken: regel 1 (interventie) verschuiven"
    # the same graphics item moved along; nothing else was touched
    assert item_of(timeline, ("line", 0, 0)) is item and item.look.x0 == pytest.approx(69 * PPD)
    assert timeline.tijdlijn.scene.touched_last_sync <= 1
    doc.undo_stack.undo()
    assert lines(timeline, 0)[0] == before and item.look.x0 == pytest.approx(59 * PPD)
    doc.undo_stack.redo()
    assert lines(timeline, 0)[0].start == date(2025, 3, 11)


def test_ui_timeline_drag_bar_ends_changes_start_and_end(timeline):
    view, doc = timeline.tijdlijn.view, timeline.doc
    source = ("line", 0, 0)
    start = bar_point(timeline, source, "start")
    drag(view, start, start - QPointF(5 * PPD, 0))
    assert (lines(timeline, 0)[0].start, lines(timeline, 0)[0].end) == (date(2025, 2, 24),
                                                                        date(2025, 3, 31))
    end = bar_point(timeline, source, "end")
    drag(view, end, end + QPointF(3 * PPD, 0))
    assert lines(timeline, 0)[0].end == date(2025, 4, 3)
    assert (timeline.actions_.undo.text()
            == "Ongedaan maken: einde van regel 1 (interventie) wijzigen")
    # dragging the start past the end stops at one day
    start = bar_point(timeline, source, "start")
    drag(view, start, start + QPointF(80 * PPD, 0))
    assert lines(timeline, 0)[0].start == lines(timeline, 0)[0].end == date(2025, 4, 3)
    for _ in range(3):
        doc.undo_stack.undo()
    assert (lines(timeline, 0)[0].start, lines(timeline, 0)[0].end) == (date(2025, 3, 1),
                                                                        date(2025, 3, 31))


def test_ui_timeline_drag_marker_and_event_change_their_date(timeline):
    view, doc = timeline.tijdlijn.view, timeline.doc
    marker = item_of(timeline, ("line", 0, 1)).look
    drag(view, QPointF(marker.x0, marker.y), QPointF(marker.x0 - 7 * PPD, marker.y + 2))
    assert lines(timeline, 0)[1].date == date(2025, 2, 3)
    event = item_of(timeline, ("event", 0)).look
    drag(view, QPointF(event.x0, event.y), QPointF(event.x0 + 20 * PPD, event.y))
    assert doc.case.narrative.events[0].date == date(2025, 2, 4)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert lines(timeline, 0)[1].date == date(2025, 2, 10)
    assert doc.case.narrative.events[0].date == date(2025, 1, 15)


def test_ui_timeline_double_click_adds_a_line_and_an_event_at_that_date(timeline):
    section, doc = timeline.tijdlijn, timeline.doc
    scene, view = section.scene, section.view
    add_row = next(r for r in scene.rows if r.kind == "add" and r.lane_id == "referentie")
    double_click(view, QPointF(100.5 * PPD, add_row.top + add_row.height / 2))   # 11 April
    new = lines(timeline, 1)[1]
    assert (new.item, new.date, new.quantity) == ("", date(2025, 4, 11), 1.0)
    # the new line is selected and its item is asked for in the side panel
    assert scene.selected_sources() == [("line", 1, 1)]
    assert section.panel.stack.currentWidget() is section.panel.line_editor
    assert section.panel.line_editor.picker.hasFocus()
    # a double-click in an item's row adds a line of that item
    wijk_row = next(r for r in scene.rows if r.item_id == "WIJKTEAM-UUR")
    double_click(view, QPointF(150.5 * PPD, wijk_row.top + wijk_row.height / 2))  # 31 May
    assert (lines(timeline, 0)[2].item, lines(timeline, 0)[2].date) == ("WIJKTEAM-UUR",
                                                                        date(2025, 5, 31))
    events_row = next(r for r in scene.rows if r.kind == "add" and r.lane_kind == "events")
    double_click(view, QPointF(31.5 * PPD, events_row.top + 5))                  # 1 February
    event = doc.case.narrative.events[1]
    assert (event.date, event.scenario, event.title) == (date(2025, 2, 1), "beide",
                                                         "Nieuwe gebeurtenis")
    assert section.panel.event_editor.title.hasFocus()
    for _ in range(3):
        doc.undo_stack.undo()
    assert len(lines(timeline, 0)) == 2 and len(lines(timeline, 1)) == 1
    assert len(doc.case.narrative.events) == 1


def test_ui_timeline_drag_to_another_lane_copies_the_line(timeline):
    scene, doc = timeline.tijdlijn.scene, timeline.doc
    start = bar_point(timeline, ("line", 0, 0), "middle")
    ref_row = next(r for r in scene.rows if r.kind == "add" and r.lane_id == "referentie")
    drag(timeline.tijdlijn.view, start, QPointF(start.x(), ref_row.top + 4))
    assert lines(timeline, 0)[0].start == date(2025, 3, 1)          # the original stays
    copy = lines(timeline, 1)[1]
    assert (copy.item, copy.start, copy.end) == ("WIJKTEAM-UUR", date(2025, 3, 1),
                                                 date(2025, 3, 31))
    assert scene.selected_sources() == [("line", 1, 1)]
    doc.undo_stack.undo()
    assert len(lines(timeline, 1)) == 1


def test_ui_timeline_delete_key_removes_the_selection_and_keys_follow(timeline, qtbot):
    section, doc = timeline.tijdlijn, timeline.doc
    scene = section.scene
    vt_item = item_of(timeline, ("line", 0, 1))
    scene.select_source(("line", 0, 0))
    section.view.setFocus()
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    assert [l.item for l in lines(timeline, 0)] == ["VT-ZAAK"]
    # the VT item is the same object, now under its new place in the list
    assert scene.items_by_key[("line", 0, 0)] is vt_item and vt_item.source == ("line", 0, 0)
    assert ("line", 0, 1) not in scene.items_by_key
    doc.undo_stack.undo()
    assert [l.item for l in lines(timeline, 0)] == ["WIJKTEAM-UUR", "VT-ZAAK"]
    assert scene.items_by_key[("line", 0, 1)] is vt_item


def test_ui_timeline_side_panel_edits_go_through_undo(qtbot, timeline):
    section, doc = timeline.tijdlijn, timeline.doc
    section.scene.select_source(("line", 1, 0))
    editor = section.panel.line_editor
    assert section.panel.stack.currentWidget() is editor
    assert editor.probability.value() == 60
    editor.probability.selectAll()
    qtbot.keyClicks(editor.probability, "80")  # typed over the selected "60%"
    qtbot.keyClick(editor.probability, Qt.Key.Key_Return)
    assert lines(timeline, 1)[0].probability == pytest.approx(0.8)
    assert item_of(timeline, ("line", 1, 0)).look.text == "80%"
    doc.undo_stack.undo()
    assert lines(timeline, 1)[0].probability == pytest.approx(0.6)
    assert editor.probability.value() == 60


def test_ui_timeline_totals_tooltip_unpriced_and_session_view(timeline):
    section, doc = timeline.tijdlijn, timeline.doc
    timeline.results.recalculate_now()
    result = timeline.results.live.result
    tip = tooltips.line_tooltip(doc, timeline.results.live, ("line", 1, 0))
    ots = result.scenarios["referentie"].lines[0]
    assert format_euro(ots.cost) in tip and "1 feb 2025 – 30 jun 2025 (150 dagen)" in tip
    assert "Kans: 60%" in tip
    # session view: toggled by the F11 action, totals per scenario, follows edits
    timeline.actions_.session_view.trigger()
    session = section.session
    assert session.isVisible() and session.isFullScreen()
    texts = session.total_texts()
    assert format_euro(result.scenarios["interventie"].total) in texts[0]
    assert format_euro(result.comparison.net_result) in texts[-1]
    item = item_of(timeline, ("line", 0, 0))
    start = bar_point(timeline, ("line", 0, 0), "end")
    drag(section.view, start, start + QPointF(30 * PPD, 0))       # a month longer
    timeline.results.recalculate_now()
    assert session.total_texts()[0] != texts[0]
    assert session.scene.items_by_key[("line", 0, 0)].look.x1 > item.look.x0
    timeline.actions_.session_view.trigger()
    assert not session.isVisible()
    # an unknown item is marked as unpriced
    section.scene.select_source(("line", 0, 1))
    section.panel.line_editor._commit("item", "BESTAAT-NIET")
    timeline.results.recalculate_now()
    assert item_of(timeline, ("line", 0, 1)).look.unpriced
    assert "Niet geprijsd" in tooltips.line_tooltip(doc, timeline.results.live, ("line", 0, 1))


def test_ui_timeline_ctrl_wheel_zooms_and_fit_shows_the_period(timeline):
    section = timeline.tijdlijn
    view, scene = section.view, section.scene
    pos = QPointF(500, 100)
    event = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert scene.ppd == pytest.approx(PPD * 1.25)
    assert item_of(timeline, ("line", 0, 0)).look.x0 == pytest.approx(59 * PPD * 1.25)
    view.fit()
    x0, x1 = scene.axis_px()
    left = view.mapFromScene(QPointF(x0, 0)).x()
    right = view.mapFromScene(QPointF(x1, 0)).x()
    assert left >= section.style().pixelMetric(section.style().PixelMetric.PM_DefaultFrameWidth)
    assert left >= scene.tl_style.label_w - 2 and right <= view.viewport().width()


def test_ui_timeline_screenshots_of_the_example_case(qtbot, ctx, tmp_path, monkeypatch):
    """The screenshot command's timeline part: the section and the session view (1920×1080)
    show the example case's bars in the payer colours and the totals."""
    from conftest import EXAMPLE_CASE, ROOT
    from PySide6.QtGui import QColor, QImage
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from timeline_screenshots import render_session

    from effectencalculator.ui.timeline.style import PAYER_COLORS
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    window.resize(1366, 700)
    window.show()
    paths = render_session(QApplication.instance(), window, tmp_path)
    assert [p.name for p in paths] == ["09-tijdlijn-referentie.png",
                                       "09-tijdlijn-sessieweergave.png",
                                       "09-tijdlijn-sessieweergave-referentie.png"]
    session = QImage(str(paths[1]))
    assert (session.width(), session.height()) == (1920, 1080)
    gemeente = QColor(PAYER_COLORS["gemeente"]).rgb()
    hits = sum(1 for x in range(0, 1920, 4) for y in range(0, 1080, 4)
               if session.pixel(x, y) == gemeente)
    assert hits > 500                          # solid municipal bars are on screen
    result = window.results.live.result
    assert format_euro(result.scenarios["referentie"].total) in " ".join(
        window.tijdlijn.session.total_texts())
    window.doc.undo_stack.setClean()
