"""MKBA blocks of the case report (FORMATS.md 1.1): the two views side by side, the
split of besparingen, the share resting on low-confidence tariffs, switching values."""

from __future__ import annotations

from effectencalculator.model.switching import switching_values
from effectencalculator.report.content import Column, Heading, Para, Row, TableBlock
from effectencalculator.report.figures_mkba import (
    NO_SWITCHING,
    SPLIT_EXPLANATION,
    SWITCHING_EXPLANATION,
    VIEWS_EXPLANATION,
    item_switch_text,
    line_switch_text,
    mkba_words,
)
from effectencalculator.report.format import format_percent
from effectencalculator.report.sections.context import Context, euro, money_column


def views_blocks(ctx: Context) -> list:
    """Societal result and result per payer side by side, with the explanation."""
    mkba = mkba_words(ctx.words)
    rows = [Row([r.label, r.net, r.transfers, r.role], "total" if r.societal else "normal")
            for r in mkba.view_rows()]
    out: list = [Heading("Maatschappelijk en per financier"), Para(VIEWS_EXPLANATION)]
    out.append(TableBlock(
        [Column("Blik", weight=2.2), money_column("Netto (R − I)"),
         money_column("Waarvan overdrachten"), Column("Rol", weight=1.6)], rows,
        caption="Twee blikken op hetzelfde verschil: de samenleving en elke financier",
        key="twee-blikken", legend=mkba.transfers))
    split = mkba.split()
    if split is not None:
        out.append(TableBlock(
            [Column(mkba.split_column, weight=2.6), money_column("Bedrag")],
            [Row([label, value]) for label, value in split[:-1]]
            + [Row(list(split[-1]), "total")],
            caption="Wat een financier kan boeken en wat alleen capaciteit vrijmaakt",
            key="besparingen-boekbaar", legend=SPLIT_EXPLANATION))
    out.append(Para(mkba.low_confidence, "small"))
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
