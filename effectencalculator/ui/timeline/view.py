"""The timeline view: scrolling, zoom (Ctrl+scroll, fit to the period), the Delete key,
hover texts, and the row labels and the date axis that stay in place while scrolling.

The fixed parts are painted over the scene in viewport coordinates (``drawForeground``),
only for the rows that are visible, so a tall timeline costs nothing extra to scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QToolTip

from effectencalculator.report.format import MONTHS_SHORT, format_euro
from effectencalculator.ui.timeline import style as st
from effectencalculator.ui.timeline import tooltips
from effectencalculator.ui.timeline.items import TimelineGraphicsItem
from effectencalculator.ui.timeline.scene import TimelineScene

ROLE_TITLES = {"intervention": "Interventie", "reference": "Referentie"}
EMPTY_TEXT = ("Nog niets op de tijdlijn. Geef de casusperiode op (Gegevens), of voeg "
              "gebeurtenissen en inzet met een datum toe.")
ZOOM_STEP = 1.25


def lane_title(row) -> str:
    if row.lane_kind == "events":
        return "Gebeurtenissen"
    role = ROLE_TITLES.get(row.role, "Variant")
    return f"{role}: {row.label}" if row.label.lower() != role.lower() else role


class TimelineView(QGraphicsView):
    def __init__(self, scene: TimelineScene, parent=None):
        super().__init__(scene, parent)
        self.tscene = scene
        self.style_ = scene.tl_style
        self._fitted = False
        self.setObjectName("timeline_view")
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("")
        scene.geometryChanged.connect(self.viewport().update)
        scene.results.updated.connect(self.viewport().update)

    # -- showing --------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.tscene.set_live(True)
        if not self._fitted:
            self._fitted = True
            self.fit()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.tscene.set_live(False)

    def fit(self) -> None:
        """Zoom so the whole axis fits the width, and show its start."""
        layout = self.tscene.layout
        if layout is None or layout.is_empty:
            return
        room = self.viewport().width() - self.style_.label_w - self.style_.event_label_px * 0.6
        self.tscene.set_ppd(max(room, 200) / layout.days)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom around viewport x ``anchor_x`` (the middle when None)."""
        scene = self.tscene
        if anchor_x is None:
            anchor_x = (self.style_.label_w + self.viewport().width()) / 2
        before = self.mapToScene(int(anchor_x), 0).x()
        days = before / scene.ppd
        scene.set_ppd(scene.ppd * factor)
        after = self.mapToScene(int(anchor_x), 0).x()
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() + round(days * scene.ppd - after))

    def scroll_to_lane(self, lane_id: str) -> None:
        """Scroll so the lane's header is the first row under the axis."""
        row = next((r for r in self.tscene.rows if r.kind == "header" and r.lane_id == lane_id),
                   None)
        if row is not None:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + round(self.mapFromScene(QPointF(0, row.top)).y()
                                             - self.style_.axis_h))

    def scroll_to_item(self, source: tuple) -> None:
        item = self.tscene.items_by_key.get(source)
        if item is not None:
            self.ensureVisible(item, self.style_.label_w + 20, self.style_.axis_h + 20)

    # -- input ----------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom(ZOOM_STEP ** steps, event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if self.tscene.delete_selected():
                event.accept()
                return
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
            return
        if ctrl and key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
            return
        if ctrl and key == Qt.Key.Key_0:
            self.fit()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.itemAt(event.pos())
            text = self.tooltip_for(item) if isinstance(item, TimelineGraphicsItem) else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_for(self, item: TimelineGraphicsItem) -> str:
        doc, live = self.tscene.doc, self.tscene.results.live
        if item.source[0] == "event":
            return tooltips.event_tooltip(doc, item.source)
        return tooltips.line_tooltip(doc, live, item.source)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self.viewport().update()  # the fixed labels must not scroll with the pixels

    # -- fixed labels and axis ------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        painter.save()
        painter.resetTransform()
        try:
            self._paint_fixed(painter)
        finally:
            painter.restore()

    def _paint_fixed(self, painter: QPainter) -> None:
        s, scene = self.style_, self.tscene
        width, height = self.viewport().width(), self.viewport().height()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if scene.layout is None or scene.layout.is_empty:
            painter.setFont(s.font(scale=1.1))
            painter.setPen(QColor(st.MUTED))
            painter.drawText(QRectF(20, 20, width - 40, height - 40),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             EMPTY_TEXT)
            return
        offset_y = self.mapFromScene(QPointF(0, 0)).y()
        self._paint_labels(painter, offset_y, width, height)
        self._paint_axis(painter, width)

    def _paint_labels(self, painter: QPainter, offset_y: float, width: int,
                      height: int) -> None:
        s, scene = self.style_, self.tscene
        painter.fillRect(QRectF(0, s.axis_h, s.label_w, height), QColor("#F6F7F9"))
        painter.setPen(QPen(QColor(st.YEAR_LINE), 1))
        painter.drawLine(QPointF(s.label_w - 0.5, s.axis_h), QPointF(s.label_w - 0.5, height))
        normal, bold = s.font(), s.font(bold=True, scale=s.header_pt / s.font_pt)
        small = s.font(scale=0.9)
        result = scene.results.live.result
        for row in scene.rows:
            top = row.top + offset_y
            if top + row.height < s.axis_h or top > height:
                continue
            band = QRectF(10, top, s.label_w - 16, row.height)
            if row.kind == "header":
                # the lane title runs over the whole band (no items there), then its total
                painter.fillRect(QRectF(0, top, width, row.height), QColor(st.HEADER_FILL))
                painter.setFont(bold)
                painter.setPen(QColor(st.TEXT))
                title = lane_title(row)
                title_w = QFontMetricsF(bold).horizontalAdvance(title)
                painter.drawText(QRectF(8, top, title_w + 4, row.height),
                                 Qt.AlignmentFlag.AlignVCenter, title)
                total = result.scenarios.get(row.lane_id) if result is not None else None
                if total is not None:
                    painter.setFont(normal)
                    painter.setPen(QColor(st.MUTED))
                    painter.drawText(QRectF(8 + title_w + 18, top, width, row.height),
                                     Qt.AlignmentFlag.AlignVCenter,
                                     f"totaal {format_euro(total.total)}")
                continue
            if row.kind == "add":
                painter.setFont(small)
                painter.setPen(QColor("#8A8F96"))
                what = "gebeurtenis" if row.lane_kind == "events" else "regel"
                painter.drawText(band, Qt.AlignmentFlag.AlignVCenter,
                                 f"+ dubbelklik: nieuwe {what}")
                continue
            if row.continuation or not row.label:
                continue
            painter.setFont(normal)
            painter.setPen(QColor(st.TEXT))
            metrics = QFontMetricsF(normal)
            painter.drawText(band, Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(row.label, Qt.TextElideMode.ElideRight,
                                                band.width()))

    def _paint_axis(self, painter: QPainter, width: int) -> None:
        s, scene = self.style_, self.tscene
        layout = scene.layout
        painter.fillRect(QRectF(0, 0, width, s.axis_h), QColor("#FFFFFF"))
        painter.setPen(QPen(QColor(st.YEAR_LINE), 1))
        painter.drawLine(QPointF(0, s.axis_h - 0.5), QPointF(width, s.axis_h - 0.5))
        month_font, year_font = s.font(), s.font(bold=True, scale=s.header_pt / s.font_pt)
        month_px = scene.ppd * 30.4
        metrics = QFontMetricsF(month_font)
        widest = metrics.horizontalAdvance("mmm") + 8
        step = 1 if month_px >= widest else 3 if 3 * month_px >= widest else 12
        half = s.axis_h / 2
        first_year_drawn = False
        ticks = layout.ticks if layout is not None else []
        for i, tick in enumerate(ticks):
            x = self.mapFromScene(QPointF(scene.x_of(tick.x), 0)).x()
            next_x = (self.mapFromScene(QPointF(scene.x_of(ticks[i + 1].x), 0)).x()
                      if i + 1 < len(ticks) else x + month_px)
            if next_x < s.label_w or x > width:
                continue
            strong = tick.day.month == 1
            painter.setPen(QPen(QColor(st.YEAR_LINE if strong else "#C9CDD2"), 1))
            painter.drawLine(QPointF(x, half if not strong else 2), QPointF(x, s.axis_h))
            if (tick.day.month - 1) % step == 0 and x >= s.label_w and step < 12:
                painter.setFont(month_font)
                painter.setPen(QColor(st.MUTED))
                painter.drawText(QRectF(x + 3, half, max(next_x - x, widest), half),
                                 Qt.AlignmentFlag.AlignVCenter,
                                 MONTHS_SHORT[tick.day.month - 1])
            if strong or not first_year_drawn:
                year_x = max(x, s.label_w) + 4
                painter.setFont(year_font)
                painter.setPen(QColor(st.TEXT))
                painter.drawText(QRectF(year_x, 0, 200, half + 2),
                                 Qt.AlignmentFlag.AlignVCenter, str(tick.day.year))
                first_year_drawn = True
        painter.fillRect(QRectF(0, 0, s.label_w, s.axis_h), QColor("#F6F7F9"))
        painter.setPen(QPen(QColor(st.YEAR_LINE), 1))
        painter.drawLine(QPointF(s.label_w - 0.5, 0), QPointF(s.label_w - 0.5, s.axis_h))
        painter.drawLine(QPointF(0, s.axis_h - 0.5), QPointF(s.label_w, s.axis_h - 0.5))
        if s.label_w >= 120:
            painter.setFont(s.font(scale=0.9))
            painter.setPen(QColor(st.MUTED))
            painter.drawText(QRectF(8, 0, s.label_w - 12, s.axis_h),
                             Qt.AlignmentFlag.AlignVCenter, "Ctrl+scroll: zoomen")
