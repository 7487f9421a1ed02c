"""Cost tables (maatschappelijke prijslijst): sourced unit costs and a price index."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from effectencalculator.model.vocabulary import DEFAULT_RECIPIENT


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
    #: FORMATS.md 1.1 (MKBA): money moved to ``recipient``, not a use of resources
    transfer: bool = False
    #: payer code that receives a transfer; empty: ``huishouden``
    recipient: str = ""
    #: lost production valued at wage cost (capped by the friction period)
    productivity: bool = False
    #: an avoided cost frees money the payer can book (True) or only capacity (False)
    cashable: bool | None = None
    #: hoog | midden | laag; empty: not stated
    confidence: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def transfer_recipient(self) -> str:
        """Who receives this item's transfers (``huishouden`` unless stated)."""
        return self.recipient or DEFAULT_RECIPIENT


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


@dataclass(frozen=True)
class TableBase:
    """A table another one extends (FORMATS.md 1.1): what a case records of it."""

    name: str
    version: str
    sha256: str
    path: Path | None = None


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
    #: friction period of the friction-cost method, in weeks, and its source id (1.1)
    friction_period_weeks: float | None = None
    friction_source: str = ""
    #: sha256 of the file's bytes, and where it was read from (not part of the file).
    sha256: str = ""
    path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: the tables this one ``extends``, nearest first, and the base items it changes
    bases: list[TableBase] = field(default_factory=list)
    overridden: set[str] = field(default_factory=set)

    @property
    def friction_days(self) -> int | None:
        """F = ⌊weeks × 7 + 0.5⌋ days (FORMATS.md, settled details 1.1)."""
        if self.friction_period_weeks is None:
            return None
        return math.floor(self.friction_period_weeks * 7 + 0.5)
