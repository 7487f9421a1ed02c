"""The reportlab pieces the renderer adds: a canvas that writes "pagina x van y", a
frame that records overflows, a vector drawing and a quote with a bar in the margin."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph

from effectencalculator.report.fonts import SANS
from effectencalculator.report.pdf_styles import MARGIN_B, MARGIN_R, MUTED, PAGE_W, RULE


class NumberedCanvas(Canvas):
    """Defers page output to write "pagina x van y" once the total is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []

    def showPage(self):  # noqa: N802 (reportlab API)
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self.setFont(SANS, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_W - MARGIN_R, MARGIN_B - 11 * mm,
                                     f"pagina {self._pageNumber} van {total}")
            super().showPage()
        super().save()


class CheckedFrame(Frame):
    """A frame that records flowables wider than itself (they would run off the page)."""

    overflows: list[str]

    def _add(self, flowable, canv, trySplit=0):  # noqa: N803 - reportlab's name
        result = super()._add(flowable, canv, trySplit)
        if result:
            width = getattr(flowable, "_width", None) or getattr(flowable, "width", 0) or 0
            if width > self._getAvailableWidth() + 0.5:
                self.overflows.append(f"pagina {canv.getPageNumber()}: "
                                      f"{flowable.__class__.__name__} {width:.0f} pt breed")
        return result

    add = _add  # Frame binds ``add`` to its own ``_add``


class DrawingFlowable(Flowable):
    """A reportlab Drawing as a flowable (renderPDF keeps it vector)."""

    def __init__(self, drawing):
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height
        self.spaceBefore, self.spaceAfter = 2, 2

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        from reportlab.graphics import renderPDF
        renderPDF.draw(self.drawing, self.canv, 0, 0)


class QuoteBar(Flowable):
    """A quote paragraph with a grey bar in the margin, kept on one page."""

    def __init__(self, paragraph: Paragraph):
        super().__init__()
        self.paragraph = paragraph
        self.spaceBefore, self.spaceAfter = 2, 5

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        _, self.height = self.paragraph.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        parts = self.paragraph.split(avail_width, avail_height)
        return [QuoteBar(p) for p in parts] if len(parts) > 1 else []

    def draw(self):
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(2)
        self.canv.line(6, 0, 6, self.height)
        self.canv.restoreState()
        self.paragraph.drawOn(self.canv, 0, 0)


def date_formatter(created: date):
    def formatter(yyyy, mm_, dd, hh, m, s):
        return f"D:{created.year:04d}{created.month:02d}{created.day:02d}000000+00'00'"
    return formatter
