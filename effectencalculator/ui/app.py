"""Start the desktop program: ``python -m effectencalculator.ui.app [CASE]``.

``run_gui`` builds the application, opens the main window (with a case, or a new one
from the template), loads the cost table off the GUI thread, and offers any recovery
copy a crash left behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence, cast

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from effectencalculator.log_setup import configure_logging
from effectencalculator.ui.main_window import MainWindow
from effectencalculator.ui.services import AppContext, default_recovery_dir
from effectencalculator.ui.settings import APPLICATION, ORGANIZATION, UiSettings


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, configured once: names (for QSettings) and Dutch formats."""
    existing = QApplication.instance()
    # the one application of this process is always a QApplication (made here)
    app = cast(QApplication, existing) if existing is not None else QApplication(
        list(argv) if argv else [sys.argv[0] if sys.argv else "effectencalculator"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    install_dutch_qt_translation(app)
    return app


def install_dutch_qt_translation(app: QApplication) -> bool:
    """Qt's own Dutch texts (file dialog, Ja/Nee, Annuleren, "Details weergeven…"), from
    the ``qtbase_nl.qm`` that PySide6 ships; once per application. False when missing
    (the dialogs then stay English; nothing else depends on it)."""
    if app.findChild(QTranslator, "dutch_qt") is not None:
        return True
    translator = QTranslator(app)  # the application keeps it alive
    translator.setObjectName("dutch_qt")
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_nl", folder):
        return False
    app.installTranslator(translator)
    return True


def default_context() -> AppContext:
    return AppContext(settings=UiSettings(QSettings()), recovery_dir=default_recovery_dir())


def open_window(path: str | None, ctx: AppContext) -> MainWindow:
    """Build and show the main window; open ``path`` or start a new case."""
    window = MainWindow(ctx)
    opened = False
    if path:
        opened = window.controller.open_path(path, ask=False)
    if not opened:
        window.controller.load_table()
    window.show()
    QTimer.singleShot(0, window.controller.offer_recovery)
    return window


def run_gui(path: str | None = None, argv: Sequence[str] | None = None,
            ctx: AppContext | None = None) -> int:
    """Run the desktop program until its window closes; returns the exit code.
    ``ctx``: the settings, folders and dialogs to use (a test's; default: the user's)."""
    configure_logging()
    app = application(argv)
    ctx = ctx or default_context()
    window = open_window(path, ctx)
    code = app.exec()
    # a worker must not outlive the window its outcome goes to: stop and wait for it
    ctx.runner.wait_for_done(10_000)
    del window
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectencalculator.ui.app",
                                     description="Effectencalculator: het programma met venster")
    parser.add_argument("case", nargs="?", metavar="CASUS", help="casusbestand (.yaml)")
    args = parser.parse_args(argv)
    path = str(Path(args.case)) if args.case else None
    return run_gui(path)


if __name__ == "__main__":
    sys.exit(main())
