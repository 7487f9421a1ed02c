"""Het verhaal van het gezin, Perspectieven and Resultaten per leefdomein: the
qualitative chapters, in the words of the case."""

from __future__ import annotations

from effectencalculator.model.case import Perspective
from effectencalculator.model.timeline_layout import EVENTS_LANE
from effectencalculator.report.content import (
    NOT_FILLED,
    SECTION_TITLES,
    ChartBlock,
    Column,
    Heading,
    Para,
    Quote,
    Row,
    Section,
    TableBlock,
    direction_text,
    empty,
    paragraphs,
    score_text,
)
from effectencalculator.report.format import format_date_short, format_number
from effectencalculator.report.sections.context import Context, scenario_label


def story(ctx: Context) -> Section:
    case = ctx.case
    section = Section("verhaal", SECTION_TITLES["verhaal"])
    add = section.blocks.append
    texts = paragraphs(case.narrative.summary)
    if texts:
        add(Para(texts[0], "lead"))
        section.blocks.extend(Para(t) for t in texts[1:])
    else:
        add(empty("Het verhaal van het gezin is niet ingevuld."))
    conclusion = paragraphs(case.narrative.conclusion)
    if conclusion:
        add(Heading("Conclusie van de onderzoeker"))
        section.blocks.extend(Para(t) for t in conclusion)

    add(Heading("Het gezin en de sessie"))
    if case.household:
        add(TableBlock([Column("Gezinslid", weight=2), Column("Rol", weight=2),
                        Column("Geboortejaar", "right", 1.3)],
                       [Row([m.label or NOT_FILLED, m.role or "—",
                             str(m.birth_year) if m.birth_year else "—"])
                        for m in case.household], key="huishouden", width=0.6))
    else:
        add(empty("Gezinssamenstelling niet ingevuld."))
    participants = ", ".join(case.info.participants)
    add(Para(f"Deelnemers aan de casussessie: {participants or NOT_FILLED}."))

    add(Heading("Tijdlijn"))
    if ctx.timeline.is_empty:
        add(empty("Er zijn geen gebeurtenissen of regels met een datum."))
    else:
        add(ChartBlock("timeline", "Figuur 1. Tijdlijn: gebeurtenissen en inzet per scenario",
                       ctx.timeline,
                       "Gebeurtenissen bovenaan (nummers: zie de lijst hieronder); daaronder "
                       "per scenario een rij per kostenpost: balken voor inzet over een "
                       "periode, ruiten voor inzet op één dag. Lichtere balken: regels met "
                       "een kans kleiner dan 100%. De grijze band is de casusperiode."))
    add(Heading("Gebeurtenissen"))
    lane = ctx.timeline.lane(EVENTS_LANE)
    if lane is not None and lane.items:
        events = sorted(lane.items, key=lambda i: i.number or 0)
        rows = []
        for item in events:
            event = case.narrative.events[item.source[1]]
            text = event.title or NOT_FILLED
            if event.description:
                text += " — " + " ".join(event.description.split())
            rows.append(Row([str(item.number), format_date_short(event.date),
                             scenario_label(case, event.scenario), event.domain or "—",
                             text]))
        add(TableBlock([Column("Nr", "right", 0.35), Column("Datum", weight=0.95),
                        Column("Scenario", weight=0.9), Column("Leefdomein", weight=1.55),
                        Column("Gebeurtenis", weight=5.0)], rows, key="gebeurtenissen"))
    else:
        add(empty("Geen gebeurtenissen ingevuld."))
    return section


# --------------------------------------------------------------------------- perspectives

def _score_row(p: Perspective) -> Row:
    """A perspective with a safety score: who, role, start, end and the change."""
    score = p.safety_score
    assert score is not None
    start, end = score_text(score.start), score_text(score.end)
    return Row([p.who or NOT_FILLED, p.role or "—", start, end, f"{start} → {end}"])


def perspectives(ctx: Context) -> Section:
    section = Section("perspectieven", SECTION_TITLES["perspectieven"])
    add = section.blocks.append
    items = ctx.case.perspectives
    if not items:
        add(empty("Er zijn geen perspectieven ingevuld."))
        return section
    add(Para("Hoe de betrokkenen de periode hebben beleefd, in hun eigen woorden uit de "
             "casussessie. De veiligheidsscore is het eigen oordeel van de betrokkene over "
             "de veiligheid in het gezin aan het begin en aan het eind van de periode."))
    scored = [p for p in items if p.safety_score is not None]
    if scored:
        add(TableBlock([Column("Betrokkene", weight=2.2), Column("Rol", weight=2.2),
                        Column("Veiligheid begin", "right"), Column("Veiligheid eind", "right"),
                        Column("Verloop", "center")],
                       [_score_row(p) for p in scored], caption="Veiligheidsscores",
                       key="veiligheid"))
    for p in items:
        title = p.who or NOT_FILLED
        if p.role:
            title += f" ({p.role})"
        add(Heading(title, 3))
        texts = paragraphs(p.text)
        if texts:
            section.blocks.extend(Para(t) for t in texts)
        else:
            add(empty())
        for q in p.quotes:
            add(Quote(" ".join(q.split())))
        if p.safety_score is not None:
            add(Para(f"Veiligheidsscore: {score_text(p.safety_score.start)} → "
                     f"{score_text(p.safety_score.end)} (begin → eind).", "small"))
    return section


# --------------------------------------------------------------------------- outcomes

def outcomes(ctx: Context) -> Section:
    section = Section("resultaten", SECTION_TITLES["resultaten"])
    add = section.blocks.append
    if not ctx.case.outcomes:
        add(empty("Er zijn geen resultaten per leefdomein ingevuld."))
        return section
    add(Para("Per leefdomein de situatie aan het begin en aan het eind van de periode, wat "
             "er in de referentie (het huidige stelsel) waarschijnlijk was gebeurd, de "
             "richting van de verandering en wie dat zegt."))
    rows = [Row([o.domain or NOT_FILLED, o.start or NOT_FILLED, o.end or NOT_FILLED,
                 o.reference or NOT_FILLED,
                 direction_text(o.direction) + (f" ({NOT_AGREED})" if o.agreed is False else ""),
                 o.source or NOT_FILLED]) for o in ctx.case.outcomes]
    add(TableBlock([Column("Leefdomein", weight=1.1), Column("Begin", weight=2.2),
                    Column("Eind", weight=2.2), Column("Referentie", weight=2.2),
                    Column("Richting", weight=1.05), Column("Bron", weight=1.4)], rows,
                   key="resultaten",
                   legend="Richting: ↑ verbeterd, = gelijk, ↓ verslechterd, ? onbekend "
                          "(ten opzichte van het begin)."))
    readings = _readings_table(ctx)
    if readings is not None:
        add(Heading("Hoe ieder het ziet"))
        add(Para("De lezing van ieder die een score gaf, op de schaal van het resultaat. "
                 f"'{NOT_AGREED}': de betrokkenen zijn het over dit resultaat niet eens."))
        add(readings)
    return section


NOT_AGREED = "niet eens"
SCALE_NAMES = {"zrm": "ZRM 1–5", "0-10": "0–10"}


def _score(value: float | None) -> str:
    return "—" if value is None else format_number(value, 0 if value == int(value) else 1)


def _readings_table(ctx: Context) -> TableBlock | None:
    rows = []
    for o in ctx.case.outcomes:
        for n, r in enumerate(o.readings):
            change = "—" if r.start is None or r.end is None else (
                ("+" if r.end > r.start else "") + _score(r.end - r.start))
            domain = ""
            if n == 0:
                domain = o.domain or NOT_FILLED
                if o.agreed is False:
                    domain += f" ({NOT_AGREED})"
            rows.append(Row([domain, SCALE_NAMES.get(o.scale, o.scale or "—") if n == 0 else "",
                             r.who or NOT_FILLED, _score(r.start), _score(r.end), change,
                             " ".join(r.note.split())]))
    if not rows:
        return None
    return TableBlock([Column("Leefdomein", weight=1.4), Column("Schaal", weight=0.8),
                       Column("Wie", weight=1.3), Column("Begin", "right", 0.6, True),
                       Column("Eind", "right", 0.6, True), Column("Verschil", "right", 0.7, True),
                       Column("Toelichting", weight=2.6)], rows, key="lezingen")
