"""The table of cases in the Vergelijken window: one row per case with its key figures,
a failed case in red with its error, an uncertain one muted with "onzeker", a second file
of the same case code muted with "dubbel van …" (it counts in no total)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.report.figures import range_text, return_text
from effectencalculator.report.format import format_euro
from effectencalculator.ui.rows_model import ModelIndex, RowsModel
from effectencalculator.ui.sections.portfolio_work import PortfolioOutcome, error_lines

ERROR_COLOR = QColor("#a00000")
MUTED_COLOR = QColor("#666666")


class CasesModel(RowsModel):
    """The portfolio's cases, one row each: the key figures first. A case that could not
    be read or priced keeps its row, in red, with its error (spanning the figures); the
    net result of an uncertain case is muted and its verdict says "onzeker"; a file whose
    case code another file also has keeps its row, muted, and says which file counts.
    ``entry(row)`` gives the ``PortfolioRow`` behind a row."""

    HEADERS = ["Casus", "Titel", "Netto resultaat", "P10–P90 netto", "Oordeel",
               "Besparingen", "Baten", "Investering", "Per euro", "Referentie", "Interventie",
               "Vergelijking", "Opmerking"]
    NET, INTERVAL, VERDICT, NOTE = 2, 3, 4, 12
    TEXT_COLUMNS = {0, 1, VERDICT, 11, NOTE}

    def __init__(self, parent=None):
        super().__init__(
            list(self.HEADERS),
            ["Casuscode (dubbelklik: openen in het hoofdvenster)", "",
             "Referentie − interventie (puntschatting)",
             "80% van de trekkingen van de onzekerheidsanalyse ligt hiertussen",
             "Onzeker als het interval P10–P90 nul bevat: dan is er geen besparing aan te "
             "tonen", "Potentiële besparingen (inzet)", "Baten (effecten)",
             "Kosten van de nieuwe aanpak", "Opbrengst per geïnvesteerde euro",
             "Totaal van de referentie", "Totaal van de interventie",
             "De vergeleken scenario's: referentie − interventie",
             "Opnieuw geprijsd (de reden staat in de tooltip en op het tabblad), of dubbel: "
             "een tweede bestand met dezelfde casuscode, dat niet meetelt"],
            numeric_from=2, parent=parent)
        self.entries: list = []
        self.failed_rows: set[int] = set()
        self.uncertain_rows: set[int] = set()
        self.duplicate_rows: set[int] = set()
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_outcome(self, outcome: PortfolioOutcome | None) -> None:
        rows, tips = [], []
        self.entries, self.failed_rows, self.uncertain_rows = [], set(), set()
        self.duplicate_rows = set()
        for n, row in enumerate(outcome.rows if outcome is not None else []):
            self.entries.append(row)
            f = row.figures
            tip = [str(row.path)] + [""] * 12
            if f is not None:
                title = row.title
                notes = ["opnieuw geprijsd"] if f.repriced else []
                tip[self.NOTE] = "\n".join(f.repriced)
                if row.duplicate_of is not None:
                    # Said in the title too: Opmerking is the last column, often
                    # scrolled out of sight.
                    self.duplicate_rows.add(n)
                    title += " — dubbel, telt niet mee"
                    notes.insert(0, f"dubbel van {row.duplicate_of.name}, telt niet mee")
                    tip[1] = tip[self.NOTE] = "\n".join(
                        [f"Dezelfde casuscode als {row.duplicate_of}; dat bestand telt "
                         "mee, dit in geen enkel totaal.", *f.repriced])
                elif f.uncertain:
                    self.uncertain_rows.add(n)
                rows.append([
                    row.code, title, format_euro(f.net_result),
                    range_text(f.p10, f.p90) if f.p10 is not None and f.p90 is not None
                    else "—",
                    f.verdict, format_euro(f.besparingen), format_euro(f.baten),
                    format_euro(f.investment), return_text(f.return_per_euro),
                    format_euro(f.reference_total), format_euro(f.intervention_total),
                    f"{f.reference} − {f.intervention}", "; ".join(notes)])
            else:
                self.failed_rows.add(n)
                errors = error_lines(row.failed)
                tip[1] = "\n".join(errors)
                rows.append([row.code, f"{row.path.name} — niet meegeteld: {errors[0]}"
                             + (f" (en nog {len(errors) - 1})" if len(errors) > 1 else "")]
                            + [""] * 11)
            tips.append(tip)
        self.set_rows(rows, tips)

    def entry(self, row: int):
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid():
            row, col = index.row(), index.column()
            if role == Qt.ItemDataRole.ForegroundRole:
                if row in self.failed_rows:
                    return QBrush(ERROR_COLOR)
                if row in self.duplicate_rows:
                    return QBrush(MUTED_COLOR)
                if row in self.uncertain_rows and col in (self.NET, self.VERDICT):
                    return QBrush(MUTED_COLOR)
            if role == Qt.ItemDataRole.FontRole and col == self.VERDICT \
                    and row in self.uncertain_rows:
                return self._bold
            if role == Qt.ItemDataRole.FontRole and row in self.duplicate_rows:
                return self._italic
            if role == Qt.ItemDataRole.TextAlignmentRole and col in self.TEXT_COLUMNS:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.TEXT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)


def portfolio_table(model: RowsModel, *, stretch_last: bool = False) -> QTableView:
    """A read-only table of whole rows that stays quick for a thousand cases."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(200)  # a portfolio of 1 000 cases stays quick
    header.setStretchLastSection(stretch_last)
    return view


def with_hint(view: QWidget, text: str) -> QWidget:
    """A tab page: the view, and a grey explanation below it."""
    page = QWidget()
    box = QVBoxLayout(page)
    box.addWidget(view, 1)
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #555555;")
    box.addWidget(hint)
    return page
