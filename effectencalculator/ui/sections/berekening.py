"""Berekening: the figures of the calculation, live, each explained in a tooltip.

Every amount shown here is a field of the model's ``CaseResult``, formatted with the
report's Dutch formatting, so the window, the CSV export and the PDF show the same
numbers. The uncertainty (Monte Carlo P10–P50–P90, share of draws in which the
intervention is cheaper) and the sensitivity (tornado chart, ranked table) come from the
``UncertaintyController``, which runs the model's simulation off the GUI thread; when
the P10–P90 of the net result contains zero, the figures say "onzeker: ongeveer gelijk"
as the report does, and no saving is presented. The interval and the sensitivity are
panels of their own (``uncertainty_panel.py``, ``sensitivity_panel.py``).
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.calculation import CaseResult
from effectencalculator.model.case import Compare
from effectencalculator.model.scenario_table import scenario_columns
from effectencalculator.report.figures import finding_text, interval_text, worded
from effectencalculator.report.figures_mkba import mkba_words
from effectencalculator.report.format import format_euro, format_number, format_percent
from effectencalculator.ui.commands import SetAttrCommand
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.labels import (
    EXPLAIN,
    ROLE_LABELS,
    scenario_choice_label,
)
from effectencalculator.ui.results import ResultsController
from effectencalculator.ui.rows_model import RowsModel
from effectencalculator.ui.sections.mkba_panel import MkbaPanel, SwitchingLabel
from effectencalculator.ui.sections.result_widgets import FigureCard, read_only_table
from effectencalculator.ui.sections.sensitivity_panel import SensitivityPanel
from effectencalculator.ui.sections.uncertainty_panel import UncertaintyPanel
from effectencalculator.ui.uncertainty import UncertaintyController

log = logging.getLogger(__name__)

FIGURES = (
    ("net_result", "Netto resultaat"),
    ("besparingen", "Potentiële besparingen"),
    ("baten", "Baten"),
    ("investment", "Investering in de aanpak"),
    ("return_per_euro", "Opbrengst per geïnvesteerde euro"),
)


class BerekeningSection(QScrollArea):
    title = "Berekening"

    def __init__(self, doc: CaseDocument, results: ResultsController,
                 uncertainty: UncertaintyController | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.results, self.uncertainty = doc, results, uncertainty
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)

        # which scenarios are compared, and on what basis
        top = QHBoxLayout()
        self.reference_combo = QComboBox()
        self.reference_combo.setToolTip(EXPLAIN["referentie"])
        self.intervention_combo = QComboBox()
        self.intervention_combo.setToolTip(EXPLAIN["interventie"])
        top.addWidget(QLabel("Vergelijking: referentie"))
        top.addWidget(self.reference_combo)
        top.addWidget(QLabel("min interventie"))
        top.addWidget(self.intervention_combo)
        top.addStretch(1)
        self.basis = QLabel()
        self.basis.setToolTip(EXPLAIN["price_year"])
        top.addWidget(self.basis)
        layout.addLayout(top)
        self.reference_combo.activated.connect(self._reference_chosen)
        self.intervention_combo.activated.connect(self._intervention_chosen)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("problems")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problems)

        cards = QGridLayout()
        self.cards: dict[str, FigureCard] = {}
        for column, (key, title) in enumerate(FIGURES):
            card = FigureCard(key, title)
            self.cards[key] = card
            cards.addWidget(card, 0, column)
        layout.addLayout(cards)
        self._build_uncertainty(layout)

        self.scenario_model = RowsModel(
            ["Scenario", "Rol", "Totaal", "Inzet", "Effect", "Investering", "Niet geprijsd",
             "Min interventie"],
            ["", EXPLAIN["referentie"], "Alle geprijsde regels, met kans en (eventuele) "
             "discontering", "Zorg, ondersteuning, bescherming, justitie",
             "Andere maatschappelijke kosten (uitkeringen, productiviteit)",
             EXPLAIN["investment"], EXPLAIN["unpriced"],
             "Totaal van dit scenario min het totaal van de gekozen interventie: het netto "
             "resultaat als dit scenario de referentie was (bijvoorbeeld een pessimistische "
             "of optimistische variant)."], numeric_from=2, parent=self)
        group = QGroupBox("Alle scenario's naast elkaar")
        box = QHBoxLayout(group)
        self.scenario_view = read_only_table(self.scenario_model)
        box.addWidget(self.scenario_view)
        box.addStretch(1)
        layout.addWidget(group)

        self.payer_model = RowsModel(
            ["Financier", "Interventie", "Referentie", "Verschil", "waarvan besparing",
             "waarvan baten", "waarvan overdrachten", "Rol"],
            ["Wie de kosten draagt", EXPLAIN["interventie"], EXPLAIN["referentie"],
             "Referentie min interventie", EXPLAIN["besparingen"], EXPLAIN["baten"],
             "Overdrachten (zoals bijstand): bij de betaler en, omgekeerd, bij de ontvanger; "
             "maatschappelijk vallen ze weg", "Wie investeert en wie de opbrengst krijgt"],
            parent=self)
        group = QGroupBox("Per financier (referentie − interventie)")
        box = QHBoxLayout(group)
        self.payer_view = read_only_table(self.payer_model)
        box.addWidget(self.payer_view)
        box.addStretch(1)
        layout.addWidget(group)
        self.mkba_panel = MkbaPanel()
        layout.addWidget(self.mkba_panel)

        self._build_sensitivity(layout)

        self.chart_group = QGroupBox("Grafieken")
        self.chart_layout = QHBoxLayout(self.chart_group)
        self.chart_note = QLabel()
        self.chart_note.setWordWrap(True)
        self.chart_layout.addWidget(self.chart_note)
        self.chart_widgets: dict = {}
        self._chart_result: CaseResult | None = None
        self._charts_dirty = True
        self.chart_timer = QTimer(self)
        self.chart_timer.setSingleShot(True)
        self.chart_timer.setInterval(150)
        self.chart_timer.timeout.connect(self.draw_charts)
        layout.addWidget(self.chart_group)

        group = QGroupBox("Meldingen")
        messages_box = QVBoxLayout(group)
        self.messages = QListWidget()
        self.messages.setMaximumHeight(130)
        self.messages.setWordWrap(True)
        messages_box.addWidget(self.messages)
        layout.addWidget(group)
        layout.addStretch(1)

        layout.addWidget(QLabel("<i>Potentiële besparingen en baten zijn schattingen op basis "
                                "van een gereconstrueerd referentiescenario, geen kasstromen."
                                "</i>"))
        self._stale = False
        results.updated.connect(self._results_updated)
        doc.caseReset.connect(self._fill_compare)
        doc.fieldChanged.connect(self._fill_compare)
        doc.inserted.connect(self._fill_compare)
        doc.removed.connect(self._fill_compare)
        if uncertainty is not None:
            uncertainty.updated.connect(self._uncertainty_updated)
            uncertainty.staleChanged.connect(self._show_uncertainty_status)
        self._fill_compare()
        self.show_results()


    # -- construction of the uncertainty and sensitivity parts ------------------------
    def _build_uncertainty(self, layout: QVBoxLayout) -> None:
        panel = self.uncertainty_group = UncertaintyPanel()
        # the panel's parts under the names the section has always had
        self.uncertainty_model, self.uncertainty_view = panel.model, panel.view
        self.share_label, self.share_caption = panel.share_label, panel.share_caption
        self.verdict_label, self.uncertainty_status = panel.verdict_label, panel.status
        layout.addWidget(panel)
        panel.setVisible(self.uncertainty is not None)

    def _build_sensitivity(self, layout: QVBoxLayout) -> None:
        panel = self.sensitivity_group = SensitivityPanel()
        self._tornado_dirty = True
        self.sensitivity_note, self.tornado_layout = panel.note, panel.tornado_layout
        self.swing_model, self.swing_view = panel.model, panel.view
        self.switching_label = SwitchingLabel()
        box = panel.layout()
        assert box is not None  # the panel builds its layout in its constructor
        box.addWidget(self.switching_label)  # next to the tornado
        layout.addWidget(panel)
        panel.setVisible(self.uncertainty is not None)

    @property
    def tornado_chart(self):
        return self.sensitivity_group.tornado_chart

    # -- comparison choice ----------------------------------------------------------
    def _fill_compare(self) -> None:
        compare = self.doc.case.settings.compare
        for combo, key, _role in ((self.reference_combo, "reference", "reference"),
                                 (self.intervention_combo, "intervention", "intervention")):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("(eerste met die rol)", "")
            for scenario in self.doc.case.scenarios:
                combo.addItem(scenario_choice_label(scenario.id, scenario.role), scenario.id)
            chosen = getattr(compare, key) if compare is not None else ""
            found = combo.findData(chosen)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)

    def _reference_chosen(self) -> None:
        self._set_compare("reference")

    def _intervention_chosen(self) -> None:
        self._set_compare("intervention")

    def _set_compare(self, key: str) -> None:
        combo = self.reference_combo if key == "reference" else self.intervention_combo
        value = combo.currentData() or ""
        stack = self.doc.undo_stack
        if self.doc.case.settings.compare is None:
            stack.beginMacro("vergelijking kiezen")
            stack.push(SetAttrCommand(self.doc, ("settings",), "compare", Compare(),
                                      "vergelijking", merge=False))
            stack.push(SetAttrCommand(self.doc, ("settings", "compare"), key, value,
                                      "vergelijking", merge=False))
            stack.endMacro()
        elif getattr(self.doc.case.settings.compare, key) != value:
            stack.push(SetAttrCommand(self.doc, ("settings", "compare"), key, value,
                                      "vergelijking kiezen", merge=False))

    # -- figures --------------------------------------------------------------------
    def figure_text(self, key: str) -> str:
        self.ensure_current()
        return self.cards[key].value.text()

    def ensure_current(self) -> None:
        """Bring the figures up to date (they are refreshed lazily while hidden)."""
        if self._stale:
            self.show_results()

    def _results_updated(self) -> None:
        if self.isVisible():
            self.show_results()
        else:
            self._stale = True

    def show_results(self) -> None:
        self._stale = False
        live = self.results.live
        result = live.result
        problems = []
        if live.errors:
            problems.append("<b style='color:#a00000'>Er kan (nog) niet worden gerekend:</b>")
            problems += [f"• {html.escape(finding_text(f, self.doc.case))}"
                         for f in live.errors]
        if live.line_errors:
            problems.append(f"<span style='color:#a00000'>{len(live.line_errors)} regel(s) "
                            "zijn onvolledig en tellen nog niet mee (zie Inzet, rood).</span>")
        self.problems.setText("<br>".join(problems))
        self.problems.setVisible(bool(problems))
        self._show_messages(live)
        if result is None:
            for card in self.cards.values():
                card.value.setText("—")
                card.set_note("")
            self.scenario_model.set_rows([])
            self.payer_model.set_rows([])
            self.mkba_panel.show_result(None)
            self.switching_label.show_result(None)
            self.basis.setText("")
            self._show_uncertainty(None)
            self._show_charts(None)
            return
        self._show_basis(result)
        self._show_scenarios(result)
        self._show_comparison(result)
        self._show_uncertainty(result)
        self._show_charts(result)

    def _show_basis(self, result: CaseResult) -> None:
        discount = ("geen discontering" if not result.discount_rate else
                    f"discontering {format_percent(result.discount_rate, 2)} per jaar")
        horizon = f", horizon {result.horizon_years} jaar" if result.horizon_years else ""
        self.basis.setText(f"Prijspeil {result.price_year} · tabel {result.table_name} "
                           f"{result.table_version} · {discount}{horizon}")

    def _show_scenarios(self, result: CaseResult) -> None:
        rows, bold = [], set()
        c = result.comparison
        for n, s in enumerate(scenario_columns(result)):
            versus = (format_euro(s.versus_intervention) if s.versus_intervention is not None
                      else "—")
            rows.append([f"{s.label} ({s.id})" if s.label else s.id,
                         ROLE_LABELS.get(s.role, s.role), format_euro(s.total),
                         format_euro(s.inzet), format_euro(s.effect),
                         format_euro(s.investment), format_number(s.unpriced_lines), versus])
            if c is not None and s.id in (c.reference, c.intervention):
                bold.add(n)
        self.scenario_model.set_rows(rows, bold_rows=bold)
        self.scenario_model.headers[7] = (f"Min {c.intervention}" if c is not None
                                          else "Min interventie")
        self.scenario_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 7, 7)

    def _show_comparison(self, result: CaseResult) -> None:
        c = result.comparison
        if c is None:
            for card in self.cards.values():
                card.value.setText("—")
            self.payer_model.set_rows([])
            self.mkba_panel.show_result(None)
            self.switching_label.show_result(None)
            for card in self.cards.values():
                card.set_note("")
            self.cards["net_result"].title.setText(
                "Netto resultaat (een referentie- en een interventiescenario zijn nodig)")
            return
        self.cards["net_result"].title.setText(
            f"Netto resultaat ({c.reference} − {c.intervention})")
        u = self.current_uncertainty(result)
        words = worded(result, u)
        # the report's words: uncertain, no figure of the difference is a saving
        for key, card in self.cards.items():
            figure = words.figure(key)
            card.value.setText(figure.value)
            note = figure.note
            if key == "net_result" and u is not None and not words.uncertain:
                # uncertain, the interval and its verdict stand right below the cards
                note += f"<br>P10–P90: {interval_text(u.net_result)}"
            card.set_note(note)
        ref, itv = result.scenarios[c.reference], result.scenarios[c.intervention]
        rows = []
        mkba = mkba_words(words)
        for r in words.payer_rows():
            transfers = 0.0 if r.total else c.transfers_by_payer.get(r.payer, 0.0)
            role = "maatschappelijk" if r.total else mkba.role(r.payer)
            rows.append([r.label, r.intervention, r.reference, r.difference, r.besparingen,
                         r.baten, format_euro(transfers), role])
        self.mkba_panel.show_result(mkba)
        self.switching_label.show_result(result)
        self.payer_model.set_rows(rows, bold_rows={len(rows) - 1})
        self.payer_model.headers[1] = f"Interventie ({itv.id})"
        self.payer_model.headers[2] = f"Referentie ({ref.id})"
        # uncertain: the parts of the difference are not savings (the report's words)
        self.payer_model.headers[4] = "verschil inzet" if words.uncertain else \
            "waarvan besparing"
        self.payer_model.headers[5] = "verschil effecten" if words.uncertain else \
            "waarvan baten"
        self.payer_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 5)

    def _show_messages(self, live) -> None:
        self.messages.clear()
        items = list(live.errors) + [f for errors in live.line_errors.values() for f in errors]
        items += list(self.doc.table_notes) + list(live.warnings)
        seen = set()
        for finding in items:
            text = finding.format()
            if text in seen:
                continue
            seen.add(text)
            item = QListWidgetItem(finding_text(finding, self.doc.case))
            item.setToolTip(text)  # with file, line and the path itself
            if finding.is_error:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.messages.addItem(item)
        if not seen:
            self.messages.addItem("Geen meldingen.")

    # -- uncertainty and sensitivity --------------------------------------------------
    def current_uncertainty(self, result: CaseResult | None):
        """The latest simulation for the compared pair (maybe from a moment ago: the
        verdict then does not flicker while typing; the status says it is being updated)."""
        ctl = self.uncertainty
        if ctl is None or ctl.outcome is None or result is None or not ctl.applies_to(result):
            return None
        return ctl.outcome.uncertainty

    def _uncertainty_updated(self) -> None:
        if self.isVisible():
            result = self.results.live.result
            if result is not None:
                self._show_comparison(result)
            self._show_uncertainty(result)
        else:
            self._stale = True

    def _show_uncertainty(self, result: CaseResult | None) -> None:
        if self.uncertainty is None:
            return
        self.uncertainty_group.show_interval(result, self.current_uncertainty(result))
        self._show_uncertainty_status()
        self._show_swings(result)

    def _show_uncertainty_status(self) -> None:
        if self.uncertainty is not None:
            self.uncertainty_group.show_status(self.uncertainty,
                                               self.results.live.result is not None)

    def _show_swings(self, result: CaseResult | None) -> None:
        ctl = self.uncertainty
        outcome = ctl.outcome if ctl is not None else None
        applies = ctl is not None and outcome is not None and result is not None \
            and ctl.applies_to(result)
        self.sensitivity_group.show_swings(
            outcome if applies else None,
            result is not None and result.comparison is not None)
        self._tornado_dirty = True
        if self.isVisible():
            self.draw_tornado()

    def draw_tornado(self) -> None:
        """The report's tornado drawing, as SVG (only while visible)."""
        self._tornado_dirty = False
        outcome = self.uncertainty.outcome if self.uncertainty is not None else None
        self.sensitivity_group.draw_tornado(outcome.tornado if outcome is not None else None)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        if self.uncertainty is not None:
            self.uncertainty.set_wanted(False)

    # -- charts ---------------------------------------------------------------------
    def _show_charts(self, result: CaseResult | None) -> None:
        """Charts are redrawn only while visible, and at most a few times a second."""
        self._chart_result = result
        if self.isVisible():
            self.chart_timer.start()
        else:
            self._charts_dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_current()
        if self._charts_dirty:
            self.draw_charts()
        if self._tornado_dirty:
            self.draw_tornado()
        if self.uncertainty is not None:
            self.uncertainty.set_wanted(True)

    def draw_charts(self) -> None:
        self._charts_dirty = False
        self.chart_timer.stop()
        result = self._chart_result
        from effectencalculator.ui.chart_view import show_charts
        try:
            show_charts(self, result)
        except Exception as exc:  # a chart must never take the window down
            log.exception("Grafieken van de Berekening niet getekend")
            self.chart_note.setText(f"De grafieken konden niet worden getekend: {exc}")
            self.chart_note.show()
