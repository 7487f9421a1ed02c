"""Long work off the GUI thread: one runner for every job that takes a while.

A job is a plain function ``work(progress, is_cancelled)`` (no Qt in it): it reports
``progress(fraction, text)`` and stops when ``is_cancelled()`` says so, or simply at its
next ``progress`` call, which raises ``Cancelled`` once the user pressed Annuleren.
``TaskRunner`` runs it on the thread pool, optionally with a modal progress dialog, and
calls back on the GUI thread; ``SyncRunner`` runs it at once (tests, screenshots). The
PDF export, the portfolio's build and export and the uncertainty run are such jobs.

Every failure is logged with its traceback here, so a dialog that only shows a line of
text never hides where an error came from. ``TaskRunner.pending`` counts the jobs in
flight; ``wait_for_done`` waits for them at shutdown (a worker must not outlive the
objects its result is delivered to).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[float, str], None]
IsCancelled = Callable[[], bool]


class Cancelled(Exception):
    """The user pressed Annuleren; the work stopped at its next step."""


@dataclass
class LongWork(Generic[T]):
    """One job: the work, what to do with its outcome, and how to show it."""

    work: Callable[[Progress, IsCancelled], T]
    on_done: Callable[[T], None]
    on_error: Callable[[BaseException], None]
    #: None: a cancelled job reports ``Cancelled`` through ``on_error``
    on_cancelled: Callable[[], None] | None = None
    on_progress: Progress | None = None
    #: the progress dialog's window title and first text; no title: no dialog
    title: str = ""
    label: str = ""
    #: milliseconds before the dialog appears (short jobs never flash one)
    show_after_ms: int = 0
    #: False: the dialog has no Annuleren (a file being written is finished)
    cancellable: bool = True


class Handle:
    """A started job: ``cancel()`` it, or ask whether it has ``finished``."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.finished = False
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def progress_callback(self, report: Progress) -> Progress:
        """``report`` behind a check: after Annuleren the next step raises Cancelled;
        the last step (1.0: the result is written) still goes through."""
        def step(fraction: float, text: str = "") -> None:
            if self._event.is_set() and fraction < 1.0:
                raise Cancelled("geannuleerd")
            report(float(fraction), str(text))
        return step


class Runner(Protocol):
    """What a window needs from a runner (``AppContext.runner``)."""

    def start(self, job: LongWork[Any], parent: QWidget | None = None) -> Handle: ...

    def wait_for_done(self, msecs: int = -1) -> bool: ...

    def run(self, work: Callable[[Progress], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None],
            on_progress: Progress | None = None) -> None: ...


def receiver_alive(callback: Callable[..., Any]) -> bool:
    """False when ``callback`` is a method (or a ``partial`` of one) of a Qt object that
    has been deleted: work can finish after its window closed, and calling back would
    raise "Internal C++ object already deleted". So callbacks are bound methods of the
    object that waits for the result, never closures holding a window."""
    while isinstance(callback, partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def _open_dialog(job: LongWork[Any], handle: Handle, parent: QWidget | None) -> None:
    """The modal progress dialog with Annuleren (only for a job with a title)."""
    if not job.title:
        return
    dialog = QProgressDialog(job.label or job.title, "Annuleren", 0, 100, parent)
    dialog.setWindowTitle(job.title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(job.show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if job.cancellable:
        dialog.canceled.connect(handle.cancel)
    else:
        dialog.setCancelButton(None)
    dialog.setValue(0)
    handle.dialog = dialog


def _show_progress(job: LongWork[Any], handle: Handle, fraction: float, text: str) -> None:
    """The job's own hook, then the dialog. setValue of a modal progress dialog processes
    events (the job may even finish inside it), so nothing touches the dialog after it."""
    if handle.cancelled:
        return
    report = job.on_progress
    if report is not None and receiver_alive(report):
        report(fraction, text)
    dialog = handle.dialog
    if dialog is not None and shiboken6.isValid(dialog):
        if text:
            dialog.setLabelText(text)
        dialog.setValue(int(max(0.0, min(1.0, fraction)) * 100))


def _close_dialog(handle: Handle) -> None:
    dialog, handle.dialog = handle.dialog, None
    if dialog is not None and shiboken6.isValid(dialog):  # else gone with its window
        dialog.reset()
        dialog.deleteLater()


def _deliver(job: LongWork[Any], handle: Handle, ok: bool, value: Any) -> None:
    """Close the dialog and hand the outcome to the job's callbacks (on the GUI thread),
    unless their object is gone."""
    handle.finished = True
    _close_dialog(handle)
    if ok:
        callback: Callable[..., Any] = job.on_done
        args: tuple[Any, ...] = (value,)
    elif isinstance(value, Cancelled) and job.on_cancelled is not None:
        callback, args = job.on_cancelled, ()
    else:
        callback, args = job.on_error, (value,)
    if receiver_alive(callback):
        callback(*args)
    else:
        log.debug("Uitkomst van een taak niet afgeleverd: %r bestaat niet meer", callback)


def _run_logged(job: LongWork[Any], handle: Handle, report: Progress) -> tuple[bool, Any]:
    try:
        return True, job.work(handle.progress_callback(report), lambda: handle.cancelled)
    except Cancelled as exc:
        return False, exc
    except Exception as exc:
        log.exception("Langdurige taak mislukt")
        return False, exc


def _legacy(work: Callable[[Progress], Any], on_done, on_error,
            on_progress: Progress | None) -> LongWork[Any]:
    """A ``run(work(progress), ...)`` call as a job (no dialog, cancel left to the work)."""
    return LongWork(work=lambda progress, _is_cancelled: work(progress), on_done=on_done,
                    on_error=on_error, on_progress=on_progress)


class SyncRunner:
    """Runs the job at once on the calling thread (tests, screenshots, benchmarks).

    The progress dialog is the real one. ``cancel_at``: act as if Annuleren was pressed
    once progress reaches that fraction; ``on_step(handle, fraction)`` runs after every
    step, so a test can press the dialog's own Annuleren button (``handle.dialog``).
    """

    def __init__(self, cancel_at: float | None = None,
                 on_step: Callable[[Handle, float], None] | None = None) -> None:
        self.cancel_at = cancel_at
        self.on_step = on_step
        self.started: list[LongWork[Any]] = []

    def start(self, job: LongWork[Any], parent: QWidget | None = None) -> Handle:
        self.started.append(job)
        handle = Handle()
        _open_dialog(job, handle, parent)

        def report(fraction: float, text: str) -> None:
            _show_progress(job, handle, fraction, text)
            if self.cancel_at is not None and fraction >= self.cancel_at:
                handle.cancel()
            if self.on_step is not None:
                self.on_step(handle, fraction)
        if self.cancel_at is not None and self.cancel_at <= 0:
            handle.cancel()
        ok, value = _run_logged(job, handle, report)
        _deliver(job, handle, ok, value)
        return handle

    def run(self, work: Callable[[Progress], Any], on_done, on_error,
            on_progress: Progress | None = None) -> None:
        self.start(_legacy(work, on_done, on_error, on_progress))

    def wait_for_done(self, msecs: int = -1) -> bool:
        return True


class _Signals(QObject):
    progress = Signal(float, str)
    finished = Signal(bool, object)


class _Job(QRunnable):
    def __init__(self, job: LongWork[Any], handle: Handle, signals: _Signals):
        super().__init__()
        self.job, self.handle, self.signals = job, handle, signals

    def run(self) -> None:
        ok, value = _run_logged(self.job, self.handle, self.signals.progress.emit)
        self.signals.finished.emit(ok, value)


class _Flight(QObject):
    """One job in flight, on the GUI thread: relays progress and the outcome."""

    def __init__(self, runner: TaskRunner, job: LongWork[Any], handle: Handle):
        super().__init__()
        self.runner, self.job, self.handle = runner, job, handle
        self.signals = _Signals()
        self.signals.progress.connect(self.progress)
        self.signals.finished.connect(self.finished)

    def progress(self, fraction: float, text: str) -> None:
        _show_progress(self.job, self.handle, fraction, text)

    def finished(self, ok: bool, value: Any) -> None:
        self.runner._flights.discard(self)
        _deliver(self.job, self.handle, ok, value)


class TaskRunner:
    """Runs jobs on a thread pool (the global one unless given); callbacks on the GUI
    thread, where the runner was made."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._flights: set[_Flight] = set()

    @property
    def pending(self) -> int:
        """Jobs started whose outcome has not been delivered yet."""
        return len(self._flights)

    def start(self, job: LongWork[Any], parent: QWidget | None = None) -> Handle:
        handle = Handle()
        _open_dialog(job, handle, parent)
        flight = _Flight(self, job, handle)
        self._flights.add(flight)
        self.pool.start(_Job(job, handle, flight.signals))
        return handle

    def run(self, work: Callable[[Progress], Any], on_done, on_error,
            on_progress: Progress | None = None) -> None:
        """The older call: ``work(progress)`` without a dialog."""
        self.start(_legacy(work, on_done, on_error, on_progress))

    def cancel_all(self) -> None:
        for flight in list(self._flights):
            flight.handle.cancel()

    def wait_for_done(self, msecs: int = -1) -> bool:
        """At shutdown: cancel what runs and wait for the workers (True: all stopped).
        Outcomes still queued are not delivered; their windows are closing."""
        self.cancel_all()
        done = self.pool.waitForDone(msecs)
        for flight in list(self._flights):
            flight.signals.finished.disconnect()
        self._flights.clear()
        return done
