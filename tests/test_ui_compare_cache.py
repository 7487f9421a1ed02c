"""Vergelijken reopens a folder from the reopen cache: the same table, totals and charts
as a full read, a changed file re-read, an export that reads the cases in full (and asks
about privacy), a corrupt cache rebuilt with a notice — all through the real buttons."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_compare import folder as folder  # the fixture, shared
from test_ui_compare import open_compare

from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.storage import load_table
from effectencalculator.model.tables import default_table_path
from effectencalculator.ui.chart_view import report_font_families
from effectencalculator.ui.long_work import Handle
from effectencalculator.ui.sections.portfolio_totals import portfolio_chart_svgs
from effectencalculator.ui.sections.vergelijken import VergelijkenWindow
from effectencalculator.ui.services import SyncRunner


def shown(compare) -> dict[str, list[list[str]]]:
    """Everything the window's tables and summary show, cell by cell."""
    def cells(model):
        return [[model.cell(r, c) for c in range(model.columnCount())]
                for r in range(model.rowCount())]
    return {"cases": cells(compare.cases_model), "stats": cells(compare.stats_model),
            "payers": cells(compare.payer_model),
            "categories": cells(compare.category_model),
            "repriced": cells(compare.repriced_model), "failed": cells(compare.failed_model),
            "summary": [[compare.summary.text()]], "note": [[compare.totals_note.text()]]}


def click_rebuild(qtbot, compare) -> None:
    qtbot.mouseClick(compare.rebuild_button, Qt.MouseButton.LeftButton)
    assert compare.outcome is not None


def test_ui_compare_reopens_unchanged_cases_from_the_cache_showing_the_same(
        qtbot, ctx, folder):
    window, compare = open_compare(qtbot, ctx, folder)
    first = compare.outcome
    assert (first.from_cache, first.computed) == (0, 4)
    assert first.portfolio is not None  # everything was read: the exports need no more
    before = shown(compare)
    chart = compare.chart_widget.svg_bytes
    spread = compare.chart_area.spread_widget.svg_bytes

    click_rebuild(qtbot, compare)
    again = compare.outcome
    # the three cases from the cache; the broken file is never kept, so read again
    assert (again.from_cache, again.computed) == (3, 1)
    assert again.portfolio is None
    assert shown(compare) == before  # titles (read from the files) included
    assert "Gezin Noordhoek" in [row[1] for row in before["cases"]]
    assert compare.chart_widget.svg_bytes == chart
    assert compare.chart_area.spread_widget.svg_bytes == spread
    assert "3 ongewijzigd uit de cache, 1 gelezen en berekend" in \
        compare.statusBar().currentMessage()
    assert ctx.dialogs.errors == []
    window.doc.undo_stack.setClean()


def test_ui_compare_re_reads_a_changed_file(qtbot, ctx, folder):
    window, compare = open_compare(qtbot, ctx, folder)
    path = folder / "pt-utr-031-jonkers.yaml"
    text = path.read_text(encoding="utf-8")
    assert "title: Gezin Jonkers" in text
    path.write_text(text.replace("title: Gezin Jonkers", "title: Gezin Jonkers (herzien)"),
                    encoding="utf-8")
    click_rebuild(qtbot, compare)
    assert (compare.outcome.from_cache, compare.outcome.computed) == (2, 2)
    model = compare.cases_model
    titles = {model.cell(r, 0): model.cell(r, 1) for r in range(model.rowCount())}
    assert titles["PT-UTR-031"] == "Gezin Jonkers (herzien)"
    assert titles["PT-AMS-014"] == "Gezin Noordhoek"  # from the cache, title from the file
    window.doc.undo_stack.setClean()


def test_ui_compare_export_from_the_cache_reads_the_cases_and_asks_about_privacy(
        qtbot, ctx, folder, tmp_path):
    window, compare = open_compare(qtbot, ctx, folder)
    click_rebuild(qtbot, compare)
    assert compare.outcome.portfolio is None
    ctx.never_export_file().write_text("Jonkers\n", encoding="utf-8")
    ctx.dialogs.save_path = str(tmp_path / "portfolio.xlsx")
    written = []
    compare.exported.connect(written.append)
    ctx.dialogs.yes_no = False
    qtbot.mouseClick(compare.export_buttons[".xlsx"], Qt.MouseButton.LeftButton)
    assert written == [] and not (tmp_path / "portfolio.xlsx").exists()
    assert "PT-UTR-031: " in ctx.dialogs.asked_yes_no[-1]
    assert compare.outcome.portfolio is not None and not compare.busy

    ctx.dialogs.yes_no = True
    qtbot.mouseClick(compare.export_buttons[".xlsx"], Qt.MouseButton.LeftButton)
    assert written == [[tmp_path / "portfolio.xlsx"]], ctx.dialogs.errors
    expected = build_portfolio([folder], load_table(default_table_path()))
    book = openpyxl.load_workbook(tmp_path / "portfolio.xlsx", read_only=True)
    rows = list(book["Casussen"].iter_rows(values_only=True))
    net = rows[0].index("netto resultaat")
    by_code = {r[0]: r[net] for r in rows[1:]}
    for entry in expected.priced:
        assert by_code[entry.code] == pytest.approx(entry.result.comparison.net_result)
    window.doc.undo_stack.setClean()


def test_ui_compare_export_shows_a_file_changed_since_the_comparison(
        qtbot, ctx, folder, tmp_path):
    window, compare = open_compare(qtbot, ctx, folder)
    click_rebuild(qtbot, compare)
    path = folder / "pt-ams-014-noordhoek.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Gezin Noordhoek", "title: Gezin Noordhoek (bijgewerkt)"), encoding="utf-8")
    ctx.dialogs.yes_no = True
    ctx.dialogs.save_path = str(tmp_path / "portfolio.csv")
    compare.export(".csv")
    model = compare.cases_model
    assert "Gezin Noordhoek (bijgewerkt)" in [model.cell(r, 1) for r in range(model.rowCount())]
    # the title is text, not a figure: the figures did not change, so no warning
    assert "gewijzigd sinds" not in compare.statusBar().currentMessage()
    window.doc.undo_stack.setClean()


def test_ui_compare_rebuilds_a_corrupt_cache_with_a_notice(qtbot, ctx, folder, tmp_path):
    ctx.portfolio_cache_path = tmp_path / "cache" / "cijfers.sqlite3"
    ctx.portfolio_cache_path.parent.mkdir()
    ctx.portfolio_cache_path.write_bytes(b"dit is geen SQLite-bestand" * 40)
    window, compare = open_compare(qtbot, ctx, folder)
    assert ctx.dialogs.errors == []
    assert "opnieuw opgebouwd" in compare.statusBar().currentMessage()
    assert compare.cases_model.rowCount() == 4
    click_rebuild(qtbot, compare)
    assert compare.outcome.from_cache == 3
    window.doc.undo_stack.setClean()


class ChartsLater(SyncRunner):
    """Runs every job at once but the Vergelijken window's job without a progress dialog
    (the charts): that one is kept until ``run_kept`` — as the thread pool delivers it
    after the table."""

    def __init__(self):
        super().__init__()
        self.kept: list = []

    def start(self, job, parent=None):
        if job.title or not isinstance(parent, VergelijkenWindow):
            return super().start(job, parent)
        self.kept.append((job, parent))
        return Handle()

    def run_kept(self, newest_first: bool = False):
        kept, self.kept = self.kept, []
        for job, parent in reversed(kept) if newest_first else kept:
            super().start(job, parent)


def test_ui_compare_shows_the_table_before_the_charts_are_drawn(qtbot, ctx, folder):
    ctx.runner = ChartsLater()
    window, compare = open_compare(qtbot, ctx, folder)
    assert compare.cases_model.rowCount() == 4 and compare.stats_model.rowCount() == 4
    assert compare.chart_area.note.text() == "De grafieken worden getekend…"
    assert compare.chart_widget is None and len(ctx.runner.kept) == 1
    # another price year before the first charts arrive, and the old charts delivered
    # last: only the newest outcome's are shown
    QTest.keyClicks(compare.year_edit, "2015")
    click_rebuild(qtbot, compare)
    assert compare.outcome.price_year == 2015 and len(ctx.runner.kept) == 2
    compare.tabs.setCurrentIndex(2)  # Grafiek
    ctx.runner.run_kept(newest_first=True)
    spread, bars = portfolio_chart_svgs(compare.outcome.summary, report_font_families())
    assert compare.chart_widget.svg_bytes == bars.svg
    assert compare.chart_area.spread_widget.svg_bytes == spread.svg
    assert b"PT-GLD-047" in compare.chart_widget.svg_bytes
    assert compare.chart_area.spread_widget.isVisibleTo(compare)
    assert compare.chart_area.note.text().startswith("Boven: ")
    window.doc.undo_stack.setClean()
