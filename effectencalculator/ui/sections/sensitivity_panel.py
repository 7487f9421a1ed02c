"""Gevoeligheid per regel in the Berekening section: the report's tornado drawing and the
ranked table of the lines that move the net result most."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from effectencalculator.report.figures import delta as _delta
from effectencalculator.report.format import format_euro
from effectencalculator.ui.rows_model import RowsModel
from effectencalculator.ui.sections.result_widgets import read_only_table

if TYPE_CHECKING:  # QtSvg and reportlab are imported when a chart is first drawn
    from effectencalculator.ui.chart_view import SvgChart

log = logging.getLogger(__name__)

#: rows of the ranked sensitivity table (a long table costs layout time on every update)
MAX_SWING_ROWS = 50


class SensitivityPanel(QGroupBox):
    """Filled from the UncertaintyController's outcome (swings and tornado series)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Gevoeligheid per regel", parent)
        self.setObjectName("sensitivity_group")
        box = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        box.addWidget(self.note)
        self.tornado_layout = QHBoxLayout()
        box.addLayout(self.tornado_layout)
        # an SvgChart, made when first drawn (QtSvg, reportlab)
        self.tornado_chart: SvgChart | None = None
        self.model = RowsModel(
            ["Nr", "Scenario", "Post (regel)", "Tarief laag", "Tarief hoog", "Kans 0%",
             "Kans 100%", "Spreiding"],
            ["Rang: grootste spreiding eerst", "", "De kostenpost en het regelnummer in "
             "zijn scenario (zie Inzet)",
             "Verandering van het netto resultaat als het tarief naar de ondergrens gaat "
             "(— : geen bandbreedte)",
             "Verandering als het tarief naar de bovengrens gaat (— : geen bandbreedte)",
             "Verandering als de inzet niet gebeurt", "Verandering als de inzet zeker gebeurt",
             "Hoogste min laagste uitkomst"], numeric_from=3, parent=self)
        self.view = read_only_table(self.model)
        self.view.setObjectName("sensitivity_table")
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setMaximumHeight(320)
        self.view.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        row = QHBoxLayout()
        row.addWidget(self.view)
        row.addStretch(1)
        box.addLayout(row)

    def show_swings(self, outcome, has_comparison: bool) -> None:
        """``outcome``: the controller's outcome for the compared pair, or None."""
        if outcome is None:
            self.model.set_rows([])
            self.note.setText(
                "Geen vergelijking: geen gevoeligheid." if not has_comparison
                else "<i>gevoeligheid wordt berekend…</i>")
            return
        moving = [s for s in outcome.swings if s.spread > 0]
        rows = [[str(n), s.scenario_id, f"{s.item_name} (regel {s.line_index + 1})",
                 _delta(s.tariff_low), _delta(s.tariff_high), _delta(s.probability_zero),
                 _delta(s.probability_one), format_euro(s.spread)]
                for n, s in enumerate(moving[:MAX_SWING_ROWS], start=1)]
        self.model.set_rows(rows)
        shown = len(outcome.tornado.bars) if outcome.tornado is not None else 0
        listed = (f" De tabel noemt de {len(rows)} grootste." if len(rows) < len(moving)
                  else "")
        self.note.setText(
            "Per regel één ding tegelijk veranderd: het tarief naar de onder- en "
            "bovengrens van de kostentabel, de kans naar 0% en naar 100%. De bedragen zijn "
            "de verandering van het netto resultaat; een plus maakt de interventie "
            f"gunstiger. {len(moving)} regel(s) kunnen het resultaat veranderen"
            + (f"; de grafiek toont de {shown} grootste." if shown < len(moving) else ".")
            + listed)

    def draw_tornado(self, series) -> None:
        """The report's tornado drawing of ``series`` (None: hide it), as SVG."""
        if series is None:
            if self.tornado_chart is not None:
                self.tornado_chart.hide()
            return
        from effectencalculator.report.charts import tornado_chart
        from effectencalculator.ui.chart_view import CHART_WIDTH_PT, SvgChart
        if self.tornado_chart is None:
            self.tornado_chart = SvgChart("Tornadodiagram: het netto resultaat per regel")
            self.tornado_chart.setObjectName("tornado_chart")
            self.tornado_layout.addWidget(self.tornado_chart, 1)
            self.tornado_layout.addStretch(0)
        try:
            self.tornado_chart.set_drawing(tornado_chart(series, CHART_WIDTH_PT * 1.5))
        except Exception as exc:  # a chart must never take the window down
            log.exception("Tornadodiagram niet getekend")
            self.note.setText(f"Het tornadodiagram kon niet worden getekend: {exc}")
            return
        self.tornado_chart.show()
