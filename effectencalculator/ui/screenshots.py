"""Render every section of a case to PNG, offscreen: ``python -m
effectencalculator.ui.screenshots OUTDIR [CASE] [--size 1366x700]``.

For looking at the program as a researcher would (and for the README). Uses a temporary
settings file and recovery folder: the real ones are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pt-ams-014-noordhoek.yaml"


def render(outdir: Path, case: Path, width: int, height: int) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from effectencalculator.ui.app import application
    from effectencalculator.ui.main_window import MainWindow
    from effectencalculator.ui.services import AppContext, SyncRunner
    from effectencalculator.ui.settings import UiSettings

    app = application()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(settings=UiSettings(settings), recovery_dir=Path(tmp) / "herstel",
                         runner=SyncRunner())
        window = MainWindow(ctx)
        if not window.controller.open_path(case, ask=False):
            raise SystemExit(f"{case} kan niet worden geopend")
        window.results.recalculate_now()
        window.resize(width, height)
        window.show()
        written = []
        names = [s.title.lower().replace(" ", "-") for s in window.sections]
        for i, name in enumerate(names):
            window.show_section(i)
            if window.sections[i] is window.berekening:
                window.berekening.draw_charts()
            for _ in range(3):
                app.processEvents()
            path = outdir / f"{i + 1:02d}-{name}.png"
            window.grab().save(str(path))
            written.append(path)
            if window.sections[i] is window.inzet and len(window.inzet.pages) > 1:
                window.inzet.tabs.setCurrentIndex(1)
                app.processEvents()
                path = outdir / f"{i + 1:02d}-{name}-referentie.png"
                window.grab().save(str(path))
                written.append(path)
                window.inzet.tabs.setCurrentIndex(0)
        window.doc.undo_stack.setClean()
        window.close()
        QApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectencalculator.ui.screenshots",
                                     description="Schermafbeeldingen van elke sectie (PNG)")
    parser.add_argument("outdir", metavar="MAP")
    parser.add_argument("case", nargs="?", default=str(EXAMPLE), metavar="CASUS")
    parser.add_argument("--size", default="1366x700",
                        help="venstergrootte BREEDTExHOOGTE (standaard 1366x700: een "
                             "laptopscherm van 1366×768 min taakbalk en titel)")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    for path in render(Path(args.outdir), Path(args.case), width, height):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
