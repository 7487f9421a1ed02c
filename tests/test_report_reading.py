"""The full report of every example, read back as a reader reads it: each probability
note once, scenario names instead of ids, no page in the middle with a few lines only,
and at most 20 pages (issue 14)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.report.build import build_report_pdf

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    case = load_case(request.param)
    table, _ = table_for_case(case)
    data = build_report_pdf(case, table)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    return case, pages


def printed_note(line) -> str:
    return " ".join(line.note.split())


def test_each_probability_note_is_printed_once(example):
    case, pages = example
    text = " ".join(pages)
    checked = 0
    lines = [line for scenario in case.scenarios for line in scenario.lines]
    for line in lines:
        note = " ".join(line.note.split())
        if line.probability < 1 and len(note) > 40:
            # words from the note, wrapping aside: once per line that has it (a variant may
            # copy a line of its base), not again in "Aannames: kansen"
            words = note.split()[2:9]
            pattern = r"\s*".join(re.escape(w) for w in words)
            printed = sum(bool(re.search(pattern, printed_note(other))) for other in lines)
            assert len(re.findall(pattern, text)) == printed, note
            checked += 1
    assert checked >= 3


def test_assumptions_name_the_scenarios(example):
    case, pages = example
    text = " ".join(pages)
    start = text.index("Aannames: kansen in de scenario's", text.index("Verantwoording"))
    assumptions = text[start:text.index("Methode in het kort", start)]
    for scenario in case.scenarios:
        if any(line.probability < 1 for line in scenario.lines):
            assert scenario.label in assumptions, scenario.label
    assert " interventie " not in assumptions and " referentie " not in assumptions
