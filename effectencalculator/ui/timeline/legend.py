"""The legend under the timeline: the swatches are drawn exactly like the items (colour,
opacity for probability, hatching for unpriced lines, diamonds, event circles)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from effectencalculator.report.format import format_percent
from effectencalculator.ui.labels import PAYER_LABELS
from effectencalculator.ui.timeline import style as st
from effectencalculator.ui.timeline.scene import TimelineScene


@dataclass(frozen=True)
class Entry:
    shape: str          # bar, hatch, diamond, circle, title
    fill: str
    text: str
    alpha: int = 255
    badge: str = ""


def legend_entries(scene: TimelineScene) -> list[Entry]:
    """What the timeline shows now: the colours in use, probability, markers, domains."""
    catalogue = scene.doc.catalogue()
    used = {line.item for s in scene.doc.case.scenarios for line in s.lines}
    items = [catalogue[i] for i in used if i in catalogue]
    entries: list[Entry] = []
    if scene.color_by == "category":
        entries.append(Entry("title", "", "Categorie:"))
        for category in sorted({i.category for i in items}):
            entries.append(Entry("bar", scene.category_colors.get(category, st.UNKNOWN),
                                 category))
    else:
        entries.append(Entry("title", "", "Financier:"))
        for payer in st.PAYER_COLORS:
            if any(i.payer == payer for i in items):
                entries.append(Entry("bar", st.PAYER_COLORS[payer],
                                     PAYER_LABELS.get(payer, payer)))
    entries.append(Entry("title", "", "Kans:"))
    for p in (1.0, 0.5, 0.1):
        entries.append(Entry("bar", "#0072B2", format_percent(p), st.probability_alpha(p)))
    entries.append(Entry("hatch", st.UNPRICED_STROKE, "niet geprijsd"))
    entries.append(Entry("diamond", "#0072B2", "op één dag"))
    domains = sorted({e.domain for e in scene.doc.case.narrative.events if e.domain})
    if domains or scene.doc.case.narrative.events:
        entries.append(Entry("title", "", "Gebeurtenis:"))
        for domain in domains:
            entries.append(Entry("circle", st.DOMAIN_COLORS.get(domain, st.NO_DOMAIN), domain))
        entries.append(Entry("circle", st.NO_DOMAIN, "I / R: alleen interventie / referentie",
                             badge="I"))
    return entries


class LegendWidget(QWidget):
    """Entries in rows that wrap to the widget's width."""

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[Entry] = []
        self.scale = scale
        self.setObjectName("timeline_legend")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_entries(self, entries: list[Entry]) -> None:
        if entries != self.entries:
            self.entries = entries
            self.updateGeometry()
            self.update()

    def _font(self, bold: bool = False):
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * self.scale)
        font.setBold(bold)
        return font

    def _place(self, width: int) -> list[tuple[Entry, QRectF]]:
        metrics = QFontMetricsF(self._font())
        bold = QFontMetricsF(self._font(True))
        line_h = metrics.height() + 6 * self.scale
        swatch = 22 * self.scale
        x, y, placed = 4.0, 3.0, []
        for entry in self.entries:
            text_w = (bold if entry.shape == "title" else metrics).horizontalAdvance(entry.text)
            w = text_w + (0 if entry.shape == "title" else swatch + 6) + 14 * self.scale
            if entry.shape == "title" and x > 4:
                w += 6 * self.scale
            if x + w > width and x > 4:
                x, y = 4.0, y + line_h
            placed.append((entry, QRectF(x, y, w, line_h)))
            x += w
        return placed

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, self.heightForWidth(max(self.width(), 600)))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        placed = self._place(width)
        return int(placed[-1][1].bottom() + 4) if placed else 0

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        swatch = 22 * self.scale
        for entry, rect in self._place(self.width()):
            mid = rect.center().y()
            if entry.shape == "title":
                painter.setFont(self._font(True))
                painter.setPen(QColor(st.TEXT))
                painter.drawText(rect.adjusted(6 if rect.x() > 4 else 0, 0, 0, 0),
                                 Qt.AlignmentFlag.AlignVCenter, entry.text)
                continue
            self._swatch(painter, entry, QRectF(rect.x(), mid - 6 * self.scale, swatch,
                                                12 * self.scale))
            painter.setFont(self._font())
            painter.setPen(QColor(st.TEXT))
            painter.drawText(QRectF(rect.x() + swatch + 5, rect.y(), rect.width(),
                                    rect.height()), Qt.AlignmentFlag.AlignVCenter, entry.text)
        painter.end()

    def _swatch(self, painter: QPainter, entry: Entry, box: QRectF) -> None:
        base = QColor(entry.fill)
        if entry.shape in ("bar", "hatch"):
            painter.fillRect(box, QColor("#FFFFFF"))
            if entry.shape == "hatch":
                painter.setBrush(QBrush(base, Qt.BrushStyle.BDiagPattern))
                painter.setPen(QPen(base, 1.4, Qt.PenStyle.DashLine))
            else:
                painter.setBrush(QBrush(st.color(entry.fill, entry.alpha)))
                painter.setPen(QPen(base.darker(140), 1))
            painter.drawRect(box)
        elif entry.shape == "diamond":
            c, r = box.center(), box.height() / 2 + 1
            painter.setBrush(QBrush(base))
            painter.setPen(QPen(base.darker(140), 1))
            painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                                           QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())]))
        elif entry.shape == "circle":
            c, r = box.center(), box.height() / 2 + 1
            painter.setBrush(QBrush(base))
            painter.setPen(QPen(QColor(st.SELECTED), 1))
            painter.drawEllipse(c, r, r)
            if entry.badge:
                font = self._font(True)
                font.setPointSizeF(font.pointSizeF() * 0.8)
                painter.setFont(font)
                painter.setPen(QColor("#FFFFFF"))
                painter.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r),
                                 Qt.AlignmentFlag.AlignCenter, entry.badge)
