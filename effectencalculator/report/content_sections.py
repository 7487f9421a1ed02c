"""The sections of the case report in their order (DESIGN.md, "What the PDF case report
holds"); each chapter lives in its own module under ``report/sections/``."""

from __future__ import annotations

from effectencalculator.report.content import Cover, Section
from effectencalculator.report.sections.accountability import accountability
from effectencalculator.report.sections.context import Context
from effectencalculator.report.sections.costs import costs
from effectencalculator.report.sections.difference import difference
from effectencalculator.report.sections.privacy import privacy_blocks, privacy_location
from effectencalculator.report.sections.story import outcomes, perspectives, story
from effectencalculator.report.sections.summary import cover, summary

__all__ = ["Context", "build_cover", "build_sections", "privacy_blocks",
           "privacy_location"]


def build_cover(ctx: Context) -> Cover:
    return cover(ctx)


def build_sections(ctx: Context) -> list[Section]:
    """Samenvatting, Het verhaal van het gezin, Perspectieven, Resultaten per leefdomein,
    Inzet en kosten, Verschil en gevoeligheid, Verantwoording.

    Chapters whose id the researcher left out (``ctx.omit``) are not built; the
    Samenvatting and the Verantwoording always are."""
    chapters = [("verhaal", story), ("perspectieven", perspectives),
                ("resultaten", outcomes), ("kosten", costs), ("verschil", difference)]
    return [summary(ctx), *(build(ctx) for key, build in chapters if key not in ctx.omit),
            accountability(ctx)]
