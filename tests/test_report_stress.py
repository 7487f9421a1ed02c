"""The report under load: 300 service lines, a narrative of ~15 000 words and 20
perspectives must flow over pages, and nothing may leave the page.

``stress_case`` is also used by ``benchmarks/report_benchmark.py``.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from effectencalculator.model.case import (
    Case,
    CaseInfo,
    Event,
    Member,
    Narrative,
    Outcome,
    Perspective,
    Rate,
    SafetyScore,
    Scenario,
    ServiceLine,
    Settings,
)
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.vocabulary import DOMAINS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TABLE = ROOT / "cost_tables" / "nl-jeugd-gezin.yaml"

WORDS = ("het gezin de moeder vader kind school hulp gesprek veiligheid schulden werk "
         "wijkteam afspraak netwerk oma zorgen plan week maand samen thuis rust gemeente "
         "jeugdhulp begeleiding ggz financiën huur overleg professional verslag "
         "geïnventariseerd reünie coördinatie € 1.250 2025 één").split()


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _text(rng: random.Random, words: int, per_paragraph: int = 120) -> str:
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        size = 0
        while size < per_paragraph:
            n = rng.randint(8, 22)
            sentences.append(_sentence(rng, n))
            size += n
        count += size
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def stress_case(table: CostTable, lines: int = 300, words: int = 15_000,
                perspectives: int = 20, seed: int = 7) -> Case:
    """A large, valid case priced with ``table`` (deterministic for a seed)."""
    rng = random.Random(seed)
    start, end = date(2024, 1, 15), date(2026, 6, 30)
    span = (end - start).days
    items = sorted(table.items)
    scenarios = [Scenario("interventie", "Werkwijze Toekomstscenario", "intervention"),
                 Scenario("referentie", "Huidig stelsel", "reference"),
                 Scenario("variant-a", "Variant met eerdere inzet", "variant")]
    for i in range(lines):
        scenario = scenarios[i % 3] if i % 10 else scenarios[1]
        first = start + timedelta(days=rng.randrange(span - 10))
        item = rng.choice(items)
        note = _sentence(rng, rng.randint(5, 40)) if i % 4 else ""
        probability = 1.0 if scenario.role == "intervention" else rng.choice((1, .8, .5, .35))
        if i % 3 == 0:
            line = ServiceLine(item=item, quantity=rng.randint(1, 5), date=first,
                               probability=probability, note=note)
        else:
            last = min(end, first + timedelta(days=rng.randint(7, 400)))
            line = ServiceLine(item=item, rate=Rate(rng.choice((1, 1.5, 2, 4)), "week"),
                               start=first, end=last, probability=probability, note=note,
                               approach_cost=scenario.role == "intervention" and i % 5 == 0)
        if i == 17:
            line = ServiceLine(item="ONBEKENDE-POST-MET-EEN-HEEL-LANGE-CODE-ZONDER-SPATIES",
                               quantity=3, date=first, note="Niet in de tabel.")
        scenario.lines.append(line)
    case = Case(
        info=CaseInfo(code="PT-STRESS-300", title="Gezin Stresstest", proeftuin="Teststreek",
                      researcher="Onderzoeker test", session_date=date(2026, 7, 1),
                      participants=[f"Deelnemer {i}" for i in range(12)]),
        household=[Member(f"m{i}", f"Kind {i}", "kind", 2010 + i) for i in range(6)],
        narrative=Narrative(_text(rng, words)),
        scenarios=scenarios,
        settings=Settings(cost_table=table.name, price_year=2025, discount_rate=0.0225),
    )
    case.info.period.start, case.info.period.end = start, end
    for _ in range(40):
        case.narrative.events.append(Event(
            start + timedelta(days=rng.randrange(span)), rng.choice(("beide", "interventie",
                                                                      "referentie")),
            rng.choice(DOMAINS), _sentence(rng, 6), _sentence(rng, 30)))
    for i in range(perspectives):
        case.perspectives.append(Perspective(
            f"Betrokkene {i + 1}", rng.choice(("ouder", "jongere", "professional")),
            _text(rng, 250), [_sentence(rng, rng.randint(6, 30)) for _ in range(3)],
            SafetyScore(rng.randint(1, 5), rng.randint(5, 10))))
    for domain in DOMAINS:
        case.outcomes.append(Outcome(domain, _sentence(rng, 25), _sentence(rng, 25),
                                     _sentence(rng, 25), "verbeterd", "Betrokkene 1"))
    return case


@pytest.fixture(scope="module")
def stress_pdf():
    from effectencalculator.model.calculation import calculate
    from effectencalculator.model.storage import load_table
    from effectencalculator.report.content import build_content
    from effectencalculator.report.pdf import PdfRenderer

    table = load_table(DEFAULT_TABLE)
    case = stress_case(table)
    result = calculate(case, table)
    renderer = PdfRenderer(build_content(case, result, table))
    return case, result, renderer, renderer.render()


def test_stress_case_has_the_promised_size(stress_pdf):
    case, result, _, _ = stress_pdf
    assert sum(len(s.lines) for s in case.scenarios) == 300
    assert len(case.narrative.summary.split()) >= 15_000
    assert len(case.perspectives) == 20
    assert sum(len(s.unpriced_lines) for s in result.scenarios.values()) == 1


def test_stress_report_renders_and_no_flowable_is_wider_than_the_page(stress_pdf):
    _, _, renderer, data = stress_pdf
    assert data.startswith(b"%PDF")
    assert renderer.overflows == []


def test_stress_report_text_stays_inside_the_page(stress_pdf, tmp_path):
    from pypdf import PdfReader

    from effectencalculator.report.pdf import MARGIN_L, MARGIN_R, PAGE_H, PAGE_W

    path = tmp_path / "stress.pdf"
    path.write_bytes(stress_pdf[3])
    reader = PdfReader(path)
    assert len(reader.pages) > 40
    outside: list[tuple] = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx((PAGE_W, PAGE_H))

        def visit(text, cm, tm, font, size, number=number):
            if not text.strip():
                return
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            if not (MARGIN_L - 1 <= x <= PAGE_W - MARGIN_R and 0 < y < PAGE_H):
                outside.append((number, round(x), round(y), text[:30]))

        page.extract_text(visitor_text=visit)
    assert outside == []
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "niet geprijsd" in text
    assert f"pagina {len(reader.pages)} van {len(reader.pages)}" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="pdftotext (poppler-utils) is niet geïnstalleerd")
def test_stress_report_word_boxes_stay_inside_the_margins(stress_pdf, tmp_path):
    """Word bounding boxes (not only text origins): nothing runs into the margin."""
    import re

    from effectencalculator.report.pdf import MARGIN_L, MARGIN_R, PAGE_W

    path = tmp_path / "stress.pdf"
    path.write_bytes(stress_pdf[3])
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    boxes = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                       r'([^<]*)<', html)
    assert len(boxes) > 10_000
    too_wide = [(word, x0, x1) for x0, _, x1, _, word in boxes
                if float(x0) < MARGIN_L - 1.5 or float(x1) > PAGE_W - MARGIN_R + 1.5]
    assert too_wide == []
