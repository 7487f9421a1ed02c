"""The words of the MKBA figures (FORMATS.md 1.1), in one place for every output.

PDF, Berekening, the CLI text summary and the XLSX all say the same sentences: the two
views (societal, per payer), the split of besparingen into what can be booked and freed
capacity, how much rests on low-confidence tariffs, and the switching values. Every
amount comes from the model (``Comparison``, ``model.breakdown``, ``model.switching``);
nothing is computed here but the wording. (Meant to be absorbed into ``report/figures``.)
"""

from __future__ import annotations

from effectencalculator.model.breakdown import (
    BesparingenSplit,
    confidence_contributions,
    low_confidence_gross,
    low_confidence_share,
)
from effectencalculator.model.calculation import CaseResult, Comparison
from effectencalculator.model.switching import ItemSwitch, LineSwitch, switching_values
from effectencalculator.report.format import format_euro, format_percent, payer_label

SOCIETAL = "Maatschappelijk (overdrachten vallen weg)"
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


def payer_role(value: float) -> str:
    """How a payer's net difference (R − I) reads: it gains, or it invests."""
    if round(value, 2) > 0:
        return "krijgt de opbrengst"
    if round(value, 2) < 0:
        return "investeert (betaalt meer)"
    return "gelijk"


def view_rows(c: Comparison) -> list[tuple[str, float, float, str]]:
    """(label, net, of which transfers, role): the societal row, then each payer."""
    rows = [(SOCIETAL, c.net_result, 0.0, "")]
    for payer, value in c.by_payer.items():
        rows.append((payer_label(payer), value, c.transfers_by_payer.get(payer, 0.0),
                     payer_role(value)))
    return rows


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
        text += (f"; hun bijdragen in beide richtingen samen zijn {format_euro(gross)}"
                 "")
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


SWITCHING_EXPLANATION = (
    "Omslagwaarden: hoe ver één tarief of één kans moet veranderen (al het andere gelijk) "
    "voordat het netto resultaat nul wordt en van teken wisselt. Getoond zijn de tarieven "
    "en kansen die het dichtst bij hun huidige waarde omslaan.")
NO_SWITCHING = "Geen enkel tarief of kans laat het resultaat op zichzelf omslaan."
