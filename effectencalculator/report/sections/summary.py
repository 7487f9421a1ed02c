"""The cover and the Samenvatting: key figures, the cost of each scenario and the
difference per payer, with the "onzeker" callout when the interval contains zero."""

from __future__ import annotations

from effectencalculator.model.uncertainty import UNCERTAIN
from effectencalculator.report.content import (
    NOT_FILLED,
    SECTION_TITLES,
    Callout,
    Column,
    Cover,
    Heading,
    KeyFigure,
    KeyFigures,
    Para,
    Row,
    Section,
    TableBlock,
    direction_text,
    empty,
    lead_sentences,
    or_empty,
    scenario_title,
)
from effectencalculator.report.figures import interval_text
from effectencalculator.report.figures_mkba import mkba_words
from effectencalculator.report.format import (
    format_date,
    format_number,
    format_percent,
    format_period,
)
from effectencalculator.report.review_words import review_text
from effectencalculator.report.sections.context import (
    CONFIDENTIAL,
    HALF_OF_CASES,
    MONEY_CAVEAT,
    UNCERTAIN_TITLE,
    Context,
    euro,
    money_column,
)


def cover(ctx: Context) -> Cover:
    info, r = ctx.case.info, ctx.result
    period = format_period(info.period.start, info.period.end).replace(" – ", " t/m ")
    facts = [
        ("Casuscode", info.code or NOT_FILLED),
        ("Proeftuin", or_empty(info.proeftuin)),
        ("Periode", period if info.period.start else NOT_FILLED),
        ("Onderzoeker", or_empty(info.researcher)),
        ("Casussessie", format_date(info.session_date) if info.session_date else NOT_FILLED),
        ("Beoordeling", review_text(info.review)),
        ("Datum rapport", format_date(ctx.created)),
        ("Kostentabel", f"{ctx.table.title or r.table_name} ({r.table_name}, "
                        f"versie {r.table_version})"),
        ("Prijspeil", str(r.price_year)),
    ]
    return Cover("Casusrapport Effectencalculator", info.code, info.title, facts,
                 f"{CONFIDENTIAL}. Dit rapport bevat gepseudonimiseerde gegevens over een "
                 "gezin en is alleen bestemd voor de evaluatie van de proeftuinen "
                 "Toekomstscenario kind- en gezinsbescherming.")


# --------------------------------------------------------------------------- summary

def summary(ctx: Context) -> Section:
    case, r = ctx.case, ctx.result
    section = Section("samenvatting", SECTION_TITLES["samenvatting"], one_page=True)
    add = section.blocks.append
    story = lead_sentences(case.narrative.summary)
    add(Para(story, "lead") if story else empty("Het verhaal is niet ingevuld."))
    c = r.comparison
    add(Heading("Kerncijfers"))
    figures = key_figures(ctx)
    add(KeyFigures(figures))
    if c is not None:
        if ctx.uncertain:
            add(uncertain_callout(ctx, short=True))
        add(scenario_costs_table(ctx))
        add(payer_table(ctx, key="samenvatting-financiers",
                        caption="Verschil per financier (referentie − interventie)",
                        legend=False))
        mkba = mkba_words(ctx.words)
        add(Para(f"{mkba.societal}; per financier de tabel hierboven, het huishouden "
                 "inbegrepen. " + mkba.low_confidence, "small"))
    else:
        add(empty("Geen vergelijking: er is geen referentie- en interventiescenario om te "
                  "vergelijken."))
    add(Heading("Resultaten per leefdomein in één oogopslag"))
    if case.outcomes:
        rows = [Row([o.domain or NOT_FILLED, direction_text(o.direction),
                     o.end or NOT_FILLED]) for o in case.outcomes]
        add(TableBlock([Column("Leefdomein", weight=1.3), Column("Richting", weight=1.0),
                        Column("Situatie aan het eind", weight=4.5)], rows,
                       key="samenvatting-domeinen",
                       legend="↑ verbeterd  = gelijk  ↓ verslechterd  ? onbekend"))
    else:
        add(empty())
    add(Callout("Zo leest u de bedragen", MONEY_CAVEAT))
    return section


def key_figures(ctx: Context) -> list[KeyFigure]:
    """Two rows: the net result beside its P10–P90 interval and the chance that the
    intervention is cheaper (how much, and how sure); then besparingen, baten, the
    investment and its return, worded by ``report.figures`` (so the window and the CLI
    say the same). Labels and notes are kept to one line so the Samenvatting stays on
    one page."""
    return [KeyFigure(f.label, f.value, f.note, f.span)
            for f in ctx.words.key_figures(ctx.scenarios)]


def scenario_costs_table(ctx: Context) -> TableBlock:
    """The cost of every scenario in one row (the basis of the difference)."""
    scenarios = ctx.scenarios
    return TableBlock([money_column(scenario_title(s)) for s in scenarios],
                      [Row([euro(s.total) for s in scenarios])],
                      caption="Kosten per scenario", key="samenvatting-scenarios")


def uncertain_callout(ctx: Context, short: bool = False) -> Callout:
    """What an interval containing zero means, in words a board member can use."""
    u, c = ctx.uncertainty, ctx.result.comparison
    assert u is not None and c is not None
    if short:
        return Callout(UNCERTAIN_TITLE,
                       f"Het interval P10–P90 van het netto resultaat "
                       f"({interval_text(u.net_result)}) bevat nul: de twee scenario's kosten "
                       "ongeveer even veel en dit rapport presenteert geen besparing. "
                       f"{HALF_OF_CASES}")
    return Callout(
        UNCERTAIN_TITLE,
        f"Het verschil tussen de referentie en de interventie is onzeker. De puntschatting "
        f"van het netto resultaat is {euro(c.net_result)}, maar 80% van de uitkomsten van "
        f"de onzekerheidsanalyse ligt tussen {euro(u.net_result.p10)} en "
        f"{euro(u.net_result.p90)}: dat interval bevat nul. In "
        f"{format_percent(u.share_intervention_cheaper)} van de {format_number(u.draws)} "
        "trekkingen was de interventie goedkoper. De twee scenario's kosten dus ongeveer "
        f"even veel, en dit rapport presenteert geen besparing. {HALF_OF_CASES} Wat er voor "
        "het gezin veranderde, staat in de hoofdstukken Perspectieven en Resultaten per "
        "leefdomein.")


def payer_table(ctx: Context, key: str, caption: str, legend: bool = True) -> TableBlock:
    """Besparingen, baten and net per payer, with the comparison's totals. When the
    difference is uncertain, the columns say "verschil" rather than "besparingen"."""
    words = ctx.words
    unsure = words.uncertain
    rows = [Row([r.label, r.besparingen, r.baten, r.difference], "total" if r.total else
                "normal") for r in words.payer_rows()]
    if unsure:
        caption += f" — {UNCERTAIN}, geen besparing aan te tonen"
    besparingen, baten = words.part_titles
    return TableBlock([Column("Financier", weight=1.6), money_column(besparingen),
                       money_column(baten),
                       money_column("Netto (onzeker)" if unsure else "Netto")],
                      rows, caption=caption, key=key,
                      legend="Puntschattingen. Het interval P10–P90 van het netto resultaat "
                             "bevat nul: de verschillen zijn niet als besparing te lezen."
                      if unsure and legend else "")
