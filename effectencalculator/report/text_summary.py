"""The human-readable Dutch summary that ``effectencalculator summary`` prints.

The figures of the comparison are worded by ``report.figures``, as in the PDF and the
window: with ``--uncertainty`` and an interval that contains zero, no figure of the
difference is printed as a saving."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from effectencalculator.model.calculation import CaseResult
from effectencalculator.model.case import Case
from effectencalculator.report.figures import WordedResult, worded
from effectencalculator.report.figures_mkba import NO_SWITCHING, VIEWS_EXPLANATION, mkba_words
from effectencalculator.report.format import format_euro, format_number, format_percent

if TYPE_CHECKING:
    from effectencalculator.model.uncertainty import UncertaintyResult

ROLE_LABELS = {"intervention": "interventie", "reference": "referentie", "variant": "variant"}


def _table(rows: list[list[str]], align_right_from: int = 1,
           left_from: int | None = None) -> list[str]:
    """Columns before ``align_right_from`` (and from ``left_from`` on) align left."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [cell.rjust(widths[i]) if align_right_from <= i < (left_from or len(row))
                 else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        out.append("  ".join(cells).rstrip())
    return out


def _mkba_lines(words: WordedResult) -> list[str]:
    """The two views side by side, the split of besparingen, confidence and switching
    values (FORMATS.md 1.1); words from ``report.figures_mkba``."""
    mkba = mkba_words(words)
    lines = ["", "Maatschappelijk en per financier (referentie − interventie)"]
    rows = [["Blik", "Netto", "Waarvan overdrachten", "Rol"]]
    rows += [[r.label, r.net, r.transfers, r.role] for r in mkba.view_rows()]
    lines += _table(rows)
    lines += textwrap.wrap(VIEWS_EXPLANATION, 90)
    split = mkba.split()
    if split is not None:
        lines += ["", f"{mkba.split_title}: te boeken en capaciteit"]
        lines += _table([[label, value] for label, value in split[:-1]])
    lines += [""] + textwrap.wrap(mkba.low_confidence, 90)
    sentences = mkba.switching()
    lines += ["", "Omslagwaarden"]
    lines += [f"- {s}" for s in sentences] if sentences else [NO_SWITCHING]
    return lines


def summary_text(case: Case, result: CaseResult,
                 uncertainty: UncertaintyResult | None = None) -> str:
    lines: list[str] = []
    title = f"Casus {result.case_code}"
    if case.info.title:
        title += f" — {case.info.title}"
    lines.append(title)
    discount = ("geen discontering" if not result.discount_rate
                else f"discontering {format_percent(result.discount_rate, 2)} per jaar")
    horizon = (f", horizon {result.horizon_years} jaar" if result.horizon_years else "")
    lines.append(f"Kostentabel {result.table_name} {result.table_version} "
                 f"(sha256 {result.table_sha256[:12]}…), prijspeil {result.price_year}, "
                 f"{discount}{horizon}")
    lines.append("")

    rows = [["Scenario", "Totaal", "Inzet", "Effect", "Niet geprijsd"]]
    for s in result.scenarios.values():
        name = f"{s.id}: {s.label}" if s.label else s.id
        rows.append([f"{name} ({ROLE_LABELS.get(s.role, s.role)})", format_euro(s.total),
                     format_euro(s.by_kind.get("inzet", 0.0)),
                     format_euro(s.by_kind.get("effect", 0.0)),
                     str(len(s.unpriced_lines))])
    lines += _table(rows)

    c = result.comparison
    if c is None:
        lines += ["", "Geen vergelijking: een referentie- en een interventiescenario zijn nodig."]
        return "\n".join(lines) + "\n"

    words = worded(result, uncertainty)
    lines += ["", f"Per financier ({c.reference} − {c.intervention})"]
    rows = [["Financier", c.intervention, c.reference, "Verschil", *words.part_titles]]
    rows += [[r.label, r.intervention, r.reference, r.difference, r.besparingen, r.baten]
             for r in words.payer_rows()]
    lines += _table(rows)

    # the key figures as the report and the window word them ("onzeker" included)
    lines += ["", f"Vergelijking {c.reference} − {c.intervention}"]
    lines += _table([[f.label, f.value, f.note] for f in words.key_figures()],
                    align_right_from=1, left_from=2)
    lines += _mkba_lines(words)
    if uncertainty is not None:
        u = uncertainty
        lines += ["", f"Onzekerheid ({format_number(u.draws)} trekkingen, P10–P50–P90)"]
        rows = [[name, f"{format_euro(i.p10)} – {format_euro(i.p50)} – {format_euro(i.p90)}"]
                for name, _point, i in words.interval_rows()]
        rows.append(["Kans dat de interventie goedkoper is",
                     format_percent(u.share_intervention_cheaper)])
        lines += _table(rows)
        verdict = words.verdict()
        if verdict is not None:
            lines.append(f"Oordeel: {verdict.sentence}")
    lines += ["", "Potentiële besparingen zijn schattingen op basis van een gereconstrueerd "
                  "referentiescenario,", "geen kasstromen."]
    unpriced = sum(len(s.unpriced_lines) for s in result.scenarios.values())
    if unpriced:
        lines.append(f"Let op: {format_number(unpriced)} regel(s) zijn niet geprijsd en tellen "
                     "nergens mee.")
    return "\n".join(lines) + "\n"
