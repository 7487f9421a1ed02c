"""Reading and writing case files and cost tables.

Saving is atomic: the new text is written to a temporary file in the same folder,
flushed and fsynced, and moved over the old file with ``os.replace``; the previous
version stays beside it as ``NAME.bak``. At every moment the file on disk is either the
complete old version or the complete new one.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from effectencalculator import __version__
from effectencalculator.model.case import Case, HistoryEntry, RecordedTable
from effectencalculator.model.case_rules import MAX_LINES, check_case
from effectencalculator.model.case_schema import case_from_data, case_to_data
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.crypto import (
    DamagedFileError,
    DecryptionError,
    check_encrypted,
    decrypt,
    encrypt,
    is_encrypted,
)
from effectencalculator.model.file_safety import SaveLock, remove_stale_temp_files
from effectencalculator.model.table_extends import has_extends, remap_findings, resolve_extends
from effectencalculator.model.table_schema import table_from_data
from effectencalculator.model.validation import Finding, Findings, InvalidInputError, Severity
from effectencalculator.model.yaml_io import (
    YamlDocument,
    dump_yaml,
    parse_yaml_bytes,
    read_file_bytes,
)


def _findings_for(path: Path, document: YamlDocument) -> Findings:
    findings = Findings(file=str(path), lines=document.lines)
    for key_path, line in document.duplicate_keys:
        findings.items.append(Finding(Severity.ERROR, key_path, "dit veld staat twee keer in "
                                      "het bestand; alleen de laatste waarde zou gelden",
                                      str(path), line))
    findings.items.extend(document.problems)  # YAML 1.1 traps: 1,5 in { }, 1:30, 010
    return findings


class PasswordRequired(InvalidInputError):
    """The case file is encrypted and no password was given."""


class EncryptedFileDamaged(InvalidInputError):
    """An ``.ecase`` no password can open (damaged header, another format version)."""


def read_case_bytes(path: Path, password: str | None = None) -> bytes:
    """The case YAML of a plain or an encrypted (``.ecase``) file. A damaged file says
    so before a password is asked for (EncryptedFileDamaged)."""
    raw = read_file_bytes(path)
    if not is_encrypted(raw):
        return raw
    try:
        if not password:
            check_encrypted(raw)
            raise PasswordRequired([Finding(Severity.ERROR, "", "dit casusbestand is "
                                            "versleuteld: een wachtwoord is nodig", str(path))])
        return decrypt(raw, password)
    except DamagedFileError as exc:
        raise EncryptedFileDamaged([Finding(Severity.ERROR, "", str(exc), str(path))]) from None
    except DecryptionError as exc:
        raise InvalidInputError([Finding(Severity.ERROR, "", str(exc), str(path))]) from None


def read_case(path: str | Path, password: str | None = None) -> tuple[Case, Findings]:
    """Read a case file; InvalidInputError only when the file cannot be read as YAML
    (or, when encrypted, not decrypted with ``password``)."""
    path = Path(path)
    return case_from_bytes(read_case_bytes(path, password), str(path))


def case_from_bytes(raw: bytes, name: str) -> tuple[Case, Findings]:
    """Parse and check case YAML; InvalidInputError only when it is not readable YAML."""
    document = parse_yaml_bytes(raw, name)
    findings = _findings_for(Path(name), document)
    case = case_from_data(document.data, findings)
    check_case(case, findings)
    return case, findings


def load_case(path: str | Path, password: str | None = None) -> Case:
    """Read a case file and raise InvalidInputError when it has errors."""
    case, findings = read_case(path, password)
    if findings.has_errors:
        raise InvalidInputError(findings.items)
    return case


def read_table(path: str | Path) -> tuple[CostTable, Findings]:
    path = Path(path)
    table, findings = table_from_bytes(read_file_bytes(path), str(path))
    table.path = path
    return table, findings


def table_from_bytes(raw: bytes, name: str) -> tuple[CostTable, Findings]:
    """Parse and check cost-table YAML; InvalidInputError only when it is not readable.

    A table that ``extends`` another is merged with its bases first (FORMATS.md 1.1).
    """
    document = parse_yaml_bytes(raw, name)
    findings = _findings_for(Path(name), document)
    data = document.data
    extended = None
    if has_extends(data):
        from effectencalculator.model.tables import find_base_table  # tables imports us
        extended = resolve_extends(data, Path(name), findings, find_base_table)
        data = extended.data
    start = len(findings.items)
    table = table_from_data(data, findings)
    if extended is not None:
        remap_findings(findings, extended, start)
        table.bases, table.overridden = extended.bases, extended.overridden
    table.sha256 = document.sha256
    return table, findings


def load_table(path: str | Path) -> CostTable:
    table, findings = read_table(path)
    if findings.has_errors:
        raise InvalidInputError(findings.items)
    return table


class SaveError(Exception):
    """A save that did not happen; the file on disk is unchanged."""


class FileChangedError(SaveError):
    """The file on disk changed since it was opened (someone else saved it)."""


def file_sha256(path: str | Path) -> str | None:
    """sha256 of a file's bytes, or None when it does not exist."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def conflict_copy_path(path: str | Path) -> Path:
    """A free sibling name for keeping one's own version next to someone else's."""
    path = Path(path)
    for n in range(1, 1000):
        suffix = " (eigen versie)" if n == 1 else f" (eigen versie {n})"
        candidate = path.with_name(f"{path.stem}{suffix}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise SaveError(f"{path}: geen vrije naam voor een eigen versie gevonden")


def case_to_text(case: Case) -> str:
    return dump_yaml(case_to_data(case))


def record_save(case: Case, table: CostTable | None, now: datetime | None = None) -> None:
    """Record the table the figures were computed with and append a history entry."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    entry = HistoryEntry(time=moment.isoformat(), program_version=__version__)
    if table is not None:
        case.settings.cost_table = table.name
        case.settings.cost_table_version = table.version
        case.settings.cost_table_sha256 = table.sha256
        base = table.bases[0] if table.bases else None
        case.settings.cost_table_base = None if base is None else RecordedTable(
            base.name, base.version, base.sha256)
        entry.cost_table = table.name
        entry.cost_table_version = table.version
        entry.cost_table_sha256 = table.sha256
    case.history.append(entry)


def case_to_bytes(case: Case, password: str | None = None) -> bytes:
    """The file content: UTF-8 YAML, or its encrypted container when a password is given."""
    data = case_to_text(case).encode("utf-8")
    return encrypt(data, password, case.schema_version) if password else data


def save_case(case: Case, path: str | Path, table: CostTable | None = None,
              now: datetime | None = None, password: str | None = None,
              if_unchanged: str | None = None) -> None:
    """Save atomically (keeping ``NAME.bak``); appends a history entry to ``case``.

    With ``password`` the file is encrypted; no plaintext copy is written anywhere.
    With ``if_unchanged`` (the sha256 of the file as it was opened) a file that someone
    else changed meanwhile is not overwritten: FileChangedError, and both versions stay.
    """
    path = Path(os.path.realpath(path))  # through a link: the file it points to
    record_save(case, table, now)
    text = case_to_text(case).encode("utf-8")
    check_reopenable(case, text, path)
    data = encrypt(text, password, case.schema_version) if password else text
    try:
        # one save of this file at a time: the check below and the rename belong together
        with SaveLock(path):
            remove_stale_temp_files(path)  # what saves killed half-way left behind
            if if_unchanged is not None:
                current = file_sha256(path)
                if current is not None and current != if_unchanged:
                    raise FileChangedError(
                        f"{path}: het bestand is gewijzigd sinds u het opende (door iemand "
                        "anders of een ander programma); het is niet overschreven. Sla uw "
                        "versie op onder een andere naam, bijvoorbeeld "
                        f"'{conflict_copy_path(path).name}'.")
            # encrypting over a plaintext file must not leave that plaintext as NAME.bak
            keep_backup = not (password and path.exists()
                               and not is_encrypted(path.read_bytes()[:64]))
            atomic_write_bytes(path, data, keep_backup=keep_backup)
    except OSError as exc:  # the lock could not be taken (or the folder is gone)
        raise SaveError(_save_message(path, exc)) from exc


def check_reopenable(case: Case, text: bytes, path: Path) -> None:
    """Refuse to write a case the program would refuse to open (file size, nesting, nodes,
    lines): saving it would lock the researcher out of their own work."""
    lines = sum(len(scenario.lines) for scenario in case.scenarios)
    reason = f"{lines} inzet-regels; hooguit {MAX_LINES}" if lines > MAX_LINES else ""
    if not reason:
        try:
            parse_yaml_bytes(text, str(path))
        except InvalidInputError as exc:
            reason = "; ".join(f.message for f in exc.findings) or "te groot"
    if reason:
        raise SaveError(f"{path}: niet opgeslagen: de casus is te groot om later weer te "
                        f"openen ({reason}). Verdeel hem over meer casussen of verwijder "
                        "regels; de casus blijft open met al uw wijzigingen")


def atomic_write_text(path: Path, text: str, keep_backup: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), keep_backup)


def atomic_write_bytes(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file, whole."""
    path = Path(os.path.realpath(path))  # replace the file a link points to, not the link
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
            if keep_backup:
                _keep_backup(path)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as exc:
        raise SaveError(_save_message(path, exc)) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _keep_backup(path: Path) -> None:
    """Make ``NAME.bak`` the current file, itself atomically.

    The copy is staged in a new file with an unpredictable name (``mkstemp``: created
    exclusively, never through a link someone planted at a fixed name), then renamed."""
    backup = path.with_name(path.name + ".bak")
    fd, staged = tempfile.mkstemp(prefix=f".{path.name}.bak.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle, open(path, "rb") as current:
            shutil.copyfileobj(current, handle)
            handle.flush()
            if hasattr(os, "fchmod"):  # the backup keeps the file's permissions
                os.fchmod(handle.fileno(), os.stat(path).st_mode & 0o777)
            os.fsync(handle.fileno())
        os.replace(staged, backup)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _save_message(path: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM,
                                                           errno.EROFS):
        reason = "geen schrijfrechten in deze map"
    elif exc.errno == errno.ENOSPC:
        reason = "de schijf is vol"
    elif isinstance(exc, FileNotFoundError):
        reason = "de map bestaat niet"
    else:
        reason = exc.strerror or str(exc)
    return f"{path}: opslaan mislukt ({reason}); het bestaande bestand is niet gewijzigd"
