"""Fakes and window builders for the GUI tests (the `ctx` and `window` fixtures are in conftest).

Nothing here opens a real dialog, waits for a real timer, touches the real settings or
the real recovery folder, or opens a folder on the desktop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from effectencalculator.ui.services import AppContext, RestoreChoice, SaveChoice, SyncRunner
from effectencalculator.ui.settings import UiSettings


class FakeTimer(QObject):
    """A timer that fires only when the test says so."""

    timeout = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.interval, self.single_shot, self.active = 0, False, False

    def setInterval(self, ms: int) -> None:  # noqa: N802 - Qt API
        self.interval = ms

    def setSingleShot(self, on: bool) -> None:  # noqa: N802
        self.single_shot = on

    def start(self, *_args) -> None:
        self.active = True

    def stop(self) -> None:
        self.active = False

    def isActive(self) -> bool:  # noqa: N802
        return self.active

    def fire(self) -> None:
        if self.single_shot:
            self.active = False
        self.timeout.emit()


class FakeDialogs:
    """Answers every question at once and records what was asked."""

    def __init__(self):
        self.save_choice = SaveChoice.CANCEL
        self.restore_choice = RestoreChoice.RESTORE
        self.yes_no = False
        self.open_path: str | None = None
        self.save_path: str | None = None
        self.asked_save: list[str] = []
        self.asked_restore: list[str] = []
        self.asked_yes_no: list[str] = []
        self.errors: list[tuple[str, str, list[str]]] = []
        self.infos: list[str] = []
        #: answers to password questions, in order (None: the user cancels)
        self.passwords: list[str | None] = []
        self.asked_password: list[tuple[str, bool, str]] = []
        #: called with a prepared dialog instead of exec(); it may click in it
        self.on_dialog = None
        self.dialogs_shown: list = []

    def ask_save_changes(self, parent, name):
        self.asked_save.append(name)
        return self.save_choice

    def ask_restore(self, parent, description):
        self.asked_restore.append(description)
        return self.restore_choice

    def ask_yes_no(self, parent, title, text):
        self.asked_yes_no.append(text)
        return self.yes_no

    def open_file(self, parent, title, folder, filters=""):
        return self.open_path

    def save_file(self, parent, title, suggested, filters=""):
        return self.save_path

    def show_error(self, parent, title, text, details=()):
        self.errors.append((title, text, list(details)))

    def show_info(self, parent, title, text):
        self.infos.append(text)

    def ask_password(self, parent, title, text, *, new, error=""):
        self.asked_password.append((text, new, error))
        return self.passwords.pop(0) if self.passwords else None

    def exec_dialog(self, dialog):
        self.dialogs_shown.append(type(dialog).__name__)
        if self.on_dialog is not None:
            self.on_dialog(dialog)
        return dialog.result()


class FakeDesktop:
    def __init__(self):
        self.folders: list[Path] = []
        self.urls: list[str] = []

    def open_folder(self, folder):
        self.folders.append(Path(folder))
        return True

    def open_url(self, url):
        self.urls.append(url)
        return True


class Timers:
    """Keeps every fake timer a window made, by purpose."""

    def __init__(self):
        self.made: list[FakeTimer] = []

    def __call__(self, parent):
        timer = FakeTimer(parent)
        self.made.append(timer)
        return timer


def make_context(tmp_path: Path, *, dead_processes: bool = False) -> AppContext:
    settings = QSettings(str(tmp_path / "instellingen.ini"), QSettings.Format.IniFormat)
    return AppContext(settings=UiSettings(settings), recovery_dir=tmp_path / "herstel",
                      dialogs=FakeDialogs(), desktop=FakeDesktop(), timer_factory=Timers(),
                      runner=SyncRunner(), recalc_delay_ms=0,
                      process_alive=(lambda pid: False) if dead_processes else None,
                      never_export_path=tmp_path / "niet-exporteren.txt")


def make_window(qtbot, ctx: AppContext, path: str | Path | None = None):
    from effectencalculator.ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    if path is not None:
        assert window.controller.open_path(path, ask=False)
    else:
        window.controller.load_table()
    window.results.recalculate_now()
    return window
