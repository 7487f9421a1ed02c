"""A dismissable panel above the sections: the warnings found when a case was opened.

Warnings (a key the program does not know, a table that changed since the last save, an
item id with an invisible character, …) do not stop a case from opening, but the
researcher must see them, not find them later in a log. The panel lists them (file, line,
field, message) until the researcher closes it or opens another case.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from effectencalculator.model.validation import Finding

MAX_SHOWN = 8


class OpenNotesPanel(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("open_notes")
        self.setStyleSheet("#open_notes { background: #fff4ce; border: 1px solid #d9b600; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        text_box = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.list = QLabel()
        self.list.setObjectName("open_notes_list")
        self.list.setWordWrap(True)
        self.list.setTextFormat(Qt.TextFormat.RichText)
        self.list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_box.addWidget(self.heading)
        text_box.addWidget(self.list)
        layout.addLayout(text_box, 1)
        self.close_button = QPushButton("Sluiten")
        self.close_button.setToolTip("Deze meldingen verbergen (de casus is geopend)")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.notes: list[str] = []
        self.hide()

    def show_notes(self, name: str, notes: list[Finding]) -> None:
        """Show the warnings of the file just opened (none: the panel goes)."""
        self.notes = [f.format() for f in notes]
        if not self.notes:
            self.hide()
            return
        count = len(self.notes)
        self.heading.setText(f"{name} is geopend, met {count} "
                             f"{'waarschuwing' if count == 1 else 'waarschuwingen'}:")
        shown = [escape(n) for n in self.notes[:MAX_SHOWN]]
        if count > MAX_SHOWN:
            shown.append(f"… en nog {count - MAX_SHOWN}")
        self.list.setText("<br>".join(shown))
        self.list.setToolTip("\n".join(self.notes))
        self.show()
