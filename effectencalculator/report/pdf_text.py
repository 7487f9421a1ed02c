"""Plain text measured and broken into lines once, for the PDF.

Why: reportlab wraps a table cell's Paragraph again on every split attempt (14 000 wraps
for a 300-line case), and a word longer than the frame makes a row taller than a page,
which ends the report with a LayoutError. Here a cell is wrapped once, greedily as
reportlab's Paragraph does, into lines of plain text that a ``Table`` draws with its
``TableStyle``; and what a researcher typed can never break the layout: a token wider
than the cell is broken (after ``/``, ``-``, ``.`` … where it can, so URLs stay readable)
and, past a few lines, shortened with "…"; a cell past its line limit ends in "…". The
full text stays in the case file; only the printed copy is shortened.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

ELLIPSIS = "…"
#: a word in running text longer than this is shortened (no word is; a pasted blob is)
MAX_WORD_CHARS = 300
SPACE_SHRINK = float(getattr(rl_config, "spaceShrinkage", 0.05))
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BREAK_AFTER = "/-_.?&=#,;:+)]}"


@lru_cache(maxsize=64)
def _char_widths(font: str) -> tuple[dict[int, float], float]:
    face = getattr(getFont(font), "face", None)
    widths = getattr(face, "charWidths", None)
    if widths is None:  # not a TrueType font: ask reportlab for each character
        return {}, -1.0
    return widths, float(getattr(face, "defaultWidth", 0))


def char_width(ch: str, font: str, size: float) -> float:
    widths, default = _char_widths(font)
    if default < 0:
        return stringWidth(ch, font, size)
    return widths.get(ord(ch), default) * size / 1000


@lru_cache(maxsize=200_000)
def text_width(text: str, font: str, size: float) -> float:
    """The width reportlab gives ``text`` (no kerning in its TrueType output), cached:
    a report measures the same words many times."""
    if len(text) > 2000:  # a pasted blob: measure without filling the cache with it
        return sum(char_width(ch, font, size) for ch in text)
    return stringWidth(text, font, size)


def shorten_to_width(text: str, font: str, size: float, width: float) -> str:
    """``text`` itself when it fits ``width``, else its start with "…" that fits (one
    pass over the characters, never a measure per character removed)."""
    if text_width(text, font, size) <= width + 0.01:
        return text
    room = width - char_width(ELLIPSIS, font, size)
    used, end = 0.0, 0
    while end < len(text):
        used += char_width(text[end], font, size)
        if used > room:
            break
        end += 1
    return text[:end].rstrip() + ELLIPSIS


def _pieces(token: str, font: str, size: float, width: float, limit: int) -> list[str]:
    """A token wider than ``width`` in pieces that each fit, broken after a URL's
    punctuation where one falls in the second half of a piece; at most ``limit``
    pieces, the last ending in "…" when the token was longer."""
    out: list[str] = []
    start, n = 0, len(token)
    while start < n:
        if len(out) == limit - 1:
            rest = token[start:]
            out.append(shorten_to_width(rest, font, size, width))
            return out
        used, end = 0.0, start
        while end < n:
            w = char_width(token[end], font, size)
            if used + w > width and end > start:
                break
            used += w
            end += 1
        if end < n:
            cut = max(token.rfind(ch, start, end) for ch in _BREAK_AFTER) + 1
            if cut > start + (end - start) // 2:
                end = cut
        out.append(token[start:end])
        start = end
    return out


def _tokens(paragraph: str) -> list[str]:
    """Words, with "€" kept to its amount ("€ 12.345" never breaks after the sign)."""
    words = [w for w in _SPACES.split(paragraph) if w]
    out: list[str] = []
    for word in words:
        if out and out[-1] == "€":
            out[-1] = "€ " + word
        else:
            out.append(word)
    return out


def wrap_lines(text: str, font: str, size: float, width: float, *,
               max_lines: int | None = None, token_lines: int = 4) -> tuple[list[str], bool]:
    """``text`` in lines that each fit ``width`` (a newline starts a new line), and
    whether anything was shortened: a token is broken over at most ``token_lines``
    lines, a cell ends after ``max_lines`` with "…"."""
    if (max_lines is None or max_lines >= 1) and " ".join(text.split()) == text \
            and text_width(text, font, size) <= width - 0.01:
        # One line, no whitespace to normalise (most table cells): what the loop below
        # would return, without tokenising.
        return [text], False
    space = char_width(" ", font, size)
    shrink = SPACE_SHRINK * space  # as reportlab's Paragraph: its spaces may shrink a bit
    lines: list[str] = []
    shortened = False
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in _tokens(paragraph):
            w = text_width(word, font, size)
            if w > width:
                if line:
                    lines.append(" ".join(line))
                pieces = _pieces(word, font, size, width, token_lines)
                shortened |= pieces[-1].endswith(ELLIPSIS) and not word.endswith(ELLIPSIS)
                lines.extend(pieces[:-1])
                line, used = [pieces[-1]], text_width(pieces[-1], font, size)
            elif line and used + space + w <= width + shrink * len(line) + 1e-8:
                line.append(word)
                used += space + w
            else:
                if line:
                    lines.append(" ".join(line))
                line, used = [word], w
            if max_lines is not None and len(lines) > max_lines:
                break
        lines.append(" ".join(line))
        if max_lines is not None and len(lines) > max_lines:
            break
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = shorten_to_width(lines[-1].rstrip(" .,;:") + " " + ELLIPSIS, font, size,
                                     width)
        shortened = True
    return lines, shortened


def fit_text(text: str, font: str, size: float, width: float, max_lines: int) -> str:
    """``text`` unchanged when it fits ``max_lines`` lines of ``width`` without a
    shortened word (the paragraph then wraps it as always), else its shortened lines."""
    if "\n" not in text and len(text) * size * 0.2 < width:  # one line at most: no measure
        return text
    lines, shortened = wrap_lines(text, font, size, width, max_lines=max_lines)
    return "\n".join(lines) if shortened else text


def shorten_words(text: str, limit: int = MAX_WORD_CHARS) -> str:
    """Running text with every word longer than ``limit`` characters cut to ``limit``
    with "…" (the paragraph breaks shorter long words over lines itself)."""
    if len(text) <= limit or not any(len(w) > limit for w in text.split()):
        return text
    return re.sub(r"\S{" + str(limit + 1) + ",}", lambda m: m.group(0)[:limit] + ELLIPSIS, text)
