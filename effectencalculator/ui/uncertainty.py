"""The Monte Carlo interval and the sensitivity of the open case, kept up to date off the
GUI thread.

After the live totals change (``ResultsController.updated``) a single-shot timer waits
for a quiet moment (debounce), then ``model.uncertainty.simulate`` (numpy, 10 000 draws)
and ``model.sensitivity.sensitivity`` run as a job of ``long_work`` (the thread pool, no
dialog; tests pass a synchronous runner). Typing never waits for them:

- at most one run is in flight; edits during a run only mark the outcome stale, and one
  fresh run follows when the current one ends;
- every edit bumps a generation number and cancels the run in flight (it stops between
  the simulation and the sensitivity), so an outcome of an older state is never shown;
- while nobody looks (the Berekening section hidden) nothing runs; showing it again
  catches up.

``simulate`` itself has no cancel hook: it is one vectorised numpy call (about 15–40 ms
for the examples, at most about 0.5 s for 500 lines), so a cancel waits for it. numpy is
imported in the worker, never at start-up.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from effectencalculator.ui.long_work import (
    Cancelled,
    Handle,
    IsCancelled,
    LongWork,
    Progress,
    Runner,
)
from effectencalculator.ui.results import ResultsController

#: milliseconds of quiet after the last recalculation before the simulation runs
UNCERTAINTY_DELAY_MS = 400


@dataclass
class UncertaintyOutcome:
    """What one run produced (everything computed by the model, nothing in the GUI)."""

    #: ``model.uncertainty.UncertaintyResult`` (None without a comparison)
    uncertainty: Any = None
    #: ``list[model.sensitivity.Swing]``, largest swing first
    swings: list = field(default_factory=list)
    #: ``report.content.TornadoSeries`` (None without a comparison)
    tornado: Any = None
    #: (reference, intervention) the run compared
    pair: tuple[str, str] | None = None
    elapsed_ms: float = 0.0


def compute_outcome(result, progress: Progress | None = None,
                    is_cancelled: IsCancelled | None = None) -> UncertaintyOutcome:
    """The worker: simulation, sensitivity and the tornado series of one result."""
    from effectencalculator.model.sensitivity import sensitivity
    from effectencalculator.model.uncertainty import simulate
    from effectencalculator.report.content import tornado_series

    started = time.perf_counter()
    c = result.comparison
    if c is None:
        return UncertaintyOutcome()
    uncertainty = simulate(result)
    if is_cancelled is not None and is_cancelled():
        raise Cancelled("onzekerheid: verouderd")
    if progress is not None:
        progress(0.5, "Gevoeligheid")
    swings = sensitivity(result)
    tornado = tornado_series(result, swings)
    return UncertaintyOutcome(uncertainty, swings, tornado, (c.reference, c.intervention),
                              (time.perf_counter() - started) * 1000)


class UncertaintyController(QObject):
    """Keeps ``outcome`` in step with ``results.live.result``; emits ``updated``."""

    updated = Signal()
    #: True while the shown outcome no longer matches the case (a run is due or running)
    staleChanged = Signal(bool)

    def __init__(self, results: ResultsController, runner: Runner, timer,
                 delay_ms: int = UNCERTAINTY_DELAY_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.results, self.runner = results, runner
        self.outcome: UncertaintyOutcome | None = None
        self.error: str = ""
        self.generation = 0
        self.running = False
        self.handle: Handle | None = None
        self.wanted = False
        self.stale = True
        self.timer = timer
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.run_now)
        results.updated.connect(self._results_changed)
        results.doc.edited.connect(self._case_edited)
        results.doc.caseReset.connect(self._case_reset)

    # -- state ----------------------------------------------------------------------
    def _set_stale(self, stale: bool) -> None:
        if stale != self.stale:
            self.stale = stale
            self.staleChanged.emit(stale)

    def _outdate(self) -> None:
        """A run in flight read an older state of the case: stop it at its next step."""
        self.generation += 1
        if self.handle is not None:
            self.handle.cancel()

    def _case_edited(self) -> None:
        self._outdate()
        self._set_stale(True)

    def _case_reset(self) -> None:
        self._outdate()
        self.outcome = None
        self.error = ""
        self._set_stale(True)
        self.updated.emit()

    def _results_changed(self) -> None:
        self._outdate()
        self._set_stale(True)
        if self.wanted:
            self.timer.start()

    def set_wanted(self, wanted: bool) -> None:
        """Run only while someone looks; becoming wanted catches up at once."""
        self.wanted = wanted
        if wanted and self.stale and not self.running:
            self.timer.start()

    @property
    def pending(self) -> bool:
        return self.running or self.timer.isActive()

    def applies_to(self, result) -> bool:
        """True when the (maybe slightly stale) outcome compares the same two scenarios."""
        c = getattr(result, "comparison", None)
        return (self.outcome is not None and c is not None
                and self.outcome.pair == (c.reference, c.intervention))

    # -- running --------------------------------------------------------------------
    def run_now(self) -> None:
        """Start a run for the current result (or note that one must follow)."""
        self.timer.stop()
        if self.running:
            return  # ``_done`` sees the newer generation and runs again
        result = self.results.live.result
        generation = self.generation
        if result is None or result.comparison is None:
            self.outcome = None
            self.error = ""
            self._set_stale(False)
            self.updated.emit()
            return
        self.running = True
        handle = self.runner.start(LongWork(
            work=partial(compute_outcome, result), on_done=partial(self._done, generation),
            on_error=partial(self._failed, generation),
            on_cancelled=partial(self._cancelled, generation)))
        if self.running:  # a synchronous runner has finished already
            self.handle = handle

    def _finish(self, generation: int) -> bool:
        """True when the run is still current; else schedule the next one."""
        self.running = False
        self.handle = None
        if generation == self.generation:
            self._set_stale(False)
            return True
        if self.wanted:
            self.timer.start()
        return False

    def _done(self, generation: int, outcome: UncertaintyOutcome) -> None:
        if self._finish(generation):
            self.outcome = outcome
            self.error = ""
            self.updated.emit()

    def _cancelled(self, generation: int) -> None:
        if self._finish(generation):  # cancelled without a newer state (shutdown)
            self._set_stale(True)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if self._finish(generation):
            self.outcome = None
            self.error = f"{type(exc).__name__}: {exc}"
            self.updated.emit()
