"""Where a privacy finding sits in the case, for the privacy view (no Qt here).

A finding's location is the model's text path (``narrative.events[2].description``, see
``model.privacy.text_fields``), read once by ``model.location.Location``. This module turns
that location into a document path plus attribute (so the view can change the field
through an undo command), says in Dutch where it is (the section of the window, then the
location's own words with a short hint per record), and builds the field's new value after
a fix.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from effectencalculator.model.case import Case
from effectencalculator.model.location import Location
from effectencalculator.report.format import format_date

#: first part of a location → the window's section that edits it
SECTIONS = {
    "case": "Gegevens", "household": "Gegevens", "narrative": "Verhaal",
    "perspectives": "Perspectieven", "outcomes": "Resultaten", "scenarios": "Inzet",
    "custom_items": "Eigen posten",
}
@dataclass(frozen=True)
class FieldRef:
    """A text field: the record at ``record`` (a document path), its attribute, and
    inside that attribute's value the steps to the string (``sub``): ``("i", n)`` the
    n-th list item or the value of the n-th dict entry, ``("k", n)`` that entry's key.
    ``index``: the one step of a list of strings (participants, quotes)."""

    location: str
    record: tuple
    attr: str
    index: int | None = None
    sub: tuple[tuple[str, int], ...] = ()
    #: the first name of the location ('narrative'): which section edits the field
    head: str = ""

    @property
    def section(self) -> str:
        return SECTIONS.get(self.head, "")


def field_ref(location: str | Location) -> FieldRef:
    """``perspectives[0].quotes[1]`` → record ('perspectives', 0), attr 'quotes', index 1;
    ``scenarios[0].extra[2]`` → record ('scenarios', 0), attr 'extra', sub (('i', 2),).

    ``case.…`` is the case's ``info`` record. ValueError for a location of another shape
    (``bestand``, a portfolio's file name, is no field of the case).
    """
    loc = location if isinstance(location, Location) else Location.parse(location)
    if len(loc.steps) < 2 or not all(step.name.isidentifier() for step in loc.steps):
        raise ValueError(f"onbekende vindplaats: {str(location)!r}")
    record: list[Any] = []
    for n, step in enumerate(loc.steps[:-1]):
        record.append("info" if n == 0 and step.name == "case" else step.name)
        record.extend(step.indexes)
    last = loc.steps[-1]
    sub = tuple(("i", i) for i in last.indexes)
    if last.key is not None:
        sub += (("k", last.key),)
    index = sub[0][1] if len(sub) == 1 and sub[0][0] == "i" else None
    return FieldRef(str(loc), tuple(record), last.name, index, sub, loc.head)


def lenient_ref(location: str) -> FieldRef:
    """``field_ref``, or for a location that is no field of the case (a portfolio's file
    name) a reference to nothing: its text is empty and a fix changes nothing."""
    try:
        return field_ref(location)
    except ValueError:
        return FieldRef(location, (), "")


def _resolve(case: Case, path: tuple) -> Any:
    obj: Any = case
    for part in path:
        obj = obj[part] if isinstance(part, int) else getattr(obj, part)
    return obj


def _step(value: Any, kind: str, n: int) -> Any:
    if isinstance(value, dict):
        key, item = list(value.items())[n]
        return key if kind == "k" else item
    if kind == "k":
        raise TypeError("a key step into a list")
    return value[n]


def field_text(case: Case, ref: FieldRef) -> str:
    """The field's current text ('' when the location no longer exists)."""
    try:
        value = getattr(_resolve(case, ref.record), ref.attr)
        for kind, n in ref.sub:
            value = _step(value, kind, n)
    except (AttributeError, IndexError, TypeError, KeyError):
        return ""
    return value if isinstance(value, str) else ""


def new_value(case: Case, ref: FieldRef, text: str) -> Any:
    """The attribute's value with the field's text replaced by ``text``: the text itself,
    for a list of strings a copy of the list (an emptied entry is removed), and inside
    a dict (unknown fields kept on save) a copy with the value or key replaced."""
    if not ref.sub:
        return text
    original = getattr(_resolve(case, ref.record), ref.attr)
    if ref.index is not None and isinstance(original, list):
        values = list(original)
        if text.strip():
            values[ref.index] = text
        else:
            del values[ref.index]
        return values
    value = copy.deepcopy(original)
    parent = value
    for kind, n in ref.sub[:-1]:
        parent = _step(parent, kind, n)
    kind, n = ref.sub[-1]
    if isinstance(parent, dict):
        items = list(parent.items())
        key = items[n][0]
        if kind == "k":
            renamed = [(text if k == key else k, v) for k, v in items]
            parent.clear()
            parent.update(renamed)
        else:
            parent[key] = text
    else:
        parent[n] = text
    return value


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
    """Where a field is, in Dutch, as the researcher finds it in the window: the section,
    then the location's words (``Location.parts``) with a non-identifying hint per record
    (date, domain, scenario, item) — never the found text.

    ``narrative.events[2].description`` → 'Verhaal › gebeurtenis 3 (12 maart 2025) ›
    beschrijving'.
    """
    try:
        loc = Location.parse(location)
        ref = field_ref(loc)
    except ValueError:
        return location
    parts = loc.parts(case, hint=_record_hint)
    if not loc.steps[0].indexes:       # 'case', 'narrative': the section says it
        parts = parts[1:]
    return " › ".join([ref.section or loc.head, *parts])


def _record_hint(list_name: str, record: Any) -> str:
    """A short, non-free-text hint that tells records apart (never the found text)."""
    if list_name == "events" and getattr(record, "date", None) is not None:
        return format_date(record.date)
    attr = {"outcomes": "domain", "scenarios": "id", "lines": "item",
            "custom_items": "id"}.get(list_name)
    return str(getattr(record, attr, "") or "") if attr else ""
