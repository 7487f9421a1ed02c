"""The sections of the case report (DESIGN.md, "What the PDF case report holds"), each
built as plain content blocks from the case and its calculation result.

Wording is deliberately careful: money is an estimate of *potentiële* besparingen from a
reconstructed reference scenario, never cash. When the P10–P90 interval of the net result
contains zero, no saving is presented anywhere: every figure of the difference says
"onzeker: ongeveer gelijk" next to its point estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from effectencalculator import __version__
from effectencalculator.model.breakdown import category_differences, payer_differences, \
    reconciliation, year_differences
from effectencalculator.model.calculation import CaseResult, LineResult, ScenarioResult
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.privacy import KIND_LABELS as PRIVACY_KIND_LABELS
from effectencalculator.model.privacy import PrivacyStatus
from effectencalculator.model.sensitivity import Swing
from effectencalculator.model.timeline_layout import EVENTS_LANE, TimelineLayout
from effectencalculator.model.uncertainty import UNCERTAIN, UncertaintyResult
from effectencalculator.model.vocabulary import ALL_SCENARIOS
from effectencalculator.report.content import (
    NOT_FILLED, SECTION_TITLES, TOP_SWINGS, Bullets, Callout, ChartBlock, Column, Cover,
    CumulativeSeries, Facts, Heading, KeyFigure, KeyFigures, Para, PayerSeries, Quote, Row,
    Section, TableBlock, TornadoSeries, direction_text, empty, lead_sentences, or_empty,
    ordered_scenarios, paragraphs, scenario_title, score_text)
from effectencalculator.report.format import (
    format_date, format_date_short, format_euro, format_number, format_percent,
    format_period, format_quantity, payer_label)

CONFIDENTIAL = "Vertrouwelijk"
MONEY_CAVEAT = (
    "De bedragen in dit rapport zijn schattingen. De referentie is een gereconstrueerd "
    "scenario: wat volgens het gezin en de betrokken professionals waarschijnlijk was "
    "gebeurd in het huidige stelsel. Het verschil met de interventie is daarom een "
    "potentiële besparing en geen kasstroom: er komt geen geld vrij dat ergens op een "
    "rekening staat.")
UNCERTAIN_TITLE = "Onzeker: ongeveer gelijk"
HALF_OF_CASES = (
    "Dat is geen uitzondering: evaluaties van vergelijkbare werkwijzen vonden dat de "
    "nieuwe werkwijze in ongeveer de helft van de casussen nauwelijks verschilde van de "
    "oude.")
PSEUDONYMISATION = (
    "Deze casus is gepseudonimiseerd. Het gezin en de betrokkenen worden alleen aangeduid "
    "met een casuscode, een fictieve gezinsnaam en rollen (zoals Moeder, Kind 1, "
    "Professional lokaal team); het rapport bevat geen namen, adressen, geboortedata of "
    "andere direct identificerende gegevens. Geboortejaren en data van gebeurtenissen "
    "staan er alleen in voor zover de analyse ze nodig heeft. Verspreid het rapport alleen "
    "binnen de kring van de evaluatie; de casus is vertrouwelijk.")


@dataclass
class Context:
    case: Case
    result: CaseResult
    table: CostTable
    created: date
    case_sha256: str
    timeline: TimelineLayout
    payers: PayerSeries
    cumulative: CumulativeSeries
    uncertainty: UncertaintyResult | None = None
    swings: list[Swing] = field(default_factory=list)
    tornado: TornadoSeries | None = None
    privacy: PrivacyStatus | None = None

    @property
    def scenarios(self) -> list[ScenarioResult]:
        return ordered_scenarios(self.case, self.result)

    @property
    def uncertain(self) -> bool:
        """The P10–P90 interval of the net result contains zero: claim no saving."""
        return self.uncertainty is not None and self.uncertainty.uncertain


def _money(title: str) -> Column:
    """A right-aligned amount column whose cells never wrap."""
    return Column(title, "right", nowrap=True)


def _euro(value: float) -> str:
    return format_euro(value)


def _scenario_label(case: Case, scenario_id: str) -> str:
    if scenario_id == ALL_SCENARIOS:
        return "beide"
    s = case.scenario(scenario_id)
    return s.id if s is not None else scenario_id


# --------------------------------------------------------------------------- cover

def cover(ctx: Context) -> Cover:
    info, r = ctx.case.info, ctx.result
    period = format_period(info.period.start, info.period.end).replace(" – ", " t/m ")
    facts = [
        ("Casuscode", info.code or NOT_FILLED),
        ("Proeftuin", or_empty(info.proeftuin)),
        ("Periode", period if info.period.start else NOT_FILLED),
        ("Onderzoeker", or_empty(info.researcher)),
        ("Casussessie", format_date(info.session_date) if info.session_date else NOT_FILLED),
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
    investment and its return. When the interval contains zero, no figure of the
    difference is presented as a saving: each says "onzeker" beside its point estimate.
    Labels and notes are kept to one line so the Samenvatting stays on one page."""
    c, u = ctx.result.comparison, ctx.uncertainty
    if c is None:
        return [KeyFigure(f"Kosten {s.id}", _euro(s.total), s.label) for s in ctx.scenarios]
    unsure = ctx.uncertain

    def difference(label: str, value: float, note: str) -> KeyFigure:
        if unsure:
            return KeyFigure(label, "onzeker", f"puntschatting {_euro(value)}")
        return KeyFigure(label, _euro(value), note)

    if unsure:
        figures = [KeyFigure("Netto resultaat", "onzeker",
                             f"ongeveer gelijk; puntschatting {_euro(c.net_result)}")]
    else:
        figures = [KeyFigure("Netto resultaat", _euro(c.net_result), "puntschatting")]
    if u is not None:
        figures.append(KeyFigure(
            "Bandbreedte netto resultaat (P10–P90)", interval_text(u.net_result),
            f"bevat nul: {UNCERTAIN}, geen besparing aan te tonen" if unsure else
            f"80% van de uitkomsten ligt hiertussen; mediaan {_euro(u.net_result.p50)}",
            span=2))
        figures.append(KeyFigure("Kans interventie goedkoper",
                                 format_percent(u.share_intervention_cheaper),
                                 f"van {format_number(u.draws)} trekkingen"))
    ret = c.return_per_euro
    figures += [
        difference("Potentiële besparingen", c.besparingen, "zorg en ondersteuning"),
        difference("Baten", c.baten, "inkomen, werk en overig"),
        KeyFigure("Investering in de aanpak", _euro(c.investment), "kosten nieuwe werkwijze"),
    ]
    if ret is None:
        figures.append(KeyFigure("Opbrengst per euro", "n.v.t.", "geen investering"))
    elif unsure:
        figures.append(KeyFigure("Opbrengst per euro", "onzeker",
                                 f"puntschatting {format_euro(ret, 2)}"))
    else:
        figures.append(KeyFigure("Opbrengst per euro", format_euro(ret, 2),
                                 "per geïnvesteerde euro"))
    return figures


def scenario_costs_table(ctx: Context) -> TableBlock:
    """The cost of every scenario in one row (the basis of the difference)."""
    scenarios = ctx.scenarios
    return TableBlock([_money(s.id) for s in scenarios],
                      [Row([_euro(s.total) for s in scenarios])],
                      caption="Kosten per scenario", key="samenvatting-scenarios")


def interval_text(interval) -> str:
    """'€ 14.426 tot € 68.478' (P10 to P90)."""
    return f"{_euro(interval.p10)} tot {_euro(interval.p90)}"


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
        f"van het netto resultaat is {_euro(c.net_result)}, maar 80% van de uitkomsten van "
        f"de onzekerheidsanalyse ligt tussen {_euro(u.net_result.p10)} en "
        f"{_euro(u.net_result.p90)}: dat interval bevat nul. In "
        f"{format_percent(u.share_intervention_cheaper)} van de {format_number(u.draws)} "
        "trekkingen was de interventie goedkoper. De twee scenario's kosten dus ongeveer "
        f"even veel, en dit rapport presenteert geen besparing. {HALF_OF_CASES} Wat er voor "
        "het gezin veranderde, staat in de hoofdstukken Perspectieven en Resultaten per "
        "leefdomein.")


def payer_table(ctx: Context, key: str, caption: str, legend: bool = True) -> TableBlock:
    """Besparingen, baten and net per payer, with the comparison's totals. When the
    difference is uncertain, the columns say "verschil" rather than "besparingen"."""
    c = ctx.result.comparison
    assert c is not None
    unsure = ctx.uncertain
    rows = [Row([payer_label(p), _euro(c.besparingen_by_payer.get(p, 0.0)),
                 _euro(c.baten_by_payer.get(p, 0.0)), _euro(net)])
            for p, net in c.by_payer.items()]
    rows.append(Row([f"Totaal ({UNCERTAIN})" if unsure else "Totaal", _euro(c.besparingen),
                     _euro(c.baten), _euro(c.net_result)], "total"))
    if unsure:
        caption += f" — {UNCERTAIN}, geen besparing aan te tonen"
    return TableBlock([Column("Financier", weight=1.6),
                       _money("Verschil inzet" if unsure else "Potentiële besparingen"),
                       _money("Verschil effecten" if unsure else "Baten"),
                       _money("Netto (onzeker)" if unsure else "Netto")],
                      rows, caption=caption, key=key,
                      legend="Puntschattingen. Het interval P10–P90 van het netto resultaat "
                             "bevat nul: de verschillen zijn niet als besparing te lezen."
                      if unsure and legend else "")


# --------------------------------------------------------------------------- story

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
                             _scenario_label(case, event.scenario), event.domain or "—",
                             text]))
        add(TableBlock([Column("Nr", "right", 0.35), Column("Datum", weight=0.95),
                        Column("Scenario", weight=0.9), Column("Leefdomein", weight=1.55),
                        Column("Gebeurtenis", weight=5.0)], rows, key="gebeurtenissen"))
    else:
        add(empty("Geen gebeurtenissen ingevuld."))
    return section


# --------------------------------------------------------------------------- perspectives

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
                       [Row([p.who or NOT_FILLED, p.role or "—",
                             score_text(p.safety_score.start),
                             score_text(p.safety_score.end),
                             f"{score_text(p.safety_score.start)} → "
                             f"{score_text(p.safety_score.end)}"])
                        for p in scored], caption="Veiligheidsscores", key="veiligheid"))
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
                 o.reference or NOT_FILLED, direction_text(o.direction),
                 o.source or NOT_FILLED]) for o in ctx.case.outcomes]
    add(TableBlock([Column("Leefdomein", weight=1.1), Column("Begin", weight=2.2),
                    Column("Eind", weight=2.2), Column("Referentie", weight=2.2),
                    Column("Richting", weight=1.05), Column("Bron", weight=1.4)], rows,
                   key="resultaten",
                   legend="Richting: ↑ verbeterd, = gelijk, ↓ verslechterd, ? onbekend "
                          "(ten opzichte van het begin)."))
    return section


# --------------------------------------------------------------------------- costs

LINE_COLUMNS = [Column("Post", weight=2.75), Column("Periode", weight=1.45),
                Column("Hoeveelheid", "right", 1.2), Column("Eenheid", weight=0.85),
                Column("Tarief", "right", 1.0, True), Column("Kans", "right", 0.6, True),
                Column("Kosten", "right", 0.95, True), Column("Financier", weight=1.45)]
LINE_LEGEND = ("* eigen post van deze casus (niet uit de kostentabel)  ◆ kosten van de "
               "aanpak (investering)  Tarief: per eenheid, in prijspeil {year}.  Kosten = "
               "hoeveelheid × tarief × kans.")


def costs(ctx: Context) -> Section:
    r = ctx.result
    section = Section("kosten", SECTION_TITLES["kosten"])
    add = section.blocks.append
    discount = r.discount_rate > 0 or r.horizon_years is not None
    add(Para("Per scenario alle inzet met hoeveelheid, tarief, kans en kosten. De kans is 100% "
             "voor wat werkelijk is gebeurd; bij de referentie is het de geschatte kans dat "
             "de inzet in het huidige stelsel was gevolgd. De toelichting onder elke regel "
             "zegt waar de hoeveelheid en de kans op berusten."
             + (" De regels tonen de kosten zonder discontering; de aansluiting onder de "
                "tabel laat zien hoe discontering en horizon het totaal bepalen."
                if discount else "")))
    if not ctx.scenarios:
        add(empty("Er zijn geen scenario's ingevuld."))
        return section
    for s in ctx.scenarios:
        add(Heading(scenario_title(s)))
        if not s.lines:
            add(empty("Geen regels ingevuld."))
            continue
        add(line_table(ctx, s))
    add(Heading("Kosten per financier"))
    add(ChartBlock("payers", "Figuur 2. Meegetelde kosten per financier en scenario",
                   ctx.payers,
                   f"Meegetelde kosten per financier, prijspeil {r.price_year}."))
    add(Heading("Kosten in de tijd"))
    add(ChartBlock("cumulative", "Figuur 3. Cumulatieve kosten per scenario", ctx.cumulative,
                   "Opgetelde kosten vanaf het begin; kosten over een periode zijn gelijk "
                   "over de dagen verdeeld."))
    years = year_differences(r)
    if years:
        c = r.comparison
        assert c is not None
        rows = [Row([d.key, _euro(d.intervention), _euro(d.reference), _euro(d.difference)])
                for d in years]
        ref, itv = r.scenarios[c.reference], r.scenarios[c.intervention]
        rows.append(Row(["Totaal", _euro(itv.total), _euro(ref.total), _euro(c.net_result)],
                        "total"))
        add(TableBlock([Column("Kalenderjaar"), _money("Interventie"),
                        _money("Referentie"), _money("Verschil")], rows,
                       caption="Kosten per kalenderjaar", key="per-jaar"))
    return section


def _line_row(ctx: Context, lr: LineResult) -> list[Row]:
    line = lr.line
    priced = lr.priced
    name = priced.item.name if priced else line.item
    marks = ("*" if priced and priced.custom else "") + (" ◆" if line.approach_cost else "")
    post = f"{name}{(' ' + marks.strip()) if marks else ''}"
    quantity = format_quantity(lr.quantity)
    if line.rate is not None:
        quantity += f" ({format_quantity(line.rate.quantity)} per {line.rate.per})"
    period = _nowrap_dates(format_period(lr.first_day, lr.last_day))
    probability = format_percent(line.probability)
    if priced is None:
        rows = [Row([post, period, quantity, "—", "—", probability, "niet geprijsd", "—"],
                    "unpriced")]
        rows.append(Row([f"Niet geprijsd: {lr.unpriced_reason}; de regel telt nergens mee."
                         + (f" Toelichting: {' '.join(line.note.split())}" if line.note
                            else "")], "note"))
        return rows
    item = priced.item
    rows = [Row([post, period, quantity, item.unit, format_euro(priced.price, 2),
                 probability, _euro(lr.cost), payer_label(item.payer)])]
    note = " ".join(line.note.split())
    if line.probability < 1:
        prefix = f"Kans {probability}"
        rows.append(Row([f"{prefix}: {note}" if note else
                         f"{prefix}: geen toelichting bij deze kans ingevuld."], "note"))
    elif note:
        rows.append(Row([note], "note"))
    return rows


def _nowrap_dates(period: str) -> str:
    """'6 feb 2025 – 31 jul 2025' may wrap only around the dash (no-break spaces)."""
    return " – ".join(part.replace(" ", "\u00a0") for part in period.split(" – "))


def line_table(ctx: Context, s: ScenarioResult) -> TableBlock:
    r = ctx.result
    rows: list[Row] = []
    for lr in s.lines:
        rows.extend(_line_row(ctx, lr))
    span = len(LINE_COLUMNS)

    def total_row(label: str, value: str, style: str = "total") -> Row:
        return Row([label] + [""] * (span - 3) + [value, ""], style)  # type: ignore[arg-type]

    if r.discount_rate > 0 or r.horizon_years is not None:
        rec = reconciliation(s)
        parts = []
        if r.discount_rate > 0:
            parts.append(f"discontering {format_percent(r.discount_rate, 2)} per jaar vanaf "
                         f"{r.first_year}")
        if r.horizon_years is not None:
            parts.append(f"horizon {r.horizon_years} jaar")
        rows.append(total_row("Som van de regels (zonder discontering)",
                              _euro(rec.undiscounted), "subtotal"))
        rows.append(total_row("Aansluiting: " + " en ".join(parts), _euro(rec.adjustment),
                              "subtotal"))
        rows.append(total_row("Totaal (meegeteld)", _euro(rec.counted)))
    else:
        rows.append(total_row("Totaal", _euro(s.total)))
    rows.append(total_row("waarvan inzet (zorg, ondersteuning, bescherming)",
                          _euro(s.by_kind.get("inzet", 0.0)), "subtotal"))
    rows.append(total_row("waarvan effecten (inkomen, werk, overig)",
                          _euro(s.by_kind.get("effect", 0.0)), "subtotal"))
    if s.investment:
        rows.append(total_row("waarvan kosten van de aanpak ◆", _euro(s.investment),
                              "subtotal"))
    unpriced = len(s.unpriced_lines)
    legend = LINE_LEGEND.format(year=r.price_year)
    if unpriced:
        legend += (f"  Let op: {format_number(unpriced)} regel(s) niet geprijsd; die tellen "
                   "nergens mee.")
    return TableBlock(LINE_COLUMNS, rows, legend=legend, key=f"regels-{s.id}")


# --------------------------------------------------------------------------- difference

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
        costs_rows = [Row([payer_label(d.key), _euro(d.intervention), _euro(d.reference),
                           _euro(d.difference)]) for d in payer_differences(r)]
        costs_rows.append(Row([f"Totaal ({UNCERTAIN})" if unsure else "Totaal",
                               _euro(itv.total), _euro(ref.total), _euro(c.net_result)],
                              "total"))
        add(TableBlock([Column("Financier", weight=1.6), _money("Interventie"),
                        _money("Referentie"), _money("Verschil")],
                       costs_rows, caption="Kosten per financier in beide scenario's",
                       key="kosten-financiers"))
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
            rows = [Row([d.key or "—", _euro(d.intervention), _euro(d.reference),
                         _euro(d.difference)]) for d in diffs]
            rows.append(Row(["Totaal", _euro(itv.by_kind.get(kind, 0.0)),
                             _euro(ref.by_kind.get(kind, 0.0)), _euro(total)], "total"))
            add(TableBlock([Column("Categorie", weight=1.6), _money("Interventie"),
                            _money("Referentie"), _money("Verschil")],
                           rows, caption=label, key=f"categorie-{kind}"))
        add(Heading("Investering en opbrengst"))
        ret = c.return_per_euro
        if unsure:
            net_text = f"{UNCERTAIN} (puntschatting {_euro(c.net_result)})"
            ret_text = (f"onzeker (puntschatting {format_euro(ret, 2)})" if ret is not None
                        else "n.v.t.: er zijn geen regels als kosten van de aanpak "
                             "gemarkeerd")
        else:
            net_text = _euro(c.net_result)
            ret_text = (format_euro(ret, 2) if ret is not None else
                        "n.v.t.: er zijn geen regels als kosten van de aanpak gemarkeerd")
        add(Facts([
            ("Investering in de aanpak", _euro(c.investment)),
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
    rows = [Row([name, _euro(deterministic), _euro(i.mean), _euro(i.p10), _euro(i.p50),
                 _euro(i.p90)])
            for name, deterministic, i in (
                ("Netto maatschappelijk resultaat", c.net_result, u.net_result),
                ("Potentiële besparingen (inzet)", c.besparingen, u.besparingen),
                ("Baten (effecten)", c.baten, u.baten))]
    out.append(TableBlock(
        [Column("Referentie − interventie", weight=2.2), _money("Puntschatting"),
         _money("Gemiddelde"), _money("P10"), _money("P50"), _money("P90")], rows,
        caption=f"Bandbreedte over {format_number(u.draws)} trekkingen (seed {u.seed})",
        key="bandbreedte",
        legend="Puntschatting: de berekening met de tarieven en kansen zoals ingevuld. "
               "Gemiddelde, P10, P50 en P90: over de trekkingen."))
    if u.uncertain:
        judgement = (f"{UNCERTAIN}: het interval P10–P90 van het netto resultaat "
                     f"({interval_text(u.net_result)}) bevat nul; er is geen besparing aan "
                     "te tonen.")
    elif u.net_result.p10 > 0:
        judgement = ("de interventie is waarschijnlijk goedkoper: het hele interval P10–P90 "
                     "van het netto resultaat ligt boven nul.")
    else:
        judgement = ("de interventie is waarschijnlijk duurder: het hele interval P10–P90 "
                     "van het netto resultaat ligt onder nul.")
    out.append(Facts([
        ("Aantal trekkingen", format_number(u.draws)),
        ("Seed (startwaarde)", str(u.seed)),
        ("Kans dat de interventie goedkoper is",
         f"{format_percent(u.share_intervention_cheaper)} van de trekkingen"),
        ("Oordeel", judgement),
    ]))
    out.append(Para(
        f"Het gemiddelde onder het onzekerheidsmodel ({_euro(u.analytic_mean_net_result)}; "
        f"gemiddelde van de trekkingen {_euro(u.net_result.mean)}) kan afwijken van de "
        f"puntschatting ({_euro(c.net_result)}). Dat komt doordat bandbreedtes van tarieven "
        "niet altijd symmetrisch rond het tarief liggen: een tarief met een hoge bovengrens "
        "is gemiddeld duurder dan het tarief zelf. Alleen als elke bandbreedte symmetrisch "
        "is, vallen beide samen. De puntschatting blijft het uitgangspunt van dit rapport; "
        "de bandbreedte zegt hoe zeker die is.", "small"))
    return out


def _delta(value: float | None) -> str:
    """A change of the net result: '+€ 1.234', '−€ 567' ('—' without a bound)."""
    if value is None:
        return "—"
    text = _euro(abs(value))
    if text == _euro(0):
        return text
    return ("+" if value > 0 else "−") + text


def sensitivity_blocks(ctx: Context) -> list:
    """The tornado chart and the ranked table of the lines that move the result most."""
    out: list = [Heading("Gevoeligheid per regel", 3)]
    tornado = ctx.tornado
    swings = [s for s in ctx.swings if s.spread > 0][:TOP_SWINGS]
    if tornado is None or not swings:
        out.append(empty("Geen regel kan het netto resultaat veranderen."))
        return out
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
        f"({_euro(tornado.base)}). Elke balk loopt van het laagste naar het hoogste netto "
        "resultaat dat ontstaat als één regel verandert (tarief naar onder- of bovengrens, "
        "kans naar 0% of 100%); donker: lager dan de puntschatting, licht: hoger. Een "
        "stippellijn markeert nul als die in de buurt ligt."))
    rows = []
    for rank, s in enumerate(swings, start=1):
        rows.append(Row([str(rank), s.scenario_id, _swing_line(ctx, s),
                         _delta(s.tariff_low), _delta(s.tariff_high),
                         _delta(s.probability_zero), _delta(s.probability_one),
                         _euro(s.spread)]))
    out.append(TableBlock(
        [Column("Nr", "right", 0.35), Column("Scenario", weight=1.0),
         Column("Post (regel)", weight=3.0), _money("Tarief laag"), _money("Tarief hoog"),
         _money("Kans 0%"), _money("Kans 100%"), _money("Spreiding")], rows,
        caption="Gevoeligheid van het netto resultaat per regel, gerangschikt",
        key="gevoeligheid",
        legend="Verandering van het netto resultaat (referentie − interventie) per "
               "variatie. — : de post heeft geen bandbreedte in de kostentabel. Spreiding: "
               "hoogste min laagste uitkomst. Post, periode en kans zoals bij de regel in "
               "hoofdstuk Inzet en kosten; de nummers staan ook in figuur 4."))
    return out


def _swing_line(ctx: Context, swing: Swing) -> str:
    """'Ondertoezichtstelling (1 mrt 2025 – 28 feb 2026, kans 70%)': how the line is
    found back in the line tables."""
    scenario = ctx.result.scenarios.get(swing.scenario_id)
    lr = next((x for x in scenario.lines if x.index == swing.line_index), None) \
        if scenario is not None else None
    if lr is None:
        return swing.item_name
    parts = [_nowrap_dates(format_period(lr.first_day, lr.last_day))]
    if lr.line.probability < 1:
        parts.append(f"kans {format_percent(lr.line.probability)}")
    return f"{swing.item_name} ({', '.join(parts)})"


# --------------------------------------------------------------------------- accountability

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
    ]))
    add(_index_table(ctx))

    add(Heading("Gebruikte posten en tarieven"))
    add(_items_table(ctx))

    add(Heading("Bronnen"))
    sources = _used_sources(ctx)
    if sources:
        add(Bullets(sources))
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
    assumptions = []
    for s in ctx.scenarios:
        for lr in s.lines:
            if lr.line.probability < 1:
                name = lr.priced.item.name if lr.priced else lr.line.item
                note = " ".join(lr.line.note.split()) or "geen toelichting ingevuld"
                assumptions.append(Row([s.id, name, format_percent(lr.line.probability),
                                        _euro(lr.cost), note]))
    if assumptions:
        add(Para("Regels met een kans kleiner dan 100% zijn aannames over wat er zonder de "
                 "nieuwe werkwijze waarschijnlijk was gebeurd (of, in de interventie, over "
                 "onzekere inzet). Hun kosten zijn al met de kans vermenigvuldigd."))
        add(TableBlock([Column("Scenario", weight=0.9), Column("Post", weight=2.0),
                        Column("Kans", "right", 0.55, True), Column("Kosten", "right", 0.85, True),
                        Column("Onderbouwing", weight=5.0)], assumptions,
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
    if case.history:
        add(TableBlock([Column("Opgeslagen", weight=1.6), Column("Programma", weight=0.8),
                        Column("Kostentabel", weight=1.6), Column("sha256 tabel", weight=2.2)],
                       [Row([h.time or "—", h.program_version or "—",
                             f"{h.cost_table or '—'} {h.cost_table_version}".strip(),
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
    add(Para("De sha256 van de casus is berekend over de casus zoals het programma die "
             "opslaat (YAML, UTF-8). Hetzelfde casusbestand met dezelfde kostentabel geeft "
             "een identiek rapport.", "small"))
    if r.warnings:
        add(Para("Meldingen bij de berekening:", "small"))
        add(Bullets([f"{w.path}: {w.message}" if w.path else w.message
                     for w in r.warnings]))
    return section


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


def _items_table(ctx: Context) -> TableBlock | Para:
    items = sorted(ctx.result.items.values(), key=lambda p: p.item.id)
    if not items:
        return empty("Geen geprijsde posten.")
    rows = []
    for p in items:
        item = p.item
        source = "eigen post *" if p.custom else ", ".join(item.source)
        rows.append(Row([f"{item.name} ({item.id})", item.unit,
                         f"{format_euro(item.tariff, 2)} ({p.price_year})",
                         format_euro(p.price, 2), payer_label(item.payer), source]))
    return TableBlock([Column("Post (code)", weight=2.7), Column("Eenheid", weight=0.75),
                       Column("Tarief (prijsjaar)", "right", 1.35, True),
                       Column(f"Tarief {ctx.result.price_year}", "right", 0.95, True),
                       Column("Financier", weight=1.25), Column("Bron", weight=2.3)], rows,
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


PRIVACY_CHECKED = (
    "volledige geboortedata, postcodes, telefoonnummers, e-mailadressen, BSN-achtige "
    "nummers (negen cijfers die aan de 11-proef voldoen), straatnamen met huisnummer en de "
    "woorden van de eigen niet-exporteren-lijst van de onderzoeker (zoals echte namen, "
    "straat en school)")


def privacy_blocks(status: PrivacyStatus | None) -> list:
    """The privacy statement. Findings are named by location and kind only: the found
    text itself may be a real name and never appears here."""
    if status is None:
        return [Para("De privacycontrole is voor dit rapport niet uitgevoerd. Controleer "
                     "het rapport daarom zelf op gegevens die het gezin of de betrokkenen "
                     "herkenbaar maken voordat u het verspreidt.")]
    out: list = [Para(
        "Voor dit rapport is de privacycontrole uitgevoerd. Alle vrije tekst van de casus "
        "(verhaal, gebeurtenissen, perspectieven en citaten, resultaten, toelichtingen bij "
        f"regels, eigen posten) is doorzocht op {PRIVACY_CHECKED}.")]
    findings, accepted, open_ = status.findings, status.accepted, status.open
    if not findings:
        out.append(Para("De controle vond niets."))
        return out
    what = "mogelijk herleidbaar gegeven" if len(findings) == 1 else \
        "mogelijk herleidbare gegevens"
    out.append(Para(
        f"De controle vond {format_number(len(findings))} {what}; "
        f"daarvan {'is' if len(accepted) == 1 else 'zijn'} {format_number(len(accepted))} "
        "bewust geaccepteerd (beoordeeld en niet herleidbaar bevonden, of bewust toch "
        "geëxporteerd)"
        + (f" en {'staat' if len(open_) == 1 else 'staan'} {format_number(len(open_))} "
           "nog open." if open_ else ".")
        + " Hieronder staan ze met hun vindplaats en soort; de gevonden tekst zelf staat "
        "niet in deze verantwoording."))
    rows = [Row([privacy_location(f.path), PRIVACY_KIND_LABELS.get(f.kind, f.kind),
                 "geaccepteerd"]) for f in accepted]
    rows += [Row([privacy_location(f.path), PRIVACY_KIND_LABELS.get(f.kind, f.kind),
                  "open"]) for f in open_]
    out.append(TableBlock([Column("Vindplaats", weight=3.0), Column("Soort", weight=3.0),
                           Column("Status", weight=1.0)], rows, key="privacy"))
    return out


_PRIVACY_PARTS = {
    "case": "casusgegevens", "title": "titel", "researcher": "onderzoeker",
    "participants": "deelnemer", "household": "gezinslid", "label": "naam",
    "narrative": "verhaal", "summary": "samenvatting", "events": "gebeurtenis",
    "description": "beschrijving", "perspectives": "perspectief", "who": "wie",
    "text": "tekst", "quotes": "citaat", "outcomes": "resultaat", "start": "begin",
    "end": "eind", "reference": "referentie", "source": "bron", "scenarios": "scenario",
    "lines": "regel", "note": "toelichting", "custom_items": "eigen post", "name": "naam",
    "source_note": "bronvermelding",
}


def privacy_location(path: str) -> str:
    """'perspectives[0].quotes[1]' → 'perspectief 1, citaat 2 (perspectives[0].quotes[1])':
    made from the location alone, never from the field's content."""
    parts = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        label = _PRIVACY_PARTS.get(name, name)
        if rest:
            label += " " + " ".join(str(int(i) + 1) for i in
                                    rest.rstrip("]").split("][") if i.isdigit())
        parts.append(label)
    return f"{', '.join(parts)} ({path})"


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
    ]
    unpriced = sum(len(s.unpriced_lines) for s in ctx.result.scenarios.values())
    if unpriced:
        out.append(f"{format_number(unpriced)} regel(s) konden niet worden geprijsd en tellen "
                   "nergens mee; de totalen zijn daardoor onvolledig.")
    return out
