"""The short version for stakeholders (``report --short``): at most four pages for every
example and for a case with very long texts, the key figures those of the calculation
and of the full report, nothing in it (no amount) that the full report does not hold,
the same privacy gate, and no choice of sections."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import EXAMPLE_CASE, ROOT, cli
from pypdf import PdfReader

from effectencalculator.model.calculation import calculate
from effectencalculator.model.case import Outcome, Reading
from effectencalculator.model.storage import load_case, save_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.model.uncertainty import simulate
from effectencalculator.report.build import build_report_pdf
from effectencalculator.report.figures_mkba import SOCIETAL, SOCIETAL_UNSURE
from effectencalculator.report.format import format_euro
from effectencalculator.report.short import BUDGETS, MAX_PAGES, cut_words, shortened_paragraphs
from effectencalculator.report.short_pdf import build_short_pdf, render_short_pdf

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.replace("\u00a0", " ").split())


def amounts(text: str) -> set[str]:
    return set(re.findall(r"€ -?[\d.]+(?:,\d+)?", text))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_fits_four_pages_with_the_calculations_figures(path, tmp_path):
    out = tmp_path / "kort.pdf"
    run = cli("report", path, "-o", out, "--short", "--accept-privacy-findings")
    assert run.returncode == 0, run.stderr
    assert "korte versie geschreven" in run.stdout
    pages, short = pdf_text(out.read_bytes())
    assert pages <= MAX_PAGES

    case = load_case(path)
    table, _ = table_for_case(case)
    result = calculate(case, table)
    c = result.comparison
    assert c is not None
    u = simulate(result)
    _, full = pdf_text(build_report_pdf(case, table, result=result, uncertainty=u))
    expected = [format_euro(u.net_result.p10), format_euro(u.net_result.p90),
                format_euro(c.investment), format_euro(c.net_result)]
    expected += [format_euro(s.total) for s in result.scenarios.values()]
    expected += [format_euro(v) for v in c.by_payer.values()]  # the view per payer
    if not u.uncertain:
        expected += [format_euro(c.besparingen), format_euro(c.baten)]
    for figure in expected:
        assert figure in short, figure
        assert figure in full, figure
    if u.uncertain:
        assert "onzeker" in short and "Onzeker: ongeveer gelijk" in short
    else:
        assert "Oordeel: interventie waarschijnlijk" in short
    # the societal row in the words of report/figures_mkba ('onzeker' when uncertain)
    assert (SOCIETAL_UNSURE if u.uncertain else SOCIETAL) in short
    # nothing in it that is not in the full report: every amount is one the full prints
    assert amounts(short) and amounts(short) <= amounts(full)
    for part in ("Het verhaal in het kort", "Kerncijfers", "Resultaten per leefdomein",
                 "Wanneer slaat het resultaat om?", "Het volledige rapport en de bronnen",
                 "hoofdstuk 7, Verantwoording"):
        assert part in short, part
    assert "Perspectieven" not in short.split("Het volledige rapport en de bronnen")[0]


def test_top_three_switching_values_are_rows_of_the_full_report():
    """PT-GLD-047: the tariff of GGZ-opname must move 56% (factor 1,56), the chance of
    its line 32 points (35% → 67%) and of the first informal-care line 48 points: the
    nearest three of the full report's six rows are its rows 1, 4 and 5."""
    case = load_case(ROOT / "examples" / "pt-gld-047-van-der-veen.yaml")
    table, _ = table_for_case(case)
    result = calculate(case, table)
    from effectencalculator.report.content import build_content
    from effectencalculator.report.short import build_short_content
    full = build_content(case, result, table)
    short = build_short_content(case, result, full)
    rows = next(b for s in short.sections for b in s.blocks
                if getattr(b, "key", "") == "kort-omslagwaarden").rows
    full_rows = next(b for s in full.sections for b in s.blocks
                     if getattr(b, "key", "") == "omslagwaarden").rows
    assert len(full_rows) == 6
    assert rows == [full_rows[0], full_rows[3], full_rows[4]]
    assert "× 1,56" in rows[0].cells[1] and rows[1].cells[1] == "67%"


def test_readings_and_conclusion_are_in_the_short_version():
    case = load_case(EXAMPLE_CASE)
    case.outcomes[0] = Outcome(domain="veiligheid", direction="verbeterd", scale="zrm",
                               end="Geen nieuwe incidenten.", agreed=False,
                               readings=[Reading("Moeder", 2, 4),
                                         Reading("Jeugdbeschermer", 1, 3, "na het incident")])
    case.narrative.conclusion = "De snelle hulp voorkwam een OTS.\n\nTweede alinea."
    table, _ = table_for_case(case)
    pages, text = pdf_text(build_short_pdf(case, table))
    assert pages <= MAX_PAGES
    assert "Hoe ieder het ziet" in text
    assert "Moeder: 2 → 4; Jeugdbeschermer: 1 → 3 (ZRM 1–5)" in text
    assert "↑ verbeterd (niet eens)" in text
    assert "Conclusie van de onderzoeker De snelle hulp voorkwam een OTS. Tweede alinea." \
        in text
    assert "Ingekort" in text  # the examples' story is longer than the short version's


def long_case():
    case = load_case(EXAMPLE_CASE)
    sentence = "Dit is een lange zin over wat het gezin meemaakte en wat er gebeurde. "
    endless = " ".join(["woorden zonder einde"] * 700)
    case.narrative.summary = "\n\n".join([endless, sentence * 200, sentence * 200])
    case.narrative.conclusion = "\n\n".join([sentence * 150] * 6)
    case.info.title = "Gezin " + "Heel-Lange-Naam " * 40
    case.outcomes = [Outcome(domain=f"domein {i}", direction="verbeterd", end=endless,
                             scale="0-10", agreed=False,
                             readings=[Reading(f"Betrokkene {j} " + "lang " * 30, 1, 9, endless)
                                       for j in range(9)])
                     for i in range(25)]
    return case


def test_a_case_with_long_texts_is_shortened_to_four_pages(tmp_path):
    case = long_case()
    table, _ = table_for_case(case)
    pages, text = pdf_text(build_short_pdf(case, table))
    assert pages <= MAX_PAGES
    assert "…" in text
    assert "Ingekort; het verhaal staat volledig in het volledige rapport, hoofdstuk 2, " \
           "Het verhaal van het gezin." in text
    assert "En nog" in text and "zie het volledige rapport" in text
    # the first budget alone would not fit: the tighter one is what keeps it to four
    from effectencalculator.report.content import build_content
    from effectencalculator.report.short import build_short_content
    result = calculate(case, table)
    first = build_short_content(case, result, build_content(case, result, table),
                                budget=BUDGETS[0])
    assert render_short_pdf(first)[1] > MAX_PAGES


def test_text_helpers_cut_with_an_ellipsis():
    assert cut_words("Een twee drie.", 10) == ("Een twee drie.", False)
    assert cut_words("Een twee. Drie vier vijf zes", 5) == ("Een twee. …", True)
    assert cut_words("een twee drie vier", 2) == ("een twee …", True)
    texts, cut = shortened_paragraphs("A b c.\n\nD e f g h i.", 5)
    assert cut and texts == ["A b c. …"]  # the next paragraph left out, marked


def test_short_with_sections_is_a_dutch_error(tmp_path):
    out = tmp_path / "kort.pdf"
    run = cli("report", EXAMPLE_CASE, "-o", out, "--short", "--sections", "verhaal")
    assert run.returncode == 2
    assert "--short en --sections gaan niet samen" in run.stderr
    assert not out.exists()


def test_short_version_has_the_privacy_gate(tmp_path):
    case = load_case(EXAMPLE_CASE)
    case.narrative.summary += "\n\nHet gezin woont op Kerkstraat 12a, 1234 AB."
    path = tmp_path / "casus.yaml"
    save_case(case, path)
    out = tmp_path / "kort.pdf"
    run = cli("report", path, "-o", out, "--short")
    assert run.returncode == 1
    assert "privacycontrole" in run.stderr
    assert not out.exists()
    run = cli("report", path, "-o", out, "--short", "--accept-privacy-findings")
    assert run.returncode == 0, run.stderr
    _, text = pdf_text(out.read_bytes())
    assert "bewust geaccepteerd" in text


def test_same_case_gives_the_same_bytes():
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    assert build_short_pdf(case, table) == build_short_pdf(case, table)


def test_pdf_metadata_names_the_short_version(tmp_path: Path):
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    reader = PdfReader(io.BytesIO(build_short_pdf(case, table)))
    assert reader.metadata.title.startswith("Korte versie casusrapport PT-AMS-014")
