"""The typed location of a finding (model/location.py): read once from the path, written
back unchanged, and said in Dutch — from the path alone for the report, with the
scenario's name for the window."""

from __future__ import annotations

import pytest
from conftest import ROOT

from effectencalculator.model.live import calculate_live
from effectencalculator.model.location import Location, describe
from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.report.figures import finding_text, location_text

CASE = ROOT / "examples" / "pt-gld-047-van-der-veen.yaml"


@pytest.mark.parametrize("path", ["scenarios[1].lines[3].quantity", "narrative.summary",
                                  "perspectives[0].quotes[1]", "case.participants[2]",
                                  "scenarios[0].lines[12].rate.per", "settings.price_year"])
def test_a_path_reads_back_unchanged(path):
    assert str(Location.parse(path)) == path


def test_the_questions_of_a_line_location():
    loc = Location.parse("scenarios[1].lines[3].rate.per")
    assert loc.line_key == (1, 3)
    assert loc.field_in_line() == "rate.per"
    assert str(loc.with_line(7)) == "scenarios[1].lines[7].rate.per"
    assert Location.line(1, 3, "quantity") == Location.parse("scenarios[1].lines[3].quantity")
    assert Location.parse("narrative.events[2].date").line_key is None
    assert Location.parse("scenarios[1].label").line_key is None
    with pytest.raises(ValueError):
        Location.parse("scenarios[1.lines")


def test_dutch_from_the_path_alone_and_with_the_scenario_name():
    case = load_case(CASE)
    assert case.scenarios[1].label == "Huidig stelsel"
    assert Location.parse("scenarios[1].lines[3].quantity").text() == \
        "scenario 2, regel 4, hoeveelheid"
    assert describe("scenarios[1].lines[3].quantity", case) == \
        "scenario 'Huidig stelsel', regel 4, hoeveelheid"
    assert describe("scenarios[9].lines[0].item", case) == "scenario 10, regel 1, post"
    assert location_text("perspectives[0].quotes[1]") == "perspectief 1, citaat 2"
    assert location_text("") == ""
    assert describe("een [vreemde pad", case) == "een [vreemde pad"  # never lost


def test_live_totals_place_line_errors_through_the_location():
    """An incomplete line is set aside by its (scenario, line) and its message says in
    Dutch where it is; the warnings of later lines keep their full-case line numbers."""
    case = load_case(CASE)
    table, _ = table_for_case(case)
    case.scenarios[1].lines[3].item = ""
    live = calculate_live(case, table)
    assert live.result is not None and list(live.line_errors) == [(1, 3)]
    finding = live.line_errors[(1, 3)][0]
    assert finding_text(finding, case).startswith("scenario 'Huidig stelsel', regel 4, ")
