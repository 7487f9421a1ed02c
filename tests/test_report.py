"""The PDF case report, read back as a reader would: headings, figures, sources, marks,
metadata, reproducibility, atomic writing and the ``report`` command."""

from __future__ import annotations

import io
import os
import re
from datetime import date

import pytest
from conftest import EXAMPLE_CASE, case_yaml, cli, cli_process
from pypdf import PdfReader

from effectencalculator.model.calculation import calculate
from effectencalculator.model.storage import SaveError, load_case, load_table
from effectencalculator.model.tables import table_for_case
from effectencalculator.model.validation import InvalidInputError
from effectencalculator.report.build import build_report_pdf, report_content, write_report_pdf
from effectencalculator.report.content import SECTION_TITLES, case_sha256, report_date
from effectencalculator.report.format import format_euro, payer_label

SUBHEADINGS = ["Kerncijfers", "Resultaten per leefdomein in één oogopslag", "Tijdlijn",
               "Gebeurtenissen", "Kosten per financier", "Kosten in de tijd",
               "Per financier", "Per categorie", "Investering en opbrengst",
               "Gevoeligheid en bandbreedte", "Kostentabel", "Bronnen",
               "Aannames: kansen in de scenario's", "Methode in het kort", "Beperkingen",
               "Pseudonimisering", "Opslaggeschiedenis van de casus"]


def pdf_text(data: bytes) -> tuple[PdfReader, list[str]]:
    """The reader and each page's text with whitespace normalised (incl. no-break)."""
    reader = PdfReader(io.BytesIO(data))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def squeezed(text: str) -> str:
    """Without any whitespace: long URLs wrap inside table cells and bullets."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def example():
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    result = calculate(case, table)
    data = build_report_pdf(case, table)
    reader, pages = pdf_text(data)
    return case, table, result, data, reader, pages


def test_every_section_heading_is_in_the_pdf(example):
    *_, pages = example
    text = " ".join(pages)
    for number, title in enumerate(SECTION_TITLES.values(), start=1):
        assert f"{number} {title}" in text
    for heading in SUBHEADINGS:
        assert heading in text, heading


def test_cover_and_every_page_say_vertrouwelijk_and_page_x_of_y(example):
    _case, *_, pages = example
    assert "Vertrouwelijk" in pages[0] or "VERTROUWELIJK" in pages[0]
    assert "Casus PT-AMS-014" in pages[0] and "Amsterdam-Amstelland" in pages[0]
    assert "nl-jeugd-gezin, versie 2025.1" in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert "VERTROUWELIJK" in page and "Casus PT-AMS-014" in page
        assert f"pagina {number} van {len(pages)}" in page


def test_totals_and_comparison_figures_equal_the_calculation(example):
    _, _, result, _, _, pages = example
    text = " ".join(pages)
    c = result.comparison
    ref, itv = result.scenarios[c.reference], result.scenarios[c.intervention]
    for figure in (itv.total, ref.total, c.besparingen, c.baten, c.net_result,
                   c.investment, itv.by_kind["inzet"], ref.by_kind["effect"]):
        assert format_euro(figure) in text
    assert format_euro(c.return_per_euro, 2) in text
    # Per payer, as whole table rows: besparingen, baten and net ...
    for payer, net in c.by_payer.items():
        row = (f"{payer_label(payer)} {format_euro(c.besparingen_by_payer.get(payer, 0))} "
               f"{format_euro(c.baten_by_payer.get(payer, 0))} {format_euro(net)}")
        assert row in text, row
        # ... and the cost per payer in both scenarios.
        row = (f"{payer_label(payer)} {format_euro(itv.by_payer.get(payer, 0))} "
               f"{format_euro(ref.by_payer.get(payer, 0))} {format_euro(net)}")
        assert row in text, row
    totals = (f"Totaal {format_euro(c.besparingen)} {format_euro(c.baten)} "
              f"{format_euro(c.net_result)}")
    assert totals in text


def test_every_line_cost_and_the_scenario_totals_are_in_the_line_tables(example):
    _, _, result, _, _, pages = example
    text = " ".join(pages)
    for s in result.scenarios.values():
        for line in s.lines:
            assert format_euro(line.cost) in text
        assert f"Totaal {format_euro(s.total)}" in text


def test_every_source_url_of_a_used_item_is_listed(example):
    _, table, result, *_, pages = example
    text = squeezed(" ".join(pages))
    urls = {table.sources[source].url for p in result.items.values() if not p.custom
            for source in p.item.source}
    assert len(urls) > 10
    for url in urls:
        assert squeezed(url) in text, url
    # the case's own item shows its source note and is marked
    assert "Oppas tijdens gesprekken *" in " ".join(pages)
    assert squeezed("Eigen posten van deze casus") in text


def test_probability_notes_stand_next_to_their_lines(example):
    *_, pages = example
    text = " ".join(pages)
    assert "Kans 70%: Ondertoezichtstelling van de drie kinderen" in text
    assert "Kans 35%: Uithuisplaatsing Kind 1" in text
    assert "potentiële besparing" in text and "geen kasstroom" in text
    # the range and the sensitivity are shown, no longer announced as "not yet"
    assert "nog geen bandbreedte" not in text and "nog niet beschikbaar" not in text
    assert "Bandbreedte netto resultaat (P10–P90)" in text
    assert "Gevoeligheid van het netto resultaat per regel" in text


def test_dutch_characters_and_fonts_are_embedded(example):
    *_, _data, reader, pages = example
    text = " ".join(pages)
    for word in ("Potentiële", "geïnvesteerde", "één", "€ 35.541", "↑ verbeterd", "→"):
        assert word in text, word
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] \
                if "/DescendantFonts" in font else font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVuSerif" in f for f in fonts) and any("DejaVuSans" in f for f in fonts)


def test_metadata_holds_title_case_code_and_content_hash(example):
    case, _, _, _, reader, _ = example
    meta = reader.metadata
    assert meta.title == "Casusrapport PT-AMS-014 — Gezin Noordhoek"
    assert "PT-AMS-014" in meta.subject
    assert "PT-AMS-014" in meta["/Keywords"]
    assert f"casus-sha256:{case_sha256(case)}" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20260618")  # the session date


def test_same_input_gives_identical_bytes_and_the_date_is_fixed(example):
    case, table, *_ = example
    first = build_report_pdf(case, table)
    assert build_report_pdf(case.copy(), table) == first
    assert report_date(case) == date(2026, 6, 18)
    other = build_report_pdf(case, table, created=date(2026, 9, 1))
    assert other != first and "1 september 2026" in " ".join(pdf_text(other)[1])


def test_report_date_prefers_the_last_save(example):
    case = example[0].copy()
    from effectencalculator.model.case import HistoryEntry
    case.history.append(HistoryEntry(time="2026-07-02T10:00:00+00:00"))
    case.history.append(HistoryEntry(time="2026-08-03T09:00:00+00:00", program_version="0.1.0",
                                     cost_table="nl-jeugd-gezin", cost_table_version="2024.1",
                                     cost_table_sha256="ab" * 32))
    assert report_date(case) == date(2026, 8, 3)
    _, pages = pdf_text(build_report_pdf(case, example[1]))
    text = squeezed(" ".join(pages))
    assert squeezed("2026-08-03T09:00:00+00:00") in text and "ab" * 32 in text


def test_unpriced_and_empty_sections_are_shown_not_hidden(write_case, table_path):
    path = write_case(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: 10, date: 2024-03-01, approach_cost: true}
        - id: referentie
          role: reference
          lines:
            - {item: OTS, quantity: 1, start: 2024-03-01, end: 2025-02-28, probability: 0.8}
            - {item: ONBEKEND, quantity: 2, date: 2024-05-01, note: Nog uitzoeken.}
        """))
    case, table = load_case(path), load_table(table_path)
    _, pages = pdf_text(build_report_pdf(case, table))
    text = " ".join(pages)
    assert "ONBEKEND" in text and "niet geprijsd" in text
    assert "Niet geprijsd: post 'ONBEKEND' staat niet in de kostentabel" in text
    assert "1 regel(s) niet geprijsd" in text
    for empty in ("Het verhaal van het gezin is niet ingevuld.",
                  "Er zijn geen perspectieven ingevuld.",
                  "Er zijn geen resultaten per leefdomein ingevuld.",
                  "Gezinssamenstelling niet ingevuld."):
        assert empty in text, empty
    assert "Kans 80%: geen toelichting bij deze kans ingevuld." in text


def test_discounting_shows_undiscounted_lines_and_a_reconciliation(write_case, table_path):
    path = write_case(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: 10, date: 2025-03-01}
        - id: referentie
          role: reference
          lines:
            - {item: OTS, quantity: 1, start: 2024-07-01, end: 2025-06-30}
        """, settings="discount_rate: 0.0225"))
    case, table = load_case(path), load_table(table_path)
    result = calculate(case, table)
    _, pages = pdf_text(build_report_pdf(case, table))
    text = " ".join(pages)
    ref = result.scenarios["referentie"]
    assert ref.total < ref.undiscounted_total
    assert f"Som van de regels (zonder discontering) {format_euro(ref.undiscounted_total)}" \
        in text
    assert (f"Aansluiting: discontering 2,25% per jaar vanaf 2024 "
            f"{format_euro(ref.total - ref.undiscounted_total)}") in text
    assert f"Totaal (meegeteld) {format_euro(ref.total)}" in text
    assert format_euro(ref.lines[0].cost) in text  # the line shows its undiscounted cost


def test_write_is_atomic_and_reports_progress(example, tmp_path, monkeypatch):
    case, table, *_ = example
    target = tmp_path / "rapport.pdf"
    steps: list[tuple[float, str]] = []
    write_report_pdf(case, table, target, progress=lambda f, m: steps.append((f, m)))
    assert target.read_bytes().startswith(b"%PDF")
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert {"Berekenen", "Opmaken", "Klaar"} <= {m for _, m in steps}

    old = target.read_bytes()

    def broken_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SaveError):
        write_report_pdf(case, table, target, created=date(2027, 1, 1))
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf"]


def test_invalid_case_raises_and_writes_nothing(write_case, table_path, tmp_path):
    path = write_case(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: 10, date: 2024-03-01}
        """, settings="price_year: 2031"))
    target = tmp_path / "rapport.pdf"
    with pytest.raises(InvalidInputError):
        write_report_pdf(load_case(path), load_table(table_path), target)
    assert not target.exists()


def test_content_model_keeps_charts_for_the_gui(example):
    case, table, result, *_ = example
    content = report_content(case, table)
    assert content.payer_series.values[0] == [
        result.scenarios["interventie"].by_payer.get(p, 0.0)
        for p in ("gemeente", "rijk", "zorgverzekeraar", "werkgever", "huishouden")]
    assert [s.id for s in content.cumulative_series.series] == ["interventie", "referentie"]
    assert [lane.id for lane in content.timeline.lanes] == ["events", "interventie",
                                                            "referentie"]


def test_checked_frame_reports_a_flowable_wider_than_the_page():
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Spacer

    from effectencalculator.report.content import ReportContent  # noqa: F401
    from effectencalculator.report.pdf import FRAME_H, FRAME_W, _CheckedFrame

    frame = _CheckedFrame(0, 0, FRAME_W, FRAME_H, leftPadding=0, rightPadding=0)
    frame.overflows = []
    frame.add(Spacer(FRAME_W + 50, 10), Canvas(io.BytesIO()))
    assert len(frame.overflows) == 1


# ---------------------------------------------------------------------------- CLI

def test_cli_report_is_byte_identical_across_processes(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    run = cli_process("report", EXAMPLE_CASE, "-o", first, env_extra={"PYTHONHASHSEED": "1"})
    assert run.returncode == 0, run.stderr
    assert "rapport geschreven" in run.stdout
    run = cli_process("report", EXAMPLE_CASE, "-o", second,
                      env_extra={"PYTHONHASHSEED": "2"})
    assert run.returncode == 0, run.stderr
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"%PDF")


def test_cli_report_date_and_table_options(tmp_path, table_path, write_case):
    path = write_case(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: 10, date: 2024-03-01}
        """))
    target = tmp_path / "r.pdf"
    run = cli("report", path, "--table", table_path, "--date", "2025-03-03", "-o", target)
    assert run.returncode == 0, run.stderr
    reader, pages = pdf_text(target.read_bytes())
    assert "3 maart 2025" in pages[0] and "test-tabel, versie 1.0" in pages[0]
    assert reader.metadata["/CreationDate"].startswith("D:20250303")
    run = cli("report", path, "--table", table_path, "--date", "3-3-2025", "-o", target)
    assert run.returncode == 2 and "geen datum" in run.stderr


def test_cli_invalid_case_exits_2_with_a_message_and_leaves_no_pdf(tmp_path, write_case):
    path = write_case(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: -2, date: 2024-03-01}
        """))
    target = tmp_path / "rapport.pdf"
    run = cli("report", path, "-o", target)
    assert run.returncode == 2
    assert "scenarios[0].lines[0].quantity" in run.stderr and "casus.yaml" in run.stderr
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")] == []


def test_cli_unwritable_output_exits_1_and_leaves_nothing(tmp_path):
    target = tmp_path / "bestaat-niet" / "rapport.pdf"
    run = cli("report", EXAMPLE_CASE, "-o", target)
    assert run.returncode == 1 and "opslaan mislukt" in run.stderr
    assert not target.parent.exists()
