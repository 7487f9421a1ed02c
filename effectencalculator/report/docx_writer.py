"""Rendering report content (``content.py``) as an editable Word document (python-docx).

A second renderer beside ``pdf.py``: it walks the same ``DocumentContent`` (cover,
numbered sections, blocks), so every figure is the string the PDF prints; nothing is
computed here. Sections get the built-in "Heading 1/2/3" styles (Word shows them as
Kop 1/2/3 and builds a table of contents from them), tables become Word tables, charts
are PNG images rendered with reportlab's renderPM from the same drawings as the PDF.
Header and footer carry "Vertrouwelijk" and the page number (a PAGE field). Only what
python-docx writes is used, plus the standard field codes, so Word and LibreOffice open
it. The core properties say nothing identifying: code, program and date only.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, time
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from effectencalculator.model.timeline_layout import TimelineLayout
from effectencalculator.report import charts
from effectencalculator.report.content import (
    Bullets,
    Callout,
    ChartBlock,
    CumulativeSeries,
    DocumentContent,
    Facts,
    Heading,
    KeyFigures,
    Para,
    PayerSeries,
    PortfolioNetSeries,
    PortfolioSpread,
    Quote,
    Section,
    TableBlock,
    TornadoSeries,
)
from effectencalculator.report.pdf_blocks import column_widths
from effectencalculator.report.pdf_styles import (
    CONFIDENTIAL,
    FRAME_H,
    FRAME_W,
    make_styles,
    short_date,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph
    from reportlab.graphics.shapes import Drawing

MUTED = RGBColor(0x66, 0x66, 0x66)
#: pixels per inch of the chart images: sharp in print, small in the file
CHART_DPI = 200
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "center": WD_ALIGN_PARAGRAPH.CENTER}


def word_text(text: str) -> str:
    """As the PDF prints it: "€ 12.345" never breaks after the euro sign."""
    return text.replace("€ ", "€\u00a0")


# Arial (Liberation Sans in LibreOffice) is narrower than the PDF's DejaVu Sans,
# so a cell measured for the PDF fits in Word.
CELL_FONT = "Arial"


class DocxRenderer:
    """Lays out one ``DocumentContent`` as a Word document; ``render()`` gives bytes."""

    def __init__(self, content: DocumentContent):
        self.content = content
        self.doc: DocxDocument = Document()
        self.styles = make_styles()  # the PDF's cell fonts, to measure column widths

    def render(self) -> bytes:
        self._page_setup()
        self._properties()
        self._header_footer()
        self._cover()
        for number, section in enumerate(self.content.sections, start=1):
            self._section(number, section)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    # -- document --------------------------------------------------------------------
    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin, section.bottom_margin = Mm(24), Mm(20)
        section.different_first_page_header_footer = True  # the cover has its own
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(10)

    def _properties(self) -> None:
        """Nothing identifying: no researcher, no case title, no python-docx defaults."""
        meta, props = self.content.meta, self.doc.core_properties
        moment = datetime.combine(meta.created, time(12, 0))
        props.title = f"{self.content.cover.document} — {self.content.cover.heading_text}"
        props.subject = ""
        props.author = "Effectencalculator"
        props.last_modified_by = "Effectencalculator"
        props.keywords = ""
        props.comments = ""
        props.category = ""
        props.content_status = CONFIDENTIAL
        props.created = props.modified = moment
        props.last_printed = moment
        props.revision = 1

    def _header_footer(self) -> None:
        section, cover = self.doc.sections[0], self.content.cover
        head = section.header.paragraphs[0]
        head.text = ""
        _run(head, cover.heading_text, bold=True, size=7.5)
        _run(head, f"  {cover.document}    ", size=7.5, color=MUTED)
        _run(head, CONFIDENTIAL.upper(), bold=True, size=7.5)
        foot = section.footer.paragraphs[0]
        foot.text = ""
        _run(foot, f"{CONFIDENTIAL} · {cover.footer_text} · "
                   f"{short_date(self.content.meta.created)} · pagina ", size=7.5, color=MUTED)
        _field(foot, "PAGE")
        _run(foot, " van ", size=7.5, color=MUTED)
        _field(foot, "NUMPAGES")
        first = section.first_page_footer.paragraphs[0]
        _run(first, f"{CONFIDENTIAL.upper()} · Effectencalculator — Toekomstscenario kind- "
                    "en gezinsbescherming", size=7.5, color=MUTED)

    # -- cover -----------------------------------------------------------------------
    def _cover(self) -> None:
        c, doc = self.content.cover, self.doc
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(90)
        _run(p, c.title, size=12, color=MUTED)
        doc.add_paragraph(c.heading_text, style="Title")
        if c.case_title:
            doc.add_paragraph(word_text(c.case_title), style="Subtitle")
        self._facts(c.facts)
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(60)
        _run(p, CONFIDENTIAL.upper(), bold=True, size=11)
        p = doc.add_paragraph()
        _run(p, word_text(c.confidentiality), size=9, color=MUTED)

    # -- sections --------------------------------------------------------------------
    def _section(self, number: int, section: Section) -> None:
        heading = self.doc.add_heading(f"{number}  {section.title}", level=1)
        heading.paragraph_format.page_break_before = True
        for block in section.blocks:
            self._block(block)

    def _block(self, block) -> None:
        doc = self.doc
        if isinstance(block, Heading):
            doc.add_heading(word_text(block.text), level=2 if block.level <= 2 else 3)
        elif isinstance(block, Para):
            self._para(block)
        elif isinstance(block, Quote):
            doc.add_paragraph(f"“{block.text}”", style="Quote")
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(word_text(item), style="List Bullet")
        elif isinstance(block, Facts):
            self._facts(block.rows)
        elif isinstance(block, Callout):
            self._callout(block)
        elif isinstance(block, KeyFigures):
            self._key_figures(block)
        elif isinstance(block, TableBlock):
            self._table(block)
        elif isinstance(block, ChartBlock):
            self._chart(block)
        else:
            raise TypeError(f"onbekend blok {type(block).__name__}")

    def _para(self, block: Para) -> None:
        if block.style == "caption":
            self.doc.add_paragraph(word_text(block.text), style="Caption")
            return
        p = self.doc.add_paragraph()
        small = block.style in ("small", "note")
        _run(p, word_text(block.text), size=8.5 if small else None,
             italic=block.style == "empty", color=MUTED if block.style == "empty" else None,
             bold=block.style == "lead")

    def _facts(self, rows: list[tuple[str, str]]) -> None:
        table = self.doc.add_table(rows=0, cols=2)
        for label, value in rows:
            cells = table.add_row().cells
            _cell(cells[0], label, bold=True, size=9)
            _cell(cells[1], word_text(value), size=7 if _is_hash(value) else 9)
        _widths(table, [Mm(55), Mm(111)])
        self.doc.add_paragraph()

    def _callout(self, block: Callout) -> None:
        table = self.doc.add_table(rows=1, cols=1, style="Table Grid")
        cell = table.rows[0].cells[0]
        _cell(cell, block.title, bold=True)
        _run(cell.add_paragraph(), word_text(block.text), size=9)
        _shade(cell, "EDEDED")
        self.doc.add_paragraph()

    def _key_figures(self, block: KeyFigures) -> None:
        """One row per figure: label, value (large), note."""
        table = self.doc.add_table(rows=0, cols=3, style="Table Grid")
        for figure in block.figures:
            cells = table.add_row().cells
            _cell(cells[0], figure.label, bold=True, size=9)
            _cell(cells[1], word_text(figure.value), bold=True, size=12)
            _cell(cells[2], word_text(figure.note), size=8, color=MUTED)
        _widths(table, [Mm(50), Mm(50), Mm(66)])
        self.doc.add_paragraph()

    def _table(self, block: TableBlock) -> None:
        if block.caption:  # stays on the page of its table
            caption = self.doc.add_paragraph(word_text(block.caption), style="Caption")
            caption.paragraph_format.keep_with_next = True
        n = len(block.columns)
        table = self.doc.add_table(rows=1, cols=n, style="Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        head = table.rows[0]
        _repeat_header(head)
        for cell, col in zip(head.cells, block.columns):
            _cell(cell, col.title, bold=True, size=8, align=col.align)
            _shade(cell, "DBDBDB")
        for row in block.rows:
            cells = table.add_row().cells
            if row.style in ("note", "group"):
                merged = cells[0].merge(cells[-1]) if n > 1 else cells[0]
                _cell(merged, word_text(row.cells[0]), bold=row.style == "group",
                      size=7.5 if row.style == "note" else 8,
                      color=MUTED if row.style == "note" else None)
                continue
            span_to = 0
            if row.style in ("total", "subtotal"):
                # the label reads across the empty cells before its amount (as in the PDF)
                span_to = next((i for i in range(1, n) if row.cells[i]), n) - 1
            if span_to > 0:
                cells[0].merge(cells[span_to])
            for i, (cell, text, col) in enumerate(zip(cells, row.cells, block.columns)):
                if 0 < i <= span_to:
                    continue
                _cell(cell, word_text(text), bold=row.style == "total", size=8,
                      align=col.align)
                if row.style == "unpriced":
                    _shade(cell, "EDEDED")
        # The PDF's widths (widened where a word would not fit), scaled to the
        # Word page, so narrow number columns do not wrap mid-word.
        scale = Mm(166) / FRAME_W
        _widths(table, [int(w * scale) for w in column_widths(self.styles, block)])
        if block.legend:
            p = self.doc.add_paragraph()
            _run(p, word_text(block.legend), size=7.5, color=MUTED)
        else:
            self.doc.add_paragraph()

    def _chart(self, block: ChartBlock) -> None:
        title = self.doc.add_paragraph(word_text(block.title), style="Caption")
        title.paragraph_format.keep_with_next = True  # never alone under its chart's page
        for drawing in chart_drawings(block):
            self.doc.add_picture(io.BytesIO(png(drawing)), width=Mm(166))
        if block.caption:
            p = self.doc.add_paragraph()
            _run(p, word_text(block.caption), size=8, italic=True, color=MUTED)


# -- charts ------------------------------------------------------------------------------

def chart_drawings(block: ChartBlock) -> list[Drawing]:
    """The drawings the PDF draws for this chart (a timeline or a long portfolio chart
    in parts that each fit a page)."""
    data = block.data
    if isinstance(data, TimelineLayout):
        return charts.timeline_parts(data, FRAME_W, FRAME_H - 110)
    if isinstance(data, PortfolioNetSeries):
        return charts.portfolio_net_parts(data, FRAME_W, FRAME_H - 110)
    if isinstance(data, PortfolioSpread):
        return [charts.portfolio_spread_chart(data, FRAME_W)]
    if isinstance(data, PayerSeries):
        return [charts.payer_bar_chart(data, FRAME_W)]
    if isinstance(data, TornadoSeries):
        return [charts.tornado_chart(data, FRAME_W)]
    if isinstance(data, CumulativeSeries):
        return [charts.cumulative_chart(data, FRAME_W, 210)]
    raise TypeError(f"onbekende grafiek {block.kind}")


def png(drawing: Drawing) -> bytes:
    """The drawing as a PNG image.

    reportlab's renderPM needs a Cairo backend (rlPyCairo, a compiled library) that is
    not installed here, so the drawing goes through reportlab's pure-Python SVG renderer
    and Qt's SVG renderer (PySide6, already a dependency) paints it, with the TTF files
    the PDF embeds.
    """
    from reportlab.graphics import renderSVG

    svg = renderSVG.drawToString(drawing)
    for name, (family, weight) in _SVG_FONTS.items():  # the TTF names, not reportlab's
        svg = svg.replace(f"font-family: {name};",
                          f"font-family: '{family}'; font-weight: {weight};")
    # Qt's SVG Tiny has no clipPath (it paints the clip rectangle black); the drawing
    # stays inside its own box anyway
    svg = re.sub(r"<clipPath.*?</clipPath>", "", svg, flags=re.S)
    svg = svg.replace(' style="clip-path: url(#clip)"', "")
    # Qt's SVG Tiny reads rgb(94%,94%,94%) as black: hexadecimal colours instead
    svg = re.sub(r"rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)", _hex_colour, svg)
    return _qt_png(svg.encode("utf-8"), drawing.width, drawing.height)


def _hex_colour(match: re.Match) -> str:
    return "#" + "".join(f"{round(float(v) * 2.55):02x}" for v in match.groups())


_SVG_FONTS = {"EcSans-Bold": ("DejaVu Sans Condensed", "bold"),
              "EcSans": ("DejaVu Sans Condensed", "normal")}


def _qt_png(svg: bytes, width: float, height: float) -> bytes:
    import os

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    from effectencalculator.report.fonts import font_dir
    if QGuiApplication.instance() is None:  # the command line has no window system
        # A QApplication, not a QGuiApplication: a window opened later in this process
        # (and pytest-qt) needs one, and a process holds one application only.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP.append(QApplication(["effectencalculator"]))
    if not _APP_FONTS:
        for name in ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"):
            _APP_FONTS.append(QFontDatabase.addApplicationFont(str(font_dir() / name)))
    scale = CHART_DPI / 72
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(CHART_DPI / 0.0254))
    image.setDotsPerMeterY(round(CHART_DPI / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes
    return bytes(buffer.data().data())


_APP: list = []
_APP_FONTS: list[int] = []


# -- python-docx helpers -----------------------------------------------------------------

def _run(p: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
         size: float | None = None, color: RGBColor | None = None,
         font: str | None = None) -> None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.bold, run.italic = bold or None, italic or None
        if font is not None:
            run.font.name = font
        if size is not None:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
        if i < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def _cell(cell: _Cell, text: str, *, bold: bool = False, size: float | None = None,
          align: str = "left", color: RGBColor | None = None) -> None:
    p = cell.paragraphs[0]
    p.alignment = ALIGN.get(align, WD_ALIGN_PARAGRAPH.LEFT)
    _run(p, text, bold=bold, size=size, color=color, font=CELL_FONT)


def _field(p: Paragraph, code: str) -> None:
    """A field (PAGE, NUMPAGES) as begin–instruction–separate–result–end runs."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        p.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    p.add_run()._r.append(instr)
    char("separate")
    run = p.add_run("1")
    run.font.size = Pt(7.5)
    char("end")


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    """The header row repeats on every page the table runs onto."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _widths(table, widths: list[int]) -> None:
    table.autofit = False
    _cell_margins(table)
    for column, width in zip(table.columns, widths):  # the grid LibreOffice reads
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _cell_margins(table) -> None:
    """Narrow left/right cell margins (1 mm), close to the PDF's cell padding, so
    the widths measured for the PDF hold in Word and LibreOffice too."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "57")  # twentieths of a point: 57 ≈ 1 mm
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _is_hash(text: str) -> bool:
    return len(text) == 64 and all(ch in "0123456789abcdef" for ch in text)


def render_docx(content: DocumentContent) -> bytes:
    """The content as the bytes of a .docx file."""
    return DocxRenderer(content).render()


def write_report_docx(case, table, path, *, created=None, progress=None, privacy=None,
                      result=None, uncertainty=None, swings=None,
                      omit: frozenset[str] = frozenset()) -> None:
    """The case report as a Word file at ``path``, written atomically: the content of
    ``build.report_content`` (the PDF's content, same arguments), then this renderer.
    Raises InvalidInputError (invalid case) or SaveError (nothing written)."""
    from pathlib import Path

    from effectencalculator.model.storage import atomic_write_bytes
    from effectencalculator.report.build import report_content

    step = progress or (lambda fraction, message: None)
    step(0.0, "Berekenen")
    content = report_content(case, table, created, privacy=privacy, result=result,
                             uncertainty=uncertainty, swings=swings, omit=omit)
    step(0.3, "Opmaken")
    data = render_docx(content)
    step(0.95, "Opslaan")
    atomic_write_bytes(Path(path), data, keep_backup=False)
    step(1.0, "Klaar")
