"""The one-pass YAML reader must give exactly what ``safe_load`` with the limits gives.

``yaml_io._load_plain`` builds data straight from libyaml's events and hands anything
unusual to the full path. These tests generate documents full of YAML 1.1 traps
(``yes``, ``0x1F``, ``1:20``, impossible dates, merge keys, tags, anchors, duplicate keys,
complex keys, several documents) and compare both paths value by value, type by type.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from effectencalculator.model import yaml_io
from effectencalculator.model.validation import InvalidInputError

ROOT = Path(__file__).resolve().parent.parent

SCALARS = ["1", "-2", "+3", "0x1F", "0o17", "017", "0b101", "1_000", "1:20", "3.5", "1e3",
           "6.8523015e+5", ".5", ".inf", "-.Inf", ".nan", "~", "null", "Null", "yes", "No",
           "on", "OFF", "y", "true", "False", "2024-02-29", "2024-02-30", "2023-13-01",
           "2024-03-01 10:00:00", "2024-03-01T10:00:00+01:00", "abc", "Jeugdzorg plus",
           "'quoted'", "'1'", '"2024-01-01"', '"tab\\there"', "''", '""', "<<", "=",
           "!!str 5", "!!int '7'", "!!float 1", "!custom x", "! 12", "&a 5", "*a",
           "&b [1, 2]", "*b", "[]", "{}", "0", "00", "-0", "1.", "0.", "-.5", "+.5", "1.5e+3",
           "1.5E-3", "1e+3", "1_0.5", "190:20:30.15", "\u0661\u0662", "2024-1-05",
           "2024-01-05T10:00:00", "2024-01-05 10:00:00.5 +2", "9999-12-31", "0000-01-01",
           "ja", "nee", "OTS", "=x", "<<x"]
KEYS = ["a", "b", "1", "'1'", "yes", "true", "2024-01-01", "<<", "null", "~", "[1]", "?",
        "x y", "&k kk", "*k"]


class _Pairs(list):
    """A mapping as written: (key, value) pairs, so keys may repeat."""


documents = st.recursive(
    st.sampled_from(SCALARS),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(st.tuples(st.sampled_from(KEYS), children), max_size=4).map(_Pairs)),
    max_leaves=12)


def _flow(value) -> str:
    if isinstance(value, _Pairs):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return value


def _block(value, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(value, list) and not value:
        return pad + ("{}" if isinstance(value, _Pairs) else "[]") + "\n"
    if isinstance(value, _Pairs):
        return "".join(
            f"{pad}{k}:\n" + _block(v, indent + 2)
            if isinstance(v, list) and v else f"{pad}{k}: {_flow(v)}\n" for k, v in value)
    if isinstance(value, list):
        return "".join(
            f"{pad}-\n" + _block(v, indent + 2)
            if isinstance(v, list) and v else f"{pad}- {_flow(v)}\n" for v in value)
    return pad + value + "\n"


def _render(value, style: str) -> str:
    return _flow(value) + "\n" if style == "flow" else _block(value)


def _same(a, b) -> bool:
    """Equal values of equal types (True is not 1, NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a) and all(
            type(x) is type(y) for x, y in zip(a, b))
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _full_path(text: str):
    """What the program read before the fast path: safe_load semantics + duplicates."""
    loader = yaml_io._Loader(text)
    try:
        return loader.get_single_data(), loader.has_duplicate_keys
    finally:
        loader.dispose()


def _check(text: str) -> None:
    fast = yaml_io._load_plain(text)
    if fast is None:
        return  # handed to the full path: nothing to compare
    data, duplicates = _full_path(text)  # must not raise: the fast path accepted it
    assert _same(fast[0], data), text
    assert fast[1] == duplicates, text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(["flow", "block"]), st.sampled_from(["", "---\n"]),
       st.sampled_from(["", "...\n", "---\nb: 2\n", "# end\n"]))
def test_fast_path_equals_safe_load(value, style, head, tail):
    _check(head + _render(value, style) + tail)


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml"))
                         + sorted((ROOT / "cost_tables").glob("*.yaml")), ids=lambda p: p.name)
def test_fast_path_reads_every_shipped_file(path):
    text = path.read_text(encoding="utf-8")
    fast = yaml_io._load_plain(text)
    assert fast is not None, "the program's own files take the fast path"
    assert _same(fast[0], _full_path(text)[0])


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                        # duplicate key: noticed, last value kept
    "a: &x 1\nb: *x\n",                    # anchors and aliases
    "base: &b {x: 1}\nc:\n  <<: *b\n",    # merge key
    "? [1, 2]\n: v\n",                     # complex key
    "a: !!str 5\n",                        # explicit tag
    "a: 1\n---\nb: 2\n",                   # two documents
    "a: [1, 2\n",                          # broken
    "[" * 70 + "]" * 70 + "\n",            # deeper than the limit
])
def test_unusual_documents_read_as_before(monkeypatch, text):
    """Whatever path a document takes, parse_yaml_bytes answers as the full path does."""
    def read(raw: bytes):
        try:
            doc = yaml_io.parse_yaml_bytes(raw, "x.yaml")
        except InvalidInputError as exc:
            return "error", [f.format() for f in exc.errors]
        return doc.data, doc.duplicate_keys, dict(doc.lines)

    answer = read(text.encode())
    monkeypatch.setattr(yaml_io, "_load_plain", lambda text: None)
    assert answer == read(text.encode())


def test_duplicate_key_has_its_line_from_the_fast_path():
    doc = yaml_io.parse_yaml_bytes(b"a: 1\nb:\n  c: 2\n  c: 3\n", "x.yaml")
    assert doc.data == {"a": 1, "b": {"c": 3}}
    assert doc.duplicate_keys == [("b.c", 4)]
    assert doc.lines["b.c"] == 3 and doc.lines["a"] == 1


def test_fast_path_refuses_more_nodes_than_the_limit(monkeypatch):
    monkeypatch.setattr(yaml_io, "MAX_NODES", 50)
    text = "a: [" + ", ".join(["1"] * 60) + "]\n"
    assert yaml_io._load_plain(text) is None
    with pytest.raises(InvalidInputError, match="te veel"):
        yaml_io.parse_yaml_bytes(text.encode(), "x.yaml")


def test_safe_load_semantics_of_the_fast_path():
    text = "a: yes\nd: 2024-02-30\ne: '7'\nf: ~\ng: 2024-02-29\nh: 12.50\n"
    data, duplicates = yaml_io._load_plain(text)
    assert data == yaml.safe_load(text.replace("2024-02-30", "'2024-02-30'"))
    assert data["d"] == "2024-02-30" and not duplicates


@pytest.mark.parametrize("text", ["b: 0x1F\n", "c: 1:20\n", "c: 1:20.5\n", "o: 017\n",
                                  "u: 1_000\n", "n: " + "9" * 400 + "\n",
                                  "q: {x: 1,5}\n"])
def test_yaml_11_traps_leave_the_fast_path(text):
    """Readings a researcher did not mean (31, 80, 15, 1000, a 400-digit number, a
    decimal comma split into two fields) go to the full path, which reports them."""
    assert yaml_io._load_plain(text) is None
    document = yaml_io.parse_yaml_bytes(text.encode(), "x.yaml")
    assert document.problems and document.problems[0].line == 1
