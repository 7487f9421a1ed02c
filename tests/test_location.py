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


def test_a_key_step_inside_a_dict_reads_back_and_ends_a_path():
    """The privacy scan's paths into unknown fields (``extra{2}`` is the third entry's
    key) are locations like any other: one reader, in model/location.py."""
    for path in ["scenarios[0].extra{2}", "scenarios[0].extra[1][0]",
                 "scenarios[0].extra[1]{0}"]:
        assert str(Location.parse(path)) == path
    loc = Location.parse("scenarios[0].extra{2}")
    assert loc.steps[-1].key == 2 and loc.steps[-1].indexes == ()
    assert loc.text() == "scenario 1, onbekend veld 3 (naam)"
    assert Location.parse("scenarios[0].extra[1][0]").text() == "scenario 1, onbekend veld 2"
    with pytest.raises(ValueError):
        Location.parse("scenarios[0].extra{2}.tel")      # a key is a string: nothing after it


def test_the_words_of_a_field_depend_on_its_record():
    """An outcome's 'start' is a situation, an event's 'start' a date."""
    assert Location.parse("outcomes[1].start").text() == "resultaat 2, situatie bij de start"
    assert Location.parse("settings.compare.reference").text() == \
        "instellingen, vergelijking, referentie"
    assert Location.parse("household[0].label").text() == "gezinslid 1, label (pseudoniem)"


def test_the_privacy_view_words_a_location_with_the_models_words_and_hints():
    """ui/privacy_fields has no path reader of its own: its references and its Dutch
    come from Location, with a hint per record that is never free text."""
    from effectencalculator.report.sections.privacy import privacy_location
    from effectencalculator.ui.privacy_fields import describe as privacy_describe
    from effectencalculator.ui.privacy_fields import field_ref

    case = load_case(CASE)
    ref = field_ref(Location.parse("scenarios[1].lines[3].note"))
    assert (ref.record, ref.attr, ref.section) == (("scenarios", 1, "lines", 3), "note",
                                                   "Inzet")
    line = case.scenarios[1].lines[3]
    assert privacy_describe(case, "scenarios[1].lines[3].note") == \
        f"Inzet › scenario 2 ({case.scenarios[1].id}) › regel 4 ({line.item}) › toelichting"
    assert privacy_describe(case, "case.title") == "Gegevens › titel"
    assert privacy_describe(case, "scenarios[1].label") == \
        f"Inzet › scenario 2 ({case.scenarios[1].id}) › naam van het scenario"
    assert "Huidig stelsel" not in privacy_describe(case, "scenarios[1].label")
    assert privacy_location("scenarios[0].extra{2}") == \
        "scenario 1, onbekend veld 3 (naam) (scenarios[0].extra{2})"
