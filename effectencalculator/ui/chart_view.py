"""Shows the report's charts in the Berekening section (imported only when drawn).

The drawings come from ``effectencalculator.report.charts`` with the series the report
itself uses (``report.content.payer_series`` / ``cumulative_series``), rendered to SVG
and shown with QtSvg: the same picture as in the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from effectencalculator.model.calculation import CaseResult
from effectencalculator.ui.charts import drawing_to_svg, svg_for_qt

_families: dict[str, str] | None = None


def report_font_families() -> dict[str, str]:
    """Register the report's chart fonts with Qt once, so screen and paper match."""
    global _families
    if _families is None:
        from PySide6.QtGui import QFontDatabase

        from effectencalculator.report.fonts import font_dir
        _families = {}
        for key, filename in (("EcSans", "DejaVuSansCondensed.ttf"),
                              ("EcSerif", "DejaVuSerif.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(font_dir() / filename))
            names = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if names:
                _families[key] = names[0]
        for filename in ("DejaVuSansCondensed-Bold.ttf", "DejaVuSerif-Bold.ttf",
                         "DejaVuSerif-Italic.ttf"):
            QFontDatabase.addApplicationFont(str(font_dir() / filename))
    return _families

CHART_WIDTH_PT = 400.0
CUMULATIVE_HEIGHT_PT = 220.0
SCALE = 1.45  # screen pixels per point


class SvgView(QWidget):
    """Paints an SVG on white (like paper), centred, keeping its aspect ratio."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def load(self, data: bytes) -> None:
        self.renderer.load(QByteArray(data))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.renderer.isValid():
            return
        size = self.renderer.defaultSize().toSizeF()
        scale = min(self.width() / size.width(), self.height() / size.height())
        w, h = size.width() * scale, size.height() * scale
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.renderer.render(painter, QRectF((self.width() - w) / 2, 0, w, h))


class SvgChart(QWidget):
    """A titled chart that keeps the drawing's aspect ratio."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(f"<b>{title}</b>")
        self.svg = SvgView()
        layout.addWidget(self.title)
        layout.addWidget(self.svg)
        self.svg_bytes = b""

    def set_drawing(self, drawing) -> None:
        self.set_svg(svg_for_qt(drawing_to_svg(drawing), report_font_families()),
                     drawing.width, drawing.height)

    def set_svg(self, svg: bytes, width_pt: float, height_pt: float) -> None:
        """An SVG made elsewhere (off the GUI thread) of a drawing of this size."""
        self.svg_bytes = svg
        self.svg.load(svg)
        size = QSize(int(width_pt * SCALE), int(height_pt * SCALE))
        self.svg.setFixedHeight(size.height())
        self.svg.setMinimumWidth(size.width() // 2)


def draw(case, result: CaseResult) -> tuple:
    from effectencalculator.report.charts import cumulative_chart, payer_bar_chart
    from effectencalculator.report.content import cumulative_series, payer_series
    payers = payer_bar_chart(payer_series(case, result), CHART_WIDTH_PT)
    cumulative = cumulative_chart(cumulative_series(case, result), CHART_WIDTH_PT,
                                  CUMULATIVE_HEIGHT_PT)
    return payers, cumulative


def show_charts(section, result: CaseResult | None) -> None:
    """Fill ``section.chart_layout`` with the two charts (or say why there are none)."""
    widgets = section.chart_widgets
    if not widgets:
        widgets["payer"] = SvgChart("Kosten per financier, per scenario")
        widgets["cumulative"] = SvgChart("Cumulatieve kosten over de tijd")
        section.chart_layout.addWidget(widgets["payer"], 1, Qt.AlignmentFlag.AlignTop)
        section.chart_layout.addWidget(widgets["cumulative"], 1, Qt.AlignmentFlag.AlignTop)
    if result is None:
        section.chart_note.setText("Geen grafieken: er kan (nog) niet worden gerekend.")
        section.chart_note.show()
        for widget in widgets.values():
            widget.hide()
        return
    section.chart_note.hide()
    payers, cumulative = draw(section.doc.case, result)
    widgets["payer"].set_drawing(payers)
    widgets["cumulative"].set_drawing(cumulative)
    for widget in widgets.values():
        widget.show()
