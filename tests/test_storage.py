"""Reading and writing case files: round trips, unknown keys, atomic saves."""

from __future__ import annotations

import errno
import os
import random
import signal
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import DEFAULT_TABLE, EXAMPLE_CASE, case_yaml

from effectencalculator.model import storage
from effectencalculator.model.storage import (
    FileChangedError,
    SaveError,
    case_to_text,
    conflict_copy_path,
    file_sha256,
    load_case,
    load_table,
    read_case,
    save_case,
)


def _without_provenance(case):
    copy = case.copy()
    copy.history = []
    copy.settings.cost_table_version = ""
    copy.settings.cost_table_sha256 = ""
    return copy


def test_example_case_round_trips(tmp_path):
    original = load_case(EXAMPLE_CASE)
    table = load_table(DEFAULT_TABLE)
    target = tmp_path / "kopie.yaml"
    save_case(original.copy(), target, table)
    reloaded = load_case(target)
    assert _without_provenance(reloaded) == _without_provenance(original)
    # the save recorded the table and appended one history entry
    assert reloaded.settings.cost_table_sha256 == table.sha256
    assert len(reloaded.history) == len(original.history) + 1
    assert reloaded.history[-1].cost_table_version == table.version
    # the written text is stable: the same case saved at the same moment is the same text
    fixed = datetime(2026, 1, 1, tzinfo=UTC)
    save_case(reloaded.copy(), tmp_path / "a.yaml", table, now=fixed)
    save_case(load_case(target), tmp_path / "b.yaml", table, now=fixed)
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()


def test_unknown_keys_are_kept_and_warned_about(write_case, tmp_path):
    path = write_case(case_yaml("""\
        - id: interventie
          role: intervention
          eigen_label: blauw
          lines:
            - {item: UUR, quantity: 1, date: 2024-02-01, kleur: rood}
        """, extra="""\
        toekomstig_veld: {a: 1, b: [x, y]}
        """))
    case, findings = read_case(path)
    warned = {f.path for f in findings.warnings}
    assert {"toekomstig_veld", "scenarios[0].eigen_label",
            "scenarios[0].lines[0].kleur"} <= warned
    save_case(case, tmp_path / "uit.yaml")
    again, _ = read_case(tmp_path / "uit.yaml")
    assert again.extra["toekomstig_veld"] == {"a": 1, "b": ["x", "y"]}
    assert again.scenarios[0].extra == {"eigen_label": "blauw"}
    assert again.scenarios[0].lines[0].extra == {"kleur": "rood"}


def test_wrong_values_are_reported_and_kept_on_save(write_case, tmp_path):
    path = write_case(case_yaml("""\
        - id: interventie
          role: intervention
          lines:
            - {item: UUR, quantity: veel, date: 2024-02-01}
            - niet-een-regel
        """))
    case, findings = read_case(path)
    paths = {f.path for f in findings.errors}
    assert "scenarios[0].lines[0].quantity" in paths
    assert "scenarios[0].lines[1]" in paths
    save_case(case, tmp_path / "uit.yaml")
    text = (tmp_path / "uit.yaml").read_text("utf-8")
    assert "quantity: veel" in text and "niet-een-regel" in text


def test_save_keeps_the_previous_version_as_bak(tmp_path):
    case = load_case(EXAMPLE_CASE)
    target = tmp_path / "casus.yaml"
    save_case(case, target)
    first = target.read_bytes()
    case.info.title = "Gezin Noordhoek (herzien)"
    save_case(case, target)
    assert (tmp_path / "casus.yaml.bak").read_bytes() == first
    assert load_case(target).info.title == "Gezin Noordhoek (herzien)"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("error, text", [
    (PermissionError(errno.EACCES, "Permission denied"), "geen schrijfrechten"),
    (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
])
def test_failed_save_says_why_and_changes_nothing(tmp_path, monkeypatch, error, text):
    case = load_case(EXAMPLE_CASE)
    target = tmp_path / "casus.yaml"
    save_case(case.copy(), target)
    before = target.read_bytes()

    def failing_replace(src, dst):
        raise error
    monkeypatch.setattr(storage.os, "replace", failing_replace)
    with pytest.raises(SaveError) as info:
        save_case(case.copy(), target)
    assert text in str(info.value) and str(target) in str(info.value)
    assert target.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


_FILE_STEPS = ("fsync", "link", "replace")  # the os calls a save makes


def _saving_child(versions, target: Path, save_no: int, step_no: int, ready: int) -> None:
    """Runs in a forked child: save the two versions in turn, and in save ``save_no`` stand
    still just before its ``step_no``-th file-system call (fsync, link or replace) — or
    after the whole save when it makes fewer. Tells the parent through ``ready`` whether
    the target was already replaced (b"n": new) or not (b"o": old), then waits to be
    killed. No timing: every kill lands at a known step."""
    try:
        current, steps, replaced = -1, 0, False

        def pausing(call):
            def step(*args):
                nonlocal steps, replaced
                steps += 1
                if current == save_no and steps == step_no:
                    os.write(ready, b"n" if replaced else b"o")
                    signal.pause()
                if call.__name__ == "replace" and Path(args[1]) == target:
                    replaced = True
                return call(*args)
            return step
        for name in _FILE_STEPS:
            setattr(os, name, pausing(getattr(os, name)))
        for current in range(save_no + 1):
            steps, replaced = 0, False
            save_case(versions[current % 2].copy(), target)
        os.write(ready, b"n")
        signal.pause()
    finally:
        os._exit(0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_a_kill_during_save_leaves_the_old_or_the_new_file(tmp_path):
    """SIGKILL a saving process at 40 chosen steps of a save: the file on disk always
    loads, and is the old version before the final rename and the new one after it."""
    base = load_case(EXAMPLE_CASE)
    versions = []
    for n in range(2):
        version = base.copy()
        version.info.title = f"versie {n}"
        versions.append(version)
    target = tmp_path / "casus.yaml"
    expected = {v.info.title: _without_provenance(v) for v in versions}
    rng = random.Random(20260210)
    seen = set()
    for _ in range(40):
        save_case(versions[1].copy(), target)  # before the child's first save: versie 1
        save_no, step_no = rng.randrange(3), rng.randrange(1, 7)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _saving_child(versions, target, save_no, step_no, write_end)
        os.close(write_end)
        state = os.read(read_end, 1)  # blocks until the child stands still
        os.close(read_end)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert state in (b"o", b"n"), "the child failed before it reached the step"
        case = load_case(target)  # raises if the file were broken
        assert _without_provenance(case) == expected[case.info.title]
        last = save_no if state == b"n" else save_no - 1
        assert case.info.title == f"versie {last % 2}", (save_no, step_no, state)
        seen.add((case.info.title, state))
    assert seen == {("versie 0", b"o"), ("versie 0", b"n"), ("versie 1", b"o"),
                    ("versie 1", b"n")}  # kills landed before and after the rename


def test_saving_over_a_file_changed_by_someone_else_keeps_both(tmp_path):
    case = load_case(EXAMPLE_CASE)
    target = tmp_path / "casus.yaml"
    save_case(case.copy(), target)
    opened = file_sha256(target)
    theirs = case.copy()
    theirs.info.title = "hun versie"
    save_case(theirs, target)  # someone else saves meanwhile
    mine = case.copy()
    mine.info.title = "mijn versie"
    with pytest.raises(FileChangedError) as info:
        save_case(mine, target, if_unchanged=opened)
    assert "gewijzigd sinds u het opende" in str(info.value)
    assert load_case(target).info.title == "hun versie"
    copy_path = conflict_copy_path(target)
    assert copy_path.name == "casus (eigen versie).yaml"
    save_case(mine, copy_path)
    assert load_case(copy_path).info.title == "mijn versie"


def test_case_text_is_readable_yaml():
    text = case_to_text(load_case(EXAMPLE_CASE))
    assert text.startswith("schema_version: 1\ncase:\n")
    assert "summary: |" in text  # multi-line narrative stays a readable block
