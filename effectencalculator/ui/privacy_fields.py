"""Where a privacy finding sits in the case, for the privacy view (no Qt here).

A finding's location is the model's text path (``narrative.events[2].description``, see
``model.privacy.text_fields``). This module turns it into a document path plus attribute
(so the view can change the field through an undo command), says in Dutch where it is
(the section of the window and the field), and builds the field's new value after a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from effectencalculator.model.case import Case

_PART = re.compile(r"^(?P<name>[a-z_]+)(?P<indexes>(?:\[\d+\])*)$")

#: first part of a location → the window's section that edits it
SECTIONS = {
    "case": "Gegevens", "household": "Gegevens", "narrative": "Verhaal",
    "perspectives": "Perspectieven", "outcomes": "Resultaten", "scenarios": "Inzet",
    "custom_items": "Eigen posten",
}
_FIELD_LABELS = {
    ("case", "title"): "titel", ("case", "researcher"): "onderzoeker",
    ("case", "participants"): "deelnemer",
    ("household", "label"): "label (pseudoniem)",
    ("narrative", "summary"): "samenvatting van het verhaal",
    ("events", "title"): "titel", ("events", "description"): "beschrijving",
    ("perspectives", "who"): "wie", ("perspectives", "text"): "verhaal",
    ("perspectives", "quotes"): "citaat",
    ("outcomes", "start"): "situatie bij de start", ("outcomes", "end"): "situatie aan het eind",
    ("outcomes", "reference"): "situatie in de referentie", ("outcomes", "source"): "bron",
    ("scenarios", "label"): "naam van het scenario", ("lines", "note"): "toelichting",
    ("custom_items", "name"): "naam", ("custom_items", "note"): "toelichting",
    ("custom_items", "source_note"): "bronvermelding",
}
_RECORD_LABELS = {"household": "gezinslid", "events": "gebeurtenis",
                  "perspectives": "perspectief", "outcomes": "resultaat",
                  "scenarios": "scenario", "lines": "regel", "custom_items": "eigen post"}


@dataclass(frozen=True)
class FieldRef:
    """A text field: the record at ``record`` (a document path), its attribute, and for a
    list of strings (participants, quotes) the position in that list."""

    location: str
    record: tuple
    attr: str
    index: int | None = None

    @property
    def section(self) -> str:
        return SECTIONS.get(self.location.split(".", 1)[0].split("[", 1)[0], "")


def field_ref(location: str) -> FieldRef:
    """``perspectives[0].quotes[1]`` → record ('perspectives', 0), attr 'quotes', index 1.

    ``case.…`` is the case's ``info`` record. ValueError for a location of another shape.
    """
    parts = []
    for part in location.split("."):
        match = _PART.match(part)
        if match is None:
            raise ValueError(f"onbekende vindplaats: {location!r}")
        indexes = [int(i) for i in re.findall(r"\d+", match.group("indexes"))]
        parts.append((match.group("name"), indexes))
    if len(parts) < 2:
        raise ValueError(f"onbekende vindplaats: {location!r}")
    record: list[Any] = []
    for name, indexes in parts[:-1]:
        record.append("info" if name == "case" and not record else name)
        record.extend(indexes)
    attr, indexes = parts[-1]
    if len(indexes) > 1:
        raise ValueError(f"onbekende vindplaats: {location!r}")
    return FieldRef(location, tuple(record), attr, indexes[0] if indexes else None)


def _resolve(case: Case, path: tuple) -> Any:
    obj: Any = case
    for part in path:
        obj = obj[part] if isinstance(part, int) else getattr(obj, part)
    return obj


def field_text(case: Case, ref: FieldRef) -> str:
    """The field's current text ('' when the location no longer exists)."""
    try:
        value = getattr(_resolve(case, ref.record), ref.attr)
        if ref.index is not None:
            value = value[ref.index]
    except (AttributeError, IndexError, TypeError):
        return ""
    return value if isinstance(value, str) else ""


def new_value(case: Case, ref: FieldRef, text: str) -> Any:
    """The attribute's value with the field's text replaced by ``text``: the text itself,
    or for a list of strings a copy of the list (an emptied entry is removed)."""
    if ref.index is None:
        return text
    values = list(getattr(_resolve(case, ref.record), ref.attr))
    if text.strip():
        values[ref.index] = text
    else:
        del values[ref.index]
    return values


def replace_at(text: str, start: int, old: str, new: str) -> str:
    """``text`` with ``old`` at ``start`` replaced by ``new`` (or the first ``old``
    anywhere, when the text moved since the scan; unchanged when it is gone)."""
    if text[start:start + len(old)] == old:
        return text[:start] + new + text[start + len(old):]
    found = text.find(old)
    if found < 0:
        return text
    return text[:found] + new + text[found + len(old):]


def describe(case: Case, location: str) -> str:
    """Where a field is, in Dutch, as the researcher finds it in the window: section, the
    record (with a non-identifying hint: date, domain, scenario, item) and the field.

    ``narrative.events[2].description`` → 'Verhaal › gebeurtenis 3 (12-03-2025) ›
    beschrijving'.
    """
    try:
        ref = field_ref(location)
    except ValueError:
        return location
    steps = [ref.section or location.split(".", 1)[0]]
    obj: Any = case
    names = [p for p in ref.record if isinstance(p, str)]
    last_list = names[-1] if names else ""
    path = list(ref.record)
    for i, part in enumerate(path):
        try:
            obj = obj[part] if isinstance(part, int) else getattr(obj, part)
        except (AttributeError, IndexError, TypeError):
            obj = None
            break
        if isinstance(part, int):
            list_name = path[i - 1]
            label = f"{_RECORD_LABELS.get(list_name, list_name)} {part + 1}"
            hint = _record_hint(list_name, obj)
            steps.append(f"{label} ({hint})" if hint else label)
    group = "case" if ref.record == ("info",) else (last_list if last_list != "info" else "case")
    if ref.record[:1] == ("narrative",) and len(ref.record) == 1:
        group = "narrative"
    field = _FIELD_LABELS.get((group, ref.attr), ref.attr)
    if ref.index is not None:
        field = f"{field} {ref.index + 1}"
    steps.append(field)
    return " › ".join(steps)


def _record_hint(list_name: str, record: Any) -> str:
    """A short, non-free-text hint that tells records apart (never the found text)."""
    from effectencalculator.report.format import format_date
    if list_name == "events" and getattr(record, "date", None) is not None:
        return format_date(record.date)
    if list_name == "outcomes":
        return str(getattr(record, "domain", "") or "")
    if list_name == "scenarios":
        return str(getattr(record, "id", "") or "")
    if list_name == "lines":
        return str(getattr(record, "item", "") or "")
    if list_name == "custom_items":
        return str(getattr(record, "id", "") or "")
    return ""
