"""The researcher's conclusion (narrative.conclusion, FORMATS 1.1): typed in Verhaal,
saved, and printed in the report under its own heading."""

from __future__ import annotations

from conftest import EXAMPLE_CASE
from pypdf import PdfReader
from test_ui_support import make_window

from effectencalculator.model.storage import load_case, save_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.report.build import write_report_pdf


def test_conclusion_typed_in_verhaal_is_saved_and_undoable(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    doc = window.doc
    qtbot.keyClicks(window.verhaal.conclusion, "De snelle hulp voorkwam een OTS.")
    assert doc.case.narrative.conclusion == "De snelle hulp voorkwam een OTS."
    path = tmp_path / "casus.yaml"
    save_case(doc.case, path)
    assert load_case(path).narrative.conclusion == "De snelle hulp voorkwam een OTS."
    doc.undo_stack.undo()
    assert doc.case.narrative.conclusion == ""
    assert window.verhaal.conclusion.toPlainText() == ""


def test_conclusion_has_its_own_heading_in_the_report(tmp_path):
    case = load_case(EXAMPLE_CASE)
    case.narrative.conclusion = "Eerste alinea van de conclusie.\n\nTweede alinea."
    table, _ = table_for_case(case)
    out = tmp_path / "rapport.pdf"
    write_report_pdf(case, table, out)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Conclusie van de onderzoeker Eerste alinea van de conclusie. Tweede alinea." in text

    case.narrative.conclusion = ""
    write_report_pdf(case, table, out)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Conclusie van de onderzoeker" not in text


def test_every_reading_is_printed_beside_its_outcome_and_disagreement_is_marked(tmp_path):
    from effectencalculator.model.case import Outcome, Reading

    case = load_case(EXAMPLE_CASE)
    case.outcomes = [Outcome(domain="veiligheid", direction="verbeterd", scale="zrm",
                             agreed=False,
                             readings=[Reading("Moeder", 2, 4),
                                       Reading("Jeugdbeschermer", 1, 3, "na het incident"),
                                       Reading("Kind 1", 3, 3)]),
                     Outcome(domain="school", direction="gelijk")]
    table, _ = table_for_case(case)
    out = tmp_path / "rapport.pdf"
    write_report_pdf(case, table, out)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Hoe ieder het ziet" in text
    assert "veiligheid (niet eens) ZRM 1–5 Moeder 2 4 +2" in text
    assert "Jeugdbeschermer 1 3 +2 na het incident" in text
    assert "Kind 1 3 3 0" in text
    assert text.count("(niet eens)") == 2  # in the outcomes table and beside the readings

    case.outcomes[0].agreed = None
    case.outcomes[0].readings = []
    write_report_pdf(case, table, out)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Hoe ieder het ziet" not in text and "niet eens" not in text
