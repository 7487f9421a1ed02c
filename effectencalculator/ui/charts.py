"""Charts in the window: the report's own drawings, rendered to SVG.

The report module (``effectencalculator.report.charts``) makes each chart as a reportlab
drawing; the window renders the same drawing to SVG and shows it with QtSvg, so screen
and paper show the same picture. reportlab is imported only when a chart is drawn.
"""

from __future__ import annotations

import re
from typing import Any


def drawing_to_svg(drawing: Any) -> bytes:
    from reportlab.graphics import renderSVG
    text = renderSVG.drawToString(drawing)
    return text.encode("utf-8") if isinstance(text, str) else text


_CLIP_PATH = re.compile(rb"<clipPath\b.*?</clipPath>", re.S)
_CLIP_STYLE = re.compile(rb"clip-path:\s*url\(#[^)]*\);?")
_NONE = re.compile(rb"(fill|stroke):\s*None\b")
_FONT = re.compile(rb"font-family:\s*(EcSans|EcSerif)(-Bold|-Italic)?")


def svg_for_qt(svg: bytes, families: dict[str, str]) -> bytes:
    """Adapt reportlab's SVG to QtSvg (SVG Tiny): QtSvg draws the content of a
    ``clipPath`` as a black rectangle, so the (whole-drawing) clip is dropped; ``fill: None``
    becomes ``none``; the report's font names become the families registered with Qt."""
    svg = _CLIP_PATH.sub(b"", svg)
    svg = _CLIP_STYLE.sub(b"", svg)
    svg = _NONE.sub(rb"\1: none", svg)  # reportlab writes "None"; QtSvg then fills black

    def font(match: re.Match) -> bytes:
        family = families.get(match.group(1).decode(), "DejaVu Sans")
        style = {b"-Bold": "; font-weight: bold", b"-Italic": "; font-style: italic"}.get(
            match.group(2) or b"", "")
        return f"font-family: '{family}'{style}".encode()
    return _FONT.sub(font, svg)
