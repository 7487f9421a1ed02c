"""The document's undo stack, with a hook that sees every edit before it is done.

Every edit of a case is pushed here (``commands.py``), so this is the one place where a
rule about *editing at all* can act — the first edit of a ``definitief`` case asks first
(``final_guard``). The hook knows nothing of the case; it is set by whoever owns the rule.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

#: sees a command before it is pushed; True: push it as usual, False: the guard has dealt
#: with it (pushed it with more around it, or refused it)
Guard = Callable[[QUndoCommand], bool]


class GuardedUndoStack(QUndoStack):
    """A QUndoStack whose ``push`` asks ``guard`` first (pushes made by the guard itself
    go straight through)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.guard: Guard | None = None
        self._guarding = False

    def push(self, cmd: QUndoCommand) -> None:
        guard = self.guard
        if guard is None or self._guarding:
            super().push(cmd)
            return
        self._guarding = True
        try:
            push = guard(cmd)
        finally:
            self._guarding = False
        if push:
            super().push(cmd)
