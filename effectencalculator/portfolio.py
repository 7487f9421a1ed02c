"""The portfolio for evaluators' own analysis: pandas DataFrames from a notebook.

    >>> from effectencalculator.portfolio import frames
    >>> cases, lines = frames(["casussen/"])            # default table, common price year
    >>> cases.groupby("proeftuin")["netto resultaat"].median()
    >>> lines.pivot_table("kosten geteld", "financier", "scenario", aggfunc="sum")

``cases``: one row per case file, the columns of the XLSX sheet *Casussen* and more —
review state, mechanisms, whether the file is a duplicate (then it is not counted), and
the two views of a social cost-benefit analysis: the whole of society (``netto
resultaat``; transfers net out) and each payer's business case (``netto <financier>``).
``lines``: one row per service line of every counted case, the columns of the XLSX
sheet *Regels* (scenario, item, payer, kind, cost …). The rows come from
``export.rows``, the same functions as the XLSX, so the numbers agree with it.
pandas is imported here only, never when the desktop program starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple

from effectencalculator.export.rows import (
    LINE_COLUMNS,
    PORTFOLIO_COLUMNS,
    line_rows,
    portfolio_case_rows,
)
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.portfolio import Portfolio, build_portfolio
from effectencalculator.model.storage import load_table
from effectencalculator.model.tables import default_table_path
from effectencalculator.model.vocabulary import PAYERS

if TYPE_CHECKING:
    import pandas as pd

#: the columns ``cases`` has beyond the XLSX sheet, in this order
EXTRA_CASE_COLUMNS = ["beoordeling", "mechanismen", "dubbel van", "overdrachten"] + \
    [f"netto {payer}" for payer in PAYERS + ("wlz",)]


class Frames(NamedTuple):
    cases: pd.DataFrame
    lines: pd.DataFrame


def frames(paths: Iterable[str | Path], table: CostTable | str | Path | None = None,
           price_year: int | None = None) -> Frames:
    """Read, price and simulate the cases (files or folders) with one table (default:
    the shipped one) and one price year, as two DataFrames."""
    if table is None:
        table = load_table(default_table_path())
    elif not isinstance(table, CostTable):
        table = load_table(table)
    return portfolio_frames(build_portfolio(list(paths), table, price_year))


def portfolio_frames(portfolio: Portfolio) -> Frames:
    """The DataFrames of a portfolio that is already built."""
    import pandas as pd

    payers = EXTRA_CASE_COLUMNS[4:]
    extra = []
    for entry in portfolio.cases:
        case, c = entry.case, entry.result.comparison if entry.result else None
        review = case.info.review.status if case and case.info.review else "concept"
        tags = "; ".join(m.tag.strip() for m in case.narrative.mechanisms
                         if m.tag.strip()) if case else ""
        row = [review, tags, str(entry.duplicate_of) if entry.duplicate_of else "",
               c.transfers if c else None]
        row += [c.by_payer.get(p.removeprefix("netto "), 0.0) if c else None for p in payers]
        extra.append(row)
    cases = pd.DataFrame([base + more for base, more in
                          zip(portfolio_case_rows(portfolio), extra)],
                         columns=PORTFOLIO_COLUMNS + EXTRA_CASE_COLUMNS)
    lines: list[list] = []
    for entry in portfolio.priced:
        lines += line_rows(entry.case, entry.result)  # type: ignore[arg-type]
    return Frames(cases, pd.DataFrame(lines, columns=LINE_COLUMNS))
