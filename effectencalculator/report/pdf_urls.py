"""URLs in running text broken where a reader expects: after / . - ? & =, never
mid-word (reportlab breaks a long word anywhere: "https://w ww.cbs.nl/…").

The text is laid out here in lines (``\\n``) as reportlab fills them, so only a line that
holds a URL differs from what reportlab would do; text without a URL comes back as it is.
"""

from __future__ import annotations

import re

from effectencalculator.report.pdf_text import _tokens, char_width, text_width

#: a URL in running text breaks only after one of these (never inside a word)
URL_BREAK_AFTER = "/.-?&="
_URL = re.compile(r"^\(?(https?://|www\.)", re.IGNORECASE)


def _is_url(word: str) -> bool:
    return bool(_URL.match(word))


def _url_cut(url: str, font: str, size: float, room: float) -> int:
    """Where a URL breaks to fill ``room``: after the last of ``URL_BREAK_AFTER`` that
    fits (after the whole "//" of "https://"), 0 when none does."""
    used, cut = 0.0, 0
    for i, ch in enumerate(url[:-1]):
        used += char_width(ch, font, size)
        if used > room:
            break
        if ch in URL_BREAK_AFTER and url[i + 1] not in URL_BREAK_AFTER:
            cut = i + 1
    return cut


def _hard_cut(url: str, font: str, size: float, room: float) -> int:
    used = 0.0
    for i, ch in enumerate(url):
        used += char_width(ch, font, size)
        if used > room:
            return max(i, 1)
    return len(url)


def break_urls(text: str, font: str, size: float, width: float) -> str:
    """Running text that holds a URL, in lines ("\\n") in which every URL breaks only
    after / . - ? & = (reportlab would break "https://w ww.cbs.nl" anywhere); the line
    is filled as reportlab fills it. Text without a URL comes back unchanged."""
    if "://" not in text and "www." not in text.lower():
        return text
    width -= 1.0  # never wider than the paragraph will find the line
    space = char_width(" ", font, size)
    out: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in _tokens(paragraph):
            gap = space if line else 0.0
            w = text_width(word, font, size)
            if used + gap + w <= width:
                line.append(word)
                used += gap + w
                continue
            if not _is_url(word):
                if line:
                    out.append(" ".join(line))
                line, used = [word], w
                continue
            rest = word
            room = width - used - gap
            while text_width(rest, font, size) > room:
                cut = _url_cut(rest, font, size, room)
                if cut == 0 and line:
                    out.append(" ".join(line))  # the URL starts the next line
                    line, used, room = [], 0.0, width
                    continue
                cut = cut or _hard_cut(rest, font, size, room)  # no break fits a line
                line.append(rest[:cut])
                out.append(" ".join(line))
                line, used, room = [], 0.0, width
                rest = rest[cut:]
            line.append(rest)
            used = text_width(" ".join(line), font, size)
        out.append(" ".join(line))
    return "\n".join(out)
