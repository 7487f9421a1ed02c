"""Every action of the window in one place, with standard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Std = QKeySequence.StandardKey


@dataclass
class Actions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    export_report: QAction
    export_csv: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    add_line: QAction
    privacy_check: QAction
    never_export: QAction
    sections: list[QAction]
    export_sheets: QAction
    compare_cases: QAction
    session_view: QAction


def action_data(sender: QObject | None) -> Any:
    """The data of the action whose ``triggered`` called a slot (``self.sender()``), so
    one bound method serves a list of actions (no lambda per action); None otherwise."""
    return sender.data() if isinstance(sender, QAction) else None


def _action(parent: QWidget, text: str, shortcuts=(), tip: str = "") -> QAction:
    action = QAction(text, parent)
    keys = []
    for shortcut in shortcuts:
        keys += (QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Std)
                 else [QKeySequence(shortcut)])
    unique = []
    for key in keys:
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    if unique:
        action.setShortcuts(unique)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def build_actions(window: QWidget, undo_stack, section_titles: list[str]) -> Actions:
    undo = undo_stack.createUndoAction(window, "Ongedaan maken:")
    undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
    redo = undo_stack.createRedoAction(window, "Opnieuw:")
    redo.setShortcuts(QKeySequence.keyBindings(Std.Redo) + [QKeySequence("Ctrl+Y")])
    sections = []
    for i, title in enumerate(section_titles):
        action = _action(window, title, [f"Ctrl+{i + 1}"], f"Ga naar {title}")
        action.setCheckable(True)
        sections.append(action)
    return Actions(
        new=_action(window, "&Nieuwe casus", [Std.New], "Begin een nieuwe, lege casus"),
        open=_action(window, "&Openen…", [Std.Open], "Open een casusbestand"),
        save=_action(window, "Op&slaan", [Std.Save], "Sla de casus op"),
        save_as=_action(window, "Opslaan &als…", [Std.SaveAs, "Ctrl+Shift+S"],
                        "Sla de casus op onder een andere naam"),
        export_report=_action(window, "&Rapport exporteren…", ["Ctrl+P"],
                              "Maak het casusrapport: volledig of kort, als PDF of als "
                              "bewerkbaar Word-document, met de onderdelen die u kiest"),
        export_csv=_action(window, "Samenvatting exporteren (&CSV)…", ["Ctrl+E"],
                           "Bewaar de kerncijfers als CSV (voor Excel)"),
        quit=_action(window, "&Afsluiten", [Std.Quit, "Ctrl+Q"], "Sluit het programma"),
        undo=undo,
        redo=redo,
        privacy_check=_action(window, "&Privacycontrole…", ["Ctrl+Shift+P"],
                              "Zoek in alle vrije tekst naar wat het gezin of betrokkenen "
                              "herkenbaar maakt; aanpassen of accepteren"),
        never_export=_action(window, "&Niet-exporteren-lijst…", [],
                             "Uw eigen lijst met echte namen, straat, school (alleen op deze "
                             "computer)"),
        add_line=_action(window, "Regel &toevoegen", ["Ctrl+Shift+R"],
                         "Voeg een inzetregel toe aan het huidige scenario"),
        sections=sections,
        export_sheets=_action(window, "Casus exporteren als &spreadsheet (XLSX/CSV)…",
                              ["Ctrl+Shift+E"], "Samenvatting, regels per scenario en posten "
                              "met bronnen als Excel-werkmap of CSV-bestanden"),
        compare_cases=_action(window, "Casussen &vergelijken…", [],
                              "Open een map met casussen en vergelijk ze (portfolio)"),
        session_view=_action(window, "&Sessieweergave (tijdlijn, volledig scherm)", ["F11"],
                             "De tijdlijn groot op een beamer of groot scherm, met de "
                             "totalen per scenario (F11 of Esc: terug)"),
    )
