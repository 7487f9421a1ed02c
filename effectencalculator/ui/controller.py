"""The document controller: New, Open, Open Recent, Save, Save As, close, restore.

One save flow for every way a case can go away (close, new, open, drop): a
Save/Discard/Cancel question through the injectable dialog service. A file that cannot be
read, or has errors, is reported with file, line and field, and the current case stays
open; nothing is overwritten. Saving serialises a copy first and writes atomically
(``save_case``), keeping ``NAME.bak``.

Encrypted cases (``.ecase``): "Opslaan als…" with that suffix asks for a new password
(twice); opening one asks for the password (a wrong one, or a tampered file, is reported
and the current case stays). The document remembers the password in memory for later
saves and for its recovery copies, which are encrypted too.

A save that fails (no write permission, full disk) says why; the case stays open with its
changes and the file on disk is not touched. A file someone else changed since it was
opened is never overwritten: the user is offered "Opslaan als…" so both versions stay.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.crypto import ENCRYPTED_SUFFIX
from effectencalculator.model.file_safety import clean_up_interrupted_saves
from effectencalculator.model.storage import (
    EncryptedFileDamaged,
    FileChangedError,
    PasswordRequired,
    SaveError,
    case_from_bytes,
    conflict_copy_path,
    file_sha256,
    read_case,
    read_case_bytes,
    save_case,
)
from effectencalculator.model.validation import Finding, Findings, InvalidInputError, Severity
from effectencalculator.ui.document import CaseDocument, new_case_template
from effectencalculator.ui.recovery import Autosaver
from effectencalculator.ui.services import (
    SAVE_CASE_FILTER,
    AppContext,
    RestoreChoice,
    SaveChoice,
)
from effectencalculator.ui.settings import LAST_FOLDER
from effectencalculator.ui.table_loader import table_for

_log = logging.getLogger(__name__)
CASE_SUFFIXES = (".yaml", ".yml", ENCRYPTED_SUFFIX)
#: how often a wrong password may be retried before the file is reported as unreadable
PASSWORD_ATTEMPTS = 3
_KEEP = object()  # write(): keep the document's own password


def read_error_text(exc: OSError) -> str:
    """Why a file could not be read, in Dutch (not the system's English text)."""
    if isinstance(exc, IsADirectoryError):
        return "dit is een map, geen casusbestand"
    if isinstance(exc, FileNotFoundError):
        return "het bestand bestaat niet (meer)"
    if isinstance(exc, PermissionError):
        return "geen leesrechten voor dit bestand"
    return f"het bestand kan niet worden gelezen (systeemfout {exc.errno})"


def is_encrypted_name(path: Path | str) -> bool:
    return Path(path).suffix.lower() == ENCRYPTED_SUFFIX


class DocumentController(QObject):
    recentChanged = Signal()
    status = Signal(str)
    #: (file name, warnings found when it was read): shown in the window, not only kept
    notesFound = Signal(str, object)

    def __init__(self, window: QWidget, doc: CaseDocument, ctx: AppContext,
                 autosaver: Autosaver, parent: QObject | None = None):
        super().__init__(parent)
        self.window, self.doc, self.ctx, self.autosaver = window, doc, ctx, autosaver
        self.store = autosaver.store
        #: warnings found when the current file was read (unknown keys, …)
        self.load_notes: list[Finding] = []
        self._table_generation = 0
        self.table_loading = False

    # -- helpers --------------------------------------------------------------------
    @property
    def dialogs(self):
        return self.ctx.dialogs

    def _folder(self) -> str:
        if self.doc.path is not None:
            return str(self.doc.path.parent)
        return self.ctx.settings.get(LAST_FOLDER) or str(Path.home())

    def load_table(self) -> None:
        """Find and read the case's cost table off the GUI thread."""
        self._table_generation += 1
        generation = self._table_generation
        settings_only = Case(settings=copy.deepcopy(self.doc.case.settings))
        table_file = self.doc.table_file
        self.table_loading = True
        self.status.emit("Kostentabel laden…")

        def work(progress) -> tuple[int, object]:
            # (generation, (table, notes) or the exception): only the latest load counts
            try:
                return generation, table_for(settings_only, table_file)
            except Exception as exc:  # noqa: BLE001 - shown in Berekening and Kostentabel
                return generation, exc

        # bound methods, not closures holding the controller: when the window is gone
        # before the table is read, Qt drops the call instead of running it on a dead window
        self.ctx.runner.run(work, self._table_loaded, self._table_failed)

    def _table_loaded(self, value: tuple[int, object]) -> None:
        generation, loaded = value
        if generation != self._table_generation:
            return
        if isinstance(loaded, BaseException):
            self._table_failed(loaded)
            return
        self.table_loading = False
        table, notes = cast(tuple[CostTable, list], loaded)  # not an exception: a table
        self.doc.set_table(table, notes)
        self.status.emit(f"Kostentabel {table.name} {table.version} geladen")

    def _table_failed(self, exc: BaseException) -> None:
        self.table_loading = False
        if isinstance(exc, InvalidInputError):
            notes = exc.findings
        else:
            notes = [Finding(Severity.ERROR, "settings.cost_table",
                             f"kostentabel niet te lezen: {exc}")]
        self.doc.set_table(None, notes)
        self.status.emit("Kostentabel niet gevonden; zie Berekening en Kostentabel")

    # -- the save flow --------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False when the user cancels."""
        if not self.doc.is_modified:
            return True
        choice = self.dialogs.ask_save_changes(self.window, self.doc.display_name)
        if choice is SaveChoice.SAVE:
            return self.save()
        if choice is SaveChoice.DISCARD:
            self.autosaver.discard()
            return True
        return False

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        if is_encrypted_name(self.doc.path) and self.doc.password is None:
            return self.save_as()  # an .ecase without a known password: choose one
        return self.write(self.doc.path)

    def save_as(self) -> bool:
        return self.save_copy_as(None)

    def save_copy_as(self, suggested: Path | None) -> bool:
        """Save under a name the user chooses (``suggested`` proposed); the suffix
        ``.ecase`` saves encrypted with a new password."""
        if suggested is None:
            suffix = ENCRYPTED_SUFFIX if self.doc.encrypted else ".yaml"
            suggested = Path(self._folder()) / (
                self.doc.path.name if self.doc.path is not None
                else f"{self.doc.case.info.code or 'casus'}{suffix}")
        name = self.dialogs.save_file(self.window, "Casus opslaan als", str(suggested),
                                      SAVE_CASE_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in CASE_SUFFIXES:
            path = path.with_name(path.name + (ENCRYPTED_SUFFIX if self.doc.encrypted
                                               else ".yaml"))
        if is_encrypted_name(path):
            password = self.dialogs.ask_password(
                self.window, "Versleuteld opslaan",
                f"Kies een wachtwoord voor {path.name}. De casus wordt met dit wachtwoord "
                "versleuteld opgeslagen; ook de automatische herstelkopieën.", new=True)
            if not password:
                return False
            return self.write(path, password=password)
        if self.doc.encrypted and not self.dialogs.ask_yes_no(
                self.window, "Onversleuteld opslaan?",
                f"Deze casus is versleuteld. Als u hem opslaat als {path.name}, staat hij "
                "onversleuteld (leesbaar zonder wachtwoord) op de schijf.\n\n"
                "Toch onversleuteld opslaan? (Om versleuteld te blijven: kies een naam die "
                "eindigt op .ecase.)"):
            return False
        return self.write(path, password=None)

    def write(self, path: Path, password=_KEEP) -> bool:
        """Save to ``path``; on failure say why and leave everything as it was.

        ``password``: encrypt with it (None: plain YAML); by default the document's own.
        """
        if password is _KEEP:
            password = self.doc.password
        path = Path(path)
        snapshot = self.doc.case.copy()
        same_file = self.doc.path is not None and path.resolve() == self.doc.path
        try:
            save_case(snapshot, path, self.doc.table, password=password,
                      if_unchanged=self.doc.file_sha256 if same_file else None)
        except FileChangedError as exc:
            self._offer_save_elsewhere(path, exc)
            return False
        except SaveError as exc:
            self.dialogs.show_error(
                self.window, "Opslaan mislukt",
                f"{exc}.\n\nDe casus blijft open met al uw wijzigingen. Kies 'Opslaan als…' "
                "om hem op een andere plaats (een andere map of schijf) te bewaren.")
            return False
        # keep the provenance the save recorded (not an edit: no undo step)
        settings = self.doc.case.settings
        settings.cost_table = snapshot.settings.cost_table
        settings.cost_table_version = snapshot.settings.cost_table_version
        settings.cost_table_sha256 = snapshot.settings.cost_table_sha256
        self.doc.case.history = snapshot.history
        self.doc.password = password or None
        self.doc.undo_stack.setClean()
        self.doc.file_sha256 = file_sha256(path)
        self.doc.set_path(path.resolve())
        self.autosaver.discard()
        self.ctx.settings.add_recent(path)
        self.recentChanged.emit()
        locked = " (versleuteld)" if self.doc.encrypted else ""
        self.status.emit(f"Opgeslagen{locked}: {path}")
        return True

    def _offer_save_elsewhere(self, path: Path, exc: FileChangedError) -> None:
        """Someone else changed the file: keep theirs, offer to save ours beside it."""
        try:
            suggestion = conflict_copy_path(path)
        except SaveError:
            suggestion = path.with_name(f"{path.stem} (mijn versie){path.suffix}")
        if self.dialogs.ask_yes_no(
                self.window, "Niet opgeslagen: het bestand is gewijzigd",
                f"{exc}\n\nUw versie is nog open en niet verloren. Nu 'Opslaan als…' kiezen "
                f"(voorstel: {suggestion.name})? Dan blijven beide versies bewaard."):
            self.save_copy_as(suggestion)

    def _offer_save_restored_elsewhere(self, original: Path) -> None:
        """The file changed after the copy was made: keep both, offer another name."""
        try:
            suggestion = conflict_copy_path(original)
        except SaveError:
            suggestion = original.with_name(f"{original.stem} (hersteld){original.suffix}")
        if self.dialogs.ask_yes_no(
                self.window, "Het bestand is intussen gewijzigd",
                f"{original} is opgeslagen of vervangen nadat deze herstelkopie werd gemaakt "
                "(door iemand anders, of in een ander venster). 'Opslaan' overschrijft die "
                "nieuwere versie niet.\n\nDe herstelde casus nu opslaan onder een andere naam "
                f"(voorstel: {suggestion.name})? Dan blijven beide versies bewaard."):
            self.save_copy_as(suggestion)

    # -- new / open -----------------------------------------------------------------
    def new_case(self) -> bool:
        if not self.maybe_save():
            return False
        self.autosaver.discard()
        self.load_notes = []
        self.notesFound.emit("", [])
        self.doc.table_file = None
        self.doc.file_sha256 = None
        self.doc.reset(new_case_template(), None)
        self.load_table()
        return True

    def open_dialog(self) -> bool:
        name = self.dialogs.open_file(self.window, "Casus openen", self._folder())
        return self.open_path(name) if name else False

    def open_path(self, name: str | Path, *, ask: bool = True) -> bool:
        """Open a case file; a broken file is reported and the current case stays.

        An encrypted file asks for its password (wrong: asked again, at most
        ``PASSWORD_ATTEMPTS`` times; cancel: nothing happens). Whatever goes wrong while
        reading, the window says so, naming the file: never nothing, never a crash."""
        path = Path(name)
        if ask and not self.maybe_save():
            return False
        try:
            return self._open(path)
        except Exception as exc:  # noqa: BLE001 - any unreadable file gets a message
            # kept for diagnosis (not printed by default: the user sees the message)
            _log.info("casus niet te openen: %s", path, exc_info=True)
            self._report_unreadable(path, [
                f"{path}: het bestand kan niet als casus worden gelezen (onverwachte fout "
                f"bij het lezen: {type(exc).__name__}); het is waarschijnlijk geen "
                "casusbestand, of beschadigd"])
            return False

    def _open(self, path: Path) -> bool:
        password = None
        try:
            case, findings = read_case(path)
        except PasswordRequired:
            loaded = self._read_encrypted(path, f"{path.name} is versleuteld. Voer het "
                                                "wachtwoord in om de casus te openen.")
            if loaded is None:
                return False
            case, findings, password = loaded
        except InvalidInputError as exc:
            self._report_unreadable(path, [f.format() for f in exc.findings])
            return False
        except OSError as exc:
            self._report_unreadable(path, [f"{path}: {read_error_text(exc)}"])
            return False
        if findings.has_errors:
            self._report_unreadable(path, [f.format() for f in findings.errors])
            return False
        self.autosaver.discard()
        clean_up_interrupted_saves(path)  # temporary copies a killed save left behind
        self.load_notes = findings.warnings
        self.doc.table_file = None
        self.doc.file_sha256 = file_sha256(path)
        self.doc.reset(case, path.resolve(), password=password)
        self.notesFound.emit(path.name, self.load_notes)
        self.ctx.settings.add_recent(path)
        self.recentChanged.emit()
        self.load_table()
        locked = " (versleuteld)" if password else ""
        self.status.emit(f"Geopend{locked}: {path}")
        return True

    def _read_encrypted(self, path: Path, text: str, shown: Path | None = None
                        ) -> tuple[Case, Findings, str] | None:
        """Ask the password and decrypt; None after cancel or after reporting why not.

        A wrong password and a changed or damaged file cannot be told apart (that is
        what authenticated encryption means): both give the same clear message."""
        shown = shown or path
        error = ""
        for _ in range(PASSWORD_ATTEMPTS):
            password = self.dialogs.ask_password(self.window, "Wachtwoord nodig", text,
                                                 new=False, error=error)
            if not password:
                return None
            try:
                raw = read_case_bytes(path, password)
            except EncryptedFileDamaged as exc:  # no password helps: do not ask again
                self._report_unreadable(shown, [f.format() for f in exc.findings])
                return None
            except InvalidInputError as exc:
                error = ("; ".join(f.message for f in exc.findings) or "onjuist wachtwoord")
                error = error[0].upper() + error[1:] + ". Probeer het opnieuw."
                continue
            except OSError as exc:
                self._report_unreadable(shown, [f"{path}: {read_error_text(exc)}"])
                return None
            try:
                case, findings = case_from_bytes(raw, str(shown))
            except InvalidInputError as exc:
                self._report_unreadable(shown, [f.format() for f in exc.findings])
                return None
            return case, findings, password
        self._report_unreadable(shown, [
            f"{shown}: het wachtwoord is onjuist, of het bestand is gewijzigd of beschadigd "
            f"({PASSWORD_ATTEMPTS} pogingen)"])
        return None

    def _report_unreadable(self, path: Path, details: list[str]) -> None:
        self.dialogs.show_error(
            self.window, "Casus niet geopend",
            f"{path.name} kan niet worden geopend. De huidige casus blijft open; het bestand "
            "is niet gewijzigd.", details)

    def open_recent(self, name: str) -> bool:
        if not Path(name).exists():
            self.dialogs.show_error(self.window, "Bestand niet gevonden",
                                    f"{name} bestaat niet meer; het is uit de lijst gehaald.")
            self.ctx.settings.remove_recent(name)
            self.recentChanged.emit()
            return False
        return self.open_path(name)

    # -- closing and recovery -------------------------------------------------------
    def close_document(self) -> bool:
        """True when the window may close (saved, discarded or unchanged)."""
        if not self.maybe_save():
            return False
        self.autosaver.discard()
        self.autosaver.stop()
        return True

    def offer_recovery(self) -> bool:
        """At start: offer copies left by a crash; True when one was restored."""
        for snapshot in self.store.orphans():
            choice = self.dialogs.ask_restore(self.window, snapshot.describe())
            if choice is RestoreChoice.LATER:
                continue
            if choice is RestoreChoice.DISCARD:
                self.store.remove_snapshot(snapshot)
                continue
            password = None
            if snapshot.encrypted:
                loaded = self._read_encrypted(
                    snapshot.case_file, "De herstelkopie is versleuteld, net als de casus. "
                    "Voer het wachtwoord van de casus in om hem terug te zetten.")
                if loaded is None:
                    continue  # the copy stays; it is offered again at the next start
                case, findings, password = loaded
            else:
                try:
                    case, findings = read_case(snapshot.case_file)
                except InvalidInputError as exc:
                    self._report_unreadable(snapshot.case_file,
                                            [f.format() for f in exc.findings])
                    continue
            if findings.has_errors:
                self._report_unreadable(snapshot.case_file,
                                        [f.format() for f in findings.errors])
                continue
            original = Path(snapshot.original) if snapshot.original else None
            current = file_sha256(original) if original else None
            # the copy's edits began from the file as it was then: when it was saved
            # later (by someone else) or replaced, a save must not overwrite it
            base = snapshot.original_sha256 or current
            self.doc.table_file = None
            self.doc.file_sha256 = base
            self.doc.reset(case, original, modified=True, password=password)
            self.load_notes = findings.warnings
            self.notesFound.emit(original.name if original else "De herstelde casus",
                                 self.load_notes)
            self.store.remove_snapshot(snapshot)
            self.autosaver.autosave()  # the restored state is protected again at once
            self.load_table()
            self.status.emit("Herstelkopie teruggezet; sla de casus op om hem te bewaren")
            if original is not None and current is not None and current != base:
                self._offer_save_restored_elsewhere(original)
            return True
        return False
