"""Portfolio guardrails and synthesis (issue 16), on hand-made figures with expectations
computed by hand: duplicates, concentration, leave-one-out, the bootstrap, the counts."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import DEFAULT_TABLE, EXAMPLE_CASE

from effectencalculator.cli import main
from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.portfolio_figures import CaseFigures
from effectencalculator.model.portfolio_stats import (
    NOT_RANDOM,
    extrapolate,
    parse_review_filter,
    split_duplicates,
    summarize,
)
from effectencalculator.model.storage import load_table


def fig(code: str, net: float, **kw) -> CaseFigures:
    return CaseFigures(path=f"{code.lower()}.yaml", code=code, net_result=net, **kw)


FOUR = [fig("A", 10), fig("B", 20), fig("C", 30), fig("D", 100)]


def test_leave_one_out_range_and_most_influential_case():
    s = summarize(FOUR)
    # total 160; without A: 150/3 = 50, B: 140/3, C: 130/3, D: 60/3 = 20
    assert s.leave_one_out.mean_low == pytest.approx(20.0)
    assert s.leave_one_out.mean_high == pytest.approx(50.0)
    assert s.leave_one_out.total_low == 60 and s.leave_one_out.total_high == 150
    assert s.leave_one_out.most_influential == "D"  # |20 − 40| > |50 − 40|


def test_concentration_median_and_both_warnings():
    s = summarize(FOUR)
    assert s.net_result.total == 160 and s.net_result.mean == 40
    assert s.net_result.median == 25  # beside the mean: (20 + 30) / 2
    assert s.concentration.top1_share == pytest.approx(100 / 160)
    assert s.concentration.top3_share == pytest.approx(150 / 160)
    assert s.concentration.top1_code == "D"
    assert len(s.warnings) == 2
    assert "maar 4 casussen (minder dan 5)" in s.warnings[0]
    assert "één casus (D) draagt 62 %" in s.warnings[1]


def test_no_warning_for_five_balanced_cases():
    s = summarize([fig(c, 10) for c in "ABCDE"])
    assert s.warnings == []
    assert s.concentration.top1_share == pytest.approx(0.2)


def test_duplicates_count_once_newest_save_wins():
    old = fig("PT-1", 50, saved="2026-01-01T10:00:00+00:00")
    old.path = "a.yaml"
    new = fig("PT-1", 70, saved="2026-01-01T11:30:00+01:00")  # 10:30 UTC: newer
    new.path = "b.yaml"
    s = summarize([old, new, fig("PT-2", 5)])
    assert [c.code for c in s.cases] == ["PT-1", "PT-2"]
    assert s.net_result.total == 75  # 70 + 5, not 125
    assert [(d.code, d.path, d.kept) for d in s.duplicates] == [("PT-1", "a.yaml", "b.yaml")]


def test_duplicates_without_history_keep_the_file_named_first():
    kept, dups = split_duplicates([("X", "b"), ("x ", "a")], lambda t: t[0],
                                  lambda t: "", lambda t: t[1])
    assert kept == [("x ", "a")] and dups[0].path == "b"


def test_bootstrap_interval_fixed_seed_contains_the_mean():
    cases = [fig(c, v) for c, v in zip("ABCDEFG", (6000, 9000, 12000, 15000, 22000,
                                                   30000, 49000))]
    ex = extrapolate(cases, population=152, selection="alle 7 casussen")
    mean = sum(c.net_result for c in cases) / 7
    assert ex.mean == pytest.approx(mean)
    assert ex.estimate == pytest.approx(mean * 152)
    assert ex.low < ex.estimate < ex.high
    assert ex.low / 152 >= 6000 and ex.high / 152 <= 49000
    assert ex.sample_size == 7 and ex.codes == tuple("ABCDEFG")
    again = extrapolate(cases, population=152, selection="")
    assert (again.low, again.high) == (ex.low, ex.high)  # fixed seed: the same every run
    other = extrapolate(cases, population=152, selection="", seed=1)
    assert (other.low, other.high) != (ex.low, ex.high)
    assert "geen aselecte steekproef" in ex.note


def test_extrapolation_is_off_unless_asked():
    assert summarize(FOUR).extrapolation is None
    assert summarize(FOUR, population=10).extrapolation.sample_size == 4


def test_synthesis_domains_readings_mechanisms_review_proeftuin():
    a = fig("A", 10, proeftuin="Utrecht", review="definitief",
            directions=[("veiligheid", "verbeterd"), ("wonen", "gelijk")],
            reading_changes=[("veiligheid", "zrm", 2.0), ("veiligheid", "zrm", 1.0),
                             ("veiligheid", "0-10", 4.0)],
            mechanisms=[("Snellere hulp ", "kostenverlagend"), ("snellere hulp", "")])
    b = fig("B", 30, proeftuin="Utrecht", review="gecontroleerd",
            directions=[("veiligheid", "verslechterd")],
            reading_changes=[("veiligheid", "zrm", -1.0)],
            mechanisms=[("  SNELLERE HULP", "kostenverlagend"), ("geen overdrachten", "")])
    c = fig("C", 50, proeftuin="Gelderland")
    s = summarize([a, b, c])
    assert s.domains["veiligheid"] == {"verbeterd": 1, "gelijk": 0, "verslechterd": 1,
                                       "onbekend": 0}
    zrm = s.readings["veiligheid"]["zrm"]
    assert zrm.mean_change == pytest.approx((2 + 1 - 1) / 3) and zrm.readings == 3
    assert zrm.cases == 2
    assert s.readings["veiligheid"]["0-10"].mean_change == 4.0  # never mixed with zrm
    top = s.mechanisms[0]
    assert (top.tag.casefold(), top.cases, top.kostenverlagend) == ("snellere hulp", 2, 2)
    assert s.mechanisms[1].tag == "geen overdrachten" and s.mechanisms[1].cases == 1
    assert s.by_review == {"concept": 1, "gecontroleerd": 1, "definitief": 1}
    assert s.proeftuinen["Utrecht"].total == 40 and s.proeftuinen["Utrecht"].median == 20
    checked = summarize([a, b, c], parse_review_filter("gecontroleerd,definitief"))
    assert [x.code for x in checked.cases] == ["A", "B"]
    assert checked.by_review["concept"] == 1  # counted over all, marked
    assert "2 van 3 casussen" in checked.selection


def test_review_filter_refuses_an_unknown_status():
    assert parse_review_filter(None) == () and parse_review_filter("alle") == ()
    with pytest.raises(ValueError, match="onbekende beoordelingsstatus 'klaar'"):
        parse_review_filter("gecontroleerd,klaar")


def _folder_with_duplicate(tmp_path):
    folder = tmp_path / "casussen"
    folder.mkdir()
    shutil.copy(EXAMPLE_CASE, folder / "a.yaml")
    shutil.copy(EXAMPLE_CASE, folder / "b.yaml")
    return folder


def test_build_portfolio_counts_a_duplicate_file_once(tmp_path):
    table = load_table(DEFAULT_TABLE)
    portfolio = build_portfolio([_folder_with_duplicate(tmp_path)], table)
    assert len(portfolio.cases) == 2 and len(portfolio.priced) == 1
    assert portfolio.duplicates[0].path.name == "b.yaml"
    assert portfolio.duplicates[0].duplicate_of.name == "a.yaml"
    single = portfolio.priced[0].result.comparison.net_result
    assert portfolio.stats("net_result").total == pytest.approx(single)


def test_cli_json_has_the_promised_keys(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = _folder_with_duplicate(tmp_path)
    assert main(["portfolio", str(folder), "--json", "--population", "100"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("cases", "net_result", "concentration", "duplicates", "mechanisms",
                "by_review", "warnings", "leave_one_out", "extrapolation"):
        assert key in data
    assert data["case_count"] == 1 and len(data["cases"]) == 1
    assert data["duplicates"][0]["file"].endswith("b.yaml")
    assert data["concentration"]["top1_share"] == 1.0
    assert data["net_result"]["total"] == data["cases"][0]["net_result"]
    assert data["extrapolation"]["sample_size"] == 1
    assert data["extrapolation"]["note"] == NOT_RANDOM
    assert any("minder dan 5" in w for w in data["warnings"])
