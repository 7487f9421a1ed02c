"""The searchable cost-item picker: type part of a name or code, pick from the list.

Every word typed must occur in the item's code, name or category (case and accents
ignored), so "pleeg" finds the pleegzorg items and "ggz contact" the ggz contacts.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from effectencalculator.model.cost_table import CostItem

SEPARATOR = " — "


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_items(items: Iterable[CostItem], query: str) -> list[CostItem]:
    """Items whose code, name or category contain every word of ``query``."""
    words = _fold(query).split()
    found = []
    for item in items:
        haystack = _fold(f"{item.id} {item.name} {item.category}")
        if all(word in haystack for word in words):
            found.append(item)
    return found


def entry_text(item: CostItem) -> str:
    return f"{item.id}{SEPARATOR}{item.name} (per {item.unit})"


def resolve_item(text: str, items: dict[str, CostItem]) -> str | None:
    """The item id meant by ``text``: an id, a picked entry, or the only match."""
    text = text.strip()
    if not text:
        return ""
    if text in items:
        return text
    head = text.split(SEPARATOR, 1)[0].strip()
    if head in items:
        return head
    upper = text.upper()
    if upper in items:
        return upper
    matches = search_items(items.values(), text)
    if len(matches) == 1:
        return matches[0].id
    return None


class ItemPicker(QLineEdit):
    """A line edit with a popup of matching items."""

    MAX_SHOWN = 60

    def __init__(self, items: dict[str, CostItem], parent: QWidget | None = None):
        super().__init__(parent)
        self.items = items
        self.setPlaceholderText("Typ een deel van de naam of code, bv. 'pleeg'")
        self._list = QStringListModel(self)
        self.completer_ = QCompleter(self._list, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.setCompleter(self.completer_)
        self.textEdited.connect(self.refilter)

    def refilter(self, text: str) -> None:
        matches = search_items(self.items.values(), text)[: self.MAX_SHOWN]
        self._list.setStringList([entry_text(item) for item in matches])
        if matches and self.isVisible():
            self.completer_.complete()

    def completion_entries(self) -> list[str]:
        return self._list.stringList()

    def set_item_id(self, item_id: str) -> None:
        item = self.items.get(item_id)
        self.setText(entry_text(item) if item is not None else item_id)
        self.selectAll()

    def item_id(self) -> str | None:
        """The chosen id, '' when empty, None when the text matches no single item."""
        return resolve_item(self.text(), self.items)
