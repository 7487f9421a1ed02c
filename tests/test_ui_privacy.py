"""The privacy view: every planted identifier listed, fixed in place (undoable) or
accepted (undoable); exports wait for it; the never-export list editor."""

from __future__ import annotations

import io
import re

import pytest
from conftest import EXAMPLE_CASE
from pypdf import PdfReader
from test_ui_support import make_window

from effectencalculator.model.privacy import KIND_LABELS
from effectencalculator.model.storage import load_case, read_case, save_case
from effectencalculator.report.content_sections import privacy_location
from effectencalculator.ui.privacy_fields import describe, field_ref, new_value, replace_at
from effectencalculator.ui.privacy_view import NeverExportDialog, PrivacyDialog
from effectencalculator.ui.report_dialog import ReportChoice

SUMMARY = "Moeder (geboren 12-03-1988) woont aan de Kerkstraat 12a, 1234 AB in de stad."
PERSPECTIVE = "Bel mij op 06-12345678 of mail naar moeder@example.nl."
QUOTE = "Mijn BSN is 123456782, zei ze."
NOTE = "Afspraak met juf Anneke van de Zonnebloemschool."
WORDS = "# eigen lijst\nAnneke\nZonnebloemschool\n"
#: every planted identifier: (location, kind, text)
PLANTED = {
    ("narrative.summary", "geboortedatum", "12-03-1988"),
    ("narrative.summary", "adres", "Kerkstraat 12a"),
    ("narrative.summary", "postcode", "1234 AB"),
    ("perspectives[0].text", "telefoon", "06-12345678"),
    ("perspectives[0].text", "email", "moeder@example.nl"),
    ("perspectives[0].quotes[0]", "bsn", "123456782"),
    ("scenarios[0].lines[0].note", "verboden woord", "Anneke"),
    ("scenarios[0].lines[0].note", "verboden woord", "Zonnebloemschool"),
}


@pytest.fixture
def planted(tmp_path, ctx):
    """The example case with identifiers planted in four fields, and the word list."""
    case = load_case(EXAMPLE_CASE)
    case.narrative.summary += "\n\n" + SUMMARY
    case.perspectives[0].text = PERSPECTIVE
    case.perspectives[0].quotes[0] = QUOTE
    case.scenarios[0].lines[0].note = NOTE
    path = tmp_path / "herkenbaar.yaml"
    save_case(case, path)
    ctx.never_export_path.write_text(WORDS, encoding="utf-8")
    return path


def rows(view: PrivacyDialog) -> list[tuple[str, str, str, str]]:
    out = []
    for i in range(view.list.topLevelItemCount()):
        item = view.list.topLevelItem(i)
        out.append(tuple(item.text(c) for c in range(4)))
    return out


def select(view: PrivacyDialog, kind: str, text: str):
    for finding in view.status.findings:
        if finding.kind == kind and finding.text == text:
            view.select(finding)
            assert view.current_finding() == finding
            return finding
    raise AssertionError(f"{kind} {text} niet gevonden")


def found(view: PrivacyDialog) -> set:
    return {(f.path, f.kind, f.text) for f in view.status.findings}


def test_ui_privacy_view_lists_every_planted_identifier(qtbot, ctx, planted):
    window = make_window(qtbot, ctx, planted)
    action = window.actions_.privacy_check
    assert "Ctrl+Shift+P" in [s.toString() for s in action.shortcuts()]
    action.trigger()                                   # Extra → Privacycontrole…
    view = window.exports.privacy.view
    assert view is not None and view.isVisible()
    assert found(view) == PLANTED
    listed = rows(view)
    assert len(listed) == len(PLANTED)
    assert all(status == "open" for status, *_ in listed)
    # location in Dutch (section › record › field), the kind, the text with its context
    assert ("open", "Verhaal › samenvatting", KIND_LABELS["postcode"]) in \
        [r[:3] for r in listed]
    assert any(r[1] == "Perspectieven › perspectief 1 › citaat 1" and "123456782" in r[3]
               for r in listed)
    assert any(r[1].startswith("Inzet › scenario 1 (interventie) › regel 1 (")
               and r[1].endswith("› toelichting") and "juf Anneke van de" in r[3]
               for r in listed)
    assert "8 open meldingen van 8" in view.summary.text()
    assert "2 woorden" in view.scope.text()
    # selecting a finding shows the whole field, the finding marked
    select(view, "email", "moeder@example.nl")
    assert view.editor.toPlainText() == PERSPECTIVE
    marks = view.editor.extraSelections()
    assert {m.cursor.selectedText() for m in marks} == {"06-12345678", "moeder@example.nl"}
    assert "Perspectieven › perspectief 1 › verhaal" in view.where.text()
    # "Toon in de casus" shows the section in the main window
    view.goto_button.click()
    assert window.stack.currentWidget() is window.perspectieven
    view.close()
    assert window.exports.privacy.view is None
    window.doc.undo_stack.setClean()


def test_ui_privacy_fix_in_place_is_undoable(qtbot, ctx, planted):
    window = make_window(qtbot, ctx, planted)
    view = window.exports.privacy.open_view()
    stack = window.doc.undo_stack

    select(view, "postcode", "1234 AB")
    assert view.replacement.text() == "[postcode]"
    assert view.replace_current()
    summary = window.doc.case.narrative.summary
    assert "1234 AB" not in summary and "Kerkstraat 12a, [postcode] in de stad" in summary
    assert ("narrative.summary", "postcode", "1234 AB") not in found(view)
    assert len(view.status.findings) == len(PLANTED) - 1
    assert window.isWindowModified()
    assert "privacy" in stack.undoText() and "samenvatting" in stack.undoText()
    # the next open finding is selected, so the researcher can go on
    assert view.current_finding() is not None

    stack.undo()                                       # undo brings it back
    assert "1234 AB" in window.doc.case.narrative.summary
    assert found(view) == PLANTED
    stack.redo()
    assert ("narrative.summary", "postcode", "1234 AB") not in found(view)

    # edit a whole field by hand: a quote (one entry of a list of strings)
    select(view, "bsn", "123456782")
    view.editor.setPlainText("Mijn nummer gaf ik niet, zei ze.")
    assert view.apply_button.isEnabled()
    assert view.apply_edit()
    assert window.doc.case.perspectives[0].quotes[0] == "Mijn nummer gaf ik niet, zei ze."
    assert window.doc.case.perspectives[0].quotes[1:] == load_case(
        EXAMPLE_CASE).perspectives[0].quotes[1:]
    assert not any(k == "bsn" for _, k, _ in found(view))
    view.undo_action.trigger()                         # the view's own undo button
    assert window.doc.case.perspectives[0].quotes[0] == QUOTE
    assert ("perspectives[0].quotes[0]", "bsn", "123456782") in found(view)

    # the section editor follows (same document, same signals)
    select(view, "verboden woord", "Anneke")
    view.replacement.setText("de leerkracht")
    assert view.replace_current()
    assert window.doc.case.scenarios[0].lines[0].note == \
        "Afspraak met juf de leerkracht van de Zonnebloemschool."
    view.close()
    window.doc.undo_stack.setClean()


def test_ui_privacy_accept_is_undoable_and_stores_no_text(qtbot, ctx, planted, tmp_path):
    window = make_window(qtbot, ctx, planted)
    view = window.exports.privacy.open_view()
    finding = select(view, "verboden woord", "Zonnebloemschool")
    assert view.accept_button.text() == "Accepteren"
    view.accept_button.click()
    assert window.doc.case.settings.privacy_accepted == [finding.key]
    assert "Zonnebloemschool" not in finding.key
    assert view.current_finding() == finding            # still selected, now accepted
    assert view.accept_button.text() == "Acceptatie intrekken"
    status = {r[3]: r[0] for r in rows(view)}
    assert [s for t, s in status.items() if "“Zonnebloemschool”" in t] == ["geaccepteerd"]
    assert "7 open meldingen van 8" in view.summary.text()

    window.doc.undo_stack.undo()
    assert window.doc.case.settings.privacy_accepted == []
    window.doc.undo_stack.redo()
    # saved: the acceptance is in the file, the word is not
    ctx.dialogs.save_path = str(tmp_path / "geaccepteerd.yaml")
    assert window.controller.save_as()
    text = (tmp_path / "geaccepteerd.yaml").read_text(encoding="utf-8")
    assert finding.key in text and text.count("Zonnebloemschool") == 1  # only in the note
    # withdraw the acceptance
    view.accept_button.click()
    assert window.doc.case.settings.privacy_accepted == []
    view.close()
    window.doc.undo_stack.setClean()


def test_ui_export_waits_for_the_privacy_view(qtbot, ctx, planted, tmp_path):
    window = make_window(qtbot, ctx, planted)
    dialogs = ctx.dialogs
    dialogs.save_path = str(tmp_path / "samenvatting.csv")

    # the user closes the view without doing anything: no export, no file
    shown = []
    dialogs.on_dialog = shown.append
    assert window.exports.export_csv() is None
    assert not (tmp_path / "samenvatting.csv").exists()
    assert isinstance(shown[0], PrivacyDialog) and shown[0].export_name
    messages = []
    window.exports.status.connect(messages.append)

    # Exporteren stays disabled while anything is open
    def try_export(view: PrivacyDialog):
        assert "wacht" in view.findChild(type(view.summary), "privacy_banner").text()
        assert not view.export_button.isEnabled()
        view.export_button.click()
    dialogs.on_dialog = try_export
    assert window.exports.export_csv() is None
    assert messages and "8 open meldingen" in messages[-1]

    # fix five, accept three one by one, then export the PDF
    accepted = {("perspectives[0].text", "telefoon"), ("scenarios[0].lines[0].note",
                                                       "verboden woord")}

    def review(view: PrivacyDialog):
        for kind, text in (("postcode", "1234 AB"), ("adres", "Kerkstraat 12a"),
                           ("geboortedatum", "12-03-1988"), ("email", "moeder@example.nl"),
                           ("bsn", "123456782")):
            select(view, kind, text)
            assert view.replace_current()
        for finding in list(view.status.open):
            assert (finding.path, finding.kind) in accepted
            view.select(finding)
            view.accept_button.click()
        assert view.status.clean and view.export_button.isEnabled()
        view.export_button.click()
    dialogs.on_dialog = review
    dialogs.save_path = str(tmp_path / "rapport.pdf")
    dialogs.yes_no = False                              # do not open the folder
    window.exports.write_report(ReportChoice())
    pdf = tmp_path / "rapport.pdf"
    assert pdf.exists(), dialogs.errors
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    squeezed = re.sub(r"\s+", "", text)
    assert "privacycontrole uitgevoerd" in text
    assert "daarvan zijn 3 bewust geaccepteerd" in text
    for finding in window.doc.case.settings.privacy_accepted:
        path, kind, _ = finding.split("|")
        assert re.sub(r"\s+", "", privacy_location(path)) in squeezed
        assert re.sub(r"\s+", "", KIND_LABELS[kind]) in squeezed
    # the statement names the accepted findings without their text; the fixed ones are
    # nowhere in the report (the accepted ones are, in their fields: that is accepting)
    start = text.index("privacycontrole uitgevoerd")
    end = text.find("Opslaggeschiedenis", start)
    statement = text[start:end if end > 0 else start + 3000]
    for secret in ("Anneke", "Zonnebloemschool", "06-12345678"):
        assert secret not in statement, secret
    for fixed in ("1234 AB", "moeder@", "Kerkstraat 12a", "12-03-1988", "123456782"):
        assert fixed not in text, fixed
    # the fixes are edits of the case: undoable, and the case is modified
    assert window.isWindowModified()
    window.doc.undo_stack.setClean()


def test_ui_accept_all_needs_a_confirmation(qtbot, ctx, planted, tmp_path):
    window = make_window(qtbot, ctx, planted)
    view = window.exports.privacy.open_view()
    ctx.dialogs.yes_no = False
    assert not view.accept_all()
    assert window.doc.case.settings.privacy_accepted == []
    ctx.dialogs.yes_no = True
    assert view.accept_all()
    assert len(window.doc.case.settings.privacy_accepted) == len(PLANTED)
    assert view.status.clean and not view.accept_all_button.isEnabled()
    assert window.doc.undo_stack.undoText() == "8 privacymeldingen accepteren"
    window.doc.undo_stack.undo()                       # one step undoes them all
    assert window.doc.case.settings.privacy_accepted == []
    view.close()
    window.doc.undo_stack.setClean()


def test_ui_never_export_list_editor(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    path = ctx.never_export_path
    assert not path.exists()
    view = window.exports.privacy.open_view()
    assert view.status.findings == [] and "de lijst is nog leeg" in view.scope.text()

    def fill(dialog):
        assert isinstance(dialog, NeverExportDialog)
        assert str(path) in " ".join(label.text() for label in dialog.findChildren(
            type(view.summary)))
        dialog.editor.setPlainText("Noordhoek\n\nAmsterdam-Noord  \n")
        dialog.accept()
    ctx.dialogs.on_dialog = fill
    assert window.exports.privacy.edit_never_export()
    assert path.read_text(encoding="utf-8") == "Noordhoek\n\nAmsterdam-Noord\n"
    assert path.stat().st_mode & 0o777 == 0o600
    # the open view follows at once; the case itself is not changed
    assert {f.text for f in view.status.findings} >= {"Noordhoek"}
    assert all(f.kind == "verboden woord" for f in view.status.findings)
    assert not window.isWindowModified()
    assert "Noordhoek" not in window.doc.case.settings.privacy_accepted

    # cancel leaves the file alone
    ctx.dialogs.on_dialog = lambda dialog: (dialog.editor.setPlainText("x"), dialog.reject())
    assert not window.exports.privacy.edit_never_export()
    assert path.read_text(encoding="utf-8") == "Noordhoek\n\nAmsterdam-Noord\n"
    # the action in the Extra menu opens the same editor
    ctx.dialogs.on_dialog = None
    window.actions_.never_export.trigger()
    assert ctx.dialogs.dialogs_shown[-1] == "NeverExportDialog"
    view.close()


def test_ui_privacy_field_locations(tmp_path):
    case = load_case(EXAMPLE_CASE)
    ref = field_ref("case.participants[1]")
    assert (ref.record, ref.attr, ref.index, ref.section) == (("info",), "participants", 1,
                                                             "Gegevens")
    ref = field_ref("narrative.events[2].description")
    assert (ref.record, ref.attr, ref.index) == (("narrative", "events", 2), "description",
                                                 None)
    assert describe(case, "narrative.events[0].description").startswith(
        "Verhaal › gebeurtenis 1 (")
    assert describe(case, "custom_items[0].source_note").endswith("› bronvermelding")
    quotes = field_ref("perspectives[0].quotes[0]")
    values = new_value(case, quotes, "")
    assert values == case.perspectives[0].quotes[1:]   # an emptied quote goes away
    assert replace_at("a 1234 AB b 1234 AB", 12, "1234 AB", "X") == "a 1234 AB b X"
    assert replace_at("moved 1234 AB", 0, "1234 AB", "X") == "moved X"
    with pytest.raises(ValueError):
        field_ref("onzin")


def test_ui_privacy_clean_case_exports_without_asking(qtbot, ctx, tmp_path):
    window = make_window(qtbot, ctx, EXAMPLE_CASE)
    ctx.dialogs.save_path = str(tmp_path / "s.csv")
    assert window.exports.export_csv() == tmp_path / "s.csv"
    assert ctx.dialogs.dialogs_shown == []
    assert read_case(EXAMPLE_CASE)[0].settings.privacy_accepted == []
