"""The report's fast paths write the PDF reportlab itself would write, byte for byte.

``FastTable`` (report/pdf_paged.py) styles and draws plain-string cells without
reportlab's per-line text objects, ``TableRows`` starts a page's cells from per-column
prototypes, ``para`` (report/pdf_styles.py) gives plain text the parser's fragment
without the parser, and ``FastTTFont`` (report/fonts.py) subsets strings with one
``translate``. A mistake there would move or mis-encode text while every test that
looks for words could still pass; so each report is built twice, once with the fast
paths switched back to reportlab's own, and the bytes must be equal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Table

from effectencalculator.model.storage import load_case, load_table
from effectencalculator.model.tables import table_for_case
from effectencalculator.report import pdf_styles
from effectencalculator.report.build import build_report_pdf
from effectencalculator.report.fonts import FastTTFont
from effectencalculator.report.pdf_paged import FastTable, TableRows
from tests.test_report_stress import stress_case

ROOT = Path(__file__).resolve().parent.parent


def _reportlab_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FastTable, "_drawCell", Table._drawCell)
    monkeypatch.setattr(FastTable, "_addCommand", Table._addCommand)
    monkeypatch.setattr(FastTTFont, "splitString", TTFont.splitString)
    monkeypatch.setattr(TableRows, "_prototypes", lambda self, ncols: None)
    monkeypatch.setattr(pdf_styles, "plain_frags", lambda text, style: None)


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "examples").glob("*.yaml")))
def test_example_report_bytes_equal_reportlabs_own(name, monkeypatch):
    case = load_case(ROOT / "examples" / name)
    table, _ = table_for_case(case)
    fast = build_report_pdf(case, table)
    _reportlab_only(monkeypatch)
    assert build_report_pdf(case, table) == fast


def test_stress_report_bytes_equal_reportlabs_own(monkeypatch):
    """Long paged tables, totals, notes, groups, right-aligned and wrapped cells."""
    table = load_table(ROOT / "cost_tables" / "nl-jeugd-gezin.yaml")
    case = stress_case(table, lines=300, words=500)
    fast = build_report_pdf(case, table)
    _reportlab_only(monkeypatch)
    assert build_report_pdf(case, table) == fast


def test_fast_table_takes_the_fast_path(monkeypatch):
    """The comparison above means something only if the fast path is the one taken."""
    calls: list[bool] = []
    original = Table._drawCell

    def counted(self, *args, **kwargs):
        calls.append(isinstance(self, FastTable))
        return original(self, *args, **kwargs)

    table = load_table(ROOT / "cost_tables" / "nl-jeugd-gezin.yaml")
    case = stress_case(table, lines=60, words=100)
    monkeypatch.setattr(Table, "_drawCell", counted)
    build_report_pdf(case, table)
    fallbacks = sum(calls)  # FastTable cells that reportlab drew
    calls.clear()
    monkeypatch.setattr(FastTable, "_drawCell", counted)
    build_report_pdf(case, table)
    assert sum(calls) > 500
    assert fallbacks < 0.02 * sum(calls)


def test_paged_tables_start_from_prototypes():
    """The paged path copies prototypes (else the byte comparison tests nothing new)."""
    table = load_table(ROOT / "cost_tables" / "nl-jeugd-gezin.yaml")
    made: list[TableRows] = []
    original = TableRows.__init__

    def record(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TableRows, "__init__", record)
        build_report_pdf(stress_case(table, lines=300, words=100), table)
    assert made and all(rows.prototypes is not None for rows in made)


def test_plain_paragraphs_skip_the_parser_and_marked_up_text_does_not():
    styles = pdf_styles.make_styles()
    plain = pdf_styles.plain_frags("Netto € 1.234 voor  de   gemeente", styles["body"])
    assert plain is not None and plain[0].text == "Netto €\u00a01.234 voor de gemeente"
    for text in ("a & b", "a < b", "regel\nregel", "   "):
        assert pdf_styles.plain_frags(text, styles["body"]) is None
    # what the parser makes of the same text, attribute for attribute
    from reportlab.platypus import Paragraph
    parsed = Paragraph("Netto €\u00a01.234 voor  de   gemeente", styles["body"]).frags
    assert [vars(f) for f in parsed] == [vars(f) for f in plain]
