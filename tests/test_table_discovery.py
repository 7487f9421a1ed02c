"""Table discovery reads the two keys it needs (name, version) from the YAML event
stream, not whole tables; what it reads equals what the full reader gives."""

from __future__ import annotations

import time

import pytest

from effectencalculator.model import tables
from effectencalculator.model.tables import available_tables, table_head
from effectencalculator.model.yaml_io import read_yaml_file


def test_the_shipped_tables_read_as_the_full_reader_reads_them(monkeypatch):
    shipped = sorted(tables.shipped_tables_dir().glob("*.yaml"))
    assert shipped
    for path in shipped:
        data = read_yaml_file(path).data
        assert table_head(path) == (str(data["name"]), str(data.get("version", "")))

    def full_read(path):  # discovery must not build whole tables
        raise AssertionError(f"hele tabel gelezen: {path}")

    monkeypatch.setattr(tables, "read_yaml_file", full_read)
    assert {ref.path for ref in available_tables()} >= set(shipped)


@pytest.mark.parametrize("text, head", [
    ("name: regio\nversion: '2025.1'\nitems: []\n", ("regio", "2025.1")),
    ("version: 2025.1\nname: regio\n", ("regio", "2025.1")),        # a YAML number
    ("items:\n  - {id: a, name: x}\nname: laat\n", ("laat", "")),    # no version, late name
    ("title: geen naam\nitems: []\n", None),
    ("- name: lijst\n", None),
    ("gewoon tekst\n", None),
    ("name: [kapot\n", None),                                        # broken YAML
    ("name: &n regio\nversion: *n\n", ("regio", "regio")),           # alias: full read
])
def test_head_of_small_tables(tmp_path, text, head):
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    assert table_head(path) == head


def test_an_alias_bomb_after_the_head_is_never_expanded(tmp_path):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "bom.yaml"
    path.write_text("name: bom\nversion: '1'\n" + "\n".join(levels) + "\n", encoding="utf-8")
    started = time.perf_counter()
    assert table_head(path) == ("bom", "1")
    assert time.perf_counter() - started < 1.0
