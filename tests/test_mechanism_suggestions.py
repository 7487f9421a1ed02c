"""The tags of a folder's other cases (model.mechanism_suggestions): only plain case
files beside the open one, bounded, never an encrypted case, nothing that breaks."""

from __future__ import annotations

import os

from effectencalculator.model import mechanism_suggestions as ms


def _case(path, *tags: str, mtime: int) -> None:
    body = "".join(f"    - {{tag: {t}, effect: kostenverlagend}}\n" for t in tags)
    path.write_text("schema_version: 1\ncase: {code: X}\nnarrative:\n  mechanisms:\n"
                    + body, encoding="utf-8")
    os.utime(path, (mtime, mtime))


def test_only_the_newest_plain_case_files_beside_the_case_count(tmp_path, monkeypatch):
    _case(tmp_path / "open.yaml", "eigen tag", mtime=1_700_000_400)
    _case(tmp_path / "a.yaml", "snellere hulp", mtime=1_700_000_300)
    _case(tmp_path / "b.yaml", "geen overdrachten", mtime=1_700_000_200)
    _case(tmp_path / "c.yaml", "oud", mtime=1_700_000_100)
    _case(tmp_path / ".open.yaml.tmp.yaml", "halve save", mtime=1_700_000_500)
    (tmp_path / "geheim.ecase").write_bytes(b"narrative: {mechanisms: [{tag: geheim}]}")
    (tmp_path / "kapot.yaml").write_text("mechanisms: [&a [*a", encoding="utf-8")
    (tmp_path / "tabel.yaml").write_text("name: t\nitems: []\n", encoding="utf-8")
    (tmp_path / "lijst.yaml").write_text("narrative: {mechanisms: [plain, {tag: 5}]}\n",
                                         encoding="utf-8")
    for name in ("kapot.yaml", "tabel.yaml", "lijst.yaml"):
        os.utime(tmp_path / name, (1_600_000_000, 1_600_000_000))
    found = ms.folder_mechanisms(tmp_path, tmp_path / "open.yaml")
    assert [s.tag for s in found] == ["geen overdrachten", "oud", "snellere hulp"]
    # bounded: only the most recently changed files are read
    assert [s.tag for s in ms.folder_mechanisms(tmp_path, tmp_path / "open.yaml",
                                                max_files=1)] == ["snellere hulp"]
    monkeypatch.setattr(ms, "MAX_BYTES", 10)
    assert ms.folder_mechanisms(tmp_path) == []
    assert ms.folder_mechanisms(tmp_path / "weg") == []


def test_cancelled_reading_stops_before_the_next_file(tmp_path):
    _case(tmp_path / "a.yaml", "snellere hulp", mtime=1_700_000_300)
    assert ms.folder_mechanisms(tmp_path, is_cancelled=lambda: True) == []
