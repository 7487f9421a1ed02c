"""Bad input never crashes: every hostile file ends in a result or a validation message."""

from __future__ import annotations

import time

from conftest import DEFAULT_TABLE
from fuzzing import (
    SPECIAL_BYTES,
    hostile_case_bytes,
    hostile_table_bytes,
    load_and_price,
    load_table_bytes,
)
from hypothesis import HealthCheck, given, settings

from effectencalculator.model.storage import table_from_bytes

TABLE, _ = table_from_bytes(DEFAULT_TABLE.read_bytes(), "nl-jeugd-gezin.yaml")
FUZZ = settings(max_examples=250, deadline=2000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_known_hostile_inputs_are_refused_quickly():
    for raw in SPECIAL_BYTES:
        start = time.process_time()  # CPU time: other work on a shared machine does not count
        assert load_and_price(raw, TABLE) == "refused", raw[:60]
        assert time.process_time() - start < 2.0, raw[:60]


@FUZZ
@given(hostile_case_bytes)
def test_case_loader_never_crashes(raw):
    assert load_and_price(raw, TABLE) in {"valid", "refused"}


@FUZZ
@given(hostile_table_bytes())
def test_table_loader_never_crashes(raw):
    assert load_table_bytes(raw) in {"valid", "refused"}


def test_huge_files_are_refused(tmp_path):
    import pytest

    from effectencalculator.model.storage import read_case
    from effectencalculator.model.validation import InvalidInputError

    path = tmp_path / "groot.yaml"
    with open(path, "wb") as handle:
        handle.write(b"schema_version: 1\nnarrative: {summary: '")
        handle.write(b"x" * (50 * 1024 * 1024))
        handle.write(b"'}\n")
    with pytest.raises(InvalidInputError) as info:
        read_case(path)
    assert "te groot" in str(info.value)


def test_a_case_with_100_000_lines_is_refused_with_a_message(tmp_path):
    import pytest

    from effectencalculator.model.storage import read_case

    path = tmp_path / "enorm.yaml"
    line = "    - {item: UUR, quantity: 1, date: 2024-02-01}\n"
    path.write_text("schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, "
                    "end: 2024-12-31}}\nscenarios:\n- id: a\n  role: reference\n  lines:\n"
                    + line * 100_000, "utf-8")
    from effectencalculator.model.validation import InvalidInputError

    start = time.process_time()  # CPU time: other work on a shared machine does not count
    with pytest.raises(InvalidInputError) as info:
        read_case(path)
    assert time.process_time() - start < 10
    assert "te groot" in str(info.value) and str(path) in str(info.value)


def test_more_lines_than_the_limit_are_refused_and_kept(tmp_path):
    from effectencalculator.model.case_rules import MAX_LINES
    from effectencalculator.model.storage import read_case

    path = tmp_path / "groot.yaml"
    line = "    - {item: UUR, quantity: 1, date: 2024-02-01}\n"
    path.write_text("schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, "
                    "end: 2024-12-31}}\nscenarios:\n- id: a\n  role: reference\n  lines:\n"
                    + line * (MAX_LINES + 1), "utf-8")
    case, findings = read_case(path)
    assert any(f.path == "scenarios" and "te veel inzet-regels" in f.message
               for f in findings.errors)
    assert len(case.extra["scenarios"][0]["lines"]) == MAX_LINES + 1  # nothing dropped
