"""The report never fails on content (issue 11): a 20 000-character word in any field a
researcher types is wrapped or shortened with "…" in the PDF, never a LayoutError or a
traceback, and a 200-line note is printed whole. The case file keeps the full text."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from conftest import cli

from effectencalculator.model.case import Case
from effectencalculator.model.storage import load_case, save_case
from effectencalculator.model.tables import table_for_case

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pt-ams-014-noordhoek.yaml"


def _word(tag: str) -> str:
    """A 20 000-character word without spaces that starts with ``tag``."""
    return tag + "x" * 20_000


def _set_source_url(case: Case, table, word: str) -> None:
    used = next(s for item in table.items.values() for s in item.source
                if s in table.sources)
    table.sources[used].url = "https://example.org/" + word


FIELDS = {
    "line note": lambda c, t, w: setattr(c.scenarios[0].lines[0], "note", w),
    "line item id": lambda c, t, w: setattr(c.scenarios[0].lines[0], "item", w),
    "case code": lambda c, t, w: setattr(c.info, "code", w),
    "case title": lambda c, t, w: setattr(c.info, "title", w),
    "proeftuin": lambda c, t, w: setattr(c.info, "proeftuin", w),
    "participant": lambda c, t, w: c.info.participants.append(w),
    "perspective who": lambda c, t, w: setattr(c.perspectives[0], "who", w),
    "perspective text": lambda c, t, w: setattr(c.perspectives[0], "text", w),
    "perspective quote": lambda c, t, w: c.perspectives[0].quotes.append(w),
    "event title": lambda c, t, w: setattr(c.narrative.events[0], "title", w),
    "event description": lambda c, t, w: setattr(c.narrative.events[0], "description", w),
    "household label": lambda c, t, w: setattr(c.household[0], "label", w),
    "scenario label": lambda c, t, w: setattr(c.scenarios[0], "label", w),
    "summary": lambda c, t, w: setattr(c.narrative, "summary", "Begin. " + w + " Einde."),
    "conclusion": lambda c, t, w: setattr(c.narrative, "conclusion", w),
    "outcome source": lambda c, t, w: setattr(c.outcomes[0], "source", "https://" + w),
    "outcome start": lambda c, t, w: setattr(c.outcomes[0], "start", w),
    "source url": _set_source_url,
}


def _text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "".join(page.extract_text() for page in reader.pages)


def _assert_shortened(text: str, tag: str) -> None:
    """The word's start is printed and ends in "…" (broken over lines or not); the whole
    20 000 characters are not."""
    joined = re.sub(r"\s+", "", text)
    assert tag in joined
    assert re.search(re.escape(tag) + "x{10,}…", joined), f"{tag}: no shortened word"
    assert "x" * 2_000 not in joined


@pytest.fixture(scope="module")
def example():
    case = load_case(EXAMPLE)
    table, _ = table_for_case(case)
    return case, table


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_a_20000_character_word_is_shortened_in_every_field(field, example, tmp_path):
    from effectencalculator.report.build import write_report_pdf

    case, table = copy.deepcopy(example)
    tag = "Woord" + "".join(ch for ch in field.title() if ch.isalpha())
    FIELDS[field](case, table, _word(tag))
    target = tmp_path / "rapport.pdf"
    write_report_pdf(case, table, target)
    _assert_shortened(_text(target.read_bytes()), tag)


def test_a_200_line_note_is_printed_whole(example, tmp_path):
    from effectencalculator.report.build import write_report_pdf

    case, table = copy.deepcopy(example)
    # Longer than a page under its line: the table breaks between the note's rows.
    case.scenarios[0].lines[0].note = "\n".join(
        f"Notitieregel {i} van tweehonderd: het gezin sprak met de wijkcoach over school, "
        f"werk en de afspraken van deze week." for i in range(1, 201))
    target = tmp_path / "rapport.pdf"
    write_report_pdf(case, table, target)
    text = " ".join(_text(target.read_bytes()).split())
    for i in range(1, 201):
        assert f"Notitieregel {i} van tweehonderd:" in text


def test_a_200_line_note_of_long_words_never_fails(example, tmp_path):
    from effectencalculator.report.build import write_report_pdf

    case, table = copy.deepcopy(example)
    case.scenarios[0].lines[0].note = "\n".join("Notitie" + "y" * 300 for _ in range(200))
    target = tmp_path / "rapport.pdf"
    write_report_pdf(case, table, target)
    assert "Notitieyyyy" in _text(target.read_bytes())


@pytest.mark.parametrize("field", ["case code", "line note", "perspective who"])
def test_cli_report_with_a_20000_character_word(field, example, tmp_path):
    case, table = copy.deepcopy(example)
    tag = "Cli" + "".join(ch for ch in field.title() if ch.isalpha())
    FIELDS[field](case, table, _word(tag))
    path = tmp_path / "casus.yaml"
    save_case(case, path)
    target = tmp_path / "rapport.pdf"
    run = cli("report", path, "-o", target)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    _assert_shortened(_text(target.read_bytes()), tag)
    assert _word(tag) in path.read_text(encoding="utf-8")  # the case file keeps it all
