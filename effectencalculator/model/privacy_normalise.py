"""The text the privacy check matches on: disguises taken out, positions kept.

A name written with a zero-width space inside (``Jan⟨U+200B⟩sen``), a Cyrillic ``а``
for a Latin ``a``, a non-breaking hyphen in a phone number or full-width digits all read
normally in a PDF, yet pass a plain pattern. So every text is first folded, character by
character: Unicode NFKD compatibility forms (full-width, ligatures, super/subscripts),
combining accents dropped, format characters (zero-width space and joiner, word joiner,
soft hyphen, bidi controls, BOM) and control characters removed, Cyrillic and Greek
look-alikes mapped to the Latin letter they imitate, every dash to ``-``, every space
to `` `` and every apostrophe to ``'``.

Folding per character (not NFKC over the whole string) keeps a map from the folded text
back to the text as written, so a finding points at the characters the researcher typed
and the privacy view can fix them in place. ``visible`` shows what was removed.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from itertools import accumulate

#: Cyrillic and Greek letters that look like a Latin one (the common confusables)
HOMOGLYPHS = {
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ї": "I",
    "Ј": "J", "Ԛ": "Q", "Ԝ": "W", "Ү": "Y", "Һ": "H", "Ӏ": "I", "З": "3",
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "ԛ": "q", "ԝ": "w", "ү": "y", "һ": "h", "ӏ": "l", "ԁ": "d", "ɡ": "g",
    "ь": "b", "п": "n", "г": "r",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "α": "a", "β": "b", "γ": "y", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j",
}
#: apostrophe look-alikes, so that ``Jansen’s`` is a possessive like ``Jansen's``
APOSTROPHES = "’‘ʼʹ′`´ʻ＇"
_KEEP = {"\t", "\n", "\r"}


class _Fold(dict):
    """``str.translate`` table filled on first use: one fold per distinct character."""

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        return value


def _fold_char(char: str) -> str:
    if char in HOMOGLYPHS:
        return HOMOGLYPHS[char]
    if char in APOSTROPHES:
        return "'"
    if char in _KEEP:
        return char
    if char in "\u2028\u2029\x85":
        return "\n"
    out = []
    for part in unicodedata.normalize("NFKD", char):
        category = unicodedata.category(part)
        if category == "Nd" and not part.isascii():
            part = str(unicodedata.digit(part))      # Arabic-Indic and other digits
        if category == "Mn" or (category in ("Cf", "Cc", "Co", "Cn") and part not in _KEEP):
            continue                      # accents; invisible format and control chars
        if category == "Pd" or part in "\u2212\u2043\ufe63\uff0d":
            part = "-"
        elif category == "Zs":
            part = " "
        elif part in HOMOGLYPHS:
            part = HOMOGLYPHS[part]
        elif part in APOSTROPHES:
            part = "'"
        out.append(part)
    return "".join(out)


_TABLE = _Fold()


def fold(text: str) -> str:
    """The text as matched (see the module docstring); ASCII text is returned as is."""
    if text.isascii():
        return text
    return text.translate(_TABLE)


class PositionMap:
    """Maps positions in ``fold(text)`` back to ``text``."""

    def __init__(self, text: str):
        self.identity = text.isascii()
        if not self.identity:
            # ends[i]: the folded length after original character i
            self._ends = list(accumulate(len(_TABLE[ord(c)]) for c in text))
            self._length = len(text)

    def start(self, folded: int) -> int:
        """The original character that gave folded character ``folded``."""
        if self.identity:
            return folded
        return min(bisect_right(self._ends, folded), self._length)

    def end(self, folded_end: int) -> int:
        """Exclusive end in the original for a folded span ending at ``folded_end``."""
        if self.identity or folded_end <= 0:
            return folded_end
        return self.start(folded_end - 1) + 1


def invisible(char: str) -> bool:
    """A character that prints as nothing (or as a plain space) but is not one."""
    if char in _KEEP or char == " ":
        return False
    category = unicodedata.category(char)
    return category in ("Cf", "Cc", "Co", "Cn", "Mn", "Zl", "Zp") or \
        (category == "Zs" and char != " ")


def visible(text: str) -> str:
    """The text as written, with invisible characters made visible: ``Jan⟨U+200B⟩sen``;
    look-alike letters are marked the same way (``⟨U+0430⟩``) so the researcher sees why
    a word that reads normally was found."""
    if text.isascii():
        return text
    out = []
    for char in text:
        if invisible(char) or char in HOMOGLYPHS:
            out.append(f"⟨U+{ord(char):04X}⟩")
        else:
            out.append(char)
    return "".join(out)
