"""The sensitivity part of Verschil en gevoeligheid: the tornado chart and the
ranked table of the lines that move the net result most."""

from __future__ import annotations

from effectencalculator.model.sensitivity import Swing
from effectencalculator.report.content import (
    TOP_SWINGS,
    ChartBlock,
    Column,
    Heading,
    Para,
    Row,
    TableBlock,
    empty,
)
from effectencalculator.report.figures import delta as _delta
from effectencalculator.report.format import format_percent, format_period
from effectencalculator.report.sections.context import (
    Context,
    euro,
    money_column,
    nowrap_dates,
    scenario_label,
)
from effectencalculator.report.sections.mkba import switching_blocks


def sensitivity_blocks(ctx: Context) -> list:
    """The tornado chart and the ranked table of the lines that move the result most."""
    out: list = [Heading("Gevoeligheid per regel", 3)]
    tornado = ctx.tornado
    swings = [s for s in ctx.swings if s.spread > 0][:TOP_SWINGS]
    if tornado is None or not swings:
        out.append(empty("Geen regel kan het netto resultaat veranderen."))
        return out + switching_blocks(ctx)
    moving = sum(1 for s in ctx.swings if s.spread > 0)
    out.append(Para(
        "Welke regels bepalen het resultaat het meest? Per regel is één ding tegelijk "
        "veranderd, terwijl al het andere gelijk blijft: het tarief naar de ondergrens en "
        "naar de bovengrens van de bandbreedte in de kostentabel, en de kans naar 0% (de "
        "inzet gebeurt niet) en naar 100% (de inzet gebeurt zeker). De bedragen zijn de "
        "verandering van het netto resultaat; een plus maakt de interventie gunstiger. "
        f"Getoond zijn de {len(swings)} regels met de grootste spreiding"
        + (f" van de {moving} regels die het resultaat kunnen veranderen." if moving >
           len(swings) else ".")))
    out.append(ChartBlock(
        "tornado", "Figuur 4. Gevoeligheid: het netto resultaat per regel", tornado,
        f"De verticale lijn is de puntschatting van het netto resultaat "
        f"({euro(tornado.base)}). Elke balk loopt van het laagste naar het hoogste netto "
        "resultaat dat ontstaat als één regel verandert (tarief naar onder- of bovengrens, "
        "kans naar 0% of 100%); donker: lager dan de puntschatting, licht: hoger. Een "
        "stippellijn markeert nul als die in de buurt ligt."))
    rows = []
    for rank, s in enumerate(swings, start=1):
        rows.append(Row([str(rank), scenario_label(ctx.case, s.scenario_id), _swing_line(ctx, s),
                         _delta(s.tariff_low), _delta(s.tariff_high),
                         _delta(s.probability_zero), _delta(s.probability_one),
                         euro(s.spread)]))
    out.append(TableBlock(
        [Column("Nr", "right", 0.35), Column("Scenario", weight=1.0),
         Column("Post (regel)", weight=3.0), money_column("Tarief laag"),
         money_column("Tarief hoog"), money_column("Kans 0%"), money_column("Kans 100%"),
         money_column("Spreiding")], rows,
        caption="Gevoeligheid van het netto resultaat per regel, gerangschikt",
        key="gevoeligheid",
        legend="Verandering van het netto resultaat (referentie − interventie) per "
               "variatie. — : de post heeft geen bandbreedte in de kostentabel. Spreiding: "
               "hoogste min laagste uitkomst. Post, periode en kans zoals bij de regel in "
               "hoofdstuk Inzet en kosten; de nummers staan ook in figuur 4."))
    return out + switching_blocks(ctx)


def _swing_line(ctx: Context, swing: Swing) -> str:
    """'Ondertoezichtstelling (1 mrt 2025 – 28 feb 2026, kans 70%)': how the line is
    found back in the line tables."""
    scenario = ctx.result.scenarios.get(swing.scenario_id)
    lr = next((x for x in scenario.lines if x.index == swing.line_index), None) \
        if scenario is not None else None
    if lr is None:
        return swing.item_name
    parts = [nowrap_dates(format_period(lr.first_day, lr.last_day))]
    if lr.line.probability < 1:
        parts.append(f"kans {format_percent(lr.line.probability)}")
    return f"{swing.item_name} ({', '.join(parts)})"
