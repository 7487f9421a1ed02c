"""A corpus to measure the privacy check: realistic identifiers per kind, and innocent
look-alikes from real case text (amounts, case and item codes, years, hours, event dates).

Identifiers are generated with a fixed seed (valid BSNs, IBANs with their check digits,
plates in the official sidecodes, Dutch dates, phone and postcode forms) in Dutch
sentences; a share is disguised as someone hiding them would (zero-width characters,
Cyrillic letters, non-breaking spaces and hyphens, full-width digits). Hand-written
tricky samples sit beside them. ``test_privacy_corpus.py`` prints the rates; the README
quotes them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SEED = 20261203
PER_KIND = 160

#: the never-export list the corpus is scanned with
NEVER_EXPORT = ["Anneke", "Jansen", "de Vries", "Zonnebloemschool", "Mohammed El Amrani",
                "Yilmaz", "Bakker", "van der Berg", "Noor", "Kerkhoven"]


@dataclass(frozen=True)
class Sample:
    kind: str        # the kind that must be found; "" for an innocent look-alike
    text: str
    note: str = ""   # how it was made (generated form, disguise, hand-written)


_CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
             "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "B": "В", "H": "Н",
             "K": "К", "M": "М", "T": "Т", "X": "Х"}
_INVISIBLE = ["\u200b", "\u2060", "\u00ad", "\u200c", "\u200d", "\u2063", "\u202a"]


def disguise(text: str, rng: random.Random) -> tuple[str, str]:
    """One disguise applied to an identifier, and its name."""
    how = rng.choice(["zwsp", "cyrillic", "nbsp", "dash", "fullwidth"])
    if how == "zwsp" and len(text) > 2:
        i = rng.randrange(1, len(text) - 1)
        return text[:i] + rng.choice(_INVISIBLE) + text[i:], how
    if how == "cyrillic":
        spots = [i for i, c in enumerate(text) if c in _CYRILLIC]
        if spots:
            i = rng.choice(spots)
            return text[:i] + _CYRILLIC[text[i]] + text[i + 1:], how
    if how == "nbsp" and " " in text:
        return text.replace(" ", rng.choice(["\u00a0", "\u202f", "\u2009"])), how
    if how == "dash" and "-" in text:
        return text.replace("-", rng.choice(["\u2011", "\u2013", "\u2012", "\u2212"])), how
    if how == "fullwidth" and any(c.isdigit() for c in text):
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text), how
    i = rng.randrange(1, max(2, len(text) - 1))
    return text[:i] + "\u200b" + text[i:], "zwsp"


def _maybe_disguise(value: str, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.35:
        return disguise(value, rng)
    return value, "plain"


# -- generators ---------------------------------------------------------------------------
_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]
_SHORT_MONTHS = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.",
                 "okt.", "nov.", "dec."]
_PLACES = ["Amsterdam", "Utrecht", "Zwolle", "Apeldoorn", "Den Haag", "Rotterdam", "Ede",
           "Almere", "Groningen", "Tilburg", "Leiden", "Deventer", "Hengelo", "Emmen"]
_WHO = ["Moeder", "Vader", "Kind 1", "Kind 2", "De oudste", "Zij", "Hij", "Het jongste kind"]


def _bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        if digits[0] == 0:
            continue
        total = sum(w * d for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2), digits))
        last = total % 11
        if last < 10:
            return "".join(map(str, digits + [last]))


def _iban(rng: random.Random, country: str = "NL") -> str:
    if country == "NL":
        bban = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]) \
            + "".join(str(rng.randrange(10)) for _ in range(10))
    elif country == "BE":
        bban = "".join(str(rng.randrange(10)) for _ in range(12))
    else:
        bban = "".join(str(rng.randrange(10)) for _ in range(18))
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


def births(rng: random.Random) -> list[Sample]:
    out = []
    contexts = ["{who} is geboren op {d}.", "{who} (geb. {d}) woont bij moeder.",
                "Geboortedatum: {d}", "{who}, geboren {d}, gaat naar groep 4.",
                "{who} werd op {d} geboren.", "geb.datum {d}", "{who} ({d} geboren)",
                "{who} is op {d} in Zwolle geboren.", "Kind 2 ° {d}",
                "Gegevens kind: geb. {d}, jongen."]
    for n in range(PER_KIND):
        y = rng.randrange(1955, 2025)
        m = rng.randrange(1, 13)
        d = rng.randrange(1, 29)
        form = n % 8
        value = [f"{d:02d}-{m:02d}-{y}", f"{d}/{m}/{y % 100:02d}", f"{d}.{m}.{y}",
                 f"{y}-{m:02d}-{d:02d}", f"{d} {_MONTHS[m - 1]} {y}",
                 f"{d} {_SHORT_MONTHS[m - 1]} {y}", f"{d}-{m}-{y}",
                 f"{d} {_MONTHS[m - 1]} '{y % 100:02d}"][form]
        value, how = _maybe_disguise(value, rng)
        text = rng.choice(contexts).format(who=rng.choice(_WHO), d=value)
        out.append(Sample("geboortedatum", text, how))
    return out


def postcodes(rng: random.Random) -> list[Sample]:
    out = []
    letters = "ABCDEFGHJKLMNPRTVWXZ"
    for n in range(PER_KIND):
        number = rng.randrange(1000, 10000)
        pair = rng.choice(letters) + rng.choice(letters)
        if pair in ("SA", "SD", "SS"):
            pair = "AB"
        form = n % 4
        value = [f"{number} {pair}", f"{number}{pair}", f"{number} {pair.lower()}",
                 f"{number}{pair.lower()}"][form]
        value, how = _maybe_disguise(value, rng)
        place = rng.choice(_PLACES)
        text = rng.choice(["Het gezin woont in {p} {c}.", "Postcode {p}, {c}",
                           "adres onbekend, {p} {c}", "{w} verhuisde naar {p} {c}.",
                           "Post naar {p} {c} sturen."]).format(p=value, c=place,
                                                                 w=rng.choice(_WHO))
        out.append(Sample("postcode", text, how))
    return out


def phones(rng: random.Random) -> list[Sample]:
    out = []
    for n in range(PER_KIND):
        mobile = "".join(str(rng.randrange(10)) for _ in range(8))
        area = rng.choice(["10", "20", "30", "40", "70", "50", "38", "55", "118", "592"])
        rest = "".join(str(rng.randrange(10)) for _ in range(9 - len(area)))
        m = mobile
        value = [f"06-{m}", f"06 {m[:4]} {m[4:]}", f"06 {m[:2]} {m[2:4]} {m[4:6]} {m[6:]}",
                 f"+31 6 {m}", f"+31 (0)6 {m}", f"0031 6 {m[:4]} {m[4:]}",
                 f"(0{area}) {rest}", f"0{area}-{rest}", f"+31 {area} {rest}",
                 f"06.{m[:2]}.{m[2:4]}.{m[4:6]}.{m[6:]}", f"+316{m}", f"0031{area}{rest}"
                 ][n % 12]
        value, how = _maybe_disguise(value, rng)
        text = rng.choice(["Bel {w} op {v}.", "Telefoon: {v}", "{w} is bereikbaar op {v}",
                           "tel. {v} (na 17 uur)", "Contact via {v}."]).format(
            v=value, w=rng.choice(["moeder", "vader", "de oma", "de buurvrouw"]))
        out.append(Sample("telefoon", text, how))
    return out


def emails(rng: random.Random) -> list[Sample]:
    out = []
    names = ["anneke", "j.jansen", "moeder.devries", "mo.elamrani", "fam_bakker",
             "sanne83", "k.yilmaz", "noor-b", "pvdberg", "ouders.kerkhoven"]
    domains = ["gmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "outlook.com",
               "jeugdteam-zwolle.nl", "school.nl", "live.nl"]
    for n in range(PER_KIND):
        local, domain = rng.choice(names) + str(rng.randrange(100)), rng.choice(domains)
        value = [f"{local}@{domain}", f"{local.upper()}@{domain.upper()}",
                 f"{local} [at] {domain}", f"{local}(at){domain}",
                 f"{local}＠{domain}", f"{local}@{domain.replace('.', ' [dot] ')}"][n % 6]
        value, how = _maybe_disguise(value, rng)
        text = rng.choice(["Mail: {v}", "Zij mailt vanaf {v}.", "({v})",
                           "Stuur het verslag naar {v}."]).format(v=value)
        out.append(Sample("email", text, how))
    return out


def bsns(rng: random.Random) -> list[Sample]:
    out = []
    for n in range(PER_KIND):
        b = _bsn(rng)
        value = [b, f"{b[:3]} {b[3:6]} {b[6:]}", f"{b[:3]}.{b[3:6]}.{b[6:]}",
                 f"{b[:3]}-{b[3:6]}-{b[6:]}", f"{b[:4]}.{b[4:6]}.{b[6:]}",
                 f"{b[:4]} {b[4:6]} {b[6:]}", f"{b[:3]}.{b[3:5]}.{b[5:7]}.{b[7:]}"][n % 7]
        value, how = _maybe_disguise(value, rng)
        text = rng.choice(["BSN {v}", "burgerservicenummer: {v}", "Nummer {v} bij de SVB.",
                           "{w} staat ingeschreven onder {v}.", "(bsn {v})"]).format(
            v=value, w=rng.choice(_WHO))
        out.append(Sample("bsn", text, how))
    return out


def ibans(rng: random.Random) -> list[Sample]:
    out = []
    for n in range(PER_KIND):
        iban = _iban(rng, "NL" if n % 8 else rng.choice(["BE", "DE"]))
        grouped = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        value = [iban, grouped, grouped.lower(), iban.lower()][n % 4 if n % 3 else 0]
        value, how = _maybe_disguise(value, rng)
        text = rng.choice(["Rekeningnummer {v}", "De toeslag gaat naar {v}.",
                           "IBAN: {v} t.n.v. moeder", "Betaling op {v} ontvangen."]
                          ).format(v=value)
        out.append(Sample("iban", text, how))
    return out


_PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"
_SIDECODES = ("LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL",
              "DD-LLL-D", "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL",
              "D-LL-DDD", "DDD-LL-D")


def plates(rng: random.Random) -> list[Sample]:
    out = []
    for n in range(PER_KIND):
        code = _SIDECODES[n % len(_SIDECODES)]
        value = "".join(rng.choice(_PLATE_LETTERS) if c == "L" else
                        str(rng.randrange(10)) if c == "D" else "-" for c in code)
        value, how = _maybe_disguise(value, rng)
        text = rng.choice(["De auto van vader ({v}) stond voor de deur.",
                           "kenteken {v}", "Politie hield {v} aan.", "Auto: {v}"]
                          ).format(v=value)
        out.append(Sample("kenteken", text, how))
    return out


_STREET_NAMES = ["Kerk", "School", "Molen", "Dorps", "Juliana", "Beatrix", "Prins Hendrik",
                 "Wilhelmina", "Rembrandt", "Vondel", "Eiken", "Beuken", "Linden", "Zand",
                 "Meidoorn", "Kastanje", "Van Speijk", "Burg. de Vlugt", "Prof. Kohnstamm",
                 "Dr. Schaepman", "Eerste Helmers", "Lange Nieuw", "Oude Haven", "Stations",
                 "Parallel", "Noorder", "Ooster", "Heren", "Keizers", "Bloemen"]
_STREET_ENDS = ["straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "pad",
                "hof", "steeg", "dreef", "markt", "park", "straatweg", "wal"]
_SHORT = ["Spui", "Dam", "Rokin", "Damrak", "Overtoom", "Weena", "Blaak", "Neude",
          "Lange Voorhout", "Buitenhof", "Vrijthof", "Grote Markt", "Achterom", "Brink"]


def addresses(rng: random.Random) -> list[Sample]:
    out = []
    for n in range(PER_KIND):
        number = str(rng.randrange(1, 400))
        suffix = rng.choice(["", "", "a", "b", "-2", " hs", "-II", " A", "bis"])
        if n % 5 == 4:
            street = rng.choice(_SHORT)
        else:
            name, end = rng.choice(_STREET_NAMES), rng.choice(_STREET_ENDS)
            street = name + end
        value = f"{street} {number}{suffix}"
        value, how = _maybe_disguise(value, rng)
        text = rng.choice(["Het gezin woont aan de {v}.", "Adres: {v}, {c}",
                           "{w} verhuisde naar {v} in {c}.", "Huisbezoek op {v}.",
                           "{v} ({c})"]).format(v=value, c=rng.choice(_PLACES),
                                                 w=rng.choice(_WHO))
        out.append(Sample("adres", text, how))
    return out


def words(rng: random.Random) -> list[Sample]:
    out = []
    for n in range(PER_KIND):
        entry = rng.choice(NEVER_EXPORT)
        form = n % 7
        value = [entry, entry.upper(), entry + "s", entry + "'s", entry.lower(),
                 entry.replace(" ", "\n"), entry.replace(" ", "  ")][form]
        if form == 3 and entry.endswith("s"):
            value = entry + "'"
        value, how = _maybe_disguise(value, rng)
        text = rng.choice(["Afspraak met {v} op dinsdag.", "{v} vertelde over de ruzie.",
                           "Volgens {v} ging het beter.", "De juf van {v} belde.",
                           "Zij zegt: '{v} helpt mij.'"]).format(v=value)
        out.append(Sample("verboden woord", text, how))
    return out


#: forms written by hand, as they turn up in notes (not made from the detectors' patterns)
HAND_WRITTEN = [
    ("geboortedatum", "geb. 1 jan. 2010"), ("geboortedatum", "Geboren 3 maart 2015 in Ede"),
    ("geboortedatum", "° 12-3-2015"), ("geboortedatum", "DOB 2015-03-12"),
    ("geboortedatum", "Kind 1 (geboren 12/03/2015)"),
    ("geboortedatum", "Op 4 juli 1990 is moeder geboren."),
    ("geboortedatum", "geboortedatum 01.02.2013"), ("geboortedatum", "geb: 7-11-08"),
    ("postcode", "1234 AB  Amsterdam"), ("postcode", "3511AB Utrecht"),
    ("postcode", "9999 zz Groningen"), ("postcode", "Postcode: 2011 NL Haarlem"),
    ("postcode", "1234-AB"),
    ("telefoon", "06 - 12 34 56 78"), ("telefoon", "+31 (0) 6 1234 5678"),
    ("telefoon", "0612345678"), ("telefoon", "06-1234 5678"),
    ("telefoon", "tel: 0031-(0)6-12345678"), ("telefoon", "(0118) 12 34 56"),
    ("bsn", "BSN: 1234.56.782"), ("bsn", "sofinummer 123456782"),
    ("bsn", "BSN 12345678"), ("iban", "NL 91 ABNA 0417 1643 00"),
    ("iban", "rek.nr. NL91-ABNA-0417-1643-00"), ("email", "moeder(at)gmail(dot)com"),
    ("email", "J.Jansen@Ziggo.NL"), ("adres", "Prinsengracht 263-1"),
    ("adres", "Kerkstr. 12"), ("adres", "Burg. de Vlugtlaan 12a"), ("adres", "Spui 21"),
    ("adres", "woont aan de Oude Delft 12"), ("kenteken", "12-GBF-3"),
    ("kenteken", "kenteken GF123B"), ("kenteken", "GF123B"),
    ("verboden woord", "Jan­sen"), ("verboden woord", "JANSEN-de Vries"),
    ("verboden woord", "de\u00a0Vries"), ("verboden woord", "Mohammed\nEl  Amrani"),
]


# -- innocent look-alikes -----------------------------------------------------------------
HAND_WRITTEN_INNOCENT = [
    "De kosten waren € 1.234,56 per maand.", "In totaal € 123.456.782 over tien jaar.",
    "Casus PT-AMS-014, proeftuin Amsterdam.", "Regel OTS-JAAR1 in de referentie.",
    "GGZ-OPNAME-DAG: 12 dagen.", "In 2025 en 2026 ging het beter.", "12 uur per week",
    "Op 15 januari 2025 kwam Veilig Thuis.", "Van 01-02-2025 tot 30-06-2025 ambulant.",
    "Periode 01-02-2025 - 30-06-2025.", "Kind 1 (12 jr) ging 3 dagen per week naar school.",
    "Jeugdwet 2015, artikel 2.3.", "Scenario 2 en week 12.", "P10 € 2.500 en P90 € 9.800.",
    "0,5 fte gedurende 9 maanden.", "Score 7/10 bij de start, 8/10 aan het eind.",
    "KvK-inschrijving 12345678 (de zorgaanbieder).", "Zaak 2025/0412 bij de rechtbank.",
    "Tussen 09.00 en 17.00 uur bereikbaar.", "1.500 km gereden in 2024.",
    "Het gezin woont aan de Kerkstraat.", "Markt 2 keer per week bezocht.",
    "Kind 2 is geboren in 2015.", "Moeder is 38 jaar.", "De uithuisplaatsing duurde 14 maanden.",
    "Na 3 jaar in 2024 VT-melding.", "Ze is op 12 maart 2025 gestart met de training.",
    "Versie 2.1.15 van de tabel.", "1 op de 4 gezinnen.", "Tarief 2024: € 87,50 per uur.",
    "Bijlage 3, tabel 4.2.", "Opname 12-14 maart 2025.", "Ongeveer 2000 euro schuld.",
    "Zij werkte 32 uur, daarna 24 uur.", "De training Opvoedpad duurde 10 weken.",
    "Uitvoering 3 van het plan.", "Antwoord 2: ja.", "Loopbaan 2 jaar onderbroken.",
    "In 2023 GI betrokken, in 2024 RvdK.", "Het kind kreeg 1500 mg paracetamol.",
    "Januari was zwaar voor Janneke.", "De bakkerij op de hoek.", "visserij en landbouw",
    "Noordelijk, niet Noordoost.", "De vriesvakken waren leeg.", "Anneken is geen naam.",
    "+ 10 % indexatie vanaf 2025.", "Tel. nummers zijn niet genoteerd.",
    "De 11-proef is niet van toepassing.", "€ 12.345 besparing per jaar.",
    "Item VT-12-BR staat niet in de tabel.", "Tabel nl-jeugd-gezin versie 2024.1",
    "rekenkamer-kst-31839-176", "Bron: Kamerstuk 31839, nr. 176.", "ECLI:NL:RBAMS:2024:1234",
    "Zitting 3 maart 2025 om 10.30 uur.", "Geboorte van het tweede kind in 2026 verwacht.",
    "Het geboorteplan is in 2025 gemaakt.", "Verjaardag gevierd op 12 maart.",
    "NL-breed gemiddeld 2.500 gezinnen.", "Scenario referentie, 2 x per week.",
    "Uitgaven 2024: 1.234.567 euro.", "Het rapport (v1.2.3) van 2025.",
    "Kind 1 zit in groep 7, Kind 2 in groep 4.", "Artikel 1:255 BW (OTS).",
    "Week 12 t/m 24 van 2025.", "Telefonisch contact 3 keer per week.",
    "IBAN is bekend bij de gemeente.", "BSN niet vastgelegd.",
    "De Lijnbaan is een winkelstraat.", "Hoofdweg richting de A28.",
]


def innocent(rng: random.Random) -> list[Sample]:
    out = [Sample("", t, "hand-written") for t in HAND_WRITTEN_INNOCENT]
    codes = ["JEUGDHULP-UUR", "OTS-JAAR1", "GGZ-OPNAME-DAG", "POLITIE-UUR", "WIJKTEAM-UUR",
             "SEH-BEZOEK", "PLEEGZORG-DAG", "VT-MELDING", "RVDK-ONDERZOEK", "BESCHIKKING-WMO"]
    for n in range(170):
        form = n % 10
        y = rng.randrange(2019, 2027)
        if form == 0:
            amount = f"{rng.randrange(1, 999)}.{rng.randrange(1000):03d},{rng.randrange(100):02d}"
            text = f"De inzet kost € {amount} in totaal."
        elif form == 1:
            text = (f"Casus PT-{rng.choice(['AMS', 'UTR', 'GLD', 'ZWL', 'RDM'])}-"
                    f"{rng.randrange(1, 999):03d} in de portfolio.")
        elif form == 2:
            text = f"Regel {rng.choice(codes)}: {rng.randrange(1, 60)} keer in {y}."
        elif form == 3:
            text = f"Van {y} tot {y + rng.randrange(1, 4)} begeleiding, {y} en {y + 1} samen."
        elif form == 4:
            text = f"{rng.randrange(1, 40)} uur per week, {rng.randrange(2, 52)} weken lang."
        elif form == 5:
            d, m = rng.randrange(1, 29), rng.randrange(1, 13)
            text = rng.choice([f"Op {d} {_MONTHS[m - 1]} {y} kwam de melding binnen.",
                               f"{d:02d}-{m:02d}-{y}: eerste huisbezoek.",
                               f"Sinds {d}-{m}-{y} ambulante hulp.",
                               f"Zitting op {y}-{m:02d}-{d:02d} bij de kinderrechter."])
        elif form == 6:
            text = (f"Kind {rng.randrange(1, 4)} ({rng.randrange(1, 18)} jr) en scenario "
                    f"{rng.randrange(1, 4)}, week {rng.randrange(1, 53)}.")
        elif form == 7:
            text = (f"{rng.randrange(1, 100)} % kans, P10 € {rng.randrange(1, 99)}.000, "
                    f"P90 € {rng.randrange(100, 999)}.000.")
        elif form == 8:
            start = f"{rng.randrange(1, 29):02d}-{rng.randrange(1, 13):02d}-{y}"
            end = f"{rng.randrange(1, 29):02d}-{rng.randrange(1, 13):02d}-{y + 1}"
            text = f"Periode {start} - {end}, tussen {rng.randrange(8, 12)}.00 en 17.00 uur."
        else:
            text = rng.choice([f"Tarief {y}: € {rng.randrange(20, 200)},{rng.randrange(100):02d} "
                               "per uur.", f"Versie {rng.randrange(1, 9)}.{rng.randrange(10)}",
                               f"{rng.randrange(1000, 9999)} km naar de opvang",
                               f"in {y} en {y + 1}", f"{rng.randrange(2, 12)} maanden"])
        out.append(Sample("", text, f"generated form {form}"))
    return out


def corpus() -> list[Sample]:
    rng = random.Random(SEED)
    samples: list[Sample] = []
    for make in (births, postcodes, phones, emails, bsns, ibans, plates, addresses, words):
        samples += make(rng)
    samples += [Sample(kind, text, "hand-written") for kind, text in HAND_WRITTEN]
    samples += innocent(rng)
    return samples
