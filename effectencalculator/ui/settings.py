"""Settings kept between sessions, declared once with their type and default.

Only user-interface state lives here (window geometry, recent files, last folder); case
data never goes into QSettings. The QSettings object is passed in, so tests use a
temporary INI file and never touch the real settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Effectencalculator"
APPLICATION = "Effectencalculator"
MAX_RECENT = 8


@dataclass(frozen=True)
class Key:
    name: str
    type: type
    default: Any


GEOMETRY = Key("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Key("window/state", QByteArray, QByteArray())
SPLITTER = Key("window/splitter", QByteArray, QByteArray())
RECENT_FILES = Key("files/recent", list, [])
LAST_FOLDER = Key("files/last_folder", str, "")
LAST_SECTION = Key("window/section", int, 0)
#: Inzet: show each line's arithmetic as a column ("Berekening tonen")
SHOW_CALCULATION = Key("inzet/show_calculation", bool, False)


class UiSettings:
    """Typed access to the declared keys of one QSettings store."""

    def __init__(self, store: QSettings):
        self.store = store

    def get(self, key: Key) -> Any:
        value: Any = self.store.value(key.name, key.default)
        if value is None:
            return key.default
        if key.type is list:
            if isinstance(value, str):
                return [value] if value else []
            return [str(v) for v in value]
        if key.type is bool:  # an INI file gives back "true"/"false"
            return value.strip().lower() in ("true", "1") if isinstance(value, str) \
                else bool(value)
        if key.type is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return key.default
        if key.type is str:
            return str(value)
        return value if isinstance(value, key.type) else key.default

    def set(self, key: Key, value: Any) -> None:
        self.store.setValue(key.name, value)

    # -- recent files ---------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return [p for p in self.get(RECENT_FILES) if p]

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        files = [text] + [p for p in self.recent_files() if p != text]
        self.set(RECENT_FILES, files[:MAX_RECENT])
        self.set(LAST_FOLDER, str(Path(text).parent))

    def remove_recent(self, path: str) -> None:
        self.set(RECENT_FILES, [p for p in self.recent_files() if p != path])

    def sync(self) -> None:
        self.store.sync()
