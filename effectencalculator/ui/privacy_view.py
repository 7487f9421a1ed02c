"""The privacy check in the window: the view on demand, the gate before every export,
and the researcher's never-export list.

``PrivacyController`` opens the view (``privacy_dialog.PrivacyDialog``) on demand, runs
it as the gate before every export (an export goes on only when nothing is open: fixed,
or explicitly accepted there), and edits the never-export list
(``privacy_list.NeverExportDialog``) — a plain text file outside any case, shared with the
command line, whose place comes from the ``AppContext``.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from effectencalculator.model.privacy import PrivacyStatus, check_privacy, load_never_export
from effectencalculator.model.storage import SaveError, atomic_write_text
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.privacy_dialog import PrivacyDialog, plural
from effectencalculator.ui.privacy_list import NeverExportDialog
from effectencalculator.ui.services import AppContext

__all__ = ["NeverExportDialog", "PrivacyController", "PrivacyDialog"]

log = logging.getLogger(__name__)


class PrivacyController(QObject):
    """The privacy check of the open case: on demand, as export gate, and the word list."""

    #: the title of the section the user wants to see (the main window shows it)
    showSection = Signal(str)
    status_message = Signal(str)

    def __init__(self, window: QWidget, doc: CaseDocument, ctx: AppContext,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.window, self.doc, self.ctx = window, doc, ctx
        self.view: PrivacyDialog | None = None

    def words(self) -> list[str]:
        """The never-export list as it is on disk now (the CLI may have changed it)."""
        try:
            return load_never_export(self.ctx.never_export_file())
        except (OSError, UnicodeDecodeError) as exc:
            self.status_message.emit(f"Niet-exporteren-lijst niet te lezen: {exc}")
            return []

    def status(self) -> PrivacyStatus:
        return check_privacy(self.doc.case, self.words())

    def open_view(self) -> PrivacyDialog:
        """Show the privacy view (one, non-modal, beside the main window)."""
        if self.view is None:
            self.view = PrivacyDialog(self, self.window)
            self.view.finished.connect(self._view_closed)
        else:
            self.view.rescan()
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        return self.view

    def _view_closed(self, _result: int) -> None:
        if self.view is not None:
            self.view.deleteLater()
            self.view = None

    def gate(self, export_name: str) -> PrivacyStatus | None:
        """Before an export: the status to pass on (nothing open), or None (refused).

        With open findings the privacy view opens for this export; the export goes on only
        when the user presses Exporteren there, which is possible once nothing is open.
        """
        status = self.status()
        if status.clean:
            return status
        dialog = PrivacyDialog(self, self.window, export_name=export_name)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        try:
            result = self.ctx.dialogs.exec_dialog(dialog)
        finally:
            dialog.doc.edited.disconnect(dialog.rescan)
            dialog.doc.caseReset.disconnect(dialog.rescan)
            dialog.deleteLater()
        status = self.status()
        if result == QDialog.DialogCode.Accepted and status.clean:
            return status
        if not status.clean:
            self.status_message.emit(
                f"Niet geëxporteerd: de privacycontrole heeft nog "
                f"{plural(len(status.open), 'open melding', 'open meldingen')}.")
        else:
            self.status_message.emit("Niet geëxporteerd.")
        return None

    def edit_never_export(self, parent: QWidget | None = None) -> bool:
        """Edit and save the never-export list; True when it was saved."""
        path = self.ctx.never_export_file()
        try:
            current = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = ""
        except (OSError, UnicodeDecodeError) as exc:
            self.ctx.dialogs.show_error(parent or self.window, "Lijst niet te lezen",
                                        f"{path} kan niet worden gelezen: {exc}")
            return False
        dialog = NeverExportDialog(path, current, parent or self.window)
        try:
            if self.ctx.dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
                return False
            text = dialog.text()
        finally:
            dialog.deleteLater()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, text, keep_backup=False)
            try:
                os.chmod(path, 0o600)  # real names: readable by the researcher only
            except OSError:
                log.warning("Rechten van %s niet beperkt", path, exc_info=True)
        except (SaveError, OSError) as exc:
            self.ctx.dialogs.show_error(parent or self.window, "Lijst niet opgeslagen",
                                        str(exc))
            return False
        count = len(load_never_export(path))
        self.status_message.emit(
            f"Niet-exporteren-lijst opgeslagen ({plural(count, 'woord', 'woorden')})")
        if self.view is not None:
            self.view.rescan()
        return True
