"""The line map from libyaml's events (``yaml_io._event_lines``) equals the one from the
composed node graph, so that a message names the same line either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from effectencalculator.model import yaml_io
from effectencalculator.model.storage import case_to_text, load_table
from tests.test_report_stress import stress_case

ROOT = Path(__file__).resolve().parent.parent

_EDGES = """\
a: 1
b:
  - x
  - [1, 2, {c: 3, d: [4, 5]}]
  - - nested
    - deeper: {e: f}
  -
  - k: v
    k2: ''
c: {}
d: []
a: 'again'
"long key with spaces": |
  text
  over lines
e:
  f:
    g: null
"""


def _both(text: str) -> tuple[dict[str, int] | None, dict[str, int]]:
    composed = yaml_io.LineMap(text=text)._map()
    return yaml_io._event_lines(text), composed


def _files() -> list[Path]:
    return sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "cost_tables").glob("*.yaml")])


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_event_lines_equal_the_composed_walk_for_shipped_files(path):
    events, composed = _both(path.read_text(encoding="utf-8"))
    assert events == composed and len(composed) > 100


def test_event_lines_equal_the_composed_walk_for_edge_cases_and_a_large_case():
    events, composed = _both(_EDGES)
    assert events == composed
    assert events["a"] == 1 and events["b[2][1].deeper.e"] == 6  # the first "a" counts
    table = load_table(ROOT / "cost_tables" / "nl-jeugd-gezin.yaml")
    events, composed = _both(case_to_text(stress_case(table, lines=200, words=200)))
    assert events == composed


def test_anchors_aliases_and_complex_keys_are_left_to_the_graph():
    for text in ("a: &x 1\nb: *x\n", "? [1, 2]\n: v\n"):
        assert yaml_io._event_lines(text) is None


def test_a_plain_file_asks_the_events_and_not_the_graph(monkeypatch):
    raw = (ROOT / "examples" / "pt-ams-014-noordhoek.yaml").read_bytes()
    document = yaml_io.parse_yaml_bytes(raw, "case.yaml")

    def composed(text):
        raise AssertionError("composed for a line number")

    monkeypatch.setattr(yaml_io, "_compose", composed)
    assert document.lines["case.title"] > 0
    assert "scenarios[0].lines[0].item" in document.lines
