"""MKBA blocks of the case report (FORMATS.md 1.1): the two views side by side, the
split of besparingen, the share resting on low-confidence tariffs, switching values."""

from __future__ import annotations

from effectencalculator.model.breakdown import besparingen_split
from effectencalculator.model.switching import switching_values
from effectencalculator.report.content import Column, Heading, Para, Row, TableBlock
from effectencalculator.report.format import format_percent
from effectencalculator.report.mkba_text import (
    NO_SWITCHING,
    SPLIT_EXPLANATION,
    SWITCHING_EXPLANATION,
    VIEWS_EXPLANATION,
    item_switch_text,
    line_switch_text,
    low_confidence_text,
    split_rows,
    transfers_text,
    view_rows,
)
from effectencalculator.report.sections.context import Context, euro, money_column


def views_blocks(ctx: Context) -> list:
    """Societal result and result per payer side by side, with the explanation."""
    c = ctx.result.comparison
    assert c is not None
    rows = []
    for label, value, transfers, role in view_rows(c):
        rows.append(Row([label, euro(value), euro(transfers) if role else "—", role],
                        "total" if not role else "normal"))
    out: list = [Heading("Maatschappelijk en per financier"), Para(VIEWS_EXPLANATION)]
    out.append(TableBlock(
        [Column("Blik", weight=2.2), money_column("Netto (R − I)"),
         money_column("Waarvan overdrachten"), Column("Rol", weight=1.6)], rows,
        caption="Twee blikken op hetzelfde verschil: de samenleving en elke financier",
        key="twee-blikken", legend=transfers_text(c)))
    split = besparingen_split(ctx.result)
    if split is not None:
        out.append(TableBlock(
            [Column("Potentiële besparingen (inzet)", weight=2.6), money_column("Bedrag")],
            [Row([label, euro(value)]) for label, value in split_rows(split)]
            + [Row(["Totaal", euro(split.total)], "total")],
            caption="Wat een financier kan boeken en wat alleen capaciteit vrijmaakt",
            key="besparingen-boekbaar", legend=SPLIT_EXPLANATION))
    out.append(Para(low_confidence_text(ctx.result), "small"))
    return out


def switching_blocks(ctx: Context) -> list:
    """The switching values next to the tornado (FORMATS.md 1.1)."""
    sv = switching_values(ctx.result)
    out: list = [Heading("Omslagwaarden: wanneer slaat het resultaat om?", 3),
                 Para(SWITCHING_EXPLANATION)]
    if sv is None or not (sv.shown_items or sv.shown_lines):
        out.append(Para(NO_SWITCHING, "small"))
        return out
    rows = [Row([_capital(item_switch_text(s)), f"× {s.factor:.2f}".replace(".", ","),
                 euro(s.contribution)]) for s in sv.shown_items]
    rows += [Row([_capital(line_switch_text(s)), format_percent(s.switching_probability),
                  euro(s.contribution)]) for s in sv.shown_lines]
    out.append(TableBlock(
        [Column("Omslag", weight=4.0), Column("Omslagwaarde", "right", 1.0, True),
         money_column("Bijdrage nu")], rows,
        caption="Omslagwaarden van tarieven en kansen", key="omslagwaarden",
        legend="Omslagwaarde: de factor op het tarief of de kans waarbij het netto "
               "resultaat nul is. Bijdrage nu: het deel van het netto resultaat dat op dit "
               "tarief of deze regel rust."))
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
