"""Render every section of a case to PNG, offscreen: ``python scripts/screenshots.py
OUTDIR [CASE] [--size 1366x700]`` (a tool for the checkout, not part of the package).

For looking at the program as a researcher would (and for the README). Uses a temporary
settings file and recovery folder: the real ones are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "pt-ams-014-noordhoek.yaml"


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
                         runner=SyncRunner(),
                         never_export_path=Path(tmp) / "niet-exporteren.txt")
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
                window.uncertainty.run_now()
                window.berekening.draw_charts()
            for _ in range(3):
                app.processEvents()
            path = outdir / f"{i + 1:02d}-{name}.png"
            window.grab().save(str(path))
            written.append(path)
            if window.sections[i] is window.berekening:
                written += _scrolled(app, window, window.berekening, outdir, f"{i + 1:02d}-{name}",
                                     {"onzekerheid": window.berekening.uncertainty_group,
                                      "gevoeligheid": window.berekening.sensitivity_group})
            if window.sections[i] is window.inzet and len(window.inzet.pages) > 1:
                window.inzet.tabs.setCurrentIndex(1)
                app.processEvents()
                path = outdir / f"{i + 1:02d}-{name}-referentie.png"
                window.grab().save(str(path))
                written.append(path)
                window.inzet.tabs.setCurrentIndex(0)
        from timeline_screenshots import render_session  # beside this script
        written += render_session(app, window, outdir)
        written += render_compare(app, window, outdir, [case.parent], width, height)
        from privacy_screenshots import render_privacy  # beside this script
        written += render_privacy(app, window, outdir, Path(tmp) / "niet-exporteren.txt")
        from capture_screenshots import render_capture  # beside this script
        written += render_capture(app, outdir, case, width, height, Path(tmp))
        written.append(render_report_dialog(app, window, outdir / "30-rapport-exporteren.png"))
        window.doc.undo_stack.setClean()
        window.close()
        QApplication.processEvents()
    return written


def render_compare(app, window, outdir: Path, paths: list[Path], width: int,
                   height: int) -> list[Path]:
    """The Vergelijken window on ``paths`` (the folder of the case), one PNG per tab."""
    compare = window.open_compare_window()
    compare.resize(width, height)
    compare.open_paths(paths)
    written = []
    for tab in range(compare.tabs.count()):
        compare.tabs.setCurrentIndex(tab)
        for _ in range(3):
            app.processEvents()
        name = compare.tabs.tabText(tab).split(" (")[0].lower().replace(" ", "-")
        path = outdir / f"20-vergelijken-{tab + 1}-{name}.png"
        compare.grab().save(str(path))
        written.append(path)
    compare.close()
    return written


def render_report_dialog(app, window, path: Path) -> Path:
    """Bestand → Rapport exporteren…: the dialog as it opens, the per-year table unticked
    (as in docs/images/rapport-exporteren.png)."""
    from effectencalculator.ui.report_dialog import ReportChoice, ReportDialog
    dialog = ReportDialog(ReportChoice(omit=frozenset({"per-jaar"})), window)
    dialog.show()
    for _ in range(3):
        app.processEvents()
    dialog.grab().save(str(path))
    dialog.close()
    dialog.deleteLater()
    return path


def _scrolled(app, window, area, outdir: Path, stem: str, targets: dict) -> list[Path]:
    """Grab the window with the scroll area scrolled to each target widget."""
    written = []
    for label, widget in targets.items():
        area.verticalScrollBar().setValue(widget.y() - 8)
        for _ in range(3):
            app.processEvents()
        path = outdir / f"{stem}-{label}.png"
        window.grab().save(str(path))
        written.append(path)
    area.verticalScrollBar().setValue(0)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/screenshots.py",
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
