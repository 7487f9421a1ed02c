"""A fast reopen of a portfolio: each case's figures kept in an SQLite file in the
per-user cache folder, keyed by the case file's sha256, the table's sha256, the program
(its version and a digest of the calculation's sources, ``program_fingerprint``) and the
price year.

Reading, pricing and simulating 1 000 cases takes seconds; hashing their bytes takes
milliseconds. So an unchanged file's figures come from here, and a changed, added or
removed file is simply a key that is (or is no longer) asked for. What is kept is
``CaseFigures`` without the file's path (a file name can name a family): amounts,
counts and labels, never case text (see ``portfolio_figures``). An encrypted case is
never kept, nor a case that could not be read or priced (its messages quote the file).
A cache that is corrupt or locked is rebuilt with a notice; it never stops the work.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from effectencalculator import __version__
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.crypto import is_encrypted
from effectencalculator.model.portfolio_figures import CaseFigures, figures_of
from effectencalculator.model.user_dirs import user_cache_dir

if TYPE_CHECKING:
    from effectencalculator.model.portfolio import Portfolio, PortfolioCase

CACHE_NAME = "portfolio-cijfers.sqlite3"
#: bump when ``CaseFigures`` changes shape: older rows are then not read
LAYOUT = 1
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS figures (
    content_sha256 TEXT NOT NULL, table_sha256 TEXT NOT NULL, program TEXT NOT NULL,
    price_year INTEGER NOT NULL, own_price_year INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (content_sha256, table_sha256, program, price_year));
PRAGMA user_version = {LAYOUT};
"""

Notice = Callable[[str], None]


def default_cache_path() -> Path:
    return user_cache_dir() / CACHE_NAME


#: the sources whose code makes the figures: the model (reading, pricing, simulating)
MODEL_SOURCES = Path(__file__).resolve().parent


def program_fingerprint(version: str = __version__, sources: Path = MODEL_SOURCES) -> str:
    """The program part of the cache key: the version and a digest of the model's
    sources, so a changed calculation never serves figures the old one made — also
    between two builds of one version (a developer's checkout, a patched install)."""
    return _fingerprint(version, str(sources))


@lru_cache(maxsize=4)
def _fingerprint(version: str, sources: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(sources).rglob("*.py")):
        digest.update(path.relative_to(sources).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return f"{version}+{digest.hexdigest()[:16]}"


class FigureCache:
    """The cache file; every failure of it becomes a notice and a rebuilt (or, at
    worst, an empty in-memory) cache."""

    def __init__(self, path: Path | None = None, notice: Notice | None = None,
                 program: str | None = None):
        self.path = path or default_cache_path()
        self.notice = notice or (lambda text: None)
        self.program = program or program_fingerprint()
        self.db = self._open()
        # what an older program computed is never read again: keep the file small
        self._guard(lambda: self.db.execute("DELETE FROM figures WHERE program != ?",
                                            (self.program,)), None)

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect(self.path)
        except (sqlite3.Error, OSError) as exc:
            self.notice(f"{self.path}: de cache van het portfolio was onleesbaar of "
                        f"geblokkeerd ({exc}); hij wordt opnieuw opgebouwd")
        try:
            self.path.unlink(missing_ok=True)
            return self._connect(self.path)
        except (sqlite3.Error, OSError) as exc:
            self.notice(f"{self.path}: geen cache mogelijk ({exc}); alles wordt gelezen")
            return self._connect(Path(":memory:"))

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), timeout=0.5, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, LAYOUT):
                db.execute("DROP TABLE IF EXISTS figures")
            db.executescript(_SCHEMA)
            db.execute("SELECT count(*) FROM figures").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _guard(self, work, default):
        """Run a query; a failing cache is rebuilt once (with a notice), never raised."""
        try:
            return work()
        except sqlite3.Error as exc:
            self.notice(f"{self.path}: de cache van het portfolio gaf een fout ({exc}); "
                        "hij wordt opnieuw opgebouwd")
            self.db.close()
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass
            self.db = self._open()
            return default

    def own_years(self, shas: Sequence[str], table_sha: str) -> dict[str, int]:
        """For the files already known with this table: their own price year."""
        def work() -> dict[str, int]:
            out: dict[str, int] = {}
            for chunk in _chunks(list(dict.fromkeys(shas)), 500):
                marks = ",".join("?" * len(chunk))
                out.update(self.db.execute(
                    f"SELECT content_sha256, own_price_year FROM figures WHERE "
                    f"table_sha256 = ? AND program = ? AND content_sha256 IN ({marks})",
                    [table_sha, self.program, *chunk]).fetchall())
            return out
        return self._guard(work, {})

    def get(self, shas: Sequence[str], table_sha: str, year: int
            ) -> dict[str, CaseFigures]:
        def work() -> dict[str, CaseFigures]:
            out: dict[str, CaseFigures] = {}
            for chunk in _chunks(list(dict.fromkeys(shas)), 500):
                marks = ",".join("?" * len(chunk))
                for sha, data in self.db.execute(
                        f"SELECT content_sha256, data FROM figures WHERE table_sha256 = ? "
                        f"AND program = ? AND price_year = ? AND content_sha256 IN "
                        f"({marks})", [table_sha, self.program, year, *chunk]):
                    out[sha] = CaseFigures.from_data(json.loads(data))
            return out
        try:
            return self._guard(work, {})
        except (ValueError, TypeError) as exc:  # a row that is not ours: start again
            self.notice(f"{self.path}: onbekende inhoud in de cache ({exc}); hij wordt "
                        "opnieuw opgebouwd")
            self._guard(lambda: self.db.execute("DELETE FROM figures"), None)
            return {}

    def put(self, rows: Iterable[tuple[str, str, CaseFigures]]) -> None:
        """Keep (content sha, table sha, figures) rows; the path is not kept."""
        values = [(sha, table_sha, self.program, f.price_year, f.own_price_year,
                   json.dumps(replace(f, path="").to_data(), ensure_ascii=False))
                  for sha, table_sha, f in rows]
        if not values:
            return

        def work() -> None:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT OR REPLACE INTO figures VALUES (?,?,?,?,?,?)",
                                    values)
        self._guard(work, None)

    def close(self) -> None:
        self.db.close()


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


@dataclass
class FileFigures:
    """One case file of a portfolio: its figures (None when it could not be read or
    priced) and, when it was read now rather than taken from the cache, its entry."""

    path: Path
    figures: CaseFigures | None
    entry: PortfolioCase | None = None


@dataclass
class CachedPortfolio:
    """The figures of a portfolio's cases in file order, and what could not be read."""

    table: CostTable
    price_year: int
    figures: list[CaseFigures]
    #: PortfolioCase entries of the files that could not be read or priced
    failed: list = field(default_factory=list)
    from_cache: int = 0
    computed: int = 0
    #: every file in the order given, priced or not
    files: list[FileFigures] = field(default_factory=list)
    #: the whole portfolio (cases, results, privacy checks) when every file was read
    #: now; None when some figures came from the cache
    portfolio: Portfolio | None = None


def _hash_files(files: list[Path]) -> list[tuple[str | None, bool]]:
    """Per file: its sha256 (None when unreadable) and whether it is encrypted."""
    out: list[tuple[str | None, bool]] = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError:
            out.append((None, False))
            continue
        out.append((hashlib.sha256(raw).hexdigest(), is_encrypted(raw)))
    return out


Progress = Callable[[float, str], None]


def portfolio_figures(paths: Iterable[str | Path], table: CostTable,
                      price_year: int | None = None, cache: FigureCache | None = None,
                      workers: int | None = None, progress: Progress | None = None,
                      is_cancelled: Callable[[], bool] | None = None,
                      never_export: Sequence[str] | None = None) -> CachedPortfolio:
    """The figures of every case, from the cache where the file, the table and the
    program are unchanged; the rest read, priced and simulated (and then kept).

    The same figures as ``build_portfolio`` gives: the same price year rule (the one
    most cases use, ties the latest, unless given), the same calculation. With a
    ``never_export`` list, the files read now are privacy-checked while reading (as
    ``build_portfolio`` does); ``is_cancelled`` stops the work with InterruptedError."""
    from effectencalculator.model.portfolio import case_files

    step = progress or (lambda fraction, text: None)
    files = case_files(paths)
    step(0.0, f"{len(files)} bestanden herkennen")
    hashes = _hash_files(files)
    cacheable = [sha for sha, encrypted in hashes if sha is not None and not encrypted]
    known = cache.own_years(cacheable, table.sha256) if cache is not None else {}
    own: dict[int, int] = {}          # file index -> own price year (0: the table's)
    results: dict[int, CaseFigures] = {}
    failed: dict[int, PortfolioCase] = {}
    entries: dict[int, PortfolioCase] = {}
    todo = [i for i, (sha, enc) in enumerate(hashes) if sha is None or enc or sha not in known]
    work = _Work(files, table, workers, results, failed, own, entries, step,
                 is_cancelled, never_export, len(files))
    work.compute(todo, price_year)
    for i, (sha, _) in enumerate(hashes):
        if i not in own and sha in known:
            own[i] = known[sha]
    years = Counter(y or table.price_year for y in own.values())
    if price_year is not None:
        year = price_year
    elif years:
        best = max(years.values())
        year = max(y for y, n in years.items() if n == best)
    else:
        year = table.price_year
    wanted = [i for i in range(len(files)) if i not in failed and
              (i not in results or results[i].price_year != year)]
    hits: dict[str, CaseFigures] = {}
    if cache is not None:
        hits = cache.get([sha for sha in (hashes[i][0] for i in wanted)
                          if sha is not None and sha in known],
                         table.sha256, year)
    from_cache = 0
    again = []
    for i in wanted:
        sha = hashes[i][0]
        if sha in hits and i not in results:
            results[i] = replace(hits[sha], path=str(files[i]))
            from_cache += 1
        else:
            again.append(i)
    work.compute(again, year)
    if cache is not None:
        cache.put((sha, table.sha256, f) for (sha, encrypted), f in
                  ((hashes[i], f) for i, f in results.items() if i not in failed)
                  if sha is not None and not encrypted and f.price_year == year
                  and sha not in hits)
    in_order = [FileFigures(path, results.get(i), entries.get(i))
                for i, path in enumerate(files)]
    step(1.0, "Klaar")
    return CachedPortfolio(table, year, [results[i] for i in sorted(results)],
                           [failed[i] for i in sorted(failed)], from_cache, work.computed,
                           in_order, work.whole(year) if from_cache == 0 else None)


@dataclass
class _Work:
    """Reading, pricing and simulating the files the cache cannot answer for (in at
    most two passes: at their own price year, then again at the portfolio's)."""

    files: list[Path]
    table: CostTable
    workers: int | None
    results: dict[int, CaseFigures]
    failed: dict[int, PortfolioCase]
    own: dict[int, int]
    entries: dict[int, PortfolioCase]
    step: Progress
    is_cancelled: Callable[[], bool] | None
    never_export: Sequence[str] | None
    total: int
    computed: int = 0

    def compute(self, indices: list[int], price_year: int | None) -> None:
        """Read, price and simulate the files at ``indices`` (a portfolio of their own)."""
        if not indices:
            return
        from effectencalculator.model.portfolio import build_portfolio

        share = len(indices) / max(1, self.total)
        portfolio = build_portfolio(
            [self.files[i] for i in indices], self.table, price_year,
            progress=lambda f, text: self.step(0.8 * share * f, text),
            is_cancelled=self.is_cancelled, workers=self.workers,
            never_export=self.never_export)
        for n, (i, entry) in enumerate(zip(indices, portfolio.cases)):
            if self.is_cancelled is not None and self.is_cancelled():
                raise InterruptedError("portfolio geannuleerd")
            self.step(0.8 * share + 0.2 * share * n / len(indices),
                      f"Bandbreedte: {entry.code}")
            self.entries[i] = entry
            figures = figures_of(entry)  # simulates, unless a worker did already
            if figures is None:
                self.failed[i] = entry
                self.results.pop(i, None)
            else:
                self.failed.pop(i, None)
                self.results[i] = figures
                self.own[i] = figures.own_price_year
        self.computed += len(indices)

    def whole(self, year: int) -> Portfolio:
        """Every file was read now: the portfolio as ``build_portfolio`` makes it."""
        from effectencalculator.model.portfolio import Portfolio, mark_duplicates

        cases = [self.entries[i] for i in range(len(self.files))]
        mark_duplicates(cases)
        words = None if self.never_export is None else tuple(self.never_export)
        return Portfolio(self.table, year, cases, words)
