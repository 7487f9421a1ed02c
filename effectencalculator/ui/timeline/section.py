"""Tijdlijn: the whole case on one screen — events and inzet per scenario on one time axis,
edited directly; a side panel for the selected item; the session view for the projector.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.results import ResultsController
from effectencalculator.ui.timeline.items import TimelineGraphicsItem
from effectencalculator.ui.timeline.legend import LegendWidget, legend_entries
from effectencalculator.ui.timeline.panel import SidePanel
from effectencalculator.ui.timeline.scene import TimelineScene
from effectencalculator.ui.timeline.session import SessionWindow
from effectencalculator.ui.timeline.view import ZOOM_STEP, TimelineView
from effectencalculator.ui.uncertainty import UncertaintyController


class TimelineSection(QWidget):
    title = "Tijdlijn"

    def __init__(self, doc: CaseDocument, results: ResultsController,
                 parent: QWidget | None = None,
                 uncertainty: UncertaintyController | None = None):
        super().__init__(parent)
        self.doc, self.results, self.uncertainty = doc, results, uncertainty
        self.session: SessionWindow | None = None
        self.scene = TimelineScene(doc, results, parent=self)
        self.view = TimelineView(self.scene)
        self.legend = LegendWidget()
        self.panel = SidePanel(doc, results)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        tools = QHBoxLayout()
        tools.addWidget(QLabel("Kleur naar"))
        self.color_combo = QComboBox()
        self.color_combo.addItem("financier", "payer")
        self.color_combo.addItem("categorie", "category")
        self.color_combo.currentIndexChanged.connect(self._color_chosen)
        tools.addWidget(self.color_combo)
        for text, tip, slot in (
                ("−", "Uitzoomen (Ctrl+scroll, Ctrl+−)", self.zoom_out),
                ("+", "Inzoomen (Ctrl+scroll, Ctrl++)", self.zoom_in),
                ("Hele periode", "Zoom zodat de hele periode past (Ctrl+0)", self.view.fit)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            if len(text) == 1:
                button.setFixedWidth(32)
            tools.addWidget(button)
        self.unplaced = QLabel()
        self.unplaced.setStyleSheet("color: #a00000;")
        tools.addWidget(self.unplaced)
        tools.addStretch(1)
        self.session_button = QPushButton("Sessieweergave (F11)")
        self.session_button.setToolTip("De tijdlijn schermvullend, groot, voor de sessie met "
                                       "het gezin (F11 of Esc: terug)")
        self.session_button.clicked.connect(self.toggle_session)
        tools.addWidget(self.session_button)
        layout.addLayout(tools)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)
        layout.addWidget(splitter, 1)

        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.editRequested.connect(self._edit_requested)
        self.scene.geometryChanged.connect(self._geometry_changed)

    def _color_chosen(self) -> None:
        self.scene.set_color_by(self.color_combo.currentData())

    def zoom_in(self) -> None:
        self.view.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.view.zoom(1 / ZOOM_STEP)

    def _selection_changed(self) -> None:
        selected = [i for i in self.scene.selectedItems()
                    if isinstance(i, TimelineGraphicsItem)]
        self.panel.show_item(selected[0] if len(selected) == 1 else None)

    def _edit_requested(self, source: tuple) -> None:
        item = self.scene.items_by_key.get(source)
        if item is None:
            return
        if not item.isSelected():
            self.scene.select_source(source)
        self.panel.show_item(item)
        self.view.scroll_to_item(source)
        self.panel.focus_first_field()

    def _geometry_changed(self) -> None:
        self.legend.set_entries(legend_entries(self.scene))
        layout = self.scene.layout
        count = len(layout.unplaced) if layout is not None else 0
        self.unplaced.setText(f"{count} regel(s) zonder datum of periode staan niet op de "
                              "tijdlijn (zie Inzet)" if count else "")

    # -- session view ---------------------------------------------------------------
    def toggle_session(self) -> None:
        if self.session is not None and self.session.isVisible():
            self.session.close()
            return
        if self.session is None:
            self.session = SessionWindow(self.doc, self.results, self.window(),
                                         self.uncertainty)
            self.session.closed.connect(self._session_closed)
            for action in self.window().actions():
                if action.shortcut().toString() == "F11":
                    self.session.addAction(action)
        self.session.showFullScreen()
        self.session.activateWindow()

    def _session_closed(self) -> None:
        self.activateWindow()
