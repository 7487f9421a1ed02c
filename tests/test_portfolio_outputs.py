"""The guardrails are in the portfolio PDF and in the Vergelijken window."""

from __future__ import annotations

import shutil
from datetime import date

from conftest import DEFAULT_TABLE, EXAMPLE_CASE, ROOT
from pypdf import PdfReader

from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.storage import load_table
from effectencalculator.report.portfolio_pdf import write_portfolio_pdf


def _folder(tmp_path):
    cases = tmp_path / "casussen"
    shutil.copytree(ROOT / "examples", cases)
    shutil.copy(EXAMPLE_CASE, cases / "zz-kopie.yaml")
    return cases


def test_portfolio_pdf_shows_the_guardrails_and_counts_a_duplicate_once(tmp_path):
    portfolio = build_portfolio([_folder(tmp_path)], load_table(DEFAULT_TABLE))
    target = tmp_path / "portfolio.pdf"
    write_portfolio_pdf(portfolio, target, created=date(2026, 3, 1))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Wat dit portfolio wel en niet zegt" in text
    assert "maar 3 casussen (minder dan 5)" in text
    # table 2025.1: 35 279 of 35 279 + 19 821 − 10 773 = 44 327 is 79,6 %
    assert "De grootste casus (PT-AMS-014) draagt 80 %" in text
    assert "Met telkens één casus weggelaten" in text
    assert "zz-kopie.yaml" in text and "telt niet mee" in text


def test_window_summary_shows_the_guardrails(qtbot, ctx, tmp_path):
    from effectencalculator.ui.sections.vergelijken import VergelijkenWindow

    compare = VergelijkenWindow(ctx)
    qtbot.addWidget(compare)
    compare.open_paths([_folder(tmp_path)])
    assert compare.outcome is not None, ctx.dialogs.errors
    text = compare.summary.text()
    assert "3 van 4 casussen berekend" in text
    assert "minder dan 5" in text and "color:#a00000" in text
    assert "De grootste casus (PT-AMS-014)" in text
