"""Mechanisms as tags in Verhaal (FORMATS.md 1.1 ``narrative.mechanisms``): how the
approach worked on the costs ("snellere hulp", "geen overdrachten"), each tag
kostenverlagend, kostenverhogend or not said.

A tag is typed and added with Enter; while typing, a completer offers the tags used in
the other cases of the same folder (``model.mechanism_suggestions``, read once when a
case is opened or saved elsewhere, off the GUI thread through the window's runner), and
picking one takes over the effect given with it there. The tags stand in a small record
table: F2 or a double click edits a tag, its effect is chosen in the cell, Delete
removes the selected tags, Ctrl+C/Ctrl+V work as in every record table; each is one undo
step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.case import Mechanism
from effectencalculator.model.mechanism_suggestions import (
    Suggestion,
    folder_mechanisms,
    tag_key,
)
from effectencalculator.model.vocabulary import MECHANISM_EFFECTS
from effectencalculator.ui.commands import InsertRecordsCommand
from effectencalculator.ui.delegates import RecordTableView
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.long_work import LongWork, Runner, SyncRunner
from effectencalculator.ui.table_models import Column, RecordTableModel

PATH = ("narrative", "mechanisms")

#: (value of ``effect``, what the choice shows)
EFFECT_CHOICES: tuple[tuple[str, str], ...] = (
    ("kostenverlagend", "↓ kostenverlagend"),
    ("kostenverhogend", "↑ kostenverhogend"),
    ("", "niet aangegeven"),
)
_EFFECT_LABELS = dict(EFFECT_CHOICES)
_BAD_STYLE = "color: #a00000;"


def _set_tag(m: Mechanism, value: Any) -> None:
    tag = " ".join(str(value or "").split())
    if not tag:
        raise ValueError("een mechanisme heeft een omschrijving nodig")
    m.tag = tag


def _set_effect(m: Mechanism, value: Any) -> None:
    if value not in ("", None, *MECHANISM_EFFECTS):
        raise ValueError(f"onbekend effect '{value}'")
    m.effect = value or ""


class MechanismsModel(RecordTableModel):
    """The case's mechanisms: tag and effect (an arrow says which way; no tint, since
    yellow and red rows mean unpriced and incomplete in every other table)."""

    def __init__(self, doc: CaseDocument, parent=None):
        columns = [
            Column("tag", "Mechanisme", lambda m: m.tag, lambda m: m.tag, _set_tag,
                   width=260, fields=("tag",),
                   header_tip="Een korte omschrijving, bijv. 'snellere hulp'."),
            Column("effect", "Effect op de kosten",
                   lambda m: _EFFECT_LABELS.get(m.effect, m.effect), lambda m: m.effect,
                   _set_effect, editor="combo", choices=list(EFFECT_CHOICES), width=170,
                   fields=("effect",),
                   header_tip="Maakte dit de zorg en steun goedkoper of duurder?"),
        ]
        super().__init__(doc, PATH, columns, "mechanisme", parent)
        self.new_record = Mechanism


class MechanismsEditor(QWidget):
    """Type a tag, choose its effect, Enter; below, the tags of this case."""

    def __init__(self, doc: CaseDocument, runner: Runner | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.runner: Runner = runner or SyncRunner()
        #: what the folder's other cases use, the most used first
        self.suggestions: list[Suggestion] = []
        self._read_path: Path | None = None
        self._read_once = False
        self._generation = 0

        self.input = QLineEdit()
        self.input.setPlaceholderText("bijv. snellere hulp (Enter voegt toe)")
        self.input.setToolTip("Typ een kort mechanisme; tags uit andere casussen in deze map "
                              "worden voorgesteld. Enter voegt het toe.")
        self.completer = QCompleter(QStringListModel(self), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(self.completer)
        self.effect = QComboBox()
        for value, label in EFFECT_CHOICES:
            self.effect.addItem(label, value)
        self.effect.setToolTip("Het effect van het nieuwe mechanisme op de kosten")
        self.add_button = QPushButton("Toevoegen")
        self.remove_button = QPushButton("Verwijderen")
        self.remove_button.setToolTip("Verwijder de geselecteerde mechanismen (Delete)")
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.model = MechanismsModel(doc, self)
        self.view = RecordTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setMinimumHeight(4 * 26 + 28)  # four tags and the header at least

        entry = QHBoxLayout()
        entry.addWidget(self.input, 1)
        entry.addWidget(self.effect)
        entry.addWidget(self.add_button)
        entry.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self.input.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.completer.activated.connect(self._suggestion_chosen)  # the text overload
        self.input.textEdited.connect(self._typed)
        doc.pathChanged.connect(self.read_suggestions)
        for signal in (doc.inserted, doc.removed, doc.recordReplaced):
            signal.connect(self._list_changed)
        doc.caseReset.connect(self._update_completer)
        self._say("")
        self.read_suggestions()

    # -- adding and removing ------------------------------------------------------------
    def add(self) -> bool:
        """Add the typed tag with the chosen effect; False (and why) when it is not."""
        popup = self.completer.popup()
        if popup is not None and popup.isVisible() and popup.currentIndex().isValid():
            # Enter on a suggestion reaches the field before the completer fills it in:
            # the chosen tag is added when it is filled in (``_suggestion_chosen``)
            return False
        tag = " ".join(self.input.text().split())
        if not tag:
            return False
        taken = {tag_key(m.tag) for m in self.doc.case.narrative.mechanisms}
        if tag_key(tag) in taken:
            self._say(f"'{tag}' staat al bij deze casus.", bad=True)
            return False
        mechanisms = self.doc.case.narrative.mechanisms
        self.doc.undo_stack.push(InsertRecordsCommand(
            self.doc, PATH, len(mechanisms), [Mechanism(tag, self.effect.currentData())],
            f"mechanisme '{tag}' toevoegen"))
        self.input.clear()
        self._say("")
        return True

    def remove(self) -> bool:
        return self.view.clipboard.delete_rows()

    # -- suggestions ----------------------------------------------------------------------
    def read_suggestions(self, *_: Any) -> None:
        """Read the tags of the cases beside the open one (once per folder and case)."""
        path = self.doc.path
        if self._read_once and path == self._read_path:
            return
        self._read_path, self._read_once = path, True
        self._generation += 1
        if path is None:  # a new case: no folder yet
            self._suggestions_read((self._generation, []))
            return
        generation, folder, exclude = self._generation, path.parent, path

        def work(_progress, is_cancelled) -> tuple[int, list[Suggestion]]:
            return generation, folder_mechanisms(folder, exclude, is_cancelled=is_cancelled)

        # bound methods as callbacks: dropped when this editor is gone
        self.runner.start(LongWork(work=work, on_done=self._suggestions_read,
                                   on_error=self._suggestions_failed))

    def _suggestions_read(self, value: tuple[int, list[Suggestion]]) -> None:
        generation, suggestions = value
        if generation != self._generation:  # another case was opened meanwhile
            return
        self.suggestions = suggestions
        self._update_completer()

    def _suggestions_failed(self, _exc: BaseException) -> None:
        self.suggestions = []  # suggestions are a help; the tags themselves are unaffected
        self._update_completer()

    def suggested_tags(self) -> list[str]:
        """The completer's list: the folder's tags this case does not have yet."""
        taken = {tag_key(m.tag) for m in self.doc.case.narrative.mechanisms}
        return [s.tag for s in self.suggestions if tag_key(s.tag) not in taken]

    def _update_completer(self, *_: Any) -> None:
        model = self.completer.model()
        if isinstance(model, QStringListModel):
            model.setStringList(self.suggested_tags())

    def _list_changed(self, path: Any, *_: Any) -> None:
        if tuple(path) == PATH:
            self._update_completer()

    def _suggestion_chosen(self, text: Any) -> None:
        """A tag from another case (Enter or a click in the list): add it with the effect
        it was given there."""
        text = str(text)
        for s in self.suggestions:
            if s.tag == text and s.effect:
                self.effect.setCurrentIndex(self.effect.findData(s.effect))
                break
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.input.setText(text)
        self.add()

    def _typed(self, _text: str) -> None:
        if self.message.text():
            self._say("")

    def _say(self, text: str, bad: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(_BAD_STYLE if bad else "")
        self.message.setVisible(bool(text))
