"""The report's embedded fonts: DejaVu Serif (text) and DejaVu Sans Condensed (headings,
tables, charts), shipped inside the package with their licence (fontfiles/).

Why not reportlab's built-in Helvetica/Times: those are not embedded and use WinAnsi,
and reportlab's bundled Vera lacks arrows (→ ↑ ↓) used in the report. DejaVu covers
ë ï é € and the symbols, and reportlab embeds only the glyphs used (small PDFs).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

#: Font names used by styles and charts (registered by :func:`register_fonts`).
SERIF = "EcSerif"
SERIF_ITALIC = "EcSerif-Italic"
SERIF_BOLD = "EcSerif-Bold"
SANS = "EcSans"
SANS_BOLD = "EcSans-Bold"

_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
}

_registered = False


class FastTTFont(TTFont):
    """A TTFont whose per-string subsetting has a fast path.

    Why: reportlab's ``splitString`` walks every character of every string in Python to
    find its code in the document's font subset, and a long report draws some 10 000
    strings. Once every character of a string has its code in the first subset (the
    common case: the report's Latin text), the same codes come from one
    ``str.translate`` (the 300-line stress report builds about 5 % faster). The codes are
    reportlab's own (the slow path assigns them, we only remember them), so the PDF is
    byte for byte the same.
    """

    def splitString(self, text: str | bytes, doc: object,  # noqa: N802 - reportlab's name
                    encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        """reportlab's (subset, codes) chunks; one ``translate`` when all are known."""
        if not isinstance(text, str):
            text = text.decode("utf-8")
        state = self.state.get(doc)
        fast: tuple[dict[int, int], set[str]] | None = \
            getattr(state, "ec_fast", None) if state is not None else None
        if fast is not None and fast[1].issuperset(text):
            return [(0, text.translate(fast[0]).encode("latin-1"))] if text else []
        result = super().splitString(text, doc, encoding)
        state = self.state[doc]
        if fast is None:
            fast = state.ec_fast = ({}, set())
        table, known = fast
        assignments = state.assignments
        for char in set(text):
            code = 32 if char == "\xa0" else ord(char)  # reportlab draws nbsp as space
            n = assignments.get(code)
            if n is not None and n < 256:
                table[ord(char)] = n
                known.add(char)
        return result


def font_dir() -> Path:
    return Path(str(resources.files("effectencalculator.report") / "fontfiles"))


def register_fonts() -> None:
    """Register the TTF fonts once per process (charts and the PDF both call this)."""
    global _registered
    if _registered:
        return
    folder = font_dir()
    for name, filename in _FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(FastTTFont(name, str(folder / filename)))
    # <b>/<i> inside paragraphs pick the right face.
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 1, 1, SERIF_BOLD)
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 1, 1, SANS_BOLD)
    _registered = True
