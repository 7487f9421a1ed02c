"""Cost table files ↔ CostTable: structure and every rule FORMATS.md gives for tables."""

from __future__ import annotations

import math
import re
from typing import Any

from effectencalculator.model.cost_table import CostItem, CostTable, PriceIndex, Source
from effectencalculator.model.fields import (
    RAW_KEY,
    FieldReader,
    describe,
    index_key_problem,
    is_number,
    join,
    year_key,
)
from effectencalculator.model.invisible import report_invisible, visible
from effectencalculator.model.validation import Findings
from effectencalculator.model.vocabulary import (
    CONFIDENCES,
    KINDS,
    PAYERS,
    SCHEMA_VERSION,
    UNITS,
)

NAME_PATTERN = re.compile(r"^[a-z0-9-]+$")
#: Larger amounts are typing errors (and could overflow sums): refused with a message.
MAX_TARIFF = 1_000_000_000.0


def item_from_data(data: Any, path: str, findings: Findings, *, custom: bool) -> CostItem:
    """Read one cost item (a table item, or a case's ``custom_items`` entry)."""
    f = FieldReader(data, path, findings, "een kostenpost")
    item = CostItem(
        id=f.text("id", required="code van de post"),
        name=f.text("name", required="naam"),
        category=f.text("category"),
        kind=f.text("kind", required="soort: inzet of effect"),
        unit=f.text("unit", required="eenheid"),
        tariff=f.number("tariff", default=0.0, required="tarief in euro") or 0.0,
        price_year=f.integer("price_year"),
        payer=f.text("payer", required="financier"),
        low=f.number("low"),
        high=f.number("high"),
        note=f.text("note"),
    )
    raw_source = f.mapping("source")
    if isinstance(raw_source, str):
        item.source = [raw_source]
    elif isinstance(raw_source, list) and all(isinstance(s, str) for s in raw_source):
        item.source = list(raw_source)
    elif raw_source is not None:
        findings.error(join(path, "source"), "verwacht een bron-id of een lijst van bron-ids, "
                                             f"gevonden {describe(raw_source)}")
        f.extra["source"] = raw_source
    if custom:
        item.source_note = f.text("source_note")
        if not item.source and not item.source_note.strip():
            findings.warning(path, f"eigen post '{item.id}' heeft geen bron "
                                   "(vul 'source_note' in: waar komt het tarief vandaan?)")
    else:
        if raw_source is None:
            f.missing("source", "bron-id uit 'sources'")
        item.source_note = f.text("source_note")
    _read_mkba_fields(f, item)
    item.extra = f.finish()
    _check_item(item, path, findings)
    _check_mkba_fields(item, path, findings)
    return item


def _read_mkba_fields(f: FieldReader, item: CostItem) -> None:
    """The optional fields of FORMATS.md 1.1 (whose money, what society gains)."""
    item.transfer = f.boolean("transfer")
    item.recipient = f.text("recipient")
    item.productivity = f.boolean("productivity")
    item.cashable = f.boolean("cashable") if f.has("cashable") else None
    if f.has("cashable") and "cashable" in f.extra:  # a wrong type is kept, not guessed
        item.cashable = None
    item.confidence = f.text("confidence")


def _check_mkba_fields(item: CostItem, path: str, findings: Findings) -> None:
    label = f"post '{item.id}'" if item.id else "post"
    if item.transfer and item.productivity:
        findings.error(join(path, "productivity"),
                       f"{label} is zowel een overdracht ('transfer') als productiviteits"
                       "verlies ('productivity'); een overdracht is geen gebruik van "
                       "middelen: kies één van beide")
    if item.recipient:
        if item.recipient not in PAYERS:
            findings.error(join(path, "recipient"),
                           f"{label}: onbekende ontvanger '{item.recipient}' "
                           f"(kies uit: {', '.join(PAYERS)})")
        elif not item.transfer:
            findings.warning(join(path, "recipient"),
                             f"{label}: 'recipient' telt alleen bij een overdracht "
                             "('transfer: true'); het veld wordt bewaard maar niet gebruikt")
        elif item.recipient == item.payer:
            findings.error(join(path, "recipient"),
                           f"{label}: ontvanger '{item.recipient}' is dezelfde als de "
                           "financier; een overdracht gaat van de een naar de ander")
    elif item.transfer and item.payer == item.transfer_recipient:
        findings.error(join(path, "recipient"),
                       f"{label}: financier '{item.payer}' is ook de standaardontvanger "
                       f"van een overdracht; geef een andere 'recipient'")
    if item.confidence and item.confidence not in CONFIDENCES:
        findings.error(join(path, "confidence"),
                       f"{label}: onbekende betrouwbaarheid '{item.confidence}' "
                       f"(kies uit: {', '.join(CONFIDENCES)})")


def _check_item(item: CostItem, path: str, findings: Findings) -> None:
    label = f"post '{visible(item.id)}'" if item.id else "post"
    report_invisible(findings, join(path, "id"), item.id, "code van de post", code=True)
    report_invisible(findings, join(path, "name"), item.name, "naam", code=False)
    if item.kind and item.kind not in KINDS:
        findings.error(join(path, "kind"), f"{label}: onbekende soort '{item.kind}' "
                                           f"(kies uit: {', '.join(KINDS)})")
    if item.unit and item.unit not in UNITS:
        findings.error(join(path, "unit"), f"{label}: onbekende eenheid '{item.unit}' "
                                           f"(kies uit: {', '.join(UNITS)})")
    if item.payer and item.payer not in PAYERS:
        findings.error(join(path, "payer"), f"{label}: onbekende financier '{item.payer}' "
                                            f"(kies uit: {', '.join(PAYERS)})")
    if item.tariff < 0:
        findings.error(join(path, "tariff"), f"{label}: tarief is negatief ({item.tariff})")
    for name in ("tariff", "low", "high"):
        value = getattr(item, name)
        if value is not None and abs(value) > MAX_TARIFF:
            findings.error(join(path, name), f"{label}: bedrag {value} is onwaarschijnlijk groot "
                                             f"(hooguit {MAX_TARIFF:.0f})")
    if item.low is not None and item.low > item.tariff:
        findings.error(join(path, "low"), f"{label}: ondergrens {item.low} is hoger dan "
                                          f"het tarief {item.tariff}")
    if item.high is not None and item.high < item.tariff:
        findings.error(join(path, "high"), f"{label}: tarief {item.tariff} is hoger dan "
                                           f"de bovengrens {item.high}")


def item_to_data(item: CostItem) -> Any:
    if RAW_KEY in item.extra:
        return item.extra[RAW_KEY]
    data: dict[str, Any] = {
        "id": item.id, "name": item.name, "category": item.category, "kind": item.kind,
        "unit": item.unit, "tariff": item.tariff,
    }
    if item.price_year is not None:
        data["price_year"] = item.price_year
    data["payer"] = item.payer
    if item.source:
        data["source"] = item.source[0] if len(item.source) == 1 else list(item.source)
    if item.source_note:
        data["source_note"] = item.source_note
    if item.low is not None:
        data["low"] = item.low
    if item.high is not None:
        data["high"] = item.high
    if item.note:
        data["note"] = item.note
    _write_mkba_fields(item, data)
    data.update(item.extra)
    return data


def _write_mkba_fields(item: CostItem, data: dict[str, Any]) -> None:
    if item.transfer:
        data["transfer"] = True
    if item.recipient:
        data["recipient"] = item.recipient
    if item.productivity:
        data["productivity"] = True
    if item.cashable is not None:
        data["cashable"] = item.cashable
    if item.confidence:
        data["confidence"] = item.confidence


def table_from_data(data: Any, findings: Findings) -> CostTable:
    """Build a CostTable and report every problem (file, item id, field)."""
    f = FieldReader(data, "", findings, "een kostentabel")
    version = f.integer("schema_version", required="versie van het bestandsformaat")
    if version is not None and version != SCHEMA_VERSION:
        findings.error("schema_version", f"bestandsformaat versie {version} wordt niet "
                                         f"ondersteund (dit programma leest versie "
                                         f"{SCHEMA_VERSION})")
    table = CostTable(
        name=f.text("name", required="naam van de tabel"),
        version=f.text("version", required="versie van de tabel"),
        title=f.text("title"),
        price_year=f.integer("price_year", default=0, required="prijspeil") or 0,
        currency=f.text("currency", default="EUR"),
        description=f.text("description"),
    )
    if table.name and not NAME_PATTERN.match(table.name):
        findings.error("name", f"naam '{table.name}' mag alleen a-z, 0-9 en '-' bevatten")
    if table.currency != "EUR":
        findings.error("currency", f"valuta '{table.currency}' wordt niet ondersteund (EUR)")

    for i, raw in enumerate(f.sequence("sources", "bronnen")):
        s = FieldReader(raw, f"sources[{i}]", findings, "een bron")
        source = Source(id=s.text("id", required="bron-id"), title=s.text("title"),
                        publisher=s.text("publisher"), year=s.mapping("year"),
                        url=s.text("url"))
        source.extra = s.finish()
        if source.id in table.sources:
            findings.error(f"sources[{i}].id", f"bron-id '{source.id}' komt dubbel voor")
        elif source.id:
            table.sources[source.id] = source

    raw_index = f.mapping("index")
    if raw_index is not None:
        table.index = _index_from_data(raw_index, findings)

    for i, raw in enumerate(f.sequence("items", "kostenposten")):
        path = f"items[{i}]"
        item = item_from_data(raw, path, findings, custom=False)
        for source_id in item.source:
            if source_id not in table.sources:
                findings.error(join(path, "source"), f"post '{item.id}': bron '{source_id}' "
                                                     "staat niet in 'sources'")
        if item.id in table.items:
            findings.error(join(path, "id"), f"post-id '{item.id}' komt dubbel voor")
        elif item.id:
            table.items[item.id] = item
        year = item.price_year if item.price_year is not None else table.price_year
        if year != table.price_year and table.price_year:
            for needed in (year, table.price_year):
                if needed not in table.index.values:
                    findings.error(join(path, "price_year"),
                                   f"post '{item.id}': prijsindex mist het jaar {needed} "
                                   f"(nodig om van {year} naar {table.price_year} te indexeren)")
    _read_friction(f, table, findings)
    if table.index.source and table.index.source not in table.sources:
        findings.error("index.source", f"bron '{table.index.source}' van de prijsindex staat "
                                       "niet in 'sources'")
    table.extra = f.finish()
    return table


def _index_from_data(raw: Any, findings: Findings) -> PriceIndex:
    f = FieldReader(raw, "index", findings, "de prijsindex")
    index = PriceIndex(name=f.text("name"), source=f.text("source"))
    values = f.mapping("values")
    if isinstance(values, dict):
        for key, value in values.items():
            path = f"index.values.{key}"
            year = year_key(key)
            if year is None or year in index.values:
                findings.error(path, index_key_problem(key, year))
                continue
            if not is_number(value) or not math.isfinite(value) or not 0.001 <= value <= 1e6:
                findings.error(path, f"indexcijfer voor {key} moet een positief getal zijn "
                                     f"(gevonden {value!r:.40})")
                continue
            index.values[year] = float(value)
    elif values is not None:
        findings.error("index.values", "verwacht jaartal: indexcijfer, gevonden "
                                       f"{describe(values)}")
    index.extra = f.finish()
    return index


def _read_friction(f: FieldReader, table: CostTable, findings: Findings) -> None:
    """``friction_period_weeks`` and ``friction_source`` (FORMATS.md 1.1)."""
    weeks = f.number("friction_period_weeks")
    table.friction_source = f.text("friction_source")
    if weeks is not None and not 0 < weeks <= 520:
        findings.error("friction_period_weeks", f"frictieperiode {weeks} weken moet groter "
                                                "dan 0 en hooguit 520 zijn")
        f.extra["friction_period_weeks"] = weeks
        weeks = None
    table.friction_period_weeks = weeks
    if weeks is not None and not table.friction_source:
        findings.error("friction_source", "de frictieperiode heeft een bron nodig: "
                                          "'friction_source' met een id uit 'sources'")
    if table.friction_source and table.friction_source not in table.sources:
        findings.error("friction_source", f"bron '{table.friction_source}' van de "
                                          "frictieperiode staat niet in 'sources'")
    if table.friction_source and weeks is None and "friction_period_weeks" not in f.extra:
        findings.warning("friction_source", "'friction_source' zonder "
                                            "'friction_period_weeks' wordt niet gebruikt")
