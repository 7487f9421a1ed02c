"""How each kind of content block is laid out: label–value facts, the boxed callout,
the key-figure grid, tables (column widths from the words they hold) and charts."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
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
    TableBlock,
    TornadoSeries,
)
from effectencalculator.report.pdf_flowables import DrawingFlowable
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

Styles = dict[str, ParagraphStyle]


def facts_table(st: Styles, rows: list[tuple[str, str]], label_width: float = 60 * mm) -> Table:
    data = [[para(a, st["fact_label"]),
             para(b, st["fact_hash" if is_hash(b) else "fact_value"])] for a, b in rows]
    table = Table(data, colWidths=[label_width, FRAME_W - label_width], hAlign="LEFT")
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return table

def callout_table(st: Styles, block: Callout) -> Table:
    table = Table([[[para(block.title, st["callout_title"]), para(block.text, st["callout"])]]],
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
    for f in block.figures:
        span = max(1, min(f.span, per_row))
        if len(data[-1]) + span > per_row:
            data[-1] += [""] * (per_row - len(data[-1]))
            data.append([])
        cell = [para(f.label, st["kf_label"]),
                para(f.value, st["kf_value" if is_figure(f.value) else "kf_text"]),
                para(f.note, st["kf_note"])]
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

def table_flowables(st: Styles, block: TableBlock) -> list[Flowable]:
    widths = column_widths(st, block)
    suffix = {"left": "", "right": "_r", "center": "_c"}
    header = [para(c.title, st["cell_head" + suffix[c.align]]) for c in block.columns]
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
            data.append([para(row.cells[0], style)] + [""] * (n - 1))
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
            cells.append(para(text, st[name]) if text else "")
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
    table.setStyle(table_style(commands))
    out: list[Flowable] = []
    if block.caption:
        out += [CondPageBreak(75), para(block.caption, st["caption"])]
    out.append(table)
    if block.legend:
        out.append(para(block.legend, st["legend"]))
    else:
        out.append(Spacer(1, 8))
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

def chart_flowables(st: Styles, block: ChartBlock) -> list[Flowable]:
    out: list[Flowable] = []
    data = block.data          # of the type its kind names (asserted for the type checker)
    if block.kind == "timeline":
        assert isinstance(data, TimelineLayout)
        # Each part must fit an empty page under the heading and the caption.
        parts = charts.timeline_parts(data, FRAME_W, FRAME_H - 110)
        out.append(KeepTogether([para(block.title, st["caption"]), DrawingFlowable(parts[0])]))
        out.extend(DrawingFlowable(drawing) for drawing in parts[1:])
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
        drawing = charts.tornado_chart(data, FRAME_W)
    else:
        assert isinstance(data, CumulativeSeries)
        drawing = charts.cumulative_chart(data, FRAME_W, 210)
    items: list[Flowable] = [para(block.title, st["caption"]), DrawingFlowable(drawing)]
    if block.caption:
        items.append(para(block.caption, st["chart_caption"]))
    return [KeepTogether(items)]
