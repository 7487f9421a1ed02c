"""Berekening: the figures of the calculation, live, each explained in a tooltip.

Every amount shown here is a field of the model's ``CaseResult``, formatted with the
report's Dutch formatting, so the window, the CSV export and the PDF show the same
numbers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QListWidget, QListWidgetItem, QScrollArea, QSizePolicy, QTableView, QVBoxLayout,
    QWidget,
)

from effectencalculator.model.case import Compare
from effectencalculator.model.calculation import CaseResult
from effectencalculator.report.format import format_euro, format_number, format_percent
from effectencalculator.ui import charts
from effectencalculator.ui.commands import SetAttrCommand
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.labels import (
    EXPLAIN, PAYER_LABELS, ROLE_LABELS, scenario_choice_label,
)
from effectencalculator.ui.results import ResultsController
from effectencalculator.ui.rows_model import RowsModel

FIGURES = (
    ("net_result", "Netto resultaat"),
    ("besparingen", "Potentiële besparingen"),
    ("baten", "Baten"),
    ("investment", "Investering in de aanpak"),
    ("return_per_euro", "Opbrengst per geïnvesteerde euro"),
)


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)
    view.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return view


class FigureCard(QFrame):
    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"card_{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setObjectName(f"figure_{key}")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        self.setToolTip(EXPLAIN[key])


class BerekeningSection(QScrollArea):
    title = "Berekening"

    def __init__(self, doc: CaseDocument, results: ResultsController,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.results = doc, results
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
        self.reference_combo.activated.connect(lambda: self._set_compare("reference"))
        self.intervention_combo.activated.connect(lambda: self._set_compare("intervention"))

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

        self.scenario_model = RowsModel(
            ["Scenario", "Rol", "Totaal", "Inzet", "Effect", "Investering", "Niet geprijsd"],
            ["", EXPLAIN["referentie"], "Alle geprijsde regels, met kans en (eventuele) "
             "discontering", "Zorg, ondersteuning, bescherming, justitie",
             "Andere maatschappelijke kosten (uitkeringen, productiviteit)",
             EXPLAIN["investment"], EXPLAIN["unpriced"]], numeric_from=2, parent=self)
        group = QGroupBox("Per scenario")
        box = QHBoxLayout(group)
        self.scenario_view = _table(self.scenario_model)
        box.addWidget(self.scenario_view)
        box.addStretch(1)
        layout.addWidget(group)

        self.payer_model = RowsModel(
            ["Financier", "Interventie", "Referentie", "Verschil", "waarvan besparing",
             "waarvan baten"],
            ["Wie de kosten draagt", EXPLAIN["interventie"], EXPLAIN["referentie"],
             "Referentie min interventie", EXPLAIN["besparingen"], EXPLAIN["baten"]],
            parent=self)
        group = QGroupBox("Per financier (referentie − interventie)")
        box = QHBoxLayout(group)
        self.payer_view = _table(self.payer_model)
        box.addWidget(self.payer_view)
        box.addStretch(1)
        layout.addWidget(group)

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
        box = QVBoxLayout(group)
        self.messages = QListWidget()
        self.messages.setMaximumHeight(130)
        self.messages.setWordWrap(True)
        box.addWidget(self.messages)
        layout.addWidget(group)
        layout.addStretch(1)

        layout.addWidget(QLabel("<i>Potentiële besparingen en baten zijn schattingen op basis "
                                "van een gereconstrueerd referentiescenario, geen kasstromen."
                                "</i>"))
        self._stale = False
        results.updated.connect(self._results_updated)
        doc.caseReset.connect(self._fill_compare)
        doc.fieldChanged.connect(lambda *_: self._fill_compare())
        doc.inserted.connect(lambda *_: self._fill_compare())
        doc.removed.connect(lambda *_: self._fill_compare())
        self._fill_compare()
        self.show_results()

    # -- comparison choice ----------------------------------------------------------
    def _fill_compare(self) -> None:
        compare = self.doc.case.settings.compare
        for combo, key, role in ((self.reference_combo, "reference", "reference"),
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
            problems += [f"• {f.path}: {f.message}" if f.path else f"• {f.message}"
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
            self.scenario_model.set_rows([])
            self.payer_model.set_rows([])
            self.basis.setText("")
            self._show_charts(None)
            return
        self._show_basis(result)
        self._show_scenarios(result)
        self._show_comparison(result)
        self._show_charts(result)

    def _show_basis(self, result: CaseResult) -> None:
        discount = ("geen discontering" if not result.discount_rate else
                    f"discontering {format_percent(result.discount_rate, 2)} per jaar")
        horizon = f", horizon {result.horizon_years} jaar" if result.horizon_years else ""
        self.basis.setText(f"Prijspeil {result.price_year} · tabel {result.table_name} "
                           f"{result.table_version} · {discount}{horizon}")

    def _show_scenarios(self, result: CaseResult) -> None:
        rows = []
        for s in result.scenarios.values():
            rows.append([f"{s.label} ({s.id})" if s.label else s.id,
                         ROLE_LABELS.get(s.role, s.role), format_euro(s.total),
                         format_euro(s.by_kind.get("inzet", 0.0)),
                         format_euro(s.by_kind.get("effect", 0.0)),
                         format_euro(s.investment), format_number(len(s.unpriced_lines))])
        self.scenario_model.set_rows(rows)

    def _show_comparison(self, result: CaseResult) -> None:
        c = result.comparison
        if c is None:
            for card in self.cards.values():
                card.value.setText("—")
            self.payer_model.set_rows([])
            self.cards["net_result"].title.setText(
                "Netto resultaat (een referentie- en een interventiescenario zijn nodig)")
            return
        self.cards["net_result"].title.setText(
            f"Netto resultaat ({c.reference} − {c.intervention})")
        self.cards["net_result"].value.setText(format_euro(c.net_result))
        self.cards["besparingen"].value.setText(format_euro(c.besparingen))
        self.cards["baten"].value.setText(format_euro(c.baten))
        self.cards["investment"].value.setText(format_euro(c.investment))
        ret = c.return_per_euro
        self.cards["return_per_euro"].value.setText(
            format_euro(ret, 2) if ret is not None else "n.v.t.")
        ref, itv = result.scenarios[c.reference], result.scenarios[c.intervention]
        rows = []
        for payer, diff in c.by_payer.items():
            rows.append([PAYER_LABELS.get(payer, payer),
                         format_euro(itv.by_payer.get(payer, 0.0)),
                         format_euro(ref.by_payer.get(payer, 0.0)), format_euro(diff),
                         format_euro(c.besparingen_by_payer.get(payer, 0.0)),
                         format_euro(c.baten_by_payer.get(payer, 0.0))])
        rows.append(["Totaal", format_euro(itv.total), format_euro(ref.total),
                     format_euro(c.net_result), format_euro(c.besparingen),
                     format_euro(c.baten)])
        self.payer_model.set_rows(rows, bold_rows={len(rows) - 1})
        self.payer_model.headers[1] = f"Interventie ({itv.id})"
        self.payer_model.headers[2] = f"Referentie ({ref.id})"
        self.payer_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 2)

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
            item = QListWidgetItem(text)
            item.setToolTip(text)
            if finding.is_error:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.messages.addItem(item)
        if not seen:
            self.messages.addItem("Geen meldingen.")

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

    def draw_charts(self) -> None:
        self._charts_dirty = False
        self.chart_timer.stop()
        result = self._chart_result
        if not charts.charts_available():
            self.chart_note.setText(
                "Grafieken per financier en cumulatief over de tijd verschijnen hier zodra de "
                "rapportmodule (effectencalculator.report.charts) beschikbaar is; het scherm "
                "toont dan dezelfde grafieken als het PDF-rapport.")
            self.chart_note.show()
            return
        from effectencalculator.ui.chart_view import show_charts
        try:
            show_charts(self, result)
        except Exception as exc:  # noqa: BLE001 - a chart must never take the window down
            self.chart_note.setText(f"De grafieken konden niet worden getekend: {exc}")
            self.chart_note.show()
