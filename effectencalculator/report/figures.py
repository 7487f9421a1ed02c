"""The words that go with a figure, made once for every output.

The PDF, the Berekening section, the status bar, the CLI text, the portfolio window and
the exports all show the same calculation; this module turns a calculation result (and,
when there is one, its Monte Carlo interval) into worded figures so that they also say
the same thing about it. The rule they share: when the P10–P90 interval of the net result
contains zero, no figure of the difference is presented as a saving — each says
"onzeker" beside its point estimate, and the difference is "onzeker: ongeveer gelijk".

The same goes for where a finding is: ``location_text`` says it in Dutch from the typed
``model.location.Location``. Nothing is computed here: every amount is a field of
``CaseResult`` or ``UncertaintyResult``, formatted with ``report.format``. Plain text
only (no markup): each output adds its own emphasis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from effectencalculator.model.calculation import CaseResult, Comparison, ScenarioResult
from effectencalculator.model.location import describe as describe_location
from effectencalculator.model.uncertainty import UNCERTAIN
from effectencalculator.report.format import format_euro, format_number, format_percent, payer_label

if TYPE_CHECKING:  # numpy is imported only when a simulation is run
    from effectencalculator.model.case import Case
    from effectencalculator.model.uncertainty import Interval, UncertaintyResult
    from effectencalculator.model.validation import Finding

__all__ = ["UNCERTAIN", "UNSURE", "PayerRow", "Verdict", "WordedFigure", "WordedResult",
           "delta", "finding_text", "interval_text", "location_text", "range_text",
           "return_text", "short_verdict", "worded"]

#: the value of a figure of the difference when the interval contains zero
UNSURE = "onzeker"
#: the figures of the difference, in the order every output shows them
DIFFERENCE_KEYS = ("net_result", "besparingen", "baten")


def interval_text(interval: Interval) -> str:
    """'€ 14.426 tot € 68.478' (P10 to P90)."""
    return range_text(interval.p10, interval.p90)


def range_text(p10: float, p90: float) -> str:
    """An interval kept as its two bounds (the portfolio's figures): as ``interval_text``."""
    return f"{format_euro(p10)} tot {format_euro(p90)}"


def delta(value: float | None) -> str:
    """A change of the net result: '+€ 1.234', '−€ 567', '€ 0' ('—' without a bound)."""
    if value is None:
        return "—"
    text = format_euro(abs(value))
    if text == format_euro(0):
        return text
    return ("+" if value > 0 else "−") + text


def return_text(value: float | None) -> str:
    """The return per euro invested: '€ 1,23', or 'n.v.t.' without an investment."""
    return format_euro(value, 2) if value is not None else "n.v.t."


@dataclass(frozen=True)
class WordedFigure:
    """One key figure: what it is, its value in words and a short note below it."""

    key: str
    label: str
    value: str
    note: str = ""
    #: grid columns the figure takes in the report (a P10–P90 interval needs two)
    span: int = 1
    #: the value says "onzeker" instead of an amount
    uncertain: bool = False

    @property
    def line(self) -> str:
        """'Netto resultaat: onzeker (ongeveer gelijk; puntschatting € -8.284)'."""
        return f"{self.label}: {self.value}" + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class Verdict:
    """What the interval says: onzeker, or probably cheaper or dearer, and why."""

    key: str            # "uncertain" | "cheaper" | "dearer"
    short: str          # 'onzeker: ongeveer gelijk'
    reason: str         # 'het interval P10–P90 van het netto resultaat (…) bevat nul: …'

    @property
    def title(self) -> str:
        return self.short[:1].upper() + self.short[1:]

    @property
    def sentence(self) -> str:
        """'Onzeker: ongeveer gelijk: het interval … bevat nul: …'."""
        return f"{self.title}: {self.reason}"

    @property
    def phrase(self) -> str:
        """The sentence after a label ('Oordeel'): 'onzeker: ongeveer gelijk: …'."""
        return f"{self.short}: {self.reason}"


@dataclass(frozen=True)
class PayerRow:
    """The difference for one payer (or the total), every amount as text."""

    payer: str          # the code; "" for the total row
    label: str          # 'Gemeente', or 'Totaal (onzeker: ongeveer gelijk)'
    intervention: str
    reference: str
    difference: str
    besparingen: str
    baten: str
    total: bool = False


class WordedResult:
    """A result and its interval, worded. Build it with :func:`worded`."""

    def __init__(self, result: CaseResult, uncertainty: UncertaintyResult | None = None):
        self.result = result
        self.uncertainty = uncertainty

    @property
    def comparison(self) -> Comparison | None:
        return self.result.comparison

    @property
    def uncertain(self) -> bool:
        """The P10–P90 interval of the net result contains zero: claim no saving."""
        return self.uncertainty is not None and self.uncertainty.uncertain

    # -- key figures --------------------------------------------------------------------
    def key_figures(self, scenarios: list[ScenarioResult] | None = None
                    ) -> list[WordedFigure]:
        """The net result beside its P10–P90 interval and the chance that the
        intervention is cheaper; then besparingen, baten, the investment and its return.
        Without a comparison: the cost of each scenario (``scenarios``: in this order)."""
        c, u = self.comparison, self.uncertainty
        if c is None:
            shown = scenarios if scenarios is not None else list(self.result.scenarios.values())
            return [WordedFigure(f"kosten:{s.id}", f"Kosten {s.id}", format_euro(s.total),
                                 s.label) for s in shown]
        figures = [self.figure("net_result")]
        if u is not None:
            figures += [self.figure("interval"), self.figure("share_cheaper")]
        figures += [self.figure(k) for k in ("besparingen", "baten", "investment",
                                            "return_per_euro")]
        return figures

    def figure(self, key: str) -> WordedFigure:
        """One figure of the comparison by key: net_result, interval, share_cheaper,
        besparingen, baten, investment, return_per_euro."""
        c, u, unsure = self.comparison, self.uncertainty, self.uncertain
        if c is None:
            raise ValueError("geen vergelijking")
        if key == "net_result":
            if unsure:
                return WordedFigure(key, "Netto resultaat", UNSURE,
                                    f"ongeveer gelijk; puntschatting {format_euro(c.net_result)}",
                                    uncertain=True)
            return WordedFigure(key, "Netto resultaat", format_euro(c.net_result),
                                "puntschatting")
        if key == "interval":
            assert u is not None
            note = (f"bevat nul: {UNCERTAIN}, geen besparing aan te tonen" if unsure else
                    f"80% van de uitkomsten ligt hiertussen; mediaan "
                    f"{format_euro(u.net_result.p50)}")
            return WordedFigure(key, "Bandbreedte netto resultaat (P10–P90)",
                                interval_text(u.net_result), note, span=2)
        if key == "share_cheaper":
            assert u is not None
            return WordedFigure(key, "Kans interventie goedkoper",
                                format_percent(u.share_intervention_cheaper),
                                f"van {format_number(u.draws)} trekkingen")
        if key in ("besparingen", "baten"):
            label, value, note = (("Potentiële besparingen", c.besparingen,
                                   "zorg en ondersteuning") if key == "besparingen" else
                                  ("Baten", c.baten, "inkomen, werk en overig"))
            if unsure:
                return WordedFigure(key, label, UNSURE, f"puntschatting {format_euro(value)}",
                                    uncertain=True)
            return WordedFigure(key, label, format_euro(value), note)
        if key == "investment":
            return WordedFigure(key, "Investering in de aanpak", format_euro(c.investment),
                                "kosten nieuwe werkwijze")
        if key == "return_per_euro":
            ret = c.return_per_euro
            if ret is None:
                return WordedFigure(key, "Opbrengst per euro", "n.v.t.", "geen investering")
            if unsure:
                return WordedFigure(key, "Opbrengst per euro", UNSURE,
                                    f"puntschatting {format_euro(ret, 2)}", uncertain=True)
            return WordedFigure(key, "Opbrengst per euro", format_euro(ret, 2),
                                "per geïnvesteerde euro")
        raise KeyError(key)

    def net_result_text(self) -> str:
        """The net result in a sentence or a status line: '€ 31.093', or
        '€ -8.284 (onzeker: ongeveer gelijk)'."""
        c = self.comparison
        if c is None:
            return "—"
        text = format_euro(c.net_result)
        return f"{text} ({UNCERTAIN})" if self.uncertain else text

    def point_estimate_text(self, value: float, digits: int = 0) -> str:
        """An amount of the difference in running text: the amount, or
        'onzeker: ongeveer gelijk (puntschatting € -8.284)'."""
        text = format_euro(value, digits)
        return f"{UNCERTAIN} (puntschatting {text})" if self.uncertain else text

    # -- payers ---------------------------------------------------------------------------
    @property
    def total_label(self) -> str:
        """The label of a total row of the difference."""
        return f"Totaal ({UNCERTAIN})" if self.uncertain else "Totaal"

    @property
    def part_titles(self) -> tuple[str, str]:
        """Column titles of the parts of the difference: uncertain, they are not savings."""
        return ("Verschil inzet", "Verschil effecten") if self.uncertain else \
            ("Potentiële besparingen", "Baten")

    def payer_rows(self) -> list[PayerRow]:
        """Per payer (in the comparison's order) and a total row."""
        c = self.comparison
        if c is None:
            return []
        ref, itv = self.result.scenarios[c.reference], self.result.scenarios[c.intervention]
        rows = [PayerRow(p, payer_label(p), format_euro(itv.by_payer.get(p, 0.0)),
                         format_euro(ref.by_payer.get(p, 0.0)), format_euro(diff),
                         format_euro(c.besparingen_by_payer.get(p, 0.0)),
                         format_euro(c.baten_by_payer.get(p, 0.0)))
                for p, diff in c.by_payer.items()]
        rows.append(PayerRow("", self.total_label, format_euro(itv.total),
                             format_euro(ref.total), format_euro(c.net_result),
                             format_euro(c.besparingen), format_euro(c.baten), total=True))
        return rows

    # -- the interval -----------------------------------------------------------------------
    def verdict(self) -> Verdict | None:
        """None without an interval."""
        u = self.uncertainty
        if u is None:
            return None
        if u.uncertain:
            return Verdict("uncertain", UNCERTAIN,
                           f"het interval P10–P90 van het netto resultaat "
                           f"({interval_text(u.net_result)}) bevat nul: de scenario's kosten "
                           "ongeveer even veel en er is geen besparing aan te tonen.")
        if u.net_result.p10 > 0:
            return Verdict("cheaper", "interventie waarschijnlijk goedkoper",
                           "het hele interval P10–P90 van het netto resultaat "
                           f"({interval_text(u.net_result)}) ligt boven nul.")
        return Verdict("dearer", "interventie waarschijnlijk duurder",
                       "het hele interval P10–P90 van het netto resultaat "
                       f"({interval_text(u.net_result)}) ligt onder nul.")

    def interval_rows(self) -> list[tuple[str, str, Interval]]:
        """(name, point estimate, interval) for net result, besparingen and baten."""
        c, u = self.comparison, self.uncertainty
        if c is None or u is None:
            return []
        return [("Netto maatschappelijk resultaat", format_euro(c.net_result), u.net_result),
                ("Potentiële besparingen (inzet)", format_euro(c.besparingen), u.besparingen),
                ("Baten (effecten)", format_euro(c.baten), u.baten)]


def worded(result: CaseResult, uncertainty: UncertaintyResult | None = None
           ) -> WordedResult:
    """The worded figures of ``result`` (with its interval, when there is one)."""
    return WordedResult(result, uncertainty)


def location_text(path: str, case: Case | None = None) -> str:
    """Where a finding is, in Dutch: "scenario 'Huidig stelsel', regel 4, hoeveelheid"
    (``model.location``); '' for the case as a whole."""
    return describe_location(path, case) if path else ""


def finding_text(finding: Finding, case: Case | None = None) -> str:
    """A finding as a line in a list: its place in Dutch, then the message."""
    where = location_text(finding.path, case)
    return f"{where}: {finding.message}" if where else finding.message


def short_verdict(uncertainty: UncertaintyResult | None) -> str:
    """The verdict in a table cell ('onzeker: ongeveer gelijk', 'interventie goedkoper');
    the model holds these words because its JSON summary names them too."""
    return uncertainty.verdict if uncertainty is not None else ""
