"""The privacy view: review findings, fix them in place, or accept them.

``PrivacyDialog`` lists what the check (``model.privacy.check_privacy``) found, with its
place in the case in Dutch (section › record › field), its kind and the words around it
(invisible characters shown as ``⟨U+200B⟩``). Selecting a finding shows the whole field
with the finding marked; the researcher fixes it there (replace the found text, or edit
the field) or accepts it. Both are undoable edits of the case: a fix is a
``SetAttrCommand`` on the field, an acceptance adds the finding's hashed key to
``settings.privacy_accepted`` (never the text itself). The list follows every change of
the case. Its widgets are built in ``privacy_layout``.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from effectencalculator.model.privacy import (
    CHECKED,
    KIND_LABELS,
    PrivacyFinding,
    PrivacyStatus,
    check_privacy,
)
from effectencalculator.ui.commands import SetAttrCommand
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.privacy_fields import (
    describe,
    field_text,
    lenient_ref,
    new_value,
    replace_at,
)
from effectencalculator.ui.privacy_layout import COL_CONTEXT, COL_STATUS, COL_WHERE, build_dialog

if TYPE_CHECKING:
    from effectencalculator.ui.privacy_view import PrivacyController

#: what "Vervangen" proposes instead of the found text (the researcher may change it)
REPLACEMENTS = {
    "geboortedatum": "[geboortedatum]", "postcode": "[postcode]",
    "telefoon": "[telefoonnummer]", "email": "[e-mailadres]", "bsn": "[nummer]",
    "adres": "[adres]", "verboden woord": "[naam]", "iban": "[rekeningnummer]",
    "kenteken": "[kenteken]",
}
OPEN_COLOR = QColor("#a00000")
ACCEPTED_COLOR = QColor("#2e6b2e")
MARK_CURRENT = QColor("#ffd24d")
MARK_OTHER = QColor("#fff1b8")


def plural(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


class PrivacyDialog(QDialog):
    """The privacy view. ``export_name`` set: it is the gate before that export."""

    # the widgets, made by ``privacy_layout.build_dialog``
    summary: QLabel
    scope: QLabel
    list: QTreeWidget
    where: QLabel
    editor: QPlainTextEdit
    replacement: QLineEdit
    replace_button: QPushButton
    apply_button: QPushButton
    accept_button: QPushButton
    goto_button: QPushButton
    accept_hint: QLabel
    undo_action: QAction
    redo_action: QAction
    accept_all_button: QPushButton
    list_button: QPushButton
    buttons: QDialogButtonBox
    export_button: QPushButton | None

    def __init__(self, controller: PrivacyController, parent: QWidget | None = None,
                 export_name: str | None = None):
        super().__init__(parent)
        self.controller = controller
        self.doc: CaseDocument = controller.doc
        self.export_name = export_name
        self.status = PrivacyStatus([], [])
        self.words: list[str] = []
        self._current_key: str | None = None
        self._short_texts: list[tuple[QToolButton, str]] = []
        self.setWindowTitle("Privacycontrole" + (f" voor {export_name}" if export_name else ""))
        self.setObjectName("privacy_dialog")
        self.resize(1200, 680)
        build_dialog(self)
        self.doc.edited.connect(self.rescan)
        self.doc.caseReset.connect(self.rescan)
        self.rescan()

    # -- the findings ---------------------------------------------------------------
    def rescan(self, *_args) -> None:
        """Check the case again and show the result, keeping the selected finding."""
        self.words = self.controller.words()
        self.status = check_privacy(self.doc.case, self.words)
        accepted = {f.key for f in self.status.accepted}
        keep = self._current_key
        current = self.list.currentItem()
        keep_row = max(self.list.indexOfTopLevelItem(current), 0) if current is not None else 0
        self.list.blockSignals(True)
        self.list.clear()
        select = None
        for finding in self.status.findings:
            is_accepted = finding.key in accepted
            item = QTreeWidgetItem([
                "geaccepteerd" if is_accepted else "open",
                describe(self.doc.case, finding.path),
                KIND_LABELS.get(finding.kind, finding.kind),
                f"“{finding.shown}” — …{finding.context}…",
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            item.setForeground(COL_STATUS, ACCEPTED_COLOR if is_accepted else OPEN_COLOR)
            bold = QFont(item.font(COL_STATUS))
            bold.setBold(not is_accepted)
            item.setFont(COL_STATUS, bold)
            item.setToolTip(COL_WHERE, f"{describe(self.doc.case, finding.path)}\n"
                                       f"({finding.path})")
            item.setToolTip(COL_CONTEXT, finding.context)
            self.list.addTopLevelItem(item)
            if finding.key == keep:
                select = item
        if select is None and self.list.topLevelItemCount():
            # the fixed finding is gone: go on with the next open one from the same place
            rows = range(self.list.topLevelItemCount())
            open_rows = [r for r in rows if _item_text(self.list.topLevelItem(r)) == "open"]
            later = [r for r in open_rows if r >= keep_row]
            row = later[0] if later else (open_rows[0] if open_rows else
                                          min(keep_row, self.list.topLevelItemCount() - 1))
            select = self.list.topLevelItem(row)
        if select is not None:      # else the list is empty: nothing to select
            self.list.setCurrentItem(select)
        self.list.blockSignals(False)
        self._update_summary()
        self._show_current()

    def _update_summary(self) -> None:
        findings, open_ = self.status.findings, self.status.open
        if not findings:
            text = "Geen herleidbare gegevens gevonden."
        elif not open_:
            text = (f"{plural(len(findings), 'melding', 'meldingen')}, alle bewust "
                    "geaccepteerd. Er staat niets meer open.")
        else:
            text = (f"{plural(len(open_), 'open melding', 'open meldingen')} van "
                    f"{len(findings)} gevonden: pas ze aan of accepteer ze.")
        self.summary.setText(text)
        words = len(self.words)
        path = self.controller.ctx.never_export_file()
        self.scope.setText(
            f"Alle tekst van de casus is doorzocht op {CHECKED} "
            f"({plural(words, 'woord', 'woorden')}"
            f"{'' if words else ' — de lijst is nog leeg'}; {path}).")
        self.accept_all_button.setEnabled(bool(open_))
        if self.export_button is not None:
            self.export_button.setEnabled(not open_)
            self.export_button.setToolTip("" if not open_ else
                                          "Eerst alle meldingen aanpassen of accepteren")

    def _keep_short_texts(self) -> None:
        for button, text in self._short_texts:
            button.setText(text)

    def current_finding(self) -> PrivacyFinding | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, finding: PrivacyFinding) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole).key == finding.key:
                self.list.setCurrentItem(item)
                return

    def _show_current(self) -> None:
        finding = self.current_finding()
        self._current_key = finding.key if finding is not None else None
        has = finding is not None
        for widget in (self.editor, self.replacement, self.replace_button,
                       self.accept_button, self.goto_button):
            widget.setEnabled(has)
        self.editor.blockSignals(True)
        if finding is None:
            self.where.setText("Kies links een melding." if self.status.findings else
                               "Er is niets te beoordelen.")
            self.editor.setPlainText("")
            self.editor.setExtraSelections([])
            self.editor.blockSignals(False)
            self.apply_button.setEnabled(False)
            return
        ref = lenient_ref(finding.path)
        text = field_text(self.doc.case, ref)
        accepted = finding.key in {f.key for f in self.status.accepted}
        self.where.setText(
            f"<b>{describe(self.doc.case, finding.path)}</b><br>"
            f"{KIND_LABELS.get(finding.kind, finding.kind)}: “{finding.shown}”"
            + (f" (lijstwoord “{finding.entry}”)" if finding.entry else "")
            + (" — <span style='color:#2e6b2e'>geaccepteerd</span>" if accepted else ""))
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._mark(finding)
        self.replacement.setText(REPLACEMENTS.get(finding.kind, "[verwijderd]"))
        self.accept_button.setText("Acceptatie intrekken" if accepted else "Accepteren")
        self.accept_button.setToolTip(
            "De melding weer open zetten" if accepted else
            "Deze melding bewust accepteren (ongedaan te maken met Ctrl+Z)")
        self.apply_button.setEnabled(False)

    def _mark(self, current: PrivacyFinding) -> None:
        marks = []
        for finding in self.status.findings:
            if finding.path != current.path:
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(MARK_CURRENT if finding.key == current.key else MARK_OTHER)
            if finding.key == current.key:
                fmt.setFontUnderline(True)
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(finding.start)
            cursor.setPosition(finding.start + len(finding.text),
                               QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            marks.append(selection)
        self.editor.setExtraSelections(marks)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(min(current.start, len(self.editor.toPlainText())))
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def _editor_changed(self) -> None:
        finding = self.current_finding()
        if finding is None:
            return
        current = field_text(self.doc.case, lenient_ref(finding.path))
        self.apply_button.setEnabled(self.editor.toPlainText() != current)

    # -- fixing and accepting ---------------------------------------------------------
    def _set_field(self, finding: PrivacyFinding, text: str) -> bool:
        ref = lenient_ref(finding.path)
        if text == field_text(self.doc.case, ref):
            return False
        where = describe(self.doc.case, finding.path)
        self.doc.undo_stack.push(SetAttrCommand(
            self.doc, ref.record, ref.attr, new_value(self.doc.case, ref, text),
            f"privacy: {where} aanpassen", merge=False))
        return True

    def replace_current(self) -> bool:
        """Replace the found text in its field by the replacement; True when changed."""
        finding = self.current_finding()
        if finding is None:
            return False
        ref = lenient_ref(finding.path)
        text = replace_at(field_text(self.doc.case, ref), finding.start, finding.text,
                          self.replacement.text())
        return self._set_field(finding, text)

    def apply_edit(self) -> bool:
        """Take the edited field text into the case; True when changed."""
        finding = self.current_finding()
        if finding is None:
            return False
        return self._set_field(finding, self.editor.toPlainText())

    def _set_accepted(self, keys: builtins.list[str], text: str) -> None:
        self.doc.undo_stack.push(SetAttrCommand(self.doc, ("settings",), "privacy_accepted",
                                                keys, text, merge=False))

    def toggle_accept(self) -> None:
        finding = self.current_finding()
        if finding is None:
            return
        keys = list(self.doc.case.settings.privacy_accepted)
        if finding.key in keys:
            keys.remove(finding.key)
            self._set_accepted(keys, "privacymelding weer open zetten")
        else:
            self._set_accepted(keys + [finding.key], "privacymelding accepteren")

    def accept_all(self) -> bool:
        """Accept every open finding, after a confirmation; True when done."""
        open_ = self.status.open
        if not open_:
            return False
        if not self.controller.ctx.dialogs.ask_yes_no(
                self, "Alle open meldingen accepteren?",
                f"{plural(len(open_), 'melding', 'meldingen')} accepteren zonder ze aan te "
                "passen? Doe dit alleen als u ze hebt beoordeeld: ze gaan dan mee in de "
                "export en staan (zonder tekst) in de verantwoording van het rapport."):
            return False
        keys = list(self.doc.case.settings.privacy_accepted)
        keys += [f.key for f in open_ if f.key not in keys]
        self._set_accepted(keys, f"{plural(len(open_), 'privacymelding', 'privacymeldingen')}"
                                 " accepteren")
        return True

    def _goto(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.controller.showSection.emit(lenient_ref(finding.path).section)

    def _edit_list(self) -> None:
        if self.controller.edit_never_export(self):
            self.rescan()


def _item_text(item: QTreeWidgetItem | None, column: int = COL_STATUS) -> str:
    """A row's text in ``column`` ('' for no row)."""
    return item.text(column) if item is not None else ""
