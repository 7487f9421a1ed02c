"""The fast path of the report font's subsetting gives reportlab's own codes.

``FastTTFont.splitString`` remembers the codes reportlab assigned; if it went wrong the
PDF would show wrong glyphs while every other test still found the right *words* in
some strings. So: compare it with reportlab's own, string by string, and read a PDF
drawn with it back.
"""

from __future__ import annotations

import io
import random

from pypdf import PdfReader
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from effectencalculator.report.fonts import SANS, FastTTFont, font_dir, register_fonts

_ALPHABET = ("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ,.-€%→↑↓ëïé"
             "\xa0ÄÖÜßøåæçñ–—‘’“”…±×÷≤≥½¼¾°²³") + "".join(chr(c) for c in range(0x400, 0x4ff))


def _strings(seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(3000):
        out.append("".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 12))))
        if rnd.random() < 0.3:  # repeats take the fast path
            out.append(rnd.choice(out))
    out += ["", "\xa0", "漢字 not in DejaVu", "tab\there"]
    return out


def test_fast_split_equals_reportlab_across_subsets_and_documents():
    path = str(font_dir() / "DejaVuSansCondensed.ttf")
    slow, fast = TTFont("SlowRef", path), FastTTFont("FastRef", path)
    for seed in (1, 2):  # two documents: the remembered codes are per document
        doc_slow, doc_fast = PDFDocument(), PDFDocument()
        for text in _strings(seed):
            assert fast.splitString(text, doc_fast) == slow.splitString(text, doc_slow), text
        subsets = fast.state[doc_fast].subsets
        assert len(subsets) > 1  # the strings ran past the first subset
        assert subsets == slow.state[doc_slow].subsets


def test_text_drawn_with_the_fast_font_reads_back():
    register_fonts()
    lines = ["Netto € 1.234 → besparing ↑", "Jeugdhulp ambulant", "Netto € 1.234 → besparing ↑",
             "héél\xa0veel – ‘tekst’", "Jeugdhulp ambulant"]
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for i, line in enumerate(lines):
        canvas.setFont(SANS, 11)
        canvas.drawString(72, 700 - 20 * i, line)
    canvas.showPage()
    canvas.save()
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    read = [line.replace("\xa0", " ") for line in text.splitlines()]
    assert read == [line.replace("\xa0", " ") for line in lines]  # repeats too
