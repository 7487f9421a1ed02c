"""The rules of a valid case (FORMATS.md), run on Case objects.

Loading a file and editing in the GUI both end here, so a researcher sees the same
message wherever a mistake is made. Locations count from 0.
"""

from __future__ import annotations

import math

from effectencalculator.model.case import Case, ServiceLine
from effectencalculator.model.case_rules_v11 import check_case_v11
from effectencalculator.model.fields import RAW_KEY
from effectencalculator.model.invisible import check_case_text
from effectencalculator.model.validation import Findings
from effectencalculator.model.vocabulary import (
    ALL_SCENARIOS,
    DIRECTIONS,
    DOMAINS,
    PAYERS,
    PRODUCTIVITY_METHODS,
    RATE_PERIOD_DAYS,
    SCENARIO_ROLES,
    SCHEMA_VERSION,
)

#: Beyond these a value is a typing error, and sums could overflow: refused with a message.
MAX_QUANTITY = 10_000_000.0
MAX_LINES = 20_000


def check_case(case: Case, findings: Findings) -> None:
    """Add every rule violation of ``case`` to ``findings``."""
    line_count = sum(len(s.lines) for s in case.scenarios)
    if line_count > MAX_LINES:
        findings.error("scenarios", f"te veel inzet-regels ({line_count}; hooguit {MAX_LINES})")
    if case.schema_version == 0 and "schema_version" not in case.extra:
        findings.error("schema_version", "verplicht veld 'schema_version' ontbreekt "
                                         f"(voor dit programma: {SCHEMA_VERSION})")
    elif case.schema_version > SCHEMA_VERSION:
        findings.error("schema_version", f"dit bestand heeft formaatversie "
                                         f"{case.schema_version}, gemaakt met een nieuwere "
                                         f"versie van het programma (dit programma leest "
                                         f"versie {SCHEMA_VERSION})")
    elif case.schema_version != SCHEMA_VERSION and "schema_version" not in case.extra:
        findings.error("schema_version", f"onbekende formaatversie {case.schema_version}")
    _check_info(case, findings)
    _check_household(case, findings)
    _check_narrative(case, findings)
    _check_outcomes(case, findings)
    _check_scenarios(case, findings)
    _check_custom_items(case, findings)
    _check_settings(case, findings)
    check_case_v11(case, findings)
    check_case_text(case, findings)  # invisible characters in codes, ids, titles


def _valid(record) -> bool:
    return RAW_KEY not in record.extra


def _check_info(case: Case, findings: Findings) -> None:
    if not _valid(case.info):
        return
    if not case.info.code.strip() and "code" not in case.info.extra:
        findings.error("case.code", "verplicht veld 'code' (pseudonieme casuscode) ontbreekt")
    period = case.info.period
    if not _valid(period):
        return
    if period.start is None:
        findings.error("case.period.start", "verplicht veld 'start' (begin van de "
                                            "casusperiode) ontbreekt")
    if period.end is None:
        findings.error("case.period.end", "verplicht veld 'end' (einde van de casusperiode) "
                                          "ontbreekt")
    if period.start and period.end and period.end < period.start:
        findings.error("case.period.end", f"einde {period.end.isoformat()} ligt vóór het "
                                          f"begin {period.start.isoformat()}")


def _check_household(case: Case, findings: Findings) -> None:
    seen: set[str] = set()
    for i, member in enumerate(case.household):
        if member.id and member.id in seen:
            findings.error(f"household[{i}].id", f"id '{member.id}' komt dubbel voor")
        seen.add(member.id)


def _check_narrative(case: Case, findings: Findings) -> None:
    scenario_ids = {s.id for s in case.scenarios}
    for i, event in enumerate(case.narrative.events):
        path = f"narrative.events[{i}]"
        if not _valid(event):
            continue
        if event.scenario and event.scenario != ALL_SCENARIOS and \
                event.scenario not in scenario_ids:
            findings.warning(f"{path}.scenario", f"scenario '{event.scenario}' bestaat niet "
                                                 f"(gebruik een scenario-id of '{ALL_SCENARIOS}')")
        if event.domain and event.domain not in DOMAINS:
            findings.warning(f"{path}.domain", f"onbekend leefdomein '{event.domain}' "
                                               f"(bekend: {', '.join(DOMAINS)})")


def _check_outcomes(case: Case, findings: Findings) -> None:
    for i, outcome in enumerate(case.outcomes):
        path = f"outcomes[{i}]"
        if not _valid(outcome):
            continue
        if outcome.direction not in DIRECTIONS and "direction" not in outcome.extra:
            findings.error(f"{path}.direction", f"onbekende richting '{outcome.direction}' "
                                                f"(kies uit: {', '.join(DIRECTIONS)})")
        if outcome.domain and outcome.domain not in DOMAINS:
            findings.warning(f"{path}.domain", f"onbekend leefdomein '{outcome.domain}' "
                                               f"(bekend: {', '.join(DOMAINS)})")


def _check_scenarios(case: Case, findings: Findings) -> None:
    seen: set[str] = set()
    for i, scenario in enumerate(case.scenarios):
        path = f"scenarios[{i}]"
        if not _valid(scenario):
            continue
        if not scenario.id.strip() and "id" not in scenario.extra:
            findings.error(f"{path}.id", "verplicht veld 'id' (naam van het scenario) ontbreekt")
        elif scenario.id in seen:
            findings.error(f"{path}.id", f"scenario-id '{scenario.id}' komt dubbel voor")
        seen.add(scenario.id)
        if not scenario.role and "role" not in scenario.extra:
            findings.error(f"{path}.role", "verplicht veld 'role' ontbreekt (kies uit: "
                                           f"{', '.join(SCENARIO_ROLES)})")
        elif scenario.role and scenario.role not in SCENARIO_ROLES:
            findings.error(f"{path}.role", f"onbekende rol '{scenario.role}' (kies uit: "
                                           f"{', '.join(SCENARIO_ROLES)})")
        for j, line in enumerate(scenario.lines):
            if _valid(line):
                check_line(line, f"{path}.lines[{j}]", findings)


def check_line(line: ServiceLine, path: str, findings: Findings) -> None:
    """The rules of one service line (FORMATS.md, calculation rules)."""
    extra = line.extra
    if not line.item.strip() and "item" not in extra:
        findings.error(f"{path}.item", "verplicht veld 'item' (code van de kostenpost) ontbreekt")
    has_quantity = line.quantity is not None or "quantity" in extra
    has_rate = line.rate is not None
    if has_quantity and has_rate:
        findings.error(f"{path}.rate", "geef 'quantity' of 'rate', niet allebei")
    elif not has_quantity and not has_rate:
        findings.error(f"{path}.quantity", "verplicht: 'quantity' (hoeveelheid) of 'rate' "
                                           "(hoeveelheid per periode)")
    if line.quantity is not None and line.quantity < 0:
        findings.error(f"{path}.quantity", f"hoeveelheid is negatief ({_num(line.quantity)}); "
                                           "moet 0 of meer zijn")
    elif line.quantity is not None and line.quantity > MAX_QUANTITY:
        findings.error(f"{path}.quantity", f"hoeveelheid {_num(line.quantity)} is onwaarschijnlijk "
                                           f"groot (hooguit {_num(MAX_QUANTITY)})")
    if has_rate and line.rate is not None and _valid(line.rate):
        rate = line.rate
        if rate.quantity < 0:
            findings.error(f"{path}.rate.quantity", f"hoeveelheid per periode is negatief "
                                                    f"({_num(rate.quantity)})")
        elif rate.quantity > MAX_QUANTITY:
            findings.error(f"{path}.rate.quantity", f"hoeveelheid per periode "
                                                    f"{_num(rate.quantity)} is onwaarschijnlijk "
                                                    "groot")
        if rate.per not in RATE_PERIOD_DAYS and "per" not in rate.extra:
            findings.error(f"{path}.rate.per", f"onbekende periode '{rate.per}' (kies uit: "
                                               f"{', '.join(RATE_PERIOD_DAYS)})")
        if line.start is None or line.end is None:
            missing = "start" if line.start is None else "end"
            findings.error(f"{path}.{missing}", "een 'rate' heeft een begin ('start') en een "
                                                "einde ('end') nodig")
    if line.date is not None and (line.start is not None or line.end is not None):
        findings.error(f"{path}.date", "geef een datum ('date') óf een periode "
                                       "('start'/'end'), niet allebei")
    elif line.start is not None and line.end is None and "end" not in extra:
        findings.error(f"{path}.end", "er is een begin ('start') maar geen einde ('end')")
    elif line.end is not None and line.start is None and "start" not in extra:
        findings.error(f"{path}.start", "er is een einde ('end') maar geen begin ('start')")
    if line.start and line.end and line.end < line.start:
        findings.error(f"{path}.end", f"einde {line.end.isoformat()} ligt vóór het begin "
                                      f"{line.start.isoformat()}")
    if not (0.0 <= line.probability <= 1.0):
        findings.error(f"{path}.probability", f"kans {_num(line.probability)} ligt buiten "
                                              "0..1 (bijvoorbeeld 0.8 voor 80%)")
    _check_line_mkba(line, path, findings)


def _check_line_mkba(line: ServiceLine, path: str, findings: Findings) -> None:
    """Line fields of FORMATS.md 1.1 that need no cost table."""
    if line.payer and line.payer not in PAYERS:
        findings.error(f"{path}.payer", f"onbekende financier '{line.payer}' "
                                        f"(kies uit: {', '.join(PAYERS)})")
    begins = line.start or line.date
    if line.absence_start is not None and begins is not None and line.absence_start > begins:
        findings.error(f"{path}.absence_start",
                       f"begin van het verzuim {line.absence_start.isoformat()} ligt na het "
                       f"begin van de regel {begins.isoformat()}; het verzuim waarop deze "
                       "regel volgt begon eerder (of op dezelfde dag)")


def _check_custom_items(case: Case, findings: Findings) -> None:
    seen: set[str] = set()
    for i, item in enumerate(case.custom_items):
        if item.id and item.id in seen:
            findings.error(f"custom_items[{i}].id", f"eigen post '{item.id}' komt dubbel voor")
        seen.add(item.id)


def _check_settings(case: Case, findings: Findings) -> None:
    s = case.settings
    if not _valid(s):
        return
    if s.discount_rate < 0 or s.discount_rate >= 1:
        findings.error("settings.discount_rate", f"disconteringsvoet {_num(s.discount_rate)} "
                                                 "moet tussen 0 en 1 liggen (0.0225 = 2,25%)")
    if s.horizon_years is not None and s.horizon_years < 1:
        findings.error("settings.horizon_years", f"tijdshorizon {s.horizon_years} moet 1 jaar "
                                                 "of meer zijn (of leeg: alle jaren)")
    if s.price_year is not None and not (1900 <= s.price_year <= 2200):
        findings.error("settings.price_year", f"prijspeil {s.price_year} is geen plausibel jaar")
    if s.productivity_method and s.productivity_method not in PRODUCTIVITY_METHODS:
        findings.error("settings.productivity_method",
                       f"onbekende methode '{s.productivity_method}' voor productiviteits"
                       f"verlies (kies uit: {', '.join(PRODUCTIVITY_METHODS)})")
    if s.compare is not None and _valid(s.compare):
        ids = {sc.id for sc in case.scenarios}
        for key in ("reference", "intervention"):
            value = getattr(s.compare, key)
            if value and value not in ids:
                findings.error(f"settings.compare.{key}", f"scenario '{value}' bestaat niet "
                                                          f"(scenario's: {', '.join(sorted(ids))})")


def _num(value: float) -> str:
    if math.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return repr(value)
