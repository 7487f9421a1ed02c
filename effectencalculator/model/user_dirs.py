"""Per-user folders of the program (no Qt, so the CLI finds the same ones as the GUI)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "effectencalculator"


def _base(xdg_variable: str, xdg_default: Path) -> Path:
    if sys.platform.startswith("win"):
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    return Path(os.environ.get(xdg_variable, xdg_default))


def user_data_dir() -> Path:
    """Where the user's own data lives (own cost tables)."""
    return _base("XDG_DATA_HOME", Path.home() / ".local" / "share") / APP


def user_config_dir() -> Path:
    """Where the user's own settings live (the never-export list)."""
    return _base("XDG_CONFIG_HOME", Path.home() / ".config") / APP


def user_cache_dir() -> Path:
    """Where the program keeps what it can compute again (the portfolio's figures)."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / \
            APP / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / APP
