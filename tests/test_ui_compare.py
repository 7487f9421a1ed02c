"""Vergelijken: a folder of cases as a portfolio (with a broken file listed, never
skipped), totals from the model, exports read back, opening a case in the main window;
and the spreadsheet export of the open case."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from conftest import EXAMPLE_CASE, ROOT
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_support import make_window

from effectencalculator.model.calculation import calculate
from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.storage import load_table
from effectencalculator.model.tables import default_table_path
from effectencalculator.report.format import format_euro
from effectencalculator.ui.services import SaveChoice, SyncRunner

BROKEN = "schema_version: 1\ncase:\n  code: KAPOT\n  period: [niet afgesloten\n"


@pytest.fixture
def folder(tmp_path):
    cases = tmp_path / "casussen"
    cases.mkdir()
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        shutil.copy(path, cases / path.name)
    (cases / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    return cases


def open_compare(qtbot, ctx, folder):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    compare = window.open_compare_window()
    compare.open_paths([folder])
    assert compare.outcome is not None, ctx.dialogs.errors
    return window, compare


def test_ui_compare_lists_every_case_and_the_broken_one_with_its_error(qtbot, ctx, folder):
    window, compare = open_compare(qtbot, ctx, folder)
    model = compare.cases_model
    assert model.rowCount() == 4
    codes = [model.cell(r, 0) for r in range(4)]
    assert codes == ["kapot", "PT-AMS-014", "PT-GLD-047", "PT-UTR-031"]
    broken = codes.index("kapot")
    assert broken in model.failed_rows
    assert model.cell(broken, 1).startswith("kapot.yaml — niet meegeteld: regel 5")
    # the error names the file and line, in the table and in "Niet geladen"
    assert compare.failed_model.rowCount() == 1
    assert compare.failed_model.cell(0, 0).endswith("kapot.yaml")
    assert compare.failed_model.cell(0, 1).startswith("regel 5: fout: YAML-fout")
    assert "(1)" in compare.tabs.tabText(4)
    assert "3 van 4 casussen berekend" in compare.summary.text()
    assert "1 niet meegeteld" in compare.summary.text()
    # the uncertain example is marked
    gld = codes.index("PT-GLD-047")
    assert model.cell(gld, model.VERDICT) == "onzeker: ongeveer gelijk"
    assert model.cell(codes.index("PT-AMS-014"), model.VERDICT) == "interventie goedkoper"
    window.doc.undo_stack.setClean()


def test_ui_compare_totals_equal_the_portfolio(qtbot, ctx, folder):
    window, compare = open_compare(qtbot, ctx, folder)
    expected = build_portfolio([folder], load_table(default_table_path()))
    rows = {compare.stats_model.cell(r, 0): r for r in range(compare.stats_model.rowCount())}
    for key, name in (("net_result", "Netto resultaat"), ("besparingen",
                                                          "Potentiële besparingen"),
                      ("baten", "Baten"), ("investment", "Investering in de aanpak")):
        stats = expected.stats(key)
        row = rows[name]
        assert [compare.stats_model.cell(row, c) for c in (1, 2, 3)] == [
            format_euro(stats.total), format_euro(stats.mean), format_euro(stats.median)]
    by_payer = expected.by_payer()
    assert compare.payer_model.rowCount() == len(by_payer) + 1
    assert [compare.payer_model.cell(r, 1) for r in range(len(by_payer))] == [
        format_euro(v) for v in by_payer.values()]
    assert compare.payer_model.cell(len(by_payer), 1) == format_euro(
        expected.stats("net_result").total)
    assert compare.category_model.rowCount() == len(expected.by_category()) + 1
    # per case: the figures of the case's own comparison
    model = compare.cases_model
    for row, entry in enumerate(expected.cases):
        if entry.ok:
            assert model.cell(row, model.NET) == format_euro(
                entry.result.comparison.net_result)
    window.doc.undo_stack.setClean()


def test_ui_compare_chart_and_repriced(qtbot, ctx, folder):
    window, compare = open_compare(qtbot, ctx, folder)
    # another price year: every case is repriced, with its reason
    QTest.keyClicks(compare.year_edit, "2024")   # typed, as a user would
    compare.rebuild()
    assert compare.outcome.portfolio.price_year == 2024
    assert compare.repriced_model.rowCount() == 3
    assert "prijspeil 2025 omgerekend naar 2024" in compare.repriced_model.cell(0, 2)
    assert "(3)" in compare.tabs.tabText(3)
    svg = compare.chart_widget.svg_bytes
    assert b"PT-GLD-047" in svg and b"onzeker" in svg and b"clipPath" not in svg
    window.doc.undo_stack.setClean()


def test_ui_compare_can_be_cancelled_and_keeps_the_previous_outcome(qtbot, ctx, folder):
    window, compare = open_compare(qtbot, ctx, folder)
    before = compare.outcome

    ctx.runner = SyncRunner(cancel_at=0.0)  # the user pressed Annuleren at once
    compare.rebuild()
    assert compare.outcome is before and not compare.busy
    assert "geannuleerd" in compare.statusBar().currentMessage()
    assert ctx.dialogs.errors == []
    window.doc.undo_stack.setClean()


def test_ui_compare_exports_xlsx_csv_and_pdf(qtbot, ctx, folder, tmp_path):
    window, compare = open_compare(qtbot, ctx, folder)
    expected = build_portfolio([folder], load_table(default_table_path()))
    ctx.dialogs.yes_no = True
    ctx.dialogs.save_path = str(tmp_path / "uit" / "portfolio.xlsx")
    (tmp_path / "uit").mkdir()
    written = []
    compare.exported.connect(written.append)
    compare.export(".xlsx")
    assert written[-1] == [tmp_path / "uit" / "portfolio.xlsx"], ctx.dialogs.errors
    book = openpyxl.load_workbook(tmp_path / "uit" / "portfolio.xlsx", read_only=True)
    rows = list(book["Casussen"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 4
    net = header.index("netto resultaat")
    error = header.index("fout")
    by_code = {r[0]: r for r in body}
    assert by_code["kapot"][net] is None and "kapot.yaml" in by_code["kapot"][error]
    for entry in expected.priced:
        assert by_code[entry.code][net] == pytest.approx(entry.result.comparison.net_result)
    totals = {(r[0], r[1]): r[2] for r in book["Totalen"].iter_rows(values_only=True)}
    assert totals[("netto resultaat", "totaal")] == pytest.approx(
        expected.stats("net_result").total)
    assert ctx.desktop.folders == [tmp_path / "uit"]

    ctx.dialogs.save_path = str(tmp_path / "uit" / "portfolio.csv")
    compare.export(".csv")
    assert tmp_path / "uit" / "portfolio.csv" in written[-1] and len(written[-1]) == 3

    ctx.dialogs.save_path = str(tmp_path / "uit" / "portfolio")
    compare.export(".pdf")
    assert written[-1] == [tmp_path / "uit" / "portfolio.pdf"], ctx.dialogs.errors
    assert (tmp_path / "uit" / "portfolio.pdf").read_bytes().startswith(b"%PDF")
    assert not compare.busy and compare.progress is None
    window.doc.undo_stack.setClean()


def test_ui_compare_double_click_opens_the_case_with_the_unsaved_prompt(qtbot, ctx, folder):
    window, compare = open_compare(qtbot, ctx, folder)
    model = compare.cases_model
    row = [model.cell(r, 0) for r in range(model.rowCount())].index("PT-UTR-031")
    # unsaved changes in the main window, and the user cancels: nothing changes
    from effectencalculator.ui.commands import set_field
    set_field(window.doc, ("info",), "title", "Gewijzigd", "titel wijzigen")
    ctx.dialogs.save_choice = SaveChoice.CANCEL
    compare._case_double_clicked(model.index(row, 0))
    assert ctx.dialogs.asked_save and window.doc.case.info.code == "PT-AMS-014"
    # discard: the case opens
    ctx.dialogs.save_choice = SaveChoice.DISCARD
    compare._case_double_clicked(model.index(row, 0))
    assert window.doc.case.info.code == "PT-UTR-031"
    assert window.doc.path == (folder / "pt-utr-031-jonkers.yaml").resolve()
    # the broken one: the main window says why, and keeps its case
    broken = [model.cell(r, 0) for r in range(model.rowCount())].index("kapot")
    compare._case_double_clicked(model.index(broken, 0))
    assert ctx.dialogs.errors and ctx.dialogs.errors[-1][0] == "Casus niet geopend"
    assert window.doc.case.info.code == "PT-UTR-031"
    window.doc.undo_stack.setClean()


def test_ui_export_case_spreadsheet_xlsx_and_csv(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    result = calculate(window.doc.case, window.doc.table)
    ctx.dialogs.save_path = str(tmp_path / "casus")
    written = window.exports.export_sheets()
    assert written == [tmp_path / "casus.xlsx"], ctx.dialogs.errors
    book = openpyxl.load_workbook(written[0], read_only=True)
    assert book.sheetnames[0] == "Samenvatting"
    assert "Regels referentie" in book.sheetnames and "Posten en bronnen" in book.sheetnames
    rows = list(book["Samenvatting"].iter_rows(values_only=True))
    figures = {r[0]: r[3] for r in rows[1:] if r[2] in ("", None)}
    c = result.comparison
    assert figures["netto resultaat"] == pytest.approx(c.net_result)
    assert isinstance(figures["netto resultaat"], float)
    lines = list(book["Regels referentie"].iter_rows(values_only=True))
    assert len(lines) - 1 == len(result.scenarios["referentie"].lines)
    ctx.dialogs.save_path = str(tmp_path / "casus.csv")
    written = window.exports.export_sheets()
    assert written[0] == tmp_path / "casus.csv" and len(written) == len(book.sheetnames)
    assert all(p.exists() for p in written)


def test_ui_compare_window_from_the_menu(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    window.actions_.compare_cases.trigger()
    compare = window.compare_window
    assert compare.isVisible() and compare.outcome is None
    assert not compare.export_buttons[".xlsx"].isEnabled()
    assert window.actions_.export_sheets.isEnabled()
    compare.close()


def test_ui_compare_export_asks_about_privacy_findings_with_the_current_list(
        qtbot, ctx, folder, tmp_path):
    """The cases are checked while reading; a name added to the never-export list since
    is found too, and the export waits for the user's answer."""
    window, compare = open_compare(qtbot, ctx, folder)
    portfolio = compare.outcome.portfolio
    assert portfolio.never_export == () and all(e.privacy is not None
                                                 for e in portfolio.priced)
    ctx.never_export_file().write_text("Jonkers\n", encoding="utf-8")
    ctx.dialogs.save_path = str(tmp_path / "portfolio.xlsx")
    written = []
    compare.exported.connect(written.append)
    ctx.dialogs.yes_no = False
    compare.export(".xlsx")
    assert written == [] and not (tmp_path / "portfolio.xlsx").exists()
    asked = ctx.dialogs.asked_yes_no[-1]
    assert "PT-UTR-031: " in asked and "niet-exporteren-lijst" in asked
    ctx.dialogs.yes_no = True
    compare.export(".xlsx")
    assert written == [[tmp_path / "portfolio.xlsx"]], ctx.dialogs.errors
    window.doc.undo_stack.setClean()


def open_folder_with_a_copy(qtbot, ctx, folder):
    """The examples plus a copy of PT-AMS-014, opened with the real Map openen… button
    (the folder dialog answered by the test's dialogs)."""
    shutil.copy(folder / "pt-ams-014-noordhoek.yaml", folder / "zz-kopie.yaml")
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    compare = window.open_compare_window()
    ctx.dialogs.choose_folder = lambda parent, title, start: str(folder)
    qtbot.mouseClick(compare.open_folder_button, Qt.MouseButton.LeftButton)  # Map openen…
    assert compare.outcome is not None, ctx.dialogs.errors
    return window, compare


def test_ui_compare_marks_a_second_file_of_the_same_case_and_counts_it_once(
        qtbot, ctx, folder):
    window, compare = open_folder_with_a_copy(qtbot, ctx, folder)
    model = compare.cases_model
    files = [model.entry(r).path.name for r in range(model.rowCount())]
    copy, original = files.index("zz-kopie.yaml"), files.index("pt-ams-014-noordhoek.yaml")
    assert model.cell(copy, model.NOTE) == (
        "dubbel van pt-ams-014-noordhoek.yaml, telt niet mee")
    assert model.cell(original, model.NOTE) == ""
    assert model.cell(copy, 1) == "Gezin Noordhoek — dubbel, telt niet mee"
    assert model.cell(original, 1) == "Gezin Noordhoek"
    assert copy in model.duplicate_rows and original not in model.duplicate_rows
    index = model.index(copy, model.NET)
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    note = model.index(copy, model.NOTE)
    assert model.data(note, Qt.ItemDataRole.ToolTipRole).startswith("Dezelfde casuscode als")
    # the total counts the case once: the same as without the copy
    without = build_portfolio([p for p in folder.glob("*.yaml") if p.name != "zz-kopie.yaml"],
                              load_table(default_table_path()))
    rows = {compare.stats_model.cell(r, 0): r for r in range(compare.stats_model.rowCount())}
    assert compare.stats_model.cell(rows["Netto resultaat"], 1) == format_euro(
        without.stats("net_result").total)
    assert "dezelfde casuscode" in compare.summary.text()
    assert "3 van 5 casussen berekend</b> · " in compare.summary.text()  # + kapot.yaml
    assert "· 1 dubbel (telt niet mee) ·" in compare.summary.text()
    window.doc.undo_stack.setClean()


def test_ui_compare_draws_the_spread_with_median_and_mean_counting_a_duplicate_once(
        qtbot, ctx, folder):
    """Grafiek: the strip and box chart above the bars, from the same figures as the PDF:
    a copy of a case is one point, and the mean and median are those without it."""
    window, compare = open_folder_with_a_copy(qtbot, ctx, folder)
    compare.tabs.setCurrentIndex(2)  # Grafiek
    without = build_portfolio([p for p in folder.glob("*.yaml") if p.name != "zz-kopie.yaml"],
                              load_table(default_table_path())).stats("net_result")
    spread = compare.chart_area.spread_widget
    assert spread is not None and spread.isVisibleTo(compare)
    svg = spread.svg_bytes.decode("utf-8")
    assert f"mediaan {format_euro(without.median)}" in svg
    assert f"gemiddelde {format_euro(without.mean)}" in svg
    assert svg.count("<circle") == 3 + 2  # one point per counted case, two in the legend
    assert compare.chart_widget.svg_bytes.count(b"PT-AMS-014") == 1
    assert "de ruit het gemiddelde" in compare.chart_area.note.text()
    window.doc.undo_stack.setClean()
