"""A ``definitief`` case is not changed without asking (FORMATS.md 1.1, "Review"):
the first edit of such a case asks whether to go on; yes sets the review back to
``concept`` and adds a history entry saying so, together with the edit as one undo step
(Ctrl+Z restores the edit, the status and the history at once); no leaves the case as it
was. Changing the review itself is never asked about.

It sits on the document's undo stack (``undo_stack.GuardedUndoStack``), which every edit
passes, so no editor needs to know the rule.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from effectencalculator import __version__
from effectencalculator.model.case import HistoryEntry
from effectencalculator.ui.commands import InsertRecordsCommand, SetAttrCommand
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.review_editor import SetReviewCommand
from effectencalculator.ui.undo_stack import GuardedUndoStack

FINAL = "definitief"
QUESTION_TITLE = "Definitieve casus wijzigen?"
QUESTION = ("Deze casus is definitief. Als u hem wijzigt, gaat de beoordeling terug naar "
            "'concept' (dat komt in de geschiedenis van de casus). Wilt u doorgaan?")
HISTORY_NOTE = "beoordeling definitief → concept: de casus is gewijzigd"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class FinalGuard(QObject):
    """Asks before the first edit of a definitief case (``dialogs.ask_yes_no``)."""

    def __init__(self, doc: CaseDocument, dialogs, parent: QWidget,
                 now: Callable[[], str] = _now):
        super().__init__(parent)
        self.doc, self.dialogs, self.now = doc, dialogs, now
        self.widget = parent
        self._refused: list[tuple[tuple, str]] = []
        stack = doc.undo_stack
        if isinstance(stack, GuardedUndoStack):
            stack.guard = self.check

    def check(self, command: QUndoCommand) -> bool:
        """True: push ``command`` as usual; False: it was pushed here, or refused."""
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.widget):
            return True  # the window is being taken down: nothing to ask
        doc = self.doc
        review = doc.case.info.review
        if review is None or review.status != FINAL or isinstance(command, SetReviewCommand):
            return True
        if not self.dialogs.ask_yes_no(self.widget.window(), QUESTION_TITLE, QUESTION):
            self._show_unchanged(command)
            return False
        concept = copy.deepcopy(review)
        concept.status = "concept"
        entry = HistoryEntry(time=self.now(), program_version=__version__, note=HISTORY_NOTE)
        stack = doc.undo_stack
        stack.beginMacro(f"{command.text()} (beoordeling terug naar concept)")
        stack.push(SetReviewCommand(doc, concept, "status", "beoordelingsstatus wijzigen"))
        stack.push(InsertRecordsCommand(doc, ("history",), len(doc.case.history), [entry],
                                        "geschiedenis aanvullen"))
        stack.push(command)
        stack.endMacro()
        return False

    def _show_unchanged(self, command: QUndoCommand) -> None:
        """A refused edit: a field that already shows the typed text shows the case's
        value again (tables show the case's value anyway). After the editor's own commit
        has returned: a form does not refresh while it commits."""
        if isinstance(command, SetAttrCommand):
            self._refused.append((command.path, command.attr))
            QTimer.singleShot(0, self._refresh_refused)

    def _refresh_refused(self) -> None:
        refused, self._refused = self._refused, []
        for path, attr in refused:
            self.doc.fieldChanged.emit(path, attr)
