"""The closed word lists of the file formats (FORMATS.md), in one place."""

from __future__ import annotations

UNITS: tuple[str, ...] = (
    "uur", "dagdeel", "dag", "etmaal", "week", "maand", "jaar",
    "traject", "melding", "onderzoek", "zitting", "contact", "stuk",
)

PAYERS: tuple[str, ...] = (
    "gemeente", "rijk", "zorgverzekeraar", "uwv", "werkgever",
    "onderwijs", "huishouden", "overig", "wlz",
)

#: How firm a tariff is (FORMATS.md 1.1): a published national price; a regional or
#: derived figure; a rule of thumb.
CONFIDENCES: tuple[str, ...] = ("hoog", "midden", "laag")

#: How lost production is valued (FORMATS.md 1.1, ``settings.productivity_method``).
PRODUCTIVITY_METHODS: tuple[str, ...] = ("friction", "human_capital")

#: Who receives a transfer when the item names no ``recipient``.
DEFAULT_RECIPIENT = "huishouden"

#: ``inzet``: care, support, protection, justice (its difference is a *besparing*);
#: ``effect``: other societal costs and benefits (its difference is *baten*).
KINDS: tuple[str, ...] = ("inzet", "effect")

SCENARIO_ROLES: tuple[str, ...] = ("intervention", "reference", "variant")

#: Days in one period of a rate (``rate.per``).
RATE_PERIOD_DAYS: dict[str, float] = {
    "dag": 1.0,
    "week": 7.0,
    "maand": 30.4375,
    "jaar": 365.25,
}

DIRECTIONS: tuple[str, ...] = ("verbeterd", "gelijk", "verslechterd", "onbekend")

#: 1.1: scales of readings per person -> (lowest, highest, whole numbers only?)
READING_SCALES: dict[str, tuple[float, float, bool]] = {
    "zrm": (1.0, 5.0, True),     # zelfredzaamheidsmatrix: 1 acuut .. 5 volledig zelfredzaam
    "0-10": (0.0, 10.0, False),  # one decimal at most
}

#: 1.1: review state of a case; absent means the first
REVIEW_STATUSES: tuple[str, ...] = ("concept", "gecontroleerd", "definitief")

#: 1.1: what a mechanism did to the costs (may also be absent)
MECHANISM_EFFECTS: tuple[str, ...] = ("kostenverlagend", "kostenverhogend")

DOMAINS: tuple[str, ...] = (
    "veiligheid",
    "opvoeding/ontwikkeling",
    "psychische gezondheid",
    "lichamelijke gezondheid",
    "financiën/schulden",
    "wonen",
    "werk/dagbesteding",
    "school",
    "sociaal netwerk",
    "justitie",
)

#: Scenario value of an event that belongs to every scenario.
ALL_SCENARIOS = "beide"

SCHEMA_VERSION = 1
