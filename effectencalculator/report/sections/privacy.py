"""The privacy statement of the Verantwoording: findings by location and kind only,
never the found text."""

from __future__ import annotations

from effectencalculator.model.location import Location
from effectencalculator.model.privacy import KIND_LABELS as PRIVACY_KIND_LABELS
from effectencalculator.model.privacy import PrivacyStatus
from effectencalculator.report.content import Column, Para, Row, TableBlock
from effectencalculator.report.format import format_number

PRIVACY_CHECKED = (
    "volledige geboortedata, postcodes, telefoonnummers, e-mailadressen, BSN-achtige "
    "nummers (negen cijfers die aan de 11-proef voldoen), IBAN-rekeningnummers, kentekens, "
    "straatnamen met huisnummer en de "
    "woorden van de eigen niet-exporteren-lijst van de onderzoeker (zoals echte namen, "
    "straat en school)")


def privacy_blocks(status: PrivacyStatus | None) -> list:
    """The privacy statement. Findings are named by location and kind only: the found
    text itself may be a real name and never appears here."""
    if status is None:
        return [Para("De privacycontrole is voor dit rapport niet uitgevoerd. Controleer "
                     "het rapport daarom zelf op gegevens die het gezin of de betrokkenen "
                     "herkenbaar maken voordat u het verspreidt.")]
    out: list = [Para(
        "Voor dit rapport is de privacycontrole uitgevoerd. Alle tekst van de casus "
        "(verhaal, gebeurtenissen, perspectieven en citaten, resultaten, toelichtingen bij "
        "regels, eigen posten, maar ook codes, namen van scenario's, geschiedenis en velden "
        "die het programma niet kent) is doorzocht op "
        f"{PRIVACY_CHECKED}, ook waar tekens onzichtbaar zijn of letters op andere letters "
        "lijken.")]
    findings, accepted, open_ = status.findings, status.accepted, status.open
    if not findings:
        out.append(Para("De controle vond niets."))
        return out
    what = "mogelijk herleidbaar gegeven" if len(findings) == 1 else \
        "mogelijk herleidbare gegevens"
    out.append(Para(
        f"De controle vond {format_number(len(findings))} {what}; "
        f"daarvan {'is' if len(accepted) == 1 else 'zijn'} {format_number(len(accepted))} "
        "bewust geaccepteerd (beoordeeld en niet herleidbaar bevonden, of bewust toch "
        "geëxporteerd)"
        + (f" en {'staat' if len(open_) == 1 else 'staan'} {format_number(len(open_))} "
           "nog open." if open_ else ".")
        + " Hieronder staan ze met hun vindplaats en soort; de gevonden tekst zelf staat "
        "niet in deze verantwoording."))
    rows = [Row([privacy_location(f.path), PRIVACY_KIND_LABELS.get(f.kind, f.kind),
                 "geaccepteerd"]) for f in accepted]
    rows += [Row([privacy_location(f.path), PRIVACY_KIND_LABELS.get(f.kind, f.kind),
                  "open"]) for f in open_]
    out.append(TableBlock([Column("Vindplaats", weight=3.0), Column("Soort", weight=3.0),
                           Column("Status", weight=1.0)], rows, key="privacy"))
    return out


def privacy_location(path: str) -> str:
    """'perspectives[0].quotes[1]' → 'perspectief 1, citaat 2 (perspectives[0].quotes[1])':
    made from the location alone (``Location.text``), never from the field's content."""
    try:
        return f"{Location.parse(path).text()} ({path})"
    except ValueError:
        return path
