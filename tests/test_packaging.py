"""Packaging and architecture: the model stays free of Qt; the wheel ships the table."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_model_and_cli_import_no_qt_and_no_pandas():
    code = ("import sys, effectencalculator.cli, effectencalculator.model.calculation, "
            "effectencalculator.model.storage, effectencalculator.model.tables, "
            "effectencalculator.report.format; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', "
            "'PyQt5', 'PyQt6', 'pandas')]; print(bad); sys.exit(1 if bad else 0)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_wheel_ships_the_default_cost_table(tmp_path: Path):
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                          "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    wheel = next(tmp_path.glob("effectencalculator-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "effectencalculator/cost_tables/nl-jeugd-gezin.yaml" in names
    # every subpackage is listed in pyproject.toml (the list is explicit)
    for init in sorted((ROOT / "effectencalculator").rglob("__init__.py")):
        assert init.relative_to(ROOT).as_posix() in names, init
    assert not any(name.startswith(("tests/", "examples/", "cost_tables/")) for name in names)
