"""The rows of every export sheet, built from the calculation results only.

Numbers stay numbers (floats, unrounded; the spreadsheet formats them), so evaluators
can pivot and sum them. Column names are Dutch: they are what users see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from effectencalculator.model.breakdown import (
    besparingen_split,
    confidence_contributions,
    low_confidence_share,
)
from effectencalculator.model.calculation import CaseResult
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.gc_pause import gc_paused
from effectencalculator.model.portfolio import Portfolio
from effectencalculator.model.switching import switching_values
from effectencalculator.report.figures import short_verdict, worded
from effectencalculator.report.figures_mkba import VIEWS_EXPLANATION, mkba_words

if TYPE_CHECKING:
    from effectencalculator.model.uncertainty import UncertaintyResult


@dataclass
class Sheet:
    name: str
    columns: list[str]
    rows: list[list[Any]]
    #: columns holding euro amounts (formatted as money in XLSX)
    money: tuple[str, ...] = ()


LINE_COLUMNS = ["casus", "scenario", "rol", "regel", "post", "naam", "eigen post", "soort",
                "categorie", "financier", "eenheid", "hoeveelheid", "per",
                "hoeveelheid per periode",
                "datum", "begin", "einde", "kans", "kosten aanpak", "tarief", "prijspeil post",
                "indexfactor", "prijs", "kosten", "kosten geteld", "geprijsd", "toelichting"]
LINE_MONEY = ("tarief", "prijs", "kosten", "kosten geteld")


def line_rows(case: Case, result: CaseResult, scenario_id: str | None = None) -> list[list]:
    """Every input of every line with its computed cost (undiscounted and as counted)."""
    rows = []
    for s in result.scenarios.values():
        if scenario_id is not None and s.id != scenario_id:
            continue
        for r in s.lines:
            line, priced = r.line, r.priced
            item = priced.item if priced else None
            rows.append([
                result.case_code, s.id, s.role, r.index + 1, line.item,
                item.name if item else "", bool(priced and priced.custom),
                item.kind if item else "", item.category if item else "",
                (r.payer or item.payer) if item else "", item.unit if item else "",
                r.quantity, line.rate.per if line.rate else "",
                line.rate.quantity if line.rate else None,
                line.date, line.start, line.end, line.probability, line.approach_cost,
                item.tariff if item else None, priced.price_year if priced else None,
                priced.index_factor if priced else None, priced.price if priced else None,
                r.cost if priced else None, r.counted if priced else None,
                priced is not None, line.note or r.unpriced_reason])
    return rows


def summary_sheet(result: CaseResult,
                  uncertainty: UncertaintyResult | None = None) -> Sheet:
    """Long format (figure, scenario, key, value): one number per row, easy to pivot.

    With ``uncertainty`` the Monte Carlo interval follows, and the verdict says whether
    the difference is uncertain (P10–P90 of the net result contains zero).
    """
    rows: list[list[Any]] = [
        ["casus", "", "code", result.case_code],
        ["prijspeil", "", "", result.price_year],
        ["kostentabel", "", f"{result.table_name} {result.table_version}",
         result.table_sha256],
        ["disconteringsvoet", "", "", result.discount_rate],
        ["tijdshorizon (jaren)", "", "", result.horizon_years],
    ]
    for s in result.scenarios.values():
        rows.append(["totaal", s.id, "", s.total])
        rows.append(["investering", s.id, "", s.investment])
        rows.append(["niet geprijsde regels", s.id, "", len(s.unpriced_lines)])
        for group, values in (("per financier", s.by_payer), ("per soort", s.by_kind),
                              ("per categorie", s.by_category), ("per jaar", s.by_year)):
            for key, value in values.items():
                rows.append([group, s.id, str(key), value])
    c = result.comparison
    if c is not None:
        label = f"{c.reference} − {c.intervention}"
        figures: tuple[tuple[str, float | None], ...] = (
            ("netto resultaat", c.net_result), ("besparingen", c.besparingen),
            ("baten", c.baten), ("investering", c.investment),
            ("opbrengst per geïnvesteerde euro", c.return_per_euro))
        for figure, amount in figures:
            rows.append([figure, label, "", amount])
        for group, values in (("verschil per financier", c.by_payer),
                              ("besparingen per financier", c.besparingen_by_payer),
                              ("baten per financier", c.baten_by_payer),
                              ("verschil per categorie", c.by_category)):
            for key, value in values.items():
                rows.append([group, label, key, value])
        if uncertainty is not None:
            u = uncertainty
            for figure, interval in (("netto resultaat", u.net_result),
                                     ("besparingen", u.besparingen), ("baten", u.baten)):
                for name in ("p10", "p50", "p90"):
                    rows.append([f"{figure} {name.upper()}", label,
                                 f"{u.draws} trekkingen", getattr(interval, name)])
            rows.append(["kans interventie goedkoper", label, "", u.share_intervention_cheaper])
            rows.append(["oordeel", label, "", short_verdict(u)])
        rows += _mkba_summary_rows(result, label)
    return Sheet("Samenvatting", ["grootheid", "scenario", "sleutel", "waarde"], rows)


def _mkba_summary_rows(result: CaseResult, label: str) -> list[list[Any]]:
    """FORMATS.md 1.1: transfers, the split of besparingen, confidence, switching values."""
    c = result.comparison
    assert c is not None
    rows: list[list[Any]] = [["overdrachten", label, "", c.transfers]]
    rows += [["overdrachten per financier", label, key, value]
             for key, value in c.transfers_by_payer.items()]
    split = besparingen_split(result)
    if split is not None:
        rows += [["besparingen naar boekbaarheid", label, "te boeken (cashable)",
                  split.bookable],
                 ["besparingen naar boekbaarheid", label, "capaciteit", split.capacity],
                 ["besparingen naar boekbaarheid", label, "niet vermeld", split.unstated]]
    rows += [["netto per betrouwbaarheid", label, key or "onbekend", value]
             for key, value in confidence_contributions(result).items()]
    rows.append(["aandeel lage betrouwbaarheid", label, "", low_confidence_share(result)])
    sv = switching_values(result)
    if sv is not None:
        rows += [["omslagwaarde tarief (factor)", label, s.item_id, s.factor]
                 for s in sv.shown_items]
        rows += [["omslagwaarde kans", label, f"{s.scenario_id} regel {s.line_index + 1}",
                  s.switching_probability] for s in sv.shown_lines]
    return rows


VIEW_COLUMNS = ["blik", "netto (R − I)", "potentiële besparingen", "baten", "overdrachten",
                "rol"]


def views_sheet(result: CaseResult,
                uncertainty: UncertaintyResult | None = None) -> Sheet | None:
    """Both views side by side: the societal result and the result per payer, labelled
    and with the roles of ``report.figures_mkba`` (uncertain: no payer 'gains')."""
    c = result.comparison
    if c is None:
        return None
    words = mkba_words(worded(result, uncertainty))
    societal = words.view_rows()[0]
    rows: list[list[Any]] = [[societal.label, c.net_result, c.besparingen, c.baten, 0.0, ""]]
    for payer, value in c.by_payer.items():
        rows.append([payer, value, c.besparingen_by_payer.get(payer, 0.0),
                     c.baten_by_payer.get(payer, 0.0), c.transfers_by_payer.get(payer, 0.0),
                     words.role(payer)])
    rows.append([VIEWS_EXPLANATION, None, None, None, None, ""])
    return Sheet("Maatschappij en financiers", VIEW_COLUMNS, rows, tuple(VIEW_COLUMNS[1:5]))


ITEM_COLUMNS = ["post", "naam", "eigen post", "categorie", "soort", "eenheid", "tarief",
                "prijspeil", "indexfactor", "prijs", "laag", "hoog", "financier", "bron",
                "bron-url", "toelichting"]


def item_rows(result: CaseResult, table: CostTable) -> list[list]:
    rows = []
    for item_id, priced in sorted(result.items.items()):
        item = priced.item
        sources = [table.sources[s] for s in item.source if s in table.sources]
        rows.append([
            item_id, item.name, priced.custom, item.category, item.kind, item.unit,
            item.tariff, priced.price_year, priced.index_factor, priced.price, item.low,
            item.high, item.payer,
            "; ".join(s.title for s in sources) or item.source_note,
            " ".join(s.url for s in sources), item.note])
    return rows


def case_sheets(case: Case, result: CaseResult, table: CostTable,
                uncertainty: UncertaintyResult | None = None) -> list[Sheet]:
    sheets = [summary_sheet(result, uncertainty)]
    views = views_sheet(result, uncertainty)
    if views is not None:
        sheets.append(views)
    for s in result.scenarios.values():
        sheets.append(Sheet(f"Regels {s.id}", LINE_COLUMNS, line_rows(case, result, s.id),
                            LINE_MONEY))
    sheets.append(Sheet("Posten en bronnen", ITEM_COLUMNS, item_rows(result, table),
                        ("tarief", "prijs", "laag", "hoog")))
    return sheets


PORTFOLIO_COLUMNS = ["casus", "titel", "proeftuin", "bestand", "referentie", "interventie",
                     "totaal referentie", "totaal interventie", "netto resultaat",
                     "netto resultaat P10", "netto resultaat P90", "oordeel",
                     "besparingen", "baten", "investering", "opbrengst per euro",
                     "niet geprijsde regels", "opnieuw geprijsd", "fout"]
PORTFOLIO_MONEY = ("totaal referentie", "totaal interventie", "netto resultaat",
                   "netto resultaat P10", "netto resultaat P90", "besparingen", "baten",
                   "investering")


def portfolio_case_rows(portfolio: Portfolio) -> list[list]:
    rows = []
    for entry in portfolio.cases:
        info = entry.case.info if entry.case else None
        base: list[Any] = [entry.code, info.title if info else "",
                           info.proeftuin if info else "", entry.file_name]
        result = entry.result
        c = result.comparison if result is not None else None
        if result is not None and c is not None:          # entry.ok, narrowed
            ref, itv = result.scenarios[c.reference], result.scenarios[c.intervention]
            unpriced = sum(len(s.unpriced_lines) for s in result.scenarios.values())
            u = entry.uncertainty
            rows.append(base + [c.reference, c.intervention, ref.total, itv.total,
                                c.net_result, u.net_result.p10 if u else None,
                                u.net_result.p90 if u else None, short_verdict(u),
                                c.besparingen, c.baten, c.investment,
                                c.return_per_euro, unpriced, "; ".join(entry.repriced), ""])
        else:
            rows.append(base + ["", "", None, None, None, None, None, "", None, None, None,
                                None, None, "; ".join(entry.repriced),
                                "; ".join(entry.error_texts())])
    return rows


def portfolio_sheets(portfolio: Portfolio) -> list[Sheet]:
    with gc_paused():  # ~90 000 rows for 1 000 cases, all kept
        return _portfolio_sheets(portfolio)


def _portfolio_sheets(portfolio: Portfolio) -> list[Sheet]:
    totals: list[list[Any]] = [["kostentabel", "", f"{portfolio.table.name} "
                                f"{portfolio.table.version}"],
                               ["prijspeil", "", portfolio.price_year],
                               ["casussen", "", len(portfolio.cases)],
                               ["berekend", "", len(portfolio.priced)],
                               ["niet berekend (fout)", "", len(portfolio.failed)]]
    for figure in ("net_result", "besparingen", "baten", "investment"):
        stats = portfolio.stats(figure)
        if stats is not None:
            name = {"net_result": "netto resultaat", "investment": "investering"}.get(figure,
                                                                                       figure)
            totals += [[name, "totaal", stats.total], [name, "gemiddelde per casus", stats.mean],
                       [name, "mediaan per casus", stats.median]]
    for payer, value in portfolio.by_payer().items():
        totals.append(["verschil per financier", payer, value])
    for category, value in portfolio.by_category().items():
        totals.append(["verschil per categorie", category, value])
    lines: list[list] = []
    for entry in portfolio.priced:
        lines += line_rows(entry.case, entry.result)  # type: ignore[arg-type]
    return [Sheet("Casussen", PORTFOLIO_COLUMNS, portfolio_case_rows(portfolio),
                  PORTFOLIO_MONEY),
            Sheet("Totalen", ["grootheid", "sleutel", "waarde"], totals),
            Sheet("Regels", LINE_COLUMNS, lines, LINE_MONEY)]
