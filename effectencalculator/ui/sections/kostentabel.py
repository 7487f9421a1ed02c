"""Kostentabel: browse the active cost table, choose another, set price year and discounting."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from effectencalculator.model.cost_table import CostItem, CostTable
from effectencalculator.model.tables import find_table, user_tables_dir
from effectencalculator.model.validation import InvalidInputError
from effectencalculator.report.format import format_euro
from effectencalculator.ui.commands import ChangeTableCommand, SetAttrCommand
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.item_picker import search_items
from effectencalculator.ui.labels import EXPLAIN, KIND_LABELS, PAYER_LABELS
from effectencalculator.ui.table_loader import read_table_file
from effectencalculator.ui.widgets import PercentEdit, YearEdit, YearsEdit

if TYPE_CHECKING:  # the dialog loads when first opened
    from effectencalculator.ui.own_table_dialog import OwnTableDialog

ModelIndex = QModelIndex | QPersistentModelIndex
MKBA_RATE = 0.0225
TABLE_FILTER = "Kostentabellen (*.yaml *.yml)"


class CatalogueModel(QAbstractTableModel):
    """Read-only: the table's items and the case's own items."""

    HEADERS = ["Code", "Naam", "Categorie", "Soort", "Eenheid", "Tarief", "Prijspeil",
               "Financier", "Bron"]

    def __init__(self, doc: CaseDocument, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.items: list[CostItem] = []
        self.custom_ids: set[str] = set()
        doc.tableChanged.connect(self.reload)
        doc.caseReset.connect(self.reload)
        doc.inserted.connect(self._list_changed)
        doc.removed.connect(self._list_changed)
        doc.recordReplaced.connect(self._list_changed)
        self.reload()

    def _list_changed(self, path, *_: Any) -> None:
        if tuple(path) == ("custom_items",):
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        table = self.doc.table
        self.items = list(table.items.values()) if table is not None else []
        self.custom_ids = {i.id for i in self.doc.case.custom_items}
        self.items += [i for i in self.doc.case.custom_items
                       if table is None or i.id not in table.items]
        self.endResetModel()

    def item(self, row: int) -> CostItem:
        return self.items[row]

    def source_text(self, item: CostItem) -> str:
        if item.id in self.custom_ids:
            return f"eigen post: {item.source_note}" if item.source_note else "eigen post"
        table = self.doc.table
        titles = []
        for source_id in item.source:
            source = table.sources.get(source_id) if table is not None else None
            titles.append(source.title if source is not None else source_id)
        return "; ".join(titles)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.HEADERS[section]
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and section == 3):
            return EXPLAIN["kind"]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        item = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            table = self.doc.table
            year = item.price_year or (table.price_year if table is not None else "")
            values = [item.id, item.name, item.category, KIND_LABELS.get(item.kind, item.kind),
                      item.unit, format_euro(item.tariff, 2), str(year),
                      PAYER_LABELS.get(item.payer, item.payer), self.source_text(item)]
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.name}\n{item.note}".strip() if col != 8 else self.source_text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and item.id in self.custom_ids and col == 0:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setItalic(True)
            return font
        return None


class CatalogueFilter(QSortFilterProxyModel):
    """Keeps the items that contain every word of the search text (code, name, category)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self.query = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.query = text
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: ModelIndex) -> bool:  # noqa: N802
        if not self.query.strip():
            return True
        model: CatalogueModel = self.sourceModel()  # type: ignore[assignment]
        return bool(search_items([model.item(row)], self.query))


class KostentabelSection(QWidget):
    title = "Kostentabel"

    def __init__(self, doc: CaseDocument, dialogs, desktop, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.dialogs, self.desktop = doc, dialogs, desktop
        layout = QVBoxLayout(self)
        top = QHBoxLayout()

        table_box = QGroupBox("Actieve kostentabel")
        form = QFormLayout(table_box)
        self.table_title = QLabel()
        self.table_title.setWordWrap(True)
        self.table_file = QLabel()
        self.table_file.setWordWrap(True)
        self.table_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton("Andere kostentabel kiezen…")
        choose.setToolTip("Reken deze casus met een andere kostentabel (YAML-bestand), "
                          "bijvoorbeeld met regionale tarieven")
        choose.clicked.connect(self.choose_table)
        self.make_own_button = QPushButton("Eigen tabel maken…")
        self.make_own_button.setToolTip(
            "Een regionale tabel op deze tabel: eigen tarieven (met bron) voor posten van "
            "de tabel, en posten die de tabel niet kent; bewaard in uw tabellenmap, voor "
            "elke casus te kiezen")
        self.make_own_button.clicked.connect(self.make_own_table)
        self.edit_own_button = QPushButton("Eigen tabel bewerken…")
        self.edit_own_button.setToolTip("De tarieven en posten van deze eigen tabel wijzigen")
        self.edit_own_button.clicked.connect(self.edit_own_table)
        buttons = QHBoxLayout()
        for button in (choose, self.make_own_button, self.edit_own_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow("Tabel", self.table_title)
        form.addRow("Bestand", self.table_file)
        form.addRow("", buttons)
        #: the open Eigen tabel dialog (None when closed)
        self.own_table_dialog: OwnTableDialog | None = None
        top.addWidget(table_box, 3)

        settings_box = QGroupBox("Rekeninstellingen van de casus")
        form = QFormLayout(settings_box)
        # typed like every value (a spin box changed a year on the wheel, and clamped it)
        self.price_year = YearEdit(minimum=1999, maximum=2100, empty_text="zoals de tabel")
        self.price_year.setToolTip(f"{EXPLAIN['price_year']} Leeg: het prijspeil van de tabel.")
        self.price_year.setMaximumWidth(190)
        self.price_year.valueCommitted.connect(self._price_year_committed)
        self.discount = QCheckBox("Disconteren")
        self.discount.setToolTip(EXPLAIN["discount"])
        self.discount.toggled.connect(self._discount_toggled)
        self.rate = PercentEdit(maximum=99.0)  # percent per year, typed the Dutch way
        self.rate.help_text = f"{EXPLAIN['discount']} Percentage per jaar, bijv. 2,25%."
        self.rate.setToolTip(self.rate.help_text)
        self.rate.setMaximumWidth(110)
        self.rate.valueCommitted.connect(self._rate_committed)
        self.horizon = YearsEdit(empty_text="alle jaren")
        self.horizon.setToolTip(f"{EXPLAIN['horizon']} Leeg: alle jaren.")
        self.horizon.setMaximumWidth(190)
        self.horizon.valueCommitted.connect(self._horizon_committed)
        discount_row = QHBoxLayout()
        discount_row.addWidget(self.discount)
        discount_row.addWidget(self.rate)
        discount_row.addWidget(QLabel("per jaar"))
        form.addRow("Prijspeil", self.price_year)
        form.addRow("Discontering", discount_row)
        form.addRow("Tijdshorizon", self.horizon)
        top.addWidget(settings_box, 2)
        layout.addLayout(top)

        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek op naam, code of categorie (bijv. 'pleeg', "
                                       "'ggz contact')")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        search_row.addWidget(QLabel("Zoeken"))
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count)
        layout.addLayout(search_row)
        self.model = CatalogueModel(doc, self)
        self.proxy = CatalogueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate((235, 340, 150, 55, 75, 90, 70, 115, 300)):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.view, 1)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._anchor_clicked)
        self.detail.setMaximumHeight(130)
        self.detail.setToolTip("Toelichting en bronnen van de gekozen post; een link opent in "
                               "uw browser")
        layout.addWidget(self.detail)
        self.search.textChanged.connect(self._search)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        doc.tableChanged.connect(self.refresh)
        doc.caseReset.connect(self.refresh)
        doc.fieldChanged.connect(self._field_changed)
        self.refresh()

    # -- showing --------------------------------------------------------------------
    def refresh(self) -> None:
        table = self.doc.table
        if table is None:
            self.table_title.setText("(kostentabel wordt geladen…)")
            self.table_file.setText("")
        else:
            self.table_title.setText(f"<b>{table.title or table.name}</b><br>{table.name}, "
                                     f"versie {table.version}, prijspeil {table.price_year}, "
                                     f"{len(table.items)} posten")
            self.table_file.setText(f"{table.path}<br><small>sha256 {table.sha256[:16]}…</small>")
        self.edit_own_button.setVisible(self._own_table_file() is not None)
        self._show_settings()
        self._search(self.search.text())

    def _field_changed(self, path, attr) -> None:
        if tuple(path) == ("settings",):
            self._show_settings()

    def _show_settings(self) -> None:
        settings = self.doc.case.settings
        table = self.doc.table
        default_year = table.price_year if table is not None else 0
        for widget in (self.price_year, self.discount, self.rate, self.horizon):
            widget.blockSignals(True)
        self.price_year.set_empty_text(f"zoals de tabel ({default_year})"
                                       if default_year else "zoals de tabel")
        if self.price_year.model_value() != settings.price_year or \
                self.price_year.is_acceptable():   # a red typed text stays until corrected
            self.price_year.set_value(settings.price_year)
        self.discount.setChecked(settings.discount_rate > 0)
        self.rate.setEnabled(settings.discount_rate > 0)
        self.rate.set_value(round(settings.discount_rate * 100, 4))
        if self.horizon.model_value() != settings.horizon_years or \
                self.horizon.is_acceptable():
            self.horizon.set_value(settings.horizon_years)
        for widget in (self.price_year, self.discount, self.rate, self.horizon):
            widget.blockSignals(False)

    def _search(self, text: str) -> None:
        self.proxy.set_query(text)
        self.count.setText(f"{self.proxy.rowCount()} van {self.model.rowCount()} posten")
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:
        if not current.isValid():
            self.detail.setHtml("")
            return
        item = self.model.item(self.proxy.mapToSource(current).row())
        table = self.doc.table
        parts = [f"<b>{item.id}</b> — {item.name}: {format_euro(item.tariff, 2)} per {item.unit}"]
        if item.low is not None or item.high is not None:
            low = format_euro(item.low, 2) if item.low is not None else "?"
            high = format_euro(item.high, 2) if item.high is not None else "?"
            parts[0] += f" (bandbreedte {low} – {high})"
        if item.note:
            parts.append(item.note)
        if item.id in self.model.custom_ids:
            parts.append(f"<i>Eigen post van deze casus.</i> Bron: {item.source_note or '—'}")
        for source_id in item.source:
            source = table.sources.get(source_id) if table is not None else None
            if source is None:
                continue
            link = (f" <a href='{source.url}'>{source.url}</a>" if source.url else "")
            parts.append(f"Bron: {source.title} ({source.publisher}, {source.year}).{link}")
        self.detail.setHtml("<br>".join(parts))

    def _anchor_clicked(self, url) -> None:
        self._open_link(url.toString())

    def _open_link(self, url: str) -> None:
        self.desktop.open_url(url)

    # -- editing the case's settings ------------------------------------------------
    def _push(self, attr: str, value: Any, text: str) -> None:
        if getattr(self.doc.case.settings, attr) != value:
            self.doc.undo_stack.push(SetAttrCommand(self.doc, ("settings",), attr, value, text))

    def _price_year_committed(self) -> None:
        """A readable year typed (or emptied: the table's own price year)."""
        self._push("price_year", self.price_year.value(), "prijspeil wijzigen")

    def _discount_toggled(self, on: bool) -> None:
        self.rate.setEnabled(on)
        self._push("discount_rate", MKBA_RATE if on else 0.0,
                   "discontering aan" if on else "discontering uit")

    def _rate_committed(self) -> None:
        self._rate_changed(self.rate.value())

    def _rate_changed(self, value: float) -> None:
        if self.discount.isChecked():
            self._push("discount_rate", round(value / 100, 6), "disconteringsvoet wijzigen")

    def _horizon_committed(self) -> None:
        self._push("horizon_years", self.horizon.value(), "tijdshorizon wijzigen")

    def choose_table(self) -> None:
        folder = str(user_tables_dir())
        name = self.dialogs.open_file(self, "Kostentabel kiezen", folder, TABLE_FILTER)
        if not name:
            return
        self.use_table_file(Path(name))

    def use_table_file(self, path: Path) -> bool:
        try:
            table = read_table_file(path)
        except InvalidInputError as exc:
            self.dialogs.show_error(self, "Kostentabel niet bruikbaar",
                                    f"{path} kan niet als kostentabel worden gebruikt.",
                                    [f.format() for f in exc.findings])
            return False
        except OSError as exc:
            self.dialogs.show_error(self, "Kostentabel niet te lezen", f"{path}: {exc}")
            return False
        self.doc.undo_stack.push(ChangeTableCommand(
            self.doc, table, path, [], f"kostentabel {table.name} {table.version} kiezen"))
        self._offer_copy(table, path)
        return True

    # -- an own table ---------------------------------------------------------------
    def _own_table_file(self) -> Path | None:
        """The active table's file when it is an own table in the user's tables folder
        (one the researcher can edit here)."""
        table = self.doc.table
        if table is None or not table.bases or table.path is None:
            return None
        path = Path(table.path)
        return path if path.parent.resolve() == user_tables_dir().resolve() else None

    def make_own_table(self):
        """Open Eigen tabel maken on the active table (or, for an own table, on its base)."""
        from effectencalculator.model.own_table import OwnTableDraft
        from effectencalculator.model.storage import load_table
        from effectencalculator.model.tables import available_tables

        base = self.doc.table
        if base is None:
            return None
        if base.bases:
            ref = find_table(base.bases[0].name, base.bases[0].version)
            if ref is None:
                self.dialogs.show_error(self, "Eigen tabel maken", f"De basistabel "
                                        f"'{base.bases[0].name}' is niet gevonden.")
                return None
            base = load_table(ref.path)
        taken = {ref.name for ref in available_tables()}
        return self._open_own_table(OwnTableDraft.new(base, taken))

    def edit_own_table(self):
        from effectencalculator.model.own_table import OwnTableDraft
        from effectencalculator.model.tables import find_base_table

        path = self._own_table_file()
        if path is None:
            return None
        try:
            draft = OwnTableDraft.from_file(path, find_base_table)
        except InvalidInputError as exc:
            self.dialogs.show_error(self, "Eigen tabel bewerken", f"{path} is niet te "
                                    "bewerken.", [f.format() for f in exc.findings])
            return None
        return self._open_own_table(draft)

    def _open_own_table(self, draft):
        from effectencalculator.ui.own_table_dialog import OwnTableDialog

        dialog = OwnTableDialog(draft, user_tables_dir(), self.dialogs, self)
        dialog.finished.connect(self._own_table_done)
        self.own_table_dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _own_table_done(self, result: int) -> None:
        dialog = self.own_table_dialog
        if dialog is None:
            return
        self.own_table_dialog = None
        dialog.deleteLater()
        path, table = dialog.saved_path, dialog.saved
        if result != QDialog.DialogCode.Accepted or path is None or table is None:
            return
        active = self.doc.table
        if (active is not None and active.path is not None and
                Path(active.path).resolve() == path.resolve()) or self.dialogs.ask_yes_no(
                self, "Eigen tabel opgeslagen",
                f"Tabel '{table.name}' {table.version} is opgeslagen in {path}.\n\n"
                "Deze casus ermee rekenen? (Terug te draaien met Ongedaan maken.)"):
            self.use_table_file(path)

    def _offer_copy(self, table: CostTable, path: Path) -> None:
        """A table outside the tables folders is not found when the case is reopened."""
        ref = find_table(table.name, table.version)
        if ref is not None and ref.version == table.version:
            return
        target = user_tables_dir() / path.name
        if self.dialogs.ask_yes_no(
                self, "Kostentabel bewaren",
                f"Tabel '{table.name}' {table.version} staat niet in uw tabellenmap. De casus "
                f"noemt alleen de naam van de tabel; zonder kopie vindt het programma hem "
                f"later niet terug.\n\nKopiëren naar {target}?"):
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
            except OSError as exc:
                self.dialogs.show_error(self, "Kopiëren mislukt", f"{target}: {exc}")
