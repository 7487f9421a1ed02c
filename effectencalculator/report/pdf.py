"""Rendering report content (``content.py``) to PDF bytes with reportlab platypus.

One renderer serves the case report and the portfolio report (any ``DocumentContent``:
a cover, numbered sections, metadata), so both have the same look. It only lays out
what the content says: named paragraph styles, embedded TTF
fonts (``fonts.py``), an A4 cover and body page template with header and footer
("Vertrouwelijk", "pagina x van y"), tables that repeat their header row and split
across pages, vector charts. ``invariant`` mode and a fixed creation date make the same
content give the same bytes.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame,
                                KeepInFrame, KeepTogether, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.flowables import HRFlowable

from effectencalculator.report import charts
from effectencalculator.report.content import (
    Bullets, Callout, ChartBlock, DocumentContent, Facts, Heading, KeyFigures, Para, Quote,
    Section, TableBlock)
from effectencalculator.report.fonts import SANS, SANS_BOLD, SERIF, SERIF_ITALIC, \
    register_fonts

Progress = Callable[[float, str], None]

PAGE_W, PAGE_H = A4
MARGIN_L = MARGIN_R = 22 * mm
MARGIN_T, MARGIN_B = 24 * mm, 20 * mm
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R
FRAME_H = PAGE_H - MARGIN_T - MARGIN_B

INK = colors.Color(0.1, 0.1, 0.1)
MUTED = colors.Color(0.4, 0.4, 0.4)
RULE = colors.Color(0.55, 0.55, 0.55)
LIGHT = colors.Color(0.93, 0.93, 0.93)
HEADER_BG = colors.Color(0.86, 0.86, 0.86)
CONFIDENTIAL = "Vertrouwelijk"


def make_styles() -> dict[str, ParagraphStyle]:
    """Every paragraph style of the report, by name (one place for the type hierarchy)."""
    register_fonts()
    base = dict(fontName=SERIF, fontSize=9.5, leading=13.6, textColor=INK,
                splitLongWords=1, allowWidows=0, allowOrphans=0)
    s = {
        "body": ParagraphStyle("body", spaceAfter=6, **base),
        "lead": ParagraphStyle("lead", **{**base, "fontSize": 10.8, "leading": 15.4},
                               spaceAfter=8),
        "empty": ParagraphStyle("empty", **{**base, "fontName": SERIF_ITALIC,
                                            "textColor": MUTED}, spaceAfter=6),
        "small": ParagraphStyle("small", **{**base, "fontName": SANS, "fontSize": 8,
                                            "leading": 10.6, "textColor": MUTED},
                                spaceAfter=5),
        "note": ParagraphStyle("note", **{**base, "fontName": SERIF_ITALIC, "fontSize": 7.3,
                                          "leading": 9.3, "textColor": MUTED}),
        "quote": ParagraphStyle("quote", **{**base, "fontName": SERIF_ITALIC,
                                            "fontSize": 9.8, "leading": 13.6},
                                leftIndent=14, rightIndent=14, spaceBefore=1, spaceAfter=5,
                                borderPadding=(0, 0, 0, 6)),
        "bullet": ParagraphStyle("bullet", **{**base, "fontSize": 9, "leading": 12.4},
                                 leftIndent=11, bulletIndent=1, spaceAfter=3,
                                 bulletFontName=SERIF),
        "h1": ParagraphStyle("h1", fontName=SANS_BOLD, fontSize=19, leading=23,
                             textColor=INK, spaceAfter=10),
        "h2": ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=12, leading=15,
                             textColor=INK, spaceBefore=10, spaceAfter=5),
        "h3": ParagraphStyle("h3", fontName=SANS_BOLD, fontSize=10, leading=13,
                             textColor=INK, spaceBefore=8, spaceAfter=3),
        "caption": ParagraphStyle("caption", fontName=SANS_BOLD, fontSize=8.5, leading=11,
                                  textColor=INK, spaceBefore=4, spaceAfter=3),
        "chart_caption": ParagraphStyle("chart_caption", fontName=SANS, fontSize=7.5,
                                        leading=9.6, textColor=MUTED, spaceBefore=3,
                                        spaceAfter=8),
        "legend": ParagraphStyle("legend", fontName=SANS, fontSize=7, leading=9,
                                 textColor=MUTED, spaceBefore=3, spaceAfter=8),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=7.8, leading=9.6,
                               textColor=INK, splitLongWords=1),
        "cell_bold": ParagraphStyle("cell_bold", fontName=SANS_BOLD, fontSize=7.8,
                                    leading=9.6, textColor=INK, splitLongWords=1),
        "cell_head": ParagraphStyle("cell_head", fontName=SANS_BOLD, fontSize=7.6,
                                    leading=9.2, textColor=INK, splitLongWords=1),
        "fact_label": ParagraphStyle("fact_label", fontName=SANS_BOLD, fontSize=8.5,
                                     leading=11.5, textColor=INK),
        "fact_value": ParagraphStyle("fact_value", fontName=SANS, fontSize=8.5,
                                     leading=11.5, textColor=INK, splitLongWords=1),
        # a sha256 (64 hex digits) fits the value column on one line
        "fact_hash": ParagraphStyle("fact_hash", fontName=SANS, fontSize=7.6,
                                    leading=11.5, textColor=INK, splitLongWords=1),
        "kf_label": ParagraphStyle("kf_label", fontName=SANS, fontSize=7.8, leading=9.5,
                                   textColor=MUTED),
        "kf_value": ParagraphStyle("kf_value", fontName=SANS_BOLD, fontSize=14, leading=17,
                                   textColor=INK),
        "kf_text": ParagraphStyle("kf_text", fontName=SANS_BOLD, fontSize=9.5, leading=17,
                                  textColor=INK),
        "kf_note": ParagraphStyle("kf_note", fontName=SANS, fontSize=7, leading=8.6,
                                  textColor=MUTED),
        "callout_title": ParagraphStyle("callout_title", fontName=SANS_BOLD, fontSize=8.5,
                                        leading=11, textColor=INK, spaceAfter=2),
        "callout": ParagraphStyle("callout", fontName=SANS, fontSize=8.2, leading=11,
                                  textColor=INK),
        "cover_kicker": ParagraphStyle("cover_kicker", fontName=SANS_BOLD, fontSize=10,
                                       leading=13, textColor=MUTED),
        "cover_title": ParagraphStyle("cover_title", fontName=SANS_BOLD, fontSize=28,
                                      leading=33, textColor=INK, spaceAfter=6),
        "cover_sub": ParagraphStyle("cover_sub", fontName=SERIF, fontSize=16, leading=21,
                                    textColor=INK),
        "cover_conf": ParagraphStyle("cover_conf", fontName=SANS, fontSize=8.5,
                                     leading=11.5, textColor=INK),
        "cover_badge": ParagraphStyle("cover_badge", fontName=SANS_BOLD, fontSize=11,
                                      leading=13, textColor=colors.white,
                                      alignment=TA_CENTER),
    }
    for name in ("cell", "cell_bold", "cell_head"):
        s[name + "_r"] = ParagraphStyle(name + "_r", parent=s[name], alignment=TA_RIGHT)
        s[name + "_c"] = ParagraphStyle(name + "_c", parent=s[name], alignment=TA_CENTER)
    s["note_cell"] = ParagraphStyle("note_cell", parent=s["note"], leftIndent=8)
    return s


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text; "€ 12.345" never breaks after the euro sign."""
    return Paragraph(escape(text).replace("€ ", "€\u00a0").replace("\n", "<br/>"), style)


class _NumberedCanvas(Canvas):
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


class _CheckedFrame(Frame):
    """A frame that records flowables wider than itself (they would run off the page)."""

    overflows: list[str]

    def _add(self, flowable, canv, trySplit=0):
        result = super()._add(flowable, canv, trySplit)
        if result:
            width = getattr(flowable, "_width", None) or getattr(flowable, "width", 0) or 0
            if width > self._getAvailableWidth() + 0.5:
                self.overflows.append(f"pagina {canv.getPageNumber()}: "
                                      f"{flowable.__class__.__name__} {width:.0f} pt breed")
        return result

    add = _add  # Frame binds ``add`` to its own ``_add``


class PdfRenderer:
    """Lays out one ``DocumentContent`` (a case report, a portfolio) as an A4 PDF;
    ``render()`` returns the bytes."""

    def __init__(self, content: DocumentContent, progress: Progress | None = None):
        self.content = content
        self.styles = make_styles()
        self.progress = progress
        self.overflows: list[str] = []
        self._flowable_count = 0
        self._done = 0

    # -- document ---------------------------------------------------------------------
    def render(self) -> bytes:
        meta = self.content.meta
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer, pagesize=A4, leftMargin=MARGIN_L, rightMargin=MARGIN_R,
            topMargin=MARGIN_T, bottomMargin=MARGIN_B, title=meta.title,
            author=meta.author, subject=meta.subject, keywords=meta.keywords,
            creator="Effectencalculator", producer="Effectencalculator (ReportLab)",
            invariant=1, lang="nl-NL", displayDocTitle=1,
            initialFontName=SANS, initialFontSize=9)  # no unembedded Helvetica
        frame_args = (MARGIN_L, MARGIN_B, FRAME_W, FRAME_H)
        cover_frame = _CheckedFrame(*frame_args, id="cover", leftPadding=0, rightPadding=0,
                                    topPadding=0, bottomPadding=0)
        body_frame = _CheckedFrame(*frame_args, id="body", leftPadding=0, rightPadding=0,
                                   topPadding=0, bottomPadding=0)
        for frame in (cover_frame, body_frame):
            frame.overflows = self.overflows
        doc.addPageTemplates([
            PageTemplate("cover", [cover_frame], onPage=self._cover_page),
            PageTemplate("body", [body_frame], onPage=self._body_page),
        ])
        story = self._story()
        self._flowable_count = max(len(story), 1)
        doc.afterFlowable = self._after_flowable
        self._doc = doc
        created = meta.created

        def canvasmaker(*args, **kwargs):
            canvas = _NumberedCanvas(*args, **kwargs)
            canvas.setDateFormatter(_date_formatter(created))
            return canvas

        doc.build(story, canvasmaker=canvasmaker)
        return buffer.getvalue()

    def _after_flowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "_outline", None)
        if outline is not None:
            key, text, level = outline
            canv = self._doc.canv
            canv.bookmarkPage(key)
            canv.addOutlineEntry(text, key, level=level, closed=False)
        self._done += 1
        if self.progress is not None and self._done % 25 == 0:
            self.progress(min(self._done / self._flowable_count, 1.0), "Opmaken")

    # -- page decoration ---------------------------------------------------------------
    def _cover_page(self, canv: Canvas, doc) -> None:
        canv.saveState()
        canv.setFillColor(INK)
        canv.rect(0, PAGE_H - 14 * mm, PAGE_W, 14 * mm, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(SANS_BOLD, 10)
        canv.drawString(MARGIN_L, PAGE_H - 9 * mm, CONFIDENTIAL.upper())
        canv.setFont(SANS, 9)
        canv.drawRightString(PAGE_W - MARGIN_R, PAGE_H - 9 * mm,
                             self.content.cover.heading_text)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_L, MARGIN_B - 6 * mm, PAGE_W - MARGIN_R, MARGIN_B - 6 * mm)
        canv.setFillColor(MUTED)
        canv.setFont(SANS, 7.5)
        canv.drawString(MARGIN_L, MARGIN_B - 11 * mm,
                        "Effectencalculator — Toekomstscenario kind- en gezinsbescherming")
        canv.restoreState()

    def _body_page(self, canv: Canvas, doc) -> None:
        cover = self.content.cover
        canv.saveState()
        canv.setFont(SANS_BOLD, 7.5)
        canv.setFillColor(INK)
        top = PAGE_H - MARGIN_T + 8 * mm
        canv.drawString(MARGIN_L, top, cover.heading_text)
        canv.setFont(SANS, 7.5)
        canv.setFillColor(MUTED)
        offset = MARGIN_L + canv.stringWidth(cover.heading_text, SANS_BOLD, 7.5) + 6
        canv.drawString(offset, top, cover.document)
        canv.setFont(SANS_BOLD, 7.5)
        canv.setFillColor(INK)
        canv.drawRightString(PAGE_W - MARGIN_R, top, CONFIDENTIAL.upper())
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_L, top - 2.5 * mm, PAGE_W - MARGIN_R, top - 2.5 * mm)
        canv.line(MARGIN_L, MARGIN_B - 6 * mm, PAGE_W - MARGIN_R, MARGIN_B - 6 * mm)
        canv.setFont(SANS, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_L, MARGIN_B - 11 * mm,
                        f"{CONFIDENTIAL} · {cover.footer_text} · "
                        f"{_short_date(self.content.meta.created)}")
        canv.restoreState()

    # -- story -------------------------------------------------------------------------
    def _story(self) -> list[Flowable]:
        story: list[Flowable] = self._cover()
        story.append(NextPageTemplate("body"))
        for number, section in enumerate(self.content.sections, start=1):
            story.append(PageBreak())
            story.extend(self._section(number, section))
        return story

    def _cover(self) -> list[Flowable]:
        c, st = self.content.cover, self.styles
        out: list[Flowable] = [Spacer(1, 34 * mm), _p(c.title, st["cover_kicker"]),
                               Spacer(1, 4 * mm), _p(c.heading_text, st["cover_title"])]
        if c.case_title:
            out.append(_p(c.case_title, st["cover_sub"]))
        out += [Spacer(1, 14 * mm), HRFlowable(width="100%", thickness=0.6, color=RULE),
                Spacer(1, 4 * mm), self._facts(c.facts, label_width=38 * mm),
                Spacer(1, 4 * mm), HRFlowable(width="100%", thickness=0.6, color=RULE),
                Spacer(1, 40 * mm)]
        badge = Table([[_p(CONFIDENTIAL.upper(), st["cover_badge"])]], colWidths=[46 * mm],
                      hAlign="LEFT")
        badge.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), INK),
                                   ("TOPPADDING", (0, 0), (-1, -1), 5),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        out += [badge, Spacer(1, 3 * mm), _p(c.confidentiality, st["cover_conf"])]
        return out

    def _section(self, number: int, section: Section) -> list[Flowable]:
        st = self.styles
        heading = _p(f"{number}  {section.title}", st["h1"])
        heading._outline = (f"s{number}", f"{number} {section.title}", 0)
        flowables: list[Flowable] = [heading, HRFlowable(width="100%", thickness=1.2,
                                                         color=INK, spaceAfter=10)]
        body: list[Flowable] = []
        blocks = section.blocks
        i = 0
        while i < len(blocks):
            items = self._block(blocks[i])
            if isinstance(blocks[i], Heading) and i + 1 < len(blocks) \
                    and isinstance(blocks[i + 1], ChartBlock):
                # A heading stays with its chart: never alone at the bottom of a page.
                chart = self._block(blocks[i + 1])
                first = list(getattr(chart[0], "_content", chart[:1]))
                items = [KeepTogether(items[1:] + first)] + chart[1:]
                i += 1
            body.extend(items)
            i += 1
        if section.one_page:
            # Guaranteed to fit one page: shrink (rarely needed) rather than spill over.
            flowables.append(KeepInFrame(FRAME_W, FRAME_H - 46, body, mode="shrink"))
        else:
            flowables.extend(body)
        return flowables

    def _block(self, block) -> list[Flowable]:
        st = self.styles
        if isinstance(block, Heading):
            style = st["h2"] if block.level <= 2 else st["h3"]
            # Room for the heading and a few lines or rows of what follows.
            return [CondPageBreak(95 if block.level <= 2 else 75), _p(block.text, style)]
        if isinstance(block, Para):
            name = {"body": "body", "lead": "lead", "small": "small", "note": "small",
                    "empty": "empty", "caption": "caption"}[block.style]
            return [_p(block.text, st[name])]
        if isinstance(block, Quote):
            return [_QuoteBar(_p(f"“{block.text}”", st["quote"]))]
        if isinstance(block, Bullets):
            return [Paragraph(escape(item), st["bullet"], bulletText="•")
                    for item in block.items]
        if isinstance(block, Facts):
            return [self._facts(block.rows), Spacer(1, 4)]
        if isinstance(block, Callout):
            return [Spacer(1, 6), self._callout(block), Spacer(1, 5)]
        if isinstance(block, KeyFigures):
            return [self._key_figures(block), Spacer(1, 6)]
        if isinstance(block, TableBlock):
            return self._table(block)
        if isinstance(block, ChartBlock):
            return self._chart(block)
        raise TypeError(f"onbekend blok {type(block).__name__}")

    # -- building blocks -----------------------------------------------------------------
    def _facts(self, rows: list[tuple[str, str]], label_width: float = 60 * mm) -> Table:
        st = self.styles
        data = [[_p(a, st["fact_label"]),
                 _p(b, st["fact_hash" if _is_hash(b) else "fact_value"])] for a, b in rows]
        table = Table(data, colWidths=[label_width, FRAME_W - label_width], hAlign="LEFT")
        table.setStyle(_table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        return table

    def _callout(self, block: Callout) -> Table:
        st = self.styles
        table = Table([[[_p(block.title, st["callout_title"]), _p(block.text, st["callout"])]]],
                      colWidths=[FRAME_W], hAlign="LEFT")
        table.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                                   ("LINEBEFORE", (0, 0), (0, -1), 2.5, INK),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 9),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                                   ("TOPPADDING", (0, 0), (-1, -1), 6),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
        return table

    def _key_figures(self, block: KeyFigures) -> Table:
        """A grid of four columns; a figure with ``span`` 2 takes two (it starts a new
        row when it would not fit in the current one)."""
        st = self.styles
        per_row = 4
        data: list[list] = [[]]
        spans: list[tuple[int, int, int]] = []  # (row, first column, last column)
        for f in block.figures:
            span = max(1, min(f.span, per_row))
            if len(data[-1]) + span > per_row:
                data[-1] += [""] * (per_row - len(data[-1]))
                data.append([])
            cell = [_p(f.label, st["kf_label"]),
                    _p(f.value, st["kf_value" if _is_figure(f.value) else "kf_text"]),
                    _p(f.note, st["kf_note"])]
            spans.append((len(data) - 1, len(data[-1]), len(data[-1]) + span - 1))
            data[-1] += [cell] + [""] * (span - 1)
            if len(data[-1]) == per_row and f is not block.figures[-1]:
                data.append([])
        data[-1] += [""] * (per_row - len(data[-1]))
        gap = 5
        width = (FRAME_W - gap * (per_row - 1)) / per_row
        col_widths = []
        for i in range(per_row):
            col_widths.append(width + (gap if i < per_row - 1 else 0))
        table = Table(data, colWidths=col_widths, hAlign="LEFT")
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LEFTPADDING", (0, 0), (-1, -1), 7),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 4 + gap),
                 ("TOPPADDING", (0, 0), (-1, -1), 6),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]
        for r, first, last in spans:
            if last > first:
                style.append(("SPAN", (first, r), (last, r)))
            style.append(("LINEBEFORE", (first, r), (first, r), 2, INK))
            style.append(("LINEBELOW", (first, r), (last, r), 4, colors.white))
        table.setStyle(_table_style(style))
        return table

    def _table(self, block: TableBlock) -> list[Flowable]:
        st = self.styles
        widths = self._column_widths(block)
        suffix = {"left": "", "right": "_r", "center": "_c"}
        header = [_p(c.title, st["cell_head" + suffix[c.align]]) for c in block.columns]
        data = [header]
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK),
        ]
        n = len(block.columns)
        previous_style = None
        last_line = 1  # the row index of the last ordinary row (a note follows it)
        totals_kept = False
        for row in block.rows:
            r = len(data)
            if row.style in ("total", "subtotal") and not totals_kept:
                # The totals start on the page of the last line they sum.
                commands.append(("NOSPLIT", (0, last_line), (-1, -1)))
                totals_kept = True
            elif row.style not in ("note", "group", "total", "subtotal"):
                last_line = r
            if row.style in ("note", "group"):
                style = st["note_cell"] if row.style == "note" else st["cell_bold"]
                data.append([_p(row.cells[0], style)] + [""] * (n - 1))
                commands.append(("SPAN", (0, r), (-1, r)))
                if row.style == "note":
                    # A note stays on the page of the line it explains.
                    commands.append(("NOSPLIT", (0, r - 1), (-1, r)))
                    commands.append(("TOPPADDING", (0, r), (-1, r), 0))
                    commands.append(("BOTTOMPADDING", (0, r), (-1, r), 3.2))
                continue
            bold = row.style == "total"
            cells = []
            for text, col in zip(row.cells, block.columns):
                name = ("cell_bold" if bold else "cell") + suffix[col.align]
                cells.append(_p(text, st[name]) if text else "")
            data.append(cells)
            if row.style in ("total", "subtotal"):
                last_label = next((i for i in range(1, n) if row.cells[i]), n) - 1
                if last_label > 0:
                    commands.append(("SPAN", (0, r), (last_label, r)))
                if row.style == "total" or previous_style not in ("total", "subtotal"):
                    commands.append(("LINEABOVE", (0, r), (-1, r), 0.6 if row.style == "total"
                                     else 0.4, INK if row.style == "total" else RULE))
            else:
                commands.append(("LINEABOVE", (0, r), (-1, r), 0.25, colors.Color(.8, .8, .8)))
            if row.style == "unpriced":
                commands.append(("BACKGROUND", (0, r), (-1, r), LIGHT))
            previous_style = row.style
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT",
                      splitByRow=1, splitInRow=0)
        table.setStyle(_table_style(commands))
        out: list[Flowable] = []
        if block.caption:
            out += [CondPageBreak(75), _p(block.caption, st["caption"])]
        out.append(table)
        if block.legend:
            out.append(_p(block.legend, st["legend"]))
        else:
            out.append(Spacer(1, 8))
        return out

    def _column_widths(self, block: TableBlock) -> list[float]:
        """Widths from the column weights, widened where a word (or, for ``nowrap``
        columns, a whole cell) would not fit; the extra comes from columns with room."""
        st = self.styles
        total = FRAME_W * block.width
        cols = block.columns
        weight = sum(c.weight for c in cols)
        widths = [total * c.weight / weight for c in cols]
        pad = 6.5
        head = st["cell_head"]
        need = [max((stringWidth(w, head.fontName, head.fontSize) for w in c.title.split()),
                    default=0) + pad for c in cols]
        for row in block.rows:
            if row.style in ("note", "group"):
                continue
            font = st["cell_bold" if row.style == "total" else "cell"]
            first_value = next((i for i in range(1, len(row.cells)) if row.cells[i]), 0) \
                if row.style in ("total", "subtotal") else 0
            for i, (text, col) in enumerate(zip(row.cells, cols)):
                if not text or i < first_value:
                    continue  # spanning labels of total rows wrap freely
                parts = text.split("\n") if col.nowrap else \
                    text.replace("\n", " ").split(" ")
                longest = max(stringWidth(p, font.fontName, font.fontSize) for p in parts)
                cap = total * (0.4 if col.nowrap else 0.2)  # longer words are split
                need[i] = max(need[i], min(longest + pad, cap))
        widths = [max(w, n) for w, n in zip(widths, need)]
        for _ in range(len(cols)):
            # Give the excess back in proportion to the weights of the columns that
            # still have room, never below what a column needs.
            excess = sum(widths) - total
            flexible = [i for i in range(len(cols)) if widths[i] > need[i] + 0.01]
            if excess <= 0.01 or not flexible:
                break
            share = sum(cols[i].weight for i in flexible)
            for i in flexible:
                widths[i] = max(need[i], widths[i] - excess * cols[i].weight / share)
        return widths

    def _chart(self, block: ChartBlock) -> list[Flowable]:
        st = self.styles
        out: list[Flowable] = []
        if block.kind == "timeline":
            # Each part must fit an empty page under the heading and the caption.
            parts = charts.timeline_parts(block.data, FRAME_W, FRAME_H - 110)
            out.append(KeepTogether([_p(block.title, st["caption"]), _Drawing(parts[0])]))
            out.extend(_Drawing(drawing) for drawing in parts[1:])
            out.append(_p(block.caption, st["chart_caption"]))
            return out
        if block.kind == "portfolio_net":
            # Split over pages on one scale when there are many cases.
            parts = charts.portfolio_net_parts(block.data, FRAME_W, FRAME_H - 110)
            out.append(KeepTogether([_p(block.title, st["caption"]), _Drawing(parts[0])]))
            out.extend(_Drawing(drawing) for drawing in parts[1:])
            if block.caption:
                out.append(_p(block.caption, st["chart_caption"]))
            return out
        if block.kind == "payers":
            drawing = charts.payer_bar_chart(block.data, FRAME_W)
        elif block.kind == "tornado":
            drawing = charts.tornado_chart(block.data, FRAME_W)
        else:
            drawing = charts.cumulative_chart(block.data, FRAME_W, 210)
        items: list[Flowable] = [_p(block.title, st["caption"]), _Drawing(drawing)]
        if block.caption:
            items.append(_p(block.caption, st["chart_caption"]))
        return [KeepTogether(items)]


class _Drawing(Flowable):
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


class _QuoteBar(Flowable):
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
        return [_QuoteBar(p) for p in parts] if len(parts) > 1 else []

    def draw(self):
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(2)
        self.canv.line(6, 0, 6, self.height)
        self.canv.restoreState()
        self.paragraph.drawOn(self.canv, 0, 0)


def _table_style(commands: list) -> TableStyle:
    """Cell font set explicitly: the default (Helvetica) would not be embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS)] + list(commands))


def _is_hash(text: str) -> bool:
    return len(text) == 64 and all(ch in "0123456789abcdef" for ch in text)


def _is_figure(text: str) -> bool:
    """Amounts get the large key-figure type; words ("nog niet beschikbaar") do not."""
    return any(ch.isdigit() for ch in text) or len(text) <= 8


def _short_date(day: date) -> str:
    from effectencalculator.report.format import format_date
    return format_date(day)


def _date_formatter(created: date):
    def formatter(yyyy, mm_, dd, hh, m, s):
        return f"D:{created.year:04d}{created.month:02d}{created.day:02d}000000+00'00'"
    return formatter


def render_pdf(content: DocumentContent, progress: Progress | None = None) -> bytes:
    """Render the content; the same content gives the same bytes."""
    return PdfRenderer(content, progress).render()
