"""The portfolio's reopen cache: unchanged files come from it, changed ones are re-read,
another table invalidates, a corrupt file is rebuilt with a notice, no case text is kept."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import TEST_TABLE, case_yaml

from effectencalculator.model.portfolio import build_portfolio
from effectencalculator.model.portfolio_cache import FigureCache, portfolio_figures
from effectencalculator.model.portfolio_figures import figures_of
from effectencalculator.model.storage import load_table


def _case(code: str, hours: float) -> str:
    text = case_yaml(f"""\
        - id: interventie
          role: intervention
          lines:
            - {{item: UUR, quantity: 1, date: 2024-02-01}}
        - id: referentie
          role: reference
          lines:
            - {{item: UUR, quantity: {hours}, date: 2024-02-01}}
        """)
    return text.replace("TEST-001", code).replace("Testgezin", f"Gezin Geheim {code}")


@pytest.fixture
def setup(tmp_path):
    table_file = tmp_path / "test-tabel.yaml"
    table_file.write_text(TEST_TABLE, encoding="utf-8")
    folder = tmp_path / "casussen"
    folder.mkdir()
    for n in range(3):
        (folder / f"c{n}.yaml").write_text(_case(f"C-{n}", 3 + n), encoding="utf-8")
    notices: list[str] = []
    cache = FigureCache(tmp_path / "cache" / "cijfers.sqlite3", notices.append)
    return load_table(table_file), folder, cache, notices


def test_second_run_comes_from_the_cache_with_the_same_figures(setup):
    table, folder, cache, notices = setup
    first = portfolio_figures([folder], table, cache=cache)
    assert (first.computed, first.from_cache) == (3, 0)
    second = portfolio_figures([folder], table, cache=cache)
    assert (second.computed, second.from_cache) == (0, 3)
    assert second.figures == first.figures
    # the uncached build gives the same figures: (4 − 1) hours × 100 = 300 for C-1
    direct = [figures_of(e) for e in build_portfolio([folder], table).cases]
    assert second.figures == direct
    assert second.figures[1].net_result == pytest.approx(300.0)
    assert notices == []


def test_a_changed_file_is_re_read_and_a_removed_one_is_gone(setup):
    table, folder, cache, _ = setup
    portfolio_figures([folder], table, cache=cache)
    (folder / "c1.yaml").write_text(_case("C-1", 11), encoding="utf-8")
    (folder / "c2.yaml").unlink()
    (folder / "c3.yaml").write_text(_case("C-3", 2), encoding="utf-8")
    again = portfolio_figures([folder], table, cache=cache)
    assert (again.computed, again.from_cache) == (2, 1)  # c1 changed, c3 new
    assert [f.code for f in again.figures] == ["C-0", "C-1", "C-3"]
    assert again.figures[1].net_result == pytest.approx(1000.0)  # (11 − 1) × 100


def test_a_new_table_version_invalidates(setup, tmp_path):
    table, folder, cache, _ = setup
    portfolio_figures([folder], table, cache=cache)
    newer = tmp_path / "nieuw.yaml"
    newer.write_text(TEST_TABLE.replace('version: "1.0"', 'version: "1.1"')
                     .replace("tariff: 100.0", "tariff: 110.0"), encoding="utf-8")
    again = portfolio_figures([folder], load_table(newer), cache=cache)
    assert (again.computed, again.from_cache) == (3, 0)
    assert again.figures[0].net_result == pytest.approx(220.0)  # (3 − 1) × 110


def test_a_new_program_version_invalidates(setup):
    table, folder, cache, _ = setup
    portfolio_figures([folder], table, cache=cache)
    later = FigureCache(cache.path, program="99.0")
    assert portfolio_figures([folder], table, cache=later).computed == 3


def test_a_changed_calculation_invalidates_without_a_version_bump(setup, tmp_path):
    """The key holds a digest of the model's sources: an edited calculation module
    (a checkout, a patched install) never gets the old program's figures."""
    from effectencalculator.model.portfolio_cache import MODEL_SOURCES, program_fingerprint

    table, folder, cache, _ = setup
    copies = []
    for name in ("same", "edited"):  # the digest is computed once per folder
        copies.append(tmp_path / name)
        copies[-1].mkdir()
        for path in MODEL_SOURCES.glob("*.py"):
            (copies[-1] / path.name).write_bytes(path.read_bytes())
    calculation = copies[1] / "calculation.py"
    calculation.write_text(calculation.read_text(encoding="utf-8") + "\n# changed\n",
                           encoding="utf-8")
    before = program_fingerprint("0.1.0", copies[0])
    assert before == program_fingerprint("0.1.0", MODEL_SOURCES)
    assert cache.program == program_fingerprint()
    after = program_fingerprint("0.1.0", copies[1])
    assert after != before and after.startswith("0.1.0+")
    portfolio_figures([folder], table, cache=cache)
    cache.close()
    changed = FigureCache(cache.path, program=after)
    assert portfolio_figures([folder], table, cache=changed).computed == 3
    rows = sqlite3.connect(str(cache.path)).execute(
        "SELECT DISTINCT program FROM figures").fetchall()
    assert rows == [(after,)]  # the old program's rows are gone, not kept forever


def test_a_corrupt_cache_file_is_rebuilt_with_a_notice(setup):
    table, folder, cache, notices = setup
    portfolio_figures([folder], table, cache=cache)
    cache.close()
    cache.path.write_bytes(b"dit is geen sqlite-bestand\x00" * 100)
    rebuilt = FigureCache(cache.path, notices.append)
    result = portfolio_figures([folder], table, cache=rebuilt)
    assert len(result.figures) == 3 and result.computed == 3
    assert len(notices) == 1 and "opnieuw opgebouwd" in notices[0]
    assert portfolio_figures([folder], table, cache=rebuilt).from_cache == 3


def test_a_locked_cache_is_not_an_error(setup):
    table, folder, cache, notices = setup
    portfolio_figures([folder], table, cache=cache)
    other = sqlite3.connect(str(cache.path), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        (folder / "c9.yaml").write_text(_case("C-9", 5), encoding="utf-8")
        result = portfolio_figures([folder], table, cache=cache)  # write blocked
        assert [f.code for f in result.figures] == ["C-0", "C-1", "C-2", "C-9"]
        assert notices and "cache" in notices[0]
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_the_cache_holds_no_case_text_and_no_file_names(setup):
    table, folder, cache, _ = setup
    portfolio_figures([folder], table, cache=cache)
    cache.close()
    raw = cache.path.read_bytes()
    assert b"Gezin Geheim" not in raw and b"c0.yaml" not in raw and b"casussen" not in raw
    assert b"C-0" in raw  # the pseudonymous code is kept (duplicates need it)


def test_an_encrypted_case_is_never_cached(setup):
    table, folder, cache, _ = setup
    from effectencalculator.model.crypto import MAGIC

    (folder / "geheim.yaml").write_bytes(MAGIC + b"\x00" * 64)
    portfolio_figures([folder], table, cache=cache)
    result = portfolio_figures([folder], table, cache=cache)
    assert result.from_cache == 3 and result.computed == 1  # read again, never kept
    assert [e.path.name for e in result.failed] == ["geheim.yaml"]


def test_every_file_in_order_and_the_whole_portfolio_only_when_all_was_read(setup):
    """The window lists the files in the order given, a broken one among them; the
    exports need the whole portfolio, which exists only when nothing came from the
    cache (then it equals build_portfolio's, privacy checks included)."""
    table, folder, cache, _ = setup
    (folder / "c15-kapot.yaml").write_text("case: [niet afgesloten\n", encoding="utf-8")
    steps: list[float] = []
    first = portfolio_figures([folder], table, cache=cache, never_export=["Geheim"],
                              progress=lambda f, text: steps.append(f))
    assert [f.path.name for f in first.files] == ["c0.yaml", "c1.yaml", "c15-kapot.yaml",
                                                   "c2.yaml"]
    assert [f.figures is None for f in first.files] == [False, False, True, False]
    assert first.files[2].entry.errors and first.failed == [first.files[2].entry]
    whole = first.portfolio
    assert whole is not None and whole.never_export == ("Geheim",)
    assert [figures_of(e) for e in whole.cases] == [f.figures for f in first.files]
    assert all(e.privacy is not None and e.privacy.open for e in whole.priced)
    assert steps[-1] == 1.0 and steps == sorted(steps)

    again = portfolio_figures([folder], table, cache=cache)
    assert again.portfolio is None and again.from_cache == 3
    assert [f.entry is None for f in again.files] == [True, True, False, True]
    assert [f.figures for f in again.files] == [f.figures for f in first.files]


def test_reading_can_be_cancelled(setup):
    table, folder, cache, _ = setup
    with pytest.raises(InterruptedError):
        portfolio_figures([folder], table, cache=cache, is_cancelled=lambda: True)
