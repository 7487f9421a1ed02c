"""Invisible and bidirectional control characters in codes, ids and titles.

Text copied from a web page, a PDF or Word can carry characters nobody sees: a
zero-width space (U+200B), a word joiner (U+2060), a soft hyphen (U+00AD), or a
right-to-left override (U+202E) that shows ``UUR`` where ``RUU`` is stored. In a code
such a character makes ``UUR`` a different post than the table's; in a title it makes
the screen show something else than the file holds. So they are found, named with their
code point, and shown visibly (``UUR<U+200B>``) in every message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from effectencalculator.model.case import Case
from effectencalculator.model.validation import Findings

#: names in Dutch for the common ones; the rest are named by their Unicode category
NAMES = {
    "\u00ad": "zacht afbreekstreepje", "\u034f": "combinerend verbindingsteken",
    "\u061c": "Arabisch letterteken", "\u180e": "Mongools klinkerscheidingsteken",
    "\u200b": "nulbreedte-spatie", "\u200c": "nulbreedte-niet-verbinder",
    "\u200d": "nulbreedte-verbinder", "\u200e": "links-naar-rechtsteken",
    "\u200f": "rechts-naar-linksteken", "\u2028": "regelscheidingsteken",
    "\u2029": "alineascheidingsteken", "\u202a": "links-naar-rechtsinbedding",
    "\u202b": "rechts-naar-linksinbedding", "\u202c": "einde richtingsopmaak",
    "\u202d": "links-naar-rechtsoverschrijving", "\u202e": "rechts-naar-linksoverschrijving",
    "\u2060": "woordverbinder", "\u2061": "onzichtbare functietoepassing",
    "\u2062": "onzichtbaar maalteken", "\u2063": "onzichtbaar scheidingsteken",
    "\u2064": "onzichtbaar plusteken", "\u2066": "links-naar-rechtsisolatie",
    "\u2067": "rechts-naar-linksisolatie", "\u2068": "eerste-sterke-isolatie",
    "\u2069": "einde richtingsisolatie", "\ufeff": "nulbreedte-harde-spatie (BOM)",
}

#: bidi controls: they reorder what is shown (dangerous in any text)
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160"
    "\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f"
    "\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e0fff]")
_IN_FREE_TEXT = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e"
    "\u2066-\u2069]")


def invisible_in(text: str, *, free_text: bool = False) -> list[str]:
    """The invisible characters in ``text`` (for free text only those that hide or
    reorder what is shown: controls and bidi marks; a soft hyphen in a note is fine)."""
    if not isinstance(text, str) or (text.isascii() and text.isprintable()):
        return []
    pattern = _IN_FREE_TEXT if free_text else _INVISIBLE
    return pattern.findall(text)


def strip_invisible(text: str) -> str:
    """``text`` without its invisible characters (what the user sees)."""
    return _INVISIBLE.sub("", text)


def name(char: str) -> str:
    """``U+200B (nulbreedte-spatie)``."""
    label = NAMES.get(char)
    if label is None:
        label = "stuurteken" if unicodedata.category(char) == "Cc" else "onzichtbaar teken"
    return f"U+{ord(char):04X} ({label})"


def visible(text: str, limit: int = 80) -> str:
    """``text`` with each invisible or control character written as ``<U+200B>``, so a
    message shows what the file holds and a terminal never receives an escape code."""
    shown = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return shown if len(shown) <= limit else shown[:limit] + "…"


def describe(chars: Iterable[str]) -> str:
    """``onzichtbaar teken U+200B (nulbreedte-spatie)`` for the distinct characters."""
    distinct = list(dict.fromkeys(chars))
    noun = "onzichtbaar teken" if len(distinct) == 1 else "onzichtbare tekens"
    return f"{noun} {', '.join(name(c) for c in distinct)}"


def only_differs_by_invisible(value: str, known: Iterable[str]) -> str | None:
    """The known id that ``value`` equals once invisible characters are taken out."""
    bare = strip_invisible(value)
    if bare == value:
        return None
    return next((k for k in known if k == bare), None)


# -- the checks (cases: case_rules calls check_case_text; tables: table_schema) ---------

def report_invisible(findings: Findings, path: str, value: object, what: str, *,
                     code: bool, known: Iterable[str] = (), known_what: str = "",
                     error: bool | None = None) -> None:
    """A finding when ``value`` holds invisible characters: for a code or id an error
    (it no longer matches what it looks like; ``error=False``: a warning, when a later
    check names what it was meant to match), for shown text a warning. ``known``: ids
    it may have meant ("verschilt alleen door een onzichtbaar teken van ...")."""
    chars = invisible_in(value, free_text=False) if isinstance(value, str) else []
    if not chars:
        return
    text = value if isinstance(value, str) else ""
    message = f"{what} '{visible(text)}' bevat een {describe(chars)}"
    meant = only_differs_by_invisible(text, known)
    if meant is not None:
        message += f" en verschilt alleen door een onzichtbaar teken van {known_what} '{meant}'"
    if code:
        message += f"; haal het weg (zonder: '{visible(strip_invisible(text))}')"
        (findings.error if error is not False else findings.warning)(path, message)
    else:
        findings.warning(path, f"{message}: wat u ziet is niet wat er staat; haal het weg")


def report_hidden_in_free_text(findings: Findings, path: str, value: object) -> None:
    """Bidi overrides and control characters in a note or story: a warning (a soft
    hyphen or a zero-width joiner in prose is normal and passes)."""
    if isinstance(value, str) and (chars := invisible_in(value, free_text=True)):
        findings.warning(path, f"tekst bevat een {describe(chars)}: die verandert hoe de "
                               "tekst getoond wordt (of is een stuurteken); haal het weg")


def check_case_text(case: Case, findings: Findings) -> None:
    """Invisible characters in a case's codes, ids, titles and free text."""
    info = case.info
    report_invisible(findings, "case.code", info.code, "casuscode", code=True)
    for key, what in (("title", "titel"), ("proeftuin", "proeftuin"),
                      ("researcher", "onderzoeker")):
        report_invisible(findings, f"case.{key}", getattr(info, key), what, code=False)
    for i, member in enumerate(case.household):
        report_invisible(findings, f"household[{i}].id", member.id, "id", code=True)
        report_invisible(findings, f"household[{i}].label", member.label, "naam",
                         code=False)
    custom_ids = [item.id for item in case.custom_items]
    scenario_ids = [s.id for s in case.scenarios]
    for i, scenario in enumerate(case.scenarios):
        path = f"scenarios[{i}]"
        report_invisible(findings, f"{path}.id", scenario.id, "scenario-id", code=True)
        report_invisible(findings, f"{path}.label", scenario.label, "naam", code=False)
        for j, line in enumerate(scenario.lines):
            report_invisible(findings, f"{path}.lines[{j}].item", line.item,
                             "code van de kostenpost", code=True, known=custom_ids,
                             known_what="eigen post", error=False)  # priced: see near_miss
            report_hidden_in_free_text(findings, f"{path}.lines[{j}].note", line.note)
    for i, item in enumerate(case.custom_items):
        report_invisible(findings, f"custom_items[{i}].id", item.id, "code van de eigen post",
                         code=True)
        report_invisible(findings, f"custom_items[{i}].name", item.name, "naam", code=False)
    settings = case.settings
    report_invisible(findings, "settings.cost_table", settings.cost_table, "kostentabel",
                     code=True)
    if settings.compare is not None:
        for key in ("reference", "intervention"):
            report_invisible(findings, f"settings.compare.{key}",
                             getattr(settings.compare, key), "scenario", code=True,
                             known=scenario_ids, known_what="scenario")
    report_hidden_in_free_text(findings, "narrative.summary", case.narrative.summary)
    for i, event in enumerate(case.narrative.events):
        report_invisible(findings, f"narrative.events[{i}].title", event.title, "titel",
                         code=False)
        report_hidden_in_free_text(findings, f"narrative.events[{i}].description",
                                   event.description)
    for i, perspective in enumerate(case.perspectives):
        report_hidden_in_free_text(findings, f"perspectives[{i}].text", perspective.text)
        for k, quote in enumerate(perspective.quotes):
            report_hidden_in_free_text(findings, f"perspectives[{i}].quotes[{k}]", quote)


def near_miss(item_id: str, known: Iterable[str], what: str = "tabelpost") -> str:
    """`` (verschilt alleen door een onzichtbaar teken … van tabelpost 'UUR')`` or ""."""
    meant = only_differs_by_invisible(item_id, known)
    if meant is None:
        return ""
    return (f" (verschilt alleen door een {describe(invisible_in(item_id))} van {what} "
            f"'{meant}')")
