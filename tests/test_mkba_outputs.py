"""The MKBA figures (FORMATS.md 1.1) in every output: the two views side by side, the
split of besparingen, the share on low-confidence tariffs and the switching values — in
the PDF (read back with pypdf), the CLI text, the XLSX and the Berekening section."""

from __future__ import annotations

import io
import re

import pytest
from conftest import EXAMPLE_CASE
from pypdf import PdfReader

from effectencalculator.model.calculation import calculate
from effectencalculator.model.storage import load_case
from effectencalculator.model.switching import switching_values
from effectencalculator.model.tables import table_for_case
from effectencalculator.report.figures_mkba import (
    SOCIETAL,
    item_switch_text,
    line_switch_text,
    switching_sentences,
)


@pytest.fixture(scope="module")
def ams():
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    return case, table, calculate(case, table)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_switching_wording_names_the_tariff_and_how_far():
    from effectencalculator.model.switching import ItemSwitch, LineSwitch
    item = ItemSwitch("OTS-JAAR1", "het OTS-tarief", 5000.0, 0.42)
    assert item_switch_text(item) == "het resultaat slaat om als het tarief van het OTS-tarief " \
                                     "58% lager is"
    line = LineSwitch("referentie", 2, "OTS-JAAR1", "OTS", 0.8, 4000.0, 0.35)
    assert line_switch_text(line) == ("het resultaat slaat om als de kans op OTS "
                                      "(referentie, regel 3) 35% is in plaats van 80%")


def test_the_pdf_shows_both_views_the_split_and_the_switching_values(ams):
    from effectencalculator.report.build import build_report_pdf
    case, table, result = ams
    reader = PdfReader(io.BytesIO(build_report_pdf(case, table)))
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    c = result.comparison
    for words in ("Maatschappelijk en per financier", SOCIETAL,
                  "Twee blikken op hetzelfde verschil", "Te boeken (geld dat vrijkomt)",
                  "Vrijgekomen capaciteit (geen geld)", "lage betrouwbaarheid",
                  "Omslagwaarden: wanneer slaat het resultaat om?",
                  "De kosten van de kinderrechter"):
        assert words in text, words
    # the household bears the bijstand it no longer receives (a transfer: 0 for society)
    assert re.search(r"Huishouden € -4\.202 € -4\.202 investeert", text), \
        text[text.find("Twee blikken"):][:600]
    for sentence in switching_sentences(result):
        assert _flat(sentence[:-1]) in text, sentence
    assert c.transfers == pytest.approx(4201.58, abs=0.01)


def test_the_cli_text_summary_shows_both_views(ams, capsys):
    from effectencalculator.report.text_summary import summary_text
    case, _, result = ams
    text = summary_text(case, result)
    assert "Maatschappelijk en per financier (referentie − interventie)" in text
    assert re.search(r"Huishouden\s+€ -4\.202\s+€ -4\.202\s+investeert", text)
    assert re.search(r"Maatschappelijk \(overdrachten vallen weg\)\s+€ 35\.279", text)
    assert "Te boeken (geld dat vrijkomt)" in text and "Omslagwaarden" in text
    sv = switching_values(result)
    assert sv is not None and sv.shown_items
    assert item_switch_text(sv.shown_items[0])[1:] in text


def test_the_xlsx_has_a_sheet_with_both_views(ams, tmp_path):
    import openpyxl

    from effectencalculator.export.rows import case_sheets
    from effectencalculator.export.xlsx import write_xlsx
    case, table, result = ams
    target = tmp_path / "casus.xlsx"
    write_xlsx(case_sheets(case, result, table), target)
    book = openpyxl.load_workbook(target)
    rows = list(book["Maatschappij en financiers"].iter_rows(values_only=True))
    assert rows[0][:5] == ("blik", "netto (R − I)", "potentiële besparingen", "baten",
                           "overdrachten")
    by_view = {r[0]: r for r in rows[1:]}
    assert by_view[SOCIETAL][1] == pytest.approx(result.comparison.net_result)
    assert by_view["huishouden"][1] == pytest.approx(-4201.58, abs=0.01)
    assert by_view["huishouden"][4] == pytest.approx(-4201.58, abs=0.01)
    assert sum(r[1] for r in rows[2:] if r[1] is not None) == \
        pytest.approx(result.comparison.net_result)
    summary = {(r[0], r[2]): r[3] for r in book["Samenvatting"].iter_rows(values_only=True)}
    assert summary[("overdrachten", None)] == pytest.approx(4201.58, abs=0.01)
    assert ("besparingen naar boekbaarheid", "te boeken (cashable)") in summary


def test_berekening_shows_both_views_and_the_switching_values(qtbot, ctx):
    from test_ui_support import make_window
    win = make_window(qtbot, ctx, EXAMPLE_CASE)
    win.show()
    qtbot.waitExposed(win)
    win.show_section_titled("Berekening")
    win.results.recalculate_now()
    b = win.berekening
    result = win.results.live.result
    assert SOCIETAL in b.mkba_panel.views.text()
    assert "Te boeken" in b.mkba_panel.split.text()
    assert "lage betrouwbaarheid" in b.mkba_panel.confidence.text()
    first = switching_sentences(result)[0]
    assert first in b.switching_label.text().replace("&#x27;", "'")
    roles = [b.payer_model.cell(row, 7) for row in range(b.payer_model.rowCount())]
    assert "investeert (betaalt meer)" in roles and roles[-1] == "maatschappelijk"
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()  # let the layout take the wrapped heights
    b.grab().save("/tmp/mkba-berekening.png")
    win.doc.undo_stack.setClean()
    win.close()  # no visible window left for a later test
