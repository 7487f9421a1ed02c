"""A long table that reportlab never lays out whole.

Why: reportlab splits a long ``Table`` page by page, and every split measures the whole
remainder again (its span and no-split maps hold an entry per cell of the remaining
table) and copies every style command: the time grows with lines × pages, so 5 000
lines took 84 s. ``PagedTable`` keeps the rows, their heights (known, since every cell
is a plain string wrapped once) and the style commands indexed by row; at each page it
hands reportlab a ``Table`` of only the rows that can fill that page plus one, lets
reportlab's own split choose the break (so the page breaks, the repeated header and
the no-split rules are reportlab's), and keeps the rest for the next page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, toColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from effectencalculator.report.pdf_styles import table_style

Command = tuple

#: TableStyle commands that set one attribute of each cell's CellStyle (as reportlab's
#: ``_setCellStyle``; FONT, with its derived leading, is left to reportlab)
_CELL_ATTRIBUTES = {
    "FONTNAME": "fontname", "FACE": "fontname", "SIZE": "fontsize", "FONTSIZE": "fontsize",
    "LEADING": "leading", "TEXTCOLOR": "color", "ALIGN": "alignment",
    "ALIGNMENT": "alignment", "VALIGN": "valign", "LEFTPADDING": "leftPadding",
    "RIGHTPADDING": "rightPadding", "TOPPADDING": "topPadding",
    "BOTTOMPADDING": "bottomPadding", "HREF": "href", "DESTINATION": "destination",
    "DIRECTION": "direction", "SHAPING": "shaping",
}
_X_FACTOR = {"LEFT": 0.0, "RIGHT": 1.0, "CENTRE": 0.5, "CENTER": 0.5}
#: commands reportlab keeps apart from the cells' styles (``Table._addCommand``)
_NOT_CELL = frozenset({"BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT",
                       "GRID", "BOX", "OUTLINE", "INNERGRID", "LINEBELOW", "LINEABOVE",
                       "LINEBEFORE", "LINEAFTER", "ROUNDEDCORNERS"})


_DYNAMIC: dict[str, bool] = {}


def _is_dynamic(font_name: str) -> bool:
    """Whether the font is subset per document (a TrueType font), asked once per name."""
    known = _DYNAMIC.get(font_name)
    if known is None:
        known = _DYNAMIC[font_name] = bool(getattr(getFont(font_name), "_dynamicFont", 0))
    return known


class FastTable(Table):
    """A reportlab ``Table`` that styles and draws plain-string cells with less Python.

    Why: a long report draws some 10 000 cell lines; reportlab builds a text object per
    line (``drawString``: a width it then ignores, an origin, the subset lookup, the
    code) and sets each style command on each cell through a chain of ``elif``. Here the
    same PDF operators are written straight to the canvas, and a cell command sets its
    attribute in one loop: the PDF is byte for byte reportlab's own (a test compares
    them); anything else (flowables in cells, right-to-left text, links) is reportlab's.
    """

    _curcellstyle: Any  # reportlab's: the CellStyle of the last cell drawn

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._ec_tmpl: dict[tuple[str, float, float], str] = {}  # "size Tf leading TL"
        self._ec_names: dict[tuple[str, int], str] = {}  # a font subset's PDF name

    def draw(self) -> None:
        self._ec_names.clear()  # the names are the document's: drawn again, asked again
        super().draw()

    def _addCommand(self, cmd: Command) -> None:  # noqa: N802 - reportlab's name
        attribute = _CELL_ATTRIBUTES.get(cmd[0])
        (sc, sr), (ec, er) = cmd[1], cmd[2]
        if attribute is None or isinstance(sr, str) or isinstance(er, str) or len(cmd) < 4:
            return super()._addCommand(cmd)
        sc, ec, sr, er = self.normCellRange(sc, ec, sr, er)
        value = toColor(cmd[3], Color(0, 0, 0)) if attribute == "color" else cmd[3]
        for row in self._cellStyles[sr:er + 1]:
            for style in row[sc:ec + 1]:
                style.__dict__[attribute] = value
        return None

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],  # noqa: N802
                  size: tuple[float, float]) -> None:
        canv = self.canv
        just, valign = cellstyle.alignment, cellstyle.valign
        if type(cellval) is not str or just not in _X_FACTOR \
                or valign not in ("TOP", "BOTTOM", "MIDDLE") or cellstyle.direction \
                or cellstyle.shaping or cellstyle.href or cellstyle.destination \
                or not canv.bottomup or not _is_dynamic(cellstyle.fontname):
            return super()._drawCell(cellval, cellstyle, pos, size)
        if self._curcellstyle is not cellstyle:  # as reportlab: only what changed
            cur = self._curcellstyle
            if cur is None or (cellstyle.color is not cur.color
                               and cellstyle.color != cur.color):
                canv.setFillColor(cellstyle.color)
            if cur is None or cellstyle.leading != cur.leading \
                    or cellstyle.fontname != cur.fontname \
                    or cellstyle.fontsize != cur.fontsize:
                canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        colpos, rowpos = pos
        colwidth, rowheight = size
        if just == "LEFT":
            x = colpos + cellstyle.leftPadding
        elif just == "RIGHT":
            x = colpos + colwidth - cellstyle.rightPadding
        else:
            x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5
        vals = cellval.split("\n")
        leading, fontsize = cellstyle.leading, cellstyle.fontsize
        if valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + len(vals) * leading - fontsize
        elif valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        else:
            y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding
                          + len(vals) * leading) / 2.0 - fontsize
        # What canvas.drawString / drawRightString / drawCentredString write.
        name, size_, line = canv._fontname, canv._fontsize, canv._leading
        font, doc, escape, code = getFont(name), canv._doc, canv._escape, canv._code
        factor = _X_FACTOR[just]
        key = (name, size_, line)
        tmpl = self._ec_tmpl.get(key)
        if tmpl is None:
            tmpl = self._ec_tmpl[key] = f"{fp_str(size_)} Tf {fp_str(line)} TL"
        names = self._ec_names
        for v in vals:
            tx = x - factor * stringWidth(v, name, size_) if factor else x
            parts = []
            for subset, chunk in font.splitString(v, doc):
                subset_name = names.get((name, subset))
                if subset_name is None:  # the first call registers the font with the doc
                    subset_name = names[(name, subset)] = \
                        font.getSubsetInternalName(subset, doc)
                parts.append(f"{subset_name} {tmpl} ({escape(chunk)}) Tj")
            code.append(f"BT 1 0 0 1 {fp_str(tx, y)} Tm {' '.join(parts)} T* ET")
            y -= leading
        return None


class TableRows:
    """The rows of one table (row 0 is the header, repeated on every page) with their
    heights and style commands, indexed so that a chunk of rows costs only its size."""

    def __init__(self, data: list[list], widths: list[float], heights: list[float],
                 commands: list[Command]):
        self.data, self.widths, self.heights = data, widths, heights
        n = len(data)
        self.whole: list[Command] = []       # from the header to the end (-1)
        self.by_row: list[list[Command]] = [[] for _ in range(n)]
        self.ranges: list[Command] = []      # spanning several rows (NOSPLIT)
        self.tied: set[int] = set()          # rows that may not begin a page
        for command in commands:
            (c0, r0), (c1, r1) = command[1], command[2]
            r0 += n if r0 < 0 else 0
            r1 += n if r1 < 0 else 0
            if r0 == 0 and r1 == n - 1:
                self.whole.append(command)
            elif r0 == r1:
                self.by_row[r0].append((command[0], (c0, 0), (c1, 0), *command[3:]))
            else:
                self.ranges.append((command[0], (c0, r0), (c1, r1), *command[3:]))
                if command[0] == "NOSPLIT":
                    self.tied.update(range(r0 + 1, r1 + 1))
        self.prototypes = self._prototypes(len(widths))

    def _prototypes(self, ncols: int) -> list[dict[str, Any]] | None:
        """Each column's cell attributes set by the commands over the whole table (the
        font of ``table_style`` first), so that a page's cells start as copies instead
        of every command visiting every cell of every page; None (reportlab sets them)
        when one of those commands is not a plain attribute (FONT)."""
        protos: list[dict[str, Any]] = [{"name": f"(0, {c})"} for c in range(ncols)]
        for command in [*table_style([]).getCommands(), *self.whole]:
            if command[0] in _NOT_CELL:
                continue
            attribute = _CELL_ATTRIBUTES.get(command[0])
            if attribute is None or len(command) < 4:
                return None
            c0, c1 = command[1][0], command[2][0]
            c0, c1 = max(0, c0 + ncols if c0 < 0 else c0), min(ncols - 1, c1 + ncols
                                                              if c1 < 0 else c1)
            value = command[3]
            if attribute == "color":
                value = toColor(value, Color(0, 0, 0))
            for proto in protos[c0:c1 + 1]:
                proto[attribute] = value
        return protos

    def table(self, first: int, end: int) -> Table:
        """A ``Table`` of the header and rows ``first`` to ``end`` (exclusive), with the
        commands of those rows; a command over several rows is cut to the chunk."""
        rows = [0, *range(first, end)]
        commands: list[Command] = [(c[0], c[1], (c[2][0], -1), *c[3:]) for c in self.whole]
        for local, r in enumerate(rows):
            for c in self.by_row[r]:
                commands.append((c[0], (c[1][0], local), (c[2][0], local), *c[3:]))
        for c in self.ranges:
            (c0, r0), (c1, r1) = c[1], c[2]
            if r1 < first or r0 >= end:
                continue
            a, b = max(r0, first) - first + 1, min(r1, end - 1) - first + 1
            if b > a:
                commands.append((c[0], (c0, a), (c1, b), *c[3:]))
        if end < len(self.data):
            # As reportlab's split: the rule above the next page's first row also
            # closes this page's part.
            last = len(rows) - 1
            commands += [("LINEBELOW", (c[1][0], last), (c[2][0], last), *c[3:])
                         for c in self.by_row[end] if c[0] == "LINEABOVE"]
        data = [self.data[r] for r in rows]
        heights = [self.heights[r] for r in rows]
        protos = self.prototypes
        if protos is None:
            table = FastTable(data, colWidths=self.widths, rowHeights=heights, repeatRows=1,
                              hAlign="LEFT", splitByRow=1, splitInRow=0)
            table.setStyle(table_style(commands))
            return table
        # The whole-table cell commands are in the prototypes; the rest as before.
        styles = []
        for _ in rows:
            row = []
            for proto in protos:
                style = CellStyle.__new__(CellStyle)
                style.__dict__.update(proto)
                row.append(style)
            styles.append(row)
        whole = len(self.whole)
        rest = [c for c in commands[:whole] if c[0] in _NOT_CELL] + commands[whole:]
        table = FastTable(data, colWidths=self.widths, rowHeights=heights, repeatRows=1,
                          hAlign="LEFT", splitByRow=1, splitInRow=0, cellStyles=styles)
        table.setStyle(TableStyle(rest))
        return table


class PagedTable(Flowable):
    """The rows from ``first`` on of a ``TableRows``, laid out a page at a time."""

    def __init__(self, rows: TableRows, first: int = 1):
        super().__init__()
        self.rows, self.first = rows, first
        self.hAlign = "LEFT"
        self._width = sum(rows.widths)
        self._table: Table | None = None

    def _height(self) -> float:
        heights = self.rows.heights
        return heights[0] + sum(heights[self.first:])

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self._width, self._height()
        return self.width, self.height

    def split(self, avail_width, avail_height):
        """Where reportlab's ``Table.split`` would break (the last row that fits and
        is not tied to the row before it by a NOSPLIT), computed from the known
        heights: only the page's rows become a ``Table``."""
        heights, tied = self.rows.heights, self.rows.tied
        used, split_at = heights[0], 0
        row = self.first
        while row < len(heights) and used + heights[row] <= avail_height:
            used += heights[row]
            row += 1
            if row not in tied:
                split_at = row
        if row == len(heights):
            return [self.rows.table(self.first, row)]
        if split_at <= self.first:
            return []  # not even one row (with the header) fits here
        return [self.rows.table(self.first, split_at), PagedTable(self.rows, split_at)]

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        table = self.rows.table(self.first, len(self.rows.heights))
        table.wrap(self._width, self._height() + 1)
        table.drawOn(canvas, x, y, _sW)
