"""The mechanism tags used in the other cases of a folder (FORMATS.md 1.1
``narrative.mechanisms``): what Verhaal's tag editor suggests while the researcher types,
so that one folder of cases keeps one vocabulary and a portfolio can count it.

Read cheaply and safely, because a folder may hold hundreds of cases and files that are
not cases at all: only the plain ``*.yaml`` files beside the case (never an encrypted
``.ecase``: its content needs a password and stays unread), the most recently changed
``MAX_FILES`` of them, each at most ``MAX_BYTES``; a file without the word
``mechanisms`` is not parsed; parsing goes through the program's guarded YAML reader
(limits on size, depth and aliases). A file that cannot be read is skipped without a
message: it is another case, and opening it would report it. Only the tags and their
effects are kept, nothing else of another case.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from effectencalculator.model.validation import InvalidInputError
from effectencalculator.model.vocabulary import MECHANISM_EFFECTS
from effectencalculator.model.yaml_io import parse_yaml_bytes

#: the most recently changed files read (a larger folder: the rest is not read)
MAX_FILES = 300
#: a file larger than this is not read (an example-size case is ~40 kB)
MAX_BYTES = 2_000_000
_MARKER = b"mechanisms"


@dataclass(frozen=True)
class Suggestion:
    """A tag as used elsewhere: its spelling in the most recently changed case, the
    effect given with it most often
    ('' when none was given), and in how many other cases it occurs."""

    tag: str
    effect: str
    cases: int


def tag_key(tag: str) -> str:
    """Two tags are the same when they are equal ignoring case and spacing (as a
    portfolio counts them)."""
    return " ".join(tag.split()).casefold()


def _case_files(folder: Path, exclude: Path | None, max_files: int) -> list[Path]:
    skip = exclude.resolve() if exclude is not None else None
    found: list[tuple[float, Path]] = []
    try:
        candidates = list(folder.glob("*.yaml"))
    except OSError:
        return []
    for path in candidates:
        if path.name.startswith("."):  # lock and temporary files of a save
            continue
        try:
            if skip is not None and path.resolve() == skip:
                continue
            stat = path.stat()
        except OSError:
            continue
        if path.is_file() and stat.st_size <= MAX_BYTES:
            found.append((stat.st_mtime, path))
    found.sort(key=lambda pair: (-pair[0], pair[1].name))
    return [path for _, path in found[:max_files]]


def _tags_of(data: Any) -> list[tuple[str, str]]:
    """(tag, effect) of each mechanism of one file's data; anything odd is left out."""
    narrative = data.get("narrative") if isinstance(data, dict) else None
    mechanisms = narrative.get("mechanisms") if isinstance(narrative, dict) else None
    out: list[tuple[str, str]] = []
    for entry in mechanisms if isinstance(mechanisms, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("tag"), str):
            continue
        tag = " ".join(entry["tag"].split())
        effect = entry.get("effect")
        if tag:
            out.append((tag, effect if effect in MECHANISM_EFFECTS else ""))
    return out


def folder_mechanisms(folder: str | Path, exclude: str | Path | None = None, *,
                      max_files: int = MAX_FILES,
                      is_cancelled: Callable[[], bool] | None = None) -> list[Suggestion]:
    """The tags of the cases in ``folder`` (except ``exclude``, the open case), the most
    used first, then alphabetically."""
    files = _case_files(Path(folder), Path(exclude) if exclude is not None else None,
                        max_files)
    spelling: dict[str, str] = {}
    cases: Counter[str] = Counter()
    effects: dict[str, Counter[str]] = {}
    for path in files:
        if is_cancelled is not None and is_cancelled():
            break
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if _MARKER not in raw:
            continue
        try:
            data = parse_yaml_bytes(raw, path.name).data
        except (InvalidInputError, RecursionError, MemoryError):
            continue
        seen: set[str] = set()
        for tag, effect in _tags_of(data):
            key = tag_key(tag)
            spelling.setdefault(key, tag)
            if key not in seen:
                seen.add(key)
                cases[key] += 1
            if effect:
                effects.setdefault(key, Counter())[effect] += 1
    out = []
    for key, tag in spelling.items():
        given = effects.get(key)
        # the effect given most often; a tie goes to the first in the format's list
        effect = (max(MECHANISM_EFFECTS, key=lambda e: given[e]) if given else "")
        out.append(Suggestion(tag, effect, cases[key]))
    out.sort(key=lambda s: (-s.cases, s.tag.casefold()))
    return out
