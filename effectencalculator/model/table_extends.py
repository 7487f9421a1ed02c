"""A cost table that extends another (FORMATS.md 1.1): a region's own prices on a base.

The extension is resolved at the level of plain data, before the table is built, so the
merged table is checked by exactly the same rules as any table file. An override gives
only the fields it changes (``field: null`` clears an optional one); a new id is a
complete item. Findings name the file that holds the fault: the extending file for its
own items and keys, the base file for what the base got wrong.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from effectencalculator.model.cost_table import TableBase
from effectencalculator.model.validation import Finding, Findings, InvalidInputError
from effectencalculator.model.yaml_io import read_yaml_file

#: at most this many tables in one chain (the extending table included)
MAX_CHAIN = 4

#: ``lookup(name, version, folder)``: the base table's file, or None. ``folder`` is the
#: extending file's folder (a base next to it is found too).
Lookup = Callable[[str, str, Path], "Path | None"]

_ITEM_PATH = re.compile(r"^items\[(\d+)\]")


@dataclass
class Extended:
    """The merged plain data of a table and its bases, and where each item came from."""

    data: dict[str, Any]
    #: the tables this one rests on, nearest first
    bases: list[TableBase] = field(default_factory=list)
    #: item ids of the base that this table changes
    overridden: set[str] = field(default_factory=set)
    #: per merged item: (file, index of that item in that file's ``items``)
    item_origin: list[tuple[str, int]] = field(default_factory=list)
    #: per base file: its location -> line map, so a finding there gets its line
    lines: dict[str, Mapping[str, int]] = field(default_factory=dict)

    def origin_of(self, path: str, own_file: str) -> tuple[str, str]:
        """The file and location a merged location stands for."""
        match = _ITEM_PATH.match(path)
        if not match or int(match.group(1)) >= len(self.item_origin):
            return own_file, path
        file, index = self.item_origin[int(match.group(1))]
        return file, f"items[{index}]{path[match.end():]}"


def has_extends(data: Any) -> bool:
    return isinstance(data, dict) and "extends" in data


def resolve_extends(data: dict[str, Any], file: Path, findings: Findings,
                    lookup: Lookup) -> Extended:
    """Merge ``data`` (a table that ``extends`` another) with its chain of bases.

    Every problem is added to ``findings`` (file, location, Dutch message); what can be
    merged still is, so the rest of the table is checked too.
    """
    return _resolve(data, file, findings, lookup, chain=[])


def _resolve(data: dict[str, Any], file: Path, findings: Findings, lookup: Lookup,
             chain: list[str]) -> Extended:
    own_name = str(data.get("name") or file.stem)
    chain = [*chain, own_name]
    own = _own_items(data, str(file))
    raw = data.get("extends")
    if not has_extends(data):
        return Extended(copy.deepcopy(data), [], set(), own)
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
        findings.error("extends", "verwacht {name: basistabel, version: versie (optioneel)}")
        return _without_base(data, own)
    name = raw["name"]
    version = "" if raw.get("version") is None else str(raw["version"])
    unknown = sorted(set(raw) - {"name", "version"})
    if unknown:
        findings.warning("extends", f"onbekende sleutel(s) {', '.join(map(str, unknown))} "
                                    "in 'extends' worden genegeerd")
    if name in chain:
        findings.error("extends.name", f"tabel '{own_name}' breidt via "
                                       f"{' → '.join(chain)} → {name} zichzelf uit (een kring)")
        return _without_base(data, own)
    if len(chain) >= MAX_CHAIN:
        findings.error("extends", f"de keten van tabellen ({' → '.join(chain)} → {name}) is "
                                  f"langer dan {MAX_CHAIN} tabellen")
        return _without_base(data, own)
    base_path = lookup(name, version, file.parent)
    wanted = f"'{name}'" + (f" versie {version}" if version else "")
    if base_path is None:
        findings.error("extends.name", f"basistabel {wanted} van tabel '{own_name}' niet "
                                       "gevonden (gezocht bij de meegeleverde tabellen, in de "
                                       "eigen tabellenmap en naast dit bestand)")
        return _without_base(data, own)
    try:
        document = read_yaml_file(base_path)
    except InvalidInputError as exc:
        findings.items.extend(exc.findings)
        findings.error("extends.name", f"basistabel {wanted} ({base_path.name}) is niet te "
                                       "lezen")
        return _without_base(data, own)
    base_data = document.data
    if not isinstance(base_data, dict):
        findings.error("extends.name", f"basistabel {wanted} ({base_path.name}) is geen "
                                       "kostentabel")
        return _without_base(data, own)
    if version and str(base_data.get("version", "")) != version:
        findings.error("extends.version", f"basistabel '{name}' is gevonden, maar niet in "
                                          f"versie {version}")
    base_findings = Findings(file=str(base_path), lines=document.lines)
    base = _resolve(base_data, base_path, base_findings, lookup, chain)
    findings.items.extend(base_findings.items)
    here = TableBase(name=str(base_data.get("name", name)),
                     version=str(base_data.get("version", "")),
                     sha256=document.sha256, path=base_path)
    return _merge(base, data, findings, here, document.lines)


def _own_items(data: dict[str, Any], file: str) -> list[tuple[str, int]]:
    items = data.get("items")
    return [(file, i) for i in range(len(items))] if isinstance(items, list) else []


def _without_base(data: dict[str, Any], own: list[tuple[str, int]]) -> Extended:
    merged = {k: copy.deepcopy(v) for k, v in data.items() if k != "extends"}
    return Extended(merged, [], set(), own)


def _merge(base: Extended, data: dict[str, Any], findings: Findings,
           here: TableBase, base_lines: Mapping[str, int]) -> Extended:
    merged = copy.deepcopy(base.data)
    base_year = merged.get("price_year")
    for key, value in data.items():
        if key not in ("extends", "items", "sources"):
            merged[key] = copy.deepcopy(value)
    merged["sources"] = _merge_sources(merged.get("sources"), data.get("sources"),
                                       findings, here.name)
    items: list[Any] = []
    origin: list[tuple[str, int]] = []
    position: dict[str, int] = {}
    for raw, where in zip(_list(merged.get("items")), base.item_origin, strict=False):
        item = copy.deepcopy(raw)
        if isinstance(item, dict):
            if item.get("price_year") is None and base_year is not None:
                item["price_year"] = base_year  # inherited items keep their price year
            if isinstance(item.get("id"), str):
                position[item["id"]] = len(items)
        items.append(item)
        origin.append(where)
    result = Extended(merged, [here, *base.bases], set(base.overridden), origin,
                      {**base.lines, str(here.path): base_lines})
    file = findings.file or ""
    for i, raw in enumerate(_list(data.get("items"))):
        item_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(item_id, str) and item_id in position:
            target = position[item_id]
            items[target] = _override(items[target], raw, f"items[{i}]", findings)
            origin[target] = (file, i)
            result.overridden.add(item_id)
        else:
            items.append(copy.deepcopy(raw))
            origin.append((file, i))
    merged["items"] = items
    return result


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _merge_sources(base: Any, own: Any, findings: Findings, base_name: str) -> list[Any]:
    sources = copy.deepcopy(_list(base))
    known = {s.get("id") for s in sources if isinstance(s, dict)}
    if own is not None and not isinstance(own, list):
        findings.error("sources", "verwacht een lijst van bronnen")
        return sources
    for i, source in enumerate(_list(own)):
        source_id = source.get("id") if isinstance(source, dict) else None
        if source_id is not None and source_id in known:
            findings.error(f"sources[{i}].id", f"bron-id '{source_id}' staat ook in de "
                                               f"basistabel '{base_name}'; kies een eigen id")
            continue
        sources.append(copy.deepcopy(source))
    return sources


def _override(base_item: Any, override: dict[str, Any], path: str,
              findings: Findings) -> Any:
    """The base item with exactly the fields the override gives replaced (null clears)."""
    if not isinstance(base_item, dict):
        return copy.deepcopy(override)
    item = copy.deepcopy(base_item)
    for key, value in override.items():
        if value is None:
            item.pop(key, None)
        else:
            item[key] = copy.deepcopy(value)
    label = f"post '{override['id']}'"
    if "tariff" in override:
        for needed, word in (("source", "een bron"), ("price_year", "een prijspeil")):
            if override.get(needed) is None:
                findings.error(f"{path}.{needed}", f"{label}: een nieuw tarief vraagt ook "
                                                   f"{word} ('{needed}')")
        inherited = [k for k in ("low", "high") if k in item and k not in override]
        tariff = item.get("tariff")
        if inherited and isinstance(tariff, int | float) and not _brackets(item, tariff):
            findings.error(f"{path}.tariff", f"{label}: het geërfde bereik (low "
                                             f"{item.get('low')}, high {item.get('high')}) "
                                             f"omvat het nieuwe tarief {tariff} niet; geef "
                                             "ook 'low' en 'high' (of maak ze leeg met null)")
            for key in inherited:
                item.pop(key)  # reported once here, not again as a base fault
    return item


def _brackets(item: dict[str, Any], tariff: float) -> bool:
    low, high = item.get("low"), item.get("high")
    ok_low = not isinstance(low, int | float) or low <= tariff
    ok_high = not isinstance(high, int | float) or tariff <= high
    return ok_low and ok_high


def remap_findings(findings: Findings, extended: Extended, start: int) -> None:
    """Point findings about merged items (from ``start`` on) at the file that holds them."""
    own = findings.file or ""
    for k in range(start, len(findings.items)):
        finding = findings.items[k]
        if finding.file not in (None, own):
            continue
        file, path = extended.origin_of(finding.path, own)
        if file != own or path != finding.path:
            lines = findings.lines if file == own else extended.lines.get(file, {})
            findings.items[k] = Finding(finding.severity, path, finding.message, file,
                                        Findings(lines=lines).line_for(path))
