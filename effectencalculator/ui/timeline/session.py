"""The session view: the timeline on a projector or a large screen, for the group.

Full screen, large type, nothing but the timeline, its legend and a running total per
scenario, so the family and the professionals can watch the case take shape. It has its
own scene (with the large ``SESSION`` style) over the same case, so everything done in
either window shows in both, and it can be edited directly. F11 or Esc closes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from effectencalculator.model.timeline_layout import scenario_order
from effectencalculator.report.figures import worded
from effectencalculator.report.format import format_euro
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.labels import ROLE_LABELS
from effectencalculator.ui.results import ResultsController
from effectencalculator.ui.timeline import style as st
from effectencalculator.ui.timeline.legend import LegendWidget, legend_entries
from effectencalculator.ui.timeline.scene import TimelineScene
from effectencalculator.ui.timeline.view import TimelineView
from effectencalculator.ui.uncertainty import UncertaintyController

TOTAL_STYLE = ("QLabel {{ background: {bg}; color: {fg}; border-radius: 6px; "
               "padding: 6px 16px; font-size: {size}pt; }}")


class SessionWindow(QWidget):
    """A top-level window; ``closed`` tells the section the session view is gone."""

    closed = Signal()

    def __init__(self, doc: CaseDocument, results: ResultsController, parent=None,
                 uncertainty: UncertaintyController | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.doc, self.results, self.uncertainty = doc, results, uncertainty
        self.setObjectName("session_view")
        self.setWindowTitle("Effectencalculator — sessieweergave")
        self.setStyleSheet("QWidget#session_view { background: #FFFFFF; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.case_label = QLabel()
        self.case_label.setStyleSheet(f"font-size: 22pt; font-weight: bold; color: {st.TEXT};")
        top.addWidget(self.case_label)
        top.addStretch(1)
        self.totals_row = QHBoxLayout()
        self.totals_row.setSpacing(12)
        top.addLayout(self.totals_row)
        layout.addLayout(top)
        self.scene = TimelineScene(doc, results, st.SESSION, self)
        self.view = TimelineView(self.scene, self)
        self.view.setFrameShape(TimelineView.Shape.NoFrame)
        layout.addWidget(self.view, 1)
        self.legend = LegendWidget(1.7)
        layout.addWidget(self.legend)
        self.hint = QLabel("F11 of Esc: terug naar het venster · Ctrl+scroll: zoomen · "
                           "Ctrl+0: hele periode")
        self.hint.setStyleSheet(f"color: {st.MUTED}; font-size: 11pt;")
        layout.addWidget(self.hint)
        self._total_labels: list[QLabel] = []
        results.updated.connect(self.update_totals)
        if uncertainty is not None:  # an uncertain difference says "onzeker", as everywhere
            uncertainty.updated.connect(self.update_totals)
        doc.caseReset.connect(self.update_totals)
        self.scene.geometryChanged.connect(self._update_legend)
        self.update_totals()

    def _update_legend(self) -> None:
        self.legend.set_entries(legend_entries(self.scene))

    def update_totals(self) -> None:
        info = self.doc.case.info
        self.case_label.setText(" — ".join(p for p in (info.code, info.title) if p)
                                or "Nieuwe casus")
        result = self.results.live.result
        texts: list[tuple[str, str, str]] = []
        for index in scenario_order(self.doc.case):
            scenario = self.doc.case.scenarios[index]
            found = result.scenarios.get(scenario.id) if result is not None else None
            amount = format_euro(found.total) if found is not None else "—"
            role = ROLE_LABELS.get(scenario.role, scenario.role).capitalize()
            colors = ("#1F3A5F", "#FFFFFF") if scenario.role == "intervention" else \
                ("#E4E8EE", st.TEXT)
            texts.append((f"{role}  <b>{amount}</b>", *colors))
        if result is not None and result.comparison is not None:
            u = self.uncertainty
            interval = u.outcome.uncertainty if u is not None and u.outcome is not None \
                and u.applies_to(result) else None
            texts.append((f"Verschil  <b>{worded(result, interval).net_result_text()}</b>",
                          "#FFF4D6", st.TEXT))
        while len(self._total_labels) < len(texts):
            label = QLabel()
            label.setObjectName(f"session_total_{len(self._total_labels)}")
            self.totals_row.addWidget(label)
            self._total_labels.append(label)
        for label, (text, bg, fg) in zip(self._total_labels, texts):
            label.setText(text)
            label.setStyleSheet(TOTAL_STYLE.format(bg=bg, fg=fg, size=20))
            label.show()
        for label in self._total_labels[len(texts):]:
            label.hide()

    def total_texts(self) -> list[str]:
        return [label.text() for label in self._total_labels if not label.isHidden()]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed.emit()
        super().closeEvent(event)
