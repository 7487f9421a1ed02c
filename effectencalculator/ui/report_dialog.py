"""The report export dialog: which version, which format, and which parts.

One dialog for every report the window writes, as the command line offers them
(``report CASE -o X.pdf|X.docx [--short] [--sections …]``): the full report or the short
version for stakeholders (at most 4 pages), PDF or Word (Word only for the full report:
the short version is for reading, not editing), and for the full report the parts to
print. The dialog takes a ``ReportChoice`` and gives one back; the export controller
remembers it (``load_choice``/``save_choice``) and does the work, so a test builds the
dialog without ``exec()`` and clicks in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.report.content import REPORT_SECTIONS, REQUIRED_SECTIONS
from effectencalculator.ui.settings import Key, UiSettings

#: what the dialog last exported with (preferences, not case data)
REPORT_SHORT = Key("report/short", bool, False)
REPORT_WORD = Key("report/word", bool, False)
REPORT_OMIT = Key("report/omit", list, [])

SHORT_PAGES = 4
WORD_ONLY_FULL = ("Word alleen voor het volledige rapport: de korte versie is om te lezen, "
                  "niet om te bewerken.")
SHORT_FIXED = ("De korte versie heeft een vaste indeling: het verhaal, de resultaten, de "
               "kerncijfers, de omslagwaarden en uw conclusie.")
OMITTED_NOTE = "Wat u weglaat, noemt de Verantwoording."

#: the parts as the report orders them; a part under another is indented beneath it
#: (``per-jaar`` is a table of Inzet en kosten, sources and history are in the
#: Verantwoording). ``None``: always printed.
LAYOUT: tuple[tuple[str, str | None, int], ...] = (
    ("samenvatting", None, 0),
    ("verhaal", "verhaal", 0),
    ("perspectieven", "perspectieven", 0),
    ("resultaten", "resultaten", 0),
    ("kosten", "kosten", 0),
    ("varianten", "varianten", 1),
    ("per-jaar", "per-jaar", 1),
    ("verschil", "verschil", 0),
    ("verantwoording", None, 0),
    ("bronnen", "bronnen", 1),
    ("geschiedenis", "geschiedenis", 1),
)
#: a part printed only inside another: left out with it
PARENT = {"varianten": "kosten", "per-jaar": "kosten"}


@dataclass(frozen=True)
class ReportChoice:
    """What to export: the version, the format and the parts left out (full report)."""

    short: bool = False
    word: bool = False
    omit: frozenset[str] = frozenset()

    @property
    def suffix(self) -> str:
        return ".docx" if self.word else ".pdf"

    @property
    def name(self) -> str:
        """The report as the privacy gate and the file dialog name it."""
        if self.short:
            return "de korte versie (PDF)"
        return "het rapport (Word)" if self.word else "het rapport (PDF)"

    @property
    def file_filter(self) -> str:
        return "Word-documenten (*.docx)" if self.word else "PDF-bestanden (*.pdf)"



def load_choice(settings: UiSettings) -> ReportChoice:
    """The last choice, to open the dialog with; with the short version it still holds
    the parts the full report left out (shown, greyed, in the dialog)."""
    return ReportChoice(short=settings.get(REPORT_SHORT),
                        word=settings.get(REPORT_WORD) and not settings.get(REPORT_SHORT),
                        omit=frozenset(k for k in settings.get(REPORT_OMIT)
                                       if k in REPORT_SECTIONS))


def save_choice(settings: UiSettings, choice: ReportChoice) -> None:
    """Remember the version, the format and the parts (also with the short version, so
    choosing it once does not forget which parts the full report leaves out)."""
    settings.set(REPORT_SHORT, choice.short)
    settings.set(REPORT_WORD, choice.word)
    settings.set(REPORT_OMIT, sorted(choice.omit))


class ReportDialog(QDialog):
    """Rapport exporteren: version, format, parts; ``choice()`` after Exporteren."""

    def __init__(self, choice: ReportChoice, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Rapport exporteren")
        self.setObjectName("report_dialog")
        column = QVBoxLayout(self)
        # the dialog follows its content: the reasons shown or hidden change its height
        column.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

        version = QGroupBox("Versie")
        version_column = QVBoxLayout(version)
        self.full_button = QRadioButton("Volledig rapport")
        self.full_button.setToolTip("Alle hoofdstukken, met de tabellen en de verantwoording")
        self.short_button = QRadioButton(
            f"Korte versie voor belanghebbenden (ten hoogste {SHORT_PAGES} pagina's)")
        self.short_button.setToolTip(
            "Het verhaal, de resultaten, de kerncijfers met de bandbreedte en het oordeel, "
            "de omslagwaarden en uw conclusie; met een verwijzing naar het volledige rapport")
        self.versions = QButtonGroup(self)
        for button in (self.full_button, self.short_button):
            self.versions.addButton(button)
            version_column.addWidget(button)
        column.addWidget(version)

        fmt = QGroupBox("Formaat")
        fmt_column = QVBoxLayout(fmt)
        self.pdf_button = QRadioButton("PDF")
        self.word_button = QRadioButton("Word (.docx, om zelf verder te bewerken)")
        self.formats = QButtonGroup(self)
        for button in (self.pdf_button, self.word_button):
            self.formats.addButton(button)
            fmt_column.addWidget(button)
        self.word_reason = QLabel(WORD_ONLY_FULL)
        self.word_reason.setObjectName("word_reason")
        self.word_reason.setWordWrap(True)
        self.word_reason.setStyleSheet("QLabel { color: #555555; }")
        fmt_column.addWidget(self.word_reason)
        column.addWidget(fmt)

        self.parts_box = QGroupBox("Onderdelen van het volledige rapport")
        grid = QGridLayout(self.parts_box)
        grid.setColumnMinimumWidth(0, 18)
        self.parts: dict[str, QCheckBox] = {}
        labels = {**REPORT_SECTIONS, **REQUIRED_SECTIONS}
        for row, (key, section, indent) in enumerate(LAYOUT):
            box = QCheckBox(labels[key])
            box.setObjectName(f"part_{key}")
            if section is None:
                box.setChecked(True)
                box.setEnabled(False)
                box.setToolTip("Staat altijd in het rapport")
            self.parts[key] = box
            grid.addWidget(box, row, indent, 1, 2 - indent)
        self.parts_note = QLabel(OMITTED_NOTE)
        self.parts_note.setObjectName("parts_note")
        self.parts_note.setWordWrap(True)
        self.parts_note.setStyleSheet("QLabel { color: #555555; }")
        grid.addWidget(self.parts_note, len(LAYOUT), 0, 1, 2)
        column.addWidget(self.parts_box)

        ok, cancel = (QDialogButtonBox.StandardButton.Ok,
                      QDialogButtonBox.StandardButton.Cancel)
        self.buttons = QDialogButtonBox(ok | cancel)
        self.export_button = self.buttons.button(ok)
        self.export_button.setText("Exporteren…")
        self.buttons.button(cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)

        self._set(choice)
        self.versions.buttonToggled.connect(self._update)
        self.parts["kosten"].toggled.connect(self._update)
        self._update()

    def _set(self, choice: ReportChoice) -> None:
        (self.short_button if choice.short else self.full_button).setChecked(True)
        (self.word_button if choice.word and not choice.short else self.pdf_button) \
            .setChecked(True)
        for key, section, _indent in LAYOUT:
            if section is not None:
                self.parts[key].setChecked(key not in choice.omit)

    def _update(self) -> None:
        """Word and the parts only for the full report; a part inside a left-out part
        cannot be chosen. The reason stays visible while Word is unavailable."""
        short = self.short_button.isChecked()
        if short and self.word_button.isChecked():
            self.pdf_button.setChecked(True)
        self.word_button.setEnabled(not short)
        self.word_button.setToolTip(WORD_ONLY_FULL if short else "")
        self.word_reason.setVisible(short)
        self.parts_box.setEnabled(not short)
        self.parts_note.setText(SHORT_FIXED if short else OMITTED_NOTE)
        for child, parent in PARENT.items():
            self.parts[child].setEnabled(self.parts[parent].isChecked())

    def choice(self) -> ReportChoice:
        """The choice as shown (a part inside a left-out part is left out with it); with
        the short version the parts are kept, to be remembered for the full report."""
        omit = {key for key, section, _indent in LAYOUT
                if section is not None and not self.parts[key].isChecked()}
        omit |= {child for child, parent in PARENT.items() if parent in omit}
        short = self.short_button.isChecked()
        return ReportChoice(short=short, word=self.word_button.isChecked() and not short,
                            omit=frozenset(omit))
