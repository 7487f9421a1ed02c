"""The look of the PDF in one place: A4 page geometry, the grey palette, every named
paragraph style, and how plain text becomes a paragraph."""

from __future__ import annotations

import copy
import weakref
from datetime import date
from typing import Any, Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags

from effectencalculator.report.fonts import SANS, SANS_BOLD, SERIF, SERIF_ITALIC, register_fonts
from effectencalculator.report.pdf_text import shorten_words

Progress = Callable[[float, str], None]

PAGE_W, PAGE_H = A4
MARGIN_L = MARGIN_R = 22 * mm
MARGIN_T, MARGIN_B = 24 * mm, 20 * mm
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R
FRAME_H = PAGE_H - MARGIN_T - MARGIN_B

INK = colors.Color(0.1, 0.1, 0.1)
MUTED = colors.Color(0.4, 0.4, 0.4)
RULE = colors.Color(0.55, 0.55, 0.55)
LIGHT = colors.Color(0.93, 0.93, 0.93)
HEADER_BG = colors.Color(0.86, 0.86, 0.86)
CONFIDENTIAL = "Vertrouwelijk"


def make_styles() -> dict[str, ParagraphStyle]:
    """Every paragraph style of the report, by name (one place for the type hierarchy)."""
    register_fonts()
    base = dict(fontName=SERIF, fontSize=9.5, leading=13.6, textColor=INK,
                splitLongWords=1, allowWidows=0, allowOrphans=0)
    s = {
        "body": ParagraphStyle("body", spaceAfter=6, **base),
        "lead": ParagraphStyle("lead", **{**base, "fontSize": 10.8, "leading": 15.4},
                               spaceAfter=8),
        "empty": ParagraphStyle("empty", **{**base, "fontName": SERIF_ITALIC,
                                            "textColor": MUTED}, spaceAfter=6),
        "small": ParagraphStyle("small", **{**base, "fontName": SANS, "fontSize": 8,
                                            "leading": 10.6, "textColor": MUTED},
                                spaceAfter=5),
        "note": ParagraphStyle("note", **{**base, "fontName": SERIF_ITALIC, "fontSize": 7.3,
                                          "leading": 9.3, "textColor": MUTED}),
        "quote": ParagraphStyle("quote", **{**base, "fontName": SERIF_ITALIC,
                                            "fontSize": 9.8, "leading": 13.6},
                                leftIndent=14, rightIndent=14, spaceBefore=1, spaceAfter=5,
                                borderPadding=(0, 0, 0, 6)),
        "bullet": ParagraphStyle("bullet", **{**base, "fontSize": 9, "leading": 12.4},
                                 leftIndent=11, bulletIndent=1, spaceAfter=3,
                                 bulletFontName=SERIF),
        "bullet_small": ParagraphStyle("bullet_small", fontName=SANS, fontSize=7.6,
                                       leading=9.8, textColor=INK, leftIndent=9,
                                       bulletIndent=0, spaceAfter=2, bulletFontName=SANS,
                                       bulletFontSize=7.6),
        "h1": ParagraphStyle("h1", fontName=SANS_BOLD, fontSize=19, leading=23,
                             textColor=INK, spaceAfter=10),
        "h2": ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=12, leading=15,
                             textColor=INK, spaceBefore=10, spaceAfter=5),
        "h3": ParagraphStyle("h3", fontName=SANS_BOLD, fontSize=10, leading=13,
                             textColor=INK, spaceBefore=8, spaceAfter=3),
        "caption": ParagraphStyle("caption", fontName=SANS_BOLD, fontSize=8.5, leading=11,
                                  textColor=INK, spaceBefore=4, spaceAfter=3),
        "chart_caption": ParagraphStyle("chart_caption", fontName=SANS, fontSize=7.5,
                                        leading=9.6, textColor=MUTED, spaceBefore=3,
                                        spaceAfter=8),
        "legend": ParagraphStyle("legend", fontName=SANS, fontSize=7, leading=9,
                                 textColor=MUTED, spaceBefore=3, spaceAfter=8),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=7.8, leading=9.6,
                               textColor=INK, splitLongWords=1),
        "cell_bold": ParagraphStyle("cell_bold", fontName=SANS_BOLD, fontSize=7.8,
                                    leading=9.6, textColor=INK, splitLongWords=1),
        "cell_head": ParagraphStyle("cell_head", fontName=SANS_BOLD, fontSize=7.6,
                                    leading=9.2, textColor=INK, splitLongWords=1),
        "fact_label": ParagraphStyle("fact_label", fontName=SANS_BOLD, fontSize=8.5,
                                     leading=11.5, textColor=INK),
        "fact_value": ParagraphStyle("fact_value", fontName=SANS, fontSize=8.5,
                                     leading=11.5, textColor=INK, splitLongWords=1),
        # a sha256 (64 hex digits) fits the value column on one line
        "fact_hash": ParagraphStyle("fact_hash", fontName=SANS, fontSize=7.6,
                                    leading=11.5, textColor=INK, splitLongWords=1),
        "kf_label": ParagraphStyle("kf_label", fontName=SANS, fontSize=7.8, leading=9.5,
                                   textColor=MUTED),
        "kf_value": ParagraphStyle("kf_value", fontName=SANS_BOLD, fontSize=14, leading=17,
                                   textColor=INK),
        "kf_text": ParagraphStyle("kf_text", fontName=SANS_BOLD, fontSize=9.5, leading=17,
                                  textColor=INK),
        "kf_note": ParagraphStyle("kf_note", fontName=SANS, fontSize=7, leading=8.6,
                                  textColor=MUTED),
        "callout_title": ParagraphStyle("callout_title", fontName=SANS_BOLD, fontSize=8.5,
                                        leading=11, textColor=INK, spaceAfter=2),
        "callout": ParagraphStyle("callout", fontName=SANS, fontSize=8.2, leading=11,
                                  textColor=INK),
        "cover_kicker": ParagraphStyle("cover_kicker", fontName=SANS_BOLD, fontSize=10,
                                       leading=13, textColor=MUTED),
        "cover_title": ParagraphStyle("cover_title", fontName=SANS_BOLD, fontSize=28,
                                      leading=33, textColor=INK, spaceAfter=6),
        "cover_sub": ParagraphStyle("cover_sub", fontName=SERIF, fontSize=16, leading=21,
                                    textColor=INK),
        "cover_conf": ParagraphStyle("cover_conf", fontName=SANS, fontSize=8.5,
                                     leading=11.5, textColor=INK),
        "cover_badge": ParagraphStyle("cover_badge", fontName=SANS_BOLD, fontSize=11,
                                      leading=13, textColor=colors.white,
                                      alignment=TA_CENTER),
    }
    for name in ("cell", "cell_bold", "cell_head"):
        s[name + "_r"] = ParagraphStyle(name + "_r", parent=s[name], alignment=TA_RIGHT)
        s[name + "_c"] = ParagraphStyle(name + "_c", parent=s[name], alignment=TA_CENTER)
    s["note_cell"] = ParagraphStyle("note_cell", parent=s["note"], leftIndent=8)
    return s


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text; "€ 12.345" never breaks after the euro sign."""
    text = shorten_words(text)  # a pasted blob is cut; the paragraph breaks long words
    frags = plain_frags(text, style)
    if frags is not None:
        return Paragraph(frags[0].text, style, frags=frags)
    return Paragraph(escape(text).replace("€ ", "€\u00a0").replace("\n", "<br/>"), style)


#: per style, the fragment the parser gave a sample text (forgotten with the style)
_FRAG_TEMPLATES: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()


def plain_frags(text: str, style: ParagraphStyle) -> list | None:
    """The fragments reportlab's paragraph parser gives ``text`` when it holds no markup
    (no ``&``, ``<``, ``>`` or newline: one fragment in the style's font), without
    running the parser; None for any other text (the parser's job).

    Why: the parser (an HTMLParser per paragraph) was most of the cost of making the
    550 paragraphs of a long report. The fragment is a copy of the one the parser gave
    a sample text in the same style (its lists copied, as each parse makes its own);
    the text is cleaned as ``Paragraph`` cleans it. A test compares the PDF bytes.
    """
    if "&" in text or "<" in text or ">" in text or "\n" in text:
        return None
    cleaned = cleanBlockQuotedText(text.replace("€ ", "€\u00a0"))
    if not cleaned:
        return None
    template = _FRAG_TEMPLATES.get(style)
    if template is None:
        sample = Paragraph("x", style).frags
        if len(sample) != 1 or sample[0].text != "x":
            return None
        template = _FRAG_TEMPLATES[style] = sample[0]
    frag = copy.copy(template)
    for key, value in frag.__dict__.items():
        if isinstance(value, list):
            frag.__dict__[key] = list(value)
    frag.text = cleaned
    frags = [frag]
    textTransformFrags(frags, style)
    return frags


def table_style(commands: list) -> TableStyle:
    """Cell font set explicitly: the default (Helvetica) would not be embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS)] + list(commands))


def is_hash(text: str) -> bool:
    return len(text) == 64 and all(ch in "0123456789abcdef" for ch in text)


def is_figure(text: str) -> bool:
    """Amounts get the large key-figure type; words ("nog niet beschikbaar") do not."""
    return any(ch.isdigit() for ch in text) or len(text) <= 8


def short_date(day: date) -> str:
    from effectencalculator.report.format import format_date
    return format_date(day)
