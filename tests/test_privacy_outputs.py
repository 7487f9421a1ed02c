"""The privacy check covers what the outputs print: an identifier planted in any string of
a case is either found by the check, at that string's location, or absent from every
output (PDF text and metadata, XLSX, CSV, the text summary).

The strings are found by walking the case's dataclasses through their type hints — not
by a list of fields — so a field added to the model is planted too.
"""

from __future__ import annotations

import dataclasses
import io
import typing
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_CASE
from pypdf import PdfReader

from effectencalculator.model.case import Case
from effectencalculator.model.privacy import check_privacy
from effectencalculator.model.storage import load_case


def _dataclass_in(hint: Any) -> type | None:
    """The dataclass of ``X``, ``X | None``, ``list[X]``; None for anything else."""
    if dataclasses.is_dataclass(hint):
        return hint  # type: ignore[return-value]
    for arg in typing.get_args(hint):
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None


def _is_str_list(hint: Any) -> bool:
    return typing.get_origin(hint) is list and typing.get_args(hint) == (str,)


def present(obj: Any, out: set[type]) -> set[type]:
    """The record types the case holds now."""
    if dataclasses.is_dataclass(obj):
        out.add(type(obj))
        for f in dataclasses.fields(obj):
            present(getattr(obj, f.name), out)
    elif isinstance(obj, list):
        for item in obj:
            present(item, out)
    return out


def fill(obj: Any, seen: set[type], have: set[type]) -> None:
    """Give the case at least one of everything, keeping it valid: an optional record
    created where the case has none of its kind yet, empty lists of records or strings
    given one element, an unknown key in every ``extra`` (with a nested dict and list,
    as a newer tool might write)."""
    seen.add(type(obj))
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        hint = hints[f.name]
        if f.name == "extra":
            value["onbekend_veld"] = "tekst van een ander programma"
            value["onbekende_lijst"] = ["eerste", {"diep": "genest"}]
            continue
        record = _dataclass_in(hint)
        if value is None and record is not None and record not in have:
            value = record()
            have.add(record)
            setattr(obj, f.name, value)
        if isinstance(value, list):
            if not value:
                if _is_str_list(hint):
                    value.append("een tekst")
                elif record is not None:
                    value.append(record())
            for item in value:
                if dataclasses.is_dataclass(item):
                    fill(item, seen, have)
        elif dataclasses.is_dataclass(value):
            fill(value, seen, have)


def reachable(cls: type, out: set[type] | None = None) -> set[type]:
    """Every record type the case schema can hold (from the type hints)."""
    out = out if out is not None else set()
    out.add(cls)
    for hint in typing.get_type_hints(cls).values():
        record = _dataclass_in(hint)
        if record is not None and record not in out:
            reachable(record, out)
    return out


def string_slots(obj: Any, path: str) -> typing.Iterator[tuple[str, Any, Any, str]]:
    """(location, container, key, how) for every string, in the check's location syntax:
    ``.name`` an attribute, ``[i]`` a list item or the value of a dict's i-th entry,
    ``{i}`` that entry's key."""
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            where = ("case" if f.name == "info" else f.name) if not path else f"{path}.{f.name}"
            if isinstance(value, str):
                yield where, obj, f.name, "attr"
            else:
                yield from string_slots(value, where)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            if isinstance(value, str):
                yield f"{path}[{i}]", obj, i, "item"
            else:
                yield from string_slots(value, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for i, (key, value) in enumerate(list(obj.items())):
            if isinstance(key, str):
                yield f"{path}{{{i}}}", obj, key, "key"
            if isinstance(value, str):
                yield f"{path}[{i}]", obj, key, "value"
            else:
                yield from string_slots(value, f"{path}[{i}]")


def _get(container: Any, key: Any, how: str) -> str:
    if how == "attr":
        return getattr(container, key)
    if how == "key":
        return key
    return container[key]


def _set(container: Any, key: Any, how: str, text: str) -> Any:
    """Set the string; returns what undoes it."""
    if how == "attr":
        setattr(container, key, text)
    elif how in ("item", "value"):
        container[key] = text
    else:                                   # rename the key, keeping the order
        items = [(text if k == key else k, v) for k, v in container.items()]
        container.clear()
        container.update(items)
    return text


def planted_identifier(n: int) -> str:
    """A different identifier per location, of several kinds."""
    bsn = f"{100000000 + n * 7919:09d}"[:8]
    total = sum(w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2), bsn))
    kinds = [f"gezin{n}@voorbeeld.nl", f"06-{30000000 + n:08d}",
             f"{bsn}{total % 11}" if total % 11 < 10 else f"gezin{n}@voorbeeld.nl"]
    return kinds[n % len(kinds)]


def _outputs(case: Case, tmp_path: Path) -> dict[str, str]:
    """Every output of one case as text: PDF text and metadata, XLSX parts, CSV files,
    the text summary. A case the planted value makes unreadable gives its error."""
    from effectencalculator.export.rows import case_sheets
    from effectencalculator.export.spreadsheet import write_sheets
    from effectencalculator.model.calculation import calculate
    from effectencalculator.model.tables import table_for_case
    from effectencalculator.model.uncertainty import simulate
    from effectencalculator.report.build import build_report_pdf
    from effectencalculator.report.text_summary import summary_text

    table, _ = table_for_case(case)
    result = calculate(case, table)
    out: dict[str, str] = {}
    pdf = PdfReader(io.BytesIO(build_report_pdf(case, table, created=date(2026, 1, 5))))
    out["pdf"] = " ".join(page.extract_text() for page in pdf.pages)
    out["pdf metadata"] = " ".join(str(v) for v in (pdf.metadata or {}).values())
    sheets = case_sheets(case, result, table, simulate(result))
    folder = tmp_path / f"out{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    for path in write_sheets(sheets, folder / "export.xlsx"):
        with zipfile.ZipFile(path) as z:
            out["xlsx"] = " ".join(z.read(n).decode("utf-8") for n in z.namelist())
    for path in write_sheets(sheets, folder / "export.csv"):
        out[f"csv {path.name}"] = path.read_text("utf-8-sig") + " " + path.name
    out["summary"] = summary_text(case, result, simulate(result))
    return out


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def full_case() -> Case:
    case = load_case(EXAMPLE_CASE)
    seen: set[type] = set()
    fill(case, seen, present(case, set()))
    missing = {c.__name__ for c in reachable(Case) - seen}
    assert not missing, f"records not in the planted case: {missing}"
    return case


def test_privacy_every_string_of_the_case_is_checked_or_never_printed(full_case, tmp_path):
    case = full_case
    slots = list(string_slots(case, ""))
    assert len(slots) > 300
    assert any(".extra{" in s[0] for s in slots) and any(".extra[1][1][0]" in s[0]
                                                         for s in slots)
    not_found = []
    for n, (location, container, key, how) in enumerate(slots):
        old = _get(container, key, how)
        identifier = planted_identifier(n)
        _set(container, old if how == "key" else key, how, identifier)
        try:
            status = check_privacy(case)
        finally:
            _set(container, identifier if how == "key" else key, how, old)
        if any(f.path == location and identifier in f.text for f in status.findings):
            continue
        not_found.append((location, identifier, container, key, how, old))
    # what the check does not scan must not reach any output
    for location, identifier, container, key, how, old in not_found:
        _set(container, old if how == "key" else key, how, identifier)
        try:
            outputs = _outputs(case, tmp_path)
        finally:
            _set(container, identifier if how == "key" else key, how, old)
        leaked = [name for name, text in outputs.items()
                  if identifier in text or identifier in _normalised(text)]
        assert not leaked, f"{location}: not checked, yet printed in {leaked}"
    # only the check's own store of accepted findings (hashes) is left out
    assert {loc.split("[")[0] for loc, *_ in not_found} <= {"settings.privacy_accepted"}


def test_privacy_the_outputs_print_strings_the_old_field_list_missed(tmp_path):
    """The planted test can fail: strings outside the old free-text list reach outputs."""
    case = load_case(EXAMPLE_CASE)
    case.info.code = "PT-gezin99@voorbeeld.nl"
    case.info.proeftuin = "Kerkstraat 12, 1234 AB"
    outputs = _outputs(case, tmp_path)
    assert "gezin99@voorbeeld.nl" in outputs["pdf metadata"]
    assert "gezin99@voorbeeld.nl" in _normalised(outputs["pdf"]).replace(" ", "")
    assert "Kerkstraat 12" in _normalised(outputs["pdf"])
    kinds = {(f.path, f.kind) for f in check_privacy(case).findings}
    assert {("case.code", "email"), ("case.proeftuin", "adres"),
            ("case.proeftuin", "postcode")} <= kinds
