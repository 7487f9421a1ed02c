"""Everything the window asks of the outside world, injectable for tests.

Confirmations and file choosers (``DialogService``), the desktop (open a folder or a
link: ``DesktopService``), timers and the runner of long work. Tests pass fakes that
answer at once, so they never block on a modal dialog, wait for a timer or open anything.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from effectencalculator.ui.long_work import Runner, TaskRunner
from effectencalculator.ui.long_work import SyncRunner as SyncRunner  # where tests look
from effectencalculator.ui.settings import UiSettings

log = logging.getLogger(__name__)

CASE_FILTER = ("Casusbestanden (*.yaml *.yml *.ecase);;Versleutelde casussen (*.ecase);;"
               "Alle bestanden (*)")
#: for "Opslaan als…": the suffix chooses plain YAML or an encrypted ``.ecase`` file
SAVE_CASE_FILTER = ("Casusbestand (*.yaml);;"
                    "Versleuteld casusbestand, met wachtwoord (*.ecase)")
ENCRYPTED_FILTER_MARK = "*.ecase"


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class RestoreChoice(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


class DialogService:
    """Modal questions to the user (the real, Qt implementation)."""

    def ask_save_changes(self, parent: QWidget | None, name: str) -> SaveChoice:
        box = QMessageBox(QMessageBox.Icon.Warning, "Wijzigingen opslaan?",
                          f"De casus '{name}' heeft wijzigingen die nog niet zijn opgeslagen.",
                          parent=parent)
        box.setInformativeText("Wilt u de wijzigingen opslaan?")
        save = box.addButton("Opslaan", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Niet opslaan", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return SaveChoice.SAVE
        if clicked is discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def ask_restore(self, parent: QWidget | None, description: str) -> RestoreChoice:
        box = QMessageBox(QMessageBox.Icon.Question, "Herstelkopie gevonden",
                          "Het programma is de vorige keer niet normaal afgesloten. Er is een "
                          "automatisch bewaarde herstelkopie:", parent=parent)
        box.setInformativeText(description)
        restore = box.addButton("Herstellen", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Weggooien", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Later beslissen", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            return RestoreChoice.RESTORE
        if box.clickedButton() is discard:
            return RestoreChoice.DISCARD
        return RestoreChoice.LATER

    def ask_yes_no(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def open_file(self, parent: QWidget | None, title: str, folder: str,
                  filters: str = CASE_FILTER) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return path or None

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str = CASE_FILTER) -> str | None:
        path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        if path and not Path(path).suffix and ENCRYPTED_FILTER_MARK in (chosen or ""):
            path += ".ecase"  # the user chose the encrypted type without typing a suffix
        return path or None

    def ask_password(self, parent: QWidget | None, title: str, text: str, *, new: bool,
                     error: str = "") -> str | None:
        """A password (twice when ``new``), or None when the user cancels."""
        from effectencalculator.ui.password import ask_password
        return ask_password(parent, title, text, new=new, error=error)

    def exec_dialog(self, dialog) -> int:
        """Run a prepared dialog modally (tests answer it without blocking)."""
        return dialog.exec()

    def show_error(self, parent: QWidget | None, title: str, text: str,
                   details: Sequence[str] = ()) -> None:
        log.warning("%s: %s%s", title, text, "".join(f"\n  {d}" for d in details))
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
        if details:
            box.setInformativeText("\n".join(details[:12]) +
                                   (f"\n… en nog {len(details) - 12}" if len(details) > 12 else ""))
            box.setDetailedText("\n".join(details))
        box.exec()

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


class DesktopService:
    """Hands a folder or a link to the desktop (file manager, browser)."""

    def open_folder(self, folder: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_url(self, url: str) -> bool:
        return QDesktopServices.openUrl(QUrl(url))


# -- long work: ``long_work.py`` (the runners are imported from here too) ---------------

def default_timer_factory(parent: QObject) -> QTimer:
    return QTimer(parent)


def default_recovery_dir() -> Path:
    """The per-user folder for recovery copies (``<user data dir>/herstel``)."""
    from effectencalculator.model.user_dirs import user_data_dir
    return user_data_dir() / "herstel"


@dataclass
class AppContext:
    """What a main window needs from outside; tests build one with fakes."""

    settings: UiSettings
    recovery_dir: Path
    dialogs: DialogService = field(default_factory=DialogService)
    desktop: DesktopService = field(default_factory=DesktopService)
    timer_factory: Callable[[QObject], QTimer] = default_timer_factory
    runner: Runner = field(default_factory=TaskRunner)
    #: milliseconds between autosaves of the recovery copy
    autosave_interval_ms: int = 60_000
    #: milliseconds of quiet before the live totals recalculate
    recalc_delay_ms: int = 30
    #: process-id check for recovery copies (None: the real one)
    process_alive: Callable[[int], bool] | None = None
    #: the researcher's never-export list (None: the shared per-user file of
    #: ``model.privacy.never_export_path``; tests pass a temporary file)
    never_export_path: Path | None = None
    #: the portfolio's reopen cache (None: the per-user one of
    #: ``model.portfolio_cache.default_cache_path``)
    portfolio_cache_path: Path | None = None

    def never_export_file(self) -> Path:
        """Where the never-export list is read from and saved to."""
        if self.never_export_path is not None:
            return Path(self.never_export_path)
        from effectencalculator.model.privacy import never_export_path
        return never_export_path()
