"""The screenshot helper for issue 15's views (scripts/capture_screenshots.py): five
pictures of the window's size, the example case itself never changed."""

from __future__ import annotations

import hashlib

from conftest import EXAMPLE_CASE, ROOT
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication


def test_capture_screenshots_of_the_example_case(qtbot, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from capture_screenshots import NAMES, render_capture

    before = hashlib.sha256(EXAMPLE_CASE.read_bytes()).hexdigest()
    paths = render_capture(QApplication.instance(), tmp_path / "png", EXAMPLE_CASE,
                           1366, 700, tmp_path / "werk")
    assert [p.stem for p in paths] == list(NAMES)
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 700)
    assert hashlib.sha256(EXAMPLE_CASE.read_bytes()).hexdigest() == before
    # the prepared copy holds what the pictures show
    copy = (tmp_path / "werk" / "casussen" / EXAMPLE_CASE.name).read_text(encoding="utf-8")
    assert "readings:" in copy and "review:" in copy and "mechanisms:" in copy
