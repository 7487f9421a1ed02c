"""The hover text of a timeline item: what, when, how much, what it costs, how likely.

Built when the mouse rests on an item (never for all items at once), from the case and
the live results, so it always shows the current figures.
"""

from __future__ import annotations

from effectencalculator.model.live import LiveResult
from effectencalculator.model.timeline_layout import line_days
from effectencalculator.report.format import (
    format_date_short,
    format_euro,
    format_percent,
    format_quantity,
)
from effectencalculator.ui.document import CaseDocument
from effectencalculator.ui.labels import PAYER_LABELS, RATE_LABELS
from effectencalculator.ui.timeline import edits


def _period(first, last) -> str:
    if first == last:
        return f"op {format_date_short(first)}"
    days = (last - first).days + 1
    return f"{format_date_short(first)} – {format_date_short(last)} ({days} dagen)"


def line_tooltip(doc: CaseDocument, live: LiveResult, source: tuple) -> str:
    line = edits.record(doc, source)
    if line is None:
        return ""
    s_index, l_index = source[1], source[2]
    scenario = doc.case.scenarios[s_index]
    item = doc.catalogue().get(line.item)
    name = f"{item.name} ({item.id})" if item is not None else (line.item or "(geen post)")
    parts = [f"<b>{name}</b>", f"{scenario.label or scenario.id}, regel {l_index + 1}"]
    days = line_days(doc.case, line)
    if days is not None:
        parts.append(_period(*days))
    unit = item.unit if item is not None else ""
    if line.rate is not None:
        per = RATE_LABELS.get(line.rate.per, line.rate.per)
        parts.append(f"Aantal: {format_quantity(line.rate.quantity)} {unit} {per}".strip())
    elif line.quantity is not None:
        parts.append(f"Aantal: {format_quantity(line.quantity)} {unit}".strip())
    result = live.line_result(line)
    errors = live.line_errors.get((s_index, l_index), [])
    if errors:
        parts.append("<span style='color:#a00000'>Telt nog niet mee: "
                     + "; ".join(f.message for f in errors) + "</span>")
    elif item is None or (result is not None and not result.is_priced):
        reason = result.unpriced_reason if result is not None and result.unpriced_reason \
            else f"post '{line.item}' staat niet in de kostentabel of de eigen posten"
        parts.append(f"<span style='color:#a00000'>Niet geprijsd: {reason}</span>")
    elif result is not None and result.priced is not None:
        parts.append(f"Kosten: <b>{format_euro(result.cost)}</b> "
                     f"({format_quantity(result.quantity)} {unit} × "
                     f"{format_euro(result.priced.price, 2)} × kans "
                     f"{format_percent(line.probability)})")
    parts.append(f"Kans: {format_percent(line.probability)}")
    if item is not None:
        parts.append(f"Financier: {PAYER_LABELS.get(item.payer, item.payer)} · categorie: "
                     f"{item.category}")
    if line.approach_cost:
        parts.append("Kosten van de aanpak zelf (investering)")
    if line.note:
        parts.append(f"<i>{_short(line.note)}</i>")
    return "<br>".join(parts)


def event_tooltip(doc: CaseDocument, source: tuple) -> str:
    event = edits.record(doc, source)
    if event is None:
        return ""
    scenario = "beide scenario's" if event.scenario == "beide" else event.scenario
    parts = [f"<b>{event.title or '(zonder titel)'}</b>",
             f"{format_date_short(event.date)} · {scenario}"
             + (f" · {event.domain}" if event.domain else "")]
    if event.description:
        parts.append(f"<i>{_short(event.description)}</i>")
    return "<br>".join(parts)


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[:limit - 1] + "…"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
