"""What keeps two saves of one file apart, and what an interrupted save leaves behind.

``SaveLock``: a lock file beside the case (``.NAME.lock``), created exclusively
(``O_EXCL``) for the duration of one save and removed afterwards. Two processes that save
the same file at once take turns; the second then sees the first one's version and does
not overwrite it unnoticed (see ``storage.save_case``). A lock left by a process that was
killed is stale: on the same computer when its process is gone, anywhere when it is
older than ``STALE_AFTER_S``. The lock names its computer only by a hash, so no host
name is written anywhere.

``remove_stale_temp_files``: a save killed half-way leaves its temporary file
(``.NAME.<random>.tmp``, a full copy of the case — plaintext for a plain case); the next
save or open removes those of the same file.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import socket
import sys
import time
from pathlib import Path

#: a save takes seconds at most; a lock this old is left over whatever its origin
STALE_AFTER_S = 600.0
#: how long a save waits for another process's save of the same file to finish
WAIT_S = 10.0
_POLL_S = 0.02


class SaveLockedError(OSError):
    """Another live process is saving the same file right now (and did not finish)."""


def _host_id() -> str:
    """This computer, as a hash: a lock must not carry the host name itself."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:16]


def process_alive(pid: int, *, unknown: bool = True) -> bool:
    """True when process ``pid`` runs on this computer (ours always does).

    ``unknown`` is the answer where there is no cheap check (Windows): a lock then goes
    stale by its age, a recovery copy is offered."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform.startswith("win"):
        return unknown
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


class SaveLock:
    """``with SaveLock(path):`` — this process alone saves ``path`` inside the block."""

    def __init__(self, path: Path, wait_s: float = WAIT_S, alive=process_alive):
        self.path = Path(path)
        self.file = lock_path(self.path)
        self.wait_s = wait_s
        self.alive = alive
        self._token = ""

    def __enter__(self) -> SaveLock:
        deadline = time.monotonic() + self.wait_s
        while True:
            if self._try_create():
                return self
            if self._remove_if_stale():
                continue
            if time.monotonic() >= deadline:
                raise SaveLockedError(
                    16, f"een ander programma (of venster) slaat {self.path.name} op dit "
                    "moment op; probeer het zo opnieuw")
            time.sleep(_POLL_S)

    def __exit__(self, *exc_info) -> None:
        self.release()

    def _try_create(self) -> bool:
        self._token = os.urandom(8).hex()
        content = json.dumps({"pid": os.getpid(), "host": _host_id(), "time": time.time(),
                              "token": self._token}).encode("ascii")
        try:
            fd = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return False
        try:
            os.write(fd, content)
        finally:
            os.close(fd)
        return True

    def _read(self) -> dict | None:
        try:
            data = json.loads(self.file.read_text(encoding="ascii"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, UnicodeDecodeError):
            return None
        return data if isinstance(data, dict) else None

    def _remove_if_stale(self) -> bool:
        """Remove a lock left over by a killed process; True when the way may be free."""
        data = self._read()
        if data == {}:
            return True  # released meanwhile
        try:
            age = time.time() - os.stat(self.file).st_mtime
        except FileNotFoundError:
            return True
        stale = age > STALE_AFTER_S
        if data is None:
            stale = stale or age > 2.0  # unreadable and not being written: left over
        elif data.get("host") == _host_id():
            try:
                stale = stale or not self.alive(int(data.get("pid", 0)))
            except (TypeError, ValueError):
                stale = True
        if not stale:
            return False
        try:
            os.unlink(self.file)
        except FileNotFoundError:
            pass
        return True

    def release(self) -> None:
        data = self._read()
        if data and data.get("token") == self._token:
            try:
                os.unlink(self.file)
            except FileNotFoundError:
                pass


def temp_files_of(path: Path) -> list[Path]:
    """The temporary files saves of ``path`` make (and the old fixed backup stage)."""
    folder = path.parent if str(path.parent) else Path(".")
    pattern = os.path.join(glob.escape(str(folder)), f".{glob.escape(path.name)}.*.tmp")
    return [Path(p) for p in glob.glob(pattern)]


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Remove what interrupted saves of ``path`` left; call with its SaveLock held."""
    removed = []
    for temp in temp_files_of(Path(path)):
        try:
            os.unlink(temp)  # a planted link is removed itself, never followed
        except OSError:
            continue
        removed.append(temp)
    return removed


def clean_up_interrupted_saves(path: Path) -> list[Path]:
    """At open: remove left-over temporary files of ``path`` unless a save runs now."""
    path = Path(os.path.realpath(path))
    try:
        with SaveLock(path, wait_s=0.0):
            return remove_stale_temp_files(path)
    except OSError:
        return []  # someone saves it right now (or the folder is read-only): leave it
