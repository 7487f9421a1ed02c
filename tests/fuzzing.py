"""Hypothesis strategies for hostile and broken YAML, and what every input must end in:
a result or a validation message, never a crash (shared by tests and scripts)."""

from __future__ import annotations

import copy

import yaml
from conftest import EXAMPLE_CASE, TEST_TABLE
from hypothesis import strategies as st

from effectencalculator.model.calculation import calculate
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.storage import case_from_bytes, table_from_bytes
from effectencalculator.model.validation import InvalidInputError

EXAMPLE_TEXT = EXAMPLE_CASE.read_text("utf-8")
_FAST = dict(Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
EXAMPLE_DATA = yaml.load(EXAMPLE_TEXT, **_FAST)
TABLE_DATA = yaml.load(TEST_TABLE, **_FAST)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SPECIAL_BYTES = [
    b"", b"\x00\x01\x02", b"\xff\xfe\x00", "schema_version: 1\ncase: {code: é}".encode("latin-1"),
    b"a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    b"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n",
    b"[" * 5000 + b"]" * 5000,
    b"a:\n" + b"".join(b"  " * i + b"- \n" for i in range(200)),
    b"schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, end: 2024-12-31}}\n"
    b"scenarios: [{id: a, role: reference, lines: [{item: UUR, quantity: .nan}]}]\n",
    b"schema_version: 1\ncase: {code: X, period: {start: 0001-01-01, end: 9999-12-31}}\n",
    b"!!python/object/apply:os.system ['echo hi']\n",
    b"schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, end: 2024-12-31}}\n"
    b"scenarios: [{id: a, role: reference, lines: [{item: UUR, quantity: 1e308, "
    b"date: 2024-02-01}]}]\n",
]

#: values a researcher types that YAML 1.1 reads as something else (see yaml_traps)
TRAP_VALUES = ["1,5", "0,8", "1.234,56", "1:30", "1:30.5", "010", "0x10", "1_000",
               "9" * 500, "9" * 5000, "!!int drie", "!!float veel", "!!timestamp morgen",
               "!!bool wellicht", "2024.10", "no", ".inf", "-.nan", "1.0e+400",
               "\u200bUUR", "UUR\u2060", "\u202eRUU", "\x1b[31mrood"]
SPECIAL_BYTES += [
    b"schema_version: 1\ncase: {code: X, period: {start: 2024-01-01, end: 2024-12-31}}\n"
    b"scenarios: [{id: a, role: reference, lines: [{item: UUR, quantity: 1,5, "
    b"date: 2024-02-01, probability: 0,8}]}]\n",
    b"schema_version: 1\nname: t\nversion: 2024.10\nprice_year: 2024\nindex: {values: "
    b"{2024.5: 1, true: 2, .inf: 3, 2024: 4, 2024.0: 5, 010: 6}}\nitems: []\n",
]


@st.composite
def trap_text(draw) -> bytes:
    """The example case with one plain value (after ': ') replaced by a YAML 1.1 trap."""
    text = EXAMPLE_TEXT
    starts = [i for i in range(len(text) - 2) if text.startswith(": ", i)]
    at = draw(st.sampled_from(starts)) + 2
    end = text.find("\n", at)
    value = draw(st.sampled_from(TRAP_VALUES))
    if draw(st.booleans()):
        value = "{quantity: " + value + ", item: UUR}"
    return (text[:at] + value + text[end:]).encode("utf-8")


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.dates(), st.sampled_from(["2024-02-30", "9999-12-31", "uur", "week", "beide",
                                  "reference", "intervention", "UUR", "OTS", "-1", "1e309"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "item", "quantity", "rate", "per", "start", "end",
                                     "date", "probability", "role", "lines", "code", "period",
                                     "x", "ü"]), inner, max_size=5)), max_leaves=20)

CASE_PATHS = [("case",), ("case", "period"), ("case", "code"), ("scenarios",),
              ("scenarios", 0), ("scenarios", 0, "lines"), ("scenarios", 0, "lines", 0),
              ("scenarios", 0, "lines", 0, "quantity"), ("scenarios", 0, "lines", 0, "rate"),
              ("scenarios", 0, "lines", 0, "start"), ("settings",), ("settings", "compare"),
              ("narrative",), ("narrative", "events"), ("perspectives",), ("custom_items",),
              ("household",), ("outcomes",), ("schema_version",)]


@st.composite
def mutated_text(draw) -> bytes:
    """The example case with a few random edits: cut, repeat, replace, insert."""
    text = EXAMPLE_TEXT
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a, min(len(text), a + 200)))
        op = draw(st.sampled_from(["cut", "repeat", "replace", "insert"]))
        if op == "cut":
            text = text[:a] + text[b:]
        elif op == "repeat":
            text = text[:b] + text[a:b] + text[b:]
        elif op == "replace":
            text = text[:a] + draw(st.text(max_size=20)) + text[b:]
        else:
            text = text[:a] + draw(st.sampled_from(
                [": ", "- ", "{", "[", "&x ", "*x", "\t", "\n  ", "'", '"', "#", "%", "!!",
                 "\u202e", "\x85", "\ufeff"])) + text[a:]
    return text.encode("utf-8", "surrogatepass") if draw(st.booleans()) else \
        text.encode("utf-8", "replace")


@st.composite
def structured(draw) -> bytes:
    """A valid-looking case where one place holds a random value of a random type."""
    data = copy.deepcopy(EXAMPLE_DATA)
    path = draw(st.sampled_from(CASE_PATHS))
    target = data
    for key in path[:-1]:
        target = target[key]
    if isinstance(target, list) and not target:
        target.append({})
    target[path[-1]] = draw(values)
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True).encode("utf-8")


hostile_case_bytes = st.one_of(st.sampled_from(SPECIAL_BYTES), st.binary(max_size=300),
                               mutated_text(), structured(), trap_text())


@st.composite
def hostile_table_bytes(draw) -> bytes:
    data = copy.deepcopy(TABLE_DATA)
    key = draw(st.sampled_from(["name", "version", "price_year", "index", "items", "sources",
                                "schema_version"]))
    if draw(st.booleans()):
        data[key] = draw(values)
    else:
        item = draw(st.integers(0, len(data["items"]) - 1))
        field = draw(st.sampled_from(["id", "tariff", "unit", "payer", "kind", "low", "high",
                                      "price_year", "source"]))
        data["items"][item][field] = draw(values)
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True).encode("utf-8")


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
