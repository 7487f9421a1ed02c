"""Shared fixtures: a small hand-checkable cost table and case builders."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_CASE = ROOT / "examples" / "pt-ams-014-noordhoek.yaml"
DEFAULT_TABLE = ROOT / "cost_tables" / "nl-jeugd-gezin.yaml"

# Index 2014 = 100, 2024 = 125, 2025 = 130: factors are easy to compute by hand.
TEST_TABLE = textwrap.dedent("""\
    schema_version: 1
    name: test-tabel
    version: "1.0"
    title: Testtabel
    price_year: 2024
    currency: EUR
    sources:
      - {id: s1, title: Bron een, publisher: Test, year: 2024, url: "https://example.org/s1"}
    index:
      name: testindex
      source: s1
      values: {2014: 100.0, 2024: 125.0, 2025: 130.0}
    items:
      - {id: UUR, name: Uur hulp, category: hulp, kind: inzet, unit: uur, tariff: 100.0,
         payer: gemeente, source: s1, low: 80.0, high: 120.0}
      - {id: OTS, name: Ondertoezichtstelling, category: jeugdbescherming, kind: inzet,
         unit: jaar, tariff: 8000.0, price_year: 2014, payer: gemeente, source: s1}
      - {id: BIJSTAND, name: Bijstand, category: inkomen, kind: effect, unit: maand,
         tariff: 1000.0, payer: gemeente, source: s1}
      - {id: VERZUIM, name: Productiviteitsverlies, category: werk, kind: effect, unit: uur,
         tariff: 40.0, payer: werkgever, source: s1}
      - {id: GGZ, name: GGZ-contact, category: zorg, kind: inzet, unit: contact,
         tariff: 120.0, payer: zorgverzekeraar, source: s1}
    """)


@pytest.fixture
def table_path(tmp_path: Path) -> Path:
    path = tmp_path / "test-tabel.yaml"
    path.write_text(TEST_TABLE, encoding="utf-8")
    return path


def case_yaml(scenarios: str, settings: str = "", extra: str = "",
              period: str = "{start: 2024-01-01, end: 2025-12-31}") -> str:
    """A minimal valid case around the given scenarios block (YAML text)."""
    text = textwrap.dedent("""\
        schema_version: 1
        case:
          code: TEST-001
          title: Testgezin
          period: {period}
        scenarios:
        {scenarios}
        settings:
          cost_table: test-tabel
        {settings}
        {extra}
        """)
    return text.format(period=period,
                       scenarios=textwrap.indent(textwrap.dedent(scenarios), "  "),
                       settings=textwrap.indent(textwrap.dedent(settings), "  "),
                       extra=textwrap.dedent(extra))


@pytest.fixture
def write_case(tmp_path: Path):
    def write(text: str, name: str = "casus.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return write


@dataclass
class CliRun:
    """What one command left behind (the fields of ``subprocess.CompletedProcess``)."""

    returncode: int
    stdout: str
    stderr: str


def cli(*args, env_extra: dict[str, str] | None = None, cwd: Path | None = None) -> CliRun:
    """``effectencalculator ARGS`` in this process, through ``cli.main``: fast, and the
    code runs under the suite's warning filters. The environment, the working folder and
    standard input (empty: never a password prompt) are set for the call and restored."""
    from effectencalculator.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), os.getcwd(), sys.stdin
    os.environ.update(env_extra or {})
    try:
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin = io.StringIO("")
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse: --help, or a usage error
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return CliRun(code, out.getvalue(), err.getvalue())


def cli_process(*args, env_extra: dict[str, str] | None = None, cwd: Path | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess:
    """The entry point as a user starts it, ``python -m effectencalculator ARGS``, in a
    fresh process (for what only a new process shows: hash seeds, imports, no network)."""
    return subprocess.run([sys.executable, "-m", "effectencalculator", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env_extra or {})}, cwd=cwd,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def ctx(tmp_path: Path):
    """An application context with fake dialogs, timers and settings (GUI tests)."""
    from test_ui_support import make_context
    return make_context(tmp_path)


@pytest.fixture
def window(qtbot, ctx):
    """A main window on an empty case, torn down without a save prompt."""
    from test_ui_support import make_window
    win = make_window(qtbot, ctx)
    yield win
    win.doc.undo_stack.setClean()  # never prompt while tearing down


@pytest.fixture(autouse=True)
def _own_cache_folder(tmp_path_factory, monkeypatch):
    """Every test its own per-user cache folder (the portfolio's reopen cache), beside
    its tmp_path: none writes to the developer's, none finds another test's figures."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
