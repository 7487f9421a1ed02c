"""The quick read of a case's title (for rows whose figures come from the reopen cache):
the title the full read gives, or None whenever the quick read cannot be sure."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from effectencalculator.model.case_peek import peek_title
from effectencalculator.model.storage import read_case


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_the_examples_title_is_the_full_reads(path: Path):
    assert peek_title(path.read_bytes()) == read_case(path)[0].info.title != ""


@pytest.mark.parametrize(("text", "title"), [
    ("schema_version: 1\ncase:\n  code: A\n  title: Gezin Jansen\n", "Gezin Jansen"),
    ("case:\n  title: 'Gezin: \"de\" Vries'\n  code: A\n", 'Gezin: "de" Vries'),
    ("case:\n  code: A\n  title: |\n    Twee\n    regels\n", "Twee\nregels\n"),
    ("\ufeffcase: {code: A, title: Met BOM}\n", "Met BOM"),
    ("settings: {price_year: 2025}\ncase:\n  code: A\n  title: Na de instellingen\n",
     "Na de instellingen"),
    ("case:\n  code: A\n  participants: [Moeder, {wie: Vader}]\n  title: Na een lijst\n",
     "Na een lijst"),
    ("case:\n  code: A\n", ""),
    ("case:\n  code: A\n  title:\n", ""),
    ("case:\n  code: A\n  title: ~\n", ""),
])
def test_a_title_read_from_the_top(text: str, title: str):
    assert peek_title(text.encode("utf-8")) == title


@pytest.mark.parametrize("text", [
    "case:\n  title: 2024\n",                     # a number: the reader's own rules
    "case:\n  title: yes\n",                      # a boolean to YAML 1.1
    "case:\n  title: !!str tagged\n",
    "case:\n  title: &t anchored\n",
    "case:\n  title: Eerste\n  code: A\n  title: Tweede\n",  # the full read takes the last
    "case:\n  code: *alias\n  title: X\n",
    "case: [geen, mapping]\n",
    "- een lijst\n",
    "code: A\ntitle: geen case\n",
    "case:\n  code: A\n  title: [een, lijst]\n",
    "case:\n  code: 'niet afgesloten\n",
])
def test_unsure_is_none(text: str):
    assert peek_title(text.encode("utf-8")) is None


def test_not_text_at_all_is_none():
    assert peek_title("case:\n  title: Café\n".encode("latin-1")) is None
    assert peek_title(b"") is None
