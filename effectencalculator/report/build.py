"""The public entry points of the PDF case report, for the CLI and the GUI.

Compute first, render second: the case is priced once, the content is built from that
result, and only then laid out. A caller that already holds the result (and its Monte
Carlo interval and sensitivity: the window does) passes them in, so a case is parsed,
checked and priced once per command; they must be of this case and table. The file is
written atomically (temporary file, fsync, rename), so a crash or an error never leaves a
half-written PDF behind.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from effectencalculator.model.calculation import calculate
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.gc_pause import gc_paused
from effectencalculator.model.privacy import PrivacyStatus
from effectencalculator.model.storage import atomic_write_bytes
from effectencalculator.report.content import ReportContent, build_content
from effectencalculator.report.pdf import render_pdf

if TYPE_CHECKING:
    from effectencalculator.model.calculation import CaseResult
    from effectencalculator.model.sensitivity import Swing
    from effectencalculator.model.uncertainty import UncertaintyResult

Progress = Callable[[float, str], None]


def report_content(case: Case, table: CostTable, created: date | None = None, *,
                   privacy: PrivacyStatus | None = None, result: CaseResult | None = None,
                   uncertainty: UncertaintyResult | None = None,
                   swings: list[Swing] | None = None,
                   omit: frozenset[str] = frozenset()) -> ReportContent:
    """Price the case (unless ``result`` is given) and build the report content (raises
    InvalidInputError)."""
    return build_content(case, result if result is not None else calculate(case, table),
                         table, created=created, privacy=privacy, uncertainty=uncertainty,
                         swings=swings, omit=omit)


def build_report_pdf(case: Case, table: CostTable, created: date | None = None,
                     progress: Progress | None = None, *,
                     privacy: PrivacyStatus | None = None, result: CaseResult | None = None,
                     uncertainty: UncertaintyResult | None = None,
                     swings: list[Swing] | None = None,
                     omit: frozenset[str] = frozenset()) -> bytes:
    """The PDF as bytes; the same case and table (and date) give the same bytes.

    ``created`` defaults to a date taken from the case (``content.report_date``), never
    today, so that a report can be reproduced. ``privacy``: the outcome of the privacy
    check for this export (``model.privacy.check_privacy``), stated in the
    Verantwoording; None states that the check was not run. ``result``, ``uncertainty``
    and ``swings``: what the caller already computed for this case and table (the
    default Monte Carlo draws and seed); None computes them here. ``omit``: keys of
    ``content.REPORT_SECTIONS`` to leave out (ValueError for a required or unknown
    key). Raises InvalidInputError when the case cannot be priced.
    """
    step = progress or (lambda fraction, message: None)
    # tens of thousands of objects that all stay until the file is written: the cyclic
    # collector would walk them again and again for nothing (model.gc_pause)
    with gc_paused():
        step(0.0, "Berekenen")
        if result is None:
            result = calculate(case, table)
        step(0.1, "Inhoud samenstellen")
        content = build_content(case, result, table, created=created, privacy=privacy,
                                uncertainty=uncertainty, swings=swings, omit=omit)

        def layout(fraction: float, message: str) -> None:
            step(0.15 + 0.75 * fraction, message)

        step(0.15, "Opmaken")
        return render_pdf(content, layout)


def write_report_pdf(case: Case, table: CostTable, path: str | Path, *,
                     created: date | None = None, progress: Progress | None = None,
                     privacy: PrivacyStatus | None = None, result: CaseResult | None = None,
                     uncertainty: UncertaintyResult | None = None,
                     swings: list[Swing] | None = None,
                     omit: frozenset[str] = frozenset()) -> None:
    """Build the report and write it to ``path`` atomically.

    ``progress(fraction 0..1, message)`` is called along the way (for a progress bar).
    Raises InvalidInputError (invalid case) or SaveError (the file could not be written;
    an existing file at ``path`` is then unchanged).
    """
    data = build_report_pdf(case, table, created, progress, privacy=privacy, result=result,
                            uncertainty=uncertainty, swings=swings, omit=omit)
    if progress is not None:
        progress(0.95, "Opslaan")
    atomic_write_bytes(Path(path), data, keep_backup=False)
    if progress is not None:
        progress(1.0, "Klaar")
