"""The graphics items of the timeline: a service line (bar or marker) and a life event.

An item knows how it looks (a ``Look``, computed by the scene from the shared layout) and
how the mouse drags it; it never changes the case. When a drag ends it hands the result
(move by N days, new start or end day, target lane) to the scene, which pushes the undo
command — the item then follows the document like every other view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from effectencalculator.ui.timeline import style as st

if TYPE_CHECKING:  # the scene module imports this one
    from effectencalculator.ui.timeline.scene import TimelineScene

DragMode = Literal["move", "start", "end"]


@dataclass(frozen=True)
class Look:
    """Everything that decides where an item is and how it is drawn (compared per edit:
    an item whose look did not change is not touched)."""

    kind: str               # "bar", "marker" or "event"
    x0: float               # scene x of the first day's start (bar) or the marker centre
    x1: float               # scene x of the end of the last day (bars)
    y: float                # scene y of the row's middle
    fill: str               # colour (hex)
    alpha: int = 255
    unpriced: bool = False
    text: str = ""          # inside a bar (the probability), or an event's title
    badge: str = ""         # an event's scenario letter


@dataclass
class DragState:
    mode: DragMode
    press: QPointF
    origin: QPointF
    look: Look
    moved: bool = False


class TimelineGraphicsItem(QGraphicsItem):
    """Common behaviour: selection, hover cursor, dragging by whole days."""

    def __init__(self, source: tuple, look: Look, style: st.TimelineStyle):
        super().__init__()
        self.source = source
        self.look = look
        self.style = style
        self._drag: DragState | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setPos(look.x0, look.y)

    def _tscene(self) -> TimelineScene:
        """The timeline scene the item is in (items are only ever put in one)."""
        return cast("TimelineScene", self.scene())

    # -- look -----------------------------------------------------------------------
    def apply(self, look: Look) -> None:
        """Show ``look`` (called by the scene only when it differs)."""
        if (look.x1 - look.x0, look.text, look.kind) != (
                self.look.x1 - self.look.x0, self.look.text, self.look.kind):
            self.prepareGeometryChange()
        self.look = look
        self._drag = None
        self.setPos(look.x0, look.y)
        self.update()

    def edge_at(self, x: float) -> DragMode:
        return "move"

    # -- mouse ----------------------------------------------------------------------
    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        mode = self.edge_at(event.pos().x())
        self.setCursor(Qt.CursorShape.SizeHorCursor if mode != "move"
                       else Qt.CursorShape.OpenHandCursor)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = DragState(self.edge_at(event.pos().x()), event.scenePos(), self.pos(),
                                   self.look)
        super().mousePressEvent(event)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        drag, scene = self._drag, self._tscene()
        if drag is None or scene is None:
            return
        delta = event.scenePos() - drag.press
        if not drag.moved and abs(delta.x()) < 3 and abs(delta.y()) < 3:
            return
        drag.moved = True
        days = scene.days_for(delta.x())
        self.preview(drag, days, delta.y())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        drag, scene = self._drag, self._tscene()
        self._drag = None
        if drag is not None and drag.moved and scene is not None:
            days = scene.days_for(event.scenePos().x() - drag.press.x())
            self.apply(drag.look)  # back in place; the document decides where it goes
            scene.finish_drag(self, drag.mode, days, event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def preview(self, drag: DragState, days: int, dy: float) -> None:
        self.setPos(drag.origin.x() + self._tscene().px_for(days), drag.origin.y())


class LineItem(TimelineGraphicsItem):
    """A service line: a bar over its days, or a diamond on its one day."""

    def _width(self) -> float:
        return max(self.look.x1 - self.look.x0, 3.0)

    def _bar_mid(self) -> float:
        """Vertical middle of the bar or diamond: lower in packed rows (name above)."""
        return self.style.row_h / 2 - self.style.bar_h / 2 - 5 if self.style.packed else 0.0

    def boundingRect(self) -> QRectF:  # noqa: N802
        if self.style.packed:
            half, r = self.style.row_h / 2, self.style.marker_r + 2
            left = -r if self.look.kind == "marker" else -2
            return QRectF(left, -half, max(self._width(), self.style.event_label_px) - left + 2,
                          2 * half)
        if self.look.kind == "marker":
            r = self.style.marker_r + 2
            return QRectF(-r, -r, 2 * r, 2 * r)
        h = self.style.bar_h / 2 + 2
        return QRectF(-2, -h, self._width() + 4, 2 * h)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def edge_at(self, x: float) -> DragMode:
        if self.look.kind != "bar":
            return "move"
        handle = min(self.style.handle_px, self._width() / 3)
        if x <= handle:
            return "start"
        if x >= self._width() - handle:
            return "end"
        return "move"

    def preview(self, drag: DragState, days: int, dy: float) -> None:
        scene = self._tscene()
        shift = scene.px_for(days)
        if drag.mode == "move":
            # follow the mouse vertically too: dropping on another lane copies the line
            self.setPos(drag.origin.x() + shift, drag.origin.y() + dy)
            return
        look = drag.look
        day_px = scene.px_for(1)
        if drag.mode == "start":
            x0 = min(look.x0 + shift, look.x1 - day_px)
            new = Look(look.kind, x0, look.x1, look.y, look.fill, look.alpha, look.unpriced,
                       look.text)
        else:
            x1 = max(look.x1 + shift, look.x0 + day_px)
            new = Look(look.kind, look.x0, x1, look.y, look.fill, look.alpha, look.unpriced,
                       look.text)
        self.prepareGeometryChange()
        self.look = new
        self.setPos(new.x0, new.y)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        look = self.look
        selected = self.isSelected()
        base = QColor(look.fill)
        fill = st.color(look.fill, look.alpha)
        pen = QPen(base.darker(140), 1.0)
        brush = QBrush(fill)
        if look.unpriced:
            pen = QPen(QColor(st.UNPRICED_STROKE), 1.4, Qt.PenStyle.DashLine)
            brush = QBrush(QColor(st.UNPRICED_STROKE), Qt.BrushStyle.BDiagPattern)
        if selected:
            pen = QPen(QColor(st.SELECTED), 2.6)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, look.kind == "marker")
        mid = self._bar_mid()
        if self.style.packed:
            self._paint_name(painter)
        if look.kind == "marker":
            r = self.style.marker_r
            diamond = QPolygonF([QPointF(0, mid - r), QPointF(r, mid), QPointF(0, mid + r),
                                 QPointF(-r, mid)])
            if look.unpriced:
                painter.setBrush(QBrush(QColor("#FFFFFF")))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawPolygon(diamond)
            painter.setBrush(brush)
            painter.setPen(pen)
            painter.drawPolygon(diamond)
            return
        h = self.style.bar_h
        rect = QRectF(0, mid - h / 2, self._width(), h)
        if look.unpriced:
            painter.fillRect(rect, QColor("#FFFFFF"))
        painter.setBrush(brush)
        painter.setPen(pen)
        painter.drawRect(rect)
        if selected and rect.width() > 8:
            painter.fillRect(QRectF(0, rect.top(), 3, h), QColor(st.SELECTED))
            painter.fillRect(QRectF(rect.width() - 3, rect.top(), 3, h), QColor(st.SELECTED))
        if look.text and not self.style.packed:
            font = self.style.font(scale=0.9)
            metrics = QFontMetricsF(font)
            if metrics.horizontalAdvance(look.text) + 8 <= rect.width():
                painter.setFont(font)
                painter.setPen(QColor(st.TEXT if look.alpha < 160 or look.unpriced
                                      else "#FFFFFF"))
                painter.drawText(rect.adjusted(4, 0, -4, 0),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 look.text)


    def _paint_name(self, painter: QPainter) -> None:
        """Packed rows: the line's name (and probability) above its bar, cut to the room
        the layout reserved for it."""
        font = self.style.font(bold=self.isSelected())
        metrics = QFontMetricsF(font)
        left = -self.style.marker_r if self.look.kind == "marker" else 0.0
        room = max(self._width(), self.style.event_label_px) - 8
        text = metrics.elidedText(self.look.text, Qt.TextElideMode.ElideRight, room)
        painter.setFont(font)
        painter.setPen(QColor(st.UNPRICED_STROKE if self.look.unpriced else st.TEXT))
        top = -self.style.row_h / 2 + 1
        painter.drawText(QRectF(left, top, room + 4, self._bar_mid() - self.style.bar_h / 2
                                - top - 1),
                         Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, text)


class EventItem(TimelineGraphicsItem):
    """A life event: a circle in its domain's colour with the scenario letter, and its
    title to the right (cut to the room the layout left it)."""

    def _label(self) -> str:
        metrics = QFontMetricsF(self.style.font())
        room = self.style.event_label_px - 2 * self.style.event_r - 8
        return metrics.elidedText(self.look.text, Qt.TextElideMode.ElideRight, room)

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = self.style.event_r + 2
        return QRectF(-r, -r, self.style.event_label_px + r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = self.style.event_r + 2
        path.addRect(QRectF(-r, -r, 2 * r, 2 * r))
        metrics = QFontMetricsF(self.style.font())
        path.addRect(QRectF(r, -r, metrics.horizontalAdvance(self._label()) + 4, 2 * r))
        return path

    def preview(self, drag: DragState, days: int, dy: float) -> None:
        self.setPos(drag.origin.x() + self._tscene().px_for(days), drag.origin.y())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        look = self.look
        r = self.style.event_r
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = self.isSelected()
        painter.setPen(QPen(QColor(st.SELECTED), 2.6 if selected else 1.0))
        painter.setBrush(QBrush(QColor(look.fill)))
        painter.drawEllipse(QPointF(0, 0), r, r)
        if look.badge:
            font = self.style.font(bold=True, scale=0.85)
            painter.setFont(font)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter,
                             look.badge)
        font = self.style.font(bold=selected)
        painter.setFont(font)
        painter.setPen(QColor(st.TEXT))
        painter.drawText(QRectF(r + 4, -r - 2, self.style.event_label_px, 2 * r + 4),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self._label())
