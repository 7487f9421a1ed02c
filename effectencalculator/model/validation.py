"""Structured findings (file, line, location, severity, message) shared by CLI and GUI.

A finding names the file, the location in the file (``scenarios[1].lines[3].quantity``,
counted from 0) and, when known, the line number, so that a researcher can find and fix
what is wrong. Messages are Dutch: they are shown to users.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Mapping


class Severity(str, Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    path: str
    message: str
    file: str | None = None
    line: int | None = None  # 1-based line in the file, when known

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """``file:line: location: severity: message`` with the parts that are known."""
        where = []
        if self.file:
            where.append(f"{self.file}:{self.line}" if self.line else self.file)
        if self.path:
            where.append(self.path)
        prefix = ": ".join(where)
        text = f"{self.severity.value}: {self.message}"
        return f"{prefix}: {text}" if prefix else text

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.format()


@dataclass
class Findings:
    """An ordered collection of findings for one file."""

    file: str | None = None
    items: list[Finding] = field(default_factory=list)
    #: location path -> 1-based line number, filled by the YAML reader.
    lines: Mapping[str, int] = field(default_factory=dict)

    def line_for(self, path: str) -> int | None:
        """The line of a location, or of the nearest enclosing one that is known."""
        return self._line_for(path)

    def _line_for(self, path: str) -> int | None:
        # The most specific known location: "a.b[2].c" falls back to "a.b[2]", "a.b", "a".
        probe = path
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            if cut <= 0:
                break
            probe = probe[:cut]
        return self.lines.get(probe) if probe else None

    def written(self, path: str) -> str | None:
        """How the plain YAML scalar at ``path`` was written, when it was read as a
        number, date or yes/no (``2024.10`` for 2024.1); None otherwise."""
        lookup = getattr(self.lines, "written_text", None)
        return lookup(path) if lookup is not None else None

    def error(self, path: str, message: str) -> None:
        """Record an error; a location gets one error (the first, most specific one)."""
        if any(f.is_error and f.path == path for f in self.items):
            return
        self.items.append(Finding(Severity.ERROR, path, message, self.file, self._line_for(path)))

    def warning(self, path: str, message: str) -> None:
        self.items.append(Finding(Severity.WARNING, path, message, self.file, self._line_for(path)))

    def extend(self, findings: Iterable[Finding]) -> None:
        self.items.extend(findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.items if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.items if not f.is_error]

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class InvalidInputError(Exception):
    """Raised when a file or a calculation cannot go on; carries every finding."""

    def __init__(self, findings: Iterable[Finding]):
        self.findings: list[Finding] = list(findings)
        super().__init__("\n".join(f.format() for f in self.findings if f.is_error)
                         or "ongeldige invoer")

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]
