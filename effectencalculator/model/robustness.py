"""What every input must end in: a result or a validation message, never a crash.

Used by the property-based tests and by ``scripts/fuzz_loaders.py`` (the long run).
"""

from __future__ import annotations

from effectencalculator.model.calculation import calculate
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.storage import case_from_bytes, table_from_bytes
from effectencalculator.model.validation import InvalidInputError


def load_and_price(raw: bytes, table: CostTable) -> str:
    """Feed bytes to the case loader (and, when valid, the calculation).

    Returns "valid" or "refused"; any other exception propagates — that is a bug.
    """
    try:
        case, findings = case_from_bytes(raw, "fuzz.yaml")
    except InvalidInputError as exc:
        _check_messages(exc)
        return "refused"
    if findings.has_errors:
        assert all(f.file == "fuzz.yaml" and f.message for f in findings.errors)
        return "refused"
    try:
        calculate(case, table)
    except InvalidInputError as exc:
        _check_messages(exc)
        return "refused"
    return "valid"


def load_table_bytes(raw: bytes) -> str:
    try:
        _, findings = table_from_bytes(raw, "fuzz-tabel.yaml")
    except InvalidInputError as exc:
        _check_messages(exc)
        return "refused"
    return "refused" if findings.has_errors else "valid"


def _check_messages(exc: InvalidInputError) -> None:
    assert exc.findings and all(f.message for f in exc.findings), exc
