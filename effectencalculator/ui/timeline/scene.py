"""The timeline scene: the shared layout turned into graphics items, kept in step with the
case without rebuilding.

After every edit the scene asks ``layout_timeline`` (the same pure function the PDF
chart uses) where everything is, computes each item's ``Look`` and touches only the
items whose look changed. Items are keyed by their record's place in the case; when
records are inserted, removed or moved, the keys are shifted along (from the document's
signals), so deleting line 3 of 500 updates one lane's rows, not 500 items.

Scene coordinates: x = days since ``origin`` × ``ppd`` (pixels per day), so zooming
changes ``ppd``, never the text size; y = rows from the top. Negative x and y are under
the view's fixed row labels and date axis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from PySide6.QtCore import QPointF, QRect, QRectF, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
)

from effectencalculator.model.timeline_layout import TimelineItem, TimelineLayout, layout_timeline
from effectencalculator.model.vocabulary import ALL_SCENARIOS
from effectencalculator.report.format import format_percent
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.results import ResultsController
from effectencalculator.ui.timeline import edits
from effectencalculator.ui.timeline import style as st
from effectencalculator.ui.timeline.items import EventItem, LineItem, Look, TimelineGraphicsItem

ColorBy = Literal["payer", "category"]
NO_ITEM_LABEL = "(kies een post)"


@dataclass(frozen=True)
class RowGeom:
    """One horizontal band of the scene: a lane header, a row of items, or the empty
    row under a lane where a double-click adds something."""

    top: float
    height: float
    kind: str           # "header", "row" or "add"
    lane_id: str
    lane_kind: str      # "events" or "scenario"
    label: str
    role: str = ""
    continuation: bool = False
    #: a scenario row's cost item (a double-click there adds a line of that item)
    item_id: str = ""

    @property
    def bottom(self) -> float:
        return self.top + self.height


class TimelineScene(QGraphicsScene):
    """All lanes of one case. ``live`` off (a hidden view) defers syncing until shown."""

    #: the rows or the axis moved (views repaint their fixed labels)
    geometryChanged = Signal()
    #: a double-click on an item, or a new item added: edit it in the side panel
    editRequested = Signal(object)

    def __init__(self, doc: CaseDocument, results: ResultsController,
                 style: st.TimelineStyle = st.DESK, parent=None):
        super().__init__(parent)
        self.doc, self.results, self.tl_style = doc, results, style
        self.ppd = 3.0
        self.color_by: ColorBy = "payer"
        self.origin: date | None = None
        self.layout: TimelineLayout | None = None
        self.rows: list[RowGeom] = []
        self.items_by_key: dict[tuple, TimelineGraphicsItem] = {}
        self.category_colors: dict[str, str] = {}
        self._roles: dict[str, str] = {}
        self._names_for: tuple | None = None
        self._names_cache: dict[str, str] = {}
        self._live = False
        self._dirty = True
        self.sync_count = 0
        self.touched_last_sync = 0
        doc.edited.connect(self.sync)
        doc.tableChanged.connect(self.sync)
        doc.caseReset.connect(self.rebuild)
        doc.inserted.connect(self._inserted)
        doc.removed.connect(self._removed)
        doc.moved.connect(self._moved)
        results.updated.connect(self.sync)

    # -- coordinates ----------------------------------------------------------------
    def px_for(self, days: float) -> float:
        return days * self.ppd

    def days_for(self, dx: float) -> int:
        return round(dx / self.ppd)

    def day_at_x(self, x: float) -> date | None:
        if self.origin is None:
            return None
        return self.origin + timedelta(days=math.floor(x / self.ppd))

    def x_of(self, fraction: float) -> float:
        """Scene x of a layout position (0..1 along the layout's axis)."""
        layout = self.layout
        assert layout is not None and layout.start is not None and self.origin is not None
        return ((layout.start - self.origin).days + fraction * layout.days) * self.ppd

    def axis_px(self) -> tuple[float, float]:
        """Scene x of the axis start and end (0, 0 when there is nothing to show)."""
        if self.layout is None or self.layout.is_empty:
            return 0.0, 0.0
        return self.x_of(0.0), self.x_of(1.0)

    def row_at(self, y: float) -> RowGeom | None:
        for row in self.rows:
            if row.top <= y < row.bottom:
                return row
        return None

    # -- syncing --------------------------------------------------------------------
    def set_live(self, live: bool) -> None:
        self._live = live
        if live and self._dirty:
            self.sync()

    def set_ppd(self, ppd: float) -> None:
        ppd = max(0.15, min(ppd, 80.0))
        if abs(ppd - self.ppd) > 1e-9:
            self.ppd = ppd
            self.sync()

    def set_color_by(self, color_by: ColorBy) -> None:
        if color_by != self.color_by:
            self.color_by = color_by
            self.sync()

    def rebuild(self) -> None:
        """Forget every item (another case was opened) and lay out afresh."""
        for item in self.items_by_key.values():
            self.removeItem(item)
        self.items_by_key.clear()
        self.origin = None
        self.layout = None
        self.sync()

    def _names(self) -> dict[str, str]:
        """Item names and category colours, kept while the catalogue is the same object."""
        catalogue = self.doc.catalogue()  # a new dict after every edit: key on its sources
        key = (id(self.doc.table), len(catalogue),
               tuple((i.id, i.name, i.category) for i in self.doc.case.custom_items))
        if self._names_for != key:
            self._names_for = key
            self._names_cache = {item_id: item.name for item_id, item in catalogue.items()}
            self.category_colors = st.category_colors(
                [item.category for item in catalogue.values()])
        return self._names_cache

    def _layout(self, names: dict[str, str]) -> TimelineLayout:
        """The shared layout, with events packed so their labels do not overlap."""
        days = self.layout.days if self.layout is not None and self.layout.days else 0
        for _ in range(2):
            gap = (self.tl_style.event_label_px / (days * self.ppd)) if days else 0.035
            layout = layout_timeline(self.doc.case, names, min_event_gap=gap,
                                     group_by="packed" if self.tl_style.packed else "item",
                                     label_room=gap)
            if layout.days == days or layout.is_empty:
                return layout
            days = layout.days
        return layout

    def sync(self) -> None:
        """Bring the items in line with the case (only the changed ones are touched)."""
        if not self._live:
            self._dirty = True
            return
        self._dirty = False
        self.sync_count += 1
        layout = self._layout(self._names())
        self.layout = layout
        if layout.is_empty:
            self._drop(set(self.items_by_key))
            self.rows = []
            self.setSceneRect(QRectF(-self.tl_style.label_w, -self.tl_style.axis_h, 800, 200))
            self.geometryChanged.emit()
            return
        if self.origin is None:
            self.origin = layout.start
        catalogue = self.doc.catalogue()
        rows, wanted = self._rows(layout)
        self._drop(set(self.items_by_key) - set(wanted))
        touched = 0
        self._roles = {sc.id: sc.role for sc in self.doc.case.scenarios}
        for key, (titem, y) in wanted.items():
            look = self._look(titem, y, catalogue)
            item = self.items_by_key.get(key)
            if item is None:
                cls = EventItem if key[0] == "event" else LineItem
                item = cls(key, look, self.tl_style)
                item.setZValue(2 if key[0] == "event" else 1)
                self.addItem(item)
                self.items_by_key[key] = item
                touched += 1
            elif item.look != look:
                item.apply(look)
                touched += 1
        self.touched_last_sync = touched
        x0, x1 = self.axis_px()
        height = rows[-1].bottom if rows else 0
        self.setSceneRect(QRectF(x0 - self.tl_style.label_w - 8, -self.tl_style.axis_h,
                                 x1 - x0 + self.tl_style.label_w + 8 + self.tl_style.event_label_px,
                                 height + self.tl_style.axis_h + 12))
        if rows != self.rows:
            self.rows = rows
            self.update()
        self.geometryChanged.emit()

    def _drop(self, keys: set) -> None:
        for key in keys:
            self.removeItem(self.items_by_key.pop(key))

    def _rows(self, layout: TimelineLayout) -> tuple[list[RowGeom], dict]:
        s = self.tl_style
        rows: list[RowGeom] = []
        wanted: dict[tuple, tuple[TimelineItem, float]] = {}
        y = 0.0
        for lane in layout.lanes:
            events = lane.kind == "events"
            rows.append(RowGeom(y, s.lane_header_h, "header", lane.id, lane.kind, lane.label,
                                lane.role))
            y += s.lane_header_h
            height = s.event_row_h if events else s.row_h
            for row in lane.rows:
                label = "" if events else (row.label or NO_ITEM_LABEL)
                if self.tl_style.packed:
                    label = ""
                rows.append(RowGeom(y, height, "row", lane.id, lane.kind, label, lane.role,
                                    row.continuation,
                                    "" if events or self.tl_style.packed else row.key))
                for item in row.items:
                    wanted[item.source] = (item, y + height / 2)
                y += height
            add_h = s.add_row_h or (0 if lane.rows else height)
            if add_h:
                rows.append(RowGeom(y, add_h, "add", lane.id, lane.kind, "", lane.role))
                y += add_h
        return rows, wanted

    def _look(self, titem: TimelineItem, y: float, catalogue: dict) -> Look:
        x0, x1 = self.x_of(titem.x0), self.x_of(titem.x1)
        if titem.source[0] == "event":
            badge = "" if titem.scenario == ALL_SCENARIOS else \
                st.scenario_badge(titem.scenario, self._roles) or "?"
            return Look("event", x0, x1, y, st.DOMAIN_COLORS.get(titem.domain, st.NO_DOMAIN),
                        text=titem.label or "(zonder titel)", badge=badge)
        cost_item = catalogue.get(titem.item_id)
        line = edits.record(self.doc, titem.source)
        unpriced = cost_item is None
        if not unpriced and line is not None:
            result = self.results.live.line_result(line)
            unpriced = result is not None and not result.is_priced
        if cost_item is None:
            fill = st.UNKNOWN
        elif self.color_by == "category":
            fill = self.category_colors.get(cost_item.category, st.UNKNOWN)
        else:
            fill = st.PAYER_COLORS.get(cost_item.payer, st.UNKNOWN)
        text = format_percent(titem.probability) if titem.probability < 1 else ""
        if unpriced:
            text = "niet geprijsd" + (f" · {text}" if text else "")
        if self.tl_style.packed:  # the name goes on the bar itself
            text = " · ".join(p for p in (titem.label or NO_ITEM_LABEL, text) if p)
        return Look(titem.kind, x0, x1, y, fill, st.probability_alpha(titem.probability),
                    unpriced, text)

    # -- keys follow inserts, removals and moves ------------------------------------
    def _list_key(self, path) -> tuple | None:
        """(key prefix) of the list at ``path``; None for lists the scene does not show."""
        path = tuple(path)
        if path == edits.EVENTS:
            return ("event",)
        if len(path) == 3 and path[0] == "scenarios" and path[2] == "lines":
            return ("line", path[1])
        return None

    def _remap(self, path, new_index) -> None:
        prefix = self._list_key(path)
        if prefix is None:
            if tuple(path) == ("scenarios",):
                self._drop(set(self.items_by_key))  # lanes themselves changed: start over
            return
        n = len(prefix)
        remapped: dict[tuple, TimelineGraphicsItem] = {}
        for key, item in list(self.items_by_key.items()):
            if key[:n] != prefix:
                remapped[key] = item
                continue
            index = new_index(key[n])
            if index is None:
                self.removeItem(item)
                continue
            item.source = (*prefix, index)
            remapped[item.source] = item
        self.items_by_key = remapped

    def _inserted(self, path, first, last) -> None:
        count = last - first + 1
        self._remap(path, lambda i: i + count if i >= first else i)

    def _removed(self, path, first, last) -> None:
        count = last - first + 1
        self._remap(path, lambda i: None if first <= i <= last
                    else i - count if i > last else i)

    def _moved(self, path, source, target) -> None:
        def new_index(i: int) -> int:
            if i == source:
                return target
            if source < i <= target:
                return i - 1
            if target <= i < source:
                return i + 1
            return i
        self._remap(path, new_index)

    # -- selection ------------------------------------------------------------------
    def selected_sources(self) -> list[tuple]:
        return [item.source for item in self.selectedItems()
                if isinstance(item, TimelineGraphicsItem)]

    def select_source(self, source: tuple | None) -> None:
        self.clearSelection()
        item = self.items_by_key.get(source) if source is not None else None
        if item is not None:
            item.setSelected(True)

    # -- edits ----------------------------------------------------------------------
    def scenario_index(self, lane_id: str) -> int | None:
        return next((i for i, sc in enumerate(self.doc.case.scenarios) if sc.id == lane_id),
                    None)

    def finish_drag(self, item: TimelineGraphicsItem, mode: str, days: int,
                    pos: QPointF) -> None:
        source = item.source
        if mode == "move":
            row = self.row_at(pos.y())
            target = self.scenario_index(row.lane_id) if row is not None else None
            if source[0] == "line" and target is not None and target != source[1]:
                at = edits.copy_line(self.doc, source, target, days)
                if at is not None:
                    self.select_source(("line", target, at))
                return
            edits.move(self.doc, source, days)
            return
        look = item.look
        edge_x = look.x0 if mode == "start" else look.x1 - self.ppd
        day = self.day_at_x(edge_x + self.px_for(days) + self.ppd / 2)
        if day is not None:
            edits.resize(self.doc, source, mode, day)

    def add_at(self, pos: QPointF) -> tuple | None:
        """Double-click on empty space: a new line (of the row's item) or a new event."""
        row = self.row_at(pos.y())
        day = self.day_at_x(pos.x())
        if row is None or day is None or row.kind == "header":
            return None
        if row.lane_kind == "events":
            source: tuple = ("event", edits.add_event(self.doc, day))
        else:
            s_index = self.scenario_index(row.lane_id)
            if s_index is None:
                return None
            item_id = row.item_id if row.kind == "row" else ""
            source = ("line", s_index, edits.add_line(self.doc, s_index, day, item_id))
        self.select_source(source)
        self.editRequested.emit(source)
        return source

    def delete_selected(self) -> bool:
        sources = self.selected_sources()
        self.clearSelection()
        return edits.remove(self.doc, sources)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) \
            if self.views() else None
        if isinstance(item, TimelineGraphicsItem):
            self.editRequested.emit(item.source)
        else:
            self.add_at(event.scenePos())
        event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) \
            if self.views() else None
        if not isinstance(item, TimelineGraphicsItem):
            return
        if not item.isSelected():
            self.select_source(item.source)
        menu = QMenu()
        if item.source[0] == "line":
            for index, scenario in enumerate(self.doc.case.scenarios):
                if index != item.source[1]:
                    action = menu.addAction(f"Kopiëren naar {scenario.label or scenario.id}")
                    action.setData(("copy", item.source, index))
        menu.addAction("Bewerken").setData(("edit", item.source, None))
        menu.addAction("Verwijderen (Delete)").setData(("delete", None, None))
        chosen = menu.exec(event.screenPos())
        if chosen is None or chosen.data() is None:
            return
        what, source, index = chosen.data()  # acted on here: no slot outlives the menu
        if what == "copy":
            edits.copy_line(self.doc, source, index)
        elif what == "edit":
            self.editRequested.emit(source)
        else:
            self.delete_selected()

    # -- background: case period, month lines, row bands ------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        painter.fillRect(rect, QColor("#FFFFFF"))
        layout = self.layout
        if layout is None or layout.is_empty:
            return
        if layout.case_start is not None and layout.case_end is not None:
            a = self.x_of(layout.fraction(layout.case_start))
            b = self.x_of(layout.fraction(layout.case_end + timedelta(days=1)))
            painter.fillRect(QRectF(a, rect.top(), b - a, rect.height()),
                             QColor(st.PERIOD_BAND))
        for row in self.rows:
            if row.bottom < rect.top() or row.top > rect.bottom():
                continue
            if row.kind == "header":
                painter.fillRect(QRectF(rect.left(), row.top, rect.width(), row.height),
                                 QColor(st.HEADER_FILL))
            painter.setPen(QPen(QColor(st.GRID), 0))
            painter.drawLine(QPointF(rect.left(), row.bottom), QPointF(rect.right(), row.bottom))
        for tick in layout.ticks:
            x = self.x_of(tick.x)
            if rect.left() - 1 <= x <= rect.right() + 1:
                strong = tick.level == 2
                painter.setPen(QPen(QColor(st.YEAR_LINE if strong else st.GRID),
                                    1.2 if strong else 0))
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
