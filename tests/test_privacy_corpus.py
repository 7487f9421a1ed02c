"""The privacy check measured on the corpus: ≥ 95 % of each promised kind found, ≤ 5 %
of the innocent look-alikes flagged (the README quotes the printed figures)."""

from __future__ import annotations

from collections import defaultdict

from privacy_corpus import NEVER_EXPORT, corpus

from effectencalculator.model.privacy import NeverExport, scan_text

CASE_START_YEAR = 2025


def measure() -> tuple[dict[str, list[int]], list[tuple[str, str, list[str]]]]:
    """Per kind [found, total] (kind "" = innocent: [flagged, total]), and the misses."""
    words = NeverExport(NEVER_EXPORT)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for sample in corpus():
        kinds = [f.kind for f in scan_text("x", sample.text, words, CASE_START_YEAR)]
        ok = (sample.kind in kinds) if sample.kind else not kinds
        counts[sample.kind][1] += 1
        counts[sample.kind][0] += (sample.kind in kinds) if sample.kind else bool(kinds)
        if not ok:
            misses.append((sample.kind or "onschuldig", sample.text, kinds))
    return counts, misses


def test_privacy_corpus_rates(capsys):
    counts, misses = measure()
    with capsys.disabled():
        print()
        for kind, (found, total) in sorted(counts.items()):
            label = kind or "onschuldige look-alikes (vals alarm)"
            print(f"  {label:40s} {found:4d} / {total:4d} = {100 * found / total:5.1f} %")
        for kind, text, kinds in misses:
            print(f"  mis: {kind}: {text!r} → {kinds}")
    for kind, (found, total) in counts.items():
        assert total >= 150, kind
        if kind:
            assert found / total >= 0.95, (kind, found, total)
        else:
            assert found / total <= 0.05, (found, total)
