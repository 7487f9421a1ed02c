"""Screenshots of the capture views of issue 15, for the README (``docs/images/``):
``python scripts/capture_screenshots.py OUTDIR [CASE]`` (also run by
``scripts/screenshots.py``).

The example cases hold no readings, review or mechanisms, so a copy of the case is
given them in a temporary folder (never saved over the example), beside a second case
whose tags the completer offers: the readings per person in Resultaten, the arithmetic
column in Inzet, a block pasted into the lines table, the review state in Gegevens, the
mechanism tags in Verhaal with the completer open, and Kostentabel → Eigen tabel maken
(its tables folder a temporary one; its figures examples, said so in their source).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "pt-ams-014-noordhoek.yaml"
NAMES = ("gui-resultaten-aflezingen", "gui-inzet-berekening", "gui-inzet-plakken",
         "gui-gegevens-beoordeling", "gui-verhaal-mechanismen", "gui-eigen-tabel")
#: the own table of the picture: example figures, said to be so in their source
OWN_TARIFF = {"tariff": "15.400,00", "price_year": "2025", "low": "14.000",
              "high": "16.500", "source": "Voorbeeld: contract GI regio 2025 (fictief)"}
OWN_ITEM = {"id": "RVT-DUO-UUR", "name": "Regionaal veiligheidsteam - uur (duo)",
            "category": "Veiligheid", "kind": "inzet", "unit": "uur", "payer": "gemeente",
            "tariff": "185,00", "price_year": "2025"}


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def _prepare(case_path: Path, folder: Path) -> Path:
    """A copy of the case with readings, a review and tags, and a second case beside it."""
    from effectencalculator.model.case import Mechanism, Reading, Review
    from effectencalculator.model.storage import load_case, save_case

    case = load_case(case_path)
    if case.outcomes:
        first = case.outcomes[0]
        first.scale, first.agreed = "zrm", False
        first.readings = [Reading("Moeder", 2, 4), Reading("Vader", 2, 3),
                          Reading("Professional lokaal team", 1, 4, "na het veiligheidsplan")]
    case.info.review = Review("gecontroleerd", "Tweede onderzoeker proeftuin A",
                              date(2026, 6, 25))
    case.narrative.mechanisms = [Mechanism("snellere hulp", "kostenverlagend"),
                                 Mechanism("schulden eerder aangepakt", "kostenverlagend"),
                                 Mechanism("meer inzet lokaal team", "kostenverhogend")]
    target = folder / case_path.name
    save_case(case, target)
    other = load_case(case_path)
    other.info.code = "PT-AMS-021"
    other.narrative.mechanisms = [Mechanism("geen overdrachten", "kostenverlagend"),
                                  Mechanism("één plan met het gezin", "kostenverlagend"),
                                  Mechanism("uithuisplaatsing voorkomen", "kostenverlagend"),
                                  Mechanism("langere overdracht naar nazorg",
                                            "kostenverhogend")]
    save_case(other, folder / "pt-ams-021.yaml")
    return target


def _with_popup(window, popup):
    """The window's picture with a popup (a window of its own) painted where it shows."""
    from PySide6.QtGui import QPainter

    picture = window.grab()
    painter = QPainter(picture)
    offset = popup.mapToGlobal(popup.rect().topLeft()) - window.mapToGlobal(
        window.rect().topLeft())
    painter.drawPixmap(offset, popup.grab())
    painter.end()
    return picture


def render_capture(app, outdir: Path, case_path: Path, width: int, height: int,
                   tmp: Path) -> list[Path]:
    """One PNG per capture view, named as in ``NAMES``."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtTest import QTest

    from effectencalculator.ui.main_window import MainWindow
    from effectencalculator.ui.services import AppContext, SyncRunner
    from effectencalculator.ui.settings import UiSettings
    from effectencalculator.ui.table_clipboard import copy_text

    folder = tmp / "casussen"
    folder.mkdir(parents=True, exist_ok=True)
    path = _prepare(case_path, folder)
    from effectencalculator.model.tables import USER_TABLES_ENV
    user_tables = os.environ.get(USER_TABLES_ENV)
    os.environ[USER_TABLES_ENV] = str(tmp / "tabellen")  # nothing lands in the user's
    settings = QSettings(str(tmp / "capture.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(settings=UiSettings(settings), recovery_dir=tmp / "herstel-capture",
                     runner=SyncRunner(), never_export_path=tmp / "niet-exporteren.txt")
    window = MainWindow(ctx)
    if not window.controller.open_path(path, ask=False):
        raise SystemExit(f"{path} kan niet worden geopend")
    window.results.recalculate_now()
    window.resize(width, height)
    window.show()
    window.statusBar().clearMessage()  # "Geopend: /tmp/…" would show a machine's path
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(name: str, picture=None) -> None:
        _settle(app)
        written.append(outdir / f"{name}.png")
        image = (picture or window.grab()).toImage()
        # a colour map, as the README's other pictures: a third of the bytes
        image.convertToFormat(QImage.Format.Format_Indexed8,
                              Qt.ImageConversionFlag.ThresholdDither).save(str(written[-1]))

    window.show_section(window.sections.index(window.resultaten))
    save(NAMES[0])

    inzet = window.inzet
    window.show_section(window.sections.index(inzet))
    page_index = min(1, len(inzet.pages) - 1)  # the reference scenario: the most lines
    inzet.tabs.setCurrentIndex(page_index)
    inzet.calculation_toggle.setChecked(True)
    page = inzet.pages[page_index]
    _settle(app)
    scroll = page.view.horizontalScrollBar()
    scroll.setValue(scroll.maximum())  # the whole computation, beside quantity and cost
    save(NAMES[1])
    scroll.setValue(0)
    inzet.calculation_toggle.setChecked(False)
    rows = list(range(min(3, page.model.rowCount())))
    block = copy_text(page.model, rows)
    page.view.setCurrentIndex(page.model.index(page.model.rowCount() - 1, 0))
    page.view.clipboard.paste(block)
    page.view.scrollToBottom()
    save(NAMES[2])
    window.doc.undo_stack.undo()
    window.results.recalculate_now()
    window.statusBar().clearMessage()

    window.show_section(window.sections.index(window.gegevens))
    save(NAMES[3])

    window.show_section(window.sections.index(window.verhaal))
    tags = window.verhaal.mechanisms
    window.activateWindow()
    tags.input.setFocus()
    QTest.keyClicks(tags.input, "over")
    _settle(app)
    popup = tags.completer.popup()
    save(NAMES[4], _with_popup(window, popup) if popup is not None and popup.isVisible()
         else None)
    if popup is not None:
        popup.hide()
    tags.input.clear()

    window.show_section(window.sections.index(window.kostentabel))
    dialog = window.kostentabel.make_own_table()
    if dialog is not None:
        _fill_own_table(dialog)
        _settle(app)
        save(NAMES[5], dialog.grab())
        dialog.reject()
    if user_tables is None:
        os.environ.pop(USER_TABLES_ENV, None)
    else:
        os.environ[USER_TABLES_ENV] = user_tables

    window.doc.undo_stack.setClean()
    window.close()
    _settle(app)
    return written


def _fill_own_table(dialog) -> None:
    """A region's table as a researcher types it: a tariff taken over with its year and
    source, and a new item whose source is still missing (named below the table)."""
    for edit, text in ((dialog.name_edit, "regio-utrecht-west"),
                       (dialog.version_edit, "2026.1"),
                       (dialog.title_edit, "Tarieven Utrecht-West"),
                       (dialog.description_edit, "Contractprijzen van de regio")):
        edit.setText(text)
        edit.textEdited.emit(text)
    draft = dialog.draft
    row = draft.add_base_item("OTS-JAAR1")
    for key, text in OWN_TARIFF.items():
        draft.set_text(row, key, text)
    row = draft.add_new_item()
    for key, text in OWN_ITEM.items():
        draft.set_text(row, key, text)
    dialog.model.reset()  # the missing source shows red below the table, and in its cell


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/capture_screenshots.py",
                                     description="Schermafbeeldingen van de invoer uit "
                                                 "issue 15 (PNG)")
    parser.add_argument("outdir", metavar="MAP")
    parser.add_argument("case", nargs="?", default=str(EXAMPLE), metavar="CASUS")
    parser.add_argument("--size", default="1366x700", help="BREEDTExHOOGTE")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from effectencalculator.ui.app import application

    app = application()
    width, height = (int(v) for v in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        for path in render_capture(app, Path(args.outdir), Path(args.case), width, height,
                                   Path(tmp)):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
