"""Live totals: recalculate shortly after every edit, without a button.

Edits restart a short single-shot timer (debounce), so a burst of keystrokes costs one
calculation. The calculation is the model's own (``calculate`` through ``calculate_live``)
and takes a few milliseconds even for 500 lines; it runs on the GUI thread from the
event loop, never inside a paint. The time of the last run is kept for the status bar and
the benchmark.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from effectencalculator.model.live import LiveResult, calculate_live
from effectencalculator.ui.document import CaseDocument


class ResultsController(QObject):
    updated = Signal()

    def __init__(self, doc: CaseDocument, timer, delay_ms: int = 30,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.live = LiveResult(None)
        self.elapsed_ms = 0.0
        self.timer = timer
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.recalculate_now)
        doc.edited.connect(self.schedule)
        doc.tableChanged.connect(self.schedule)

    def schedule(self) -> None:
        self.timer.start()

    def recalculate_now(self) -> LiveResult:
        self.timer.stop()
        started = time.perf_counter()
        self.live = calculate_live(self.doc.case, self.doc.table)
        self.elapsed_ms = (time.perf_counter() - started) * 1000
        self.updated.emit()
        return self.live

    @property
    def pending(self) -> bool:
        return self.timer.isActive()
