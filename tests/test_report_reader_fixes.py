"""What a reader tripped over in the full report (issue 14): a near-empty page before the
timeline, timeline rows without a name and bars without their probability, URLs broken
mid-word, scenario ids where their names belong, line costs that do not add up without
a word, a footnote alone at the top of a page, and a list of every probability that
repeated the line tables."""

from __future__ import annotations

import io
import re
from itertools import pairwise

import pytest
from conftest import ROOT
from pypdf import PdfReader
from reportlab.graphics.shapes import Group, String

from effectencalculator.model.calculation import calculate
from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.report.build import build_report_pdf, report_content
from effectencalculator.report.charts import timeline_chart
from effectencalculator.report.content import TableBlock
from effectencalculator.report.format import format_euro, rounded
from effectencalculator.report.pdf_text import text_width
from effectencalculator.report.pdf_urls import URL_BREAK_AFTER, break_urls

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    case = load_case(request.param)
    table, _ = table_for_case(case)
    reader = PdfReader(io.BytesIO(build_report_pdf(case, table)))
    return case, table, [page.extract_text() for page in reader.pages]


def _words(text: str) -> str:
    return " ".join(text.split())


def test_no_page_in_the_middle_holds_only_a_few_lines(example):
    _, _, pages = example
    for number, text in enumerate(pages[1:-1], start=2):  # the cover and the end aside
        assert len(_words(text)) > 1000, f"pagina {number}: {_words(text)[:200]}"


def test_the_timeline_starts_under_the_household_not_on_a_page_of_its_own(example):
    case, _, pages = example
    if not case.household:
        pytest.skip("geen gezinsleden")
    page = next(t for t in pages if "Het gezin en de sessie" in t)
    assert "Tijdlijn" in page and "Figuur 1. Tijdlijn" in page


def _flat(node) -> list[String]:
    out = []
    for child in getattr(node, "contents", []):
        if isinstance(child, String):
            out.append(child)
        elif isinstance(child, Group):
            out += _flat(child)
    return out


def _strings(node) -> list[str]:
    return [s.text for s in _flat(node)]


def test_every_timeline_row_has_a_name_and_a_bar_below_100_percent_says_so(example):
    case, table, _ = example
    content = report_content(case, table)
    chart = next(b for s in content.sections for b in s.blocks
                 if getattr(b, "kind", "") == "timeline")
    layout = chart.data
    drawing = timeline_chart(layout, 480)
    texts = _strings(drawing)
    for lane in layout.lanes:
        if lane.kind == "events":
            continue
        for row in lane.rows:
            label = row.label or next(i.label for i in row.items if i.label)
            assert any(t.rstrip("…") and label.startswith(t.rstrip("…")) for t in texts), \
                (lane.label, label)
    uncertain = [i for lane in layout.lanes if lane.kind != "events"
                 for i in lane.items if i.probability < 1]
    printed = sum(texts.count(f"{round(i.probability * 100)}%") for i in
                  {round(i.probability * 100): i for i in uncertain}.values())
    assert uncertain and printed >= 0.8 * len(uncertain)


def test_a_url_breaks_only_after_a_separator_and_loses_nothing():
    url = "https://www.cbs.nl/nl-nl/cijfers/detail/83131NED?dl=9C8F5&periode=2015JJ00-2026"
    text = f"Bron: CBS Consumentenprijzen, {url} (geraadpleegd 2026)."
    for width in (90, 140, 220, 400):
        lines = break_urls(text, "EcSans", 8, width).split("\n")
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines[:-1]:
            tail = line.split(" ")[-1]
            if tail and url.startswith(tail):  # the line ends inside the URL
                assert tail[-1] in URL_BREAK_AFTER, (width, lines)
        assert all(text_width(line, "EcSans", 8) <= width for line in lines
                   if " " in line or not line.startswith("https"))
    assert break_urls("Geen adres hier.", "EcSans", 8, 50) == "Geen adres hier."


def test_the_report_prints_every_source_url_whole(example):
    case, table, pages = example
    running = re.compile(r"^(Casus \S+|Casusrapport Effectencalculator|VERTROUWELIJK|"
                         r"Vertrouwelijk · casus .*|pagina \d+ van \d+)$")
    body = [line for page in pages for line in page.split("\n")
            if not running.match(line.strip())]  # a URL may go on over a page break
    text = "".join("".join(line.split()) for line in body)
    content = report_content(case, table)
    sources = next(b for s in content.sections for b in s.blocks
                   if getattr(b, "items", None) and any("http" in i for i in b.items))
    for item in sources.items:
        for url in re.findall(r"https?://\S+", item):
            assert url.rstrip(").,;") in text, url


def test_a_source_is_never_split_over_two_pages(example):
    """Its URL would go on behind the page footer (PT-AMS-014's Jeugdhulp West-Brabant
    source did, once the sensitivity chart fitted the page before)."""
    case, table, pages = example
    squeezed = ["".join(page.split()) for page in pages]
    content = report_content(case, table)
    sources = next(b for s in content.sections for b in s.blocks
                   if getattr(b, "items", None) and any("http" in i for i in b.items))
    for item in sources.items:
        for url in re.findall(r"https?://\S+", item):
            assert any(url.rstrip(").,;") in page for page in squeezed), url


def test_the_sensitivity_chart_closes_up_to_fit_the_rest_of_a_page():
    """PT-GLD-047: the chart was a few rows too tall for the page of its introduction
    and left half of it empty; drawn with closer rows it fits there."""
    case = load_case(ROOT / "examples" / "pt-gld-047-van-der-veen.yaml")
    table, _ = table_for_case(case)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(build_report_pdf(case, table))).pages]
    intro = next(i for i, t in enumerate(pages) if "Welke regels bepalen het resultaat" in t)
    assert "Figuur 4. Gevoeligheid" in pages[intro]
    assert "De verticale lijn is de puntschatting" in pages[intro]  # its caption too


def test_a_fitted_chart_keeps_its_size_unless_closing_up_makes_it_fit():
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.styles import ParagraphStyle

    from effectencalculator.report.pdf_blocks import FittedChart
    from effectencalculator.report.pdf_styles import para
    made: list[float | None] = []

    def make(height):
        made.append(height)
        return Drawing(100, height or 300)
    style = ParagraphStyle("t", fontSize=8, leading=10)
    chart = FittedChart(para("Titel", style), make, 300, 220, para("Onderschrift", style))
    extra = 10 + 10 + 4              # title, caption, the gap
    assert chart.wrap(400, 800) == (400, 300 + extra)
    assert chart.wrap(400, 250 + extra) == (400, 250 + extra)   # closes up: fits exactly
    assert chart.wrap(400, 200 + extra) == (400, 300 + extra)   # too little: next page
    assert made == [None, 250, None]


def test_tornado_rows_share_the_height_they_are_given():
    from effectencalculator.report.charts import tornado_chart, tornado_chart_height
    from effectencalculator.report.charts.tornado import TORNADO_ROW_H, tornado_min_height
    case = load_case(ROOT / "examples" / "pt-gld-047-van-der-veen.yaml")
    table, _ = table_for_case(case)
    series = report_content(case, table).tornado_series
    rows = len(series.bars)
    natural = tornado_chart_height(series)
    assert natural - tornado_min_height(series) == pytest.approx(rows * (TORNADO_ROW_H - 10.5))

    def label_heights(drawing):
        return sorted({round(s.y, 2) for s in _flat(drawing) if re.match(r"\d+\. ", s.text)})
    for height in (natural, tornado_min_height(series)):
        ys = label_heights(tornado_chart(series, 480, height))
        pitches = {round(b - a, 2) for a, b in pairwise(ys)}
        assert len(ys) == rows and len(pitches) == 1
        assert pitches.pop() == pytest.approx((height - natural) / rows + TORNADO_ROW_H,
                                              abs=0.01)


def test_scenarios_are_named_not_numbered_by_their_ids(example):
    case, _, pages = example
    text = _words(" ".join(pages))
    for s in case.scenarios:
        if s.label and "-" in s.id:
            assert f" {s.id} " not in text, s.id


def test_line_costs_that_do_not_add_up_say_why(example):
    case, table, pages = example
    result = calculate(case, table)
    text = _words(" ".join(pages))
    for s in result.scenarios.values():
        priced = [lr for lr in s.lines if lr.is_priced]
        shown = sum(rounded(lr.cost) for lr in priced)
        note = f"de getoonde regelbedragen tellen op tot {format_euro(shown)}"
        if shown != rounded(sum(lr.cost for lr in priced)):
            assert note in text, s.id
        else:
            assert note not in text


def test_the_rows_under_the_lines_lead_from_their_sum_to_the_total(example):
    """A transfer (bijstand) is printed as a line but counts 0 for society: the table
    says so between the sum of the lines and the total, so the column adds up."""
    case, table, _ = example
    result = calculate(case, table)
    content = report_content(case, table)
    for s in result.scenarios.values():
        block = next(b for sec in content.sections for b in sec.blocks
                     if isinstance(b, TableBlock) and b.key == f"regels-{s.id}")
        totals = [r for r in block.rows if r.style in ("total", "subtotal")]
        labels = [r.cells[0] for r in totals]
        transfers = sum(lr.cost for lr in s.lines if lr.is_priced and lr.is_transfer)
        if not transfers:
            assert not any(label.startswith("Overdrachten") for label in labels)
            continue
        first, moved = totals[0], totals[1]
        assert first.cells[0] == "Som van de regels"
        assert moved.cells[0].startswith("Overdrachten tellen niet mee")
        assert moved.cells[-2] == format_euro(-transfers)
        line_sum = sum(lr.cost for lr in s.lines if lr.is_priced)
        assert first.cells[-2] == format_euro(line_sum)
        assert line_sum - transfers == pytest.approx(s.total)
        assert totals[2].cells[0] == "Totaal" and totals[2].cells[-2] == format_euro(s.total)


def test_a_table_footnote_never_opens_a_page(example):
    _, _, pages = example
    for number, page in enumerate(pages, start=1):
        body = _words(page).split(" VERTROUWELIJK ", 1)[-1]
        at = body.find("* eigen post van deze casus")
        if at >= 0:
            assert "waarvan" in body[:at], f"pagina {number} begint met de voetnoot"


def test_the_probabilities_are_summed_up_per_scenario_not_listed_again(example):
    case, table, pages = example
    result = calculate(case, table)
    content = report_content(case, table)
    block = next(b for s in content.sections for b in s.blocks
                 if isinstance(b, TableBlock) and b.key == "aannames")
    expected = []
    for s in result.scenarios.values():
        lines = [lr for lr in s.lines if lr.line.probability < 1]
        if lines:
            expected.append((str(len(lines)), format_euro(sum(lr.cost for lr in lines))))
    assert [(r.cells[1], r.cells[3]) for r in block.rows] == expected
    verantwoording = _words(" ".join(pages)).split("Aannames: kansen in de scenario's")[-1]
    for count, cost in expected:
        assert f" {count} " in verantwoording and cost in verantwoording
