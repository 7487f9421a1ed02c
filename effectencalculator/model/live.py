"""Live totals while a case is being edited: calculate with the incomplete lines set aside.

While a researcher types, a line is often briefly incomplete (a new line without an item,
a rate without an end date). ``calculate`` rightly refuses such a case as a whole; for the
live view this module prices every *valid* line with the same ``calculate`` and reports
the lines it set aside, with their messages, so nothing is hidden. Errors outside lines
(no case period, an unknown comparison scenario, a missing index year) still block.

Pure Python, no Qt; the case is never copied deeply nor changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from effectencalculator.model.calculation import CaseResult, LineResult, calculate
from effectencalculator.model.case import Case
from effectencalculator.model.case_rules import check_case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.location import Location
from effectencalculator.model.validation import (
    Finding,
    Findings,
    InvalidInputError,
    Severity,
)


@dataclass
class LiveResult:
    """The result of the valid lines, and what kept the rest out."""

    result: CaseResult | None
    #: errors that stop the whole calculation (shown instead of figures)
    errors: list[Finding] = field(default_factory=list)
    #: (scenario index, line index) → the errors of a line that was left out
    line_errors: dict[tuple[int, int], list[Finding]] = field(default_factory=dict)
    #: warnings of the calculation, with line locations of the full case
    warnings: list[Finding] = field(default_factory=list)
    #: id(ServiceLine) → its LineResult
    _by_line: dict[int, LineResult] = field(default_factory=dict, repr=False)

    def line_result(self, line: object) -> LineResult | None:
        return self._by_line.get(id(line))


def _line_key(path: str) -> tuple[int, int] | None:
    """(scenario, line) of a finding in a service line; None elsewhere."""
    try:
        return Location.parse(path).line_key
    except ValueError:
        return None


def calculate_live(case: Case, table: CostTable | None) -> LiveResult:
    """Price the case's valid lines; never raises for invalid input."""
    if table is None:
        return LiveResult(None, [Finding(Severity.ERROR, "settings.cost_table",
                                         "geen kostentabel geladen")])
    try:  # the common case: the whole case is valid (checked once, by calculate)
        result = calculate(case, table)
    except InvalidInputError:
        pass
    else:
        by_line = {id(r.line): r for s in result.scenarios.values() for r in s.lines}
        return LiveResult(result, [], {}, list(result.warnings), by_line)
    findings = Findings()
    check_case(case, findings)
    line_errors: dict[tuple[int, int], list[Finding]] = {}
    blocking: list[Finding] = []
    for finding in findings.errors:
        key = _line_key(finding.path)
        if key is None:
            blocking.append(finding)
        else:
            line_errors.setdefault(key, []).append(finding)
    if blocking:
        return LiveResult(None, blocking, line_errors)

    # A shallow view of the case without the invalid lines; records are shared, not copied.
    kept: list[list[int]] = []
    scenarios = []
    for s_index, scenario in enumerate(case.scenarios):
        indexes = [i for i in range(len(scenario.lines)) if (s_index, i) not in line_errors]
        kept.append(indexes)
        if len(indexes) == len(scenario.lines):
            scenarios.append(scenario)
        else:
            scenarios.append(replace(scenario, lines=[scenario.lines[i] for i in indexes]))
    view = replace(case, scenarios=scenarios) if line_errors else case

    def full_path(path: str) -> str:
        key = _line_key(path)
        if key is None or not line_errors:
            return path
        s_index, l_index = key
        return str(Location.parse(path).with_line(kept[s_index][l_index]))

    def remap(items: list[Finding]) -> list[Finding]:
        return [replace(f, path=full_path(f.path)) for f in items]

    try:
        result = calculate(view, table)
    except InvalidInputError as exc:
        return LiveResult(None, remap(exc.errors), line_errors)
    by_line = {id(r.line): r for s in result.scenarios.values() for r in s.lines}
    return LiveResult(result, [], line_errors, remap(result.warnings), by_line)
