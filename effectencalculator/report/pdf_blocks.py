"""How each kind of content block is laid out: label–value facts, the boxed callout,
the key-figure grid, tables (column widths from the words they hold) and charts."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from effectencalculator.model.timeline_layout import TimelineLayout
from effectencalculator.report import charts
from effectencalculator.report.content import (
    Callout,
    ChartBlock,
    CumulativeSeries,
    KeyFigures,
    PayerSeries,
    PortfolioNetSeries,
    PortfolioSpread,
    TableBlock,
    TornadoSeries,
)
from effectencalculator.report.pdf_flowables import DrawingFlowable
from effectencalculator.report.pdf_paged import FastTable, PagedTable, TableRows
from effectencalculator.report.pdf_styles import (
    FRAME_H,
    FRAME_W,
    HEADER_BG,
    INK,
    LIGHT,
    RULE,
    is_figure,
    is_hash,
    para,
    table_style,
)
from effectencalculator.report.pdf_text import fit_text, text_width, wrap_lines

Styles = dict[str, ParagraphStyle]

# A table taller than this (points) is laid out a page at a time (pdf_paged): reportlab's
# own split of a whole long table costs time that grows with lines x pages.
PAGED_TABLE_FROM = FRAME_H
#: a table shorter than this (points) is never split over two pages
KEEP_TABLE_BELOW = FRAME_H / 4
#: the cumulative cost chart's height, and the least it is drawn to fit a page
CUMULATIVE_H, CUMULATIVE_LEAST_H = 210.0, 160.0


def facts_table(st: Styles, rows: list[tuple[str, str]], label_width: float = 60 * mm) -> Table:
    def fitted(text: str, name: str, width: float, lines: int):
        style = st[name]
        return para(fit_text(text, style.fontName, style.fontSize, width, lines), style)

    value_width = FRAME_W - label_width
    data = [[fitted(a, "fact_label", label_width - 6, 6),
             fitted(b, "fact_hash" if is_hash(b) else "fact_value", value_width - 6, 40)]
            for a, b in rows]
    table = Table(data, colWidths=[label_width, FRAME_W - label_width], hAlign="LEFT")
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return table

def callout_table(st: Styles, block: Callout) -> Table:
    title, text = st["callout_title"], st["callout"]
    width = FRAME_W - 18
    table = Table([[[para(fit_text(block.title, title.fontName, title.fontSize, width, 4), title),
                     para(fit_text(block.text, text.fontName, text.fontSize, width, 50), text)]]],
                  colWidths=[FRAME_W], hAlign="LEFT")
    table.setStyle(table_style([("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                               ("LINEBEFORE", (0, 0), (0, -1), 2.5, INK),
                               ("LEFTPADDING", (0, 0), (-1, -1), 9),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                               ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
    return table

def key_figures_table(st: Styles, block: KeyFigures) -> Table:
    """A grid of four columns; a figure with ``span`` 2 takes two (it starts a new
    row when it would not fit in the current one)."""
    per_row = 4
    data: list[list] = [[]]
    spans: list[tuple[int, int, int]] = []  # (row, first column, last column)
    gap = 5
    width = (FRAME_W - gap * (per_row - 1)) / per_row

    def fitted(text: str, name: str, span: int, lines: int):
        style = st[name]
        room = width * span + gap * (span - 1) - 7 - 4
        return para(fit_text(text, style.fontName, style.fontSize, room, lines), style)

    for f in block.figures:
        span = max(1, min(f.span, per_row))
        if len(data[-1]) + span > per_row:
            data[-1] += [""] * (per_row - len(data[-1]))
            data.append([])
        cell = [fitted(f.label, "kf_label", span, 3),
                fitted(f.value, "kf_value" if is_figure(f.value) else "kf_text", span, 3),
                fitted(f.note, "kf_note", span, 8)]
        spans.append((len(data) - 1, len(data[-1]), len(data[-1]) + span - 1))
        data[-1] += [cell] + [""] * (span - 1)
        if len(data[-1]) == per_row and f is not block.figures[-1]:
            data.append([])
    data[-1] += [""] * (per_row - len(data[-1]))
    col_widths = []
    for i in range(per_row):
        col_widths.append(width + (gap if i < per_row - 1 else 0))
    table = Table(data, colWidths=col_widths, hAlign="LEFT")
    style: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 7),
             ("RIGHTPADDING", (0, 0), (-1, -1), 4 + gap),
             ("TOPPADDING", (0, 0), (-1, -1), 6),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]
    for r, first, last in spans:
        if last > first:
            style.append(("SPAN", (first, r), (last, r)))
        style.append(("LINEBEFORE", (first, r), (first, r), 2, INK))
        style.append(("LINEBELOW", (first, r), (last, r), 4, colors.white))
    table.setStyle(table_style(style))
    return table

#: a table row holds at most this many lines (about half a page): a longer cell ends in
#: "…" and never makes a row taller than the page (reportlab's LayoutError)
CELL_LINES = 40
#: a long note under a line is printed in rows of this many lines, so that the table
#: can break between them: nothing of it is cut
NOTE_LINES = 20
PAD = 3  # left and right cell padding
EMPTY_LEADING = 12.0  # an empty cell: one line of reportlab's default cell style


def _lines(text: str, style: ParagraphStyle, width: float,
           max_lines: int | None = CELL_LINES) -> list[str]:
    lines, _ = wrap_lines(text, style.fontName, style.fontSize, width, max_lines=max_lines)
    return lines


def _font(style: ParagraphStyle, r: int, color=INK) -> list[tuple]:
    return [("FONTNAME", (0, r), (-1, r), style.fontName),
            ("FONTSIZE", (0, r), (-1, r), style.fontSize),
            ("LEADING", (0, r), (-1, r), style.leading),
            ("TEXTCOLOR", (0, r), (-1, r), color)]


def _row_heights(data: list[list], spacing: list[tuple[float, float, float]]
                 ) -> list[float | None]:
    """Each row's height, known from its lines (reportlab need not measure again): the
    tallest cell; an empty cell counts as one line of the Table's default style (12 pt),
    as reportlab counts it, so the rows keep the height they have always had. A row
    holding anything but strings is left to reportlab (None)."""
    out: list[float | None] = []
    for row, (leading, top, bottom) in zip(data, spacing):
        if not all(isinstance(v, str) for v in row):
            out.append(None)
            continue
        out.append(max((v.count("\n") + 1) * leading if v else EMPTY_LEADING for v in row)
                   + top + bottom)
    return out


def table_flowables(st: Styles, block: TableBlock) -> list[Flowable]:
    """A table of plain strings, each wrapped once here (``pdf_text``) and drawn in the
    fonts of the cell styles by the ``TableStyle``: no Paragraph per cell."""
    widths = column_widths(st, block)
    n = len(block.columns)
    head, cell, bold = st["cell_head"], st["cell"], st["cell_bold"]
    header = ["\n".join(_lines(c.title, head, w - 2 * PAD, 6))
              for c, w in zip(block.columns, widths)]
    data: list[list] = [header]
    spacing = [(head.leading, 2.2, 2.6)]  # per row: leading, top and bottom padding
    commands = [
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        *_font(head, 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK),
    ]
    for i, col in enumerate(block.columns):
        if col.align != "left":
            commands.append(("ALIGN", (i, 0), (i, -1), col.align.upper()))
    full = sum(widths)
    note = st["note_cell"]
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
        if row.style == "group":
            data.append(["\n".join(_lines(row.cells[0], bold, full - 2 * PAD))]
                        + [""] * (n - 1))
            spacing.append((bold.leading, 2.2, 2.6))
            commands += [("SPAN", (0, r), (-1, r)), ("ALIGN", (0, r), (-1, r), "LEFT"),
                         *_font(bold, r)]
            continue
        if row.style == "note":
            indent = PAD + note.leftIndent
            lines = _lines(row.cells[0], note, full - indent - PAD, None)
            chunks = [lines[i:i + NOTE_LINES] for i in range(0, len(lines), NOTE_LINES)]
            # A note stays on the page of the line it explains (its first rows do).
            commands.append(("NOSPLIT", (0, r - 1), (-1, r)))
            for k, chunk in enumerate(chunks):
                q = r + k
                data.append(["\n".join(chunk)] + [""] * (n - 1))
                spacing.append((note.leading, 0, 3.2 if k == len(chunks) - 1 else 0))
                commands += [("SPAN", (0, q), (-1, q)), ("ALIGN", (0, q), (-1, q), "LEFT"),
                             *_font(note, q, note.textColor),
                             ("LEFTPADDING", (0, q), (-1, q), indent),
                             ("TOPPADDING", (0, q), (-1, q), 0),
                             ("BOTTOMPADDING", (0, q), (-1, q),
                              3.2 if k == len(chunks) - 1 else 0)]
            continue
        span_to = 0
        if row.style in ("total", "subtotal"):
            span_to = next((i for i in range(1, n) if row.cells[i]), n) - 1
        font = bold if row.style == "total" else cell
        cells = []
        for i, (text, w) in enumerate(zip(row.cells, widths)):
            if i == 0 and span_to:
                w = sum(widths[:span_to + 1])
            cells.append("\n".join(_lines(text, font, w - 2 * PAD)) if text else "")
        data.append(cells)
        spacing.append((font.leading, 2.2, 2.6))
        if row.style == "total":
            commands += _font(bold, r)
        if row.style in ("total", "subtotal"):
            if span_to > 0:
                commands.append(("SPAN", (0, r), (span_to, r)))
            if row.style == "total" or previous_style not in ("total", "subtotal"):
                commands.append(("LINEABOVE", (0, r), (-1, r), 0.6 if row.style == "total"
                                 else 0.4, INK if row.style == "total" else RULE))
        else:
            commands.append(("LINEABOVE", (0, r), (-1, r), 0.25, colors.Color(.8, .8, .8)))
        if row.style == "unpriced":
            commands.append(("BACKGROUND", (0, r), (-1, r), LIGHT))
        previous_style = row.style
    if block.legend:
        # The footnote is the table's last row, tied to the row above it: it never
        # stands alone at the top of a page.
        legend = st["legend"]
        r = len(data)
        # wrapped a padding short of the table: a plain string's spaces never shrink as
        # a paragraph's may, and this row has no padding to take up the difference
        data.append(["\n".join(_lines(block.legend, legend, full - PAD, None))]
                    + [""] * (n - 1))
        spacing.append((legend.leading, legend.spaceBefore, 0))
        commands = [c for c in commands if c[:3] != ("LINEBELOW", (0, -1), (-1, -1))]
        commands += [("LINEBELOW", (0, r - 1), (-1, r - 1), 0.8, INK),
                     ("NOSPLIT", (0, r - 1), (-1, r)),
                     ("SPAN", (0, r), (-1, r)), ("ALIGN", (0, r), (-1, r), "LEFT"),
                     *_font(legend, r, legend.textColor),
                     ("LEFTPADDING", (0, r), (-1, r), 0),
                     ("RIGHTPADDING", (0, r), (-1, r), 0),
                     ("TOPPADDING", (0, r), (-1, r), legend.spaceBefore),
                     ("BOTTOMPADDING", (0, r), (-1, r), 0)]
    heights = _row_heights(data, spacing)
    table: Flowable
    if sum(h or 0 for h in heights) > PAGED_TABLE_FROM and None not in heights:
        # Longer than a page: laid out a page at a time (pdf_paged), never whole.
        table = PagedTable(TableRows(data, widths, [h or 0 for h in heights], commands))
    else:
        table = FastTable(data, colWidths=widths, rowHeights=heights, repeatRows=1,
                          hAlign="LEFT", splitByRow=1, splitInRow=0)
        table.setStyle(table_style(commands))
    out: list[Flowable] = []
    height = sum(h or EMPTY_LEADING for h in heights)
    if block.caption:
        # A short table moves whole with its caption: neither stays behind alone.
        room = height + 30 if height <= KEEP_TABLE_BELOW else 75
        out += [CondPageBreak(room), para(block.caption, st["caption"])]
    out += [table, Spacer(1, 8)]
    return out

def column_widths(st: Styles, block: TableBlock) -> list[float]:
    """Widths from the column weights, widened where a word (or, for ``nowrap``
    columns, a whole cell) would not fit; the extra comes from columns with room."""
    total = FRAME_W * block.width
    cols = block.columns
    weight = sum(c.weight for c in cols)
    widths = [total * c.weight / weight for c in cols]
    pad = 6.5
    head = st["cell_head"]
    # a header word wider than this is split (a scenario's name can be pasted text)
    head_cap = total * 0.4
    need = [min(max((text_width(w, head.fontName, head.fontSize) for w in c.title.split()),
                    default=0) + pad, head_cap) for c in cols]
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
            longest = max(text_width(p, font.fontName, font.fontSize) for p in parts)
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

class FlowingTimeline(Flowable):
    """The timeline, starting on the page where the text before it ends: its first part
    takes the rest of that page (with its heading and caption, the ``lead``), the next
    parts a page each. No page holds only the few lines before a timeline."""

    #: the least room (points) for the lead and a first part worth drawing
    MIN_ROOM = 170.0
    #: the room of a part on a page of its own (the caption after the last part)
    PAGE_ROOM = FRAME_H - 40

    def __init__(self, layout: TimelineLayout, lead: list[Flowable]):
        super().__init__()
        self.layout, self.lead = layout, lead
        self._cache: dict[tuple[float, float], tuple[float, list]] = {}

    def take_lead(self, flowables: list[Flowable]) -> None:
        """A heading before the chart stays with its first part."""
        self.lead = list(flowables) + self.lead

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.lead[0].getSpaceBefore() if self.lead else 0.0

    def _stack(self, width: float, flowables: list[Flowable]) -> float:
        height = 0.0
        for i, f in enumerate(flowables):
            height += f.wrap(width, FRAME_H)[1] + f.getSpaceAfter() + \
                (f.getSpaceBefore() if i else 0.0)
        return height

    def _layout(self, width: float, height: float) -> tuple[float, list]:
        key = (round(width, 2), round(height, 2))
        if key not in self._cache:
            lead_h = self._stack(width, self.lead) + 2
            parts = charts.timeline_parts(self.layout, FRAME_W, self.PAGE_ROOM,
                                          first_height=max(height - lead_h - 2, 0))
            drawings = [DrawingFlowable(d) for d in parts]
            total = lead_h + sum(d.height + 4 for d in drawings)
            self._cache[key] = (total, drawings)
        return self._cache[key]

    def wrap(self, avail_width, avail_height):
        total, drawings = self._layout(avail_width, avail_height)
        self.width, self._drawings = avail_width, drawings
        # Several parts never fit here: the frame asks for the split.
        self.height = total if len(drawings) == 1 else max(total, avail_height + 1)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        if avail_height < self.MIN_ROOM:
            return []  # the whole chart starts on the next page
        _, drawings = self._layout(avail_width, avail_height)
        return [*self.lead, *drawings]

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        top = y + self.height
        for i, f in enumerate([*self.lead, *self._drawings]):
            top -= f.getSpaceBefore() if i else 0.0
            top -= f.wrap(self.width, FRAME_H)[1]
            f.drawOn(canvas, x, top, _sW)
            top -= f.getSpaceAfter()


class FittedChart(Flowable):
    """A chart with its title and caption, kept together, that may be drawn less tall
    (down to ``least``) to fit the rest of a page: the sensitivity chart had left half a
    page empty when it was a few rows too tall for it. ``make(height)`` draws it (None:
    at its natural height)."""

    def __init__(self, title: Flowable, make, natural: float, least: float,
                 caption: Flowable | None):
        super().__init__()
        self.above: list[Flowable] = [title]
        self.below: list[Flowable] = [caption] if caption is not None else []
        self.make, self.natural, self.least = make, natural, least
        self._drawing: DrawingFlowable | None = None
        self._heights: list[float] = []  # of above + below, from the last wrap

    def take_lead(self, flowables: list[Flowable]) -> None:
        """A heading before the chart stays with it (and counts in the room)."""
        self.above = list(flowables) + self.above

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.above[0].getSpaceBefore()

    def wrap(self, avail_width, avail_height):
        # the parts one under the other: each one's space before it (but the first's:
        # the frame adds that) and after it (but the last's)
        fixed = [*self.above, *self.below]
        self._heights = [f.wrap(avail_width, FRAME_H)[1] for f in fixed]
        extra = sum(self._heights) + \
            sum(f.getSpaceBefore() for f in fixed[1:]) + 2.0 + \
            sum(f.getSpaceAfter() for f in fixed[:-1]) + 2.0  # the drawing's own space
        room = avail_height - extra
        height = self.natural if room >= self.natural or room < self.least else room
        if self._drawing is None or self._drawing.height != height:
            self._drawing = DrawingFlowable(self.make(None if height == self.natural
                                                      else height))
        self.width, self.height = avail_width, extra + self._drawing.height
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        assert self._drawing is not None
        n = len(self.above)
        parts = [*self.above, self._drawing, *self.below]
        heights = [*self._heights[:n], self._drawing.height, *self._heights[n:]]
        top = y + self.height
        for i, (f, height) in enumerate(zip(parts, heights)):
            top -= (f.getSpaceBefore() if i else 0.0) + height
            f.drawOn(canvas, x, top, _sW)
            top -= f.getSpaceAfter()


def _fitted(st: Styles, block: ChartBlock, make, natural: float, least: float
            ) -> list[Flowable]:
    return [FittedChart(para(block.title, st["caption"]), make, natural, least,
                        para(block.caption, st["chart_caption"]) if block.caption else None)]


def chart_flowables(st: Styles, block: ChartBlock) -> list[Flowable]:
    out: list[Flowable] = []
    data = block.data          # of the type its kind names (asserted for the type checker)
    if block.kind == "timeline":
        assert isinstance(data, TimelineLayout)
        out.append(FlowingTimeline(data, [para(block.title, st["caption"])]))
        out.append(para(block.caption, st["chart_caption"]))
        return out
    if block.kind == "portfolio_net":
        # Split over pages on one scale when there are many cases.
        assert isinstance(data, PortfolioNetSeries)
        parts = charts.portfolio_net_parts(data, FRAME_W, FRAME_H - 110)
        out.append(KeepTogether([para(block.title, st["caption"]), DrawingFlowable(parts[0])]))
        out.extend(DrawingFlowable(drawing) for drawing in parts[1:])
        if block.caption:
            out.append(para(block.caption, st["chart_caption"]))
        return out
    if block.kind == "payers":
        assert isinstance(data, PayerSeries)
        drawing = charts.payer_bar_chart(data, FRAME_W)
    elif block.kind == "tornado":
        assert isinstance(data, TornadoSeries)
        series = data
        return _fitted(st, block, lambda height: charts.tornado_chart(series, FRAME_W, height),
                       charts.tornado_chart_height(series), charts.tornado_min_height(series))
    elif block.kind == "portfolio_spread":
        assert isinstance(data, PortfolioSpread)
        drawing = charts.portfolio_spread_chart(data, FRAME_W)
    else:
        assert isinstance(data, CumulativeSeries)
        cumulative = data
        return _fitted(st, block, lambda height: charts.cumulative_chart(
            cumulative, FRAME_W, height or CUMULATIVE_H), CUMULATIVE_H, CUMULATIVE_LEAST_H)
    items: list[Flowable] = [para(block.title, st["caption"]), DrawingFlowable(drawing)]
    if block.caption:
        items.append(para(block.caption, st["chart_caption"]))
    return [KeepTogether(items)]
