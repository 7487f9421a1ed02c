"""The short version as a PDF of at most four A4 pages (``report --short``).

The full report's renderer (``pdf.PdfRenderer``: styles, fonts, header and footer,
tables, key figures) lays it out, with two differences: page 1 opens with a title block
instead of a cover page, and the parts follow each other without page breaks. When the
pages would run over four (very long texts), the content is built again with a tighter
``short.Budget``. Compute first, render second: the case is priced once and the full
report's content is built from that result; the short one is taken from it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import HRFlowable

from effectencalculator.model.calculation import calculate
from effectencalculator.model.storage import atomic_write_bytes
from effectencalculator.report.content import Section, build_content
from effectencalculator.report.pdf import PdfRenderer
from effectencalculator.report.pdf_styles import FRAME_W, INK, RULE, para, table_style
from effectencalculator.report.short import BUDGETS, MAX_PAGES, ShortContent, build_short_content

if TYPE_CHECKING:
    from effectencalculator.model.calculation import CaseResult
    from effectencalculator.model.case import Case
    from effectencalculator.model.cost_table import CostTable
    from effectencalculator.model.privacy import PrivacyStatus
    from effectencalculator.model.sensitivity import Swing
    from effectencalculator.model.uncertainty import UncertaintyResult

Progress = Callable[[float, str], None]


class ShortPdfRenderer(PdfRenderer):
    """``PdfRenderer`` with a title block on page 1 and no page break between parts."""

    content: ShortContent

    def render(self) -> bytes:
        data = super().render()
        self.pages = self._doc.page
        return data

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = [NextPageTemplate("body"), *self._title_block()]
        for section in self.content.sections:
            story.extend(self._part(section))
        return story

    def _title_block(self) -> list[Flowable]:
        c, st = self.content.cover, self.styles
        out: list[Flowable] = [Spacer(1, 2 * mm), para(c.title, st["cover_kicker"]),
                               Spacer(1, 1.5 * mm), para(c.heading_text, st["short_title"])]
        if c.case_title:
            out.append(para(c.case_title, st["short_sub"]))
        out += [Spacer(1, 3 * mm), HRFlowable(width="100%", thickness=0.6, color=RULE),
                Spacer(1, 2 * mm), self._facts_grid(c.facts), Spacer(1, 1 * mm),
                HRFlowable(width="100%", thickness=0.6, color=RULE), Spacer(1, 2 * mm)]
        return out

    def _facts_grid(self, facts: list[tuple[str, str]]) -> Table:
        """The cover facts in two columns of label and value (a title block, not a page)."""
        st = self.styles
        half = (len(facts) + 1) // 2
        rows = []
        for i in range(half):
            row = []
            for label, value in (facts[i], facts[i + half] if i + half < len(facts) else
                                 ("", "")):
                row += [para(label, st["fact_label"]), para(value, st["fact_value"])]
            rows.append(row)
        label_w, value_w = 27 * mm, FRAME_W / 2 - 27 * mm
        table = Table(rows, colWidths=[label_w, value_w, label_w, value_w], hAlign="LEFT")
        table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return table

    def _part(self, section: Section) -> list[Flowable]:
        """A part: its heading with a rule, kept with the first block below it."""
        st = self.styles
        heading = para(section.title, st["short_h"])
        heading._outline = (f"k{section.id}", section.title, 0)
        body: list[Flowable] = []
        for block in section.blocks:
            body.extend(self._block(block))
        # room for the heading and a few lines of what follows, else a new page
        return [CondPageBreak(120), KeepTogether(
            [heading, HRFlowable(width="100%", thickness=0.9, color=INK, spaceAfter=6)]),
            *body]


def _styles(renderer: PdfRenderer) -> None:
    from reportlab.lib.styles import ParagraphStyle
    st = renderer.styles
    st["short_title"] = ParagraphStyle("short_title", parent=st["cover_title"], fontSize=22,
                                       leading=26, spaceAfter=2)
    st["short_sub"] = ParagraphStyle("short_sub", parent=st["cover_sub"], fontSize=13,
                                     leading=17)
    st["short_h"] = ParagraphStyle("short_h", parent=st["h2"], fontSize=13, leading=16,
                                   spaceBefore=10, spaceAfter=3)


def render_short_pdf(content: ShortContent, progress: Progress | None = None
                     ) -> tuple[bytes, int]:
    """The PDF bytes and its number of pages."""
    renderer = ShortPdfRenderer(content, progress)
    _styles(renderer)
    data = renderer.render()
    return data, renderer.pages


def build_short_pdf(case: Case, table: CostTable, created: date | None = None,
                    progress: Progress | None = None, *,
                    privacy: PrivacyStatus | None = None, result: CaseResult | None = None,
                    uncertainty: UncertaintyResult | None = None,
                    swings: list[Swing] | None = None) -> bytes:
    """The short version as bytes, at most ``MAX_PAGES`` pages; the same case and table
    (and date) give the same bytes. Arguments as ``build.build_report_pdf`` (there is no
    choice of sections: the short version has one fixed form)."""
    step = progress or (lambda fraction, message: None)
    step(0.0, "Berekenen")
    if result is None:
        result = calculate(case, table)
    step(0.1, "Inhoud samenstellen")
    full = build_content(case, result, table, created=created, privacy=privacy,
                         uncertainty=uncertainty, swings=swings)
    data = b""
    for n, budget in enumerate(BUDGETS):
        step(0.3 + 0.6 * n / len(BUDGETS), "Opmaken")
        content = build_short_content(case, result, full, privacy, budget)
        data, pages = render_short_pdf(content)
        if pages <= MAX_PAGES:
            break
    return data


def write_short_pdf(case: Case, table: CostTable, path: str | Path, *,
                    created: date | None = None, progress: Progress | None = None,
                    privacy: PrivacyStatus | None = None, result: CaseResult | None = None,
                    uncertainty: UncertaintyResult | None = None,
                    swings: list[Swing] | None = None) -> None:
    """Build the short version and write it to ``path`` atomically (as
    ``build.write_report_pdf``: InvalidInputError, SaveError)."""
    data = build_short_pdf(case, table, created, progress, privacy=privacy, result=result,
                           uncertainty=uncertainty, swings=swings)
    if progress is not None:
        progress(0.95, "Opslaan")
    atomic_write_bytes(Path(path), data, keep_backup=False)
    if progress is not None:
        progress(1.0, "Klaar")
