"""The screenshot helper for issue 15's views (scripts/capture_screenshots.py): five
pictures of the window's size and the Eigen tabel dialog, the example case itself never
changed and no table written."""

from __future__ import annotations

import hashlib
import os

from conftest import EXAMPLE_CASE, ROOT
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication


def test_capture_screenshots_of_the_example_case(qtbot, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from capture_screenshots import NAMES, render_capture

    from effectencalculator.model.tables import USER_TABLES_ENV
    monkeypatch.setenv(USER_TABLES_ENV, str(tmp_path / "mijn-tabellen"))

    before = hashlib.sha256(EXAMPLE_CASE.read_bytes()).hexdigest()
    paths = render_capture(QApplication.instance(), tmp_path / "png", EXAMPLE_CASE,
                           1366, 700, tmp_path / "werk")
    assert [p.stem for p in paths] == list(NAMES)
    for path in paths[:-1]:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 700)
    dialog = QImage(str(paths[-1]))
    assert paths[-1].stem == "gui-eigen-tabel" and dialog.width() >= 1000
    assert not list((tmp_path / "werk").rglob("regio-*.yaml"))  # shown, not saved
    assert os.environ[USER_TABLES_ENV] == str(tmp_path / "mijn-tabellen")
    assert hashlib.sha256(EXAMPLE_CASE.read_bytes()).hexdigest() == before
    # the prepared copy holds what the pictures show
    copy = (tmp_path / "werk" / "casussen" / EXAMPLE_CASE.name).read_text(encoding="utf-8")
    assert "readings:" in copy and "review:" in copy and "mechanisms:" in copy
