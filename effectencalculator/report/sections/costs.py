"""Inzet en kosten: the line table per scenario (with its reconciliation of
discounting and horizon), the payer and cumulative charts and the costs per year."""

from __future__ import annotations

from effectencalculator.model.breakdown import (
    Reconciliation,
    reconciliation,
    year_differences,
)
from effectencalculator.model.calculation import LineResult, ScenarioResult
from effectencalculator.report.content import (
    SECTION_TITLES,
    ChartBlock,
    Column,
    Heading,
    Para,
    Row,
    Section,
    TableBlock,
    empty,
    scenario_title,
)
from effectencalculator.report.format import (
    format_euro,
    format_number,
    format_percent,
    format_period,
    format_quantity,
    payer_label,
    rounded,
)
from effectencalculator.report.sections.context import Context, euro, money_column, nowrap_dates

# The unit reads with its quantity ("12,29 dag", "3 uur (1 per week)"): a column less,
# so the name and the period of a line wrap less and a long report is shorter.
LINE_COLUMNS = [Column("Post", weight=3.0), Column("Periode", weight=1.75),
                Column("Hoeveelheid", "right", 1.45), Column("Tarief", "right", 0.95, True),
                Column("Kans", "right", 0.5, True), Column("Kosten", "right", 0.9, True),
                Column("Financier", weight=1.1)]
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
    left_out = ctx.variants_left_out
    for s in ctx.scenarios:
        add(Heading(scenario_title(s)))
        if not s.lines:
            add(empty("Geen regels ingevuld."))
            continue
        if s.id in left_out:
            add(variant_left_out(s))
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
    if years and "per-jaar" not in ctx.omit:
        c = r.comparison
        assert c is not None
        rows = [Row([d.key, euro(d.intervention), euro(d.reference), euro(d.difference)])
                for d in years]
        ref, itv = r.scenarios[c.reference], r.scenarios[c.intervention]
        rows.append(Row(["Totaal", euro(itv.total), euro(ref.total), euro(c.net_result)],
                        "total"))
        add(TableBlock([Column("Kalenderjaar"), money_column("Interventie"),
                        money_column("Referentie"), money_column("Verschil")], rows,
                       caption="Kosten per kalenderjaar", key="per-jaar"))
    return section


def variant_left_out(s: ScenarioResult) -> Para:
    """In place of a variant's lines, when the researcher left them out: how many there
    are, what they cost, and where the variant's total still is (the Samenvatting's
    costs per scenario, the payer and cumulative charts below)."""
    count = len(s.lines)
    return Para(f"De {count} {'regel' if count == 1 else 'regels'} van deze variant staan "
                f"niet in dit rapport (weggelaten door de onderzoeker; ze staan in het "
                f"casusbestand). Meegetelde kosten: {euro(s.total)}; dit totaal staat ook in "
                f"de Samenvatting en in de figuren van dit hoofdstuk.")


def _line_row(ctx: Context, lr: LineResult) -> list[Row]:
    line = lr.line
    priced = lr.priced
    name = priced.item.name if priced else line.item
    marks = ("*" if priced and priced.custom else "") + (" ◆" if line.approach_cost else "")
    post = f"{name}{(' ' + marks.strip()) if marks else ''}"
    quantity = format_quantity(lr.quantity)
    if priced is not None:
        quantity += f"\u00a0{priced.item.unit}"  # "12,29 dag": never split
    if line.rate is not None:
        quantity += f" ({format_quantity(line.rate.quantity)} per {line.rate.per})"
    period = nowrap_dates(format_period(lr.first_day, lr.last_day))
    probability = format_percent(line.probability)
    if priced is None:
        rows = [Row([post, period, quantity, "—", probability, "niet geprijsd", "—"],
                    "unpriced")]
        rows.append(Row([f"Niet geprijsd: {lr.unpriced_reason}; de regel telt nergens mee."
                         + (f" Toelichting: {' '.join(line.note.split())}" if line.note
                            else "")], "note"))
        return rows
    item = priced.item
    rows = [Row([post, period, quantity, format_euro(priced.price, 2),
                 probability, euro(lr.cost), payer_label(item.payer)])]
    note = " ".join(line.note.split())
    if line.probability < 1:
        prefix = f"Kans {probability}"
        rows.append(Row([f"{prefix}: {note}" if note else
                         f"{prefix}: geen toelichting bij deze kans ingevuld."], "note"))
    elif note:
        rows.append(Row([note], "note"))
    return rows


def rounding_note(s: ScenarioResult, rec: Reconciliation) -> str:
    """When the printed line costs (whole euros) do not add up to the printed sum of the
    lines, say why: the sum is of the exact amounts, rounded once."""
    shown = sum(rounded(lr.cost) for lr in s.lines if lr.is_priced)
    if rounded(rec.lines) == shown:
        return ""
    return (f"  Afronding: de getoonde regelbedragen tellen op tot {format_euro(shown)}; "
            "de som eronder is die van de onafgeronde bedragen, één keer afgerond.")


def line_table(ctx: Context, s: ScenarioResult) -> TableBlock:
    r = ctx.result
    rows: list[Row] = []
    for lr in s.lines:
        rows.extend(_line_row(ctx, lr))
    span = len(LINE_COLUMNS)

    def total_row(label: str, value: str, style: str = "total") -> Row:
        return Row([label] + [""] * (span - 3) + [value, ""], style)  # type: ignore[arg-type]

    discounted = r.discount_rate > 0 or r.horizon_years is not None
    rec = reconciliation(s)
    if discounted or rec.transfers:
        # The printed lines add up to the first row; each row after it says what
        # takes the sum to the total.
        rows.append(total_row("Som van de regels" + (" (zonder discontering)" if discounted
                                                     else ""), euro(rec.lines), "subtotal"))
    if rec.transfers:
        rows.append(total_row("Overdrachten tellen niet mee (de ontvanger krijgt wat de "
                              "financier betaalt; voor de samenleving 0)",
                              euro(-rec.transfers), "subtotal"))
    if discounted:
        parts = []
        if r.discount_rate > 0:
            parts.append(f"discontering {format_percent(r.discount_rate, 2)} per jaar vanaf "
                         f"{r.first_year}")
        if r.horizon_years is not None:
            parts.append(f"horizon {r.horizon_years} jaar")
        rows.append(total_row("Aansluiting: " + " en ".join(parts), euro(rec.adjustment),
                              "subtotal"))
        rows.append(total_row("Totaal (meegeteld)", euro(rec.counted)))
    else:
        rows.append(total_row("Totaal", euro(s.total)))
    rows.append(total_row("waarvan inzet (zorg, ondersteuning, bescherming)",
                          euro(s.by_kind.get("inzet", 0.0)), "subtotal"))
    rows.append(total_row("waarvan effecten (inkomen, werk, overig)",
                          euro(s.by_kind.get("effect", 0.0)), "subtotal"))
    if s.investment:
        rows.append(total_row("waarvan kosten van de aanpak ◆", euro(s.investment),
                              "subtotal"))
    unpriced = len(s.unpriced_lines)
    legend = LINE_LEGEND.format(year=r.price_year) + rounding_note(s, rec)
    if unpriced:
        legend += (f"  Let op: {format_number(unpriced)} regel(s) niet geprijsd; die tellen "
                   "nergens mee.")
    return TableBlock(LINE_COLUMNS, rows, legend=legend, key=f"regels-{s.id}")
