"""Onzekerheid in the Berekening section: the P10–P50–P90 table of the difference, the
chance that the intervention is cheaper, the verdict and how fresh the simulation is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from effectencalculator.model.calculation import CaseResult
from effectencalculator.report.figures import worded
from effectencalculator.report.format import format_euro, format_number, format_percent
from effectencalculator.ui.rows_model import RowsModel
from effectencalculator.ui.sections.result_widgets import enlarge, read_only_table


class UncertaintyPanel(QGroupBox):
    """The Monte Carlo interval as the report shows it, from the UncertaintyController's
    latest outcome."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Onzekerheid: bandbreedte van het verschil", parent)
        self.setObjectName("uncertainty_group")
        box = QHBoxLayout(self)
        self.model = RowsModel(
            ["Referentie − interventie", "Puntschatting", "P10", "P50 (mediaan)", "P90"],
            ["", "De berekening met de tarieven en kansen zoals ingevuld",
             "10% van de trekkingen blijft hieronder",
             "De middelste uitkomst van de trekkingen",
             "90% van de trekkingen blijft hieronder; tussen P10 en P90 ligt 80%"],
            parent=self)
        self.view = read_only_table(self.model)
        self.view.setObjectName("uncertainty_table")
        box.addWidget(self.view, 0, Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()
        self.share_label = QLabel("—")
        self.share_label.setObjectName("share_cheaper")
        enlarge(self.share_label)
        self.share_label.setToolTip(
            "Het aandeel van de trekkingen waarin de interventie minder kost dan de "
            "referentie (netto resultaat boven nul).")
        self.share_caption = QLabel("kans dat de interventie goedkoper is")
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("uncertainty_verdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("uncertainty_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555555;")
        for widget in (self.share_label, self.share_caption, self.verdict_label, self.status):
            side.addWidget(widget)
        side.addStretch(1)
        box.addLayout(side, 1)
        self.setToolTip(
            "Monte Carlo: per trekking krijgt elke post met een bandbreedte een tarief uit "
            "een driehoeksverdeling (laag, tarief, hoog) en gebeurt elke regel wel of niet "
            "met zijn kans. Vaste startwaarde: dezelfde casus geeft dezelfde uitkomst, zoals "
            "in het rapport.")

    def show_interval(self, result: CaseResult | None, u) -> None:
        """``u``: the simulation for the compared pair, or None."""
        c = result.comparison if result is not None else None
        if result is None or u is None or c is None:
            self.model.set_rows([])
            self.share_label.setText("—")
            self.verdict_label.setText(
                "Zonder vergelijking (een referentie- en een interventiescenario) is er geen "
                "bandbreedte." if c is None else "")
            return
        words = worded(result, u)
        rows = [[name, point, format_euro(i.p10), format_euro(i.p50), format_euro(i.p90)]
                for name, point, i in words.interval_rows()]
        self.model.set_rows(rows, bold_rows={0})
        self.share_label.setText(format_percent(u.share_intervention_cheaper))
        verdict = words.verdict()
        assert verdict is not None
        self.verdict_label.setText(f"<b>{verdict.title}</b>: {verdict.reason}")

    def show_status(self, ctl, has_result: bool) -> None:
        """How fresh the interval is (``ctl``: the UncertaintyController)."""
        outcome = ctl.outcome
        if ctl.error:
            text = f"<span style='color:#a00000'>De bandbreedte kon niet worden berekend: " \
                   f"{ctl.error}</span>"
        elif outcome is not None and outcome.uncertainty is not None:
            u = outcome.uncertainty
            text = (f"{format_number(u.draws)} trekkingen (startwaarde {u.seed}), berekend "
                    f"in {format_number(outcome.elapsed_ms)} ms")
            if ctl.stale:
                text += " · <i>wordt bijgewerkt…</i>"
        elif ctl.stale and has_result:
            text = "<i>bandbreedte wordt berekend…</i>"
        else:
            text = ""
        self.status.setText(text)
