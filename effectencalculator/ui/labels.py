"""Dutch labels and the explanations shown as tooltips, in one place."""

from __future__ import annotations

ROLE_LABELS = {"intervention": "interventie", "reference": "referentie", "variant": "variant"}

PAYER_LABELS = {
    "gemeente": "Gemeente", "rijk": "Rijk", "zorgverzekeraar": "Zorgverzekeraar",
    "uwv": "UWV", "werkgever": "Werkgever", "onderwijs": "Onderwijs",
    "huishouden": "Huishouden", "overig": "Overig", "wlz": "Wlz (langdurige zorg)",
}

KIND_LABELS = {"inzet": "inzet", "effect": "effect"}

RATE_LABELS = {"": "totaal", "dag": "per dag", "week": "per week", "maand": "per maand",
               "jaar": "per jaar"}

def scenario_choice_label(scenario_id: str, role: str) -> str:
    """'referentie' for a scenario whose id is its role, else 'variant-1 (variant)'."""
    role_label = ROLE_LABELS.get(role, role)
    return scenario_id if scenario_id == role_label else f"{scenario_id} ({role_label})"


EXPLAIN = {
    "interventie": "Interventie: wat er met de nieuwe werkwijze werkelijk is gebeurd.",
    "referentie": "Referentie: wat er in het huidige stelsel waarschijnlijk was gebeurd "
                  "(bijvoorbeeld melding → raadsonderzoek → ondertoezichtstelling → "
                  "uithuisplaatsing). Een reconstructie, geen waarneming.",
    "variant": "Variant: een ander denkbaar verloop, naast interventie en referentie.",
    "besparingen": "Potentiële besparingen: de kosten van zorg, ondersteuning, bescherming en "
                   "justitie (soort 'inzet') in de referentie min die in de interventie. Een "
                   "schatting op basis van een gereconstrueerd verloop, geen kasstroom.",
    "baten": "Baten: het verschil in andere maatschappelijke kosten en opbrengsten (soort "
             "'effect': uitkeringen, productiviteitsverlies, school) tussen referentie en "
             "interventie.",
    "net_result": "Netto resultaat: totaal van de referentie min totaal van de interventie "
                  "(besparingen + baten). Positief: de nieuwe werkwijze kost de samenleving "
                  "minder.",
    "investment": "Investering: de kosten van de nieuwe aanpak zelf, de regels van de "
                  "interventie die als 'kosten van de aanpak' zijn gemarkeerd.",
    "return_per_euro": "Opbrengst per geïnvesteerde euro: (netto resultaat + investering) / "
                       "investering. Alleen te berekenen als er een investering is.",
    "unpriced": "Niet geprijsd: regels waarvan de post niet in de kostentabel of de eigen "
                "posten staat. Ze worden bewaard maar tellen nergens mee.",
    "probability": "Kans dat deze inzet (in dit scenario) zou plaatsvinden: 100% voor wat er "
                   "gebeurd is; in de referentie de geschatte waarschijnlijkheid.",
    "approach_cost": "Kosten van de aanpak: deze regel is een kostenpost van de nieuwe "
                     "werkwijze zelf en telt mee in de investering.",
    "price_year": "Prijspeil: het jaar waarin alle bedragen worden uitgedrukt. Tarieven worden "
                  "met de prijsindex van de tabel naar dit jaar omgerekend.",
    "discount": "Discontering: bedragen in latere jaren tellen minder zwaar. In de "
                "Effectencalculator-praktijk staat dit uit; de MKBA-standaard is 2,25% per jaar.",
    "horizon": "Tijdshorizon: tel alleen de eerste N kalenderjaren vanaf het begin van de "
               "casusperiode.",
    "kind": "Soort: 'inzet' (zorg, ondersteuning, bescherming, justitie — het verschil is een "
            "besparing) of 'effect' (andere maatschappelijke kosten — het verschil zijn baten).",
}
