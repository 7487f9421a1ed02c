"""Verschil en gevoeligheid: the difference per payer and category, investment and
return, and the P10–P50–P90 table of the Monte Carlo interval with its verdict."""

from __future__ import annotations

from effectencalculator.model.breakdown import category_differences, payer_differences
from effectencalculator.model.uncertainty import UNCERTAIN
from effectencalculator.report.content import (
    SECTION_TITLES,
    Column,
    Facts,
    Heading,
    Para,
    Row,
    Section,
    TableBlock,
    empty,
)
from effectencalculator.report.figures import UNSURE, return_text
from effectencalculator.report.format import format_number, format_percent, payer_label
from effectencalculator.report.sections.context import Context, euro, money_column
from effectencalculator.report.sections.mkba import views_blocks
from effectencalculator.report.sections.sensitivity import sensitivity_blocks
from effectencalculator.report.sections.summary import payer_table, uncertain_callout


def difference(ctx: Context) -> Section:
    r = ctx.result
    c = r.comparison
    section = Section("verschil", SECTION_TITLES["verschil"])
    add = section.blocks.append
    unsure = ctx.uncertain
    if c is None:
        add(empty("Geen vergelijking: de casus heeft geen referentie- en interventiescenario "
                  "om te vergelijken."))
    else:
        ref, itv = r.scenarios[c.reference], r.scenarios[c.intervention]
        if unsure:
            add(uncertain_callout(ctx))
        add(Para(f"Het verschil is referentie ({ref.label or ref.id}) min interventie "
                 f"({itv.label or itv.id}). Een positief bedrag is een potentiële besparing "
                 "of baat: kosten die in het huidige stelsel waarschijnlijk waren gemaakt en "
                 "met de nieuwe werkwijze niet. Potentiële besparingen betreffen zorg, "
                 "ondersteuning, bescherming en justitie (inzet); baten zijn andere "
                 "maatschappelijke effecten, zoals een uitkering die stopt of werk dat "
                 "doorgaat (effect). Een negatief bedrag betekent extra kosten."
                 + (" In deze casus is het verschil onzeker (zie de bandbreedte hieronder): "
                    "de bedragen zijn puntschattingen van een verschil, geen aangetoonde "
                    "besparingen." if unsure else "")))
        add(Heading("Per financier"))
        add(payer_table(ctx, key="verschil-financiers",
                        caption="Verschil per financier" if unsure else
                        "Potentiële besparingen, baten en netto per financier"))
        costs_rows = [Row([payer_label(d.key), euro(d.intervention), euro(d.reference),
                           euro(d.difference)]) for d in payer_differences(r)]
        costs_rows.append(Row([ctx.words.total_label, euro(itv.total), euro(ref.total),
                               euro(c.net_result)], "total"))
        add(TableBlock([Column("Financier", weight=1.6), money_column("Interventie"),
                        money_column("Referentie"), money_column("Verschil")],
                       costs_rows, caption="Kosten per financier in beide scenario's",
                       key="kosten-financiers"))
        section.blocks.extend(views_blocks(ctx))
        add(Heading("Per categorie"))
        for kind, label, total in (("inzet", "Potentiële besparingen per categorie",
                                    c.besparingen),
                                   ("effect", "Baten per categorie", c.baten)):
            if unsure:
                label = ("Verschil in inzet per categorie" if kind == "inzet" else
                         "Verschil in effecten per categorie") + f" ({UNCERTAIN})"
            diffs = category_differences(r, kind)
            if not diffs:
                add(Para(f"{label}: geen regels van deze soort.", "small"))
                continue
            rows = [Row([d.key or "—", euro(d.intervention), euro(d.reference),
                         euro(d.difference)]) for d in diffs]
            rows.append(Row(["Totaal", euro(itv.by_kind.get(kind, 0.0)),
                             euro(ref.by_kind.get(kind, 0.0)), euro(total)], "total"))
            add(TableBlock([Column("Categorie", weight=1.6), money_column("Interventie"),
                            money_column("Referentie"), money_column("Verschil")],
                           rows, caption=label, key=f"categorie-{kind}"))
        add(Heading("Investering en opbrengst"))
        ret = c.return_per_euro
        net_text = ctx.words.point_estimate_text(c.net_result)
        if ret is None:
            ret_text = "n.v.t.: er zijn geen regels als kosten van de aanpak gemarkeerd"
        elif unsure:
            ret_text = f"{UNSURE} (puntschatting {return_text(ret)})"
        else:
            ret_text = return_text(ret)
        add(Facts([
            ("Investering in de aanpak", euro(c.investment)),
            ("Netto maatschappelijk resultaat", net_text),
            ("Opbrengst per geïnvesteerde euro", ret_text),
        ]))
        add(Para("De investering is de som van de regels van de interventie die als kosten "
                 "van de nieuwe werkwijze zijn gemarkeerd (◆). De opbrengst per "
                 "geïnvesteerde euro is (netto resultaat + investering) / investering: "
                 "wat elke euro voor de aanpak aan potentiële besparingen en baten "
                 "oplevert.", "small"))
    add(Heading("Gevoeligheid en bandbreedte"))
    if c is None or ctx.uncertainty is None:
        add(empty("Zonder vergelijking is er geen bandbreedte en geen gevoeligheid te "
                  "berekenen."))
        return section
    section.blocks.extend(uncertainty_blocks(ctx))
    section.blocks.extend(sensitivity_blocks(ctx))
    return section


def uncertainty_blocks(ctx: Context) -> list:
    """The P10/P50/P90 table of net result, besparingen and baten with its verdict."""
    u, c = ctx.uncertainty, ctx.result.comparison
    assert u is not None and c is not None
    out: list = [Heading("Bandbreedte van het resultaat", 3)]
    out.append(Para(
        "Hoe zeker is het verschil? De tarieven met een bandbreedte in de kostentabel en de "
        "kansen bij de regels zijn "
        f"{format_number(u.draws)} keer willekeurig getrokken (Monte Carlo; methode: zie de "
        "Verantwoording). P10 is de uitkomst waar 10% van de trekkingen onder blijft, P50 "
        "de middelste (mediaan) en P90 de uitkomst waar 90% onder blijft: tussen P10 en P90 "
        "ligt 80% van de uitkomsten."))
    rows = [Row([name, point, euro(i.mean), euro(i.p10), euro(i.p50), euro(i.p90)])
            for name, point, i in ctx.words.interval_rows()]
    out.append(TableBlock(
        [Column("Referentie − interventie", weight=2.2), money_column("Puntschatting"),
         money_column("Gemiddelde"), money_column("P10"), money_column("P50"),
         money_column("P90")], rows,
        caption=f"Bandbreedte over {format_number(u.draws)} trekkingen (seed {u.seed})",
        key="bandbreedte",
        legend="Puntschatting: de berekening met de tarieven en kansen zoals ingevuld. "
               "Gemiddelde, P10, P50 en P90: over de trekkingen."))
    verdict = ctx.words.verdict()
    assert verdict is not None
    out.append(Facts([
        ("Aantal trekkingen", format_number(u.draws)),
        ("Seed (startwaarde)", str(u.seed)),
        ("Kans dat de interventie goedkoper is",
         f"{format_percent(u.share_intervention_cheaper)} van de trekkingen"),
        ("Oordeel", verdict.phrase),
    ]))
    out.append(Para(
        f"Het gemiddelde onder het onzekerheidsmodel ({euro(u.analytic_mean_net_result)}; "
        f"gemiddelde van de trekkingen {euro(u.net_result.mean)}) kan afwijken van de "
        f"puntschatting ({euro(c.net_result)}). Dat komt doordat bandbreedtes van tarieven "
        "niet altijd symmetrisch rond het tarief liggen: een tarief met een hoge bovengrens "
        "is gemiddeld duurder dan het tarief zelf. Alleen als elke bandbreedte symmetrisch "
        "is, vallen beide samen. De puntschatting blijft het uitgangspunt van dit rapport; "
        "de bandbreedte zegt hoe zeker die is.", "small"))
    return out
