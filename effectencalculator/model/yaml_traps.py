"""YAML 1.1 traps in hand-written files, and PyYAML's messages in Dutch.

YAML 1.1 reads ``1:30`` as 90 (base 60), ``010`` as 8 (octal), ``0x10`` as 16 and
``1_000`` as 1000; a Dutch decimal comma in flow style (``{quantity: 1,5}``) becomes the
number 1 plus a field ``5``. A researcher who typed those meant something else, so the
reader keeps such a scalar as the text that was written and says so; a number field
then refuses the text by name, a code keeps exactly what was typed. Nothing here is
applied silently: every such reading produces a message (see ``yaml_io``).
"""

from __future__ import annotations

import re

#: Integers with more digits cannot be used as numbers (float() overflows past ~308
#: digits; int() refuses 4 300+); they are kept as text and refused by number fields.
MAX_INT_DIGITS = 300

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_DUTCH_DECIMAL = re.compile(r"[-+]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),[0-9]+")
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?")
_BOOLS = frozenset({"yes", "no", "true", "false", "on", "off"})

INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def as_text_reason(tag: str, text: str) -> str | None:
    """Why a scalar with this tag is kept as ``text`` instead of a number/date/yes-no;
    None when it reads as the tag says. The constructors and the messages both ask."""
    if tag == INT_TAG:
        if _DECIMAL.fullmatch(text):
            if _digits(text) > MAX_INT_DIGITS:
                return f"een getal van {_digits(text)} cijfers is te groot om mee te rekenen"
            return None
        return _int_form(text)
    if tag == FLOAT_TAG:
        if ":" in text:
            return "YAML 1.1 leest dit als zestigtallig getal (1:30 wordt 90)"
        if "_" in text:
            return "YAML 1.1 laat '_' in een getal weg"
        probe = text.lower().lstrip("+-")
        if probe in (".inf", ".nan"):
            return None
        try:
            float(text)
        except ValueError:
            return "dit is geen getal (gemarkeerd met !!float)"
        return None
    if tag == BOOL_TAG:
        return None if text.lower() in _BOOLS else "dit is geen ja/nee (gemarkeerd met !!bool)"
    if tag == TIMESTAMP_TAG:
        return None if _TIMESTAMP.fullmatch(text) else \
            "dit is geen datum (gemarkeerd met !!timestamp)"
    return None


def _int_form(text: str) -> str:
    if _SEXAGESIMAL.fullmatch(text):
        return "YAML 1.1 leest dit als zestigtallig getal (1:30 wordt 90)"
    if _OCTAL.fullmatch(text):
        return "YAML 1.1 leest een getal met een voorloopnul als octaal getal (010 wordt 8)"
    if re.fullmatch(r"[-+]?0[xX][0-9a-fA-F_]+", text):
        return "YAML 1.1 leest dit als hexadecimaal getal"
    if re.fullmatch(r"[-+]?0b[01_]+", text):
        return "YAML 1.1 leest dit als binair getal"
    if "_" in text:
        return "YAML 1.1 laat '_' in een getal weg (1_000 wordt 1000)"
    return "dit is geen geheel getal (gemarkeerd met !!int)"


def dutch_number(text: str) -> str | None:
    """``1,5`` → ``1.5``, ``1.234,56`` → ``1234.56``; None when not a Dutch decimal."""
    text = text.strip()
    if not _DUTCH_DECIMAL.fullmatch(text):
        return None
    return text.replace(".", "").replace(",", ".")


def number_hint(text: str) -> str:
    """A Dutch hint for text found where a number belongs ("" when there is none)."""
    text = text.strip()
    dutch = dutch_number(text)
    if dutch is not None:
        return f"; schrijf een decimaal getal met een punt: {dutch}"
    for tag in (INT_TAG, FLOAT_TAG):
        reason = as_text_reason(tag, text)
        if reason and "gemarkeerd" not in reason and (
                re.fullmatch(r"[-+]?[0-9][0-9_:.xXa-fA-F]*", text)):
            return f"; {reason}: schrijf een gewoon getal zoals 1.5"
    return ""


# -- PyYAML's problems in Dutch ----------------------------------------------------------

_PROBLEMS = [
    ("control characters are not allowed", "een stuurteken is niet toegestaan"),
    ("special characters are not allowed", "een stuurteken is niet toegestaan"),
    ("did not find expected node content", "hier ontbreekt een waarde"),
    ("could not find expected ':'", "hier ontbreekt een ':' na een veldnaam "
                                    "(of een regel is verkeerd ingesprongen)"),
    ("did not find expected key", "hier verwachtte het programma een veldnaam (klopt de "
                                  "inspringing?)"),
    ("did not find expected ',' or ']'", "een lijst [ ... ] is niet afgesloten met ']'"),
    ("did not find expected ',' or '}'", "een { ... } is niet afgesloten met '}'"),
    ("did not find expected '-' indicator", "hier verwachtte het programma een "
                                            "lijstregel met '-' (klopt de inspringing?)"),
    ("mapping values are not allowed", "een ':' op een plaats waar dat niet mag (zet "
                                       "tekst met ': ' tussen aanhalingstekens)"),
    ("block sequence entries are not allowed", "een lijstregel '-' op een plaats waar dat "
                                                "niet mag (klopt de inspringing?)"),
    ("found a tab character", "een tab-teken in de inspringing (gebruik spaties)"),
    ("found character '\\t'", "een tab-teken in de inspringing (gebruik spaties)"),
    ("cannot start any token", "een teken dat hier niet mag (zoals een tab, '@' of '`' "
                               "aan het begin van een waarde: zet de tekst tussen "
                               "aanhalingstekens)"),
    ("found unknown escape character", "onbekende \\-code in tekst tussen dubbele "
                                       "aanhalingstekens"),
    ("found unexpected end of stream", "het bestand houdt midden in een waarde op (ontbreekt "
                                       "een afsluitend aanhalingsteken?)"),
    ("found undefined alias", "een verwijzing (*naam) naar een anker dat niet bestaat"),
    ("found duplicate anchor", "een anker (&naam) staat twee keer in het bestand"),
    ("found undefined tag handle", "onbekend type-label (!...)"),
    ("could not determine a constructor", "onbekend type-label (zoals !!python/...): dit "
                                          "programma leest alleen gewone YAML"),
    ("found unhashable key", "een lijst of {...} als veldnaam wordt niet ondersteund"),
    ("expected a single document", "het bestand bevat meer dan één YAML-document ('---')"),
    ("but found another document", "het bestand bevat meer dan één YAML-document ('---')"),
    ("found unexpected ':'", "een ':' op een plaats waar dat niet mag"),
    ("while scanning an alias", "een '*' aan het begin van een waarde: zet de tekst "
                                "tussen aanhalingstekens"),
    ("while scanning an anchor", "een '&' aan het begin van een waarde: zet de tekst "
                                 "tussen aanhalingstekens"),
    ("did not find expected alphabetic or numeric", "een '&' of '*' aan het begin van een "
                                                    "waarde: zet de tekst tussen "
                                                    "aanhalingstekens"),
    ("found incompatible YAML document", "onbekende YAML-versie (%YAML)"),
    ("invalid leading UTF-8 octet", "het bestand is geen geldige UTF-8-tekst"),
    ("invalid trailing UTF-8 octet", "het bestand is geen geldige UTF-8-tekst"),
    ("while scanning a block scalar", "een tekstblok (| of >) klopt niet"),
    ("while scanning a quoted scalar", "tekst tussen aanhalingstekens klopt niet"),
    ("while scanning a directive", "een regel die met '%' begint is geen geldige "
                                   "YAML-aanwijzing"),
]


def dutch_problem(*english: str | None) -> str:
    """PyYAML's problem (and context) as a Dutch phrase; never the English text."""
    for text in english:
        if not text:
            continue
        for key, dutch in _PROBLEMS:
            if key in text:
                return dutch
    return "de opbouw van het bestand klopt hier niet (inspringing, ':' of aanhalingstekens)"
