"""Long tables are laid out a page at a time (report/pdf_paged.py), so report time grows
about linearly with the lines; the pages must be the pages reportlab's own split of the
whole table gives."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from effectencalculator.model.storage import load_table
from effectencalculator.report import pdf_blocks
from effectencalculator.report.build import build_report_pdf
from effectencalculator.report.pdf_paged import PagedTable
from tests.test_report_stress import stress_case

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def case_and_table():
    table = load_table(ROOT / "cost_tables" / "nl-jeugd-gezin.yaml")
    return stress_case(table, lines=400, words=300), table


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_a_long_table_takes_the_paged_path(case_and_table, monkeypatch):
    made: list[PagedTable] = []
    original = PagedTable.__init__

    def record(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(PagedTable, "__init__", record)
    build_report_pdf(*case_and_table)
    assert made, "no table of the 400-line report was laid out a page at a time"


def test_paged_tables_give_the_pages_of_reportlabs_own_split(case_and_table, monkeypatch):
    paged = _pages(build_report_pdf(*case_and_table))
    # No table counts as long: every table goes down reportlab's whole-table path.
    monkeypatch.setattr(pdf_blocks, "PAGED_TABLE_FROM", float("inf"))
    whole = _pages(build_report_pdf(*case_and_table))
    assert len(paged) == len(whole)
    assert paged == whole


def test_no_reportlab_table_holds_more_than_a_page_of_rows(case_and_table, monkeypatch):
    """Linear time: reportlab only ever lays out a page's rows, not the remainder."""
    from reportlab.platypus import Table

    sizes: list[int] = []
    original = Table.__init__

    def counting(self, data, *args, **kwargs):
        sizes.append(len(data))
        original(self, data, *args, **kwargs)

    monkeypatch.setattr(Table, "__init__", counting)
    build_report_pdf(*case_and_table)
    # At 9.6 pt or more a row a page holds fewer than 80 rows; the whole line table
    # of a scenario of this case holds more than 300.
    assert sizes and max(sizes) <= 80
