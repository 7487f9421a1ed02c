"""Finding and reading a case's cost table, cached per process.

Reading the default table takes about half a second (a checked, pure-Python YAML parse),
so a table is read once per file version and shared: tables are never changed by the
program. Loading happens off the GUI thread at start-up (see ``controller.py``).
"""

from __future__ import annotations

import threading
from pathlib import Path

from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.storage import load_table
from effectencalculator.model.tables import shipped_tables_dir, table_for_case, user_tables_dir

_lock = threading.Lock()
_cache: dict[tuple, tuple[CostTable, list]] = {}


def _signature(folders: list[Path]) -> tuple:
    files = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                files.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(files)


def table_for(case: Case, table_file: Path | None = None) -> tuple[CostTable, list]:
    """The table to price ``case`` with (``table_file`` wins) and warnings about it."""
    settings = case.settings
    key: tuple
    if table_file is not None:
        stat = Path(table_file).stat()
        key = ("file", str(table_file), stat.st_mtime_ns, stat.st_size)
    else:
        key = ("name", settings.cost_table, settings.cost_table_version,
               settings.cost_table_sha256, _signature([shipped_tables_dir(), user_tables_dir()]))
    with _lock:
        if key in _cache:
            return _cache[key]
    value: tuple[CostTable, list]
    if table_file is not None:
        value = (load_table(table_file), [])
    else:
        value = table_for_case(case)
    with _lock:
        _cache[key] = value
    return value


def read_table_file(path: Path) -> CostTable:
    """A table chosen by the user (cached like the others)."""
    return table_for(Case(), Path(path))[0]
