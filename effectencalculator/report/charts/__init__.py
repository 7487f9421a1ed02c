"""Chart drawings for the report and the GUI: small factories that take series data and
return a ``reportlab.graphics`` ``Drawing``, one module per kind of chart.

One drawing serves both outputs — vector graphics in the PDF, and SVG in the window
(``reportlab.graphics.renderSVG.drawToString(drawing)``) — so screen and paper show the
same picture. Charts are grayscale (they must survive a black-and-white printer): the
scenarios differ by shade *and* by pattern (solid/dashed lines, outlined bars), axes are
labelled and amounts are Dutch euros.
"""

from __future__ import annotations

from effectencalculator.report.charts.base import axis_ticks, nice_ticks
from effectencalculator.report.charts.costs import (
           cumulative_chart,
           payer_bar_chart,
           payer_chart_height,
)
from effectencalculator.report.charts.portfolio import (
           portfolio_net_chart,
           portfolio_net_chart_height,
           portfolio_net_parts,
)
from effectencalculator.report.charts.spread import portfolio_spread_chart
from effectencalculator.report.charts.timeline import timeline_chart, timeline_parts
from effectencalculator.report.charts.tornado import (
    tornado_chart,
    tornado_chart_height,
    tornado_min_height,
)
from effectencalculator.report.content import NetBar, PortfolioNetSeries

__all__ = ["NetBar", "PortfolioNetSeries", "axis_ticks", "cumulative_chart", "nice_ticks",
           "payer_bar_chart", "payer_chart_height", "portfolio_net_chart",
           "portfolio_net_chart_height", "portfolio_net_parts", "portfolio_spread_chart",
           "timeline_chart",
           "timeline_parts", "tornado_chart", "tornado_chart_height",
           "tornado_min_height"]
