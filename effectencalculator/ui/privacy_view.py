"""The privacy check in the window: review findings, fix them in place, or accept them.

``PrivacyDialog`` lists what the check (``model.privacy.check_privacy``) found, with its
place in the case in Dutch (section › record › field), its kind and the words around it.
Selecting a finding shows the whole field with the finding marked; the researcher fixes
it there (replace the found text, or edit the field) or accepts it. Both are undoable
edits of the case: a fix is a ``SetAttrCommand`` on the field, an acceptance adds the
finding's hashed key to ``settings.privacy_accepted`` (never the text itself). The list
follows every change of the case.

``PrivacyController`` opens the view on demand, runs it as the gate before every export
(an export goes on only when nothing is open: fixed, or explicitly accepted here), and
edits the researcher's never-export list — a plain text file outside any case, shared
with the command line, whose place comes from the ``AppContext``.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QTextEdit, QToolButton,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from effectencalculator.model.privacy import (
    CHECKED, KIND_LABELS, PrivacyFinding, PrivacyStatus, check_privacy, load_never_export,
)
from effectencalculator.model.storage import SaveError, atomic_write_text
from effectencalculator.ui.commands import SetAttrCommand
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.privacy_fields import (
    describe, field_ref, field_text, new_value, replace_at,
)
from effectencalculator.ui.services import AppContext

log = logging.getLogger(__name__)

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

COL_STATUS, COL_WHERE, COL_KIND, COL_CONTEXT = range(4)


def _plural(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


class PrivacyDialog(QDialog):
    """The privacy view. ``export_name`` set: it is the gate before that export."""

    def __init__(self, controller: PrivacyController, parent: QWidget | None = None,
                 export_name: str | None = None):
        super().__init__(parent)
        self.controller = controller
        self.doc: CaseDocument = controller.doc
        self.export_name = export_name
        self.status = PrivacyStatus([], [])
        self.words: list[str] = []
        self._current_key: str | None = None
        self.setWindowTitle("Privacycontrole" + (f" voor {export_name}" if export_name else ""))
        self.setObjectName("privacy_dialog")
        self.resize(1200, 680)
        self._build()
        self.doc.edited.connect(self.rescan)
        self.doc.caseReset.connect(self.rescan)
        self.rescan()

    # -- construction ---------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("privacy_summary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary.setFont(font)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.scope = QLabel()
        self.scope.setWordWrap(True)
        self.scope.setStyleSheet("color: #555555;")
        layout.addWidget(self.scope)
        if self.export_name:
            banner = QLabel(
                f"<b>{self.export_name[0].upper() + self.export_name[1:]} wacht.</b> Er wordt "
                "pas geëxporteerd als er geen open meldingen meer zijn: pas ze hieronder aan, "
                "of accepteer ze bewust. Wat u accepteert, staat met vindplaats en soort "
                "(zonder de tekst zelf) in de verantwoording van het rapport.")
            banner.setObjectName("privacy_banner")
            banner.setWordWrap(True)
            banner.setFrameShape(QFrame.Shape.StyledPanel)
            banner.setStyleSheet("background: #fff6d5; border: 1px solid #e0c060; "
                                 "padding: 6px;")
            layout.addWidget(banner)

        # the list on top (wide columns for the place and the words around the finding),
        # the selected finding's whole field below it, the actions beside the field
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.list = QTreeWidget()
        self.list.setObjectName("privacy_findings")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(["Status", "Waar", "Soort", "Gevonden, met de tekst eromheen"])
        header = self.list.header()
        header.setStretchLastSection(True)
        header.resizeSection(COL_STATUS, 100)
        header.resizeSection(COL_WHERE, 330)
        header.resizeSection(COL_KIND, 250)
        self.list.currentItemChanged.connect(self._show_current)
        splitter.addWidget(self.list)

        detail = QGroupBox("Gekozen melding")
        outer = QVBoxLayout(detail)
        self.where = QLabel()
        self.where.setObjectName("privacy_where")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.where)
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("privacy_field")
        self.editor.setTabChangesFocus(True)
        self.editor.setToolTip("De hele tekst van het veld; de melding is gemarkeerd. U kunt "
                               "de tekst hier aanpassen en dan 'Veldtekst opslaan' kiezen.")
        self.editor.textChanged.connect(self._editor_changed)
        row.addWidget(self.editor, 3)
        side = QVBoxLayout()
        row.addLayout(side, 2)
        side.addWidget(QLabel("Vervang de gevonden tekst door:"))
        replace_row = QHBoxLayout()
        self.replacement = QLineEdit()
        self.replacement.setObjectName("privacy_replacement")
        self.replacement.setToolTip("Bijvoorbeeld een pseudoniem ('Moeder', 'de school') of "
                                    "een aanduiding als [postcode]")
        replace_row.addWidget(self.replacement, 1)
        self.replace_button = QPushButton("Vervangen")
        self.replace_button.setToolTip("Vervang de gevonden tekst in het veld (ongedaan te "
                                       "maken met Ctrl+Z)")
        self.replace_button.clicked.connect(self.replace_current)
        replace_row.addWidget(self.replace_button)
        side.addLayout(replace_row)
        self.apply_button = QPushButton("Veldtekst opslaan")
        self.apply_button.setToolTip("Neem uw aanpassing van de tekst links over in de casus "
                                     "(ongedaan te maken met Ctrl+Z)")
        self.apply_button.clicked.connect(self.apply_edit)
        self.accept_button = QPushButton("Accepteren")
        self.accept_button.setObjectName("privacy_accept")
        self.accept_button.clicked.connect(self.toggle_accept)
        self.goto_button = QPushButton("Toon in de casus")
        self.goto_button.setToolTip("Ga in het hoofdvenster naar de sectie van dit veld")
        self.goto_button.clicked.connect(self._goto)
        self.goto_button.setVisible(self.export_name is None)
        actions = QHBoxLayout()
        actions.addWidget(self.apply_button)
        actions.addWidget(self.accept_button)
        actions.addWidget(self.goto_button)
        actions.addStretch(1)
        side.addLayout(actions)
        self.accept_hint = QLabel(
            "Accepteren betekent: u hebt dit beoordeeld en het is niet herleidbaar, of het "
            "mag bewust mee. De acceptatie wordt in de casus bewaard zonder de tekst zelf.")
        self.accept_hint.setWordWrap(True)
        self.accept_hint.setStyleSheet("color: #555555;")
        side.addWidget(self.accept_hint)
        side.addStretch(1)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 300])
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        stack = self.doc.undo_stack
        self.undo_action = stack.createUndoAction(self, "Ongedaan maken:")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, "Opnieuw:")
        self.redo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                                      + [QKeySequence("Ctrl+Y")])
        self._short_texts: list[tuple[QToolButton, str]] = []
        for action, text in ((self.undo_action, "Ongedaan maken"),
                             (self.redo_action, "Opnieuw")):
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setText(text)
            bottom.addWidget(button)
            self._short_texts.append((button, text))
            # the undo stack's action renames itself; the button keeps its short text
            action.changed.connect(self._keep_short_texts)
        self.accept_all_button = QPushButton("Alle open meldingen accepteren…")
        self.accept_all_button.clicked.connect(self.accept_all)
        bottom.addWidget(self.accept_all_button)
        self.list_button = QPushButton("Niet-exporteren-lijst…")
        self.list_button.setToolTip("Uw eigen lijst met echte namen, straat, school: staat "
                                    "alleen op deze computer, nooit in een casusbestand")
        self.list_button.clicked.connect(self._edit_list)
        bottom.addWidget(self.list_button)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox()
        if self.export_name:
            self.export_button = self.buttons.addButton(
                "Exporteren", QDialogButtonBox.ButtonRole.AcceptRole)
            self.export_button.setObjectName("privacy_export")
            self.buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self.export_button = None
            self.buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    # -- the findings ---------------------------------------------------------------
    def rescan(self, *_args) -> None:
        """Check the case again and show the result, keeping the selected finding."""
        self.words = self.controller.words()
        self.status = check_privacy(self.doc.case, self.words)
        accepted = {f.key for f in self.status.accepted}
        keep = self._current_key
        keep_row = max(self.list.indexOfTopLevelItem(self.list.currentItem()), 0) \
            if self.list.currentItem() is not None else 0
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
            open_rows = [r for r in rows if self.list.topLevelItem(r).text(COL_STATUS) == "open"]
            later = [r for r in open_rows if r >= keep_row]
            row = later[0] if later else (open_rows[0] if open_rows else
                                          min(keep_row, self.list.topLevelItemCount() - 1))
            select = self.list.topLevelItem(row)
        self.list.setCurrentItem(select)
        self.list.blockSignals(False)
        self._update_summary()
        self._show_current()

    def _update_summary(self) -> None:
        findings, open_ = self.status.findings, self.status.open
        if not findings:
            text = "Geen herleidbare gegevens gevonden."
        elif not open_:
            text = (f"{_plural(len(findings), 'melding', 'meldingen')}, alle bewust "
                    "geaccepteerd. Er staat niets meer open.")
        else:
            text = (f"{_plural(len(open_), 'open melding', 'open meldingen')} van "
                    f"{len(findings)} gevonden: pas ze aan of accepteer ze.")
        self.summary.setText(text)
        words = len(self.words)
        path = self.controller.ctx.never_export_file()
        self.scope.setText(
            f"Alle tekst van de casus is doorzocht op {CHECKED} "
            f"({_plural(words, 'woord', 'woorden')}"
            f"{'' if words else ' — de lijst is nog leeg'}; {path}).")
        self.accept_all_button.setEnabled(bool(open_))
        if self.export_button is not None:
            self.export_button.setEnabled(not open_)
            self.export_button.setToolTip("" if not open_ else
                                          "Eerst alle meldingen aanpassen of accepteren")

    def current_finding(self) -> PrivacyFinding | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, finding: PrivacyFinding) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole).key == finding.key:
                self.list.setCurrentItem(item)
                return

    def _keep_short_texts(self) -> None:
        for button, text in self._short_texts:
            button.setText(text)

    def _show_current(self) -> None:
        finding = self.current_finding()
        self._current_key = finding.key if finding is not None else None
        has = finding is not None
        for widget in (self.editor, self.replacement, self.replace_button,
                       self.accept_button, self.goto_button):
            widget.setEnabled(has)
        self.editor.blockSignals(True)
        if not has:
            self.where.setText("Kies links een melding." if self.status.findings else
                               "Er is niets te beoordelen.")
            self.editor.setPlainText("")
            self.editor.setExtraSelections([])
            self.editor.blockSignals(False)
            self.apply_button.setEnabled(False)
            return
        ref = field_ref(finding.path)
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
        current = field_text(self.doc.case, field_ref(finding.path))
        self.apply_button.setEnabled(self.editor.toPlainText() != current)

    # -- fixing and accepting ---------------------------------------------------------
    def _set_field(self, finding: PrivacyFinding, text: str) -> bool:
        ref = field_ref(finding.path)
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
        ref = field_ref(finding.path)
        text = replace_at(field_text(self.doc.case, ref), finding.start, finding.text,
                          self.replacement.text())
        return self._set_field(finding, text)

    def apply_edit(self) -> bool:
        """Take the edited field text into the case; True when changed."""
        finding = self.current_finding()
        if finding is None:
            return False
        return self._set_field(finding, self.editor.toPlainText())

    def _set_accepted(self, keys: list[str], text: str) -> None:
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
                f"{_plural(len(open_), 'melding', 'meldingen')} accepteren zonder ze aan te "
                "passen? Doe dit alleen als u ze hebt beoordeeld: ze gaan dan mee in de "
                "export en staan (zonder tekst) in de verantwoording van het rapport."):
            return False
        keys = list(self.doc.case.settings.privacy_accepted)
        keys += [f.key for f in open_ if f.key not in keys]
        self._set_accepted(keys, f"{_plural(len(open_), 'privacymelding', 'privacymeldingen')}"
                                 " accepteren")
        return True

    def _goto(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.controller.showSection.emit(field_ref(finding.path).section)

    def _edit_list(self) -> None:
        if self.controller.edit_never_export(self):
            self.rescan()


class NeverExportDialog(QDialog):
    """Edit the never-export list: one name or word per line."""

    def __init__(self, path, words_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Niet-exporteren-lijst")
        self.setObjectName("never_export_dialog")
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Namen en woorden die nooit in een export mogen staan: echte namen van "
            "gezinsleden en professionals, straat, school, woonplaats. Eén per regel; "
            "regels die met # beginnen zijn opmerkingen. Hoofdletters maken niet uit.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editor = QPlainTextEdit(words_text)
        self.editor.setObjectName("never_export_words")
        self.editor.setPlaceholderText("bijv.\nAnneke\nZonnebloemschool\nKerkstraat")
        layout.addWidget(self.editor, 1)
        where = QLabel(f"De lijst staat alleen op deze computer, in {path}, en nooit in een "
                       "casusbestand. De opdrachtregel (effectencalculator check) gebruikt "
                       "dezelfde lijst.")
        where.setWordWrap(True)
        where.setStyleSheet("color: #555555;")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        buttons = QDialogButtonBox()
        buttons.addButton("Opslaan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        lines = [line.rstrip() for line in self.editor.toPlainText().splitlines()]
        return "\n".join(lines).strip("\n") + "\n" if any(lines) else ""


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
                f"{_plural(len(status.open), 'open melding', 'open meldingen')}.")
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
            f"Niet-exporteren-lijst opgeslagen ({_plural(count, 'woord', 'woorden')})")
        if self.view is not None:
            self.view.rescan()
        return True
