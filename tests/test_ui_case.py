"""Build a case from scratch through the widgets, check the figures, save and reopen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_ui_support import make_window

from effectencalculator.model.calculation import calculate
from effectencalculator.model.case_schema import case_to_data
from effectencalculator.model.storage import read_case
from effectencalculator.report.format import format_euro, format_number
from effectencalculator.ui.item_picker import ItemPicker
from effectencalculator.ui.labels import PAYER_LABELS


def click(section, text: str) -> None:
    buttons = [b for b in section.findChildren(QPushButton) if b.text() == text]
    assert buttons, f"geen knop '{text}'"
    buttons[0].click()


def set_cell(model, row: int, key: str, value, role=Qt.ItemDataRole.EditRole) -> None:
    assert model.setData(model.index(row, model.column_index(key)), value, role), key


def pick_item(qtbot, page, row: int, query: str, item_id: str) -> None:
    """Type into the item picker of a line, choose the entry, press Enter."""
    index = page.model.index(row, page.model.column_index("item"))
    page.view.setCurrentIndex(index)

    def open_pickers():
        return [p for p in page.view.findChildren(ItemPicker) if p.isVisible()]
    if not open_pickers():  # "Regel toevoegen" opens it already
        page.view.edit(index)
    picker = open_pickers()[0]
    picker.clear()
    qtbot.keyClicks(picker, query)
    entries = picker.completion_entries()
    chosen = [e for e in entries if e.split(" — ")[0] == item_id]
    assert chosen, (query, entries)
    picker.completer_.popup().hide()
    picker.setText(chosen[0])
    qtbot.keyClick(picker, Qt.Key.Key_Return)  # the delegate commits (queued)
    qtbot.waitUntil(lambda: page.scenario().lines[row].item == item_id, timeout=2000)


def comparable(case) -> dict:
    data = case_to_data(case)
    data.pop("history", None)
    for key in ("cost_table_version", "cost_table_sha256"):
        data["settings"].pop(key, None)
    return data


def test_ui_build_case_from_scratch_save_and_reopen(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx)
    window.show()
    qtbot.waitExposed(window)
    doc = window.doc

    # Gegevens, with a household member
    g = window.gegevens
    qtbot.keyClicks(g.code, "PT-TST-001")
    qtbot.keyClicks(g.title_edit, "Gezin Test")
    qtbot.keyClicks(g.proeftuin, "Testregio")
    for field, text in ((g.start, "1-1-2025"), (g.end, "31-12-2025")):  # typed, as a user does
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(g.participants, "Moeder")
    assert doc.case.info.code == "PT-TST-001" and doc.case.info.participants == ["Moeder"]
    assert doc.case.info.period.start == date(2025, 1, 1)
    click(g, "Gezinslid toevoegen")
    set_cell(g.members, 0, "label", "Moeder")
    set_cell(g.members, 0, "role", "ouder")
    set_cell(g.members, 0, "birth_year", 1990)

    # Verhaal: summary and an event
    v = window.verhaal
    qtbot.keyClicks(v.summary, "Een kort verhaal.")
    click(v, "Gebeurtenis toevoegen")
    set_cell(v.events, 0, "date", date(2025, 2, 1))
    set_cell(v.events, 0, "domain", "veiligheid")
    set_cell(v.events, 0, "title", "Melding")

    # Perspectieven and Resultaten through their forms
    p = window.perspectieven
    click(p, "Perspectief toevoegen")
    qtbot.keyClicks(p.who, "Moeder")
    qtbot.keyClicks(p.text, "Het ging beter.")
    qtbot.keyClicks(p.quotes, "Ik werd gehoord.")
    for field, text in ((p.score_start, "3"), (p.score_end, "7")):
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    r = window.resultaten
    click(r, "Resultaat toevoegen")
    set_cell(r.model, 0, "direction", "verbeterd")
    qtbot.keyClicks(r.start, "Onveilig")
    qtbot.keyClicks(r.end, "Veilig")

    # Inzet: lines in both scenarios, the item chosen by typing part of its name
    window.show_section(4)
    itv = window.inzet.page("interventie")
    itv.add_line()
    pick_item(qtbot, itv, 0, "wijkteam uur", "WIJKTEAM-UUR")
    set_cell(itv.model, 0, "per", "week")
    set_cell(itv.model, 0, "quantity", 3)
    set_cell(itv.model, 0, "start", date(2025, 1, 6))
    set_cell(itv.model, 0, "end", date(2025, 6, 30))
    set_cell(itv.model, 0, "approach", Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    ref = window.inzet.page("referentie")
    window.inzet.tabs.setCurrentWidget(ref)
    ref.add_line()
    pick_item(qtbot, ref, 0, "pleeg 12-15", "PLEEGZORG-12-15-DAG")
    set_cell(ref.model, 0, "quantity", 120)
    set_cell(ref.model, 0, "probability", 40)
    ref.add_line()
    pick_item(qtbot, ref, 1, "bijstand", "BIJSTAND-GEZIN-MAAND")
    set_cell(ref.model, 1, "quantity", 6)
    set_cell(ref.model, 1, "date", date(2025, 6, 1))

    lines = doc.case.scenarios[0].lines
    assert lines[0].rate.quantity == 3 and lines[0].rate.per == "week"
    assert lines[0].approach_cost and lines[0].quantity is None
    assert doc.case.scenarios[1].lines[0].probability == 0.4

    # the results panel shows exactly the calculation's figures, without a button
    window.results.recalculate_now()
    result = calculate(doc.case, doc.table)
    c = result.comparison
    b = window.berekening
    assert b.figure_text("net_result") == format_euro(c.net_result)
    assert b.figure_text("besparingen") == format_euro(c.besparingen)
    assert b.figure_text("baten") == format_euro(c.baten)
    assert b.figure_text("investment") == format_euro(c.investment)
    assert b.figure_text("return_per_euro") == format_euro(c.return_per_euro, 2)
    # BIJSTAND is a transfer (table 2025.1): it moves money, so it shows in transfers
    assert c.net_result != 0 and c.transfers != 0
    for row, s in enumerate(result.scenarios.values()):
        assert b.scenario_model.cell(row, 2) == format_euro(s.total)
        assert b.scenario_model.cell(row, 3) == format_euro(s.by_kind["inzet"])
        assert b.scenario_model.cell(row, 4) == format_euro(s.by_kind["effect"])
        assert b.scenario_model.cell(row, 6) == format_number(len(s.unpriced_lines))
    ref_s, itv_s = result.scenarios["referentie"], result.scenarios["interventie"]
    for row, (payer, diff) in enumerate(c.by_payer.items()):
        assert b.payer_model.cell(row, 0) == PAYER_LABELS[payer]
        assert b.payer_model.cell(row, 1) == format_euro(itv_s.by_payer.get(payer, 0.0))
        assert b.payer_model.cell(row, 2) == format_euro(ref_s.by_payer.get(payer, 0.0))
        assert b.payer_model.cell(row, 3) == format_euro(diff)
        assert b.payer_model.cell(row, 4) == format_euro(c.besparingen_by_payer.get(payer, 0.0))
        assert b.payer_model.cell(row, 5) == format_euro(c.baten_by_payer.get(payer, 0.0))
    for row, line_result in enumerate(result.scenarios["referentie"].lines):
        cost = ref.model.index(row, ref.model.column_index("cost")).data()
        assert cost == format_euro(line_result.cost)

    # save (modified marker goes), reopen in a new window, compare equal
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    target = tmp_path / "pt-tst-001.yaml"
    ctx.dialogs.save_path = str(target)
    window.actions_.save.trigger()
    assert not window.isWindowModified() and ctx.dialogs.errors == []
    assert window.windowTitle().startswith("pt-tst-001.yaml[*]")
    saved, findings = read_case(target)
    assert not findings.has_errors, [f.format() for f in findings]
    assert comparable(saved) == comparable(doc.case)
    assert saved.settings.cost_table == "nl-jeugd-gezin" and saved.settings.cost_table_sha256
    assert str(target.resolve()) in ctx.settings.recent_files()

    other = make_window(qtbot, ctx, target)
    assert comparable(other.doc.case) == comparable(doc.case)
    assert other.berekening.figure_text("net_result") == format_euro(c.net_result)
    assert saved.perspectives[0].safety_score.start == 3
    assert saved.household[0].birth_year == 1990
    assert saved.outcomes[0].start == "Onveilig"
