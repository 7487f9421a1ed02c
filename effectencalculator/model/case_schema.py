"""Case files ↔ Case objects: plain YAML data in, dataclasses out, and back.

Reading never throws away input: wrong types and unknown keys end up in ``extra``
(reported as errors or warnings) and are written back on save. The rules that look at
meaning (dates in order, quantities, probabilities) live in ``case_rules`` so the GUI
can run them on an edited case too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, TypeVar

from effectencalculator.model.case import (
    Case,
    CaseInfo,
    Compare,
    Event,
    HistoryEntry,
    Member,
    Narrative,
    Outcome,
    Period,
    Perspective,
    Rate,
    RecordedTable,
    SafetyScore,
    Scenario,
    ServiceLine,
    Settings,
)
from effectencalculator.model.case_rules import MAX_LINES
from effectencalculator.model.case_schema_v11 import (
    narrative_v11_data,
    outcome_v11_data,
    read_narrative_v11,
    read_outcome_v11,
    read_review,
    review_data,
)
from effectencalculator.model.fields import RAW_KEY, FieldReader
from effectencalculator.model.table_schema import item_from_data, item_to_data
from effectencalculator.model.validation import Findings

T = TypeVar("T")


def _records(f: FieldReader, key: str, what: str,
             build: Callable[[FieldReader], T], item_what: str) -> list[T]:
    return [build(FieldReader(raw, f"{f.path + '.' if f.path else ''}{key}[{i}]",
                              f.findings, item_what))
            for i, raw in enumerate(f.sequence(key, what))]


def _line_count(raw_scenarios: Any) -> int:
    if not isinstance(raw_scenarios, list):
        return 0
    return sum(len(s["lines"]) for s in raw_scenarios
               if isinstance(s, dict) and isinstance(s.get("lines"), list))


def case_from_data(data: Any, findings: Findings) -> Case:
    f = FieldReader(data, "", findings, "een casusbestand")
    case = Case()
    version = f.integer("schema_version")
    case.schema_version = version if version is not None else 0
    case.info = _info(f.sub("case", "'case' (de casusgegevens)"))
    case.household = _records(f, "household", "gezinsleden", _member, "een gezinslid")
    case.narrative = _narrative(f.sub("narrative", "het verhaal"))
    case.perspectives = _records(f, "perspectives", "perspectieven", _perspective,
                                 "een perspectief")
    case.outcomes = _records(f, "outcomes", "resultaten", _outcome, "een resultaat")
    raw_scenarios = f.data.get("scenarios")
    if _line_count(raw_scenarios) > MAX_LINES:  # refuse before building 100 000 objects
        findings.error("scenarios", f"te veel inzet-regels ({_line_count(raw_scenarios)}; "
                                    f"hooguit {MAX_LINES})")
        f.sequence("scenarios", "scenario's")
        f.extra["scenarios"] = raw_scenarios  # kept as it is: nothing is lost
    else:
        case.scenarios = _records(f, "scenarios", "scenario's", _scenario, "een scenario")
    case.custom_items = [item_from_data(raw, f"custom_items[{i}]", findings, custom=True)
                         for i, raw in enumerate(f.sequence("custom_items", "eigen posten"))]
    case.settings = _settings(f.sub("settings", "de instellingen"))
    case.history = _records(f, "history", "geschiedenis", _history, "een geschiedenisregel")
    case.extra = f.finish()
    return case


def _info(f: FieldReader) -> CaseInfo:
    info = CaseInfo(code=f.text("code"), title=f.text("title"), proeftuin=f.text("proeftuin"))
    p = f.sub("period", "de periode")
    info.period = Period(start=p.date("start"), end=p.date("end"))
    info.period.extra = p.finish()
    info.researcher = f.text("researcher")
    info.session_date = f.date("session_date")
    info.participants = f.text_list("participants")
    info.review = read_review(f)
    info.extra = f.finish()
    return info


def _member(f: FieldReader) -> Member:
    member = Member(id=f.text("id"), label=f.text("label"), role=f.text("role"),
                    birth_year=f.integer("birth_year"))
    member.extra = f.finish()
    return member


def _event(f: FieldReader) -> Event:
    event = Event(date=f.date("date"), scenario=f.text("scenario", default="beide"),
                  domain=f.text("domain"), title=f.text("title"),
                  description=f.text("description"))
    event.extra = f.finish()
    return event


def _narrative(f: FieldReader) -> Narrative:
    narrative = Narrative(summary=f.text("summary"))
    narrative.events = _records(f, "events", "gebeurtenissen", _event, "een gebeurtenis")
    read_narrative_v11(f, narrative)
    narrative.extra = f.finish()
    return narrative


def _perspective(f: FieldReader) -> Perspective:
    perspective = Perspective(who=f.text("who"), role=f.text("role"), text=f.text("text"),
                              quotes=f.text_list("quotes"))
    if f.has("safety_score"):
        s = f.sub("safety_score", "de veiligheidsscore")
        perspective.safety_score = SafetyScore(start=s.number("start"), end=s.number("end"))
        perspective.safety_score.extra = s.finish()
    perspective.extra = f.finish()
    return perspective


def _outcome(f: FieldReader) -> Outcome:
    outcome = Outcome(domain=f.text("domain"), start=f.text("start"), end=f.text("end"),
                      reference=f.text("reference"),
                      direction=f.text("direction", default="onbekend"),
                      source=f.text("source"))
    read_outcome_v11(f, outcome)
    outcome.extra = f.finish()
    return outcome


def _scenario(f: FieldReader) -> Scenario:
    scenario = Scenario(id=f.text("id"), label=f.text("label"), role=f.text("role"))
    scenario.lines = _records(f, "lines", "inzet-regels", _line, "een inzet-regel")
    scenario.extra = f.finish()
    return scenario


def _line(f: FieldReader) -> ServiceLine:
    line = ServiceLine(item=f.text("item"), quantity=f.number("quantity"))
    if f.has("rate"):
        r = f.sub("rate", "'rate' (hoeveelheid per periode)")
        line.rate = Rate(quantity=r.number("quantity", default=0.0) or 0.0, per=r.text("per"))
        if r.valid and not r.has("quantity"):
            r.missing("quantity", "hoeveelheid per periode")
        line.rate.extra = r.finish()
    line.date = f.date("date")
    line.start = f.date("start")
    line.end = f.date("end")
    probability = f.number("probability")
    line.probability = 1.0 if probability is None else probability
    line.approach_cost = f.boolean("approach_cost")
    line.note = f.text("note")
    _line_mkba(f, line)
    line.extra = f.finish()
    return line


def _line_mkba(f: FieldReader, line: ServiceLine) -> None:
    """Line fields of FORMATS.md 1.1: whose money (payer) and when an absence began."""
    line.payer = f.text("payer")
    line.absence_start = f.date("absence_start")


def _settings(f: FieldReader) -> Settings:
    settings = Settings(
        cost_table=f.text("cost_table"),
        cost_table_version=f.text("cost_table_version"),
        cost_table_sha256=f.text("cost_table_sha256"),
        price_year=f.integer("price_year"),
        discount_rate=f.number("discount_rate", default=0.0) or 0.0,
        horizon_years=f.integer("horizon_years"),
    )
    if f.has("compare"):
        c = f.sub("compare", "de vergelijking")
        settings.compare = Compare(reference=c.text("reference"),
                                   intervention=c.text("intervention"))
        settings.compare.extra = c.finish()
    if f.has("cost_table_base"):
        b = f.sub("cost_table_base", "de basistabel")
        settings.cost_table_base = RecordedTable(name=b.text("name"),
                                                 version=b.text("version"),
                                                 sha256=b.text("sha256"))
        settings.cost_table_base.extra = b.finish()
    settings.privacy_accepted = f.text_list("privacy_accepted")
    settings.productivity_method = f.text("productivity_method")
    settings.extra = f.finish()
    return settings


def _history(f: FieldReader) -> HistoryEntry:
    entry = HistoryEntry(time=f.moment("time"), program_version=f.text("program_version"),
                         cost_table=f.text("cost_table"),
                         cost_table_version=f.text("cost_table_version"),
                         cost_table_sha256=f.text("cost_table_sha256"),
                         note=f.text("note"))
    entry.extra = f.finish()
    return entry


# -- writing -------------------------------------------------------------------------

def _put(data: dict[str, Any], key: str, value: Any) -> None:
    """Write optional values only when set, to keep files short and readable."""
    if value is None or value == "" or value == [] or value == {}:
        return
    data[key] = value


def _emit(record: Any, write: Callable[[Any], dict[str, Any]]) -> Any:
    """The record as data; an input that was not a mapping goes back unchanged."""
    if RAW_KEY in record.extra:
        return record.extra[RAW_KEY]
    data = write(record)
    data.update(record.extra)
    return data


def case_to_data(case: Case) -> dict[str, Any]:
    data: dict[str, Any] = {"schema_version": case.schema_version,
                            "case": _emit(case.info, _info_data),
                            "household": [_emit(m, _member_data) for m in case.household],
                            "narrative": _emit(case.narrative, _narrative_data),
                            "perspectives": [_emit(p, _perspective_data)
                                             for p in case.perspectives],
                            "outcomes": [_emit(o, _outcome_data) for o in case.outcomes],
                            "scenarios": [_emit(s, _scenario_data) for s in case.scenarios],
                            "custom_items": [item_to_data(i) for i in case.custom_items],
                            "settings": _emit(case.settings, _settings_data)}
    if case.history:
        data["history"] = [_emit(h, _history_data) for h in case.history]
    data.update(case.extra)
    return data


def _info_data(info: CaseInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": info.code, "title": info.title, "proeftuin": info.proeftuin,
        "period": _emit(info.period, lambda p: {"start": p.start, "end": p.end}),
        "researcher": info.researcher}
    _put(data, "session_date", info.session_date)
    data["participants"] = list(info.participants)
    review_data(info.review, data)
    return data


def _member_data(m: Member) -> dict[str, Any]:
    data: dict[str, Any] = {"id": m.id, "label": m.label, "role": m.role}
    _put(data, "birth_year", m.birth_year)
    return data


def _event_data(e: Event) -> dict[str, Any]:
    data: dict[str, Any] = {"date": e.date, "scenario": e.scenario, "domain": e.domain,
                            "title": e.title}
    _put(data, "description", e.description)
    return data


def _narrative_data(n: Narrative) -> dict[str, Any]:
    data = {"summary": n.summary, "events": [_emit(e, _event_data) for e in n.events]}
    narrative_v11_data(n, data)
    return data


def _perspective_data(p: Perspective) -> dict[str, Any]:
    data: dict[str, Any] = {"who": p.who, "role": p.role, "text": p.text,
                            "quotes": list(p.quotes)}
    if p.safety_score is not None:
        data["safety_score"] = _emit(p.safety_score, lambda s: {"start": s.start, "end": s.end})
    return data


def _outcome_data(o: Outcome) -> dict[str, Any]:
    data = {"domain": o.domain, "start": o.start, "end": o.end, "reference": o.reference,
            "direction": o.direction, "source": o.source}
    outcome_v11_data(o, data)
    return data


def _scenario_data(s: Scenario) -> dict[str, Any]:
    return {"id": s.id, "label": s.label, "role": s.role,
            "lines": [line_to_data(line) for line in s.lines]}


def line_to_data(line: ServiceLine) -> Any:
    """One service line as file data (also used to copy lines between scenarios)."""
    def write(line: ServiceLine) -> dict[str, Any]:
        data: dict[str, Any] = {"item": line.item}
        _put(data, "quantity", line.quantity)
        if line.rate is not None:
            data["rate"] = _emit(line.rate, lambda r: {"quantity": r.quantity, "per": r.per})
        _put(data, "date", line.date)
        _put(data, "start", line.start)
        _put(data, "end", line.end)
        if line.probability != 1.0:
            data["probability"] = line.probability
        if line.approach_cost:
            data["approach_cost"] = True
        _put(data, "note", line.note)
        _put(data, "payer", line.payer)
        _put(data, "absence_start", line.absence_start)
        return data
    return _emit(line, write)


def _settings_data(s: Settings) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _put(data, "cost_table", s.cost_table)
    _put(data, "cost_table_version", s.cost_table_version)
    _put(data, "cost_table_sha256", s.cost_table_sha256)
    if s.cost_table_base is not None:
        base = s.cost_table_base
        data["cost_table_base"] = {"name": base.name, "version": base.version,
                                   "sha256": base.sha256, **base.extra}
    _put(data, "price_year", s.price_year)
    data["discount_rate"] = s.discount_rate
    data["horizon_years"] = s.horizon_years
    if s.compare is not None:
        data["compare"] = _emit(s.compare, lambda c: {"reference": c.reference,
                                                       "intervention": c.intervention})
    _put(data, "privacy_accepted", list(s.privacy_accepted))
    _put(data, "productivity_method", s.productivity_method)
    return data


def _moment_value(text: str) -> Any:
    """A save's time as a YAML timestamp (plain, like every date in the file); text that
    is no ISO moment (typed by hand) stays text."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return moment if moment.isoformat() == text else text


def _history_data(h: HistoryEntry) -> dict[str, Any]:
    data = {"time": _moment_value(h.time), "program_version": h.program_version,
            "cost_table": h.cost_table, "cost_table_version": h.cost_table_version,
            "cost_table_sha256": h.cost_table_sha256}
    if h.note:
        data["note"] = h.note
    return data
