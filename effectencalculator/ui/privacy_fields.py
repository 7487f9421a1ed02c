"""Where a privacy finding sits in the case, for the privacy view (no Qt here).

A finding's location is the model's text path (``narrative.events[2].description``, see
``model.privacy.text_fields``). This module turns it into a document path plus attribute
(so the view can change the field through an undo command), says in Dutch where it is
(the section of the window and the field), and builds the field's new value after a fix.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from effectencalculator.model.case import Case

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
    """A text field: the record at ``record`` (a document path), its attribute, and
    inside that attribute's value the steps to the string (``sub``): ``("i", n)`` the
    n-th list item or the value of the n-th dict entry, ``("k", n)`` that entry's key.
    ``index``: the one step of a list of strings (participants, quotes)."""

    location: str
    record: tuple
    attr: str
    index: int | None = None
    sub: tuple[tuple[str, int], ...] = ()

    @property
    def section(self) -> str:
        return SECTIONS.get(self.location.split(".", 1)[0].split("[", 1)[0], "")


_TOKEN = re.compile(r"\.?(?P<name>[a-z_][a-z0-9_]*)|\[(?P<item>\d+)\]|\{(?P<key>\d+)\}")


def field_ref(location: str) -> FieldRef:
    """``perspectives[0].quotes[1]`` → record ('perspectives', 0), attr 'quotes', index 1;
    ``scenarios[0].extra[2]`` → record ('scenarios', 0), attr 'extra', sub (('i', 2),).

    ``case.…`` is the case's ``info`` record. ValueError for a location of another shape
    (``bestand``, a portfolio's file name, is no field of the case).
    """
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(location):
        match = _TOKEN.match(location, pos)
        if match is None or (match.group("name") and pos and location[pos] != "."):
            raise ValueError(f"onbekende vindplaats: {location!r}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    names = [i for i, (kind, _) in enumerate(tokens) if kind == "name"]
    if len(names) < 2 or names[0] != 0:
        raise ValueError(f"onbekende vindplaats: {location!r}")
    last = names[-1]
    record: list[Any] = []
    for n, (kind, value) in enumerate(tokens[:last]):
        if kind == "key":
            raise ValueError(f"onbekende vindplaats: {location!r}")
        if kind == "name":
            record.append("info" if value == "case" and n == 0 else value)
        else:
            record.append(int(value))
    sub = tuple(("k" if kind == "key" else "i", int(value)) for kind, value in tokens[last + 1:])
    if any(kind == "name" for kind, _ in tokens[last + 1:]):
        raise ValueError(f"onbekende vindplaats: {location!r}")
    index = sub[0][1] if len(sub) == 1 and sub[0][0] == "i" else None
    return FieldRef(location, tuple(record), tokens[last][1], index, sub)


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
    if ref.attr == "extra" and ref.sub:
        field = f"onbekend veld {ref.sub[0][1] + 1}" + (
            " (naam)" if ref.sub[-1][0] == "k" else "")
    elif ref.index is not None:
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
