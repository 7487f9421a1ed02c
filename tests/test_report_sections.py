"""Choice of sections in the full report (``report --sections``, ``omit=`` in the API):
what is left out is gone from the PDF, the Verantwoording names it, required parts stay,
an unknown name is refused in Dutch with the valid names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import EXAMPLE_CASE, cli
from pypdf import PdfReader

from effectencalculator.report.content import (
    REPORT_SECTIONS,
    REQUIRED_SECTIONS,
    check_omitted,
    parse_sections,
)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_parse_sections_includes_or_excludes():
    everything_else = set(REPORT_SECTIONS) - {"verhaal", "kosten"}
    assert parse_sections("verhaal, kosten") == everything_else
    assert parse_sections("alle,-per-jaar,-bronnen") == {"per-jaar", "bronnen"}
    assert parse_sections("alle") == frozenset()
    # naming a required part among the parts to print is allowed (it is always there)
    assert parse_sections("samenvatting,verhaal") == set(REPORT_SECTIONS) - {"verhaal"}


@pytest.mark.parametrize("text, words", [
    ("verhaal,onzin", ["onbekend onderdeel 'onzin'", "per-jaar", "bronnen"]),
    ("alle,-verantwoording", ["'verantwoording' staat altijd in het rapport"]),
    ("alle,verhaal", ["minteken"]),
    ("verhaal,-kosten", ["niet beide"]),
])
def test_parse_sections_refuses_in_dutch(text, words):
    with pytest.raises(ValueError) as info:
        parse_sections(text)
    for word in words:
        assert word in str(info.value)


def test_api_refuses_required_and_unknown_keys():
    assert check_omitted(["bronnen"]) == {"bronnen"}
    for key in [*REQUIRED_SECTIONS, "tabel"]:
        with pytest.raises(ValueError):
            check_omitted([key])


def test_report_without_year_table_and_sources(tmp_path):
    full, short = tmp_path / "vol.pdf", tmp_path / "kort.pdf"
    assert cli("report", EXAMPLE_CASE, "-o", full, "--accept-privacy-findings").returncode == 0
    run = cli("report", EXAMPLE_CASE, "-o", short, "--accept-privacy-findings",
              "--sections", "alle,-per-jaar,-bronnen,-verhaal")
    assert run.returncode == 0, run.stderr
    before, after = " ".join(pdf_pages(full)), " ".join(pdf_pages(short))
    assert "Kosten per kalenderjaar" in before
    assert "Kosten per kalenderjaar" not in after
    assert "Het gezin en de sessie" in before  # a heading inside the story chapter
    assert "Het gezin en de sessie" not in after
    assert "Weggelaten" not in before
    assert "Weggelaten op verzoek van de onderzoeker" in after
    for label in ("Tabel kosten per kalenderjaar", "Lijst van bronnen",
                  "Het verhaal van het gezin"):
        assert label in " ".join(after.split())
    # the key figures and the Verantwoording stay
    assert "Samenvatting" in after and "Verantwoording" in after
    assert len(pdf_pages(short)) < len(pdf_pages(full))


def test_unknown_section_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "x.pdf"
    run = cli("report", EXAMPLE_CASE, "-o", out, "--sections", "verhaal,tijdlijnen")
    assert run.returncode == 2
    assert "onbekend onderdeel 'tijdlijnen'" in run.stderr
    assert "per-jaar" in run.stderr and "geschiedenis" in run.stderr
    assert not out.exists()


def test_help_names_the_sections():
    run = cli("report", "--help")
    text = " ".join(run.stdout.split())
    assert "--sections" in text
    for key in REPORT_SECTIONS:
        assert key in text


GLD = EXAMPLE_CASE.parent / "pt-gld-047-van-der-veen.yaml"


def test_leaving_out_the_variants_lines_keeps_their_names_counts_and_totals(tmp_path):
    from effectencalculator.model.calculation import calculate
    from effectencalculator.model.storage import load_case
    from effectencalculator.model.tables import table_for_case
    from effectencalculator.report.format import format_euro
    full, short = tmp_path / "volledig.pdf", tmp_path / "zonder-varianten.pdf"
    assert cli("report", GLD, "-o", full).returncode == 0
    run = cli("report", GLD, "-o", short, "--sections", "alle,-varianten")
    assert run.returncode == 0, run.stderr
    case = load_case(GLD)
    result = calculate(case, table_for_case(case)[0])
    text = " ".join(" ".join(p.split()) for p in pdf_pages(short))
    pessimistic = result.scenarios["referentie-pessimistisch"]
    assert pessimistic.role == "variant"
    for variant in ("referentie-pessimistisch", "referentie-optimistisch"):
        s = result.scenarios[variant]
        assert (f"Variant: {s.label} De {len(s.lines)} regels van deze variant staan niet "
                f"in dit rapport") in text
        assert (f"Meegetelde kosten: {format_euro(s.total)}; dit totaal staat ook in de "
                f"Samenvatting") in text
        assert format_euro(s.total) in " ".join(pdf_pages(short)[1].split())  # it does
    # the lines of the compared scenarios stay, with their own totals
    for kept in ("interventie", "referentie"):
        assert f"Totaal {format_euro(result.scenarios[kept].total)}" in text
    assert format_euro(result.comparison.net_result) in text
    # a note written only under a variant's line is gone; the Verantwoording says so
    note = next(line.note for line in case.scenario("referentie-pessimistisch").lines
                if line.note and "Gelijk aan de referentie" not in line.note)
    words = " ".join(note.split()[:6])
    assert words in " ".join(" ".join(p.split()) for p in pdf_pages(full))
    assert words not in text
    assert "Weggelaten op verzoek van de onderzoeker: Regels van de varianten." in text
    assert len(pdf_pages(short)) < len(pdf_pages(full))


def test_a_variant_that_is_compared_keeps_its_lines():
    from effectencalculator.model.storage import load_case
    from effectencalculator.model.tables import table_for_case
    from effectencalculator.report.build import report_content
    from effectencalculator.report.content import TableBlock
    case = load_case(GLD)
    case.settings.compare.reference = "referentie-pessimistisch"
    table, _ = table_for_case(case)
    content = report_content(case, table, omit=frozenset({"varianten"}))
    costs = next(s for s in content.sections if s.id == "kosten")
    line_tables = [b for b in costs.blocks if isinstance(b, TableBlock)
                   and b.columns[0].title == "Post"]
    # interventie, referentie and the compared pessimistic variant keep their lines
    assert len(line_tables) == 3
    left = [b.text for b in costs.blocks if "staan niet in dit rapport" in getattr(b, "text", "")]
    assert len(left) == 1 and "De 35 regels" in left[0]  # the optimistic variant


def test_a_case_without_variants_is_unchanged_by_leaving_them_out():
    from effectencalculator.model.storage import load_case
    from effectencalculator.model.tables import table_for_case
    from effectencalculator.report.build import build_report_pdf
    case = load_case(EXAMPLE_CASE)
    assert all(s.role != "variant" for s in case.scenarios)
    table, _ = table_for_case(case)
    assert build_report_pdf(case, table, omit=frozenset({"varianten"})) == \
        build_report_pdf(case, table)
