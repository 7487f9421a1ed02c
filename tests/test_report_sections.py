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
