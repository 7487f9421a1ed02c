"""The portfolio PDF: the cases of one pilot (or several) together, with the look of the
case report — the same renderer (``pdf.py``: styles, fonts, page templates, header and
footer) lays out the content of ``portfolio_content.py``.

Compute first, render second; the file is written atomically (temporary file, fsync,
rename), so an error never leaves a half-written PDF. The same cases and table give the
same bytes (fixed date, fixed Monte Carlo seed, reportlab's invariant mode).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from effectencalculator.model.portfolio import Portfolio
from effectencalculator.model.storage import atomic_write_bytes
from effectencalculator.report.pdf import render_pdf
from effectencalculator.report.portfolio_content import PortfolioContent, build_portfolio_content

Progress = Callable[[float, str], None]


def portfolio_content(portfolio: Portfolio, created: date | None = None
                      ) -> PortfolioContent:
    """The report as data (for a preview in the GUI)."""
    return build_portfolio_content(portfolio, created)


def build_portfolio_pdf(portfolio: Portfolio, created: date | None = None,
                        progress: Progress | None = None) -> bytes:
    """The portfolio PDF as bytes; the same portfolio (and date) give the same bytes.

    ``created`` defaults to the latest report date of its cases
    (``portfolio_content.portfolio_date``), never today while a case could be read.
    """
    step = progress or (lambda fraction, message: None)
    step(0.0, "Inhoud samenstellen")

    def simulate_step(fraction: float, message: str) -> None:
        step(0.4 * fraction, message)

    content = build_portfolio_content(portfolio, created, simulate_step)

    def layout(fraction: float, message: str) -> None:
        step(0.45 + 0.45 * fraction, message)

    step(0.45, "Opmaken")
    return render_pdf(content, layout)


def write_portfolio_pdf(portfolio: Portfolio, path: str | Path, *,
                        created: date | None = None, progress: Progress | None = None
                        ) -> None:
    """Build the portfolio PDF and write it to ``path`` atomically.

    ``progress(fraction 0..1, message)`` is called along the way. Raises SaveError when
    the file cannot be written (an existing file at ``path`` is then unchanged).
    """
    data = build_portfolio_pdf(portfolio, created, progress)
    if progress is not None:
        progress(0.95, "Opslaan")
    atomic_write_bytes(Path(path), data, keep_backup=False)
    if progress is not None:
        progress(1.0, "Klaar")
