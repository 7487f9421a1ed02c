"""The Word report, read back with python-docx: Heading styles, the key figures equal to
the calculation's and to the PDF's text, header and footer, core properties, charts as
images, the privacy gate of the ``report`` command, and LibreOffice opening it."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE_CASE, ROOT, cli
from pypdf import PdfReader

from effectencalculator.model.calculation import calculate
from effectencalculator.model.storage import load_case, save_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.report.build import build_report_pdf, report_content
from effectencalculator.report.content import SECTION_TITLES, KeyFigures
from effectencalculator.report.docx_writer import render_docx
from effectencalculator.report.format import format_euro

docx = pytest.importorskip("docx")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def document_text(document) -> str:
    """Paragraphs and every table cell, in order enough for ``in`` checks."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(c.text for c in row.cells))
    return flat("\n".join(parts))


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    case = load_case(request.param)
    table, _ = table_for_case(case)
    result = calculate(case, table)
    content = report_content(case, table, result=result)
    data = render_docx(content)
    document = docx.Document(io.BytesIO(data))
    return case, result, content, data, document


def test_section_headings_use_the_heading_styles(example):
    *_, content, _, document = example
    by_style: dict[str, list[str]] = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(flat(p.text))
    titles = [s.title for s in content.sections]
    assert by_style["Heading 1"] == [f"{n} {t}" for n, t in enumerate(titles, start=1)]
    assert set(titles) <= set(SECTION_TITLES.values())
    assert "Kerncijfers" in by_style["Heading 2"]
    assert "Bronnen" in by_style["Heading 2"]


def test_key_figures_equal_the_calculation_and_the_pdf(example):
    case, result, content, _, document = example
    text = document_text(document)
    c = result.comparison
    assert c is not None
    for figure in (c.net_result, c.besparingen, c.baten, c.investment):
        assert format_euro(figure) in text
    table, _ = table_for_case(case)
    pdf = " ".join(flat(page.extract_text()) for page in
                   PdfReader(io.BytesIO(build_report_pdf(case, table, result=result))).pages)
    figures = [f for s in content.sections for b in s.blocks if isinstance(b, KeyFigures)
               for f in b.figures]
    assert len(figures) >= 6
    for f in figures:
        value = flat(f.value)
        assert f"{flat(f.label)} {value}" in text, f.label
        assert value in pdf, f.label


def test_header_footer_page_field_charts_and_properties(example):
    case, _, content, _, document = example
    section = document.sections[0]
    assert "VERTROUWELIJK" in section.header.paragraphs[0].text
    footer_xml = section.footer._element.xml
    assert "Vertrouwelijk" in section.footer.paragraphs[0].text
    assert " PAGE " in footer_xml and "fldChar" in footer_xml
    assert section.different_first_page_header_footer
    images = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(images) >= 4  # timeline, payers, cumulative, tornado
    assert all(r.target_part.blob.startswith(b"\x89PNG") for r in images)
    props = document.core_properties
    info = case.info
    said = " ".join(str(v) for v in (props.title, props.author, props.subject,
                                     props.keywords, props.comments,
                                     props.last_modified_by, props.category))
    for private in (info.researcher, info.title):
        if private:
            assert private not in said
    assert props.author == "Effectencalculator" and info.code in props.title
    assert props.created.date() == content.meta.created
    assert "python-docx" not in said


@pytest.fixture
def no_list(tmp_path):
    path = tmp_path / "niet-exporteren.txt"
    path.write_text("", "utf-8")
    return {"EFFECTENCALCULATOR_NEVER_EXPORT": str(path)}


def test_report_command_writes_docx_and_refuses_privacy_findings(tmp_path, no_list):
    target = tmp_path / "rapport.docx"
    run = cli("report", EXAMPLE_CASE, "-o", target, env_extra=no_list)
    assert run.returncode == 0, run.stderr
    assert docx.Document(str(target)).paragraphs
    case = load_case(EXAMPLE_CASE)
    case.perspectives[0].text += " Bel haar op 06-12345678."
    leaky = tmp_path / "lek.yaml"
    save_case(case, leaky)
    refused_target = tmp_path / "lek.docx"
    refused = cli("report", leaky, "-o", refused_target, env_extra=no_list)
    assert refused.returncode == 1 and "--accept-privacy-findings" in refused.stderr
    assert not refused_target.exists()
    accepted = cli("report", leaky, "-o", refused_target, "--accept-privacy-findings",
                   env_extra=no_list)
    assert accepted.returncode == 0, accepted.stderr
    assert refused_target.read_bytes().startswith(b"PK")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_docx_to_pdf(tmp_path: Path):
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    source = tmp_path / "rapport.docx"
    source.write_bytes(render_docx(report_content(case, table)))
    run = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=240)
    pdf = tmp_path / "rapport.pdf"
    assert pdf.exists(), run.stderr
    pages = [flat(p.extract_text()) for p in PdfReader(str(pdf)).pages]
    assert len(pages) > 5
    assert "1 Samenvatting" in " ".join(pages)
    assert all("pagina" in page and "Vertrouwelijk" in page for page in pages[1:])


def test_report_command_honours_sections_in_the_docx(tmp_path, no_list):
    full, short = tmp_path / "vol.docx", tmp_path / "kort.docx"
    assert cli("report", EXAMPLE_CASE, "-o", full, env_extra=no_list).returncode == 0
    run = cli("report", EXAMPLE_CASE, "-o", short, "--sections", "alle,-per-jaar",
              env_extra=no_list)
    assert run.returncode == 0, run.stderr
    full_doc, short_doc = docx.Document(str(full)), docx.Document(str(short))
    note = "Weggelaten op verzoek van de onderzoeker: Tabel kosten per kalenderjaar."
    assert note in document_text(short_doc) and note not in document_text(full_doc)
    assert len(short_doc.tables) == len(full_doc.tables) - 1  # the per-year table


def test_number_cells_fit_their_column_without_wrapping(example):
    """A tariff like "€ 11.516,22" never wraps mid-number: every word of every
    right-aligned cell fits its column width (Arial ≈ Helvetica metrics, 1 mm
    margins); "€ 12" is one word (a no-break space)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    *_, document = example
    margins_pt = 2 * 57 / 20
    checked = 0
    for table in document.tables:
        grid = [col.width for col in table.columns]
        for row in table.rows[1:]:
            cells = row.cells
            if len({c._tc for c in cells}) < len(cells):
                continue  # a merged note or group row
            for cell, width in zip(cells, grid):
                p = cell.paragraphs[0]
                if p.alignment is None or p.alignment.name != "RIGHT" or not p.text:
                    continue
                bold = any(r.bold for r in p.runs)
                font = "Helvetica-Bold" if bold else "Helvetica"
                words = p.text.replace("\n", " ").split(" ")
                longest = max(stringWidth(word, font, 8) for word in words)
                assert longest + margins_pt <= width.pt, (p.text, width.pt)
                checked += 1
    assert checked > 50


def test_short_version_is_pdf_only(tmp_path, no_list):
    target = tmp_path / "kort.docx"
    run = cli("report", EXAMPLE_CASE, "-o", target, "--short", env_extra=no_list)
    assert run.returncode == 2
    assert "--short schrijft alleen PDF" in run.stderr
    assert not target.exists()


def test_a_total_row_label_reads_across_the_cells_before_its_amount(example):
    """As in the PDF: "Totaal", "waarvan …" and the transfer row span the empty cells
    up to their amount, so their labels do not wrap in a narrow first column."""
    _, result, _, _, document = example
    for s in result.scenarios.values():
        total = next(r for t in document.tables for r in t.rows
                     if flat(r.cells[0].text) == "Totaal"
                     and flat(r.cells[-2].text) == format_euro(s.total))
        cells = total.cells
        assert cells[0]._tc is cells[len(cells) - 3]._tc  # one merged cell
        assert cells[-3]._tc is not cells[-2]._tc
        assert flat(cells[-2].text) == format_euro(s.total)
