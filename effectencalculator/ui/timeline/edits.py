"""Timeline edits as undo commands on the case (the same commands the tables push).

A location on the timeline is the layout's ``source``: ``("line", scenario index, line
index)`` or ``("event", event index)``. Each function pushes exactly one undo step (a
macro when it touches several records) and returns nothing the caller must apply: the
views follow the document's signals.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta

from effectencalculator.model.case import Event, ServiceLine
from effectencalculator.model.timeline_layout import resized_line, shifted_line
from effectencalculator.model.vocabulary import ALL_SCENARIOS
from effectencalculator.ui.commands import (
    InsertRecordsCommand,
    RemoveRecordsCommand,
    ReplaceRecordCommand,
    SetAttrCommand,
)
from effectencalculator.ui.document import CaseDocument

EVENTS = ("narrative", "events")


def lines_path(s_index: int) -> tuple:
    return ("scenarios", s_index, "lines")


def record(doc: CaseDocument, source: tuple):
    """The line or event at ``source`` (None when it no longer exists)."""
    try:
        if source[0] == "line":
            return doc.case.scenarios[source[1]].lines[source[2]]
        return doc.case.narrative.events[source[1]]
    except IndexError:
        return None


def _line_name(doc: CaseDocument, s_index: int, l_index: int) -> str:
    return f"regel {l_index + 1} ({doc.case.scenarios[s_index].id})"


def move(doc: CaseDocument, source: tuple, days: int) -> bool:
    """Move a line or an event ``days`` later (earlier when negative)."""
    if days == 0 or record(doc, source) is None:
        return False
    if source[0] == "event":
        event = doc.case.narrative.events[source[1]]
        if event.date is None:
            return False
        doc.undo_stack.push(SetAttrCommand(
            doc, (*EVENTS, source[1]), "date", event.date + timedelta(days=days),
            f"gebeurtenis '{event.title}' verschuiven", merge=False))
        return True
    _, s_index, l_index = source
    line = doc.case.scenarios[s_index].lines[l_index]
    moved = shifted_line(doc.case, line, days)
    if moved == line:
        return False
    doc.undo_stack.push(ReplaceRecordCommand(doc, lines_path(s_index), l_index, moved,
                                             f"{_line_name(doc, s_index, l_index)} verschuiven"))
    return True


def resize(doc: CaseDocument, source: tuple, edge: str, day: date) -> bool:
    """Set the first (``edge="start"``) or last (``"end"``) day of a period line."""
    if source[0] != "line" or record(doc, source) is None:
        return False
    _, s_index, l_index = source
    line = doc.case.scenarios[s_index].lines[l_index]
    if line.start is None or line.end is None:
        return False
    resized = resized_line(line, "start" if edge == "start" else "end", day)
    if resized == line:
        return False
    what = "begin" if edge == "start" else "einde"
    doc.undo_stack.push(ReplaceRecordCommand(
        doc, lines_path(s_index), l_index, resized,
        f"{what} van {_line_name(doc, s_index, l_index)} wijzigen"))
    return True


def copy_line(doc: CaseDocument, source: tuple, target: int, days: int = 0) -> int | None:
    """Append a copy of a line to scenario ``target`` (moved ``days``); its new index."""
    if source[0] != "line" or record(doc, source) is None:
        return None
    _, s_index, l_index = source
    line = doc.case.scenarios[s_index].lines[l_index]
    duplicate = shifted_line(doc.case, line, days) if days else copy.deepcopy(line)
    at = len(doc.case.scenarios[target].lines)
    doc.undo_stack.push(InsertRecordsCommand(
        doc, lines_path(target), at, [duplicate],
        f"regel kopiëren naar {doc.case.scenarios[target].id}"))
    return at


def add_line(doc: CaseDocument, s_index: int, day: date, item_id: str = "") -> int:
    """A new line of one unit on ``day`` at the end of the scenario; its index."""
    at = len(doc.case.scenarios[s_index].lines)
    doc.undo_stack.push(InsertRecordsCommand(
        doc, lines_path(s_index), at, [ServiceLine(item=item_id, quantity=1.0, date=day)],
        f"regel toevoegen aan {doc.case.scenarios[s_index].id}"))
    return at


def add_event(doc: CaseDocument, day: date, scenario: str = ALL_SCENARIOS) -> int:
    """A new event on ``day`` at the end of the list; its index."""
    at = len(doc.case.narrative.events)
    doc.undo_stack.push(InsertRecordsCommand(
        doc, EVENTS, at, [Event(date=day, scenario=scenario, title="Nieuwe gebeurtenis")],
        "gebeurtenis toevoegen"))
    return at


def remove(doc: CaseDocument, sources: list[tuple]) -> bool:
    """Remove lines and events in one undo step."""
    groups: dict[tuple, list[int]] = {}
    for source in sources:
        if record(doc, source) is None:
            continue
        path = EVENTS if source[0] == "event" else lines_path(source[1])
        groups.setdefault(path, []).append(source[-1])
    if not groups:
        return False
    count = sum(len(v) for v in groups.values())
    text = "van de tijdlijn verwijderen" if count == 1 else f"{count} items verwijderen"
    stack = doc.undo_stack
    stack.beginMacro(text)
    for path, indexes in groups.items():
        stack.push(RemoveRecordsCommand(doc, path, indexes, text))
    stack.endMacro()
    return True
