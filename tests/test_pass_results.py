"""Pass results, don't recompute them: a case is parsed, checked and priced once per
command, and the window's interval and sensitivity go into its PDF as they are."""

from __future__ import annotations

import io

import pytest
from conftest import EXAMPLE_CASE
from pypdf import PdfReader
from test_ui_support import make_window

from effectencalculator import cli
from effectencalculator.model import sensitivity as sensitivity_module
from effectencalculator.model import uncertainty as uncertainty_module
from effectencalculator.model.calculation import calculate
from effectencalculator.model.sensitivity import sensitivity
from effectencalculator.model.storage import load_case
from effectencalculator.model.tables import table_for_case
from effectencalculator.model.uncertainty import simulate
from effectencalculator.report import build, content
from effectencalculator.report.format import format_euro
from effectencalculator.ui.report_dialog import ReportChoice


def _refuse(name):
    def refused(*_args, **_kwargs):
        raise AssertionError(f"{name} opnieuw berekend")
    return refused


@pytest.fixture(scope="module")
def priced():
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    result = calculate(case, table)
    return case, table, result, build.build_report_pdf(case, table)


def test_a_passed_result_gives_the_same_pdf_without_computing_again(priced, monkeypatch):
    case, table, result, expected = priced
    uncertainty, swings = simulate(result), sensitivity(result)
    monkeypatch.setattr(build, "calculate", _refuse("calculate"))
    monkeypatch.setattr(uncertainty_module, "simulate", _refuse("simulate"))
    monkeypatch.setattr(content, "sensitivity", _refuse("sensitivity"))
    assert build.build_report_pdf(case, table, result=result, uncertainty=uncertainty,
                                  swings=swings) == expected


def test_the_report_command_prices_the_case_once(tmp_path, monkeypatch, capsys):
    calls = []

    def counting(case, table):
        calls.append(case.info.code)
        return calculate(case, table)

    monkeypatch.setattr(cli, "calculate", counting)
    monkeypatch.setattr(build, "calculate", counting)
    out = tmp_path / "rapport.pdf"
    assert cli.main(["report", str(EXAMPLE_CASE), "-o", str(out),
                     "--accept-privacy-findings"]) == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    assert len(calls) == 1


def test_the_window_exports_its_own_interval_and_sensitivity(qtbot, ctx,
                                                             tmp_path, priced, monkeypatch):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    window.uncertainty.run_now()  # the debounce timer is a fake: run at once
    assert not window.uncertainty.stale and window.uncertainty.outcome is not None
    monkeypatch.setattr(uncertainty_module, "simulate", _refuse("simulate"))
    monkeypatch.setattr(content, "sensitivity", _refuse("sensitivity"))
    monkeypatch.setattr(sensitivity_module, "sensitivity", _refuse("sensitivity"))
    finished = []
    window.exports.pdfFinished.connect(finished.append)
    ctx.dialogs.save_path = str(tmp_path / "rapport.pdf")
    ctx.dialogs.yes_no = False
    window.exports.write_report(ReportChoice())
    assert finished == [tmp_path / "rapport.pdf"], ctx.dialogs.errors
    # the window's interval is the one in the report
    reader = PdfReader(io.BytesIO((tmp_path / "rapport.pdf").read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    u = window.uncertainty.outcome.uncertainty
    assert f"{format_euro(u.net_result.p10)} tot {format_euro(u.net_result.p90)}" in text
    window.doc.undo_stack.setClean()
