"""Finding cost tables: the shipped ones and the user's own tables folder.

The default table ships inside the package (``effectencalculator.cost_tables``, which
the build maps to the top-level ``cost_tables/`` folder), so it is found in an editable
checkout and in an installed wheel alike.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.storage import load_table
from effectencalculator.model.user_dirs import user_data_dir
from effectencalculator.model.validation import Finding, InvalidInputError, Severity
from effectencalculator.model.yaml_io import MAX_DEPTH, MAX_FILE_BYTES, read_yaml_file

DEFAULT_TABLE_NAME = "nl-jeugd-gezin"
USER_TABLES_ENV = "EFFECTENCALCULATOR_TABLES"


@dataclass(frozen=True)
class TableRef:
    name: str
    version: str
    path: Path


def shipped_tables_dir() -> Path:
    return Path(str(resources.files("effectencalculator.cost_tables")))


def user_tables_dir() -> Path:
    """``$EFFECTENCALCULATOR_TABLES``, else the platform's per-user data folder."""
    configured = os.environ.get(USER_TABLES_ENV)
    return Path(configured) if configured else user_data_dir() / "cost_tables"


def available_tables() -> list[TableRef]:
    """Every readable table (name + version) in the shipped and the user's folders.

    Only the two top-level keys are read (:func:`table_head`), not whole tables: the
    window lists the tables at start-up and in every table choice."""
    return [*_tables_in(shipped_tables_dir()), *_tables_in(user_tables_dir())]


def _tables_in(folder: Path) -> list[TableRef]:
    refs: list[TableRef] = []
    if not folder.is_dir():
        return refs
    for path in sorted(folder.glob("*.yaml")):
        head = table_head(path)
        if head is not None:
            refs.append(TableRef(head[0], head[1], path))
    return refs


_HEAD_KEYS = ("name", "version")
_SCAN_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def table_head(path: Path) -> tuple[str, str] | None:
    """(name, version) of a table file, or None when it is no readable table.

    Walks the YAML event stream of the top-level mapping until both keys are seen (a
    table puts them first), so the items are never built; the limits of ``yaml_io``
    still hold. A value the scan cannot settle (an alias, a nested value) falls back to
    reading the whole file as before."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        found = _scan_head(path)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    if found is None:  # the scan could not tell: read it all
        try:
            data = read_yaml_file(path).data
        except InvalidInputError:
            return None
        if not isinstance(data, dict) or not data.get("name"):
            return None
        return str(data["name"]), str(data.get("version", ""))
    name, version = found
    return (name, version) if name else None


def _scan_head(path: Path) -> tuple[str, str] | None:
    """('', '') for no table; None when the full read must decide."""
    values: dict[str, str] = {}
    depth = 0
    key: str | None = None      # the top-level key whose value comes next
    expect_key = True
    with open(path, "rb") as stream:
        for event in yaml.parse(stream, Loader=_SCAN_LOADER):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if depth == 0 and not isinstance(event, yaml.MappingStartEvent):
                    return "", ""  # a list at the top: no table
                if depth == 1 and key in _HEAD_KEYS:
                    return None  # name or version as a mapping or list: let the reader say
                depth += 1
                if depth > MAX_DEPTH:
                    return "", ""
                if depth == 2:
                    expect_key = False  # the nested value of a top-level key
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                if depth == 1:
                    expect_key = True
                elif depth == 0:
                    break
                continue
            if depth == 0 and isinstance(event, yaml.ScalarEvent):
                return "", ""  # a single value: no table
            if depth != 1:
                continue
            if isinstance(event, yaml.AliasEvent):
                return None
            if not isinstance(event, yaml.ScalarEvent):
                continue
            if expect_key:
                key, expect_key = event.value, False
                continue
            if key in _HEAD_KEYS:
                values[key] = _scalar(event)
                if len(values) == len(_HEAD_KEYS):
                    break
            expect_key = True
    return values.get("name", ""), values.get("version", "")


def _scalar(event: yaml.ScalarEvent) -> str:
    """The text of a value as the full reader gives it: a plain ``2024.2`` is read as a
    YAML number first, as ``yaml_io`` does, then written as text."""
    if event.style or not event.implicit[0]:
        return event.value
    value = yaml.load(event.value, Loader=_SCAN_LOADER)
    return "" if value is None else str(value)


def _version_key(version: str) -> tuple:
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"[.\-]", version))


def find_table(name: str, version: str = "") -> TableRef | None:
    """The table with this name: the recorded version if present, else the newest."""
    candidates = [ref for ref in available_tables() if ref.name == name]
    exact = [ref for ref in candidates if version and ref.version == version]
    if exact:
        return exact[0]
    if not candidates:
        return None
    return max(candidates, key=lambda ref: _version_key(ref.version))


def find_base_table(name: str, version: str, folder: Path) -> Path | None:
    """The base of a table that ``extends`` it: shipped, in the user's folder, or next
    to the extending file; the given version, else the newest."""
    refs = [r for r in (*available_tables(), *_tables_in(folder)) if r.name == name]
    exact = [r for r in refs if version and r.version == version]
    if exact:
        return exact[0].path
    if version or not refs:
        return None
    return max(refs, key=lambda ref: _version_key(ref.version)).path


def default_table_path() -> Path:
    ref = find_table(DEFAULT_TABLE_NAME)
    if ref is None:
        return shipped_tables_dir() / f"{DEFAULT_TABLE_NAME}.yaml"
    return ref.path


def table_for_case(case: Case, override: str | Path | None = None,
                   case_file: str | None = None) -> tuple[CostTable, list[Finding]]:
    """The table to price ``case`` with, and warnings about its version.

    ``override`` (``--table FILE``) wins; otherwise the case's recorded table name is
    looked up, falling back to the default table.
    """
    notes: list[Finding] = []
    settings = case.settings
    if override is not None:
        return load_table(override), notes
    name = settings.cost_table or DEFAULT_TABLE_NAME
    ref = find_table(name, settings.cost_table_version)
    if ref is None:
        raise InvalidInputError([Finding(
            Severity.ERROR, "settings.cost_table",
            f"kostentabel '{name}' niet gevonden (gezocht in {shipped_tables_dir()} en "
            f"{user_tables_dir()}); geef een tabel op met --table BESTAND", case_file)])
    table = load_table(ref.path)
    if settings.cost_table_version and table.version != settings.cost_table_version:
        notes.append(Finding(Severity.WARNING, "settings.cost_table_version",
                             f"versie {settings.cost_table_version} van tabel '{name}' is "
                             f"niet aanwezig; berekend met versie {table.version}", case_file))
    elif settings.cost_table_sha256 and table.sha256 != settings.cost_table_sha256:
        notes.append(Finding(Severity.WARNING, "settings.cost_table_sha256",
                             "de bedragen zijn eerder berekend met een andere versie van deze "
                             f"tabel (de inhoud van '{name}' {table.version} is sindsdien "
                             "gewijzigd)", case_file))
    recorded = settings.cost_table_base
    if recorded is not None and table.bases and recorded.sha256 and (
            recorded.sha256 != table.bases[0].sha256):
        notes.append(Finding(Severity.WARNING, "settings.cost_table_base",
                             f"de basistabel '{recorded.name}' is sinds de vorige berekening "
                             f"gewijzigd (nu versie {table.bases[0].version})", case_file))
    return table, notes
