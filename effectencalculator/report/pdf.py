"""Rendering report content (``content.py``) to PDF bytes with reportlab platypus.

One renderer serves the case report and the portfolio report (any ``DocumentContent``:
a cover, numbered sections, metadata), so both have the same look. It only lays out
what the content says: named paragraph styles (``pdf_styles.py``), embedded TTF fonts
(``fonts.py``), an A4 cover and body page template with header and footer
("Vertrouwelijk", "pagina x van y", ``pdf_flowables.py``), tables that repeat their header
row and split across pages and vector charts (``pdf_blocks.py``). ``invariant`` mode and a
fixed creation date make the same content give the same bytes.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import HRFlowable

from effectencalculator.report.content import (
    Bullets,
    Callout,
    ChartBlock,
    DocumentContent,
    Facts,
    Heading,
    KeyFigures,
    Para,
    Quote,
    Section,
    TableBlock,
)
from effectencalculator.report.fonts import SANS, SANS_BOLD
from effectencalculator.report.pdf_blocks import (
    callout_table,
    chart_flowables,
    facts_table,
    key_figures_table,
    table_flowables,
)
from effectencalculator.report.pdf_flowables import (
    CheckedFrame,
    NumberedCanvas,
    QuoteBar,
    date_formatter,
)
from effectencalculator.report.pdf_styles import (
    CONFIDENTIAL,
    FRAME_H,
    FRAME_W,
    INK,
    MARGIN_B,
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    Progress,
    make_styles,
    para,
    short_date,
    table_style,
)
from effectencalculator.report.pdf_text import fit_text, shorten_to_width, shorten_words
from effectencalculator.report.pdf_urls import break_urls

#: the geometry and the checked frame, where tests and callers have always found them
__all__ = ["FRAME_H", "FRAME_W", "MARGIN_L", "MARGIN_R", "PAGE_H", "PAGE_W", "PdfRenderer",
           "Progress", "render_pdf"]
_CheckedFrame = CheckedFrame


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
        cover_frame = CheckedFrame(*frame_args, id="cover", leftPadding=0, rightPadding=0,
                                    topPadding=0, bottomPadding=0)
        body_frame = CheckedFrame(*frame_args, id="body", leftPadding=0, rightPadding=0,
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
            canvas = NumberedCanvas(*args, **kwargs)
            canvas.setDateFormatter(date_formatter(created))
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
                             shorten_to_width(self.content.cover.heading_text, SANS, 9,
                                              FRAME_W * 0.7))
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
        # What was typed (a code, a title) is shortened to the room of the header line.
        heading = shorten_to_width(cover.heading_text, SANS_BOLD, 7.5, FRAME_W * 0.4)
        canv.drawString(MARGIN_L, top, heading)
        canv.setFont(SANS, 7.5)
        canv.setFillColor(MUTED)
        offset = MARGIN_L + canv.stringWidth(heading, SANS_BOLD, 7.5) + 6
        room = MARGIN_L + FRAME_W - canv.stringWidth(CONFIDENTIAL.upper(), SANS_BOLD, 7.5) \
            - 12 - offset
        canv.drawString(offset, top, shorten_to_width(cover.document, SANS, 7.5, room))
        canv.setFont(SANS_BOLD, 7.5)
        canv.setFillColor(INK)
        canv.drawRightString(PAGE_W - MARGIN_R, top, CONFIDENTIAL.upper())
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_L, top - 2.5 * mm, PAGE_W - MARGIN_R, top - 2.5 * mm)
        canv.line(MARGIN_L, MARGIN_B - 6 * mm, PAGE_W - MARGIN_R, MARGIN_B - 6 * mm)
        canv.setFont(SANS, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_L, MARGIN_B - 11 * mm, shorten_to_width(
            f"{CONFIDENTIAL} · {cover.footer_text} · {short_date(self.content.meta.created)}",
            SANS, 7.5, FRAME_W - 70))
        canv.restoreState()

    # -- story -------------------------------------------------------------------------
    def _story(self) -> list[Flowable]:
        story: list[Flowable] = self._cover()
        story.append(NextPageTemplate("body"))
        for number, section in enumerate(self.content.sections, start=1):
            # A one-page section (and the first) starts a page; the others start on the
            # same page when a third of it is left, so no page in the middle holds only
            # the last few lines of the section before.
            first = number == 1 or section.one_page or \
                self.content.sections[number - 2].one_page
            story.append(PageBreak() if first else CondPageBreak(FRAME_H * 0.35))
            story.extend(self._section(number, section))
        return story

    def _cover(self) -> list[Flowable]:
        c, st = self.content.cover, self.styles
        def fitted(text: str, name: str, lines: int) -> Paragraph:
            style = st[name]
            return para(fit_text(text, style.fontName, style.fontSize, FRAME_W, lines), style)

        # The cover stays one page whatever was typed as code or title.
        out: list[Flowable] = [Spacer(1, 34 * mm), fitted(c.title, "cover_kicker", 2),
                               Spacer(1, 4 * mm), fitted(c.heading_text, "cover_title", 3)]
        if c.case_title:
            out.append(fitted(c.case_title, "cover_sub", 3))
        out += [Spacer(1, 14 * mm), HRFlowable(width="100%", thickness=0.6, color=RULE),
                Spacer(1, 4 * mm), facts_table(self.styles, c.facts, label_width=38 * mm),
                Spacer(1, 4 * mm), HRFlowable(width="100%", thickness=0.6, color=RULE),
                Spacer(1, 40 * mm)]
        badge = Table([[para(CONFIDENTIAL.upper(), st["cover_badge"])]], colWidths=[46 * mm],
                      hAlign="LEFT")
        badge.setStyle(table_style([("BACKGROUND", (0, 0), (-1, -1), INK),
                                   ("TOPPADDING", (0, 0), (-1, -1), 5),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        out += [badge, Spacer(1, 3 * mm), para(c.confidentiality, st["cover_conf"])]
        return out

    def _section(self, number: int, section: Section) -> list[Flowable]:
        st = self.styles
        heading = para(f"{number}  {section.title}", st["h1"])
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
                if hasattr(chart[0], "take_lead"):  # a chart that flows over pages
                    chart[0].take_lead(items[1:])
                    items = items[:1] + chart
                else:
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
            return [CondPageBreak(95 if block.level <= 2 else 75), para(block.text, style)]
        if isinstance(block, Para):
            name = {"body": "body", "lead": "lead", "small": "small", "note": "small",
                    "empty": "empty", "caption": "caption"}[block.style]
            return [para(_urls_broken(block.text, st[name]), st[name])]
        if isinstance(block, Quote):
            return [QuoteBar(para(f"“{block.text}”", st["quote"]))]
        if isinstance(block, Bullets):
            style = st["bullet_small" if block.small else "bullet"]
            items = [Paragraph(escape(_urls_broken(shorten_words(item), style))
                               .replace("\n", "<br/>"), style, bulletText="•")
                     for item in block.items]
            # a source (small type, a few lines) is never split over two pages: its URL
            # would end on the next page, behind the page footer
            return [KeepTogether([p]) for p in items] if block.small else items
        if isinstance(block, Facts):
            return [facts_table(self.styles, block.rows), Spacer(1, 4)]
        if isinstance(block, Callout):
            return [Spacer(1, 6), callout_table(self.styles, block), Spacer(1, 5)]
        if isinstance(block, KeyFigures):
            return [key_figures_table(self.styles, block), Spacer(1, 6)]
        if isinstance(block, TableBlock):
            return table_flowables(self.styles, block)
        if isinstance(block, ChartBlock):
            return chart_flowables(self.styles, block)
        raise TypeError(f"onbekend blok {type(block).__name__}")


def _urls_broken(text: str, style) -> str:
    """A URL in running text breaks after / . - ? & =, never mid-word (pdf_urls)."""
    return break_urls(text, style.fontName, style.fontSize,
                      FRAME_W - style.leftIndent - style.rightIndent)


def render_pdf(content: DocumentContent, progress: Progress | None = None) -> bytes:
    """Render the content; the same content gives the same bytes."""
    return PdfRenderer(content, progress).render()
