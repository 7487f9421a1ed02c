"""Saves of one file take turns; interrupted saves leave nothing behind; links are safe.

- two real processes save the same file in a loop: every save that "succeeds" is in the
  final file (no lost version), the others are refused as a changed file;
- a lock left by a killed process (or an old one from elsewhere) does not block a save;
- 20 saves killed half-way leave no pile of temporary copies: the next save removes them;
- the backup is staged under an unpredictable name: a link planted at the old fixed name
  ``.NAME.bak.tmp`` is not followed; saving through a linked case writes its target;
- a case larger than the program opens is refused with a Dutch message.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import EXAMPLE_CASE, ROOT

from effectencalculator.model import file_safety
from effectencalculator.model.case import ServiceLine
from effectencalculator.model.file_safety import SaveLock, SaveLockedError, lock_path
from effectencalculator.model.storage import (
    SaveError,
    file_sha256,
    load_case,
    read_case,
    save_case,
)

SAVER = textwrap.dedent("""\
    import hashlib, json, sys
    from effectencalculator.model.storage import (
        FileChangedError, case_from_bytes, save_case,
    )
    path, rounds = sys.argv[1], int(sys.argv[2])
    print("klaar om te beginnen", flush=True)
    sys.stdin.readline()                        # both start together
    saved = refused = 0
    for _ in range(rounds):
        raw = open(path, "rb").read()           # the version this process works on
        case, _findings = case_from_bytes(raw, path)
        case.info.title = str(int(case.info.title) + 1)
        try:
            save_case(case, path, if_unchanged=hashlib.sha256(raw).hexdigest())
            saved += 1
        except FileChangedError:
            refused += 1
    print(json.dumps({"saved": saved, "refused": refused}), flush=True)
    """)


def _plain_case(tmp_path, title: str = "0"):
    case = load_case(EXAMPLE_CASE)
    case.info.title = title
    path = tmp_path / "casus.yaml"
    save_case(case, path)
    return path


def test_two_processes_saving_one_file_in_a_loop_lose_no_version(tmp_path):
    path = _plain_case(tmp_path)
    rounds = 25
    children = [subprocess.Popen([sys.executable, "-c", SAVER, str(path), str(rounds)],
                                 cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for child in children:
        assert child.stdout.readline().strip() == "klaar om te beginnen"
    for child in children:
        child.stdin.write("start\n")
        child.stdin.flush()
    results = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    saved = sum(r["saved"] for r in results)
    assert sum(r["saved"] + r["refused"] for r in results) == 2 * rounds
    # every save that reported success counted one up from the version it had read:
    # a lost version would leave the final count below the number of successes
    assert read_case(path)[0].info.title == str(saved)
    assert len(read_case(path)[0].history) == 1 + saved
    assert not lock_path(path).exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_lock_of_a_killed_process_does_not_block_a_save(tmp_path):
    path = _plain_case(tmp_path)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()                                   # a process id that is gone now
    lock_path(path).write_text(json.dumps({"pid": child.pid, "host": file_safety._host_id(),
                                           "time": time.time(), "token": "x"}))
    case = load_case(path)
    case.info.title = "na de crash"
    save_case(case, path)
    assert load_case(path).info.title == "na de crash" and not lock_path(path).exists()

    # an old lock from another computer (its host is only a hash) is stale by its age
    lock_path(path).write_text(json.dumps({"pid": 1, "host": "0123456789abcdef",
                                           "time": 0, "token": "y"}))
    old = time.time() - file_safety.STALE_AFTER_S - 60
    os.utime(lock_path(path), (old, old))
    save_case(case, path)
    assert not lock_path(path).exists()
    assert not socket_name_in(path.read_text(encoding="utf-8"))   # no host name written


def test_a_live_lock_is_waited_for_and_then_reported(tmp_path):
    path = _plain_case(tmp_path)
    other = os.getppid()                           # alive, and not this process
    lock_path(path).write_text(json.dumps({"pid": other, "host": file_safety._host_id(),
                                           "time": time.time(), "token": "z"}))
    with pytest.raises(SaveLockedError, match=r"slaat casus\.yaml op dit moment op"), \
            SaveLock(path, wait_s=0.05):
        pass
    assert lock_path(path).exists()                # someone else's lock is left alone
    with SaveLock(path.with_name("ander.yaml"), wait_s=0.0) as lock:   # another file: free
        assert lock.file.exists()
        assert not socket_name_in(lock.file.read_text())
    assert not lock_path(path.with_name("ander.yaml")).exists()


def socket_name_in(text: str) -> bool:
    import socket
    return socket.gethostname() in text


def _killed_during_write(target, case) -> None:
    """Fork a child that saves and is killed just before its first fsync."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: stands still right after writing its temporary file
        try:
            os.close(read_end)

            def pause(*_args):
                os.write(write_end, b"x")
                signal.pause()
            os.fsync = pause
            save_case(case, target)
        finally:
            os._exit(0)
    os.close(write_end)
    assert os.read(read_end, 1) == b"x"
    os.close(read_end)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_twenty_killed_saves_leave_no_temporary_file_after_the_next_save(tmp_path):
    path = _plain_case(tmp_path, "geheim gezin")
    case = load_case(path)
    for _ in range(20):
        _killed_during_write(path, case.copy())
        # the killed save's temporary file is a full plaintext copy of the case; each
        # next save removes what the one before left (before: 20 after 20 kills)
        left = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(left) == 1
        assert "geheim gezin" in left[0].read_text(encoding="utf-8")
    save_case(case, path)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert not lock_path(path).exists()
    assert load_case(path).info.title == "geheim gezin"


def test_a_link_planted_at_the_old_backup_stage_name_is_not_followed(tmp_path):
    path = _plain_case(tmp_path, "eerste")
    elsewhere = tmp_path / "elders" / "buit.yaml"
    elsewhere.parent.mkdir()
    planted = tmp_path / ".casus.yaml.bak.tmp"
    planted.symlink_to(elsewhere)                  # dangling: a copy through it creates it
    existing = tmp_path / "elders" / "bestaand.txt"
    existing.write_text("blijft zo")
    case = load_case(path)
    case.info.title = "tweede"
    save_case(case, path)
    assert not elsewhere.exists()
    assert load_case(tmp_path / "casus.yaml.bak").info.title == "eerste"
    planted.unlink(missing_ok=True)
    planted.symlink_to(existing)
    save_case(case, path)
    assert existing.read_text() == "blijft zo"
    assert load_case(path).info.title == "tweede"


def test_saving_through_a_linked_case_writes_the_file_it_points_to(tmp_path):
    real_folder = tmp_path / "echt"
    real_folder.mkdir()
    real = _plain_case(real_folder, "oud")
    link = tmp_path / "snelkoppeling.yaml"
    link.symlink_to(real)
    case = load_case(link)
    case.info.title = "nieuw"
    save_case(case, link, if_unchanged=file_sha256(link))
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert load_case(real).info.title == "nieuw"
    assert load_case(real_folder / "casus.yaml.bak").info.title == "oud"
    assert not (tmp_path / "snelkoppeling.yaml.bak").exists()


def test_a_case_larger_than_the_program_opens_is_not_saved(tmp_path):
    path = _plain_case(tmp_path, "klein")
    before = path.read_bytes()
    case = load_case(path)
    case.scenarios[0].lines = [ServiceLine(item="UUR", quantity=1.0) for _ in range(20_001)]
    with pytest.raises(SaveError,
                       match=r"te groot om later weer te openen.*inzet-regels; hooguit 20000"):
        save_case(case, path)
    assert path.read_bytes() == before
    assert not lock_path(path).exists()
