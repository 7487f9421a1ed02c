"""The Totalen and Grafiek tabs of the Vergelijken window: total, mean and median, the
difference per payer and per category, and the report's net-result-per-case chart."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from effectencalculator.report.format import format_euro
from effectencalculator.ui.labels import PAYER_LABELS
from effectencalculator.ui.rows_model import RowsModel
from effectencalculator.ui.sections.portfolio_cases import portfolio_table
from effectencalculator.ui.sections.portfolio_work import PortfolioOutcome

if TYPE_CHECKING:  # the chart view (and its SVG module) loads when first drawn
    from effectencalculator.ui.chart_view import SvgChart

log = logging.getLogger(__name__)

FIGURES = (("net_result", "Netto resultaat"), ("besparingen", "Potentiële besparingen"),
           ("baten", "Baten"), ("investment", "Investering in de aanpak"))


class TotalsTab(QWidget):
    """Every amount is the model's (``Portfolio.stats``, ``by_payer``, ``by_category``)."""

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
        p = outcome.portfolio
        rows = []
        for key, name in FIGURES:
            stats = p.stats(key)
            if stats is not None:
                rows.append([name, format_euro(stats.total), format_euro(stats.mean),
                             format_euro(stats.median)])
        self.stats_model.set_rows(rows, bold_rows={0} if rows else None)
        net = p.stats("net_result")
        total = [["Totaal", format_euro(net.total)]] if net is not None else []
        payers = [[PAYER_LABELS.get(k, k), format_euro(v)] for k, v in p.by_payer().items()]
        self.payer_model.set_rows(payers + total, bold_rows={len(payers)})
        categories = [[k, format_euro(v)] for k, v in p.by_category().items()]
        self.category_model.set_rows(categories + total, bold_rows={len(categories)})
        self.note.setText(
            f"Over de {len(p.priced)} berekende casussen, geprijsd met {p.table.name} "
            f"{p.table.version} in prijspeil {p.price_year}. Potentiële besparingen en baten "
            "zijn schattingen op basis van gereconstrueerde referentiescenario's, geen "
            "kasstromen. De totalen tellen ook de casussen met een onzeker verschil mee; hun "
            "onzekerheid is niet opgeteld."
            + (f" {len(p.failed)} casus(sen) konden niet worden gelezen en tellen niet mee."
               if p.failed else ""))


class ChartTab(QScrollArea):
    """The report's chart of the net result per case, with each P10–P90, as SVG."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.chart_layout = QVBoxLayout(body)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.chart_layout.addWidget(self.note)
        self.chart_widget: SvgChart | None = None  # made when first drawn
        self.chart_layout.addStretch(1)
        self.setWidget(body)

    def draw(self, outcome: PortfolioOutcome | None) -> None:
        if outcome is None or not outcome.portfolio.priced:
            self.note.setText("Geen berekende casussen." if outcome is not None else "")
            if self.chart_widget is not None:
                self.chart_widget.hide()
            return
        from effectencalculator.report.charts import portfolio_net_chart
        from effectencalculator.report.portfolio_content import net_series
        from effectencalculator.ui.chart_view import CHART_WIDTH_PT, SvgChart
        chart = self.chart_widget
        if chart is None:
            chart = self.chart_widget = SvgChart("Netto resultaat per casus, met de "
                                                 "bandbreedte P10–P90")
            chart.setObjectName("portfolio_chart")
            self.chart_layout.insertWidget(1, chart)
        series = net_series(outcome.portfolio, outcome.uncertainty)
        try:
            chart.set_drawing(portfolio_net_chart(series, CHART_WIDTH_PT * 1.5))
        except Exception as exc:  # a chart must never take the window down
            log.exception("Portfoliografiek niet getekend")
            self.note.setText(f"De grafiek kon niet worden getekend: {exc}")
            return
        self.note.setText(
            "Balken: het netto resultaat (referentie − interventie) per casus; lijn: de "
            "bandbreedte P10–P90. Licht en gestippeld: onzeker, het interval bevat nul. "
            "Dezelfde grafiek staat in het portfoliorapport (PDF).")
        chart.show()
