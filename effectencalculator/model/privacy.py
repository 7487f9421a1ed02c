"""Privacy check: find what could identify a family or a professional in a case.

The method's rule is that a write-up is fully anonymous. Before any export the program
scans every string of the case — not a list of free-text fields, but everything an output
may print: codes, proeftuin, ids, roles, domains, scenario ids and labels, item codes,
own items, history, the keys and values kept from unknown fields, and the file name a
portfolio prints — for identifiers: full dates of birth, Dutch postcodes, phone numbers,
e-mail addresses, BSN-like numbers (the 11-test), IBANs (mod-97), Dutch licence plates,
street addresses, and the words on the researcher's own never-export list (real names,
street, school), which lives in the user's local settings, never in the case file.

Texts are folded first (``privacy_normalise``: zero-width characters, look-alike letters
and dash variants cannot hide an identifier); the detectors are in ``privacy_detectors``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from effectencalculator.model.case import Case
from effectencalculator.model.privacy_detectors import (
    SEP,
    Hit,
    NeverExport,
    detect,
    passes_eleven_test,
    passes_mod97,
)
from effectencalculator.model.privacy_normalise import PositionMap, fold, visible
from effectencalculator.model.user_dirs import user_config_dir

__all__ = [
    "CHECKED",
    "KIND_LABELS",
    "NeverExport",
    "PrivacyFinding",
    "PrivacyStatus",
    "check_privacy",
    "load_never_export",
    "never_export_path",
    "passes_eleven_test",
    "passes_mod97",
    "scan_case",
    "scan_text",
    "text_fields",
]

NEVER_EXPORT_ENV = "EFFECTENCALCULATOR_NEVER_EXPORT"
#: the location of the case file's own name (a portfolio prints it)
FILE_NAME_PATH = "bestand"

KIND_LABELS = {
    "geboortedatum": "volledige geboortedatum",
    "postcode": "postcode",
    "telefoon": "telefoonnummer",
    "email": "e-mailadres",
    "bsn": "BSN-achtig nummer (voldoet aan de 11-proef)",
    "iban": "IBAN-rekeningnummer",
    "kenteken": "kenteken",
    "adres": "straatnaam met huisnummer",
    "verboden woord": "woord van de eigen niet-exporteren-lijst",
}
#: what the check looks for, in a sentence (the privacy view and the report say it)
CHECKED = ("volledige geboortedata, postcodes, telefoonnummers, e-mailadressen, BSN-achtige "
           "nummers, IBAN-rekeningnummers, kentekens, straatnamen met huisnummer en de "
           "woorden van uw niet-exporteren-lijst")
#: strings of the case the check itself writes: hashes of accepted findings, no text
_NOT_SCANNED = {("Settings", "privacy_accepted")}


@dataclass(frozen=True)
class PrivacyFinding:
    path: str           # location in the case, e.g. "narrative.summary"
    kind: str           # a key of KIND_LABELS
    text: str           # what was found, as written (invisible characters included)
    start: int          # position in the field's text
    context: str        # a few words around it, for the list (invisible ones shown)
    entry: str = ""     # for "verboden woord": the entry of the list that matched

    @property
    def key(self) -> str:
        """Stable identity for accepting a finding: location, kind and a hash of the text.

        Hashed, so that accepting a finding never writes a name from the never-export
        list into the case file.
        """
        digest = hashlib.sha256(self.text.casefold().encode("utf-8")).hexdigest()[:16]
        return f"{self.path}|{self.kind}|{digest}"

    @property
    def shown(self) -> str:
        """The found text as written, invisible characters made visible (``⟨U+200B⟩``)."""
        return visible(self.text)

    def format(self) -> str:
        which = f" (lijstwoord '{self.entry}')" if self.entry else ""
        return (f"{self.path}: {KIND_LABELS[self.kind]}: '{self.shown}'{which} "
                f"(…{self.context}…)")


# -- every string of the case -------------------------------------------------------------
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls)
                      if (cls.__name__, f.name) not in _NOT_SCANNED)
        _FIELD_NAMES[cls] = names
    return names


def text_fields(case: Case) -> list[tuple[str, str]]:
    """Every string of the case with its location, found by walking the records (so a
    field added to the model is scanned without anyone listing it here).

    Locations: ``case.title`` (the case's ``info``), ``scenarios[0].lines[2].note``;
    in a dict (``extra``, unknown keys kept on save) entries go by position, never by
    key (a key may itself be a name): ``scenarios[0].extra[1]`` is the value of the
    second entry, ``scenarios[0].extra{1}`` its key.
    """
    out: list[tuple[str, str]] = []
    for name in _field_names(type(case)):
        _collect(getattr(case, name), "case" if name == "info" else name, out)
    return out


#: values that hold no text (skipped without a look)
_SCALARS = frozenset({int, float, bool, type(None), date, datetime})


def _collect(value: Any, path: str, out: list[tuple[str, str]]) -> None:
    """A plain recursive walk appending to one list (generators cost twice as much)."""
    kind = type(value)
    if kind in _SCALARS:
        return
    if kind is str:
        if value:
            out.append((path, value))
    elif kind is list or kind is tuple:
        for i, item in enumerate(value):
            if type(item) not in _SCALARS:
                _collect(item, f"{path}[{i}]", out)
    elif kind is dict:
        for i, (key, item) in enumerate(value.items()):
            if isinstance(key, str) and key:
                out.append((f"{path}{{{i}}}", key))
            _collect(item, f"{path}[{i}]", out)
    elif hasattr(kind, "__dataclass_fields__"):
        for name in _field_names(kind):
            item = getattr(value, name)
            if type(item) not in _SCALARS:
                _collect(item, f"{path}.{name}", out)
    elif isinstance(value, str):              # a str subclass
        _collect(str(value), path, out)
    elif isinstance(value, list | tuple | dict):
        _collect(kind.__base__(value) if kind.__base__ in (list, tuple, dict)
                 else list(value), path, out)


# -- scanning -----------------------------------------------------------------------------
def _context(text: str, start: int, end: int) -> str:
    return visible(" ".join(text[max(0, start - 25):end + 25].split()))


def scan_fields(fields: Iterable[tuple[str, str]],
                never_export: Iterable[str] | NeverExport = (),
                case_start_year: int | None = None) -> list[PrivacyFinding]:
    """All findings in these (location, text) pairs, in their order and by position.

    The texts are folded and joined, every detector runs once over the whole, and each
    hit is mapped back to its field and to the text as written. One finding per spot:
    where two hits overlap, the kind found first (``detect``'s order, words last) stays.
    """
    if not isinstance(never_export, NeverExport):
        never_export = NeverExport(never_export)
    paths: list[str] = []
    texts: list[str] = []
    for path, text in fields:
        if text:
            paths.append(path)
            texts.append(text)
    if not texts:
        return []
    folded = [fold(t) for t in texts]
    starts, lengths, pos = [], [], 0
    for f in folded:
        starts.append(pos)
        lengths.append(len(f))
        pos += len(f) + len(SEP)
    joined = SEP.join(folded)
    hits = detect(joined, starts, lengths, case_start_year) + never_export.hits(joined)
    taken: dict[int, list[tuple[int, int, Hit]]] = {}
    for hit in hits:
        i = bisect_right(starts, hit.start) - 1
        lo, hi = hit.start - starts[i], min(hit.end - starts[i], lengths[i])
        spans = taken.setdefault(i, [])
        if hi > lo and not any(s < hi and lo < e for s, e, _ in spans):
            spans.append((lo, hi, hit))
    findings: list[PrivacyFinding] = []
    for i in sorted(taken):
        text = texts[i]
        positions = PositionMap(text)
        for lo, hi, hit in sorted(taken[i], key=lambda t: t[0]):
            start, end = positions.start(lo), positions.end(hi)
            findings.append(PrivacyFinding(paths[i], hit.kind, text[start:end], start,
                                           _context(text, start, end), hit.entry))
    return findings


def scan_text(path: str, text: str, never_export: Iterable[str] | NeverExport = (),
              case_start_year: int | None = None) -> list[PrivacyFinding]:
    """All findings in one field's text."""
    return scan_fields([(path, text)], never_export, case_start_year)


def scan_case(case: Case, never_export: Iterable[str] | NeverExport = (),
              file_name: str | None = None) -> list[PrivacyFinding]:
    """Every string of the case; ``file_name``: the case file's name, where an output
    prints it (a portfolio), found at location ``bestand``."""
    start = case.info.period.start
    fields = text_fields(case)
    if file_name:
        fields.append((FILE_NAME_PATH, file_name))
    return scan_fields(fields, never_export, start.year if start else None)


def never_export_path() -> Path:
    """The researcher's own list, one word or name per line, outside any case file."""
    configured = os.environ.get(NEVER_EXPORT_ENV)
    return Path(configured) if configured else user_config_dir() / "niet-exporteren.txt"


def load_never_export(path: Path | None = None) -> list[str]:
    path = path or never_export_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class PrivacyStatus:
    """The check's outcome for one case: what is still open and what was accepted."""

    findings: list[PrivacyFinding]
    accepted: list[PrivacyFinding]

    @property
    def open(self) -> list[PrivacyFinding]:
        keys = {f.key for f in self.accepted}
        return [f for f in self.findings if f.key not in keys]

    @property
    def clean(self) -> bool:
        return not self.open


def check_privacy(case: Case, never_export: Iterable[str] = (),
                  file_name: str | None = None) -> PrivacyStatus:
    """Scan the case; findings whose key is in ``settings.privacy_accepted`` are accepted.
    ``file_name``: the case file's name, when the output prints it (a portfolio)."""
    findings = scan_case(case, never_export, file_name)
    accepted_keys = set(case.settings.privacy_accepted)
    return PrivacyStatus(findings, [f for f in findings if f.key in accepted_keys])
