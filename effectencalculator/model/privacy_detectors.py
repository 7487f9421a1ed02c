"""The detectors of the privacy check: each finds one kind of identifier in folded text.

They run on the output of ``privacy_normalise.fold`` (dashes, spaces, apostrophes and
look-alike letters already unified), over all texts of a case at once, joined by
``SEP`` — a character no pattern matches, so nothing is found across two fields.
``detect`` returns hits as (kind, start, end, entry) in the joined text; the caller maps
them back to fields and to the text as written.

The Dutch forms covered (and the look-alikes they must leave alone) are listed, with
their measured rates, in ``tests/privacy_corpus.py`` and the README's privacy section.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

#: joins the texts of a case: NUL is removed from every text by folding, and no pattern
#: (not even ``\s``) matches it
SEP = "\n\x00\n"


class Hit(NamedTuple):
    kind: str
    start: int
    end: int
    entry: str = ""       # the never-export entry that matched


# -- dates of birth -------------------------------------------------------------------
_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
           "november|december|sept|febr|jan|feb|mrt|mar|apr|jun|jul|aug|sep|okt|oct|"
           "nov|dec")
#: every pattern opens with a plain character class (boundaries as look-behinds after
#: it), so the regex engine skips ahead to the next candidate character
_DATE = re.compile(
    r"[0-9](?<![\w.,/-][0-9])(?:"
    r"[0-9]?\s?(?P<s>[-/.])\s?(?P<m1>[0-9][0-9]?)\s?(?P=s)\s?"
    r"(?P<y1>'?(?:19|20)?[0-9]{2})(?![0-9]|[-/.][0-9])"
    r"|[0-9]{3}-(?P<m2>[0-9][0-9]?)-(?P<d2>[0-9][0-9]?)(?![0-9])"
    rf"|[0-9]?(?:e|ste|de)?\s+(?P<m3>(?i:{_MONTHS}))\.?,?\s+"
    r"(?P<y3>'?(?:19|20)?[0-9]{2})(?![0-9]))")
_DIGITS = re.compile(r"[0-9]+")
_MONTH_NUMBER = {name: n for n, names in enumerate((
    ("januari", "jan"), ("februari", "feb", "febr"), ("maart", "mrt", "mar"),
    ("april", "apr"), ("mei",), ("juni", "jun"), ("juli", "jul"), ("augustus", "aug"),
    ("september", "sep", "sept"), ("oktober", "okt", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_BIRTH_BEFORE = re.compile(
    r"(?:geb(?:\.|\b)|geboren|geboorte\w*|geb\.?\s?datum|gebdat|verjaardag|jarig|"
    r"\bdob\b|d\.o\.b\.|°)\s*[:(]?", re.IGNORECASE)
_BIRTH_AFTER = re.compile(r"\b(?:geboren|geb\.|ter wereld|bevallen|geboorte\w*)",
                          re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


def _date_parts(m: re.Match[str]) -> tuple[int, int, str] | None:
    """(day, month, year text) of a date match, None when it is no calendar date."""
    text = m.group()
    if m.group("y1") is not None:
        day = int(text[:m.start("s") - m.start()].strip())
        month, year = int(m.group("m1")), m.group("y1")
    elif m.group("m2") is not None:
        year, month, day = text[:4], int(m.group("m2")), int(m.group("d2"))
        if year[:2] not in ("19", "20"):
            return None
    else:
        month = _MONTH_NUMBER.get(m.group("m3").lower(), 0)
        day, year = int(_DIGITS.match(text).group()), m.group("y3")  # type: ignore[union-attr]
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return day, month, year.lstrip("'")


def _birth_context(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """A birth word just before the date (``geb. 12/3/15``, ``geboren op``) or just
    after it (``12 maart 2015 geboren``), in the same sentence."""
    before = text[max(lo, start - 40):start]
    last = None
    for found in _BIRTH_BEFORE.finditer(before):
        last = found
    if last is not None:
        gap = before[last.end():]
        if len(gap) <= 25 and _SENTENCE_BREAK.search(gap) is None:
            return True
    after = text[end:min(hi, end + 40)]
    m = _BIRTH_AFTER.search(after)
    return m is not None and _SENTENCE_BREAK.search(after[:m.start()]) is None


# -- numbers --------------------------------------------------------------------------
#: a Dutch postcode; lower-case letters and abbreviations after a year are judged in
#: ``_postcode_ok``
_POSTCODE = re.compile(r"[1-9](?<![\w.,€/-][1-9])[0-9]{3}\s?(?P<l>[A-Za-z]{2})(?![\w-])")
#: two-letter Dutch words and units that follow a number in running text
_PLACE_AFTER = re.compile(r",?\s{1,2}[A-Z][a-z]{2,}")
_TWO_LETTER_WORDS = frozenset((
    "en", "in", "op", "is", "de", "te", "om", "al", "nu", "zo", "ja", "na", "er", "ze", "we",
    "je", "uw", "af", "ik", "of", "an", "aa", "bv", "ca", "cm", "dl", "eo", "ex", "ha", "id",
    "kg", "km", "la", "ma", "mg", "ml", "mm", "mu", "nb", "ne", "pa", "pm", "st", "tv", "uu",
    "va", "vs", "wc", "xl", "zn", "gb", "mb", "kb", "kw", "pk", "ct", "pp", "uc", "ps"))
#: capitals that follow a year in case notes ("in 2024 VT", "2023 GI")
_ABBREVIATIONS = frozenset((
    "VT", "GI", "JB", "OM", "KB", "RK", "EU", "NL", "VS", "UK", "BV", "NV", "CJ", "JR", "GZ"))
_PHONE = re.compile(
    r"[+0(](?<![\w+.,/-][+0(])(?:"
    r"(?<=\+)\s?31\s?[-.]?\s?(?:\(0\)\s?[-.]?\s?)?\(?(?=[1-9])"
    r"|(?<=0)0\s?31\s?[-.]?\s?(?:\(0\)\s?[-.]?\s?)?\(?(?=[1-9])"
    r"|(?<=\()0(?=[\s./-]*\(?[1-9])"
    r"|(?<=0)(?=[\s./-]*\(?[1-9]))"
    r"(?:[\s./-]{0,3}\(?[0-9]\)?){9}(?![0-9]|[.,][0-9])"
    r"|\+(?<![\w+]\+)(?!31)[1-9][0-9]{0,2}\s?[-.]?\s?(?:\(0\)\s?)?"
    r"(?:[\s./-]?\(?[0-9]\)?){7,11}(?![0-9])")
_DATE_INSIDE = re.compile(r"[0-9]{1,2}([-/.])[0-9]{1,2}\1(?:19|20)[0-9]{2}(?![0-9])")
_BSN = re.compile(
    r"[0-9](?<![\w.,€/-][0-9])(?:[0-9]{8}"
    r"|[0-9]{2}(?P<a>\s?[.\s-]\s?)[0-9]{3}(?P=a)[0-9]{3}"
    r"|[0-9]{3}(?P<b>[.\s-])[0-9]{2}(?P=b)[0-9]{3}"
    r"|[0-9]{2}(?P<c>[.\s-]?)[0-9]{2}(?P=c)[0-9]{2}(?P=c)[0-9]{2}"
    r"|(?: [0-9]){8})(?![\w]|[.,][0-9])")
_BSN_WORD = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofi-?nummer|bsn-nummer)\b\s*(?:nr\.?|nummer)?\s*"
    r"[:=]?\s*(?:is\s+)?(?P<n>[0-9](?:[\s.-]?[0-9]){7,8})(?![0-9])")
_AMOUNT_BEFORE = re.compile(r"(?:€|eur|euro|\$)\s?$", re.IGNORECASE)
#: opens at the check digits (two letters before them, checked by a look-behind)
_IBAN = re.compile(r"[0-9](?<=(?<![A-Za-z0-9])[A-Za-z]{2}[0-9])[0-9]"
                   r"(?:[ -]?[A-Za-z0-9]){10,30}")
#: IBAN lengths of the countries a Dutch case meets most (others: any valid length)
_IBAN_LENGTH = {"NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "LU": 20, "ES": 24,
                "IT": 27, "PL": 28, "TR": 26, "PT": 25, "AT": 20, "CH": 21, "DK": 18,
                "IE": 22, "NO": 15, "SE": 24, "FI": 18, "BG": 22, "RO": 24}
#: where an e-mail address may be: '@', '[at]', '(at)'; then the parts either side
_EMAIL_AT = re.compile(r"[@\[(](?:(?<=@)|(?i:at[\])]))")
_EMAIL_LOCAL = re.compile(r"[\w.+-]+\s?$")
_EMAIL_DOMAIN = re.compile(r"\s?[\w-]+(?:(?:\.|\s?(?i:[\[(]dot[\])])\s?)[\w-]+)+")

# -- licence plates -------------------------------------------------------------------
_L = "[BDFGHJKLNPRSTVXZ]"      # letters on plates since 1978: no vowels, no C, M, Q
#: the sidecodes 1–14 (L a letter, D a digit), always written with their dashes
SIDECODES = ("LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL",
             "DD-LLL-D", "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL",
             "D-LL-DDD", "DDD-LL-D")


def _sidecode(code: str) -> str:
    """The rest of a sidecode after its first character (which the class consumed)."""
    first = _L if code[0] == "L" else "[0-9]"
    rest = "".join(_L if c == "L" else "[0-9]" if c == "D" else "-" for c in code[1:])
    return f"(?<={first}){rest}"


_PLATE = re.compile(r"[BDFGHJKLNPRSTVXZ0-9](?<![\w-][BDFGHJKLNPRSTVXZ0-9])(?:"
                    + "|".join(map(_sidecode, SIDECODES)) + r")(?![\w-])")
_PLATE_WORD = re.compile(r"\bkenteken\w*\s*[:(]?\s*(?P<p>[A-Za-z0-9]{6})(?!\w)",
                         re.IGNORECASE)

# -- street addresses -----------------------------------------------------------------
#: a street name ends in one of these (``Kerkstraat``, ``Vlugtlaan``)
STREET_WORDS = (
    "straat", "straatje", "straatweg", "laan", "laantje", "weg", "plein", "pleintje",
    "gracht", "kade", "singel", "dijk", "pad", "hof", "steeg", "dreef", "plantsoen",
    "markt", "erf", "wal", "burgwal", "veld", "baan", "park", "allee", "boulevard",
    "haven", "brug", "poort", "einde", "kerkhof", "rotte", "hout", "zijde", "donk",
    "hoeve", "gaarde", "akker", "wetering", "vliet", "str.", "ln.")
#: street names without a street word that a Dutch case may name (the big cities)
SHORT_STREETS = frozenset((
    "Spui", "Dam", "Rokin", "Damrak", "Overtoom", "Weena", "Blaak", "Meent", "Neude",
    "Brink", "Vredenburg", "Voorhout", "Lange Voorhout", "Korte Voorhout", "Buitenhof",
    "Plaats", "Vijverberg", "Lange Poten", "Korte Poten", "Markt", "Grote Markt",
    "Kleine Markt", "Esplanade", "Plein", "Kade", "Singel", "Heuvel", "Vrijthof",
    "Binnenhof", "Achterom", "Hoogte", "Kolk", "Turfmarkt", "Varkenmarkt"))
#: a capitalised word followed by a number: the candidates for an address
_NAME_NUMBER = re.compile(r"[A-Z](?<![\w-][A-Z])[\w'-]*\.?\s{1,2}(?=[0-9])")
#: a house number, not a year, an amount or a count ('Markt 2 keer')
_HOUSE_NUMBER = re.compile(
    r"(?!(?:19|20)[0-9][0-9]\b)[0-9]{1,4}(?![0-9])"
    r"(?:\s?-\s?[0-9]{1,4}|\s?(?:hs|bis|hoog|bg|huis|I{1,3})\b|\s?[a-zA-Z](?![\w]))?"
    r"(?![0-9,.][0-9]|\s?(?:jaar|ja\b|maand|week|weken|dag|uur|keer|kind|x\b|%|procent|"
    r"euro|minuten|min\b|cm|km|kg))")
#: "woont aan de Achterom 12": a name and a number after an address word
_ADDRESS_WORDS = re.compile(
    r"(?i:\b(?:woont|woonde|wonen|woonachtig|verhuisd|verhuist|verhuizen|ingeschreven|"
    r"adres|woonadres|postadres)\b[^\n.;]{0,20}?(?:\b(?:aan|op)\s+|:\s*)"
    r"(?:(?:de|het|'t)\s+)?)(?:[A-Z][\w'-]+\s)?$")
#: what may stand before a street name: ``Burg. de``, ``Lange``, ``Eerste``
_STREET_LEAD = re.compile(
    r"(?:[A-Z][a-z]{1,6}\.\s?|[A-Z][\w'-]+\s)(?:(?:de|van|der|den|het|'t|ten|ter|la|le)"
    r"\s)*$")
#: how far around a number the number patterns look (context words, street names)
WINDOW = 60


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-test: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, digits)) % 11 == 0


def passes_mod97(iban: str) -> bool:
    """The IBAN check (ISO 13616): the country code and check digits moved to the end,
    letters as 10–35, the number mod 97 is 1."""
    iban = iban.upper()
    if len(iban) < 15 or not iban[:2].isalpha() or not iban[2:4].isdigit() \
            or not iban.isalnum():
        return False
    moved = iban[4:] + iban[:4]
    try:
        return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
    except ValueError:
        return False


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _postcode_ok(m: re.Match[str], text: str) -> bool:
    letters = m.group("l")
    number = m.group()[:4]
    if letters.upper() in ("SA", "SD", "SS"):
        return False
    yearish = number[:2] in ("19", "20")
    if letters.isupper():
        return not (yearish and letters in _ABBREVIATIONS) or \
            _PLACE_AFTER.match(text, m.end()) is not None
    if letters.lower() not in _TWO_LETTER_WORDS:
        return True
    # '1234 en' is a word after a number, unless a place name follows and the number is
    # no year ('1234 en Amsterdam' is a postcode written in lower case)
    return not yearish and _PLACE_AFTER.match(text, m.end()) is not None


def _iban_end(text: str, m: re.Match[str]) -> int | None:
    """The end of a valid IBAN starting at ``m.start()`` (its country's length when
    known, else the longest prefix that passes mod-97), or None."""
    start = m.start() - 2
    chars: list[str] = [text[start], text[start + 1]]
    ends: list[int] = [start + 1, start + 2]
    for i in range(m.start(), m.end()):
        c = text[i]
        if c.isalnum():
            chars.append(c)
            ends.append(i + 1)
    country = text[start:start + 2].upper()
    length = _IBAN_LENGTH.get(country)
    lengths = [length] if length else range(min(34, len(chars)), 14, -1)
    for n in lengths:
        if n <= len(chars) and passes_mod97("".join(chars[:n])):
            end = ends[n - 1]
            if end < len(text) and text[end].isalnum():
                continue          # in the middle of a word
            return end
    return None


def _field_bounds(starts: list[int], lengths: list[int], pos: int) -> tuple[int, int]:
    i = bisect_right(starts, pos) - 1
    return starts[i], starts[i] + lengths[i]


def _windows(text: str, starts: list[int], lengths: list[int], anchors: Iterable[int],
             before: int, after: int) -> list[tuple[int, int]]:
    """Merged spans of ``text`` around the anchor positions, each within one field."""
    spans: list[tuple[int, int]] = []
    for pos in anchors:
        lo, hi = _field_bounds(starts, lengths, pos)
        a, b = max(lo, pos - before), min(hi, pos + after)
        if spans and spans[-1][1] >= a:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    return spans


def _in_windows(text: str, spans: list[tuple[int, int]], run, *args) -> list[Hit]:
    """``run`` over the spans joined (one call, so each pattern runs once), its hits
    moved back to their place in ``text``."""
    if not spans:
        return []
    sub = SEP.join(text[a:b] for a, b in spans)
    sub_starts, pos = [], 0
    for a, b in spans:
        sub_starts.append(pos)
        pos += b - a + len(SEP)
    sub_lengths = [b - a for a, b in spans]
    out = []
    for hit in run(sub, sub_starts, sub_lengths, *args):
        k = bisect_right(sub_starts, hit.start) - 1
        shift = spans[k][0] - sub_starts[k]
        out.append(hit._replace(start=hit.start + shift, end=hit.end + shift))
    return out


def detect(text: str, starts: list[int], lengths: list[int],
           case_start_year: int | None = None) -> list[Hit]:
    """Every identifier in ``text`` (the folded, joined texts; ``starts`` and
    ``lengths`` give each text's place, for context that must stay within one field).
    Earlier kinds win where two hits overlap (the caller keeps one per spot).

    Most of a case is words without a digit: the number patterns run only on the spans
    around digits, the e-mail parts only beside an '@'."""
    hits = _emails(text, starts, lengths)
    digits = [m.start() for m in _DIGITS.finditer(text)]
    hits += _in_windows(text, _windows(text, starts, lengths, digits, WINDOW, WINDOW),
                        _detect_numbers, case_start_year)
    return hits


def _emails(text: str, starts: list[int], lengths: list[int]) -> list[Hit]:
    hits = []
    for at in _EMAIL_AT.finditer(text):
        lo, hi = _field_bounds(starts, lengths, at.start())
        local = _EMAIL_LOCAL.search(text, max(lo, at.start() - 64), at.start())
        domain = _EMAIL_DOMAIN.match(text, at.end(), hi)
        if local is not None and domain is not None and local.group().strip():
            hits.append(Hit("email", local.start(), domain.end()))
    return hits


def _detect_numbers(text: str, starts: list[int], lengths: list[int],
                    case_start_year: int | None) -> list[Hit]:
    hits: list[Hit] = []
    add = hits.append
    lower = text.lower()
    for m in _IBAN.finditer(text):
        end = _iban_end(text, m)
        if end is not None:
            add(Hit("iban", m.start() - 2, end))
    if "bsn" in lower or "sofi" in lower or "burgerservice" in lower:
        for m in _BSN_WORD.finditer(lower):
            add(Hit("bsn", m.start("n"), m.end("n")))
    for m in _BSN.finditer(text):
        if passes_eleven_test(_digits(m.group())) and \
                _AMOUNT_BEFORE.search(text, max(0, m.start() - 6), m.start()) is None:
            add(Hit("bsn", m.start(), m.end()))
    for m in _PHONE.finditer(text):
        if _DATE_INSIDE.search(m.group()) is None:     # '01-02-2025 - 30-06-2025'
            add(Hit("telefoon", m.start(), m.end()))
    for m in _DATE.finditer(text):
        parts = _date_parts(m)
        if parts is None:
            continue
        lo, hi = _field_bounds(starts, lengths, m.start())
        year = parts[2]
        old = (case_start_year is not None and len(year) == 4
               and int(year) < case_start_year - 10)
        if old or _birth_context(text, m.start(), m.end(), lo, hi):
            add(Hit("geboortedatum", m.start(), m.end()))
    for m in _PLATE.finditer(text):
        add(Hit("kenteken", m.start(), m.end()))
    if "kenteken" in lower:
        for m in _PLATE_WORD.finditer(text):
            plate = m.group("p")
            if any(c.isdigit() for c in plate) and any(c.isalpha() for c in plate):
                add(Hit("kenteken", m.start("p"), m.end("p")))
    for m in _POSTCODE.finditer(text):
        if _postcode_ok(m, text):
            add(Hit("postcode", m.start(), m.end()))
    for m in _NAME_NUMBER.finditer(text):
        hit = _address(text, m, starts, lengths)
        if hit is not None:
            add(hit)
    return hits


def _address(text: str, m: re.Match[str], starts: list[int],
             lengths: list[int]) -> Hit | None:
    """A street name with its house number, from a capitalised word before a number:
    the word ends in a street word, is a known short street (``Spui 21``), or follows
    an address word (``woont aan de Achterom 12``)."""
    number = _HOUSE_NUMBER.match(text, m.end())
    if number is None:
        return None
    word = m.group().rstrip()
    lo, _ = _field_bounds(starts, lengths, m.start())
    before = text[max(lo, m.start() - 30):m.start()]
    previous = before.rsplit(None, 1)[-1] if before.strip() else ""
    if word.endswith(STREET_WORDS) and word.lower() not in STREET_WORDS:
        lead = _STREET_LEAD.search(text, max(lo, m.start() - 30), m.start())
        return Hit("adres", lead.start() if lead else m.start(), number.end())
    if f"{previous} {word}" in SHORT_STREETS:
        return Hit("adres", m.start() - len(previous) - 1, number.end())
    if word in SHORT_STREETS or _ADDRESS_WORDS.search(
            text, max(lo, m.start() - 50), m.start()) is not None:
        return Hit("adres", m.start(), number.end())
    return None


class NeverExport:
    """The never-export entries, compiled once per list: one pattern for all of them
    (longest first, so ``Jan Jansen`` wins over ``Jan``), matched on folded text as whole
    words in any case, across any run of spaces, line breaks or dashes between the
    entry's words, with a possessive or plural ``s`` (``Jansens``, ``Jansen's``).

    The pattern runs case-sensitively on the lower-cased text: an alternation of
    literals lets the regex engine skip ahead, which ``re.IGNORECASE`` prevents (15×
    slower on a case). The word boundary before an entry is checked after a match."""

    def __init__(self, words: Iterable[str]):
        from effectencalculator.model.privacy_normalise import fold

        seen: dict[str, str] = {}
        for word in words:
            word = word.strip()
            tokens = [t for t in re.split(r"[\s-]+", fold(word).lower()) if t]
            if tokens:
                seen.setdefault(r"[\s-]+".join(map(re.escape, tokens)), word)
        self.words = list(seen.values())
        ordered = sorted(seen.items(), key=lambda kv: -len(kv[0]))
        # no groups in the combined pattern (named groups cost the engine its skip-ahead,
        # 10× slower); which entry matched is asked of each entry's own pattern
        self._each = [(re.compile(body), word) for body, word in ordered]
        body = "|".join(b for b, _ in ordered)
        self._source = rf"(?:{body})(?:'s|'|s)?(?!\w)" if ordered else ""
        self.pattern = re.compile(self._source) if ordered else None
        self._ignorecase: re.Pattern[str] | None = None

    def _entry(self, text: str, start: int, flags: int) -> str:
        for pattern, word in self._each:
            if (pattern.match(text, start) if not flags else
                    re.compile(pattern.pattern, flags).match(text, start)) is not None:
                return word
        return ""

    def hits(self, text: str) -> list[Hit]:
        if self.pattern is None:
            return []
        lower = text.lower()
        pattern = self.pattern
        if len(lower) != len(text):           # a character whose lower case is longer
            if self._ignorecase is None:
                self._ignorecase = re.compile(self._source, re.IGNORECASE)
            lower, pattern = text, self._ignorecase
        out: list[Hit] = []
        pos = 0
        while True:
            m = pattern.search(lower, pos)
            if m is None:
                return out
            start = m.start()
            if start and (lower[start - 1].isalnum() or lower[start - 1] == "_"):
                pos = start + 1               # inside a word: look again just after
                continue
            entry = self._entry(lower, start, pattern.flags & re.IGNORECASE)
            out.append(Hit("verboden woord", start, m.end(), entry))
            pos = m.end()
