"""The never-export list editor: one name or word per line, with a warning for entries
that would flag nearly everything (``model.privacy_words``)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.privacy_words import entry_warnings


class NeverExportDialog(QDialog):
    """Edit the never-export list: one name or word per line."""

    def __init__(self, path: Path, words_text: str, parent: QWidget | None = None):
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
        self.warning = QLabel()
        self.warning.setObjectName("never_export_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.warning)
        self.editor.textChanged.connect(self._check)
        self._check()
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

    def _check(self) -> None:
        """Warn, while typing, about entries that would flag nearly every text."""
        warnings = entry_warnings(self.editor.toPlainText().splitlines())
        self.warning.setVisible(bool(warnings))
        lines = [html.escape(w.format(), quote=False) for w in warnings]
        self.warning.setText(
            "<b>Let op:</b><br>" + "<br>".join(lines) + "<br>Zo'n woord geeft meldingen in "
            "bijna elke tekst; gebruik liever de volledige naam." if warnings else "")
        self.warning.updateGeometry()

    def warnings(self) -> list[str]:
        return [w.format() for w in entry_warnings(self.editor.toPlainText().splitlines())]

    def text(self) -> str:
        lines = [line.rstrip() for line in self.editor.toPlainText().splitlines()]
        return "\n".join(lines).strip("\n") + "\n" if any(lines) else ""
