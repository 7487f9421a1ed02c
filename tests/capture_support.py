"""Helpers for the capture tests (readings, review, mechanisms, own table, arithmetic):
open a case priced with the small test table, and type into cells as a user does."""

from __future__ import annotations

from pathlib import Path

from conftest import TEST_TABLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from test_ui_support import make_window

from effectencalculator.model.tables import USER_TABLES_ENV


def tables_folder(tmp_path: Path, monkeypatch) -> Path:
    """The user's tables folder for this test, holding the test table."""
    folder = tmp_path / "tabellen"
    folder.mkdir(exist_ok=True)
    (folder / "test-tabel.yaml").write_text(TEST_TABLE, encoding="utf-8")
    monkeypatch.setenv(USER_TABLES_ENV, str(folder))
    return folder


def open_window(qtbot, ctx, tmp_path: Path, monkeypatch, text: str | None = None,
                path: Path | None = None):
    """A shown window on ``path`` (or a new file holding ``text``)."""
    tables_folder(tmp_path, monkeypatch)
    if path is None:
        path = tmp_path / "casus.yaml"
        path.write_text(text or "", encoding="utf-8")
    window = make_window(qtbot, ctx, path)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def cell_editor(view, index) -> QLineEdit:
    view.setCurrentIndex(index)
    assert view.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)
    editor = QApplication.focusWidget()
    viewport = view.viewport()
    if editor is None or not viewport.isAncestorOf(editor):  # the window is not active
        shown = [w for w in viewport.findChildren(QWidget)
                 if w.isVisible() and w.parent() is viewport]
        assert len(shown) == 1, shown
        editor = shown[0]
    if isinstance(editor, QLineEdit):
        return editor
    line = editor.findChild(QLineEdit)
    assert line is not None
    return line


def type_in_cell(qtbot, view, index, text: str) -> QLineEdit | None:
    """Open the cell's editor, type over its text, press Enter; the editor when it
    stayed open (the text was refused), else None."""
    editor = cell_editor(view, index)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits through a queued call
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState
                    or editor.property("invalid") is True, timeout=1000)
    if view.state() == QAbstractItemView.State.EditingState:
        return editor
    return None
