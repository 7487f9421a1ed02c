"""Command line: ``effectencalculator [CASE] | open [CASE] | summary | validate | check |
report | export | portfolio``. Without a command (or with ``open``) the desktop program
starts.

Exit codes: 0 success; 1 a file could not be written, or the privacy check has open
findings; 2 invalid input (messages naming file, line and field on stderr).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

from effectencalculator import __version__
from effectencalculator.log_setup import configure_logging
from effectencalculator.model.calculation import CaseResult, calculate
from effectencalculator.model.case import Case
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.gc_pause import gc_paused
from effectencalculator.model.storage import (
    PasswordRequired,
    SaveError,
    load_table,
    read_case,
    read_table,
)
from effectencalculator.model.summary import summary_dict
from effectencalculator.model.tables import default_table_path, table_for_case
from effectencalculator.model.validation import Finding, Findings, InvalidInputError
from effectencalculator.model.yaml_io import read_yaml_file
from effectencalculator.terminal import safe_output

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
PASSWORD_ENV = "EFFECTENCALCULATOR_PASSWORD"
CASE_SUFFIXES = (".yaml", ".yml", ".ecase")
FORMATS = (".pdf", ".xlsx", ".csv")


class CommandError(Exception):
    """Stops a command with a message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_INVALID):
        super().__init__(message)
        self.code = code


def _report(findings: Sequence[Finding]) -> None:
    """Print each distinct finding once (reading and calculating both check the case)."""
    seen: set[str] = set()
    for finding in findings:
        text = finding.format()
        if text not in seen:
            seen.add(text)
            print(text, file=sys.stderr)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (JJJJ-MM-DD)") from None


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="effectencalculator",
        description="Effectencalculator: prijst de inzet in een casus (interventie en "
                    "referentie) met bronvermelde kostentabellen. Versleutelde casussen "
                    f"(.ecase): het wachtwoord komt uit ${PASSWORD_ENV} of wordt gevraagd.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")

    open_ = sub.add_parser("open", help="open het programma (met venster), eventueel met "
                                        "een casus; ook: effectencalculator [CASUS]",
                           description="Start het programma met venster.")
    open_.add_argument("case", nargs="?", metavar="CASUS")

    def table_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--table", metavar="BESTAND",
                       help="reken met deze kostentabel in plaats van die van de casus")

    def privacy_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--accept-privacy-findings", action="store_true",
                       help="exporteer ondanks open bevindingen van de privacycontrole "
                            "(het rapport vermeldt ze)")

    summary = sub.add_parser("summary", help="bereken een casus en toon de uitkomsten",
                             description="Bereken een casus: totalen per scenario, per "
                                         "financier, besparingen, baten en rendement.")
    summary.add_argument("case", metavar="CASUS", help="casusbestand (.yaml of .ecase)")
    table_option(summary)
    summary.add_argument("--json", action="store_true",
                         help="uitvoer als JSON (bedragen afgerond op centen)")
    summary.add_argument("--uncertainty", action="store_true",
                         help="voeg het Monte Carlo-interval (P10–P50–P90) toe")
    summary.add_argument("--draws", type=int, default=10_000, metavar="N",
                         help="aantal trekkingen voor --uncertainty (standaard 10000)")

    validate = sub.add_parser("validate", help="controleer casus- en kostentabelbestanden",
                              description="Controleer bestanden; exit 0 als alles geldig is, "
                                          "2 bij fouten (meldingen op stderr).")
    validate.add_argument("files", nargs="+", metavar="BESTAND")
    validate.add_argument("--table", metavar="BESTAND",
                          help="controleer casussen tegen deze kostentabel")

    check = sub.add_parser("check", help="privacycontrole van een casus",
                           description="Zoek in alle vrije tekst naar wat mensen herkenbaar "
                                       "maakt (geboortedata, postcodes, telefoonnummers, "
                                       "e-mailadressen, BSN's, adressen, woorden van uw eigen "
                                       "niet-exporteren-lijst). Exit 0: schoon, 1: bevindingen.")
    check.add_argument("case", metavar="CASUS")
    check.add_argument("--never-export", metavar="BESTAND",
                       help="eigen lijst met namen/woorden (één per regel); standaard de lijst "
                            "in uw gebruikersinstellingen")

    report = sub.add_parser("report", help="maak het PDF-casusrapport",
                            description="Maak het casusrapport (PDF, A4) van een casus. "
                                        "Dezelfde casus en kostentabel geven een identiek "
                                        "bestand.")
    report.add_argument("case", metavar="CASUS", help="casusbestand (.yaml of .ecase)")
    report.add_argument("-o", "--output", required=True, metavar="BESTAND.pdf|.docx",
                        help="het te schrijven bestand: .pdf, of .docx (Word, bewerkbaar)")
    table_option(report)
    report.add_argument("--date", type=_iso_date, metavar="JJJJ-MM-DD",
                        help="datum op het rapport (standaard: de laatste opslag van de "
                             "casus, anders de sessiedatum)")
    report.add_argument("--sections", metavar="ONDERDELEN",
                        help="alleen deze onderdelen, met komma's (bijv. verhaal,kosten), of "
                             "'alle' en wat eruit moet, met een minteken (bijv. "
                             "alle,-per-jaar,-bronnen). "
                             "Onderdelen: verhaal, perspectieven, resultaten, kosten, "
                             "varianten, per-jaar, verschil, bronnen, geschiedenis. "
                             "Samenvatting en verantwoording staan er altijd in; de "
                             "verantwoording noemt wat is weggelaten")
    report.add_argument("--short", action="store_true",
                        help="de korte versie voor bestuurders en andere belanghebbenden: "
                             "hoogstens 4 pagina's met het verhaal, de resultaten, de "
                             "kerncijfers, de omslagwaarden en de conclusie")
    privacy_option(report)

    export = sub.add_parser("export", help="exporteer een casus als spreadsheet",
                            description="XLSX: samenvatting, regels per scenario, gebruikte "
                                        "posten met bronnen. CSV: dezelfde tabellen, elk in "
                                        "een eigen bestand (BESTAND.csv, BESTAND-regels-…csv).")
    export.add_argument("case", metavar="CASUS")
    export.add_argument("-o", "--output", required=True, metavar="BESTAND.xlsx|.csv")
    table_option(export)
    privacy_option(export)

    portfolio = sub.add_parser("portfolio", help="vergelijk een verzameling casussen",
                               description="Kerncijfers per casus en samen (totaal, gemiddelde, "
                                           "mediaan, per financier, per categorie), met één "
                                           "kostentabel en één prijspeil.")
    portfolio.add_argument("paths", nargs="+", metavar="PAD",
                           help="casusbestanden of mappen met casussen (*.yaml)")
    portfolio.add_argument("-o", "--output", metavar="BESTAND.pdf|.xlsx|.csv")
    _portfolio_options(portfolio)
    table_option(portfolio)
    portfolio.add_argument("--price-year", type=int, metavar="JAAR",
                           help="prijspeil (standaard: het prijspeil dat de meeste casussen "
                                "gebruiken)")
    portfolio.add_argument("--date", type=_iso_date, metavar="JJJJ-MM-DD",
                           help="datum op het PDF-rapport (standaard: de laatste "
                                "rapportdatum van de casussen, zodat het bestand "
                                "reproduceerbaar is)")
    privacy_option(portfolio)
    return parser


def _gui_target(argv: list[str]) -> tuple[bool, str | None]:
    """Whether these arguments ask for the desktop program, and which case to open."""
    if not argv:
        return True, None
    if argv[0] == "open":
        return len(argv) <= 2, argv[1] if len(argv) == 2 else None
    if len(argv) == 1 and Path(argv[0]).suffix.lower() in CASE_SUFFIXES:
        return True, argv[0]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    arguments = list(sys.argv[1:] if argv is None else argv)
    wants_gui, case_path = _gui_target(arguments)
    if wants_gui:
        from effectencalculator.ui.app import run_gui  # Qt is loaded only for the window

        return run_gui(case_path)
    with safe_output():  # a title's ESC sequence or RTL override reaches no terminal raw
        return _run(arguments)


def _run(arguments: list[str]) -> int:
    parser = _build_parser()
    args = parser.parse_args(arguments)
    commands = {"summary": _summary, "validate": _validate, "check": _check,
                "report": _report_pdf, "export": _export, "portfolio": _portfolio}
    try:
        return commands[args.command](args)
    except InvalidInputError as exc:
        _report(exc.findings)
        return EXIT_INVALID
    except CommandError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return exc.code
    except SaveError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return EXIT_FAILED


# -- shared steps ----------------------------------------------------------------------

def _password(path: str) -> str:
    """From the environment, else a prompt; never from the command line."""
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Wachtwoord voor {path}: ")
    raise CommandError(f"{path}: dit casusbestand is versleuteld; zet het wachtwoord in "
                       f"${PASSWORD_ENV} of start de opdracht in een terminal")


def _read(path: str) -> tuple[Case, Findings]:
    try:
        return read_case(path)
    except PasswordRequired:
        return read_case(path, _password(path))


@dataclass
class Priced:
    case: Case
    table: CostTable
    result: CaseResult
    findings: Findings


def _load_and_price(path: str, table_file: str | None) -> Priced:
    """Read, check and price a case; report warnings; InvalidInputError on errors."""
    case, findings = _read(path)
    if findings.has_errors:
        raise InvalidInputError(findings.items)
    table, notes = table_for_case(case, table_file, path)
    try:
        result = calculate(case, table)
    except InvalidInputError as exc:
        raise InvalidInputError(_in_file(exc.findings, path, findings)) from None
    _report(findings.warnings + notes + _in_file(result.warnings, path, findings))
    return Priced(case, table, result, findings)


def _in_file(items: Sequence[Finding], file: str, context: Findings) -> list[Finding]:
    """Findings of the calculation, placed in the case file with line numbers."""
    placed = Findings(file=file, lines=context.lines)
    for f in items:
        (placed.error if f.is_error else placed.warning)(f.path, f.message)
    return placed.items


def _privacy_gate(case: Case, path: str, accept: bool, status=None):
    """Refuse an export while privacy findings are open, unless explicitly accepted.
    ``status``: the check already made (a portfolio checks its cases while reading)."""
    from effectencalculator.model.privacy import PrivacyStatus, check_privacy, load_never_export

    if status is None:
        status = check_privacy(case, load_never_export())
    if status.clean:
        return status
    for finding in status.open:
        print(f"{path}: {finding.format()}", file=sys.stderr)
    if not accept:
        raise CommandError(f"{path}: de privacycontrole vond {len(status.open)} mogelijk "
                           "herleidbare gegevens; pas ze aan, of exporteer bewust met "
                           "--accept-privacy-findings", EXIT_FAILED)
    return PrivacyStatus(status.findings, list(status.findings))


def _output(path: str, allowed: tuple[str, ...]) -> Path:
    output = Path(path)
    if output.suffix.lower() not in allowed:
        raise CommandError(f"{path}: onbekend uitvoerformaat '{output.suffix}' (kies uit: "
                           f"{', '.join(allowed)})")
    return output


# -- commands ----------------------------------------------------------------------------

def _summary(args: argparse.Namespace) -> int:
    priced = _load_and_price(args.case, args.table)
    uncertainty = None
    if args.uncertainty:
        from effectencalculator.model.uncertainty import simulate

        if args.draws < 100:
            raise CommandError("--draws moet minstens 100 zijn")
        uncertainty = simulate(priced.result, draws=args.draws)
    if args.json:
        data = summary_dict(priced.result, uncertainty)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from effectencalculator.report.text_summary import summary_text
        sys.stdout.write(summary_text(priced.case, priced.result, uncertainty))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from effectencalculator.model.privacy import check_privacy, load_never_export

    case, findings = _read(args.case)
    if findings.has_errors:
        raise InvalidInputError(findings.items)
    words = load_never_export(Path(args.never_export) if args.never_export else None)
    status = check_privacy(case, words)
    for finding in status.open:
        print(f"{args.case}: {finding.format()}")
    for finding in status.accepted:
        print(f"{args.case}: geaccepteerd: {finding.format()}")
    if status.clean:
        print(f"{args.case}: geen herleidbare gegevens gevonden"
              + (f" ({len(status.accepted)} geaccepteerd)" if status.accepted else ""))
        return EXIT_OK
    return EXIT_FAILED


def _report_pdf(args: argparse.Namespace) -> int:
    """Price the case, then write the PDF atomically; on any error no file is left."""
    from effectencalculator.report.content import parse_sections

    output = _output(args.output, (".pdf", ".docx"))
    if args.short and args.sections:
        raise CommandError("--short en --sections gaan niet samen: de korte versie heeft "
                           "een vaste indeling. Kies onderdelen alleen voor het volledige "
                           "rapport.")
    if args.short and output.suffix.lower() == ".docx":
        raise CommandError("--short schrijft alleen PDF: de korte versie is voor lezers, "
                           "niet om te bewerken. Kies -o BESTAND.pdf, of laat --short weg "
                           "voor het volledige rapport in Word.")
    try:
        omit = parse_sections(args.sections) if args.sections else frozenset()
    except ValueError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return EXIT_INVALID
    # A report is some 10**5 objects that stay until the file is written (the case
    # read, priced and laid out): the cyclic collector would walk them again and again
    # and free nothing (5 000 lines: ~5 %).
    with gc_paused():
        return _write_report(args, output, omit)


def _write_report(args: argparse.Namespace, output: Path, omit: frozenset[str]) -> int:
    from effectencalculator.report.build import write_report_pdf

    priced = _load_and_price(args.case, args.table)
    privacy = _privacy_gate(priced.case, args.case, args.accept_privacy_findings)
    if args.short:
        from effectencalculator.report.short_pdf import write_short_pdf
        write_short_pdf(priced.case, priced.table, output, created=args.date,
                        privacy=privacy, result=priced.result)
        print(f"korte versie geschreven: {output}")
        return EXIT_OK
    write = write_report_pdf
    if output.suffix.lower() == ".docx":  # the suffix chooses the format
        from effectencalculator.report.docx_writer import write_report_docx as write
    write(priced.case, priced.table, output, created=args.date, privacy=privacy,
          result=priced.result, omit=omit)  # priced once, above
    print(f"rapport geschreven: {output}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from effectencalculator.export.rows import case_sheets
    from effectencalculator.export.spreadsheet import write_sheets
    from effectencalculator.model.uncertainty import simulate

    output = _output(args.output, (".xlsx", ".csv"))
    priced = _load_and_price(args.case, args.table)
    _privacy_gate(priced.case, args.case, args.accept_privacy_findings)
    sheets = case_sheets(priced.case, priced.result, priced.table, simulate(priced.result))
    for written in write_sheets(sheets, output):
        print(f"geschreven: {written}")
    return EXIT_OK


def _portfolio_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="kerncijfers, waarschuwingen en synthese als JSON op stdout "
                             "(snel: ongewijzigde casussen komen uit de cache)")
    parser.add_argument("--review", metavar="STATUS[,STATUS]",
                        help="tel alleen casussen met deze beoordelingsstatus, bijvoorbeeld "
                             "gecontroleerd,definitief (standaard: alle)")
    parser.add_argument("--population", type=int, metavar="N",
                        help="extrapoleer het netto resultaat naar N gezinnen (bootstrap-"
                             "interval over de casussen; geen aselecte steekproef)")
    parser.add_argument("--no-cache", action="store_true",
                        help="lees alle casussen opnieuw, zonder de cache")


def _portfolio_json(args: argparse.Namespace, table: CostTable) -> int:
    from effectencalculator.model.portfolio_cache import FigureCache, portfolio_figures
    from effectencalculator.model.portfolio_stats import portfolio_dict, summarize

    cache = None if args.no_cache else \
        FigureCache(notice=lambda text: print(f"let op: {text}", file=sys.stderr))
    result = portfolio_figures(args.paths, table, args.price_year, cache)
    if not result.figures and not result.failed:
        raise CommandError("geen casusbestanden gevonden in " + ", ".join(args.paths))
    for entry in result.failed:
        print(f"{entry.path}: niet meegeteld:", file=sys.stderr)
        _report(entry.errors)
    summary = summarize(result.figures, args.review_filter, args.population,
                        [str(e.path) for e in result.failed])
    data = {"cost_table": {"name": table.name, "version": table.version,
                           "sha256": table.sha256}, "price_year": result.price_year}
    data.update(portfolio_dict(summary))
    # indented for a person at a terminal; compact for a script (the C encoder: 1 000
    # cases in a fraction of the time the indenting pure-Python encoder takes)
    print(json.dumps(data, ensure_ascii=False, indent=2 if sys.stdout.isatty() else None))
    return EXIT_OK


def _portfolio_guardrails(portfolio, args: argparse.Namespace) -> None:
    """The warnings, the duplicates and (when asked) the extrapolation, on stderr."""
    summary = portfolio.summary(args.review_filter, args.population)
    for d in summary.duplicates:
        print(f"{d.path}: dubbel: casus {d.code} telt één keer, uit {d.kept}",
              file=sys.stderr)
    for text in summary.warnings:
        print(text, file=sys.stderr)
    ex = summary.extrapolation
    if ex is not None:
        from effectencalculator.report.format import format_euro
        print(f"Extrapolatie naar {ex.population} gezinnen: {format_euro(ex.estimate)} "
              f"({ex.level * 100:.0f}%-interval {format_euro(ex.low)} tot "
              f"{format_euro(ex.high)}; n = {ex.sample_size}; {ex.selection}). {ex.note}")


def _portfolio(args: argparse.Namespace) -> int:
    from effectencalculator.model.portfolio import build_portfolio
    from effectencalculator.model.portfolio_stats import parse_review_filter
    from effectencalculator.model.privacy import load_never_export

    try:
        args.review_filter = parse_review_filter(args.review)
    except ValueError as exc:
        raise CommandError(f"--review: {exc}") from None
    if args.population is not None and args.population < 1:
        raise CommandError("--population moet 1 of meer zijn")
    table = load_table(args.table) if args.table else load_table(default_table_path())
    if args.json and not args.output:
        return _portfolio_json(args, table)
    if not args.output:
        raise CommandError("geef -o BESTAND (pdf, xlsx of csv) of --json")
    output = _output(args.output, FORMATS)
    portfolio = build_portfolio(args.paths, table, price_year=args.price_year,
                                never_export=load_never_export())
    if not portfolio.cases:
        raise CommandError("geen casusbestanden gevonden in " + ", ".join(args.paths))
    for entry in portfolio.failed:
        print(f"{entry.path}: niet meegeteld:", file=sys.stderr)
        _report(entry.errors)
    for entry in portfolio.priced:
        _privacy_gate(entry.case, str(entry.path), args.accept_privacy_findings,
                      entry.privacy)
    if output.suffix.lower() == ".pdf":
        from effectencalculator.report.portfolio_pdf import write_portfolio_pdf

        write_portfolio_pdf(portfolio, output, created=args.date)
        written = [output]
    else:
        from effectencalculator.export.rows import portfolio_sheets
        from effectencalculator.export.spreadsheet import write_sheets

        written = write_sheets(portfolio_sheets(portfolio), output)
    for path in written:
        print(f"geschreven: {path}")
    _portfolio_guardrails(portfolio, args)
    print(f"{len(portfolio.priced)} van {len(portfolio.cases)} casussen berekend "
          f"(kostentabel {table.name} {table.version}, prijspeil {portfolio.price_year})")
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    override = None
    if args.table:
        override, table_findings = read_table(args.table)
        if table_findings.has_errors:
            _report(table_findings.items)
            return EXIT_INVALID
    for name in args.files:
        try:
            ok, kind, findings = _validate_one(Path(name), override)
        except InvalidInputError as exc:
            _report(exc.findings)
            status = EXIT_INVALID
            continue
        _report(findings)
        warnings = len({f.format() for f in findings if not f.is_error})
        if ok:
            print(f"{name}: geldig ({kind}"
                  + (f", {warnings} waarschuwing(en))" if warnings else ")"))
        else:
            status = EXIT_INVALID
    return status


def _validate_one(path: Path, override: CostTable | None) -> tuple[bool, str, list[Finding]]:
    raw_case = path.suffix == ".ecase"
    data = None if raw_case else read_yaml_file(path).data
    is_table = isinstance(data, dict) and "items" in data and "scenarios" not in data \
        and "case" not in data
    if is_table:
        _, findings = read_table(path)
        return not findings.has_errors, "kostentabel", findings.items
    case, findings = _read(str(path))
    if findings.has_errors:
        return False, "casus", findings.items
    if override is not None:
        table, notes = override, []
    else:
        table, notes = table_for_case(case, None, str(path))
    try:
        result = calculate(case, table)
    except InvalidInputError as exc:
        return False, "casus", findings.items + _in_file(exc.findings, str(path), findings)
    return True, "casus", (findings.items + notes +
                           _in_file(result.warnings, str(path), findings))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
