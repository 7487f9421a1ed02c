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

Pure Python, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from effectencalculator.model.case import Case

#: a name is anything but a dot or a bracket (a YAML key of an extra field may be odd)
_STEP = re.compile(r"^(?P<name>[^.\[\]]+)(?P<indexes>(?:\[\d+\])*)$")

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
}


@dataclass(frozen=True)
class Step:
    """One part of a path: a name and the positions (from 0) that follow it."""

    name: str
    indexes: tuple[int, ...] = ()

    def __str__(self) -> str:
        return self.name + "".join(f"[{i}]" for i in self.indexes)


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
        steps = []
        for part in path.split("."):
            match = _STEP.match(part)
            if match is None:
                raise ValueError(f"onbekende vindplaats: {path!r}")
            steps.append(Step(match.group("name"),
                              tuple(int(i) for i in re.findall(r"\d+",
                                                               match.group("indexes")))))
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
        return ", ".join(_step_text(step) for step in self.steps)

    def describe(self, case: Case | None = None) -> str:
        """As a researcher finds it: "scenario 'Huidig stelsel', regel 4, hoeveelheid".
        A scenario is named by its label (else its code) when ``case`` has it; otherwise
        the words of :meth:`text`."""
        parts = []
        for i, step in enumerate(self.steps):
            name = _scenario_name(case, step) if i == 0 else None
            parts.append(f"scenario '{name}'" if name else _step_text(step))
        return ", ".join(parts)


def _step_text(step: Step) -> str:
    """A record of a list is 'regel 4'; a field its word; an unknown name stays."""
    if step.indexes:
        label = RECORD_LABELS.get(step.name) or FIELD_LABELS.get(step.name, step.name)
        return f"{label} " + " ".join(str(i + 1) for i in step.indexes)
    return FIELD_LABELS.get(step.name) or RECORD_LABELS.get(step.name, step.name)


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
