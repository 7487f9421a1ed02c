"""The words of the MKBA figures (FORMATS.md 1.1), made once for every output.

``report.figures`` words the key figures; this module, beside it, words the MKBA view of
the same result: the two views (societal, per payer), the split of besparingen into what
can be booked and freed capacity, how much rests on low-confidence tariffs, and the
switching values. The PDF, Berekening's MKBA panel, the CLI text and the XLSX all take
their sentences from here. The rule of ``report.figures`` holds here too: when the P10–P90
interval of the net result contains zero, the societal figure says "onzeker: ongeveer
gelijk", a payer's role is what it pays (not what it "gains"), and the split is a
difference of inzet, not besparingen.

Every amount comes from the model (``Comparison``, ``model.breakdown``,
``model.switching``); nothing is computed here but the wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from effectencalculator.model.breakdown import (
    BesparingenSplit,
    besparingen_split,
    confidence_contributions,
    low_confidence_gross,
    low_confidence_share,
)
from effectencalculator.model.calculation import CaseResult, Comparison
from effectencalculator.model.switching import ItemSwitch, LineSwitch, switching_values
from effectencalculator.model.uncertainty import UNCERTAIN
from effectencalculator.report.figures import WordedResult
from effectencalculator.report.format import format_euro, format_percent, payer_label

SOCIETAL = "Maatschappelijk (overdrachten vallen weg)"
#: the societal row when the interval of the net result contains zero
SOCIETAL_UNSURE = f"Maatschappelijk (overdrachten vallen weg; {UNCERTAIN})"
#: the one-line explanation of the difference between the two views
VIEWS_EXPLANATION = (
    "Maatschappelijk telt wat de samenleving als geheel wint; een overdracht zoals bijstand "
    "valt daarin weg (wat de gemeente minder betaalt, ontvangt het huishouden minder). Per "
    "financier staat wie investeert en wie de opbrengst krijgt, het huishouden inbegrepen; "
    "samen tellen de financiers op tot het maatschappelijke resultaat.")
SPLIT_LABELS = (
    ("bookable", "Te boeken (geld dat vrijkomt)"),
    ("capacity", "Vrijgekomen capaciteit (geen geld)"),
    ("unstated", "Niet vermeld in de kostentabel"),
)
SPLIT_EXPLANATION = (
    "Te boeken: vermeden kosten die een financier per eenheid betaalt (een plaatsing per "
    "dag), zodat er geld vrijkomt. Capaciteit: uren van vaste medewerkers, die vrijkomen "
    "voor ander werk maar geen geld opleveren.")
SWITCHING_EXPLANATION = (
    "Omslagwaarden: hoe ver één tarief of één kans moet veranderen (al het andere gelijk) "
    "voordat het netto resultaat nul wordt en van teken wisselt. Getoond zijn de tarieven "
    "en kansen die het dichtst bij hun huidige waarde omslaan.")
NO_SWITCHING = "Geen enkel tarief of kans laat het resultaat op zichzelf omslaan."


def payer_role(value: float, uncertain: bool = False) -> str:
    """How a payer's net difference (R − I) reads: it gains, or it invests. Uncertain,
    no payer is said to gain: it pays less or more."""
    if round(value, 2) > 0:
        return "betaalt minder" if uncertain else "krijgt de opbrengst"
    if round(value, 2) < 0:
        return "betaalt meer" if uncertain else "investeert (betaalt meer)"
    return "gelijk"


@dataclass(frozen=True)
class ViewRow:
    """One row of the two views: the societal row (``payer`` '') or one payer."""

    payer: str
    label: str
    net: str
    transfers: str      # '—' for the societal row (transfers cancel out there)
    role: str           # '' for the societal row

    @property
    def societal(self) -> bool:
        return not self.payer


def transfers_text(c: Comparison) -> str:
    if round(c.transfers, 2) == 0:
        return "Er zijn geen overdrachten (zoals bijstand) die tussen de scenario's verschillen."
    return (f"Overdrachten (zoals bijstand) verschillen {format_euro(c.transfers)} tussen de "
            "scenario's: ze tellen bij de financier en, met het omgekeerde teken, bij de "
            "ontvanger, en niet in het maatschappelijke resultaat.")


def split_rows(split: BesparingenSplit) -> list[tuple[str, float]]:
    return [(label, getattr(split, key)) for key, label in SPLIT_LABELS]


def low_confidence_text(result: CaseResult) -> str:
    """'€ 12.345 (35%) van het netto resultaat rust op tarieven met een lage
    betrouwbaarheid.' — the share comes from ``model.breakdown``."""
    c = result.comparison
    if c is None:
        return ""
    share = low_confidence_share(result)
    amount = confidence_contributions(result).get("laag", 0.0)
    gross = low_confidence_gross(result)
    if round(gross, 2) == 0:
        return "Geen deel van het netto resultaat rust op tarieven met een lage betrouwbaarheid."
    part = (f"{format_euro(amount)} ({format_percent(share)})" if share is not None
            else format_euro(amount))
    text = (f"{part} van het netto resultaat rust op tarieven met een lage betrouwbaarheid "
            "(afgeleide bedragen of vuistregels)")
    if round(gross, 0) != round(abs(amount), 0):
        text += f"; hun bijdragen in beide richtingen samen zijn {format_euro(gross)}"
    return text + "."


def item_switch_text(s: ItemSwitch) -> str:
    """'het resultaat slaat om als het tarief van Ondertoezichtstelling 58% lager is'."""
    how = "lager" if s.change < 0 else "hoger"
    return (f"het resultaat slaat om als het tarief van {s.item_name} "
            f"{format_percent(abs(s.change))} {how} is")


def line_switch_text(s: LineSwitch) -> str:
    return (f"het resultaat slaat om als de kans op {s.item_name} ({s.scenario_id}, regel "
            f"{s.line_index + 1}) {format_percent(s.switching_probability)} is in plaats van "
            f"{format_percent(s.probability)}")


def switching_sentences(result: CaseResult) -> list[str]:
    """The few tariffs and probabilities nearest to turning the result (FORMATS 1.1)."""
    sv = switching_values(result)
    if sv is None:
        return []
    out = [item_switch_text(s) for s in sv.shown_items]
    out += [line_switch_text(s) for s in sv.shown_lines]
    return [text[0].upper() + text[1:] + "." for text in out]


class MkbaWords:
    """The MKBA view of a worded result. Build it with :func:`mkba_words`."""

    def __init__(self, words: WordedResult):
        self.words = words
        self.result = words.result

    @property
    def uncertain(self) -> bool:
        return self.words.uncertain

    @property
    def comparison(self) -> Comparison:
        c = self.result.comparison
        assert c is not None, "MkbaWords needs a comparison"
        return c

    def view_rows(self) -> list[ViewRow]:
        """The societal row, then each payer (in the comparison's order)."""
        c, unsure = self.comparison, self.uncertain
        rows = [ViewRow("", SOCIETAL_UNSURE if unsure else SOCIETAL,
                        format_euro(c.net_result), "—", "")]
        for payer, value in c.by_payer.items():
            rows.append(ViewRow(payer, payer_label(payer), format_euro(value),
                                format_euro(c.transfers_by_payer.get(payer, 0.0)),
                                payer_role(value, unsure)))
        return rows

    @property
    def societal(self) -> str:
        """The societal figure as a phrase: 'Maatschappelijk (overdrachten vallen weg):
        € 35.279' (with 'onzeker: ongeveer gelijk' in the brackets when uncertain)."""
        row = self.view_rows()[0]
        return f"{row.label}: {row.net}"

    def role(self, payer: str) -> str:
        """A payer's role in a table of payers."""
        return payer_role(self.comparison.by_payer.get(payer, 0.0), self.uncertain)

    @property
    def transfers(self) -> str:
        return transfers_text(self.comparison)

    @property
    def split_title(self) -> str:
        """What the split divides: besparingen, or (uncertain) the difference of inzet."""
        return "Verschil inzet" if self.uncertain else "Potentiële besparingen"

    @property
    def split_column(self) -> str:
        """The split's column title in a table: the title, and which kind it counts."""
        return self.split_title if self.uncertain else f"{self.split_title} (inzet)"

    def split(self) -> list[tuple[str, str]] | None:
        """(label, amount) per part of the split and a total; None when the table states
        nothing about it."""
        split = besparingen_split(self.result)
        if split is None:
            return None
        return [(label, format_euro(value)) for label, value in split_rows(split)] + [
            ("Totaal", format_euro(split.total))]

    @property
    def low_confidence(self) -> str:
        return low_confidence_text(self.result)

    def switching(self) -> list[str]:
        return switching_sentences(self.result)


def mkba_words(words: WordedResult) -> MkbaWords:
    """The MKBA words of ``words`` (a result with a comparison)."""
    return MkbaWords(words)
