"""Terminal output that cannot be hijacked by what a case file holds.

A title, a note or a code can contain an ESC sequence (``\\x1b[2J`` clears the screen,
``\\x1b]8;;`` makes a link), a carriage return that overwrites the line, or a bidi
override that shows text in another order. The CLI writes every line through
``safe_output()``, so such characters reach the terminal as visible escapes
(``\\u001b``, ``\\u202e``) and the user sees what the file holds.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

#: C0 controls except tab and newline, DEL, C1 controls, and the invisible and bidi
#: formatting characters (the same set ``model.invisible`` names in messages)
_UNSAFE = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e0fff]")


def _escape(match: re.Match[str]) -> str:
    """``\\u001b``: readable, and a valid escape inside a JSON string too (``--json``);
    beyond U+FFFF as a surrogate pair, as JSON writes it."""
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def safe_terminal_text(text: str) -> str:
    """``text`` with every control, invisible and bidi character written as an escape;
    tabs and newlines stay."""
    return _UNSAFE.sub(_escape, text)


class _SafeStream:
    """A text stream that escapes what it writes and passes everything else on."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(safe_terminal_text(text))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """While active, ``sys.stdout`` and ``sys.stderr`` escape unsafe characters."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeStream(out), _SafeStream(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
