"""Screenshots of the privacy view and the password dialog (used by ``scripts/screenshots.py``).

The example cases are clean, so a few identifiers are planted in a copy of the open case
(never saved) and a word is put on a temporary never-export list; one finding is accepted
so both states show.
"""

from __future__ import annotations

from pathlib import Path

PLANTED_SUMMARY = ("Moeder (geboren 12-03-1988) woont aan de Kerkstraat 12a, 1234 AB; "
                   "Anneke van de Zonnebloemschool belt haar geregeld.")
PLANTED_PERSPECTIVE = "Bel mij gerust op 06-12345678 of mail naar moeder@example.nl."


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def render_privacy(app, window, outdir: Path, never_export: Path) -> list[Path]:
    """The privacy view as export gate, the never-export editor and the password dialogs."""
    from effectencalculator.ui.password import PasswordDialog
    from effectencalculator.ui.privacy_view import NeverExportDialog, PrivacyDialog

    never_export.write_text("Anneke\nZonnebloemschool\n", encoding="utf-8")
    window.ctx.never_export_path = never_export
    doc = window.doc
    case = doc.case.copy()
    case.narrative.summary = PLANTED_SUMMARY + "\n\n" + case.narrative.summary
    if case.perspectives:
        case.perspectives[0].text = PLANTED_PERSPECTIVE + " " + case.perspectives[0].text
    doc.reset(case, doc.path)
    written = []
    dialog = PrivacyDialog(window.exports.privacy, window, export_name="het rapport (PDF)")
    dialog.resize(1200, 640)
    for finding in dialog.status.findings:
        if finding.kind == "telefoon":
            dialog.select(finding)
            dialog.toggle_accept()
    for finding in dialog.status.findings:
        if finding.kind == "postcode":
            dialog.select(finding)
    dialog.show()
    _settle(app)
    written.append(outdir / "privacycontrole.png")
    dialog.grab().save(str(written[-1]))
    dialog.close()
    dialog.deleteLater()

    words = NeverExportDialog(never_export, never_export.read_text(encoding="utf-8"), window)
    words.show()
    _settle(app)
    written.append(outdir / "niet-exporteren-lijst.png")
    words.grab().save(str(written[-1]))
    words.close()

    new = PasswordDialog(window, "Versleuteld opslaan",
                         "Kies een wachtwoord voor PT-AMS-014.ecase. De casus wordt met dit "
                         "wachtwoord versleuteld opgeslagen; ook de automatische "
                         "herstelkopieën.", new=True)
    new.first.setText("geheim-wachtwoord")
    new.repeat.setText("geheim-wachtwoort")
    new.accept()  # shows why it cannot be accepted
    new.show()
    _settle(app)
    written.append(outdir / "wachtwoord-nieuw.png")
    new.grab().save(str(written[-1]))
    new.close()

    opening = PasswordDialog(window, "Wachtwoord nodig",
                             "PT-AMS-014.ecase is versleuteld. Voer het wachtwoord in om de "
                             "casus te openen.", new=False,
                             error="Het wachtwoord is onjuist, of het bestand is gewijzigd of "
                                   "beschadigd. Probeer het opnieuw.")
    opening.first.setText("fout")
    opening.show()
    _settle(app)
    written.append(outdir / "wachtwoord-openen.png")
    opening.grab().save(str(written[-1]))
    opening.close()
    doc.undo_stack.setClean()
    return written
