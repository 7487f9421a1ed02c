"""The privacy view's widgets: built here, so ``privacy_dialog`` holds only its logic.

The list of findings on top (wide columns for the place and the words around a finding),
the selected finding's whole field below it with the actions beside it, undo/redo and the
export or close buttons at the bottom. Widget names are the dialog's attributes, which
the tests and the screenshots use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from effectencalculator.ui.privacy_dialog import PrivacyDialog

COL_STATUS, COL_WHERE, COL_KIND, COL_CONTEXT = range(4)


def build_dialog(view: PrivacyDialog) -> None:
    """The widgets of the privacy view, made and laid out (the dialog holds the logic)."""
    layout = QVBoxLayout(view)
    view.summary = QLabel()
    view.summary.setObjectName("privacy_summary")
    font = view.summary.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    view.summary.setFont(font)
    view.summary.setWordWrap(True)
    layout.addWidget(view.summary)
    view.scope = QLabel()
    view.scope.setWordWrap(True)
    view.scope.setStyleSheet("color: #555555;")
    layout.addWidget(view.scope)
    if view.export_name:
        banner = QLabel(
            f"<b>{view.export_name[0].upper() + view.export_name[1:]} wacht.</b> Er wordt "
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
    view.list = QTreeWidget()
    view.list.setObjectName("privacy_findings")
    view.list.setRootIsDecorated(False)
    view.list.setAlternatingRowColors(True)
    view.list.setUniformRowHeights(True)
    view.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.list.setHeaderLabels(["Status", "Waar", "Soort", "Gevonden, met de tekst eromheen"])
    header = view.list.header()
    header.setStretchLastSection(True)
    header.resizeSection(COL_STATUS, 100)
    header.resizeSection(COL_WHERE, 330)
    header.resizeSection(COL_KIND, 250)
    view.list.currentItemChanged.connect(view._show_current)
    splitter.addWidget(view.list)

    detail = QGroupBox("Gekozen melding")
    outer = QVBoxLayout(detail)
    view.where = QLabel()
    view.where.setObjectName("privacy_where")
    view.where.setWordWrap(True)
    view.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    outer.addWidget(view.where)
    row = QHBoxLayout()
    outer.addLayout(row, 1)
    view.editor = QPlainTextEdit()
    view.editor.setObjectName("privacy_field")
    view.editor.setTabChangesFocus(True)
    view.editor.setToolTip("De hele tekst van het veld; de melding is gemarkeerd. U kunt "
                           "de tekst hier aanpassen en dan 'Veldtekst opslaan' kiezen.")
    view.editor.textChanged.connect(view._editor_changed)
    row.addWidget(view.editor, 3)
    side = QVBoxLayout()
    row.addLayout(side, 2)
    side.addWidget(QLabel("Vervang de gevonden tekst door:"))
    replace_row = QHBoxLayout()
    view.replacement = QLineEdit()
    view.replacement.setObjectName("privacy_replacement")
    view.replacement.setToolTip("Bijvoorbeeld een pseudoniem ('Moeder', 'de school') of "
                                "een aanduiding als [postcode]")
    replace_row.addWidget(view.replacement, 1)
    view.replace_button = QPushButton("Vervangen")
    view.replace_button.setToolTip("Vervang de gevonden tekst in het veld (ongedaan te "
                                   "maken met Ctrl+Z)")
    view.replace_button.clicked.connect(view.replace_current)
    replace_row.addWidget(view.replace_button)
    side.addLayout(replace_row)
    view.apply_button = QPushButton("Veldtekst opslaan")
    view.apply_button.setToolTip("Neem uw aanpassing van de tekst links over in de casus "
                                 "(ongedaan te maken met Ctrl+Z)")
    view.apply_button.clicked.connect(view.apply_edit)
    view.accept_button = QPushButton("Accepteren")
    view.accept_button.setObjectName("privacy_accept")
    view.accept_button.clicked.connect(view.toggle_accept)
    view.goto_button = QPushButton("Toon in de casus")
    view.goto_button.setToolTip("Ga in het hoofdvenster naar de sectie van dit veld")
    view.goto_button.clicked.connect(view._goto)
    view.goto_button.setVisible(view.export_name is None)
    actions = QHBoxLayout()
    actions.addWidget(view.apply_button)
    actions.addWidget(view.accept_button)
    actions.addWidget(view.goto_button)
    actions.addStretch(1)
    side.addLayout(actions)
    view.accept_hint = QLabel(
        "Accepteren betekent: u hebt dit beoordeeld en het is niet herleidbaar, of het "
        "mag bewust mee. De acceptatie wordt in de casus bewaard zonder de tekst zelf.")
    view.accept_hint.setWordWrap(True)
    view.accept_hint.setStyleSheet("color: #555555;")
    side.addWidget(view.accept_hint)
    side.addStretch(1)
    splitter.addWidget(detail)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([260, 300])
    layout.addWidget(splitter, 1)

    bottom = QHBoxLayout()
    stack = view.doc.undo_stack
    view.undo_action = stack.createUndoAction(view, "Ongedaan maken:")
    view.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    view.redo_action = stack.createRedoAction(view, "Opnieuw:")
    view.redo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                                  + [QKeySequence("Ctrl+Y")])
    for action, text in ((view.undo_action, "Ongedaan maken"),
                         (view.redo_action, "Opnieuw")):
        view.addAction(action)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setText(text)
        bottom.addWidget(button)
        view._short_texts.append((button, text))
        # the undo stack's action renames itself; the button keeps its short text
        action.changed.connect(view._keep_short_texts)
    view.accept_all_button = QPushButton("Alle open meldingen accepteren…")
    view.accept_all_button.clicked.connect(view.accept_all)
    bottom.addWidget(view.accept_all_button)
    view.list_button = QPushButton("Niet-exporteren-lijst…")
    view.list_button.setToolTip("Uw eigen lijst met echte namen, straat, school: staat "
                                "alleen op deze computer, nooit in een casusbestand")
    view.list_button.clicked.connect(view._edit_list)
    bottom.addWidget(view.list_button)
    bottom.addStretch(1)
    view.buttons = QDialogButtonBox()
    if view.export_name:
        view.export_button = view.buttons.addButton(
            "Exporteren", QDialogButtonBox.ButtonRole.AcceptRole)
        view.export_button.setObjectName("privacy_export")
        view.buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
    else:
        view.export_button = None
        view.buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
    view.buttons.accepted.connect(view.accept)
    view.buttons.rejected.connect(view.reject)
    bottom.addWidget(view.buttons)
    layout.addLayout(bottom)
