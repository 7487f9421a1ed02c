"""A large portfolio is read in worker processes; it must equal reading case by case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from effectencalculator.model import portfolio_workers
from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.privacy import check_privacy
from effectencalculator.model.storage import load_table
from effectencalculator.model.tables import default_table_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The examples several times over (each copy with a case code of its own: the same
    code twice would be one case), one at another price year, and a broken file."""
    cases = tmp_path_factory.mktemp("portefeuille")
    for n in range(4):
        for example in sorted((ROOT / "examples").glob("*.yaml")):
            text = re.sub(r"(?m)^(  code: .*)$", rf"\1-{n}", example.read_text("utf-8"),
                          count=1)
            (cases / f"{n}-{example.name}").write_text(text, "utf-8")
    text = (cases / "0-pt-ams-014-noordhoek.yaml").read_text("utf-8")
    assert "\n  price_year: 2025\n" in text
    (cases / "9-prijspeil-2024.yaml").write_text(
        text.replace("\n  price_year: 2025\n", "\n  price_year: 2024\n")
        .replace("PT-AMS-014-0", "PT-AMS-014-9"), "utf-8")
    (cases / "9-kapot.yaml").write_text("schema_version: 1\ncase: [niet goed\n", "utf-8")
    return cases, load_table(default_table_path())


def _summary(portfolio):
    rows = []
    for entry in portfolio.cases:
        u = entry.uncertainty
        rows.append((entry.path.name, entry.code, [f.format() for f in entry.errors],
                     entry.repriced, entry.privacy,
                     entry.result.comparison.net_result if entry.ok else None,
                     [(r.index, r.cost, r.counted) for s in entry.result.scenarios.values()
                      for r in s.lines] if entry.ok else None,
                     (u.net_result, u.besparingen, u.baten) if u else None))
    return portfolio.price_year, rows


def test_worker_processes_give_what_reading_case_by_case_gives(folder):
    cases, table = folder
    serial = build_portfolio([cases], table, workers=1)
    parallel = build_portfolio([cases], table, workers=2)
    assert _summary(parallel) == _summary(serial)
    assert len(serial.failed) == 1 and len(serial.priced) == 13
    repriced = [e for e in parallel.cases if e.repriced]
    assert [e.path.name for e in repriced] == ["9-prijspeil-2024.yaml"]
    assert repriced[0].repriced == ["prijspeil 2024 omgerekend naar 2025"]


def test_privacy_is_checked_while_reading_with_the_list_given(folder):
    """The export gate's check is made in the workers, with the never-export list given;
    with another list (the user edited it since), the portfolio checks again."""
    cases, table = folder
    words = ["Noordhoek"]
    serial = build_portfolio([cases], table, workers=1, never_export=words)
    parallel = build_portfolio([cases], table, workers=2, never_export=words)
    assert _summary(parallel) == _summary(serial)
    assert parallel.never_export == ("Noordhoek",)
    for entry in parallel.priced:
        # the file name is checked too: the portfolio's outputs print it
        assert entry.privacy == check_privacy(entry.case, words, file_name=entry.file_name)
        assert parallel.privacy_of(entry, words) is entry.privacy
    noordhoek = [e for e in parallel.priced if e.code.startswith("PT-AMS-014")]
    assert noordhoek and all(any(f.kind == "verboden woord" for f in e.privacy.open)
                             for e in noordhoek)
    jonkers = next(e for e in parallel.priced if e.code.startswith("PT-UTR-031"))
    assert not any(f.kind == "verboden woord" for f in jonkers.privacy.open)
    again = parallel.privacy_of(jonkers, ["Jonkers"])
    assert any(f.kind == "verboden woord" for f in again.open)
    unchecked = build_portfolio([cases], table, workers=1)
    assert unchecked.never_export is None and unchecked.cases[0].privacy is None
    first = unchecked.priced[0]
    assert unchecked.privacy_of(first, words) == check_privacy(
        first.case, words, file_name=first.file_name)


def test_a_chosen_price_year_is_used_in_the_workers(folder):
    cases, table = folder
    serial = build_portfolio([cases], table, price_year=2023, workers=1)
    parallel = build_portfolio([cases], table, price_year=2023, workers=2)
    assert parallel.price_year == 2023 and _summary(parallel) == _summary(serial)


def test_cancelling_stops_the_workers(folder):
    cases, table = folder
    with pytest.raises(InterruptedError):
        build_portfolio([cases], table, workers=2, is_cancelled=lambda: True)


def test_without_worker_processes_the_portfolio_is_read_here(folder, monkeypatch):
    """A machine (or sandbox) that refuses new processes still gets its portfolio."""
    cases, table = folder

    def refuse(*args, **kwargs):
        raise OSError("no processes allowed")

    monkeypatch.setattr(portfolio_workers, "ProcessPoolExecutor", refuse)
    steps = []
    fallback = build_portfolio([cases], table, workers=2,
                               progress=lambda f, text: steps.append(f))
    assert _summary(fallback) == _summary(build_portfolio([cases], table, workers=1))
    assert steps[-1] == 1.0


def test_large_portfolios_use_processes_by_default(folder, monkeypatch):
    cases, table = folder
    used = []
    real = portfolio_workers.prepare_in_processes
    monkeypatch.setattr(portfolio_workers, "prepare_in_processes",
                        lambda *a, **k: used.append(a[4]) or real(*a, **k))
    monkeypatch.setattr("effectencalculator.model.portfolio.PARALLEL_FROM", 10)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    build_portfolio([cases], table)
    assert used == [2]
    monkeypatch.setattr("effectencalculator.model.portfolio.PARALLEL_FROM", 100)
    build_portfolio([cases], table)
    assert used == [2], "a small portfolio is read in this process"


def test_collector_paused_while_building_and_back_after(folder):
    import gc

    from effectencalculator.model.gc_pause import gc_paused

    seen = []
    cases, table = folder
    build_portfolio([cases], table, workers=1,
                    progress=lambda f, text: seen.append(gc.isenabled()))
    assert seen and not any(seen[:-1]) and gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "nested: still paused"
        raise RuntimeError("an error inside the block")
    assert gc.isenabled()
