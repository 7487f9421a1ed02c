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
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
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
