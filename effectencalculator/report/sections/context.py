"""What every section of the case report is built from (``Context``), and the fixed
texts and small helpers more than one section uses.

Wording is deliberately careful: money is an estimate of *potentiële* besparingen from a
reconstructed reference scenario, never cash. When the P10–P90 interval of the net result
contains zero, no saving is presented anywhere: every figure of the difference says
"onzeker: ongeveer gelijk" next to its point estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from effectencalculator.model.calculation import CaseResult, ScenarioResult
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.privacy import PrivacyStatus
from effectencalculator.model.sensitivity import Swing
from effectencalculator.model.timeline_layout import TimelineLayout
from effectencalculator.model.uncertainty import UncertaintyResult
from effectencalculator.model.vocabulary import ALL_SCENARIOS
from effectencalculator.report.content import (
    Column,
    CumulativeSeries,
    PayerSeries,
    TornadoSeries,
    ordered_scenarios,
)
from effectencalculator.report.figures import WordedResult, worded
from effectencalculator.report.format import format_euro

CONFIDENTIAL = "Vertrouwelijk"
MONEY_CAVEAT = (
    "De bedragen in dit rapport zijn schattingen. De referentie is een gereconstrueerd "
    "scenario: wat volgens het gezin en de betrokken professionals waarschijnlijk was "
    "gebeurd in het huidige stelsel. Het verschil met de interventie is daarom een "
    "potentiële besparing en geen kasstroom: er komt geen geld vrij dat ergens op een "
    "rekening staat.")
UNCERTAIN_TITLE = "Onzeker: ongeveer gelijk"
HALF_OF_CASES = (
    "Dat is geen uitzondering: evaluaties van vergelijkbare werkwijzen vonden dat de "
    "nieuwe werkwijze in ongeveer de helft van de casussen nauwelijks verschilde van de "
    "oude.")
PSEUDONYMISATION = (
    "Deze casus is gepseudonimiseerd. Het gezin en de betrokkenen worden alleen aangeduid "
    "met een casuscode, een fictieve gezinsnaam en rollen (zoals Moeder, Kind 1, "
    "Professional lokaal team); het rapport bevat geen namen, adressen, geboortedata of "
    "andere direct identificerende gegevens. Geboortejaren en data van gebeurtenissen "
    "staan er alleen in voor zover de analyse ze nodig heeft. Verspreid het rapport alleen "
    "binnen de kring van de evaluatie; de casus is vertrouwelijk.")


@dataclass
class Context:
    case: Case
    result: CaseResult
    table: CostTable
    created: date
    case_sha256: str
    timeline: TimelineLayout
    payers: PayerSeries
    cumulative: CumulativeSeries
    uncertainty: UncertaintyResult | None = None
    swings: list[Swing] = field(default_factory=list)
    tornado: TornadoSeries | None = None
    privacy: PrivacyStatus | None = None
    #: keys of ``content.REPORT_SECTIONS`` the researcher left out
    omit: frozenset[str] = frozenset()

    @property
    def scenarios(self) -> list[ScenarioResult]:
        return ordered_scenarios(self.case, self.result)

    @property
    def variants_left_out(self) -> set[str]:
        """The variants whose lines are left out (``varianten`` in ``omit``): never a
        scenario of the comparison, even when its role is variant."""
        if "varianten" not in self.omit:
            return set()
        c = self.result.comparison
        compared = {c.reference, c.intervention} if c is not None else set()
        return {s.id for s in self.scenarios if s.role == "variant" and s.id not in compared}

    @property
    def uncertain(self) -> bool:
        """The P10–P90 interval of the net result contains zero: claim no saving."""
        return self.words.uncertain

    @property
    def words(self) -> WordedResult:
        """The figures worded as every output words them."""
        return worded(self.result, self.uncertainty)


def money_column(title: str) -> Column:
    """A right-aligned amount column whose cells never wrap."""
    return Column(title, "right", nowrap=True)


def euro(value: float) -> str:
    return format_euro(value)


def scenario_label(case: Case, scenario_id: str) -> str:
    if scenario_id == ALL_SCENARIOS:
        return "beide"
    s = case.scenario(scenario_id)
    return (s.label or s.id) if s is not None else scenario_id


def nowrap_dates(period: str) -> str:
    """'6 feb 2025 – 31 jul 2025' may wrap only around the dash (no-break spaces)."""
    return " – ".join(part.replace(" ", "\u00a0") for part in period.split(" – "))
