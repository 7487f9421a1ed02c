"""Privacy check: find what could identify a family or a professional in free text.

The method's rule is that a write-up is fully anonymous. Before any export the program
scans every free-text field for identifiers — full dates of birth, Dutch postcodes,
phone numbers, e-mail addresses, BSN-like numbers (9 digits passing the 11-test), street
addresses — and for the words on the researcher's own never-export list (real names,
street, school), which lives in the user's local settings, never in the case file.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from effectencalculator.model.case import Case
from effectencalculator.model.user_dirs import user_config_dir

NEVER_EXPORT_ENV = "EFFECTENCALCULATOR_NEVER_EXPORT"

KIND_LABELS = {
    "geboortedatum": "volledige geboortedatum",
    "postcode": "postcode",
    "telefoon": "telefoonnummer",
    "email": "e-mailadres",
    "bsn": "BSN-achtig nummer (voldoet aan de 11-proef)",
    "adres": "straatnaam met huisnummer",
    "verboden woord": "woord van de eigen niet-exporteren-lijst",
}

_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
           "november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
# Each pattern opens with a plain character class (or a look-ahead for one), never with
# \b or a look-behind, so that the regex engine can skip ahead to the next candidate
# character: about twice as fast on a long narrative. Boundary checks follow as
# look-behinds over that first character. tests/test_privacy.py holds the plain forms
# these must match exactly like.
_DATE = re.compile(
    rf"(?=\d)\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?P<y1>(?:19|20)\d{{2}})"
    rf"|(?P<y2>(?:19|20)\d{{2}})-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+(?P<y3>(?:19|20)\d{{2}}))\b", re.IGNORECASE)
_BIRTH_CONTEXT = re.compile(r"(geb\.|geboren|geboorte|verjaardag|jarig|\bdob\b)",
                            re.IGNORECASE)
#: plain form: \b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b
_POSTCODE = re.compile(r"[1-9](?<!\w[1-9])\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b")
#: plain form: (?<![\d+])(?:\+31|0031|0)(?:[\s-]?\(?\d\)?){9}(?!\d)
_PHONE = re.compile(
    r"[+0](?<![\d+][+0])(?:(?<=\+)31|(?<=0)031|(?<=0))(?:[\s-]?\(?\d\)?){9}(?!\d)")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
#: plain form: (?<![\d.])\d{3}[.\s]?\d{2}[.\s]?\d{2}[.\s]?\d{2}(?!\d)
#:           | (?<![\d.])\d{4}[.\s]\d{2}[.\s]\d{3}(?!\d)
_NINE_DIGITS = re.compile(r"\d(?<![\d.]\d)(?:\d{2}[.\s]?\d{2}[.\s]?\d{2}[.\s]?\d{2}(?!\d)|"
                          r"\d{3}[.\s]\d{2}[.\s]\d{3}(?!\d))")
#: every pattern but the e-mail one needs a digit: text without one skips them
_ANY_DIGIT = re.compile(r"\d")
_STREET = re.compile(
    r"(?=[A-Z])\b[A-Z][\w'-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|"
    r"steeg|dreef|plantsoen|markt|erf|wal|veld|baan|park)\s+\d{1,4}(?:\s?[a-zA-Z]\b|-\d+)?")


@dataclass(frozen=True)
class PrivacyFinding:
    path: str           # location in the case, e.g. "narrative.summary"
    kind: str           # a key of KIND_LABELS
    text: str           # what was found
    start: int          # position in the field's text
    context: str        # a few words around it, for the list

    @property
    def key(self) -> str:
        """Stable identity for accepting a finding: location, kind and a hash of the text.

        Hashed, so that accepting a finding never writes a name from the never-export
        list into the case file.
        """
        digest = hashlib.sha256(self.text.casefold().encode("utf-8")).hexdigest()[:16]
        return f"{self.path}|{self.kind}|{digest}"

    def format(self) -> str:
        return f"{self.path}: {KIND_LABELS[self.kind]}: '{self.text}' (…{self.context}…)"


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-test: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, digits)) % 11 == 0


def text_fields(case: Case) -> Iterator[tuple[str, str]]:
    """Every free-text field of the case with its location."""
    info = case.info
    yield "case.title", info.title
    yield "case.researcher", info.researcher
    for i, name in enumerate(info.participants):
        yield f"case.participants[{i}]", name
    for i, m in enumerate(case.household):
        yield f"household[{i}].label", m.label
    yield "narrative.summary", case.narrative.summary
    for i, e in enumerate(case.narrative.events):
        yield f"narrative.events[{i}].title", e.title
        yield f"narrative.events[{i}].description", e.description
    for i, p in enumerate(case.perspectives):
        yield f"perspectives[{i}].who", p.who
        yield f"perspectives[{i}].text", p.text
        for j, quote in enumerate(p.quotes):
            yield f"perspectives[{i}].quotes[{j}]", quote
    for i, o in enumerate(case.outcomes):
        for name in ("start", "end", "reference", "source"):
            yield f"outcomes[{i}].{name}", getattr(o, name)
    for i, s in enumerate(case.scenarios):
        yield f"scenarios[{i}].label", s.label
        for j, line in enumerate(s.lines):
            yield f"scenarios[{i}].lines[{j}].note", line.note
    for i, item in enumerate(case.custom_items):
        for name in ("name", "note", "source_note"):
            yield f"custom_items[{i}].{name}", getattr(item, name)
    yield from _text_fields_v11(case)


def _text_fields_v11(case: Case) -> Iterator[tuple[str, str]]:
    """The free text of the 1.1 fields: conclusion, mechanisms, readings, reviewer."""
    yield "narrative.conclusion", case.narrative.conclusion
    for i, m in enumerate(case.narrative.mechanisms):
        yield f"narrative.mechanisms[{i}].tag", m.tag
    for i, o in enumerate(case.outcomes):
        for j, r in enumerate(o.readings):
            yield f"outcomes[{i}].readings[{j}].who", r.who
            yield f"outcomes[{i}].readings[{j}].note", r.note
    if case.info.review is not None:
        yield "case.review.by", case.info.review.by


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 25):end + 25].split())


class NeverExport:
    """The never-export words, compiled once per scan: one pattern per word (whole words,
    any case), and one that finds any of them, so a text without any is passed by in one
    search instead of one per word."""

    def __init__(self, words: Iterable[str]):
        self.words = [w.strip() for w in words if w.strip()]
        # a word, then "not preceded by a word character" as a look-behind over it: the
        # same as (?<!\w)word(?!\w), but the engine can skip ahead to the word's letters
        self.each = [re.compile(rf"{re.escape(w)}(?<!\w{re.escape(w)})(?!\w)", re.IGNORECASE)
                     for w in self.words]
        self.any = re.compile("|".join(map(re.escape, self.words)), re.IGNORECASE) \
            if self.words else None

    def patterns_for(self, text: str) -> list[re.Pattern[str]]:
        """The word patterns worth running on ``text`` (none when no word occurs)."""
        if self.any is None or self.any.search(text) is None:
            return []
        return self.each


def scan_text(path: str, text: str, never_export: Iterable[str] | NeverExport = (),
              case_start_year: int | None = None) -> list[PrivacyFinding]:
    """All findings in one field's text."""
    if not text:
        return []
    if not isinstance(never_export, NeverExport):
        never_export = NeverExport(never_export)
    found: list[PrivacyFinding] = []

    def add(kind: str, match_start: int, match_end: int) -> None:
        if any(f.start <= match_start < f.start + len(f.text) for f in found):
            return  # one finding per spot (a BSN is not also a phone number)
        found.append(PrivacyFinding(path, kind, text[match_start:match_end], match_start,
                                    _context(text, match_start, match_end)))

    if "@" in text:
        for m in _EMAIL.finditer(text):
            add("email", m.start(), m.end())
    if _ANY_DIGIT.search(text) is not None:
        _scan_numbers(text, add, case_start_year)
    for pattern in never_export.patterns_for(text):
        for m in pattern.finditer(text):
            add("verboden woord", m.start(), m.end())
    return sorted(found, key=lambda f: f.start)


def _scan_numbers(text: str, add: Callable[[str, int, int], None],
                  case_start_year: int | None) -> None:
    """The patterns that need a digit: dates of birth, BSN, phone, postcode, address."""
    for m in _DATE.finditer(text):
        year = int(m.group("y1") or m.group("y2") or m.group("y3"))
        before = text[max(0, m.start() - 40):m.start()]
        old = case_start_year is not None and year < case_start_year - 10
        if _BIRTH_CONTEXT.search(before) or old:
            add("geboortedatum", m.start(), m.end())
    for m in _NINE_DIGITS.finditer(text):
        if passes_eleven_test(re.sub(r"\D", "", m.group())):
            add("bsn", m.start(), m.end())
    for m in _PHONE.finditer(text):
        add("telefoon", m.start(), m.end())
    for m in _POSTCODE.finditer(text):
        add("postcode", m.start(), m.end())
    for m in _STREET.finditer(text):
        add("adres", m.start(), m.end())


def scan_case(case: Case, never_export: Iterable[str] = ()) -> list[PrivacyFinding]:
    words = NeverExport(never_export)
    start = case.info.period.start
    findings: list[PrivacyFinding] = []
    for path, text in text_fields(case):
        findings += scan_text(path, text, words, start.year if start else None)
    return findings


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


def check_privacy(case: Case, never_export: Iterable[str] = ()) -> PrivacyStatus:
    """Scan the case; findings whose key is in ``settings.privacy_accepted`` are accepted."""
    findings = scan_case(case, never_export)
    accepted_keys = set(case.settings.privacy_accepted)
    return PrivacyStatus(findings, [f for f in findings if f.key in accepted_keys])
