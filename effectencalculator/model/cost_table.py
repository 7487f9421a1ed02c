"""Cost tables (maatschappelijke prijslijst): sourced unit costs and a price index."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Source:
    id: str
    title: str = ""
    publisher: str = ""
    year: Any = None
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class CostItem:
    """A unit cost. Table items cite ``source`` ids; case-specific items may carry
    a free-text ``source_note`` instead."""

    id: str = ""
    name: str = ""
    category: str = ""
    kind: str = "inzet"
    unit: str = "uur"
    tariff: float = 0.0
    price_year: int | None = None
    payer: str = "gemeente"
    source: list[str] = field(default_factory=list)
    low: float | None = None
    high: float | None = None
    note: str = ""
    source_note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PriceIndex:
    name: str = ""
    source: str = ""
    values: dict[int, float] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def factor(self, from_year: int, to_year: int) -> float:
        """Multiplier that moves an amount of ``from_year`` to ``to_year`` prices.

        Raises KeyError naming the missing year; equal years need no index.
        """
        if from_year == to_year:
            return 1.0
        for year in (from_year, to_year):
            if year not in self.values:
                raise KeyError(year)
        return self.values[to_year] / self.values[from_year]


@dataclass
class CostTable:
    name: str = ""
    version: str = ""
    title: str = ""
    price_year: int = 0
    currency: str = "EUR"
    description: str = ""
    sources: dict[str, Source] = field(default_factory=dict)
    index: PriceIndex = field(default_factory=PriceIndex)
    items: dict[str, CostItem] = field(default_factory=dict)
    #: sha256 of the file's bytes, and where it was read from (not part of the file).
    sha256: str = ""
    path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)
