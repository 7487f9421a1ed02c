"""The short version of the case report, for stakeholders (``report --short``).

A board member wants the story and the money on a few pages. The short version is taken
from the full report's content (``content.build_content``): its key figures, its table of
the two views (society and each payer), its switching values and its cover facts are the
very blocks the full report prints, and every other text is the case's own (story,
outcomes, readings, conclusion), shortened with "…" where long. So nothing in it is not in
the full report, and no figure is computed a second time.

``Budget`` says how much text each part may take; ``short_pdf`` tries the normal budget
first and a tighter one when the pages would run over four.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from effectencalculator.model.case import Case, Outcome
from effectencalculator.model.switching import switching_values
from effectencalculator.report.content import (
    NOT_FILLED,
    Block,
    Callout,
    Column,
    Cover,
    DocumentContent,
    Heading,
    KeyFigures,
    Metadata,
    Para,
    ReportContent,
    Row,
    Section,
    TableBlock,
    direction_text,
    empty,
    paragraphs,
)
from effectencalculator.report.figures import worded
from effectencalculator.report.figures_mkba import SWITCHING_EXPLANATION
from effectencalculator.report.format import format_date, format_number
from effectencalculator.report.sections.context import MONEY_CAVEAT, UNCERTAIN_TITLE
from effectencalculator.report.sections.story import NOT_AGREED, SCALE_NAMES

if TYPE_CHECKING:
    from effectencalculator.model.calculation import CaseResult
    from effectencalculator.model.privacy import PrivacyStatus

#: the most pages the short version may take
MAX_PAGES = 4
#: switching values shown (the issue: "the few")
TOP_SWITCHING = 3
ELLIPSIS = "…"
SHORTENED_NOTE = ("Ingekort; {what} staat volledig in het volledige rapport, hoofdstuk "
                  "{chapter}.")


@dataclass(frozen=True)
class Budget:
    """How much of each text the short version prints (words, rows)."""

    story_words: int = 260
    conclusion_words: int = 260
    cell_words: int = 28
    outcomes: int = 12
    readings: int = 6
    title_chars: int = 90


#: tried in this order until the report fits on ``MAX_PAGES`` pages
BUDGETS = (Budget(), Budget(150, 150, 16, 10, 4, 70), Budget(70, 70, 9, 10, 3, 50))


@dataclass
class ShortContent(DocumentContent):
    """The short version: a cover (drawn as a title block on page 1) and its parts."""

    #: a text was cut somewhere ("…")
    shortened: bool = False


# --------------------------------------------------------------------------- text helpers

def cut_words(text: str, limit: int) -> tuple[str, bool]:
    """``text`` with at most ``limit`` words: whole sentences where one fits, else cut
    mid-sentence; '…' marks the cut. Returns (text, whether it was cut)."""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words), False
    kept = words[:limit]
    # end at the last sentence inside the limit, when that keeps most of it
    for n in range(len(kept), max(len(kept) // 2, 1) - 1, -1):
        if kept[n - 1].endswith((".", "!", "?")):
            return " ".join(kept[:n]) + " " + ELLIPSIS, True
    return " ".join(kept).rstrip(",;:") + " " + ELLIPSIS, True


def cut_chars(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rstrip() + ELLIPSIS


def shortened_paragraphs(text: str, limit: int) -> tuple[list[str], bool]:
    """The first paragraphs of ``text`` up to ``limit`` words (the last one cut with
    '…' when it does not fit whole)."""
    out: list[str] = []
    left = limit
    for paragraph in paragraphs(text):
        count = len(paragraph.split())
        if count <= left:
            out.append(paragraph)
            left -= count
            continue
        if left >= 25 or not out:
            cut, _ = cut_words(paragraph, max(left, 1))
            out.append(cut)
        else:
            out[-1] = out[-1] + " " + ELLIPSIS
        return out, True
    return out, False


# --------------------------------------------------------------------------- the parts

def _chapter(full: ReportContent, section_id: str) -> str:
    """'2 Het verhaal van het gezin': the chapter of the full report, as it numbers it."""
    for number, section in enumerate(full.sections, start=1):
        if section.id == section_id:
            return f"{number}, {section.title}"
    return section_id


def _table(full: ReportContent, key: str) -> TableBlock | None:
    for section in full.sections:
        for block in section.blocks:
            if isinstance(block, TableBlock) and block.key == key:
                return block
    return None


def _key_figures(full: ReportContent) -> KeyFigures | None:
    summary = full.section("samenvatting")
    blocks = summary.blocks if summary is not None else []
    return next((b for b in blocks if isinstance(b, KeyFigures)), None)


def _score(value: float | None) -> str:
    return "—" if value is None else format_number(value, 0 if value == int(value) else 1)


def _readings_text(outcome: Outcome, budget: Budget) -> str:
    """'Moeder: 2 → 4; Jeugdbeschermer: 1 → 3 (ZRM 1–5)': every reading as the full report
    prints it, the first ``budget.readings`` by name and the rest counted."""
    parts = [f"{cut_chars(r.who or NOT_FILLED, 40)}: {_score(r.start)} → {_score(r.end)}"
             for r in outcome.readings[:budget.readings]]
    rest = len(outcome.readings) - budget.readings
    if rest > 0:
        parts.append(f"en nog {rest}")
    text = "; ".join(parts)
    if outcome.scale:
        text += f" ({SCALE_NAMES.get(outcome.scale, cut_chars(outcome.scale, 20))})"
    return text


def story_part(case: Case, full: ReportContent, budget: Budget) -> tuple[Section, bool]:
    section = Section("verhaal", "Het verhaal in het kort")
    texts, cut = shortened_paragraphs(case.narrative.summary, budget.story_words)
    if not texts:
        section.blocks.append(empty("Het verhaal van het gezin is niet ingevuld."))
        return section, False
    section.blocks.append(Para(texts[0], "lead"))
    section.blocks.extend(Para(t) for t in texts[1:])
    if cut:
        section.blocks.append(Para(SHORTENED_NOTE.format(
            what="het verhaal", chapter=_chapter(full, "verhaal")), "small"))
    return section, cut


def outcomes_part(case: Case, full: ReportContent, budget: Budget) -> tuple[Section, bool]:
    """The outcomes at a glance: direction and situation at the end per domain and, where
    people scored it, every person's reading."""
    section = Section("resultaten", "Resultaten per leefdomein in één oogopslag")
    if not case.outcomes:
        section.blocks.append(empty("Er zijn geen resultaten per leefdomein ingevuld."))
        return section, False
    with_readings = any(o.readings for o in case.outcomes)
    cut_any = False
    rows: list[Row] = []
    for o in case.outcomes[:budget.outcomes]:
        end, cut = cut_words(o.end or NOT_FILLED, budget.cell_words)
        cut_any = cut_any or cut
        direction = direction_text(o.direction) + (f" ({NOT_AGREED})" if o.agreed is False
                                                   else "")
        cells = [cut_chars(o.domain or NOT_FILLED, 40), direction, end]
        if with_readings:
            cells.append(_readings_text(o, budget) if o.readings else "—")
        rows.append(Row(cells))
    rest = len(case.outcomes) - budget.outcomes
    if rest > 0:
        cut_any = True
        rows.append(Row([f"En nog {rest} resultaten: zie het volledige rapport."], "note"))
    columns = [Column("Leefdomein", weight=1.3), Column("Richting", weight=1.1),
               Column("Situatie aan het eind", weight=3.6 if with_readings else 4.5)]
    if with_readings:
        columns.append(Column("Hoe ieder het ziet (begin → eind)", weight=2.6))
    legend = "↑ verbeterd  = gelijk  ↓ verslechterd  ? onbekend"
    if any(o.agreed is False for o in case.outcomes):
        legend += f"  ·  {NOT_AGREED}: de betrokkenen zijn het over dit resultaat niet eens"
    section.blocks.append(TableBlock(columns, rows, key="kort-domeinen", legend=legend))
    if cut_any:
        section.blocks.append(Para(SHORTENED_NOTE.format(
            what="de resultaten", chapter=_chapter(full, "resultaten")), "small"))
    return section, cut_any


def money_part(result: CaseResult, full: ReportContent) -> Section:
    """The key figures with the interval and the verdict, the cost of each scenario,
    and the two views (society, each payer): blocks of the full report."""
    section = Section("kerncijfers", "Kerncijfers")
    add = section.blocks.append
    figures = _key_figures(full)
    if figures is not None:
        add(figures)
    verdict = worded(result, full.uncertainty).verdict()
    summary = full.section("samenvatting")
    unsure = next((b for b in summary.blocks if isinstance(b, Callout)
                   and b.title == UNCERTAIN_TITLE), None) if summary is not None else None
    if unsure is not None:  # the full report's own words for an uncertain difference
        add(unsure)
    elif verdict is not None:
        add(Callout(f"Oordeel: {verdict.short}",
                    verdict.reason[:1].upper() + verdict.reason[1:]))
    scenarios = _table(full, "samenvatting-scenarios")
    if scenarios is not None:  # a few amounts: no need for the whole width
        add(replace(scenarios, width=min(1.0, 0.22 * len(scenarios.columns))))
    views = _table(full, "twee-blikken")
    if views is not None:
        add(views)
    if result.comparison is None:
        add(empty("Geen vergelijking: er is geen referentie- en interventiescenario om te "
                  "vergelijken."))
    add(Callout("Zo leest u de bedragen", MONEY_CAVEAT))
    return section


def switching_part(result: CaseResult, full: ReportContent) -> Section | None:
    """The ``TOP_SWITCHING`` switching values closest to today's values, rows of the full
    report's table (items by how far the tariff moves, lines by how far the chance does)."""
    table, sv = _table(full, "omslagwaarden"), switching_values(result)
    if table is None or sv is None:
        return None
    closeness = [abs(s.factor - 1.0) for s in sv.shown_items]
    closeness += [abs(s.switching_probability - s.probability) for s in sv.shown_lines]
    if len(closeness) != len(table.rows):
        return None
    order = sorted(range(len(closeness)), key=lambda i: (closeness[i], i))[:TOP_SWITCHING]
    section = Section("omslagwaarden", "Wanneer slaat het resultaat om?")
    section.blocks.append(Para(SWITCHING_EXPLANATION, "small"))
    section.blocks.append(TableBlock(table.columns, [table.rows[i] for i in sorted(order)],
                                     key="kort-omslagwaarden", legend=table.legend))
    return section


def conclusion_part(case: Case, full: ReportContent, budget: Budget
                    ) -> tuple[Section | None, bool]:
    texts, cut = shortened_paragraphs(case.narrative.conclusion, budget.conclusion_words)
    if not texts:
        return None, False
    section = Section("conclusie", "Conclusie van de onderzoeker")
    section.blocks.extend(Para(t) for t in texts)
    if cut:
        section.blocks.append(Para(SHORTENED_NOTE.format(
            what="de conclusie", chapter=_chapter(full, "verhaal")), "small"))
    return section, cut


def closing_part(case: Case, result: CaseResult, full: ReportContent,
                 privacy: PrivacyStatus | None, budget: Budget) -> Section:
    """Where the full report and its sources are; privacy and confidentiality."""
    section = Section("meer", "Het volledige rapport en de bronnen")
    add = section.blocks.append
    researcher = case.info.researcher.strip()
    title = full.cover.case_title
    name = f"casusrapport {full.cover.case_code}" + (
        f" — {cut_chars(title, budget.title_chars)}" if title else "")
    add(Para(
        f"Dit is de korte versie van het {name} van "
        f"{format_date(full.meta.created)}. Het volledige rapport bevat het hele verhaal, "
        "de perspectieven van alle betrokkenen, de inzet en kosten per regel, de "
        "gevoeligheid en, in hoofdstuk " + _chapter(full, "verantwoording")
        + ", de bronnen van elk tarief (kostentabel "
        f"{result.table_name}, versie {result.table_version}), de aannames en de methode. "
        "U vraagt het op bij de onderzoeker"
        + (f" ({cut_chars(researcher, 60)})" if researcher else "")
        + "; de onderzoeker maakt het met de Effectencalculator uit dezelfde casus "
        f"(sha256 {full.meta.case_sha256[:12]}…), zodat elk bedrag gelijk is aan dit."))
    add(Para(_privacy_sentence(privacy), "small"))
    add(Para(full.cover.confidentiality, "small"))
    return section


def _privacy_sentence(status: PrivacyStatus | None) -> str:
    if status is None:
        return ("De privacycontrole is voor dit rapport niet uitgevoerd. Controleer het "
                "rapport daarom zelf voordat u het verspreidt.")
    if not status.findings:
        return "Voor dit rapport is de privacycontrole uitgevoerd; de controle vond niets."
    return (f"Voor dit rapport is de privacycontrole uitgevoerd; van de "
            f"{format_number(len(status.findings))} bevindingen zijn er "
            f"{format_number(len(status.accepted))} bewust geaccepteerd (zie de "
            "Verantwoording van het volledige rapport).")


# --------------------------------------------------------------------------- the whole

def build_short_content(case: Case, result: CaseResult, full: ReportContent,
                        privacy: PrivacyStatus | None = None,
                        budget: Budget = BUDGETS[0]) -> ShortContent:
    """The short version from the full report's content ``full`` (built for the same case
    and result, without omitted sections)."""
    story, cut_story = story_part(case, full, budget)
    outcomes, cut_outcomes = outcomes_part(case, full, budget)
    conclusion, cut_conclusion = conclusion_part(case, full, budget)
    parts: list[Section | None] = [story, money_part(result, full), outcomes,
                                   switching_part(result, full), conclusion,
                                   closing_part(case, result, full, privacy, budget)]
    sections = [p for p in parts if p is not None]
    c = full.cover
    cover = Cover("Korte versie van het casusrapport", c.case_code,
                  cut_chars(c.case_title, budget.title_chars),
                  [(label, cut_chars(value, budget.title_chars)) for label, value in c.facts
                   if label != "Casuscode"],
                  c.confidentiality, heading=c.heading, document="Korte versie casusrapport",
                  footer=c.footer)
    m = full.meta
    meta = Metadata(title=m.title.replace("Casusrapport", "Korte versie casusrapport", 1),
                    subject=m.subject, author=m.author, keywords=m.keywords + ["korte versie"],
                    case_sha256=m.case_sha256, created=m.created)
    return ShortContent(cover, sections, meta,
                        shortened=cut_story or cut_outcomes or cut_conclusion)


def blocks_of(content: DocumentContent) -> list[Block]:
    """Every block of the short version in order (tests)."""
    return [b for s in content.sections for b in [Heading(s.title), *s.blocks]]
