"""The Totalen and Grafiek tabs of the Vergelijken window: total, mean and median, the
difference per payer and per category, and the report's two portfolio charts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from effectencalculator.report.format import format_euro
from effectencalculator.ui.labels import PAYER_LABELS
from effectencalculator.ui.long_work import Cancelled, Handle, LongWork, SyncRunner
from effectencalculator.ui.rows_model import RowsModel
from effectencalculator.ui.sections.portfolio_cases import portfolio_table
from effectencalculator.ui.sections.portfolio_work import PortfolioOutcome

if TYPE_CHECKING:  # the chart view (and its SVG module) loads when first drawn
    from effectencalculator.ui.chart_view import SvgChart

FIGURES = (("net_result", "Netto resultaat"), ("besparingen", "Potentiële besparingen"),
           ("baten", "Baten"), ("investment", "Investering in de aanpak"))


class TotalsTab(QWidget):
    """Every amount is the calculation's, added up by the model (``key_stats``,
    ``summed``) over the counted cases' figures."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        self.stats_model = RowsModel(
            ["Referentie − interventie", "Totaal", "Gemiddelde per casus", "Mediaan per casus"],
            ["Over de berekende casussen", "Som over de casussen", "", ""], parent=self)
        self.payer_model = RowsModel(["Financier", "Verschil"],
                                     ["Wie de kosten draagt",
                                      "Referentie min interventie, opgeteld over de casussen"],
                                     parent=self)
        self.category_model = RowsModel(["Categorie", "Verschil"],
                                        ["Soort voorziening of effect",
                                         "Referentie min interventie, opgeteld over de "
                                         "casussen"], parent=self)
        self.stats_view = portfolio_table(self.stats_model)
        self.stats_view.setObjectName("portfolio_stats")
        self.payer_view = portfolio_table(self.payer_model)
        self.category_view = portfolio_table(self.category_model)
        for column, (title, view) in enumerate((("Totaal, gemiddelde en mediaan",
                                                 self.stats_view),
                                                ("Per financier", self.payer_view),
                                                ("Per categorie", self.category_view))):
            group = QGroupBox(title)
            inner = QVBoxLayout(group)
            inner.addWidget(view)
            grid.addWidget(group, 0, column)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        grid.addWidget(self.note, 1, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)

    def clear(self) -> None:
        for model in (self.stats_model, self.payer_model, self.category_model):
            model.set_rows([])
        self.note.setText("")

    def show_outcome(self, outcome: PortfolioOutcome) -> None:
        rows = []
        for key, name in FIGURES:
            stats = outcome.stats(key)
            if stats is not None:
                rows.append([name, format_euro(stats.total), format_euro(stats.mean),
                             format_euro(stats.median)])
        self.stats_model.set_rows(rows, bold_rows={0} if rows else None)
        net = outcome.stats("net_result")
        total = [["Totaal", format_euro(net.total)]] if net is not None else []
        payers = [[PAYER_LABELS.get(k, k), format_euro(v)]
                  for k, v in outcome.by_payer().items()]
        self.payer_model.set_rows(payers + total, bold_rows={len(payers)})
        categories = [[k, format_euro(v)] for k, v in outcome.by_category().items()]
        self.category_model.set_rows(categories + total, bold_rows={len(categories)})
        failed = len(outcome.failed)
        self.note.setText(
            f"Over de {len(outcome.counted)} berekende casussen, geprijsd met "
            f"{outcome.table.name} {outcome.table.version} in prijspeil "
            f"{outcome.price_year}. Potentiële besparingen en baten "
            "zijn schattingen op basis van gereconstrueerde referentiescenario's, geen "
            "kasstromen. De totalen tellen ook de casussen met een onzeker verschil mee; hun "
            "onzekerheid is niet opgeteld."
            + (f" {failed} casus(sen) konden niet worden gelezen en tellen niet mee."
               if failed else ""))


@dataclass
class ChartSvg:
    """One chart drawn to SVG for QtSvg, with the drawing's size in points."""

    svg: bytes
    width: float
    height: float


def portfolio_chart_svgs(summary, families: dict[str, str]) -> tuple[ChartSvg, ChartSvg]:
    """The spread and the per-case bars as SVG: pure reportlab, no Qt, so it runs off
    the GUI thread (a thousand bars take seconds to draw)."""
    from effectencalculator.report.charts import portfolio_net_chart, portfolio_spread_chart
    from effectencalculator.report.portfolio_content import net_series, spread_series
    from effectencalculator.ui.chart_view import CHART_WIDTH_PT
    from effectencalculator.ui.charts import drawing_to_svg, svg_for_qt

    spread = spread_series(summary.cases, summary.net_result)
    assert spread is not None  # there are cases
    drawings = (portfolio_spread_chart(spread, CHART_WIDTH_PT * 1.5),
                portfolio_net_chart(net_series(summary.cases), CHART_WIDTH_PT * 1.5))
    first, second = (ChartSvg(svg_for_qt(drawing_to_svg(d), families), d.width, d.height)
                     for d in drawings)
    return first, second


class ChartTab(QScrollArea):
    """The report's two portfolio charts as SVG, drawn from the outcome's summary (its
    figures need no case text and may come from the reopen cache): the spread of the net
    result (each case a point, the quartiles, median and mean) and the net result per
    case with each P10–P90. They are drawn by a job of their own (``start_job``, no
    dialog) after the table is on screen, so a large portfolio never waits for them."""

    def __init__(self, start_job: Callable[[LongWork], Handle] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.start_job = start_job or SyncRunner().start
        self.setWidgetResizable(True)
        body = QWidget()
        self.chart_layout = QVBoxLayout(body)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.chart_layout.addWidget(self.note)
        self.spread_widget: SvgChart | None = None  # made when first drawn
        self.chart_widget: SvgChart | None = None
        self.chart_layout.addStretch(1)
        self.setWidget(body)
        self._job: Handle | None = None
        self._drawing = 0  # which draw() the running job belongs to

    def _hide(self) -> None:
        for chart in (self.spread_widget, self.chart_widget):
            if chart is not None:
                chart.hide()

    def draw(self, outcome: PortfolioOutcome | None) -> None:
        self._drawing += 1
        if self._job is not None and not self._job.finished:
            self._job.cancel()
        summary = outcome.summary if outcome is not None else None
        self._hide()
        if summary is None or not summary.cases:
            self.note.setText("Geen berekende casussen." if outcome is not None else "")
            return
        from effectencalculator.ui.chart_view import report_font_families

        self.note.setText("De grafieken worden getekend…")
        self._job = self.start_job(LongWork(
            work=partial(_draw_job, summary, report_font_families()),
            on_done=partial(self._drawn, self._drawing),
            on_error=partial(self._failed, self._drawing)))

    def _drawn(self, drawing: int, svgs: tuple[ChartSvg, ChartSvg]) -> None:
        if drawing != self._drawing:
            return  # a newer outcome is being drawn
        from effectencalculator.report.portfolio_content import SPREAD_CAPTION
        from effectencalculator.ui.chart_view import SvgChart
        if self.chart_widget is None or self.spread_widget is None:
            self.spread_widget = SvgChart("Spreiding van het netto resultaat over de "
                                          "casussen")
            self.spread_widget.setObjectName("portfolio_spread_chart")
            self.chart_widget = SvgChart("Netto resultaat per casus, met de bandbreedte "
                                         "P10–P90")
            self.chart_widget.setObjectName("portfolio_chart")
            self.chart_layout.insertWidget(1, self.spread_widget)
            self.chart_layout.insertWidget(2, self.chart_widget)
        for widget, chart in zip((self.spread_widget, self.chart_widget), svgs):
            widget.set_svg(chart.svg, chart.width, chart.height)
            widget.show()
        self.note.setText(
            f"Boven: {SPREAD_CAPTION} Onder: het netto resultaat (referentie − interventie) "
            "per casus als balk, met de bandbreedte P10–P90 als lijn; licht en gestippeld: "
            "onzeker, het interval bevat nul. Dezelfde grafieken staan in het "
            "portfoliorapport (PDF).")

    def _failed(self, drawing: int, exc: BaseException) -> None:
        if drawing != self._drawing or isinstance(exc, Cancelled):
            return
        # a chart must never take the window down (the runner logged the traceback)
        self.note.setText(f"De grafiek kon niet worden getekend: {exc}")
        self._hide()


def _draw_job(summary, families: dict[str, str], progress, is_cancelled
              ) -> tuple[ChartSvg, ChartSvg]:
    progress(0.0, "Grafieken tekenen")
    return portfolio_chart_svgs(summary, families)
