"""The portfolio PDF, read back: every case listed (a broken one with its error), totals,
means and medians equal to the portfolio model, per payer and per category, the
uncertain cases marked, repricing explained, and byte-identical output."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import DEFAULT_TABLE, ROOT
from pypdf import PdfReader

from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.storage import SaveError, load_table
from effectencalculator.model.uncertainty import simulate
from effectencalculator.report.format import format_euro, format_percent, payer_label
from effectencalculator.report.portfolio_content import FIGURES, build_portfolio_content, error_text
from effectencalculator.report.portfolio_pdf import build_portfolio_pdf, write_portfolio_pdf

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BROKEN = "schema_version: 1\ncase:\n  code: KAPOT-001\n  period: {start: 2025-01-01}\n" \
         "scenarios: [\n"


def pdf_pages(data: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(data))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def make_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in EXAMPLES:
        shutil.copy(path, folder / path.name)
    (folder / "zz-kapot.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def portfolio_pdf(tmp_path_factory):
    folder = make_folder(tmp_path_factory.mktemp("portfolio") / "casussen")
    table = load_table(DEFAULT_TABLE)
    portfolio = build_portfolio([folder], table)
    data = build_portfolio_pdf(portfolio)
    reader, pages = pdf_pages(data)
    return folder, table, portfolio, data, reader, pages


def test_every_case_is_listed_and_the_broken_one_with_its_error(portfolio_pdf):
    *_, portfolio, _, _, pages = portfolio_pdf
    text = " ".join(pages)
    assert len(portfolio.cases) == 4 and len(portfolio.priced) == 3
    for entry in portfolio.cases:
        assert entry.code in text and entry.path.name in text
    broken = portfolio.failed[0]
    assert broken.path.name == "zz-kapot.yaml" and broken.errors
    for finding in broken.errors:
        assert " ".join(error_text(finding).split()) in text
    assert "zz-kapot.yaml zz-kapot regel" in text  # file, code, where the error is
    assert "1 kon niet worden ingelezen of berekend en telt nergens mee" in text
    # the folder of the files never appears (the same cases elsewhere: the same PDF)
    assert str(portfolio_pdf[0]) not in text


def test_totals_means_and_medians_equal_the_portfolio(portfolio_pdf):
    *_, portfolio, _, _, pages = portfolio_pdf
    text = " ".join(pages)
    for figure, label in FIGURES:
        stats = portfolio.stats(figure)
        row = (f"{label} {format_euro(stats.total)} {format_euro(stats.mean)} "
               f"{format_euro(stats.median)}")
        assert row in text, row
    net = portfolio.stats("net_result")
    assert sum(e.result.comparison.net_result for e in portfolio.priced) == \
        pytest.approx(net.total)
    totals = " ".join(format_euro(portfolio.stats(f).total)
                      for f in ("net_result", "besparingen", "baten", "investment"))
    assert f"Totaal {totals}" in text
    for payer, value in portfolio.by_payer().items():
        assert f"{payer_label(payer)} {format_euro(value)}" in text
    for category, value in portfolio.by_category().items():
        assert f"{category} {format_euro(value)}" in text
    assert text.count(f"Totaal {format_euro(net.total)}") >= 2  # payers and categories


def test_key_figures_per_case_and_uncertain_cases_are_marked(portfolio_pdf):
    *_, portfolio, _, _, pages = portfolio_pdf
    text = " ".join(pages)
    verdicts = {}
    for entry in portfolio.priced:
        r = entry.result
        c = r.comparison
        ref, itv = r.scenarios[c.reference], r.scenarios[c.intervention]
        u = simulate(r)
        head = f"{entry.code} {format_euro(ref.total)} {format_euro(itv.total)} " \
               f"{format_euro(c.net_result)}"
        assert head in text, head
        assert format_euro(c.investment) in text and format_euro(c.return_per_euro, 2) in text
        row = (f"{entry.code} {format_euro(c.net_result)} {format_euro(u.net_result.p10)} "
               f"{format_euro(u.net_result.p50)} {format_euro(u.net_result.p90)} "
               f"{format_percent(u.share_intervention_cheaper)}")
        assert row in text, row
        verdicts[entry.code] = u.uncertain
    # with table 2025.1 (ranges on OTS, pleegzorg and others) PT-UTR-031 is uncertain too
    assert verdicts == {"PT-AMS-014": False, "PT-GLD-047": True, "PT-UTR-031": True}
    gld = next(e for e in portfolio.priced if e.code == "PT-GLD-047")
    assert f"PT-GLD-047 {format_euro(gld.result.comparison.net_result)} onzeker" in text
    assert "onzeker: ongeveer gelijk" in text
    assert "Bij 2 van de 3 berekende casussen is het verschil" in text
    summary = pages[1]
    assert "Onzeker: ongeveer gelijk 2 van 3" in summary


def test_cover_header_footer_and_metadata(portfolio_pdf):
    *_, portfolio, _data, reader, pages = portfolio_pdf
    assert "Portfolio van casussen" in pages[0] and "VERTROUWELIJK" in pages[0]
    assert "4, waarvan 3 berekend en 1 niet ingelezen of berekend" in pages[0]
    assert "nl-jeugd-gezin, versie 2025.1" in pages[0] and "Prijspeil 2025" in pages[0]
    assert "18 juni 2026" in pages[0]  # the latest report date of the cases
    for number, page in enumerate(pages[1:], start=2):
        assert "VERTROUWELIJK" in page and "Portfolio van casussen" in page
        assert f"pagina {number} van {len(pages)}" in page
    assert "Figuur 2. Netto maatschappelijk resultaat per casus" in " ".join(pages)
    assert reader.metadata.title == "Portfolio van casussen — Effectencalculator"
    assert "portfolio-sha256:" in reader.metadata["/Keywords"]
    assert reader.metadata["/CreationDate"].startswith("D:20260618")
    text = " ".join(pages)
    assert f"Bronnen in de tabel {len(portfolio.table.sources)}" in text
    assert "potentiële besparing, geen kasstroom" in text


def test_repriced_cases_say_why(tmp_path):
    folder = make_folder(tmp_path / "casussen")
    source = (folder / "pt-ams-014-noordhoek.yaml").read_text(encoding="utf-8")
    (folder / "pt-ams-014-noordhoek.yaml").write_text(
        source.replace("  price_year: 2025\n", "  price_year: 2024\n"), encoding="utf-8")
    portfolio = build_portfolio([folder], load_table(DEFAULT_TABLE))
    assert portfolio.price_year == 2025
    repriced = [e for e in portfolio.cases if e.repriced]
    assert [e.code for e in repriced] == ["PT-AMS-014"]
    text = " ".join(pdf_pages(build_portfolio_pdf(portfolio))[1])
    assert "PT-AMS-014 pt-ams-014-noordhoek.yaml prijspeil 2024 omgerekend naar 2025" in text
    assert "referentie − interventie (opnieuw geprijsd)" in text


def test_same_input_gives_identical_bytes_across_processes(portfolio_pdf, tmp_path):
    folder, table, portfolio, data, *_ = portfolio_pdf
    assert build_portfolio_pdf(build_portfolio([folder], table)) == data
    # another folder with the same files, other processes with other hash seeds
    other = make_folder(tmp_path / "elders")
    code = ("import sys; from effectencalculator.model.portfolio import build_portfolio; "
            "from effectencalculator.model.storage import load_table; "
            "from effectencalculator.report.portfolio_pdf import write_portfolio_pdf; "
            "p = build_portfolio([sys.argv[1]], load_table(sys.argv[2])); "
            "write_portfolio_pdf(p, sys.argv[3])")
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"p{seed}.pdf"
        run = subprocess.run([sys.executable, "-c", code, str(other), str(DEFAULT_TABLE),
                              str(target)], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == data
    assert build_portfolio_pdf(portfolio, created=date(2027, 1, 2)) != data


def test_write_is_atomic_and_reports_progress(portfolio_pdf, tmp_path, monkeypatch):
    portfolio = portfolio_pdf[2]
    target = tmp_path / "portfolio.pdf"
    steps: list[tuple[float, str]] = []
    write_portfolio_pdf(portfolio, target, progress=lambda f, m: steps.append((f, m)))
    assert target.read_bytes() == portfolio_pdf[3]
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    old = target.read_bytes()

    def broken_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SaveError):
        write_portfolio_pdf(portfolio, target, created=date(2027, 1, 1))
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portfolio.pdf"]


def test_net_chart_stands_alone_and_splits_a_long_portfolio(portfolio_pdf):
    from reportlab.graphics import renderSVG

    from effectencalculator.report.charts import portfolio_net_chart, portfolio_net_parts
    from effectencalculator.report.content import NetBar, PortfolioNetSeries

    portfolio = portfolio_pdf[2]
    content = build_portfolio_content(portfolio)
    series = content.net_series
    assert [b.label for b in series.bars] == ["PT-AMS-014", "PT-GLD-047", "PT-UTR-031"]
    assert [b.uncertain for b in series.bars] == [False, True, True]
    svg = renderSVG.drawToString(portfolio_net_chart(series, 480))
    for bar in series.bars:
        assert bar.label in svg and format_euro(bar.value) in svg
    assert "onzeker" in svg and "Netto maatschappelijk resultaat in euro" in svg
    many = PortfolioNetSeries([NetBar(f"C-{i:03d}", 1000.0 * (i - 40), -5000.0, 5000.0)
                               for i in range(120)])
    parts = portfolio_net_parts(many, 480, 600)
    assert len(parts) > 1 and all(p.height <= 600 for p in parts)
    assert "Geen berekende casussen" in renderSVG.drawToString(
        portfolio_net_chart(PortfolioNetSeries([]), 300, 100))


def test_a_portfolio_without_any_readable_case_still_reports(tmp_path):
    folder = tmp_path / "leeg"
    folder.mkdir()
    (folder / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    portfolio = build_portfolio([folder], load_table(DEFAULT_TABLE))
    _, pages = pdf_pages(build_portfolio_pdf(portfolio, created=date(2026, 1, 5)))
    text = " ".join(pages)
    assert "kapot.yaml" in text and "Geen enkele casus kon worden berekend" in text
    assert "5 januari 2026" in text


def test_nothing_runs_off_the_page(portfolio_pdf):
    from effectencalculator.report.pdf import PdfRenderer

    renderer = PdfRenderer(build_portfolio_content(portfolio_pdf[2]))
    assert renderer.render() == portfolio_pdf[3]
    assert renderer.overflows == []


@pytest.mark.parametrize("codes", [[f"GEN-{n:04d}" for n in range(60)],
                                   ["PT-AMS-014", "PT-UTR-031", "PT-GLD-047"]])
def test_net_chart_shows_every_case_code_whole(codes):
    """The label column is as wide as the widest code, so no code is cut short (once every
    'GEN-0001' became 'GEN-00…' through floating point)."""
    from reportlab.graphics.shapes import String

    from effectencalculator.report.charts import NetBar, PortfolioNetSeries, portfolio_net_parts

    bars = [NetBar(code, 1000.0 * (n % 7 - 3), -5000.0, 8000.0)
            for n, code in enumerate(codes)]
    parts = portfolio_net_parts(PortfolioNetSeries(bars), 480, 600)
    texts = [s.text for part in parts for s in part.contents if isinstance(s, String)]
    assert [t for t in texts if t in codes] == codes
    assert not any(t.endswith("…") for t in texts)


def test_spread_chart_shows_every_case_the_quartiles_median_and_mean(portfolio_pdf):
    """The strip and box chart: one point per counted case (open when uncertain), the
    box from Q1 to Q3, the model's median and mean — hand-computed from the examples'
    net results, and printed in the PDF as Figure 1, before the bars."""
    from reportlab.graphics.shapes import Circle, Polygon, Rect, String

    from effectencalculator.report.charts import portfolio_spread_chart
    from effectencalculator.report.portfolio_content import spread_series

    portfolio, pages = portfolio_pdf[2], portfolio_pdf[5]
    summary = portfolio.summary()
    spread = spread_series(summary.cases, summary.net_result)
    values = sorted(c.net_result for c in summary.cases)
    assert [round(v) for v in values] == [-10773, 19821, 35279]
    # inclusive quartiles of three values: halfway between neighbours
    assert spread.q1 == pytest.approx((values[0] + values[1]) / 2)
    assert spread.q3 == pytest.approx((values[1] + values[2]) / 2)
    assert spread.median == pytest.approx(values[1])
    assert spread.mean == pytest.approx(sum(values) / 3)
    drawing = portfolio_spread_chart(spread, 480)
    shapes = drawing.contents
    dots = [s for s in shapes if isinstance(s, Circle)]
    assert len(dots) == 3 + 2  # the cases, and two in the legend
    open_dots = [s for s in dots[:3] if s.fillColor.red == 1.0]
    assert len(open_dots) == 2  # PT-GLD-047 and PT-UTR-031 are onzeker
    assert len([s for s in shapes if isinstance(s, Polygon)]) == 2  # the mean, its legend
    box = [s for s in shapes if isinstance(s, Rect) and s.height == 16.0]
    assert len(box) == 1
    texts = " ".join(s.text for s in shapes if isinstance(s, String))
    assert f"mediaan {format_euro(values[1])}" in texts
    assert f"gemiddelde {format_euro(sum(values) / 3)}" in texts
    text = " ".join(pages)
    assert "Figuur 1. Spreiding van het netto resultaat over de casussen" in text
    assert f"gemiddelde {format_euro(sum(values) / 3)}" in text


def test_spread_points_that_would_overlap_take_another_lane():
    from effectencalculator.report.charts.spread import MAX_LANES, lanes

    assert lanes([10.0, 10.5, 11.0, 50.0]) == [0, 1, 2, 0]
    assert lanes([0.0, 100.0, 200.0]) == [0, 0, 0]
    crowd = lanes([1.0] * 50)
    assert max(crowd) == MAX_LANES - 1  # a thousand cases do not make the chart endless


def test_spread_of_a_single_case_is_that_case():
    from effectencalculator.model.portfolio_figures import CaseFigures
    from effectencalculator.model.portfolio_stats import spread
    from effectencalculator.report.portfolio_content import spread_series

    one = [CaseFigures(path="a.yaml", code="A", net_result=1200.0)]
    data = spread_series(one, spread([1200.0]))
    assert (data.q1, data.median, data.q3, data.mean) == (1200.0, 1200.0, 1200.0, 1200.0)
    assert spread_series([], None) is None
