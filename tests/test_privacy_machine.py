"""No machine details in outputs: a portfolio and a report run from a temporary folder
name their case files relative to the folder chosen, never by absolute path (it holds
the user's name), and the PDF and XLSX metadata carry no user or host name."""

from __future__ import annotations

import getpass
import io
import shutil
import socket
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from pypdf import PdfReader

from effectencalculator.cli import main


def _texts(path: Path) -> list[str]:
    """What a file says, every way a reader could get at it."""
    data = path.read_bytes()
    out = [data.decode("latin-1")]
    if path.suffix == ".pdf":
        reader = PdfReader(io.BytesIO(data))
        out += [page.extract_text() for page in reader.pages]
        out += [str(v) for v in (reader.metadata or {}).values()]
    elif path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            out += [z.read(name).decode("utf-8") for name in z.namelist()]
            out += z.namelist()
    return out


def _metadata(path: Path) -> list[str]:
    if path.suffix == ".pdf":
        return [str(v) for v in (PdfReader(str(path)).metadata or {}).values()]
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("docProps/")]


@pytest.fixture
def run_here(tmp_path, monkeypatch):
    """Cases in a folder of their own below the temporary folder, run from there."""
    folder = tmp_path / "gevallen van onderzoeker"
    folder.mkdir()
    for case in sorted((ROOT / "examples").glob("*.yaml")):
        shutil.copy(case, folder / case.name)
    (folder / "kapot.yaml").write_text("case: [niet af\n", "utf-8")     # a failed case
    never_export = tmp_path / "lijst.txt"
    never_export.write_text("", "utf-8")
    monkeypatch.setenv("EFFECTENCALCULATOR_NEVER_EXPORT", str(never_export))
    monkeypatch.chdir(tmp_path)
    return tmp_path, folder


def test_privacy_no_output_names_the_folder_it_was_run_from(run_here, capsys):
    tmp_path, folder = run_here
    out = tmp_path / "uit"
    out.mkdir()
    case = folder / "pt-ams-014-noordhoek.yaml"
    for args in (["portfolio", str(folder), "-o", str(out / "portfolio.pdf")],
                 ["portfolio", str(folder.absolute()), "-o", str(out / "portfolio.xlsx")],
                 ["portfolio", str(folder), "-o", str(out / "portfolio.csv")],
                 ["report", str(case), "-o", str(out / "rapport.pdf")],
                 ["export", str(case.absolute()), "-o", str(out / "casus.xlsx")],
                 ["export", str(case), "-o", str(out / "casus.csv")]):
        assert main(args) == 0, args
    capsys.readouterr()
    written = sorted(out.iterdir())
    assert len(written) > 6                        # the CSV exports write several files
    forms = {str(tmp_path), str(tmp_path.resolve()), str(folder), str(folder.resolve()),
             "gevallen van onderzoeker"}
    for path in written:
        for text in _texts(path):
            for form in forms:
                assert form not in text, f"{path.name} noemt {form}"
    portfolio_csv = (out / "portfolio.csv").read_text("utf-8-sig")
    assert "pt-ams-014-noordhoek.yaml" in portfolio_csv and "kapot.yaml" in portfolio_csv


def test_privacy_metadata_carries_no_user_or_host_name(run_here, capsys):
    tmp_path, folder = run_here
    case = folder / "pt-gld-047-van-der-veen.yaml"
    for args in (["report", str(case), "-o", "rapport.pdf"],
                 ["export", str(case), "-o", "casus.xlsx"],
                 ["portfolio", str(folder), "-o", "portfolio.pdf"]):
        assert main(args) == 0
    capsys.readouterr()
    names = {getpass.getuser(), socket.gethostname(), Path.home().name} - {""}
    for name in ("rapport.pdf", "casus.xlsx", "portfolio.pdf"):
        metadata = " ".join(_metadata(tmp_path / name))
        for word in names:
            assert word not in metadata, f"{name}: {word}"
        assert "anonymous" not in metadata and "www.reportlab.com" not in metadata
    assert "Effectencalculator" in " ".join(_metadata(tmp_path / "rapport.pdf"))
