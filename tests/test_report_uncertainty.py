"""The case report with its uncertainty: the P10–P90 interval beside the deterministic
estimate, "onzeker: ongeveer gelijk" instead of a saving when the interval contains zero,
the sensitivity table and tornado chart, and the privacy statement — read back from the
PDF as a reader would."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from conftest import EXAMPLE_CASE, ROOT
from pypdf import PdfReader

from effectencalculator.model.calculation import calculate
from effectencalculator.model.privacy import KIND_LABELS, check_privacy
from effectencalculator.model.sensitivity import sensitivity
from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.model.uncertainty import DEFAULT_DRAWS, DEFAULT_SEED, simulate
from effectencalculator.report.build import build_report_pdf, report_content, write_report_pdf
from effectencalculator.report.content import KeyFigures, TableBlock, all_text
from effectencalculator.report.content_sections import privacy_location
from effectencalculator.report.format import format_euro, format_number, format_percent

UNCERTAIN_CASE = ROOT / "examples" / "pt-gld-047-van-der-veen.yaml"


def pdf_pages(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def page_of(pages: list[str], heading: str) -> str:
    """The text of the page that starts a numbered section."""
    return next(p for p in pages if re.search(rf"\d {re.escape(heading)}", p))


def between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i:text.index(end, i)]


def priced(path):
    case = load_case(path)
    table, _ = table_for_case(case)
    return case, table, calculate(case, table)


@pytest.fixture(scope="module")
def certain():
    case, table, result = priced(EXAMPLE_CASE)
    data = build_report_pdf(case, table)
    return case, table, result, simulate(result), data, pdf_pages(data)


@pytest.fixture(scope="module")
def uncertain():
    case, table, result = priced(UNCERTAIN_CASE)
    data = build_report_pdf(case, table)
    return case, table, result, simulate(result), data, pdf_pages(data)


# ---------------------------------------------------------------------------- interval

def test_p10_p50_p90_printed_equal_the_simulation(certain):
    _, _, result, u, _, pages = certain
    text = " ".join(pages)
    c = result.comparison
    assert (u.draws, u.seed) == (DEFAULT_DRAWS, DEFAULT_SEED)
    assert f"Bandbreedte over {format_number(DEFAULT_DRAWS)} trekkingen (seed {DEFAULT_SEED})" \
        in text
    for label, deterministic, interval in (
            ("Netto maatschappelijk resultaat", c.net_result, u.net_result),
            ("Potentiële besparingen (inzet)", c.besparingen, u.besparingen),
            ("Baten (effecten)", c.baten, u.baten)):
        row = " ".join([label] + [format_euro(v) for v in (
            deterministic, interval.mean, interval.p10, interval.p50, interval.p90)])
        assert row in text, row
    assert f"{format_percent(u.share_intervention_cheaper)} van de trekkingen" in text


def test_samenvatting_shows_estimate_and_interval_side_by_side(certain):
    _, _, result, u, _, pages = certain
    summary = page_of(pages, "Samenvatting")
    net = format_euro(result.comparison.net_result)
    interval = f"{format_euro(u.net_result.p10)} tot {format_euro(u.net_result.p90)}"
    assert re.search(rf"Netto resultaat {re.escape(net)} puntschatting "
                     rf"Bandbreedte netto resultaat \(P10–P90\) {re.escape(interval)}", summary)
    assert f"Kans interventie goedkoper {format_percent(u.share_intervention_cheaper)}" \
        in summary
    assert "nog niet beschikbaar" not in summary
    # Not uncertain: the saving is presented, and nothing on the page says "onzeker".
    assert not u.uncertain and "onzeker" not in summary
    assert f"Potentiële besparingen {format_euro(result.comparison.besparingen)}" in summary


def test_the_text_says_the_model_mean_can_differ_from_the_estimate(certain):
    _, _, result, u, _, pages = certain
    text = " ".join(pages)
    assert u.analytic_mean_net_result != pytest.approx(result.comparison.net_result, rel=1e-3)
    assert (f"Het gemiddelde onder het onzekerheidsmodel "
            f"({format_euro(u.analytic_mean_net_result)}; gemiddelde van de trekkingen "
            f"{format_euro(u.net_result.mean)}) kan afwijken van de puntschatting "
            f"({format_euro(result.comparison.net_result)})") in text
    assert "niet altijd symmetrisch" in text
    # the method: triangular per item shared by its lines, Bernoulli per line
    assert "driehoeksverdeling" in text and "Bernoulli" in text
    assert "dat tarief geldt voor alle regels en scenario's die de post gebruiken" in text


def test_an_interval_containing_zero_is_reported_as_uncertain_not_as_a_saving(uncertain):
    case, table, result, u, _, pages = uncertain
    c = result.comparison
    assert u.uncertain, "pt-gld-047 with the default table: P10–P90 contains zero"
    summary = page_of(pages, "Samenvatting")
    assert "Onzeker: ongeveer gelijk" in summary
    assert "presenteert geen besparing" in summary and "ongeveer de helft" in summary
    for label in ("Netto resultaat", "Potentiële besparingen", "Baten", "Opbrengst per euro"):
        assert f"{label} onzeker" in summary, label
    assert (f"{format_euro(u.net_result.p10)} tot {format_euro(u.net_result.p90)} bevat nul"
            in summary)
    # the point estimates stay traceable, but never as a saving
    assert f"puntschatting {format_euro(c.besparingen)}" in summary
    text = " ".join(pages)
    assert not re.search(r"Potentiële besparingen €", text)
    assert "Potentiële besparingen, baten en netto per financier" not in text
    assert f"Totaal (onzeker: ongeveer gelijk) {format_euro(c.besparingen)}" in text
    difference = page_of(pages, "Verschil en gevoeligheid")
    assert difference.count("Onzeker: ongeveer gelijk") == 1
    assert f"Netto maatschappelijk resultaat onzeker: ongeveer gelijk (puntschatting " \
           f"{format_euro(c.net_result)})" in text
    # the content model says the same: no key figure of the difference is an amount
    content = report_content(case, table)
    figures = next(b for b in content.section("samenvatting").blocks
                   if isinstance(b, KeyFigures)).figures
    values = {f.label: f.value for f in figures}
    assert values["Netto resultaat"] == values["Potentiële besparingen"] == \
        values["Baten"] == values["Opbrengst per euro"] == "onzeker"


# ---------------------------------------------------------------------------- sensitivity

def test_sensitivity_table_ranks_the_lines_and_lists_the_top_item(certain):
    case, table, result, _, _, pages = certain
    swings = sensitivity(result)
    top = swings[0]
    text = " ".join(pages)
    # the scenario by its name, as everywhere in the report (not its id)
    label = case.scenario(top.scenario_id).label or top.scenario_id
    assert f"1 {label} {top.item_name}" in text
    content = report_content(case, table)
    block = next(b for b in content.section("verschil").blocks
                 if isinstance(b, TableBlock) and b.key == "gevoeligheid")
    assert [c.title for c in block.columns] == ["Nr", "Scenario", "Post (regel)",
                                                "Tarief laag", "Tarief hoog", "Kans 0%",
                                                "Kans 100%", "Spreiding"]
    moving = [s for s in swings if s.spread > 0]
    assert len(block.rows) == min(15, len(moving))
    for rank, (row, swing) in enumerate(zip(block.rows, moving), start=1):
        assert row.cells[0] == str(rank)
        assert row.cells[1] == (case.scenario(swing.scenario_id).label or swing.scenario_id)
        assert row.cells[2].startswith(swing.item_name)
        assert row.cells[7] == format_euro(swing.spread)
        for cell, value in zip(row.cells[3:7], (swing.tariff_low, swing.tariff_high,
                                                swing.probability_zero,
                                                swing.probability_one)):
            if value is None:
                assert cell == "—"
            else:
                assert cell.endswith(format_euro(abs(value)))
    # an item with a range shows its tariff variations, one without shows "—"
    assert any(r.cells[3] != "—" for r in block.rows)
    assert any(r.cells[3] == "—" for r in block.rows)
    assert format_euro(top.spread) in text


def test_tornado_chart_stands_alone_and_renders_to_svg(certain):
    from reportlab.graphics import renderSVG

    from effectencalculator.report.charts import tornado_chart

    case, table, result, *_ = certain
    content = report_content(case, table)
    series = content.tornado_series
    top = sensitivity(result)[0]
    assert series.base == result.comparison.net_result
    assert series.bars[0].label == top.item_name and len(series.bars) == 15
    drawing = tornado_chart(series, 480)
    assert drawing.width == 480
    svg = renderSVG.drawToString(drawing)
    assert svg.lstrip().startswith("<?xml")
    assert top.item_name in svg
    assert f"puntschatting {format_euro(result.comparison.net_result)}" in svg
    assert "Netto maatschappelijk resultaat in euro" in svg
    assert "stroke-dasharray" in svg  # the zero line, readable in grayscale
    # the same drawing from the whole content, at a fixed size
    assert (tornado_chart(content, 400, 300).width, tornado_chart(content, 400, 300).height) \
        == (400, 300)
    # and in the PDF as figure 4
    assert "Figuur 4. Gevoeligheid: het netto resultaat per regel" in " ".join(certain[-1])


def test_no_comparison_means_no_interval_and_no_tornado(write_case, table_path):
    from conftest import case_yaml

    from effectencalculator.model.storage import load_table

    path = write_case(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: 10, date: 2024-03-01}
        """))
    case, table = load_case(path), load_table(table_path)
    content = report_content(case, table)
    assert content.uncertainty is None and content.tornado_series is None
    text = " ".join(pdf_pages(build_report_pdf(case, table)))
    assert "geen bandbreedte en geen gevoeligheid te berekenen" in text


# ---------------------------------------------------------------------------- privacy

@pytest.fixture(scope="module")
def planted():
    case, table, _ = priced(EXAMPLE_CASE)
    case = case.copy()
    case.narrative.summary += "\n\nMoeder is te bereiken op 06-12345678."
    case.perspectives[0].quotes.append("Mevrouw Zwanenburg van school belde elke week.")
    never = ["Zwanenburg"]
    first = check_privacy(case, never)
    phone = next(f for f in first.findings if f.kind == "telefoon")
    case.settings.privacy_accepted = [phone.key]
    status = check_privacy(case, never)
    return case, table, status


def test_privacy_statement_names_location_and_kind_never_the_text(planted):
    case, table, status = planted
    assert len(status.findings) == 2 and len(status.accepted) == 1 and len(status.open) == 1
    content = report_content(case, table, privacy=status)
    section = content.section("verantwoording")
    texts = " ".join(all_text(type(content)(content.cover, [section], content.meta,
                                            content.payer_series, content.cumulative_series,
                                            content.timeline)))
    for finding in status.findings:
        assert finding.text not in texts, finding.text
        assert privacy_location(finding.path) in texts
        assert KIND_LABELS[finding.kind] in texts
    assert "06-12345678" not in texts and "Zwanenburg" not in texts

    pages = pdf_pages(build_report_pdf(case, table, privacy=status))
    text = " ".join(pages)
    statement = between(text, "Privacycontrole Voor dit rapport", "Opslaggeschiedenis")
    assert "is de privacycontrole uitgevoerd" in statement
    for kind in ("volledige geboortedata", "postcodes", "telefoonnummers", "e-mailadressen",
                 "BSN-achtige nummers", "straatnamen met huisnummer",
                 "niet-exporteren-lijst"):
        assert kind in statement, kind
    assert ("De controle vond 2 mogelijk herleidbare gegevens; daarvan is 1 bewust "
            "geaccepteerd") in statement
    assert "en staat 1 nog open" in statement
    assert "verhaal, samenvatting (narrative.summary) telefoonnummer geaccepteerd" in statement
    assert "woord van de eigen niet-exporteren-lijst open" in statement
    for finding in status.findings:
        assert finding.text not in statement
    # the accepted texts are still in the case itself (the researcher accepted them) ...
    assert "06-12345678" in text
    # ... but the Verantwoording never repeats them


def test_privacy_statement_without_a_check_and_when_clean(certain, tmp_path):
    case, table, *_ = certain
    text = " ".join(certain[-1])
    assert "De privacycontrole is voor dit rapport niet uitgevoerd" in text
    clean = check_privacy(case, [])
    assert clean.clean and not clean.findings
    target = tmp_path / "rapport.pdf"
    write_report_pdf(case, table, target, privacy=clean)
    text = " ".join(pdf_pages(target.read_bytes()))
    assert "is de privacycontrole uitgevoerd" in text and "De controle vond niets." in text
    # existing positional callers keep working
    assert build_report_pdf(case, table, date(2026, 6, 18), None) == certain[4]


def test_privacy_location_is_made_from_the_path_alone():
    assert privacy_location("perspectives[0].quotes[1]") == \
        "perspectief 1, citaat 2 (perspectives[0].quotes[1])"
    assert privacy_location("scenarios[1].lines[3].note") == \
        "scenario 2, regel 4, toelichting (scenarios[1].lines[3].note)"


# ---------------------------------------------------------------------------- reproducible

def test_same_input_gives_identical_bytes_with_the_interval(uncertain, planted):
    case, table, *_, data, _ = uncertain
    assert build_report_pdf(case.copy(), table) == data
    case, table, status = planted
    assert build_report_pdf(case, table, privacy=status) == \
        build_report_pdf(case.copy(), table, privacy=status)
