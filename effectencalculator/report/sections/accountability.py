"""Verantwoording: cost table, index, items and sources, assumptions, method,
limitations, pseudonymisation, privacy check and the case's save history."""

from __future__ import annotations

from effectencalculator import __version__
from effectencalculator.model.breakdown import probability_share
from effectencalculator.model.uncertainty import UNCERTAIN
from effectencalculator.report.content import (
    NOT_FILLED,
    REPORT_SECTIONS,
    SECTION_TITLES,
    Bullets,
    Column,
    Facts,
    Heading,
    Para,
    Row,
    Section,
    TableBlock,
    empty,
    scenario_title,
)
from effectencalculator.report.format import (
    format_date,
    format_euro,
    format_number,
    format_percent,
    payer_label,
)
from effectencalculator.report.sections.context import PSEUDONYMISATION, Context, euro
from effectencalculator.report.sections.privacy import privacy_blocks


def accountability(ctx: Context) -> Section:
    case, r, table = ctx.case, ctx.result, ctx.table
    section = Section("verantwoording", SECTION_TITLES["verantwoording"])
    add = section.blocks.append

    add(Heading("Kostentabel"))
    add(Facts([
        ("Tabel", f"{table.title or r.table_name}"),
        ("Naam en versie", f"{r.table_name}, versie {r.table_version}"),
        ("sha256 van het tabelbestand", r.table_sha256 or "onbekend"),
        ("Prijspeil van dit rapport", str(r.price_year)),
        ("Prijsindex", table.index.name or "geen"),
        *_base_facts(ctx),
    ]))
    add(_index_table(ctx))

    add(Heading("Gebruikte posten en tarieven"))
    add(_items_table(ctx))

    add(Heading("Bronnen"))
    sources = _used_sources(ctx)
    if "bronnen" in ctx.omit:
        add(Para(f"De lijst van bronnen ({len(sources)}) is op verzoek weggelaten; de "
                 "kostentabel hierboven (naam, versie, sha256) wijst ze aan.", "small"))
    elif sources:
        add(Bullets(sources, small=True))
    else:
        add(empty("Geen bronnen: er zijn geen geprijsde regels."))
    custom = [p for p in r.items.values() if p.custom]
    if custom:
        add(Para("Eigen posten van deze casus (niet uit de kostentabel):", "small"))
        add(Bullets([f"{p.item.name} ({p.item.id}): {format_euro(p.item.tariff, 2)} per "
                     f"{p.item.unit}, prijspeil {p.price_year}. Bron: "
                     f"{' '.join(p.item.source_note.split()) or NOT_FILLED}"
                     for p in sorted(custom, key=lambda p: p.item.id)]))

    add(Heading("Aannames: kansen in de scenario's"))
    assumptions = _probability_overview(ctx)
    if assumptions:
        # The reasoning behind each probability is printed once, under its line in
        # "Inzet en kosten" (with the line's Kans); this is their overview per scenario.
        add(Para("Regels met een kans kleiner dan 100% zijn aannames over wat er zonder de "
                 "nieuwe werkwijze waarschijnlijk was gebeurd (of, in de interventie, over "
                 "onzekere inzet). Hun kosten zijn al met de kans vermenigvuldigd. Elke kans "
                 "staat met haar onderbouwing bij haar regel in \"Inzet en kosten\"; hier "
                 "per scenario hoeveel van de kosten op zulke aannames rust."))
        add(TableBlock([Column("Scenario", weight=2.2),
                        Column("Regels met kans < 100%", "right", 1.1, True),
                        Column("Kansen", "right", 1.0, True),
                        Column("Kosten van die regels", "right", 1.2, True),
                        Column("Deel van het scenario", "right", 1.1, True)], assumptions,
                       key="aannames"))
    else:
        add(empty("Geen regels met een kans kleiner dan 100%."))

    add(Heading("Methode in het kort"))
    for text in _method(ctx):
        add(Para(text))
    add(Heading("Beperkingen"))
    add(Bullets(_limitations(ctx)))
    add(Heading("Pseudonimisering"))
    add(Para(PSEUDONYMISATION))
    add(Heading("Privacycontrole"))
    section.blocks.extend(privacy_blocks(ctx.privacy))

    add(Heading("Opslaggeschiedenis van de casus"))
    if "geschiedenis" in ctx.omit:
        add(Para("Op verzoek weggelaten.", "small"))
    elif case.history:
        add(TableBlock([Column("Opgeslagen", weight=1.6), Column("Programma", weight=0.8),
                        Column("Kostentabel", weight=1.6), Column("sha256 tabel", weight=2.2)],
                       [Row([h.time or "—", h.program_version or "—",
                             h.note or f"{h.cost_table or '—'} {h.cost_table_version}".strip(),
                             h.cost_table_sha256 or "—"]) for h in case.history],
                       key="geschiedenis"))
    else:
        add(empty("Geen opslaggeschiedenis: de casus is nog niet met dit programma "
                  "opgeslagen."))
    add(Heading("Over dit rapport"))
    facts = [("Datum rapport", format_date(ctx.created)),
             ("Programma", f"Effectencalculator {__version__}"),
             ("sha256 van de casus", ctx.case_sha256)]
    add(Facts(facts))
    omitted = [label for key, label in REPORT_SECTIONS.items()
               if key in ctx.omit and (key != "varianten" or ctx.variants_left_out)]
    if omitted:
        add(Para("Weggelaten op verzoek van de onderzoeker: " + ", ".join(omitted)
                 + ". De kerncijfers en deze verantwoording staan altijd in het rapport."))
    add(Para("De sha256 van de casus is berekend over de casus zoals het programma die "
             "opslaat (YAML, UTF-8). Hetzelfde casusbestand met dezelfde kostentabel geeft "
             "een identiek rapport.", "small"))
    if r.warnings:
        add(Para("Meldingen bij de berekening:", "small"))
        add(Bullets([f"{w.path}: {w.message}" if w.path else w.message
                     for w in r.warnings]))
    return section


def _probability_overview(ctx: Context) -> list[Row]:
    """Per scenario: its lines with a probability below 1 (``breakdown``)."""
    rows = []
    for s in ctx.scenarios:
        share = probability_share(s)
        if share is None:
            continue
        spread = format_percent(share.lowest) if share.lowest == share.highest else \
            f"{format_percent(share.lowest)}–{format_percent(share.highest)}"
        rows.append(Row([scenario_title(s), str(share.lines), spread, euro(share.cost),
                         format_percent(share.share) if share.share is not None
                         else "—"]))
    return rows


def _index_table(ctx: Context) -> TableBlock | Para:
    r = ctx.result
    years = sorted({p.price_year for p in r.items.values()})
    values = ctx.table.index.values
    if not years:
        return empty("Geen geprijsde posten.")
    rows = [Row([str(y), format_number(values[y], 2) if y in values else "—",
                 format_number(_factor(ctx, y), 4)]) for y in years]
    return TableBlock([Column("Prijsjaar van de post"), Column("Indexcijfer", "right"),
                       Column(f"Factor naar {r.price_year}", "right")], rows,
                      caption="Indexering van de gebruikte posten", key="index")


def _factor(ctx: Context, year: int) -> float:
    return next(p.index_factor for p in ctx.result.items.values() if p.price_year == year)


def _base_facts(ctx: Context) -> list[tuple[str, str]]:
    """A table that extends another names its bases, and which of their items it changes."""
    table = ctx.table
    facts = [(f"Breidt uit{' (via)' if n else ''}",
              f"{base.name}, versie {base.version} (sha256 {base.sha256})")
             for n, base in enumerate(table.bases)]
    if table.bases:
        changed = sorted(table.overridden)
        facts.append(("Eigen tarieven voor", ", ".join(changed) if changed else "geen posten"
                      " (alleen nieuwe posten)"))
    return facts


def _items_table(ctx: Context) -> TableBlock | Para:
    items = sorted(ctx.result.items.values(), key=lambda p: p.item.id)
    if not items:
        return empty("Geen geprijsde posten.")
    rows = []
    for p in items:
        item = p.item
        source = "eigen post *" if p.custom else ", ".join(item.source)
        if item.id in ctx.table.overridden:
            source += " (tarief vervangt de basistabel)"
        rows.append(Row([f"{item.name} ({item.id})", item.unit,
                         f"{format_euro(item.tariff, 2)} ({p.price_year})",
                         format_euro(p.price, 2), payer_label(item.payer), source]))
    # Name and sources take the width (a derived figure cites many sources): rows of two
    # or three lines rather than five
    return TableBlock([Column("Post (code)", weight=3.3), Column("Eenheid", weight=0.65),
                       Column("Tarief (prijsjaar)", "right", 1.35, True),
                       Column(f"Tarief {ctx.result.price_year}", "right", 0.95, True),
                       Column("Financier", weight=1.0), Column("Bron", weight=3.2)], rows,
                      key="posten")


def _used_sources(ctx: Context) -> list[str]:
    table = ctx.table
    ids: list[str] = []
    for p in sorted(ctx.result.items.values(), key=lambda p: p.item.id):
        if not p.custom:
            ids.extend(i for i in p.item.source if i not in ids)
    if table.index.source and ctx.result.items and table.index.source not in ids:
        if any(p.index_factor != 1.0 for p in ctx.result.items.values()):
            ids.append(table.index.source)
    out = []
    for source_id in sorted(ids):
        src = table.sources.get(source_id)
        if src is None:
            out.append(f"[{source_id}] bron niet gevonden in de kostentabel")
            continue
        parts = [" ".join(str(src.title).split()) or source_id]
        if src.publisher:
            parts.append(str(src.publisher))
        if src.year:
            parts.append(str(src.year))
        text = f"[{source_id}] " + ". ".join(parts) + "."
        if src.url:
            text += f" {src.url}"
        out.append(text)
    return out


def _method(ctx: Context) -> list[str]:
    r = ctx.result
    discount = ("Er is niet gedisconteerd." if not r.discount_rate else
                f"Bedragen in latere jaren zijn gedisconteerd met "
                f"{format_percent(r.discount_rate, 2)} per jaar vanaf {r.first_year}.")
    horizon = (f" Alleen de eerste {r.horizon_years} kalenderjaren tellen mee."
               if r.horizon_years is not None else "")
    return [
        "In een casussessie met het gezin en de betrokken professionals is de periode "
        "gereconstrueerd in twee scenario's op een tijdlijn: de interventie (wat er met "
        "de nieuwe werkwijze werkelijk is gebeurd) en de referentie (wat er in het huidige "
        "stelsel waarschijnlijk was gebeurd). Per scenario zijn de gebeurtenissen in het "
        "leven van het gezin en de ingezette hulp en ondersteuning vastgelegd.",
        "Elke regel inzet is geprijsd als hoeveelheid × tarief × kans. Tarieven komen uit "
        f"de kostentabel (maatschappelijke prijslijst) en zijn met de prijsindex naar "
        f"prijspeil {r.price_year} gebracht. Een hoeveelheid per week of maand is omgerekend "
        "over de dagen van de periode. Kosten over een periode zijn gelijk over de dagen "
        f"verdeeld, zodat er bedragen per jaar en in de tijd zijn. {discount}{horizon}",
        "Het verschil referentie − interventie geeft de potentiële besparingen (inzet: "
        "zorg, ondersteuning, bescherming, justitie) en de baten (andere maatschappelijke "
        "effecten), per financier. Regels die als kosten van de aanpak zijn gemarkeerd, "
        "vormen de investering.",
        "Het rapport toont twee blikken, zoals in een maatschappelijke kosten-batenanalyse "
        "(MKBA) en een business case per financier: maatschappelijk tellen overdrachten "
        "(bijstand, uitkeringen) niet mee, omdat ze geld verplaatsen en geen middelen "
        "gebruiken; per financier tellen ze wel, bij de betaler en met het omgekeerde teken "
        "bij de ontvanger (meestal het huishouden). Omslagwaarden zeggen hoe ver één tarief "
        "of één kans moet veranderen voordat het resultaat van teken wisselt.",
    ] + _uncertainty_method(ctx)


def _uncertainty_method(ctx: Context) -> list[str]:
    u = ctx.uncertainty
    if u is None:
        return []
    ranged = sum(1 for p in ctx.result.items.values()
                 if p.item.low is not None or p.item.high is not None)
    return [
        "Bandbreedte (Monte Carlo). Het verschil is "
        f"{format_number(u.draws)} keer opnieuw berekend met getrokken waarden, met een "
        f"vaste startwaarde van de toevalsgenerator (seed {u.seed}), zodat dezelfde casus "
        "altijd dezelfde bandbreedte geeft. Per trekking krijgt elke post met een "
        "bandbreedte in de kostentabel één tarief uit een driehoeksverdeling (ondergrens, "
        "tarief, bovengrens); dat tarief geldt voor alle regels en scenario's die de post "
        "gebruiken, want het is dezelfde prijs. Elke regel gebeurt of gebeurt niet met zijn "
        "eigen kans (Bernoulli), onafhankelijk van de andere regels. Posten zonder "
        f"bandbreedte houden hun tarief ({format_number(ranged)} van de "
        f"{format_number(len(ctx.result.items))} gebruikte posten hebben een bandbreedte). "
        "Van de uitkomsten zijn P10, P50 en P90 bepaald en het aandeel trekkingen waarin de "
        "interventie goedkoper is. Bevat het interval P10–P90 van het netto resultaat nul, "
        f"dan noemt het rapport het verschil '{UNCERTAIN}' en presenteert het geen besparing.",
        "Gevoeligheid. Per regel is steeds één invoer veranderd terwijl de rest gelijk "
        "bleef: het tarief naar de onder- en bovengrens van de post (waar de kostentabel die "
        "geeft) en de kans naar 0% en 100%. De regels zijn gerangschikt naar de spreiding "
        "van het netto resultaat die dat geeft.",
    ]


def _limitations(ctx: Context) -> list[str]:
    out = [
        "De referentie is een reconstructie achteraf, gebaseerd op de inschatting van het "
        "gezin en de professionals; wat er werkelijk was gebeurd, is niet te weten.",
        "Kansen zijn inschattingen van de deelnemers aan de sessie, geen gemeten "
        "frequenties. Hun toelichting staat bij de regels en hierboven.",
        "Tarieven zijn landelijke of regionale gemiddelden uit openbare bronnen; de "
        "werkelijke kosten van deze casus kunnen afwijken.",
        "Het gaat om één casus: de uitkomst is niet te generaliseren naar andere gezinnen "
        "of naar de proeftuin als geheel.",
        "Niet alles is in geld uit te drukken: veiligheid, welzijn en de beleving van het "
        "gezin staan in de hoofdstukken Perspectieven en Resultaten.",
        "De bandbreedte omvat alleen de onzekerheid in tarieven (waar de kostentabel een "
        "bandbreedte geeft) en in de kansen. Onzekerheid in hoeveelheden en in de "
        "reconstructie van de referentie als geheel zit er niet in; de werkelijke "
        "onzekerheid is dus groter.",
        "De kosten van de kinderrechter (de rechtspraak zelf, per zaak of zitting) zitten "
        "er niet in: de kostentabel heeft er geen post voor, omdat er geen openbaar bedrag "
        "per zaak is gevonden. Alleen de advocaatkosten (toevoegingen) zijn geprijsd.",
    ]
    if ctx.result.productivity_method == "friction" and ctx.result.friction_days:
        out.append("Productiviteitsverlies telt met de frictiekostenmethode van de "
                   f"Kostenhandleiding: alleen de eerste {ctx.result.friction_days} dagen van "
                   "een verzuim (de frictieperiode); wat daarna komt, is niet meegeteld.")
    unpriced = sum(len(s.unpriced_lines) for s in ctx.result.scenarios.values())
    if unpriced:
        out.append(f"{format_number(unpriced)} regel(s) konden niet worden geprijsd en tellen "
                   "nergens mee; de totalen zijn daardoor onvolledig.")
    return out
