"""What a portfolio of cases can and cannot claim: duplicates counted once, how much of
the total a few cases carry, the result with each case left out, a careful
extrapolation, and the qualitative synthesis (domains, readings, mechanisms, review).

A few cases must not speak for many: a national programme claimed savings from 7 of 152
areas. So every output of a portfolio carries the same warnings, made here once.
Pure functions over ``CaseFigures``; no money figure of a case is computed here, only
sums, means, medians and shares of the calculation's own figures.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence, TypeVar

from effectencalculator.model.portfolio_figures import CaseFigures
from effectencalculator.model.vocabulary import DIRECTIONS, REVIEW_STATUSES

T = TypeVar("T")

#: fewer cases than this, or one case carrying more than this share: a warning
MIN_CASES = 5
TOP1_WARNING_SHARE = 0.5
BOOTSTRAP_DRAWS = 10_000
BOOTSTRAP_SEED = 20260210
BOOTSTRAP_LEVEL = 0.95
NOT_RANDOM = ("De casussen zijn gekozen voor een sessie en vormen geen aselecte steekproef: "
              "deze extrapolatie is een rekenvoorbeeld, geen schatting voor de populatie.")


# -- duplicates ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Duplicate:
    """A file whose case code another file also has; the case counts once, from ``kept``."""

    code: str
    path: str
    kept: str


def _save_moment(saved: str) -> datetime:
    """The moment of a history time, comparable whatever its time zone (none: UTC)."""
    try:
        moment = datetime.fromisoformat(saved)
    except ValueError:
        return datetime.min
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def split_duplicates(items: Sequence[T], code: Callable[[T], str],
                     saved: Callable[[T], str], path: Callable[[T], str]
                     ) -> tuple[list[T], list[Duplicate]]:
    """One item per case code: the newest save by its history (ties: the file named first
    when sorted); the others are returned as duplicates, naming the file that counts."""
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[code(item).strip().casefold() or path(item)].append(item)
    kept: list[T] = []
    duplicates: list[Duplicate] = []
    chosen = set()
    for members in groups.values():
        best = max(sorted(members, key=path),  # max keeps the first of equals
                   key=lambda m: _save_moment(saved(m)))
        chosen.add(id(best))
        for other in sorted(members, key=path):
            if other is not best:
                duplicates.append(Duplicate(code(other), path(other), path(best)))
    kept = [item for item in items if id(item) in chosen]
    return kept, sorted(duplicates, key=lambda d: (d.code, d.path))


# -- totals -------------------------------------------------------------------------------

@dataclass(frozen=True)
class KeyStats:
    total: float
    mean: float
    median: float


def key_stats(values: Sequence[float]) -> KeyStats | None:
    """Total, mean and median per case of one figure (None without cases)."""
    if not values:
        return None
    return KeyStats(sum(values), statistics.fmean(values), statistics.median(values))


def summed(parts: Iterable[dict[str, float]]) -> dict[str, float]:
    """Amounts per key (payer, category) added over the cases, keys sorted."""
    totals: dict[str, float] = defaultdict(float)
    for part in parts:
        for key, value in part.items():
            totals[key] += value
    return dict(sorted(totals.items()))


# -- guardrails ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Spread:
    total: float
    mean: float
    median: float
    low: float
    high: float


@dataclass(frozen=True)
class LeaveOneOut:
    """The portfolio's mean (and total) with each case left out in turn."""

    mean_low: float
    mean_high: float
    total_low: float
    total_high: float
    #: the case whose leaving out moves the mean most
    most_influential: str


@dataclass(frozen=True)
class Concentration:
    #: share of the total net result carried by the largest case / three largest cases
    #: (largest by size, either sign); None when the total is 0
    top1_share: float | None
    top3_share: float | None
    top1_code: str
    top3_codes: tuple[str, ...]


def spread(values: Sequence[float]) -> Spread | None:
    if not values:
        return None
    return Spread(sum(values), statistics.fmean(values), statistics.median(values),
                  min(values), max(values))


def concentration(cases: Sequence[CaseFigures]) -> Concentration:
    ranked = sorted(cases, key=lambda c: (-abs(c.net_result), c.code))
    total = sum(c.net_result for c in cases)
    top1, top3 = ranked[:1], ranked[:3]

    def share(part: Sequence[CaseFigures]) -> float | None:
        if not part or total == 0:
            return None
        return sum(c.net_result for c in part) / total
    return Concentration(share(top1), share(top3), top1[0].code if top1 else "",
                         tuple(c.code for c in top3))


def leave_one_out(cases: Sequence[CaseFigures]) -> LeaveOneOut | None:
    if len(cases) < 2:
        return None
    total = sum(c.net_result for c in cases)
    n = len(cases)
    means = [(total - c.net_result) / (n - 1) for c in cases]
    overall = total / n
    influential = max(range(n), key=lambda i: (abs(means[i] - overall), -i))
    totals = [total - c.net_result for c in cases]
    return LeaveOneOut(min(means), max(means), min(totals), max(totals),
                       cases[influential].code)


def warnings_for(cases: Sequence[CaseFigures], conc: Concentration) -> list[str]:
    """The sentences every portfolio output shows (Dutch)."""
    out = []
    if len(cases) < MIN_CASES:
        out.append(f"Let op: maar {len(cases)} casus{'sen' if len(cases) != 1 else ''} "
                   f"(minder dan {MIN_CASES}); de cijfers zeggen weinig over andere "
                   "gezinnen.")
    if conc.top1_share is not None and conc.top1_share > TOP1_WARNING_SHARE:
        out.append(f"Let op: één casus ({conc.top1_code}) draagt "
                   f"{_percent(conc.top1_share)} van het totale netto resultaat (meer dan "
                   "de helft).")
    return out


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %".replace(".", ",")


# -- extrapolation ------------------------------------------------------------------------

@dataclass(frozen=True)
class Extrapolation:
    population: int
    sample_size: int
    selection: str
    codes: tuple[str, ...]
    mean: float
    estimate: float
    low: float
    high: float
    level: float = BOOTSTRAP_LEVEL
    draws: int = BOOTSTRAP_DRAWS
    seed: int = BOOTSTRAP_SEED
    note: str = NOT_RANDOM


def extrapolate(cases: Sequence[CaseFigures], population: int, selection: str,
                draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED
                ) -> Extrapolation | None:
    """Mean net result per case × ``population``, with a percentile bootstrap interval
    over the cases (resampled with replacement; fixed seed, so the same every run)."""
    if not cases or population < 1:
        return None
    import numpy as np

    values = np.array([c.net_result for c in cases], dtype=float)
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(draws, len(values)))].mean(axis=1)
    tail = (1 - BOOTSTRAP_LEVEL) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    mean = float(values.mean())
    return Extrapolation(population, len(cases), selection, tuple(c.code for c in cases),
                         mean, mean * population, float(low) * population,
                         float(high) * population, draws=draws, seed=seed)


# -- synthesis ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReadingChange:
    mean_change: float
    readings: int
    cases: int


@dataclass(frozen=True)
class MechanismCount:
    tag: str
    cases: int
    kostenverlagend: int
    kostenverhogend: int


def domain_directions(cases: Sequence[CaseFigures]) -> dict[str, dict[str, int]]:
    """Per life domain: in how many cases it improved, stayed equal, worsened, unknown."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for c in cases:
        for domain, direction in set(c.directions):
            counts[domain or "(geen domein)"][direction] += 1
    return {d: {k: counts[d][k] for k in DIRECTIONS} for d in sorted(counts)}


def reading_changes(cases: Sequence[CaseFigures]) -> dict[str, dict[str, ReadingChange]]:
    """Per domain and per scale the mean change (end − start) of the readings; scales are
    never mixed, and readings without a scale are not averaged."""
    changes: dict[tuple[str, str], list[float]] = defaultdict(list)
    who: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in cases:
        for domain, scale, change in c.reading_changes:
            changes[(domain, scale)].append(change)
            who[(domain, scale)].add(c.code)
    out: dict[str, dict[str, ReadingChange]] = defaultdict(dict)
    for (domain, scale), values in sorted(changes.items()):
        out[domain][scale] = ReadingChange(statistics.fmean(values), len(values),
                                           len(who[(domain, scale)]))
    return dict(out)


def mechanism_counts(cases: Sequence[CaseFigures]) -> list[MechanismCount]:
    """Tags counted per case, case-insensitively after trimming; most frequent first.
    The tag is shown as most cases spell it."""
    spelling: dict[str, Counter] = defaultdict(Counter)
    in_cases: Counter = Counter()
    effects: dict[str, Counter] = defaultdict(Counter)
    for c in cases:
        seen: set[str] = set()
        for tag, effect in c.mechanisms:
            key = " ".join(tag.split()).casefold()
            if not key:
                continue
            spelling[key][" ".join(tag.split())] += 1
            if key not in seen:
                in_cases[key] += 1
                seen.add(key)
                if effect:
                    effects[key][effect] += 1
    return [MechanismCount(min(spelling[k].items(), key=lambda s: (-s[1], s[0]))[0],
                           n, effects[k]["kostenverlagend"], effects[k]["kostenverhogend"])
            for k, n in sorted(in_cases.items(), key=lambda kv: (-kv[1], kv[0]))]


def review_counts(cases: Sequence[CaseFigures]) -> dict[str, int]:
    counts = Counter(c.review for c in cases)
    return {s: counts[s] for s in REVIEW_STATUSES} | \
        {s: n for s, n in sorted(counts.items()) if s not in REVIEW_STATUSES}


def by_proeftuin(cases: Sequence[CaseFigures]) -> dict[str, Spread]:
    groups: dict[str, list[float]] = defaultdict(list)
    for c in cases:
        groups[c.proeftuin or "(geen proeftuin)"].append(c.net_result)
    return {name: spread(values) for name, values in sorted(groups.items())}  # type: ignore


# -- together -----------------------------------------------------------------------------

@dataclass
class PortfolioSummary:
    """Everything a portfolio output says about the cases together."""

    #: distinct cases that passed the review filter, in file order
    cases: list[CaseFigures]
    #: distinct cases before the filter (the review counts are over these)
    distinct: list[CaseFigures]
    duplicates: list[Duplicate]
    review_filter: tuple[str, ...]
    net_result: Spread | None
    concentration: Concentration
    leave_one_out: LeaveOneOut | None
    warnings: list[str]
    by_review: dict[str, int]
    domains: dict[str, dict[str, int]]
    readings: dict[str, dict[str, ReadingChange]]
    mechanisms: list[MechanismCount]
    proeftuinen: dict[str, Spread]
    extrapolation: Extrapolation | None = None
    failed: list[str] = field(default_factory=list)

    @property
    def selection(self) -> str:
        return selection_text(self.review_filter, len(self.cases), len(self.distinct))


def selection_text(review_filter: Sequence[str], chosen: int, distinct: int) -> str:
    if not review_filter:
        return f"alle {distinct} casussen (elke beoordelingsstatus)"
    return (f"{chosen} van {distinct} casussen met beoordelingsstatus "
            f"{' of '.join(review_filter)}")


def parse_review_filter(text: str | None) -> tuple[str, ...]:
    """``--review gecontroleerd,definitief`` → the statuses; '' or ``all``/``alle`` → all.
    ValueError (Dutch) for an unknown status."""
    if not text or text.strip().casefold() in ("all", "alle"):
        return ()
    statuses = tuple(dict.fromkeys(s.strip() for s in text.split(",") if s.strip()))
    unknown = [s for s in statuses if s not in REVIEW_STATUSES]
    if unknown:
        raise ValueError(f"onbekende beoordelingsstatus '{unknown[0]}' (kies uit: "
                         f"{', '.join(REVIEW_STATUSES)}, of 'alle')")
    return statuses


def summarize(figures: Sequence[CaseFigures], review_filter: Sequence[str] = (),
              population: int | None = None, failed: Sequence[str] = ()
              ) -> PortfolioSummary:
    """The portfolio summary of priced cases' figures (duplicates are split off here)."""
    distinct, duplicates = split_duplicates(list(figures), lambda f: f.code,
                                            lambda f: f.saved, lambda f: f.path)
    chosen = [f for f in distinct if not review_filter or f.review in review_filter]
    conc = concentration(chosen)
    summary = PortfolioSummary(
        cases=chosen, distinct=distinct, duplicates=duplicates,
        review_filter=tuple(review_filter),
        net_result=spread([c.net_result for c in chosen]), concentration=conc,
        leave_one_out=leave_one_out(chosen), warnings=warnings_for(chosen, conc),
        by_review=review_counts(distinct), domains=domain_directions(chosen),
        readings=reading_changes(chosen), mechanisms=mechanism_counts(chosen),
        proeftuinen=by_proeftuin(chosen), failed=list(failed))
    if population is not None:
        summary.extrapolation = extrapolate(chosen, population, summary.selection)
    return summary


def relative(path: str, base: Path | None = None) -> str:
    """A file as the user named it, relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to((base or Path.cwd()).resolve()))
    except ValueError:
        return path


def portfolio_dict(summary: PortfolioSummary) -> dict[str, Any]:
    """The ``portfolio --json`` document; amounts rounded to cents one by one."""
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 2)

    def share(x: float | None) -> float | None:
        return None if x is None else round(x, 4)
    s, conc, loo, ex = summary.net_result, summary.concentration, summary.leave_one_out, \
        summary.extrapolation
    data: dict[str, Any] = {
        "case_count": len(summary.cases),
        "selection": summary.selection,
        "review_filter": list(summary.review_filter) or "alle",
        "warnings": summary.warnings,
        "net_result": ({"total": r(s.total), "mean": r(s.mean), "median": r(s.median),
                        "min": r(s.low), "max": r(s.high)} if s else
                       {"total": 0.0, "mean": None, "median": None, "min": None,
                        "max": None}),
        "concentration": {"top1_share": share(conc.top1_share),
                          "top3_share": share(conc.top3_share),
                          "top1_case": conc.top1_code, "top3_cases": list(conc.top3_codes)},
        "leave_one_out": None if loo is None else {
            "mean_min": r(loo.mean_low), "mean_max": r(loo.mean_high),
            "total_min": r(loo.total_low), "total_max": r(loo.total_high),
            "most_influential": loo.most_influential},
        "duplicates": [{"code": d.code, "file": d.path, "counted": d.kept}
                       for d in summary.duplicates],
        "by_review": summary.by_review,
        "by_domain": summary.domains,
        "readings": {d: {scale: {"mean_change": round(v.mean_change, 3),
                                 "readings": v.readings, "cases": v.cases}
                         for scale, v in scales.items()}
                     for d, scales in summary.readings.items()},
        "mechanisms": [{"tag": m.tag, "cases": m.cases, "kostenverlagend": m.kostenverlagend,
                        "kostenverhogend": m.kostenverhogend} for m in summary.mechanisms],
        "by_proeftuin": {name: {"cases": None, "total": r(v.total), "mean": r(v.mean),
                                "median": r(v.median)}
                         for name, v in summary.proeftuinen.items()},
        "cases": [case_dict(c) for c in summary.cases],
        "failed": list(summary.failed),
    }
    counts = Counter(c.proeftuin or "(geen proeftuin)" for c in summary.cases)
    for name, entry in data["by_proeftuin"].items():
        entry["cases"] = counts[name]
    if ex is not None:
        data["extrapolation"] = {
            "population": ex.population, "sample_size": ex.sample_size,
            "selection": ex.selection, "cases": list(ex.codes), "mean_per_case": r(ex.mean),
            "estimate": r(ex.estimate), "low": r(ex.low), "high": r(ex.high),
            "level": ex.level, "method": f"bootstrap over de casussen ({ex.draws} trekkingen,"
                                         f" seed {ex.seed})", "note": ex.note}
    return data


def case_dict(c: CaseFigures) -> dict[str, Any]:
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 2)
    return {"code": c.code, "file": c.path, "proeftuin": c.proeftuin, "review": c.review,
            "price_year": c.price_year, "reference": c.reference,
            "intervention": c.intervention, "reference_total": r(c.reference_total),
            "intervention_total": r(c.intervention_total), "net_result": r(c.net_result),
            "besparingen": r(c.besparingen), "baten": r(c.baten),
            "investment": r(c.investment), "transfers": r(c.transfers),
            "return_per_euro": c.return_per_euro, "p10": r(c.p10), "p90": r(c.p90),
            "uncertain": c.uncertain, "unpriced_lines": c.unpriced_lines,
            "repriced": c.repriced,
            "by_payer": {k: round(v, 2) for k, v in sorted(c.by_payer.items())}}
