"""The service lines (inzet) of one scenario as a table, with each line's cost.

Quantity is either a number (``quantity``) or a rate over the line's period (``rate``):
the columns *Hoeveelheid* and *Per* edit both, and switching *Per* between "totaal" and
"per week" turns one into the other. A line falls on one *Datum* or spans *Begin*–*Einde*;
setting one clears the other, as the file format requires. The *Kosten* column shows the
live result of the calculation; unpriced lines and lines that cannot be counted yet are
highlighted with the reason in the tooltip.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from effectencalculator.model.case import Rate, ServiceLine
from effectencalculator.model.live import LiveResult
from effectencalculator.model.location import Location
from effectencalculator.report.format import (
    format_date,
    format_date_short,
    format_euro,
    format_percent,
    format_quantity,
)
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.labels import EXPLAIN, PAYER_LABELS, RATE_LABELS
from effectencalculator.ui.table_models import Column, RecordTableModel

UNPRICED_BRUSH = QBrush(QColor("#fff1c2"))
ERROR_BRUSH = QBrush(QColor("#ffd6d6"))

#: which column a finding's field belongs to
_FIELD_COLUMN = {"item": "item", "quantity": "quantity", "rate.quantity": "quantity",
                 "rate": "per", "rate.per": "per", "date": "date", "start": "start",
                 "end": "end", "probability": "probability"}


def _set_quantity(line: ServiceLine, value: Any) -> None:
    number = float(value)
    if line.rate is not None:
        line.rate.quantity = number
    else:
        line.quantity = number


def _set_per(line: ServiceLine, value: Any) -> None:
    per = value or ""
    if not per:
        if line.rate is not None:
            line.quantity = line.rate.quantity
            line.rate = None
        return
    if line.rate is None:
        line.rate = Rate(quantity=line.quantity or 0.0, per=per)
        line.quantity = None
        if line.date is not None and line.start is None and line.end is None:
            line.start = line.end = line.date  # a rate needs a period; one day to start with
            line.date = None
    else:
        line.rate.per = per


def _set_day(line: ServiceLine, value: Any) -> None:
    line.date = value if isinstance(value, date) else None
    if line.date is not None:
        line.start = line.end = None


def _set_bound(attr: str):
    def apply(line: ServiceLine, value: Any) -> None:
        setattr(line, attr, value if isinstance(value, date) else None)
        if getattr(line, attr) is not None:
            line.date = None
    return apply


def _set_probability(line: ServiceLine, value: Any) -> None:
    line.probability = max(0.0, min(1.0, float(value) / 100.0))


def _set_item(line: ServiceLine, value: Any) -> None:
    line.item = str(value or "").strip()


def _set_note(line: ServiceLine, value: Any) -> None:
    line.note = str(value or "")


def _set_approach(line: ServiceLine, value: Any) -> None:
    line.approach_cost = bool(value)


def _fmt_date(day: date | None) -> str:
    return format_date_short(day) if day else ""


class LinesModel(RecordTableModel):
    """Service lines of the scenario at ``scenario_index``."""

    def __init__(self, doc: CaseDocument, scenario_index: int, parent=None):
        self.scenario_index = scenario_index
        self.live = LiveResult(None)
        self._row_states: list[tuple] | None = None
        #: the line objects the last results were computed for, by row
        self._row_lines: list[ServiceLine] | None = None
        columns = [
            Column("item", "Post", self._item_text, lambda l: l.item, _set_item,
                   editor="item", width=330, cell_tip=self._item_tip,
                   header_tip="De kostenpost: typ een deel van de naam of code "
                              "(bijvoorbeeld 'pleeg')."),
            Column("quantity", "Aantal", self._quantity_text, self._quantity_value,
                   _set_quantity, editor="float", numeric=True, width=60,
                   fields=("rate.quantity",),
                   header_tip="Hoeveelheid in de eenheid van de post, in totaal of per "
                              "periode (kolom 'Per')."),
            Column("per", "Per", lambda l: RATE_LABELS.get(l.rate.per if l.rate else "",
                                                           l.rate.per if l.rate else ""),
                   lambda l: l.rate.per if l.rate else "", _set_per, editor="combo",
                   choices=list(RATE_LABELS.items()), width=80, fields=("rate.per",),
                   header_tip="'totaal', of een hoeveelheid per dag/week/maand/jaar over "
                              "de periode Begin–Einde."),
            Column("unit", "Eenheid", self._unit_text, width=78),
            Column("date", "Datum", lambda l: _fmt_date(l.date), lambda l: l.date, _set_day,
                   editor="date", width=95, optional=True,
                   header_tip="Eén dag waarop de inzet valt (of gebruik Begin en Einde)."),
            Column("start", "Begin", lambda l: _fmt_date(l.start), lambda l: l.start,
                   _set_bound("start"), editor="date", width=95, optional=True),
            Column("end", "Einde", lambda l: _fmt_date(l.end), lambda l: l.end,
                   _set_bound("end"), editor="date", width=95, optional=True),
            Column("probability", "Kans", lambda l: f"{format_quantity(l.probability * 100)}%",
                   lambda l: l.probability * 100, _set_probability, editor="percent",
                   numeric=True, width=52, header_tip=EXPLAIN["probability"]),
            Column("approach", "Aanpak", lambda l: "", lambda l: l.approach_cost,
                   _set_approach, check=lambda l: l.approach_cost, width=60,
                   fields=("approach_cost",),
                   header_tip=EXPLAIN["approach_cost"]),
            Column("cost", "Kosten", self._cost_text, numeric=True, width=88,
                   cell_tip=self._cost_tip,
                   header_tip="Hoeveelheid × prijs (op prijspeil) × kans, zonder "
                              "discontering."),
            Column("calc", "Berekening", self._calc_text, width=330, cell_tip=self._cost_tip,
                   header_tip="Hoe de kosten van de regel ontstaan: hoeveelheid × prijs op "
                              "het prijspeil van de casus × kans = kosten (zonder "
                              "discontering). Aan/uit met 'Berekening tonen'."),
            Column("note", "Toelichting", lambda l: " ".join(l.note.split()),
                   lambda l: l.note, _set_note, editor="multiline", width=320,
                   cell_tip=lambda l: l.note),
        ]
        super().__init__(doc, ("scenarios", scenario_index, "lines"), columns, "regel",
                         parent)
        self.new_record = lambda: new_line(self.doc)  # what a pasted row starts from

    # -- helpers --------------------------------------------------------------------
    def scenario(self):
        try:
            return self.doc.case.scenarios[self.scenario_index]
        except IndexError:
            return None

    def row_label(self, row: int) -> str:
        scenario = self.scenario()
        name = scenario.id if scenario is not None else "?"
        return f"regel {row + 1} ({name})"

    def set_live(self, live: LiveResult) -> None:
        """New results: repaint only the cells that change.

        After one edit usually only the edited line's cost differs; a range update would
        make the view repaint every visible cell (about 20 ms with 500 lines), one cell
        per changed row costs almost nothing.
        """
        before = self._row_states
        self.live = live
        self._row_lines = list(self.records())
        self._row_states = self._states()
        if before is None or len(before) != len(self._row_states):
            self.refresh_all()
            return
        changed = [row for row, (old, new) in enumerate(zip(before, self._row_states))
                   if old != new]
        if len(changed) > 40:
            self.refresh_all()
            return
        cost, last = self.column_index("cost"), self.columnCount() - 1
        calc = self.column_index("calc")
        for row in changed:
            if before[row][:3] == self._row_states[row][:3]:  # only the amount changed
                for col in (cost, calc):
                    index = self.index(row, col)
                    self.dataChanged.emit(index, index)
            else:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _states(self) -> list[tuple]:
        """Per row: its errors and whether it is priced (what colours the row), its cost,
        and which line object it is.

        Results are found by line object, and an edit (ticking Aanpak, moving a date)
        replaces the line with an edited copy: until the next calculation the row shows
        "—", and when the new cost equals the old one nothing else would repaint it, so
        the cell said "—" while the totals counted the line. The object's identity in the
        state makes such a row repaint.
        """
        live = self.live
        states = []
        for row, line in enumerate(self.records()):
            result = live.line_result(line)
            states.append((tuple(f.message for f in self.line_errors(row)),
                           result is None, result is not None and not result.is_priced,
                           None if result is None else result.cost, id(line)))
        return states

    def line_errors(self, row: int) -> list:
        return self.live.line_errors.get((self.scenario_index, row), [])

    def _error_columns(self, row: int) -> dict[str, str]:
        out: dict[str, str] = {}
        for finding in self.line_errors(row):  # all in this line (``LiveResult``)
            field = Location.parse(finding.path).field_in_line()
            out.setdefault(_FIELD_COLUMN.get(field, "item"), finding.message)
        return out

    def _item_text(self, line: ServiceLine) -> str:
        item = self.doc.catalogue().get(line.item)
        if item is None:
            return line.item or "(kies een post)"
        return f"{item.name} ({item.id})"

    def _item_tip(self, line: ServiceLine) -> str:
        item = self.doc.catalogue().get(line.item)
        if item is None:
            if not line.item:
                return "Nog geen post gekozen: typ een deel van de naam of code."
            return (f"Niet geprijsd: post '{line.item}' staat niet in de kostentabel of de "
                    "eigen posten. De regel wordt bewaard maar telt nergens mee.")
        own = " (eigen post van deze casus)" if item in self.doc.case.custom_items else ""
        year = item.price_year or (self.doc.table.price_year if self.doc.table else "")
        return (f"{item.id}: {item.name}{own}\nTarief {format_euro(item.tariff, 2)} per "
                f"{item.unit} (prijspeil {year}), {item.kind}, financier "
                f"{PAYER_LABELS.get(item.payer, item.payer)}")

    def _quantity_value(self, line: ServiceLine) -> float:
        return line.rate.quantity if line.rate is not None else (line.quantity or 0.0)

    def _quantity_text(self, line: ServiceLine) -> str:
        if line.rate is None and line.quantity is None:
            return ""
        return format_quantity(self._quantity_value(line))

    def _unit_text(self, line: ServiceLine) -> str:
        item = self.doc.catalogue().get(line.item)
        return item.unit if item is not None else ""

    def _result(self, line: ServiceLine):
        """The line's result; for a line edited since the last calculation (the same row,
        a new object), the result the totals still count until the next one."""
        result = self.live.line_result(line)
        lines = self._row_lines
        if result is None and lines is not None:
            records = self.records()
            if len(records) == len(lines):
                row = next((i for i, other in enumerate(records) if other is line), None)
                if row is not None and lines[row] is not line:
                    result = self.live.line_result(lines[row])
        return result

    def _cost_text(self, line: ServiceLine) -> str:
        result = self._result(line)
        if result is None:
            return "—"
        if not result.is_priced:
            return "niet geprijsd"
        return format_euro(result.cost)

    def _calc_text(self, line: ServiceLine) -> str:
        """The line's own arithmetic, from the calculation's figures (never recomputed)."""
        result = self._result(line)
        if result is None:
            return "—"
        if not result.is_priced:
            return "niet geprijsd"
        priced = result.priced
        parts = [f"{format_quantity(result.quantity)} {priced.item.unit}",
                 format_euro(priced.price, 2),
                 f"{format_quantity(result.line.probability * 100)}%"]
        if result.fraction != 1:  # a productivity line capped at its friction window
            parts.append(f"{format_quantity(result.fraction * 100)}% (frictieperiode)")
        return f"{' × '.join(parts)} = {format_euro(result.cost, 2)}"

    def _cost_tip(self, line: ServiceLine) -> str:
        result = self._result(line)
        if result is None:
            return "Telt (nog) niet mee: de regel is onvolledig of de berekening kan niet."
        if not result.is_priced:
            return f"Niet geprijsd: {result.unpriced_reason}. {EXPLAIN['unpriced']}"
        priced = result.priced
        index = ("" if priced.index_factor == 1 else
                 f" (tarief {format_euro(priced.item.tariff, 2)} prijspeil {priced.price_year}"
                 f" × index {format_quantity(priced.index_factor)})")
        return (f"{format_quantity(result.quantity)} {priced.item.unit} × "
                f"{format_euro(priced.price, 2)}{index} × kans "
                f"{format_percent(line.probability)} = {format_euro(result.cost, 2)}\n"
                f"{format_date(result.first_day)} – {format_date(result.last_day)}, "
                f"{result.days} dag(en)")

    # -- Qt model -------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            state = (self._row_states[index.row()] if self._row_states is not None
                     and index.row() < len(self._row_states) else None)
            if (role == Qt.ItemDataRole.BackgroundRole and state is not None
                    and not state[0] and not state[2]):
                return None  # the common case: a valid, priced line
            records = self.records()
            if not (0 <= index.row() < len(records)):
                return None
            line = records[index.row()]
            key = self.columns[index.column()].key
            errors = self._error_columns(index.row()) if self.live.line_errors else {}
            if errors:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return ERROR_BRUSH if key in errors or key == "cost" else None
                if key in errors:
                    return f"Fout: {errors[key]}"
                if key == "cost":
                    return ("Telt niet mee tot de regel klopt:\n" +
                            "\n".join(f"• {m}" for m in errors.values()))
            result = self.live.line_result(line)
            unpriced = (result is not None and not result.is_priced) or (
                self.live.result is not None and result is None and not errors and
                line.item not in self.doc.catalogue())
            if role == Qt.ItemDataRole.BackgroundRole:
                return UNPRICED_BRUSH if unpriced else None
        return super().data(index, role)


def new_line(doc: CaseDocument) -> ServiceLine:
    """A new line: one unit on the start of the case period, probability 100%."""
    return ServiceLine(item="", quantity=1.0, date=doc.case.info.period.start)
