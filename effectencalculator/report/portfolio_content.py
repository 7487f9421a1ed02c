"""What the portfolio report says: plain content blocks built from a ``Portfolio`` (the
cases of one pilot, or several, priced with one table and one price year).

Every amount is a value of the portfolio model (``Portfolio.stats``, ``by_payer``,
``by_category``) or of a case's own ``CaseResult``, formatted with ``report.format``;
the P10–P90 interval per case comes from ``model.uncertainty.simulate`` with its fixed
default seed, so the same cases give the same report. The renderer (``pdf.py``) lays it
out with the look of the case report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from statistics import quantiles
from typing import Callable, Sequence

from effectencalculator import __version__
from effectencalculator.model.calculation import CaseResult, Comparison
from effectencalculator.model.portfolio import Portfolio, PortfolioCase, without_folder
from effectencalculator.model.portfolio_figures import CaseFigures
from effectencalculator.model.portfolio_stats import PortfolioSummary, Spread
from effectencalculator.model.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    UNCERTAIN,
    UncertaintyResult,
)
from effectencalculator.model.validation import Finding
from effectencalculator.report.content import (
    NOT_FILLED,
    Callout,
    ChartBlock,
    Column,
    Cover,
    DocumentContent,
    Facts,
    Heading,
    KeyFigure,
    KeyFigures,
    Metadata,
    NetBar,
    Para,
    PortfolioNetSeries,
    PortfolioSpread,
    Row,
    Section,
    TableBlock,
    case_sha256,
    empty,
    report_date,
)
from effectencalculator.report.figures import UNSURE, return_text, short_verdict
from effectencalculator.report.format import (
    format_date,
    format_euro,
    format_number,
    format_percent,
    payer_label,
)

Progress = Callable[[float, str], None]

CONFIDENTIAL = "Vertrouwelijk"
TITLE = "Portfolio van casussen"

SECTION_TITLES = {
    "samenvatting": "Samenvatting",
    "casussen": "Casussen",
    "verdeling": "Per financier en per categorie",
    "herprijzing": "Opnieuw geprijsd en niet ingelezen",
    "verantwoording": "Verantwoording",
}

FIGURES = (("net_result", "Netto maatschappelijk resultaat"),
           ("besparingen", "Potentiële besparingen (inzet)"),
           ("baten", "Baten (effecten)"),
           ("investment", "Investering in de aanpak"))

MONEY_CAVEAT = (
    "De bedragen zijn schattingen. Per casus is de referentie een gereconstrueerd "
    "scenario: wat volgens het gezin en de betrokken professionals waarschijnlijk was "
    "gebeurd in het huidige stelsel. Het verschil met de interventie is een potentiële "
    "besparing, geen kasstroom. De totalen tellen ook de casussen met een onzeker verschil "
    "mee; hun bijdrage is een puntschatting, geen aangetoonde besparing. Een optelling van "
    "casussen is geen steekproef: het portfolio zegt iets over deze gezinnen, niet over "
    "alle gezinnen in de proeftuin.")


@dataclass
class PortfolioContent(DocumentContent):
    """The portfolio report as data, with the chart the GUI shows too."""

    net_series: PortfolioNetSeries = field(default_factory=lambda: PortfolioNetSeries([]))
    #: the Monte Carlo interval per case, in the order of ``Portfolio.cases`` (None for
    #: a case that was not priced)
    uncertainty: list[UncertaintyResult | None] = field(default_factory=list)


def portfolio_date(portfolio: Portfolio) -> date:
    """A fixed date, so the same cases give the same PDF: the latest report date of the
    cases that could be read (``content.report_date``); today only when none could."""
    days = [report_date(entry.case) for entry in portfolio.cases if entry.case is not None]
    return max(days) if days else date.today()


def case_digests(portfolio: Portfolio) -> list[str | None]:
    """The sha256 of each case (None: not read), in the order of ``portfolio.cases``.
    Computed once per report: each is a YAML dump of the whole case (~6 ms)."""
    return [case_sha256(e.case) if e.case is not None else None for e in portfolio.cases]


def portfolio_sha256(portfolio: Portfolio, digests: list[str | None] | None = None) -> str:
    """One hash over what the figures rest on: each file's name and the sha256 of its
    case (or "fout"), the table's sha256 and the price year."""
    parts = [f"{portfolio.table.name} {portfolio.table.version} {portfolio.table.sha256}",
             f"prijspeil {portfolio.price_year}"]
    if digests is None:
        digests = case_digests(portfolio)
    for entry, digest in zip(portfolio.cases, digests):
        parts.append(f"{entry.path.name} {digest or 'fout'}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _euro(value: float) -> str:
    return format_euro(value)


def _priced(entry: PortfolioCase) -> tuple[CaseResult, Comparison]:
    """The result and comparison of a priced case (``entry.ok``)."""
    r = entry.result
    assert r is not None and r.comparison is not None, "a priced case has a comparison"
    return r, r.comparison


def _money(title: str, weight: float = 1.0) -> Column:
    return Column(title, "right", weight, nowrap=True)


def error_text(finding: Finding) -> str:
    """A finding without the folder of its file (the PDF names the file itself, and
    the same cases elsewhere give the same report): 'regel 6: YAML-fout: …'."""
    where = []
    if finding.line:
        where.append(f"regel {finding.line}")
    if finding.path:
        where.append(finding.path)
    text = f"{finding.severity.value}: {finding.message}"
    return f"{', '.join(where)}: {text}" if where else text


@dataclass
class _Ctx:
    portfolio: Portfolio
    created: date
    digest: str
    uncertainty: list[UncertaintyResult | None]
    #: the sha256 of each case, in the order of ``portfolio.cases`` (None: not read)
    case_digests: list[str | None]
    #: the guardrails, the counted cases and their spread (computed once per report)
    summary: PortfolioSummary

    @property
    def priced(self) -> list[tuple[PortfolioCase, UncertaintyResult | None]]:
        return [(e, u) for e, u in zip(self.portfolio.cases, self.uncertainty) if e.ok]

    @property
    def uncertain_count(self) -> int:
        return sum(1 for _, u in self.priced if u is not None and u.uncertain)

    @property
    def proeftuinen(self) -> list[str]:
        names = {e.case.info.proeftuin.strip() for e in self.portfolio.cases
                 if e.case is not None and e.case.info.proeftuin.strip()}
        return sorted(names)


def build_portfolio_content(portfolio: Portfolio, created: date | None = None,
                            progress: Progress | None = None) -> PortfolioContent:
    """The whole portfolio report as data. ``created`` defaults to
    :func:`portfolio_date`; ``progress(fraction, message)`` follows the Monte Carlo runs."""
    uncertainty: list[UncertaintyResult | None] = []
    n = max(1, len(portfolio.cases))
    for i, entry in enumerate(portfolio.cases):
        if progress is not None:
            progress(i / n, f"Bandbreedte: {entry.code}")
        uncertainty.append(entry.uncertainty)
    digests = case_digests(portfolio)
    ctx = _Ctx(portfolio, created or portfolio_date(portfolio),
               portfolio_sha256(portfolio, digests), uncertainty, digests,
               portfolio.summary())
    series = net_series(ctx.summary.cases)
    sections = [_summary(ctx, series), _cases(ctx), _distribution(ctx), _repricing(ctx),
                _accountability(ctx)]
    table = portfolio.table
    meta = Metadata(
        title=f"{TITLE} — Effectencalculator",
        subject=f"Portfolio van {len(portfolio.cases)} casussen: effecten, baten en "
                "besparingen",
        author="Effectencalculator",
        keywords=["Effectencalculator", "portfolio",
                  f"kostentabel:{table.name} {table.version}",
                  f"portfolio-sha256:{ctx.digest}"] + [e.code for e in portfolio.cases],
        case_sha256=ctx.digest, created=ctx.created)
    return PortfolioContent(_cover(ctx), sections, meta, series, uncertainty)


def guardrail_texts(summary: PortfolioSummary) -> list[str]:
    """The guardrails in words, for the PDF and the window alike: the warnings, how much
    of the total the largest cases carry, the mean with each case left out, the
    duplicates (Dutch)."""
    def pct(x: float) -> str:
        return f"{x * 100:.0f} %"
    out = list(summary.warnings)
    conc, loo, net = summary.concentration, summary.leave_one_out, summary.net_result
    if net is not None:
        out.append(f"Mediaan {_euro(net.median)} naast een gemiddelde van {_euro(net.mean)} "
                   f"per casus (n = {len(summary.cases)}).")
    if conc.top1_share is not None and conc.top3_share is not None:
        out.append(f"De grootste casus ({conc.top1_code}) draagt {pct(conc.top1_share)} van "
                   f"het totale netto resultaat, de grootste drie samen "
                   f"{pct(conc.top3_share)}.")
    if loo is not None:
        out.append(f"Met telkens één casus weggelaten ligt het gemiddelde tussen "
                   f"{_euro(loo.mean_low)} en {_euro(loo.mean_high)} (de grootste invloed: "
                   f"{loo.most_influential}).")
    if summary.duplicates:
        out.append(f"{len(summary.duplicates)} "
                   f"{'bestand heeft' if len(summary.duplicates) == 1 else 'bestanden hebben'}"
                   " dezelfde casuscode als een ander bestand en "
                   f"{'telt' if len(summary.duplicates) == 1 else 'tellen'} niet mee: "
                   + "; ".join(f"{d.code} ({d.path}; geteld: {d.kept})"
                               for d in summary.duplicates) + ".")
    return out


SPREAD_CAPTION = (
    "Elke stip is één casus (open: onzeker, het interval P10–P90 bevat nul). De doos loopt "
    "van het eerste tot het derde kwartiel, de middelste helft van de casussen; de dikke "
    "streep is de mediaan, de ruit het gemiddelde, de lijnen reiken tot de kleinste en de "
    "grootste casus. Ligt het gemiddelde ver van de mediaan, dan trekken een paar casussen "
    "het totaal.")


def net_series(cases: Sequence[CaseFigures]) -> PortfolioNetSeries:
    """Net result per counted case (``PortfolioSummary.cases``: priced, a duplicate
    once), with its P10–P90 (the portfolio chart)."""
    return PortfolioNetSeries([NetBar(c.code, c.net_result, c.p10, c.p90) for c in cases])


def spread_series(cases: Sequence[CaseFigures], net: Spread | None
                  ) -> PortfolioSpread | None:
    """The strip and box chart's data: each counted case, its quartiles, and the
    model's mean and median (``PortfolioSummary.net_result``); None without cases."""
    if net is None or not cases:
        return None
    values = sorted(c.net_result for c in cases)
    q1, _, q3 = quantiles(values, n=4, method="inclusive") if len(values) > 1 else \
        (values[0],) * 3
    return PortfolioSpread(net_series(cases).bars, net.mean, net.median, q1, q3)


# --------------------------------------------------------------------------- cover

def _cover(ctx: _Ctx) -> Cover:
    p, table = ctx.portfolio, ctx.portfolio.table
    n, priced, failed = len(p.cases), len(p.priced), len(p.failed)
    count = f"{format_number(n)}" + (f", waarvan {format_number(priced)} berekend en "
                                     f"{format_number(failed)} niet ingelezen of berekend"
                                     if failed else "")
    starts = [e.case.info.period.start for e in p.cases
              if e.case is not None and e.case.info.period.start]
    ends = [e.case.info.period.end for e in p.cases
            if e.case is not None and e.case.info.period.end]
    facts = [
        ("Casussen", count),
        ("Proeftuinen", ", ".join(ctx.proeftuinen) or NOT_FILLED),
        ("Periode", f"{format_date(min(starts))} t/m {format_date(max(ends))}"
         if starts and ends else NOT_FILLED),
        ("Kostentabel", f"{table.title or table.name} ({table.name}, versie "
                        f"{table.version})"),
        ("Prijspeil", str(p.price_year)),
        ("Datum rapport", format_date(ctx.created)),
    ]
    return Cover("Portfolio Effectencalculator", "", f"{format_number(n)} casussen", facts,
                 f"{CONFIDENTIAL}. Dit rapport bevat gepseudonimiseerde gegevens over "
                 "gezinnen en is alleen bestemd voor de evaluatie van de proeftuinen "
                 "Toekomstscenario kind- en gezinsbescherming.",
                 heading=TITLE, document="Portfolio Effectencalculator",
                 footer=f"portfolio van {format_number(n)} casussen")


# --------------------------------------------------------------------------- summary

def _summary(ctx: _Ctx, series: PortfolioNetSeries) -> Section:
    p = ctx.portfolio
    section = Section("samenvatting", SECTION_TITLES["samenvatting"])
    add = section.blocks.append
    n, priced, failed = len(p.cases), len(p.priced), len(p.failed)
    where = (f" uit {', '.join(ctx.proeftuinen)}" if 0 < len(ctx.proeftuinen) <= 3 else
             f" uit {len(ctx.proeftuinen)} proeftuinen" if ctx.proeftuinen else "")
    text = (f"Dit portfolio bundelt {format_number(n)} casussen{where}. Daarvan "
            f"{'is er' if priced == 1 else 'zijn er'} {format_number(priced)} berekend met de "
            f"kostentabel {p.table.name} (versie {p.table.version}) in prijspeil "
            f"{p.price_year}")
    text += (f"; {format_number(failed)} "
             f"{'kon' if failed == 1 else 'konden'} niet worden ingelezen of berekend en "
             f"{'telt' if failed == 1 else 'tellen'} nergens mee (zie hoofdstuk 4)."
             if failed else ".")
    if priced:
        text += (f" Bij {format_number(ctx.uncertain_count)} van de {format_number(priced)} "
                 "berekende casussen is het verschil tussen referentie en interventie "
                 f"onzeker (het interval P10–P90 van het netto resultaat bevat nul): daar "
                 "kosten de twee scenario's ongeveer even veel.")
    add(Para(text, "lead"))
    if not priced:
        add(empty("Geen enkele casus kon worden berekend; er zijn geen totalen."))
        add(Callout("Zo leest u de bedragen", MONEY_CAVEAT))
        return section
    add(Heading("Kerncijfers"))
    net = p.stats("net_result")
    assert net is not None
    figures = [
        KeyFigure("Casussen berekend", f"{format_number(priced)} van {format_number(n)}",
                  f"{format_number(failed)} niet ingelezen" if failed else "alle ingelezen"),
        KeyFigure("Netto resultaat, totaal", _euro(net.total), "som van de casussen"),
        KeyFigure("Netto resultaat, mediaan", _euro(net.median), "per casus"),
        KeyFigure("Onzeker: ongeveer gelijk",
                  f"{format_number(ctx.uncertain_count)} van {format_number(priced)}",
                  "P10–P90 van het netto resultaat bevat nul"),
    ]
    for figure, label in (("besparingen", "Potentiële besparingen"), ("baten", "Baten"),
                          ("investment", "Investering in de aanpak")):
        stats = p.stats(figure)
        assert stats is not None
        figures.append(KeyFigure(label, _euro(stats.total),
                                 f"totaal; gemiddeld {_euro(stats.mean)} per casus"))
    add(KeyFigures(figures))
    add(Callout("Wat dit portfolio wel en niet zegt", " ".join(guardrail_texts(ctx.summary))))
    add(stats_table(p))
    add(Heading("Netto resultaat per casus"))
    spread = spread_series(ctx.summary.cases, ctx.summary.net_result)
    assert spread is not None  # there are priced cases
    add(ChartBlock("portfolio_spread", "Figuur 1. Spreiding van het netto resultaat over "
                   "de casussen", spread, SPREAD_CAPTION))
    add(ChartBlock("portfolio_net", "Figuur 2. Netto maatschappelijk resultaat per casus",
                   series,
                   "Balken: het netto resultaat (referentie − interventie) per casus, een "
                   "puntschatting; de lijn met streepjes aan de uiteinden is de bandbreedte "
                   "P10–P90. Lichte balken met een gestippelde rand: het interval bevat nul, "
                   f"het verschil is {UNCERTAIN}."))
    add(Callout("Zo leest u de bedragen", MONEY_CAVEAT))
    return section


def stats_table(p: Portfolio) -> TableBlock:
    """Total, mean and median per case of each comparison figure."""
    rows = []
    for figure, label in FIGURES:
        stats = p.stats(figure)
        if stats is not None:
            rows.append(Row([label, _euro(stats.total), _euro(stats.mean),
                             _euro(stats.median)]))
    return TableBlock([Column("Over de berekende casussen", weight=2.2), _money("Totaal"),
                       _money("Gemiddelde per casus"), _money("Mediaan per casus")], rows,
                      caption="Totaal, gemiddelde en mediaan per casus",
                      key="portfolio-totalen")


# --------------------------------------------------------------------------- cases

def _cases(ctx: _Ctx) -> Section:
    p = ctx.portfolio
    section = Section("casussen", SECTION_TITLES["casussen"])
    add = section.blocks.append
    if not p.cases:
        add(empty("Er zijn geen casussen."))
        return section
    add(Para("Per casus de vergelijking en de kerncijfers, in de volgorde van de bestanden. "
             "Alle casussen zijn berekend met dezelfde kostentabel en hetzelfde prijspeil, "
             "zodat de bedragen optelbaar zijn."))
    rows = []
    for entry in p.cases:
        info = entry.case.info if entry.case is not None else None
        c = entry.result.comparison if entry.result is not None else None
        if c is not None:                                  # entry.ok, narrowed
            comparison = f"{c.reference} − {c.intervention}"
            if entry.repriced:
                comparison += " (opnieuw geprijsd)"
        else:
            comparison = "niet ingelezen of niet berekend: zie hoofdstuk 4"
        rows.append(Row([entry.code, (info.title or NOT_FILLED) if info else "—",
                         (info.proeftuin or NOT_FILLED) if info else "—", entry.path.name,
                         comparison]))
    add(TableBlock([Column("Casus", weight=1.1), Column("Titel", weight=1.4),
                    Column("Proeftuin", weight=1.6), Column("Bestand", weight=2.0),
                    Column("Vergelijking", weight=2.0)], rows, caption="Casussen",
                   key="portfolio-casussen"))
    if not p.priced:
        add(empty("Geen enkele casus kon worden berekend."))
        return section
    add(Heading("Kerncijfers per casus"))
    rows = []
    for entry, u in ctx.priced:
        r, c = _priced(entry)
        ref, itv = r.scenarios[c.reference], r.scenarios[c.intervention]
        unsure = u is not None and u.uncertain
        ret = c.return_per_euro
        unpriced = sum(len(s.unpriced_lines) for s in r.scenarios.values())
        rows.append(Row([entry.code, _euro(ref.total), _euro(itv.total),
                         _euro(c.net_result) + (f"\n{UNSURE}" if unsure else ""),
                         _euro(c.besparingen), _euro(c.baten), _euro(c.investment),
                         return_text(ret),
                         format_number(unpriced)]))
    totals = {figure: p.stats(figure) for figure, _ in FIGURES}

    def total(figure: str) -> str:
        stats = totals[figure]
        return _euro(stats.total) if stats is not None else ""
    rows.append(Row(["Totaal", "", "", total("net_result"), total("besparingen"),
                     total("baten"), total("investment"), "", ""], "total"))
    add(TableBlock([Column("Casus", weight=1.3), _money("Totaal referentie"),
                    _money("Totaal interventie"), _money("Netto resultaat"),
                    _money("Potentiële besparingen"), _money("Baten"),
                    _money("Investering"), _money("Opbrengst per euro"),
                    Column("Niet geprijsde regels", "right", 0.8)], rows,
                   caption=f"Referentie − interventie, prijspeil {p.price_year}",
                   key="portfolio-kerncijfers",
                   legend="Onzeker: het interval P10–P90 van het netto resultaat van die "
                          "casus bevat nul; het verschil is dan geen aangetoonde besparing. "
                          "Opbrengst per euro: (netto resultaat + investering) / investering. "
                          "Niet geprijsde regels tellen nergens mee."))
    add(Heading("Onzekerheid per casus"))
    rows = []
    for entry, u in ctx.priced:
        _, c = _priced(entry)
        if u is None:
            continue
        rows.append(Row([entry.code, _euro(c.net_result), _euro(u.net_result.p10),
                         _euro(u.net_result.p50), _euro(u.net_result.p90),
                         format_percent(u.share_intervention_cheaper), short_verdict(u)]))
    add(TableBlock([Column("Casus", weight=1.3), _money("Puntschatting"), _money("P10"),
                    _money("P50"), _money("P90"),
                    Column("Interventie goedkoper", "right", 1.0),
                    Column("Oordeel", weight=1.9)], rows,
                   caption=f"Netto resultaat: bandbreedte over "
                           f"{format_number(DEFAULT_DRAWS)} trekkingen (seed {DEFAULT_SEED})",
                   key="portfolio-onzekerheid",
                   legend="Per casus zijn de tarieven met een bandbreedte en de kansen bij de "
                          "regels willekeurig getrokken (Monte Carlo). Tussen P10 en P90 ligt "
                          "80% van de uitkomsten. Interventie goedkoper: het aandeel "
                          "trekkingen waarin de interventie minder kost dan de referentie."))
    return section


# --------------------------------------------------------------------------- payers, categories

def _distribution(ctx: _Ctx) -> Section:
    p = ctx.portfolio
    section = Section("verdeling", SECTION_TITLES["verdeling"])
    add = section.blocks.append
    net = p.stats("net_result")
    if net is None:
        add(empty("Geen enkele casus kon worden berekend."))
        return section
    add(Para("Het verschil referentie − interventie van alle berekende casussen samen, per "
             "financier en per categorie. Een positief bedrag is een potentiële besparing "
             "of baat voor die financier; een negatief bedrag betekent extra kosten."))
    rows = [Row([payer_label(payer), _euro(value)]) for payer, value in p.by_payer().items()]
    rows.append(Row(["Totaal", _euro(net.total)], "total"))
    add(TableBlock([Column("Financier", weight=2.0), _money("Verschil")], rows,
                   caption="Verschil per financier", key="portfolio-financiers", width=0.6))
    rows = [Row([category or "—", _euro(value)])
            for category, value in p.by_category().items()]
    rows.append(Row(["Totaal", _euro(net.total)], "total"))
    add(TableBlock([Column("Categorie", weight=2.0), _money("Verschil")], rows,
                   caption="Verschil per categorie", key="portfolio-categorieen",
                   width=0.6))
    return section


# --------------------------------------------------------------------------- repricing, errors

def _repricing(ctx: _Ctx) -> Section:
    p = ctx.portfolio
    section = Section("herprijzing", SECTION_TITLES["herprijzing"])
    add = section.blocks.append
    add(Heading("Opnieuw geprijsd"))
    repriced = [e for e in p.cases if e.repriced]
    if repriced:
        add(Para(f"Deze casussen waren met een andere kostentabel, tabelversie of ander "
                 f"prijspeil opgeslagen. Voor dit portfolio zijn ze opnieuw berekend met "
                 f"{p.table.name} (versie {p.table.version}) in prijspeil {p.price_year}; "
                 "hun bedragen kunnen daardoor afwijken van hun eigen casusrapport."))
        add(TableBlock([Column("Casus", weight=1.1), Column("Bestand", weight=1.8),
                        Column("Reden", weight=4.0)],
                       [Row([e.code, e.path.name, "; ".join(e.repriced)]) for e in repriced],
                       key="portfolio-herprijzing"))
    else:
        add(Para("Geen: alle casussen waren al met deze kostentabel en dit prijspeil "
                 "berekend."))
    add(Heading("Niet ingelezen of niet berekend"))
    failed = p.failed
    if failed:
        add(Para(f"{format_number(len(failed))} "
                 f"{'bestand kon' if len(failed) == 1 else 'bestanden konden'} niet worden "
                 "ingelezen of berekend. Ze tellen nergens mee: niet in de totalen, niet in "
                 "het gemiddelde en de mediaan, niet per financier of categorie. Herstel de "
                 "fout en maak het portfolio opnieuw."))
        rows = []
        for entry in failed:
            errors = [f for f in entry.errors if f.is_error] or entry.errors
            messages = [without_folder(error_text(f), entry.path) for f in errors] \
                or ["onbekende fout"]
            rows.append(Row([entry.file_name, entry.code, "\n".join(messages)]))
        add(TableBlock([Column("Bestand", weight=1.8), Column("Casus", weight=1.1),
                        Column("Fout", weight=4.0)], rows, key="portfolio-fouten"))
    else:
        add(Para("Geen: alle casussen zijn ingelezen en berekend."))
    return section


# --------------------------------------------------------------------------- accountability

def _accountability(ctx: _Ctx) -> Section:
    p, table = ctx.portfolio, ctx.portfolio.table
    section = Section("verantwoording", SECTION_TITLES["verantwoording"])
    add = section.blocks.append
    add(Heading("Kostentabel"))
    add(Facts([
        ("Tabel", table.title or table.name),
        ("Naam en versie", f"{table.name}, versie {table.version}"),
        ("sha256 van het tabelbestand", table.sha256 or "onbekend"),
        ("Bronnen in de tabel", format_number(len(table.sources))),
        ("Prijspeil van dit portfolio", str(p.price_year)),
        ("Prijsindex", table.index.name or "geen"),
    ]))
    add(Para("De bronnen van elk gebruikt tarief staan in de Verantwoording van het "
             "casusrapport van iedere casus.", "small"))
    add(Heading("Methode in het kort"))
    add(Para("Elke casus is in een casussessie gereconstrueerd in twee scenario's: de "
             "interventie (wat er met de nieuwe werkwijze werkelijk is gebeurd) en de "
             "referentie (wat er in het huidige stelsel waarschijnlijk was gebeurd). Elke "
             "regel inzet is geprijsd als hoeveelheid × tarief × kans, met de tarieven uit de "
             f"kostentabel, met de prijsindex gebracht naar prijspeil {p.price_year}. Het "
             "verschil referentie − interventie geeft per casus de potentiële besparingen "
             "(inzet) en de baten (andere maatschappelijke effecten); regels die als kosten "
             "van de aanpak zijn gemarkeerd vormen de investering."))
    add(Para("Alle casussen zijn met dezelfde kostentabel en hetzelfde prijspeil berekend, "
             "zodat hun bedragen optelbaar zijn; een casus die met een andere tabel of een "
             "ander prijspeil was opgeslagen, is opnieuw berekend (hoofdstuk 4). Totalen zijn "
             "sommen over de berekende casussen; gemiddelde en mediaan zijn per casus. Een "
             "casus die niet kon worden ingelezen of berekend, telt nergens mee en staat met "
             "zijn fout in hoofdstuk 4."))
    add(Para(f"Bandbreedte per casus: {format_number(DEFAULT_DRAWS)} trekkingen met een vaste "
             f"startwaarde (seed {DEFAULT_SEED}). Per trekking krijgt elke post met een "
             "bandbreedte in de kostentabel één tarief uit een driehoeksverdeling "
             "(ondergrens, tarief, bovengrens), gedeeld door alle regels die de post "
             "gebruiken; elke regel gebeurt of niet met zijn eigen kans (Bernoulli). Bevat "
             "het interval P10–P90 van het netto resultaat nul, dan heet het verschil "
             f"'{UNCERTAIN}'. Het portfolio als geheel heeft geen eigen bandbreedte: de "
             "onzekerheid van de casussen is niet opgeteld."))
    add(Heading("Zo leest u de bedragen"))
    add(Para(MONEY_CAVEAT))
    add(Para("Dit portfolio noemt per casus alleen de casuscode, de fictieve gezinsnaam, de "
             "proeftuin en de bestandsnaam; het verhaal en de perspectieven van de gezinnen "
             "staan in hun eigen casusrapport.", "small"))
    add(Heading("Casussen in dit portfolio"))
    rows = [Row([e.code, e.path.name, digest or "niet ingelezen"])
            for e, digest in zip(p.cases, ctx.case_digests)]
    if rows:
        add(TableBlock([Column("Casus", weight=1.0), Column("Bestand", weight=1.6,
                                                            nowrap=True),
                        Column("sha256 van de casus", weight=5.0)], rows,
                       key="portfolio-hashes"))
    else:
        add(empty("Er zijn geen casussen."))
    add(Heading("Over dit rapport"))
    add(Facts([("Datum rapport", format_date(ctx.created)),
               ("Programma", f"Effectencalculator {__version__}"),
               ("sha256 van het portfolio", ctx.digest)]))
    add(Para("De sha256 van het portfolio is berekend over de bestandsnamen, de sha256 van "
             "elke casus, de kostentabel en het prijspeil. Dezelfde casussen met dezelfde "
             "kostentabel geven een identiek rapport.", "small"))
    return section
