"""Recovery copies: the open case is written to a per-user folder every minute.

A copy is a normal case file (``<id>.yaml``) beside a small ``<id>.json`` that says which
file it belongs to, when it was written and by which process. A normal save or close
removes it; a copy left behind by a process that is gone means a crash, and the next start
offers it for restore.

The copy of an encrypted case is encrypted with the case's password (``<id>.ecase``) and
its ``.json`` holds no case data (not even the case code): no plaintext is ever written.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from effectencalculator.model.crypto import ENCRYPTED_SUFFIX
from effectencalculator.model.file_safety import process_alive
from effectencalculator.model.storage import (
    SaveError,
    atomic_write_bytes,
    atomic_write_text,
    case_to_bytes,
)
from effectencalculator.report.format import format_date
from effectencalculator.ui.document import CaseDocument

log = logging.getLogger(__name__)

#: failures before the window says so (and keeps saying so until a copy is written)
MAX_FAILURES_SILENT = 0
#: a temporary file without its copy's metadata is left alone this long (a first write)
ORPHAN_TEMP_AGE_S = 3600
PLAIN_SUFFIX = ".yaml"
COPY_SUFFIXES = (PLAIN_SUFFIX, ENCRYPTED_SUFFIX)


@dataclass(frozen=True)
class Snapshot:
    case_file: Path
    meta_file: Path
    original: str | None
    saved: str
    pid: int
    code: str
    encrypted: bool = False
    #: sha256 of the file as it was when the copy's edits began (opened or last saved);
    #: restoring compares it with the file as it is now
    original_sha256: str | None = None

    def describe(self) -> str:
        try:
            moment = datetime.fromisoformat(self.saved)
            when = f"{format_date(moment.date())} om {moment:%H:%M}"
        except ValueError:
            when = self.saved
        name = Path(self.original).name if self.original else "nieuwe casus (nog niet opgeslagen)"
        code = f"casus {self.code}, " if self.code else ""
        locked = "versleuteld (wachtwoord nodig), " if self.encrypted else ""
        return f"{code}{name}, {locked}bewaard op {when}"


def _process_alive(pid: int) -> bool:
    """True when ``pid`` runs; on Windows (no cheap check) a copy is offered."""
    return process_alive(pid, unknown=False)


class RecoveryStore:
    """The recovery folder: write, remove and list copies."""

    def __init__(self, folder: Path, alive=None):
        self.folder = Path(folder)
        #: whether a process id still runs (injectable: tests simulate a crash)
        self.alive = alive or _process_alive

    def write(self, token: str, data: bytes, original: Path | None, code: str,
              encrypted: bool = False, original_sha256: str | None = None) -> Path:
        """Write one document's copy; ``data`` is the case file content (encrypted or not).

        For an encrypted copy the metadata leaves out the case code, and a plain copy of
        the same document written earlier is removed.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(self.folder, 0o700)
        except OSError:
            log.warning("Rechten van de herstelmap %s niet beperkt", self.folder,
                        exc_info=True)
        suffix = ENCRYPTED_SUFFIX if encrypted else PLAIN_SUFFIX
        case_file = self.folder / f"{token}{suffix}"
        atomic_write_bytes(case_file, data, keep_backup=False)
        for other in COPY_SUFFIXES:
            if other != suffix:
                (self.folder / f"{token}{other}").unlink(missing_ok=True)
        meta = {"original": str(original) if original else None,
                "saved": datetime.now().replace(microsecond=0).isoformat(),
                "pid": os.getpid(), "code": "" if encrypted else code,
                "encrypted": encrypted, "original_sha256": original_sha256}
        atomic_write_text(self.folder / f"{token}.json", json.dumps(meta), keep_backup=False)
        return case_file

    def remove(self, token: str) -> None:
        for suffix in (*COPY_SUFFIXES, ".json"):
            (self.folder / f"{token}{suffix}").unlink(missing_ok=True)

    def remove_snapshot(self, snapshot: Snapshot) -> None:
        snapshot.case_file.unlink(missing_ok=True)
        snapshot.meta_file.unlink(missing_ok=True)

    def orphans(self) -> list[Snapshot]:
        """Copies whose process is gone (left by a crash), newest first."""
        found: list[Snapshot] = []
        if not self.folder.is_dir():
            return found
        self.remove_left_temp_files()
        for meta_file in self.folder.glob("*.json"):
            try:
                meta = json.loads(meta_file.read_text(encoding="utf-8"))
                pid = int(meta.get("pid", 0))
                encrypted = bool(meta.get("encrypted", False))
            except (OSError, ValueError, TypeError, AttributeError):
                log.warning("Herstelgegevens %s onleesbaar; overgeslagen", meta_file,
                            exc_info=True)
                continue
            case_file = meta_file.with_suffix(ENCRYPTED_SUFFIX if encrypted else PLAIN_SUFFIX)
            if not case_file.exists() or self.alive(pid):
                continue
            sha = meta.get("original_sha256")
            found.append(Snapshot(case_file, meta_file, meta.get("original"),
                                  str(meta.get("saved", "")), pid, str(meta.get("code", "")),
                                  encrypted, sha if isinstance(sha, str) else None))
        return sorted(found, key=lambda s: s.saved, reverse=True)

    def remove_left_temp_files(self) -> None:
        """Temporary files of copies whose process was killed mid-write (each a whole
        case): removed; those of a live process, or fresh ones, stay."""
        for temp in self.folder.glob(".*.tmp"):
            token = temp.name[1:].split(".", 1)[0]
            meta_file = self.folder / f"{token}.json"
            try:
                pid = int(json.loads(meta_file.read_text(encoding="utf-8")).get("pid", 0))
                if self.alive(pid):
                    continue
            except (OSError, ValueError, TypeError, AttributeError):
                try:
                    if time.time() - temp.stat().st_mtime < ORPHAN_TEMP_AGE_S:
                        continue
                except OSError:
                    continue
            temp.unlink(missing_ok=True)


class Autosaver(QObject):
    """Writes a recovery copy of the document on a timer when it changed since the last."""

    failedRepeatedly = Signal(str)
    #: a copy was written again after failures (the window's warning can go)
    recovered = Signal()

    def __init__(self, doc: CaseDocument, store: RecoveryStore, timer, interval_ms: int,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.doc, self.store = doc, store
        self.token = uuid.uuid4().hex
        self.failures = 0
        self.last_error = ""
        #: the document's edit count when the last copy was taken (not the undo index:
        #: typing on in the same field merges into one undo step and leaves it unchanged)
        self._written_count: int | None = None
        self.timer = timer
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        doc.undo_stack.cleanChanged.connect(self._clean_changed)
        self._listening = True

    def autosave(self) -> bool:
        """Write a copy if there are unsaved changes; True when a copy was written."""
        stack = self.doc.undo_stack
        if stack.isClean():
            return False
        count = self.doc.edit_count
        if self._written_count == count and self.failures == 0:
            return False
        try:
            # encrypted with the case's password when it has one: never a plaintext copy
            self.store.write(self.token, case_to_bytes(self.doc.case, self.doc.password),
                             self.doc.path, self.doc.case.info.code,
                             encrypted=self.doc.password is not None,
                             original_sha256=self.doc.file_sha256)
        except (SaveError, OSError, ValueError) as exc:
            self.failures += 1
            self.last_error = str(exc)
            if self.failures > MAX_FAILURES_SILENT:
                self.failedRepeatedly.emit(
                    f"Automatisch bewaren van een herstelkopie lukt niet ({exc}). "
                    "Sla de casus zelf op.")
            return False
        if self.failures:
            self.recovered.emit()
        self.failures = 0
        self._written_count = count
        return True

    def discard(self) -> None:
        """Remove this document's copy (after a save, a close, or a new/opened case)."""
        self.store.remove(self.token)
        self._written_count = None
        if self.failures:  # nothing left to protect: the warning goes too
            self.failures = 0
            self.recovered.emit()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def stop(self) -> None:
        """At close: no more copies, and no slot of ours when the closing window's undo
        stack is cleared as it is destroyed (PySide6 then found no "Autosaver::" slot)."""
        self.timer.stop()
        if self._listening:
            self._listening = False
            self.doc.undo_stack.cleanChanged.disconnect(self._clean_changed)
