"""The case (casus) as typed dataclasses: what a researcher records about one household.

Every record keeps the keys it does not know in ``extra`` so that a save never drops
what someone else's tool (or a newer version) wrote.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from effectencalculator.model.cost_table import CostItem
from effectencalculator.model.vocabulary import SCHEMA_VERSION

_Day = date  # ServiceLine has a field named ``date`` that hides the type in its body

Extra = dict[str, Any]


@dataclass
class Period:
    start: date | None = None
    end: date | None = None
    extra: Extra = field(default_factory=dict)

    @property
    def days(self) -> int | None:
        """Inclusive number of days, or None when incomplete or reversed."""
        if self.start is None or self.end is None or self.end < self.start:
            return None
        return (self.end - self.start).days + 1


@dataclass
class CaseInfo:
    code: str = ""
    title: str = ""
    proeftuin: str = ""
    period: Period = field(default_factory=Period)
    researcher: str = ""
    session_date: date | None = None
    participants: list[str] = field(default_factory=list)
    #: review state (FORMATS.md 1.1); None (absent) means ``concept``
    review: Review | None = None
    extra: Extra = field(default_factory=dict)


@dataclass
class Review:
    """Where a case stands: ``concept``, ``gecontroleerd`` or ``definitief`` (1.1)."""

    status: str = "concept"
    by: str = ""
    date: date | None = None
    extra: Extra = field(default_factory=dict)


@dataclass
class Member:
    """A household member, known only by a pseudonym label (``Moeder``, ``Kind 1``)."""

    id: str = ""
    label: str = ""
    role: str = ""
    birth_year: int | None = None
    extra: Extra = field(default_factory=dict)


@dataclass
class Event:
    """A life event on the timeline; never priced (monetised effects are lines)."""

    date: date | None = None
    scenario: str = "beide"
    domain: str = ""
    title: str = ""
    description: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass
class Narrative:
    summary: str = ""
    events: list[Event] = field(default_factory=list)
    #: the researcher's own conclusion (1.1), printed in the report
    conclusion: str = ""
    #: how the approach worked on the costs (1.1); a portfolio counts the tags
    mechanisms: list[Mechanism] = field(default_factory=list)
    extra: Extra = field(default_factory=dict)


@dataclass
class Mechanism:
    """A short tag (``snellere hulp``) with ``kostenverlagend``/``kostenverhogend`` or ''."""

    tag: str = ""
    effect: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass
class SafetyScore:
    start: float | None = None
    end: float | None = None
    extra: Extra = field(default_factory=dict)


@dataclass
class Perspective:
    who: str = ""
    role: str = ""
    text: str = ""
    quotes: list[str] = field(default_factory=list)
    safety_score: SafetyScore | None = None
    extra: Extra = field(default_factory=dict)


@dataclass
class Outcome:
    domain: str = ""
    start: str = ""
    end: str = ""
    reference: str = ""
    direction: str = "onbekend"
    source: str = ""
    #: 1.1: ``zrm`` (1..5), ``0-10``, or '' (any numbers); readings per person
    scale: str = ""
    readings: list[Reading] = field(default_factory=list)
    #: 1.1: False when the people involved do not agree; None when not stated
    agreed: bool | None = None
    extra: Extra = field(default_factory=dict)


@dataclass
class Reading:
    """One person's reading of an outcome on the outcome's scale (FORMATS.md 1.1)."""

    who: str = ""
    start: float | None = None
    end: float | None = None
    note: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass
class Rate:
    """A quantity per period, e.g. 3 uur per week."""

    quantity: float = 0.0
    per: str = "week"
    extra: Extra = field(default_factory=dict)


@dataclass
class ServiceLine:
    """One line of inzet: item × quantity (or rate over a period) × probability."""

    item: str = ""
    quantity: float | None = None
    rate: Rate | None = None
    date: _Day | None = None
    start: _Day | None = None
    end: _Day | None = None
    probability: float = 1.0
    approach_cost: bool = False
    note: str = ""
    #: FORMATS.md 1.1: a payer code that overrides the item's payer for this line
    payer: str = ""
    #: FORMATS.md 1.1: first day of an absence this (productivity) line continues
    absence_start: _Day | None = None
    extra: Extra = field(default_factory=dict)


@dataclass
class Scenario:
    id: str = ""
    label: str = ""
    role: str = "variant"
    lines: list[ServiceLine] = field(default_factory=list)
    extra: Extra = field(default_factory=dict)


@dataclass
class Compare:
    reference: str = ""
    intervention: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass
class RecordedTable:
    """A table the figures were computed with: name, version and the sha256 of its file."""

    name: str = ""
    version: str = ""
    sha256: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass
class Settings:
    cost_table: str = ""
    cost_table_version: str = ""
    cost_table_sha256: str = ""
    #: FORMATS.md 1.1: the base of a table that ``extends`` another
    cost_table_base: RecordedTable | None = None
    price_year: int | None = None
    discount_rate: float = 0.0
    horizon_years: int | None = None
    compare: Compare | None = None
    #: privacy findings the researcher accepted for export (``PrivacyFinding.key``)
    privacy_accepted: list[str] = field(default_factory=list)
    #: FORMATS.md 1.1: ``friction`` | ``human_capital``; empty: friction when the table
    #: has a friction period, else human capital
    productivity_method: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass
class HistoryEntry:
    """Provenance of one save (when, which program, which cost table), or of another
    event in the case's life, said in ``note``."""

    time: str = ""
    program_version: str = ""
    cost_table: str = ""
    cost_table_version: str = ""
    cost_table_sha256: str = ""
    #: what happened besides a save (optional; e.g. a definitief case edited, so its
    #: review went back to concept: FORMATS.md 1.1 "Review")
    note: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass
class Case:
    schema_version: int = SCHEMA_VERSION
    info: CaseInfo = field(default_factory=CaseInfo)
    household: list[Member] = field(default_factory=list)
    narrative: Narrative = field(default_factory=Narrative)
    perspectives: list[Perspective] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    custom_items: list[CostItem] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    history: list[HistoryEntry] = field(default_factory=list)
    extra: Extra = field(default_factory=dict)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    def copy(self) -> Case:
        return copy.deepcopy(self)
