"""The evaluators' DataFrames agree with the XLSX rows and count a duplicate once."""

from __future__ import annotations

import shutil

import pytest
from conftest import DEFAULT_TABLE, EXAMPLE_CASE, ROOT

from effectencalculator.export.rows import portfolio_sheets
from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.storage import load_table
from effectencalculator.portfolio import EXTRA_CASE_COLUMNS, frames


def test_frames_are_the_xlsx_rows_plus_review_and_payer_views(tmp_path):
    folder = tmp_path / "casussen"
    shutil.copytree(ROOT / "examples", folder)
    shutil.copy(EXAMPLE_CASE, folder / "zz-kopie.yaml")
    cases, lines = frames([folder], DEFAULT_TABLE)
    sheets = {s.name: s for s in portfolio_sheets(build_portfolio([folder],
                                                                  load_table(DEFAULT_TABLE)))}
    assert list(cases.columns) == sheets["Casussen"].columns + EXTRA_CASE_COLUMNS
    assert cases.shape[0] == 4 and lines.shape[0] == len(sheets["Regels"].rows)
    assert cases["netto resultaat"].tolist() == [r[8] for r in sheets["Casussen"].rows]
    assert (cases["dubbel van"] != "").sum() == 1  # the copy is marked, its lines not counted
    counted = cases[cases["dubbel van"] == ""]
    assert lines["kosten geteld"].sum() == pytest.approx(
        sum(r[24] or 0 for r in sheets["Regels"].rows))
    payer_columns = [c for c in EXTRA_CASE_COLUMNS if c.startswith("netto ")]
    # the business cases per payer add up to the society's net result
    assert counted[payer_columns].sum(axis=1).tolist() == pytest.approx(
        counted["netto resultaat"].tolist())
    assert set(cases["beoordeling"]) == {"concept"}
