"""What the case report says: plain data built from the case, the calculation result
and the cost table, kept apart from how it is drawn (``pdf.py``).

Every amount here is a value of ``CaseResult`` (or of ``model.breakdown``,
``model.uncertainty``, ``model.sensitivity``), formatted with ``report.format``; nothing
is computed while the PDF is laid out, so the GUI's preview, the PDF and an export show
the same numbers. Text is plain (no markup): the
renderer escapes it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Union

from effectencalculator.model.calculation import CaseResult, ScenarioResult
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.privacy import PrivacyStatus
from effectencalculator.model.sensitivity import Swing, sensitivity
from effectencalculator.model.storage import case_to_text
from effectencalculator.model.timeline_layout import TimelineLayout, layout_timeline, scenario_order
from effectencalculator.model.vocabulary import PAYERS
from effectencalculator.report.format import format_quantity, payer_label

if TYPE_CHECKING:  # numpy is imported only when the content is built
    from effectencalculator.model.uncertainty import UncertaintyResult

# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


ParaStyle = Literal["body", "lead", "small", "note", "empty", "caption"]


@dataclass(frozen=True)
class Para:
    text: str
    style: ParaStyle = "body"


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    #: a reference list (the sources) in the small type of the tables' footnotes
    small: bool = False


@dataclass(frozen=True)
class Quote:
    text: str


@dataclass(frozen=True)
class Facts:
    """Label–value pairs (cover, Verantwoording)."""

    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class Callout:
    """A boxed remark the reader must not miss (how to read the money)."""

    title: str
    text: str


@dataclass(frozen=True)
class Column:
    title: str
    align: Literal["left", "right", "center"] = "left"
    #: share of the table width; the renderer widens a column whose words would not fit
    weight: float = 1.0
    #: amounts: the cell is never wrapped
    nowrap: bool = False


RowStyle = Literal["normal", "total", "subtotal", "unpriced", "note", "group"]


@dataclass(frozen=True)
class Row:
    """A table row; ``note`` and ``group`` rows have one cell spanning the table."""

    cells: list[str]
    style: RowStyle = "normal"


@dataclass(frozen=True)
class TableBlock:
    columns: list[Column]
    rows: list[Row]
    caption: str = ""
    legend: str = ""
    #: stable name, so tests and the GUI can find a table
    key: str = ""
    #: fraction of the text width (narrow tables for few short columns)
    width: float = 1.0


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    note: str = ""
    #: grid columns the figure takes (a P10–P90 interval needs two)
    span: int = 1


@dataclass(frozen=True)
class KeyFigures:
    figures: list[KeyFigure]


@dataclass(frozen=True)
class SeriesInfo:
    id: str
    label: str
    role: str


@dataclass(frozen=True)
class PayerSeries:
    """Counted cost per payer (rows) per scenario (series): the payer bar chart."""

    payers: list[str]              # display names
    series: list[SeriesInfo]
    values: list[list[float]]      # values[series][payer]


@dataclass(frozen=True)
class CumulativeSeries:
    """Cumulative counted cost over time per scenario (piecewise linear)."""

    series: list[SeriesInfo]
    points: list[list[tuple[date, float]]]
    start: date | None
    end: date | None


@dataclass(frozen=True)
class TornadoBar:
    """One line of the sensitivity analysis: how far the net result moves."""

    label: str          # item name
    scenario: str       # scenario id
    line: int           # line number in its scenario, from 1
    low: float          # most negative change of the net result (≤ 0)
    high: float         # most positive change (≥ 0)


@dataclass(frozen=True)
class TornadoSeries:
    """The tornado chart: bars left and right of the deterministic net result."""

    base: float
    bars: list[TornadoBar]


@dataclass(frozen=True)
class NetBar:
    """One case of a portfolio: its net result and, when computed, its P10–P90."""

    label: str
    value: float
    p10: float | None = None
    p90: float | None = None

    @property
    def uncertain(self) -> bool:
        return self.p10 is not None and self.p90 is not None and self.p10 <= 0.0 <= self.p90


@dataclass(frozen=True)
class PortfolioNetSeries:
    """Net result per case (the portfolio chart)."""

    bars: list[NetBar]


@dataclass(frozen=True)
class PortfolioSpread:
    """The spread of the net result over the cases (the portfolio's strip and box
    chart): every case as a point, the box from the first to the third quartile, the
    median and the mean (the model's, ``portfolio_stats.spread``)."""

    points: list[NetBar]
    mean: float
    median: float
    q1: float
    q3: float


@dataclass(frozen=True)
class ChartBlock:
    kind: Literal["payers", "cumulative", "timeline", "tornado", "portfolio_net",
                  "portfolio_spread"]
    title: str
    data: Union[PayerSeries, CumulativeSeries, TimelineLayout, TornadoSeries,
                PortfolioNetSeries, PortfolioSpread]
    caption: str = ""


Block = Union[Heading, Para, Bullets, Quote, Facts, Callout, TableBlock, KeyFigures,
              ChartBlock]


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    #: the section must fit on one page (the Samenvatting)
    one_page: bool = False


@dataclass(frozen=True)
class Cover:
    title: str
    case_code: str
    case_title: str
    facts: list[tuple[str, str]]
    confidentiality: str
    #: the big title on the cover and the tag of the running header (default
    #: "Casus <code>"), the document's name in the header, its tag in the footer
    #: (default "casus <code>"): a portfolio names itself differently
    heading: str = ""
    document: str = "Casusrapport Effectencalculator"
    footer: str = ""

    @property
    def heading_text(self) -> str:
        return self.heading or f"Casus {self.case_code}"

    @property
    def footer_text(self) -> str:
        return self.footer or f"casus {self.case_code}"


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    author: str
    keywords: list[str]
    case_sha256: str
    created: date


@dataclass
class DocumentContent:
    """What the renderer lays out: a cover, numbered sections and the PDF metadata."""

    cover: Cover
    sections: list[Section]
    meta: Metadata

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass
class ReportContent(DocumentContent):
    #: the charts the GUI shows too
    payer_series: PayerSeries
    cumulative_series: CumulativeSeries
    timeline: TimelineLayout
    tornado_series: TornadoSeries | None = None
    #: the Monte Carlo interval (default draws and seed) and the ranked sensitivity
    uncertainty: UncertaintyResult | None = None
    swings: list[Swing] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers

NOT_FILLED = "niet ingevuld"
ROLE_LABELS = {"intervention": "Interventie", "reference": "Referentie", "variant": "Variant"}
DIRECTION_SYMBOLS = {"verbeterd": "↑", "gelijk": "=", "verslechterd": "↓", "onbekend": "?"}
KIND_LABELS = {"inzet": "inzet", "effect": "effect"}

SECTION_TITLES = {
    "samenvatting": "Samenvatting",
    "verhaal": "Het verhaal van het gezin",
    "perspectieven": "Perspectieven",
    "resultaten": "Resultaten per leefdomein",
    "kosten": "Inzet en kosten",
    "verschil": "Verschil en gevoeligheid",
    "verantwoording": "Verantwoording",
}

#: parts of the full report a researcher may leave out (``--sections``, the export
#: dialog), in report order, with the Dutch label a user sees; whole chapters and a few
#: parts inside them
REPORT_SECTIONS: dict[str, str] = {
    "verhaal": "Het verhaal van het gezin",
    "perspectieven": "Perspectieven",
    "resultaten": "Resultaten per leefdomein",
    "kosten": "Inzet en kosten",
    "varianten": "Regels van de varianten",
    "per-jaar": "Tabel kosten per kalenderjaar",
    "verschil": "Verschil en gevoeligheid",
    "bronnen": "Lijst van bronnen",
    "geschiedenis": "Opslaggeschiedenis van de casus",
}
#: parts that are always printed (the key figures, the Verantwoording with privacy)
REQUIRED_SECTIONS: dict[str, str] = {
    "samenvatting": "Samenvatting met de kerncijfers",
    "verantwoording": "Verantwoording (met privacycontrole)",
}


def parse_sections(text: str) -> frozenset[str]:
    """The parts to leave out, from a ``--sections`` value: a comma-separated list of the
    parts to print (``verhaal,kosten``), or 'alle' followed by parts to leave out, each
    with a minus (``alle,-per-jaar,-bronnen``). Raises ValueError with a Dutch message
    naming the valid names."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if names and names[0] == "alle":
        names = names[1:]
        if any(not n.startswith("-") for n in names):
            raise ValueError("--sections: na 'alle' volgen alleen onderdelen om weg te "
                             "laten, elk met een minteken (alle,-per-jaar,-bronnen).")
    elif not names:
        raise ValueError("--sections: noem minstens één onderdeel. Geldig zijn: "
                         + ", ".join(REPORT_SECTIONS) + ".")
    excluded = [n[1:] for n in names if n.startswith("-")]
    included = [n for n in names if not n.startswith("-")]
    if excluded and included:
        raise ValueError("--sections: noem de onderdelen die erin moeten, of 'alle' met "
                         "de onderdelen die eruit moeten (met een minteken), niet beide.")
    for name in excluded or included:
        if name in REQUIRED_SECTIONS:
            if excluded:
                raise ValueError(f"--sections: '{name}' staat altijd in het rapport en kan "
                                 f"niet worden weggelaten.")
            continue
        if name not in REPORT_SECTIONS:
            raise ValueError(f"--sections: onbekend onderdeel '{name}'. Geldig zijn: "
                             + ", ".join(REPORT_SECTIONS) + " (altijd erin: "
                             + ", ".join(REQUIRED_SECTIONS) + ").")
    if excluded or not included:
        return frozenset(excluded)
    return frozenset(k for k in REPORT_SECTIONS if k not in included)


def check_omitted(omit: frozenset[str] | set[str] | list[str]) -> frozenset[str]:
    """``omit`` as a set of known keys (ValueError in Dutch for a required or unknown
    key), so the API refuses what the command line refuses."""
    for name in omit:
        if name in REQUIRED_SECTIONS:
            raise ValueError(f"'{name}' staat altijd in het rapport en kan niet worden "
                             f"weggelaten.")
        if name not in REPORT_SECTIONS:
            raise ValueError(f"Onbekend onderdeel '{name}'. Geldig zijn: "
                             + ", ".join(REPORT_SECTIONS) + ".")
    return frozenset(omit)


def case_sha256(case: Case) -> str:
    """sha256 of the case as the program saves it (canonical YAML, UTF-8).

    The case object is hashed rather than a file, so the hash identifies the content
    the report was made from wherever the case came from (file, GUI, test).
    """
    return hashlib.sha256(case_to_text(case).encode("utf-8")).hexdigest()


def report_date(case: Case) -> date:
    """The report's fixed date, so that a case gives the same PDF every time: the date
    of the last save in the history, else the session date, else the period's end."""
    for entry in reversed(case.history):
        try:
            return date.fromisoformat(str(entry.time)[:10])
        except ValueError:
            continue
    return case.info.session_date or case.info.period.end or date(2000, 1, 1)


def scenario_title(s: ScenarioResult) -> str:
    role = ROLE_LABELS.get(s.role, s.role)
    label = s.label or s.id
    return f"{role}: {label}" if label.lower() != role.lower() else role


def direction_text(direction: str) -> str:
    """'↑ verbeterd' (a no-break space keeps symbol and word together)."""
    return f"{DIRECTION_SYMBOLS.get(direction, '?')}\u00a0{direction or 'onbekend'}"


def score_text(value: float | None) -> str:
    return "—" if value is None else format_quantity(value)


def or_empty(text: str) -> str:
    return text.strip() if text and text.strip() else NOT_FILLED


def empty(text: str = NOT_FILLED) -> Para:
    return Para(text, "empty")


def paragraphs(text: str) -> list[str]:
    """Split on blank lines; single line breaks inside a paragraph become spaces."""
    blocks = [" ".join(part.split()) for part in text.replace("\r", "").split("\n\n")]
    return [b for b in blocks if b]


def lead_sentences(text: str, max_words: int = 90) -> str:
    """The story in a few sentences: whole sentences of the first paragraph, up to
    about ``max_words`` words (at least one sentence, cut with … if even that is long)."""
    first = next(iter(paragraphs(text)), "")
    words = first.split()
    if len(words) <= max_words:
        return first
    out: list[str] = []
    for sentence in _sentences(first):
        if out and len(" ".join(out + [sentence]).split()) > max_words:
            break
        out.append(sentence)
    result = " ".join(out)
    if len(result.split()) > max_words:
        result = " ".join(result.split()[:max_words]) + " …"
    return result


def _sentences(text: str) -> list[str]:
    out, current = [], []
    for word in text.split():
        current.append(word)
        if word.endswith((".", "!", "?")):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def ordered_scenarios(case: Case, result: CaseResult) -> list[ScenarioResult]:
    """interventie, referentie, variants — the order of the timeline lanes."""
    return [result.scenarios[case.scenarios[i].id] for i in scenario_order(case)
            if case.scenarios[i].id in result.scenarios]


def item_names(case: Case, table: CostTable) -> dict[str, str]:
    names = {item_id: item.name for item_id, item in table.items.items()}
    names.update({item.id: item.name for item in case.custom_items if item.id})
    return names


def payer_series(case: Case, result: CaseResult) -> PayerSeries:
    scenarios = ordered_scenarios(case, result)
    payers = sorted({p for s in scenarios for p in s.by_payer}, key=_payer_order)
    return PayerSeries([payer_label(p) for p in payers],
                       [SeriesInfo(s.id, scenario_title(s), s.role) for s in scenarios],
                       [[s.by_payer.get(p, 0.0) for p in payers] for s in scenarios])


def cumulative_series(case: Case, result: CaseResult) -> CumulativeSeries:
    scenarios = ordered_scenarios(case, result)
    days = [d for s in scenarios for d, _ in s.cumulative]
    return CumulativeSeries([SeriesInfo(s.id, scenario_title(s), s.role) for s in scenarios],
                            [list(s.cumulative) for s in scenarios],
                            min(days) if days else case.info.period.start,
                            max(days) if days else case.info.period.end)


def _payer_order(code: str) -> tuple[int, str]:
    return (PAYERS.index(code) if code in PAYERS else len(PAYERS), code)


#: lines shown in the sensitivity table and the tornado chart
TOP_SWINGS = 15


def tornado_series(result: CaseResult, swings: list[Swing], top: int = TOP_SWINGS
                   ) -> TornadoSeries | None:
    """The ``top`` lines that move the net result most (lines that cannot move it are
    left out); None without a comparison."""
    c = result.comparison
    if c is None:
        return None
    bars = [TornadoBar(s.item_name, s.scenario_id, s.line_index + 1, s.low, s.high)
            for s in swings if s.spread > 0][:top]
    return TornadoSeries(c.net_result, bars)


def build_content(case: Case, result: CaseResult, table: CostTable, *,
                  created: date | None = None,
                  privacy: PrivacyStatus | None = None,
                  uncertainty: UncertaintyResult | None = None,
                  swings: list[Swing] | None = None,
                  omit: frozenset[str] | set[str] | list[str] = frozenset()
                  ) -> ReportContent:
    """The whole report as data. ``created`` defaults to :func:`report_date`.

    The Monte Carlo interval is computed here with the model's fixed default seed and
    number of draws, so the same case gives the same figures (and the same PDF) every
    time. ``privacy``: the outcome of the privacy check for this export, stated in the
    Verantwoording (by location and kind only); None says the check was not run.
    ``uncertainty`` and ``swings``: the interval and sensitivity the caller already has
    for this result (the same defaults); None computes them here. ``omit``: keys of
    :data:`REPORT_SECTIONS` to leave out (the Verantwoording names them).
    """
    from effectencalculator.model.uncertainty import simulate
    from effectencalculator.report import content_sections as cs
    created = created or report_date(case)
    digest = case_sha256(case)
    info = case.info
    timeline = layout_timeline(case, item_names(case, table))
    payers = payer_series(case, result)
    cumulative = cumulative_series(case, result)
    if uncertainty is None:
        uncertainty = simulate(result)
    if swings is None:
        swings = sensitivity(result)
    tornado = tornado_series(result, swings)
    ctx = cs.Context(case, result, table, created, digest, timeline, payers, cumulative,
                     uncertainty, swings, tornado, privacy, check_omitted(omit))
    sections = cs.build_sections(ctx)
    title = f"Casusrapport {info.code}" + (f" — {info.title}" if info.title else "")
    meta = Metadata(
        title=title, subject=f"Casus {info.code}: effecten, baten en besparingen",
        author=info.researcher or "Effectencalculator",
        keywords=["Effectencalculator", info.code, f"casus-sha256:{digest}",
                  f"kostentabel:{result.table_name} {result.table_version}"],
        case_sha256=digest, created=created)
    return ReportContent(cs.build_cover(ctx), sections, meta, payers, cumulative, timeline,
                         tornado, uncertainty, swings)


def all_text(content: DocumentContent) -> list[str]:
    """Every text of the report in reading order (tests, search in the GUI preview)."""
    out: list[str] = [content.cover.title, content.cover.case_code]
    for section in content.sections:
        out.append(section.title)
        for block in section.blocks:
            out.extend(_block_text(block))
    return out


def _block_text(block: Any) -> list[str]:
    if isinstance(block, (Heading, Para, Quote)):
        return [block.text]
    if isinstance(block, Bullets):
        return list(block.items)
    if isinstance(block, Facts):
        return [f"{a} {b}" for a, b in block.rows]
    if isinstance(block, Callout):
        return [block.title, block.text]
    if isinstance(block, TableBlock):
        return [c.title for c in block.columns] + [" ".join(r.cells) for r in block.rows]
    if isinstance(block, KeyFigures):
        return [f"{f.label} {f.value} {f.note}" for f in block.figures]
    if isinstance(block, ChartBlock):
        return [block.title, block.caption]
    return []
