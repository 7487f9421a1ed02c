"""One wording of every figure: the CLI text, the PDF and the Berekening section say the
same about a borderline case (PT-GLD-047: the P10–P90 interval of the net result
contains zero), because all three take their words from ``report.figures``."""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT
from pypdf import PdfReader
from test_ui_support import make_window

from effectencalculator.cli import main
from effectencalculator.model.calculation import calculate
from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.model.uncertainty import simulate
from effectencalculator.report.build import build_report_pdf
from effectencalculator.report.figures import delta, worded
from effectencalculator.report.figures_mkba import SOCIETAL_UNSURE, mkba_words
from effectencalculator.report.format import format_euro

BORDERLINE = ROOT / "examples" / "pt-gld-047-van-der-veen.yaml"


def flat(text: str) -> str:
    """Whitespace (line breaks, column padding, no-break spaces) as single spaces."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def borderline():
    case = load_case(BORDERLINE)
    table, _ = table_for_case(case)
    result = calculate(case, table)
    words = worded(result, simulate(result))
    assert words.uncertain, "PT-GLD-047 with the default table: P10–P90 contains zero"
    reader = PdfReader(io.BytesIO(build_report_pdf(case, table)))
    return words, flat(" ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def cli_text(capsys) -> str:
    assert main(["summary", str(BORDERLINE), "--uncertainty"]) == 0
    return flat(capsys.readouterr().out)


def test_cli_and_pdf_word_the_key_figures_alike(borderline, cli_text):
    words, pdf = borderline
    figures = words.key_figures()
    assert [f.key for f in figures if f.uncertain] == [
        "net_result", "besparingen", "baten", "return_per_euro"]
    for f in figures:
        expected = flat(f"{f.label} {f.value} {f.note}")
        assert expected in cli_text, expected
        assert expected in pdf, expected
    net = format_euro(words.result.comparison.net_result)
    assert f"Netto resultaat onzeker ongeveer gelijk; puntschatting {net}" in cli_text
    # no figure of the difference is presented as a saving, in either output
    for text in (cli_text, pdf):
        assert not re.search(r"Potentiële besparingen €", text)


def test_cli_and_pdf_give_the_same_verdict_and_totals(borderline, cli_text):
    words, pdf = borderline
    verdict = words.verdict()
    assert verdict is not None and verdict.key == "uncertain"
    assert flat(verdict.sentence) in cli_text
    assert flat(verdict.phrase) in pdf
    assert "Totaal (onzeker: ongeveer gelijk)" in cli_text
    assert "Totaal (onzeker: ongeveer gelijk)" in pdf


def test_the_berekening_section_words_it_as_the_pdf_and_the_cli(qtbot, ctx,
                                                               borderline, cli_text):
    words, pdf = borderline
    window = make_window(qtbot, ctx, BORDERLINE)
    window.show()
    window.show_section(window.sections.index(window.berekening))
    window.uncertainty.run_now()
    section = window.berekening
    for key in ("net_result", "besparingen", "baten", "investment", "return_per_euro"):
        figure = words.figure(key)
        card = section.cards[key]
        note = re.sub(r"<[^>]+>", "", card.note.text().split("<br>")[0])
        shown = flat(f"{figure.label} {section.figure_text(key)} {note}")
        assert section.figure_text(key) == figure.value, key
        assert shown in pdf and shown in cli_text, shown
    verdict = flat(re.sub(r"<[^>]+>", "", section.verdict_label.text()))
    assert verdict == flat(words.verdict().sentence)
    assert verdict in cli_text
    total = section.payer_model.rowCount() - 1
    assert section.payer_model.cell(total, 0) == "Totaal (onzeker: ongeveer gelijk)"
    assert "(onzeker: ongeveer gelijk)" in window.totals_label.text()
    window.doc.undo_stack.setClean()


def test_delta_is_a_signed_change():
    assert delta(None) == "—"
    assert delta(1234.4) == "+€ 1.234"
    assert delta(-567) == "−€ 567"
    assert delta(0.2) == "€ 0"


def test_the_session_view_words_an_uncertain_difference_as_the_status_bar(qtbot, ctx):
    """The timeline's session view on a projector says 'onzeker' too (it said the plain
    point estimate): the same words as the status bar, from report/figures."""
    window = make_window(qtbot, ctx, BORDERLINE)
    window.show()
    window.tijdlijn.toggle_session()
    session = window.tijdlijn.session
    window.uncertainty.run_now()
    after = [t for t in session.total_texts() if t.startswith("Verschil")]
    words = worded(window.results.live.result, window.uncertainty.outcome.uncertainty)
    assert words.uncertain
    assert after == [f"Verschil  <b>{words.net_result_text()}</b>"]
    assert after[0].endswith("(onzeker: ongeveer gelijk)</b>")
    session.close()
    window.doc.undo_stack.setClean()


def test_the_mkba_view_words_an_uncertain_result_alike(qtbot, ctx, borderline, cli_text):
    """The MKBA view (societal result beside each payer, the split of besparingen) of a
    borderline case: the CLI, the PDF and Berekening's MKBA panel take the same words
    from report/figures_mkba — the societal figure says 'onzeker', no payer 'gains'."""
    words, pdf = borderline
    mkba = mkba_words(words)
    rows = mkba.view_rows()
    societal = rows[0]
    assert societal.label == SOCIETAL_UNSURE and societal.role == ""
    for row in rows:
        line = flat(f"{row.label} {row.net} {row.transfers} {row.role}")
        assert line in cli_text, line
        assert line in pdf, line
    assert {r.role for r in rows[1:]} <= {"betaalt minder", "betaalt meer", "gelijk"}
    for text in (cli_text, pdf):
        assert "krijgt de opbrengst" not in text and "investeert (betaalt meer)" not in text
        assert flat(mkba.low_confidence) in text
    assert flat(mkba.societal) in pdf                   # the summary page's sentence
    split = mkba.split()
    assert split is not None and mkba.split_title == "Verschil inzet"
    assert flat(f"{mkba.split_title}: te boeken en capaciteit") in cli_text
    assert flat(f"{mkba.split_column} Bedrag") in pdf

    window = make_window(qtbot, ctx, BORDERLINE)
    window.show()
    window.show_section(window.sections.index(window.berekening))
    window.uncertainty.run_now()
    panel = window.berekening.mkba_panel
    assert flat(re.sub(r"<[^>]+>", "", panel.views.text())).startswith(
        flat(mkba.societal) + ";")
    assert panel.split.text().startswith(f"{mkba.split_title} — ")
    for label, value in split[:-1]:
        assert f"{label}: {value}" in panel.split.text()
    assert panel.confidence.text() == mkba.low_confidence
    payers = window.berekening.payer_model
    roles = {payers.cell(r, 0): payers.cell(r, 7) for r in range(payers.rowCount() - 1)}
    assert roles == {r.label: r.role for r in rows[1:]}
    window.doc.undo_stack.setClean()
