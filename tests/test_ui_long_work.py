"""The long-work runner: a job on the real thread pool with its progress dialog and
Annuleren, the synchronous runner tests use, and the uncertainty run that uses it."""

from __future__ import annotations

import logging
import threading

from conftest import EXAMPLE_CASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from test_ui_support import make_window

from effectencalculator.ui.long_work import Cancelled, Handle, LongWork, SyncRunner, TaskRunner


def test_task_runner_on_the_real_thread_pool(qtbot, caplog):
    """Progress arrives on the GUI thread and fills the dialog; Annuleren stops the work
    at its next step; a failure is logged with its traceback; nothing stays pending."""
    runner = TaskRunner()
    parent = QWidget()
    qtbot.addWidget(parent)
    gui_thread = threading.get_ident()
    gate = threading.Event()
    worker_threads: list[int] = []
    shown: list[tuple[float, str, int]] = []
    outcome: dict[str, object] = {}

    def slow(progress, is_cancelled):
        worker_threads.append(threading.get_ident())
        progress(0.25, "Een kwart")
        assert gate.wait(30)  # released by the test after it pressed Annuleren
        assert is_cancelled()
        progress(0.5, "Half")  # raises Cancelled
        return "niet bereikt"

    handle = runner.start(LongWork(
        work=slow, on_done=lambda v: outcome.setdefault("done", v),
        on_error=lambda e: outcome.setdefault("error", e),
        on_cancelled=lambda: outcome.setdefault("cancelled", True),
        on_progress=lambda f, t: shown.append((f, t, threading.get_ident())),
        title="Testtaak", label="Bezig…"), parent)
    assert runner.pending == 1 and handle.dialog is not None
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [(0.25, "Een kwart", gui_thread)]
    assert worker_threads and worker_threads[0] != gui_thread
    dialog = handle.dialog
    assert dialog.windowTitle() == "Testtaak" and dialog.value() == 25
    assert dialog.labelText() == "Een kwart"
    button = dialog.findChild(QPushButton)
    assert button.text() == "Annuleren"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert handle.cancelled
    gate.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == {"cancelled": True}
    assert handle.finished and handle.dialog is None and runner.pending == 0

    def broken(progress, is_cancelled):
        raise ValueError("kapot")

    with caplog.at_level(logging.ERROR, logger="effectencalculator.ui.long_work"):
        runner.start(LongWork(work=broken, on_done=outcome.setdefault,
                              on_error=lambda e: outcome.setdefault("error", e)))
        qtbot.waitUntil(lambda: "error" in outcome)
    assert isinstance(outcome["error"], ValueError)
    record = next(r for r in caplog.records if r.name == "effectencalculator.ui.long_work")
    assert record.exc_info is not None and record.exc_info[0] is ValueError
    assert runner.pending == 0 and runner.wait_for_done(5000)


def _steps(progress, is_cancelled):
    for fraction in (0.25, 0.5, 0.75, 1.0):
        progress(fraction, f"stap {fraction}")
    return "klaar"


def test_sync_runner_cancels_at_the_next_step_and_lets_the_last_step_through():
    outcome: list[object] = []
    seen: list[float] = []
    job = LongWork(work=_steps, on_done=outcome.append, on_error=outcome.append,
                   on_cancelled=lambda: outcome.append("geannuleerd"),
                   on_progress=lambda f, t: seen.append(f))
    SyncRunner(cancel_at=0.5).start(job)
    assert seen == [0.25, 0.5] and outcome == ["geannuleerd"]

    outcome.clear()
    SyncRunner().start(job)
    assert outcome == ["klaar"]

    def finish_after_cancel(progress, is_cancelled):
        progress(0.5, "")
        progress(1.0, "geschreven")  # the file is written: that step still counts
        return "klaar"
    outcome.clear()
    SyncRunner(cancel_at=0.5).start(LongWork(finish_after_cancel, outcome.append,
                                             outcome.append))
    assert outcome == ["klaar"]

    errors: list[BaseException] = []
    SyncRunner(cancel_at=0.25).run(lambda progress: _steps(progress, None), outcome.append,
                                   errors.append)  # the older call: Cancelled as an error
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)


class HeldRunner(SyncRunner):
    """Starts nothing until the test says so: a run stays in flight."""

    def __init__(self):
        super().__init__()
        self.held: list[tuple[LongWork, Handle]] = []

    def start(self, job, parent=None):
        handle = Handle()
        self.held.append((job, handle))
        return handle

    def finish(self) -> None:
        job, handle = self.held.pop(0)
        if handle.cancelled:
            _run_cancelled(job, handle)
        else:
            super().start(job)


def _run_cancelled(job: LongWork, handle: Handle) -> None:
    try:
        value = job.work(handle.progress_callback(lambda f, t: None), lambda: True)
    except Cancelled:
        job.on_cancelled()
    else:
        job.on_done(value)


def test_an_edit_cancels_the_uncertainty_run_in_flight_and_one_fresh_run_follows(qtbot, ctx):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    controller = window.uncertainty
    controller.runner = runner = HeldRunner()
    controller.set_wanted(True)
    controller.run_now()
    (_, first), = runner.held
    assert controller.running and not first.cancelled
    window.doc.case.info.title += " (gewijzigd)"
    window.doc.edited.emit()
    assert first.cancelled  # the run read the old case
    runner.finish()  # stops after the simulation: Cancelled, nothing shown
    assert controller.outcome is None and not controller.running
    assert controller.timer.isActive()  # one fresh run is due
    controller.run_now()
    (_, second), = runner.held
    assert not second.cancelled
    runner.finish()
    assert controller.outcome is not None and not controller.stale
    window.doc.undo_stack.setClean()


def test_an_outcome_for_a_deleted_object_is_not_delivered():
    """Work can end after its window closed: a bound method (or a partial of one) of a
    deleted Qt object is not called, instead of raising "already deleted"."""
    from functools import partial

    import shiboken6
    from PySide6.QtCore import QObject

    class Waiter(QObject):
        def __init__(self):
            super().__init__()
            self.got: list[object] = []

        def done(self, *values):
            self.got.append(values)

    alive, gone = Waiter(), Waiter()
    shiboken6.delete(gone)
    runner = SyncRunner()
    runner.start(LongWork(_steps, on_done=gone.done, on_error=gone.done))
    runner.start(LongWork(_steps, on_done=partial(gone.done, 1), on_error=gone.done))
    runner.start(LongWork(_steps, on_done=partial(alive.done, 1), on_error=alive.done))
    assert alive.got == [(1, "klaar")]
