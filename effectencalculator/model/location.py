"""Where something is in a case, as a typed value rather than a string parsed back.

Findings (validation, privacy) carry their location as a text path, the one FORMATS.md
and the YAML reader's line numbers use: ``scenarios[1].lines[3].quantity``. This module
reads such a path once into a ``Location`` (steps of a name and its indexes), writes it
back unchanged, answers the questions the outputs ask of it (which line of which
scenario? which field of that line?) and says in Dutch where it is:

- ``text()``, from the path alone — 'scenario 2, regel 4, hoeveelheid'. The report's
  privacy statement uses it: a location must never show a field's content.
- ``describe(case)``, for the window and the CLI — "scenario 'Huidig stelsel', regel 4,
  hoeveelheid": a scenario is named by its label.
- ``parts(case, hint)``, the same words one step at a time, each record with a short hint
  of the caller's (the privacy view adds a date or a code, never free text).

The privacy scan also reaches inside dicts (unknown keys kept on save): there a record's
entries go by position, ``extra[1]`` the value of the second entry and ``extra{1}`` its
key; a key step ends a path.

Pure Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from effectencalculator.model.case import Case

#: a name is anything but a dot or a bracket (a YAML key of an extra field may be odd)
_STEP = re.compile(r"^(?P<name>[^.\[\]]+?)(?P<indexes>(?:\[\d+\])*)(?:\{(?P<key>\d+)\})?$")

#: a list in the case → what one of its records is called in Dutch
RECORD_LABELS = {
    "household": "gezinslid", "events": "gebeurtenis", "perspectives": "perspectief",
    "outcomes": "resultaat", "scenarios": "scenario", "lines": "regel",
    "custom_items": "eigen post", "participants": "deelnemer", "quotes": "citaat",
    "sources": "bron", "items": "post", "history": "opslag",
}
#: a name in a path → its Dutch word (fields and the records' containers)
FIELD_LABELS = {
    "case": "casusgegevens", "title": "titel", "researcher": "onderzoeker",
    "label": "naam", "narrative": "verhaal", "summary": "samenvatting",
    "description": "beschrijving", "who": "wie", "text": "tekst", "start": "begin",
    "end": "eind", "reference": "referentie", "source": "bron", "note": "toelichting",
    "name": "naam", "source_note": "bronvermelding", "item": "post",
    "quantity": "hoeveelheid", "rate": "tempo", "per": "per", "date": "datum",
    "probability": "kans", "approach_cost": "kosten van de aanpak", "payer": "financier",
    "absence_start": "begin van het verzuim", "settings": "instellingen",
    "price_year": "prijspeil", "discount_rate": "disconteringsvoet",
    "horizon_years": "tijdshorizon", "cost_table": "kostentabel", "compare": "vergelijking",
    "intervention": "interventie", "period": "periode", "domain": "leefdomein",
    "direction": "richting", "role": "rol", "id": "code", "tariff": "tarief",
    "unit": "eenheid", "category": "categorie", "kind": "soort", "low": "ondergrens",
    "high": "bovengrens", "birth_year": "geboortejaar", "session_date": "sessiedatum",
    "proeftuin": "proeftuin", "code": "casuscode", "safety_score": "veiligheidsscore",
    "extra": "onbekend veld",
}
#: (the list a record is in, or the record's name; a field) → the field's word where the
#: plain word would be ambiguous (an outcome's 'start' is a situation, not a date)
FIELD_IN = {
    ("household", "label"): "label (pseudoniem)",
    ("perspectives", "text"): "verhaal",
    ("outcomes", "start"): "situatie bij de start",
    ("outcomes", "end"): "situatie aan het eind",
    ("outcomes", "reference"): "situatie in de referentie",
    ("scenarios", "label"): "naam van het scenario",
}

#: a record's hint: (the list it is in, the record) → a short text or ''
Hint = Callable[[str, Any], str]


@dataclass(frozen=True)
class Step:
    """One part of a path: a name and the positions (from 0) that follow it."""

    name: str
    indexes: tuple[int, ...] = ()
    #: ``{n}``: the key of the n-th entry of the dict reached (the last step only)
    key: int | None = None

    def __str__(self) -> str:
        key = "" if self.key is None else f"{{{self.key}}}"
        return self.name + "".join(f"[{i}]" for i in self.indexes) + key


@dataclass(frozen=True)
class Location:
    """A place in a case: ``Location.parse('scenarios[1].lines[3].quantity')``."""

    steps: tuple[Step, ...] = ()

    @classmethod
    def parse(cls, path: str) -> Location:
        """The location of a text path; ValueError (Dutch) for a path of another shape.
        The empty path is the case as a whole."""
        if not path:
            return cls()
        steps: list[Step] = []
        for part in path.split("."):
            match = _STEP.match(part)
            if match is None or (steps and steps[-1].key is not None):
                raise ValueError(f"onbekende vindplaats: {path!r}")
            key = match.group("key")
            steps.append(Step(match.group("name"),
                              tuple(int(i) for i in re.findall(r"\d+",
                                                               match.group("indexes"))),
                              None if key is None else int(key)))
        return cls(tuple(steps))

    @classmethod
    def line(cls, scenario: int, line: int, *fields: str) -> Location:
        """``scenarios[scenario].lines[line]`` and then ``fields``."""
        return cls((Step("scenarios", (scenario,)), Step("lines", (line,)))
                   + tuple(Step(f) for f in fields))

    def __str__(self) -> str:
        return ".".join(str(s) for s in self.steps)

    # -- questions ----------------------------------------------------------------------
    @property
    def line_key(self) -> tuple[int, int] | None:
        """(scenario index, line index) for a location in a service line, else None."""
        s = self.steps
        if len(s) >= 2 and s[0].name == "scenarios" and len(s[0].indexes) == 1 \
                and s[1].name == "lines" and len(s[1].indexes) == 1:
            return s[0].indexes[0], s[1].indexes[0]
        return None

    def field_in_line(self) -> str:
        """The field of a line location: 'quantity', 'rate.per'; '' for the line itself
        (or a location outside a line)."""
        if self.line_key is None:
            return ""
        return ".".join(str(s) for s in self.steps[2:])

    def with_line(self, line: int) -> Location:
        """The same place in another line of the same scenario (a line location only)."""
        if self.line_key is None:
            raise ValueError(f"geen regel: {self}")
        return Location((self.steps[0], Step("lines", (line,))) + self.steps[2:])

    @property
    def head(self) -> str:
        """The first name: 'scenarios', 'narrative', 'case', ''."""
        return self.steps[0].name if self.steps else ""

    # -- in Dutch ---------------------------------------------------------------------------
    def text(self) -> str:
        """From the path alone: 'perspectives[0].quotes[1]' → 'perspectief 1, citaat 2'."""
        return ", ".join(self.parts())

    def describe(self, case: Case | None = None) -> str:
        """As a researcher finds it: "scenario 'Huidig stelsel', regel 4, hoeveelheid".
        A scenario is named by its label (else its code) when ``case`` has it; otherwise
        the words of :meth:`text`."""
        return ", ".join(self.parts(case))

    def parts(self, case: Case | None = None, hint: Hint | None = None) -> list[str]:
        """The Dutch words of each step. Without ``hint`` a scenario of ``case`` is named
        by its label; with ``hint`` every record reached in ``case`` is numbered and
        followed by ``(hint)`` when the hint says something (labels are free text, and a
        privacy finding may be in one)."""
        out: list[str] = []
        obj: Any = case
        container = ""
        for i, step in enumerate(self.steps):
            name = _scenario_name(case, step) if i == 0 and hint is None else None
            text = f"scenario '{name}'" if name else _step_text(step, container)
            if hint is not None:
                obj = _child(obj, "info" if i == 0 and step.name == "case" else step.name)
                for index in step.indexes:
                    obj = _item(obj, index)
                    extra = hint(step.name, obj) if obj is not None else ""
                    if extra and step.name in RECORD_LABELS:
                        text = f"{text} ({extra})"
            out.append(text)
            container = step.name
        return out


def _step_text(step: Step, container: str = "") -> str:
    """A record of a list is 'regel 4'; a field its word (in the words of the record it is
    in, ``container``); an unknown name stays; an unknown field (``extra``) is counted by
    its entry, '(naam)' for the entry's key."""
    if step.name == "extra" and (step.indexes or step.key is not None):
        entry = step.indexes[0] if step.indexes else step.key
        assert entry is not None
        return f"onbekend veld {entry + 1}" + (" (naam)" if step.key is not None else "")
    if step.indexes:
        label = RECORD_LABELS.get(step.name) or FIELD_LABELS.get(step.name, step.name)
        return f"{label} " + " ".join(str(i + 1) for i in step.indexes)
    return (FIELD_IN.get((container, step.name)) or FIELD_LABELS.get(step.name)
            or RECORD_LABELS.get(step.name, step.name))


def _child(obj: Any, name: str) -> Any:
    return None if obj is None else getattr(obj, name, None)


def _item(obj: Any, index: int) -> Any:
    if isinstance(obj, list | tuple) and 0 <= index < len(obj):
        return obj[index]
    return None


def _scenario_name(case: Any, step: Step) -> str | None:
    if case is None or step.name != "scenarios" or len(step.indexes) != 1:
        return None
    scenarios = getattr(case, "scenarios", [])
    index = step.indexes[0]
    if not 0 <= index < len(scenarios):
        return None
    scenario = scenarios[index]
    return scenario.label or scenario.id or None


def describe(path: str, case: Case | None = None) -> str:
    """:meth:`Location.describe` of a text path; the path itself when it has another
    shape (a message must never get lost because its location is unusual)."""
    try:
        return Location.parse(path).describe(case)
    except ValueError:
        return path
