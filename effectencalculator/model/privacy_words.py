"""Warnings for the never-export list: entries that would flag nearly every text.

An entry of one or two characters, or a common Dutch word (``de``, ``moeder``,
``school``), matches all over a case: every finding is then noise, and researchers learn
to accept findings without reading them. The list editor says so while typing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from effectencalculator.model.privacy_normalise import fold

MIN_LENGTH = 3
#: common Dutch words, and words every case uses (roles, places, services)
COMMON_WORDS = frozenset("""
de het een en van in op te dat die is niet met zijn voor aan er maar om ook als bij nog
wel naar dan kan zo of wat door over uit tot nu al ja nee geen meer veel goed hij zij ze
we wij jij je u uw mijn ons onze hun haar hem ik was werd wordt worden heeft hebben had
zal zou moet mag kunnen gaan ging gaat kwam komt na per dag week maand jaar uur tijd keer
moeder vader ouder ouders kind kinderen zoon dochter broer zus oma opa tante oom gezin
familie baby jongen meisje vrouw man partner pleegouder pleegouders buurvrouw buurman
school juf meester klas groep leerling docent mentor werk baan thuis huis woning straat
weg stad dorp wijk buurt gemeente hulp zorg jeugd jeugdzorg jeugdhulp wijkteam politie
rechter rechtbank raad veilig thuis melding plan gesprek afspraak hulpverlener
begeleider begeleiding casus verhaal scenario referentie interventie kosten geld schuld
schulden school werk vrienden vriend vriendin sport club kerk moskee huisarts ziekenhuis
""".split())


@dataclass(frozen=True)
class EntryWarning:
    line: int        # 1-based line in the list
    entry: str
    reason: str      # Dutch, for the editor

    def format(self) -> str:
        return f"regel {self.line}: '{self.entry}' {self.reason}"


def entry_warnings(lines: Iterable[str]) -> list[EntryWarning]:
    """The entries of the list (comment lines skipped) that would flag nearly everything."""
    out = []
    for n, raw in enumerate(lines, start=1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        folded = " ".join(fold(entry).lower().split())
        if len(folded.replace(" ", "")) < MIN_LENGTH:
            out.append(EntryWarning(n, entry, f"is korter dan {MIN_LENGTH} tekens en wordt "
                                              "bijna overal gevonden"))
        elif folded in COMMON_WORDS:
            out.append(EntryWarning(n, entry, "is een gewoon woord en wordt in bijna elke "
                                              "casus gevonden"))
    return out
