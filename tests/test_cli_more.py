"""The commands around the core: privacy check, exports, portfolio, uncertainty,
encrypted cases, and no network use — in this process through ``cli.main``, and in a
fresh process where only that shows it (no network)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import EXAMPLE_CASE, ROOT, cli, cli_process

from effectencalculator.model.storage import load_case, save_case


@pytest.fixture
def no_list(tmp_path):
    """An empty never-export list, so the user's real settings are never read."""
    path = tmp_path / "niet-exporteren.txt"
    path.write_text("", "utf-8")
    return {"EFFECTENCALCULATOR_NEVER_EXPORT": str(path)}


@pytest.fixture
def leaky_case(tmp_path):
    case = load_case(EXAMPLE_CASE)
    case.perspectives[0].text += " Bel haar op 06-12345678."
    path = tmp_path / "lek.yaml"
    save_case(case, path)
    return path


def test_check_clean_and_with_findings(leaky_case, no_list, tmp_path):
    clean = cli("check", EXAMPLE_CASE, env_extra=no_list)
    assert clean.returncode == 0 and "geen herleidbare gegevens" in clean.stdout
    leaky = cli("check", leaky_case, env_extra=no_list)
    assert leaky.returncode == 1
    assert "perspectives[0].text" in leaky.stdout and "telefoonnummer" in leaky.stdout
    words = tmp_path / "woorden.txt"
    words.write_text("Noordhoek\n", "utf-8")
    named = cli("check", EXAMPLE_CASE, "--never-export", words, env_extra=no_list)
    assert named.returncode == 1 and "niet-exporteren-lijst" in named.stdout


def test_exports_are_refused_until_privacy_findings_are_accepted(leaky_case, no_list,
                                                                  tmp_path):
    pdf = tmp_path / "rapport.pdf"
    refused = cli("report", leaky_case, "-o", pdf, env_extra=no_list)
    assert refused.returncode == 1 and "--accept-privacy-findings" in refused.stderr
    assert not pdf.exists()
    xlsx = tmp_path / "casus.xlsx"
    assert cli("export", leaky_case, "-o", xlsx, env_extra=no_list).returncode == 1
    assert not xlsx.exists()
    accepted = cli("report", leaky_case, "-o", pdf, "--accept-privacy-findings",
                   env_extra=no_list)
    assert accepted.returncode == 0, accepted.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_export_xlsx_and_csv(no_list, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    run = cli("export", EXAMPLE_CASE, "-o", tmp_path / "casus.xlsx", env_extra=no_list)
    assert run.returncode == 0, run.stderr
    book = openpyxl.load_workbook(tmp_path / "casus.xlsx")
    assert "Samenvatting" in book.sheetnames and "Regels interventie" in book.sheetnames
    run = cli("export", EXAMPLE_CASE, "-o", tmp_path / "casus.csv", env_extra=no_list)
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in tmp_path.glob("casus*.csv"))
    assert names == ["casus-maatschappij-en-financiers.csv", "casus-posten-en-bronnen.csv",
                     "casus-regels-interventie.csv", "casus-regels-referentie.csv",
                     "casus.csv"]
    assert cli("export", EXAMPLE_CASE, "-o", tmp_path / "casus.ods").returncode == 2


def test_portfolio_of_the_examples_with_a_broken_file(no_list, tmp_path):
    folder = tmp_path / "pilot"
    shutil.copytree(ROOT / "examples", folder)
    (folder / "kapot.yaml").write_text("schema_version: 1\ncase: [\n", "utf-8")
    run = cli("portfolio", folder, "-o", tmp_path / "pilot.csv", env_extra=no_list)
    assert run.returncode == 0, run.stderr
    assert "kapot.yaml" in run.stderr and "3 van 4 casussen berekend" in run.stdout
    text = (tmp_path / "pilot.csv").read_text("utf-8")
    assert "PT-AMS-014" in text and "PT-UTR-031" in text and "YAML-fout" in text
    pdf = cli("portfolio", folder, "-o", tmp_path / "pilot.pdf", env_extra=no_list)
    assert pdf.returncode == 0, pdf.stderr
    again = cli("portfolio", folder, "-o", tmp_path / "pilot2.pdf", env_extra=no_list)
    assert again.returncode == 0
    assert (tmp_path / "pilot.pdf").read_bytes() == (tmp_path / "pilot2.pdf").read_bytes()


def test_summary_json_with_uncertainty():
    run = cli("summary", EXAMPLE_CASE, "--json", "--uncertainty", "--draws", "2000")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    u = data["uncertainty"]
    assert u["draws"] == 2000 and u["net_result"]["p10"] <= u["net_result"]["p90"]
    assert isinstance(u["uncertain"], bool) and 0 <= u["share_intervention_cheaper"] <= 1
    assert "uncertainty" not in json.loads(cli("summary", EXAMPLE_CASE, "--json").stdout)


def test_uncertain_case_says_so():
    run = cli("summary", ROOT / "examples" / "pt-gld-047-van-der-veen.yaml", "--uncertainty")
    assert run.returncode == 0
    assert "Onzeker" in run.stdout


def test_encrypted_case_with_password_from_the_environment(tmp_path):
    path = tmp_path / "casus.ecase"
    save_case(load_case(EXAMPLE_CASE), path, password="zeer geheim")
    ok = cli("summary", path, "--json", env_extra={"EFFECTENCALCULATOR_PASSWORD": "zeer geheim"})
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["case"] == "PT-AMS-014"
    wrong = cli("summary", path, env_extra={"EFFECTENCALCULATOR_PASSWORD": "fout"})
    assert wrong.returncode == 2 and "wachtwoord is onjuist" in wrong.stderr
    env = {k: v for k, v in os.environ.items() if k != "EFFECTENCALCULATOR_PASSWORD"}
    missing = subprocess.run([sys.executable, "-m", "effectencalculator", "summary",
                              str(path)], capture_output=True, text=True, env=env,
                             stdin=subprocess.DEVNULL, timeout=60)
    assert missing.returncode == 2 and "EFFECTENCALCULATOR_PASSWORD" in missing.stderr


NO_NETWORK = textwrap.dedent("""\
    import socket

    def _refuse(*args, **kwargs):
        raise OSError("netwerk is uitgeschakeld in deze test")

    class _NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            _refuse()

    socket.socket = _NoSocket
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    """)


def test_everything_works_without_network(no_list, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK, "utf-8")
    env = dict(no_list, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH",
                                                                              "")]))
    check = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"],
                           env=dict(os.environ, **env), capture_output=True, text=True)
    assert check.returncode != 0 and "netwerk is uitgeschakeld" in check.stderr
    for args in (("summary", EXAMPLE_CASE, "--json", "--uncertainty"),
                 ("report", EXAMPLE_CASE, "-o", tmp_path / "r.pdf"),
                 ("export", EXAMPLE_CASE, "-o", tmp_path / "c.xlsx"),
                 ("portfolio", ROOT / "examples", "-o", tmp_path / "p.xlsx")):
        run = cli_process(*args, env_extra=env)
        assert run.returncode == 0, (args, run.stderr)
